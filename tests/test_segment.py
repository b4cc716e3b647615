"""segment: the seed pair against the gold, crafted documents in other layouts, the dev set."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from fixtures import COLLECTED_DECISION, PLAN_HEADER, SIGNATURE

from pipeline.ingest import from_string, read
from pipeline.model import Document, DoichieuError
from pipeline.normalize import normalize
from pipeline.segment import PowerTitles, _cues, _doc_type, _power_title, segment
from pipeline.vntext import fold, match_form

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CENTRAL = ROOT / "corpus" / "central" / "nq-23-NQ-CP-2022.md"
PROVINCIAL = ROOT / "corpus" / "provincial" / "kontum-implementing-nq23.txt"
GOLD = ROOT / "corpus" / "gold"


def parse_file(path: Path, role: str | None = None) -> Document:
    source = read(path)
    return segment(normalize(source), source, role=role)


def parse_text(text: str, kind: str = "txt", name: str = "<test>") -> Document:
    source = from_string(text, name=name, kind=kind)
    return segment(normalize(source), source)


def load_gold(name: str) -> dict:
    return yaml.safe_load((GOLD / name).read_text(encoding="utf-8"))


def anchors_of(gold: dict) -> dict[str, str]:
    return {t["id"]: fold(t["anchor"]) for t in gold["tasks"]}


def check_against_gold(doc: Document, gold: dict) -> None:
    """Every gold task is a predicted task with the same id holding its anchor and no other anchor;
    no predicted task is left without an anchor; the section ids are the gold's."""
    anchors = anchors_of(gold)
    predicted = {t.id: t for t in doc.tasks}
    assert sorted(predicted) == sorted(anchors)
    for task_id, anchor in anchors.items():
        text = fold(predicted[task_id].text)
        assert anchor in text, task_id
        others = [g for g, a in anchors.items() if g != task_id and a != anchor and a in text]
        assert not others, (task_id, others)
    assert sorted(s.id for s in doc.sections) == sorted(s["id"] for s in gold["sections"])


@pytest.fixture(scope="module")
def central() -> Document:
    return parse_file(CENTRAL, role="central")


@pytest.fixture(scope="module")
def provincial() -> Document:
    return parse_file(PROVINCIAL, role="provincial")


# --------------------------------------------------------------------------- the seed pair


def test_central_matches_gold(central):
    check_against_gold(central, load_gold("nq23.tasks.yaml"))


def test_provincial_matches_gold(provincial):
    check_against_gold(provincial, load_gold("kontum.tasks.yaml"))


def test_repaired_labels_keep_the_printed_label_and_raise_notices(central):
    assert central.section("III.3.đ").label.startswith("d)")
    assert central.task("III.4.đ").label == "d)"
    assert central.task("III.3.d").label.startswith("d)")
    repaired = [n for n in central.notices if n.code == "label-repaired"]
    assert [n.line for n in repaired] == [185, 205]
    assert all("đ)" in n.message for n in repaired)


def test_non_task_parts_hold_no_tasks(central):
    assert not central.section("I").holds_tasks and not central.section("II").holds_tasks
    assert central.section("III").holds_tasks and central.section("IV").holds_tasks
    assert not any(t.id.startswith(("I.", "II.")) for t in central.tasks)


def test_preamble_and_closing_are_not_tasks(central, provincial):
    for doc, preamble_start, closing_part in (
        (central, "Căn cứ Luật Biên giới quốc gia", "Ban Bí thư Trung ương Đảng"),
        (provincial, "Thực hiện Nghị quyết số 23/NQ-CP", "báo để các cơ quan, đơn vị, địa phương biết"),
    ):
        assert doc.preamble.startswith(preamble_start)
        assert closing_part in doc.closing
        assert "Nơi nhận" in doc.closing
        texts = " ".join(fold(t.text) for t in doc.tasks)
        assert fold(preamble_start) not in texts
        assert fold(closing_part) not in texts
        assert "nhu tren" not in texts


def test_central_meta(central):
    meta = central.meta
    assert (meta.number, meta.date, meta.doc_type, meta.place) == ("23/NQ-CP", "2022-03-02", "Nghị quyết", "Hà Nội")
    assert meta.title == "Về phát triển kinh tế khu vực biên giới đất liền"
    assert fold(meta.issuer) == "chinh phu"
    assert meta.signer == "Phạm Bình Minh"
    assert "Văn phòng Quốc hội" in meta.recipients
    assert central.id == "23-nq-cp"


def test_provincial_meta_without_header(provincial):
    meta = provincial.meta
    assert meta.number is None and meta.date is None
    assert meta.signer == "Nguyễn Ngọc Sâm"
    assert meta.signer_title == "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"


def test_task_text_is_own_text_in_source_wording(central, provincial):
    task = central.task("III.2.c")
    assert "phối hợp với với" in task.text
    bullet = central.task("III.1.a.1")
    assert bullet.text.startswith("Chủ trì, phối hợp") and bullet.parent == "III.1.a"
    split = provincial.task("1.c.1")
    assert "bồi dưỡng" in split.text
    assert "**" not in " ".join(t.text for t in central.tasks)
    heading_task = central.task("III.1.i")
    assert heading_task.text.endswith("khu chế xuất.")


def test_spans_point_into_the_source(central, provincial):
    for path, doc in ((CENTRAL, central), (PROVINCIAL, provincial)):
        text = read(path).text
        for task in doc.tasks:
            piece = fold(text[task.span.start:task.span.end])
            assert fold(task.text)[:40] in piece, task.id
            assert task.span.line <= task.span.end_line
        ids = [t.id for t in doc.tasks] + [s.id for s in doc.sections]
        assert len(ids) == len(set(ids))
    assert central.task("III.1.a.1").span.line == 87
    assert provincial.task("4.a.4").span.line == 169
    assert central.section("IV.1").span.line == 249


def test_sections_and_tasks_in_source_order(central):
    lines = [t.span.line for t in central.tasks]
    assert lines == sorted(lines)
    by_id = {s.id: s for s in central.sections}
    for task in central.tasks:
        assert task.parent in by_id


# --------------------------------------------------------------------------- crafted layouts

STATUTE = """CHÍNH PHỦ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/2030/NĐ-CP
Hà Nội, ngày 5 tháng 6 năm 2030
NGHỊ ĐỊNH
Quy định về quản lý thử nghiệm sản phẩm mới
Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;
Theo đề nghị của Bộ trưởng Bộ Khoa học và Công nghệ;
Chính phủ ban hành Nghị định quy định về quản lý thử nghiệm sản phẩm mới.
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định việc thử nghiệm sản phẩm mới.
Điều 2. Giải thích từ ngữ
1. Sản phẩm mới là sản phẩm lần đầu được đưa ra thị trường.
2. Thử nghiệm là việc đánh giá sản phẩm trong điều kiện thực tế.
Chương II
TỔ CHỨC THỰC HIỆN
Điều 3. Trách nhiệm của các bộ, ngành và địa phương
1. Bộ Khoa học và Công nghệ có trách nhiệm:
a) Ban hành hướng dẫn thử nghiệm sản phẩm mới;
b) Hướng dẫn, kiểm tra việc thử nghiệm;
c) Tổng hợp kết quả thử nghiệm hằng năm;
d) Tổ chức tuyên truyền, phổ biến pháp luật về thử nghiệm;
d) Hợp tác quốc tế về thử nghiệm sản phẩm mới.
2. Ủy ban nhân dân cấp tỉnh tổ chức thực hiện việc thử nghiệm trên địa bàn.
3. Kinh phí thực hiện được bảo đảm từ ngân sách nhà nước.
Điều 4. Hiệu lực thi hành
1. Nghị định này có hiệu lực thi hành kể từ ngày ký.
2. Các Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm thi hành Nghị định này./.
Nơi nhận:
- Ban Bí thư Trung ương Đảng;
- Lưu: VT, KGVX.
TM. CHÍNH PHỦ
THỦ TƯỚNG
Nguyễn Văn An
PHỤ LỤC
MẪU QUYẾT ĐỊNH PHÊ DUYỆT
Điều 1. Phê duyệt kế hoạch thử nghiệm của ……(1).
Điều 2. ……(1) có trách nhiệm thực hiện đúng kế hoạch đã được phê duyệt.
"""


def test_statute_layout():
    doc = parse_text(STATUTE)
    assert [t.id for t in doc.tasks] == ["3.1.a", "3.1.b", "3.1.c", "3.1.d", "3.1.đ", "3.2", "4.2"]
    assert doc.task("3.1.đ").label == "d)" and doc.task("3.1.đ").parent == "3.1"
    assert [n.line for n in doc.notices if n.code == "label-repaired"] == [26]
    sections = {s.id: s for s in doc.sections}
    assert sections["Chương.I"].title == "QUY ĐỊNH CHUNG" and sections["Chương.I"].kind == "chapter"
    assert not sections["1"].holds_tasks and not sections["2"].holds_tasks
    assert sections["3"].holds_tasks and sections["3"].parent == "Chương.II"
    assert sections["3.1"].kind == "clause" and sections["3.1"].title == "Bộ Khoa học và Công nghệ có trách nhiệm:"
    assert any(s.kind == "appendix" and not s.holds_tasks for s in doc.sections)
    assert not any("phe duyet ke hoach thu nghiem" in fold(t.text) for t in doc.tasks)
    meta = doc.meta
    assert (meta.number, meta.date, meta.doc_type) == ("12/2030/NĐ-CP", "2030-06-05", "Nghị định")
    assert meta.title == "Quy định về quản lý thử nghiệm sản phẩm mới"
    assert meta.signer == "Nguyễn Văn An" and meta.signer_title == "TM. CHÍNH PHỦ / THỦ TƯỚNG"
    assert doc.preamble.startswith("Căn cứ Luật Tổ chức Chính phủ")


PLAN = """ỦY BAN NHÂN DÂN
TỈNH AN GIANG

Số: 45/KH-UBND

An Giang, ngày 10 tháng 4 năm 2031

KẾ HOẠCH
Triển khai thực hiện Nghị quyết số 9/NQ-CP của Chính phủ

Thực hiện Nghị quyết số 9/NQ-CP ngày 01 tháng 02 năm 2031 của Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Triển khai kịp thời, đồng bộ các nhiệm vụ của Nghị quyết.
2. Yêu cầu
- Bám sát nội dung Nghị quyết.
- Phân công rõ cơ quan chủ trì.
II. NHIỆM VỤ, GIẢI PHÁP
1. Nhiệm vụ chung
1.1. Sở Tài chính chủ trì, phối hợp với các sở, ngành bố trí nguồn lực thực hiện.
1.2. Sở Xây dựng:
+ Rà soát quy hoạch xây dựng vùng biên giới;
+ Đề xuất danh mục công trình ưu tiên đầu tư.
2. Nhiệm vụ cụ thể
2.1. Ủy ban nhân dân các huyện triển khai thực hiện trên địa bàn.
2.1. Công an tỉnh bảo đảm an ninh trật tự trên địa bàn.
III. TỔ CHỨC THỰC HIỆN
Giao Sở Tài chính theo dõi, đôn đốc, tổng hợp kết quả thực hiện, báo cáo Ủy ban nhân dân tỉnh.

""" + SIGNATURE


def test_plan_with_multilevel_numbers_and_plus_bullets():
    doc = parse_text(PLAN)
    assert [t.id for t in doc.tasks] == ["II.1.1", "II.1.2.1", "II.1.2.2", "II.2.1", "II.2.2", "III"]
    assert doc.task("II.2.2").label == "2.1."
    assert any(n.code == "label-repaired" and n.line == 27 for n in doc.notices)
    assert doc.task("III").text.startswith("Giao Sở Tài chính")
    assert not doc.section("I").holds_tasks
    assert doc.section("II.1.2").title == "Sở Xây dựng:"
    assert doc.task("II.1.2.1").label == "+"
    meta = doc.meta
    assert meta.issuer == "ỦY BAN NHÂN DÂN TỈNH AN GIANG"
    assert (meta.doc_type, meta.number, meta.date, meta.place) == ("Kế hoạch", "45/KH-UBND", "2031-04-10", "An Giang")
    assert meta.title == "Triển khai thực hiện Nghị quyết số 9/NQ-CP của Chính phủ"


LETTER = """     ỦY B AN NHÂN D Â N            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
       TỈNH BÌNH ĐỊNH                  Độc lập - Tự do - Hạnh phúc

  Số: 123/UBND-KT                  Bình Định, ngày 3 tháng 5 năm 2032
V/v triển khai thực hiện Chỉ thị
  số 5/CT-TTg của Thủ tướng
        Chính phủ

          Kính gửi:
                   - Sở Công Thương;
                   - Sở Tài chính.

     Thực hiện Chỉ thị số 5/CT-TTg ngày 2 tháng 4 năm 2032 của Thủ tướng
Chính phủ về tăng cường quản lý thị trường, Chủ tịch Ủy ban nhân dân tỉnh có
ý kiến chỉ đạo như sau:
     1. Giao Sở Công Thương chủ trì, phối hợp với các cơ quan liên quan rà
soát, tổng hợp tình hình thực hiện trên địa bàn tỉnh, báo cáo Ủy ban nhân
dân tỉnh trước ngày 15 tháng 6 năm 2032; phối hợp với Sở Tài chính và Sở Xây
dựng đề xuất các giải pháp tháo gỡ khó khăn cho doanh nghiệp trong năm

                                                                          2

2032 và những năm tiếp theo.
     2. Sở Tài chính bố trí kinh phí thực hiện theo quy định của pháp luật về
ngân sách nhà nước; hướng dẫn các đơn vị lập dự toán, thanh quyết toán kinh
phí đúng quy định.
     Ủy ban nhân dân tỉnh yêu cầu các đơn vị nghiêm túc triển khai thực hiện./.
Nơi nhận:                                              KT. CHỦ TỊCH
- Như trên;                                            PHÓ CHỦ TỊCH
- Lưu: VT.

                                                       Trần Văn Bình
"""


def test_pdf_layout_letter_with_recipients_and_page_number():
    doc = parse_text(LETTER)
    assert [t.id for t in doc.tasks] == ["1", "2"]
    first = doc.task("1")
    assert "trong năm 2032 và những năm tiếp theo." in first.text
    assert first.span.line == 16 and first.span.end_line == 23
    meta = doc.meta
    assert meta.issuer == "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH"
    assert (meta.number, meta.date, meta.place, meta.doc_type) == ("123/UBND-KT", "2032-05-03", "Bình Định", "Công văn")
    assert meta.title == "V/v triển khai thực hiện Chỉ thị số 5/CT-TTg của Thủ tướng Chính phủ"
    assert meta.recipients[:2] == ["Sở Công Thương", "Sở Tài chính"]
    assert meta.signer == "Trần Văn Bình" and meta.signer_title == "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
    assert "nghiêm túc triển khai thực hiện./." in doc.closing
    assert doc.preamble.startswith("Thực hiện Chỉ thị số 5/CT-TTg")


DOCX_LETTER = """UỶ BAN NHÂN DÂN
TỈNH HÒA BÌNH |  | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số:             /UBND-KT |  |        Hòa Bình, ngày         tháng       năm 2033
V/v báo cáo tình hình thực hiện |  |

Kính gửi: |
- Sở Nội vụ;
- Sở Tư pháp.

Liên quan đến việc thực hiện Nghị định số 7/2033/NĐ-CP ngày 1/2/2033 của Chính phủ; Chủ tịch UBND tỉnh có ý kiến như sau:
Giao Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp rà soát, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/9/2033.
Đề nghị Sở Tư pháp hướng dẫn các xã, phường thực hiện thủ tục theo quy định.
Căn cứ ý kiến chỉ đạo trên, các đơn vị liên quan triển khai thực hiện./.

Nơi nhận:
- Như trên;
- Lưu: VT, KT. | KT. CHỦ TỊCH
PHÓ CHỦ TỊCH


Phạm Thị Hoa
"""


def test_docx_letter_with_table_header_and_unlabelled_tasks():
    doc = parse_text(DOCX_LETTER)
    assert [t.id for t in doc.tasks] == ["1", "2"]
    assert doc.task("1").text.startswith("Giao Sở Nội vụ")
    assert doc.task("2").text.startswith("Đề nghị Sở Tư pháp")
    meta = doc.meta
    assert meta.number is None and meta.date is None and meta.place == "Hòa Bình"
    assert meta.issuer == "UỶ BAN NHÂN DÂN TỈNH HÒA BÌNH"
    assert meta.recipients[:2] == ["Sở Nội vụ", "Sở Tư pháp"]
    assert meta.signer == "Phạm Thị Hoa"
    assert "Căn cứ ý kiến chỉ đạo trên" in doc.closing


MARKDOWN = """**BỘ CÔNG THƯƠNG**

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**

Số: 88/QĐ-BCT

# QUYẾT ĐỊNH

## I. MỤC TIÊU

1. Nâng cao năng lực quản lý.

## II. NHIỆM VỤ

#### **1. Hoàn thiện thể chế**

###### a) Vụ Pháp chế

- Rà soát văn bản quy phạm pháp luật;

- Đề xuất sửa đổi, bổ sung

các quy định không còn phù hợp.

**b) Cục Hóa chất chủ trì xây dựng cơ sở dữ liệu.**

## 2. Tổ chức thực hiện

Các đơn vị triển khai thực hiện nghiêm túc Quyết định này./.
"""


def test_markdown_depths_are_not_hierarchy():
    doc = parse_text(MARKDOWN, kind="md")
    assert [t.id for t in doc.tasks] == ["II.1.a.1", "II.1.a.2", "II.1.b", "II.2"]
    assert doc.task("II.1.a.2").text == "Đề xuất sửa đổi, bổ sung các quy định không còn phù hợp."
    assert doc.task("II.1.b").text == "Cục Hóa chất chủ trì xây dựng cơ sở dữ liệu."
    assert doc.section("II.1").title == "Hoàn thiện thể chế"
    assert doc.meta.doc_type == "Quyết định" and doc.meta.number == "88/QĐ-BCT"


def test_empty_or_structureless_input_is_refused():
    with pytest.raises(DoichieuError, match="không có chữ"):
        segment([], from_string(" ", name="empty.txt"))
    source = from_string("Một đoạn văn không có cấu trúc nào cả.\nDòng thứ hai của đoạn văn ấy.", name="plain.txt")
    with pytest.raises(DoichieuError, match="plain.txt: không tìm thấy cấu trúc văn bản"):
        segment(normalize(source), source)


# --------------------------------------------------------------------------- dev set (../shared)

DEVSET = SHARED / "devset"
DEV_DOCS = {
    "nd25.tasks.yaml": "central-25-2026-ND-CP.txt",
    "nd181.tasks.yaml": "central-181-2024-ND-CP.txt",
    "laocai-sct.tasks.yaml": "laocai-SCT-CN-2026-01-trien-khai-ND25-hoa-chat-DU-THAO.txt",
    "laocai-cv.tasks.yaml": "laocai-UBND-KT-2025-giao-SCT-tham-muu-uy-quyen-VLNCN.txt",
    "laocai-qd1883.tasks.yaml": "laocai-QD-1883-UBND-2025-uy-quyen-VLNCN-DU-THAO.txt",
}


def segmentation_scores(doc: Document, gold: dict) -> tuple[float, float]:
    """(precision, recall) as the referee counts them: recall = gold anchors held cleanly by the shortest
    holder; precision = predicted tasks holding exactly one distinct anchor."""
    anchors = anchors_of(gold)
    texts = [fold(t.text) for t in doc.tasks]
    distinct = set(anchors.values())
    clean = 0
    groups: dict[str, list[str]] = {}
    for gid, anchor in anchors.items():
        groups.setdefault(anchor, []).append(gid)
    for anchor, gids in groups.items():
        holders = sorted((len(x), i) for i, x in enumerate(texts) if anchor in x)[: len(gids)]
        for _, index in holders:
            if not [a for a in distinct if a != anchor and a in texts[index]]:
                clean += 1
    exact = sum(1 for x in texts if sum(a in x for a in distinct) == 1)
    return exact / max(len(texts), 1), clean / len(anchors)


@pytest.mark.parametrize("gold_name", sorted(DEV_DOCS))
def test_devset_segmentation(gold_name):
    if not (DEVSET / "raw").exists():
        pytest.skip("../shared/devset is not beside this checkout")
    gold = yaml.safe_load((DEVSET / "gold" / gold_name).read_text(encoding="utf-8"))
    doc = parse_file(DEVSET / "raw" / DEV_DOCS[gold_name])
    precision, recall = segmentation_scores(doc, gold)
    assert precision == 1.0
    # decrees: a few clauses are annotated only because a provincial task carries them out
    assert recall >= (0.9 if gold_name.startswith("nd") else 1.0)


def test_devset_decree_appendix_forms_are_not_tasks():
    path = DEVSET / "raw" / "central-25-2026-ND-CP.txt"
    if not path.exists():
        pytest.skip("../shared/devset is not beside this checkout")
    doc = parse_file(path)
    assert max(t.span.line for t in doc.tasks) < 500
    assert doc.meta.number == "25/2026/NĐ-CP" and doc.meta.signer == "Bùi Thanh Sơn"


DECISION_WITH_PLAN = """BỘ CÔNG THƯƠNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 77/QĐ-BCT
Hà Nội, ngày 9 tháng 3 năm 2034
QUYẾT ĐỊNH
Ban hành Kế hoạch thực hiện Nghị định số 25/2026/NĐ-CP
BỘ TRƯỞNG BỘ CÔNG THƯƠNG
Căn cứ Nghị định số 25/2026/NĐ-CP ngày 17 tháng 01 năm 2026 của Chính phủ;
Theo đề nghị của Cục trưởng Cục Hóa chất.
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Nghị định số 25/2026/NĐ-CP.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.
Điều 3. Chánh Văn phòng Bộ, Cục trưởng Cục Hóa chất và Thủ trưởng các đơn vị liên quan chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như Điều 3;
- Lưu: VT, HC.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Trương Thanh Hoài
BỘ CÔNG THƯƠNG
KẾ HOẠCH
Thực hiện Nghị định số 25/2026/NĐ-CP
(Ban hành kèm theo Quyết định số 77/QĐ-BCT ngày 9 tháng 3 năm 2034 của Bộ trưởng Bộ Công Thương)
I. MỤC ĐÍCH, YÊU CẦU
1. Triển khai kịp thời Nghị định.
II. NHIỆM VỤ
1. Cục Hóa chất chủ trì xây dựng cơ sở dữ liệu chuyên ngành hóa chất.
2. Vụ Pháp chế rà soát văn bản quy phạm pháp luật liên quan.
PHỤ LỤC
Mẫu số 01
Điều 1. Phê duyệt kế hoạch của ……(1).
"""


def test_decision_with_an_attached_plan():
    doc = parse_text(DECISION_WITH_PLAN)
    assert [t.id for t in doc.tasks] == ["3", "II.1", "II.2"]
    assert doc.meta.number == "77/QĐ-BCT" and doc.meta.signer == "Trương Thanh Hoài"
    assert not doc.section("I").holds_tasks
    assert "Ban hành kèm theo Quyết định số 77/QĐ-BCT" in doc.preamble
    assert any(s.kind == "appendix" for s in doc.sections)


def test_a_party_letter_with_its_first_addressee_on_the_kinh_gui_line():
    # real case: Lào Cai CV 2449-CV/ĐU 2026: star under the issuer, lower-case trích yếu, "Kính gửi: - A," then "- B"
    doc = parse_text("     ĐẢNG BỘ TỈNH HÀ NAM                     ĐẢNG CỘNG SẢN VIỆT NAM\n"
                     " ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH\n"
                     "                                          Hà Nam, ngày 07 tháng 9 năm 2035\n"
                     "               *\n"
                     "         Số 12 -CV/ĐU\n"
                     "về việc triển khai Chương trình hành động\n"
                     "số 10-CTr/TU của Tỉnh ủy\n\n"
                     "            Kính gửi: - Ủy ban nhân dân tỉnh,\n"
                     "                      - Các chi bộ, đảng bộ cơ sở.\n\n"
                     "1. Ủy ban nhân dân tỉnh chỉ đạo các sở xây dựng kế hoạch thực hiện Chương trình.\n" + SIGNATURE)
    meta = doc.meta
    assert (meta.number, meta.doc_type, meta.date) == ("12-CV/ĐU", "Công văn", "2035-09-07")
    assert meta.title.startswith("về việc triển khai Chương trình hành động")
    assert meta.recipients[:2] == ["Ủy ban nhân dân tỉnh", "Các chi bộ, đảng bộ cơ sở"]
    assert [t.label for t in doc.tasks] == ["1."]


def test_markdown_notes_and_a_part_heading_above_the_header_block_are_skipped():
    # real case: Lào Cai QĐ 3556/QĐ-UBND 2026 as collected: a "#" note and "## PHẦN 1 — QUYẾT ĐỊNH" above the header
    doc = parse_text(COLLECTED_DECISION)
    meta = doc.meta
    assert (meta.doc_type, meta.number, meta.date) == ("Quyết định", "12/QĐ-UBND", "2035-03-05")
    assert meta.issuer == "ỦY BAN NHÂN DÂN TỈNH HÀ NAM"
    assert meta.title == "Ban hành Quy chế quản lý dữ liệu môi trường tỉnh Hà Nam"
    assert [t.label for t in doc.tasks] == ["Điều 2."]


def test_the_documents_a_clause_repeals_are_no_tasks():
    # real case: Lào Cai QĐ 3556/QĐ-UBND 2026, Điều 2.2 "Bãi bỏ các Quyết định sau đây: a) Quyết định số … b) …"
    doc = parse_text("ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: 15/QĐ-UBND\nHà Nam, ngày 3 tháng 3 năm 2035\nQUYẾT ĐỊNH\n"
                     "Ban hành Quy chế quản lý dữ liệu\nQUYẾT ĐỊNH:\n"
                     "Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý dữ liệu.\n"
                     "Điều 2. Điều khoản thi hành\n1. Quyết định này có hiệu lực kể từ ngày ký.\n"
                     "2. Bãi bỏ các Quyết định sau đây:\n"
                     "a) Quyết định số 23/2031/QĐ-UBND ngày 28 tháng 7 năm 2031 của Ủy ban nhân dân tỉnh;\n"
                     "b) Quyết định số 44/2033/QĐ-UBND ngày 11 tháng 8 năm 2033 của Ủy ban nhân dân tỉnh.\n"
                     "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nông nghiệp và Môi trường chịu trách "
                     "nhiệm thi hành Quyết định này./.\n" + SIGNATURE)
    assert [t.id for t in doc.tasks] == ["3"]


def test_a_recipients_list_flattened_into_one_table_cell_is_split():
    # real cases: CT 13/CT-TTg 2024 and KH 09/KH-BTNMT 2024 rendered to Markdown: the whole "Nơi nhận" list in the
    # cell beside the signature
    doc = parse_text(PLAN_HEADER + "1. Sở Công Thương chủ trì thực hiện.\n"
                     "| *Nơi nhận:* - Bộ Công Thương (để báo cáo); - Các sở: CT, TC; - Lưu: VT, KT. | "
                     "KT. CHỦ TỊCH PHÓ CHỦ TỊCH     Lê Văn Bình |\n| --- | --- |\n", kind="md")
    assert doc.meta.recipients == ["Bộ Công Thương (để báo cáo)", "Các sở: CT, TC", "Lưu: VT, KT"]
    assert doc.meta.signer == "Lê Văn Bình"


