"""Link decisions on crafted pairs and on the seed pair's perfect parse (tests/gold_documents.py)."""
from __future__ import annotations

import copy
import dataclasses
import re

import numpy as np
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.linking import feature_matrices, link
from pipeline.linking.config import linking_rules
from pipeline.linking.features import words
from pipeline.model import Citation, Document, Mention, Section, Span, Task
from pipeline.vntext import match_form

CENTRAL_TASKS = {
    # id: (section, lead, text)
    "1.a": ("1", "Bộ Y tế", "Chủ trì xây dựng mạng lưới trạm y tế xã vùng sâu, vùng xa, bảo đảm mỗi trạm có bác sĩ "
            "và đủ thuốc thiết yếu cho người dân."),
    "1.b": ("1", "Bộ Giáo dục và Đào tạo", "Chủ trì phát triển trường phổ thông dân tộc bán trú, nâng cao chất "
            "lượng dạy tiếng Việt cho học sinh người dân tộc thiểu số."),
    "1.c": ("1", "Bộ Nông nghiệp và Phát triển nông thôn", "Hướng dẫn các địa phương chuyển đổi cơ cấu cây trồng "
            "theo hướng tăng diện tích cây ăn quả có giá trị kinh tế cao gắn với chế biến và tiêu thụ sản phẩm."),
    "2.a": ("2", "Bộ Tài nguyên và Môi trường", "Chủ trì, phối hợp với các cơ quan, đơn vị liên quan cập nhật bản "
            "đồ địa chính, giám sát biến động nguồn nước trên các lưu vực sông liên tỉnh."),
    "2.b": ("2", "Bộ Công Thương", "Hướng dẫn, đôn đốc các tỉnh triển khai Quyết định số 123/QĐ-TTg ngày 05 tháng "
            "3 năm 2021 của Thủ tướng Chính phủ về chương trình phát triển chợ nông thôn."),
    "2.c": ("2", "Bộ Giao thông vận tải", "Ưu tiên đầu tư các tuyến đường tỉnh kết nối cửa khẩu với cảng cạn và "
            "trung tâm logistics của vùng."),
    "2.d": ("2", "Bộ Tài chính", "Bố trí kinh phí thường xuyên cho lực lượng kiểm lâm tuần tra, bảo vệ rừng "
            "phòng hộ đầu nguồn."),
    "3.a": ("3", "Bộ Thông tin và Truyền thông", "Phủ sóng điện thoại di động và internet băng rộng cho các thôn, "
            "bản chưa có sóng, hỗ trợ thiết bị đầu cuối cho hộ nghèo."),
}
CENTRAL_SECTIONS = {
    "1": "Phát triển y tế, giáo dục và sản xuất nông nghiệp vùng đồng bào dân tộc thiểu số",
    "2": "Quản lý tài nguyên, thương mại và hạ tầng giao thông vùng biên giới",
    "3": "Chuyển đổi số và thông tin truyền thông",
}


def _document(doc_id: str, role: str, sections: dict[str, str], tasks: dict[str, tuple]) -> Document:
    doc = Document(id=doc_id, path=f"<{doc_id}>", role=role, kind="txt")
    for number, (sid, title) in enumerate(sections.items(), start=1):
        doc.sections.append(Section(id=sid, label=f"{sid}.", kind="item", title=title,
                                    span=Span(number * 10, number * 10, 0, 0)))
    for number, (tid, (parent, lead, text, *rest)) in enumerate(tasks.items(), start=1):
        task = Task(doc=doc_id, id=tid, label="-", text=text, span=Span(number * 10 + 1, number * 10 + 1, 0, 0),
                    parent=parent, leads=[Mention(text=lead)] if lead else [])
        if rest:
            task.citations = rest[0]
        doc.tasks.append(task)
    return doc


@pytest.fixture(scope="module")
def central() -> Document:
    doc = _document("central", "central", CENTRAL_SECTIONS, CENTRAL_TASKS)
    doc.meta.number = "45/NQ-CP"
    for task in doc.tasks:
        task.localities = True
    return doc


def _provincial(tasks: dict[str, tuple], sections: dict[str, str] | None = None) -> Document:
    sections = sections or {"1": "Nhiệm vụ, giải pháp"}
    return _document("plan", "provincial", sections, tasks)


def _pairs(links) -> dict[tuple[str, str], str]:
    return {(lk.provincial.task, lk.central.task): lk.strength for lk in links}


def test_verbatim_copy_is_a_sure_link_with_reasons_and_phrases(central):
    plan = _provincial({"1.1": ("1", "Sở Y tế", CENTRAL_TASKS["1.a"][2])})
    links, coverage = link(central, plan)
    assert _pairs(links) == {("1.1", "1.a"): "sure"}
    only = links[0]
    assert 0.0 <= only.score <= 1.0
    assert any("Từ ngữ trùng nhau" in r or "nguyên văn" in r for r in only.reasons)
    assert any(r == "Cơ quan tương ứng: Bộ Y tế → Sở Y tế" for r in only.reasons)
    assert only.shared_phrases and only.shared_phrases[0] in plan.tasks[0].text
    assert set(only.features) >= {"token_set", "ratio", "tfidf", "heading", "agency", "citation"}


def test_paraphrase_is_linked(central):
    plan = _provincial({"1.1": ("1", "Sở Nông nghiệp và Phát triển nông thôn",
                                "Hướng dẫn các huyện chuyển đổi cơ cấu cây trồng, tăng diện tích cây ăn quả giá trị "
                                "kinh tế cao, gắn sản xuất với chế biến, tiêu thụ nông sản trên địa bàn tỉnh.")})
    links, _ = link(central, plan)
    assert ("1.1", "1.c") in _pairs(links)


def test_reordered_sections_link_each_task_to_its_counterpart(central):
    sections = {"A": CENTRAL_SECTIONS["3"], "B": CENTRAL_SECTIONS["2"], "C": CENTRAL_SECTIONS["1"]}
    plan = _provincial({
        "A.1": ("A", "Sở Thông tin và Truyền thông", CENTRAL_TASKS["3.a"][2]),
        "B.1": ("B", "Sở Giao thông vận tải", CENTRAL_TASKS["2.c"][2]),
        "C.1": ("C", "Sở Giáo dục và Đào tạo", CENTRAL_TASKS["1.b"][2]),
    }, sections)
    pairs = _pairs(link(central, plan)[0])
    assert pairs.get(("A.1", "3.a")) == "sure"
    assert pairs.get(("B.1", "2.c")) == "sure"
    assert pairs.get(("C.1", "1.b")) == "sure"
    assert not {k for k in pairs if k not in {("A.1", "3.a"), ("B.1", "2.c"), ("C.1", "1.b")} and pairs[k] == "sure"}


def test_boilerplate_only_overlap_does_not_link(central):
    plan = _provincial({"1.1": ("1", "Văn phòng Ủy ban nhân dân tỉnh",
                                "Chủ trì, phối hợp với các cơ quan, đơn vị liên quan căn cứ chức năng, nhiệm vụ được "
                                "giao tổ chức hội nghị sơ kết công tác thi đua khen thưởng của tỉnh.")})
    links, coverage = link(central, plan)
    assert links == []
    assert {row.status for row in coverage} == {"gap"}


def test_a_task_that_only_asks_to_report_difficulties_has_no_wording(central):
    # a ministry plan's closing item "Trong quá trình thực hiện, nếu phát hiện khó khăn, vướng mắc, … báo cáo Bộ …"
    # (real case: QĐ 2200/QĐ-BNNMT) looked like the decree's annual report to that ministry; reports that may never
    # come carry out no duty. Inside a longer task the clause stays: the task's other words decide
    rules = linking_rules()
    alone = ("Trong quá trình thực hiện, nếu phát hiện khó khăn, vướng mắc, các cơ quan, đơn vị báo cáo Bộ Y tế (qua "
             "Cục Quản lý khám, chữa bệnh) để kịp thời tổng hợp, xem xét, giải quyết./.")
    assert words(alone, rules) == ()
    assert words(alone.replace("nếu phát hiện", "khi có"), rules) == ()
    longer = "Sở Y tế định kỳ hằng năm báo cáo kết quả khám chữa bệnh lưu động; trường hợp có vướng mắc, báo cáo Bộ Y tế."
    assert "vướng" in words(longer, rules) and "định" in words(longer, rules)
    # no link to the central annual report to that ministry, which the same clause matched by its words
    report = _document("central", "central", {"1": "Tổ chức thực hiện"}, {
        "1.a": ("1", "Ủy ban nhân dân các tỉnh", "Trước ngày 15 tháng 12 hằng năm, báo cáo Bộ Y tế về tình hình "
                "thực hiện khám chữa bệnh lưu động tại địa phương."),
        "1.b": ("1", "Bộ Tài chính", "Bố trí kinh phí thường xuyên cho lực lượng kiểm lâm tuần tra, bảo vệ rừng.")})
    plan = _provincial({"1": ("1", "", alone)}, {"1": "Tổ chức thực hiện"})
    links, _ = link(report, plan)
    assert links == [], [(lk.central.task, lk.score, lk.reasons) for lk in links]


def test_shared_citation_is_evidence_and_a_reason(central):
    plan = _provincial({"1.1": ("1", "Sở Công Thương",
                                "Triển khai thực hiện Quyết định số 123/QĐ-TTg của Thủ tướng Chính phủ trên địa bàn "
                                "tỉnh, ưu tiên các xã biên giới.")})
    links, _ = link(central, plan)
    assert ("1.1", "2.b") in _pairs(links)
    best = max(links, key=lambda lk: lk.score)
    assert best.central.task == "2.b" and best.features["citation"] == 1.0
    assert any(r.startswith("Cùng trích dẫn 123/QĐ-TTG") for r in best.reasons)


def test_a_shared_citation_is_named_as_the_plan_prints_it():
    import pipeline as dc

    central = dc.parse_text("CHÍNH PHỦ\nSố: 5/NQ-CP\nNGHỊ QUYẾT\nII. NHIỆM VỤ\n1. Bộ Công Thương chủ trì triển khai "
                            "Quyết định số 123/QĐ-TTg của Thủ tướng Chính phủ về công nghiệp hỗ trợ.\n",
                            doc_id="c", role="central")
    plan = dc.parse_text("ỦY BAN NHÂN DÂN TỈNH LÀO CAI\nSố: 7/KH-UBND\nKẾ HOẠCH\nThực hiện Nghị quyết số 5/NQ-CP\n"
                         "1. Sở Công Thương chủ trì triển khai Quyết định số 123/QĐ-TTg trên địa bàn tỉnh.\n",
                         doc_id="p", role="provincial")
    reasons = [r for lk in dc.link(central, plan).links for r in lk.reasons]
    assert "Cùng trích dẫn 123/QĐ-TTg" in reasons  # not its upper-case key "123/QĐ-TTG"


def test_an_unreadable_central_number_is_the_one_the_provincial_document_says_it_carries_out(central):
    from pipeline.linking.features import central_number

    unread = copy.deepcopy(central)
    unread.meta.number, unread.meta.date = None, "2026"  # an OCR'd header: the số hiệu is lost, the year is read
    letter = _provincial({"1": ("1", "Sở Công Thương", "Giao Sở Công Thương chủ trì triển khai thực hiện theo đề nghị "
                                "tại Nghị quyết số 45/NQ-CP, ưu tiên các xã biên giới.")})
    letter.meta.implements = [Citation(text="Nghị quyết số 45/NQ-CP", number="45/NQ-CP", year=2026)]
    assert central_number(unread, letter) == "45/NQ-CP"
    features = feature_matrices(unread, letter)
    assert features.central_number == "45/NQ-CP" and features.values["cites_central_keyterm"].max() > 0
    # a citation of another year is another document; two cited documents say nothing about which one
    letter.meta.implements = [Citation(text="Nghị quyết số 45/NQ-CP", number="45/NQ-CP", year=2019)]
    assert central_number(unread, letter) is None
    letter.meta.implements = [Citation(text="a", number="45/NQ-CP", year=2026), Citation(text="b", number="7/CT-TTg")]
    assert central_number(unread, letter) is None
    assert central_number(central, letter) == "45/NQ-CP"  # a number read in the header is kept


def test_the_decree_a_ministry_letter_carries_out_does_not_stand_for_the_letter(central):
    from pipeline.linking.features import central_number

    # a ministry's letter on carrying out a decree (its header unread) and a province's letter carrying out both:
    # the decree both cite is not the ministry's letter, so no provincial task is taken to cite the letter
    unread = copy.deepcopy(central)
    unread.meta.number, unread.meta.date = None, "2026"
    unread.meta.implements = [Citation(text="Nghị định số 178/2026/NĐ-CP", number="178/2026/NĐ-CP", year=2026)]
    letter = _provincial({"1": ("1", "Sở Tài chính", "Hướng dẫn, đôn đốc việc triển khai thực hiện Nghị định số "
                                "178/2026/NĐ-CP trên địa bàn tỉnh.")})
    letter.meta.implements = [Citation(text="Nghị định số 178/2026/NĐ-CP", number="178/2026/NĐ-CP", year=2026)]
    assert central_number(unread, letter) is None
    assert feature_matrices(unread, letter).values["cites_central_keyterm"].max() == 0
    # once the letter is cited beside the decree, it is the one left
    letter.meta.implements.append(Citation(text="Công văn số 8388/BTC-QLCS", number="8388/BTC-QLCS", year=2026))
    assert central_number(unread, letter) == "8388/BTC-QLCS"
    # a number the central document merely mentions (its own, over an appendix) still stands for it
    unread.meta.implements = []
    unread.meta.citations = [Citation(text="kèm theo Công văn số 8388/BTC-QLCS", number="8388/BTC-QLCS", year=2026)]
    letter.meta.implements = letter.meta.implements[1:]
    assert central_number(unread, letter) == "8388/BTC-QLCS"


