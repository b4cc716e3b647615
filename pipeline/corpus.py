"""The corpus manifest: which documents there are, their roles, and which central document each
provincial document implements (declared, or detected from its "Thực hiện …" citation)."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, PrivateAttr, ValidationError, field_validator

from .fsutil import os_reason
from .model import Citation, Document, DocumentMeta, DoichieuError, Notice
from .vntext import fold, type_within


class ManifestEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: str
    role: Literal["central", "provincial"]
    id: str | None = None
    implements: list[str] | str | None = None  # central document id(s)
    meta: dict[str, str] = {}

    @field_validator("meta")
    @classmethod
    def _known_fields(cls, meta: dict[str, str]) -> dict[str, str]:
        settable = {name for name, spec in DocumentMeta.__dataclass_fields__.items() if spec.type in ("str | None",)}
        unknown = sorted(set(meta) - settable)
        if unknown:
            raise ValueError(f"không có trường {', '.join(unknown)} (các trường dùng được: {', '.join(sorted(settable))})")
        return meta


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    documents: list[ManifestEntry]
    _unlisted: list[str] = PrivateAttr(default_factory=list)

    @property
    def unlisted(self) -> list[str]:
        """Paths found in the role folders that the manifest file does not list."""
        return self._unlisted

    def with_folders(self, corpus_dir: Path) -> Manifest:
        """The manifest and, after its entries, every file of corpus_dir/central/ and corpus_dir/provincial/
        it does not list (hidden files aside; a link that loops or leads nowhere too, so that it is reported), in
        name order."""
        listed = {_resolved(corpus_dir / entry.path) for entry in self.documents}
        found = []
        for role in ROLES:
            folder = corpus_dir / role
            if folder.is_dir():
                found += [ManifestEntry(path=f"{role}/{f.name}", role=role) for f in sorted(folder.iterdir())
                          if not f.name.startswith(".") and (f.is_file() or f.is_symlink() and not f.is_dir())
                          and _resolved(f) not in listed]
        manifest = Manifest(documents=[*self.documents, *found])
        manifest._unlisted = [entry.path for entry in found]
        return manifest


def _resolved(path: Path) -> Path:
    """The real path of a corpus file; a symbolic link that loops or leads nowhere stays as named (reading it is
    then one failure among the others, not the end of the run)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


ROLES = ("central", "provincial")  # a document's role is also the name of the folder it may be dropped in


def load_manifest(corpus_dir: Path) -> Manifest:
    """corpus_dir/manifest.yaml, validated, with the documents dropped in corpus_dir/central/ and
    corpus_dir/provincial/ that it does not list (their role is their folder's; `unlisted` names them). Without a
    manifest the two folders are the corpus."""
    path = corpus_dir / "manifest.yaml"
    if not path.exists():
        if any((corpus_dir / role).is_dir() for role in ROLES):
            return Manifest(documents=[]).with_folders(corpus_dir)
        # say what a corpus folder needs, not only that one file of it is missing
        where = "không có thư mục này" if not corpus_dir.is_dir() else "thư mục này không có manifest.yaml"
        raise DoichieuError(str(corpus_dir), f"{where}: một corpus cần tệp khai báo manifest.yaml hoặc các thư mục "
                                             f"{'/ và '.join(ROLES)}/ chứa văn bản")
    return _read_manifest(path).with_folders(corpus_dir)


