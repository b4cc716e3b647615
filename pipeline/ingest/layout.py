"""Layout knowledge shared by the PDF and DOCX readers: header-block lines and fields, page numbers,
rule lines (patterns in rules/ingest.yaml)."""
from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel, Field, PositiveInt

from ..rules import load_rules
from ..vntext import fold, fold_aligned, nfc


class HeaderPatterns(BaseModel):
    nation: str
    motto: str
    number: str
    place_date: str
    subject: str
    recipient: str
    doc_type: str = "(?!)"


class CodeHyphen(BaseModel):
    end: str
    start: str


class SpacedTable(BaseModel):
    cell_gap: int = Field(ge=2)
    header_lines: PositiveInt
    gutter_width: PositiveInt
    gutter_tolerance: float = Field(ge=0, lt=0.5)


class CentredPageNumber(BaseModel):
    indent: PositiveInt
    over: PositiveInt


class Scan(BaseModel):
    max_chars: PositiveInt
    min_image_share: float = Field(gt=0, le=1)


class SignatureStamp(BaseModel):
    opening: str
    fields: str


class FrontMatter(BaseModel):
    fence: str
    field: str
    max_lines: PositiveInt


class PageNumberRun(BaseModel):
    min_lines: PositiveInt
    max_step: PositiveInt
    min_count: PositiveInt


class IngestRules(BaseModel):
    header: HeaderPatterns
    rule_line: str
    number_continuation: str
    merged_place_date: str
    basis_opening: str
    page_number: list[str]
    margin: float
    running_min_pages: int
    running_min_share: float
    column_gap: float
    ocr_header_column_gap: float
    ocr_header_zone: float = Field(default=0.45, ge=0, le=1)
    footnote_size: float
    superscript_size: float
    centred_page_number: CentredPageNumber
    scan: Scan
    min_table_rules: PositiveInt
    max_quoted_paragraphs: PositiveInt
    code_hyphen: CodeHyphen
    layout_table: list[str]
    spaced_table: SpacedTable
    signature_stamp: SignatureStamp | None = None
    page_break_marker: list[str] = []
    page_number_run: PageNumberRun | None = None
    file_name_head: str | None = None
    collector_note: str | None = None
    comment_note: str | None = None
    front_matter: FrontMatter | None = None


def ingest_rules() -> IngestRules:
    return load_rules("ingest", IngestRules)


@lru_cache(maxsize=1)
def _compiled() -> dict[str, re.Pattern]:
    rules = ingest_rules()
    patterns = {name: re.compile(p) for name, p in rules.header.model_dump().items()}
    patterns["rule_line"] = re.compile(rules.rule_line)
    patterns["number_continuation"] = re.compile(rules.number_continuation)
    patterns["merged_place_date"] = re.compile(rules.merged_place_date)
    patterns["basis_opening"] = re.compile(rules.basis_opening)
    patterns["code_hyphen_end"] = re.compile(rules.code_hyphen.end)
    patterns["code_hyphen_start"] = re.compile(rules.code_hyphen.start)
    for index, pattern in enumerate(rules.page_number):
        patterns[f"page_number{index}"] = re.compile(pattern)
    for index, pattern in enumerate(rules.page_break_marker):
        patterns[f"page_break{index}"] = re.compile(pattern)
    return patterns


def _without_notes(pieces: list[str], kinds: list[str | None]) -> tuple[list[str], list[str | None]]:
    kept = [(text, kind) for text, kind in zip(pieces, kinds, strict=True) if kind or not _is_note(text)]
    return [text for text, _ in kept], [kind for _, kind in kept]


def _is_note(text: str) -> bool:
    """A portal's "Field: value" line or a collector's bracketed remark, in ordinary case (an issuer is a name)."""
    return not _in_capitals(text) and (":" in text or text.startswith(("[", "(")))


def _in_capitals(text: str) -> bool:
    return text == text.upper() and any(c.isalpha() for c in text)


def _is_type_line(text: str) -> bool:
    """A line in capitals naming the document type ("KẾ HOẠCH", "QUYẾT ĐỊNH"; rules/ingest.yaml header.doc_type)."""
    return _in_capitals(text) and bool(_compiled()["doc_type"].search(fold(text)))


