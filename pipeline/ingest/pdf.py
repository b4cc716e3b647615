"""PDF text layers (pypdfium2): lines in reading order with page provenance and layout hints.

Why pypdfium2 for every page: its text page gives the content-stream reading order (columns in order)
at ~150 pages/s; positions, font sizes and font names are asked only per line (first, middle and last
character, and digits), never per character, except for the top of page 1 where the header block is
split into its two columns. pdfplumber (20 pages/s) is not needed for any of this.

What is done here (see the package docstring for the guarantees):
- page numbers (a line that is only a number in the top/bottom margin, also when glued to a body line
  in another position) and running headers/footers (margin lines repeated on many pages) are removed;
- footnote marks become superscript digits; footnote bodies (small type at the bottom of a page) are
  moved to the end of the document so paragraphs continue across the page break;
- the two-column header block of page 1 is emitted left column first, then right, and its fields kept;
- a code split at a line-end hyphen ("NĐ-" / "CP") is rejoined; a soft hyphen at a line end is removed;
- bold/italic from font names;
- defects: no text layer (refused, or OCR when asked), garbled text layer (constant shift repaired or
  refused), wrong code points and look-alike letters repaired, encrypted/corrupt/zero-page refused.
"""
from __future__ import annotations

import ctypes
import hashlib
import io
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..model import DoichieuError, Notice, SourceLine, SourceText
from ..vntext import fold, nfc
from . import repair
from .layout import (
    header_fields,
    header_kind,
    ingest_rules,
    joins_code_hyphen,
    page_break,
    page_number_value,
)
from .sniff import END_ZONE, unreadable
from .text import legacy_name

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_PDFIUM_HYPHEN = re.compile("\ufffe(?=(\\w))")
_DIGIT = re.compile(r"\d")
_SUPERSCRIPT_DIGITS = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]")
_FORCE_BOLD = 1 << 18
_ITALIC_FLAG = 1 << 6


@dataclass
class Line:
    """One visual line (or column segment) of a page, in top-down page coordinates (points)."""

    text: str
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    style: set[str] = field(default_factory=set)
    soft_hyphen: bool = False  # pdfium says the line-end hyphen is a generated/soft hyphen


@dataclass
class PageLines:
    number: int
    width: float
    height: float
    lines: list[Line]
    footnotes: list[Line] = field(default_factory=list)
    has_text: bool = True
    has_image: bool = False
    ruled: bool = False  # many path objects: the page may hold a bordered table


class _TextPage:
    """Thin helpers over a pdfium text page (positions, sizes and fonts of single characters)."""

    def __init__(self, textpage: pdfium.PdfTextPage, height: float):
        self.raw = textpage.raw
        self.textpage = textpage
        self.height = height
        self._left, self._right = ctypes.c_double(), ctypes.c_double()
        self._bottom, self._top = ctypes.c_double(), ctypes.c_double()
        self._buffer = ctypes.create_string_buffer(128)
        self._flags = ctypes.c_int()

    def box(self, index: int) -> tuple[float, float, float, float]:
        """(x0, x1, top, bottom) of a character, top-down."""
        pdfium_c.FPDFText_GetCharBox(self.raw, index, self._left, self._right, self._bottom, self._top)
        return self._left.value, self._right.value, self.height - self._top.value, self.height - self._bottom.value

    def size(self, index: int) -> float:
        return pdfium_c.FPDFText_GetFontSize(self.raw, index)

    def font(self, index: int) -> tuple[str, int]:
        pdfium_c.FPDFText_GetFontInfo(self.raw, index, self._buffer, len(self._buffer), self._flags)
        return self._buffer.value.decode("latin-1", "replace"), self._flags.value

    def is_hyphen(self, index: int) -> bool:
        return bool(pdfium_c.FPDFText_IsHyphen(self.raw, index))

    def style(self, indexes: list[int]) -> set[str]:
        names = [self.font(i) for i in indexes]
        style = set()
        if all("bold" in name.lower() or "black" in name.lower() or flags & _FORCE_BOLD for name, flags in names):
            style.add("bold")
        if all("italic" in name.lower() or "oblique" in name.lower() or flags & _ITALIC_FLAG for name, flags in names):
            style.add("italic")
        return style


