"""normalize: paragraphs joined across wraps and page breaks, labels found, markup kept as hints, spans."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract import find_citations
from pipeline.ingest import from_string, read
from pipeline.ingest.layout import split_merged_header
from pipeline.ingest.text import read_text_bytes
from pipeline.model import SourceLine, SourceText
from pipeline.normalize import Label, normalize, parse_label

ROOT = Path(__file__).resolve().parent.parent
CENTRAL = ROOT / "corpus" / "central" / "nq-23-NQ-CP-2022.md"
PROVINCIAL = ROOT / "corpus" / "provincial" / "kontum-implementing-nq23.txt"


def texts(text: str, kind: str = "txt") -> list[str]:
    return [b.text for b in normalize(from_string(text, kind=kind))]


# a hard-wrapped paragraph (pdftotext) needs enough full lines for the wrap width to be recognised
FILLER = "\n".join(
    ["Ủy ban nhân dân tỉnh giao các sở, ban, ngành chủ động nghiên cứu, triển khai các", "nhiệm vụ được giao"
     " theo chức năng, nhiệm vụ và thẩm quyền quy định của pháp luật, bảo đảm"] * 4
) + " hiệu quả.\n\n"


def after_filler(*lines: str) -> list[str]:
    """The blocks of `lines` read after FILLER, which sets the wrap width of a hard-wrapped text."""
    return texts(FILLER + "".join(lines))


def test_parse_label_kinds():
    assert parse_label("III. CÁC NHIỆM VỤ") == Label("roman", "III.", "III", 5, None)
    assert parse_label("2.3.1. Sở Y tế").kind == "number3"
    assert parse_label("1.1 Sở Y tế").kind == "number2"
    assert parse_label("2.1.a. Thành lập Tổ công tác") == Label("number_letter", "2.1.a.", "a", 7, None)
    assert parse_label("đ) Bộ Quốc phòng").value == "đ"
    assert parse_label("Điều 41. Hiệu lực thi hành").kind == "article"
    assert parse_label("Chương II").kind == "chapter"
    assert parse_label("Mục 2. THẨM ĐỊNH").kind == "section"
    assert parse_label("+ Rà soát").kind == "plus"
    assert parse_label("b. Sở Tư pháp").kind == "letter_dot" and parse_label("v.v. các") is None
    assert parse_label("– Rà soát").kind == "dash"
    assert parse_label("2021 của Thủ tướng") is None
    assert parse_label("Il. TỔ CHỨC THỰC HIỆN").value == "II"  # OCR's l for I
    assert parse_label("l. Sở Tư pháp").kind == "letter_dot"
    assert parse_label("2/ Tổ chức quán triệt").value == "2"  # a slash after the number (letters of the ministries)
    assert parse_label("10/1/2019 Tổng cục") is None
    # a slash after a point's letter, a dash after any label (older documents, some provinces)
    assert (parse_label("a/ Chủ trì xây dựng").kind, parse_label("a/ Chủ trì xây dựng").value) == ("letter", "a")
    assert (parse_label("b- Tổng hợp").kind, parse_label("b- Tổng hợp").value) == ("letter", "b")
    assert (parse_label("1- Sở Tài chính").kind, parse_label("1- Sở Tài chính").value) == ("number", "1")
    assert (parse_label("II- NHIỆM VỤ").kind, parse_label("II- NHIỆM VỤ").value) == ("roman", "II")
    assert parse_label("2- 3 ngày làm việc") is None and parse_label("đ/c Phan Trung Bá") is None
    # Word's arrow, diamond and tick bullets, and the Symbol/Wingdings private-use ones a PDF text layer keeps
    assert [parse_label(f"{mark} Chủ trì").kind for mark in ("➢", "❖", "✓", "\uf0b7", "\uf0d8")] == ["dot"] * 5
    assert parse_label("5. tháng sau") is None  # a number opening a wrapped sentence
    assert parse_label("Mục tiêu chung") is None
    assert parse_label("IIV. sai") is None


def test_words_split_across_blank_lines_are_joined():
    blocks = normalize(read(PROVINCIAL))
    joined = " ".join(b.text for b in blocks)
    for phrase in ("bồi dưỡng có trọng tâm", "ngày 15 tháng 3 năm 2021 của Thủ tướng", "nâng cao phúc lợi xã hội",
                   "tham mưu Ủy ban nhân dân tỉnh thực hiện các nội dung", "Ủy ban nhân dân tỉnh yêu cầu các Sở"):
        assert phrase in joined, phrase
    starts = [b.text[:25] for b in blocks]
    assert not any(s.startswith("2021") for s in starts)
    assert not any(s.startswith("lợi xã hội") for s in starts)


def test_a_numbered_heading_in_capitals_is_not_continued_by_the_text_under_it():
    # OCR of a scan: the item under the part heading lost its dot ("1 Đổi mới …"), which then reads as a figure
    # going on the heading across the blank line; a heading in capitals never wraps into ordinary case
    text = ("II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU\n\n1 Đổi mới công tác lãnh đạo, chỉ đạo của cấp ủy,\n"
            "chính quyền các cấp đối với các khu công nghiệp.\n\n2. Rà soát các dự án chậm tiến độ.\n")
    blocks = [b.text for b in normalize(from_string(text, name="<t>", kind="txt"))]
    assert blocks[0] == "II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU"
    assert blocks[1].startswith("1 Đổi mới công tác") and blocks[1].endswith("khu công nghiệp.")


def test_an_inline_enumerator_wrapped_to_the_start_of_a_line_opens_no_paragraph():
    # text of a signed PDF, hard-wrapped: "- Về nguồn nhân lực: (i) … thực tập." / "(ii) Tổ chức …" goes on the
    # paragraph that holds "(i)"
    text = """\
       - Về khoa học công nghệ: hỗ trợ doanh nghiệp đổi mới, nâng cấp công nghệ,
thay thế thiết bị lạc hậu, ưu tiên thiết bị tiết kiệm năng lượng, thân thiện với môi
trường trong sản xuất công nghiệp của tỉnh.
       - Về nguồn nhân lực: (i) Đào tạo, bồi dưỡng nguồn nhân lực chất lượng cao
cho công nghiệp xanh, công nghệ cao. Phát triển mô hình đào tạo tại chỗ, hợp tác
với doanh nghiệp để thực hành, thực tập tại các khu, cụm công nghiệp trong tỉnh.
(ii) Tổ chức đào tạo, bồi dưỡng thường xuyên cho cán bộ, công chức về quản lý công
nghiệp xanh, kinh tế tuần hoàn. (iii) Thu hút nguồn nhân lực chất lượng cao.
       - Về hợp tác: tăng cường liên kết, hợp tác với các tỉnh trong vùng để phát
triển công nghiệp, mở rộng thị trường tiêu thụ sản phẩm công nghiệp của tỉnh.
"""
    blocks = [b.text for b in normalize(from_string(text, name="<t>", kind="txt"))]
    assert len(blocks) == 3
    assert "trong tỉnh. (ii) Tổ chức đào tạo" in blocks[1]


def test_an_inline_roman_numeral_misread_by_ocr_at_a_line_start_goes_on_the_paragraph():
    # "… gồm hai phần: I. Kết quả …" / "II. Nhiệm vụ …" wrapped to a line start goes on the paragraph; so does the
    # "II." OCR printed "Il.", which is read II, but printed otherwise
    text = """\
       - Về khoa học công nghệ: hỗ trợ doanh nghiệp đổi mới, nâng cấp công nghệ,
thay thế thiết bị lạc hậu, ưu tiên thiết bị tiết kiệm năng lượng, thân thiện với môi
trường trong sản xuất công nghiệp của tỉnh, nhất là tại các khu, cụm công nghiệp.
       - Về báo cáo: báo cáo năm gồm hai phần: I. Kết quả thực hiện các nhiệm vụ
của năm, những việc đã làm được, tồn tại, hạn chế, nguyên nhân và bài học rút ra.
II. Nhiệm vụ, giải pháp trọng tâm của năm sau và các kiến nghị, đề xuất cụ thể.
       - Về hợp tác: tăng cường liên kết, hợp tác với các tỉnh trong vùng để phát
triển công nghiệp, mở rộng thị trường tiêu thụ sản phẩm công nghiệp của tỉnh và
thu hút đầu tư vào các ngành công nghiệp chế biến, chế tạo có giá trị gia tăng cao.
"""
    for printed in ("II.", "Il."):
        blocks = texts(text.replace("\nII.", "\n" + printed))
        assert len(blocks) == 3 and f"bài học rút ra. {printed} Nhiệm vụ" in blocks[1]


def test_the_first_inline_enumerator_carried_to_a_line_start_after_a_colon_opens_no_paragraph():
    # "… Cụ thể:" fills its line, "(i)" did not fit on it, and "(ii)" follows inside the text: one paragraph; a
    # "(i)" that would have fitted after a short "Cụ thể:" line, or with no "(ii)" after it, opens its own
    text = """\
       Thực hiện Nghị quyết số 12-NQ/TU ngày 10 tháng 3 năm 2026 của Ban Thường
vụ Tỉnh ủy, Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện với các nội dung
trọng tâm sau đây nhằm tổ chức triển khai kịp thời, đồng bộ và có hiệu quả.
       1. Sở Khoa học và Công nghệ
       Chủ trì phối hợp với các đơn vị triển khai các nhiệm vụ về chuyển giao, ứng
dụng công nghệ cao, đổi mới sáng tạo và chuyển đổi số trong sản xuất. Cụ thể:
(i) Rà soát, đánh giá trình độ công nghệ của doanh nghiệp trên địa bàn; (ii)
Tổ chức các chương trình hỗ trợ ứng dụng công nghệ cao, chuyển đổi số, đổi mới
công nghệ; (iii) Phối hợp với các sở, ngành hướng dẫn doanh nghiệp chuyển đổi
sang mô hình sản xuất xanh, tiết kiệm năng lượng và thân thiện môi trường.
       2. Sở Tài chính
       Chủ trì, phối hợp với các sở, ngành liên quan tham mưu bố trí kinh phí thực
