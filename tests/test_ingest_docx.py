"""DOCX ingest: body order, Word auto-numbering rebuilt from numbering.xml, header table, tables, styles,
legacy fonts, bad files, seed documents rendered to DOCX."""
import os
import zipfile
from pathlib import Path

import docx
import pytest
from fixtures import Header, add_header_table, add_numbered, install_numbering, seed_docx
from test_ingest_pdf import SEEDS, _pipeline_ready, _without_header, referee_figures
from test_ingest_text import check_lines
from test_repair import TCVN3

from pipeline.ingest import read
from pipeline.ingest.docx import format_number
from pipeline.model import DoichieuError
from pipeline.vntext import fold

HEADER = Header(issuer=["BỘ CÔNG THƯƠNG"], number="Số: 15/KH-BCT", subject=["V/v thực hiện Nghị định 25/2026/NĐ-CP"],
                place_date="Hà Nội, ngày 20 tháng 01 năm 2026")


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    document = docx.Document()
    install_numbering(document)
    add_header_table(document, HEADER)
    document.add_paragraph("KẾ HOẠCH", style="Heading 1")
    document.add_paragraph("Căn cứ Nghị định số 25/2026/NĐ-CP ngày 17 tháng 01 năm 2026 của Chính phủ;")
    add_numbered(document, "MỤC ĐÍCH, YÊU CẦU", 1, 0, bold=True)
    add_numbered(document, "Triển khai kịp thời", 1, 1)
    add_numbered(document, "Cục Hóa chất chủ trì", 1, 2)
    add_numbered(document, "Vụ Pháp chế phối hợp", 1, 2)
    add_numbered(document, "rà soát văn bản", 1, 3)
    add_numbered(document, "Bảo đảm hiệu quả", 1, 1)
    add_numbered(document, "Các Sở Công Thương tổ chức thực hiện", 1, 2)
    add_numbered(document, "NHIỆM VỤ", 1, 0, bold=True)
    add_numbered(document, "Tuyên truyền", 1, 1)
    for text in ("Điểm thứ nhất", "Điểm thứ hai", "Điểm thứ ba", "Điểm thứ tư", "Điểm thứ năm"):
        add_numbered(document, text, 1, 2)
    add_numbered(document, "Gạch đầu dòng kiểu Symbol", 2, 0)
    add_numbered(document, "Mục lớn", 3, 0)
    add_numbered(document, "Mục con thứ nhất", 3, 1)
    add_numbered(document, "Mục con thứ hai", 3, 1)
    add_numbered(document, "Mục lớn thứ hai", 3, 0)
    add_numbered(document, "Mục con", 3, 1)
    add_numbered(document, "Danh sách bắt đầu từ năm", 4, 0)
    table = document.add_table(rows=2, cols=3)
    for row, cells in enumerate([("Nhiệm vụ", "Chủ trì", "Thời hạn"),
                                 ("Rà soát quy hoạch", "Cục Hóa chất", "Quý I/2026")]):
        for column, text in enumerate(cells):
            table.rows[row].cells[column].text = text
    run = document.add_paragraph().add_run(TCVN3.split("\n")[2])
    run.font.name = ".VnTime"
    paragraph = document.add_paragraph()
    paragraph.add_run("Nơi nhận:").bold = True
    path = tmp_path_factory.mktemp("docx") / "plan.docx"
    document.save(str(path))
    return path, read(path)


def texts(source):
    return [line.text for line in source.lines]


def test_header_table_left_column_then_right_and_fields(plan):
    _, source = plan
    assert texts(source)[:6] == [*HEADER.left(), *HEADER.right()]
    assert all("header" in line.style for line in source.lines[:6])
    assert source.fields == {"issuer": "BỘ CÔNG THƯƠNG", "number": "15/KH-BCT",
                             "subject": "V/v thực hiện Nghị định 25/2026/NĐ-CP", "nation": HEADER.nation,
                             "motto": HEADER.motto, "place_date": HEADER.place_date}


def test_word_numbering_rebuilt(plan):
    _, source = plan
    body = texts(source)
    start = body.index("I. MỤC ĐÍCH, YÊU CẦU")
    assert body[start:start + 23] == [
        "I. MỤC ĐÍCH, YÊU CẦU", "1. Triển khai kịp thời", "a) Cục Hóa chất chủ trì", "b) Vụ Pháp chế phối hợp",
        "- rà soát văn bản", "2. Bảo đảm hiệu quả", "a) Các Sở Công Thương tổ chức thực hiện",
        "II. NHIỆM VỤ", "1. Tuyên truyền", "a) Điểm thứ nhất", "b) Điểm thứ hai", "c) Điểm thứ ba",
        "d) Điểm thứ tư", "e) Điểm thứ năm", "• Gạch đầu dòng kiểu Symbol",
        "1. Mục lớn", "1.1. Mục con thứ nhất", "1.2. Mục con thứ hai", "2. Mục lớn thứ hai", "2.1. Mục con",
        "5. Danh sách bắt đầu từ năm",
        "Nhiệm vụ | Chủ trì | Thời hạn", "Rà soát quy hoạch | Cục Hóa chất | Quý I/2026",
    ]
    assert all("numbered" in line.style for line in source.lines[start:start + 21])


