"""Ingest: a file (PDF, DOCX, TXT, MD, a saved web page — type told by content, not by extension) or a string ->
SourceText.

Guarantees to normalize:
- SourceText.text is NFC; SourceText.lines are its physical lines, with 1-based `number`, character
  `offset` into text, `page` (1-based) for PDFs, and `style` hints when the format gives them ("bold"
  from PDF font names / DOCX runs, "italic", "heading" from DOCX heading styles, "table" for table rows,
  "header" for the lines of the document's header block, "numbered" for DOCX paragraphs whose label
  came from Word numbering, "footnote" for PDF footnotes moved to the end).
- PDFs: page numbers (also those glued to a line end by the extraction), running headers and footers
  are removed; footnote marks are printed as superscript digits and footnote bodies moved to the end of
  the text, so a paragraph broken by a page continues on the next page's first line. Line-end hyphens
  are conservative: a soft/automatic hyphen (as pdfium marks it) is removed and the word rejoined; a
  code or number split at its own hyphen ("NĐ-" / "CP", "2021-" / "2025") is rejoined keeping the
  hyphen; every other hyphen stays (Vietnamese syllables are not hyphenated).
- Scans: a PDF whose pages are images (possibly with a signature-stamp overlay) is refused, or read by
  Tesseract with `ocr=True` (a notice per OCR'd page says the text needs review).
- The header block comes first as plain lines in reading order: for a two-column header the left
  column's lines (issuing body, số hiệu, V/v …), then the right column's (nation, motto, place/date),
  never interleaved; the same facts are in SourceText.fields (issuer, nation, motto, number,
  place_date, subject when seen). DOCX header tables give the same lines and fields; text/Markdown
  header blocks (written line after line, or as "left | | right" rows) give the fields.
- Tables: one line per row, cells in order joined by " | " (DOCX tables; bordered PDF tables, read with
  pdfplumber on the pages that have rules). Layout tables (the header table, a two-column Nơi nhận /
  signature table) are given column by column instead.
- DOCX (and the macro-enabled .docm, templates .dotx/.dotm, read as documents with a notice; macros never run):
  paragraphs and tables in body order; Word auto-numbering labels ("1.", "a)", "-", "I.")
  reconstructed from numbering.xml and written in front of the paragraph text, as Word displays them
  (a notice when Word's letters leave the Vietnamese a, b, c, d, đ, e … order).
- Encodings and glyphs repaired and reported as Notices: legacy TCVN3/VNI/Windows-1258, UTF-8 mojibake, wrong code
  points (Ƣ -> Ư), look-alike Cyrillic letters, constant-shift text layers. Wrap joining is NOT done
  here (normalize does it).
- Web pages (HTML): the text a browser shows, one line per block, table cells joined by " | " (a notice says so).
- Bad input raises DoichieuError(path, reason): empty, binary, undecodable, legacy .doc, encrypted,
  corrupt, zero-page, scanned without OCR, garbled text layer that no repair explains, XML or JSON data.
- Inputs are only read, never modified.
"""
from __future__ import annotations

from pathlib import Path

from ..model import DoichieuError, Notice, SourceText
from .sniff import TEXT_SUFFIXES, refuse_data, sniff, unreadable
from .text import from_string, read_text_bytes

__all__ = ["read", "from_string"]


def read(path: str | Path, *, ocr: bool = False) -> SourceText:
    """Read a document; its type is told by its content. `ocr=True` runs Tesseract (Vietnamese) on PDFs
    without a text layer instead of refusing them."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(2048)
    except IsADirectoryError:
        raise DoichieuError(str(path), "là một thư mục, không phải tệp") from None
    except OSError as error:
        raise unreadable(str(path), error) from None
    kind = sniff(path, head)
    source = _read_kind(path, kind, ocr)
    named = _NAMED_KINDS.get(path.suffix.lower())
    if named and named != kind and {named, kind} & {"pdf", "docx"}:
        # read by what it holds, as the user surely meant; but a file named for another format may be the wrong file
        # (text, Markdown and HTML pass for one another without a word)
        source.notices.insert(0, Notice(str(path), f"tệp mang đuôi {path.suffix} nhưng nội dung là {_KIND_NAMES[kind]}: "
                                                   "đã đọc theo nội dung; hãy kiểm tra đúng tệp", code="ingest.kind_mismatch"))
    return source


_NAMED_KINDS = {".pdf": "pdf", ".docx": "docx", ".txt": "txt", ".html": "html", ".htm": "html", **TEXT_SUFFIXES}
_KIND_NAMES = {"pdf": "PDF", "docx": "Word (.docx)", "txt": "văn bản thuần", "md": "Markdown", "html": "HTML"}


def _read_kind(path: Path, kind: str, ocr: bool) -> SourceText:
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf(path, ocr=ocr)
    if kind == "docx":
        from .docx import read_docx

        return read_docx(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise unreadable(str(path), error) from None
    if kind == "html":
        from .html import read_html

        return read_html(data, path)
    refuse_data(path, data)
    return read_text_bytes(data, path)