hiện các nhiệm vụ của Kế hoạch theo phân cấp ngân sách nhà nước hiện hành.
"""
    blocks = [b.text for b in normalize(from_string(text, name="<t>", kind="txt"))]
    assert len(blocks) == 5 and "trong sản xuất. Cụ thể: (i) Rà soát" in blocks[2]
    short = text.replace("trong sản xuất. Cụ thể:", "trong sản xuất.\nCụ thể:")
    assert any(b.startswith("(i) Rà soát") for b in texts(short))
    alone = text.replace("; (ii)\nTổ chức", ";\nTổ chức")
    assert any(b.startswith("(i) Rà soát") for b in texts(alone))


def test_a_running_head_printing_the_file_name_and_page_is_dropped():
    # OCR of a Party document: each page opens with the file name and its number, inside a sentence
    text = ("===== Trang 1 =====\n1. Đẩy mạnh phân cấp, hoàn thiện tiêu chí phân\n\n===== Trang 2 =====\n"
            "18.CTRTW31.DOC 2\n\nloại dự án theo mức độ rủi ro môi trường.\n")
    blocks = [b.text for b in normalize(from_string(text, name="<t>", kind="txt"))]
    assert blocks == ["1. Đẩy mạnh phân cấp, hoàn thiện tiêu chí phân loại dự án theo mức độ rủi ro môi trường."]


def test_a_collectors_bracketed_note_above_the_text_is_dropped():
    # a conversion script's note on the file's first line is no part of the document; a bracket later is kept
    text = ("[OCR] [Bản trích chữ tự động từ bản quét, 3 trang. Có thể sai dấu.]\n\n===== Trang 1 =====\n"
            "ỦY BAN NHÂN DÂN TỈNH HÀ GIANG\n\nKẾ HOẠCH\n\n1. Sở Du lịch chủ trì thực hiện.\n\n[Hết]\n")
    blocks = [b.text for b in normalize(from_string(text, name="<t>", kind="txt"))]
    assert blocks == ["ỦY BAN NHÂN DÂN TỈNH HÀ GIANG", "KẾ HOẠCH", "1. Sở Du lịch chủ trì thực hiện.", "[Hết]"]


def test_a_scripts_comment_lines_above_a_plain_text_are_dropped_but_markdown_headings_stay():
    text = ("# KẾ HOẠCH SỐ 12/KH-UBND CỦA UBND TỈNH HÀ GIANG — BẢN TEXT\n# Trích từ file PDF ký số (5 trang).\n\n"
            "ỦY BAN NHÂN DÂN TỈNH HÀ GIANG\n\nKẾ HOẠCH\n\n1. Sở Du lịch chủ trì thực hiện.\n")
    blocks = [b.text for b in normalize(from_string(text, name="<t>", kind="txt"))]
    assert blocks == ["ỦY BAN NHÂN DÂN TỈNH HÀ GIANG", "KẾ HOẠCH", "1. Sở Du lịch chủ trì thực hiện."]
    markdown = [b.text for b in normalize(from_string(text, name="<t>", kind="md"))]
    assert markdown[0].startswith("KẾ HOẠCH SỐ 12/KH-UBND")


def test_a_list_cut_after_a_comma_by_a_blank_line_is_one_paragraph():
    """A PDF's hard break inside a list of names, in a text with one paragraph per line: the paragraph after the comma
    goes on; an item, a basis after a basis, and "QUYẾT ĐỊNH:" after the last basis still stand apart."""
    found = texts("b) Ủy ban nhân dân xã có trách nhiệm vận động các đoàn thể như Hội Nông dân, Hội Phụ nữ,\n\n"
                  "Đoàn Thanh niên giúp đỡ các hộ nghèo sửa chữa nhà ở.\n\n"
                  "c) Ủy ban nhân dân huyện kiểm tra, đôn đốc,\n\n- Sở Xây dựng hướng dẫn kỹ thuật.\n", kind="md")
    assert found == ["b) Ủy ban nhân dân xã có trách nhiệm vận động các đoàn thể như Hội Nông dân, Hội Phụ nữ, "
                     "Đoàn Thanh niên giúp đỡ các hộ nghèo sửa chữa nhà ở.",
                     "c) Ủy ban nhân dân huyện kiểm tra, đôn đốc,", "- Sở Xây dựng hướng dẫn kỹ thuật."]
    preamble = texts("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015,\n\n"
                     "Căn cứ Quyết định số 12/2020/QĐ-TTg của Thủ tướng Chính phủ,\n\n"
                     "Xét đề nghị của Giám đốc Sở Xây dựng,\n\nQUYẾT ĐỊNH:\n", kind="md")
    assert len(preamble) == 4


def test_labels_open_blocks_even_without_blank_lines():
    blocks = texts("c) Các sở, ban, ngành: \n- Xác định nhu cầu nguồn nhân lực. \n- Tiếp tục triển khai.\n")
    assert blocks == ["c) Các sở, ban, ngành:", "- Xác định nhu cầu nguồn nhân lực.", "- Tiếp tục triển khai."]


def test_wrapped_line_starting_with_dash_or_number_is_a_continuation():
    blocks = after_filler("a) Sở Kế hoạch và Đầu tư chủ trì tham mưu phát triển kinh tế, văn hóa\n",
                          "- xã hội vùng biên giới, bảo đảm quốc phòng, an ninh trên địa bàn tỉnh và\n",
                          "3. lần so với cùng kỳ năm trước theo kế hoạch đã được phê duyệt hằng năm.\n")
    assert blocks[-1].startswith("a) Sở Kế hoạch") and blocks[-1].endswith("phê duyệt hằng năm.")


def test_a_token_wrapped_at_its_hyphen_is_joined_without_a_space():
    # justified text breaks a số hiệu or a span of years at its hyphen ("… 23/NQ-" / "CP", "2021-" / "2030"); no
    # Vietnamese syllable is hyphenated across lines, so the token goes on; a dash standing alone stays a dash
    blocks = after_filler("1. Triển khai Nghị quyết số 23/NQ-CP của Chính phủ cho cả giai đoạn 2021-\n",
                          "2030, theo Kế hoạch số 12/KH-UBND của Ủy ban nhân dân tỉnh về nông thôn -\n",
                          "đô thị và Chỉ thị số 05/CT-TTg ngày 3 tháng 4 năm 2024 của Thủ tướng Chính\n",
                          "phủ và các văn bản hướng dẫn thi hành, theo Kế hoạch của tỉnh số 7/KH-\n",
                          "UBND ngày 9 tháng 5 năm 2024.\n")
    assert blocks[-1] == ("1. Triển khai Nghị quyết số 23/NQ-CP của Chính phủ cho cả giai đoạn 2021-2030, theo Kế "
                          "hoạch số 12/KH-UBND của Ủy ban nhân dân tỉnh về nông thôn - đô thị và Chỉ thị số "
                          "05/CT-TTg ngày 3 tháng 4 năm 2024 của Thủ tướng Chính phủ và các văn bản hướng dẫn thi hành, "
                          "theo Kế hoạch của tỉnh số 7/KH-UBND ngày 9 tháng 5 năm 2024.")


def test_a_hyphen_wrapped_citation_is_read():
    text = after_filler("1. Rà soát các ngành và các khu công nghiệp theo đúng Nghị quyết số 23/NQ-\n",
                        "CP ngày 6 tháng 2 năm 2022 của Chính phủ.\n")[-1]
    assert [c.number for c in find_citations(text)] == ["23/NQ-CP"]


def test_an_abbreviation_in_brackets_at_a_line_start_continues_the_line_before():
    # "… hỗ trợ phát triển chính thức" / "(ODA) …": the gloss follows the words it abbreviates, even where each
    # paragraph stands on one line (no wrap width known); a part label in brackets and a note stay paragraphs
    assert texts("1. Vận động nguồn vốn hỗ trợ phát triển chính thức\n(ODA) cho các dự án.\n") == [
        "1. Vận động nguồn vốn hỗ trợ phát triển chính thức (ODA) cho các dự án."]
    assert texts("Tổ chức thực hiện\n(II) Nhiệm vụ cụ thể\n(Kèm theo Kế hoạch số 12)\n") == [
        "Tổ chức thực hiện", "(II) Nhiệm vụ cụ thể", "(Kèm theo Kế hoạch số 12)"]


def test_an_indented_first_line_after_a_blank_line_opens_a_paragraph():
    # the trích yếu's last line is full, then a blank line and the preamble's indented first line (real case: Lào Cai
    # KH 134/KH-UBND 2026, pdftotext -layout): two paragraphs; a line carried over a blank line at the margin
    # goes on with its sentence
    blocks = after_filler(
        "                                KẾ HOẠCH\n",
        "  Thực hiện Nghị quyết số 8-NQ/TU của Tỉnh ủy Hà Nam ngày 27/12/2034 về phát\n",
        " triển các khu, cụm công nghiệp trên địa bàn tỉnh Hà Nam trong năm 2035 tới\n",
        "\n",
        "      Căn cứ Nghị định số 35/2022/NĐ-CP ngày 28 tháng 5 năm 2022 của Chính\n",
        "phủ về quản lý, phát triển khu công nghiệp, khu kinh tế và các quy định pháp\n",
        "luật có liên quan, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n")
    assert blocks[-2].endswith("trong năm 2035 tới") and blocks[-1].startswith("Căn cứ Nghị định")


def test_a_label_mark_set_apart_by_a_space_is_still_a_label():
    # PDF text layers and OCR set the mark apart as they do in 'Điều 1 . Phê duyệt …' (public collections of legal text)
    assert (parse_label("II . TỔ CHỨC THỰC HIỆN").kind, parse_label("II . TỔ CHỨC THỰC HIỆN").value) == ("roman", "II")
    assert parse_label("1 . Sở Tài chính chủ trì.").value == "1"
    assert parse_label("2 . tháng 5 năm 2035") is None  # a number that begins a wrapped line


def test_markdown_markers_become_markup():
    blocks = normalize(from_string("## **I. QUAN ĐIỂM**\n\n*Căn cứ Luật A;*\n\n**d) Bộ Công an**\n", kind="md"))
    assert [b.text for b in blocks] == ["I. QUAN ĐIỂM", "Căn cứ Luật A;", "d) Bộ Công an"]
    assert {"heading", "heading:2", "bold", "label:roman"} <= blocks[0].markup
    assert "italic" in blocks[1].markup
    assert "bold" in blocks[2].markup and "heading" not in blocks[2].markup


def test_a_one_line_kinh_gui_does_not_swallow_the_first_wrapped_paragraph():
    # real case: Công văn 9389/BNNMT-BĐKH 2025 (pdftotext -layout): the addressee on the "Kính gửi" line, then the
    # letter's first paragraph starting on a full line in capitals
    source = ("          Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương\n"
              "        Ngày 05 tháng 3 năm 2035, Chính phủ ban hành Nghị định số 12/2035/NĐ-CP sửa đổi,\n"
              "bổ sung một số điều của Nghị định số 06/2030/NĐ-CP về giảm nhẹ phát thải khí nhà\n"
              "kính và bảo vệ tầng ô-dôn.\n" + FILLER)
    found = texts(source)
    assert found[0] == "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"
    assert found[1].startswith("Ngày 05 tháng 3 năm 2035") and found[1].endswith("tầng ô-dôn.")


def test_a_party_letter_header_star_and_lower_case_subject():
    # real case: Công văn 2449-CV/ĐU 2026 of a Party committee: a lone star under the issuer, and the trích yếu
    # in lower case right under the số hiệu
    source = ("     ĐẢNG BỘ TỈNH HÀ NAM                     ĐẢNG CỘNG SẢN VIỆT NAM\n"
              " ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH\n"
              "                                          Hà Nam, ngày 07 tháng 9 năm 2035\n"
              "               *\n"
              "         Số 12 -CV/ĐU\n"
              "về việc triển khai Chương trình hành động\n"
              "số 10-CTr/TU của Tỉnh ủy\n\n" + FILLER)
    found = texts(source)
    assert "*" not in found
    assert "Số 12 -CV/ĐU" in found
    assert "về việc triển khai Chương trình hành động số 10-CTr/TU của Tỉnh ủy" in found


@pytest.mark.parametrize("kind", ["md", "txt"])
def test_italic_runs_inside_a_table_cell_lose_their_stars(kind):
    # a header row rendered to Markdown with the date in two italic runs (real case: CT 13/CT-TTg 2024)
    found = texts("| THỦ TƯỚNG CHÍNH PHỦ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n| --- | --- |\n"
                  "| Số: 7/CT-TTg | *Hà Nội, ngày 04 tháng* *6 năm 2031* |\n\nGhi chú (*): số liệu *ước tính*.\n", kind)
    assert any("Hà Nội, ngày 04 tháng 6 năm 2031" in text for text in found), found
    assert "Ghi chú (*): số liệu ước tính." in found


@pytest.mark.parametrize("kind", ["md", "txt"])
def test_an_empty_italic_paragraph_is_no_text(kind):
    # a converter's "* *" (an italic paragraph holding only a space) after a one-sentence article; it had
    # become that article's text (real case: QĐ 2200/QĐ-BNNMT 2026 Điều 3, as Markdown-like text)
    found = texts("Điều 3. Chánh Văn phòng Bộ, Cục trưởng Cục Lâm nghiệp chịu trách nhiệm thi hành Quyết định này./.\n"
                  "* *\n\n* * *\n\n_ _\n\nGhi chú (*): số liệu *ước tính*.\n", kind)
    assert not [text for text in found if not text.strip("*_ ")], found
    assert found[-1] == "Ghi chú (*): số liệu ước tính.", found


def test_heading_split_by_page_break_is_joined():
    blocks = normalize(read(CENTRAL))
    i_block = next(b for b in blocks if b.text.startswith("i) Bộ Lao động"))
    assert i_block.text.endswith("khu chế xuất.")
    assert (i_block.span.line, i_block.span.end_line) == (125, 127)
    bullet = next(b for b in blocks if b.text.startswith("- Chủ trì, phối hợp với Bộ Quốc phòng và các địa phương"))
    assert "phù hợp với điều kiện tự nhiên" in bullet.text


def test_page_numbers_and_leading_spaces_are_dropped():
    text = FILLER + "    1. Sở Tài chính bố trí kinh phí\n\n   12   \n\ntheo quy định.\n"
    blocks = texts(text)
    assert blocks[-1] == "1. Sở Tài chính bố trí kinh phí theo quy định."


@pytest.mark.parametrize("page_line", ["- 12 -", "Trang 12", "Trang 12/40", "12/40", "— 1012 —"])
def test_every_page_number_form_of_the_ingest_rules_is_dropped(page_line):
    text = FILLER + f"1. Sở Tài chính bố trí kinh phí\n\n{page_line}\n\ntheo quy định.\n"
    assert texts(text)[-1] == "1. Sở Tài chính bố trí kinh phí theo quy định."


def test_letter_spaced_capitals_are_rejoined():
    assert texts("ỦY B AN NHÂN D Â N\n") == ["ỦY BAN NHÂN DÂN"]
    assert texts("Q U Y Ế T  Đ Ị N H\n") == ["QUYẾT ĐỊNH"]
    assert texts("K Ế H O Ạ C H\n") == ["KẾ HOẠCH"]


def test_side_by_side_columns_become_cells_but_draft_blanks_do_not():
    blocks = normalize(from_string("ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                                   "Số:        /UBND-KT       Lào Cai, ngày      tháng   01 năm 2026\n"))
    assert blocks[0].text == "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and "table" in blocks[0].markup
    assert blocks[1].text == "Số: /UBND-KT | Lào Cai, ngày tháng 01 năm 2026"


def test_spans_and_pages():
    raw = "1. Sở Tài chính chủ trì\nrà soát kinh phí.\n\n2. Sở Nội vụ\ntheo dõi."
    lines, offset = [], 0
    for number, line in enumerate(raw.split("\n"), start=1):
        lines.append(SourceLine(text=line, number=number, offset=offset, page=1 if number < 4 else 2))
        offset += len(line) + 1
    source = SourceText(path="x.pdf", kind="pdf", text=raw, lines=lines)
    blocks = normalize(source)
    assert [b.text for b in blocks] == ["1. Sở Tài chính chủ trì rà soát kinh phí.", "2. Sở Nội vụ theo dõi."]
    first, second = blocks
    assert (first.span.line, first.span.end_line, first.span.page, first.span.end_page) == (1, 2, 1, 1)
    assert raw[first.span.start:first.span.end] == "1. Sở Tài chính chủ trì\nrà soát kinh phí."
    assert (second.span.page, second.span.end_page) == (2, 2)


def test_display_text_keeps_spelling():
    blocks = texts("- Sản xuất nông lâm thuỷ sản; phối hợp với với Sở Y tế.\n")
    assert blocks == ["- Sản xuất nông lâm thuỷ sản; phối hợp với với Sở Y tế."]


def test_every_block_has_a_span_inside_the_source():
    for path in (CENTRAL, PROVINCIAL):
        source = read(path)
        for block in normalize(source):
            assert 0 <= block.span.start < block.span.end <= len(source.text)
            assert source.text[block.span.start] == block.text[0]
            assert source.text[block.span.end - 1] == block.text[-1]


def test_wrapped_upper_case_part_heading_is_one_block():
    text = FILLER + "II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU ĐỂ PHÁT TRIỂN\nKINH TẾ BIÊN GIỚI\n1. Sở Tài chính bố trí kinh phí.\n"
    blocks = texts(text)
    assert blocks[-2:] == ["II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU ĐỂ PHÁT TRIỂN KINH TẾ BIÊN GIỚI",
                           "1. Sở Tài chính bố trí kinh phí."]


# pdftotext -layout of a plan: each paragraph's first line is indented, its wrapped lines start at the margin
INDENTED_PLAN = "\n".join([
    "     1. Nâng cao khả năng chống chịu và năng lực thích ứng của hệ thống tự",
    "nhiên, kinh tế và xã hội, bảo đảm sinh kế bền vững cho người dân các vùng",
    "     a) Sử dụng hiệu quả và ngăn chặn tình trạng suy giảm, suy thoái đất đai",
    "     - Triển khai thực hiện quy hoạch sử dụng đất quốc gia, lập và triển khai",
    "quy hoạch các vùng, trong đó xác định các khu vực cần bảo vệ nghiêm ngặt và",
    "có biện pháp phục hồi đất bị thoái hóa ở các vùng trung du và miền núi phía",
    "bắc, các tỉnh duyên hải miền Trung và đồng bằng sông Cửu Long hằng năm;",
    "     - Đẩy mạnh tìm kiếm, thăm dò nguồn nước bảo đảm cấp nước sinh hoạt cho",
    "nhân dân các vùng miền núi, vùng đồng bào dân tộc thiểu số, vùng biên giới",
    "                                        7",
    "và hải đảo, vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn và vùng khan",
    "hiếm nước ngọt, nhất là trong mùa khô ở các tỉnh Tây Nguyên và Nam Trung Bộ",
    "     b) Phát triển nông nghiệp sinh thái, phát thải thấp, thân thiện với môi",
    "trường dựa vào lợi thế tự nhiên của từng vùng và nhu cầu của thị trường trong",
    "nước và quốc tế, bảo đảm phát triển bền vững và hiệu quả kinh tế - xã hội của",
    "các địa phương; chuyển đổi cơ cấu cây trồng phù hợp với điều kiện của vùng.",
]) + "\n"


def test_an_indented_bullet_after_a_full_heading_line_opens_its_own_block():
    blocks = texts(INDENTED_PLAN)
    assert [b[:12] for b in blocks] == ["1. Nâng cao ", "a) Sử dụng h", "- Triển khai", "- Đẩy mạnh t", "b) Phát triể"]
    assert blocks[1].endswith("suy thoái đất đai")
    # a page number centred between two lines of text, without blank lines around it, is dropped
    assert "vùng biên giới và hải đảo" in blocks[3]


def test_a_dash_carried_over_to_the_margin_stays_in_its_sentence():
    text = INDENTED_PLAN.replace("     - Đẩy mạnh tìm kiếm, thăm dò nguồn nước bảo đảm cấp nước sinh hoạt cho",
                                 "     - Đẩy mạnh tìm kiếm, thăm dò nguồn nước của ngành Nông nghiệp, Văn hóa\n"
                                 "- Thể thao và Du lịch bảo đảm cấp nước sinh hoạt cho dân cư ở các vùng")
    blocks = texts(text)
    assert any("Văn hóa - Thể thao và Du lịch" in b for b in blocks)


# pdftotext -layout of a provincial decision: the trích yếu wraps over two centred lines, then, after blank
# lines, the authority that enacts it is printed in capitals above the "Căn cứ" lines
AUTHORITY_UNDER_TITLE = "\n".join([
    "   ỦY BAN NHÂN DÂN           CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "     TỈNH BẮC KẠN                  Độc lập - Tự do - Hạnh phúc",
    "",
    "   Số: 512 /QĐ-UBND                   Bắc Kạn, ngày 3 tháng 4 năm 2035",
    "",
    "                             QUYẾT ĐỊNH",
    "Về việc ủy quyền cho Giám đốc Sở Xây dựng phê duyệt phương án bảo đảm",
    "         an toàn giao thông khi thi công công trình trên đường bộ",
    "",
    "",
    "                    ỦY BAN NHÂN DÂN TỈNH BẮC KẠN",
    "",
    "    Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2035;",
    "    Căn cứ Nghị định số 40/2035/NĐ-CP ngày 02/02/2035 của Chính phủ quy",
    "định chi tiết một số điều của Luật Đường bộ;",
    "    Theo đề nghị của Giám đốc Sở Xây dựng tại Tờ trình số 20/TTr-SXD ngày",
    "15/3/2035,",
    "",
    "                                 QUYẾT ĐỊNH:",
    "",
    "     Điều 1. Ủy quyền cho Giám đốc Sở Xây dựng phê duyệt phương án bảo đảm an",
    "toàn giao thông khi thi công công trình trên đường bộ đang khai thác thuộc",
    "phạm vi quản lý của tỉnh theo quy định tại khoản 3 Điều 12 Nghị định số",
    "40/2035/NĐ-CP ngày 02/02/2035 của Chính phủ.",
    "     Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.",
]) + "\n"


def test_an_upper_case_line_after_a_blank_line_does_not_continue_the_title():
    blocks = texts(AUTHORITY_UNDER_TITLE)
    title = next(b for b in blocks if b.startswith("Về việc"))
    assert title.endswith("khi thi công công trình trên đường bộ")
    assert "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN" in blocks


# a department's answer quoting a law: the quoted articles and clauses are the law's numbering, not the letter's
QUOTING_LETTER = "\n".join([
    "Trả lời Công văn số 15/UBND-KT của Ủy ban nhân dân xã Tân Lập, Sở Xây dựng có ý kiến như sau:",
    "Khoản 2 Điều 5 Luật Nhà ở quy định: “Nhà nước bảo đảm quyền có chỗ ở của công dân.\"",
    "Điều 30 và Điều 31 Luật Nhà ở quy định như sau:",
    "\"Điều 30. Phát triển nhà ở tại khu vực nông thôn",
    "1. Việc phát triển nhà ở tại nông thôn phải phù hợp với quy hoạch chung xã.",
    "2. Hộ gia đình tự xây dựng nhà ở phải bảo đảm yêu cầu về chất lượng.",
    "Điều 31. Nhà ở tại khu vực thường xuyên bị thiên tai",
    "Ủy ban nhân dân cấp tỉnh quy định cụ thể về thiết kế nhà ở phù hợp với từng khu vực.”",
    "Các hộ \"tự xây\" được hướng dẫn tại Phụ lục kèm theo.",
    "1. Đề nghị Ủy ban nhân dân xã Tân Lập hướng dẫn các hộ gia đình thực hiện theo quy định.",
]) + "\n"


def test_a_quotation_of_several_paragraphs_is_one_paragraph():
    blocks = normalize(from_string(QUOTING_LETTER, kind="txt"))
    quoted = next(b for b in blocks if b.text.startswith('"Điều 30.'))
    assert quoted.text.endswith("phù hợp với từng khu vực.”")
    assert "2. Hộ gia đình" in quoted.text and not any(m.startswith("label:") for m in quoted.markup)
    # a paragraph with a closed quotation inside, and the numbered item after the quotation, are their own
    assert [b.text[:10] for b in blocks][-2:] == ["Các hộ \"tự", "1. Đề nghị"]
    assert "label:number" in blocks[-1].markup


SIGNED_PDF_TEXT = "\n".join([
    "Ký bởi: Sở Công Thương",
    "Email: sct@laocai.gov.vn",
    "Cơ quan: Tỉnh Lào Cai",
    "Thời gian ký: 10.07.2035 09:15:30 +07:00",
    "",
    "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "TỈNH LÀO CAI | Độc lập - Tự do - Hạnh phúc",
    "Số: 15/UBND-KT | Lào Cai, ngày 9 tháng 7 năm 2035",
    "V/v triển khai Nghị định số 40/2035/NĐ-CP",
    "Kính gửi: Sở Công Thương.",
    "1. Cơ quan: chủ trì là Sở Công Thương.",
]) + "\n"


def test_the_digital_signature_stamp_of_a_signed_pdf_is_dropped():
    source = from_string(SIGNED_PDF_TEXT, kind="txt")
    blocks = [b.text for b in normalize(source)]
    assert not any(b.startswith(("Ký bởi", "Email", "Thời gian ký", "Cơ quan: Tỉnh")) for b in blocks)
    assert "1. Cơ quan: chủ trì là Sở Công Thương." in blocks  # a field-like line outside a stamp stays
    assert source.fields.get("issuer") == "ỦY BAN NHÂN DÂN TỈNH LÀO CAI"


def test_header_columns_printed_with_a_single_space_between_them():
    text = "\n".join([
        "BỘ XÂY DỰNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 310/BXD-QLN Hà Nội, ngày 5 tháng 5 năm 2035",
        "V/v triển khai Nghị định số 40/2035/NĐ-CP",
        "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.",
        "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam, Bộ Xây dựng đề nghị thực hiện các nội dung sau:",
    ]) + "\n"
    source = from_string(text, kind="txt")
    blocks = [b.text for b in normalize(source)]
    assert blocks[0] == "BỘ XÂY DỰNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert blocks[2] == "Số: 310/BXD-QLN | Hà Nội, ngày 5 tháng 5 năm 2035"
    assert blocks[-1].startswith("Căn cứ Hiến pháp nước Cộng hòa")  # the title inside a sentence is no column
    assert source.fields["issuer"] == "BỘ XÂY DỰNG" and source.fields["number"] == "310/BXD-QLN"


@pytest.mark.parametrize("line, columns", [
    ("Số: 12/BTC-QLCS Hà Nội, ngày 3 tháng 6 năm 2026", ["Số: 12/BTC-QLCS", "Hà Nội, ngày 3 tháng 6 năm 2026"]),
    ("Số: 45/KH-UBND Thành phố Hồ Chí Minh, ngày 7 tháng 8 năm 2026",
     ["Số: 45/KH-UBND", "Thành phố Hồ Chí Minh, ngày 7 tháng 8 năm 2026"]),
    ("Số: 9/UBND-VX TP. Đà Nẵng, ngày   tháng 2 năm 2026", ["Số: 9/UBND-VX", "TP. Đà Nẵng, ngày   tháng 2 năm 2026"]),
    ("Số: 12/BTC-QLCS", ["Số: 12/BTC-QLCS"]),  # no place and date after it
    ("Hà Nội, ngày 3 tháng 6 năm 2026", ["Hà Nội, ngày 3 tháng 6 năm 2026"]),  # no số hiệu before it
    # OCR: marks lost, the day stuck to "ngày"
    ("Số: 77 /TCT-KK Hà Nội, ngàyA5 thang 4 nam 2031", ["Số: 77 /TCT-KK", "Hà Nội, ngàyA5 thang 4 nam 2031"]),
    # the issuer's second line beside the motto
    ("CỤC HẢI QUAN Độc lập - Tự do - Hạnh phúc", ["CỤC HẢI QUAN", "Độc lập - Tự do - Hạnh phúc"]),
    ("—— Độc lập - Tự do - Hạnh phúc", ["—— Độc lập - Tự do - Hạnh phúc"]),
    # the motto found by its rule (rules/ingest.yaml header.motto) whatever dashes join its words
    ("TỔNG CỤC THUẾ Độc lập – Tự do – Hạnh phúc", ["TỔNG CỤC THUẾ", "Độc lập – Tự do – Hạnh phúc"]),
    ("SỞ Y TẾ ĐỘC LẬP-TỰ DO-HẠNH PHÚC", ["SỞ Y TẾ", "ĐỘC LẬP-TỰ DO-HẠNH PHÚC"]),
    ("Độc lập - Tự do - Hạnh phúc", ["Độc lập - Tự do - Hạnh phúc"]),
    # marks a PDF's font left composing with nothing do not move the split
    ("BỘ TÀI CHÍNH\u0301\u0301 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
     ["BỘ TÀI CHÍNH\u0301\u0301", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]),
])
def test_a_number_line_splits_before_its_place_and_date(line, columns):
    # (where it splits: rules/ingest.yaml `merged_place_date`)
    assert split_merged_header(line) == columns


def test_markdown_front_matter_of_a_converter_is_dropped():
    text = ("---\ntitle: \"Ke hoach 12 2031\"\ncategory: \"Giáo dục\"\ntags:\n  - kế hoạch\n---\n\n"
            "# KẾ HOẠCH\n\nSở Giáo dục và Đào tạo chủ trì tổ chức thực hiện.\n")
    assert texts(text, kind="md") == ["KẾ HOẠCH", "Sở Giáo dục và Đào tạo chủ trì tổ chức thực hiện."]
    # in plain text, or without its closing fence, the lines are the document's
    assert texts("---\nSố: 12/KH-UBND\n\nSở Y tế chủ trì.\n", kind="md")[0] == "Số: 12/KH-UBND"


def test_a_converters_page_break_line_is_a_page_break():
    text = ("a) Sở Tài chính chủ trì, phối hợp với các sở, ngành liên quan tham mưu Ủy ban nhân dân\n\n"
            "2\n\n--- PAGE BREAK ---\n\ntỉnh bố trí kinh phí thực hiện.\n\n<!-- PageBreak -->\n\nb) Sở Y tế chủ trì.\n")
    assert texts(text, kind="md") == [
        "a) Sở Tài chính chủ trì, phối hợp với các sở, ngành liên quan tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí "
        "thực hiện.", "b) Sở Y tế chủ trì."]


@pytest.mark.parametrize("marker", [
    "===== Trang {} =====",
    "--- Trang {} ---",
    "=== Page {} ===",
    "===== Trang in 1{0} (trang PDF {0}) =====",  # an OCR copy of a booklet (printed page 11): the PDF file's page
])
def test_the_page_markers_of_a_text_copied_from_a_pdf_give_the_pages(marker):
    # a text copied from a PDF page by page heads each page with its number: the marker is a page break (dropped,
    # a sentence runs across it) and the paragraphs below it are on that page
    text = "\n".join([marker.format(1), "KẾ HOẠCH", "", "1. Sở Tài chính chủ trì, phối hợp với các sở tham mưu Ủy ban",
                      "", "", marker.format(2), "nhân dân tỉnh bố trí kinh phí.", "",
                      "2. Sở Y tế chủ trì.", ""])
    document = normalize(from_string(text))
    assert [(b.text, b.span.page, b.span.end_page) for b in document] == [
        ("KẾ HOẠCH", 1, 1),
        ("1. Sở Tài chính chủ trì, phối hợp với các sở tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí.", 1, 2),
        ("2. Sở Y tế chủ trì.", 2, 2)]
    # a number alone, or a rule, is no marker; a text without markers has no pages
    assert {line.page for line in from_string("Trang 2\n=====\n- 3 -\nSở Y tế chủ trì.\n").lines} == {None}


def test_a_stamp_field_garbled_by_ocr_stays_inside_the_stamp():
    text = ("Ký bởi: Văn phòng Ủy ban nhân dân tỉnh\nEmaii vanphongubnd\nCơ quan: Tỉnh Điện Biên\n\n"
            "Thời gian ký: 03.02.2031 09:12:44 +07:00\n\nỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN\n")
    assert texts(text) == ["ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN"]


def test_a_stray_bar_read_by_ocr_inside_a_sentence_is_no_table_cell():
    text = ("Tuy nhiên, dịch bệnh tiếp tục diễn biến phức tạp, có nguy cơ bùng phát tại nhiều quốc | gia\n"
            "và khu vực trên thế giới, ảnh hưởng lớn đến sản xuất kinh doanh.\n\n"
            "TT | Nhiệm vụ | Cơ quan chủ trì\n1 | rà soát | sở ngành\n")
    blocks = texts(text)
    assert blocks[0].startswith("Tuy nhiên") and "quốc gia và khu vực" in blocks[0]
    assert blocks[-1] == "1 | rà soát | sở ngành"  # a row of a table keeps its cells


# a task table as `pdftotext -layout` prints it: columns set apart by blanks, cells wrapped over several lines
LAID_OUT_TABLE = """\
 TT   Nội dung nhiệm vụ                Cơ quan          Cơ quan          Thời gian
                                       chủ trì          phối hợp
 I    NHÓM NHIỆM VỤ VỀ HẠ TẦNG VÀ QUỸ ĐẤT XÂY DỰNG CHỢ
 1    Rà soát mạng lưới chợ trên       Sở Công Thương   Sở Xây dựng      Quý II/2031
      địa bàn tỉnh
 2    Bố trí quỹ đất xây dựng chợ      Ủy ban nhân dân  Sở Tài chính     Năm 2031
      đầu mối                          các xã, phường
     Các cơ quan báo cáo kết quả thực hiện về Sở Công Thương trước ngày 15 tháng 12 hằng năm.