def test_a_task_relaying_the_central_document_to_its_best_match_is_a_sure_link():
    import numpy as np

    from pipeline.linking import decide_from
    from pipeline.linking.config import DecisionRules

    p_link = np.array([[0.85, 0.1]])
    p_sure = np.array([[0.48, 0.0]])  # the wording alone does not make it sure
    decision = DecisionRules(possible=0.4, sure=0.7)
    assert decide_from(p_link, p_sure, np.array([False, False]), decision) == [(0, 0, "possible", 0.85)]
    relayed = np.array([[True, False]])  # "… theo đề nghị … tại Văn bản số 2265/BCT-ATMT", each other's best
    assert decide_from(p_link, p_sure, np.array([False, False]), decision, relayed=relayed) == [(0, 0, "sure", 0.85)]
    # it makes no link of its own
    assert decide_from(p_link * 0.1, p_sure, np.array([False, False]), decision, relayed=relayed) == []


def test_a_provincial_task_stating_the_same_activity_as_a_linked_one_takes_its_link(central):
    # a plan's body item and its appendix-table row: the closest one is linked by the models, the other stands
    # behind it in the relative evidence of the central task's column but carries it out as much
    item = "Triển khai Quyết định số 123/QĐ-TTg của Thủ tướng Chính phủ về chương trình phát triển chợ nông thôn."
    plan = _provincial({
        "1": ("1", "Sở Công Thương", item),
        "Bảng.1.1": ("1", "Sở Công Thương", item.replace("Triển khai", "Tổ chức triển khai") + " (Thời gian: 2033)"),
        "2": ("1", "Sở Y tế", "Tổ chức khám chữa bệnh lưu động cho người dân các thôn bản vùng sâu."),
    })
    links, _ = link(central, plan)
    pairs = _pairs(links)
    assert ("1", "2.b") in pairs and ("Bảng.1.1", "2.b") in pairs
    reasons = {(lk.provincial.task, lk.central.task): lk.reasons for lk in links}
    assert any(r.startswith("Cùng nội dung với nhiệm vụ 1 ") for r in reasons[("Bảng.1.1", "2.b")])
    # a task on another activity takes nothing from them
    assert ("2", "2.b") not in pairs


def test_only_a_sure_link_is_handed_on_to_a_restatement():
    import numpy as np

    from pipeline.linking import decide_from
    from pipeline.linking.config import DecisionRules

    # three bodies given one activity ("Thanh tra, kiểm tra … các hành vi vi phạm …"): task 0 is surely linked to
    # central 0 and loosely to central 1; task 1 restates it and has no candidate of its own
    p_link = np.array([[0.9, 0.5], [0.1, 0.1]])
    p_sure = np.array([[0.8, 0.2], [0.0, 0.0]])
    restates = np.array([[False, True], [True, False]])
    decision = DecisionRules(possible=0.4, sure=0.7)
    kept = decide_from(p_link, p_sure, np.array([False, False]), decision, restates=restates)
    assert {(i, j, strength) for i, j, strength, _ in kept} == {(0, 0, "sure"), (0, 1, "possible"), (1, 0, "sure")}


def test_a_sure_link_is_not_handed_to_a_restatement_unrelated_in_wording_to_the_central_task():
    import numpy as np

    from pipeline.linking import decide_from
    from pipeline.linking.config import DecisionRules

    # a table row restating one part of an item (real case: NQ 88/NQ-CP 2022, a row naming the export policy of an
    # item that first adjusts tax rates) took the item's sure link to the central task only the other part answers
    p_link = np.array([[0.9, 0.9], [0.1, 0.1]])
    p_sure = np.array([[0.8, 0.8], [0.0, 0.0]])
    restates = np.array([[False, True], [True, False]])
    related = np.array([[True, True], [True, False]])
    decision = DecisionRules(possible=0.4, sure=0.7)
    kept = decide_from(p_link, p_sure, np.array([False, False]), decision, restates=restates, related=related)
    assert {(i, j, strength) for i, j, strength, _ in kept} == {(0, 0, "sure"), (0, 1, "sure"), (1, 0, "sure")}


def test_the_same_words_given_to_bodies_of_another_level_are_no_restatement(central):
    from pipeline.linking.features import restatements

    words_ = "chủ động nghiên cứu, tổ chức triển khai thực hiện các nội dung thuộc trách nhiệm theo quy định."
    letter = _provincial({"1": ("1", "Sở Nông nghiệp và Môi trường", "Sở Nông nghiệp và Môi trường " + words_),
                          "2": ("1", "Ủy ban nhân dân các xã", "Ủy ban nhân dân các xã " + words_),
                          "3": ("1", "", "Sở Nông nghiệp và Môi trường " + words_)})
    for task, level in zip(letter.tasks, ("province", "commune", None), strict=True):
        for mention in task.leads:
            mention.level = level
    same = restatements(feature_matrices(central, letter), linking_rules())
    assert not same[0, 1] and not same[1, 0]  # a department's duty and the communes' are two duties
    assert same[0, 2] and same[2, 0]  # a task without a lead goes with the one it restates


def test_two_table_rows_sharing_only_their_fields_are_no_restatement(central):
    # a programme's table (real case: NQ 88/NQ-CP 2022) writes each row's other cells after its task as fields:
    # two short rows with the same product, lead, partners and year shared most words, and one was handed the
    # other's links; the activities are compared without those particulars, a body item and its row still alike
    from pipeline.linking.features import restatements

    fields = ("(Sản phẩm, hình thức văn bản: Thông tư; Cơ quan chủ trì thực hiện: Bộ Công Thương; Cơ quan phối hợp "
              "thực hiện: Bộ Tài chính, Bộ Xây dựng, các bộ ngành liên quan; Thời gian trình: Quý II năm 2027)")
    plan = _provincial({"1": ("1", "", "Hoàn thiện quy định về đấu giá quyền khai thác khoáng sản."),
                        "Bảng.1": ("1", "", "Hoàn thiện quy định về đấu giá quyền khai thác khoáng sản " + fields),
                        "Bảng.2": ("1", "", "Sửa đổi chính sách thuế xuất khẩu " + fields)})
    same = restatements(feature_matrices(central, plan), linking_rules())
    assert not same[1, 2] and not same[2, 1]
    assert same[0, 1] and same[1, 0]


def test_a_short_table_row_cut_from_its_body_item_restates_it(central):
    # a programme's table row keeps only the opening of its body item (real case: NQ 88/NQ-CP 2022, "Hoàn thành hồ
    # sơ đề nghị xây dựng Dự án Luật …" against the item that goes on with the deadline and what the bill reviews):
    # the words are all in the item but the two are unlike as wholes; a short phrase in common is no restatement
    from pipeline.linking.features import restatements

    opening = "Hoàn thiện quy định về đấu giá quyền khai thác khoáng sản"
    plan = _provincial({
        "1": ("1", "", opening + " trình Chính phủ trong quý III năm 2027. Theo đó, tổng kết việc thi hành, đánh giá "
                        "các bất cập về thủ tục, thời hạn và giá khởi điểm, đề xuất phương án sửa đổi phù hợp."),
        "Bảng.1": ("1", "", opening + " (Sản phẩm: Nghị định; Thời gian: 2027)"),
        "Bảng.2": ("1", "", "Đề xuất phương án sửa đổi (Sản phẩm: Báo cáo; Thời gian: 2027)"),
        "2": ("1", "", "Tăng cường kiểm tra hoạt động khai thác khoáng sản, xử lý nghiêm vi phạm về thủ tục."),
    })
    same = restatements(feature_matrices(central, plan), linking_rules())
    assert same[0, 1] and same[1, 0]
    assert not same[0, 2] and not same[2, 0]  # six syllables in common, too short to be an activity
    assert not same[0, 3] and not same[1, 3]


def test_the_topics_a_conference_treats_are_no_restatement_of_the_work_on_them(central):
    # a ministry's plan (real case: QĐ 2200/QĐ-BNNMT 2026) holds conferences on a decree "như: <the topics>", and
    # another item does the work on those topics: the examples after "như:" are not the activity; without them
    # the conference item is its own table row, and the two items are two activities
    from pipeline.linking.features import restatements

    topics = "xây dựng bộ tiêu chí nước sạch nông thôn, kiểm định chất lượng nước, quản lý công trình cấp nước"
    plan = _provincial({
        "1": ("1", "", "Tổ chức các hội nghị tập huấn, hướng dẫn thực hiện Nghị quyết như: " + topics + "."),
        "2": ("1", "", "Kiểm định chất lượng nước, xây dựng bộ tiêu chí nước sạch nông thôn; quản lý công trình cấp "
                       "nước sau đầu tư."),
        "Bảng.1": ("T", "", "Tổ chức các hội nghị tập huấn, hướng dẫn thực hiện các nội dung của Nghị quyết."),
    }, {"1": "Nhiệm vụ, giải pháp", "T": "Danh mục nhiệm vụ"})
    plan.sections[1].kind = "table"
    same = restatements(feature_matrices(central, plan), linking_rules())
    assert not same[0, 1] and not same[1, 0]
    assert same[0, 2] and same[2, 0]


def test_a_table_row_in_its_own_words_restates_the_body_item_clearly_closest_to_it(central):
    # a programme's appendix row names the product of a body item in other words (real case: NQ 88/NQ-CP 2022,
    # "Thống kê, kiểm kê nguồn lực tài nguyên khoáng sản trong phạm vi cả nước" for the item "Thống kê, kiểm kê đánh
    # giá thực trạng nguồn lực tài nguyên khoáng sản …"); a row close to no body item, or as close to two, restates none
    from pipeline.linking.features import restatements

    plan = _provincial({
        "1": ("1", "", "Xây dựng cơ sở dữ liệu quốc gia về tài nguyên nước, kết nối với hệ thống thông tin của các "
                       "bộ, ngành trước năm 2027."),
        "2": ("1", "", "Tăng cường thanh tra, kiểm tra việc khai thác nước dưới đất, xử lý nghiêm các vi phạm."),
        "3": ("1", "", "Đào tạo, bồi dưỡng đội ngũ cán bộ quản lý tài nguyên nước ở cấp huyện, cấp xã."),
        "Bảng.1": ("T", "", "Hoàn thành cơ sở dữ liệu quốc gia về tài nguyên nước, kết nối từ trung ương đến địa "
                            "phương (Sản phẩm: Cơ sở dữ liệu; Thời gian: 2027)"),
        "Bảng.2": ("T", "", "Đề án phát triển du lịch cộng đồng (Sản phẩm: Đề án; Thời gian: 2027)"),
    }, {"1": "Nhiệm vụ, giải pháp", "T": "Danh mục nhiệm vụ"})
    plan.sections[1].kind = "table"
    same = restatements(feature_matrices(central, plan), linking_rules())
    assert same[3, 0] and same[0, 3]
    assert not same[3, 1] and not same[3, 2]
    assert not same[4].any() and not same[:, 4].any()
    # read as body items, the same texts restate nothing: a row in its own words is matched only as a row
    plan.sections[1].kind = "item"
    assert not restatements(feature_matrices(central, plan), linking_rules())[3, 0]


def test_the_wording_of_a_table_row_is_its_activity_not_its_fields(central):
    # a programme's table row is written with its other cells as fields (real case: NQ 88/NQ-CP 2022, "Phê duyệt
    # Chiến lược … (Sản phẩm, hình thức văn bản: Quyết định của Thủ tướng Chính phủ; Cơ quan chủ trì thực hiện: …;
    # Thời gian trình: …)"): the fields' words hid the activity from the wording evidence; bodies and dates are
    # weighed by their own features
    activity = "Xây dựng mạng lưới trạm y tế xã vùng sâu, vùng xa, bảo đảm mỗi trạm có bác sĩ"
    fields = ("(Sản phẩm, hình thức văn bản: Đề án; Cơ quan chủ trì thực hiện: Sở Y tế; Cơ quan phối hợp thực hiện: "
              "Sở Tài chính, Sở Nội vụ, Ủy ban nhân dân các huyện; Thời gian trình: Quý IV năm 2027 và hàng năm)")
    plain = feature_matrices(central, _provincial({"1": ("1", "Sở Y tế", activity + ".")}))
    row = feature_matrices(central, _provincial({"Bảng.1": ("1", "Sở Y tế", f"{activity} {fields}")}))
    j = [t.id for t in central.tasks].index("1.a")
    for name in ("token_set", "ratio", "tfidf"):
        assert row.values[name][0, j] == pytest.approx(plain.values[name][0, j], abs=0.02), name


def test_citation_from_extract_is_used(central):
    cited = [Citation(text="Quyết định số 123/QĐ-TTg", number="123/QĐ-TTg")]
    plan = _provincial({"1.1": ("1", "Sở Công Thương", "Triển khai chương trình trên địa bàn tỉnh.", cited)})
    central.task("2.b").citations = [Citation(text="Quyết định số 123/QĐ-TTg", number="123/QĐ-TTg")]
    try:
        links, _ = link(central, plan)
    finally:
        central.task("2.b").citations = []
    assert ("1.1", "2.b") in _pairs(links)