GUIDANCE = ("BỘ CÔNG AN - BỘ Y TẾ\nSố: 7/HDLN-BCA-BYT\nHà Nội, ngày 3 tháng 3 năm 2035\nHƯỚNG DẪN LIÊN NGÀNH\n"
            "Về việc xử lý hành vi vi phạm liên quan đến khí X\n"
            "Bộ Công an, Bộ Y tế thống nhất hướng dẫn như sau:\n"
            "1. Khí X tên hóa học là Dinitơ Y, thường gọi là khí vui, gây hại cho sức khỏe khi hít qua đường hô hấp.\n"
            "Việc buôn bán, tàng trữ khí X để hít ngoài mục đích y tế là hành vi bị nghiêm cấm. Các hành vi nêu trên "
            "được xem xét xử lý về Tội buôn bán hàng cấm theo Điều 190 Bộ luật Hình sự.\n"
            "2. Việc định giá khí X cần tuân thủ các quy định tại Điều 20 Nghị định số 25/2035/NĐ-CP.\n"
            "3. Việc kiểm tra được thực hiện theo quy định. Tăng cường tuyên truyền tác hại của khí X.\n"
            "4. Tổ chức thực hiện\n"
            "Bộ Công an, Bộ Y tế có trách nhiệm chỉ đạo thực hiện Hướng dẫn này./.\n" + SIGNATURE)


def test_items_of_a_guidance_that_only_state_the_law_are_no_tasks():
    # real case: HDLN 24/HDLN-BCA-… 2026: items 1 and 2 say what the law provides (a definition, "… là hành vi bị
    # nghiêm cấm", "… cần tuân thủ các quy định …"); item 3 also asks for work in a sentence of its own
    doc = parse_text(GUIDANCE)
    assert [t.id for t in doc.tasks] == ["3", "4"]


def test_recipients_with_a_misprinted_colon_or_a_lost_dash():
    # real case: HDLN 24/HDLN-BCA-… 2026: "- Bộ Y tế:" (a colon for the semicolon) and "Bộ Tài chính;" printed
    # without its dash after a signer's name set among the items
    doc = parse_text(PLAN_HEADER + "1. Sở Công Thương chủ trì thực hiện.\n"
                     "Nơi nhận:\n- Bộ Nội vụ;\nPhạm Văn Hòa\n- Bộ Y tế:\n- Bộ Xây dựng;\nBộ Tài chính;\n"
                     "Lê Văn Bình\n- Lưu: VT.\n")
    assert doc.meta.recipients == ["Bộ Nội vụ", "Bộ Y tế", "Bộ Xây dựng", "Bộ Tài chính", "Lưu: VT"]


def test_markdown_star_bullets_and_a_clause_about_nơi_nhận_hồ_sơ():
    doc = parse_text("1. Sở Tư pháp\n\n* Rà soát văn bản;\n\n* Nơi nhận hồ sơ: Sở Tư pháp tiếp nhận hồ sơ.\n\n"
                     "Nơi nhận:\n- Lưu: VT.\n", kind="md")
    assert [(t.id, t.label) for t in doc.tasks] == [("1.1", "*"), ("1.2", "*")]
    assert doc.meta.recipients == ["Lưu: VT"]


def test_devset_pdf_letter():
    path = DEVSET / "pdf" / "CV-UBND-tinh-chi-dao-quan-ly-giam-sat-VLNCN.pdf"
    if not path.exists():
        pytest.skip("../shared/devset is not beside this checkout")
    doc = parse_file(path)
    ids = [t.id for t in doc.tasks]
    assert ids[:5] == ["1.a", "1.b", "1.c", "1.d", "1.đ"] and ids[-1] == "6.k" and len(ids) == 27
    assert [s.id for s in doc.sections] == ["1", "2", "3", "4", "5", "6"]
    assert doc.preamble.startswith("Công tác quản lý nhà nước về vật liệu nổ công nghiệp")
    assert doc.meta.recipients[0].endswith("Ban Chỉ huy Bộ đội Biên phòng tỉnh")
    assert doc.meta.signer == "Nguyễn Thành Sinh" and doc.meta.issuer.endswith("TỈNH LÀO CAI")
    assert doc.task("1.d").span.page == 2
    assert doc.task("6.k").text.endswith("của Bộ Công Thương.")
    assert "Căn cứ ý kiến chỉ đạo trên" in doc.closing


def test_devset_pdf_letter_reporting_then_requesting():
    path = DEVSET / "pdf" / "CV-3686-UBND-XD-kien-nghi-BXD-PCCC-VLNCN.pdf"
    if not path.exists():
        pytest.skip("../shared/devset is not beside this checkout")
    doc = parse_file(path)
    # items 1 (the rules and the situation) and 2 (the difficulties) report; item 3 and the closing ask
    assert [t.id for t in doc.tasks] == ["3.i", "3.ii", "3.iii", "closing"]


def test_devset_pdf_with_several_signers():
    path = DEVSET / "pdf" / "Huong-dan-lien-nganh-24-N2O.pdf"
    if not path.exists():
        pytest.skip("../shared/devset is not beside this checkout")
    doc = parse_file(path)
    # items 1 and 2 only state the law (test_items_of_a_guidance_that_only_state_the_law_are_no_tasks)
    assert [t.id for t in doc.tasks] == ["3"]
    assert "Bộ Tài chính" in doc.meta.recipients and "Bộ Y tế" in doc.meta.recipients
    assert "THỨ TRƯỞNG" not in doc.task("3").text and "THỨ TRƯỞNG" in doc.closing
    assert doc.meta.number.startswith("24/HDLN-")


PLAN_WITH_TASK_TABLE = """ỦY BAN NHÂN DÂN
THÀNH PHỐ HẢI PHÒNG
Số: 15/KH-UBND
KẾ HOẠCH
Thực hiện Chỉ thị số 5/CT-TTg
Thực hiện Chỉ thị số 5/CT-TTg ngày 2 tháng 1 năm 2033 của Thủ tướng Chính phủ, Ủy ban nhân dân thành phố ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Bám sát nội dung Chỉ thị.
II. NHIỆM VỤ
Các nhiệm vụ cụ thể tại Phụ lục kèm theo.
III. TỔ CHỨC THỰC HIỆN
Sở Kế hoạch và Đầu tư theo dõi, tổng hợp kết quả thực hiện, báo cáo Ủy ban nhân dân thành phố.
Nơi nhận:
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Cường
PHỤ LỤC
DANH MỤC NHIỆM VỤ
STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành
I | Nhóm nhiệm vụ về thể chế |  |  |
1 | Rà soát quy định về quản lý cảng biển | Sở Giao thông vận tải | Sở Tư pháp | Quý II/2033
2 | Xây dựng cơ sở dữ liệu | Sở Thông tin và Truyền thông |  | Năm 2033
II | Nhóm nhiệm vụ về đầu tư |  |  |
1 | Bố trí vốn đầu tư công | Sở Kế hoạch và Đầu tư | Sở Tài chính | Hằng năm
"""


def test_table_of_tasks_in_an_appendix():
    doc = parse_text(PLAN_WITH_TASK_TABLE)
    assert [t.id for t in doc.tasks] == ["III", "Bảng.1.I.1", "Bảng.1.I.2", "Bảng.1.II.1"]
    row = doc.task("Bảng.1.I.1")
    assert row.text == ("Rà soát quy định về quản lý cảng biển (Cơ quan chủ trì: Sở Giao thông vận tải; "
                        "Cơ quan phối hợp: Sở Tư pháp; Thời gian hoàn thành: Quý II/2033)")
    assert row.parent == "Bảng.1.I" and row.span.line == 22
    assert doc.section("Bảng.1").title == "DANH MỤC NHIỆM VỤ"


def test_numbered_rows_with_lettered_sub_rows_head_them_in_a_task_table():
    # a ministry's implementation plan: numbered activity groups, lettered activities with their own cells;
    # a sub-row with an empty cell takes the numbered row's (real case: QĐ 2200/QĐ-BNNMT 2026, Phụ lục)
    table = PLAN_WITH_TASK_TABLE.split("STT |")[0] + (
        "STT | Nội dung hoạt động | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện\n"
        "1 | Tuyên truyền, phổ biến Nghị định | Cục Lâm nghiệp |  | Quý III/2033\n"
        "a) | Tổ chức hội nghị phổ biến Nghị định | Cục Lâm nghiệp | Vụ Pháp chế | \n"
        "b) | Tổ chức hội thảo chuyên đề | Sở Nông nghiệp và Môi trường |  | Quý IV/2033\n"
        "kết quả giảm phát thải (the rest of a cell, carried to a row of its own) |  |  | \n"
        "2 | Theo dõi thi hành pháp luật | Cục Lâm nghiệp | Vụ Pháp chế | Thường xuyên\n"
        "3 | Xây dựng cơ sở dữ liệu |  |  | \n"
        "3.1 | Thiết kế cơ sở dữ liệu | Cục Chuyển đổi số |  | Năm 2034\n")
    doc = parse_text(table)
    assert [t.id for t in doc.tasks] == ["III", "Bảng.1.1.a", "Bảng.1.1.b", "Bảng.1.2", "Bảng.1.3.1"]
    assert doc.section("Bảng.1.1").title == "Tuyên truyền, phổ biến Nghị định"
    assert doc.task("Bảng.1.1.a").parent == "Bảng.1.1" and doc.task("Bảng.1.3.1").parent == "Bảng.1.3"
    assert doc.task("Bảng.1.1.a").text == ("Tổ chức hội nghị phổ biến Nghị định (Cơ quan chủ trì: Cục Lâm nghiệp; "
                                           "Cơ quan phối hợp: Vụ Pháp chế; Thời gian thực hiện: Quý III/2033)")
    assert doc.task("Bảng.1.1.b").text.endswith("(Cơ quan chủ trì: Sở Nông nghiệp và Môi trường; "
                                                "Thời gian thực hiện: Quý IV/2033)")
    assert doc.task("Bảng.1.2").parent == "Bảng.1"
    # a group row ends what the numbered row before it lends
    grouped = parse_text(PLAN_WITH_TASK_TABLE.split("STT |")[0] + (
        "STT | Nội dung hoạt động | Cơ quan chủ trì | Thời gian thực hiện\n"
        "I | Nhóm một |  | \n1 | Tuyên truyền | Cục Lâm nghiệp | Quý III/2033\na) | Tổ chức hội nghị |  | \n"
        "II | Nhóm hai |  | \na) | Khảo sát doanh nghiệp |  | \n"))
    assert [(t.id, t.text) for t in grouped.tasks if t.id.startswith("Bảng")] == [
        ("Bảng.1.I.1.a", "Tổ chức hội nghị (Cơ quan chủ trì: Cục Lâm nghiệp; Thời gian thực hiện: Quý III/2033)"),
        ("Bảng.1.II.a", "Khảo sát doanh nghiệp")]


def test_a_task_table_flattened_one_cell_a_line_gives_the_tasks_of_its_rows():
    # the appendix table of PLAN_WITH_TASK_TABLE as a PDF converter flattens it (real case: QĐ 2200/QĐ-BNNMT
    # 2026): the header a Markdown row with its last heading below it, each row's mark and cells one a line, an
    # empty cell printing nothing, row I.1 cut by a page break (the rest of its task and lead cells below)
    front = PLAN_WITH_TASK_TABLE.split("STT |")[0]
    flat = front + (
        "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp |\n| --- | --- | --- | --- |\n"
        "Thời gian hoàn thành\n"
        "I\nNhóm nhiệm vụ về thể chế\n"
        "1\nRà soát quy định về quản lý\nSở Giao thông\nSở Tư pháp\nQuý II/2033\ncảng biển\nvận tải\n"
        "2\nXây dựng cơ sở dữ liệu\nSở Thông tin và Truyền thông\n\nNăm 2033\n"
        "II\nNhóm nhiệm vụ về đầu tư\n"
        "1\nBố trí vốn đầu tư công\nSở Kế hoạch và Đầu tư\nSở Tài chính\nHằng năm\n")
    doc, printed = parse_text(flat), parse_text(PLAN_WITH_TASK_TABLE)
    assert [t.id for t in doc.tasks] == ["III", "Bảng.1.I.1", "Bảng.1.I.2", "Bảng.1.II.1"]
    assert [t.text for t in doc.tasks if t.id != "Bảng.1.I.2"] == [
        t.text for t in printed.tasks if t.id != "Bảng.1.I.2"]
    # (the empty partners cell of row 2 printed nothing: the deadline stands in its place)
    assert doc.task("Bảng.1.I.2").text.startswith("Xây dựng cơ sở dữ liệu (Cơ quan chủ trì: Sở Thông tin")
    assert doc.section("Bảng.1").title == "DANH MỤC NHIỆM VỤ" and doc.section("Bảng.1.II").kind == "group"


def test_a_body_item_restated_by_a_task_table_row_stays_a_task_beside_the_row():
    # a ministry's plan lists its activities in its body and again, with who does them, in its appendix
    # table (real case: QĐ 2200/QĐ-BNNMT 2026): both are printed assignments and both are tasks, as a gold
    # annotation following the conventions has them (every printed item; a hand-made gold of KH 09/KH-BTNMT
    # kept both); a central task they both carry out takes two links
    body = PLAN_WITH_TASK_TABLE.split("III. TỔ CHỨC THỰC HIỆN")[0].split("II. NHIỆM VỤ")[0] + (
        "II. NỘI DUNG TRIỂN KHAI\n"
        "1. Tuyên truyền, phổ biến Nghị định\n"
        "a) Tổ chức hội nghị phổ biến, triển khai nội dung của Nghị định đến các cơ quan ở trung ương, địa phương.\n"
        "2. Xây dựng cơ sở dữ liệu về kiểm kê khí nhà kính lĩnh vực lâm nghiệp.\n")
    table = ("PHỤ LỤC\nSTT | Nội dung hoạt động | Cơ quan chủ trì | Thời gian thực hiện\n"
             "1 | Tổ chức hội nghị phổ biến, triển khai Nghị định đến các cơ quan ở trung ương, địa phương. | "
             "Cục Lâm nghiệp | Quý III/2033\n"
             "2 | Xây dựng cơ sở dữ liệu kiểm kê khí nhà kính lĩnh vực lâm nghiệp. | Cục Lâm nghiệp | Năm 2034\n")
    doc = parse_text(body + "Nơi nhận:\n- Lưu: VT.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Văn A\n" + table)
    assert [t.id for t in doc.tasks] == ["II.1.a", "II.2", "Bảng.1.1", "Bảng.1.2"]
    assert not [n for n in doc.notices if n.code == "restated-in-table"]


def test_lower_case_roman_numerals_in_parentheses_open_points():
    # a province's requests to a ministry as "(i). …", "(ii). …" lines (real case: Lào Cai CV 3686/UBND-XD 2025);
    # lettered points in parentheses stay letters
    text = ("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 36/UBND-XD\nV/v kiến nghị\nKính gửi: Bộ Xây dựng\n"
            "1. Kiến nghị\nỦy ban nhân dân tỉnh trân trọng đề nghị Bộ Xây dựng:\n"
            "(i). Chỉ đạo Cục Đăng kiểm Việt Nam ban hành văn bản hướng dẫn.\n"
            "(ii). Sớm sửa đổi quy chuẩn kỹ thuật quốc gia.\n(iii). Chỉ đạo kiểm tra phương tiện.\n"
            "2. Đề nghị các sở:\n(a) Rà soát hồ sơ;\n(b) Báo cáo kết quả.\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A\n")
    doc = parse_text(text)
    assert [t.id for t in doc.tasks] == ["1.i", "1.ii", "1.iii", "2.a", "2.b"]
    assert doc.task("1.ii").text == "Sớm sửa đổi quy chuẩn kỹ thuật quốc gia."
    # they are checked in sequence as the other labels are: "(ii)" printed twice, the second reads "(iii)"
    repeated = parse_text(text.replace("(iii). Chỉ đạo", "(ii). Chỉ đạo"))
    assert [t.id for t in repeated.tasks][:3] == ["1.i", "1.ii", "1.iii"]
    assert any("'(ii)" in n.message and "'(iii)" in n.message for n in repeated.notices)


def test_issuer_is_the_top_left_unit_not_the_authority_line():
    assert parse_text(DECISION_WITH_PLAN).meta.issuer == "BỘ CÔNG THƯƠNG"
    assert parse_text(STATUTE).meta.issuer == "CHÍNH PHỦ"


def test_unlabelled_markdown_subheadings_do_not_join_the_bullet_above():
    doc = parse_text("## I. NHIỆM VỤ\n\n### Nhiệm vụ chung\n\n- Rà soát quy hoạch;\n\n- Báo cáo kết quả.\n\n"
                     "### Nhiệm vụ cụ thể\n\n- Xây dựng cơ sở dữ liệu.\n\nNơi nhận:\n- Lưu: VT.\n", kind="md")
    assert [(t.id, t.text) for t in doc.tasks] == [
        ("I.1", "Rà soát quy hoạch;"), ("I.2", "Báo cáo kết quả."), ("I.3", "Xây dựng cơ sở dữ liệu.")]
    assert doc.section("I").intro == "Nhiệm vụ chung\nNhiệm vụ cụ thể"


DECREE_WITH_DUTIES = """CHÍNH PHỦ
Số: 40/2031/NĐ-CP
NGHỊ ĐỊNH
Quy định về an toàn kho chứa sản phẩm thử nghiệm
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định về an toàn kho chứa sản phẩm thử nghiệm.
Điều 2. Kho chứa
1. Hồ sơ đề nghị cấp phép kho chứa gồm đơn đề nghị và bản vẽ mặt bằng.
2. Tổ chức, cá nhân có kho chứa có trách nhiệm kiểm định thiết bị phòng cháy của kho mỗi năm một lần.
3. Chủ đầu tư dự án kho chứa phải lập phương án ứng phó sự cố nếu thuộc một trong các trường hợp sau:
a) Kho có sức chứa từ 100 tấn trở lên;
b) Kho nằm trong khu dân cư.
Điều 3. Trách nhiệm thi hành
1. Bộ Khoa học và Công nghệ hướng dẫn thi hành Nghị định này.
2. Ủy ban nhân dân cấp tỉnh kiểm tra việc thực hiện Nghị định này trên địa bàn.
"""


def test_statute_duties_outside_task_articles_are_provisions_not_tasks():
    doc = parse_text(DECREE_WITH_DUTIES)
    assert [t.id for t in doc.tasks] == ["3.1", "3.2"]
    # a duty of regulated parties, and a duty whose points are only its cases; a dossier list is neither
    assert [p.id for p in doc.provisions] == ["2.2", "2.3"]
    assert doc.provisions[1].text.startswith("Chủ đầu tư dự án kho chứa phải lập phương án")
    assert "2.3.a" not in {s.id for s in doc.sections} | {p.id for p in doc.provisions}


DECREE_WITH_ACTING_BODIES = """CHÍNH PHỦ
Số: 41/2031/NĐ-CP
NGHỊ ĐỊNH
Quy định về dịch vụ hấp thụ các-bon của rừng trồng thử nghiệm
Điều 1. Đối tượng áp dụng
1. Cơ quan nhà nước, tổ chức, cá nhân có liên quan đến hoạt động trồng rừng thử nghiệm.
Điều 2. Hợp đồng dịch vụ
1. Ủy ban nhân dân cấp tỉnh ký hợp đồng dịch vụ đối với rừng do cơ quan chuyên môn cấp tỉnh quản lý.
2. Hợp đồng dịch vụ gồm giá, số lượng và thời hạn thanh toán.
3. Tổ chức, cá nhân có rừng trồng có trách nhiệm báo cáo diện tích rừng mỗi năm một lần.
Điều 3. Trách nhiệm thi hành
Bộ trưởng, Chủ tịch Ủy ban nhân dân cấp tỉnh chịu trách nhiệm thi hành Nghị định này.
"""


def test_statute_clauses_without_a_duty_word_are_handed_to_extract():
    # which of them puts work on a body only extract's grammar of agencies can read ("Ủy ban nhân dân cấp tỉnh ký
    # hợp đồng …", real case: NĐ 180/2026/NĐ-CP 13.1.b); the scope article's clauses name bodies only to say whom
    # the decree concerns, so none of them is handed over
    doc = parse_text(DECREE_WITH_ACTING_BODIES)
    assert [p.id for p in doc.provisions] == ["2.3"]
    assert [c.id for c in doc.other_clauses] == ["2.1", "2.2"]
    assert doc.other_clauses[0].text.startswith("Ủy ban nhân dân cấp tỉnh ký hợp đồng")
    # a duty word in a scope article makes no provision either
    scoped = parse_text(DECREE_WITH_ACTING_BODIES.replace("có liên quan đến hoạt động", "có trách nhiệm"))
    assert [p.id for p in scoped.provisions] == ["2.3"]


def test_the_points_of_a_clause_ending_with_its_duty_word_are_provisions():
    # real case: NĐ 181/2024/NĐ-CP 13.1 ('Tổ chức, doanh nghiệp quản lý tiền chất thuốc nổ có trách nhiệm:' / 'a)
    # Biên soạn tài liệu …', 'b) Lựa chọn người huấn luyện …' …, one point with a duty word of its own): each
    # point is the rest of the sentence, one duty; the clause is their heading. A clause whose points are only
    # its cases stays one provision (2.3 of DECREE_WITH_DUTIES).
    doc = parse_text(DECREE_WITH_DUTIES.replace(
        "2. Tổ chức, cá nhân có kho chứa có trách nhiệm kiểm định thiết bị phòng cháy của kho mỗi năm một lần.\n",
        "2. Tổ chức, cá nhân có kho chứa có trách nhiệm:\na) Kiểm định thiết bị phòng cháy của kho mỗi năm một lần;\n"
        "b) Lập sổ theo dõi hàng nhập, xuất kho;\nc) Phải báo cáo sự cố trong 24 giờ.\n"))
    assert [p.id for p in doc.provisions] == ["2.2.a", "2.2.b", "2.2.c", "2.3"]
    assert doc.section("2.2").title == "Tổ chức, cá nhân có kho chứa có trách nhiệm:"


def test_the_points_of_a_clause_ending_with_its_duty_word_without_a_colon_are_provisions():
    # real case: NĐ 181/2024/NĐ-CP 8.1, 8.2 ('Cơ quan có thẩm quyền quy định tại Điều 6 Nghị định này có trách nhiệm' /
    # 'a) Biên soạn tài liệu …', no colon), 16.3 ('… phải' / 'a) Xây dựng và ban hành nội quy …'): no sentence ends
    # with its duty word, the points are the duties; they are led by the clause's subject, also the one asking
    # ('c) Đề nghị cơ quan có thẩm quyền … huấn luyện …': the holder asks)
    from pipeline.extract import extract

    doc = extract(parse_text(DECREE_WITH_DUTIES.replace(
        "2. Tổ chức, cá nhân có kho chứa có trách nhiệm kiểm định thiết bị phòng cháy của kho mỗi năm một lần.\n",
        "2. Tổ chức, cá nhân có kho chứa có trách nhiệm\na) Kiểm định thiết bị phòng cháy của kho mỗi năm một lần;\n"
        "b) Lập sổ theo dõi hàng nhập, xuất kho;\nc) Đề nghị cơ quan cảnh sát phòng cháy kiểm tra kho.\n")))
    assert [p.id for p in doc.provisions] == ["2.2.a", "2.2.b", "2.2.c", "2.3"]
    assert {p.id: [m.text for m in p.leads] for p in doc.provisions if p.id.startswith("2.2")} == {
        k: ["Tổ chức, cá nhân có kho chứa"] for k in ("2.2.a", "2.2.b", "2.2.c")}


@pytest.mark.parametrize("title, hands_over", [
    ("Thẩm quyền của Ủy ban nhân dân cấp huyện chuyển giao cho Chủ tịch Ủy ban nhân dân cấp xã", True),
    ("Thẩm quyền của Thủ tướng Chính phủ quy định tại khoản 2 Điều 5 do Ủy ban nhân dân cấp tỉnh thực hiện", True),
    ("Nhiệm vụ, quyền hạn phân cấp cho Sở Y tế", True),
    ("Thẩm quyền do pháp luật quy định", False),  # "do" without its closing verb
    ("Thẩm quyền do " + "cơ quan " * 25 + "thực hiện", False),  # … or with it too far away
    ("Chuyển giao cho Ủy ban nhân dân cấp xã", False),  # no power opens the title
])
def test_an_article_title_handing_a_power_over_is_a_task_article_title(title, hands_over):
    # the pattern is built from rules/roles.yaml power_openings, power_transfers, transfer_closings
    form = match_form(title)
    assert any(p.search(form) for p in _cues().task_article) == hands_over


def test_a_loose_transfer_must_be_a_power_transfer_of_roles_yaml():
    with pytest.raises(DoichieuError, match="loose_transfers"):
        _power_title(PowerTitles(loose_transfers=["bởi"], closing_within=160))


LONG_SUBJECT_LETTER = """  ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    TỈNH HÀ GIANG                            Độc lập - Tự do - Hạnh phúc
 Số:  77  /UBND-NLN                   Hà Giang, ngày 4 tháng 6 năm 2034
V/v tổ chức thực hiện
Nghị định số 12/2034/NĐ-CP
ngày 1/6/2034 của Chính phủ
về quản lý giống cây trồng
   lâm nghiệp
                 Kính gửi:
                              - Các sở, ban, ngành cấp tỉnh;
                              - Ban quản lý rừng phòng hộ;
                              - Ủy ban nhân dân các xã, phường.
      Thực hiện Nghị định số 12/2034/NĐ-CP ngày 1/6/2034 của Chính phủ, Chủ tịch
Ủy ban nhân dân tỉnh giao:
      1. Sở Nông nghiệp và Môi trường chủ trì tổ chức triển khai thực hiện Nghị
định trên địa bàn tỉnh.
      2. Ủy ban nhân dân các xã, phường tuyên truyền, phổ biến nội dung Nghị định
đến người dân trên địa bàn.
Nơi nhận:                                           KT. CHỦ TỊCH
- Như trên;                                         PHÓ CHỦ TỊCH
- Lưu: VT.
                                                    Lê Văn Nam
"""


def test_letter_subject_runs_up_to_kinh_gui_and_recipients_are_no_tasks():
    doc = parse_text(LONG_SUBJECT_LETTER)
    assert [t.id for t in doc.tasks] == ["1", "2"]
    assert not doc.sections
    meta = doc.meta
    assert meta.title == ("V/v tổ chức thực hiện Nghị định số 12/2034/NĐ-CP ngày 1/6/2034 của Chính phủ "
                          "về quản lý giống cây trồng lâm nghiệp")
    # the Kính gửi list, then the Nơi nhận list printed beside the signature block
    assert meta.recipients == ["Các sở, ban, ngành cấp tỉnh", "Ban quản lý rừng phòng hộ",
                               "Ủy ban nhân dân các xã, phường", "Như trên", "Lưu: VT"]
    assert doc.preamble.startswith("Thực hiện Nghị định số 12/2034/NĐ-CP")


DELEGATION_DECISION = """ỦY BAN NHÂN DÂN
TỈNH NINH THUẬN
Số: 9/2035/QĐ-UBND
Ninh Thuận, ngày 2 tháng 3 năm 2035
QUYẾT ĐỊNH
Quy định phân cấp quản lý nhà nước về chợ trên địa bàn tỉnh
Căn cứ Luật Tổ chức chính quyền địa phương;
Căn cứ Nghị định số 60/2034/NĐ-CP của Chính phủ về phát triển và quản lý chợ;
Ủy ban nhân dân tỉnh ban hành Quyết định.
Điều 1. Phạm vi điều chỉnh
Quyết định này quy định việc phân cấp quản lý nhà nước về chợ trên địa bàn tỉnh.
Điều 2. Phân cấp cho Sở Công Thương thực hiện một số nhiệm vụ, quyền hạn sau
1. Quản lý chợ hạng 1 trên địa bàn tỉnh.
2. Chủ trì, phối hợp với Sở Tài chính thẩm định phương án chuyển đổi chợ hạng 1.
Điều 3. Phân cấp cho Ủy ban nhân dân cấp xã thực hiện một số nhiệm vụ, quyền hạn sau
1. Quản lý chợ hạng 2, hạng 3 trên địa bàn.
2. Phê duyệt nội quy chợ hạng 3.
Điều 4. Hiệu lực thi hành
1. Quyết định này có hiệu lực từ ngày 15 tháng 3 năm 2035.
2. Trường hợp các văn bản quy phạm pháp luật được dẫn chiếu tại Quyết định này được sửa đổi, bổ sung hoặc
thay thế thì áp dụng theo văn bản mới.
Điều 5. Trách nhiệm thi hành
Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc Sở Công Thương; Chủ tịch Ủy ban nhân dân các xã, phường
chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như Điều 5;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trần Văn Nam
"""