# --------------------------------------------------------------------------- one page


def _content_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _superscripts(tp: _TextPage, text: str, start: int, end: int, size: float, top: float, bottom: float) -> str:
    """The line text with raised small digits (footnote marks) written as superscript digits."""
    threshold = ingest_rules().superscript_size * size
    chars = list(text[start:end])
    changed = False
    for match in re.finditer(r"\d", text[start:end]):
        index = start + match.start()
        if tp.size(index) >= threshold:
            continue
        _, _, d_top, d_bottom = tp.box(index)
        if d_bottom < bottom - 0.15 * size or d_top < top - 0.2 * size:  # raised above the baseline
            chars[match.start()] = chars[match.start()].translate(_SUPERSCRIPT)
            changed = True
    return "".join(chars) if changed else text[start:end]


def _make_line(tp: _TextPage, text: str, start: int, end: int, page: int) -> Line:
    x0, _, top, bottom = tp.box(start)
    _, x1, _, _ = tp.box(end - 1)
    middle = start + (end - start) // 2
    while middle > start and text[middle].isspace():
        middle -= 1
    size = tp.size(middle) or tp.size(start)
    style = tp.style([start, middle])
    has_digit = _DIGIT.search(text, start, end) is not None
    content = _superscripts(tp, text, start, end, size, top, bottom) if has_digit else text[start:end]
    soft = content.endswith("-") and tp.is_hyphen(end - 1)
    if "\ufffe" in content:
        # pdfium writes U+FFFE where it joined a line-end hyphen with the next line: keep a hyphen
        # inside codes ("BYT-BCT"), drop it inside words
        content = _PDFIUM_HYPHEN.sub(lambda m: "-" if m.group(1).isupper() or m.group(1).isdigit() else "", content)
        content = content.replace("\ufffe", "-")
    return Line(content, page, x0, max(x1, x0), top, bottom, size, style, soft)