def test_one_provincial_task_restating_two_central_tasks_links_both(central):
    plan = _provincial({"1.1": ("1", "Sở Y tế", CENTRAL_TASKS["1.a"][2] + " " + CENTRAL_TASKS["1.b"][2])})
    pairs = _pairs(link(central, plan)[0])
    assert {("1.1", "1.a"), ("1.1", "1.b")} <= set(pairs)


def test_one_central_task_carried_out_by_several_provincial_tasks(central):
    plan = _provincial({
        "1.1": ("1", "Sở Y tế", "Xây dựng mạng lưới trạm y tế xã vùng sâu, vùng xa trên địa bàn tỉnh."),
        "1.2": ("1", "Sở Y tế", "Bảo đảm mỗi trạm y tế xã có bác sĩ và đủ thuốc thiết yếu cho người dân."),
    })
    links, coverage = link(central, plan)
    assert {("1.1", "1.a"), ("1.2", "1.a")} <= set(_pairs(links))
    row = next(r for r in coverage if r.central.task == "1.a")
    assert row.status == "covered" and set(row.sure + row.possible) == {"1.1", "1.2"}


def test_provincial_addition_gets_no_link(central):
    plan = _provincial({
        "1.1": ("1", "Sở Thông tin và Truyền thông", CENTRAL_TASKS["3.a"][2]),
        "1.2": ("1", "Sở Y tế", CENTRAL_TASKS["1.a"][2]),
        "1.3": ("1", "Sở Giáo dục và Đào tạo", CENTRAL_TASKS["1.b"][2]),
        "1.4": ("1", "Sở Giao thông vận tải", CENTRAL_TASKS["2.c"][2]),
        "1.5": ("1", "Sở Văn hóa, Thể thao và Du lịch",
                "Tổ chức lễ hội cồng chiêng và giải thể thao truyền thống vào dịp Quốc khánh."),
    })
    pairs = _pairs(link(central, plan)[0])
    assert ("1.1", "3.a") in pairs
    assert not [k for k in pairs if k[0] == "1.5"]


def test_coverage_has_one_row_per_central_task_with_localities(central):
    central.task("2.a").locality_role = "coordinator"
    plan = _provincial({"1.1": ("1", "Sở Y tế", CENTRAL_TASKS["1.a"][2])})
    links, coverage = link(central, plan)
    assert [r.central.task for r in coverage] == [t.id for t in central.tasks]
    assert all(r.provincial_doc == "plan" for r in coverage)
    by_id = {r.central.task: r for r in coverage}
    assert by_id["1.a"].status == "covered" and by_id["1.a"].sure == ["1.1"]
    assert by_id["2.a"].status == "gap" and by_id["2.a"].localities and by_id["2.a"].locality_role == "coordinator"
    central.task("2.a").locality_role = None


def test_empty_documents_give_no_links_and_gap_rows(central):
    empty = Document(id="empty", path="<empty>", role="provincial", kind="txt")
    links, coverage = link(central, empty)
    assert links == [] and len(coverage) == len(central.tasks) and {r.status for r in coverage} == {"gap"}


def test_nothing_depends_on_tone_mark_style(central):
    text = CENTRAL_TASKS["1.c"][2].replace("hóa", "hoá").replace("ủy", "uỷ")
    plan = _provincial({"1.1": ("1", "Sở Nông nghiệp và Phát triển nông thôn", text)})
    assert _pairs(link(central, plan)[0]).get(("1.1", "1.c")) == "sure"


def seed_links_data() -> dict:
    from gold_documents import GOLD

    return yaml.safe_load((GOLD / "kontum-nq23.links.yaml").read_text(encoding="utf-8"))


def test_seed_pair_on_the_gold_parse():
    from gold_documents import gold_pair

    from pipeline.evaluate import gold_link_sets, link_metrics

    central, provincial = gold_pair()
    links, coverage = link(central, provincial)
    sure, possible = gold_link_sets(seed_links_data())
    predicted = {(lk.provincial.task, lk.central.task) for lk in links}
    scores = link_metrics(predicted, 0, sure, possible)
    assert scores["f1"] >= 0.90, scores
    # all but at most one provincial task of Kon Tum carry out something (1.a.3 is largely an addition)
    assert len({t.id for t in provincial.tasks} - {lk.provincial.task for lk in links}) <= 1
    statuses = {r.central.task: r.status for r in coverage}
    gold_rows = seed_links_data()["coverage"]
    accuracy = sum(statuses[row["central"]] == row["status"] for row in gold_rows) / len(gold_rows)
    assert accuracy >= 0.8
    # the two restatements of Kon Tum's ODA task (many-to-many)
    assert {("1.a.1", "III.1.a.2"), ("1.a.1", "III.2.a")} <= predicted


@pytest.mark.slow
def test_seed_pair_through_the_whole_pipeline():
    from gold_documents import GOLD, ROOT

    from pipeline.evaluate import evaluate
    from pipeline.extract import extract
    from pipeline.ingest import read
    from pipeline.model import Result
    from pipeline.normalize import normalize
    from pipeline.segment import segment

    def parse(path, role):
        source = read(path)
        return extract(segment(normalize(source), source, role=role))

    central = parse(ROOT / "corpus" / "central" / "nq-23-NQ-CP-2022.md", "central")
    provincial = parse(ROOT / "corpus" / "provincial" / "kontum-implementing-nq23.txt", "provincial")
    links, coverage = link(central, provincial)
    report = evaluate(Result(documents=[central, provincial], links=links, coverage=coverage), GOLD)["kontum-nq23"]
    assert report["link_f1"] >= 0.95, report
    assert report["coverage_acc"] >= 0.8, report


# A decree-like central document whose clauses all speak of the same field (every clause says "hóa chất"), and a
# short provincial letter that summarises some clauses in its own words: key terms rare inside the decree
# ("khoảng cách an toàn", "huấn luyện", "cơ sở dữ liệu") must find them; field words alone must not.
DECREE_TASKS = {
    "5.1": ("5", "", "Tổ chức, cá nhân hoạt động hóa chất phải lập hồ sơ đăng ký hoạt động hóa chất và gửi cơ quan "
            "quản lý hóa chất trước khi sản xuất."),
    "5.2": ("5", "", "Dự án đầu tư có sản xuất, tồn trữ hóa chất nguy hiểm phải thiết lập khoảng cách an toàn đối "
            "với khu dân cư, công trình công cộng và khu bảo tồn thiên nhiên."),
    "6.1": ("6", "", "Tổ chức, cá nhân hoạt động hóa chất tổ chức huấn luyện an toàn hóa chất cho người quản lý, "
            "người lao động trực tiếp và người làm công tác an toàn trước khi bố trí công việc."),
    "6.2": ("6", "", "Tổ chức, cá nhân hoạt động hóa chất cập nhật định kỳ số liệu sản xuất, kinh doanh hóa chất "
            "lên cơ sở dữ liệu chuyên ngành hóa chất trước ngày 15 tháng 02 hằng năm."),
    "7.1": ("7", "Bộ Công Thương", "Bộ Công Thương hướng dẫn, kiểm tra việc thực hiện quy định về hóa chất trong "
            "lĩnh vực công nghiệp và tổng hợp báo cáo Chính phủ."),
    "7.2": ("7", "", "Ủy ban nhân dân cấp tỉnh chỉ đạo các cơ quan chuyên môn kiểm tra, xử lý vi phạm về hóa chất "
            "tại địa phương và ban hành kế hoạch ứng phó sự cố hóa chất cấp tỉnh."),
}
DECREE_SECTIONS = {"5": "Điều kiện hoạt động hóa chất", "6": "Huấn luyện và dữ liệu", "7": "Trách nhiệm thi hành"}


@pytest.fixture(scope="module")
def decree() -> Document:
    doc = _document("decree", "central", DECREE_SECTIONS, DECREE_TASKS)
    doc.meta.number = "77/2026/NĐ-CP"
    doc.task("7.2").localities = True
    doc.task("7.2").locality_role = "lead"
    return doc


def test_a_key_term_is_shown_as_the_provincial_task_prints_it():
    from pipeline.linking.evidence import as_printed

    text = "Tiếp tục thực hiện Chỉ thị số 07/CT-TTg ngày 15 tháng 3 năm 2021, giai đoạn 2021-2030."
    assert as_printed("chỉ thị số 07 ct ttg", text) == "Chỉ thị số 07/CT-TTg"  # not its matching form
    assert as_printed("2021 2030", text) == "2021-2030"
    assert as_printed("thực hiện chỉ thị số 08", text) == "thực hiện chỉ thị số 08"  # not in the text: as given


def test_summary_letter_paraphrasing_decree_clauses_is_linked_to_them(decree):
    letter = _provincial({
        "2.1": ("1", "", "Thiết lập và duy trì khoảng cách an toàn của kho chứa theo hướng dẫn tại Nghị định "
                "77/2026/NĐ-CP."),
        "2.2": ("1", "", "Tổ chức huấn luyện định kỳ cho ba nhóm người lao động về an toàn."),
        "2.3": ("1", "", "Đăng ký tài khoản và cập nhật dữ liệu lên cơ sở dữ liệu quốc gia."),
    })
    links = link(decree, letter)[0]
    pairs = _pairs(links)
    assert ("2.1", "5.2") in pairs
    reasons = next(lk.reasons for lk in links if (lk.provincial.task, lk.central.task) == ("2.1", "5.2"))
    assert any(r.startswith("Thuật ngữ đặc trưng") and "«khoảng cách an toàn»" in r for r in reasons), reasons
    assert "Nhiệm vụ triển khai dẫn chiếu chính văn bản trung ương 77/2026/NĐ-CP" in reasons
    assert ("2.2", "6.1") in pairs
    assert ("2.3", "6.2") in pairs
    # each summary goes to its own clause, not to every clause of the same field
    assert not [k for k in pairs if k[0] == "2.1" and k[1] in {"6.1", "6.2"}]
    assert not [k for k in pairs if k[0] == "2.2" and k[1] in {"5.2", "6.2"}]


EXECUTION_CLAUSE = ("Các Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương và các tổ "
                    "chức, cá nhân có liên quan chịu trách nhiệm thi hành Nghị định này.")
LETTER_CALL = ("Sở Công Thương đề nghị các sở, ban, ngành và Ủy ban nhân dân các xã, phường nghiên cứu, triển khai "
               "thực hiện theo đúng quy định; trong quá trình thực hiện có vướng mắc, phản hồi về Sở để tổng hợp.")


@pytest.fixture(scope="module")
def decree_with_execution(decree) -> Document:
    doc = copy.deepcopy(decree)
    doc.sections.append(Section(id="8", label="Điều 8.", kind="article", title="Trách nhiệm thi hành",
                                span=Span(90, 90, 0, 0)))
    doc.tasks.append(Task(doc=doc.id, id="8.2", label="2.", text=EXECUTION_CLAUSE, span=Span(91, 91, 0, 0),
                          parent="8", leads=[Mention(text="Các Bộ trưởng")], localities=True, locality_role="lead"))
    return doc


def test_the_provincial_call_to_carry_the_work_out_surely_carries_out_the_execution_clause(decree_with_execution):
    letter = _provincial({
        "1": ("1", "", "Tổ chức huấn luyện định kỳ cho ba nhóm người lao động về an toàn."),
        "closing": ("1", "các sở, ban, ngành", LETTER_CALL),
    })
    links, coverage = link(decree_with_execution, letter)
    assert _pairs(links)[("closing", "8.2")] == "sure"
    reasons = next(lk.reasons for lk in links if (lk.provincial.task, lk.central.task) == ("closing", "8.2"))
    assert reasons[0].startswith("Lời giao thực hiện của văn bản triển khai"), reasons
    assert next(row.status for row in coverage if row.central.task == "8.2") == "covered"

    def sure_pairs(provincial):
        return {k for k, strength in _pairs(link(decree_with_execution, provincial)[0]).items() if strength == "sure"}

    # the same call as a task in the middle of the letter, outside a "Tổ chức thực hiện" part, is no such answer
    middle = _provincial({"closing": ("1", "các sở, ban, ngành", LETTER_CALL),
                          "2": ("1", "", "Tổ chức huấn luyện định kỳ cho ba nhóm người lao động về an toàn.")})
    assert ("closing", "8.2") not in sure_pairs(middle)
    # unless it is given to everyone the letter is addressed to ("Kính gửi"): that is the letter's call wherever it
    # stands; given to some of them only, it is not
    middle.meta.addressees = ["Các sở, ban, ngành"]
    assert ("closing", "8.2") in sure_pairs(middle)
    middle.meta.addressees = ["Các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"]
    assert ("closing", "8.2") not in sure_pairs(middle)
    # a department drafting the plan that carries the decree out answers it too, wherever it stands; a plan for a
    # document of another type does not
    drafting = _provincial({"2": ("1", "Sở Công Thương", "Giao Sở Công Thương chủ trì, phối hợp với các cơ quan xây "
                                                        "dựng dự thảo Kế hoạch thực hiện Nghị định số 77/2026/NĐ-CP."),
                            "3": ("1", "", "Tổ chức huấn luyện định kỳ cho ba nhóm người lao động về an toàn.")})
    typed = copy.deepcopy(decree_with_execution)
    typed.meta.doc_type = "Nghị định"
    assert ("2", "8.2") in {k for k, v in _pairs(link(typed, drafting)[0]).items() if v == "sure"}
    typed.meta.doc_type = "Quyết định"
    assert ("2", "8.2") not in _pairs(link(typed, drafting)[0])
    # under the plan's "Tổ chức thực hiện" heading it is, wherever it stands
    sections = {"3": "Tổ chức thực hiện", "4": "Nhiệm vụ khác"}
    plan = _provincial({"3.a": ("3", "các sở, ban, ngành", LETTER_CALL),
                        "4": ("4", "", "Tổ chức huấn luyện định kỳ cho ba nhóm người lao động về an toàn.")}, sections)
    assert ("3.a", "8.2") in sure_pairs(plan)
    # an execution clause reserved to central bodies is no province's to carry out
    ministry = copy.deepcopy(decree_with_execution)
    ministry.task("8.2").text = ("Chánh Văn phòng Bộ, Vụ trưởng Vụ Pháp chế, Cục trưởng Cục Hóa chất chịu trách nhiệm thi "
                                 "hành Nghị định này.")
    ministry.task("8.2").leads = [Mention(text="Chánh Văn phòng Bộ"), Mention(text="Cục Hóa chất")]
    ministry.task("8.2").localities, ministry.task("8.2").locality_role = False, None
    assert ("closing", "8.2") not in _pairs(link(ministry, letter)[0])
    # one department's own duty there is no call to everyone
    duty = _provincial({"3.a": ("3", "Sở Công Thương", "Sở Công Thương chủ trì tổ chức thực hiện việc kiểm tra an "
                                "toàn hóa chất tại các kho chứa trên địa bàn tỉnh."),
                        "4": ("4", "", "Tổ chức huấn luyện định kỳ cho ba nhóm người lao động về an toàn.")}, sections)
    assert ("3.a", "8.2") not in sure_pairs(duty)
    # nor is a unit's the registry files under the catch-all group ("Trung tâm …": no plural word)
    unit = _provincial({"3.a": ("3", "Trung tâm Truyền thông tỉnh", "Trung tâm Truyền thông tỉnh kịp thời phản ánh "
                                "các vấn đề trong quá trình triển khai thực hiện Kế hoạch."),
                        "4": ("4", "", "Tổ chức huấn luyện định kỳ cho ba nhóm người lao động về an toàn.")}, sections)
    assert ("3.a", "8.2") not in sure_pairs(unit)