def header_kind(text: str) -> str | None:
    """'nation' | 'motto' | 'number' | 'place_date' | 'subject' | 'recipient' | None for one header line."""
    folded = fold(text)
    compact = folded.replace(" ", "")
    patterns = _compiled()
    if patterns["number"].search(nfc(text)):
        return "number"
    for name in ("nation", "motto"):
        if patterns[name].search(folded) or patterns[name].search(compact):
            return name
    for name in ("place_date", "subject", "recipient"):
        if patterns[name].search(folded):
            return name
    return None


def opens_with_national_title(text: str) -> bool:
    """Does the line open with the national title or the motto, as OCR may print them ("CỘNG HOÀ XÃ : HỦ NGHĨA
    VIỆT NAM", ") Độc lập - Tự do - Hạnh phúc"; rules/ingest.yaml `header`)?"""
    folded = fold(text).strip()
    patterns = _compiled()
    return any(patterns[name].match(folded) for name in ("nation", "motto"))


def opens_basis(text: str) -> bool:
    """A preamble line stating a legal basis or a proposal ("Căn cứ Luật …", "Theo đề nghị của …")."""
    return bool(_compiled()["basis_opening"].match(text))


def is_rule_line(text: str) -> bool:
    return bool(_compiled()["rule_line"].match(text))


# the delimiter row under a Markdown table's first row ("|---|---", "| --- | :---: |"): table syntax, no cell holds text
_TABLE_DELIMITER = re.compile(r"^\s*\|?(?:\s*:?-+:?\s*\|)*\s*:?-+:?\s*\|?\s*$")


def is_table_delimiter(text: str) -> bool:
    """A Markdown table's delimiter row: dashes (with alignment colons) between bars, nothing else."""
    return "|" in text and bool(_TABLE_DELIMITER.match(text))


def is_file_name_head(text: str) -> bool:
    """A running header or footer that prints the document's file name and the page number ("18.CTRTW31.DOC 2";
    rules/ingest.yaml `file_name_head`)."""
    pattern = ingest_rules().file_name_head
    return pattern is not None and re.fullmatch(pattern, text.strip(), re.IGNORECASE) is not None


def page_number_value(text: str) -> int | None:
    """The number when the whole line is a page number ("12", "- 12 -", "Trang 3", "3/10")."""
    patterns = _compiled()
    for index in range(len(ingest_rules().page_number)):
        match = patterns[f"page_number{index}"].fullmatch(text)
        if match:
            return int(match.group("n"))
    return None


def is_layout_cell(text: str) -> bool:
    """A table cell that opens a Nơi nhận / signature / Kính gửi block (a layout table, not data)."""
    folded = fold(text)
    return any(re.match(pattern, folded) for pattern in ingest_rules().layout_table)


def joins_code_hyphen(line: str, next_line: str) -> bool:
    patterns = _compiled()
    return bool(patterns["code_hyphen_end"].search(line.rstrip()) and patterns["code_hyphen_start"].match(next_line))


def split_merged_header(text: str) -> list[str]:
    """The two columns of a header line printed with a single space between them (OCR, text copied from a PDF):
    "BỘ TÀI CHÍNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỔNG CỤC THUẾ Độc lập - Tự do - Hạnh phúc", "Số: 12/BTC-QLCS
    Hà Nội, ngày 3 tháng 6 năm 2026", "V/v triển khai … Hà Nội, ngày 3 tháng 6 năm 2026", or with none (OCR glues
    words: "BỘ CÔNG THƯƠNGCỘNG HÒA …"); the line itself when it is no such line."""
    patterns = _compiled()  # the header's own patterns (rules/ingest.yaml `header`, `merged_place_date`)
    plain = fold_aligned(text)  # one character for each: a match stands at the same positions in `text`
    nation = patterns["nation"].search(plain)
    if nation is not None and _column_starts(text, nation.start()):
        issuer = text[:nation.start()]
        if issuer.strip() and issuer == issuer.upper():
            return [issuer.strip().rstrip(" -–—|"), text[nation.start():].strip()]
    motto = patterns["motto"].search(plain)
    if motto is not None and _column_starts(text, motto.start()):
        issuer = text[:motto.start()]  # the issuer's second line beside the motto ("TỔNG CỤC THUẾ Độc lập - …")
        if any(c.isalpha() for c in issuer) and issuer == issuer.upper():
            return [issuer.strip().rstrip(" -–—|"), text[motto.start():].strip()]
    if patterns["number"].search(nfc(text)) or patterns["subject"].search(fold(text)):
        # (a trích yếu beside the place and date: "V/v triển khai thực hiện Hà Nội, ngày … năm 2026")
        place_date = patterns["merged_place_date"].search(text)
        if place_date is not None and place_date.start() > 4:
            return [text[:place_date.start()].strip(), text[place_date.end():].strip()]
    return [text]