def _detach_numbers(tp: _TextPage, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split off a number at the start or end of a pdfium line that stands at another height
    (a page number glued to a body line by the content order)."""
    spans = [(start, end)]
    first_x0, _, first_top, first_bottom = tp.box(start)
    height = max(first_bottom - first_top, 4.0)
    trailing = re.search(r"\s*(\d{1,4})$", text[start:end])
    if trailing and trailing.start() > 0:
        digit = start + trailing.start(1)
        _, _, top, bottom = tp.box(digit)
        if abs((top + bottom) / 2 - (first_top + first_bottom) / 2) > 1.5 * height:
            body_end = start + trailing.start()
            spans = [(start, body_end), (digit, end)]
    leading = re.match(r"(\d{1,4})\s+\S", text[start:end])
    if leading:
        after = start + leading.end() - 1
        _, _, top, bottom = tp.box(after)
        if abs((top + bottom) / 2 - (first_top + first_bottom) / 2) > 1.5 * height:
            number_end = start + leading.end(1)
            first_span = spans[0]
            spans[0:1] = [(start, number_end), (after, first_span[1])]
    return [s for s in spans if _content_span(text, *s)]


def _split_columns(tp: _TextPage, text: str, start: int, end: int, page: int) -> list[Line]:
    """A header line cut at wide horizontal gaps into column segments."""
    gap_factor = ingest_rules().column_gap
    segments: list[tuple[int, int]] = []
    segment_start, previous_right, previous_index = start, None, None
    for index in range(start, end):
        if text[index].isspace():
            continue
        x0, x1, _, _ = tp.box(index)
        if previous_right is not None and x0 - previous_right > gap_factor * max(tp.size(index), 6.0):
            segments.append((segment_start, previous_index + 1))
            segment_start = index
        previous_right, previous_index = x1, index
    segments.append((segment_start, end))
    lines = []
    for seg_start, seg_end in segments:
        span = _content_span(text, seg_start, seg_end)
        if span:
            lines.append(_make_line(tp, text, span[0], span[1], page))
    return lines


def _same_row(a: Line, b: Line) -> bool:
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    return overlap > 0.3 * max(min(a.bottom - a.top, b.bottom - b.top), 1.0)


def _merge_same_row(lines: list[Line], header_limit: float, max_gap: float = 3.0) -> list[Line]:
    """Rejoin consecutive pdfium lines that stand on one visual row (pdfium breaks a line after a
    superscript or a font change); header-zone segments stay apart (they are columns). `max_gap` in
    font sizes."""
    merged: list[Line] = []
    for line in lines:
        previous = merged[-1] if merged else None
        if (previous is not None and line.top >= header_limit and previous.top >= header_limit
                and line.x0 >= previous.x1 - 1 and line.x0 - previous.x1 < max_gap * max(line.size, previous.size)
                and _same_row(previous, line)):
            gap = "" if line.x0 - previous.x1 < 0.1 * line.size or line.text[:1] in ",.;:)]" else " "
            previous.text = previous.text + gap + line.text
            previous.x1 = line.x1
            previous.soft_hyphen = line.soft_hyphen
            if "bold" not in line.style:
                previous.style.discard("bold")
            continue
        merged.append(line)
    return merged


def _rule_objects(page: pdfium.PdfPage) -> int:
    """Path objects that can be table borders: stroked paths, or thin filled bars. Filled boxes
    (text highlighting, shading behind words) do not count."""
    count = 0
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    for i in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, i)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke)
        if stroke.value:
            count += 1
            continue
        pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
        width, height = right.value - left.value, top.value - bottom.value
        if (width < 2.5 and height > 15) or (height < 2.5 and width > 15):
            count += 1
    return count


def apply_tables(page: PageLines, plumber_page) -> int:
    """Replace the lines inside each bordered table (found by pdfplumber) by one line per table row,
    cells in order joined by " | " (the form DOCX tables take). Header-block tables are left alone."""
    replaced = 0
    for table in plumber_page.find_tables():
        rows = table.extract()
        if len(rows) < 2 or max(len(row) for row in rows) < 2:
            continue
        cells = [[" ".join((cell or "").split()) for cell in row] for row in rows]
        if any(header_kind(cell) == "nation" for row in cells for cell in row):
            continue
        x0, top, x1, bottom = table.bbox
        inside = [line for line in page.lines
                  if x0 - 1 <= (line.x0 + line.x1) / 2 <= x1 + 1 and top - 1 <= (line.top + line.bottom) / 2 <= bottom + 1]
        if not inside:
            continue
        at = page.lines.index(inside[0])
        size = inside[0].size
        row_lines = []
        for row, texts in zip(table.rows, cells, strict=False):
            if any(texts):
                r_x0, r_top, r_x1, r_bottom = row.bbox
                row_lines.append(Line(" | ".join(texts), page.number, r_x0, r_x1, r_top, r_bottom, size, {"table"}))
        keep = [line for line in page.lines if line not in inside]
        page.lines = keep[:at] + row_lines + keep[at:]
        replaced += 1
    return replaced


def _image_share(page: pdfium.PdfPage, width: float, height: float) -> float:
    """Share of the page area covered by its largest image (a scan covers most of its page)."""
    largest = 0.0
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for i in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, i)
        if pdfium_c.FPDFPageObj_GetType(obj) == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
            area = max(0.0, min(right.value, width) - max(left.value, 0.0)) * \
                max(0.0, min(top.value, height) - max(bottom.value, 0.0))
            largest = max(largest, area / (width * height or 1.0))
    return largest


def read_page(pdf: pdfium.PdfDocument, index: int, header_zone: float = 0.0) -> PageLines:
    """Lines of one page in pdfium's reading order; lines whose top lies above `header_zone` (a share
    of the page height) are split into column segments."""
    page = pdf[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            count = textpage.count_chars()
            text = textpage.get_text_range(0, count) if count > 0 else ""
            if len(text) != count:  # characters outside the BMP: positions no longer align
                text = text[:count]
            tp = _TextPage(textpage, height)
            lines: list[Line] = []
            position = 0
            for match in [*_LINE_BREAK.finditer(text), None]:
                end = match.start() if match else len(text)
                span = _content_span(text, position, end)
                if span:
                    _, _, top, _ = tp.box(span[0])
                    if top < header_zone * height:
                        lines.extend(_split_columns(tp, text, span[0], span[1], index + 1))
                    else:
                        for piece in _detach_numbers(tp, text, *span):
                            piece = _content_span(text, *piece)
                            if piece:
                                lines.append(_make_line(tp, text, piece[0], piece[1], index + 1))
                position = match.end() if match else len(text)
        finally:
            textpage.close()
        lines = _merge_same_row(lines, header_zone * height)
        characters = sum(len(line.text.strip()) for line in lines)
        has_image = False
        rules = ingest_rules()
        if characters < rules.scan.max_chars:
            # a scan: no text, or only an overlay (digital-signature stamp, "DỰ THẢO") over a page image
            has_image = _image_share(page, width, height) >= rules.scan.min_image_share
        has_text = characters > 0 and not has_image
        ruled = has_text and _rule_objects(page) >= rules.min_table_rules
        return PageLines(index + 1, width, height, lines, has_text=has_text, has_image=has_image, ruled=ruled)
    finally:
        page.close()


_OCR_COLUMN_GAP = " " * 6  # as pdftotext -layout prints columns side by side: normalize makes them cells


def ocr_lines(rows: list, page: int, header_zone: float) -> list[Line]:
    """Lines of an OCR'd page from Tesseract's words (ocr.OcrWord rows): a row is cut where the gap between two
    words is wide (two columns printed side by side, which Tesseract reads as one line). Above `header_zone`
    (points from the top) the pieces are column segments, as for a text layer, so that the header block is
    ordered column by column; below it they stay one line, the columns set apart by a wide gap (a signature
    beside the recipients list), for normalize to make cells of."""
    rules = ingest_rules()
    lines: list[Line] = []
    for words in rows:
        top, bottom = min(w.top for w in words), max(w.bottom for w in words)
        size = max(bottom - top, 1.0)
        gap_factor = rules.ocr_header_column_gap if top < header_zone else rules.column_gap
        segments: list[list] = [[words[0]]]
        for word in words[1:]:
            if word.x0 - segments[-1][-1].x1 > gap_factor * size:
                segments.append([word])
            else:
                segments[-1].append(word)
        pieces = [Line(" ".join(w.text for w in segment), page, segment[0].x0, segment[-1].x1, top, bottom, size)
                  for segment in segments]
        if top < header_zone:
            lines.extend(pieces)
        else:
            lines.append(replace(pieces[0], text=_OCR_COLUMN_GAP.join(piece.text for piece in pieces),
                                 x1=pieces[-1].x1))
    return lines


# --------------------------------------------------------------------------- furniture


def _body_size(lines: list[Line]) -> float:
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def remove_page_numbers(page: PageLines) -> int:
    """Drop the lines of the top/bottom margin that are only this page's number. Returns how many."""
    margin = ingest_rules().margin * page.height
    by_position = sorted(page.lines, key=lambda line: line.top)
    candidates = by_position[:2] + by_position[-2:]
    removed = 0
    for line in candidates:
        if line not in page.lines:
            continue
        in_margin = line.top < margin or line.bottom > page.height - margin
        value = page_number_value(line.text.translate({ord(s): str(d) for d, s in enumerate("⁰¹²³⁴⁵⁶⁷⁸⁹")}))
        outermost = line is by_position[0] or line is by_position[-1] or in_margin
        if value is not None and outermost and in_margin and abs(value - page.number) <= 2:
            page.lines.remove(line)
            removed += 1
    return removed