def test_vietnamese_letter_order_noticed(plan):
    _, source = plan
    letters = [n for n in source.notices if n.code == "numbering"]
    assert len(letters) == 1
    assert "'e'" in letters[0].message and "'đ'" in letters[0].message and "Điểm thứ năm" in letters[0].message


def test_styles_tables_and_legacy_font(plan):
    _, source = plan
    by_text = {line.text: line for line in source.lines}
    assert "heading" in by_text["KẾ HOẠCH"].style
    assert "bold" in by_text["I. MỤC ĐÍCH, YÊU CẦU"].style and "bold" in by_text["Nơi nhận:"].style
    assert "bold" not in by_text["1. Triển khai kịp thời"].style
    assert "table" in by_text["Nhiệm vụ | Chủ trì | Thời hạn"].style
    assert "ủy ban nhân dân tỉnh chỉ đạo các sở ngành thực hiện nghiêm túc các nhiệm vụ được giao" in by_text
    assert any(n.code == "encoding" and "TCVN3" in n.message for n in source.notices)
    check_lines(source)


@pytest.mark.parametrize("number, fmt, expected", [(4, "upperRoman", "IV"), (9, "lowerRoman", "ix"),
                                                    (3, "lowerLetter", "c"), (27, "lowerLetter", "aa"),
                                                    (2, "upperLetter", "B"), (7, "decimalZero", "07"),
                                                    (12, "decimal", "12")])
def test_number_formats(number, fmt, expected):
    assert format_number(number, fmt) == expected


def test_corrupt_docx_refused(tmp_path):
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "not xml at all")
    with pytest.raises(DoichieuError):
        read(path)


def test_a_docx_cut_short_is_refused_in_plain_words(tmp_path):
    # a download that stopped loses the zip directory at the end of the package: one Vietnamese sentence, no
    # "File is not a zip file"
    whole = tmp_path / "whole.docx"
    document = docx.Document()
    document.add_paragraph("1. Sở Y tế chủ trì thực hiện nhiệm vụ.")
    document.save(str(whole))
    cut = tmp_path / "cut.docx"
    cut.write_bytes(whole.read_bytes()[:2000])
    with pytest.raises(DoichieuError, match="bị hỏng hoặc không trọn vẹn") as error:
        read(cut)
    assert "zip file" not in str(error.value)


@pytest.mark.parametrize("content_type, kind", [
    ("application/vnd.ms-word.document.macroEnabled.main+xml", ".docm"),
    ("application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml", ".dotx"),
])
def test_macro_enabled_word_files_and_templates_are_read_as_documents(tmp_path, content_type, kind):
    plain = tmp_path / "plain.docx"
    document = docx.Document()
    document.add_paragraph("1. Sở Y tế chủ trì thực hiện nhiệm vụ.")
    document.save(str(plain))
    path = tmp_path / f"macro{kind}"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                                    content_type.encode())
            target.writestr(item, data)
    before = path.read_bytes()
    source = read(path)
    assert source.text == "1. Sở Y tế chủ trì thực hiện nhiệm vụ."
    assert source.notices[0].code == "docx-kind" and kind in source.notices[0].message
    assert path.read_bytes() == before


def test_empty_docx_refused(tmp_path):
    path = tmp_path / "empty.docx"
    docx.Document().save(str(path))
    with pytest.raises(DoichieuError, match="không có chữ"):
        read(path)


def test_docx_with_pdf_extension_read_as_docx(tmp_path):
    document = docx.Document()
    document.add_paragraph("Kế hoạch thực hiện")
    path = tmp_path / "misnamed.pdf"
    document.save(str(path))
    source = read(path)
    assert source.kind == "docx" and source.text == "Kế hoạch thực hiện"