def test_a_clause_citing_an_article_of_this_decree_is_no_execution_clause():
    from pipeline.linking.features import _charges_with_the_document

    rules = linking_rules()
    call = rules.structure.document_call
    assert re.search(call, match_form(EXECUTION_CLAUSE))
    assert re.search(call, match_form("Các bộ, địa phương nghiêm túc triển khai thực hiện các nhiệm vụ, giải pháp "
                                      "nêu tại Nghị quyết này."))
    assert not re.search(call, match_form("Tổ chức, cá nhân tổ chức thực hiện huấn luyện cho các đối tượng quy "
                                          "định tại Điều 5 Nghị định này."))
    assert not re.search(call, match_form("Giấy chứng nhận đã cấp trước ngày Nghị định này có hiệu lực thi hành "
                                          "được tiếp tục sử dụng."))
    assert not re.search(call, match_form("Bộ Kế hoạch và Đầu tư theo dõi, đánh giá tình hình thực hiện Nghị quyết "
                                          "này."))
    # a clause ending with the call to carry the document out is one; a duty about issues met in doing so is none
    assert re.search(call, match_form("Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh tổ chức triển khai và chỉ đạo các "
                                      "cơ quan thuộc phạm vi quản lý thực hiện nghiêm Chỉ thị này."))
    assert not re.search(call, match_form("Chịu trách nhiệm xử lý các vấn đề phát sinh khi thực hiện Quyết định này."))
    # a duty carried out "theo quy định tại Quyết định này" is no call to carry the decision out; nor is guiding others
    assert not re.search(call, match_form("Bố trí đủ vốn đối ứng triển khai thực hiện chính sách theo quy định tại "
                                          "Quyết định này."))

    def charges(text):
        return _charges_with_the_document(match_form(text), call, rules.structure.document_call_guided)

    assert not charges("Chủ trì, phối hợp với các Bộ, ngành liên quan hướng dẫn các tỉnh, thành phố trực thuộc Trung "
                       "ương triển khai thực hiện Quyết định này; đôn đốc, kiểm tra việc thực hiện.")
    assert charges("Bộ Xây dựng hướng dẫn nghiệp vụ cho các tỉnh; các Bộ trưởng chịu trách nhiệm thi hành Quyết định này.")
    # any type a citation names (rules/roles.yaml citation.doc_types): a Party committee's "Chương trình hành động"
    assert charges("Lãnh đạo các tổ chức đảng trực thuộc quán triệt, triển khai thực hiện nghiêm túc Kết luận số 75-KL/TW "
                   "và Chương trình hành động này.")
    assert charges("Các cơ quan, đơn vị nghiêm túc thực hiện Kế hoạch này.")
    assert not charges("Bộ Tài chính theo dõi, đánh giá tình hình thực hiện Chương trình hành động này.")
    # the doing of it ("việc triển khai thực hiện"), reviewed or urged, is no call
    assert not charges("Định kỳ sơ kết, tổng kết việc triển khai thực hiện Kết luận số 75-KL/TW và Chương trình hành "
                       "động này theo quy định.")


def test_member_kinds_naming_no_registered_group_or_kind_are_refused():
    from pipeline.linking.config import AgencyRules, check_member_kinds
    from pipeline.model import DoichieuError

    check_member_kinds(AgencyRules(member_kinds={"cac_so_ban_nganh": ["department"]}))
    with pytest.raises(DoichieuError, match="cac_so_nganh_tinh"):
        check_member_kinds(AgencyRules(member_kinds={"cac_so_nganh_tinh": ["department"]}))
    with pytest.raises(DoichieuError, match="departments"):
        check_member_kinds(AgencyRules(member_kinds={"cac_so_ban_nganh": ["departments"]}))


def test_doc_type_is_filled_once_when_the_linking_rules_load():
    from pipeline.linking.config import TYPED_PATTERNS

    structure = linking_rules().structure
    for name in TYPED_PATTERNS:
        assert "{doc_type}" not in getattr(structure, name), name
    plan = re.search(structure.plan_call, match_form("Giao Sở Nội vụ xây dựng kế hoạch thực hiện Chương trình hành "
                                                     "động số 12-CTr/TU."))
    assert plan and plan.group("type") == "chương trình hành động"


def test_a_provincial_closing_request_to_carry_out_the_plan_is_an_implementation_call():
    call = linking_rules().structure.implementation_call
    for text in ("Đề nghị các tổ chức, cá nhân có liên quan thực hiện các nội dung và thời gian theo đúng Kế hoạch đề "
                 "ra./.", "Yêu cầu Thủ trưởng các sở, ngành thực hiện nghiêm túc Kế hoạch này.",
                 "Các sở, ngành triển khai thực hiện."):
        assert re.search(call, match_form(text)), text
    assert not re.search(call, match_form("Sở Y tế thực hiện khám sàng lọc theo quy định của Bộ Y tế."))
    # a purpose, or one activity carried out, is no call to carry the plan out
    assert not re.search(call, match_form("Đề nghị Bộ Tài chính bố trí vốn để kịp thời triển khai thực hiện việc hỗ trợ "
                                          "về nhà ở."))
    assert not re.search(call, match_form("Các sở, ngành tổ chức thực hiện việc kiểm tra an toàn."))
    assert not re.search(call, match_form("Sở Xây dựng tăng cường kiểm tra, đôn đốc việc tổ chức thực hiện."))
    # a purpose that ends the clause with nothing to carry out but the document itself is the call
    assert re.search(call, match_form("Các sở, ngành cụ thể hóa Chương trình thành các kế hoạch hằng năm để triển khai "
                                      "thực hiện."))
    assert re.search(call, match_form("Các sở, ngành thực hiện nghiêm túc Chương trình hành động này."))


def test_field_words_and_boilerplate_alone_do_not_link(decree):
    letter = _provincial({"1": ("1", "Văn phòng Ủy ban nhân dân tỉnh",
                                "Đề nghị các cơ quan, đơn vị liên quan căn cứ chức năng, nhiệm vụ được giao tổ chức "
                                "tổng kết công tác năm về hóa chất theo quy định của pháp luật.")})
    links, coverage = link(decree, letter)
    assert links == [], [(lk.central.task, lk.score, lk.reasons) for lk in links]
    assert {row.status for row in coverage} == {"gap"}


def test_counterpart_agency_on_a_related_theme_makes_a_central_task_partial_not_a_gap(central, monkeypatch):
    # the counterpart rescue as a mechanism (the tuned rules/linking.yaml may switch it off: counterpart_rel > 1)
    import pipeline.linking as linking

    tuned = linking_rules()
    rescue = tuned.model_copy(update={"decision": tuned.decision.model_copy(update={"counterpart_rel": 0.6})})
    monkeypatch.setattr(linking, "linking_rules", lambda: rescue)
    plan = _provincial({
        "1.1": ("1", "Sở Giao thông vận tải", "Rà soát, đề xuất danh mục công trình giao thông kết nối khu kinh tế "
                "cửa khẩu của tỉnh giai đoạn 2026-2030."),
        "1.2": ("1", "Sở Y tế", CENTRAL_TASKS["1.a"][2]),
    })
    links, coverage = link(central, plan)
    status = {row.central.task: row.status for row in coverage}
    assert status["1.a"] == "covered"
    assert status["2.c"] in {"partial", "covered"}, [(lk.central.task, lk.score) for lk in links]
    rescued = next(lk for lk in links if lk.central.task == "2.c")
    assert rescued.provincial.task == "1.1"
    assert "Cơ quan tương ứng: Bộ Giao thông vận tải → Sở Giao thông vận tải" in rescued.reasons
    # the same agency on an unrelated theme rescues nothing: tasks of other agencies stay gaps
    assert status["2.d"] == "gap" and status["3.a"] == "gap"


def test_decision_rescues_a_locality_task_only_through_its_counterpart_agency():
    import numpy as np

    from pipeline.linking import decide_from
    from pipeline.linking.config import DecisionRules

    p_link = np.array([[0.1, 0.05], [0.02, 0.9]])  # task 0 of the central side is weakly matched by everyone
    p_sure = np.zeros_like(p_link)
    localities = np.array([True, False])
    decision = DecisionRules(possible=0.5, sure=0.5, partial_floor=0.3, counterpart_rel=0.8)
    assert {(i, j) for i, j, *_ in decide_from(p_link, p_sure, localities, decision)} == {(1, 1)}
    counterpart = np.array([[False, False], [True, False]])  # provincial task 1 is led by the counterpart
    kept = decide_from(p_link, p_sure, localities, decision, counterpart=counterpart)
    assert (1, 0, "possible", 0.02) in kept



def test_the_provincial_execution_call_is_sure_for_the_execution_clause_and_rescues_nothing_else():
    import numpy as np

    from pipeline.linking import decide_from
    from pipeline.linking.config import DecisionRules

    # central 0: a duty reaching localities; central 1: the execution clause. Provincial 0: a specific task,
    # provincial 1: the plan's closing call, the closest in wording to central 0 ("triển khai thực hiện …")
    p_link = np.array([[0.36, 0.01], [0.38, 0.02]])
    p_sure = np.zeros_like(p_link)
    localities = np.array([True, True])
    decision = DecisionRules(possible=0.5, sure=0.7, partial_floor=0.35)
    assert {(i, j) for i, j, *_ in decide_from(p_link, p_sure, localities, decision)} == {(1, 0)}
    executes = np.array([[0.0, 0.0], [0.0, 1.0]], dtype=np.float32)
    kept = decide_from(p_link, p_sure, localities, decision, executes=executes)
    assert (1, 1, "sure", 0.02) in kept
    assert (0, 0, "possible", 0.36) in kept and (1, 0) not in {(i, j) for i, j, *_ in kept}


# A decree's article on the provincial People's Committee's duties and a letter that hands them to a department
WATER_DECREE_SECTIONS = {"8": "Trách nhiệm của Bộ Nông nghiệp và Môi trường",
                         "9": "Trách nhiệm của Ủy ban nhân dân cấp tỉnh", "10": "Trách nhiệm của Ủy ban nhân dân cấp xã"}
WATER_DECREE_TASKS = {
    "8.a": ("8", "Bộ Nông nghiệp và Môi trường", "Hướng dẫn, kiểm tra việc cấp giấy phép khai thác nước dưới đất "
            "trên phạm vi cả nước."),
    "9.a": ("9", "Ủy ban nhân dân cấp tỉnh", "Tổ chức thực hiện, đôn đốc, kiểm tra, xử lý các vấn đề phát sinh tại "
            "địa phương theo thẩm quyền."),
    "9.b": ("9", "Ủy ban nhân dân cấp tỉnh", "Cấp, cấp lại, điều chỉnh giấy phép khai thác nước dưới đất cho các tổ "
            "chức, cá nhân trên địa bàn."),
    "9.c": ("9", "Ủy ban nhân dân cấp tỉnh", "Trước ngày 31 tháng 01 hằng năm, báo cáo Bộ Nông nghiệp và Môi trường "
            "tình hình quản lý giếng khoan trên địa bàn."),
    "10.a": ("10", "Ủy ban nhân dân cấp xã", "Tham gia kiểm tra việc trám lấp giếng khoan không sử dụng trên địa bàn."),
}


@pytest.fixture(scope="module")
def water_decree() -> Document:
    doc = _document("water", "central", WATER_DECREE_SECTIONS, WATER_DECREE_TASKS)
    doc.meta.number = "88/2026/NĐ-CP"
    for task in doc.tasks[1:]:
        task.localities, task.locality_role = True, "lead"
    return doc


