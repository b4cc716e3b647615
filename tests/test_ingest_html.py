"""A saved web page of a document is read as the text it shows; data files are refused."""
import pytest

from pipeline.api import parse
from pipeline.ingest import read
from pipeline.ingest.html import html_text
from pipeline.model import DoichieuError

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Công văn 12/UBND-VX</title>
<style>p { margin: 0 }</style><script>var lead = "Sở Nội vụ chủ trì";</script></head>
<body>
<table><tr><td>ỦY BAN NHÂN DÂN<br>TỈNH LÀO CAI</td><td>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</td></tr>
<tr><td>Số: 12/UBND-VX</td><td>Lào Cai, ngày 3 tháng 5 năm 2031</td></tr></table>
<p>V/v triển khai thực hiện Nghị quyết số 23/NQ-CP</p>
<p>Kính gửi: Các sở, ngành</p>
<p>Thực hiện Nghị quyết số 23/NQ-CP ngày 02 tháng 3 năm 2022 của Chính phủ, Ủy ban nhân dân tỉnh yêu cầu:</p>
<p>1. Sở Y tế chủ trì, phối hợp với Sở Tài chính kiểm tra an toàn
   thực phẩm &amp; báo cáo kết quả.</p>
<p>2. Sở Công Thương rà soát các chợ biên giới.</p>
</body></html>
"""


def test_the_text_a_browser_shows_one_line_per_block():
    text = html_text(PAGE)
    assert "var lead" not in text and "margin" not in text  # scripts and styles are not shown
    assert "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text  # cells as " | ", <br> a line
    assert "1. Sở Y tế chủ trì, phối hợp với Sở Tài chính kiểm tra an toàn thực phẩm & báo cáo kết quả.\n" in text
    assert html_text("<html><body></body></html>") == ""


def test_a_saved_web_page_is_parsed_as_its_document(tmp_path):
    page = tmp_path / "cv-12.html"
    page.write_text(PAGE, encoding="utf-8")
    source = read(page)
    assert source.kind == "txt" and any(n.code == "html" for n in source.notices)
    doc = parse(page, role="provincial")
    assert doc.meta.number == "12/UBND-VX"
    assert [c.number for c in doc.meta.implements] == ["23/NQ-CP"]
    assert {t.id: [m.text for m in t.leads] for t in doc.tasks} == {"1": ["Sở Y tế"], "2": ["Sở Công Thương"]}
    assert page.read_text(encoding="utf-8") == PAGE  # inputs are only read


@pytest.mark.parametrize("name, content, what", [
    ("data.json", '{"van_ban": "Sở Y tế chủ trì"}', "dữ liệu JSON"),
    ("data.txt", '[{"van_ban": "Sở Y tế"}]', "dữ liệu JSON"),
    ("data.xml", '<?xml version="1.0" encoding="utf-8"?><van_ban>Sở Y tế</van_ban>', "dữ liệu XML"),
    ("blank.html", "<html><body><p> </p></body></html>", "không hiển thị chữ nào"),
])
def test_data_files_and_empty_pages_are_refused_by_name(tmp_path, name, content, what):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DoichieuError) as error:
        read(path)
    assert what in str(error.value) and name in str(error.value)


def test_a_text_that_opens_with_a_bracket_is_still_a_text(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("[Dự thảo] CÔNG VĂN\nSở Y tế chủ trì kiểm tra.\n", encoding="utf-8")
    assert read(path).kind == "txt"