def test_inputs_never_modified(plan):
    path, _ = plan
    os.utime(path, (1_600_000_000, 1_600_000_000))
    before = (path.read_bytes(), path.stat().st_mtime)
    read(path)
    assert (path.read_bytes(), path.stat().st_mtime) == before


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_seed_rendered_to_docx_gives_the_same_text(tmp_path, seed):
    text = read(seed)
    source = read(seed_docx(seed, tmp_path / (seed.stem + ".docx")))
    check_lines(source)
    expected = text.text
    for line in (line.text for line in source.lines if "header" in line.style):
        assert fold(line) in fold(expected)
        expected = expected.replace(line, "", 1)
    assert fold(_without_header(source)) == fold(expected)
    if seed.suffix == ".md":
        assert sum("numbered" in line.style for line in source.lines) > 50  # labels came from numbering.xml
        assert source.fields["number"] == "23/NQ-CP"


@pytest.mark.slow
def test_referee_same_figures_on_docx_as_on_text(tmp_path: Path):
    reason = _pipeline_ready()
    if reason:
        pytest.skip(reason)
    central_txt, provincial_txt = SEEDS
    central_docx = seed_docx(central_txt, tmp_path / "central.docx")
    provincial_docx = seed_docx(provincial_txt, tmp_path / "provincial.docx")
    on_text = referee_figures(tmp_path, central_txt, provincial_txt)
    on_docx = referee_figures(tmp_path, central_docx, provincial_docx)
    assert on_text
    assert on_docx == on_text


def test_signature_table_by_column_and_small_data_table_by_row(tmp_path):
    document = docx.Document()
    data = document.add_table(rows=2, cols=2)
    data.rows[0].cells[0].text = "Nhiệm vụ"
    data.rows[0].cells[1].text = "Cơ quan chủ trì"
    cell = data.rows[1].cells[0]
    cell.text = "Rà soát quy hoạch"
    cell.add_paragraph("Báo cáo kết quả")
    data.rows[1].cells[1].text = "Sở Công Thương"
    signature = document.add_table(rows=1, cols=2)
    left, right = signature.rows[0].cells
    left.text = "Nơi nhận:"
    left.add_paragraph("- Như trên;")
    left.add_paragraph("- Lưu: VT.")
    right.text = "KT. CHỦ TỊCH"
    right.add_paragraph("PHÓ CHỦ TỊCH")
    right.add_paragraph("Nguyễn Văn A")
    path = tmp_path / "tables.docx"
    document.save(str(path))
    assert texts(read(path)) == ["Nhiệm vụ | Cơ quan chủ trì", "Rà soát quy hoạch Báo cáo kết quả | Sở Công Thương",
                                 "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
                                 "Nguyễn Văn A"]


def test_text_box_read_once_and_deleted_text_skipped(tmp_path):
    from lxml import etree

    document = docx.Document()
    paragraph = document.add_paragraph("Kế hoạch ")
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xml = (f'<w:r xmlns:w="{w}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
           '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>'
           '<w:p><w:r><w:t>trong hộp</w:t></w:r></w:p><w:p><w:r><w:t>dòng hai</w:t></w:r></w:p>'
           '</w:txbxContent></w:drawing></mc:Choice>'
           '<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>trong hộp</w:t></w:r></w:p>'
           '<w:p><w:r><w:t>dòng hai</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>'
           '</mc:AlternateContent></w:r>')
    paragraph._p.append(etree.fromstring(xml))
    deleted = etree.fromstring(f'<w:del xmlns:w="{w}"><w:r><w:delText>bỏ đi</w:delText></w:r></w:del>')
    paragraph._p.append(deleted)
    inserted = etree.fromstring(f'<w:ins xmlns:w="{w}"><w:r><w:t> thêm vào</w:t></w:r></w:ins>')
    paragraph._p.append(inserted)
    path = tmp_path / "box.docx"
    document.save(str(path))
    assert read(path).text == "Kế hoạch\ntrong hộp\ndòng hai\n thêm vào"


def test_level_restart_rules():
    from lxml import etree

    from pipeline.ingest.docx import Numbering

    xml = """<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Điều %1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:lvlRestart w:val="0"/><w:numFmt w:val="decimal"/>
          <w:lvlText w:val="(%3)"/></w:lvl>
        <w:lvl w:ilvl="3"><w:start w:val="1"/><w:lvlRestart w:val="1"/><w:numFmt w:val="lowerLetter"/>
          <w:lvlText w:val="%4)"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num></w:numbering>"""
    numbering = Numbering.from_xml(etree.fromstring(xml))
    labels = [numbering.label("7", level)[0] for level in (0, 1, 2, 3, 1, 2, 3, 0, 1, 2, 3)]
    # (n) never restarts; the letters restart only when level 1 ("Điều") is used, not at "2."
    assert labels == ["Điều 1.", "1.", "(1)", "a)", "2.", "(2)", "b)", "Điều 2.", "1.", "(3)", "a)"]