def split_footnotes(page: PageLines) -> None:
    """Move the footnote block (small type at the bottom of the page, opening with a number) aside."""
    if len(page.lines) < 3:
        return
    if not any(_SUPERSCRIPT_DIGITS.search(line.text) for line in page.lines):
        return  # no footnote mark on the page: small type at the bottom is something else (Nơi nhận …)
    body = _body_size(page.lines)
    limit = ingest_rules().footnote_size * body
    by_position = sorted(page.lines, key=lambda line: line.top)
    block: list[Line] = []
    for line in reversed(by_position):
        if line.size < limit:
            block.insert(0, line)
        else:
            break
    # the block starts at its first line that opens with a footnote number
    while block and not re.match(r"[\d⁰¹²³⁴⁵⁶⁷⁸⁹*]", block[0].text):
        block.pop(0)
    if not block or len(block) == len(page.lines):
        return
    merged: list[Line] = []
    for line in block:  # a footnote number alone on its row belongs to the text after it
        if merged and re.fullmatch(r"[\d⁰¹²³⁴⁵⁶⁷⁸⁹*]+", merged[-1].text):
            merged[-1] = replace(line, text=f"{merged[-1].text} {line.text}")
        else:
            merged.append(line)
    page.footnotes = merged
    page.lines = [line for line in page.lines if line not in block]