def test_handing_on_the_provinces_duties_as_a_whole_carries_out_the_committees_duties(water_decree):
    letter = _provincial({
        "1": ("1", "Sở Nông nghiệp và Môi trường", "Sở Nông nghiệp và Môi trường chủ động nghiên cứu, tổ chức triển "
              "khai thực hiện các nhiệm vụ thuộc trách nhiệm của tỉnh và tuyên truyền, phổ biến nội dung của Nghị "
              "định trên địa bàn tỉnh."),
        "2": ("1", "Ủy ban nhân dân các xã, phường", "Ủy ban nhân dân các xã, phường triển khai thực hiện các nội "
              "dung thuộc trách nhiệm, thẩm quyền của địa phương."),
    })
    links, coverage = link(water_decree, letter)
    pairs = _pairs(links)
    # the committee's clause on organising the implementation surely; each of its other duties possibly
    assert pairs[("1", "9.a")] == "sure"
    assert pairs[("1", "9.b")] == pairs[("1", "9.c")] == "possible"
    assert ("1", "8.a") not in pairs and ("1", "10.a") not in pairs
    # "của địa phương" given to the communes is the communes' duties
    assert pairs[("2", "10.a")] == "possible"
    assert not {k for k in pairs if k[0] == "2" and k[1].startswith("9.")}
    status = {row.central.task: row.status for row in coverage}
    assert status["9.a"] == "covered" and status["9.c"] == "partial"
    reasons = next(lk.reasons for lk in links if (lk.provincial.task, lk.central.task) == ("1", "9.b"))
    assert any(r.startswith("Văn bản triển khai giao lại nhiệm vụ") for r in reasons), reasons


def test_handing_on_one_matter_of_the_committees_duties_surely_carries_out_that_duty(water_decree):
    letter = _provincial({
        "1": ("1", "Sở Nông nghiệp và Môi trường", "Giao Sở Nông nghiệp và Môi trường nghiên cứu, tham mưu Ủy ban nhân "
              "dân tỉnh ủy quyền thực hiện thủ tục cấp, cấp lại giấy phép khai thác nước dưới đất thuộc thẩm quyền "
              "của Ủy ban nhân dân tỉnh cho Giám đốc Sở."),
    })
    pairs = _pairs(link(water_decree, letter)[0])
    assert pairs[("1", "9.b")] == "sure"
    assert ("1", "9.c") not in pairs and pairs.get(("1", "9.a")) != "sure"
    # a report on the duties of the locality hands nothing on
    report = _provincial({
        "1": ("1", "Sở Nông nghiệp và Môi trường", "Sở Nông nghiệp và Môi trường báo cáo kết quả đối với các nhiệm vụ "
              "thuộc trách nhiệm của địa phương gửi Ủy ban nhân dân tỉnh trước ngày 15 tháng 12."),
    })
    assert not {k for k, strength in _pairs(link(water_decree, report)[0]).items() if strength == "sure"}


def test_a_central_lead_named_only_as_the_provincial_tasks_partner_is_not_named_lead():
    from pipeline.linking.agency import names_central_lead

    central = [Task(doc="c", id="8.d", label="d)", text="Giao Sở Lao động - Thương binh và Xã hội rà soát đối tượng "
                    "được hỗ trợ.", span=Span(1, 1, 0, 0), leads=[Mention(text="Sở Lao động - Thương binh và Xã hội")])]
    partner_text = ("Chủ trì, phối hợp với Sở Lao động - Thương binh và Xã hội, Sở Tài chính xây dựng Đề án hỗ trợ nhà "
                    "ở trên địa bàn.")
    name = "Sở Lao động - Thương binh và Xã hội"
    start = partner_text.index(name)
    partner = Task(doc="p", id="1", label="1.", text=partner_text, span=Span(1, 1, 0, 0),
                   leads=[Mention(text="Sở Xây dựng")],
                   coordinators=[Mention(text=name, start=start, end=start + len(name)), Mention(text="Sở Tài chính")])
    spoken_of = Task(doc="p", id="2", label="2.", text="Đề nghị Sở Lao động - Thương binh và Xã hội cung cấp danh sách "
                     "hộ được hỗ trợ.", span=Span(2, 2, 0, 0), leads=[Mention(text="Sở Xây dựng")])
    values = names_central_lead(central, [partner, spoken_of], linking_rules())
    assert values[:, 0].tolist() == [0.0, 1.0]



def test_the_issuer_of_a_cited_document_is_not_named_lead():
    from pipeline.linking.agency import names_central_lead

    central = [Task(doc="c", id="4.2.b", label="b)", text="Chủ trì lập chiến lược phát triển ngành công nghiệp hóa "
                    "chất.", span=Span(1, 1, 0, 0), leads=[Mention(text="Bộ Công Thương")])]
    # a letter listing the circulars to study names their issuer, not a body it works with or speaks to
    cited = Task(doc="p", id="1", label="1.", text="Yêu cầu các doanh nghiệp nghiên cứu Thông tư số 02/2026/TT-BCT "
                 "ngày 17 tháng 01 năm 2026 của Bộ trưởng Bộ Công Thương quy định biện pháp thi hành.",
                 span=Span(1, 1, 0, 0), leads=[Mention(text="các doanh nghiệp")],
                 citations=[Citation(text="Thông tư số 02/2026/TT-BCT ngày 17 tháng 01 năm 2026",
                                     number="02/2026/TT-BCT")])
    # without extract's citations (a gold parse), the số hiệu is read from the text; a date in figures
    unread = Task(doc="p", id="2", label="2.", text="Thực hiện theo Thông tư số 02/2026/TT-BCT ngày 17/01/2026 của Bộ "
                  "Công Thương.", span=Span(2, 2, 0, 0), leads=[Mention(text="Sở Công Thương")])
    # the same ministry asked for something, besides the reference, is named
    asked = Task(doc="p", id="3", label="3.", text="Kiến nghị Bộ Công Thương sửa đổi Thông tư số 02/2026/TT-BCT của "
                 "Bộ Công Thương.", span=Span(3, 3, 0, 0), leads=[Mention(text="Sở Công Thương")])
    values = names_central_lead(central, [cited, unread, asked], linking_rules())
    assert values[:, 0].tolist() == [0.0, 0.0, 1.0]


def test_central_tasks_sharing_a_lead_are_each_named():
    """names_central_lead looks each lead name up once for all central tasks it leads: every one of them is marked."""
    from pipeline.linking.agency import names_central_lead

    def central_task(k, *leads):
        return Task(doc="c", id=str(k), label=f"{k}.", text="Chủ trì hướng dẫn thực hiện.", span=Span(k, k, 0, 0),
                    leads=[Mention(text=name) for name in leads])

    central = [central_task(1, "Bộ Tài chính"), central_task(2, "Bộ Xây dựng", "Bộ Tài chính"),
               central_task(3, "Bộ Xây dựng"), central_task(4, "Bộ Tài chính")]
    asks = Task(doc="p", id="1", label="1.", text="Kiến nghị Bộ Tài chính hướng dẫn thanh toán.",
                span=Span(1, 1, 0, 0), leads=[Mention(text="Sở Tài chính")])
    silent = Task(doc="p", id="2", label="2.", text="Tổ chức tập huấn cho cán bộ.", span=Span(2, 2, 0, 0),
                  leads=[Mention(text="Sở Xây dựng")])
    values = names_central_lead(central, [asks, silent], linking_rules())
    assert values.tolist() == [[1.0, 1.0, 0.0, 1.0], [0.0, 0.0, 0.0, 0.0]]

def test_a_holder_duties_pattern_must_name_its_holder():
    from pydantic import ValidationError

    from pipeline.linking.config import StructureRules

    with pytest.raises(ValidationError, match="holder"):
        StructureRules(holder_duties=r"thuộc thẩm quyền của (tỉnh)")


def test_rescue_between_weak_candidates_prefers_the_one_whose_actors_match():
    import numpy as np

    from pipeline.linking import decide_from
    from pipeline.linking.config import DecisionRules

    # central task 0 reaches localities and is unlinked; two provincial tasks are weakly like it
    p_link = np.array([[0.25], [0.2], [0.05]])
    decision = DecisionRules(possible=0.5, sure=0.5, partial_floor=0.15)
    localities = np.array([True])
    assert [k[:2] for k in decide_from(p_link, np.zeros_like(p_link), localities, decision)] == [(0, 0)]
    actor = np.array([[False], [True], [True]])  # tasks 1 and 2 are led by the central lead's counterpart
    kept = decide_from(p_link, np.zeros_like(p_link), localities, decision, actor=actor)
    assert [k[:3] for k in kept] == [(1, 0, "possible")]  # task 2 is below the floor: actors alone never link


def test_rescue_weighs_actors_among_candidates_comparable_to_the_best_even_below_the_floor():
    import numpy as np

    from pipeline.linking import decide_from
    from pipeline.linking.config import DecisionRules

    # only task 0 clears the floor; task 1 is below it but has more than half of task 0's P and its actors
    # match, so the actor decides between them; task 2 (a tenth of the best) is not comparable
    p_link = np.array([[0.5], [0.34], [0.05]])
    decision = DecisionRules(possible=0.6, sure=0.6, partial_floor=0.35, rescue_comparable=0.5)
    localities = np.array([True])
    actor = np.array([[False], [True], [True]])
    kept = decide_from(p_link, np.zeros_like(p_link), localities, decision, actor=actor)
    assert [k[:3] for k in kept] == [(1, 0, "possible")]
    kept = decide_from(p_link[[0, 2]], np.zeros((2, 1)), localities, decision, actor=actor[[0, 2]])
    assert [k[:3] for k in kept] == [(0, 0, "possible")]

def test_the_central_documents_subject_alone_does_not_link(central):
    """A plan restating only what the whole resolution is about (its trích yếu) carries out none of its
    tasks: the subject's words are removed before scoring, so they weigh less than when it is unknown."""
    subject = "phát triển chợ nông thôn và hạ tầng thương mại vùng biên giới"
    themed = copy.deepcopy(central)
    themed.meta.title = f"Về {subject}"
    plan = _provincial({"1.1": ("1", "Sở Nội vụ", f"Tổ chức hội nghị phổ biến nghị quyết về {subject} đến cán bộ.")})
    rules = linking_rules()
    with_subject, without_subject = feature_matrices(themed, plan, rules), feature_matrices(central, plan, rules)
    column = [t.id for t in central.tasks].index("2.b")  # the one central task about "chợ nông thôn"
    assert with_subject.values["tfidf"][0, column] < without_subject.values["tfidf"][0, column]
    assert " ".join(words(plan.tasks[0].text, rules, with_subject.subject)) == \
        "tổ chức hội nghị phổ biến nghị quyết đến cán bộ"
    links, _ = link(themed, plan)
    assert links == []


def _strip_subject_reference(tokens, subject, min_words):
    """The subject rule by definition: at each position, drop the longest run (>= min_words) of the
    subject's contiguous words, else keep the word."""
    runs = {tuple(subject[a:b]) for a in range(len(subject)) for b in range(a + min_words, len(subject) + 1)}
    out, k = [], 0
    while k < len(tokens):
        span = max((n for n in range(min_words, len(tokens) - k + 1) if tuple(tokens[k:k + n]) in runs), default=0)
        out, k = (out, k + span) if span else (out + [tokens[k]], k + 1)
    return out


SUBJECT_WORDS = "về phát triển kinh tế khu vực biên giới đất liền"


@settings(max_examples=300, deadline=None)
@given(tokens=st.lists(st.sampled_from([*SUBJECT_WORDS.split(), "chợ"]), max_size=30),
       min_words=st.integers(1, 5))
def test_subject_runs_are_stripped_as_defined(tokens, min_words):
    from pipeline.linking.features import _strip_subject

    subject = tuple(SUBJECT_WORDS.split())
    assert _strip_subject(tokens, subject, min_words) == _strip_subject_reference(tokens, subject, min_words)


def test_a_duty_reserved_to_central_bodies_is_not_addressed_to_the_province():
    from pipeline.linking.agency import addressed_row

    def task(tid, leads, localities=False):
        return Task(doc="d", id=tid, label="a)", text="Kiểm tra, cấp giấy chứng nhận huấn luyện.",
                    span=Span(1, 1, 0, 0), leads=[Mention(text=x) for x in leads], localities=localities)

    tasks = [task("1", ["Bộ Công Thương"]), task("2", ["các bộ, ngành liên quan", "Bộ Công an"]),
             task("3", ["Ủy ban nhân dân các cấp"], localities=True),
             task("4", ["Tổ chức, cá nhân hoạt động hóa chất"]), task("5", []),
             task("6", ["Bộ Công Thương"], localities=True)]
    assert addressed_row(tasks).tolist() == [0.0, 0.0, 1.0, 1.0, 1.0, 1.0]


def test_a_duty_led_by_the_implementing_documents_issuer_is_addressed_to_it():
    from pipeline.linking.agency import addressed_row

    def task(tid, leads, partners=()):
        return Task(doc="d", id=tid, label="a)", text="Xây dựng tiêu chuẩn quốc gia.", span=Span(1, 1, 0, 0),
                    leads=[Mention(text=x) for x in leads], coordinators=[Mention(text=x) for x in partners])

    tasks = [task("1", ["Bộ Xây dựng"]), task("2", ["Bộ Tài chính"], ["Bộ Xây dựng"])]
    assert addressed_row(tasks).tolist() == [0.0, 0.0]  # a province's plan carries out neither
    # the ministry's own plan carries out the duty it leads, not one it only coordinates
    assert addressed_row(tasks, "BỘ XÂY DỰNG").tolist() == [1.0, 0.0]
    assert addressed_row(tasks, "ỦY BAN NHÂN DÂN TỈNH LÀO CAI").tolist() == [0.0, 0.0]