def _read_manifest(path: Path) -> Manifest:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return Manifest.model_validate(data)
    except OSError as error:
        raise DoichieuError(str(path), f"không đọc được tệp khai báo corpus ({os_reason(error)})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" ở dòng {mark.line + 1}, cột {mark.column + 1}" if mark is not None else ""
        raise DoichieuError(str(path), f"tệp khai báo corpus không hợp lệ: lỗi cú pháp YAML{where} "
                                       f"({getattr(error, 'problem', None) or error})") from None
    except ValidationError as error:
        raise DoichieuError(str(path), f"tệp khai báo corpus không hợp lệ: {_validation_text(error)}") from None


# What pydantic's common complaints about a manifest mean, in Vietnamese; the rare others keep pydantic's words.
_COMPLAINTS = {
    "missing": "thiếu trường này",
    "string_type": "phải là một chuỗi",
    "list_type": "phải là một danh sách",
    "dict_type": "phải là các cặp 'khóa: giá trị'",
    "model_type": "phải là các cặp 'khóa: giá trị'",
}
# pydantic names each branch of a union it tried after the field ("implements", "list[str]", 0): a type, no field.
_UNION_BRANCH = re.compile(r"(?:str|int|float|bool|list|dict|set|tuple)(?:\[.*\])?")


def _validation_text(error: ValidationError) -> str:
    """pydantic's complaints about a manifest, one phrase each: where ("documents, mục 2, role") and what."""
    phrases: list[str] = []
    for item in error.errors():
        loc = list(item["loc"])
        fields = ManifestEntry.model_fields if any(isinstance(step, int) for step in loc) else Manifest.model_fields
        branch = next((n for n, step in enumerate(loc) if isinstance(step, str) and _UNION_BRANCH.fullmatch(step)
                       and step not in fields), None)
        if branch is not None:
            loc = loc[:branch]
        where = ", ".join(f"mục {step + 1}" if isinstance(step, int) else str(step) for step in loc) or "nội dung tệp"
        kind, given = item["type"], item.get("input")
        if branch is not None:
            what = "không đúng kiểu dữ liệu"
        elif kind == "extra_forbidden":
            what = f"không có trường này (các trường dùng được: {', '.join(fields)})"
        elif kind == "literal_error":
            what = f"phải là {item['ctx']['expected'].replace(' or ', ' hoặc ')} (nhận {given!r})"
        elif kind == "value_error":
            what = str(item["ctx"]["error"])
        else:
            what = _COMPLAINTS.get(kind) or f"không hợp lệ ({item['msg']})"
        phrase = f"{where}: {what}"
        if phrase not in phrases:
            phrases.append(phrase)
    return "; ".join(phrases)


def _number_key(number: str | None) -> str:
    return fold(number or "").replace(" ", "")


def detect_central(provincial: Document, centrals: list[Document]) -> list[str]:
    """Ids of the central documents a provincial document says it implements (by số hiệu)."""
    wanted = [_number_key(c.number) for c in provincial.meta.implements]
    found = []
    for central in centrals:
        key = _number_key(central.meta.number)
        if key and key in wanted:
            found.append(central.id)
    return found


# a Party body's number: the type code before the '/' ("104-CTr/TU")
_PARTY_NUMBER = re.compile(r"\d+-([^/\d][^/]*/[^/]+)")


def _symbol_key(number: str | None) -> str:
    """The ký hiệu of a số hiệu, after its last '/' ("BTC-QLCS" of "8388/BTC-QLCS", "NĐ-CP" of
    "178/2026/NĐ-CP"), folded. A Party body's number puts the type code before the '/' ("104-CTr/TU"): its ký
    hiệu is "CTr/TU", as segment reads a number left blank ("Số -CTr/TU")."""
    if not number or "/" not in number:
        return ""
    party = _PARTY_NUMBER.fullmatch(number.replace(" ", ""))
    return _number_key(party.group(1) if party else number.rsplit("/", 1)[-1])


def _dates_agree(cited: str, own: str) -> bool:
    """A cited date (YYYY-MM-DD, YYYY-MM or YYYY) and a document's own, either perhaps cut short (a blank
    day, an unreadable one): the shorter is the start of the longer."""
    return cited.startswith(own) or own.startswith(cited)


def by_symbol(provincial: Document, centrals: list[Document]) -> list[tuple[Document, Citation]]:
    """Central documents whose số hiệu could not be read (OCR) found from a citation of the provincial document
    that no central number answers: the same ký hiệu ("BTC-QLCS", a Party body's "CTr/TU"), the same document
    type (or its genus: vntext.type_within) and a date that agrees with the cited one. Only when unambiguous: one central
    document for the citation, one citation for it."""
    numbers = {_number_key(c.meta.number) for c in centrals if c.meta.number}
    unread = _unread(centrals)
    found: list[tuple[Document, Citation]] = []
    for citation in provincial.meta.implements:
        if _number_key(citation.number) in numbers or not (citation.doc_type and citation.date):
            continue
        fits = [c for c in unread if _number_key(c.meta.symbol) == _symbol_key(citation.number)
                and c.meta.doc_type and type_within(citation.doc_type, c.meta.doc_type)
                and c.meta.date and _dates_agree(citation.date, c.meta.date)]
        if len(fits) == 1:
            found.append((fits[0], citation))
    return [(central, citation) for central, citation in found
            if sum(other is central for other, _ in found) == 1]


def unread_candidates(provincial: Document, centrals: list[Document]) -> list[Document]:
    """Central documents whose number could not be read and whose ký hiệu a citation of the provincial document
    bears, however by_symbol judged them: what to name when no pair could be made."""
    symbols = {_symbol_key(c.number) for c in provincial.meta.implements} - {""}
    return [c for c in _unread(centrals) if _number_key(c.meta.symbol) in symbols]


def _unread(centrals: list[Document]) -> list[Document]:
    """The central documents whose number could not be read but whose ký hiệu could."""
    return [c for c in centrals if not c.meta.number and c.meta.symbol]


def symbol_notice(central: Document, provincial: Document, citation: Citation) -> Notice:
    """What a pair made by the ký hiệu says: the number was not read, so a legal officer should check it."""
    return Notice(provincial.path, f"số hiệu của văn bản trung ương {central.path} không đọc được (ký hiệu "
                                   f"{central.meta.symbol}); ghép với {citation.number} mà văn bản này nêu theo ký "
                                   f"hiệu, loại văn bản ({citation.doc_type}) và ngày: kiểm tra lại, hoặc khai báo "
                                   "'implements' trong manifest", code="pairing-by-symbol")


def pairing_notice(central: Document, provincial: Document) -> Notice | None:
    """A notice when the provincial document says what it carries out ("Thực hiện Chương trình hành động số
    104-CTr/TU …") and the central document it is compared with is none of those: the links then rest on the
    wording alone, and a legal officer should know."""
    said = [c.number for c in provincial.meta.implements if c.number]
    own = _number_key(central.meta.number)
    if not said or not own or own in {_number_key(n) for n in said}:
        return None
    return Notice(provincial.path, f"văn bản này nêu là thực hiện {', '.join(dict.fromkeys(said))}, không nêu "
                                   f"{central.meta.number}: các liên kết với văn bản đó chỉ dựa trên nội dung",
                  code="pairing-not-cited")


def pair_documents(documents: list[Document], declared: dict[str, list[str]],
                   notices: dict[tuple[str, str], Notice] | None = None,
                   central_unread: bool = False) -> list[tuple[Document, Document]]:
    """(central, provincial) pairs: declared in the manifest, else detected from citations (by số hiệu, or by
    ký hiệu when a central number was unreadable: see by_symbol); a lone central document pairs with every
    provincial document that names nothing, unless the corpus listed other central documents that could not be
    read (`central_unread`): the provincial one may carry out one of those. `notices` receives, by (central id,
    provincial id), what a pair made by the ký hiệu says."""
    centrals = [d for d in documents if d.role == "central"]
    pairs = []
    for provincial in (d for d in documents if d.role == "provincial"):
        targets = declared.get(provincial.id) or detect_central(provincial, centrals)
        if not declared.get(provincial.id):
            for central, citation in by_symbol(provincial, centrals):
                targets = [*targets, central.id]
                if notices is not None:
                    notices[central.id, provincial.id] = symbol_notice(central, provincial, citation)
        if not targets and len(centrals) == 1 and not central_unread:
            targets = [centrals[0].id]
        for central in centrals:
            if central.id in targets:
                pairs.append((central, provincial))
    return pairs
