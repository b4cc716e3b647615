"""A web page of a document (saved from a legal portal or a ministry's site): its text, one line per block.

The markup is dropped with the standard library's HTML parser: block elements (paragraphs, headings, list items,
table rows, line breaks) end a line, table cells are set apart by " | " as the DOCX reader does, and what a
browser does not show (head, scripts, styles) is left out. The text then goes the way of a plain text file.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from ..model import DoichieuError, Notice, SourceText
from .text import decode_bytes, source_of

_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
           "blockquote", "pre", "dt", "dd", "ul", "ol", "hr", "title"}
_HIDDEN = {"head", "script", "style", "noscript", "template"}
_CELLS = {"td", "th"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.cell_open = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _CELLS:
            if self.cell_open:
                self.parts.append(" | ")
            self.cell_open = True
        elif tag in _BLOCKS:
            self.parts.append("\n")
            if tag == "tr":
                self.cell_open = False

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(re.sub(r"\s+", " ", data))


def html_text(markup: str) -> str:
    """The text a browser shows, one line per block, blank lines collapsed."""
    parser = _Text()
    parser.feed(markup)
    parser.close()
    lines = [line.strip() for line in "".join(parser.parts).split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return text + "\n" if text else ""


def read_html(data: bytes, path: Path) -> SourceText:
    """A saved web page read as the text it shows (a notice says so)."""
    markup, notices = decode_bytes(data, str(path))
    text = html_text(markup)
    if not text.strip():
        raise DoichieuError(str(path), "trang web (HTML) không hiển thị chữ nào")
    notice = Notice(str(path), "trang web (HTML): lấy phần chữ hiển thị từ mã trang", code="html")
    return source_of(text, [*notices, notice], data, path, "txt")
