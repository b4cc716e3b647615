"""Text and Markdown ingest, type sniffing and bad input (pipeline.ingest.read / from_string)."""
import codecs
import os
import unicodedata
import zipfile

import pytest
from fixtures import COLLECTED_DECISION
from test_repair import TCVN3, UNICODE, VNI

from pipeline.ingest import from_string, read
from pipeline.model import DoichieuError

SEEDS = ("corpus/central/nq-23-NQ-CP-2022.md", "corpus/provincial/kontum-implementing-nq23.txt")


def check_lines(source):
    """The line guarantees: 1-based numbers, offsets into text, NFC."""
    assert source.text == unicodedata.normalize("NFC", source.text)
    assert "\n".join(line.text for line in source.lines) == source.text
    for index, line in enumerate(source.lines, start=1):
        assert line.number == index
        assert source.text[line.offset:line.offset + len(line.text)] == line.text


@pytest.mark.parametrize("path", SEEDS)
def test_seed_documents_read_cleanly(root, path):
    source = read(root / path)
    assert source.kind == ("md" if path.endswith(".md") else "txt")
    assert source.notices == []
    assert source.text == unicodedata.normalize("NFC", (root / path).read_text(encoding="utf-8")).replace("\r\n", "\n")
    check_lines(source)
    assert len(source.sha256) == 64


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "utf-16-le"])
def test_unicode_encodings(tmp_path, encoding):
    if encoding == "utf-16-le-bom":
        data = codecs.BOM_UTF16_LE + UNICODE.encode("utf-16-le")
    elif encoding == "utf-16-be-bom":
        data = codecs.BOM_UTF16_BE + UNICODE.encode("utf-16-be")
    else:
        data = UNICODE.encode(encoding)
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    source = read(path)
    assert source.text == UNICODE
    check_lines(source)