"""


def test_a_table_laid_out_in_columns_becomes_one_row_of_cells_per_table_row():
    """The header wrapped over two lines, the task and lead cells wrapped, a group row, a paragraph right under the
    table: each table row is one " | " block with its wrapped lines joined cell by cell, the paragraph its own."""
    blocks = normalize(from_string(LAID_OUT_TABLE, kind="txt"))
    assert [b.text for b in blocks] == [
        "TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian",
        "I | NHÓM NHIỆM VỤ VỀ HẠ TẦNG VÀ QUỸ ĐẤT XÂY DỰNG CHỢ |  |  | ",
        "1 | Rà soát mạng lưới chợ trên địa bàn tỉnh | Sở Công Thương | Sở Xây dựng | Quý II/2031",
        "2 | Bố trí quỹ đất xây dựng chợ đầu mối | Ủy ban nhân dân các xã, phường | Sở Tài chính | Năm 2031",
        "Các cơ quan báo cáo kết quả thực hiện về Sở Công Thương trước ngày 15 tháng 12 hằng năm.",
    ]
    assert all("table" in b.markup for b in blocks[:4]) and "table" not in blocks[4].markup
    assert [(b.span.line, b.span.end_line) for b in blocks] == [(1, 2), (3, 3), (4, 5), (6, 7), (8, 8)]


def test_cells_of_a_narrow_column_one_space_apart_stay_in_their_columns():
    """Where a column is narrow two neighbouring cells may stand one space apart, the right one even a position
    to the left of its column: the columns are where the other lines leave a gutter."""
    text = """\
 STT   Nhiệm vụ                   Đơn vị thực hiện  Đơn vị phối hợp
 1     Hướng dẫn bảo quản nông    Sở Văn hóa, Thể Sở Giáo dục và
       sản sau thu hoạch          thao và Du lịch  Đào tạo
 2     Tiếp nhận ý kiến doanh     Văn phòng Ủy ban Sở Nội vụ
       nghiệp                     nhân dân tỉnh
 3     Kiểm tra việc thực hiện    Sở Tài chính     Sở Xây dựng