def test_amended_cited_documents_clause_is_no_task():
    doc = parse_text(DELEGATION_DECISION)
    ids = [t.id for t in doc.tasks]
    assert "4.1" not in ids and "4.2" not in ids and "5" in ids


DECISION_WITH_PLAN_AFTER_TABLE_SIGNATURE = """| BỘ XÂY DỰNG ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |
| --- | --- |
| Số: 15/QĐ-BXD | *Hà Nội, ngày 3 tháng 4 năm 2035* |
QUYẾT ĐỊNH
BAN HÀNH KẾ HOẠCH TRIỂN KHAI THỰC HIỆN NGHỊ ĐỊNH SỐ 30/2035/NĐ-CP
BỘ TRƯỞNG BỘ XÂY DỰNG
*Căn cứ Nghị định số 30/2035/NĐ-CP ngày 1 tháng 3 năm 2035 của Chính phủ;*
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai thực hiện Nghị định số 30/2035/NĐ-CP.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.
Điều 3. Chánh Văn phòng Bộ, Cục trưởng Cục Nhà ở chịu trách nhiệm thi hành Quyết định này./.
* *
| *Nơi nhận:* - Như Điều 3; - Các Thứ trưởng; - Lưu: VT, QLN. | KT. BỘ TRƯỞNG THỨ TRƯỞNG Lê Văn Bình |
| --- | --- |
KẾ HOẠCH
TRIỂN KHAI THỰC HIỆN NGHỊ ĐỊNH SỐ 30/2035/NĐ-CP
*(Kèm theo Quyết định số 15/QĐ-BXD ngày 3 tháng 4 năm 2035 của Bộ trưởng Bộ Xây dựng)*
I. MỤC ĐÍCH, YÊU CẦU
- Triển khai thực hiện kịp thời, thống nhất các quy định của Nghị định.
II. NỘI DUNG TRIỂN KHAI
1. Tổ chức hội nghị phổ biến Nghị định đến các địa phương.
2. Xây dựng Thông tư hướng dẫn thực hiện Nghị định.
III. TỔ CHỨC THỰC HIỆN
1. Cục Nhà ở có trách nhiệm theo dõi, đôn đốc việc thực hiện Kế hoạch này.
"""


def test_recipients_joined_in_an_italic_table_cell_close_the_decision_before_its_plan():
    doc = parse_text(DECISION_WITH_PLAN_AFTER_TABLE_SIGNATURE)
    ids = [t.id for t in doc.tasks]
    # the attached plan is its own outline, not items of the decision's last article
    assert "II.1" in ids and "II.2" in ids and "III.1" in ids
    assert not any(i.startswith("3.") for i in ids)
    assert "Nơi nhận" in doc.closing
    assert "Kèm theo Quyết định số 15/QĐ-BXD" in doc.preamble


RESOLUTION_WITH_PROGRAMME_NAMING_ITS_ISSUER = """# CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 07/NQ-CP
Hà Nội, ngày 5 tháng 2 năm 2033

# NGHỊ QUYẾT
## Ban hành Chương trình hành động của Chính phủ về phát triển dữ liệu mở

# CHÍNH PHỦ

Căn cứ Luật Tổ chức Chính phủ;

# QUYẾT NGHỊ:

**Điều 1.** Ban hành kèm theo Nghị quyết này Chương trình hành động của Chính phủ về phát triển dữ liệu mở.

**Điều 2.** Nghị quyết này có hiệu lực kể từ ngày ký.

*Nơi nhận:*
- Các bộ, cơ quan ngang bộ;
- Lưu: VT.

TM. CHÍNH PHỦ
THỦ TƯỚNG
Trần Văn Nam

# CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ
*Về phát triển dữ liệu mở*

*(Kèm theo Nghị quyết số 07/NQ-CP ngày 5 tháng 2 năm 2033 của Chính phủ)*

## I. NHIỆM VỤ CỤ THỂ

a) Công bố danh mục dữ liệu mở của các bộ, ngành.

b) Xây dựng cổng dữ liệu mở quốc gia.

## II. TỔ CHỨC THỰC HIỆN

1. Bộ Khoa học và Công nghệ chủ trì, theo dõi việc thực hiện Chương trình.
"""


def test_an_attached_programme_whose_type_line_names_its_issuer_holds_the_tasks():
    # "CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ": the type line of the attached programme adds its issuer after "của"
    doc = parse_text(RESOLUTION_WITH_PROGRAMME_NAMING_ITS_ISSUER, kind="md")
    ids = [t.id for t in doc.tasks]
    assert "I.a" in ids and "I.b" in ids and "II.1" in ids
    assert "cổng dữ liệu mở" not in doc.closing
    assert "Kèm theo Nghị quyết số 07/NQ-CP" in doc.preamble


def test_a_capitals_line_that_goes_on_to_its_subject_is_no_type_line():
    cues = _cues()
    assert _doc_type("CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ", cues) == "Chương trình hành động"
    assert _doc_type("KẾ HOẠCH CỦA ỦY BAN NHÂN DÂN TỈNH", cues) == "Kế hoạch"
    assert _doc_type("KẾ HOẠCH CỦA ỦY BAN NHÂN DÂN TỈNH VỀ CHUYỂN ĐỔI SỐ", cues) is None


def test_a_clause_about_where_a_file_is_received_is_still_no_recipients_list():
    doc = parse_text("Điều 1. Hồ sơ\n\nNơi nhận: hồ sơ nộp tại Bộ phận một cửa của Sở Xây dựng hoặc qua dịch vụ "
                     "bưu chính công ích theo quy định.\n\nĐiều 2. Sở Xây dựng hướng dẫn thực hiện.\n")
    assert not doc.closing and "2" in [s.id for s in doc.sections]


PLAN_BEFORE_RECIPIENTS = """ỦY BAN NHÂN DÂN TỈNH GIA LAI

KẾ HOẠCH
Triển khai công tác chuyển đổi số năm 2026

1. Sở Khoa học và Công nghệ chủ trì xây dựng nền tảng dữ liệu dùng chung.

2. Các sở, ngành rà soát thủ tục hành chính trực tuyến./.

{cue}
- Bộ Khoa học và Công nghệ;
- Các sở, ban, ngành;
- Lưu: VT, KGVX.
"""


@pytest.mark.parametrize("cue", ["Nơi nhận:", "Noi nhận:", "Nơi nhân:", "NƠI NHẬN:", "Noi nhan:", "*Nơi nhân:*",
                                 "Nơi nhận :"])
def test_the_recipients_list_opens_whatever_marks_ocr_lost_or_misread(cue):
    # one rule entry "Nơi nhận", compared without diacritics: the horn, the circumflex or the dot below lost
    doc = parse_text(PLAN_BEFORE_RECIPIENTS.format(cue=cue))
    assert [t.id for t in doc.tasks] == ["1", "2"]
    assert "Lưu: VT, KGVX." in doc.closing
    assert "Các sở, ban, ngành" in doc.meta.recipients


def test_a_clause_about_where_a_file_is_received_without_its_marks_is_no_recipients_list():
    doc = parse_text("Điều 1. Hồ sơ\n\nNoi nhan: hồ sơ nộp tại Bộ phận một cửa của Sở Xây dựng hoặc qua dịch vụ "
                     "bưu chính công ích theo quy định.\n\nĐiều 2. Sở Xây dựng hướng dẫn thực hiện.\n")
    assert not doc.closing and "2" in [s.id for s in doc.sections]


ATTACHED_PLAN_WITH_PORTAL_LINE = """Cơ quan phát hành: Chính phủ
            THỦ TƯỚNG CHÍNH PHỦ             CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                                       Độc lập - Tự do - Hạnh phúc
                                     KẾ HOẠCH
                        Phòng, chống sạt lở bờ sông giai đoạn 2031 - 2040
                       (Kèm theo Quyết định số 88/QĐ-TTg ngày 2 tháng 3 năm 2031
                                   của Thủ tướng Chính phủ)
     I. MỤC TIÊU
     Giảm thiểu thiệt hại do sạt lở bờ sông, bờ biển.
     II. TỔ CHỨC THỰC HIỆN
     1. Bộ Nông nghiệp và Môi trường chủ trì theo dõi, đôn đốc thực hiện Kế hoạch.
     2. Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương bố trí nguồn lực thực hiện Kế hoạch.
"""


def test_a_header_row_is_never_the_signature_and_a_portal_line_above_it_is_skipped():
    doc = parse_text(ATTACHED_PLAN_WITH_PORTAL_LINE)
    assert [t.id for t in doc.tasks] == ["II.1", "II.2"]
    assert doc.meta.doc_type == "Kế hoạch" and doc.meta.title.startswith("Phòng, chống sạt lở")
    # the "(Kèm theo …)" note is the header's: the decision's number and date, never the trích yếu
    assert (doc.meta.number, doc.meta.date) == ("88/QĐ-TTg", "2031-03-02") and "Kèm theo" not in doc.meta.title


@pytest.mark.parametrize("note, date", [
    ("(Kèm theo Quyết định số 88/QĐ-TTg ngày 02-03-2031 của Thủ tướng Chính phủ)", "2031-03-02"),
    ("(Kèm theo Quyết định số 88/QĐ-TTg ngày 2/3/2031)", "2031-03-02"),
    ("(Kèm theo Quyết định số 88/QĐ-TTg ngày 31 tháng 2 năm 2031)", None),  # misprinted: no such day
])
def test_the_note_of_an_attached_plan_gives_its_decision_date_in_any_style(note, date):
    text = ATTACHED_PLAN_WITH_PORTAL_LINE.replace(
        "(Kèm theo Quyết định số 88/QĐ-TTg ngày 2 tháng 3 năm 2031\n                                   của Thủ tướng "
        "Chính phủ)", note)
    assert note in text
    doc = parse_text(text)
    assert (doc.meta.number, doc.meta.date) == ("88/QĐ-TTg", date)


AUTHORISATION_DECISION = """ỦY BAN NHÂN DÂN
TỈNH CAO BẰNG
Số: 77/QĐ-UBND
Cao Bằng, ngày 4 tháng 5 năm 2035
QUYẾT ĐỊNH
Về việc ủy quyền cho Giám đốc Sở Y tế cấp giấy phép hoạt động khám bệnh, chữa bệnh
ỦY BAN NHÂN DÂN TỈNH CAO BẰNG
Căn cứ Luật Khám bệnh, chữa bệnh ngày 9/1/2033;
QUYẾT ĐỊNH:
Điều 1. Ủy quyền cho Giám đốc Sở Y tế cấp giấy phép hoạt động khám bệnh, chữa bệnh trên địa bàn tỉnh.
Điều 2. Thời hạn ủy quyền
Kể từ ngày Quyết định này có hiệu lực thi hành đến hết ngày 31 tháng 12 năm 2035.
Điều 3. Giám đốc Sở Y tế chịu trách nhiệm trước pháp luật về nội dung được ủy quyền, có trách nhiệm công khai \
các thủ tục được ủy quyền; tham mưu Ủy ban nhân dân tỉnh điều chỉnh nội dung ủy quyền khi pháp luật thay đổi.
Điều 4. Quyết định này có hiệu lực thi hành kể từ ngày ký.
""" + SIGNATURE


def test_an_article_that_is_one_sentence_putting_a_duty_on_a_body_is_a_task():
    doc = parse_text(AUTHORISATION_DECISION)
    assert [t.id for t in doc.tasks] == ["1", "3"]
    assert doc.tasks[1].text.startswith("Giám đốc Sở Y tế chịu trách nhiệm")


def test_the_execution_paragraph_after_the_last_articles_first_sentence_is_that_articles_task():
    executed = AUTHORISATION_DECISION.replace(
        "Điều 4. Quyết định này có hiệu lực thi hành kể từ ngày ký.\n",
        "Điều 4. Quyết định này có hiệu lực thi hành kể từ ngày ký.\nChánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc "
        "Sở Y tế; Thủ trưởng các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm thi hành "
        "Quyết định này./.\n")
    doc = parse_text(executed)
    assert [t.id for t in doc.tasks] == ["1", "3", "4"]
    assert doc.tasks[2].text.startswith("Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc Sở Y tế")


TRANSITIONAL_CLAUSES = """ỦY BAN NHÂN DÂN
TỈNH ĐIỆN BIÊN
Số: 12/2035/QĐ-UBND
Điện Biên, ngày 6 tháng 6 năm 2035
QUYẾT ĐỊNH
Phân cấp thẩm quyền thực hiện một số nhiệm vụ trong lĩnh vực tài nguyên nước
Căn cứ Luật Tài nguyên nước số 28/2033/QH15;
Ủy ban nhân dân ban hành Quyết định phân cấp thẩm quyền trong lĩnh vực tài nguyên nước.
Điều 1. Phạm vi điều chỉnh
Quyết định này phân cấp thẩm quyền thực hiện một số nhiệm vụ trong lĩnh vực tài nguyên nước.
Điều 2. Hiệu lực và trách nhiệm thi hành
1. Quyết định này có hiệu lực thi hành kể từ ngày 15 tháng 6 năm 2035.
2. Điều khoản chuyển tiếp
Các hồ sơ cấp phép khai thác nước mặt mà cơ quan có thẩm quyền đã tiếp nhận trước ngày Quyết định này có hiệu \
lực thì tiếp tục thực hiện theo thẩm quyền quy định trước ngày Quyết định này có hiệu lực thi hành.
3. Trường hợp hồ sơ đề nghị gia hạn giấy phép đã nộp trước ngày 15 tháng 6 năm 2035 thì tiếp tục giải quyết \
theo quy định tại Quyết định số 4/2030/QĐ-UBND.
4. Giám đốc Sở Nông nghiệp và Môi trường chủ trì hướng dẫn các xã thực hiện Quyết định này.
5. Chánh Văn phòng Ủy ban nhân dân tỉnh, Chủ tịch Ủy ban nhân dân các xã chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như khoản 5 Điều 2;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lò Văn Phương
"""


def test_transitional_clauses_are_no_tasks():
    doc = parse_text(TRANSITIONAL_CLAUSES)
    assert [t.id for t in doc.tasks] == ["2.4", "2.5"]


# a ministry letter as a converter writes a Word file: the "Kính gửi" row of a two-column table, the recipients
# in the cell beside it
KINH_GUI_ROW_LETTER = """BỘ XÂY DỰNG
------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 310/BXD-QLN
V/v triển khai Nghị định số 40/2035/NĐ-CP | Hà Nội, ngày 5 tháng 5 năm 2035

Kính gửi: | - Hội đồng nhân dân các tỉnh, thành phố trực thuộc Trung ương;
- Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.

Bộ Xây dựng đề nghị Ủy ban nhân dân các tỉnh, thành phố thực hiện các nội dung sau:
1. Rà soát quỹ đất phát triển nhà ở xã hội trên địa bàn.
2. Báo cáo kết quả thực hiện về Bộ Xây dựng trước ngày 30 tháng 6 năm 2035.
Trân trọng./.
Nơi nhận:
- Như trên;
- Lưu: VT, QLN.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Nguyễn Văn Bình
"""