def test_crlf_and_decomposed_text_normalised(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(unicodedata.normalize("NFD", "Kế hoạch\r\nthực hiện\r\n").encode("utf-8"))
    source = read(path)
    assert source.text == "Kế hoạch\nthực hiện\n"
    check_lines(source)


@pytest.mark.parametrize("legacy, name", [(TCVN3, "TCVN3"), (VNI, "VNI")])
def test_legacy_8bit_files_converted_with_notice(tmp_path, legacy, name):
    path = tmp_path / "old.txt"
    path.write_bytes(legacy.encode("latin-1"))
    source = read(path)
    assert "Cộng hòa xã hội chủ nghĩa Việt Nam" in source.text
    assert "nhiệm vụ được giao" in source.text
    assert [n.code for n in source.notices] == ["encoding"]
    assert name in source.notices[0].message


def _windows_1258(text: str) -> bytes:
    """Text as the Windows-1258 code page writes it: ă â ê ô ơ ư đ as letters, the tone after the vowel."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


def test_windows_1258_file_converted_with_notice(tmp_path):
    path = tmp_path / "cu.txt"
    path.write_bytes(_windows_1258(UNICODE))
    source = read(path)
    assert source.text == UNICODE
    assert [n.code for n in source.notices] == ["encoding"] and "Windows-1258" in source.notices[0].message


@pytest.mark.parametrize("spoil, shown, line", [
    (lambda data, at: data[:at] + b"\xff" + data[at:], "Kế hoạch\ufffd", 3),  # a byte spoilt in a copy
    (lambda data, at: data[:at] + b"\x00" + data[at:], "Kế hoạch", 3),  # a stray NUL, dropped
    (lambda data, at: data + "ế".encode()[:2], "Kế hoạch", 44),  # a file cut short inside its last letter
])
def test_utf8_text_with_a_spoilt_byte_is_read_with_a_notice_naming_the_line(tmp_path, spoil, shown, line):
    text = "ỦY BAN NHÂN DÂN TỈNH\n\nKế hoạch thực hiện nhiệm vụ năm 2031\n" + "Sở Y tế chủ trì thực hiện.\n" * 40
    data = text.encode()
    path = tmp_path / "hong.txt"
    path.write_bytes(spoil(data, data.index(" thực hiện nhiệm vụ".encode())))
    source = read(path)
    assert shown + " thực hiện nhiệm vụ năm 2031" in source.text
    assert [(n.code, n.line) for n in source.notices] == [("encoding", line)]
    assert "byte hỏng" in source.notices[0].message


def test_legacy_text_saved_as_utf8_converted(tmp_path):
    path = tmp_path / "old.txt"
    path.write_text(TCVN3, encoding="utf-8")
    source = read(path)
    assert source.text.startswith("Cộng hòa xã hội")
    assert source.notices[0].code == "encoding"


def test_mojibake_repaired(tmp_path):
    path = tmp_path / "m.txt"
    path.write_text(UNICODE.encode("utf-8").decode("latin-1"), encoding="utf-8")
    source = read(path)
    assert source.text == UNICODE
    assert source.notices[0].code == "encoding"


@pytest.mark.parametrize("printed, repaired", [
    ("Sở Công Thƣơng\n", "Sở Công Thương\n"),
    # 'Ð' (U+00D0) and 'ð' (U+00F0) stand for Đ/đ in Windows-1258 text read as Latin-1 and in some PDF or OCR text:
    # 'Ðiều 1.' was no article label
    ("QUYẾT ĐỊNH:\nÐiều 1. Sở Tài chính chủ trì, ðôn ðốc thực hiện.\n",
     "QUYẾT ĐỊNH:\nĐiều 1. Sở Tài chính chủ trì, đôn đốc thực hiện.\n"),
])
def test_glyph_repairs_reported(tmp_path, printed, repaired):
    path = tmp_path / "g.txt"
    path.write_text(printed, encoding="utf-8")
    source = read(path)
    assert source.text == repaired
    assert source.notices[0].code == "glyph"


@pytest.mark.parametrize("data, reason", [
    (b"", "tệp rỗng"),
    (b"  \n\n \t", "tệp rỗng"),
    (codecs.BOM_UTF8 + b"\n", "tệp rỗng"),
    (codecs.BOM_UTF16_LE, "tệp rỗng"),
    (b"abc\x00\x01\x02\x03def\x00\xff\xfe\x00\x00", "tệp nhị phân"),
    (bytes(range(0xA0, 0x100)) * 20, "không phải văn bản UTF-8"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "ảnh PNG"),
    (b"\x7fELF\x02\x01" + b"\x00" * 50, "tệp chương trình"),
    (b"{\\rtf1\\ansi hello}", "tệp RTF"),
])
def test_bad_input_one_clear_error(tmp_path, data, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(DoichieuError) as error:
        read(path)
    assert reason in error.value.reason
    assert error.value.path == str(path)


def test_legacy_doc_refused_with_conversion_hint(tmp_path):
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(DoichieuError) as error:
        read(path)
    assert "libreoffice --headless --convert-to docx old.doc" in error.value.reason


def test_password_protected_docx_told_from_a_legacy_doc(tmp_path):
    # Word saves a DOCX with a password as an OLE2 container whose directory names an 'EncryptedPackage' stream
    entries = b"".join(name.encode("utf-16-le").ljust(64, b"\x00") + b"\x00" * 64
                       for name in ("Root Entry", "EncryptionInfo", "EncryptedPackage"))
    path = tmp_path / "mat.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + entries + os.urandom(1024))
    with pytest.raises(DoichieuError) as error:
        read(path)
    assert "có mật khẩu" in error.value.reason and ".doc," not in error.value.reason


def test_zip_that_is_not_word_refused(tmp_path):
    path = tmp_path / "x.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(DoichieuError, match="không phải văn bản Word"):
        read(path)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(DoichieuError, match="không đọc được tệp"):
        read(tmp_path / "nope.txt")
    with pytest.raises(DoichieuError, match="thư mục"):
        read(tmp_path)


def test_type_by_content_not_extension(tmp_path, root):
    text_as_pdf = tmp_path / "really-text.pdf"
    text_as_pdf.write_bytes((root / SEEDS[1]).read_bytes())
    source = read(text_as_pdf)
    assert source.kind == "txt"
    # read, but the user is told: a file named for another format may be the wrong file
    assert [n.code for n in source.notices][:1] == ["ingest.kind_mismatch"]
    assert ".pdf" in source.notices[0].message and "văn bản thuần" in source.notices[0].message
    # text, Markdown and HTML pass for one another without a word
    text_as_md = tmp_path / "really-text.md"
    text_as_md.write_bytes((root / SEEDS[1]).read_bytes())
    assert not [n for n in read(text_as_md).notices if n.code == "ingest.kind_mismatch"]


def test_from_string():
    source = from_string("Kế hoạch\r\nsố 1", name="<x>", kind="md")
    assert source.kind == "md" and source.text == "Kế hoạch\nsố 1" and source.path == "<x>"
    check_lines(source)


@pytest.mark.parametrize("path", SEEDS)
def test_inputs_never_modified(root, tmp_path, path):
    copy = tmp_path / os.path.basename(path)
    copy.write_bytes((root / path).read_bytes())
    os.utime(copy, (1_600_000_000, 1_600_000_000))
    before = (copy.read_bytes(), copy.stat().st_mtime)
    read(copy)
    assert (copy.read_bytes(), copy.stat().st_mtime) == before


def test_header_fields_of_a_text_header_block(root):
    fields = read(root / SEEDS[0]).fields
    assert fields == {"issuer": "CHÍNH PHỦ", "number": "23/NQ-CP", "nation": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                      "motto": "Độc lập - Tự do - Hạnh phúc", "place_date": "Hà Nội, ngày 02 tháng 3 năm 2022"}
    assert read(root / SEEDS[1]).fields == {}  # the Kon Tum text starts with its body


def test_header_fields_of_converted_table_rows():
    text = ("UỶ BAN NHÂN DÂN\nTỈNH  LÀO CAI |  | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số:             /UBND-KT |  |        Lào Cai, ngày         tháng       năm 2025\n"
            "V/v tham mưu uỷ quyền thủ tục kiểm tra |  | \n\nKính gửi: | \n- Sở Công Thương;\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;")
    assert from_string(text).fields == {
        "issuer": "UỶ BAN NHÂN DÂN TỈNH LÀO CAI", "number": "/UBND-KT",
        "subject": "V/v tham mưu uỷ quyền thủ tục kiểm tra", "nation": "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "motto": "Độc lập - Tự do - Hạnh phúc", "place_date": "Lào Cai, ngày tháng năm 2025"}


def test_text_that_mentions_pdf_magic_is_text(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# Ghi chú\nTệp PDF bắt đầu bằng %PDF-1.7 ở đầu tệp.\n", encoding="utf-8")
    assert read(path).kind == "md"


def test_markdown_table_header_rows_give_clean_fields():
    text = ("| BỘ XÂY DỰNG ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc  --------------- |\n"
            "| --- | --- |\n"
            "| Số: 15/QĐ-BXD | *Hà Nội, ngày 3 tháng 4 năm 2035* |\n"
            "QUYẾT ĐỊNH\n")
    fields = from_string(text, kind="txt").fields
    assert fields["issuer"] == "BỘ XÂY DỰNG"
    assert fields["number"] == "15/QĐ-BXD"


def test_markdown_notes_above_the_header_block_are_no_header_fields():
    # real case: Lào Cai QĐ 3556/QĐ-UBND 2026 as collected ("# QĐ 3556 … bản trích chữ", "## PHẦN 1 — QUYẾT ĐỊNH")
    source = from_string(COLLECTED_DECISION)
    fields = source.fields
    assert "QĐ 12/QĐ-UBND ngày" not in " ".join(fields.values())
    assert fields.get("number", "").replace(" ", "").startswith("12/QĐ-UBND")


def test_notes_above_the_national_title_are_no_header_lines():
    # a portal's or collector's note above the header is no header line (real cases: CT 07/CT-TTg 2012 as extracted
    # from DOCX, '[Bản trích chữ tự động …]'; QĐ 1422/QĐ-TTg 2024 as extracted from PDF, 'Cơ quan phát hành: …')
    source = from_string("[Bản trích chữ tự động từ một tệp DOCX — 40 đoạn]\n\nTHỦ TƯỚNG CHÍNH PHỦ\n"
                         "-------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                         "Số: 9/CT-TTg | Hà Nội, ngày 4 tháng 5 năm 2035\nCHỈ THỊ\nVề quản lý chợ đầu mối\n")
    assert source.fields["issuer"] == "THỦ TƯỚNG CHÍNH PHỦ"
    # an issuer in ordinary case, beside the national title or above it, is no note
    for header in ("Bộ Công Thương | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n | Độc lập - Tự do - Hạnh phúc\n",
                   "Bộ Công Thương\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"):
        source = from_string(header + "Số: 12/QĐ-BCT | Hà Nội, ngày 4 tháng 5 năm 2035\nQUYẾT ĐỊNH\n")
        assert source.fields["issuer"] == "Bộ Công Thương"
