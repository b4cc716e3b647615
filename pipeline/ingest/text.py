"""Plain text and Markdown: decoding and line provenance."""
from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

from ..model import DoichieuError, SourceLine, SourceText
from ..vntext import nfc


def decode(data: bytes, path: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is refused."""
    if not data.strip():
        raise DoichieuError(path, "empty file")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise DoichieuError(path, "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DoichieuError(path, f"not UTF-8 text (undecodable byte at offset {error.start})") from None


def split_lines(text: str) -> list[SourceLine]:
    lines, offset = [], 0
    for number, line in enumerate(text.split("\n"), start=1):
        lines.append(SourceLine(text=line, number=number, offset=offset))
        offset += len(line) + 1
    return lines


def from_string(text: str, name: str = "<string>", kind: str = "txt") -> SourceText:
    """A SourceText from text already in memory."""
    text = nfc(text.replace("\r\n", "\n").replace("\r", "\n"))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return SourceText(path=name, kind=kind, text=text, lines=split_lines(text), sha256=digest)


def read_text_file(path: Path) -> SourceText:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DoichieuError(str(path), f"cannot read file ({error.strerror})") from None
    kind = "md" if path.suffix.lower() in {".md", ".markdown"} else "txt"
    source = from_string(decode(data, str(path)), name=str(path), kind=kind)
    source.sha256 = hashlib.sha256(data).hexdigest()
    return source
