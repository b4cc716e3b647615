"""Word .docx files (python-docx + the package XML): body paragraphs and tables in document order,
auto-numbering labels rebuilt from numbering.xml, style hints, header table as fields, legacy fonts.

Word keeps list labels ("1.", "a)", "-", "I.") out of the text: they live in numbering.xml as
abstract numbering definitions (numFmt, lvlText, start, lvlRestart) instantiated by w:num entries
(with lvlOverride/startOverride). The labels are recomputed here the way Word displays them: one
counter set per abstract list, a level restarts when a shallower level advances, a w:num with a
startOverride restarts its levels when first used.
"""
from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel

from ..model import DoichieuError, Notice, SourceLine, SourceText
from ..rules import load_rules
from ..vntext import nfc
from . import repair
from .layout import header_fields, header_kind, is_layout_cell, page_break
from .sniff import BROKEN_ZIP, unreadable
from .text import legacy_name

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
# Symbol/Wingdings private-use bullets and what they look like
_BULLETS = {"\uf0b7": "•", "\uf02d": "-", "\uf0a7": "▪", "\uf076": "•", "\uf0d8": "•", "\uf0e0": "•",
            "\uf0fc": "•", "\uf0a8": "•", "\uf0de": "•", "o": "◦", "": "•"}


class _NumberingLetters(BaseModel):
    letters: str

    model_config = {"extra": "ignore"}


@lru_cache(maxsize=1)
def vietnamese_letters() -> list[str]:
    return load_rules("numbering", _NumberingLetters).letters.split()


def _val(element, tag: str, default: str | None = None) -> str | None:
    if element is None:
        return default
    child = element.find(f"{_W}{tag}")
    if child is None:
        return default
    return child.get(f"{_W}val", default)


def _on(element, tag: str) -> bool | None:
    """A w:b-like toggle: True, False, or None when absent."""
    if element is None:
        return None
    child = element.find(f"{_W}{tag}")
    if child is None:
        return None
    return child.get(f"{_W}val", "true").lower() not in ("0", "false", "off", "none")


# --------------------------------------------------------------------------- numbering


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # lvlRestart: restart after this (1-based) level; 0 = never