def remove_running_lines(pages: list[PageLines]) -> int:
    """Drop margin lines that repeat (digits aside) on many pages: running headers and footers."""
    rules = ingest_rules()
    if len(pages) < rules.running_min_pages:
        return 0

    def key(line: Line) -> str:
        return fold(re.sub(r"\d+", "#", line.text))

    seen: Counter[str] = Counter()
    for page in pages:
        margin = rules.margin * page.height
        keys = {key(line) for line in page.lines if line.top < margin or line.bottom > page.height - margin}
        seen.update(k for k in keys if k)
    threshold = max(rules.running_min_pages, rules.running_min_share * len(pages))
    running = {k for k, n in seen.items() if n >= threshold}
    removed = 0
    if running:
        for page in pages:
            margin = rules.margin * page.height
            keep = []
            for line in page.lines:
                if (line.top < margin or line.bottom > page.height - margin) and key(line) in running:
                    removed += 1
                else:
                    keep.append(line)
            page.lines = keep
    return removed


# --------------------------------------------------------------------------- header block


def order_header(page: PageLines) -> tuple[list[Line], dict[str, str]]:
    """Page 1's lines with the header block first (left column, then right column) and its fields."""
    lines = page.lines
    nation = next((line for line in lines if header_kind(line.text) == "nation"), None)
    if nation is None:  # no header block: the column segments of page 1 become whole lines again
        return _merge_same_row(lines, 0.0, max_gap=float("inf")), {}
    tolerance = 0.02 * page.width
    boundary = nation.x0 - tolerance
    top_limit = nation.top + 0.35 * page.height

    def side(line: Line) -> str:
        if line.x1 <= boundary + 2 * tolerance and line.x0 < boundary:
            return "left"
        if line.x0 >= boundary:
            return "right"
        return "span"

    above = [line for line in lines if line.top < top_limit]
    by_position = sorted(above, key=lambda line: (round(line.top), line.x0))
    right = [line for line in by_position if side(line) == "right"]
    # the right column ends with the place/date line (or the motto, or the nation)
    right_end = nation
    for kind in ("place_date", "motto"):
        found = next((line for line in right if header_kind(line.text) == kind), None)
        if found is not None:
            right_end = found
            break
    right = [line for line in right if line.top <= right_end.bottom]
    left: list[Line] = []
    for line in by_position:
        if line in right:
            continue
        if header_kind(line.text) == "recipient":
            break
        if side(line) == "left":
            if left and line.top > right_end.bottom and line.top - left[-1].bottom > 2.5 * line.size:
                break
            left.append(line)
        elif line.top > right_end.bottom:
            break
    header = {id(line) for line in left + right}
    rest = _merge_same_row([line for line in lines if id(line) not in header], 0.0, max_gap=float("inf"))
    left, right = _merge_rows(left), _merge_rows(right)
    for line in left + right:
        line.style.add("header")
    fields = header_fields([line.text for line in left], [line.text for line in right])
    return left + right + rest, fields


def _merge_rows(column: list[Line]) -> list[Line]:
    """Segments of one column that stand on the same row, joined left to right."""
    rows: list[list[Line]] = []
    for line in sorted(column, key=lambda line: line.top):
        if rows and _same_row(rows[-1][0], line):
            rows[-1].append(line)
        else:
            rows.append([line])
    merged = []
    for row in rows:
        row.sort(key=lambda line: line.x0)
        first = row[0]
        style = set.intersection(*(set(line.style) for line in row))
        merged.append(replace(first, text=" ".join(line.text for line in row), x1=max(line.x1 for line in row),
                              style=style))
    return merged


# --------------------------------------------------------------------------- document