def test_a_document_of_the_government_is_addressed_every_central_duty():
    # the Government's action programme carrying out a Politburo resolution gives the ministries their work: a
    # ministry's duty in the resolution ("Ban cán sự đảng Bộ Tài nguyên và Môi trường chủ trì … theo dõi, đôn đốc")
    # is the programme's to carry out, as the duties of the Government's own party organ are
    from pipeline.linking.agency import addressed_row
    from pipeline.linking.config import linking_rules

    def task(tid, leads):
        return Task(doc="d", id=tid, label="1.", text="Theo dõi, đôn đốc thực hiện nghị quyết.", span=Span(1, 1, 0, 0),
                    leads=[Mention(text=x) for x in leads])

    tasks = [task("1", ["Ban cán sự đảng Bộ Tài nguyên và Môi trường"]), task("2", ["Đảng đoàn Quốc hội"]),
             task("3", ["Ban cán sự đảng Chính phủ"])]
    rules = linking_rules().agency
    # every duty, but not those of bodies the Government does not direct: the National Assembly, the Party's
    # commissions, the Front (rules/linking.yaml agency.undirected_kinds)
    others = tasks + [task("4", ["Ban Tuyên giáo Trung ương"]), task("5", ["Mặt trận Tổ quốc Việt Nam"])]
    assert addressed_row(others, "CHÍNH PHỦ", rules).tolist() == [1.0, 0.0, 1.0, 0.0, 0.0]
    # a ministry's own plan is addressed only the duties it leads; a province's plan none of these
    assert addressed_row(tasks, "BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG", rules).tolist() == [1.0, 0.0, 0.0]
    assert addressed_row(tasks, "ỦY BAN NHÂN DÂN TỈNH LÀO CAI", rules).tolist() == [0.0, 0.0, 0.0]


def test_a_provincial_party_organs_duty_is_not_addressed_to_the_peoples_committees_plan():
    # a People's Committee directs no Party organ: the provincial party resolution's follow-up by the party
    # committee's office is not for its plan to carry out; a duty that leads the committee itself, or that the
    # governments share ("các cấp ủy, tổ chức đảng, chính quyền"), is
    from pipeline.linking.agency import addressed_row
    from pipeline.linking.config import linking_rules

    def task(tid, lead, text):
        return Task(doc="d", id=tid, label="1.", text=text, span=Span(1, 1, 0, 0), leads=[Mention(text=lead)],
                    localities=True)

    tasks = [task("1", "Văn phòng Tỉnh ủy", "Văn phòng Tỉnh ủy theo dõi, đôn đốc việc thực hiện; tổng hợp báo cáo."),
             task("2", "Đảng ủy Ủy ban nhân dân tỉnh",
                  "Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo Ủy ban nhân dân tỉnh xây dựng kế hoạch thực hiện."),
             task("3", "Các cấp ủy, tổ chức đảng, chính quyền", "Các cấp ủy, tổ chức đảng, chính quyền quán triệt."),
             task("4", "Ủy ban Kiểm tra Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy kiểm tra, giám sát việc thực hiện.")]
    rules = linking_rules().agency
    assert addressed_row(tasks, "ỦY BAN NHÂN DÂN TỈNH LÀO CAI", rules).tolist() == [0.0, 1.0, 1.0, 0.0]
    # a party committee's own plan carries out its organs' duties; an unknown issuer is not judged
    assert addressed_row(tasks, "HUYỆN ỦY BẢO THẮNG", rules).tolist() == [1.0, 1.0, 1.0, 1.0]
    assert addressed_row(tasks, None, rules).tolist() == [1.0, 1.0, 1.0, 1.0]


def test_a_duty_led_by_the_issuers_own_party_committee_is_within_its_reach():
    # "Đảng ủy <body>" is the body's own Party committee (rules/linking.yaml agency.party_words): what it leads, even
    # without naming the body ("Thường xuyên lãnh đạo, chỉ đạo kiểm tra, giám sát …"), that body carries out; another
    # body's Party committee stays outside a People's Committee's direction
    from pipeline.linking.agency import addressed_row, outside_direction_row
    from pipeline.linking.config import linking_rules

    def task(tid, lead):
        return Task(doc="d", id=tid, label="-", text=f"{lead} thường xuyên lãnh đạo, chỉ đạo kiểm tra, giám sát.",
                    span=Span(1, 1, 0, 0), leads=[Mention(text=lead)], localities=True)

    tasks = [task("1", "Đảng ủy Ủy ban nhân dân tỉnh"), task("2", "Đảng ủy Hội đồng nhân dân tỉnh"),
             task("3", "Đảng ủy Công an tỉnh")]
    rules = linking_rules().agency
    assert outside_direction_row(tasks, "ỦY BAN NHÂN DÂN TỈNH LÀO CAI", rules).tolist() == [False, True, True]
    assert addressed_row(tasks, "ỦY BAN NHÂN DÂN TỈNH LÀO CAI", rules).tolist() == [1.0, 0.0, 0.0]
    # the Government's programme carries out what the Government's own Party committee leads, not the Assembly's
    central = [Task(doc="d", id=tid, label="-", text="Lãnh đạo, chỉ đạo xây dựng chương trình hành động.",
                    span=Span(1, 1, 0, 0), leads=[Mention(text=lead)])
               for tid, lead in (("1", "Đảng ủy Chính phủ"), ("2", "Đảng ủy Quốc hội"))]
    assert addressed_row(central, "CHÍNH PHỦ", rules).tolist() == [1.0, 0.0]
    # without the words, the relation is unknown
    assert outside_direction_row(tasks, "ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
                                 rules.model_copy(update={"party_words": []})).tolist() == [True, True, True]


