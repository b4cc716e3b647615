"""File type by content (magic bytes), the extension only breaking ties between text kinds."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

from ..model import DoichieuError

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TEXT_SUFFIXES = {".md": "md", ".markdown": "md"}


def _ends_like_pdf(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            handle.seek(0, 2)
            handle.seek(max(0, handle.tell() - 2048))
            return b"%%EOF" in handle.read()
    except OSError:
        return False


def _ole_holds(path: Path, stream: str) -> bool:
    """Whether an OLE2 (Compound File) container names a stream: its directory entries hold the names in
    UTF-16, and a password-protected DOCX/XLSX is such a container with an 'EncryptedPackage' stream."""
    try:
        return stream.encode("utf-16-le") in path.read_bytes()
    except OSError:
        return False


def sniff(path: Path, head: bytes) -> str:
    """'pdf' | 'docx' | 'html' | 'txt' | 'md' from the first bytes of the file (and, for zips, its members).

    Refuses formats doichieu does not read (legacy .doc, other zip/Office formats, common binaries, XML data)
    with a DoichieuError that says what to do; JSON data is told from the whole text (refuse_data)."""
    name = str(path)
    if head.lstrip(b"\xef\xbb\xbf \t\r\n\x00").startswith(b"%PDF-") or (b"%PDF-" in head[:1024] and _ends_like_pdf(path)):
        return "pdf"  # PDF readers accept junk before the header; a text merely mentioning %PDF- is not a PDF
    if head.startswith(OLE2_MAGIC):
        if _ole_holds(path, "EncryptedPackage"):
            raise DoichieuError(name, "password-protected (encrypted) Word/Office file; open it in Word, remove the "
                                      "password (File > Info > Protect Document) and save it as .docx")
        raise DoichieuError(
            name,
            "legacy Word/Office binary file (.doc, OLE2) is not supported; convert it first, e.g. "
            f"`libreoffice --headless --convert-to docx {path.name}`",
        )
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        try:
            with zipfile.ZipFile(path) as archive:
                members = set(archive.namelist())
        except (zipfile.BadZipFile, OSError) as error:
            raise DoichieuError(name, f"corrupt zip/DOCX container ({error})") from None
        if "word/document.xml" in members:
            return "docx"
        if "content.xml" in members:
            raise DoichieuError(name, "OpenDocument file (.odt) is not supported; convert it, e.g. "
                                      f"`libreoffice --headless --convert-to docx {path.name}`")
        raise DoichieuError(name, "zip archive that is not a Word document (no word/document.xml)")
    if head.startswith(b"{\\rtf"):
        raise DoichieuError(name, "RTF file is not supported; convert it, e.g. "
                                  f"`libreoffice --headless --convert-to docx {path.name}`")
    for magic, what in ((b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
                        (b"II*\x00", "TIFF image"), (b"MM\x00*", "TIFF image"), (b"\x7fELF", "executable"),
                        (b"\x1f\x8b", "gzip archive"), (b"Rar!", "RAR archive"), (b"7z\xbc\xaf", "7-Zip archive")):
        if head.startswith(magic):
            hint = "; for a scanned page, put it in a PDF and use OCR" if "image" in what else ""
            raise DoichieuError(name, f"{what}, not a document{hint}")
    opening = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if opening.startswith((b"<!doctype html", b"<html")) or (opening.startswith(b"<") and b"<html" in opening[:1024]):
        return "html"
    if opening.startswith(b"<?xml"):
        raise DoichieuError(name, "XML data, not a document; give the document itself (PDF, DOCX or text)")
    return TEXT_SUFFIXES.get(path.suffix.lower(), "txt")


def refuse_data(path: Path, data: bytes) -> None:
    """A text file that is JSON data, not a document, is refused (its bytes, read once by the caller)."""
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] not in (b"{", b"["):
        return
    try:
        json.loads(data)
    except ValueError:
        return
    raise DoichieuError(str(path), "JSON data, not a document; give the document itself (PDF, DOCX or text)")