# PDFium's reasons for not opening a file (FPDF_ERR_*) in plain words; any other keeps PDFium's in parentheses.
_OPEN_ERRORS = {
    pdfium_c.FPDF_ERR_FILE: "không mở được tệp PDF (không có tệp hoặc không có quyền đọc)",
    pdfium_c.FPDF_ERR_FORMAT: "PDF bị hỏng hoặc không đúng định dạng PDF",
    pdfium_c.FPDF_ERR_PASSWORD: "PDF được mã hóa (có mật khẩu); hãy gỡ bảo vệ trước",
    pdfium_c.FPDF_ERR_SECURITY: "PDF được bảo vệ bằng một cách mã hóa không được hỗ trợ; hãy gỡ bảo vệ trước",
}


def _open(path: Path) -> tuple[pdfium.PdfDocument, bytes | None]:
    """The document, and the bytes it was read from when the file had to be salvaged (_salvage), else None."""
    name = str(path)
    salvaged = None
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        code = getattr(error, "err_code", None)
        found = _salvage(path) if code == pdfium_c.FPDF_ERR_FORMAT else None
        if found is None:
            raise DoichieuError(name, _OPEN_ERRORS.get(code) or f"không mở được PDF ({error})") from None
        pdf, salvaged = found
    if len(pdf) == 0:
        pdf.close()
        raise DoichieuError(name, "PDF không có trang nào" if salvaged is None else _OPEN_ERRORS[pdfium_c.FPDF_ERR_FORMAT])
    return pdf, salvaged


def _salvage(path: Path) -> tuple[pdfium.PdfDocument, bytes] | None:
    """A PDF file cut short (a download or a copy that stopped) has lost its cross-reference table and trailer,
    which PDFium needs: its complete objects, closed by a trailer that names its catalog, for PDFium to rebuild
    the table from. None when nothing is left to read (no complete object, the catalog lost)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    end = data.rfind(b"endobj")
    catalog = None
    for found in re.finditer(rb"/Type\s*/Catalog\b", data[:end]):
        heads = list(re.finditer(rb"(\d+)\s+(\d+)\s+obj\b", data[max(0, found.start() - 4096):found.start()]))
        if heads:
            catalog = heads[-1]
            break
    if end < 0 or catalog is None:
        return None
    repaired = data[:end + len(b"endobj")] + b"\ntrailer\n<</Root %s %s R>>\n%%%%EOF\n" % catalog.groups()
    try:
        return pdfium.PdfDocument(repaired), repaired
    except pdfium.PdfiumError:
        return None


def _page_list(numbers: list[int]) -> str:
    """"2, 4–6" for pages 2, 4, 5, 6."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs)


def _open_plumber(source: Path | bytes):
    """pdfplumber on the same file (or the salvaged bytes), for table pages only (slow, so opened lazily)."""
    try:
        import pdfplumber

        return pdfplumber.open(io.BytesIO(source) if isinstance(source, bytes) else str(source))
    except Exception:  # noqa: BLE001 - tables then stay as pdfium lines
        return None


def _join_split_codes(lines: list[Line]) -> int:
    """Rejoin a code or number split at a line-end hyphen, and drop soft hyphens at line ends."""
    joined = 0
    index = 0
    while index < len(lines) - 1:
        line, following = lines[index], lines[index + 1]
        if "header" not in line.style and (line.soft_hyphen or joins_code_hyphen(line.text, following.text)):
            head, _, tail = following.text.partition(" ")
            line.text = (line.text[:-1] if line.soft_hyphen else line.text) + head
            line.soft_hyphen = False
            joined += 1
            if tail.strip():
                following.text = tail.strip()
            else:
                del lines[index + 1]
                continue
        index += 1
    return joined


def _notice(path: str, message: str, code: str, page: int | None = None) -> Notice:
    return Notice(path, message, page=page, code=code)