def test_one_level_down_a_task_is_the_issuers_share_when_addressed_to_it():
    # a Tỉnh ủy's programme reaches the localities in every task: what a provincial body's letter should carry out is
    # what the programme gives that body (itself, its own Party committee, a group that takes it in, or no one named)
    from pipeline.linking import coverage_rows
    from pipeline.linking.agency import issuer_share_row
    from pipeline.linking.config import linking_rules

    def task(tid, leads=(), directs=()):
        return Task(doc="d", id=tid, label="-", text="Thực hiện.", span=Span(1, 1, 0, 0), localities=True,
                    leads=[Mention(text=x) for x in leads], directs=[Mention(text=x) for x in directs])

    tasks = [task("1", ["Đảng ủy Ủy ban nhân dân tỉnh"]), task("2", ["Các cấp ủy, tổ chức đảng"]),
             task("3", ["Đảng ủy Hội đồng nhân dân tỉnh"]), task("4", ["Ban Tuyên giáo Tỉnh ủy"], ["Ủy ban nhân dân tỉnh"]),
             task("5"), task("6", ["Các cấp ủy, tổ chức Đảng, chính quyền"]),
             task("7", ["Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh"]), task("8", ["các sở, ban, ngành"]),
             task("9", ["Ủy ban nhân dân các xã, phường"])]
    rules = linking_rules()

    def share(issuer, upper="TỈNH ỦY LÀO CAI"):
        row = issuer_share_row(tasks, upper, issuer, rules)
        return None if row is None else [t.id for t, s in zip(tasks, row, strict=True) if s]

    assert share("ỦY BAN NHÂN DÂN TỈNH LÀO CAI") == ["1", "4", "5", "6"]
    assert share("ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH") == ["1", "2", "5", "6"]
    assert share("SỞ TÀI CHÍNH") == ["5", "8"]
    assert share("ỦY BAN NHÂN DÂN XÃ") == ["5", "6", "9"]
    # a central body's document: a task's share is whether it reaches the localities, as before; unknown: not judged
    assert share("ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "BỘ XÂY DỰNG") is None
    assert share(None) is None
    upper = Document(id="ctr", path="<ctr>", role="central", kind="txt", tasks=tasks)
    upper.meta.issuer = "TỈNH ỦY LÀO CAI"
    letter = Document(id="cv", path="<cv>", role="provincial", kind="txt")
    letter.meta.issuer = "ỦY BAN NHÂN DÂN TỈNH LÀO CAI"
    assert [row.central.task for row in coverage_rows(upper, letter, []) if row.localities] == ["1", "4", "5", "6"]
    upper.meta.issuer = "BỘ XÂY DỰNG"
    assert all(row.localities for row in coverage_rows(upper, letter, []))


def test_a_peoples_committees_follow_up_duty_is_not_linked_to_the_party_offices_follow_up():
    # the plan's department follows up the plan in the words the party resolution gives the party committee's
    # office for its own follow-up: the committee directs no Party organ, so that clause is none of its plan's
    follow_up = "theo dõi, đôn đốc việc thực hiện; định kỳ tổng hợp tình hình, kết quả thực hiện báo cáo"
    resolution = _document("nq", "central", {"1": "Nhiệm vụ, giải pháp", "2": "Tổ chức thực hiện"}, {
        "1.1": ("1", None, "Hoàn thiện hạ tầng kỹ thuật các khu công nghiệp, cụm công nghiệp."),
        "2.1": ("2", "Văn phòng Tỉnh ủy", f"Văn phòng Tỉnh ủy {follow_up} Ban Thường vụ Tỉnh ủy.")})
    plan = _provincial({"1.1": ("1", "Sở Công Thương", f"Sở Công Thương {follow_up} Ủy ban nhân dân tỉnh.")},
                       {"1": "Tổ chức thực hiện"})
    assert ("1.1", "2.1") in _pairs(link(resolution, plan)[0])  # issuer unknown: not judged
    plan.meta.issuer = "ỦY BAN NHÂN DÂN TỈNH LÀO CAI"
    assert ("1.1", "2.1") not in _pairs(link(resolution, plan)[0])
    plan.meta.issuer = "HUYỆN ỦY BẢO THẮNG"  # a party committee's own plan does carry it out
    assert ("1.1", "2.1") in _pairs(link(resolution, plan)[0])


def test_a_duty_of_the_local_governments_alone_is_not_addressed_to_a_ministrys_plan():
    from pipeline.linking.agency import addressed_row
    from pipeline.linking.config import linking_rules

    def task(tid, leads, partners=()):
        return Task(doc="d", id=tid, label="a)", text="Triển khai các chương trình truyền thông.", span=Span(1, 1, 0, 0),
                    leads=[Mention(text=x) for x in leads], coordinators=[Mention(text=x) for x in partners],
                    localities=True)

    provinces = "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"
    tasks = [task("1", [provinces], ["Bộ Thông tin và Truyền thông", "các cơ quan liên quan"]),
             task("2", [provinces], ["Bộ Xây dựng"]), task("3", [provinces], ["các Bộ, ngành liên quan"]),
             task("4", ["Bộ Thông tin và Truyền thông"])]
    rules = linking_rules().agency  # agency.local_levels: province, district, commune, village
    # the provinces' own duty is the provinces': a ministry's plan carries out those it works on with them
    assert addressed_row(tasks, "BỘ XÂY DỰNG", rules).tolist() == [0.0, 1.0, 1.0, 1.0]
    # a province's document carries out all of them
    assert addressed_row(tasks, "ỦY BAN NHÂN DÂN TỈNH LÀO CAI", rules).tolist() == [1.0, 1.0, 1.0, 1.0]


def test_the_provinces_own_duty_is_not_rescued_into_a_ministrys_plan():
    # a ministry's plan (real case: KH 09/KH-BTNMT against CT 13/CT-TTg) took the provinces' communication duty as a
    # possible link of its own communication item, by the rescue that keeps a duty reaching localities from being
    # called a gap: that duty is not addressed to the ministry, and it stays a gap; a province's plan rescues it
    from pipeline.linking import rescuable

    provinces = "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"
    directive = _document("ct", "central", {"1": "Truyền thông"}, {
        "1.a": ("1", provinces, "Phối hợp với Bộ Thông tin và Truyền thông triển khai các chương trình truyền thông về "
                                "giảm phát thải khí nhà kính trên địa bàn."),
        "1.b": ("1", "Bộ Xây dựng", "Tổ chức tuyên truyền về giảm phát thải khí nhà kính trong ngành xây dựng."),
    })
    directive.task("1.a").localities = True
    directive.task("1.a").coordinators = [Mention(text="Bộ Thông tin và Truyền thông")]
    plan = _provincial({"1": ("1", "", "Phối hợp với các cơ quan báo chí thực hiện các chương trình truyền thông về giảm "
                                      "phát thải khí nhà kính, nâng cao nhận thức của xã hội.")})
    plan.meta.issuer = "BỘ XÂY DỰNG"
    features = feature_matrices(directive, plan, linking_rules())
    assert rescuable(features).tolist() == [False, False]
    plan.meta.issuer = "ỦY BAN NHÂN DÂN TỈNH LÀO CAI"
    assert rescuable(feature_matrices(directive, plan, linking_rules())).tolist() == [True, False]


def test_structural_rescue_needs_a_copied_heading_the_counterpart_and_comparable_wording():
    from types import SimpleNamespace

    import numpy as np

    from pipeline.linking import structural_match
    from pipeline.linking.config import DecisionRules

    # three provincial tasks under a heading copying the central task's, all led by the counterpart agency;
    # task 0 is worded like the central task, task 1 half as much, task 2 (an execution formula) hardly
    features = SimpleNamespace(values={
        "heading": np.array([[1.0], [1.0], [1.0], [0.3]]),
        "agency": np.array([[1.0], [1.0], [1.0], [1.0]]),
        "names_lead": np.zeros((4, 1)),
        "col_rel": np.array([[1.0], [0.5], [0.2], [1.0]]),
    })
    decision = DecisionRules(possible=0.5, sure=0.5)
    assert structural_match(features, decision)[:, 0].tolist() == [True, True, False, False]


def test_key_terms_shown_to_a_reader_are_terms_not_lone_syllables(decree):
    from pipeline.linking.features import key_terms

    letter = _provincial({"1": ("1", "", "Thiết lập khoảng cách an toàn; vận động người dân di dời nhà ở.")})
    features = feature_matrices(decree, letter)
    terms = key_terms(letter.tasks[0].text, decree.task("5.2").text, features.keyterm_index, linking_rules(),
                      features.subject)
    assert terms == ["thiết lập khoảng cách an toàn"], terms  # not also «dân», a syllable of "khu dân cư"
    # a lone syllable is no term even when it is the only word shared
    lone = _provincial({"1": ("1", "", "Vận động người dân di dời nhà ở.")})
    features = feature_matrices(decree, lone)
    assert key_terms(lone.tasks[0].text, decree.task("5.2").text, features.keyterm_index, linking_rules(),
                     features.subject) == []


def test_key_terms_shown_to_a_reader_are_phrases_of_the_central_text(decree):
    from pipeline.linking.features import key_terms

    # "người lao động" and "huấn luyện an toàn" are each in 6.1, but "người lao động huấn luyện" is not: shared
    # pieces side by side in the letter are separate terms, not one made-up phrase
    letter = _provincial({"1": ("1", "", "Người lao động huấn luyện an toàn hóa chất.")})
    features = feature_matrices(decree, letter)
    terms = key_terms(letter.tasks[0].text, decree.task("6.1").text, features.keyterm_index, linking_rules(),
                      features.subject, limit=5)
    central = " ".join(words(decree.task("6.1").text, linking_rules(), features.subject))
    assert terms and all(f" {term} " in f" {central} " for term in terms), (terms, central)


def test_key_terms_shown_to_a_reader_are_not_agency_names(decree):
    from pipeline.linking.features import key_terms

    letter = _provincial({"1": ("1", "Sở Công Thương", "Sở Công Thương tham mưu cho Ủy ban nhân dân tỉnh kiểm tra, "
                                "xử lý vi phạm về hóa chất tại địa phương.")})
    features = feature_matrices(decree, letter)
    central_text = decree.task("7.2").text
    shown = key_terms(letter.tasks[0].text, central_text, features.keyterm_index, linking_rules(), features.subject)
    assert any("ủy ban nhân dân" in term for term in shown), shown  # the name is shared wording to the scorer
    named = key_terms(letter.tasks[0].text, central_text, features.keyterm_index, linking_rules(), features.subject,
                      names=("Sở Công Thương", "Ủy ban nhân dân cấp tỉnh", "Ủy ban nhân dân tỉnh"))
    assert named and not any("ủy ban nhân dân" in term for term in named), named
    assert any("xử lý vi phạm về hóa chất" in term for term in named), named


def test_key_terms_shown_to_a_reader_are_not_role_cues():
    from pipeline.linking.features import key_terms

    # "chủ trì, phối hợp với" is rare in this central document, yet it says who acts, not what is done
    central_doc = _document("c", "central", {"1": "Tổ chức thực hiện"}, {
        "1.a": ("1", "Bộ Xây dựng", "Chủ trì, phối hợp với các bộ hướng dẫn lập đề án hỗ trợ nhà ở."),
        "1.b": ("1", "Bộ Tài chính", "Bố trí vốn hỗ trợ từ ngân sách trung ương."),
        "1.c": ("1", "Bộ Nội vụ", "Hướng dẫn xác nhận đối tượng được hỗ trợ."),
    })
    plan = _provincial({"1": ("1", "Sở Xây dựng", "Chủ trì, phối hợp với Sở Tài chính trình phê duyệt đề án hỗ trợ.")})
    features = feature_matrices(central_doc, plan)
    shown = key_terms(plan.tasks[0].text, central_doc.task("1.a").text, features.keyterm_index, linking_rules(),
                      features.subject)
    assert shown and not any("phối hợp" in term or "chủ trì" in term for term in shown), shown
    assert any("đề án hỗ trợ" in term for term in shown), shown


def test_a_provincial_body_named_by_the_central_document_is_its_own_counterpart():
    from pipeline.linking.agency import counterpart_pairs

    central_doc = _document("c", "central", {"1": "Tổ chức thực hiện"}, {
        "1.a": ("1", "Sở Y tế các tỉnh, thành phố trực thuộc trung ương", "Kiểm tra an toàn thực phẩm."),
        "1.b": ("1", "Bộ Y tế", "Hướng dẫn kiểm tra an toàn thực phẩm."),
        "1.c": ("1", "Bộ Công Thương", "Kiểm tra thị trường."),
        "1.d": ("1", "Ủy ban nhân dân cấp xã", "Kiểm tra cơ sở kinh doanh."),
    })
    plan = _provincial({
        "1": ("1", "Sở Y tế", "Kiểm tra an toàn thực phẩm."),
        "2": ("1", "Ủy ban nhân dân các xã", "Kiểm tra cơ sở kinh doanh."),
    })
    agency, names = counterpart_pairs(central_doc.tasks, plan.tasks, linking_rules())
    assert agency[0].tolist() == [1.0, 1.0, 0.0, 0.0]  # the Sở itself, and the Bộ's counterpart
    assert names[(0, 0)] == ("Sở Y tế các tỉnh, thành phố trực thuộc trung ương", "Sở Y tế")
    assert agency[1, 3] == 1.0


def test_a_local_body_the_central_task_directs_to_do_the_work_is_its_counterpart():
    # "Ủy ban nhân dân các tỉnh … giao Sở Xây dựng …": the department does the work, the committee hands it on
    # (half evidence, like a coordinator); a group it directs ("chỉ đạo các cơ quan liên quan") names nobody, and
    # directing the communes leaves the duty the province's own
    from pipeline.linking.agency import counterpart_pairs

    central_doc = _document("c", "central", {"1": "Tổ chức thực hiện"}, {
        "1.a": ("1", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
                "Giao Sở Xây dựng thiết kế các mẫu nhà ở."),
        "1.b": ("1", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
                "Chỉ đạo các cơ quan liên quan vận động cộng đồng."),
        "1.c": ("1", "Ủy ban nhân dân cấp tỉnh", "Chỉ đạo Ủy ban nhân dân cấp xã kiểm tra, xử lý vi phạm."),
    })
    central_doc.tasks[0].directs = [Mention(text="Sở Xây dựng")]
    central_doc.tasks[1].directs = [Mention(text="các cơ quan liên quan")]
    central_doc.tasks[2].directs = [Mention(text="Ủy ban nhân dân cấp xã")]
    plan = _provincial({
        "1": ("1", "Sở Xây dựng", "Thiết kế các mẫu nhà ở."),
        "2": ("1", "Ủy ban nhân dân Thành phố", "Hỗ trợ thêm từ ngân sách Thành phố."),
    })
    agency, names = counterpart_pairs(central_doc.tasks, plan.tasks, linking_rules())
    assert agency[0].tolist() == [1.0, 0.0, 0.0]
    assert names[(0, 0)] == ("Sở Xây dựng", "Sở Xây dựng")
    assert agency[1].tolist() == [0.5, 1.0, 1.0]


def test_a_central_bodys_own_duty_is_answered_by_its_counterparts_clause_only():
    # the central party committee of the Government's own duty (reaching no locality): the province's programme
    # answers it through the provincial government's party committee; another body's clause in like words does not
    from pipeline.linking import link_probabilities

    words = "Lãnh đạo, chỉ đạo xây dựng và triển khai thực hiện Kết luận, kiểm tra, giám sát việc thực hiện."
    central_doc = _document("c", "central", {"1": "Tổ chức thực hiện"}, {"1.a": ("1", "Đảng uỷ Chính phủ", words)})
    plan = _provincial({
        "1": ("1", "Đảng ủy Ủy ban nhân dân tỉnh", words),
        "2": ("1", "Các cấp ủy, tổ chức đảng", words),
    })
    rules = linking_rules()
    features = feature_matrices(central_doc, plan, rules)
    p_link, p_sure = link_probabilities(features, rules)
    assert features.values["addressed"][0, 0] == 0.0
    assert p_link[0, 0] > 0.5 and p_link[1, 0] == 0.0 and p_sure[1, 0] == 0.0
    plan.tasks.pop(0)  # no clause of the counterpart: the wording decides as before
    assert link_probabilities(feature_matrices(central_doc, plan, rules), rules)[0][0, 0] > 0.3
    # the Politburo's own duty against the Tỉnh ủy's programme: the issuer is the counterpart, the whole answers it
    politburo = _document("c", "central", {"1": "Tổ chức thực hiện"}, {"1.a": ("1", "Bộ Chính trị", words)})
    assert link_probabilities(feature_matrices(politburo, plan, rules), rules)[0][0, 0] > 0.3
    plan.meta.issuer = "Tỉnh ủy Lào Cai"
    assert link_probabilities(feature_matrices(politburo, plan, rules), rules)[0][0, 0] == 0.0


def test_a_provinces_execution_clause_is_held_apart_from_other_central_bodies_clauses():
    # a central programme's execution part charges its bodies one by one; a province's execution clause carries out
    # the clause addressed to the provinces, or its counterpart's, not another central body's in like words
    from pipeline.linking import held_apart, link_probabilities

    words = "Lãnh đạo, chỉ đạo bố trí đủ ngân sách và tổ chức triển khai các chương trình bảo vệ môi trường."
    central_doc = _document("c", "central", {"1": "Tổ chức thực hiện"}, {
        "1.a": ("1", "Đảng uỷ các bộ, ngành thuộc Đảng uỷ Chính phủ", words),  # named after a central body
        "1.b": ("1", "Ban Chính sách, chiến lược Trung ương", words),
        "1.c": ("1", "Các tỉnh uỷ, thành uỷ", words),
        "1.d": ("1", "Đảng uỷ Chính phủ", words),
    })
    for task in central_doc.tasks:
        task.localities = True
    plan = _provincial({
        "1": ("1", "Các cấp ủy, tổ chức đảng", words),
        "2": ("1", "Đảng ủy Ủy ban nhân dân tỉnh", words),
    }, {"1": "Tổ chức thực hiện"})
    plan.meta.issuer = "Tỉnh ủy Lào Cai"
    rules = linking_rules()
    features = feature_matrices(central_doc, plan, rules)
    assert features.central_only.tolist() == [True, True, False, True]
    assert held_apart(features).tolist() == [[True, True, False, True], [True, True, False, False]]
    p_link = link_probabilities(features, rules)[0]
    assert (p_link[:, :2] == 0.0).all() and p_link[0, 2] > 0.5 and p_link[1, 3] > 0.5
    # a duty of the plan's body part ("Nhiệm vụ, giải pháp") is no execution clause: its wording decides
    body = _provincial({"1": ("1", "Các cấp ủy, tổ chức đảng", words)})
    body.meta.issuer = "Tỉnh ủy Lào Cai"
    assert not held_apart(feature_matrices(central_doc, body, rules)).any()
    # a central issuer's own bodies carry such clauses out (the Government's programme)
    plan.meta.issuer = "Chính phủ"
    assert not held_apart(feature_matrices(central_doc, plan, rules)).any()


def test_a_body_the_province_sends_its_work_to_is_no_body_its_clause_speaks_of():
    # a province's execution clause that sends its plan to a ministry does not carry out that ministry's own duty;
    # one that asks the ministry for something names it as an actor (names_lead), and stays to the models
    from pipeline.linking import held_apart

    central_doc = _document("c", "central", {"1": "Tổ chức thực hiện"}, {
        "1.a": ("1", "Bộ Kế hoạch và Đầu tư", "Chủ trì cân đối, bố trí vốn hỗ trợ nhà ở cho các tỉnh."),
    })
    plan = _provincial({
        "1": ("1", "Ủy ban nhân dân tỉnh", "Lập đề án hỗ trợ nhà ở và gửi về Bộ Kế hoạch và Đầu tư, Bộ Tài chính để "
              "tổng hợp."),
        "2": ("1", "Ủy ban nhân dân tỉnh", "Báo cáo Bộ Kế hoạch và Đầu tư kết quả hỗ trợ nhà ở hằng quý."),
        "3": ("1", "Ủy ban nhân dân tỉnh", "Đề nghị Bộ Kế hoạch và Đầu tư bố trí vốn hỗ trợ nhà ở."),
    }, {"1": "Tổ chức thực hiện"})
    features = feature_matrices(central_doc, plan, linking_rules())
    assert features.values["names_lead"][:, 0].tolist() == [1.0, 1.0, 1.0]
    assert held_apart(features)[:, 0].tolist() == [True, True, False]


def test_a_central_task_naming_no_body_is_not_rescued():
    from pipeline.linking import rescuable

    central_doc = _document("c", "central", {"1": "Nhiệm vụ"}, {
        "1.a": ("1", "", "Đổi mới, tăng cường sự lãnh đạo, chỉ đạo đối với công tác quản lý các khu công nghiệp."),
        "1.b": ("1", "Ủy ban nhân dân cấp tỉnh", "Hỗ trợ doanh nghiệp trong các khu công nghiệp."),
    })
    for task in central_doc.tasks:
        task.localities = True
    plan = _provincial({"1": ("1", "Sở Công Thương", "Hướng dẫn doanh nghiệp trong các khu công nghiệp.")})
    assert rescuable(feature_matrices(central_doc, plan, linking_rules())).tolist() == [False, True]


def test_reasons_name_the_central_lead_the_closest_wording_and_a_coordinating_locality(central):
    # a task of the plan that names the central lead ("phối hợp với Bộ Tài chính") and is the closest of the plan
    # to that central task says so; a locality role scored 0.7 (float32 0.69999) still fires at fires 0.7
    import numpy as np

    from pipeline.linking.evidence import reasons_for
    from pipeline.linking.features import PairFeatures

    rules = linking_rules()
    plan = _provincial({"1.1": ("1", "Sở Nông nghiệp và Môi trường", "Phối hợp với Bộ Tài chính bố trí kinh phí "
                                "cho lực lượng kiểm lâm.")})
    target = dataclasses.replace(central.task("2.d"), locality_role="coordinator")
    values = {name: np.zeros((1, 1), dtype=np.float32) for name in rules.link_model.weights}
    values.update(names_lead=np.ones((1, 1), np.float32), col_rel=np.ones((1, 1), np.float32),
                  locality=np.full((1, 1), rules.structure.locality_other_role, np.float32))
    features = PairFeatures(plan.tasks, [target], values, {}, {}, {})
    reasons = reasons_for(features, 0, 0, rules, central, plan)
    assert "Nhiệm vụ triển khai nêu tên cơ quan chủ trì ở trung ương: Bộ Tài chính" in reasons
    assert "Nhiệm vụ triển khai gần nhất về từ ngữ với nhiệm vụ trung ương 2.d" in reasons
    assert "Nhiệm vụ trung ương giao cho địa phương (phối hợp)" in reasons
    # the implementing document may be a ministry's plan or a Government resolution: reasons never call it "tỉnh"
    assert not any("tỉnh" in r for r in reasons), reasons


def test_wording_reasons_are_plain_vietnamese_with_their_figure(central):
    # a legal officer reads these: no scorer names (ratio, token_set, partial_ratio, TF-IDF, cosine), and a
    # decimal figure is written with the Vietnamese comma
    import numpy as np

    from pipeline.linking.evidence import reasons_for
    from pipeline.linking.features import PairFeatures

    rules = linking_rules()
    plan = _provincial({"1.1": ("1", "Sở Y tế", "Tổ chức tiêm chủng mở rộng cho trẻ em.")})
    values = {name: np.zeros((1, 1), dtype=np.float32) for name in rules.link_model.weights}
    values.update(ratio=np.full((1, 1), 0.93, np.float32), token_set=np.full((1, 1), 0.86, np.float32),
                  partial=np.full((1, 1), 0.9, np.float32), tfidf=np.full((1, 1), 0.52, np.float32),
                  contain=np.full((1, 1), 0.55, np.float32))
    features = PairFeatures(plan.tasks, [central.task("2.d")], values, {}, {}, {})
    reasons = reasons_for(features, 0, 0, rules, central, plan)
    assert "Mức giống nhau về từ ngữ đặc trưng: 0,52 (thang 0–1)" in reasons
    assert "Gần như chép nguyên văn: giống nhau 93% về câu chữ" in reasons
    assert len(reasons) >= 5, reasons
    for word in ("ratio", "token_set", "tf-idf", "cosine", "partial"):
        assert not any(word in r.lower() for r in reasons), (word, reasons)


def test_a_central_items_own_title_is_heading_evidence():
    # a Party conclusion's items are titled above their body paragraphs, which carry no heading of their own; a
    # provincial programme's sections restate those titles, and its bullets restate single sentences of the body
    titles = {"2.1": "Hoàn thiện thể chế, pháp luật về bảo vệ môi trường; tăng cường kiểm tra, giám sát",
              "2.2": "Bảo tồn thiên nhiên, phục hồi hệ sinh thái, đa dạng sinh học"}
    conclusion = _document("kl", "central", {"2": "Nhiệm vụ, giải pháp"}, {
        "2.1": ("2", "", "Khẩn trương rà soát, sửa đổi các quy định về bảo vệ môi trường bảo đảm đồng bộ."),
        "2.2": ("2", "", "Quản lý chặt chẽ các khu bảo tồn hiện có, ngăn chặn suy giảm các loài hoang dã.")})
    for task in conclusion.tasks:
        task.title = titles[task.id]
    plan = _document("ctr", "provincial", {"3": "Nhiệm vụ và giải pháp trọng tâm",
                                           "3.1": "Hoàn thiện thể chế, pháp luật về bảo vệ môi trường; tăng cường "
                                                  "kiểm tra, giám sát"},
                     {"3.1.1": ("3.1", "", "Rà soát các văn bản của tỉnh về bảo vệ môi trường.")})
    plan.sections[1].parent = "3"
    features = feature_matrices(conclusion, plan, linking_rules(), complete=True)
    heading = features.values["heading"][0]
    assert heading[0] == pytest.approx(1.0)
    assert heading[1] < heading[0]  # (the two standard part titles alone make 0.73 for any pair)
    assert features.heading_pairs[(0, 0)][1] == titles["2.1"]


_CONCLUSION_TITLES = {"2.1": "Hoàn thiện thể chế, pháp luật về bảo vệ môi trường; tăng cường kiểm tra, giám sát",
                      "2.2": "Bảo tồn thiên nhiên, phục hồi hệ sinh thái, đa dạng sinh học",
                      "2.3": "Chủ động thích ứng với biến đổi khí hậu, phòng, chống thiên tai"}


def _conclusion() -> Document:
    """A Party conclusion whose items are titled above their body paragraphs, and its execution part."""
    doc = _document("kl", "central", {"2": "Nhiệm vụ, giải pháp", "4": "Tổ chức thực hiện"}, {
        "2.1": ("2", "", "Khẩn trương rà soát, sửa đổi các quy định về bảo vệ môi trường bảo đảm đồng bộ, khả thi; "
                         "xử lý nghiêm các hành vi vi phạm."),
        "2.2": ("2", "", "Quản lý chặt chẽ các khu bảo tồn hiện có, ngăn chặn suy giảm các loài hoang dã, phục hồi "
                         "rừng tự nhiên."),
        "2.3": ("2", "", "Nâng cao năng lực dự báo, cảnh báo sớm thiên tai; xây dựng công trình phòng, chống sạt lở "
                         "đất, lũ quét."),
        "4.1": ("4", "", "Các cấp ủy, tổ chức đảng tổ chức học tập, quán triệt và xây dựng chương trình hành động."),
        "4.2": ("4", "", "Ban Tuyên giáo Trung ương hướng dẫn công tác tuyên truyền.")})
    for task in doc.tasks:
        task.title = _CONCLUSION_TITLES.get(task.id, "")
    return doc


def _programme(titled: bool) -> Document:
    """A provincial programme: its bullets under sections restating the conclusion's item titles in another order
    (titled), or under its standard part title alone; its own execution part."""
    sections = {"3": "Nhiệm vụ và giải pháp trọng tâm", "4": "Tổ chức thực hiện"}
    if titled:
        sections |= {"3.1": "Chủ động thích ứng với biến đổi khí hậu, phòng, chống thiên tai",
                     "3.2": "Hoàn thiện thể chế, pháp luật về môi trường; tăng cường kiểm tra, giám sát",
                     "3.3": "Bảo tồn thiên nhiên, phục hồi các hệ sinh thái và đa dạng sinh học"}
    under = (lambda s: s) if titled else (lambda s: "3")
    plan = _document("ctr", "provincial", sections, {
        "3.1.1": (under("3.1"), "", "Lắp đặt trạm quan trắc phục vụ cảnh báo sớm mưa lớn tại các huyện vùng cao."),
        "3.1.2": (under("3.1"), "", "Di dời các hộ dân khỏi vùng có nguy cơ sạt lở, lũ quét."),
        "3.2.1": (under("3.2"), "", "Rà soát văn bản của tỉnh, đề xuất bãi bỏ những quy định không còn phù hợp."),
        "3.2.2": (under("3.2"), "", "Thanh tra các cơ sở sản xuất, xử lý nghiêm vi phạm gây ô nhiễm."),
        "3.3.1": (under("3.3"), "", "Tuần tra canh giữ các khu bảo tồn của tỉnh."),
        "3.3.2": (under("3.3"), "", "Trồng cây bản địa để phục hồi rừng trên đất trống đồi núi trọc."),
        "4.1": ("4", "", "Các cấp ủy, tổ chức đảng tổ chức học tập, quán triệt Chương trình hành động này."),
        "4.2": ("4", "", "Ban Tuyên giáo Tỉnh ủy hướng dẫn công tác tuyên truyền.")})
    for section in plan.sections:
        if section.id.count(".") == 1:
            section.parent = "3"
    return plan


def test_sections_restating_the_central_item_titles_align_with_those_items():
    # a programme's sections restate the conclusion's item titles, reordered; each bullet restates one sentence of
    # the item's body in its own words: the section, not the bullet, says which item it carries out
    conclusion, plan = _conclusion(), _programme(titled=True)
    features = feature_matrices(conclusion, plan, linking_rules(), complete=True)
    section = features.values["section"]
    expected = {"3.1": "2.3", "3.2": "2.1", "3.3": "2.2"}
    for i, task in enumerate(plan.tasks):
        aligned = {conclusion.tasks[j].id for j in np.flatnonzero(section[i] > 0)}
        assert aligned == ({expected[task.parent]} if task.parent in expected else set()), task.id
    # the two execution parts are the documents' form, not a restated content: no alignment there
    assert not section[plan.tasks.index(plan.task("4.1"))].any()


def test_standard_part_titles_alone_align_nothing():
    # the same bullets under the programme's part title only: "Nhiệm vụ và giải pháp trọng tâm" restates the
    # conclusion's "Nhiệm vụ, giải pháp", but heads most tasks of both documents and tells none apart
    features = feature_matrices(_conclusion(), _programme(titled=False), linking_rules(), complete=True)
    assert not features.values["section"].any()


def test_bullets_under_a_restated_item_title_link_to_that_item():
    # each bullet shares a term or two with its item's body, too little for the models alone: the section decides
    conclusion = _conclusion()
    titled = [lk for lk in link(conclusion, _programme(titled=True))[0] if lk.central.task.startswith("2.")]
    expected = {"3.1": "2.3", "3.2": "2.1", "3.3": "2.2"}
    assert {(lk.provincial.task, lk.central.task) for lk in titled} == {
        (b, expected[b[:3]]) for b in ("3.1.1", "3.1.2", "3.2.1", "3.2.2", "3.3.1", "3.3.2")}
    for lk in titled:
        assert (f"Mục {lk.provincial.task[:3]} của văn bản triển khai nêu lại đề mục {lk.central.task} của văn bản "
                "trung ương") in lk.reasons
    # under the standard part title alone, only the bullets whose own words suffice are linked
    untitled = [lk for lk in link(conclusion, _programme(titled=False))[0] if lk.central.task.startswith("2.")]
    assert len(untitled) < len(titled)
    assert not any("nêu lại đề mục" in " ".join(lk.reasons) for lk in untitled)


def test_under_a_restated_title_the_closest_pair_on_either_side_is_sure():
    from types import SimpleNamespace

    from pipeline.linking import section_links

    # rows: bullets of the programme; columns: two bullets of the central item whose title their section restates.
    # Bullet 0 restates both central bullets in one (their closest in wording, col_rel 1), though only the first is
    # its own closest (row_rel 1); bullet 1 restates the second loosely; bullet 2 stands under no restated title;
    # bullet 3 is the second's closest as well, but neither the section's choice for it nor a model candidate
    features = SimpleNamespace(values={
        "section": np.array([[0.5, 0.5], [0.5, 0.5], [0.0, 0.0], [0.5, 0.5]]),
        "row_rel": np.array([[1.0, 0.4], [0.6, 0.7], [1.0, 0.2], [0.3, 0.2]]),
        "col_rel": np.array([[1.0, 1.0], [0.5, 0.6], [1.0, 0.2], [0.2, 1.0]]),
    })
    p_link = np.array([[0.99, 0.8], [0.3, 0.5], [0.9, 0.0], [0.1, 0.2]])
    assert section_links(features, p_link, linking_rules().decision).tolist() == [[2, 2], [0, 1], [0, 0], [0, 0]]


def test_a_crowded_column_ranks_its_own_tasks_against_its_kth_closest():
    # six plan tasks for two central items: about three carry out each; a task whose own best match is the item
    # stands against the item's third closest task, not its closest
    from pipeline.linking import _relative

    base = np.array([[0.6, 0.1], [0.4, 0.1], [0.3, 0.05], [0.1, 0.5], [0.2, 0.45], [0.35, 0.4]])
    relative = _relative(base, 0.15)
    assert relative["col_rel"][1, 0] == pytest.approx(1.0)  # among column 0's three closest (0.6, 0.4, 0.35)
    assert relative["mutual"][1, 0] == 1.0
    assert relative["col_rel"][2, 0] == pytest.approx(0.3 / 0.35)
    assert relative["mutual"][2, 0] == 0.0
    assert relative["col_rel"][5, 0] == pytest.approx(0.35 / 0.6)  # its own best match is item 1: the column's closest
    # as many items as tasks: each stands against the column's closest
    assert _relative(base[:2], 0.15)["col_rel"][1, 0] == pytest.approx(0.4 / 0.6)