"""
    assert texts(text) == [
        "STT | Nhiệm vụ | Đơn vị thực hiện | Đơn vị phối hợp",
        "1 | Hướng dẫn bảo quản nông sản sau thu hoạch | Sở Văn hóa, Thể thao và Du lịch | Sở Giáo dục và Đào tạo",
        "2 | Tiếp nhận ý kiến doanh nghiệp | Văn phòng Ủy ban nhân dân tỉnh | Sở Nội vụ",
        "3 | Kiểm tra việc thực hiện | Sở Tài chính | Sở Xây dựng",
    ]


# two rows of a market plan laid out in columns, as pdftotext -layout prints them in the tests below
MARKET_ROWS = ["1 | Rà soát mạng lưới chợ trên địa bàn tỉnh | Sở Công Thương | Quý II/2031",
               "2 | Bố trí quỹ đất xây dựng chợ | Sở Tài chính | Năm 2031"]
PAGE_BROKEN_TABLE = """\
 TT   Nội dung                        Cơ quan chủ trì   Thời gian
 1    Rà soát mạng lưới chợ trên      Sở Công Thương    Quý II/2031
      địa bàn tỉnh

                                 3
\f TT   Nội dung                        Cơ quan chủ trì   Thời gian
 2    Bố trí quỹ đất xây dựng chợ     Sở Tài chính      Năm 2031
