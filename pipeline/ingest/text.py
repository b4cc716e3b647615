"""Plain text and Markdown: decoding (UTF-8 with/without BOM, UTF-16, legacy Vietnamese TCVN3/VNI/Windows-1258,
UTF-8 mojibake), glyph repairs and line provenance."""
from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

from ..model import DoichieuError, Notice, SourceLine, SourceText
from ..vntext import nfc
from . import repair
from .layout import page_break, text_header_fields
from .sniff import TEXT_SUFFIXES, unreadable

_LEGACY_NAMES = {"tcvn3": "TCVN3 (ABC, phông .VnTime)", "vni": "VNI-Windows", "windows-1258": "Windows-1258",
                 "utf-8 read as Windows-1252": "văn bản UTF-8 bị đọc nhầm theo Windows-1252"}


def legacy_name(code: str) -> str:
    return _LEGACY_NAMES.get(code, code)


def _control_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    controls = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f") or 0x7f <= ord(c) < 0xa0)
    return controls / len(sample)


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    if odd_nuls > 0.3 and even_nuls < 0.05:
        codec = "utf-16-le"
    elif even_nuls > 0.3 and odd_nuls < 0.05:
        codec = "utf-16-be"
    else:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _damaged_utf8(data: bytes, path: str) -> tuple[str, Notice] | None:
    """UTF-8 text with a few damaged bytes (a file cut short inside a letter, a byte spoilt in a copy, a stray
    NUL), at most one in a thousand characters: read, a spoilt byte shown as '\ufffd' and a NUL dropped, with a
    notice naming the first line, rather than the whole document refused as binary."""
    text = data.decode("utf-8-sig", errors="replace")
    spoilt = [i for i, c in enumerate(text) if c in "\ufffd\x00"]
    if not spoilt or len(spoilt) > max(1, len(text) // 1000):
        return None
    line = text.count("\n", 0, spoilt[0]) + 1
    return text.replace("\x00", ""), Notice(path, f"{len(spoilt)} byte hỏng (không phải UTF-8 hợp lệ) được thay bằng "
                                                 "'\ufffd' hoặc bỏ đi, chỗ đầu tiên ở dòng này: kiểm tra lại văn bản",
                                          line=line, code="encoding")


def decode_bytes(data: bytes, path: str) -> tuple[str, list[Notice]]:
    """Bytes of a text file -> (text, notices). UTF-8 (BOM or not; a few spoilt bytes told by a notice), UTF-16
    (BOM, or the NUL pattern of plain Latin text), legacy Vietnamese 8-bit encodings (converted, with a notice);
    anything else is refused with one DoichieuError."""
    notices: list[Notice] = []
    if not data.strip():
        raise DoichieuError(path, "tệp rỗng")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise DoichieuError(path, "có dấu BOM UTF-16 nhưng nội dung không giải mã được") from None
    elif b"\x00" in data[:4096]:
        text = _utf16_without_bom(data)
        if text is not None:
            notices.append(Notice(path, "văn bản UTF-16 không có dấu BOM", code="encoding"))
        else:
            damaged = _damaged_utf8(data, path)
            if damaged is None:
                raise DoichieuError(path, "tệp nhị phân, không phải văn bản (có byte NUL)")
            text, notice = damaged
            notices.append(notice)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            latin = data.decode("latin-1")
            binary = _control_share(latin) > 0.01
            found = None if binary else repair.detect_legacy(latin)
            if found is not None:
                code, text = found
                notices.append(Notice(path, f"bảng mã cũ {legacy_name(code)} đã được chuyển sang Unicode; "
                                            "kiểm tra lại văn bản", code="encoding"))
                return text, notices
            damaged = _damaged_utf8(data, path)
            if damaged is None and binary:
                raise DoichieuError(path, "tệp nhị phân, không phải văn bản") from None
            if damaged is None:
                raise DoichieuError(
                    path,
                    f"không phải văn bản UTF-8 (byte không giải mã được ở vị trí {error.start}) cũng không phải bảng mã "
                    "tiếng Việt cũ đã biết (TCVN3, VNI, Windows-1258); hãy lưu lại dạng UTF-8",
                ) from None
            text, notice = damaged
            notices.append(notice)
    # Unicode text that still carries a legacy encoding's characters (converted with the wrong table,
    # or a legacy file re-saved as UTF-8, or UTF-8 mojibake with its C1 controls).
    share, count = repair.valid_share(text[:50000])
    if repair.may_be_legacy(share, count):
        found = repair.detect_legacy(text)
        if found is not None:
            code, text = found
            notices.append(Notice(path, f"văn bản ở bảng mã {legacy_name(code)}; đã chuyển sang Unicode, kiểm tra lại",
                                  code="encoding"))
    if _control_share(text) > 0.01:
        raise DoichieuError(path, "tệp nhị phân, không phải văn bản")
    if not text.replace("\ufeff", "").strip():  # a byte-order mark and blanks alone
        raise DoichieuError(path, "tệp rỗng")
    return text, notices


def decode(data: bytes, path: str) -> str:
    """Bytes -> text (see decode_bytes; notices dropped)."""
    return decode_bytes(data, path)[0]


def split_lines(text: str) -> list[SourceLine]:
    """The lines of a text; each on the page that the last page-break line above it names ("===== Trang 2 =====",
    the copy of a PDF that a converter or an OCR script wrote: layout.page_break), none before the first."""
    lines, offset, page = [], 0, None
    for number, line in enumerate(text.split("\n"), start=1):
        marker, marked = page_break(line)
        page = marked if marked is not None else page
        lines.append(SourceLine(text=line, number=number, offset=offset, page=page, page_break=marker))
        offset += len(line) + 1
    return lines


def repair_text(text: str, path: str) -> tuple[str, list[Notice]]:
    """Glyph repairs (wrong code points, look-alike letters) with one notice per kind."""
    repaired, repairs = repair.repair_glyphs(text)
    notices = [Notice(path, f"{r.message}: {r.count}×", code=r.code) for r in repairs]
    return repaired, notices


def from_string(text: str, name: str = "<string>", kind: str = "txt") -> SourceText:
    """A SourceText from text already in memory (NFC, CR/LF unified, glyph repairs reported)."""
    text = nfc(text.replace("\r\n", "\n").replace("\r", "\n"))
    text, notices = repair_text(text, name)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    lines = split_lines(text)
    fields = text_header_fields([line.text for line in lines])
    return SourceText(path=name, kind=kind, text=text, lines=lines, fields=fields, notices=notices, sha256=digest)


def source_of(text: str, notices: list[Notice], data: bytes, path: Path, kind: str) -> SourceText:
    """A SourceText of the text decoded from a file's bytes, the decoding notices first, the file's digest."""
    source = from_string(text, name=str(path), kind=kind)
    source.notices[:0] = notices
    source.sha256 = hashlib.sha256(data).hexdigest()
    return source


def read_text_bytes(data: bytes, path: Path) -> SourceText:
    kind = TEXT_SUFFIXES.get(path.suffix.lower(), "txt")
    text, notices = decode_bytes(data, str(path))
    return source_of(text, notices, data, path, kind)


def read_text_file(path: Path) -> SourceText:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise unreadable(str(path), error) from None
    return read_text_bytes(data, path)