def read_pdf(path: Path, *, ocr: bool = False) -> SourceText:
    """A PDF file -> SourceText (see the module docstring)."""
    name = str(path)
    try:
        digest, tail = hashlib.sha256(), b""
        with open(path, "rb") as handle:  # in chunks: a corpus PDF may be large
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
                tail = (tail + chunk)[-END_ZONE:]
        data_hash = digest.hexdigest()
    except OSError as error:
        raise unreadable(name, error) from None
    pdf, salvaged = _open(path)
    notices: list[Notice] = []
    pages: list[PageLines] = []
    failed: list[int] = []  # pages PDFium could not read (a damaged file, or one cut short)
    page_count = len(pdf)
    page_numbers = tables = 0
    plumber = None
    try:
        for index in range(page_count):
            try:
                page = read_page(pdf, index, header_zone=0.45 if index == 0 else 0.0)
            except pdfium.PdfiumError:
                failed.append(index + 1)
                continue
            if not page.has_text and ocr:
                from .ocr import ocr_page

                page.lines = ocr_lines(ocr_page(pdf, index, name), index + 1,
                                       header_zone=(ingest_rules().ocr_header_zone if index == 0 else 0.0) * page.height)
                page_numbers += remove_page_numbers(page)
                page.has_text = bool(page.lines)
                if page.has_text:
                    notices.append(_notice(name, "chữ do nhận dạng (OCR, Tesseract, vie): cần rà soát "
                                                 "lại theo bản gốc", "ocr", index + 1))
            else:
                page_numbers += remove_page_numbers(page)
                split_footnotes(page)
                if page.ruled:
                    plumber = plumber or _open_plumber(salvaged or path)
                    if plumber is not None:
                        try:  # pdfplumber may fail to list the pages of a salvaged file, or on one page
                            plumber_page = plumber.pages[index]
                            try:
                                tables += apply_tables(page, plumber_page)
                            finally:
                                plumber_page.close()
                        except Exception:  # noqa: BLE001 - pdfplumber failing on a page: keep pdfium's lines
                            notices.append(_notice(name, "không đọc được bố cục bảng; các ô giữ thành "
                                                         "dòng riêng", "tables", index + 1))
            pages.append(page)
        if salvaged is not None:  # a page whose objects were cut off shows nothing at all
            failed = sorted(failed + [p.number for p in pages if not p.has_text and not p.has_image])
            pages = [p for p in pages if p.number not in failed]
        if not pages:
            raise DoichieuError(name, "PDF bị hỏng hoặc không trọn vẹn (tệp bị cắt cụt): không đọc được trang nào")
        if failed:
            notices.append(_notice(name, f"PDF bị hỏng hoặc không trọn vẹn (tệp bị cắt cụt): không đọc được trang "
                                         f"{_page_list(failed)} trên {page_count} trang; thiếu nội dung các trang này "
                                         "— cần bản PDF đầy đủ", "damaged-pages"))
        elif salvaged is not None or b"%%EOF" not in tail:  # PDFium may rebuild a cut file by itself
            notices.append(_notice(name, f"PDF không trọn vẹn (tệp bị cắt cụt): đọc được cả {page_count} trang nhưng "
                                         "có thể thiếu một phần; nên đối chiếu với bản PDF đầy đủ", "damaged-pages"))
        for page in pages:
            if not page.has_text:
                page.lines = []  # an overlay on a scan (signature stamp) is not the document's text
        empty = [p.number for p in pages if not p.has_text]
        if len(empty) == len(pages):
            from .ocr import ocr_available

            if not any(p.has_image for p in pages):
                raise DoichieuError(name, "các trang PDF trống (không có chữ, không có ảnh)")
            hint = " (đã cài Tesseract tiếng Việt: chạy lại với --ocr)" if ocr_available() else ""
            raise DoichieuError(name, f"không có lớp văn bản (bản quét) — cần nhận dạng chữ (OCR){hint}")
        for number in empty:
            notices.append(_notice(name, "trang không có lớp văn bản (chỉ có ảnh); thiếu nội dung trang — "
                                         "cần nhận dạng chữ (OCR)", "no-text-layer", number))
    finally:
        pdf.close()
        if plumber is not None:
            plumber.close()

    running = remove_running_lines(pages)
    fields: dict[str, str] = {}
    if pages and pages[0].has_text:
        pages[0].lines, fields = order_header(pages[0])
    ordered: list[Line] = [line for page in pages for line in page.lines]
    footnotes = [line for page in pages for line in page.footnotes]
    joined = _join_split_codes(ordered)
    if page_numbers:
        notices.append(_notice(name, f"đã bỏ {page_numbers} số trang", "furniture"))
    if running:
        notices.append(_notice(name, f"đã bỏ {running} dòng tiêu đề/chân trang lặp lại", "furniture"))
    if footnotes:
        notices.append(_notice(name, f"đã chuyển {len(footnotes)} dòng chú thích xuống cuối văn bản", "footnotes"))
    if tables:
        notices.append(_notice(name, f"đã đọc {tables} bảng theo từng hàng (các ô nối bằng ' | ')", "tables"))
    if joined:
        notices.append(_notice(name, f"đã nối lại {joined} từ hoặc số hiệu bị ngắt bởi gạch nối cuối dòng", "hyphen"))
    if footnotes:
        ordered.append(Line("", footnotes[0].page, 0, 0, 0, 0, 0))
        ordered.extend(replace(line, style=line.style | {"footnote"}) for line in footnotes)

    texts = [nfc(line.text) for line in ordered]
    texts, repair_notices = _repair_lines(texts, name)
    notices.extend(repair_notices)
    fields = {key: repair.repair_glyphs(nfc(value))[0] for key, value in fields.items()}
    return _source(name, texts, ordered, fields, notices, data_hash)