def test_recipients_in_the_cell_beside_kinh_gui():
    doc = parse_text(KINH_GUI_ROW_LETTER)
    assert doc.meta.recipients[:2] == ["Hội đồng nhân dân các tỉnh, thành phố trực thuộc Trung ương",
                                       "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]
    assert [t.id for t in doc.tasks] == ["1", "2"]


# pdftotext -layout: the recipients list and the signature block side by side
SIDE_BY_SIDE_CLOSING = """   ỦY BAN NHÂN DÂN           CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
     TỈNH HÀ GIANG                 Độc lập - Tự do - Hạnh phúc

   Số: 45 /QĐ-UBND                   Hà Giang, ngày 6 tháng 7 năm 2035

                             QUYẾT ĐỊNH
          Về việc giao nhiệm vụ kiểm tra an toàn thực phẩm năm 2035

                                 QUYẾT ĐỊNH:

     Điều 1. Giao Sở Y tế chủ trì kiểm tra an toàn thực phẩm tại các chợ trên địa bàn tỉnh.
     Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.
 Nơi nhận:                                    TM. ỦY BAN NHÂN DÂN
- Như Điều 2;                                     KT. CHỦ TỊCH
- Chủ tịch UBND tỉnh;
- Các PCT UBND tỉnh;                              PHÓ CHỦ TỊCH
- Lưu: VT.


                                                   Lý Văn Sình
"""


def test_recipients_beside_the_signature_block():
    doc = parse_text(SIDE_BY_SIDE_CLOSING)
    assert doc.meta.recipients == ["Như Điều 2", "Chủ tịch UBND tỉnh", "Các PCT UBND tỉnh", "Lưu: VT"]
    assert doc.meta.signer == "Lý Văn Sình"
    assert doc.meta.signer_title == "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"


PARTY_LETTER = """ĐẢNG BỘ TỈNH HÀ GIANG                        ĐẢNG CỘNG SẢN VIỆT NAM
ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH
                                              Hà Giang, ngày 02 tháng 3 năm 2031
Số 118-CV/ĐU
về việc triển khai Chương trình hành động số 12-CTr/TU

         Kính gửi: Các chi bộ, đảng bộ cơ sở.

     Thực hiện Chương trình hành động số 12-CTr/TU của Tỉnh ủy, Đảng ủy đề nghị như sau:
     1. Các chi bộ, đảng bộ cơ sở tổ chức quán triệt Chương trình hành động đến đảng viên.
     2. Ban xây dựng đảng Đảng ủy theo dõi, tổng hợp kết quả, báo cáo Đảng ủy.
Nơi nhận:                                    T/M BAN THƯỜNG VỤ
- Như trên;                                       PHÓ BÍ THƯ
- Lưu Văn phòng Đảng ủy.

                                                Trần Văn Bình
"""


def test_party_signature_block_is_read():
    """A party document signs on behalf of its standing committee with a slashed abbreviation ("T/M"), its
    titles are BÍ THƯ: the signature is read, and no such line is taken for a recipient."""
    doc = parse_text(PARTY_LETTER)
    assert [t.id for t in doc.tasks] == ["1", "2"]
    assert doc.meta.signer == "Trần Văn Bình" and doc.meta.signer_title == "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ"
    assert doc.meta.recipients[-2:] == ["Như trên", "Lưu Văn phòng Đảng ủy"]
    # the signature printed on the recipients' line, OCR'd into one cell
    ocr = parse_text(PARTY_LETTER.replace("Nơi nhận:                                    T/M", "Nơi nhận: T/M"))
    assert ocr.meta.signer_title == "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ"
    assert "T/M BAN THƯỜNG VỤ" not in ocr.meta.recipients


HEADED_ASSIGNMENT_LETTER = """ỦY BAN NHÂN DÂN
TỈNH SƠN LA
Số: 812/UBND-XD
V/v triển khai Quyết định số 90/QĐ-BXD của Bộ Xây dựng
Sơn La, ngày 4 tháng 8 năm 2035
Kính gửi:
- Các sở, ban, ngành thuộc tỉnh;
- Ủy ban nhân dân các xã, phường.
Để triển khai Quyết định số 90/QĐ-BXD, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu thực hiện một số nhiệm vụ sau:
1. Giao Sở Xây dựng
Chủ trì, phối hợp với Công an tỉnh hướng dẫn áp dụng các giải pháp kỹ thuật phòng cháy đối với nhà xưởng.
2. Ủy ban nhân dân các xã, phường
Rà soát các công trình trên địa bàn, báo cáo Sở Xây dựng trước ngày 30 tháng 9 năm 2035.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Cầm Văn Hương
"""


def test_a_heading_that_assigns_the_item_stays_in_the_task_text():
    doc = parse_text(HEADED_ASSIGNMENT_LETTER)
    assert [t.id for t in doc.tasks] == ["1", "2"]
    assert doc.tasks[0].text.startswith("Giao Sở Xây dựng\nChủ trì, phối hợp với Công an tỉnh")
    assert doc.tasks[1].text.startswith("Ủy ban nhân dân các xã, phường\nRà soát")


BODIES_THEN_DUTIES_LETTER = """ỦY BAN NHÂN DÂN
TỈNH YÊN BÁI
Số: 91/UBND-TH
V/v triển khai Nghị định số 17/2035/NĐ-CP
Yên Bái, ngày 9 tháng 9 năm 2035
Kính gửi: Các sở, ban, ngành thuộc tỉnh.
Thực hiện Nghị định số 17/2035/NĐ-CP, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu thực hiện các nội dung sau:
1. Các sở quản lý chuyên ngành về hạ tầng
Giao các sở quản lý chuyên ngành về hạ tầng theo ngành, lĩnh vực gồm:
- Sở Công Thương (đối với hạ tầng chợ);
- Sở Xây dựng (đối với hạ tầng đô thị);
- Ban Quản lý các khu công nghiệp (đối với hạ tầng khu công nghiệp).
Có trách nhiệm:
a) Rà soát, thống kê tài sản kết cấu hạ tầng thuộc phạm vi quản lý.
b) Báo cáo kết quả về Sở Tài chính trước ngày 15 tháng 12 hằng năm.
2. Sở Tài chính
Tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Vũ Văn Hòa
"""


def test_bullets_naming_the_bodies_then_their_duties():
    doc = parse_text(BODIES_THEN_DUTIES_LETTER)
    # the bullets name whom item 1 is addressed to; "Có trách nhiệm:" closes them and the points are item 1's
    assert [t.id for t in doc.tasks] == ["1.a", "1.b", "2"]
    item = next(s for s in doc.sections if s.id == "1")
    assert "Sở Xây dựng (đối với hạ tầng đô thị)" in item.intro and item.intro.endswith("Có trách nhiệm:")


def test_a_letters_subject_ending_with_a_full_stop_runs_up_to_kinh_gui():
    text = KINH_GUI_ROW_LETTER.replace(
        "V/v triển khai Nghị định số 40/2035/NĐ-CP | Hà Nội, ngày 5 tháng 5 năm 2035\n",
        "V/v triển khai Nghị định số 40/2035/NĐ-CP quy định việc quản lý tài sản do | Hà Nội, ngày 5 tháng 5 năm 2035\n"
        "Nhà nước đầu tư, quản lý.\n")
    doc = parse_text(text)
    assert doc.meta.title.endswith("quản lý tài sản do Nhà nước đầu tư, quản lý.")
    assert doc.meta.addressees[:1] == ["Hội đồng nhân dân các tỉnh, thành phố trực thuộc Trung ương"]
    assert not doc.preamble.startswith("Nhà nước")


def test_a_part_on_the_investment_capital_holds_no_tasks():
    doc = parse_text(PLAN_HEADER + """I. NỘI DUNG
1. Sở Công Thương chủ trì thẩm định hồ sơ thành lập cụm công nghiệp.
II. VỐN ĐẦU TƯ
Khái toán tổng số vốn đầu tư thực hiện: 700 tỷ đồng, trong đó:
1. Vốn ngân sách nhà nước: 120 tỷ đồng.
2. Vốn doanh nghiệp: 580 tỷ đồng
- Ứng kinh phí thực hiện công tác đền bù giải phóng mặt bằng theo quy định.
- Đầu tư xây dựng hạ tầng kỹ thuật khu tái định cư.
III. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính tham mưu bố trí vốn theo quy định.
""")
    assert [t.id for t in doc.tasks] == ["I.1", "III.1"]


def test_a_long_closing_that_sums_up_the_plan_is_no_task():
    doc = parse_text(PLAN_HEADER + """I. TỔ CHỨC THỰC HIỆN
1. Sở Công Thương chủ trì thẩm định hồ sơ thành lập cụm công nghiệp.
2. Sở Tài chính tham mưu bố trí vốn theo quy định.
Trên đây là Kế hoạch phát triển cụm công nghiệp trên địa bàn tỉnh Hà Nam năm 2035. Yêu cầu các sở, ban, ngành \
của tỉnh, Ủy ban nhân dân các xã, phường và các cơ quan, đơn vị có liên quan triển khai thực hiện; đề nghị Ủy ban \
Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh phối hợp thực hiện./.
Nơi nhận:
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trần Văn Hải
""")
    assert [t.id for t in doc.tasks] == ["I.1", "I.2"]


def test_a_closing_that_sums_up_the_plan_and_then_puts_the_work_on_its_units_is_a_task_from_that_sentence():
    # real case: KH 09/KH-BTNMT 2024 ("Trên đây là Kế hoạch … . Các đơn vị được giao nhiệm vụ trong Kế hoạch khẩn
    # trương tổ chức triển khai thực hiện …./."), as a letter's closing request is (dev gold, Lào Cai SCT)
    doc = parse_text(PLAN_HEADER + """I. TỔ CHỨC THỰC HIỆN
1. Sở Công Thương chủ trì thẩm định hồ sơ thành lập cụm công nghiệp.
2. Sở Tài chính tham mưu bố trí vốn theo quy định.
Trên đây là Kế hoạch phát triển cụm công nghiệp trên địa bàn tỉnh Hà Nam năm 2035. Các đơn vị được giao nhiệm vụ \
trong Kế hoạch khẩn trương tổ chức triển khai thực hiện đúng tiến độ, bảo đảm chất lượng./.
""" + SIGNATURE)
    assert [t.id for t in doc.tasks] == ["I.1", "I.2", "closing"]
    closing = doc.task("closing")
    assert closing.text.startswith("Các đơn vị được giao nhiệm vụ trong Kế hoạch khẩn trương")
    assert closing.span.start > doc.task("I.2").span.end


def test_a_letters_closing_request_that_has_its_addressee_direct_others_is_a_task():
    # real case: CV 2428/BXD-QLN 2013 ("Bộ Xây dựng đề nghị Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương
    # chỉ đạo các cơ quan có liên quan tổ chức thực hiện./."), as the SCT letter's closing request is in the dev gold
    items = ("1. Rà soát các cơ sở bán lẻ thuốc trên địa bàn, báo cáo Sở Y tế trước ngày 30/6/2035.\n"
             "2. Kiểm tra việc niêm yết giá thuốc tại các nhà thuốc.\n")
    doc = parse_text(LETTER_HEADER + "Sở Y tế đề nghị Ủy ban nhân dân các xã, phường thực hiện một số nội dung sau:\n"
                     + items + "Sở Y tế đề nghị Ủy ban nhân dân các xã, phường chỉ đạo các đơn vị có liên quan tổ "
                     "chức thực hiện./.\n" + SIGNATURE)
    assert [t.id for t in doc.tasks] == ["1", "2", "closing"]
    assert "chỉ đạo các đơn vị có liên quan" not in doc.closing
    # a plain call to carry out stays the formula, as does a request that opens by assigning ("Giao …")
    for formula in ("Sở Y tế đề nghị Ủy ban nhân dân các xã, phường nghiêm túc triển khai thực hiện./.",
                    "Giao các phòng, ban chuyên môn triển khai thực hiện./.",
                    "Sở Y tế đề nghị Ủy ban nhân dân các xã, phường quan tâm, chỉ đạo thực hiện./."):
        plain = parse_text(LETTER_HEADER + "Sở Y tế đề nghị Ủy ban nhân dân các xã, phường thực hiện một số nội dung "
                           "sau:\n" + items + formula + "\n" + SIGNATURE)
        assert [t.id for t in plain.tasks] == ["1", "2"], formula


def test_the_background_paragraphs_of_a_letter_without_items_before_its_request_are_its_opening():
    # real case: CV 2214/BXD-QLN 2013: what was decided and done ("Ngày 26/4/2013, Thủ tướng Chính phủ đã ban hành
    # …"), then the one request; the background was kept as the closing and the preamble was empty
    background = ("Ngày 12/3/2035, Bộ Y tế ban hành Thông tư số 05/2035/TT-BYT quy định về quản lý nhà thuốc.\n"
                  "Đến nay đã có 12 xã, phường gửi báo cáo rà soát các cơ sở bán lẻ thuốc về Sở Y tế.\n")
    request = ("Để kịp thời tổng hợp báo cáo Bộ Y tế, Sở Y tế đề nghị Ủy ban nhân dân các xã, phường chưa báo cáo gửi "
               "báo cáo về Sở trước ngày 30/6/2035./.\n")
    doc = parse_text(LETTER_HEADER + background + request + SIGNATURE)
    assert [t.text[:20] for t in doc.tasks] == ["Để kịp thời tổng hợp"]
    assert doc.preamble.startswith("Ngày 12/3/2035, Bộ Y tế ban hành") and "Đến nay đã có 12 xã" in doc.preamble
    assert "Bộ Y tế ban hành" not in doc.closing and doc.closing.startswith("Nơi nhận")
    # a paragraph after the request that assigns nothing stays in the closing
    after = parse_text(LETTER_HEADER + background + request + "Sở Y tế trân trọng cảm ơn./.\n" + SIGNATURE)
    assert after.closing.startswith("Sở Y tế trân trọng cảm ơn")


@pytest.mark.parametrize("first, second, third", [("(i)", "(ii)", "(iii)"), ("(1)", "(2)", "(3)"), ("(a)", "(b)", "(c)")])
def test_an_inline_enumeration_wrapped_to_a_line_start_stays_in_its_item(first, second, third):
    lines = [
        "     V. TỔ CHỨC THỰC HIỆN",
        "     1. Sở Khoa học và Công nghệ",
        "     Chủ trì phối hợp với các đơn vị triển khai các nhiệm vụ về chuyển giao, ứng",
        "dụng công nghệ cao, đổi mới sáng tạo và chuyển đổi số trong công nghiệp. Cụ thể:",
        f"{first} Rà soát, đánh giá trình độ công nghệ của doanh nghiệp trong các khu, cụm; {second}",
        "Tổ chức các chương trình hỗ trợ ứng dụng công nghệ cao, chuyển đổi số, đổi mới",
        f"công nghệ; {third} Phối hợp với Ban Quản lý Khu kinh tế trong việc chuyển đổi mô",
        "hình khu công nghiệp sinh thái.",
        "     2. Sở Tài chính tham mưu bố trí kinh phí thực hiện các nhiệm vụ của Kế hoạch",
        "này theo quy định của pháp luật về ngân sách nhà nước và đầu tư công hiện hành.",
    ]
    doc = parse_text(PLAN_HEADER + "\n".join(lines) + "\n")
    assert [t.id for t in doc.tasks] == ["V.1", "V.2"]
    assert f"{third} Phối hợp với Ban Quản lý Khu kinh tế" in doc.tasks[0].text


def test_a_reporting_schedule_in_dashes_is_part_of_its_reporting_task():
    lines = [
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Các sở, ngành và Ủy ban nhân dân các xã, phường triển khai thực hiện Kế hoạch này.",
        "Các sở định kỳ tổng hợp kết quả thực hiện gửi Sở Công Thương để tổng hợp, báo cáo Ủy ban nhân dân tỉnh",
        "như sau:",
        "- Báo cáo quý: gửi Sở Công Thương trước ngày 15 của tháng cuối quý;",
        "- Báo cáo năm: gửi Sở Công Thương trước ngày 10/12; Sở Công Thương tổng hợp báo cáo",
        "Ủy ban nhân dân tỉnh trước ngày 20/12.",
        "- Báo cáo đột xuất: theo yêu cầu của Ủy ban nhân dân tỉnh.",
        "2. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.",
        "a) Thẩm định dự toán kinh phí của các sở;",
        "b) Báo cáo năm về tình hình sử dụng kinh phí.",
    ]
    doc = parse_text(PLAN_HEADER + "\n".join(lines) + "\n")
    # (the reporting, a paragraph with a subject of its own, is a task of its own: _split_own_subject)
    assert [t.id for t in doc.tasks] == ["III.1", "III.1.closing", "III.2.a", "III.2.b"]
    assert "Báo cáo năm: gửi Sở Công Thương trước ngày 10/12" in doc.task("III.1.closing").text
    # bullets that report something else are tasks of their own
    other = parse_text(PLAN_HEADER + "\n".join(lines[:4] + ["- Báo cáo quý: gửi Sở Công Thương trước ngày 15;",
                                                              "- Kiểm tra việc thực hiện tại các xã."]) + "\n")
    assert [t.id for t in other.tasks] == ["III.1.1", "III.1.2"]


def test_a_note_under_an_item_is_part_of_its_text():
    # real case: QĐ 254/QĐ-UBND 2023 Sơn La IV.1, whose "* Lưu ý: …" became task IV.1.1 and left the item's own duty
    lines = [
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Các sở, ban, ngành; Ủy ban nhân dân các huyện xây dựng kế hoạch thực hiện, gửi về Sở Nội vụ trước ngày "
        "15/3/2024; báo cáo kết quả thực hiện trước ngày 20/11/2024.",
        "* Lưu ý: Trường hợp phát sinh vướng mắc phải báo cáo ngay về Sở Nội vụ để kịp thời xử lý.",
        "2. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.",
    ]
    doc = parse_text(PLAN_HEADER + "\n".join(lines) + "\n")
    assert [t.id for t in doc.tasks] == ["III.1", "III.2"]
    assert "gửi về Sở Nội vụ trước ngày 15/3/2024" in doc.tasks[0].text and "Lưu ý:" in doc.tasks[0].text
    # a note among bullets that state work is no reason to fold them: they stay tasks
    other = parse_text(PLAN_HEADER + "\n".join(lines[:1] + ["1. Các sở, ngành thực hiện các nội dung sau:",
                                                              "- Rà soát danh mục hồ sơ;", lines[2]]) + "\n")
    assert [t.id for t in other.tasks][0] == "III.1.1"


def test_a_last_paragraph_naming_a_body_and_its_duty_is_a_task():
    # the last line of a Prime Minister's directive hands the follow-up to a body (real cases: CT 13/CT-TTg 2024,
    # CT 07/CT-TTg 2012); a plain call to carry out stays the closing formula
    doc = parse_text("""THỦ TƯỚNG CHÍNH PHỦ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 9/CT-TTg
Hà Nội, ngày 4 tháng 5 năm 2035
CHỈ THỊ
Về tăng cường quản lý chợ đầu mối
1. Bộ Công Thương rà soát quy hoạch chợ đầu mối, báo cáo Thủ tướng Chính phủ trong quý III năm 2035.
2. Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương kiểm tra hoạt động của các chợ trên địa bàn.
Văn phòng Chính phủ theo dõi, đôn đốc việc thực hiện Chỉ thị này theo chức năng, nhiệm vụ được giao.
Nơi nhận:
- Lưu: VT.
THỦ TƯỚNG
Nguyễn Văn An
""")
    assert [t.id for t in doc.tasks] == ["1", "2", "closing"]
    assert doc.task("closing").text.startswith("Văn phòng Chính phủ theo dõi")
    plain = parse_text(PLAN_HEADER + """I. TỔ CHỨC THỰC HIỆN
1. Sở Công Thương chủ trì thẩm định hồ sơ thành lập cụm công nghiệp.
Các sở, ban, ngành và Ủy ban nhân dân các xã nghiêm túc triển khai thực hiện./.
""" + SIGNATURE)
    assert [t.id for t in plain.tasks] == ["I.1"]
    # … as is a body's plain call to cooperate
    polite = parse_text(PLAN_HEADER + """I. TỔ CHỨC THỰC HIỆN
1. Sở Công Thương chủ trì thẩm định hồ sơ thành lập cụm công nghiệp.
Sở Y tế đề nghị các đơn vị quan tâm, phối hợp./.
""" + SIGNATURE)
    assert [t.id for t in polite.tasks] == ["I.1"]


def test_an_attached_plan_printed_alone_takes_the_decisions_number_and_date():
    # real case: the plan attached to QĐ 1422/QĐ-TTg 2024, extracted from its PDF without the decision
    doc = parse_text("Cơ quan phát hành: Chính phủ\n"
                     "      THỦ TƯỚNG CHÍNH PHỦ            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                     "                   ____________\n"
                     "                                      Độc lập - Tự do - Hạnh phúc\n"
                     "                         KẾ HOẠCH QUỐC GIA\n"
                     "            Phát triển chợ đầu mối giai đoạn 2035 - 2040\n"
                     "             (Kèm theo Quyết định số 77/QĐ-TTg\n"
                     "         Ngày 4 tháng 5 năm 2035 của Thủ tướng Chính phủ)\n"
                     "     I. TỔ CHỨC THỰC HIỆN\n"
                     "     1. Bộ Công Thương chủ trì rà soát quy hoạch chợ đầu mối.\n"
                     "     2. Ủy ban nhân dân các tỉnh bố trí quỹ đất xây dựng chợ.\n")
    meta = doc.meta
    assert (meta.issuer, meta.doc_type, meta.number, meta.date) == ("THỦ TƯỚNG CHÍNH PHỦ", "Kế hoạch", "77/QĐ-TTg",
                                                                     "2035-05-04")
    assert meta.title == "Phát triển chợ đầu mối giai đoạn 2035 - 2040"
    assert [t.id for t in doc.tasks] == ["I.1", "I.2"]


def test_the_roadmap_and_phases_of_a_scheme_hold_no_tasks():
    # real cases: QĐ 232/QĐ-TTg 2025 Điều 1.III.6 ('Lộ trình triển khai thị trường các-bon'), the plan attached to
    # QĐ 1422/QĐ-TTg 2024 part III ('CÁC GIAI ĐOẠN THỰC HIỆN'): milestones, not assignments
    doc = parse_text(PLAN_HEADER + """I. NHIỆM VỤ
1. Lộ trình triển khai chợ đầu mối
a) Giai đoạn thí điểm từ năm 2035 đến năm 2036
- Vận hành thí điểm hai chợ đầu mối.
2. Sở Công Thương rà soát quy hoạch chợ đầu mối.
II. CÁC GIAI ĐOẠN THỰC HIỆN
1. Giai đoạn đến năm 2036
- Hoàn thành quy hoạch mạng lưới chợ.
2. Tầm nhìn đến năm 2040
Các chợ đầu mối vận hành theo mô hình hiện đại.
III. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính bố trí kinh phí thực hiện.
""" + SIGNATURE)
    assert [t.id for t in doc.tasks] == ["I.2", "III.1"]


def test_the_schedule_and_the_resources_of_a_strategy_hold_no_tasks():
    # real cases: QĐ 1775/QĐ-TTg 2012 part IV ('1. Tiến độ thực hiện': the phases' milestones), QĐ 896/QĐ-TTg 2022
    # part VI ('NGUỒN LỰC THỰC HIỆN': where the money comes from)
    doc = parse_text(PLAN_HEADER + """I. NHIỆM VỤ VÀ GIẢI PHÁP
1. Phát triển mạng lưới chợ đầu mối nông sản.
II. TIẾN ĐỘ VÀ KINH PHÍ THỰC HIỆN
1. Tiến độ thực hiện
a) Giai đoạn 2035 - 2037:
- Thành lập Tổ công tác, xây dựng kế hoạch chi tiết.
- Tổng kết, đánh giá kết quả thực hiện.
2. Kinh phí thực hiện
Kinh phí do ngân sách nhà nước bảo đảm.
III. TỔ CHỨC THỰC HIỆN
1. Sở Công Thương chủ trì rà soát quy hoạch chợ đầu mối.
IV. NGUỒN LỰC THỰC HIỆN
- Đối với nguồn vốn từ ngân sách nhà nước, thực hiện theo phân cấp hiện hành.
- Đẩy mạnh việc huy động các nguồn lực xã hội tham gia thực hiện Kế hoạch.
""" + SIGNATURE)
    assert [t.id for t in doc.tasks] == ["I.1", "III.1"]


def test_the_rule_that_a_successor_body_takes_over_the_tasks_is_no_task():
    # real case: QĐ 232/QĐ-TTg 2025 Điều 1.V.7 (the clause of the 2025 reorganisation)
    doc = parse_text(PLAN_HEADER + """I. TỔ CHỨC THỰC HIỆN
1. Sở Công Thương chủ trì rà soát quy hoạch chợ đầu mối.
2. Trường hợp các sở, ngành được nêu tại Kế hoạch này được sáp nhập, hợp nhất hoặc kết thúc hoạt động thì cơ \
quan tiếp nhận chức năng, nhiệm vụ sẽ thực hiện tiếp nhiệm vụ được giao tại Kế hoạch này.
""" + SIGNATURE)
    assert [t.id for t in doc.tasks] == ["I.1"]


def test_a_task_table_is_titled_above_its_attachment_note():
    # real case: appendix of QĐ 232/QĐ-TTg 2025 ('DANH MỤC CÁC NHIỆM VỤ …' / '(Kèm theo Quyết định số …)' / table)
    doc = parse_text(PLAN_HEADER + """I. TỔ CHỨC THỰC HIỆN
1. Sở Công Thương chủ trì thực hiện các nhiệm vụ tại Phụ lục.
DANH MỤC NHIỆM VỤ PHÁT TRIỂN CHỢ ĐẦU MỐI
(Kèm theo Kế hoạch số 12/KH-UBND ngày 05 tháng 3 năm 2035 của Ủy ban nhân dân tỉnh)
| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp |
| --- | --- | --- | --- |
| 1 | Rà soát quy hoạch chợ đầu mối. | Sở Công Thương | Sở Xây dựng |
| 2 | Bố trí kinh phí đầu tư chợ. | Sở Tài chính | Sở Công Thương |
""" + SIGNATURE, kind="md")
    tables = [s for s in doc.sections if s.kind == "table"]
    assert [s.title for s in tables] == ["DANH MỤC NHIỆM VỤ PHÁT TRIỂN CHỢ ĐẦU MỐI"]


DECREE_WITH_OPERATORS = """CHÍNH PHỦ
Số: 41/2031/NĐ-CP
NGHỊ ĐỊNH
Quy định về sàn giao dịch chứng chỉ nước sạch
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định về sàn giao dịch chứng chỉ nước sạch.
Điều 2. Phân bổ chỉ tiêu cấp nước
1. Trách nhiệm phân bổ
a) Bộ Xây dựng căn cứ kế hoạch cấp nước quốc gia có trách nhiệm phân bổ chỉ tiêu cho từng tỉnh;
b) Ủy ban nhân dân cấp tỉnh trên cơ sở thông báo của Bộ Xây dựng có trách nhiệm phân bổ chỉ tiêu cho các xã.
2. Tiêu chí phân bổ, gồm:
a) Dân số;
b) Nguồn nước.
3. Việc phân bổ chỉ tiêu thực hiện theo quy định tại Phụ lục II ban hành kèm theo Nghị định này.
Điều 3. Đăng ký chứng chỉ
1. Bộ Xây dựng thực hiện đăng ký các thông tin sau trên hệ thống đăng ký chứng chỉ:
a) Thông tin về chứng chỉ nước sạch;
b) Thông tin về tổ chức sở hữu chứng chỉ.
2. Bộ Xây dựng cấp mã cho chứng chỉ và gửi danh sách cho Sở Giao dịch hàng hóa Hải Phòng.
Điều 4. Trách nhiệm tạm ngừng giao dịch của Sở Giao dịch hàng hóa Hải Phòng
1. Sở Giao dịch hàng hóa Hải Phòng tạm ngừng hoạt động giao dịch trong trường hợp sau đây:
a) Khi xảy ra sự cố hệ thống giao dịch;
b) Theo yêu cầu của Bộ Xây dựng.
2. Sở Giao dịch hàng hóa Hải Phòng khôi phục hoạt động giao dịch khi khắc phục xong sự cố.
Điều 5. Công bố thông tin
1. Sở Giao dịch hàng hóa Hải Phòng có trách nhiệm công bố thông tin trong vòng 24 giờ kể từ khi phát sinh các sự kiện sau:
a) Tạm ngừng giao dịch;
b) Khôi phục giao dịch.
2. Sở Giao dịch hàng hóa Hải Phòng công bố kết quả giao dịch vào cuối ngày giao dịch.
Điều 6. Trách nhiệm thi hành
Các Bộ trưởng, Chủ tịch Ủy ban nhân dân cấp tỉnh chịu trách nhiệm thi hành Nghị định này.
"""


def test_a_responsibility_heading_whose_points_each_name_their_body_makes_a_task_article():
    # real case: NĐ 180/2026/NĐ-CP Điều 11.1 "Trách nhiệm phân bổ" (the ministry, then the province)
    doc = parse_text(DECREE_WITH_OPERATORS)
    tasks = [t.id for t in doc.tasks]
    assert tasks[:2] == ["2.1.a", "2.1.b"]
    # the criteria are a content list; a clause that only points to an appendix assigns nothing
    assert not {"2.2", "2.2.a", "2.3"} & set(tasks)


def test_points_that_spell_out_the_information_or_the_triggering_events_are_part_of_their_clause():
    # real case: NĐ 29/2026/NĐ-CP Điều 11.2 ("đăng ký các thông tin sau trên …:"), 29.1 ("… trong trường hợp sau
    # đây:" without "các"), 32.1 ("… kể từ khi phát sinh các sự kiện sau:")
    doc = parse_text(DECREE_WITH_OPERATORS)
    tasks = [t.id for t in doc.tasks]
    assert "3.1" in tasks and "3.1.a" not in tasks
    assert "4.1" in tasks and "4.1.a" not in tasks
    assert doc.tasks[tasks.index("4.1")].text.endswith("Theo yêu cầu của Bộ Xây dựng.")


def test_bullets_naming_the_matters_a_report_covers_are_part_of_their_item():
    # real case: CT 11/CT-TTg 2020 II.6 ("… báo cáo Thủ tướng Chính phủ trong tháng 3 năm 2020 các vấn đề sau:",
    # printed "các vân dé sau" by the OCR): the bullets say what to report on, not work of their own
    doc = parse_text(PLAN_HEADER + """I. NHIỆM VỤ
1. Rà soát hoạt động của chợ đầu mối
Sở Công Thương chủ trì, phối hợp với các địa phương rà soát hoạt động của các chợ, báo cáo Ủy ban nhân dân tỉnh trong quý II năm 2035 các vân dé sau:
- Tình hình kinh doanh tại các chợ đầu mối;
- Thực trạng và giải pháp bảo đảm an toàn thực phẩm tại chợ.
2. Hỗ trợ thương nhân
Sở Tài chính tổng hợp báo cáo và thực hiện các nội dung sau:
- Bố trí kinh phí hỗ trợ thương nhân;
- Hướng dẫn thủ tục hỗ trợ.
""" + SIGNATURE)
    assert [t.id for t in doc.tasks] == ["I.1", "I.2.1", "I.2.2"]
    assert doc.task("I.1").text.endswith("an toàn thực phẩm tại chợ.")


def test_an_exchange_named_sở_giao_dịch_is_no_department_as_a_subject():
    # an article whose clauses are an exchange's own duties (disclosure) is no task article, although "Sở …" opens
    # them (real case: NĐ 29/2026/NĐ-CP Điều 32 "Công bố thông tin"); its duties stay provisions
    doc = parse_text(DECREE_WITH_OPERATORS)
    assert not [t.id for t in doc.tasks if t.id.startswith("5.")]
    assert "5.1" in {p.id for p in doc.provisions}
    assert [t.id for t in doc.tasks][-1] == "6"


AMENDING_DECREE = """CHÍNH PHỦ
Số: 42/2031/NĐ-CP
NGHỊ ĐỊNH
Sửa đổi, bổ sung một số điều của Nghị định số 40/2031/NĐ-CP
Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 40/2031/NĐ-CP
1. Sửa đổi khoản 2 Điều 3 như sau:
“2. Kho chứa là công trình lưu giữ sản phẩm thử nghiệm.”
2. Sửa đổi Điều 7 như sau:
a) Sửa đổi khoản 4 như sau:
“4. Ủy ban nhân dân cấp tỉnh tiếp nhận, rà soát và tổng hợp báo cáo của các kho chứa trên địa bàn gửi Bộ Khoa
học và Công nghệ trước ngày 30 tháng 6 hằng năm.”
b) Sửa đổi, bổ sung khoản 5 như sau:
“5. Báo cáo kiểm định
a) Các kho chứa lập báo cáo kiểm định hằng năm;
b) Ủy ban nhân dân cấp tỉnh kiểm tra báo cáo kiểm định của các kho chứa.”
3. Sửa đổi Điều 9 như sau:
“Điều 9. Trách nhiệm quản lý kho chứa
1. Bộ Khoa học và Công nghệ chủ trì xây dựng cơ sở dữ liệu kho chứa.
2. Ủy ban nhân dân cấp tỉnh phối hợp với Bộ Khoa học và Công nghệ cập nhật cơ sở dữ liệu.”
Điều 2. Trách nhiệm thi hành
Các Bộ trưởng, Chủ tịch Ủy ban nhân dân cấp tỉnh chịu trách nhiệm thi hành Nghị định này.
"""


def test_amending_items_whose_new_text_puts_work_on_a_body_are_provisions():
    # real case: NĐ 119/2025/NĐ-CP Điều 1 (amending NĐ 06/2022): "Sửa đổi khoản 6 như sau: “6. Ủy ban nhân dân cấp
    # tỉnh tiếp nhận, rà soát và tổng hợp …”", a point b) inside a quoted clause, a quoted article "Trách nhiệm …"
    doc = parse_text(AMENDING_DECREE)
    assert [t.id for t in doc.tasks] == ["2"]
    assert [p.id for p in doc.provisions] == ["1.2.a", "1.2.b", "1.3"]  # not the definition in 1.1


def test_a_date_line_whose_place_lost_its_comma():
    # real case: NĐ 29/2026/NĐ-CP, header "Hà Nội ngày 19 tháng 01 năm 2026" (the comma after the place dropped)
    doc = parse_text("CHÍNH PHỦ\nSố: 43/2031/NĐ-CP\nHà Nội ngày 19 tháng 01 năm 2031\nNGHỊ ĐỊNH\nVề sàn giao dịch\n"
                     "Điều 1. Trách nhiệm thi hành\nCác Bộ trưởng chịu trách nhiệm thi hành Nghị định này.\n")
    assert (doc.meta.place, doc.meta.date) == ("Hà Nội", "2031-01-19")
    # a trích yếu naming a document and its date is no date line, comma or not
    letter = parse_text("ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: 7/UBND-KT\nV/v thực hiện Nghị định số 43/2031/NĐ-CP ngày 19 "
                        "tháng 01 năm 2031\nKính gửi: Sở Xây dựng\n1. Sở Xây dựng rà soát các kho chứa.\n"
                        "2. Sở Tài chính bố trí kinh phí.\n")
    assert letter.meta.date is None


OCR_DIRECTIVE = """THỦ TƯỚNG CHÍNH PHỦ

CHỈ THỊ
Về tăng cường phòng, chống thiên tai

1. NHẬN THỨC CHUNG

1. Các bộ, ngành, địa phương quán triệt nhiệm vụ phòng, chống thiên tai.

II. NHIỆM VỤ, GIẢI PHÁP

1. Khắc phục hậu quả thiên tai

a) Bộ Nông nghiệp và Môi trường chủ trì tổng hợp tình hình thiệt hại.

b) Bộ Xây dựng khôi phục giao thông.

©) Bộ Tài chính bố trí kinh phí khắc phục hậu quả.

đ) Bộ Công an bảo đảm an ninh trật tự.

đ) Bộ Y tế phòng, chống dịch bệnh sau thiên tai.

Il. TỔ CHỨC THỰC HIỆN

1. Văn phòng Chính phủ theo dõi, đôn đốc việc thực hiện Chỉ thị này./.

Noi nhận: THỦ TƯỚNG
- Các Bộ, cơ quan ngang Bộ;
- Lưu: VT, NN.
"""


def test_roman_parts_misread_by_ocr_and_a_recipients_line_without_its_horn():
    doc = parse_text(OCR_DIRECTIVE)
    assert [s.id for s in doc.sections if s.parent is None] == ["I", "II", "III"]
    # '©)' is OCR's 'c)'; of 'đ)' printed twice after 'c)' the first is 'd)' misread
    assert [t.id for t in doc.tasks] == ["I.1", "II.1.a", "II.1.b", "II.1.c", "II.1.d", "II.1.đ", "III.1"]
    assert doc.tasks[-1].id == "III.1" and doc.tasks[-1].text.endswith("Chỉ thị này./.")
    assert "Lưu: VT, NN." in doc.closing  # 'Noi nhận' (OCR lost the horn) opens the closing: no recipient is a task
    assert any("đọc là 'I.'" in n.message for n in doc.notices)
    assert any("'Il.'" in n.message and "đọc là 'III.'" in n.message for n in doc.notices)


def test_a_stray_numeral_a_scan_leaves_after_a_label_is_no_part_of_the_task():
    # real case: the OCR text of Chỉ thị 11/CT-TTg II.1.đ ("đ) 1 Đề nghị Tổng Liên đoàn …"): a figure alone between
    # the label and a capitalised word is what the scan left of a mark; a count ("02 Phó Chủ tịch", written with
    # its zero) or a figure before a lower-case word ("30 ngày") opens the text
    from pipeline.extract import read_task_roles

    doc = parse_text(OCR_DIRECTIVE.replace("Bộ Y tế phòng", "1 Đề nghị Ngân hàng Chính sách xã hội phòng")
                     .replace("Bộ Công an bảo đảm", "02 Phó Chủ tịch bảo đảm")
                     .replace("Bộ Xây dựng khôi phục", "30 ngày sau, Bộ Xây dựng khôi phục"))
    texts = {t.id: t.text for t in doc.tasks}
    assert texts["II.1.đ"].startswith("Đề nghị Ngân hàng Chính sách xã hội")
    assert texts["II.1.d"].startswith("02 Phó Chủ tịch") and texts["II.1.b"].startswith("30 ngày sau")
    assert [m.text for m in read_task_roles(texts["II.1.đ"]).leads] == ["Ngân hàng Chính sách xã hội"]


def test_a_roman_numeral_misread_by_ocr_that_continues_no_sequence_is_kept_as_printed():
    # an excerpt opening at its part II, which OCR printed "Il." (read II): no roman part before or after it, and
    # it has no look-alike; the label stays as printed
    doc = parse_text("THỦ TƯỚNG CHÍNH PHỦ\n\nCHỈ THỊ\nVề tăng cường phòng, chống thiên tai\n\n"
                     "Il. NHIỆM VỤ, GIẢI PHÁP\n\n1. Bộ Nông nghiệp và Môi trường tổng hợp tình hình thiệt hại.\n\n"
                     "2. Bộ Xây dựng khôi phục giao thông.\n")
    assert [s.label for s in doc.sections] == ["Il."] and len(doc.tasks) == 2


def test_letter_header_and_items_as_ocr_leaves_them():
    text = "\n".join([
        "BỘ TÀI CHÍNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "CỤC HẢI QUAN Độc lập - Tự do - Hạnh phúc",
        "Số: 77 /CHQ-GSQL Hà Nội, ngày 15 thang 4 nam 2031",
        "",
        "V/v tăng cường kiểm tra sau thông quan",
        "",
        "Kính gửi: Chi cục Hải quan khu vực I.",
        "",
        "Cục Hải quan yêu cầu Chi cục Hải quan khu vực I thực hiện các việc sau:",
        "",
        "1/ Rà soát danh sách doanh nghiệp có rủi ro cao.",
        "",
        "2/ Báo cáo kết quả trước ngày 30 tháng 6 năm 2031./.",
    ]) + "\n"
    doc = parse_text(text)
    assert (doc.meta.number, doc.meta.date) == ("77/CHQ-GSQL", "2031-04-15")
    assert doc.meta.title.startswith("V/v tăng cường kiểm tra")
    assert [t.id for t in doc.tasks] == ["1", "2"]


LETTER_HEADER = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: 215/UBND-VX\nV/v tháo gỡ vướng mắc trong cấp phép hành nghề dược\n"
                 "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nam, ngày 4 tháng 5 năm 2035\n"
                 "Kính gửi: Bộ Y tế\n")