"""
# a narrow number column: its heading and the row marks stand one space before the task text ("TT Nội dung",
# "1 Rà soát"); the task column begins at its heading
NARROW_MARK_TABLE = """\
 TT Nội dung nhiệm vụ                  Cơ quan chủ trì   Thời gian
 1 Rà soát mạng lưới chợ trên địa     Sở Công Thương    Quý II/2031
   bàn tỉnh
 2 Bố trí quỹ đất xây dựng chợ        Sở Tài chính      Năm 2031
"""


@pytest.mark.parametrize("text, header", [
    (PAGE_BROKEN_TABLE, "TT | Nội dung | Cơ quan chủ trì | Thời gian"),  # header printed again after the page break
    (NARROW_MARK_TABLE, "TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời gian"),
], ids=["page-break", "narrow-mark-column"])
def test_a_laid_out_table_gives_one_row_per_task(text, header):
    assert texts(text) == [header, *MARKET_ROWS]


def test_columns_without_a_task_table_header_are_not_rebuilt_as_rows():
    """Side-by-side columns under a header that names no lead column stay one block per line, as before."""
    text = """\
 TT   Nội dung                        Kinh phí          Ghi chú
 1    Rà soát mạng lưới chợ trên      120 triệu đồng    Năm 2031
      địa bàn tỉnh
"""
    assert len(texts(text)) == 3 and texts(text)[-1] == "địa bàn tỉnh"


def test_a_laid_out_table_with_cells_centred_vertically_keeps_each_row_whole():
    """Cells centred vertically put the row mark on a middle line of the task cell, which then goes on in lower
    case: the lines above it from the one opening in upper case are the row's first lines, not the header's or
    the previous row's."""
    text = """\
 TT   Nội dung nhiệm vụ                Cơ quan chủ trì  Cơ quan phối hợp  Thời gian
      Rà soát mạng lưới chợ trên
 1    địa bàn tỉnh, đề xuất danh mục   Sở Công Thương   Sở Xây dựng       Quý II/2031
      chợ cần cải tạo
      Bố trí quỹ đất xây dựng chợ      Ủy ban nhân dân
 2    đầu mối tại các xã, phường có    các xã, phường   Sở Tài chính      Năm 2031
      vùng sản xuất tập trung
 3    Kiểm tra việc thực hiện          Sở Tài chính     Sở Xây dựng       Năm 2032
"""
    blocks = normalize(from_string(text, kind="txt"))
    assert [b.text for b in blocks] == [
        "TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian",
        "1 | Rà soát mạng lưới chợ trên địa bàn tỉnh, đề xuất danh mục chợ cần cải tạo | Sở Công Thương | Sở Xây dựng"
        " | Quý II/2031",
        "2 | Bố trí quỹ đất xây dựng chợ đầu mối tại các xã, phường có vùng sản xuất tập trung | Ủy ban nhân dân các"
        " xã, phường | Sở Tài chính | Năm 2031",
        "3 | Kiểm tra việc thực hiện | Sở Tài chính | Sở Xây dựng | Năm 2032",
    ]
    assert [(b.span.line, b.span.end_line) for b in blocks] == [(1, 1), (2, 4), (5, 7), (8, 8)]


# the rows every layout of the cold-storage table below must give (header, group row, two task rows)
KHO_LANH_ROWS = [
    "STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành",
    "I | NHÓM NHIỆM VỤ VỀ QUY HOẠCH |  |  | ",
    "1 | Rà soát nhu cầu kho lạnh của các vùng trồng cây ăn quả tập trung trên địa bàn tỉnh | Sở Nông nghiệp và Môi"
    " trường | Sở Tài chính | Quý II/2031",
    "2 | Lập danh mục dự án kho lạnh kêu gọi đầu tư | Sở Tài chính | Sở Công Thương, Ủy ban nhân dân các xã, phường"
    " | Năm 2031",
]


