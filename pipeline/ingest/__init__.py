"""Ingest: a file (or a string) -> SourceText.

Guarantees to normalize: NFC text split into lines with line (and page) provenance; encodings,
glyph defects and page furniture handled and reported as notices; bad input raises DoichieuError
naming the file and the problem. Inputs are only read, never modified.
"""
from __future__ import annotations

from pathlib import Path

from ..model import SourceText
from .text import from_string, read_text_file

__all__ = ["read", "from_string"]


def read(path: str | Path) -> SourceText:
    """Read a .txt/.md file (PDF and DOCX arrive with their own readers)."""
    return read_text_file(Path(path))