def test_ocr_debris_with_a_dash_above_the_national_title_is_no_bullet():
    # real case: CV 4800/TCT-TTr 2016 (OCR) opens with "— Nế GiÚz Ae", read off the scan's margin
    header = ("BỘ Y TẾ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 215/BYT-KCB\n"
              "V/v cấp chứng chỉ hành nghề dược\nHà Nội, ngày 4 tháng 5 năm 2035\nKính gửi: Sở Y tế các tỉnh\n")
    body = "Bộ Y tế đề nghị Sở Y tế các tỉnh rà soát việc cấp chứng chỉ hành nghề dược.\n" + SIGNATURE
    doc = parse_text("— Nế GiÚz Ae\n\n" + header + body)
    assert (doc.meta.doc_type, doc.meta.number, doc.meta.issuer) == ("Công văn", "215/BYT-KCB", "BỘ Y TẾ")
    assert [t.text[:10] for t in doc.tasks] == ["Bộ Y tế đề"]
    # a labelled line with words of its own above the title is no debris: no header is looked for past it
    listed = parse_text("- Sở Y tế rà soát các cơ sở hành nghề dược.\n\n" + header + body)
    assert listed.tasks[0].text.startswith("Sở Y tế rà soát")


# a letter's findings in bullets, then its requests in items "1/", "2/" … (shape of CV 4800/TCT-TTr 2016)
FINDINGS_LETTER = LETTER_HEADER.replace("Kính gửi: Bộ Y tế", "Kính gửi: Sở Y tế") + """\
Kết quả kiểm tra năm 2035 cho thấy:
- Một số cơ sở chưa cập nhật dữ liệu hành nghề.
- Việc báo cáo định kỳ còn chậm.
Để khắc phục, Ủy ban nhân dân tỉnh yêu cầu Sở Y tế thực hiện một số giải pháp sau:
1/ Rà soát dữ liệu hành nghề của các cơ sở trên địa bàn.
"""


def test_numbered_items_after_a_letters_finished_bullets_are_no_sub_items_of_the_last_bullet():
    # real case: CV 4800/TCT-TTr 2016 (OCR): the findings in bullets, then "Để hoàn thành nhiệm vụ nêu trên, Tổng cục
    # Thuế yêu cầu … thực hiện một số giải pháp sau:" and the items "1/", "2/" …: items of the letter, not of the bullet
    doc = parse_text(FINDINGS_LETTER + """\
- Ưu tiên các cơ sở có nhiều vi phạm.
2/ Đôn đốc các cơ sở báo cáo đúng hạn.
""" + SIGNATURE)
    sections = {s.id: s for s in doc.sections}
    assert sections["1"].parent is None and sections["1"].title.startswith("Rà soát dữ liệu")
    assert doc.task("2").parent is None and doc.task("1.1").parent == "1"  # (the printed numbers come first)
    # a bullet that heads its items ("- Về công tác kiểm tra:" / "1. …") still holds them
    headed = parse_text(LETTER_HEADER + """\
Ủy ban nhân dân tỉnh đề nghị:
- Về công tác kiểm tra:
1. Rà soát dữ liệu hành nghề của các cơ sở trên địa bàn.
2. Đôn đốc các cơ sở báo cáo đúng hạn.
""" + SIGNATURE)
    assert [t.parent for t in headed.tasks] == ["1", "1"]


def test_bullets_listing_the_findings_of_a_review_are_no_tasks():
    # real case: CV 4800/TCT-TTr 2016, "Từ kết quả công tác thanh tra, kiểm tra 9 tháng 2016 cho thấy:" / "- Một số
    # Cục Thuế có tỷ lệ hoàn thành thấp …": what the review found, before the requests
    doc = parse_text(FINDINGS_LETTER + """\
2/ Đôn đốc các cơ sở báo cáo đúng hạn.
3/ Kết quả rà soát năm trước cho thấy:
- Nhiều cơ sở chưa niêm yết giá thuốc.
""" + SIGNATURE)
    assert [t.text[:10] for t in doc.tasks] == ["Rà soát dữ", "Đôn đốc cá"]
    # the same bullets after a request are tasks
    asked = parse_text(LETTER_HEADER.replace("Kính gửi: Bộ Y tế", "Kính gửi: Sở Y tế") + """\
Ủy ban nhân dân tỉnh yêu cầu Sở Y tế:
- Rà soát dữ liệu hành nghề của các cơ sở trên địa bàn.
- Đôn đốc các cơ sở báo cáo đúng hạn.
""" + SIGNATURE)
    assert len(asked.tasks) == 2


def test_what_ocr_prints_after_the_end_mark_is_no_word_of_the_closing_formula():
    # real case: a customs letter read by OCR (CV 9885/TCHQ-TXNK 2016), "… được biết và thực hiện./. e": the stamp's
    # debris after "./." does not make the plain call to carry out a task
    for ending in ("./. e", "./. y/", "./."):
        doc = parse_text(LETTER_HEADER.replace("Kính gửi: Bộ Y tế", "Kính gửi: Sở Y tế") + (
            "Đề nghị Sở Y tế hướng dẫn các cơ sở thực hiện thủ tục cấp phép theo quy định.\n"
            f"Ủy ban nhân dân tỉnh thông báo để Sở Y tế được biết và thực hiện{ending}\n") + SIGNATURE)
        assert [t.id for t in doc.tasks] == ["1"], ending


def test_a_letters_background_items_are_no_tasks_only_its_requests_are():
    # the genre of the real case (Lào Cai CV 3686/UBND-XD 2026 to the Bộ Xây dựng): the rules and the situation,
    # the difficulties, then the requests
    doc = parse_text(LETTER_HEADER + """Ủy ban nhân dân tỉnh Hà Nam báo cáo và đề nghị Bộ Y tế một số nội dung như sau:
1. Về việc triển khai Nghị định số 40/2035/NĐ-CP
Thực hiện Nghị định số 40/2035/NĐ-CP ngày 02 tháng 01 năm 2035 của Chính phủ, Ủy ban nhân dân tỉnh đã ban hành \
Kế hoạch số 18/KH-UBND; đã chỉ đạo các sở, ngành tổ chức thực hiện.
Sở Y tế đã tổ chức 02 hội nghị phổ biến cho các cơ sở bán lẻ thuốc. Bộ Giao thông vận tải trước đây cũng đã có \
hướng dẫn về vận chuyển thuốc.
2. Quy định về chứng chỉ hành nghề dược và thực tế hiện nay
Theo quy định tại khoản 2 Điều 24 Luật Dược, chứng chỉ hành nghề dược do Giám đốc Sở Y tế cấp. Tuy nhiên, đến nay \
Cục Quản lý Dược chưa ban hành mẫu hồ sơ điện tử.
3. Khó khăn, vướng mắc
Thứ nhất, nhiều cơ sở đã nộp hồ sơ nhưng chưa được giải quyết.
4. Kiến nghị
Ủy ban nhân dân tỉnh Hà Nam đề nghị Bộ Y tế:
a) Chỉ đạo Cục Quản lý Dược sớm ban hành mẫu hồ sơ điện tử.
b) Hướng dẫn việc cấp chứng chỉ hành nghề trực tuyến.
Ủy ban nhân dân tỉnh Hà Nam trân trọng cảm ơn sự quan tâm của Bộ Y tế./.
""" + SIGNATURE)
    assert [t.id for t in doc.tasks] == ["4.a", "4.b"]


def test_unlabelled_report_paragraphs_of_a_letter_are_no_tasks():
    doc = parse_text(LETTER_HEADER + """Thực hiện Công văn số 77/BYT-QLD ngày 10 tháng 3 năm 2035 của Bộ Y tế về rà soát các cơ sở \
bán lẻ thuốc, Ủy ban nhân dân tỉnh Hà Nam báo cáo như sau:
Ủy ban nhân dân tỉnh đã chỉ đạo Sở Y tế rà soát các cơ sở bán lẻ thuốc. Sở Y tế đã hoàn thành việc rà soát.
Thứ hai, Sở Công Thương đã phối hợp kiểm tra 40 cơ sở.
Ủy ban nhân dân tỉnh đề nghị Bộ Y tế hướng dẫn việc xử lý các cơ sở chưa đạt chuẩn.
""" + SIGNATURE)
    assert [t.text[:40] for t in doc.tasks] == ["Ủy ban nhân dân tỉnh đề nghị Bộ Y tế hướ"]


@pytest.mark.parametrize("item", [
    "Sở Tài chính chủ trì rà soát các văn bản đã ban hành về giá thuốc.",  # the past is in a later clause
    "Các sở, ngành đã được giao nhiệm vụ tại Kế hoạch số 18/KH-UBND khẩn trương hoàn thành.",  # tasks given before
    "Tiếp tục triển khai các nhiệm vụ đã được giao tại Kế hoạch số 18/KH-UBND.",
    "Ủy ban nhân dân tỉnh đã ban hành Kế hoạch số 18/KH-UBND. Vì vậy, đề nghị Bộ Y tế hướng dẫn việc thẩm định.",
    "Theo quy định tại Điều 5 Nghị định số 40/2035/NĐ-CP, Sở Y tế có trách nhiệm công khai danh sách cơ sở.",
])
def test_a_task_mentioning_past_work_or_the_law_is_still_a_task(item):
    doc = parse_text(PLAN_HEADER + f"I. NHIỆM VỤ\n1. {item}\n2. Sở Y tế báo cáo kết quả trước ngày 15 tháng 12.\n"
                     + SIGNATURE)
    assert [t.id for t in doc.tasks] == ["I.1", "I.2"]


def test_a_difficulties_heading_that_announces_requests_holds_them():
    doc = parse_text(LETTER_HEADER + """1. Khó khăn, vướng mắc
Nhiều cơ sở chưa được cấp chứng chỉ.
2. Khó khăn, vướng mắc và kiến nghị
Việc cấp chứng chỉ còn chậm. Ủy ban nhân dân tỉnh đề nghị Bộ Y tế sớm ban hành mẫu hồ sơ điện tử.
""" + SIGNATURE)
    assert [t.id for t in doc.tasks] == ["2"]


def test_a_scheme_part_that_describes_kinds_and_parties_holds_no_tasks():
    # the shape of an approved scheme's description part (real case: QĐ 232/QĐ-TTg 2025, part III): what is
    # traded, who takes part, then who runs it
    doc = parse_text(PLAN_HEADER + """I. SÀN GIAO DỊCH DƯỢC LIỆU
1. Sản phẩm giao dịch trên sàn gồm 02 loại:
a) Dược liệu được trồng theo tiêu chuẩn thực hành tốt.
b) Dược liệu khai thác tự nhiên được cấp phép.
2. Chủ thể tham gia sàn giao dịch
a) Các hợp tác xã trồng dược liệu trên địa bàn tỉnh.
b) Các doanh nghiệp sản xuất thuốc có nhu cầu mua dược liệu.
3. Sở Y tế chủ trì, phối hợp với Sở Công Thương xây dựng quy chế vận hành sàn giao dịch.
II. NHIỆM VỤ
1. Các nhiệm vụ trọng tâm gồm 02 nhóm:
a) Sở Nông nghiệp và Môi trường hướng dẫn hợp tác xã lập hồ sơ vùng trồng.
b) Sở Y tế kiểm tra chất lượng dược liệu giao dịch trên sàn.
""" + SIGNATURE)
    # groups of tasks are no kinds: "gồm 02 nhóm:" introduces duties
    assert [t.id for t in doc.tasks] == ["I.3", "II.1.a", "II.1.b"]


def test_a_scanned_letters_header_as_ocr_mangles_it():
    # the genre of a real case (a ministry's letter read by tesseract): issuer glued to the national title, the
    # title's middle words mangled, a number garbled past recognition, the trích yếu on the line of a date whose
    # day and month OCR lost; the issuer, the type and the place are read, the number and the date are not guessed
    text = "\n".join([
        "BỘ NỘI VỤCỘNG HOÀ XÃ ; HỦ NGHĨA VIỆT NAM",
        ") Độc lập - Tự do - Hạnh phúc",
        "sẽ. 4 Đ7NV-TCBC : ChẾP =",
        "V/v hướng dẫn thực hiện chế độ báo Hà Nội, ngày0) thángh năm 2033",
        "",
        "cáo thống kê về tổ chức bộ máy",
        "",
        "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố",
        "",
        "Bộ Nội vụ đề nghị Ủy ban nhân dân các tỉnh, thành phố báo cáo số liệu trước ngày 15 tháng 12./.",
    ]) + "\n"
    assert _header_fields(parse_text(text)) == (
        "BỘ NỘI VỤ", "Công văn", None, "Hà Nội", None, "V/v hướng dẫn thực hiện chế độ báo cáo thống kê về tổ chức bộ máy")


def _header_fields(doc: Document) -> tuple:
    meta = doc.meta
    return meta.issuer, meta.doc_type, meta.number, meta.place, meta.date, meta.title


@pytest.mark.parametrize("line, date", [
    ("Số: 12/BXD-KHCN Hà Nội, ngàyA2 thang 5 năm 2031", "2031-05"),  # a day OCR could not read
    ("Số: 12/BXD-KHCN Hà Nội, ngày / tháng 7 năm 2031", "2031-07"),  # a day written by hand, left out
    ("Số: 12/BXD-KHCN Hà Nội, ngày 9 tháng 47 năm 2031", None),  # no month of the calendar: no date
    ("Số: 12/BXD-KHCN Hà Nội, ngày 9 tháng 7 năm 2031", "2031-07-09"),
])
def test_a_header_date_keeps_what_ocr_left_readable(line, date):
    doc = parse_text(f"BỘ XÂY DỰNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n{line}\n\nV/v kiểm tra vật liệu\n\n"
                     "Kính gửi: Sở Xây dựng các tỉnh\n\nBộ Xây dựng đề nghị Sở Xây dựng các tỉnh kiểm tra vật liệu./.\n")
    assert (doc.meta.date, doc.meta.number, doc.meta.symbol) == (date, "12/BXD-KHCN", None)


def test_a_number_garbled_by_ocr_is_not_read():
    doc = parse_text("BỘ XÂY DỰNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: Z4Ø/BXD-KHCN Hà Nội, ngày 9 tháng 7 năm 2031\n\n"
                     "V/v kiểm tra vật liệu\n\nKính gửi: Sở Xây dựng các tỉnh\n\n"
                     "Bộ Xây dựng đề nghị Sở Xây dựng các tỉnh kiểm tra vật liệu./.\n")
    assert doc.meta.number is None and doc.meta.date == "2031-07-09"
    assert doc.meta.symbol == "BXD-KHCN"  # the readable ký hiệu is kept for pairing (pipeline.corpus.by_symbol)


def test_a_directive_header_under_stamp_debris_and_its_subject_apart_from_the_body():
    # the genre of a scanned directive: a receipt stamp printed over the number and the type line, the trích yếu
    # double-spaced and no stop before the body's first paragraph
    text = "\n".join([
        "THỦ TƯỚNG CHÍNHPHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "",
        "——; /CT- a Nội, ngà ing 8 năm 2",
        "",
        "| CONG VAN DEN 27 /CT-TTs Ha Nội, ngàyháng 8 năm 2032",
        "",
        "DEN i: : _¬ CHỈ THỊ",
        "",
        "Về tăng cường phòng, chống thiên tai trong mùa mưa bão năm 2032 ở các tỉnh ven biển miền Trung",
        "",
        "và Tây Nguyên",
        "",
        "Với diễn biến ngày càng phức tạp của thời tiết, các đợt mưa lớn đã gây thiệt hại nặng nề",
        "cho nhiều địa phương. Để chủ động ứng phó, Thủ tướng Chính phủ yêu cầu:",
        "",
        "1. Bộ Nông nghiệp và Môi trường chủ trì theo dõi sát diễn biến thời tiết.",
        "",
        "2. Ủy ban nhân dân các tỉnh ven biển rà soát phương án sơ tán dân./.",
    ]) + "\n"
    doc = parse_text(text)
    assert _header_fields(doc) == ("THỦ TƯỚNG CHÍNH PHỦ", "Chỉ thị", None, "Ha Nội", "2032-08",
                                   "Về tăng cường phòng, chống thiên tai trong mùa mưa bão năm 2032 ở các tỉnh ven "
                                   "biển miền Trung và Tây Nguyên")
    assert doc.preamble.startswith("Với diễn biến")
    assert [t.id for t in doc.tasks] == ["1", "2"]


def test_a_letters_items_that_quote_a_circular_are_background():
    # the genre of a ministry's letter: the clauses of its circular quoted or summed up, then the request
    doc = parse_text(LETTER_HEADER + """Ngày 02 tháng 4 năm 2035, Bộ Y tế ban hành Thông tư số 09/2035/TT-BYT, cụ thể:
- Khoản 3 Điều 5 của Thông tư số 09/2035/TT-BYT quy định: “Sở Y tế có trách nhiệm tiếp nhận hồ sơ, cấp chứng chỉ \
hành nghề dược cho các cá nhân trên địa bàn”.
- Điểm a khoản 1 Điều 12 Thông tư số 09/2035/TT-BYT về hiệu lực thi hành:
Thông tư có hiệu lực từ ngày 01/6/2035.
Ủy ban nhân dân tỉnh Hà Nam đề nghị Bộ Y tế hướng dẫn việc cấp chứng chỉ hành nghề trực tuyến./.
""" + SIGNATURE)
    assert [t.text[:35] for t in doc.tasks] == ["Ủy ban nhân dân tỉnh Hà Nam đề nghị"]


# An OCR'd letter of a general department to its provincial offices (written for the tests): the page edge left
# "ac!" after the closing formula and "ot" before the request to report, which follows the last bullet
OCR_DEBRIS_LETTER = """BỘ TÀI CHÍNH
TỔNG CỤC HẢI QUAN
Số: 812/TCHQ-GSQL
V/v tăng cường kiểm tra hàng hóa quá cảnh
Hà Nội, ngày 4 tháng 5 năm 2031

Kính gửi: Cục Hải quan các tỉnh, thành phố.

Để tăng cường công tác kiểm tra hàng hóa quá cảnh, Tổng cục Hải quan yêu cầu Cục Hải quan các tỉnh,
thành phố thực hiện các nội dung sau:

- Rà soát danh sách doanh nghiệp có hàng hóa quá cảnh trong năm 2031, lập kế hoạch kiểm tra theo
mức độ rủi ro.

- Phối hợp với lực lượng Biên phòng kiểm soát chặt chẽ phương tiện vận chuyển hàng hóa quá cảnh
tại các cửa khẩu.

3

ot Kết quả thực hiện báo cáo về Tổng cục Hải quan (Cục Giám sát quản lý) trước ngày 30/11/2031.

Tổng cục Hải quan yêu cầu Cục trưởng Cục Hải quan các tỉnh, thành phố nghiêm túc triển khai thực hiện. ac!

Nơi nhận:
- Như trên;
- Lưu: VT, GSQL.
KT. TỔNG CỤC TRƯỞNG
PHÓ TỔNG CỤC TRƯỞNG
Lê Văn An
"""


def test_ocr_debris_neither_continues_the_last_bullet_nor_hides_the_closing_formula():
    doc = parse_text(OCR_DEBRIS_LETTER)
    assert [t.id for t in doc.tasks] == ["1", "2"]
    assert "Kết quả thực hiện" not in doc.task("2").text
    assert "ot Kết quả thực hiện báo cáo" in doc.closing
    assert "nghiêm túc triển khai thực hiện. ac!" in doc.closing


# An OCR'd decree (written for the tests): OCR read "c)" as "e)" in a list of points
OCR_MISREAD_DECREE = """CHÍNH PHỦ
Số: 31/2031/NĐ-CP
Hà Nội, ngày 2 tháng 3 năm 2031
NGHỊ ĐỊNH
Quy định về quản lý cụm công nghiệp

Điều 1. Phạm vi điều chỉnh
Nghị định này quy định về quản lý cụm công nghiệp.

Điều 2. Trách nhiệm thi hành
1. Bộ Công Thương có trách nhiệm:
a) Hướng dẫn các địa phương thực hiện Nghị định này;
b) Kiểm tra việc thành lập, mở rộng cụm công nghiệp;
e) Tổng hợp, báo cáo Thủ tướng Chính phủ kết quả thực hiện hằng năm.
2. Ủy ban nhân dân cấp tỉnh có trách nhiệm:
a) Ban hành quy chế quản lý cụm công nghiệp trên địa bàn;
b) Bố trí vốn đầu tư hạ tầng kỹ thuật cụm công nghiệp;
e) Chỉ đạo Sở Công Thương kiểm tra việc đầu tư hạ tầng;
d) Báo cáo Bộ Công Thương tình hình cụm công nghiệp trên địa bàn.

Nơi nhận:
- Các bộ;
- Lưu: VT.
TM. CHÍNH PHỦ
THỦ TƯỚNG
"""


def test_ocr_misread_point_letter_is_read_in_sequence():
    doc = parse_text(OCR_MISREAD_DECREE)
    ids = [t.id for t in doc.tasks]
    assert {"2.1.c", "2.2.c", "2.2.d"} <= set(ids) and not any(i.endswith(".e") for i in ids)
    assert doc.task("2.1.c").label == "e)"
    assert any("đọc là 'c)'" in n.message for n in doc.notices)
    # points left out of an excerpt: "e)" followed by "g)" is as printed
    excerpt = parse_text(OCR_MISREAD_DECREE.replace("d) Báo cáo", "g) Báo cáo"))
    assert {"2.2.e", "2.2.g"} <= {t.id for t in excerpt.tasks}


# an OCR'd decree: a chapter heading "Chương III -" whose title is printed on the next line
DECREE_WITH_DASHED_CHAPTER = """CHÍNH PHỦ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 88/2034/NĐ-CP
Hà Nội, ngày 5 tháng 6 năm 2034
NGHỊ ĐỊNH
Quy định chi tiết một số điều của Luật Cấp nước

Chương I
QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh
Nghị định này quy định chi tiết một số điều của Luật Cấp nước.

Điều 30. Quản lý vận hành hệ thống cấp nước
1. Đơn vị cấp nước có trách nhiệm vận hành hệ thống an toàn.
2. Nội dung kiểm tra bao gồm:
a) Kiểm tra chất lượng nước sạch sau xử lý;
b) Kiểm tra áp lực trên mạng lưới đường ống phân phối.

Chương III -
CÔNG TRÌNH CẤP NƯỚC ĐẶC THÙ

Điều 31. Công trình cấp nước phục vụ quốc phòng
Bộ Quốc phòng chủ trì quản lý công trình cấp nước phục vụ quốc phòng.
"""


def test_a_chapter_title_on_the_line_after_its_dashed_label():
    doc = parse_text(DECREE_WITH_DASHED_CHAPTER)
    chapter = next(s for s in doc.sections if s.label == "Chương III")
    assert chapter.title == "CÔNG TRÌNH CẤP NƯỚC ĐẶC THÙ" and chapter.parent is None and chapter.intro == ""
    assert doc.task("31").parent == chapter.id
    clause = next(t for t in [*doc.tasks, *doc.provisions, *doc.other_clauses] if t.id == "30.2.b")
    assert clause.text.endswith("đường ống phân phối.")


# a delegating decision whose article title runs on into its text after a colon
DELEGATION_WITH_TERM = """ỦY BAN NHÂN DÂN
TỈNH HÀ NAM
Số: 310/QĐ-UBND
Hà Nam, ngày 4 tháng 9 năm 2035
QUYẾT ĐỊNH
Về việc ủy quyền cho Giám đốc Sở Xây dựng cấp giấy phép xây dựng
QUYẾT ĐỊNH:
Điều 1. Nội dung ủy quyền
Ủy quyền cho Giám đốc Sở Xây dựng cấp giấy phép xây dựng công trình cấp II trên địa bàn tỉnh.
Điều 2. Thời hạn ủy quyền: Kể từ ngày 10 tháng 9 năm 2035 đến hết ngày 31 tháng 12 năm 2036, trừ trường
hợp văn bản của cấp có thẩm quyền quy định khác.
Điều 3. Giao Sở Tài chính: Chủ trì bố trí kinh phí thực hiện nhiệm vụ được ủy quyền.
Điều 4. Quyết định này có hiệu lực kể từ ngày ký.
""" + SIGNATURE


def test_an_article_title_ends_at_its_colon_when_its_text_follows_on_the_line():
    doc = parse_text(DELEGATION_WITH_TERM)
    term = doc.section("2")
    assert term.title == "Thời hạn ủy quyền"
    assert term.intro == ("Kể từ ngày 10 tháng 9 năm 2035 đến hết ngày 31 tháng 12 năm 2036, trừ trường hợp văn bản "
                          "của cấp có thẩm quyền quy định khác.")
    source = from_string(DELEGATION_WITH_TERM, name="<test>", kind="txt")
    assert source.text[term.span.start:term.span.end].startswith("Điều 2. Thời hạn ủy quyền: Kể từ ngày")
    # the words before the colon name whom the article addresses: no title, the line stays whole (a task)
    assert doc.task("3").text == "Giao Sở Tài chính: Chủ trì bố trí kinh phí thực hiện nhiệm vụ được ủy quyền."


PLAN_WITH_WIDE_GAPS = """\
      ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
      TỈNH YÊN BÁI                             Độc lập - Tự do - Hạnh phúc

      Số: 15/KH-UBND                          Yên Bái, ngày 10 tháng 3 năm 2031

                                     KẾ HOẠCH
          Thực hiện Nghị quyết số 9/NQ-CP ngày 04/5/2031 của Chính phủ

      I. NHIỆM VỤ
      1. Sở Công Thương chủ trì rà soát quy hoạch chợ đầu mối, hoàn thành trong năm 2031.
      2     Bố trí kinh phí thực hiện Kế hoạch: Sở Tài chính    Năm 2031
      3. Ủy ban nhân dân các huyện bố trí quỹ đất xây dựng chợ, hoàn thành trong
năm    2031;     Sở    Xây      dựng    hướng     dẫn    thủ    tục    cấp     phép.

Nơi nhận:                                               TM. ỦY BAN NHÂN DÂN
- Như trên;                                                  CHỦ TỊCH
- Lưu: VT.                                               Trần Văn Bình
"""