def test_a_laid_out_table_with_words_spread_inside_its_cells():
    """Justified cells spread their words two or three blanks apart, the header's too ("Nội dung   nhiệm   vụ"), and
    neighbouring cells stand two blanks apart: the columns are still found where the lines leave a gutter."""
    text = """\
 STT  Nội dung   nhiệm   vụ            Cơ quan   chủ trì  Cơ   quan    phối  Thời    gian
                                                          hợp                hoàn
                                                                             thành
 I    NHÓM     NHIỆM   VỤ    VỀ   QUY
      HOẠCH
 1    Rà  soát nhu  cầu kho  lạnh của  Sở  Nông   nghiệp  Sở Tài chính       Quý  II/2031
      các vùng  trồng cây  ăn quả tập  và Môi trường
      trung trên địa bàn tỉnh
 2    Lập  danh  mục  dự án  kho lạnh  Sở Tài chính       Sở  Công  Thương,  Năm  2031
      kêu gọi đầu tư                                      Ủy  ban nhân  dân
                                                          các xã, phường
 4    Hướng   dẫn   hợp  tác  xã  bảo  Sở  Văn  hóa, Thể  Sở  Giáo  dục   và Quý  IV/2031
      quản  nông sản  sau thu hoạch    thao và Du lịch    Đào  tạo
"""
    assert texts(text) == KHO_LANH_ROWS + [
        "4 | Hướng dẫn hợp tác xã bảo quản nông sản sau thu hoạch | Sở Văn hóa, Thể thao và Du lịch | Sở Giáo dục và Đào"
        " tạo | Quý IV/2031",
    ]


def test_long_rows_rebuilt_from_a_laid_out_table_leave_the_wrap_width_of_the_text_alone():
    """A row rebuilt from many wrapped cell lines is longer than any printed line; counted as a line it would make
    the text look unwrapped, and the hard-wrapped paragraph before the table would fall apart into its lines."""
    row = """\
 {n}    Rà soát mạng lưới chợ trên       Sở Công Thương    Năm 2031
      địa bàn tỉnh, đề xuất danh mục
      chợ cần cải tạo, nâng cấp và
      xây mới trong giai đoạn tới,
      bảo đảm phù hợp quy hoạch
"""
    table = " TT   Nội dung nhiệm vụ                Cơ quan chủ trì   Thời gian\n" + "".join(
        row.format(n=n) for n in (1, 2, 3))
    blocks = texts(FILLER + table)
    assert len(blocks) == 5 and blocks[0].endswith("bảo đảm hiệu quả.")
    assert all(len(b) > 140 for b in blocks[2:])


def test_a_laid_out_table_with_all_cells_centred_shares_the_lines_between_rows():
    """Every cell centred in its row: a row's lines stand above and below its mark, each column's on lines of its
    own, and a coordinator of row 2 ("Sở Công Thương,") stands above row 2's task. Each piece goes to the row whose
    mark is nearest; as near to both, a piece in upper case opens the lower row's cell ("Rà soát …")."""
    text = """\
                                                          Cơ   quan    phối  Thời gian
 STT  Nội dung   nhiệm   vụ            Cơ quan   chủ trì                     hoàn
                                                          hợp
                                                                             thành
      NHÓM     NHIỆM   VỤ    VỀ   QUY
 I
      HOẠCH
      Rà  soát nhu  cầu kho  lạnh của
                                       Sở  Nông   nghiệp
 1    các vùng  trồng cây  ăn quả tập                     Sở Tài chính       Quý  II/2031
                                       và Môi trường
      trung trên địa bàn tỉnh
                                                          Sở  Công  Thương,
      Lập  danh  mục  dự án  kho lạnh
 2                                     Sở Tài chính       Ủy  ban nhân  dân  Năm  2031
      kêu gọi đầu tư
                                                          các xã, phường
"""
    assert texts(text) == KHO_LANH_ROWS


def test_a_laid_out_header_of_centred_cells_over_five_lines_with_sub_groups():
    """Real case: a programme's appendix (pdftotext -layout), its header cells centred over five lines, two of them
    above the line of the task column's heading ("Thời hạn" / "thực hiện" / "(*)"), and groups numbered under
    groups ("I.1"). The title above the header runs across the task column: it is no header cell."""
    text = """\
                    DANH MỤC NHIỆM VỤ TRỌNG TÂM NĂM 2031
                                                          Thời hạn
                                        Cơ quan
 TT   Nội dung nhiệm vụ                                   hoàn
                                        chủ trì
                                                          thành
 I    NHÓM NHIỆM VỤ VỀ HẠ TẦNG
 I.1  Hạ tầng chợ
 1    Rà soát mạng lưới chợ trên       Sở Công Thương    Quý II/2031
      địa bàn tỉnh
 2    Bố trí quỹ đất xây dựng chợ      Sở Tài chính      Năm 2031
"""
    assert texts(text) == [
        "DANH MỤC NHIỆM VỤ TRỌNG TÂM NĂM 2031",
        "TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời hạn hoàn thành",
        "I | NHÓM NHIỆM VỤ VỀ HẠ TẦNG |  | ",
        "I.1 | Hạ tầng chợ |  | ",
        "1 | Rà soát mạng lưới chợ trên địa bàn tỉnh | Sở Công Thương | Quý II/2031",
        "2 | Bố trí quỹ đất xây dựng chợ | Sở Tài chính | Năm 2031",
    ]


def test_a_blank_line_inside_a_row_of_a_laid_out_table():
    """A blank line inside a task cell: the lines after it that go on in lower case are the row's own, not the top
    of the next row; a cell printed on the row's last line (bottom-aligned) stays in its row."""
    text = """\
 TT   Nội dung nhiệm vụ                Cơ quan chủ trì   Thời gian
 1    Rà soát mạng lưới chợ trên       Sở Công Thương    Quý II/2031
      địa bàn tỉnh

      và đề xuất danh mục chợ cần
      cải tạo
 2    Bố trí quỹ đất xây dựng chợ
      đầu mối tại các xã, phường       Sở Tài chính      Năm 2031
"""
    assert texts(text) == [
        "TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời gian",
        "1 | Rà soát mạng lưới chợ trên địa bàn tỉnh và đề xuất danh mục chợ cần cải tạo | Sở Công Thương"
        " | Quý II/2031",
        "2 | Bố trí quỹ đất xây dựng chợ đầu mối tại các xã, phường | Sở Tài chính | Năm 2031",
    ]


def test_a_laid_out_table_whose_columns_shift_on_its_next_page_keeps_its_first_page():
    """pdftotext lays out each page by itself: on the table's second page the columns stand elsewhere and touch,
    so that no gutter runs down the whole table. The rows of its first page, under the header, are still rebuilt;
    the second page's lines stay lines."""
    text = """\
 TT   Nội dung nhiệm vụ                Cơ quan chủ trì   Thời gian
 1    Rà soát mạng lưới chợ trên       Sở Công Thương    Quý II/2031
      địa bàn tỉnh
                                  5
 2    Bố trí quỹ đất xây dựng chợ đầu mối Sở Tài chính Năm 2031
      tại các xã, phường có vùng sản xuất tập trung
 3    Kiểm tra việc thực hiện Kế hoạch Sở Xây dựng Năm 2032
      của các sở, ngành và Ủy ban nhân dân các xã
"""
    blocks = texts(text)
    assert blocks[:2] == [
        "TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời gian",
        "1 | Rà soát mạng lưới chợ trên địa bàn tỉnh | Sở Công Thương | Quý II/2031",
    ]
    assert all(b.count(" | ") <= 1 for b in blocks[2:])  # no row cut at the first page's columns


# a task table whose body a converter flattened one cell a line (real case: QĐ 2200/QĐ-BNNMT 2026, Phụ lục, from
# a PDF): the header a Markdown row, its last heading on a line of its own below it, then each row's mark and its
# cells in column order; row b) is cut by a page break, the rest of its task and lead cells printed after its
# other cells
FLAT_TABLE = """\
PHỤ LỤC
DANH MỤC NHIỆM VỤ PHÁT TRIỂN THƯƠNG MẠI NÔNG THÔN
| STT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp |
| --- | --- | --- | --- |
Thời hạn hoàn thành
1
Phát triển hạ tầng thương mại nông thôn
a)
Rà soát mạng lưới chợ trên địa bàn các xã.
Sở Công Thương
Sở Xây dựng; Ủy ban nhân dân các xã
Quý II/2031
b)
Lập danh mục dự án kêu gọi đầu tư chợ đầu mối và trung tâm
Sở Tài chính, Sở
Sở Công Thương
Năm 2032
logistics nông sản.
Nông nghiệp và Môi trường
2
Kiểm tra việc thực hiện quy định về chợ.
Sở Công Thương
Công an tỉnh
Hằng năm
"""
FLAT_ROWS = [
    "STT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn hoàn thành",
    "1 | Phát triển hạ tầng thương mại nông thôn |  |  | ",
    "a) | Rà soát mạng lưới chợ trên địa bàn các xã. | Sở Công Thương | Sở Xây dựng; Ủy ban nhân dân các xã "
    "| Quý II/2031",
    "b) | Lập danh mục dự án kêu gọi đầu tư chợ đầu mối và trung tâm logistics nông sản. | Sở Tài chính, Sở Nông "
    "nghiệp và Môi trường | Sở Công Thương | Năm 2032",
    "2 | Kiểm tra việc thực hiện quy định về chợ. | Sở Công Thương | Công an tỉnh | Hằng năm",
]


@pytest.mark.parametrize("kind", ["txt", "md"])
def test_a_task_table_flattened_one_cell_a_line_becomes_one_row_of_cells_per_table_row(kind):
    """The heading below the header row is the header's last cell (a column heading of the rules); a group row has
    its title only; the lines after a row's last cell, before the next row, go back to its unfinished cells in
    column order (the task cell that ends a sentence is finished: no more of it follows)."""
    blocks = normalize(from_string(FLAT_TABLE, kind=kind))
    assert [b.text for b in blocks] == ["PHỤ LỤC", "DANH MỤC NHIỆM VỤ PHÁT TRIỂN THƯƠNG MẠI NÔNG THÔN", *FLAT_ROWS]
    assert all("table" in b.markup for b in blocks[2:])
    assert [(b.span.line, b.span.end_line) for b in blocks[2:]] == [(3, 5), (6, 7), (8, 12), (13, 19), (20, 24)]