def _column_starts(text: str, at: int) -> bool:
    """Can the right column begin at `at`: after a space, or glued by OCR to the last word of the left column in
    capitals ("BỘ CÔNG THƯƠNGCỘNG HÒA …", "TỔNG CỤC THUẾĐộc lập …")?"""
    if at <= 0:
        return False
    before = text[at - 1]
    return before.isspace() or (before.isalpha() and before.isupper())


def signature_stamp_lines(lines: list[str | None]) -> set[int]:
    """Indexes of the lines of a digital-signature stamp ("Ký bởi: …" / "Email: …" / "Cơ quan: …" / "Thời gian
    ký: …"; rules/ingest.yaml `signature_stamp`); None stands for a blank line, allowed inside a stamp."""
    stamp = ingest_rules().signature_stamp
    found: set[int] = set()
    if stamp is None:
        return found
    opening, fields = re.compile(stamp.opening), re.compile(stamp.fields)

    def field(k: int) -> bool:
        text = lines[k] if k < len(lines) else None
        return text is not None and ":" in text and bool(fields.match(fold(text)))

    i = 0
    while i < len(lines):
        text = lines[i]
        if text is None or ":" not in text or not opening.match(fold(text)):
            i += 1
            continue
        found.add(i)
        i += 1
        while i < len(lines):
            if lines[i] is None and field(i + 1):
                i += 1  # a blank line inside the stamp
            elif field(i):
                found.add(i)
                i += 1
            elif lines[i] is not None and (field(i + 1) or lines[i + 1:i + 2] == [None] and field(i + 2)):
                found.add(i)  # one field garbled by OCR past recognition, between two that are not
                i += 1
            else:
                break
    return found


def front_matter_lines(lines: list[str]) -> int:
    """How many lines at the top of a Markdown file are its front matter ("---" / "title: …" / "---";
    rules/ingest.yaml `front_matter`); 0 when there is none."""
    rules = ingest_rules().front_matter
    if rules is None or not lines or not re.fullmatch(rules.fence, lines[0]):
        return 0
    fence, field = re.compile(rules.fence), re.compile(rules.field)
    for k in range(1, min(len(lines), rules.max_lines + 2)):
        if fence.fullmatch(lines[k]):
            return k + 1 if k > 1 else 0
        if lines[k].strip() and not field.match(lines[k]):
            return 0
    return 0


def collector_note_lines(lines: list[str], plain_text: bool = False) -> int:
    """How many lines at the top of a file are a collector's notes (bracketed, "[OCR] [Bản trích chữ tự động …]",
    or in a plain text file opening with '#'; rules/ingest.yaml `collector_note`, `comment_note`) and the blank
    lines after them; 0 when there are none."""
    rules = ingest_rules()
    patterns = [p for p in (rules.collector_note, rules.comment_note if plain_text else None) if p is not None]
    count = 0
    while count < len(lines) and (not lines[count].strip()
                                  or any(re.fullmatch(p, lines[count].strip()) for p in patterns)):
        count += 1
    return count if any(line.strip() for line in lines[:count]) else 0


def _page_break(line: str) -> re.Match | None:
    patterns = _compiled()
    markers = len(ingest_rules().page_break_marker)
    if not markers or len(line) > PAGE_BREAK_MAX:
        return None
    forms = (fold(line), nfc(line).strip().lower())
    return next((match for index in range(markers) for form in forms
                 if (match := patterns[f"page_break{index}"].fullmatch(form))), None)


# A converter's page-break line is short: longer lines are text (and are not folded for the test).
PAGE_BREAK_MAX = 120


def page_break(line: str) -> tuple[bool, int | None]:
    """Is the line a converter's page-break line ("--- PAGE BREAK ---"; rules/ingest.yaml `page_break_marker`), and
    the page it opens when it names it ("===== Trang 2 =====": 2; the group `page` of `page_break_marker`)."""
    match = _page_break(line)
    if match is None:
        return False, None
    page = match.group("page") if "page" in match.re.groupindex else None
    return True, None if page is None else int(page)