def test_wide_gaps_in_task_texts_are_blanks_and_the_header_columns_still_read():
    doc = parse_text(PLAN_WITH_WIDE_GAPS)
    assert not any("|" in t.text for t in doc.tasks)
    assert doc.task("I.3").text.endswith("trong năm 2031; Sở Xây dựng hướng dẫn thủ tục cấp phép.")
    meta = doc.meta
    assert (meta.issuer, meta.number, meta.date, meta.place) == ("ỦY BAN NHÂN DÂN TỈNH YÊN BÁI", "15/KH-UBND",
                                                               "2031-03-10", "Yên Bái")
    assert meta.title == "Thực hiện Nghị quyết số 9/NQ-CP ngày 04/5/2031 của Chính phủ"
    assert (meta.signer, meta.signer_title) == ("Trần Văn Bình", "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH")


def test_a_decision_article_of_one_line_that_assigns_work_is_a_task():
    # "Điều 2. Giao Sở Tài chính chủ trì …" printed on one line, with no paragraph under it, as "Điều 1. Ủy quyền cho …"
    text = ("ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\nSố: 31/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc ủy quyền phê duyệt phương án\n"
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\nQUYẾT ĐỊNH:\n"
            "Điều 1. Ủy quyền cho Giám đốc Sở Xây dựng phê duyệt phương án tổ chức giao thông trên tuyến tránh.\n"
            "Điều 2. Giao Sở Tài chính chủ trì bố trí kinh phí thực hiện nhiệm vụ được ủy quyền.\n"
            "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.\nNơi nhận:\n- Như trên;\n")
    from pipeline.api import parse_text as parse_with_roles

    assert [t.id for t in parse_text(text).tasks] == ["1", "2"]
    assert [m.text for m in parse_with_roles(text, role="provincial").task("2").leads] == ["Sở Tài chính"]


def test_a_letters_bullets_that_only_list_documents_outside_any_item_are_no_tasks():
    # real case: Lào Cai CV 3320/SNNMT-CCMT 2026 ("Bộ … đã ban hành các Văn bản hợp nhất …, cụ thể:" / "- Văn bản hợp
    # nhất số 48/VBHN-BNNMT …" gave two tasks)
    doc = parse_text(LETTER_HEADER + """Bộ Y tế đã ban hành các văn bản hướng dẫn về dược, cụ thể:
- Văn bản hợp nhất số 12/VBHN-BYT ngày 02/3/2035 về xác thực hợp nhất Nghị định quy định chi tiết Luật Dược;
- Thông tư số 05/2035/TT-BYT ngày 10/3/2035 quy định về thực hành tốt cơ sở bán lẻ thuốc.
Để triển khai kịp thời, Sở Y tế đề nghị Ủy ban nhân dân các xã, phường; Công an tỉnh nghiên cứu, thực hiện \
nghiêm các văn bản nêu trên.
""" + SIGNATURE)
    assert [t.text[:30] for t in doc.tasks] == ["Để triển khai kịp thời, Sở Y t"]
    # a bullet that asks for work keeps its list of bullets tasks
    doc = parse_text(LETTER_HEADER + """Sở Y tế đề nghị các đơn vị:
- Văn bản số 12/SYT-NVD ngày 02/3/2035 về rà soát cơ sở bán lẻ thuốc;
- Tổ chức rà soát các cơ sở bán lẻ thuốc trước ngày 30/6/2035.
""" + SIGNATURE)
    assert len(doc.tasks) == 2


def test_a_letters_opening_paragraph_that_asks_for_the_work_itself_is_a_task():
    # genre of the real case Lào Cai CV 3320/SNNMT-CCMT 2026: "Để …, Sở … đề nghị [the addressees] tổ chức …" is the
    # letter's request; a body of such paragraphs alone gave "no document structure found"
    doc = parse_text(LETTER_HEADER + """Thực hiện Công văn số 77/BYT-QLD ngày 02/3/2035 của Bộ Y tế về việc rà soát cơ sở \
bán lẻ thuốc, Sở Y tế đề nghị Ủy ban nhân dân các xã, phường tổ chức rà soát, thống kê các cơ sở bán lẻ thuốc trên \
địa bàn và gửi kết quả về Sở Y tế trước ngày 30/6/2035.
Trong quá trình thực hiện, nếu có vướng mắc đề nghị phản ánh về Sở Y tế để được hướng dẫn./.
""" + SIGNATURE)
    assert [t.text[:28] for t in doc.tasks] == ["Thực hiện Công văn số 77/BYT"]
    # an opening that announces the items below stays the preamble
    doc = parse_text(LETTER_HEADER + """Thực hiện Công văn số 77/BYT-QLD ngày 02/3/2035 của Bộ Y tế, Sở Y tế đề nghị:
- Ủy ban nhân dân các xã, phường rà soát các cơ sở bán lẻ thuốc.
- Phòng Y tế tổng hợp kết quả.
""" + SIGNATURE)
    assert [t.id for t in doc.tasks] == ["1", "2"]
    assert doc.preamble.startswith("Thực hiện Công văn số 77/BYT-QLD")


def _appendix(table: str) -> str:
    return PLAN_WITH_TASK_TABLE.split("STT |")[0] + table


def test_rows_under_a_merged_numbering_cell_are_tasks_and_a_merged_activity_cell_heads_them():
    # a programme's appendix (real case: QĐ 419/QĐ-TTg 2017, Phụ lục): the task column is headed "Hoạt động";
    # lettered group rows are one cell merged across; a bulleted row's activity group is merged down over the
    # rows below it, whose first cells are empty; each row names its own lead
    doc = parse_text(_appendix(
        "| TT | Nhóm hoạt động | Hoạt động | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "| a) | Nhóm hoạt động nhằm hạn chế mất rừng |\n"
        "| - | Rà soát quy hoạch sử dụng đất lâm nghiệp. | + Rà soát kế hoạch sử dụng đất của các ngành. "
        "| Sở Tài nguyên và Môi trường | Sở Nông nghiệp | 2034 |\n"
        "|  |  | + Hỗ trợ lập kế hoạch sử dụng đất liên ngành. | Ủy ban nhân dân huyện | Sở Tài chính | 2035 |\n"
        "| - | Cải thiện sinh kế cho người dân gần rừng. | + Đánh giá thực trạng kinh tế - xã hội. "
        "| Sở Nông nghiệp |  | 2034 |\n"
        "| b) | Nhóm hoạt động nhằm bảo tồn rừng |\n"
        "| - | Nhân rộng mô hình rừng gỗ lớn. | + Chọn tạo giống mới. | Sở Khoa học và Công nghệ |  | 2035 |\n"),
        kind="md")
    rows = [(t.id, t.parent, t.text.split(" (")[0]) for t in doc.tasks if t.id.startswith("Bảng")]
    assert rows == [("Bảng.1.a.1.1", "Bảng.1.a.1", "Rà soát kế hoạch sử dụng đất của các ngành."),
                    ("Bảng.1.a.1.2", "Bảng.1.a.1", "Hỗ trợ lập kế hoạch sử dụng đất liên ngành."),
                    ("Bảng.1.a.2.1", "Bảng.1.a.2", "Đánh giá thực trạng kinh tế - xã hội."),
                    ("Bảng.1.b.1.1", "Bảng.1.b.1", "Chọn tạo giống mới.")]
    assert doc.section("Bảng.1.a").title == "Nhóm hoạt động nhằm hạn chế mất rừng"
    assert doc.section("Bảng.1.a.1").title == "Rà soát quy hoạch sử dụng đất lâm nghiệp."
    assert doc.task("Bảng.1.a.1.2").text.endswith("(Cơ quan chủ trì: Ủy ban nhân dân huyện; "
                                                  "Cơ quan phối hợp: Sở Tài chính; Thời gian: 2035)")


def test_a_task_table_with_no_numbering_column():
    # the task column comes first; the header is printed again at the top of the next page, under it the rest
    # of the row cut by the page break; a row of column numbers and group titles merged across
    doc = parse_text(_appendix(
        "Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành\n"
        "(1) | (2) | (3) | (4)\n"
        "I. NHÓM NHIỆM VỤ VỀ ĐẦU TƯ |  |  | \n"
        "Rà soát nguồn vốn đầu tư công cho vùng biên giới | Sở Tài chính | Sở Xây dựng | Quý II/2034\n"
        "Xây dựng đề án phát triển thương mại biên giới, | Sở Công Thương | Sở Tài chính | Tháng 9/2034\n"
        "Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành\n"
        "gắn với các cửa khẩu phụ |  | Ủy ban nhân dân các xã biên giới | \n"
        "II. NHÓM NHIỆM VỤ VỀ Y TẾ |  |  | \n"
        "Tăng cường kiểm dịch y tế tại cửa khẩu | Sở Y tế | Công an tỉnh | Thường xuyên\n"))
    rows = [(t.id, t.parent) for t in doc.tasks if t.id.startswith("Bảng")]
    assert rows == [("Bảng.1.I.1", "Bảng.1.I"), ("Bảng.1.I.2", "Bảng.1.I"), ("Bảng.1.II.1", "Bảng.1.II")]
    assert doc.section("Bảng.1.II").title == "II. NHÓM NHIỆM VỤ VỀ Y TẾ"
    assert doc.task("Bảng.1.I.2").text == (
        "Xây dựng đề án phát triển thương mại biên giới, gắn với các cửa khẩu phụ (Cơ quan chủ trì: Sở Công Thương; "
        "Cơ quan phối hợp: Sở Tài chính Ủy ban nhân dân các xã biên giới; Thời gian hoàn thành: Tháng 9/2034)")


def test_a_numbered_row_cut_by_a_page_break_goes_on_after_the_repeated_header():
    # columns in another order than usual (lead before the task), the header repeated on the next page, and the
    # rest of row 2 in a row of its own whose numbering cell is empty
    doc = parse_text(_appendix(
        "| STT | Cơ quan chủ trì | Nội dung nhiệm vụ | Thời gian hoàn thành | Cơ quan phối hợp |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| 1 | Sở Công Thương | Xây dựng đề án phát triển thương mại biên giới | Tháng 9/2034 | Sở Tài chính |\n"
        "| 2 | Sở Nội vụ | Kiện toàn tổ chức bộ máy quản lý cửa khẩu, bảo đảm | Năm 2034 | Sở Tài chính |\n"
        "| STT | Cơ quan chủ trì | Nội dung nhiệm vụ | Thời gian hoàn thành | Cơ quan phối hợp |\n"
        "|  |  | đủ biên chế cho các trạm kiểm soát liên hợp |  |  |\n"
        "| 3 | Sở Y tế | Tăng cường kiểm dịch y tế tại cửa khẩu | Thường xuyên | Công an tỉnh |\n"), kind="md")
    assert [t.id for t in doc.tasks if t.id.startswith("Bảng")] == ["Bảng.1.1", "Bảng.1.2", "Bảng.1.3"]
    assert doc.task("Bảng.1.2").text.startswith(
        "Kiện toàn tổ chức bộ máy quản lý cửa khẩu, bảo đảm đủ biên chế cho các trạm kiểm soát liên hợp (Cơ quan "
        "chủ trì: Sở Nội vụ;")


def test_a_short_letter_whose_one_paragraph_asks_after_a_clause_of_purpose_is_a_task():
    # a one-paragraph letter of fewer than 45 words opening with "Để …" was taken for the closing formula (by its
    # opening alone) and refused with "no document structure found"
    doc = parse_text(LETTER_HEADER + "Để có cơ sở tổng hợp báo cáo Ủy ban nhân dân tỉnh, Sở Tài chính đề nghị các đơn "
                     "vị báo cáo tình hình thực hiện giá dịch vụ về Sở trước ngày 20/5/2035./.\n" + SIGNATURE)
    assert [t.text[:30] for t in doc.tasks] == ["Để có cơ sở tổng hợp báo cáo Ủ"]
    # a plain call to carry out, or a bare request to report difficulties, stays the closing formula
    for formula in ("Để triển khai có hiệu quả, đề nghị các đơn vị quan tâm, phối hợp./.",
                    "Trong quá trình thực hiện, nếu có vướng mắc, đề nghị phản ánh về Sở Y tế để được hướng dẫn./."):
        doc = parse_text(LETTER_HEADER + "Sở Y tế đề nghị Ủy ban nhân dân các xã, phường rà soát các cơ sở bán lẻ "
                         "thuốc trên địa bàn trước ngày 30/6/2035.\n" + formula + "\n" + SIGNATURE)
        assert len(doc.tasks) == 1


DECISION_HEADER = ("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                   "Số: 88/QĐ-BNNMT\nHà Nội, ngày 4 tháng 5 năm 2035\nQUYẾT ĐỊNH\nVề việc thí điểm cấp hạn ngạch khai "
                   "thác nước\nBỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nCăn cứ Luật Tài nguyên nước ngày 27 tháng 11 "
                   "năm 2023;\nQUYẾT ĐỊNH:\n")


def test_a_decisions_untitled_article_charging_a_regulated_party_is_a_task():
    # genre of the real case QĐ 699/QĐ-BNNMT 2026 Điều 2 ("Các cơ sở được thí điểm phân bổ … có trách nhiệm nộp trả
    # …"): an article printed as one sentence that puts a duty on the parties the decision concerns
    doc = parse_text(DECISION_HEADER + """Điều 1. Thí điểm cấp hạn ngạch khai thác nước cho các cơ sở theo Phụ lục ban \
hành kèm theo Quyết định này.
Điều 2. Các cơ sở được thí điểm cấp hạn ngạch có trách nhiệm báo cáo lượng nước khai thác theo quy định tại Điều 9 \
của Nghị định số 54/2034/NĐ-CP.
Điều 3. Các cơ sở được thí điểm cấp hạn ngạch được ưu tiên xem xét gia hạn giấy phép.
Điều 4. Quyết định này có hiệu lực thi hành kể từ ngày ký.
Cục trưởng Cục Quản lý tài nguyên nước và các cơ sở có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.
""" + SIGNATURE)
    assert [t.id for t in doc.tasks] == ["2", "4"]
    # a decree's duties of the regulated parties sit under a title: they stay provisions
    decree = parse_text("""CHÍNH PHỦ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 54/2034/NĐ-CP
Hà Nội, ngày 4 tháng 5 năm 2034
NGHỊ ĐỊNH
Quy định về hạn ngạch khai thác nước
Căn cứ Luật Tài nguyên nước ngày 27 tháng 11 năm 2023;
Chính phủ ban hành Nghị định quy định về hạn ngạch khai thác nước.
Điều 9. Báo cáo lượng nước khai thác
Các cơ sở được cấp hạn ngạch có trách nhiệm báo cáo lượng nước khai thác hằng năm.
Điều 10. Trách nhiệm của Ủy ban nhân dân cấp tỉnh
Ủy ban nhân dân cấp tỉnh có trách nhiệm theo dõi việc khai thác nước trên địa bàn.
""" + SIGNATURE)
    assert [t.id for t in decree.tasks] == ["10"]
    assert [p.id for p in decree.provisions] == ["9"]


# a Prime Minister's decision approving a scheme, its "Tổ chức thực hiện" part inside Điều 1 (real case: QĐ 1775/QĐ-TTg
# 2012, part V)
SCHEME_DECISION = """THỦ TƯỚNG CHÍNH PHỦ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 77/QĐ-TTg
Hà Nội, ngày 4 tháng 5 năm 2035
QUYẾT ĐỊNH
Phê duyệt Đề án quản lý chất thải nhựa đại dương
THỦ TƯỚNG CHÍNH PHỦ
Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;
QUYẾT ĐỊNH:
Điều 1. Phê duyệt Đề án quản lý chất thải nhựa đại dương với những nội dung chủ yếu sau:
I. MỤC TIÊU
Giảm 50% lượng chất thải nhựa ra biển vào năm 2040.
II. TỔ CHỨC THỰC HIỆN
{items}
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.
Các Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chịu trách nhiệm thi hành \
Quyết định này./.
"""


def test_paragraphs_after_the_last_item_that_open_with_their_own_subject_are_tasks_of_their_own():
    items = "\n".join([
        "1. Bộ Công Thương chủ trì xây dựng cơ sở dữ liệu về chất thải nhựa.",
        "2. Ủy ban nhân dân các tỉnh ven biển phối hợp với các Bộ, ngành liên quan giám sát chất thải nhựa trên "
        "địa bàn. Chủ động bố trí kinh phí thu gom chất thải nhựa tại các cảng cá.",
        "Tổ chức thực hiện thu gom theo hướng dẫn của Bộ Công Thương.",
        "Các cơ quan, tổ chức, doanh nghiệp thực hiện các quy định về giảm chất thải nhựa nêu tại Đề án này.",
        "Trong quá trình triển khai các dự án của Đề án, các Bộ, ngành và địa phương rà soát để bảo đảm không trùng "
        "lặp với các chương trình đã có.",
    ])
    doc = parse_text(SCHEME_DECISION.format(items=items))
    tasks = {t.id: t for t in doc.tasks}
    assert [t for t in tasks if t.startswith("1.II")] == ["1.II.1", "1.II.2", "1.II.closing", "1.II.closing~2"]
    # a paragraph without a subject of its own goes on with the item above it
    assert tasks["1.II.2"].text.endswith("theo hướng dẫn của Bộ Công Thương.")
    assert tasks["1.II.closing"].text.startswith("Các cơ quan, tổ chức, doanh nghiệp")
    assert tasks["1.II.closing~2"].text.startswith("Trong quá trình triển khai")
    assert tasks["1.II.closing"].parent == "1.II"
    # the part's span takes them in
    part = doc.section("1.II")
    assert part.span.end == tasks["1.II.closing~2"].span.end
    # an item that states a target has its task in the paragraph after it, whoever that paragraph names
    target = parse_text(PLAN_HEADER + "\n".join([
        "II. MỤC TIÊU VÀ NHIỆM VỤ",
        "1. Thành lập mới 3 cụm công nghiệp.",
        "Sở Công Thương chủ trì tham mưu thủ tục thành lập cụm công nghiệp.",
        "2. Ít nhất 30% doanh nghiệp trong các cụm công nghiệp được hỗ trợ chuyển đổi số.",
        "Sở Khoa học và Công nghệ chủ trì hướng dẫn các doanh nghiệp chuyển đổi số.",
        "III. KINH PHÍ",
    ]) + "\n")
    assert [t.id for t in target.tasks] == ["II.1", "II.2"]
    assert target.task("II.2").text.endswith("hướng dẫn các doanh nghiệp chuyển đổi số.")


def test_an_item_whose_own_sentence_assigns_work_heads_its_bullets_and_gives_them_its_lead():
    # the gold conventions: a clause with points or bullets is a section, its points are the tasks, even when its
    # own sentence is a whole assignment ending with a stop (QĐ 1775/QĐ-TTg 2012 V.1's kind)
    items = "\n".join([
        "1. Bộ Công Thương chủ trì, phối hợp với các Bộ, ngành liên quan tổ chức thực hiện Đề án; chỉ đạo, hướng dẫn, "
        "kiểm tra việc thực hiện Đề án ở các Bộ, ngành, các địa phương.",
        "- Ban hành theo thẩm quyền quy định về thu gom chất thải nhựa.",
        "- Theo dõi, giám sát việc giảm chất thải nhựa tại các địa phương.",
        "2. Bộ Tài chính:",
        "- Bố trí kinh phí thực hiện Đề án.",
    ])
    doc = parse_text(SCHEME_DECISION.format(items=items))
    assert [t.id for t in doc.tasks if t.id.startswith("1.II")] == ["1.II.1.1", "1.II.1.2", "1.II.2.1"]
    assert doc.section("1.II.1").title.startswith("Bộ Công Thương chủ trì")
    assert doc.task("1.II.1.1").parent == "1.II.1"


def test_a_bulleted_table_row_that_introduces_the_rows_after_it_heads_them():
    # an appendix table of a national programme: activity groups merged down a column, bulleted activities, one of
    # them only announcing the "." rows below it (real case: QĐ 419/QĐ-TTg 2017, Phụ lục)
    doc = parse_text(PLAN_WITH_TASK_TABLE.split("STT |")[0] + (
        "TT | Nhóm hoạt động | Hoạt động | Cơ quan chủ trì | Cơ quan phối hợp\n"
        "- | Cải thiện sinh kế cho người dân sống gần rừng. | + Đánh giá thực trạng kinh tế - xã hội vùng rừng. | "
        "Sở Nông nghiệp và Môi trường | Ủy ban nhân dân các xã\n"
        " |  | + Thực hiện các hoạt động hỗ trợ sau, tùy theo điều kiện của từng xã: |  | \n"
        " |  | . Nhân rộng các mô hình quản lý rừng cộng đồng. | Ủy ban nhân dân các xã | Các cơ quan liên quan\n"
        " |  | . Tư vấn pháp lý cho người dân về quyền sử dụng rừng. | Sở Tư pháp | \n"
        " |  | + Giao đất, giao rừng cho hộ gia đình thiếu đất sản xuất. | Ủy ban nhân dân các xã | \n"))
    rows = {t.id: t for t in doc.tasks if t.id.startswith("Bảng")}
    assert list(rows) == ["Bảng.1.1.1", "Bảng.1.1.2.1", "Bảng.1.1.2.2", "Bảng.1.1.3"]
    heading = doc.section("Bảng.1.1.2")
    assert heading.title == "Thực hiện các hoạt động hỗ trợ sau, tùy theo điều kiện của từng xã:"
    assert heading.parent == "Bảng.1.1" and rows["Bảng.1.1.2.1"].parent == "Bảng.1.1.2"
    # the row's bullet is its label, no word of its task
    assert rows["Bảng.1.1.2.1"].label == "." and rows["Bảng.1.1.2.1"].text.startswith("Nhân rộng các mô hình")
    assert rows["Bảng.1.1.1"].label == "+" and rows["Bảng.1.1.1"].text.startswith("Đánh giá thực trạng")
    assert rows["Bảng.1.1.3"].parent == "Bảng.1.1"


def test_an_unnumbered_row_under_a_merged_numbering_cell_is_numbered_after_its_row():
    doc = parse_text(PLAN_WITH_TASK_TABLE.replace(
        "2 | Xây dựng cơ sở dữ liệu | Sở Thông tin và Truyền thông |  | Năm 2033\n",
        "2 | Xây dựng cơ sở dữ liệu | Sở Thông tin và Truyền thông |  | Năm 2033\n"
        " | Cập nhật cơ sở dữ liệu hằng năm | Sở Thông tin và Truyền thông |  | Hằng năm\n"))
    assert [t.id for t in doc.tasks] == ["III", "Bảng.1.I.1", "Bảng.1.I.2", "Bảng.1.I.2.2", "Bảng.1.II.1"]
    assert doc.task("Bảng.1.I.2.2").text.startswith("Cập nhật cơ sở dữ liệu hằng năm")


def test_the_lettered_parts_of_a_plan_enclose_its_roman_headings():
    # a national steering committee's plan (real case: KH 252/KH-BCĐQG1237, 2013): "A." and "B." head its parts,
    # the roman headings of "B." are not items of the last numbered item of "A."
    lines = [
        "A. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "Cụ thể hóa các nhiệm vụ của Đề án.",
        "2. Yêu cầu",
        "Bảo đảm sự phối hợp chặt chẽ giữa các cơ quan.",
        "B. NỘI DUNG, NHIỆM VỤ",
        "I. CÔNG TÁC TUYÊN TRUYỀN",
        "1. Sở Văn hóa tổ chức tuyên truyền về Đề án;",
        "2. Sở Tư pháp phổ biến các văn bản có liên quan.",
        "II. CÔNG TÁC KIỂM TRA",
        "1. Sở Nội vụ kiểm tra việc thực hiện Đề án.",
        "C. TỔ CHỨC THỰC HIỆN",
        "Các sở, ngành triển khai thực hiện Kế hoạch này.",
    ]
    doc = parse_text(PLAN_HEADER + "\n".join(lines) + "\n" + SIGNATURE)
    assert [t.id for t in doc.tasks] == ["B.I.1", "B.I.2", "B.II.1", "C"]
    assert [s.id for s in doc.sections if s.parent is None] == ["A", "B"]


def test_the_particulars_of_an_item_in_dashes_are_part_of_its_task():
    # a ministry's plan lists under each task who leads, who takes part and when (real case: field bullets of
    # ministry plans carrying out a Prime Minister's decision); one bullet that is no particular keeps them items
    lines = [
        "II. NHIỆM VỤ CỤ THỂ",
        "1. Xây dựng cơ sở dữ liệu về y tế cơ sở.",
        "- Cơ quan chủ trì: Cục Quản lý khám, chữa bệnh.",
        "- Cơ quan phối hợp: Bộ Tài chính, Ủy ban nhân dân các tỉnh.",
        "- Thời gian thực hiện: năm 2036.",
        "2. Tập huấn cho cán bộ y tế tuyến xã.",
        "- Đơn vị chủ trì: Sở Y tế các tỉnh.",
        "- Thời gian hoàn thành: hằng năm.",
    ]
    doc = parse_text(PLAN_HEADER + "\n".join(lines) + "\n" + SIGNATURE)
    assert [t.id for t in doc.tasks] == ["II.1", "II.2"]
    assert "Cơ quan phối hợp: Bộ Tài chính" in doc.tasks[0].text
    mixed = parse_text(PLAN_HEADER + "\n".join(lines[:3] + ["- Kiểm tra việc cập nhật dữ liệu tại các xã."]) + "\n"
                       + SIGNATURE)
    assert [t.id for t in mixed.tasks] == ["II.1.1", "II.1.2"]


def test_a_letters_number_and_subject_in_one_cell_are_read_apart():
    # a converter puts the số hiệu and the subject of a letter in one table cell (real case: CV 2214/BXD-QLN,
    # 2013, collected as Markdown)
    doc = parse_text(
        "| SỞ Y TẾ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |\n"
        "|---|---|\n"
        "| Số: 214/SYT-NV V/v: Triển khai tiêm chủng mở rộng năm 2035. | Hà Nam, ngày 23 tháng 10 năm 2035 |\n\n"
        "| Kính gửi: | - Ủy ban nhân dân các xã, phường |\n|---|---|\n\n"
        "Sở Y tế đề nghị Ủy ban nhân dân các xã, phường tổ chức tiêm chủng theo kế hoạch./.\n\n" + SIGNATURE,
        kind="md")
    assert doc.meta.number == "214/SYT-NV"
    assert doc.meta.doc_type == "Công văn"
    assert "Triển khai tiêm chủng mở rộng năm 2035" in doc.meta.title


def test_a_markdown_tables_delimiter_rows_and_the_rules_joined_to_header_cells_are_no_text():
    # a letter collected as Markdown keeps its layout tables: a compact delimiter row ("|---|---") under the
    # "Kính gửi" row was read as the end of the last addressee, and the rule under the issuer, joined to its cell,
    # as part of its name (real case: CV 2214/BXD-QLN and CV 2428/BXD-QLN, 2013)
    doc = parse_text(
        "| SỞ TÀI CHÍNH -------\n"
        "|---|---\n"
        "| Số: 318/STC-NS V/v: Bố trí vốn sửa chữa trường học năm 2035. | Hà Nam, ngày 3 tháng 4 năm 2035\n\n"
        "| Kính gửi: | - Sở Giáo dục và Đào tạo; - Sở Xây dựng\n"
        "|---|---\n\n"
        "Sở Tài chính đề nghị Sở Giáo dục và Đào tạo, Sở Xây dựng rà soát danh mục trường học cần sửa chữa, gửi Sở "
        "Tài chính trước ngày 30/4/2035.\n\n"
        "| Nơi nhận: - Như trên; - Lưu: VT. | KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Lê Văn Bình\n|---|---|\n", kind="md")
    assert doc.meta.issuer == "SỞ TÀI CHÍNH"
    assert doc.meta.addressees == ["Sở Giáo dục và Đào tạo", "Sở Xây dựng"]
    assert "---" not in doc.closing and [t.text[:22] for t in doc.tasks] == ["Sở Tài chính đề nghị S"]
    motto = normalize(from_string("| SỞ TÀI CHÍNH ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - "
                                  "Hạnh phúc --------------- |\n|---|---|\n", kind="md"))
    assert [b.text for b in motto] == ["| SỞ TÀI CHÍNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh "
                                       "phúc |"]