@pytest.mark.parametrize("after", [
    "Ghi chú:\n- Các cơ quan báo cáo kết quả trước ngày 15/12.\n",  # a note under the table
    "Sở Công Thương theo dõi, tổng hợp.\nKhó khăn báo cáo Ủy ban nhân dân tỉnh.\n",  # paragraphs with no row after
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn Bình\n",  # a closing block
])
def test_text_after_a_flattened_task_table_is_no_cell_of_it(after):
    texts_after = texts(FLAT_TABLE + after)
    assert texts_after[2:7] == FLAT_ROWS
    assert not any(after.splitlines()[0] in row for row in texts_after[2:7])
    assert texts_after[7].startswith(after.splitlines()[0])


def test_markdown_tables_that_are_no_flattened_task_table_are_left_as_they_are():
    # rows printed as Markdown rows; a header naming no lead column; a task table's header with prose under it
    rows = "| STT | Nội dung công việc | Đơn vị chủ trì |\n| --- | --- | --- |\n| 1 | Rà soát chợ | Sở Công Thương |\n"
    assert texts(rows) == ["| STT | Nội dung công việc | Đơn vị chủ trì |", "| 1 | Rà soát chợ | Sở Công Thương |"]
    no_lead = "| STT | Nội dung | Kinh phí |\n| --- | --- | --- |\n1\nRà soát chợ\n120 triệu đồng\n2\nKiểm tra chợ\n"
    assert texts(no_lead) == ["| STT | Nội dung | Kinh phí |", "1", "Rà soát chợ 120 triệu đồng 2", "Kiểm tra chợ"]
    prose = ("| STT | Nội dung công việc | Đơn vị chủ trì |\n| --- | --- | --- |\n"
             "Các nhiệm vụ sẽ được bổ sung sau.\nSở Công Thương\n")
    assert texts(prose)[1:] == ["Các nhiệm vụ sẽ được bổ sung sau.", "Sở Công Thương"]


# pdftotext -layout of a decision's execution clause: the clause's first line is indented like a paragraph and
# ends with a semicolon where the printed line was full; the list of office holders goes on at the margin
INDENTED_EXECUTION_CLAUSE = "\n".join([
    "       Điều 3. Tổ chức thực hiện",
    "      a) Giám đốc Sở Công Thương chịu trách nhiệm hướng dẫn, kiểm tra, theo dõi",
    "việc thực hiện các nhiệm vụ được ủy quyền và báo cáo Ủy ban nhân dân tỉnh định",
    "kỳ sáu tháng, một năm hoặc đột xuất theo yêu cầu của Ủy ban nhân dân tỉnh.",
    "      b) Sở Tài chính bố trí kinh phí bảo đảm việc thực hiện nhiệm vụ được ủy",
    "quyền theo quy định của pháp luật về ngân sách nhà nước và phân cấp ngân sách",
    "của tỉnh; hướng dẫn việc thanh toán, quyết toán kinh phí theo quy định hiện",
    "hành của Bộ Tài chính.",
    "      c) Sở Nội vụ theo dõi, kiểm tra việc thực hiện các nhiệm vụ được ủy quyền",
    "của Sở Công Thương, kịp thời tham mưu Ủy ban nhân dân tỉnh điều chỉnh phạm",
    "vi ủy quyền khi pháp luật chuyên ngành thay đổi.",
    "       Điều 4. Điều khoản thi hành",
    "       1. Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 9 năm 2035.",
    "      2. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc Sở Công Thương;",
    "Giám đốc Trung tâm Phục vụ hành chính công tỉnh; Thủ trưởng các sở, ban,",
    "ngành; Chủ tịch Ủy ban nhân dân các xã chịu trách nhiệm thi hành Quyết định này./.",
]) + "\n"


def test_an_indented_first_line_ending_a_clause_at_the_margin_runs_on_into_the_next_line():
    blocks = texts(INDENTED_EXECUTION_CLAUSE)
    clause = next(b for b in blocks if b.startswith("2. Chánh Văn phòng"))
    assert clause.endswith("thi hành Quyết định này./.")
    assert not any(b.startswith("Giám đốc Trung tâm") for b in blocks)


def test_a_full_line_ending_a_sentence_before_an_indented_line_ends_its_paragraph():
    # the execution clause printed without a number under the article on entry into force, its first line
    # indented like any paragraph's
    text = INDENTED_EXECUTION_CLAUSE.replace(
        "       1. Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 9 năm 2035.\n"
        "      2. Chánh Văn phòng",
        "       Điều 5. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.\n"
        "       Chánh Văn phòng")
    blocks = texts(text)
    assert "Điều 5. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành." in blocks
    assert any(b.startswith("Chánh Văn phòng") and b.endswith("Quyết định này./.") for b in blocks)


def test_ocr_debris_before_a_label_is_dropped():
    blocks = normalize(from_string(
        "2. Các sở có trách nhiệm thẩm định hồ sơ, cụ thể:\n\n"
        "a) Sở Xây dựng đối với công trình dân dụng;\n\n"
        "._ b) Sở Công Thương đối với công trình công nghiệp;\n\n"
        "` Chương III\nĐIỀU KHOẢN THI HÀNH\n\n"
        ".4. Nghị định này có hiệu lực kể từ ngày ký.\n"))
    assert [b.text for b in blocks][1:4] == [
        "a) Sở Xây dựng đối với công trình dân dụng;",
        "b) Sở Công Thương đối với công trình công nghiệp;",
        "Chương III",
    ]
    assert "label:letter" in blocks[2].markup and "label:chapter" in blocks[3].markup
    assert blocks[-1].text.startswith("4. Nghị định này") and "label:number" in blocks[-1].markup
    # the span starts at the label, past the debris
    source = from_string("._ b) Sở Công Thương đối với công trình công nghiệp;\n")
    block = normalize(source)[0]
    assert source.text[block.span.start:block.span.start + 2] == "b)"
    # debris before a word is no label's: the line is kept as printed
    assert texts("ot Kết quả thực hiện gửi về Sở Tài chính.\n") == ["ot Kết quả thực hiện gửi về Sở Tài chính."]


def test_page_numbers_of_an_ocr_dump_touching_the_text_are_dropped():
    page = ["Ủy ban nhân dân cấp tỉnh chỉ đạo các cơ quan chuyên môn thẩm định hồ sơ, bảo đảm"] * 19
    text = "\n".join(
        page + ["công khai, minh bạch và đúng thời hạn theo quy định của nhà", "12", "",
                "nước về đầu tư công."] + page + ["đúng thời hạn.", "13", ""] + page
        + ["đúng thời hạn.", "14", "", "2. Bộ Tài chính hướng dẫn việc thanh toán."]) + "\n"
    joined = texts(text)
    assert not any(t in {"12", "13", "14"} for t in joined)
    assert any("theo quy định của nhà nước về đầu tư công." in t for t in joined)
    # numbers of a list a few lines apart are no page numbers
    listed = " ".join(texts("Danh mục:\n1\nSở Xây dựng\n2\nSở Công Thương\n3\nSở Tài chính\n"))
    assert all(n in listed.split() for n in ("1", "2", "3"))


def test_ocr_clause_number_glued_to_its_first_word():
    blocks = normalize(from_string(
        "4. Bộ Tài chính hướng dẫn việc thanh toán.\n\n"
        "5.Ủy ban nhân dân cấp tỉnh có trách nhiệm chỉ đạo các sở thẩm định hồ sơ.\n\n"
        "Căn cứ Văn bản số\n12/UBND-KT ngày 3 tháng 5 năm 2031.\n"))
    assert "label:number" in blocks[1].markup and blocks[1].text.startswith("5.Ủy ban")
    assert parse_label("5.Ủy ban nhân dân cấp tỉnh") == Label("number", "5.", "5", 2, None, "5")
    # a số hiệu wrapped to the start of a line, or a decimal, is no label
    assert parse_label("12/UBND-KT ngày 3 tháng 5") is None and parse_label("2.5 tỷ đồng") is None
    assert parse_label("5.ủy ban") is None


# a plan laid out by pdftotext -layout: header and signature columns side by side, and in the body a stray row
# of a table without its header, a justified line and a sentence with the place and date printed beside it
WIDE_GAPS_OUTSIDE_A_TABLE = """\
      ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
      TỈNH YÊN BÁI                             Độc lập - Tự do - Hạnh phúc

      Số: 15/KH-UBND                          Yên Bái, ngày 10 tháng 3 năm 2031

      1. Sở Công Thương chủ trì rà soát quy hoạch chợ đầu mối, hoàn thành trong năm 2031.
      2     Bố trí kinh phí thực hiện Kế hoạch: Sở Tài chính    Năm 2031
      3. Ủy ban nhân dân các huyện bố trí quỹ đất xây dựng chợ, hoàn thành trong
năm    2031;     Sở    Xây      dựng    hướng     dẫn    thủ    tục    cấp     phép.
      Các cơ quan triển khai thực hiện./.          Yên Bái, ngày 12 tháng 3 năm 2031

Nơi nhận:                                               TM. ỦY BAN NHÂN DÂN
- Như trên;                                                  CHỦ TỊCH
- Lưu: VT.                                               Trần Văn Bình
"""