def header_fields(left: list[str], right: list[str]) -> dict[str, str]:
    """Fields of a header block from its left column (issuer, số hiệu, V/v …) and its right column
    (nation, motto, place and date). Rule lines are ignored."""
    fields: dict[str, str] = {}
    patterns = _compiled()
    left = [line.strip() for line in left if line.strip() and not is_rule_line(line.strip())]
    right = [line.strip() for line in right if line.strip() and not is_rule_line(line.strip())]
    stamp = signature_stamp_lines(left)
    left = [line for k, line in enumerate(left) if k not in stamp]
    issuer: list[str] = []
    index = 0
    while index < len(left) and header_kind(left[index]) not in ("number", "subject", "nation", "motto"):
        if _in_capitals(left[index]) or not any(c.isdigit() for c in left[index]):
            issuer.append(left[index])  # (not OCR debris of a garbled number: "sẽ. 6 Đ5CT-ATMT : ChẾP =")
        index += 1
    if issuer:
        fields["issuer"] = " ".join(issuer)
    subject: list[str] = []
    while index < len(left):
        line = left[index]
        kind = header_kind(line)
        if kind == "number" and "number" not in fields:
            number = re.sub(r"^\s*S[ốỐ]\s*(?:hiệu)?\s*[:.]?\s*", "", line, flags=re.IGNORECASE)
            while index + 1 < len(left) and number.endswith("-") and patterns["number_continuation"].match(left[index + 1]):
                index += 1
                number += left[index]
            fields["number"] = re.sub(r"\s*/\s*", "/", number).strip()
        elif kind == "recipient":
            break
        elif kind == "subject" or subject:
            subject.append(line)
        index += 1
    if subject:
        fields["subject"] = " ".join(subject)
    for line in right:
        kind = header_kind(line)
        if kind in ("nation", "motto", "place_date") and kind not in fields:
            fields[kind] = line
        elif kind == "number" and "number" not in fields:
            fields["number"] = re.sub(r"^\s*S[ốỐ]\s*[:.]?\s*", "", line).strip()
    return fields


_TRAILING_RULE = re.compile(r"\s+[-_=]{3,}$")
_MARKDOWN = re.compile(r"^\s*#+\s*|\*\*|(?<!\w)\*|\*(?!\w)|`")
_HEADER_KINDS = ("nation", "motto", "number", "place_date", "subject")


def text_header_fields(lines: list[str], window: int = 14) -> dict[str, str]:
    """Header fields of a plain-text or Markdown document whose header block is written line after
    line (possibly as table rows "left | | right", as docx-to-text converters write it). Empty when no
    national title is seen among the first `window` non-empty lines."""
    head = [line for line in lines[:60] if line.strip()][:window]
    left: list[str] = []
    right: list[str] = []
    seen_nation = seen_anchor = False
    for line in head:
        if not seen_nation and line.lstrip().startswith("#"):
            continue  # a Markdown heading above the header block is a converter's or collector's note
        if is_table_delimiter(line):
            continue  # ("|---|---" under the issuer's row was read as part of the issuer's name)
        # a markdown table row keeps its outer bars ("| THỦ TƯỚNG CHÍNH PHỦ ------- | CỘNG HÒA … |") and a cell
        # its rule joined after the name ("------- "): neither is text
        # (columns set apart by wide gaps are left to normalize; a single space between them is split here)
        cells = [piece for cell in line.strip().strip("|").split(" | ")
                 for piece in (split_merged_header(cell) if "  " not in cell.strip() else [cell])]
        pieces = [_TRAILING_RULE.sub("", " ".join(_MARKDOWN.sub("", cell).split())) for cell in cells]
        pieces = [text for text in pieces if text and not is_rule_line(text)]
        kinds = [header_kind(text) for text in pieces]
        if not seen_nation and "nation" not in kinds:
            # a portal's or collector's note above the national title ("Cơ quan phát hành: Chính phủ", "[Bản trích
            # chữ tự động …]") is no header line
            pieces, kinds = _without_notes(pieces, kinds)
        if seen_nation and seen_anchor and not any(kinds):
            break  # the first line after the block (document type, Kính gửi, body)
        if seen_nation and not any(kinds) and any(_is_type_line(text) for text in pieces):
            break  # the document type under a block without số hiệu or date (an attached plan printed alone)
        for text, kind in zip(pieces, kinds, strict=True):
            seen_nation = seen_nation or kind == "nation"
            seen_anchor = seen_anchor or kind in ("number", "place_date")
            (right if kind in ("nation", "motto", "place_date") else left).append(text)
    if not seen_nation:
        return {}
    return header_fields(left, right)
