"""Reviewer decisions: read from the filled Excel table, stored in a plain YAML file, applied to every run.

A reviewer writes in the "Xác nhận" column of crossref.xlsx (sheet 1 or sheet 2):
- accept: "Đồng ý" (also "accept", "ok", "x", "đúng", "chấp nhận") -> every link listed on the row is right;
- reject: "Không đồng ý" (also "reject", "sai", "loại") -> every link listed on the row is wrong;
- either word followed by path ids ("Không đồng ý 1.a.3") -> only those links;
- path ids alone ("1.a.2; 4.b" on sheet 1, central ids such as "III.2.a" on sheet 2) -> add these links.
The optional "Ý kiến rà soát" text is kept as the decision's comment.

`import_review(xlsx, reviews_dir)` merges the decisions into the YAML file of their pair, reviews_dir/<pair>.yaml
(one entry per link, a later decision on the same link replaces the earlier one). `apply_reviews(result, decisions)` returns a new Result:
accepted and added links are sure and confirmed (Link.confirmed), rejected links are removed, coverage is
recomputed; a decision naming a document or task that no longer exists is returned as a Notice in
Result.notices (code "review-orphan"), never dropped silently.
"""
from __future__ import annotations

import copy
import re
import unicodedata
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

from .fsutil import atomic_write_text, os_reason
from .model import Coverage, DoichieuError, Link, Notice, Result, TaskRef
from .naming import pair_id
from .report import labels as L
from .report.rows import parse_row_key

DECISIONS = ("accept", "reject", "add")
HEADER = """\
# Quyết định của người rà soát cho một cặp văn bản (doichieu review import).
# Mỗi mục là một liên kết: nhiệm vụ TW (central_doc / central) <- nhiệm vụ của tỉnh (provincial_doc / provincial).
#   decision: accept (đúng, liên kết được xác nhận) | reject (sai, bỏ liên kết) | add (thêm liên kết)
#   answer:   nội dung người rà soát ghi ở cột "Xác nhận";  comment: cột "Ý kiến rà soát"
# Mọi lần chạy sau đều áp dụng các quyết định này; có thể sửa tay tệp này.
"""


@dataclass(frozen=True)
class Decision:
    central_doc: str
    central: str
    provincial_doc: str
    provincial: str
    decision: str  # "accept" | "reject" | "add"
    answer: str = ""
    comment: str = ""
    source: str = ""  # the reviews file it was read from (not stored)

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.central_doc, self.central, self.provincial_doc, self.provincial)

    def stored(self) -> dict[str, str]:
        data = asdict(self)
        data.pop("source")
        return {k: v for k, v in data.items() if v != "" or k in ("central", "provincial")}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", str(text)).lower().replace("đ", "d")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    return " ".join(text.split())


_ACCEPT = sorted({_fold(w) for w in L.ACCEPT_WORDS}, key=len, reverse=True)
_REJECT = sorted({_fold(w) for w in L.REJECT_WORDS}, key=len, reverse=True)
# A path id: numbers, letters and Roman numerals joined by dots, after the name of a numbered part that is
# not a list when the id starts with one ("Bảng.1.I.2": row I.2 of the plan's table 1).
_PATH = re.compile(r"^(?:[^\W\d_]+\.)?[0-9IVXLCDMivxlcdm]+[A-Za-zđĐ]?(?:\.[0-9A-Za-zđĐ]+)*\.?$|^[a-zđ]\)?$")
_WORD = re.compile(r"[^\W\d_]+")


def _is_path(text: str) -> bool:
    """A printed path id ("1.a.2", "IV", "V.closing", "Bảng.1.1") or an unnumbered part's id ("closing"), "~2"
    after the second of a name."""
    core = re.sub(r"~\d+$", "", text)
    return bool(_PATH.match(core)) or core in L.TASK_NAMES


def _named_steps(tokens: list[str]) -> list[str]:
    """A part's name typed apart from its number or in lower case ("Bảng 1.1", "bảng.1.1") joined to it and
    capitalised as the ids print it ("Bảng.1.1")."""
    ids: list[str] = []
    for token in tokens:
        if ids and _WORD.fullmatch(ids[-1]) and ids[-1] not in L.TASK_NAMES and token[:1].isdigit():
            ids[-1] = f"{ids[-1]}.{token}"
        else:
            ids.append(token)
    return [t[:1].upper() + t[1:] if _WORD.fullmatch(t.split(".", 1)[0]) and "." in t else t for t in ids]


def parse_answer(answer: str) -> tuple[str | None, list[str]]:
    """('accept' | 'reject' | None, path ids) from what a reviewer wrote; raises ValueError when the
    text is neither a verdict nor a list of path ids."""
    text = " ".join(unicodedata.normalize("NFC", str(answer)).split())
    folded = _fold(text)
    verdict = None
    for words, name in ((_REJECT, "reject"), (_ACCEPT, "accept")):
        for word in words:
            if re.match(re.escape(word) + r"(?=$|[\s,;:.!])", folded):
                verdict = name
                text = text[len(word):].lstrip(" ,;:.!")
                break
        if verdict:
            break
    text = L.task_id_of(text)  # "đoạn cuối" (two words) is the id "closing"
    ids = [t.rstrip(".") if t.count(".") and t.endswith(".") else t
           for t in _named_steps([t for t in re.split(r"[\s,;:+/]+|\bvà\b", text) if t.strip()])]
    ids = [t for t in ids if t not in ("-", "–")]
    if any(not _is_path(t) for t in ids) or (verdict is None and not ids):
        raise ValueError(answer)
    return verdict, ids