def test_a_signature_cell_holding_the_title_and_the_name_gives_both():
    # a converter puts the signer's title and name in one table cell (real cases: CV 2428/BXD-QLN 2013 "| |
    # KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Trần Nam", QĐ 22/2013/QĐ-TTg "THỦ TƯỚNG Nguyễn Tấn Dũng")
    doc = parse_text(LETTER_HEADER + "Sở Y tế đề nghị Ủy ban nhân dân các xã, phường rà soát các cơ sở bán lẻ thuốc.\n\n"
                     "| Nơi nhận: - Như trên; - Lưu: VT.\n|---|---\n| | KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Trần Văn Hải\n", kind="md")
    assert (doc.meta.signer, doc.meta.signer_title) == ("Trần Văn Hải", "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC")
    assert doc.meta.recipients == ["Bộ Y tế", "Như trên", "Lưu: VT"]


def test_points_numbered_with_their_item_are_points_of_it():
    # "2.1.a.", "2.1.b." under "2.1. Bước 1:" (real case: a city's plan for housing support, 2014)
    doc = parse_text(PLAN_HEADER + (
        "I. NỘI DUNG THỰC HIỆN\n"
        "1. Trình tự lập danh sách hỗ trợ\n"
        "1.1. Bước 1:\n"
        "1.1.a. Thành lập Tổ công tác:\n"
        "Ủy ban nhân dân cấp xã thành lập Tổ công tác rà soát danh sách các hộ được hỗ trợ.\n"
        "1.1.b. Tiếp nhận hồ sơ:\n"
        "Trưởng thôn hướng dẫn các hộ làm đơn đề nghị hỗ trợ, gửi Ủy ban nhân dân cấp xã.\n"
        "1.2. Bước 2: Ủy ban nhân dân cấp huyện phê duyệt danh sách các hộ được hỗ trợ.\n") + SIGNATURE)
    assert [t.id for t in doc.tasks] == ["I.1.1.a", "I.1.1.b", "I.1.2"]
    assert doc.task("I.1.1.a").label == "1.1.a." and doc.section("I.1.1").title == "Bước 1:"
    assert "Tổ công tác rà soát" in doc.task("I.1.1.a").text


def test_bullets_that_spell_out_conditions_or_an_order_of_priority_are_part_of_their_item():
    # real case: a city's plan for housing support, 2014 ("… có một trong các điều kiện sau:" / "- Nhà ở bị hư hỏng
    # nặng …"; "… được lập theo thứ tự ưu tiên sau đây:" / "- Hộ gia đình …")
    doc = parse_text(PLAN_HEADER + (
        "I. NỘI DUNG THỰC HIỆN\n"
        "1. Ủy ban nhân dân cấp xã rà soát các hộ có nhà ở thuộc một trong các trường hợp sau:\n"
        "- Nhà ở bị hư hỏng nặng phải phá dỡ để xây mới.\n"
        "- Nhà ở bị dột nát cần sửa chữa khung, tường.\n"
        "2. Lưu ý khi lập danh sách\n"
        "Danh sách cần ghi rõ số hộ và mức hỗ trợ của từng hộ.\n"
        "Các hộ được hỗ trợ được xếp theo thứ tự ưu tiên sau đây:\n"
        "- Hộ có nhà ở có nguy cơ sập đổ.\n"
        "- Hộ có người cao tuổi.\n"
        "3. Ủy ban nhân dân cấp huyện phê duyệt danh sách các hộ được hỗ trợ.\n") + SIGNATURE)
    assert [t.id for t in doc.tasks] == ["I.1", "I.2", "I.3"]
    assert "Nhà ở bị dột nát" in doc.task("I.1").text and "Hộ có người cao tuổi" in doc.task("I.2").text


DECREE_WITH_CONDITIONS = """THỦ TƯỚNG CHÍNH PHỦ
Số: 12/2035/QĐ-TTg
QUYẾT ĐỊNH
Hỗ trợ nhà ở cho hộ nghèo vùng ven biển
Điều 1. Điều kiện được hỗ trợ
Hộ gia đình được hỗ trợ phải có đủ các điều kiện sau:
1. Là hộ nghèo theo chuẩn nghèo hiện hành.
2. Nhà ở bị hư hỏng với mức độ như sau:
a) Phải phá dỡ để xây mới nhà ở;
b) Phải sửa chữa khung, tường và mái nhà ở.
Điều 2. Tổ chức thực hiện
1. Bộ Xây dựng hướng dẫn thực hiện Quyết định này.
2. Ủy ban nhân dân cấp tỉnh phê duyệt danh sách các hộ được hỗ trợ.
"""


def test_the_conditions_an_article_lists_are_no_provisions():
    # "Phải phá dỡ …" is a degree of damage, one of the conditions of the article, not a duty (real case: QĐ
    # 22/2013/QĐ-TTg 2.2.a-b)
    doc = parse_text(DECREE_WITH_CONDITIONS)
    assert [t.id for t in doc.tasks] == ["2.1", "2.2"]
    assert doc.provisions == []


DECISION_WITH_LOCALITY_CLAUSES = """THỦ TƯỚNG CHÍNH PHỦ
Số: 13/2035/QĐ-TTg
QUYẾT ĐỊNH
Hỗ trợ nhà ở cho hộ nghèo vùng ven biển
Điều 1. Mức hỗ trợ
Mức hỗ trợ là 30 triệu đồng mỗi hộ.
Điều 2. Chi phí quản lý
1. Các tỉnh, thành phố trực thuộc Trung ương bố trí kinh phí quản lý từ ngân sách địa phương.
2. Bộ Xây dựng có trách nhiệm lập dự toán kinh phí chỉ đạo, kiểm tra hằng năm.
Điều 3. Thời gian thực hiện
1. Trong năm 2035, Ủy ban nhân dân các tỉnh ven biển hoàn thành việc hỗ trợ cho các hộ đã có tên trong danh sách.
2. Trong năm 2036, các địa phương tiếp tục hỗ trợ các hộ mới được rà soát.
"""


def test_clauses_whose_subjects_are_localities_or_follow_a_time_phrase_make_a_task_article():
    # real case: QĐ 22/2013/QĐ-TTg Điều 4 ("Các tỉnh, thành phố trực thuộc Trung ương sử dụng …") and Điều 7
    # ("Trong năm 2013, Ủy ban nhân dân các tỉnh …", "Trong năm 2014, các địa phương …")
    doc = parse_text(DECISION_WITH_LOCALITY_CLAUSES)
    assert [t.id for t in doc.tasks] == ["2.1", "2.2", "3.1", "3.2"]


def test_a_continuing_case_in_the_list_of_a_named_bodys_duties_is_its_duty():
    # real case: a city's plan for housing support, 2014, III.1.1 ("Ủy ban nhân dân Thành phố:" / "- Đối với các
    # trường hợp … nhưng mới được các địa phương thống kê, rà soát thì tiếp tục thực hiện hỗ trợ trong năm tiếp theo.")
    doc = parse_text(PLAN_HEADER + (
        "I. TỔ CHỨC THỰC HIỆN\n"
        "1. Ủy ban nhân dân tỉnh:\n"
        "- Phê duyệt Đề án hỗ trợ nhà ở trên địa bàn tỉnh.\n"
        "- Đối với các trường hợp hộ gia đình đủ điều kiện nhưng mới được rà soát thì tiếp tục thực hiện hỗ trợ "
        "trong năm tiếp theo.\n"
        "2. Các trường hợp đã nộp hồ sơ trước ngày Kế hoạch này có hiệu lực thì tiếp tục thực hiện theo quy định cũ.\n")
        + SIGNATURE)
    assert [t.id for t in doc.tasks] == ["I.1.1", "I.1.2"]


def test_a_bullet_announcing_what_its_work_comprises_is_one_task():
    # real case: a city's plan for housing support, 2014, III.1.3.5 ("- Lập hồ sơ hoàn công …, bao gồm:" / "+ Đơn
    # đề nghị …;" / "+ Biên bản …")
    doc = parse_text(PLAN_HEADER + (
        "I. TỔ CHỨC THỰC HIỆN\n"
        "1. Ủy ban nhân dân cấp xã:\n"
        "- Niêm yết công khai danh sách các hộ được hỗ trợ.\n"
        "- Lập hồ sơ hoàn công cho từng hộ được hỗ trợ, bao gồm:\n"
        "+ Đơn đề nghị hỗ trợ của hộ gia đình;\n"
        "+ Biên bản xác nhận hoàn thành xây dựng nhà ở.\n"
        "- Báo cáo kết quả thực hiện về Ủy ban nhân dân cấp huyện.\n") + SIGNATURE)
    assert [t.id for t in doc.tasks] == ["I.1.1", "I.1.2", "I.1.3"]
    assert "Biên bản xác nhận hoàn thành" in doc.task("I.1.2").text


def test_a_bullet_announcing_the_points_of_its_own_work_or_the_documents_it_makes_is_one_task():
    # real cases: a Politburo resolution ("- Thể chế hóa … sửa đổi Luật …; trong đó lưu ý:" / "+ Quy định cụ thể …")
    # and the Government's action programme carrying it out ("… Tập trung vào một số nội dung:"; "… trình Thủ tướng
    # Chính phủ phê duyệt các nhiệm vụ:" / "+ Chiến lược …" / "+ Quy hoạch …"), 2022: the sub-bullets detail or
    # name the work of their bullet, whose own words were lost as a heading
    doc = parse_text(PLAN_HEADER + (
        "I. NHIỆM VỤ\n"
        "1. Hoàn thiện pháp luật về tài nguyên nước\n"
        "- Tổng kết việc thi hành Luật, sửa đổi, bổ sung các quy định về cấp phép; trong đó lưu ý:\n"
        "+ Quy định rõ trách nhiệm của tổ chức, cá nhân khai thác nước;\n"
        "+ Rà soát các thủ tục cấp phép hiện hành.\n"
        "- Hoàn thành hồ sơ dự án Luật trong năm 2027. Tập trung vào các nội dung sau:\n"
        "+ Điều tra cơ bản tài nguyên nước;\n"
        "+ Bảo vệ nguồn nước.\n"
        "- Trong năm 2027 hoàn thành việc lập, trình phê duyệt các nhiệm vụ:\n"
        "+ Chiến lược tài nguyên nước đến năm 2030.\n"
        "+ Quy hoạch tổng hợp lưu vực sông thời kỳ 2021 - 2030.\n"
        "- Xây dựng cơ sở dữ liệu tài nguyên nước:\n"
        "+ Sở Nông nghiệp và Môi trường cập nhật dữ liệu quan trắc;\n"
        "+ Ủy ban nhân dân cấp xã thống kê các công trình khai thác.\n") + SIGNATURE)
    assert [t.id for t in doc.tasks] == ["I.1.1", "I.1.2", "I.1.3", "I.1.4.1", "I.1.4.2"]
    assert "trách nhiệm của tổ chức, cá nhân" in doc.task("I.1.1").text
    assert "Bảo vệ nguồn nước" in doc.task("I.1.2").text
    assert "Quy hoạch tổng hợp lưu vực sông" in doc.task("I.1.3").text


def test_the_items_that_give_the_particulars_of_their_siblings_work_are_no_tasks():
    # a national steering committee's plan states each part's work, then in sibling items who leads it, who takes
    # part and when (real case: KH 252/KH-BCĐQG1237, 2013): the content points are the tasks, the particulars
    # become the part's, one line a field; a field given inline ("a) Cơ quan chủ trì: …") reads the same
    lines = [
        "II. NỘI DUNG, NHIỆM VỤ",
        "1. CÔNG TÁC TUYÊN TRUYỀN",
        "1.1. Nội dung, biện pháp",
        "a) Tổ chức hội nghị quán triệt Kế hoạch đến cơ sở;",
        "b) Lập chuyên mục về phòng, chống thiên tai trên báo, đài.",
        "1.2. Cơ quan chủ trì, phối hợp",
        "a) Cơ quan chủ trì",
        "- Sở Thông tin và Truyền thông.",
        "- Ủy ban nhân dân các huyện.",
        "b) Cơ quan phối hợp: Hội Nông dân tỉnh; Tỉnh đoàn.",
        "1.3. Thời gian thực hiện: Từ tháng 5/2035 và thường xuyên.",
        "2. KIỂM TRA, SƠ KẾT",
        "2.1. Nội dung, biện pháp",
        "a) Kiểm tra định kỳ việc thực hiện Kế hoạch;",
        "b) Sơ kết 6 tháng, hằng năm.",
        "2.2. Chủ trì thực hiện",
        "- Sở Nông nghiệp và Môi trường.",
    ]
    doc = parse_text(PLAN_HEADER + "\n".join(lines) + "\n" + SIGNATURE)
    assert [t.id for t in doc.tasks] == ["II.1.1.a", "II.1.1.b", "II.2.1.a", "II.2.1.b"]
    assert {s.id for s in doc.sections} == {"II", "II.1", "II.1.1", "II.2", "II.2.1"}
    part = next(s for s in doc.sections if s.id == "II.1")
    assert part.intro.split("\n") == [
        "Cơ quan chủ trì: Sở Thông tin và Truyền thông; Ủy ban nhân dân các huyện",
        "Cơ quan phối hợp: Hội Nông dân tỉnh; Tỉnh đoàn",
        "Thời gian thực hiện: Từ tháng 5/2035 và thường xuyên"]
    # a group with an entry that is no field ("b) Phối hợp với … tổ chức …": work) gives no particulars
    other = parse_text(PLAN_HEADER + "\n".join(
        lines[:9] + ["b) Phối hợp với Hội Nông dân tỉnh tổ chức tập huấn cho hội viên."] + lines[10:]) + "\n"
        + SIGNATURE)
    assert "II.1.2.b" in {t.id for t in other.tasks}
    assert not next(s for s in other.sections if s.id == "II.1").intro


def test_a_scans_running_header_is_no_item_and_a_dash_read_as_a_not_sign_is_a_bullet():
    # real case: CTr 31-CTr/TW 2026 read by tesseract: each page opens with "18.CTRTW31.DOC <page>" (the file's
    # name: no item "18."), and the first bullet of an item was read "¬ Thực hiện …"
    doc = parse_text(PLAN_HEADER + """II. NHIỆM VỤ CHỦ YẾU

1. Tăng cường sự lãnh đạo của Đảng

¬ Thực hiện sự lãnh đạo, chỉ đạo toàn diện của Đảng về bảo vệ môi trường.

18.CTRTW31.DOC 2

- Triển khai phối hợp giữa các cơ quan trong hệ thống chính trị.

2. Hoàn thiện thể chế, pháp luật

- Hoàn thiện đồng bộ thể chế, pháp luật bảo vệ môi trường.
""" + SIGNATURE)
    assert [t.id for t in doc.tasks] == ["II.1.1", "II.1.2", "II.2.1"]
    assert doc.task("II.1.1").label == "¬"
    assert {s.id for s in doc.sections} == {"II", "II.1", "II.2"}


def test_a_line_after_the_last_bullet_naming_who_directs_the_list_is_its_parents_particular():
    # a Party committee's programme ends each group of bullets with who directs it (real case: CTr 104-CTr/TU of
    # the Lào Cai provincial Party committee, 2026, "Trách nhiệm chỉ đạo thực hiện: Đảng ủy Ủy ban nhân dân tỉnh."):
    # the line is the group's, not the last bullet's text
    lines = [
        "III. NHIỆM VỤ VÀ GIẢI PHÁP",
        "1. Tăng cường công tác tuyên truyền",
        "- Quán triệt quan điểm bảo vệ môi trường đến các chi bộ.",
        "- Đổi mới hình thức tuyên truyền theo hướng số hóa.",
        "Trách nhiệm chỉ đạo thực hiện: Đảng ủy Ủy ban nhân dân tỉnh; Ban Tuyên giáo Tỉnh ủy.",
        "2. Huy động nguồn lực",
        "- Bố trí ngân sách cho sự nghiệp môi trường.",
        "- Đẩy mạnh xã hội hóa đầu tư xử lý rác thải.",
        "Cơ quan chủ trì: Sở Tài chính.",
        "Thời gian thực hiện: hằng năm.",
        "IV. TỔ CHỨC THỰC HIỆN",
        "Sở Nông nghiệp và Môi trường theo dõi, đôn đốc việc thực hiện Chương trình.",
    ]
    doc = parse_text(PLAN_HEADER + "\n".join(lines) + "\n" + SIGNATURE)
    assert [t.id for t in doc.tasks] == ["III.1.1", "III.1.2", "III.2.1", "III.2.2", "IV"]
    assert doc.task("III.1.2").text == "Đổi mới hình thức tuyên truyền theo hướng số hóa."
    assert doc.task("III.2.2").text == "Đẩy mạnh xã hội hóa đầu tư xử lý rác thải."
    intro = {s.id: s.intro for s in doc.sections}
    assert intro["III.1"] == "Trách nhiệm chỉ đạo thực hiện: Đảng ủy Ủy ban nhân dân tỉnh; Ban Tuyên giáo Tỉnh ủy."
    assert intro["III.2"] == "Cơ quan chủ trì: Sở Tài chính.\nThời gian thực hiện: hằng năm."
    # each bullet naming its own lead keeps its line; a line naming nobody ("Thời gian thực hiện: …") stays
    own = parse_text(PLAN_HEADER + "\n".join(
        lines[:3] + ["Cơ quan chủ trì: Sở Nội vụ.", lines[3], "Cơ quan chủ trì: Sở Tài chính.",
                     lines[5], lines[6], lines[7], lines[9], lines[10], lines[11]]) + "\n" + SIGNATURE)
    assert own.task("III.1.2").text.endswith("Cơ quan chủ trì: Sở Tài chính.")
    assert own.task("III.2.2").text.endswith("Thời gian thực hiện: hằng năm.")
    assert not any(s.intro for s in own.sections)


def test_a_requirement_heading_holds_only_the_items_that_charge_a_body():
    # a city's plan on housing support (real case: a 2014 plan carrying out a Prime Minister's decision): under
    # "Yêu cầu về …" or "Các vấn đề cần lưu ý …" in its content part, an item that charges a body is a task, a standard
    # to meet is none; the plan's own "2. Yêu cầu" under "I. MỤC ĐÍCH, YÊU CẦU" holds none
    lines = [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "Hỗ trợ các hộ gia đình khó khăn về nhà ở.",
        "2. Yêu cầu",
        "Các sở, ngành phối hợp chặt chẽ trong quá trình thực hiện.",
        "II. NỘI DUNG THỰC HIỆN",
        "1. Yêu cầu về thiết kế và chất lượng:",
        "a) Sở Xây dựng biên soạn 02 mẫu nhà ở điển hình để các hộ gia đình tham khảo;",
        "b) Nhà ở sau khi sửa chữa phải bảo đảm tiêu chuẩn 2 cứng, có tuổi thọ từ 15 năm trở lên.",
        "2. Yêu cầu về tổ chức thi công:",
        "a) Các hộ gia đình tự tổ chức thi công. Trường hợp hộ gia đình neo đơn thì Ủy ban nhân dân cấp xã có "
        "trách nhiệm tổ chức thi công cho hộ gia đình đó.",
        "b) Ủy ban nhân dân cấp xã theo dõi, giám sát việc thi công nhà ở.",
        # the points to keep in mind when drafting the scheme, in paragraphs under a long title: no body charged
        "3. Các vấn đề cần lưu ý khi lập Đề án hỗ trợ hộ gia đình khó khăn về nhà ở trên địa bàn tỉnh",
        "Đề án cần nêu rõ số hộ được hỗ trợ trong từng năm.",
        "Danh sách hộ được hỗ trợ được lập theo thứ tự ưu tiên sau đây:",
        "- Hộ gia đình có nhà ở hư hỏng nặng.",
        "- Hộ gia đình có người cao tuổi.",
        "4. Các vấn đề cần lưu ý khi thi công",
        "Ủy ban nhân dân cấp xã có trách nhiệm kiểm tra an toàn lao động tại công trình.",
    ]
    doc = parse_text(PLAN_HEADER + "\n".join(lines) + "\n" + SIGNATURE)
    assert [t.id for t in doc.tasks] == ["II.1.a", "II.2.a", "II.2.b", "II.4"]


def test_yêu_cầu_về_heads_requirements_and_assigns_nothing():
    # real case: HCM KH 3210 2014 II.5 "Yêu cầu về cấp Giấy chứng nhận quyền sử dụng đất, …" (no colon) over a
    # paragraph that charges no body: the noun "yêu cầu về" (requirements on), not the verb "Yêu cầu các sở …"
    doc = parse_text(PLAN_HEADER + """II. NỘI DUNG THỰC HIỆN
1. Sở Xây dựng biên soạn 02 mẫu nhà ở điển hình.
2. Yêu cầu về cấp Giấy chứng nhận quyền sử dụng đất và quyền sở hữu nhà ở
Sau khi sửa chữa nhà ở mà có thay đổi về diện tích thì hộ gia đình được tạo điều kiện xác nhận thay đổi.
III. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính bố trí kinh phí hỗ trợ đáp ứng yêu cầu về tiến độ.
Yêu cầu các sở, ngành báo cáo kết quả thực hiện trước ngày 15 tháng 12 hằng năm.
""" + SIGNATURE)
    assert [t.id for t in doc.tasks] == ["II.1", "III.1", "closing"]
    assert doc.task("closing").text.startswith("Yêu cầu các sở")


def test_the_conditions_an_item_spells_out_are_no_tasks():
    # a city's plan on housing support (real case: a 2014 plan, "1. Xác định đối tượng …" / "1.1. Là người có tên
    # …"): the items after a first "Là …" state who qualifies; under a body's heading "- Là cơ quan thường trực …"
    # is that body's role, a task
    lines = [
        "II. NỘI DUNG THỰC HIỆN",
        "1. Xác định đối tượng được hỗ trợ",
        "1.1. Là hộ gia đình có tên trong danh sách do Ủy ban nhân dân cấp xã quản lý.",
        "1.2. Đang cư trú tại nhà ở bị hư hỏng nặng trên địa bàn tỉnh.",
        "2. Lập danh sách hộ gia đình được hỗ trợ",
        "2.1. Ủy ban nhân dân cấp xã lập danh sách hộ gia đình được hỗ trợ.",
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Sở Xây dựng",
        "- Là cơ quan thường trực, đôn đốc các sở, ngành triển khai Kế hoạch này.",
        "- Hướng dẫn Ủy ban nhân dân cấp xã lập hồ sơ hỗ trợ.",
    ]
    doc = parse_text(PLAN_HEADER + "\n".join(lines) + "\n" + SIGNATURE)
    assert [t.id for t in doc.tasks] == ["II.2.1", "III.1.1", "III.1.2"]


# a ministry's letter as OCR read it: item 1 printed "I.", item 5 "3.", point g "8)" (rules/numbering.yaml
# ocr_lookalikes)
OCR_LOOKALIKE_LETTER = LETTER_HEADER.replace("Kính gửi: Bộ Y tế", "Kính gửi: Ủy ban nhân dân các tỉnh") + """\
Bộ Y tế đề nghị các Bộ, ngành và Ủy ban nhân dân các tỉnh lưu ý các nhiệm vụ sau:

I. Phổ biến nội dung của Nghị định tới các cơ sở khám bệnh.

2. Rà soát các văn bản đã ban hành để sửa đổi, bổ sung.

3. Bố trí kinh phí cho việc cấp chứng chỉ hành nghề.

4. Thống kê các cơ sở hành nghề trên địa bàn.

3. Đối với các Bộ quản lý chuyên ngành

a) Ban hành danh mục các cơ sở thuộc phạm vi quản lý.

b) Hướng dẫn việc cấp phép hành nghề trong ngành.

c) Kiểm tra việc cấp chứng chỉ hành nghề.

d) Tổng hợp các khó khăn, vướng mắc.

đ) Phối hợp với Bộ Y tế xây dựng cơ sở dữ liệu.

e) Quy định các nội dung đặc thù của ngành.

8) Thực hiện các nhiệm vụ khác theo quy định.

6. Ủy ban nhân dân cấp tỉnh có trách nhiệm báo cáo kết quả trước ngày 30 tháng 6.

Nơi nhận:
- Như trên;
- Lưu: VT.
""" + SIGNATURE


def test_labels_ocr_misread_as_their_lookalikes_are_read_in_sequence():
    doc = parse_text(OCR_LOOKALIKE_LETTER)
    assert [t.id for t in doc.tasks] == ["1", "2", "3", "4", "5.a", "5.b", "5.c", "5.d", "5.đ", "5.e", "5.g", "6"]
    assert [doc.task(i).label for i in ("1", "5.g")] == ["I.", "8)"]  # the printed label is kept
    assert [s.label for s in doc.sections] == ["3."]
    repaired = [n.message for n in doc.notices if n.code == "label-repaired"]
    assert any("'I.' đọc là '1.'" in m for m in repaired) and any("'3.' đọc là '5.'" in m for m in repaired)
    assert any("'8)' đọc là 'g)'" in m for m in repaired)
    # a roman heading that roman ones follow is as printed; so is a label whose look-alike breaks the sequence too
    roman = parse_text(OCR_LOOKALIKE_LETTER.replace("2. Rà soát", "II. Rà soát"))
    assert roman.tasks[0].id == "I" and not any("'I.' đọc là" in n.message for n in roman.notices)
    skipped = parse_text(OCR_LOOKALIKE_LETTER.replace("6. Ủy ban", "7. Ủy ban"))
    assert not any("'3.' đọc là" in n.message for n in skipped.notices)


def test_a_first_point_ocr_read_as_8_is_read_as_a():
    # real case: CTr 31-CTr/TW 2026 read by tesseract, "7. Các tỉnh uỷ, thành uỷ" / "8) Xây dựng …" / "b) …": the
    # first point, not an item "8)" holding the others
    doc = parse_text(PLAN_HEADER + """III. TỔ CHỨC THỰC HIỆN
1. Các huyện ủy, thành ủy
8) Xây dựng chương trình, kế hoạch thực hiện Kết luận.
b) Bố trí đủ ngân sách cho bảo vệ môi trường.
c) Tổ chức các phong trào toàn dân bảo vệ môi trường.
2. Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền Kết luận.
""" + SIGNATURE)
    assert [t.id for t in doc.tasks] == ["III.1.a", "III.1.b", "III.1.c", "III.2"]
    assert doc.task("III.1.a").label == "8)"
    assert any("'8)' đọc là 'a)'" in n.message for n in doc.notices)
    # a list of items "7)", "8)", "9)" keeps its numbers
    listed = parse_text(PLAN_HEADER + """III. TỔ CHỨC THỰC HIỆN
1. Các huyện ủy, thành ủy
7) Xây dựng chương trình, kế hoạch thực hiện Kết luận.
8) Bố trí đủ ngân sách cho bảo vệ môi trường.
9) Tổ chức các phong trào toàn dân bảo vệ môi trường.
""" + SIGNATURE)
    assert [t.id for t in listed.tasks] == ["III.1.7", "III.1.8", "III.1.9"]


FORMS_LETTER = LETTER_HEADER + """\
Bộ Y tế đề nghị Ủy ban nhân dân các tỉnh chỉ đạo các cơ sở khám bệnh thực hiện việc:

a) Rà soát, phân loại trang thiết bị y tế; trong đó, trang thiết bị được giao theo các hình thức sau:

() Giao cho cơ sở y tế công lập quản lý theo hình thức ghi tăng tài sản;

(ii) Giao cho doanh nghiệp quản lý không tính thành phần vốn nhà nước;

(ii) Giao cho doanh nghiệp quản lý có tính thành phần vốn nhà nước.

b) Lập hồ sơ, kế toán trang thiết bị và báo cáo kết quả trước ngày 30 tháng 6.

Nơi nhận:
- Như trên;
- Lưu: VT.
""" + SIGNATURE