def test_a_wide_gap_outside_a_table_is_a_blank():
    """Only columns of a header or signature block (or of a table) become " | " cells: a wide gap inside a
    sentence is a blank."""
    blocks = normalize(from_string(WIDE_GAPS_OUTSIDE_A_TABLE, kind="txt"))
    found = [b.text for b in blocks]
    assert found[:3] == ["ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "TỈNH YÊN BÁI | Độc lập - Tự do - Hạnh phúc", "Số: 15/KH-UBND | Yên Bái, ngày 10 tháng 3 năm 2031"]
    assert "2 Bố trí kinh phí thực hiện Kế hoạch: Sở Tài chính Năm 2031" in found
    assert "3. Ủy ban nhân dân các huyện bố trí quỹ đất xây dựng chợ, hoàn thành trong năm 2031; Sở Xây dựng " \
           "hướng dẫn thủ tục cấp phép." in found
    assert not any("table" in b.markup for b in blocks if "Sở Tài chính" in b.text or "Sở Xây dựng" in b.text)
    # the place and date beside the last sentence, the signature beside the recipients: columns
    assert "Các cơ quan triển khai thực hiện./. | Yên Bái, ngày 12 tháng 3 năm 2031" in found
    assert found[-3:] == ["Nơi nhận: | TM. ỦY BAN NHÂN DÂN", "- Như trên; | CHỦ TỊCH", "- Lưu: VT. | Trần Văn Bình"]


def test_a_chapter_label_alone_on_its_line_opens_a_heading_after_a_clause_without_its_stop():
    """OCR lost the stop of the clause before "Chương IV -" / "CÔNG TRÌNH ĐẶC THÙ": the chapter still opens its
    own block (a wrapped "… tại" / "Chương II, Mục 1 …" does not)."""
    found = after_filler(
        "4. Ủy ban nhân dân cấp tỉnh chịu trách nhiệm về quản lý vận hành hệ thống cấp nước\n",
        "theo quy định tại khoản 7 Điều 73 Nghị định này và pháp luật về cấp nước có\n",
        "Chương IV -\n", "CÔNG TRÌNH CẤP NƯỚC ĐẶC THÙ\n", "\n",
        "5. Các bộ, ngành hướng dẫn thực hiện theo quy định của pháp luật về cấp nước tại\n",
        "Chương II, Mục 1 Nghị định này.\n")
    assert found[-4].endswith("pháp luật về cấp nước có")
    assert found[-3:-1] == ["Chương IV -", "CÔNG TRÌNH CẤP NƯỚC ĐẶC THÙ"]
    assert found[-1].endswith("tại Chương II, Mục 1 Nghị định này.")


def test_footnotes_moved_to_the_end_do_not_continue_the_signers_name():
    rows = [("Ủy ban nhân dân tỉnh đề nghị Bộ Công Thương xem xét, giải quyết./.", frozenset()),
            ("KT. CHỦ TỊCH", frozenset({"bold"})), ("PHÓ CHỦ TỊCH", frozenset({"bold"})),
            ("Lê Văn Hùng", frozenset({"bold"})), ("", frozenset()),
            ("1 Luật Quản lý, sử dụng vũ khí, vật liệu nổ số 42/2024/QH15", frozenset({"footnote"})),
            ("ngày 29/6/2024", frozenset({"footnote"}))]
    lines, offset = [], 0
    for number, (text, style) in enumerate(rows, start=1):
        lines.append(SourceLine(text=text, number=number, offset=offset, page=2 if number < 6 else 1, style=style))
        offset += len(text) + 1
    source = SourceText(path="x.pdf", kind="pdf", text="\n".join(text for text, _ in rows), lines=lines)
    blocks = [b.text for b in normalize(source)]
    assert "Lê Văn Hùng" in blocks
    assert blocks[-1] == "1 Luật Quản lý, sử dụng vũ khí, vật liệu nổ số 42/2024/QH15 ngày 29/6/2024"


def test_ocr_misreadings_of_point_labels_repaired():
    text = ("b) Sở Công Thương kiểm tra các kho vật liệu nổ.\n€c) Công an tỉnh phối hợp kiểm tra.\n"
            "d) Sở Nội vụ tập huấn an toàn lao động.\n")
    assert [b.text[:2] for b in normalize(from_string(text, kind="txt"))] == ["b)", "c)", "d)"]
    blocks = normalize(read_text_bytes("e) Các doanh nghiệp báo cáo định kỳ.\nø) Thường xuyên phối hợp với chính "
                                       "quyền địa phương.\n".encode(), Path("scan.txt")))
    assert [b.text[:2] for b in blocks] == ["e)", "g)"]


def test_an_items_title_without_a_stop_ends_where_the_next_word_would_have_fitted():
    # a Party conclusion's item: its title, wrapped, with no final stop, a blank line, then its body; the title's
    # last line stops well short of the wrap width, so it is its own paragraph (real case: KL 75-KL/TW, OCR)
    blocks = after_filler("1. Hoàn thiện thể chế, chính sách về bảo vệ môi trường và nâng cao hiệu lực, hiệu quả\n",
                          "thực thi pháp luật về bảo vệ môi trường, tăng cường kiểm tra, giám sát\n", "\n",
                          "Các bộ, ngành rà soát, sửa đổi các quy định về bảo vệ môi trường.\n")
    assert blocks[-2:] == ["1. Hoàn thiện thể chế, chính sách về bảo vệ môi trường và nâng cao hiệu lực, hiệu quả "
                           "thực thi pháp luật về bảo vệ môi trường, tăng cường kiểm tra, giám sát",
                           "Các bộ, ngành rà soát, sửa đổi các quy định về bảo vệ môi trường."]


def test_a_sentence_cut_by_a_page_break_at_the_wrap_width_goes_on_after_the_blank_line():
    blocks = after_filler("Các sở, ngành rà soát các cơ sở sản xuất, kinh doanh thuộc phạm vi quản lý của Ủy ban\n",
                          "\n", "Nhân dân tỉnh theo quy định.\n")
    assert blocks[-1] == "Các sở, ngành rà soát các cơ sở sản xuất, kinh doanh thuộc phạm vi quản lý của Ủy ban " \
                         "Nhân dân tỉnh theo quy định."


@pytest.mark.parametrize("heading", [
    # the title's first line runs to the wrap width: no dash would have fitted after it, but a page rarely breaks
    # right after an item's first line
    ["3.5. Bảo tồn thiên nhiên, phục hồi hệ sinh thái và bảo vệ nguồn tài nguyên thiên nhiên\n"],
    # the title's last line leaves room for the dash
    ["3.4. Tập trung giải quyết các vấn đề bức xúc về môi trường; chủ động phòng ngừa,\n", "\n",
     "kiểm soát ô nhiễm và cải thiện chất lượng môi trường sống tại các khu dân cư\n"],
    # the title wraps onto a second line that runs to the wrap width too: the paragraph above the blank line is
    # still the numbered title, whose line the dash did not fit on
    ["5. Bảo tồn thiên nhiên và đa dạng sinh học; phát triển kinh tế dựa trên các dịch vụ hệ\n",
     "sinh thái; quản lý, khai thác và sử dụng hiệu quả, tiết kiệm tài nguyên thiên nhiên tỉnh\n"],
])
def test_the_first_bullet_under_a_long_numbered_title_after_a_blank_line_is_a_bullet(heading):
    blocks = after_filler(*heading, "\n", "- Bảo vệ tốt diện tích rừng hiện có của tỉnh.\n")
    assert blocks[-2] == "".join(line.strip() + " " for line in heading if line.strip()).strip()
    assert blocks[-1] == "- Bảo vệ tốt diện tích rừng hiện có của tỉnh."


def test_a_bullet_whose_dash_ocr_read_as_an_underscore_is_a_bullet_before_a_garbled_word():
    # OCR of a scan reads a bullet's dash as "_" and garbles the word after it into lower case ("_ na dựng" for "-
    # Xây dựng"): "_" stands in no sentence, so it is never a dash carried over, and the line opens the first bullet
    # under the item's title (real case: CTr 31-CTr/TW, OCR)
    # (the title's last line runs to the wrap width: no dash would have fitted after it)
    title = ("6. Chủ động thích ứng với biến đổi khí hậu, giảm thiểu rủi ro thiên tai, nâng cao mức độ an\n"
             "toàn của người dân và nền kinh tế của các vùng trên cả nước theo kế hoạch phát triển kinh tế\n\n")
    blocks = after_filler(title, "_ na dựng, định kỳ cập nhật các kịch bản biến đổi khí hậu dài hạn.\n",
                          "- Hoàn thiện tiêu chuẩn, quy chuẩn kỹ thuật công trình.\n")
    assert blocks[-3].startswith("6. Chủ động") and blocks[-3].endswith("phát triển kinh tế")
    assert blocks[-2:] == ["_ na dựng, định kỳ cập nhật các kịch bản biến đổi khí hậu dài hạn.",
                           "- Hoàn thiện tiêu chuẩn, quy chuẩn kỹ thuật công trình."]
    # a dash that stands inside a sentence, carried over the same way before a word in lower case, stays in it
    blocks = after_filler(title, "- xã hội của từng vùng.\n")
    assert blocks[-1].endswith("phát triển kinh tế - xã hội của từng vùng.")
    assert parse_label("_ Xây dựng").kind == "dash"


def test_a_short_line_ending_with_a_dash_is_cut_inside_a_name_and_goes_on():
    # no paragraph ends with a dash: a short line ending with one (a centred title, a narrow column) is cut inside a
    # compound or a name, or inside a số hiệu after a glued hyphen, and the next line goes on with it even when it
    # opens with a capital
    blocks = after_filler("Sở Khoa học và Công nghệ, Sở Lao động -\n", "Thương binh và Xã hội tổ chức thực hiện.\n")
    assert blocks[-1] == "Sở Khoa học và Công nghệ, Sở Lao động - Thương binh và Xã hội tổ chức thực hiện."
    blocks = after_filler("Thực hiện Kết luận số 75-\n", "KL/TW của Bộ Chính trị.\n")
    assert blocks[-1] == "Thực hiện Kết luận số 75-KL/TW của Bộ Chính trị."
    # a page number between dashes stands alone, and so does a chapter's label with the dash before its title
    assert after_filler("Báo cáo kết quả về Sở Tài chính.\n", "- 2 -\n", "Các sở triển khai.\n")[-2:] == \
        ["- 2 -", "Các sở triển khai."]
    assert after_filler("Chương IV -\n", "CÔNG TRÌNH ĐẶC THÙ\n")[-2:] == ["Chương IV -", "CÔNG TRÌNH ĐẶC THÙ"]


def test_a_dash_carried_over_a_page_break_stays_in_its_sentence():
    blocks = after_filler("- Xây dựng kế hoạch phát triển các ngành kinh tế và thể thao của tỉnh, lĩnh vực Văn hóa\n",
                          "\n", "- Thể thao và Du lịch theo quy định.\n")
    assert blocks[-1] == "- Xây dựng kế hoạch phát triển các ngành kinh tế và thể thao của tỉnh, lĩnh vực Văn hóa " \
                         "- Thể thao và Du lịch theo quy định."


def test_a_dash_carried_over_a_page_break_in_a_numbered_items_sentence_stays_in_it():
    # the numbered paragraph above the blank line holds a finished sentence: it is no title, and a dash that did
    # not fit at the end of its full last line is the carried-over dash of "Văn hóa - Thể thao và Du lịch"
    blocks = after_filler("2. Các sở, ngành triển khai các nhiệm vụ được giao theo chức năng, nhiệm vụ của mình.\n",
                          "Sở Văn hóa phối hợp xây dựng kế hoạch phát triển các ngành kinh tế, lĩnh vực Văn hóa\n",
                          "\n", "- Thể thao và Du lịch theo quy định.\n")
    assert blocks[-1].endswith("lĩnh vực Văn hóa - Thể thao và Du lịch theo quy định.")