def _header_row(ws) -> tuple[int, dict[str, int]] | None:
    for row in ws.iter_rows(min_row=1, max_row=12):
        values = {str(c.value).strip(): c.column for c in row if c.value is not None}
        if L.COL_KEY in values and L.COL_REVIEW in values:
            return row[0].row, values
    return None


def _listed(value) -> list[str]:
    ids = []
    for line in str(value or "").split("\n"):
        line = line.strip()
        if line:
            ids.append(L.task_id_of(line.rsplit(": ", 1)[-1]))
    return ids


def read_workbook(xlsx_path: str | Path) -> list[Decision]:
    """Decisions written in the "Xác nhận" columns of a crossref.xlsx, in sheet and row order."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    path = Path(xlsx_path)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except OSError as error:
        raise DoichieuError(str(path), f"không đọc được tệp Excel ({os_reason(error)})") from None
    except zipfile.BadZipFile:  # not a workbook at all, or one cut short
        raise DoichieuError(str(path), "không phải tệp Excel .xlsx, hoặc tệp bị hỏng, không trọn vẹn") from None
    except InvalidFileException:  # a format openpyxl does not read (.xls, .ods, .csv)
        raise DoichieuError(str(path), f"không đọc được định dạng {path.suffix or 'này'}: hãy mở bằng Excel và lưu "
                                       "lại dạng .xlsx") from None
    except Exception as error:  # openpyxl raises many kinds for a damaged or foreign file
        raise DoichieuError(str(path), f"không đọc được tệp Excel ({type(error).__name__}: {error})") from None
    decisions, problems, found_sheet = [], [], False
    for ws in wb.worksheets:
        header = _header_row(ws)
        if header is None:
            continue
        found_sheet = True
        header_row, columns = header
        central_side = any(heading in columns for heading in L.leader_headings(L.COL_CENTRAL_PATH))
        listed = L.side_headings(L.COL_PROV_PATH) if central_side else L.leader_headings(L.COL_P_CENTRAL_PATH)
        listed_col = next((column for heading, column in columns.items() if heading in listed), None)
        for row in ws.iter_rows(min_row=header_row + 1):
            cells = {c.column: c.value for c in row if c is not None and hasattr(c, "column")}
            answer = cells.get(columns[L.COL_REVIEW])
            if answer is None or not str(answer).strip():
                continue
            key = parse_row_key(cells.get(columns[L.COL_KEY]))
            where = f"{ws.title}!{columns[L.COL_REVIEW]}:{row[0].row}"
            if key is None:
                problems.append(f"{where}: thiếu hoặc sai cột '{L.COL_KEY}'")
                continue
            try:
                verdict, ids = parse_answer(answer)
            except ValueError:
                problems.append(f"{ws.title}, dòng {row[0].row}: không hiểu '{answer}' (ghi Đồng ý / Không đồng ý, "
                                "hoặc số hiệu điều khoản)")
                continue
            listed = _listed(cells.get(listed_col)) if listed_col else []
            comment = str(cells.get(columns.get(L.COL_REVIEW_COMMENT)) or "").strip()
            central_doc, central, provincial_doc, provincial = key
            targets = ids or listed
            if verdict is not None and not targets:
                problems.append(f"{ws.title}, dòng {row[0].row}: '{answer}' nhưng dòng này chưa có liên kết nào "
                                "(ghi số hiệu điều khoản để thêm liên kết)")
                continue
            for target in targets:
                kind = verdict or ("accept" if target in listed else "add")
                if central_side:
                    decisions.append(Decision(central_doc, central, provincial_doc, target, kind,
                                              str(answer).strip(), comment))
                else:
                    decisions.append(Decision(central_doc, target, provincial_doc, provincial, kind,
                                              str(answer).strip(), comment))
    wb.close()
    if not found_sheet:
        raise DoichieuError(str(path), f"không phải bảng đối chiếu của doichieu (không thấy cột '{L.COL_REVIEW}' "
                                       f"và '{L.COL_KEY}')")
    if problems:
        raise DoichieuError(str(path), "; ".join(problems))
    return decisions


def load_decisions(path: str | Path) -> list[Decision]:
    """Decisions stored in a reviews YAML file (empty list when the file does not exist)."""
    path = Path(path)
    if not path.exists():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise DoichieuError(str(path), f"không đọc được tệp quyết định rà soát ({error})") from None
    items = data.get("decisions") if isinstance(data, dict) else None
    if items is None:
        items = []
    if not isinstance(items, list):
        raise DoichieuError(str(path), "'decisions' phải là một danh sách")
    decisions = []
    for index, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise DoichieuError(str(path), f"mục {index} không hợp lệ")
        missing = [k for k in ("central_doc", "central", "provincial_doc", "provincial", "decision") if not item.get(k)]
        if missing or item.get("decision") not in DECISIONS:
            raise DoichieuError(str(path), f"mục {index}: thiếu {', '.join(missing)}" if missing else
                                f"mục {index}: decision phải là {' / '.join(DECISIONS)}")
        decisions.append(Decision(str(item["central_doc"]), str(item["central"]), str(item["provincial_doc"]),
                                  str(item["provincial"]), item["decision"], str(item.get("answer") or ""),
                                  str(item.get("comment") or ""), str(path)))
    return decisions


def save_decisions(decisions: list[Decision], path: str | Path) -> Path:
    body = yaml.safe_dump({"decisions": [d.stored() for d in decisions]}, allow_unicode=True, sort_keys=False,
                          width=100)
    return atomic_write_text(path, HEADER + body)


def merge_decisions(old: list[Decision], new: list[Decision]) -> list[Decision]:
    """Earlier decisions kept in place unless a new one speaks about the same link; new ones appended."""
    latest = {d.key: d for d in new}
    merged = [latest.pop(d.key, d) for d in old]
    seen = {d.key for d in merged}
    for decision in new:
        if decision.key not in seen and decision.key in latest:
            merged.append(latest.pop(decision.key))
    return merged


def import_review(xlsx_path: str | Path, reviews_dir: str | Path) -> dict[Path, int]:
    """Read the reviewer's decisions from a filled crossref.xlsx and merge them into the reviews file (YAML) of
    their pair, reviews_dir/<pair>.yaml: the file the runs of that pair read, named after the documents the rows
    name (not after the folder the workbook was saved in: a copy sent by mail or renamed is read the same).
    Returns each file written with how many decisions (one per link) of the workbook went there; {} when none."""
    by_file: dict[Path, list[Decision]] = {}
    for decision in read_workbook(xlsx_path):
        name = pair_id(decision.central_doc, decision.provincial_doc)
        by_file.setdefault(Path(reviews_dir) / f"{name}.yaml", []).append(decision)
    for path, new in by_file.items():
        save_decisions(merge_decisions(load_decisions(path), new), path)
    return {path: len(new) for path, new in by_file.items()}


def _orphan(decision: Decision, missing: str) -> Notice:
    return Notice(path=decision.source or "reviews", code="review-orphan",
                  message=f"quyết định rà soát '{decision.decision}' cho liên kết {decision.provincial_doc} "
                          f"{decision.provincial} → {decision.central_doc} {decision.central} không áp dụng được: "
                          f"{missing}")


def apply_reviews(result: Result, decisions: list[Decision]) -> Result:
    """A copy of `result` with the reviewer's decisions applied and coverage recomputed."""
    result = copy.deepcopy(result)
    docs = {d.id: d for d in result.documents}
    task_ids = {(d.id, t.id) for d in result.documents for t in d.tasks}
    for decision in decisions:
        absent = [f"không có văn bản '{doc}'" for doc in (decision.central_doc, decision.provincial_doc)
                  if doc not in docs]
        if not absent:
            absent = [f"nhiệm vụ {task} không còn trong văn bản {doc}" for doc, task in
                      ((decision.central_doc, decision.central), (decision.provincial_doc, decision.provincial))
                      if (doc, task) not in task_ids]
        if absent:
            result.notices.append(_orphan(decision, "; ".join(absent)))
            continue
        central = TaskRef(decision.central_doc, decision.central)
        provincial = TaskRef(decision.provincial_doc, decision.provincial)
        matching = [link for link in result.links if link.central == central and link.provincial == provincial]
        if decision.decision == "reject":
            result.links = [link for link in result.links if link not in matching]
            continue
        if not matching:
            link = Link(provincial=provincial, central=central, strength="sure", score=1.0, reasons=[])
            result.links.append(link)
            matching = [link]
        for link in matching:
            link.strength, link.confirmed = "sure", True
            if L.REVIEWER_REASON not in link.reasons:
                link.reasons.append(L.REVIEWER_REASON)
    result.coverage = [_recompute(row, result) for row in result.coverage]
    return result


def _recompute(row: Coverage, result: Result) -> Coverage:
    order = {}
    for doc in result.documents:
        if doc.id == row.provincial_doc:
            order = {t.id: i for i, t in enumerate(doc.tasks)}
    links = [link for link in result.links
             if link.central == row.central and link.provincial.doc == row.provincial_doc]
    sure = sorted({link.provincial.task for link in links if link.strength == "sure"},
                  key=lambda t: (order.get(t, len(order)), t))
    possible = sorted({link.provincial.task for link in links if link.strength != "sure"} - set(sure),
                      key=lambda t: (order.get(t, len(order)), t))
    status = "covered" if sure else "partial" if possible else "gap"
    return Coverage(central=row.central, provincial_doc=row.provincial_doc, status=status, sure=sure,
                    possible=possible, localities=row.localities, locality_role=row.locality_role)