def test_a_numeral_ocr_lost_is_read_in_sequence():
    # OCR lost the "i" of "(i)" and printed "(ii)" twice: "()" before "(ii)" reads "(i)" (rules/numbering.yaml)
    duties = parse_text(FORMS_LETTER.replace("được giao theo các hình thức sau:", "được giao cần thực hiện:"))
    assert [t.id for t in duties.tasks] == ["a.i", "a.ii", "a.iii", "b"]
    assert duties.task("a.i").label == "()" and any("'()' đọc là '(i)'" in n.message for n in duties.notices)
    # empty brackets that no "(ii)" follows are no label
    alone = parse_text(FORMS_LETTER.replace("được giao theo các hình thức sau:", "được giao cần thực hiện:")
                       .replace("(ii) Giao", "- Giao"))
    assert [t.id for t in alone.tasks] == ["a.1", "a.2", "b"]


def test_sub_points_listing_the_forms_of_a_duty_are_its_text():
    # "theo các hình thức sau:" (rules/structure.yaml case_list_endings): the "(i)", "(ii)" … are the forms the
    # duty takes, alternatives, not duties of their own
    doc = parse_text(FORMS_LETTER)
    assert [t.id for t in doc.tasks] == ["a", "b"]
    assert "vốn nhà nước." in doc.task("a").text and "ghi tăng tài sản" in doc.task("a").text


def test_a_point_that_only_remarks_on_its_siblings_is_no_task():
    letter = LETTER_HEADER + """Bộ Y tế đề nghị Ủy ban nhân dân các tỉnh:
a) Ban hành danh mục trang thiết bị y tế chuyên dùng trước ngày 30 tháng 6.
b) Điều chỉnh danh mục khi quy định của pháp luật chuyên ngành thay đổi.
c) Lưu ý: Danh mục nêu tại điểm a, điểm b mục này gồm tên thiết bị, đơn vị tính và số lượng.
d) Báo cáo kết quả thực hiện về Bộ Y tế.
Nơi nhận:
- Như trên;
- Lưu: VT.
""" + SIGNATURE
    assert [t.id for t in parse_text(letter).tasks] == ["a", "b", "d"]
    # a note that charges a body with work is a task
    charged = letter.replace("c) Lưu ý: Danh mục", "c) Lưu ý: Sở Y tế rà soát danh mục")
    assert [t.id for t in parse_text(charged).tasks] == ["a", "b", "c", "d"]


def test_a_paragraph_with_a_subject_of_its_own_inside_a_point_is_a_task_of_its_own():
    letter = LETTER_HEADER + """Ủy ban nhân dân tỉnh yêu cầu:
1. Tổ chức thực hiện
a) Các sở, ban, ngành và Ủy ban nhân dân các xã hoàn thành việc rà soát cơ sở hành nghề trong năm 2035.
Các đơn vị sự nghiệp y tế định kỳ báo cáo kết quả gửi Sở Y tế như sau:
- Báo cáo 6 tháng: trước ngày 05/7;
- Báo cáo năm: trước ngày 15/12.
b) Sở Y tế tổng hợp, báo cáo Ủy ban nhân dân tỉnh.
Nơi nhận:
- Như trên;
- Lưu: VT.
""" + SIGNATURE
    doc = parse_text(letter)
    assert [t.id for t in doc.tasks] == ["1.a", "1.a.closing", "1.b"]
    assert doc.task("1.a").text.endswith("trong năm 2035.") and doc.task("1.a.closing").parent == "1"
    assert doc.task("1.a.closing").text.startswith("Các đơn vị sự nghiệp") and "15/12" in doc.task("1.a.closing").text
    # a paragraph that goes on with the point's work, no subject of its own, stays part of it
    same = parse_text(letter.replace("Các đơn vị sự nghiệp y tế định kỳ báo cáo", "Định kỳ báo cáo"))
    assert [t.id for t in same.tasks] == ["1.a", "1.b"]


def test_a_paragraph_that_asks_a_body_of_its_own_inside_a_point_is_a_task_of_its_own():
    # "Đề nghị X …" after a finished sentence hands the work to X as a subject of its own would (real case: Chỉ thị
    # 11/CT-TTg 2020, "c) Thanh tra Chính phủ … thực hiện nghiêm …. / Đề nghị Kiểm toán Nhà nước … tạo điều kiện …")
    letter = LETTER_HEADER + """Ủy ban nhân dân tỉnh yêu cầu:
1. Tổ chức thực hiện
a) Thanh tra tỉnh không tiến hành thanh tra ngoài kế hoạch trong năm 2035.
Đề nghị Kiểm toán Nhà nước khu vực tạo điều kiện cho các doanh nghiệp.
b) Sở Tài chính tổng hợp, báo cáo Ủy ban nhân dân tỉnh.
Nơi nhận:
- Như trên;
- Lưu: VT.
""" + SIGNATURE
    doc = parse_text(letter)
    assert [t.id for t in doc.tasks] == ["1.a", "1.a.closing", "1.b"]
    assert doc.task("1.a.closing").text.startswith("Đề nghị Kiểm toán Nhà nước")
    # a paragraph that goes on with the point's work, asking no one, stays part of it
    same = parse_text(letter.replace("Đề nghị Kiểm toán Nhà nước khu vực tạo điều kiện", "Tạo điều kiện"))
    assert [t.id for t in same.tasks] == ["1.a", "1.b"]


def test_bullets_that_allot_shares_of_a_duty_to_bodies_are_its_text():
    letter = LETTER_HEADER + """Bộ Y tế đề nghị các Bộ quản lý chuyên ngành:
a) Trong thời hạn 06 tháng, công bố danh mục cơ sở y tế thuộc phạm vi quản lý; cụ thể như sau:
- Cơ sở y tế trong khu công nghiệp, khu chế xuất - Bộ Tài chính.
- Cơ sở y tế của lực lượng vũ trang; bệnh xá quân y — Bộ Quốc phòng.
- Cơ sở y tế trong các trường học - Bộ Giáo dục và Đào tạo.
b) Báo cáo kết quả thực hiện về Bộ Y tế trước ngày 30 tháng 6.
Nơi nhận:
- Như trên;
- Lưu: VT.
""" + SIGNATURE
    doc = parse_text(letter)
    assert [t.id for t in doc.tasks] == ["a", "b"]
    assert "Bộ Giáo dục và Đào tạo" in doc.task("a").text
    # bullets that carry work of their own, the body after a dash, are tasks
    duties = parse_text(letter.replace("- Cơ sở y tế trong các trường", "- Kiểm tra cơ sở y tế trong các trường"))
    assert [t.id for t in duties.tasks] == ["a.1", "a.2", "a.3", "b"]


@pytest.mark.parametrize("item, point", [("1/", "a/"), ("1-", "a-")])
def test_a_letter_numbering_items_with_a_slash_or_a_dash_gives_its_points(item, point):
    # "1/ … a/ …" (letters of ministries and departments) and "1- … a- …" (older documents, some provinces): the
    # points are tasks of their item, as "1. … a) …" are; before, the whole list was one task or none
    lines = [
        "Thực hiện Nghị định số 12/2034/NĐ-CP, Ủy ban nhân dân tỉnh yêu cầu:",
        f"{item} Sở Nông nghiệp và Môi trường:",
        f"{point} Chủ trì, phối hợp với Sở Tài chính xây dựng dự án các-bon rừng của tỉnh;",
        f"{point.replace('a', 'b')} Tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 10 tháng 12 hằng năm.",
        f"{item.replace('1', '2')} Sở Tài chính bố trí kinh phí thực hiện.",
    ]
    header = PLAN_HEADER.replace("KẾ HOẠCH\nPhát triển cụm công nghiệp năm 2035\n",
                                 "V/v triển khai Nghị định số 12/2034/NĐ-CP\nKính gửi: Các sở, ban, ngành tỉnh.\n")
    doc = parse_text(header + "\n".join(lines) + "\n" + SIGNATURE)
    assert [t.id for t in doc.tasks] == ["1.a", "1.b", "2"]
    assert doc.tasks[0].text.startswith("Chủ trì, phối hợp với Sở Tài chính")


@pytest.mark.parametrize("mark", ["➢", "\uf0b7"])
def test_word_bullets_kept_by_a_text_layer_are_bullets(mark):
    # an arrow bullet, or the Wingdings bullet a PDF text layer keeps as a private-use character: each bullet is a
    # task of its item, as "-" bullets are; before, the item and its bullets were one task
    lines = [
        "Thực hiện Nghị định số 12/2034/NĐ-CP, Ủy ban nhân dân tỉnh yêu cầu:",
        "1. Sở Nông nghiệp và Môi trường:",
        f"{mark} Chủ trì, phối hợp với Sở Tài chính xây dựng dự án các-bon rừng của tỉnh;",
        f"{mark} Tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 10 tháng 12 hằng năm.",
        "2. Sở Tài chính bố trí kinh phí thực hiện.",
    ]
    header = PLAN_HEADER.replace("KẾ HOẠCH\nPhát triển cụm công nghiệp năm 2035\n",
                                 "V/v triển khai Nghị định số 12/2034/NĐ-CP\nKính gửi: Các sở, ban, ngành tỉnh.\n")
    doc = parse_text(header + "\n".join(lines) + "\n" + SIGNATURE)
    assert [t.id for t in doc.tasks] == ["1.1", "1.2", "2"]


def test_a_party_document_is_issued_by_the_body_left_of_the_partys_heading():
    # every Party document prints "ĐẢNG CỘNG SẢN VIỆT NAM" where a state document prints the national title; the
    # issuer is the committee to its left, and a converter's note above the header is no part of it
    text = ("[Trích tự động từ tệp Word]\n\n"
            "BAN CHẤP HÀNH TRUNG ƯƠNG\n------- | ĐẢNG CỘNG SẢN VIỆT NAM\n---------------\n"
            "Số: 7-NQ/TW | Hà Nội, ngày 3 tháng 5 năm 2031\n\nNGHỊ QUYẾT\nVỀ PHÁT TRIỂN NÔNG NGHIỆP\n\n"
            "I. NHIỆM VỤ\n1. Các cấp ủy, tổ chức đảng quán triệt nghị quyết.\n")
    meta = parse_text(text).meta
    assert meta.issuer == "BAN CHẤP HÀNH TRUNG ƯƠNG"
    assert (meta.doc_type, meta.number, meta.date) == ("Nghị quyết", "7-NQ/TW", "2031-05-03")


def test_a_party_heading_run_into_the_issuer_on_one_line_is_read_apart():
    # OCR of a scan (or a text copy of a PDF) runs the two header columns into one line, misreading tone marks
    # ("TÍNH ỦY … ĐÁNG CỘNG SẢN …"), and may print a space inside the số hiệu; a collector's note stands above it
    text = ("[OCR] [Bản trích chữ tự động từ bản quét, có thể sai dấu]\n\n"
            "TÍNH ỦY HÀ GIANG ĐÁNG CỘNG SẢN VIỆT NAM\n\n*\n\n"
            "Số 12 -NQ/TU Hà Giang, ngày 5 tháng 11 năm 2031\n\nNGHỊ QUYẾT\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\n"
            "về phát triển du lịch\n\n"
            "I. NHIỆM VỤ\n1. Các cấp ủy, tổ chức đảng quán triệt nghị quyết.\n")
    meta = parse_text(text).meta
    assert meta.issuer == "TỈNH ỦY HÀ GIANG"  # the tone slip read back (rules/encodings.yaml ocr_tone_slips)
    assert (meta.doc_type, meta.number, meta.date, meta.place) == ("Nghị quyết", "12-NQ/TU", "2031-11-05", "Hà Giang")
    # a Party programme's số hiệu writes its type in mixed case ("31-CTr/TW": chương trình)
    programme = parse_text(text.replace("Số 12 -NQ/TU", "Số 31-CTr/TU").replace("NGHỊ QUYẾT", "CHƯƠNG TRÌNH"))
    assert programme.meta.number == "31-CTr/TU"


def test_a_header_copied_column_by_column_keeps_the_issuer_above_its_number():
    # a text copy of a signed PDF gives the header's left column (issuer, star, số hiệu) before its right one
    # (the Party's heading, place and date); the digital signature left the number blank
    text = ("TỈNH ỦY HÀ GIANG\n*\nSố         -CTr/TU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nHà Giang, ngày        tháng 8 năm 2031\n\n"
            "CHƯƠNG TRÌNH HÀNH ĐỘNG\n\nthực hiện Kết luận số 9-KL/TW về bảo vệ môi trường\n\n"
            "I. NHIỆM VỤ\n1. Các cấp ủy, tổ chức đảng quán triệt kết luận.\n")
    meta = parse_text(text).meta
    assert (meta.issuer, meta.number, meta.date, meta.place) == ("TỈNH ỦY HÀ GIANG", None, "2031-08", "Hà Giang")
    assert (meta.doc_type, meta.title) == ("Chương trình hành động", "thực hiện Kết luận số 9-KL/TW về bảo vệ môi trường")
    # the ký hiệu of a Party number stands on both sides of its '/': the type code, then the issuer's
    assert meta.symbol == "CTr/TU"
    numbered = parse_text(text.replace("Số         -CTr/TU", "Số 104-CTr/TU")).meta
    assert (numbered.issuer, numbered.number) == ("TỈNH ỦY HÀ GIANG", "104-CTr/TU")


def test_a_part_heading_ocr_misread_by_one_letter_is_still_no_task_part():
    # OCR of a scanned conclusion drops a letter of the context part's heading ("BI CẢNH" for "BỐI CẢNH"): its
    # paragraphs are still context, not a task; an item's title one letter from a non-task title stays a task
    body = ("Sau mười năm thực hiện nghị quyết, công tác bảo vệ môi trường đạt nhiều kết quả quan trọng.\n\n"
            "II- NHIỆM VỤ, GIẢI PHÁP\n\n1. Các cấp ủy, tổ chức đảng quán triệt kết luận.\n")
    doc = parse_text(PLAN_HEADER + "I- BI CẢNH, TÌNH HÌNH\n\n" + body)
    assert [t.id for t in doc.tasks] == ["II.1"]
    item = parse_text(PLAN_HEADER + "I. NHIỆM VỤ\n1. Mục tiên phấn đấu: Sở Tài chính chủ trì bố trí vốn cho dự án.\n")
    assert [t.id for t in item.tasks] == ["I.1"]


def test_a_party_conclusion_is_a_document_type():
    text = ("BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG CỘNG SẢN VIỆT NAM\n\nSố 9-KL/TW Hà Nội, ngày 28 tháng 7 năm 2031\n\n"
            "KẾT LUẬN\nCỦA BAN CHẤP HÀNH TRUNG ƯƠNG\nvề bảo vệ môi trường\n\n"
            "I. NHIỆM VỤ\n1. Các cấp ủy, tổ chức đảng quán triệt kết luận.\n")
    assert parse_text(text).meta.doc_type == "Kết luận"


def test_a_heading_in_capitals_that_names_the_party_is_no_header():
    # the Party's heading beside an issuer ends a line; a title that only names the Party does not
    doc = parse_text("TRIỂN KHAI ĐIỀU LỆ CỦA ĐẢNG CỘNG SẢN VIỆT NAM TẠI CƠ SỞ\n\n"
                     "1. Các chi bộ quán triệt điều lệ.\n2. Các đảng ủy kiểm tra việc thực hiện.\n")
    assert doc.meta.issuer is None
    assert [t.id for t in doc.tasks] == ["1", "2"]


def test_paragraphs_whose_label_ocr_misprinted_into_no_label_are_read_in_sequence():
    # OCR of a scanned resolution: item 1 lost its dot ("1 Đổi mới"), item 5 is printed "Š.", part III "HI."
    # (rules/numbering.yaml ocr_lookalikes, ocr_lost_marks)
    lines = ["II. NHIỆM VỤ VÀ GIẢI PHÁP", "",
             "1 Đổi mới công tác lãnh đạo, chỉ đạo đối với các khu công nghiệp.", "",
             *(f"{k}. Rà soát các dự án thuộc nhóm {k} trong khu công nghiệp." for k in (2, 3, 4)), "",
             "Š. Tập trung giải phóng mặt bằng các cụm công nghiệp.", "",
             "6. Đẩy mạnh cải cách hành chính.", "",
             "HI. TỔ CHỨC THỰC HIỆN", "", "1. Các cấp ủy quán triệt Nghị quyết.", "",
             "IV. ĐIỀU KHOẢN THI HÀNH", "", "1. Văn phòng Tỉnh ủy theo dõi, đôn đốc."]
    doc = parse_text(PLAN_HEADER + "I. MỤC TIÊU\n\n1. Phát triển công nghiệp.\n\n" + "\n".join(lines) + "\n"
                     + SIGNATURE)
    assert [t.id for t in doc.tasks if t.id.startswith(("II", "III"))] == \
        ["II.1", "II.2", "II.3", "II.4", "II.5", "II.6", "III.1"]
    assert doc.task("II.1").text.startswith("Đổi mới công tác") and doc.task("II.5").text.startswith("Tập trung")
    assert doc.task("II.5").label == "Š."  # the printed label is kept
    assert len([n for n in doc.notices if n.code == "label-repaired"]) == 3


def test_a_figure_opening_a_paragraph_out_of_sequence_is_no_label():
    # "12 Sở …" (a count) or "Š." where the sequence wants no such label stays text
    doc = parse_text(PLAN_HEADER + "I. NHIỆM VỤ\n\n1. Sở Công Thương chủ trì rà soát quy hoạch.\n\n"
                     "12 Sở, ngành đã hoàn thành việc rà soát trong năm.\n\nŠ. Bảo đảm tiến độ.\n\n"
                     "2. Sở Y tế kiểm tra.\n" + SIGNATURE)
    assert not any(n.code == "label-repaired" for n in doc.notices)
    assert [t.id for t in doc.tasks] == ["I.1", "I.2"]


def test_a_comma_ocr_read_for_the_dot_of_a_label_in_sequence_is_the_label():
    # "9, Sở Tài chính …" between "8." and "10." (rules/numbering.yaml ocr_misread_marks); out of sequence it stays
    items = [f"{k}. Sở số {k} rà soát các dự án trong khu công nghiệp." for k in range(1, 9)]
    doc = parse_text(PLAN_HEADER + "I. NHIỆM VỤ\n\n" + "\n".join(items) + "\n\n9, Sở Tài chính bố trí kinh phí.\n\n"
                     "10. Sở Y tế kiểm tra.\n" + SIGNATURE)
    assert [t.id for t in doc.tasks][-3:] == ["I.8", "I.9", "I.10"]
    assert (doc.task("I.9").label, doc.task("I.9").text) == ("9,", "Sở Tài chính bố trí kinh phí.")
    assert len([n for n in doc.notices if n.code == "label-repaired"]) == 1
    stray = parse_text(PLAN_HEADER + "I. NHIỆM VỤ\n\n1. Sở Công Thương chủ trì rà soát quy hoạch.\n\n"
                       "12, Sở, ngành đã hoàn thành việc rà soát.\n\n2. Sở Y tế kiểm tra.\n" + SIGNATURE)
    assert [t.id for t in stray.tasks] == ["I.1", "I.2"] and not any(n.code == "label-repaired" for n in stray.notices)


def test_the_last_label_of_a_list_ocr_printed_with_a_mark_is_read_in_sequence():
    # the last part "HI- TỔ CHỨC THỰC HIỆN" (III- with II read as H) and its last clause "3, Ban Tuyên giáo …" (a comma
    # for the dot): no label of their kind follows them, but they carry a mark and continue the label before
    lines = ["II- NHIỆM VỤ", "", "1. Rà soát các quy định về khu công nghiệp.", "", "2. Bố trí đủ kinh phí.", "",
             "HI- TỔ CHỨC THỰC HIỆN", "", "1. Đảng uỷ Ủy ban nhân dân tỉnh chỉ đạo xây dựng kế hoạch.", "",
             "2. Ủy ban Kiểm tra Tỉnh ủy kiểm tra, giám sát.", "", "3, Ban Tuyên giáo Tỉnh ủy hướng dẫn tuyên truyền."]
    doc = parse_text(PLAN_HEADER + "I- MỤC TIÊU\n\n1. Phát triển công nghiệp.\n\n" + "\n".join(lines) + "\n" + SIGNATURE)
    assert [t.id for t in doc.tasks if t.id.startswith(("II", "III"))] == ["II.1", "II.2", "III.1", "III.2", "III.3"]
    assert (doc.task("III.3").label, doc.task("III.3").text) == ("3,", "Ban Tuyên giáo Tỉnh ủy hướng dẫn tuyên truyền.")
    # a bare figure (no mark) after the last item is a sentence opening with a count, not a label
    stray = parse_text(PLAN_HEADER + "I. NHIỆM VỤ\n\n1. Sở Công Thương chủ trì rà soát quy hoạch.\n\n"
                       "2 Sở, ngành đã hoàn thành việc rà soát trong năm.\n" + SIGNATURE)
    assert [t.id for t in stray.tasks] == ["I.1"] and not any(n.code == "label-repaired" for n in stray.notices)


def test_a_type_line_glued_to_the_subject_under_it_keeps_both():
    # "KẾ HOẠCH Triển khai …" on one line (OCR or a converter joined them): the type in capitals, the trích yếu in
    # ordinary case after it
    header = PLAN_HEADER.replace("KẾ HOẠCH\nPhát triển", "KẾ HOẠCH Phát triển")
    doc = parse_text(header + "\nI. NHIỆM VỤ\n1. Sở Công Thương chủ trì rà soát quy hoạch.\n" + SIGNATURE)
    assert (doc.meta.doc_type, doc.meta.title) == ("Kế hoạch", "Phát triển cụm công nghiệp năm 2035")
    assert [t.id for t in doc.tasks] == ["I.1"] and doc.preamble == ""


def test_an_items_long_title_over_its_body_is_the_tasks_title_not_its_text():
    # a Party conclusion titles its items at length, without a final stop, above unlabelled body paragraphs
    title = ("Chủ động thích ứng hiệu quả với biến đổi khí hậu, giảm thiểu rủi ro thiên tai, nâng cao mức độ an toàn "
             "của người dân và nền kinh tế")
    doc = parse_text("II. NHIỆM VỤ, GIẢI PHÁP\n\n"
                     f"1. {title}\n\n"
                     "Các cấp ủy, tổ chức đảng, chính quyền phải cập nhật kịch bản biến đổi khí hậu.\n\n"
                     "Đầu tư nâng cấp các công trình phòng, chống thiên tai.\n\n"
                     "2. Hoàn thiện thể chế, pháp luật\n\n"
                     "Khẩn trương hoàn thiện pháp luật về bảo vệ môi trường.\n")
    first, second = doc.tasks
    assert len(title.split()) > 25
    assert first.title == title and first.text.startswith("Các cấp ủy, tổ chức đảng")
    assert "Đầu tư nâng cấp" in first.text and title not in first.text
    assert (second.title, second.text) == ("Hoàn thiện thể chế, pháp luật",
                                           "Khẩn trương hoàn thiện pháp luật về bảo vệ môi trường.")


@pytest.mark.parametrize("body", ["Ban Tuyên giáo và Dân vận Trung ương", "Đảng ủy Chính phủ", "Quân ủy Trung ương",
                                  "Các tỉnh ủy, thành ủy", "Ủy ban Kiểm tra Tỉnh ủy"])
def test_an_items_title_naming_a_party_body_is_the_subject_of_its_text(body):
    # a Party programme heads its execution clauses with the committee or board charged, above a paragraph without
    # a subject (rules/structure.yaml subject_heads): the title is the task's subject, not a heading to drop
    doc = parse_text("III. TỔ CHỨC THỰC HIỆN\n\n"
                     "1. Ban Chính sách, chiến lược Trung ương\n\n"
                     "Chủ trì theo dõi, đôn đốc triển khai thực hiện Kết luận.\n\n"
                     f"2. {body}\n\n"
                     "Chủ trì hướng dẫn công tác quán triệt, tuyên truyền Kết luận.\n")
    assert [t.text.split("\n")[0] for t in doc.tasks] == ["Ban Chính sách, chiến lược Trung ương", body]


def _party_title(*title_lines: str) -> str:
    return "\n".join(["TỈNH ỦY AN GIANG                ĐẢNG CỘNG SẢN VIỆT NAM", "*",
                      "Số 12-NQ/TU                 An Giang, ngày 5 tháng 3 năm 2031", "", *title_lines, "",
                      "I. NHIỆM VỤ, GIẢI PHÁP", "1. Các cấp ủy, tổ chức đảng tăng cường lãnh đạo công tác này.", ""])


@pytest.mark.parametrize(("title_lines", "title"), [
    (["NGHỊ QUYẾT", "CỦA BAN THƯỜNG VỤ TỈNH ỦY", "về phát triển các cụm công nghiệp"],
     "về phát triển các cụm công nghiệp"),
    (["KẾT LUẬN", "HỘI NGHỊ LẦN THỨ HAI", "BAN CHẤP HÀNH ĐẢNG BỘ TỈNH KHOÁ XVI về chuyển đổi số trong các",
      "cơ quan đảng"], "về chuyển đổi số trong các cơ quan đảng"),
    (["CHƯƠNG TRÌNH HÀNH ĐỘNG", "CỦA BAN THƯỜNG VỤ TỈNH ỦY thực hiện Nghị quyết số 9-NQ/TW"],
     "thực hiện Nghị quyết số 9-NQ/TW"),
    (["NGHỊ QUYẾT", "CỦA BAN THƯỜNG VỤ TỈNH ỦY VỀ PHÁT TRIỂN DU LỊCH"], "VỀ PHÁT TRIỂN DU LỊCH"),
    # a trích yếu in capitals with no issuer line stays whole
    (["KẾ HOẠCH", "PHÁT TRIỂN DU LỊCH CỦA TỈNH VỀ LÂU DÀI"], "PHÁT TRIỂN DU LỊCH CỦA TỈNH VỀ LÂU DÀI"),
])
def test_the_issuer_lines_of_a_party_title_block_are_no_part_of_the_trich_yeu(title_lines, title):
    # "NGHỊ QUYẾT / CỦA BAN THƯỜNG VỤ TỈNH ỦY / về …": the issuer (or the conference) under the type line
    meta = parse_text(_party_title(*title_lines)).meta
    assert meta.title == title
    assert meta.number == "12-NQ/TU"


@pytest.mark.parametrize("kind,title", [("md", "# Nghị quyết số 57-NQ/TW"), ("txt", "Chỉ thị số 05-CT/TW")])
def test_a_text_without_header_block_takes_type_and_number_from_its_title_line(kind, title):
    # a press reprint (real case: Nghị quyết 57-NQ/TW as a news site gives it) opens with a heading that names the
    # type and the số hiệu only, then an editor's paragraph; no header block follows
    doc = parse_text(f"{title}\n\nTrân trọng giới thiệu toàn văn văn bản.\n\nI. NHIỆM VỤ\n\n1. Các cấp ủy tổ chức "
                     "quán triệt nội dung văn bản.\n", kind=kind)
    assert (doc.meta.doc_type, doc.meta.number) == (title.lstrip("# ").split(" số ")[0], title.split(" số ")[1])


def test_a_title_line_that_says_more_than_type_and_number_gives_no_number():
    doc = parse_text("Nghị quyết số 57-NQ/TW về khoa học\n\nTrân trọng giới thiệu.\n\n1. Các cấp ủy quán triệt.\n")
    assert doc.meta.number is None