def _repair_lines(texts: list[str], name: str) -> tuple[list[str], list[Notice]]:
    """Glyph repairs and the garbled-text-layer check on the whole text, line count preserved."""
    notices: list[Notice] = []
    text = "\n".join(texts)
    words = repair.candidate_words(text)
    share, count = repair.valid_share(text, words)
    if repair.may_be_legacy(share, count):
        # a legacy-font document (.VnTime, VNI-Times) printed to PDF keeps its 8-bit codes in the text layer
        found = repair.detect_legacy(text)
        if found is not None:
            code, text = found
            words = repair.candidate_words(text)
            notices.append(_notice(name, f"lớp văn bản ở bảng mã cũ {legacy_name(code)}; đã chuyển sang "
                                         "Unicode, kiểm tra lại văn bản", "encoding"))
    # after the legacy check: TCVN3 uses the soft-hyphen code for "ư"
    text, repairs = repair.repair_glyphs(text)
    notices.extend(_notice(name, f"{r.message}: {r.count}×", r.code) for r in repairs)
    if repairs:
        words = repair.candidate_words(text)
    if repair.looks_garbled(text, words):
        verdict = repair.repair_shift(text)
        if verdict.shift is None:
            raise DoichieuError(
                name,
                f"lớp văn bản bị lỗi phông: chỉ {verdict.share_before:.0%} số từ là âm tiết tiếng Việt (phông chữ không "
                "có bảng Unicode) và không có độ lệch ký tự cố định nào giải thích được — cần nhận dạng chữ (OCR)",
            )
        text = verdict.text
        words = repair.candidate_words(text)
        notices.append(_notice(name, f"lớp văn bản lỗi phông (phông không có bảng Unicode) đã sửa bằng độ lệch "
                                     f"cố định {verdict.shift:+d} mã ký tự: từ hợp lệ {verdict.share_before:.0%}"
                                     f" -> {verdict.share_after:.0%}; kiểm tra lại văn bản", "shifted-font"))
    odd = repair.suspicious_words(text, words=words)
    if odd:
        notices.append(_notice(name, "các từ không phải âm tiết tiếng Việt hợp lệ (từ dính liền hoặc ký tự "
                                     f"đọc sai trong lớp văn bản): {', '.join(odd)}", "odd-words"))
    lines = text.split("\n")
    if len(lines) != len(texts):  # a repair must never add or remove lines
        raise AssertionError("line count changed by a repair")
    return lines, notices


def _source(name: str, texts: list[str], lines: list[Line], fields: dict[str, str], notices: list[Notice],
            digest: str) -> SourceText:
    source_lines = []
    offset = 0
    for number, (text, line) in enumerate(zip(texts, lines, strict=True), start=1):
        source_lines.append(SourceLine(text=text, number=number, offset=offset, page=line.page,
                                       style=frozenset(line.style), page_break=page_break(text)[0]))
        offset += len(text) + 1
    return SourceText(path=name, kind="pdf", text="\n".join(texts), lines=source_lines, fields=fields,
                      notices=notices, sha256=digest)