@dataclass
class Numbering:
    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    num_to_abstract: dict[str, str] = field(default_factory=dict)
    overrides: dict[str, dict[int, tuple[int | None, Level | None]]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)
    letter_warnings: set[str] = field(default_factory=set)

    @classmethod
    def from_xml(cls, root) -> Numbering:
        numbering = cls()
        if root is None:
            return numbering
        for abstract in root.findall(f"{_W}abstractNum"):
            levels = {}
            for lvl in abstract.findall(f"{_W}lvl"):
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = _level(lvl)
            numbering.abstract[abstract.get(f"{_W}abstractNumId")] = levels
        for num in root.findall(f"{_W}num"):
            num_id = num.get(f"{_W}numId")
            numbering.num_to_abstract[num_id] = _val(num, "abstractNumId")
            overrides = {}
            for override in num.findall(f"{_W}lvlOverride"):
                ilvl = int(override.get(f"{_W}ilvl", "0"))
                start = _val(override, "startOverride")
                lvl = override.find(f"{_W}lvl")
                overrides[ilvl] = (int(start) if start is not None else None, _level(lvl) if lvl is not None else None)
            numbering.overrides[num_id] = overrides
        return numbering

    def level(self, num_id: str, ilvl: int) -> Level | None:
        override = self.overrides.get(num_id, {}).get(ilvl)
        if override and override[1] is not None:
            return override[1]
        abstract = self.num_to_abstract.get(num_id)
        return self.abstract.get(abstract, {}).get(ilvl) if abstract is not None else None

    def label(self, num_id: str, ilvl: int) -> tuple[str, str | None]:
        """(label as Word displays it, a warning about Vietnamese letter order or None)."""
        abstract = self.num_to_abstract.get(num_id)
        level = self.level(num_id, ilvl)
        if abstract is None or level is None:
            return "", None
        counters = self.counters.setdefault(abstract, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for override_level, (start, _) in self.overrides.get(num_id, {}).items():
                if start is not None:
                    counters[override_level] = start - 1
        counters[ilvl] = counters.get(ilvl, self._start(num_id, ilvl) - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            # lvlRestart: 0 = never restart; n = restart when level n (1-based) or a shallower one is used;
            # absent = restart when any shallower level is used
            restart = (self.level(num_id, deeper) or Level()).restart
            if restart is None or (restart != 0 and ilvl <= restart - 1):
                del counters[deeper]
        if level.fmt == "bullet":
            text = level.text or ""
            return "".join(_BULLETS.get(c, c) for c in text) or "•", None
        if level.fmt == "none":
            return "", None

        def value(match: re.Match) -> str:
            k = int(match.group(1)) - 1
            k_level = self.level(num_id, k) or Level()
            count = counters.get(k, self._start(num_id, k))
            return format_number(count, k_level.fmt)

        text = re.sub(r"%(\d)", value, level.text)
        warning = None
        if level.fmt == "lowerLetter" and abstract not in self.letter_warnings:
            count = counters[ilvl]
            letters = vietnamese_letters()
            word_letter = format_number(count, "lowerLetter")
            if count <= len(letters) and letters[count - 1] != word_letter:
                self.letter_warnings.add(abstract)
                warning = (f"đánh số chữ cái của Word hiện '{word_letter}' ở chỗ thứ tự tiếng Việt là "
                           f"'{letters[count - 1]}' (a, b, c, d, đ, e …); giữ nhãn như Word hiển thị")
        return text, warning

    def _start(self, num_id: str, ilvl: int) -> int:
        level = self.level(num_id, ilvl)
        return level.start if level else 1


def _level(lvl) -> Level:
    start = _val(lvl, "start")
    restart = _val(lvl, "lvlRestart")
    return Level(start=int(start) if start is not None else 1, fmt=_val(lvl, "numFmt", "decimal") or "decimal",
                 text=_val(lvl, "lvlText", "") or "", restart=int(restart) if restart is not None else None)


def _roman(number: int) -> str:
    values = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
              (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = []
    for value, letters in values:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def format_number(number: int, fmt: str) -> str:
    """A counter in a Word numFmt: decimal, decimalZero, lowerLetter, upperLetter, lowerRoman, upperRoman."""
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1) if number > 0 else ""
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(number)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt == "decimalZero":
        return f"{number:02d}"
    return str(number)


# --------------------------------------------------------------------------- styles


@dataclass
class StyleInfo:
    name: str = ""
    bold: bool | None = None
    italic: bool | None = None
    num: tuple[str, int] | None = None
    heading: bool = False
    based_on: str | None = None


def _styles(document) -> dict[str, StyleInfo]:
    styles: dict[str, StyleInfo] = {}
    try:
        root = document.styles.element
    except Exception:  # noqa: BLE001 - a docx without styles part
        return styles
    for style in root.findall(f"{_W}style"):
        style_id = style.get(f"{_W}styleId")
        name = _val(style, "name", "") or ""
        rpr = style.find(f"{_W}rPr")
        ppr = style.find(f"{_W}pPr")
        num = None
        if ppr is not None and ppr.find(f"{_W}numPr") is not None:
            numpr = ppr.find(f"{_W}numPr")
            num_id = _val(numpr, "numId")
            if num_id and num_id != "0":
                num = (num_id, int(_val(numpr, "ilvl", "0") or 0))
        outline = _val(ppr, "outlineLvl")
        heading = bool(re.match(r"(?i)(heading|title)\b", name)) or (outline is not None and outline != "9")
        styles[style_id] = StyleInfo(name, _on(rpr, "b"), _on(rpr, "i"), num, heading, _val(style, "basedOn"))
    return styles


def _resolve(styles: dict[str, StyleInfo], style_id: str | None, attribute: str):
    seen = set()
    while style_id and style_id in styles and style_id not in seen:
        seen.add(style_id)
        value = getattr(styles[style_id], attribute)
        if value not in (None, False):
            return value
        style_id = styles[style_id].based_on
    return None


# --------------------------------------------------------------------------- paragraphs


@dataclass
class Para:
    text: str
    style: set[str] = field(default_factory=set)


class _Reader:
    def __init__(self, path: str, document):
        self.path = path
        self.styles = _styles(document)
        numbering_root = None
        try:
            numbering_root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering_root = None
        self.numbering = Numbering.from_xml(numbering_root)
        self.notices: list[Notice] = []
        self.legacy: dict[str, int] = {}

    def paragraph(self, p) -> Para:
        ppr = p.find(f"{_W}pPr")
        style_id = _val(ppr, "pStyle")
        runs_text: list[str] = []
        bold_flags: list[bool] = []
        italic_flags: list[bool] = []
        style_bold = bool(_resolve(self.styles, style_id, "bold"))
        style_italic = bool(_resolve(self.styles, style_id, "italic"))
        previous_paragraph = p
        for run in p.iter(f"{_W}r"):
            # deleted/moved-away revisions, and the legacy copy (mc:Fallback) of a text box that Word also
            # writes in its mc:Choice: read once
            if _inside(run, ("del", "moveFrom", "Fallback")):
                continue
            paragraph_of_run = _paragraph_of(run)
            if paragraph_of_run is not previous_paragraph and runs_text:
                runs_text.append("\n")  # a paragraph of a text box inside this one: its own line
            previous_paragraph = paragraph_of_run
            rpr = run.find(f"{_W}rPr")
            text = []
            for child in run:
                tag = child.tag.replace(_W, "")
                if tag == "t":
                    text.append(child.text or "")
                elif tag == "tab":
                    text.append("\t")
                elif tag in ("br", "cr"):
                    text.append("\n")
                elif tag == "noBreakHyphen":
                    text.append("-")
                elif tag == "sym":
                    text.append(_BULLETS.get(chr(int(child.get(f"{_W}char", "F0B7"), 16)), ""))
            run_text = "".join(text)
            if not run_text:
                continue
            run_text = self._decode_legacy_font(run_text, rpr)
            runs_text.append(run_text)
            if run_text.strip():
                bold = _on(rpr, "b")
                italic = _on(rpr, "i")
                bold_flags.append(bold if bold is not None else style_bold)
                italic_flags.append(italic if italic is not None else style_italic)
        text = "".join(runs_text)
        hints: set[str] = set()
        if bold_flags and all(bold_flags):
            hints.add("bold")
        if italic_flags and all(italic_flags):
            hints.add("italic")
        if style_id and _resolve(self.styles, style_id, "heading"):
            hints.add("heading")
        num = self._numbering(ppr, style_id)
        if num is not None and text.strip():
            label, warning = self.numbering.label(*num)
            if warning:
                self.notices.append(Notice(self.path, f"{warning} (tại: {text.strip()[:40]})", code="numbering"))
            if label:
                text = f"{label} {text.lstrip()}"
                hints.add("numbered")
        return Para(text, hints)

    def _numbering(self, ppr, style_id: str | None) -> tuple[str, int] | None:
        numpr = ppr.find(f"{_W}numPr") if ppr is not None else None
        if numpr is not None:
            num_id = _val(numpr, "numId")
            if num_id is None or num_id == "0":
                return None
            ilvl = _val(numpr, "ilvl")
            if ilvl is None:
                style_num = _resolve(self.styles, style_id, "num")
                ilvl = style_num[1] if style_num else 0
            return num_id, int(ilvl)
        return _resolve(self.styles, style_id, "num")

    def _decode_legacy_font(self, text: str, rpr) -> str:
        fonts = rpr.find(f"{_W}rFonts") if rpr is not None else None
        if fonts is None:
            return text
        name = (fonts.get(f"{_W}ascii") or fonts.get(f"{_W}hAnsi") or "").lower().strip()
        if not name:
            return text
        for prefix, encoding in repair.encoding_rules().legacy_fonts.items():
            if name.startswith(prefix):
                if encoding == "tcvn3":
                    converted = repair.decode_tcvn3(text)
                    if name.endswith("h") or name.rstrip(" ").endswith("h"):  # .VnTimeH: capitals font
                        converted = converted.upper()
                else:
                    converted = repair.decode_vni(text)
                if converted != text:
                    self.legacy[encoding] = self.legacy.get(encoding, 0) + 1
                return converted
        return text


def _inside(element, names: tuple[str, ...]) -> bool:
    """Whether an ancestor (up to the paragraph) has one of these local names."""
    parent = element.getparent()
    while parent is not None:
        tag = parent.tag if isinstance(parent.tag, str) else ""
        local = tag.rsplit("}", 1)[-1]
        if local in names:
            return True
        if tag in (f"{_W}body", f"{_W}tc"):
            return False
        parent = parent.getparent()
    return False


def _paragraph_of(run):
    parent = run.getparent()
    while parent is not None and parent.tag != f"{_W}p":
        parent = parent.getparent()
    return parent


# --------------------------------------------------------------------------- tables


def _cells(row) -> list:
    """The w:tc of a row, each once (gridSpan merged cells are one element; vMerge continuations are
    kept as empty cells)."""
    return [tc for tc in row.iterchildren(f"{_W}tc")]


def _cell_paragraphs(reader: _Reader, tc) -> list[Para]:
    paras = []
    for child in tc.iterchildren():
        if child.tag == f"{_W}p":
            paras.append(reader.paragraph(child))
        elif child.tag == f"{_W}tbl":
            for row in child.iterchildren(f"{_W}tr"):
                cells = [" ".join(p.text.strip() for p in _cell_paragraphs(reader, c) if p.text.strip())
                         for c in _cells(row)]
                paras.append(Para(" | ".join(cells), {"table"}))
    return paras


def _table_lines(reader: _Reader, tbl, first_table: bool) -> tuple[list[Para], dict[str, str]]:
    rows = list(tbl.iterchildren(f"{_W}tr"))
    grid = [[_cell_paragraphs(reader, tc) for tc in _cells(row)] for row in rows]
    all_text = [p.text for row in grid for cell in row for p in cell]
    columns = max((len(row) for row in grid), default=0)
    is_header = any(header_kind(t) == "nation" for t in all_text)
    first_paragraphs = [next((p.text for p in cell if p.text.strip()), "") for row in grid for cell in row]
    layout = is_header or (columns <= 3 and len(rows) <= 3 and any(is_layout_cell(t) for t in first_paragraphs))
    fields: dict[str, str] = {}
    out: list[Para] = []
    if layout:
        by_column: list[list[Para]] = [[] for _ in range(columns)]
        for row in grid:
            for index, cell in enumerate(row):
                by_column[index].extend(p for p in cell if p.text.strip())
        for column in by_column:
            for para in column:
                for piece in para.text.split("\n"):
                    if piece.strip():
                        out.append(Para(piece, para.style | ({"header"} if is_header else set())))
        if is_header:
            fields = header_fields([p.text for p in by_column[0]] if by_column else [],
                                   [p.text for column in by_column[1:] for p in column])
    else:
        for row in grid:
            cells = [" ".join(p.text.replace("\n", " ").strip() for p in cell if p.text.strip()) for cell in row]
            if any(cells):
                out.append(Para(" | ".join(cells), {"table"}))
    return out, fields


# --------------------------------------------------------------------------- document


def read_docx(path: Path) -> SourceText:
    """A .docx file -> SourceText (see the module docstring)."""
    import docx  # python-docx

    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise unreadable(name, error) from None
    kind_notice = None
    try:
        kind = _word_kind(data)
        # python-docx opens a document only: the other Word packages are given with a document's content type
        document = docx.Document(io.BytesIO(_as_document(data) if kind is not None else data))
        if kind is not None:
            kind_notice = Notice(name, f"{kind}: đọc phần văn bản như một .docx", code="docx-kind")
    except zipfile.BadZipFile:
        raise DoichieuError(name, BROKEN_ZIP) from None
    except KeyError:  # a part the package names is not in it
        raise DoichieuError(name, "tệp DOCX bị hỏng: thiếu một phần của gói (phần văn bản hoặc một phần nó dẫn tới)") \
            from None
    except ValueError as error:
        raise DoichieuError(name, f"tệp DOCX bị hỏng ({error})") from None
    except Exception as error:  # noqa: BLE001 - python-docx raises assorted errors on broken packages
        raise DoichieuError(name, f"không đọc được tệp DOCX ({type(error).__name__}: {error})") from None
    reader = _Reader(name, document)
    paras: list[Para] = []
    fields: dict[str, str] = {}
    tables_seen = 0
    for element in _body_elements(document.element.body):
        if element.tag == f"{_W}p":
            paras.append(reader.paragraph(element))
        elif element.tag == f"{_W}tbl":
            lines, table_fields = _table_lines(reader, element, tables_seen == 0)
            tables_seen += 1
            if table_fields and not fields:
                fields = table_fields
            paras.extend(lines)
    lines: list[tuple[str, set[str]]] = []
    for para in paras:
        for piece in para.text.split("\n"):
            lines.append((piece.rstrip(), para.style))
    while lines and not lines[-1][0].strip():
        lines.pop()
    while lines and not lines[0][0].strip():
        lines.pop(0)
    if not any(text.strip() for text, _ in lines):
        raise DoichieuError(name, "tệp DOCX không có chữ")
    notices = [kind_notice, *reader.notices] if kind_notice else list(reader.notices)
    for encoding, count in reader.legacy.items():
        notices.insert(0, Notice(name, f"bảng mã cũ {legacy_name(encoding)} (theo tên phông) đã được chuyển "
                                       f"sang Unicode ở {count} đoạn chữ; kiểm tra lại văn bản", code="encoding"))
    text = nfc("\n".join(t for t, _ in lines))
    if not reader.legacy:
        share, count = repair.valid_share(text[:50000])
        if repair.may_be_legacy(share, count):
            found = repair.detect_legacy(text)
            if found:
                code, text = found
                notices.insert(0, Notice(name, f"văn bản ở bảng mã {legacy_name(code)}; đã chuyển sang Unicode, "
                                               "kiểm tra lại", code="encoding"))
    text, repairs = repair.repair_glyphs(text)
    notices.extend(Notice(name, f"{r.message}: {r.count}×", code=r.code) for r in repairs)
    texts = text.split("\n")
    source_lines, offset = [], 0
    for number, (line_text, (_, style)) in enumerate(zip(texts, lines, strict=True), start=1):
        source_lines.append(SourceLine(text=line_text, number=number, offset=offset, style=frozenset(style),
                                       page_break=page_break(line_text)[0]))
        offset += len(line_text) + 1
    fields = {key: repair.repair_glyphs(nfc(value))[0] for key, value in fields.items()}
    return SourceText(path=name, kind="docx", text=text, lines=source_lines, fields=fields, notices=notices,
                      sha256=hashlib.sha256(data).hexdigest())


_DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# main-part content types of the other Word packages, which hold a document body like a .docx
_WORD_KINDS = {
    "application/vnd.ms-word.document.macroEnabled.main+xml": "tệp Word có macro (.docm; macro không chạy)",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": "tệp mẫu Word (.dotx)",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": "tệp mẫu Word có macro (.dotm; macro không chạy)",
}


def _content_types(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("[Content_Types].xml")


def _word_kind(data: bytes) -> str | None:
    """What a Word package other than a plain .docx is (macro-enabled, template), from its content types."""
    types = _content_types(data).decode("utf-8", errors="replace")
    return next((kind for content_type, kind in _WORD_KINDS.items() if content_type in types), None)


def _as_document(data: bytes) -> bytes:
    """The package with its main part typed as a document's, in memory (the file is only read)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                for content_type in _WORD_KINDS:
                    content = content.replace(content_type.encode(), _DOCUMENT_TYPE.encode())
            target.writestr(item, content)
    return out.getvalue()


def _body_elements(body):
    """Paragraphs and tables of the body in order, descending into content controls (w:sdt)."""
    for child in body.iterchildren():
        if child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _body_elements(content)
