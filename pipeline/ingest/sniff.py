"""File type by content (magic bytes), the extension only breaking ties between text kinds."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

from ..fsutil import os_reason
from ..model import DoichieuError


def unreadable(name: str, error: OSError) -> DoichieuError:
    """The one error for a file the system would not let us read, its reason in Vietnamese."""
    return DoichieuError(name, f"không đọc được tệp ({os_reason(error)})")


OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TEXT_SUFFIXES = {".md": "md", ".markdown": "md"}
# A zip package (DOCX) that zipfile cannot open: most often a file cut short, whose directory at the end is lost.
BROKEN_ZIP = "tệp nén zip/DOCX bị hỏng hoặc không trọn vẹn (bị cắt cụt); hãy lấy lại bản đầy đủ"


# A PDF file ends with "%%EOF" (ISO 32000-1, 7.5.5); writers may leave a few bytes after it. A file without it
# in its last END_ZONE bytes was cut short (pdf.py), or is no PDF (sniff).
END_ZONE = 1024


def _ends_like_pdf(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            handle.seek(0, 2)
            handle.seek(max(0, handle.tell() - END_ZONE))
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
            raise DoichieuError(name, "tệp Word/Office có mật khẩu (được mã hóa); hãy mở bằng Word, gỡ mật khẩu "
                                      "(File > Info > Protect Document) rồi lưu lại dạng .docx")
        raise DoichieuError(
            name,
            "tệp Word/Office nhị phân kiểu cũ (.doc, OLE2) chưa được hỗ trợ; hãy chuyển đổi trước, ví dụ "
            f"`libreoffice --headless --convert-to docx {path.name}`",
        )
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        try:
            with zipfile.ZipFile(path) as archive:
                members = set(archive.namelist())
        except zipfile.BadZipFile:
            raise DoichieuError(name, BROKEN_ZIP) from None
        except OSError as error:
            raise unreadable(name, error) from None
        if "word/document.xml" in members:
            return "docx"
        if "content.xml" in members:
            raise DoichieuError(name, "tệp OpenDocument (.odt) chưa được hỗ trợ; hãy chuyển đổi, ví dụ "
                                      f"`libreoffice --headless --convert-to docx {path.name}`")
        raise DoichieuError(name, "tệp nén zip không phải văn bản Word (không có word/document.xml)")
    if head.startswith(b"{\\rtf"):
        raise DoichieuError(name, "tệp RTF chưa được hỗ trợ; hãy chuyển đổi, ví dụ "
                                  f"`libreoffice --headless --convert-to docx {path.name}`")
    for magic, what in ((b"\x89PNG", "ảnh PNG"), (b"\xff\xd8\xff", "ảnh JPEG"), (b"GIF8", "ảnh GIF"),
                        (b"II*\x00", "ảnh TIFF"), (b"MM\x00*", "ảnh TIFF"), (b"\x7fELF", "tệp chương trình"),
                        (b"\x1f\x8b", "tệp nén gzip"), (b"Rar!", "tệp nén RAR"), (b"7z\xbc\xaf", "tệp nén 7-Zip")):
        if head.startswith(magic):
            hint = "; trang quét thì hãy đưa vào PDF và dùng --ocr" if what.startswith("ảnh") else ""
            raise DoichieuError(name, f"{what}, không phải văn bản{hint}")
    opening = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if opening.startswith((b"<!doctype html", b"<html")) or (opening.startswith(b"<") and b"<html" in opening[:1024]):
        return "html"
    if opening.startswith(b"<?xml"):
        raise DoichieuError(name, "dữ liệu XML, không phải văn bản; hãy đưa chính văn bản (PDF, DOCX hoặc văn bản thuần)")
    return TEXT_SUFFIXES.get(path.suffix.lower(), "txt")


def refuse_data(path: Path, data: bytes) -> None:
    """A text file that is JSON data, not a document, is refused (its bytes, read once by the caller)."""
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] not in (b"{", b"["):
        return
    try:
        json.loads(data)
    except ValueError:
        return
    raise DoichieuError(str(path), "dữ liệu JSON, không phải văn bản; hãy đưa chính văn bản (PDF, DOCX hoặc văn bản thuần)")
