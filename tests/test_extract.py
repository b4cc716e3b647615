"""extract: roles, citations, deadlines, localities — on the seed gold, on the real chain, on crafted cues."""
from pathlib import Path

import pytest
import yaml
from fixtures import PLAN_HEADER
from gold_documents import gold_pair

from pipeline import agencies
from pipeline.extract import (
    established_names,
    extract,
    find_citations,
    find_deadlines,
    find_implements,
    opens_with_actor,
    read_heading_roles,
    read_roles,
    read_task_roles,
)
from pipeline.ingest.repair import repair_glyphs
from pipeline.model import Document, Section, Span, Task
from pipeline.vntext import fold

ROOT = Path(__file__).resolve().parent.parent


def _texts(mentions):
    return [m.text for m in mentions]


def _scores(doc: Document, gold: dict[str, tuple[list[str], list[str]]]) -> tuple[float, float]:
    right = shared = n_gold = n_pred = 0
    for task in doc.tasks:
        leads, coordinators = gold[task.id]
        right += {fold(x) for x in leads} == {fold(m.text) for m in task.leads}
        g, p = {fold(x) for x in coordinators}, {fold(m.text) for m in task.coordinators}
        shared, n_gold, n_pred = shared + len(g & p), n_gold + len(g), n_pred + len(p)
    precision, recall = shared / max(n_pred, 1), shared / max(n_gold, 1)
    return right / len(doc.tasks), 2 * precision * recall / max(precision + recall, 1e-9)


def test_seed_gold_pair_perfect_parse():
    for doc in gold_pair():
        gold = {t.id: (_texts(t.leads), _texts(t.coordinators)) for t in doc.tasks}
        for task in doc.tasks:
            task.leads, task.coordinators, task.advises, task.directs = [], [], [], []
        extract(doc)
        lead_acc, coord_f1 = _scores(doc, gold)
        assert lead_acc >= 0.97, doc.id
        assert coord_f1 >= 0.95, doc.id


@pytest.mark.slow
def test_seed_real_chain():
    from pipeline.ingest import read
    from pipeline.normalize import normalize
    from pipeline.segment import segment

    for source_name, gold_name in (("central/nq-23-NQ-CP-2022.md", "nq23.tasks.yaml"),
                                   ("provincial/kontum-implementing-nq23.txt", "kontum.tasks.yaml")):
        source = read(ROOT / "corpus" / source_name)
        doc = extract(segment(normalize(source), source))
        data = yaml.safe_load((ROOT / "corpus" / "gold" / gold_name).read_text(encoding="utf-8"))
        gold = {t["id"]: (t.get("leads") or [], t.get("coordinators") or []) for t in data["tasks"]}
        for task in doc.tasks:  # the stage's guarantees
            assert task.localities == (task.locality_role is not None)
            assert all(m.text and m.start <= m.end for m in task.leads + task.coordinators + task.directs)
            assert all(m.canonical for m in task.leads), task.id
        doc.tasks = [t for t in doc.tasks if t.id in gold]
        assert len(doc.tasks) == len(gold)
        lead_acc, coord_f1 = _scores(doc, gold)
        assert lead_acc >= 0.97 and coord_f1 >= 0.95, (source_name, lead_acc, coord_f1)


def test_seed_details_as_a_legal_officer_reads_them():
    central, provincial = gold_pair()
    extract(central)
    extract(provincial)
    task = central.task("III.3.c")
    assert _texts(task.directs) == ["Ủy ban nhân dân các tỉnh biên giới"]
    assert task.localities and task.locality_role == "directed"
    assert [c.number for c in task.citations] == ["259/QĐ-TTg"]
    assert _texts(central.task("III.3.a.1").advises) == ["Chính phủ"]
    assert not central.task("III.5.g.2").localities
    assert central.task("IV.1.b").deadlines[0].value == "annual"
    assert any(d.value == "--11-30" for d in central.task("IV.1.b").deadlines)
    inherited = provincial.task("1.a.3")
    assert _texts(inherited.leads) == ["Sở Kế hoạch và Đầu tư"]
    assert _texts(inherited.advises) == ["Ủy ban nhân dân tỉnh"]
    assert _texts(inherited.coordinators)[-2:] == ["cơ quan trung ương", "đơn vị liên quan trên địa bàn tỉnh"]
    district = inherited.coordinators[2]
    assert district.text == "Ủy ban nhân dân các huyện biên giới" and "Ngọc Hồi" in district.note
    assert district.canonical == "ubnd_cac_huyen" and district.level == "district"


def test_mention_offsets_point_into_the_text():
    central, _ = gold_pair()
    extract(central)
    for task in central.tasks:
        for mention in task.coordinators + task.directs:
            assert fold(task.text[mention.start:mention.end]) == fold(mention.text)


# --------------------------------------------------------------------------- crafted cues


def test_multiple_leads():
    roles = read_roles("Bộ Công an và Bộ Quốc phòng chủ trì, phối hợp với Bộ Nội vụ và các cơ quan liên quan "
                       "nghiên cứu đề xuất chính sách.")
    assert _texts(roles.leads) == ["Bộ Công an", "Bộ Quốc phòng"]
    assert _texts(roles.coordinators) == ["Bộ Nội vụ", "các cơ quan liên quan"]
    roles = read_roles("Bộ Giáo dục và Đào tạo, Bộ Lao động – Thương binh và Xã hội, Bộ Nội vụ phối hợp với các cơ "
                       "quan, địa phương liên quan chú trọng phát triển giáo dục.")
    assert len(roles.leads) == 3 and _texts(roles.coordinators) == ["các cơ quan, địa phương liên quan"]
    roles = read_roles("Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh, Bộ Chỉ huy Bộ đội Biên phòng tỉnh, căn cứ chức năng, "
                       "nhiệm vụ được giao, chủ trì, phối hợp với Sở Ngoại vụ thực hiện.")
    assert [m.canonical for m in roles.leads] == ["cong_an_tinh", "bo_chi_huy_quan_su_tinh", "bo_chi_huy_bdbp_tinh"]
    assert _texts(roles.coordinators) == ["Sở Ngoại vụ"]



def test_named_bodies_of_open_families_resolve():
    """A ministry's units, state enterprises' boards and a central body's provincial branches are resolved
    (rules/agencies.yaml families), and a chairman of a board is no People's Committee chairman."""
    roles = read_roles("Cục trưởng Cục Thuế các tỉnh, thành phố chỉ đạo các phòng, chi cục thuế rà soát hồ sơ.")
    assert [m.canonical for m in roles.leads] == ["cuc_thue_tinh"]
    roles = read_roles("Chủ tịch Hội đồng thành viên, Tổng giám đốc các tập đoàn kinh tế, tổng công ty nhà nước chủ "
                       "trì rà soát, sắp xếp lại doanh nghiệp.")
    assert [m.canonical for m in roles.leads] == ["tap_doan_tong_cong_ty"] * 2
    roles = read_roles("Cục Biến đổi khí hậu chủ trì, phối hợp với Vụ Pháp chế, Báo Tài nguyên và Môi trường xây "
                       "dựng dự thảo hướng dẫn.")
    assert [(m.canonical, m.level) for m in roles.leads] == [("don_vi_thuoc_bo", "central")]
    assert [m.canonical for m in roles.coordinators] == ["don_vi_thuoc_bo", "bao_chi"]

def test_a_long_group_name_is_not_cut_inside_its_last_word():
    # real cases: CT 13/CT-TTg 2024 item 6 ("… truyền hình ở trung ương và địa | phương") and Lào Cai KH 134 V.6
    # ("… các cơ sở giáo dục nghề nghiệp trong và ngoài | tỉnh"): the qualifier cap fell inside a word
    roles = read_roles("Sở Văn hóa và Thể thao chỉ đạo các cơ quan thông tấn, báo chí, các đài phát thanh, truyền "
                       "hình ở trung ương và địa phương đưa tin về Lễ hội.")
    assert _texts(roles.directs) == ["các cơ quan thông tấn, báo chí, các đài phát thanh, truyền hình ở trung ương "
                                     "và địa phương"]
    roles = read_roles("Sở Nội vụ chủ trì, phối hợp với các sở, ngành, đơn vị liên quan và các cơ sở giáo dục nghề "
                       "nghiệp trong và ngoài tỉnh tổ chức đào tạo.")
    # (the vocational schools, "các cơ sở …", are a group of their own)
    assert _texts(roles.coordinators) == ["các sở, ngành, đơn vị liên quan",
                                          "các cơ sở giáo dục nghề nghiệp trong và ngoài tỉnh"]


def test_assignment_frames():
    roles = read_roles("Giao Sở Công Thương chủ trì, phối hợp với Sở Tư pháp và các cơ quan có liên quan, nghiên cứu, "
                       "tham mưu Ủy ban nhân dân tỉnh việc ủy quyền.")
    assert _texts(roles.leads) == ["Sở Công Thương"]
    assert _texts(roles.coordinators) == ["Sở Tư pháp", "các cơ quan có liên quan"]
    assert _texts(roles.advises) == ["Ủy ban nhân dân tỉnh"]
    roles = read_roles("Yêu cầu Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các huyện, thành phố triển khai.")
    assert _texts(roles.leads) == ["Thủ trưởng các sở, ban, ngành", "Chủ tịch Ủy ban nhân dân các huyện, thành phố"]
    roles = read_roles("Đề nghị các Sở, ngành và địa phương, UBND xã, phường phối hợp với Sở Công Thương tuyên truyền.")
    assert _texts(roles.leads) == ["các Sở, ngành và địa phương", "Ủy ban nhân dân xã, phường"]
    assert _texts(roles.coordinators) == ["Sở Công Thương"]
    roles = read_roles("Sở Y tế có trách nhiệm tổ chức thực hiện.")
    assert _texts(roles.leads) == ["Sở Y tế"]
    roles = read_roles("Sở Công Thương đề nghị các Sở, ban, ngành tỉnh; UBND xã, phường và các đơn vị hoạt động hóa "
                       "chất trên địa bàn tỉnh nghiên cứu, triển khai.")
    assert _texts(roles.leads) == ["các Sở, ban, ngành tỉnh", "Ủy ban nhân dân xã, phường",
                                   "các đơn vị hoạt động hóa chất trên địa bàn tỉnh"]
    roles = read_roles("Trách nhiệm của Bộ Công Thương")
    assert _texts(roles.leads) == ["Bộ Công Thương"]
    # a courtesy word before the request: the body asked leads, not the body asking (real case: Lào Cai CV
    # 3686/UBND-XD 2025 "Ủy ban nhân dân tỉnh Lào Cai trân trọng đề nghị Bộ Xây dựng quan tâm, sớm xem xét …")
    for courtesy in ("trân trọng đề nghị", "kính đề nghị"):
        roles = read_roles(f"Ủy ban nhân dân tỉnh {courtesy} Bộ Xây dựng sớm xem xét, sửa đổi quy định.")
        assert _texts(roles.leads) == ["Bộ Xây dựng"], courtesy


def test_generic_groups_stay_one_item():
    roles = read_roles("Chủ trì, phối hợp với Bộ Tài chính, Bộ Ngoại giao và các bộ, ngành và địa phương liên quan "
                       "thực hiện việc thu hút nguồn vốn.")
    assert _texts(roles.coordinators) == ["Bộ Tài chính", "Bộ Ngoại giao", "các bộ, ngành và địa phương liên quan"]
    roles = read_roles("Sở Thông tin và Truyền thông chủ trì, phối hợp với các sở, ban, ngành, địa phương, các doanh "
                       "nghiệp viễn thông trên địa bàn tỉnh triển khai Chương trình.")
    assert _texts(roles.coordinators) == ["các sở, ban, ngành, địa phương",
                                          "các doanh nghiệp viễn thông trên địa bàn tỉnh"]
    roles = read_roles("Phối hợp với cơ quan trung ương và đơn vị liên quan trên địa bàn tỉnh triển khai hợp tác.")
    assert _texts(roles.coordinators) == ["cơ quan trung ương", "đơn vị liên quan trên địa bàn tỉnh"]
    roles = read_roles("Bộ Y tế phối hợp với với Bộ Tài chính, Bộ Kế hoạch và Đầu tư và các cơ quan, địa phương liên "
                       "quan có giải pháp nâng cao năng lực.")
    assert _texts(roles.coordinators) == ["Bộ Tài chính", "Bộ Kế hoạch và Đầu tư", "các cơ quan, địa phương liên quan"]
    assert roles.coordinators[-1].locality and not roles.coordinators[0].locality


def test_a_pair_of_generic_heads_without_an_article_is_one_group():
    # real case: Lào Cai's plan on Chỉ thị 11-CT/TU 2026 IV.7 ("phối hợp với cơ quan, tổ chức liên quan thẩm định
    # …": "tổ chức" was read as the verb, the coordinators as "cơ quan" alone)
    roles = read_roles("Chủ trì, phối hợp với cơ quan, tổ chức liên quan thẩm định công nghệ khai thác.")
    assert _texts(roles.coordinators) == ["cơ quan, tổ chức liên quan"]
    roles = read_roles("Chủ trì, phối hợp với cơ quan, đơn vị có liên quan kiểm tra hồ sơ.")
    assert _texts(roles.coordinators) == ["cơ quan, đơn vị có liên quan"]
    # after a registered body the next generic one is its own
    roles = read_roles("Chủ trì, phối hợp với Sở Y tế, đơn vị liên quan kiểm tra hồ sơ.")
    assert _texts(roles.coordinators) == ["Sở Y tế", "đơn vị liên quan"]


def test_a_closed_qualifier_ends_a_group_and_the_next_head_after_va_is_another():
    # real case: Chỉ thị 13/CT-TTg 2024 3.a and the ministry's plan II.6 ("phối hợp với … các cơ quan liên quan và địa
    # phương có rừng …": one coordinator where there are two groups, each with its own qualifier)
    roles = read_roles("Sở Nông nghiệp chủ trì, phối hợp với Sở Tài chính, các cơ quan liên quan và địa phương có "
                       "vùng đệm rà soát diện tích rừng.")
    assert _texts(roles.coordinators) == ["Sở Tài chính", "các cơ quan liên quan", "địa phương có vùng đệm"]
    roles = read_roles("Chủ trì, phối hợp với các đơn vị có liên quan và cơ quan báo chí tuyên truyền chính sách.")
    assert _texts(roles.coordinators) == ["các đơn vị có liên quan", "cơ quan báo chí"]
    # a fixed pair goes on with its third member, qualified or not: one group
    roles = read_roles("Chủ trì, phối hợp với các sở, ngành và địa phương liên quan rà soát diện tích rừng.")
    assert _texts(roles.coordinators) == ["các sở, ngành và địa phương liên quan"]
    roles = read_roles("Chủ trì, phối hợp với các sở, ngành có liên quan và địa phương có cửa khẩu rà soát hồ sơ.")
    assert _texts(roles.coordinators) == ["các sở, ngành có liên quan và địa phương có cửa khẩu"]
    # a qualifier that does not close the group still runs on after "và"
    roles = read_roles("Chủ trì, phối hợp với các cơ quan trung ương và địa phương kiểm tra hồ sơ.")
    assert _texts(roles.coordinators) == ["các cơ quan trung ương và địa phương"]


def test_a_predicate_word_before_thuoc_and_a_body_is_part_of_the_group():
    # real case: the ministry's plan on Chỉ thị 13/CT-TTg 2024 III.1.e ("Phối hợp với các đơn vị truyền thông thuộc
    # Bộ … xây dựng …": "truyền thông" read as the verb, the coordinator cut to "các đơn vị")
    roles = read_roles("Phối hợp với các đơn vị truyền thông thuộc Bộ Nông nghiệp và Môi trường xây dựng chuyên mục.")
    assert _texts(roles.coordinators) == ["các đơn vị truyền thông thuộc Bộ Nông nghiệp và Môi trường"]
    roles = read_roles("Sở Y tế chủ trì, phối hợp với các đơn vị truyền thông trực thuộc Ủy ban nhân dân tỉnh phổ biến "
                       "quy định.")
    assert _texts(roles.coordinators) == ["các đơn vị truyền thông trực thuộc Ủy ban nhân dân tỉnh"]
    # the verb followed by its object, or by "thuộc" and no body, still opens the predicate
    roles = read_roles("Phối hợp với các cơ quan báo chí tuyên truyền các quy định thuộc Bộ Y tế.")
    assert _texts(roles.coordinators) == ["các cơ quan báo chí"]
    roles = read_roles("Phối hợp với các cơ quan liên quan truyền thông thuộc phạm vi quản lý.")
    assert _texts(roles.coordinators) == ["các cơ quan liên quan"]


def test_a_group_ends_before_having_the_solutions_with_an_article():
    # "có giải pháp" opens the predicate with "các" too (real case: Chỉ thị 11/CT-TTg 2020 "phối hợp với các Bộ,
    # ngành liên quan có các giải pháp cụ thể tháo gỡ khó khăn …": the coordinators ran to the qualifier limit)
    roles = read_roles("Bộ Giao thông vận tải chủ trì, phối hợp với các Bộ, ngành liên quan có các giải pháp cụ thể hỗ "
                       "trợ doanh nghiệp vận tải.")
    assert _texts(roles.leads) == ["Bộ Giao thông vận tải"]
    assert _texts(roles.coordinators) == ["các Bộ, ngành liên quan"]
    roles = read_roles("Các địa phương có các giải pháp giữ ổn định sản xuất.")
    assert _texts(roles.leads) == ["Các địa phương"]


def test_a_group_ends_before_taking_measures_or_planning():
    # "có biện pháp" (take measures) and "có kế hoạch" open the predicate as "có giải pháp" (real case: Chỉ thị
    # 11/CT-TTg 2020 "Đề nghị …, các hội nghề nghiệp, các tổ chức xã hội, đoàn thể nhân dân có biện pháp động viên …":
    # the last groups ran on to the end of the sentence and were lost)
    roles = read_roles("Đề nghị Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam, các hội nghề nghiệp, các tổ chức xã hội có "
                       "biện pháp vận động hội viên tham gia.")
    assert _texts(roles.leads) == ["Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "các hội nghề nghiệp",
                                   "các tổ chức xã hội"]
    roles = read_roles("Các tổ chức xã hội có các biện pháp hỗ trợ hội viên.")
    assert _texts(roles.leads) == ["Các tổ chức xã hội"]
    roles = read_roles("Các hội nghề nghiệp có kế hoạch phổ biến quy định mới cho hội viên.")
    assert _texts(roles.leads) == ["Các hội nghề nghiệp"]


def test_a_group_ends_before_speeding_up():
    # "đẩy nhanh" (speed up) opens the predicate as "đẩy mạnh" (real case: Chỉ thị 11/CT-TTg 2020 "phối hợp với Bộ
    # Văn hóa, Thể thao và Du lịch đẩy nhanh tiến độ kết nối …": the partner's name ran on past its last word)
    roles = read_roles("Các sở, ngành đẩy nhanh tiến độ giải ngân vốn đầu tư công.")
    assert _texts(roles.leads) == ["Các sở, ngành"]
    roles = read_roles("Sở Xây dựng phối hợp với các cơ quan liên quan đẩy nhanh việc cấp giấy phép.")
    assert _texts(roles.leads) == ["Sở Xây dựng"]
    assert _texts(roles.coordinators) == ["các cơ quan liên quan"]


def test_small_and_medium_is_one_word_of_a_name():
    # the "và" of "nhỏ và vừa" (SMEs) joins no list (real case: Chỉ thị 11/CT-TTg 2020 asks the association of small
    # and medium-sized enterprises; its name was cut after "nhỏ")
    roles = read_roles("Đề nghị Hiệp hội Doanh nghiệp nhỏ và vừa Việt Nam hỗ trợ hội viên.")
    assert _texts(roles.leads) == ["Hiệp hội Doanh nghiệp nhỏ và vừa Việt Nam"]
    roles = read_roles("Các doanh nghiệp nhỏ và vừa chủ động chuyển đổi số.")
    assert _texts(roles.leads) == ["Các doanh nghiệp nhỏ và vừa"]
    # a list joined by "và" is still two bodies
    roles = read_roles("Hiệp hội Doanh nghiệp nhỏ và vừa tỉnh phối hợp với Sở Công Thương và Sở Tài chính tổ chức hội nghị.")
    assert _texts(roles.coordinators) == ["Sở Công Thương", "Sở Tài chính"]


def test_a_group_ends_before_upholding_or_installing():
    # "nêu cao" (uphold) and "lắp đặt" (install) open the predicate (real case: Lào Cai's plan on Chỉ thị 11-CT/TU
    # 2026, "UBND cấp xã, phường nêu cao trách nhiệm người đứng đầu …" was read as one body's name)
    roles = read_roles("Các sở, ngành và Ủy ban nhân dân cấp xã nêu cao trách nhiệm người đứng đầu trong quản lý.")
    assert _texts(roles.leads) == ["Các sở, ngành", "Ủy ban nhân dân cấp xã"]
    roles = read_roles("Các đơn vị liên quan lắp đặt thiết bị giám sát tại cửa mỏ.")
    assert _texts(roles.leads) == ["Các đơn vị liên quan"]


def test_parenthesised_districts_become_a_note():
    roles = read_roles("Ủy ban nhân dân các huyện biên giới (Ngọc Hồi, Đăk Glei, Sa Thầy và Ia H’Drai) phối hợp với Sở "
                       "Tài nguyên và Môi trường và các sở, ngành có liên quan rà soát đất đai.")
    assert _texts(roles.leads) == ["Ủy ban nhân dân các huyện biên giới"]
    assert "Ia H’Drai" in roles.leads[0].note
    assert _texts(roles.coordinators) == ["Sở Tài nguyên và Môi trường", "các sở, ngành có liên quan"]


def test_coordinators_after_cung_and_phoi_hop_chat_che():
    roles = read_roles("Các địa phương có biên giới phối hợp chặt chẽ với các Bộ, cơ quan liên quan rà soát quy hoạch.")
    assert _texts(roles.leads) == ["Các địa phương có biên giới"]
    assert _texts(roles.coordinators) == ["các Bộ, cơ quan liên quan"]
    roles = read_roles("Sở Văn hóa, Thể thao và Du lịch cùng Ủy ban nhân dân các xã, phường tổ chức lễ hội.")
    assert _texts(roles.coordinators) == ["Ủy ban nhân dân các xã, phường"]
    assert read_roles("Bộ Quốc phòng kết hợp cùng cố quốc phòng với phát triển kinh tế.").coordinators == []


def test_advises_are_never_coordinators():
    roles = read_roles("Sở Giao thông vận tải phối hợp với các ngành liên quan rà soát, tham mưu đề xuất Ủy ban nhân "
                       "dân tỉnh kiến nghị Bộ Giao thông vận tải, Bộ Quốc phòng đầu tư.")
    assert _texts(roles.coordinators) == ["các ngành liên quan"]
    assert _texts(roles.advises) == ["Ủy ban nhân dân tỉnh"]
    assert read_roles("Bộ Ngoại giao chủ trì tham mưu, đề xuất tổ chức đàm phán.").advises == []
    assert _texts(read_roles("hướng dẫn các địa phương và tham mưu cho Chính phủ về việc mở cửa khẩu").advises) == \
        ["Chính phủ"]


def test_directs():
    roles = read_roles("Bộ Công Thương chủ trì, phối hợp với các Bộ, ngành liên quan, hướng dẫn, đôn đốc Ủy ban nhân "
                       "dân các tỉnh biên giới triển khai Quyết định số 259/QĐ-TTg.")
    assert _texts(roles.coordinators) == ["các Bộ, ngành liên quan"]
    assert _texts(roles.directs) == ["Ủy ban nhân dân các tỉnh biên giới"]
    assert _texts(read_roles("Hướng dẫn, hỗ trợ các địa phương liên quan xúc tiến đầu tư.").directs) == \
        ["các địa phương liên quan"]
    assert _texts(read_roles("Chỉ đạo Ủy ban nhân dân các xã rà soát.").directs) == ["Ủy ban nhân dân các xã"]
    assert _texts(read_roles("Chỉ đạo cơ quan Hải quan chủ động thực hiện chức năng.").directs) == ["cơ quan Hải quan"]
    roles = read_roles("Ủy ban nhân dân cấp tỉnh giao cơ quan chuyên môn trực thuộc phối hợp với các cơ quan có liên "
                       "quan trên địa bàn xây dựng dự thảo.")
    assert _texts(roles.leads) == ["Ủy ban nhân dân cấp tỉnh"]
    assert _texts(roles.directs) == ["cơ quan chuyên môn trực thuộc"]
    assert _texts(roles.coordinators) == ["các cơ quan có liên quan trên địa bàn"]
    assert read_roles("Ngân hàng Chính sách xã hội hướng dẫn thủ tục vay vốn.").directs == []


def test_abbreviations_are_written_out():
    roles = read_roles("Bộ KH&ĐT chủ trì, phối hợp với Bộ LĐTBXH, Bộ GTVT, Bộ TT&TT xây dựng đề án; UBND tỉnh "
                       "chỉ đạo.")
    assert _texts(roles.leads) == ["Bộ Kế hoạch và Đầu tư"]
    assert [m.canonical for m in roles.coordinators] == ["bo_lao_dong_tbxh", "bo_giao_thong_van_tai",
                                                         "bo_thong_tin_truyen_thong"]
    roles = read_roles("UBND các huyện, thành phố phối hợp với Sở NN&PTNT thực hiện.")
    assert _texts(roles.leads) == ["Ủy ban nhân dân các huyện, thành phố"]
    assert _texts(roles.coordinators) == ["Sở Nông nghiệp và Phát triển nông thôn"]


def test_titles_and_adverbial_openings():
    roles = read_roles("Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc Sở Công Thương; Chủ tịch Ủy ban nhân dân các "
                       "xã, phường chịu trách nhiệm thi hành Quyết định này.")
    assert _texts(roles.leads) == ["Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc Sở Công Thương",
                                   "Chủ tịch Ủy ban nhân dân các xã, phường"]
    assert roles.leads[1].canonical == "so_cong_thuong"
    roles = read_roles("Trước ngày 15 tháng 3 hằng năm, các bộ, cơ quan ngang bộ và Ủy ban nhân dân cấp tỉnh báo cáo.")
    assert _texts(roles.leads) == ["các bộ, cơ quan ngang bộ", "Ủy ban nhân dân cấp tỉnh"]
    assert read_roles("Chủ trì, phối hợp với các bộ, ngành liên quan lập quy hoạch.").leads == []
    roles = read_roles("Cơ quan lập quy hoạch vùng căn cứ Chiến lược để xây dựng nội dung.")
    assert _texts(roles.leads) == ["Cơ quan lập quy hoạch vùng"]
    roles = read_roles("Ban Chỉ đạo Quốc gia khắc phục hậu quả bom mìn và chất độc hóa học sau chiến tranh ở Việt Nam "
                       "(sau đây gọi tắt là Ban Chỉ đạo) nghiên cứu, đề xuất Thủ tướng Chính phủ giải pháp.")
    assert _texts(roles.leads) == ["Ban Chỉ đạo Quốc gia khắc phục hậu quả bom mìn và chất độc hóa học sau chiến "
                                   "tranh ở Việt Nam"]
    assert "gọi tắt" in roles.leads[0].note


# --------------------------------------------------------------------------- inheritance through headings


def _doc(heading: str, bullets: list[str]) -> Document:
    span = Span(1, 1, 0, 0)
    doc = Document(id="d", path="d", role="provincial", kind="txt")
    doc.sections = [Section(id="1", label="1.", kind="item", title="Nhiệm vụ", span=span),
                    Section(id="1.a", label="a)", kind="point", title=heading, span=span, parent="1")]
    doc.tasks = [Task(doc="d", id=f"1.a.{i}", label="-", text=text, span=span, parent="1.a")
                 for i, text in enumerate(bullets, 1)]
    return doc


def test_bullets_inherit_lead_coordinators_and_advises():
    doc = extract(_doc("Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính, UBND các huyện biên giới (A, B) "
                       "và các đơn vị có liên quan, tham mưu UBND tỉnh:",
                       ["Vận động nguồn vốn ODA.", "Phối hợp với cơ quan trung ương triển khai hợp tác.",
                        "Các địa phương có biên giới chủ động đề xuất biện pháp."]))
    first, second, third = doc.tasks
    assert _texts(first.leads) == ["Sở Kế hoạch và Đầu tư"]
    assert _texts(first.coordinators) == ["Sở Tài chính", "Ủy ban nhân dân các huyện biên giới",
                                          "các đơn vị có liên quan"]
    assert _texts(first.advises) == ["Ủy ban nhân dân tỉnh"]
    assert first.locality_role == "lead"
    assert _texts(second.coordinators)[-1] == "cơ quan trung ương"
    assert _texts(third.leads) == ["Các địa phương có biên giới"] and third.coordinators == []


def test_agency_only_heading_gives_the_lead():
    doc = extract(_doc("Bộ Y tế:", ["Hướng dẫn các địa phương thực hiện tốt công tác chăm sóc sức khỏe."]))
    task = doc.tasks[0]
    assert _texts(task.leads) == ["Bộ Y tế"] and _texts(task.directs) == ["các địa phương"]
    assert task.localities and task.locality_role == "directed"


def test_a_local_bodys_tasks_naming_no_body_reach_its_own_locality():
    # a province's Party committee resolves what the province must do and names no body for it: its locality leads
    bullets = ["Rà soát toàn bộ các dự án chậm tiến độ trong cụm công nghiệp.", "Văn phòng Tỉnh ủy theo dõi, đôn đốc."]
    doc = _doc("Nhiệm vụ và giải pháp", bullets)
    doc.meta.issuer = "TỈNH ỦY BÌNH ĐỊNH"
    unnamed, named = extract(doc).tasks
    assert unnamed.leads == [] and (unnamed.localities, unnamed.locality_role) == (True, "lead")
    assert _texts(named.leads) == ["Văn phòng Tỉnh ủy"] and named.locality_role == "lead"
    # a central body's document does not: the task names no one who would carry it to the localities
    doc = _doc("Nhiệm vụ và giải pháp", bullets[:1])
    doc.meta.issuer = "CHÍNH PHỦ"
    task = extract(doc).tasks[0]
    assert task.leads == [] and not task.localities and task.locality_role is None


def test_task_without_lead_is_reported_once():
    doc = _doc("Nhiệm vụ chung", ["Rà soát chính sách thuế."])
    doc.sections[1].title = "Nhiệm vụ chung"
    extract(extract(doc))
    assert [n.code for n in doc.notices] == ["extract.no_lead"] and "1.a.1" in doc.notices[0].message


def test_cues_are_not_read_across_tasks():
    doc = extract(_doc("Bộ Tài chính", ["Chủ trì, phối hợp với Bộ Quốc phòng thực hiện.", "Rà soát chính sách thuế."]))
    assert doc.tasks[1].coordinators == []


# --------------------------------------------------------------------------- citations, deadlines, implements


def test_citations():
    found = {c.number: c for c in find_citations(
        "theo Nghị định 24/2026/NĐ-CP, Nghị quyết số 28-NQ/TW ngày 22 tháng 9 năm 2008 của Bộ Chính trị, Luật Hóa "
        "chất số 69/2025/QH15, Công văn số 1086/UBND-KTTH ngày 05 tháng 4 năm 2021, Nghị định số 181/2024/NĐCP ngày "
        "31/12/2024, Quyết định số 259/QĐ-TTg, Chỉ thị số 07/CT-TTg, Nghị định số 82/2018/NĐ-CP và 23/NQ-CP")}
    assert found["24/2026/NĐ-CP"].doc_type == "Nghị định" and found["24/2026/NĐ-CP"].year == 2026
    assert found["24/2026/NĐ-CP"].issuer == "CP"
    assert found["28-NQ/TW"].issuer == "TW" and found["28-NQ/TW"].date == "2008-09-22"
    assert found["69/2025/QH15"].doc_type == "Luật"
    assert found["1086/UBND-KTTH"].issuer == "UBND-KTTH" and found["1086/UBND-KTTH"].doc_type == "Công văn"
    assert found["181/2024/NĐ-CP"].date == "2024-12-31"
    assert found["259/QĐ-TTg"].issuer == "TTg" and found["07/CT-TTg"].doc_type == "Chỉ thị"
    assert found["82/2018/NĐ-CP"].year == 2018
    assert found["23/NQ-CP"].doc_type == "Nghị quyết"
    assert find_citations("giai đoạn 2021-2025, ngày 20/01/2026") == []


def test_a_party_action_programme_is_cited_by_its_own_type():
    # "Chương trình hành động" is a Party body's document type of its own, not the genus "Chương trình" it opens with
    found = {c.number: c for c in find_citations(
        "Thực hiện Chương trình hành động số 12-CTr/TU ngày 30/8/2031 của Tỉnh ủy và Chương trình số 7-CTr/TW")}
    assert found["12-CTr/TU"].doc_type == "Chương trình hành động" and found["12-CTr/TU"].date == "2031-08-30"
    assert found["7-CTr/TW"].doc_type == "Chương trình"


def test_a_citation_date_in_each_style_and_a_misprinted_one():
    # the date reader segment shares (pipeline/dates.py); a day the calendar has not stays in the citation, undated
    found = {c.number: c for c in find_citations(
        "Căn cứ Quyết định số 12/QĐ-TTg ngày 21-05-2026, Chỉ thị số 3/CT-UBND, ngày 4.6.2026 và Công văn số "
        "77/UBND-KT ngày 30/02/2026 của Ủy ban nhân dân tỉnh")}
    assert found["12/QĐ-TTg"].date == "2026-05-21" and found["3/CT-UBND"].date == "2026-06-04"
    assert found["77/UBND-KT"].date is None and found["77/UBND-KT"].text.endswith("ngày 30/02/2026")


@pytest.mark.parametrize("text, kind, value", [
    ("gửi trước ngày 30 tháng 11 để tổng hợp", "by_date", "--11-30"),
    ("trước ngày 15/9/2025", "by_date", "2025-09-15"),
    ("trước ngày 31 tháng 12 năm 2023", "by_date", "2023-12-31"),
    ("hằng năm tổng kết", "recurring", "annual"),
    ("Hàng năm tổng kết", "recurring", "annual"),
    ("báo cáo trong tháng 12", "period", "--12"),
    ("định kỳ báo cáo", "recurring", "periodic"),
    ("hoàn thành trong Quý I/2023", "period", "2023-Q1"),
    ("Quý II năm 2024", "period", "2024-Q2"),
    ("hằng quý", "recurring", "quarterly"),
])
def test_deadlines(text, kind, value):
    found = find_deadlines(text)
    assert (found[0].kind, found[0].value) == (kind, value)


def test_deadline_with_periodicity():
    found = find_deadlines("định kỳ trước ngày 20 tháng 11 hằng năm tổng hợp báo cáo")
    assert [(d.kind, d.value) for d in found] == [("recurring", "periodic"), ("by_date", "--11-20"),
                                                 ("recurring", "annual")]
    assert found[1].text == "trước ngày 20 tháng 11"


def test_implements_central_document_last():
    found = find_implements("Thực hiện chỉ đạo của UBND tỉnh tại văn bản số 502/UBND-KT ngày 20/01/2026 về việc triển "
                            "khai Nghị định số 25/2026/NĐ-CP và để đảm bảo việc thực hiện đồng bộ Luật Hóa chất số "
                            "69/2025/QH15, Sở Công Thương yêu cầu:")
    assert [c.number for c in found] == ["502/UBND-KT", "25/2026/NĐ-CP"]
    found = find_implements("Thực hiện Nghị quyết số 23/NQ-CP ngày 02 tháng 3 năm 2022 của Chính phủ về phát triển, "
                            "Ủy ban nhân dân tỉnh yêu cầu các Sở thực hiện theo Quyết định số 12/QĐ-UBND.")
    assert [c.number for c in found] == ["23/NQ-CP"]
    assert find_implements("Căn cứ Luật Tổ chức Chính phủ; Căn cứ Nghị định số 34/2014/NĐ-CP") == []


def test_implements_goes_on_past_a_semicolon_listing_another_document():
    found = find_implements("Thực hiện Nghị định số 12/2031/NĐ-CP ngày 20 tháng 5 năm 2031 của Chính phủ quy định việc "
                            "quản lý tài sản công; Công văn số 4455/BTC-QLCS ngày 19 tháng 6 năm 2031 của Bộ Tài chính "
                            "về việc triển khai thực hiện Nghị định, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:")
    assert [c.number for c in found] == ["4455/BTC-QLCS", "12/2031/NĐ-CP"]
    # a clause after the semicolon that is no document of the list ends it
    found = find_implements("Thực hiện Nghị định số 12/2031/NĐ-CP của Chính phủ; nhằm bảo đảm thống nhất theo "
                            "Quyết định số 7/QĐ-UBND, Ủy ban nhân dân tỉnh yêu cầu:")
    assert [c.number for c in found] == ["12/2031/NĐ-CP"]


def test_document_citations_include_the_preamble():
    doc = _doc("Bộ Y tế", ["Triển khai Quyết định số 1747/QĐ-TTg ngày 13 tháng 10 năm 2015."])
    doc.preamble = "Căn cứ Nghị định số 138/2016/NĐ-CP; Thực hiện Nghị quyết số 23/NQ-CP ngày 02 tháng 3 năm 2022:"
    extract(doc)
    assert [c.number for c in doc.meta.citations] == ["138/2016/NĐ-CP", "23/NQ-CP", "1747/QĐ-TTg"]
    assert [c.number for c in doc.meta.implements] == ["23/NQ-CP"]
    assert doc.tasks[0].citations[0].date == "2015-10-13"


def test_preamble_hands_untitled_items_to_its_addressees():
    doc = _doc("Các nội dung trọng tâm", ["Rà soát danh mục hóa chất."])
    doc.sections[1].title = "Các nội dung trọng tâm đơn vị cần thực hiện"
    doc.preamble = "Sở Công Thương hướng dẫn và yêu cầu các đơn vị hoạt động hóa chất thực hiện các nội dung sau:"
    extract(doc)
    assert _texts(doc.tasks[0].leads) == ["các đơn vị hoạt động hóa chất"]


# --------------------------------------------------------------------------- dev set (other agency families)


@pytest.mark.slow
def test_devset_leads(shared):
    from pipeline.ingest import read
    from pipeline.normalize import normalize
    from pipeline.segment import segment

    right = total = 0
    for gold_file, raw in (("nd25.tasks.yaml", "central-25-2026-ND-CP.txt"),
                           ("nd181.tasks.yaml", "central-181-2024-ND-CP.txt"),
                           ("laocai-cv.tasks.yaml", "laocai-UBND-KT-2025-giao-SCT-tham-muu-uy-quyen-VLNCN.txt")):
        source = read(shared / "devset" / "raw" / raw)
        doc = extract(segment(normalize(source), source))
        data = yaml.safe_load((shared / "devset" / "gold" / gold_file).read_text(encoding="utf-8"))
        for item in data["tasks"]:
            task = next((t for t in doc.tasks if t.id == item["id"]), None)
            total += 1
            right += task is not None and {fold(x) for x in item.get("leads") or []} == \
                {fold(m.text) for m in task.leads}
    assert right / total >= 0.8


def test_section_intro_names_the_assignee():
    doc = _doc("Các nội dung trọng tâm đơn vị cần nghiên cứu, thực hiện", ["Rà soát danh mục hóa chất."])
    doc.sections[1].intro = ("Đề nghị các đơn vị hoạt động hóa chất trên địa bàn tỉnh nghiên cứu, nắm rõ và thực hiện "
                             "đúng các quy định của Luật Hóa chất số 69/2025/QH15, trong đó chú trọng các nội dung sau:")
    extract(doc)
    assert _texts(doc.tasks[0].leads) == ["các đơn vị hoạt động hóa chất trên địa bàn tỉnh"]
    assert "69/2025/QH15" in [c.number for c in doc.meta.citations]


def test_table_row_gives_lead_and_coordinators_by_column():
    doc = _doc("Danh mục nhiệm vụ", ["Xây dựng kế hoạch phát triển du lịch | Sở Văn hóa, Thể thao và Du lịch | "
                                     "Sở Tài chính; UBND các huyện | Quý I/2023"])
    task = extract(doc).tasks[0]
    assert _texts(task.leads) == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert _texts(task.coordinators) == ["Sở Tài chính", "Ủy ban nhân dân các huyện"]
    assert task.deadlines[0].value == "2023-Q1"
    assert fold(task.text[task.leads[0].start:task.leads[0].end]) == fold(task.leads[0].text)


def test_any_text_is_read_without_error():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    words = st.sampled_from(["Bộ Y tế", "các", "cơ quan", ",", "và", "(", ")", "phối hợp với", "chủ trì", "tham mưu",
                             "hướng dẫn", "UBND", "tỉnh", "Giao", "số 12/QĐ-UBND", "trước ngày 3/4", ";", ":", "Quý V",
                             "Giám đốc", "liên quan", "hằng năm", "  ", "\n", "đ", "Ủy ban nhân dân các xã"])

    @settings(max_examples=150, deadline=None)
    @given(st.lists(words, max_size=25))
    def check(parts):
        text = " ".join(parts)
        roles = read_roles(text)
        for mention in roles.leads + roles.coordinators + roles.advises + roles.directs:
            assert mention.text.strip()
            assert 0 <= mention.start <= mention.end <= len(text)
        find_citations(text)
        find_deadlines(text)
        find_implements(text)

    check()


# --------------------------------------------------------------------------- what a document implements
# (read here from the preamble the segmenter keeps; segment itself reads no citations)


def test_implements_of_the_seed_provincial_document(root):
    from test_segment import parse_file

    meta = extract(parse_file(root / "corpus" / "provincial" / "kontum-implementing-nq23.txt")).meta
    assert [c.number for c in meta.implements] == ["23/NQ-CP"]
    assert meta.implements[0].date == "2022-03-02"


def test_implements_of_crafted_plan_and_docx_letter():
    from test_segment import DOCX_LETTER, PLAN, parse_text

    assert [c.number for c in extract(parse_text(PLAN)).meta.implements] == ["9/NQ-CP"]
    assert [c.number for c in extract(parse_text(DOCX_LETTER)).meta.implements] == ["7/2033/NĐ-CP"]


def test_national_parks_and_companies_lead():
    roles = read_roles("Vườn quốc gia Bạch Mã, các Công ty Lâm nghiệp chủ động rà soát diện tích rừng được giao.")
    assert _texts(roles.leads) == ["Vườn quốc gia Bạch Mã", "các Công ty Lâm nghiệp"]
    roles = read_roles("Tổng công ty Điện lực miền Bắc phối hợp với Sở Công Thương kiểm tra an toàn lưới điện.")
    assert _texts(roles.leads) == ["Tổng công ty Điện lực miền Bắc"] and _texts(roles.coordinators) == ["Sở Công Thương"]


def test_powers_delegated_to_a_body_are_its_tasks():
    from test_segment import DELEGATION_DECISION, parse_text

    doc = extract(parse_text(DELEGATION_DECISION))
    tasks = {t.id: t for t in doc.tasks}
    assert [i for i in tasks if i[0] in "23"] == ["2.1", "2.2", "3.1", "3.2"]
    assert _texts(tasks["2.1"].leads) == ["Sở Công Thương"] == _texts(tasks["2.2"].leads)
    assert _texts(tasks["2.2"].coordinators) == ["Sở Tài chính"]
    assert _texts(tasks["3.2"].leads) == ["Ủy ban nhân dân cấp xã"]
    assert not [n for n in doc.notices if n.code == "extract.no_lead"]


def test_a_body_named_by_its_function_takes_a_transferred_power():
    # "có chức năng quản lý …" says which body is meant (rules/roles.yaml group_qualifiers), although "quản lý"
    # usually opens the predicate; the power handed over to it is its task
    roles = read_roles("Thẩm quyền của cơ quan có chức năng quản lý xây dựng cấp huyện cấp giấy phép sửa chữa nhà ở "
                       "riêng lẻ quy định tại khoản 4 Điều 12 chuyển giao cho cơ quan có chức năng quản lý xây dựng "
                       "cấp xã thực hiện.")
    assert _texts(roles.leads) == ["cơ quan có chức năng quản lý xây dựng cấp xã"]
    roles = read_roles("Giao cơ quan có chức năng quản lý nhà nước về môi trường cấp tỉnh kiểm tra việc xả thải.")
    assert _texts(roles.leads) == ["cơ quan có chức năng quản lý nhà nước về môi trường cấp tỉnh"]


def test_duty_heading_names_its_holder_at_the_end():
    doc = extract(_doc("Trách nhiệm quản lý nhà nước về chất lượng công trình của Sở Xây dựng",
                       ["Hướng dẫn các chủ đầu tư lập hồ sơ.", "Phối hợp với Sở Tài chính kiểm tra giá vật liệu."]))
    first, second = doc.tasks
    assert _texts(first.leads) == ["Sở Xây dựng"] == _texts(second.leads)
    assert _texts(second.coordinators) == ["Sở Tài chính"]
    doc = extract(_doc("NHIỆM VỤ CHỦ YẾU CỦA BỘ TƯ PHÁP:", ["Rà soát văn bản quy phạm pháp luật."]))
    assert [m.canonical for m in doc.tasks[0].leads] == ["bo_tu_phap"]
    # an owner word inside the duty ("… của tỉnh") names nobody: the heading is not read past it
    doc = extract(_doc("Nhiệm vụ phát triển kinh tế của tỉnh", ["Rà soát quy hoạch."]))
    assert doc.tasks[0].leads == []


def test_provinces_and_centrally_run_cities_joined_by_va():
    roles = read_roles("Ủy ban nhân dân các tỉnh và thành phố trực thuộc trung ương phối hợp với Bộ Y tế rà soát.")
    assert _texts(roles.leads) == ["Ủy ban nhân dân các tỉnh và thành phố trực thuộc trung ương"]
    assert roles.leads[0].canonical == "ubnd_cac_tinh" and _texts(roles.coordinators) == ["Bộ Y tế"]
    roles = read_roles("Sở Tư pháp các tỉnh và thành phố trực thuộc trung ương báo cáo kết quả.")
    assert _texts(roles.leads) == ["Sở Tư pháp các tỉnh và thành phố trực thuộc trung ương"]


def test_a_city_plans_youth_union_and_military_command_hold_roles_and_table_cells():
    roles = read_roles("Thành đoàn chủ trì, phối hợp với Công an thành phố, Bộ Tư lệnh Thành phố tổ chức "
                       "giáo dục quốc phòng cho thanh niên.")
    assert [m.text for m in roles.leads] == ["Thành đoàn"]
    assert [m.canonical for m in roles.coordinators] == ["cong_an_tinh", "bo_chi_huy_quan_su_tinh"]
    # a coordinator cell listing the youth union first is still an agency cell
    row = read_task_roles("Hỗ trợ thanh niên khởi nghiệp (Cơ quan chủ trì: Sở Kế hoạch và Đầu tư; Cơ quan phối hợp: "
                          "Thành đoàn; Ủy ban nhân dân các quận, huyện; Thời gian hoàn thành: Hằng năm)")
    assert [m.text for m in row.coordinators] == ["Thành đoàn", "Ủy ban nhân dân các quận, huyện"]
    # "trở thành đoàn viên" names no one
    assert not read_roles("Sở Nội vụ giúp thanh niên phấn đấu trở thành đoàn viên ưu tú.").coordinators


def test_a_plural_head_listing_bodies_by_the_rest_of_their_names():
    roles = read_roles("Các Bộ: Công Thương, Giao thông vận tải, Nông nghiệp và Phát triển nông thôn, Ngân hàng Nhà "
                       "nước Việt Nam chủ trì, phối hợp với các Sở: Tài chính, Tư pháp thực hiện các nhiệm vụ được giao.")
    assert [m.text for m in roles.leads] == ["Bộ Công Thương", "Bộ Giao thông vận tải",
                                            "Bộ Nông nghiệp và Phát triển nông thôn", "Ngân hàng Nhà nước Việt Nam"]
    assert [m.canonical for m in roles.leads][-1] == "ngan_hang_nha_nuoc"
    assert [m.text for m in roles.coordinators] == ["Sở Tài chính", "Sở Tư pháp"]
    # the list ends with the last name the registry knows: what follows is the predicate
    roles = read_roles("Các bộ: Công an, Quốc phòng, Ngoại giao theo chức năng, nhiệm vụ được giao phối hợp thực hiện.")
    assert [m.text for m in roles.leads] == ["Bộ Công an", "Bộ Quốc phòng", "Bộ Ngoại giao"]


def test_a_list_by_the_rest_of_the_names_without_a_colon_goes_on_after_them():
    # the names after "các Sở" or after "Sở Tài chính" take the noun; a body named whole after them is the next body
    # of the list, named once ("Ủy ban nhân dân các huyện" came twice, or was lost after "Sở Tài chính, Xây dựng")
    roles = read_roles("Sở Nội vụ chủ trì, phối hợp với các Sở Tài chính, Tư pháp, Ủy ban nhân dân các huyện triển khai.")
    assert _texts(roles.coordinators) == ["Sở Tài chính", "Sở Tư pháp", "Ủy ban nhân dân các huyện"]
    roles = read_roles("Sở Y tế chủ trì, phối hợp với Sở Tài chính, Xây dựng, Công an tỉnh kiểm tra.")
    assert _texts(roles.coordinators) == ["Sở Tài chính", "Sở Xây dựng", "Công an tỉnh"]
    roles = read_roles("Các Bộ Tài chính, Xây dựng và Ủy ban nhân dân các tỉnh thực hiện.")
    assert _texts(roles.leads) == ["Bộ Tài chính", "Bộ Xây dựng", "Ủy ban nhân dân các tỉnh"]
    # after an office holder's title too: the subject was stretched to "Giám đốc Sở Tài chính, Xây dựng"
    roles = read_roles("Giám đốc Sở Tài chính, Xây dựng, Công Thương chủ trì thực hiện.")
    assert _texts(roles.leads) == ["Giám đốc Sở Tài chính", "Sở Xây dựng", "Sở Công Thương"]


def test_a_plural_head_with_its_group_words_lists_bodies_after_a_colon():
    # real case: a Prime Minister's decision (QĐ 22/2013/QĐ-TTg Điều 8) has the Ministry of Construction work
    # "phối hợp với các Bộ, ngành liên quan: Tài chính, …": the group was one coordinator, the ministries lost
    roles = read_roles("Bộ Xây dựng chủ trì, phối hợp với các Bộ, ngành liên quan: Tài chính, Lao động - Thương binh "
                       "và Xã hội hướng dẫn các địa phương thực hiện.")
    assert [m.text for m in roles.coordinators] == ["Bộ Tài chính", "Bộ Lao động - Thương binh và Xã hội"]
    roles = read_roles("Các sở, ban, ngành: Tài chính, Tư pháp chủ trì thực hiện.")
    assert [m.text for m in roles.leads] == ["Sở Tài chính", "Sở Tư pháp"]
    # a colon that opens no names leaves the group as it is
    roles = read_roles("Sở Y tế phối hợp với các sở, ngành liên quan: tổ chức tập huấn cho cán bộ.")
    assert [m.text for m in roles.coordinators] == ["các sở, ngành liên quan"]


def test_a_manner_word_between_phoi_hop_and_voi_still_names_the_coordinators():
    # real case: a Prime Minister's directive (CT 31/2012/CT-TTg item 4) asks the provinces for "kế hoạch phối hợp cụ
    # thể với các Bộ, ngành trung ương": the ministries were lost behind the word "cụ thể"
    roles = read_roles("Ủy ban nhân dân tỉnh xây dựng kế hoạch phối hợp cụ thể với các Bộ, ngành trung ương để làm tốt "
                       "công tác đào tạo nghề.")
    assert [m.text for m in roles.coordinators] == ["các Bộ, ngành trung ương"]
    roles = read_roles("Sở Y tế phối hợp thường xuyên với Sở Tài chính kiểm tra việc thực hiện.")
    assert [m.text for m in roles.coordinators] == ["Sở Tài chính"]


def test_a_title_before_a_plural_head_and_its_colon_lists_the_bodies_and_the_list_goes_on():
    # real case: an execution clause of a provincial decision (Tuyên Quang, QĐ 986/QĐ-UBND 2024): "Giám đốc các
    # sở: Giáo dục và Đào tạo, …; Chủ tịch Ủy ban nhân dân huyện, thành phố; …" gave "Sở : Giáo dục và Đào tạo"
    # and lost every body after the first semicolon
    roles = read_roles("Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở: Giáo dục và Đào tạo, Tài chính, Nội "
                       "vụ; Chủ tịch Ủy ban nhân dân huyện, thành phố; thủ trưởng các cơ quan, đơn vị liên quan chịu "
                       "trách nhiệm thi hành Quyết định này.")
    assert _texts(roles.leads) == ["Chánh Văn phòng Ủy ban nhân dân tỉnh", "Sở Giáo dục và Đào tạo", "Sở Tài chính",
                                   "Sở Nội vụ", "Chủ tịch Ủy ban nhân dân huyện, thành phố",
                                   "thủ trưởng các cơ quan, đơn vị liên quan"]
    roles = read_roles("Các sở: Tài chính, Nội vụ; Ủy ban nhân dân các huyện triển khai thực hiện.")
    assert _texts(roles.leads) == ["Sở Tài chính", "Sở Nội vụ", "Ủy ban nhân dân các huyện"]
    # the title, the head and its group words before the colon: the names are read once, as the list goes on
    roles = read_roles("Thủ trưởng các sở, ngành: Tài chính, Công Thương; Chủ tịch Ủy ban nhân dân các huyện thực hiện.")
    assert _texts(roles.leads) == ["Sở Tài chính", "Sở Công Thương", "Chủ tịch Ủy ban nhân dân các huyện"]


def test_a_list_of_coordinators_parted_by_semicolons_goes_on_past_them():
    # real cases: Tuyên Quang QĐ 986/QĐ-UBND 2024 Điều 2.2 and a Sơn La plan (QĐ 254/QĐ-UBND 2023) item II.6 lost
    # every coordinator after the first semicolon
    roles = read_roles("Sở Giáo dục và Đào tạo chủ trì, phối hợp với Chủ tịch Ủy ban nhân dân huyện, thành phố; thủ "
                       "trưởng các ngành có liên quan hướng dẫn và tổ chức thực hiện kế hoạch.")
    assert _texts(roles.coordinators) == ["Chủ tịch Ủy ban nhân dân huyện, thành phố",
                                          "thủ trưởng các ngành có liên quan"]
    roles = read_roles("Công an tỉnh chủ trì, phối hợp với Văn phòng Ủy ban nhân dân tỉnh; Sở Tư pháp và các cơ quan "
                       "có liên quan tham mưu ban hành quy chế.")
    assert _texts(roles.coordinators) == ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Tư pháp", "các cơ quan có liên quan"]
    # the bodies after the semicolon that lead or coordinate in a clause of their own are no coordinators
    for text in ("Sở Xây dựng chủ trì, phối hợp với Sở Tài chính; Sở Y tế chủ trì kiểm tra an toàn thực phẩm.",
                 "Sở Xây dựng chủ trì, phối hợp với Sở Tài chính; Sở Y tế có trách nhiệm kiểm tra.",
                 "Sở Xây dựng phối hợp với Sở Tài chính; các sở, ngành khác phối hợp thực hiện."):
        assert _texts(read_roles(text).coordinators) == ["Sở Tài chính"]


def test_a_head_with_its_proper_name_after_a_group_names_another_body():
    # "Các bệnh viện, Trung tâm Y tế các huyện" stayed one mention: a capitalised head with its proper name after a
    # group written in common nouns, or after the same head, is another body; member nouns go on with the group
    assert _texts(read_roles("Các bệnh viện, Trung tâm Y tế các huyện tổ chức khám sàng lọc.").leads) == [
        "Các bệnh viện", "Trung tâm Y tế các huyện"]
    assert _texts(read_roles("Viện trưởng các Viện Vệ sinh dịch tễ, Viện Pasteur chỉ đạo thực hiện.").leads) == [
        "Viện trưởng các Viện Vệ sinh dịch tễ", "Viện Pasteur"]
    assert _texts(read_roles("Các bệnh viện, trung tâm y tế tổ chức khám sàng lọc.").leads) == [
        "Các bệnh viện, trung tâm y tế"]
    assert _texts(read_roles("Các Sở, Ban, Ngành tỉnh triển khai thực hiện.").leads) == ["Các Sở, Ban, Ngành tỉnh"]


def test_a_ministry_name_in_lower_case_followed_by_an_object_is_a_verb_phrase():
    # "thuộc Bộ xây dựng dự án" read the ministry "Bộ Xây dựng": its lower-case word opens the predicate
    assert _texts(read_roles("Các đơn vị thuộc Bộ xây dựng dự án đầu tư theo quy định.").leads) == [
        "Các đơn vị thuộc Bộ"]
    # with a role, a join, a place or nothing after it, it is the name with its capital lost
    roles = read_roles("Sở Tài chính phối hợp với Bộ xây dựng hướng dẫn.")
    assert [m.canonical for m in roles.coordinators] == ["bo_xay_dung"]
    roles = read_roles("Sở Tài chính phối hợp với Sở xây dựng và Sở Y tế thực hiện.")
    assert [m.canonical for m in roles.coordinators] == ["so_xay_dung", "so_y_te"]
    assert [m.canonical for m in read_roles("Sở xây dựng các tỉnh kiểm tra.").leads] == ["so_xay_dung"]


def test_a_group_qualified_by_the_field_it_manages_stays_one_lead():
    assert [m.text for m in read_roles("Các bộ quản lý ngành, lĩnh vực hướng dẫn thực hiện.").leads] == [
        "Các bộ quản lý ngành, lĩnh vực"]
    assert [m.text for m in read_roles("Bộ quản lý chuyên ngành kiểm tra định kỳ.").leads] == ["Bộ quản lý chuyên ngành"]
    # "quản lý" with another object is the predicate; a named body takes no qualifier
    assert [m.text for m in read_roles("Các bộ, ngành quản lý chặt chẽ việc sử dụng đất.").leads] == ["Các bộ, ngành"]
    assert [m.text for m in read_roles("Bộ Công Thương quản lý ngành công nghiệp hóa chất.").leads] == ["Bộ Công Thương"]


def test_a_group_qualified_by_its_field_with_theo_stays_one_coordinator():
    # real case: QĐ 699/QĐ-BNNMT 2026 Điều 3 ("phối hợp với cơ quan chuyên môn theo ngành, lĩnh vực có liên quan thuộc
    # Ủy ban nhân dân các tỉnh …" gave the coordinator "cơ quan chuyên môn" and lost the provinces)
    roles = read_roles("Cục Môi trường có trách nhiệm phối hợp với cơ quan chuyên môn theo ngành, lĩnh vực có liên quan "
                       "thuộc Ủy ban nhân dân các tỉnh kiểm tra việc thực hiện.")
    assert _texts(roles.coordinators) == [
        "cơ quan chuyên môn theo ngành, lĩnh vực có liên quan thuộc Ủy ban nhân dân các tỉnh"]
    assert roles.coordinators[0].locality
    # "theo" before anything else still ends the group
    roles = read_roles("Sở Xây dựng chủ trì, phối hợp với các cơ quan liên quan theo dõi việc thực hiện.")
    assert _texts(roles.coordinators) == ["các cơ quan liên quan"]


def test_a_lead_cell_written_as_a_clause_gives_its_subject_and_whom_it_directs():
    text = ("Lập phương án chi tiết xây dựng sàn giao dịch (Cơ quan chủ trì: Bộ Tài chính chỉ đạo Sở Giao dịch chứng "
            "khoán Việt Nam thực hiện; Cơ quan phối hợp: Bộ Tài nguyên và Môi trường; Thời gian thực hiện: 2035)")
    roles = read_task_roles(text)
    assert [text[m.start:m.end] for m in roles.leads] == ["Bộ Tài chính"]
    assert [m.text for m in roles.directs] == ["Sở Giao dịch chứng khoán Việt Nam"]
    assert [m.text for m in roles.coordinators] == ["Bộ Tài nguyên và Môi trường"]


def test_a_member_noun_that_is_also_a_verb_stays_in_its_group_before_co_lien_quan():
    # real case: Kế hoạch 09/KH-BTNMT 2024 III.1.đ ("phối hợp với các cơ quan, tổ chức có liên quan tổ chức các khóa
    # đào tạo" gave the coordinator "các cơ quan")
    roles = read_roles("Sở Y tế chủ trì, phối hợp với các cơ quan, tổ chức có liên quan tổ chức tập huấn.")
    assert _texts(roles.coordinators) == ["các cơ quan, tổ chức có liên quan"]
    roles = read_roles("Sở Y tế chủ trì, phối hợp với các cơ quan, tổ chức liên quan tổ chức tập huấn.")
    assert _texts(roles.coordinators) == ["các cơ quan, tổ chức liên quan"]
    # without a qualifier, "tổ chức" opens the predicate
    roles = read_roles("Sở Y tế chủ trì, phối hợp với các cơ quan, tổ chức tập huấn cho doanh nghiệp.")
    assert _texts(roles.coordinators) == ["các cơ quan"]


def test_a_proper_name_goes_on_after_va_in_lower_case():
    # real case: Kế hoạch 09/KH-BTNMT 2024 III.3 ("Viện Chiến lược, Chính sách tài nguyên và môi trường nghiên
    # cứu …" gave the lead "Viện Chiến lược, Chính sách tài nguyên")
    roles = read_roles("Viện Khoa học Thủy lợi; Viện Kinh tế, Chính sách nông nghiệp và môi trường nghiên cứu đề "
                       "xuất giải pháp.")
    assert _texts(roles.leads) == ["Viện Khoa học Thủy lợi", "Viện Kinh tế, Chính sách nông nghiệp và môi trường"]
    # "và" before another body or a group still ends the name
    roles = read_roles("Trung tâm Khuyến công và các doanh nghiệp thực hiện.")
    assert _texts(roles.leads) == ["Trung tâm Khuyến công", "các doanh nghiệp"]


def test_a_coordinator_cell_is_read_without_predicates_when_it_holds_a_verb():
    # real case: Kế hoạch 09/KH-BTNMT 2024, appendix row 6 ("Các đơn vị thuộc các Bộ quản lý lĩnh vực, các tổ chức
    # quốc tế, …" gave no coordinator: "quản lý" was read as the cell's predicate)
    text = ("Tập huấn kiểm kê khí nhà kính (Cơ quan chủ trì: Sở Công Thương; Cơ quan phối hợp: Các đơn vị thuộc các sở "
            "quản lý lĩnh vực, các tổ chức quốc tế; Thời gian thực hiện: 2035 - 2036)")
    roles = read_task_roles(text)
    assert [m.text for m in roles.leads] == ["Sở Công Thương"]
    assert [m.text for m in roles.coordinators] == ["Các đơn vị thuộc các sở quản lý lĩnh vực", "các tổ chức quốc tế"]
    # a lead cell written as a clause is still read as a clause
    roles = read_task_roles("Lập đề án (Cơ quan chủ trì: Sở Tài chính chỉ đạo Quỹ Đầu tư phát triển tỉnh thực hiện; "
                            "Cơ quan phối hợp: Sở Tư pháp; Thời gian thực hiện: 2035)")
    assert [m.text for m in roles.leads] == ["Sở Tài chính"]


def test_a_bare_council_shares_the_place_of_the_committee_after_it():
    # a ministry letter to the provinces: "Hội đồng nhân dân, Ủy ban nhân dân các tỉnh" are two bodies of the provinces
    roles = read_roles("Bộ Xây dựng đề nghị Hội đồng nhân dân, Ủy ban nhân dân các tỉnh, thành phố trực thuộc "
                       "Trung ương khẩn trương thực hiện các nội dung sau:")
    # each is named with the qualifier it shares, as a reader names it (the offsets stay those of the bare name)
    assert [m.text for m in roles.leads] == ["Hội đồng nhân dân các tỉnh, thành phố trực thuộc Trung ương",
                                             "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]
    assert [m.canonical for m in roles.leads] == ["hdnd_cac_cap", "ubnd_cac_tinh"]
    assert all(m.locality for m in roles.leads)
    roles = read_roles("HĐND và UBND cấp xã bố trí kinh phí thực hiện.")
    assert [(m.text, m.canonical) for m in roles.leads] == [("Hội đồng nhân dân cấp xã", "hdnd_xa"),
                                                           ("Ủy ban nhân dân cấp xã", "ubnd_cap_xa")]
    # a bare name the registry knows at no level shares it too: the committee, the Front's committee
    roles = read_roles("UBND và HĐND cấp xã bố trí kinh phí thực hiện.")
    assert [m.canonical for m in roles.leads] == ["ubnd_cap_xa", "hdnd_xa"]
    roles = read_roles("Sở Nội vụ phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam, Ủy ban nhân dân các xã tổ chức lấy ý "
                       "kiến.")
    assert [(m.text, m.canonical) for m in roles.coordinators] == [
        ("Ủy ban Mặt trận Tổ quốc Việt Nam các xã", "uy_ban_mttq_xa"), ("Ủy ban nhân dân các xã", "ubnd_cac_xa")]
    # … and is named alone where no such body follows it
    roles = read_roles("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam, Hội Nông dân tỉnh phối hợp thực hiện.")
    assert [m.canonical for m in roles.leads] == ["uy_ban_mttq", "hoi_nong_dan_tinh"]


def test_a_standing_organ_of_a_body_acts_for_that_body():
    # "Ban Thường trực", "Thường trực", "Ban Thường vụ" of a body (rules/agencies.yaml titles) are that body at work
    # between its sessions, as its head is: a law has "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam cấp xã" decide,
    # a council's resolution has the People's Committee report to "Thường trực Hội đồng nhân dân tỉnh" (no lead before)
    roles = read_roles("Ban Thường trực Ủy ban Mặt trận Tổ quốc tỉnh chủ trì, phối hợp với Sở Nội vụ tổ chức vận động.")
    assert [(m.text, m.canonical) for m in roles.leads] == [
        ("Ban Thường trực Ủy ban Mặt trận Tổ quốc tỉnh", "uy_ban_mttq_tinh")]
    assert [m.canonical for m in read_roles("Thường trực Hội đồng nhân dân tỉnh giám sát việc thực hiện.").leads] == [
        "hdnd_tinh"]
    assert [m.canonical for m in read_roles("Ban Thường vụ Tỉnh đoàn chủ trì tổ chức ra quân.").leads] == ["tinh_doan"]
    # a standing board registered by its own name keeps it; a title before the organ names the same body
    assert [m.canonical for m in read_roles("Ban Thường vụ Tỉnh ủy Hà Nam chỉ đạo thực hiện.").leads] == [
        "ban_thuong_vu_tinh_uy"]
    assert agencies.lookup("Phó Chủ tịch Thường trực UBND tỉnh").id == "ubnd_tinh"
    # the organ shares the place of the next body as the bare council does ("… Hội đồng nhân dân, Ủy ban nhân dân | các xã")
    roles = read_roles("Sở Nội vụ chủ trì, phối hợp với Thường trực HĐND, UBND các xã rà soát.")
    assert [(m.text, m.canonical) for m in roles.coordinators] == [
        ("Thường trực Hội đồng nhân dân các xã", "hdnd_xa"), ("Ủy ban nhân dân các xã", "ubnd_cac_xa")]
    # "thường trực" after a noun is no organ: "cơ quan thường trực" stays the body that is one
    assert [m.canonical for m in read_roles("Sở Tài chính là cơ quan thường trực, chủ trì tổng hợp.").leads] == [
        "so_tai_chinh"]


def test_a_plural_head_lists_bodies_by_the_rest_of_their_names_without_a_colon():
    roles = read_roles("Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các Sở Y tế, Công Thương, Nông nghiệp và Môi "
                       "trường; Chủ tịch Ủy ban nhân dân các xã chịu trách nhiệm thi hành Quyết định này.")
    assert [m.canonical for m in roles.leads] == ["van_phong_ubnd_tinh", "so_y_te", "so_cong_thuong",
                                                  "so_nong_nghiep_moi_truong", "ubnd_cac_xa"]
    roles = read_roles("Sở Công Thương chủ trì, phối hợp với các Sở Tài chính, Xây dựng và Ủy ban nhân dân các xã "
                       "thực hiện.")
    assert [m.text for m in roles.coordinators] == ["Sở Tài chính", "Sở Xây dựng", "Ủy ban nhân dân các xã"]
    assert [m.text for m in read_roles("Các Bộ Tài chính, Công Thương phối hợp.").leads] == ["Bộ Tài chính",
                                                                                             "Bộ Công Thương"]
    # one name only: the group as printed, as before
    assert [m.text for m in read_roles("Các sở, ban, ngành tỉnh triển khai.").leads] == ["Các sở, ban, ngành tỉnh"]


def test_a_letters_tasks_naming_no_body_are_the_addressees():
    from pipeline.api import parse_text

    letter = parse_text("""CỤC ĐIỆN LỰC
Số: 45/ĐL-KT
V/v thực hiện quy định về an toàn đập thủy điện
Hà Nội, ngày 3 tháng 3 năm 2035
Kính gửi: Sở Công Thương tỉnh Lai Châu
Trả lời Công văn số 12/SCT-KT của Sở Công Thương tỉnh Lai Châu, Cục Điện lực có ý kiến như sau:
Khoản 3 Điều 9 Nghị định số 60/2034/NĐ-CP quy định chủ đập phải lập quy trình vận hành hồ chứa.
Đề nghị nghiên cứu, hướng dẫn các chủ đập trên địa bàn thực hiện theo quy định./.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CỤC TRƯỞNG
PHÓ CỤC TRƯỞNG
Lê Văn Hòa
""", doc_id="cv45", role="central")
    assert letter.meta.addressees == ["Sở Công Thương tỉnh Lai Châu"]
    assert "Như trên" in letter.meta.recipients
    task = next(t for t in letter.tasks if t.text.startswith("Đề nghị nghiên cứu"))
    assert [m.canonical for m in task.leads] == ["so_cong_thuong"]


def test_the_bodies_a_preamble_hands_the_list_to_may_run_over_a_semicolon():
    from pipeline.extract import _introduced_leads

    preamble = ("Để triển khai nghiêm túc Quyết định số 90/QĐ-BXD trên địa bàn tỉnh, Chủ tịch Ủy ban nhân dân tỉnh "
                "yêu cầu Công an tỉnh, các sở, ban, ngành; Ủy ban nhân dân các xã, phường thực hiện các nhiệm vụ sau:")
    assert [m.canonical for m in _introduced_leads(preamble)] == ["cong_an_tinh", "cac_so_ban_nganh", "ubnd_cac_xa"]


def test_a_department_name_ending_in_words_that_usually_open_a_predicate():
    roles = read_roles("Chánh Văn phòng Bộ, Vụ trưởng Vụ Khoa học công nghệ, môi trường và Vật liệu xây dựng, Thủ "
                       "trưởng các đơn vị thuộc Bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố chịu trách nhiệm thi "
                       "hành Quyết định này./.")
    assert [m.text for m in roles.leads] == ["Chánh Văn phòng Bộ",
                                             "Vụ trưởng Vụ Khoa học công nghệ, môi trường và Vật liệu xây dựng",
                                             "Thủ trưởng các đơn vị thuộc Bộ",
                                             "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố"]
    # the predicate itself is not swallowed
    assert [m.text for m in read_roles("Cục Thương mại điện tử và Kinh tế số xây dựng kế hoạch, báo cáo Bộ.").leads] \
        == ["Cục Thương mại điện tử và Kinh tế số"]
    # a capital after "và" that usually opens a predicate goes on with an unregistered name ("Giám đốc Quỹ Bảo vệ"
    # was cut at "và"); the predicate after it is not swallowed
    roles = read_roles("Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Giám đốc Quỹ Bảo vệ và Phát triển rừng, "
                       "Sở Tài chính thực hiện.")
    assert _texts(roles.coordinators) == ["Giám đốc Quỹ Bảo vệ và Phát triển rừng", "Sở Tài chính"]
    assert _texts(read_roles("Quỹ Bảo vệ và Phát triển rừng lập kế hoạch tài chính.").leads) == [
        "Quỹ Bảo vệ và Phát triển rừng"]
    # a lower-case word after "và" is no part of it
    assert _texts(read_roles("Trung tâm Khuyến nông và phối hợp với Sở Y tế thực hiện.").leads) == [
        "Trung tâm Khuyến nông"]


def test_an_adverbial_opening_is_not_followed_by_a_subject_found_inside_the_predicate():
    # the bodies after "báo cáo" are objects; "chỉ đạo" after the comma opens the predicate
    assert read_roles("Định kỳ hoặc đột xuất tổng hợp, báo cáo Ủy ban nhân dân tỉnh, Bộ Tài chính về tình hình "
                      "thực hiện.").leads == []
    # bodies the clause ends with have no predicate: the last object of the adverb's verb, no subject (real case:
    # NQ 03/NQ-CP 2025, its programme II.1.e)
    assert read_roles("Định kỳ đánh giá, công bố mức độ hoàn thành nhiệm vụ của cơ quan nhà nước, người đứng đầu và "
                      "cán bộ trong cơ quan nhà nước; kết quả là tiêu chí thi đua.").leads == []
    # (a body after "của" without a document's type before it is still an object: "kế hoạch" here is no title)
    assert read_roles("Định kỳ tổng hợp kế hoạch của Ủy ban nhân dân tỉnh, Bộ Tài chính về tình hình thực "
                      "hiện.").leads == []
    assert read_roles("Trong thời gian hoàn thiện việc rà soát, giao tài sản, chỉ đạo các cơ quan, đơn vị tiếp tục "
                      "quản lý tài sản.").leads == []
    assert [m.text for m in read_roles("Trước ngày 15 tháng 3 hằng năm, các bộ, ngành gửi báo cáo về Bộ Tài "
                                       "chính.").leads] == ["các bộ, ngành"]


def test_the_departments_managing_a_sector_stay_one_group():
    roles = read_roles("Các sở quản lý nhà nước chuyên ngành về hạ tầng chủ trì rà soát tài sản.")
    assert [m.text for m in roles.leads] == ["Các sở quản lý nhà nước chuyên ngành về hạ tầng"]


def test_an_open_subject_ending_at_its_cue_keeps_no_trailing_comma():
    roles = read_roles("Các sở, ban, ngành; Ủy ban nhân dân các xã, phường; các cơ quan, đơn vị và doanh nghiệp, căn "
                       "cứ chức năng, nhiệm vụ được giao khẩn trương tổ chức triển khai thực hiện.")
    assert [m.text for m in roles.leads][-1] == "các cơ quan, đơn vị và doanh nghiệp"


def test_an_item_stating_a_target_is_led_by_the_body_its_paragraph_names():
    from pipeline.api import parse_text

    plan = parse_text(PLAN_HEADER + """I. NỘI DUNG
1. Hoàn thành di dời cụm công nghiệp Châu Sơn.
Ủy ban nhân dân phường Phủ Lý chủ trì, phối hợp với Sở Xây dựng thực hiện công tác giải phóng mặt bằng.
2. Tỷ lệ cụm công nghiệp có hệ thống xử lý nước thải tập trung đạt 100%.
Ban Quản lý các khu công nghiệp tỉnh hoàn thành xây dựng trong năm 2035.
3. Sở Công Thương theo dõi, tổng hợp kết quả thực hiện Kế hoạch.
4. Đến năm 2035:
Hoàn thành đầu tư hạ tầng kỹ thuật các cụm công nghiệp đã thành lập.
Các cơ quan nhà nước, doanh nghiệp thực hiện tiết kiệm năng lượng trong mua sắm công.
Nơi nhận:
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trần Văn Hải
""", doc_id="kh12", role="provincial")
    leads = {t.id: [m.text for m in t.leads] for t in plan.tasks}
    assert leads["I.1"] == ["Ủy ban nhân dân phường Phủ Lý"]
    # (a later paragraph's subject takes part of the work only: the item's target names no lead)
    assert leads["I.4"] == []
    assert [m.text for m in plan.tasks[0].coordinators] == ["Sở Xây dựng"]
    assert leads["I.2"] == ["Ban Quản lý các khu công nghiệp tỉnh"]
    task = plan.tasks[0]
    assert all(task.text[m.start:m.end] == m.text for m in task.leads)


def test_the_later_sentences_of_the_paragraph_below_a_step_add_their_own_subjects():
    # real case: a city's plan for housing support, 2014, II.2.2 ("Bước 2: Kiểm tra hiện trạng nhà ở …" / "Ban Chỉ
    # đạo … tổ chức kiểm tra …. Sau khi kiểm tra, Ủy ban nhân dân xã, phường, thị trấn lập danh sách …")
    from pipeline.api import parse_text

    plan = parse_text(PLAN_HEADER + """I. NỘI DUNG
1. Bước 1: Kiểm tra hiện trạng nhà ở của các hộ có đơn đề nghị.
Sở Xây dựng tổ chức kiểm tra hiện trạng nhà ở của các hộ. Sau khi kiểm tra, Ủy ban nhân dân cấp xã lập danh sách \
các hộ được hỗ trợ gửi Ủy ban nhân dân cấp huyện.
2. Sở Tài chính bố trí kinh phí thực hiện.
Nơi nhận:
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trần Văn Hải
""", doc_id="kh13", role="provincial")
    assert [m.text for m in plan.task("I.1").leads] == ["Sở Xây dựng", "Ủy ban nhân dân cấp xã"]


def test_a_group_row_naming_its_lead_leads_the_rows_with_an_empty_lead_cell():
    from pipeline.api import parse_text

    plan = parse_text(PLAN_HEADER + """I. NHIỆM VỤ
Các sở, ngành thực hiện các nhiệm vụ tại Phụ lục kèm theo Kế hoạch này.
PHỤ LỤC
DANH MỤC NHIỆM VỤ
| TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
| --- | --- | --- | --- | --- |
| I | Nhiệm vụ do Sở Tài chính chủ trì |  |  |  |
| 1 | Bố trí kinh phí cho các dự án cụm công nghiệp |  | Sở Công Thương | Hằng năm |
| 2 | Thẩm định giá đất các cụm công nghiệp | Sở Xây dựng | Sở Tài chính | Năm 2035 |
| II | Các nhiệm vụ do Ủy ban nhân dân cấp xã thực hiện |  |  |  |
| 1 | Giải phóng mặt bằng cụm công nghiệp Châu Sơn |  | Sở Xây dựng | Năm 2035 |
| III | Nhiệm vụ do các sở, ngành đề xuất |  |  |  |
| 1 | Kêu gọi đầu tư hạ tầng cụm công nghiệp |  |  | Năm 2036 |
""", doc_id="kh12", role="provincial")
    leads = {t.id.rsplit(".", 2)[-2] + "." + t.id.rsplit(".", 1)[-1]: _texts(t.leads) for t in plan.tasks
             if "." in t.id}
    assert leads["I.1"] == ["Sở Tài chính"]
    assert leads["I.2"] == ["Sở Xây dựng"]  # (its own lead cell wins)
    assert leads["II.1"] == ["Ủy ban nhân dân cấp xã"]
    assert leads["III.1"] == []  # (a heading that closes with another verb names no lead)
    assert _texts(read_heading_roles("Nhiệm vụ do Sở Tài chính chủ trì").leads) == ["Sở Tài chính"]


def test_a_steering_committee_on_a_topic_runs_to_its_predicate():
    roles = read_roles("Ban Chỉ đạo Nhà nước về chương trình bảo vệ và phát triển rừng (Quyết định số 12/QĐ-TTg "
                       "ngày 05 tháng 01 năm 2035 của Thủ tướng Chính phủ) chỉ đạo triển khai Kế hoạch.")
    assert _texts(roles.leads) == ["Ban Chỉ đạo Nhà nước về chương trình bảo vệ và phát triển rừng"]
    assert roles.leads[0].note.startswith("(Quyết định số 12/QĐ-TTg")
    roles = read_roles("Ban Chỉ đạo quốc gia về phòng, chống thiên tai chủ trì, phối hợp với các bộ, ngành kiểm tra.")
    assert _texts(roles.leads) == ["Ban Chỉ đạo quốc gia về phòng, chống thiên tai"]
    # (with no mark that surely ends the name, a predicate word after a noun of the topic opens the predicate)
    roles = read_roles("Ban Chỉ đạo quốc gia về phòng, chống thiên tai triển khai các biện pháp, kiểm tra.")
    assert _texts(roles.leads) == ["Ban Chỉ đạo quốc gia về phòng, chống thiên tai"]


def test_a_national_body_on_a_topic_ends_at_its_predicate_or_at_the_end_of_its_clause():
    # a subject followed by an ordinary verb whose objects run on to a role cue
    roles = read_roles("Ban Chỉ đạo Nhà nước về hợp tác biển triển khai các nhiệm vụ của Chương trình.")
    assert _texts(roles.leads) == ["Ban Chỉ đạo Nhà nước về hợp tác biển"]
    # an object at the end of its sentence
    roles = read_roles("Giao Ban Chỉ đạo quốc gia về hợp tác biển.")
    assert _texts(roles.leads) == ["Ban Chỉ đạo quốc gia về hợp tác biển"]
    # the verbs of the topic open it or follow "và"
    roles = read_roles("Ủy ban Quốc gia về phát triển đô thị và nâng cao chất lượng sống chủ trì, phối hợp với "
                       "các bộ, ngành kiểm tra.")
    assert _texts(roles.leads) == ["Ủy ban Quốc gia về phát triển đô thị và nâng cao chất lượng sống"]
    assert _texts(roles.coordinators) == ["các bộ, ngành"]
    # a comma before the next body of the list ends the name
    roles = read_roles("Giao Hội đồng Quốc gia về hợp tác biển, các bộ, ngành theo dõi, đôn đốc.")
    assert _texts(roles.leads) == ["Hội đồng Quốc gia về hợp tác biển", "các bộ, ngành"]


def test_a_commission_or_council_is_a_body_only_before_its_national_topic():
    roles = read_roles("Bộ Xây dựng phối hợp với Ủy ban Quốc gia về hợp tác biển thực hiện.")
    assert _texts(roles.coordinators) == ["Ủy ban Quốc gia về hợp tác biển"]
    assert roles.coordinators[0].canonical == "co_quan_quoc_gia_theo_chuyen_de"
    assert _texts(read_roles("Hội đồng Quốc gia về hợp tác biển kiểm tra hằng năm.").leads) == [
        "Hội đồng Quốc gia về hợp tác biển"]
    # (any other council is no body this rule names: "Hội đồng thẩm định" is the statute's own reading)
    assert _texts(read_roles("Hội đồng xét duyệt kiểm tra hằng năm.").leads) == []


def test_registered_national_bodies_keep_their_whole_names():
    roles = read_roles("Hội đồng Quốc gia về phát triển bền vững và nâng cao năng lực cạnh tranh tổ chức đánh giá "
                       "hằng năm.")
    assert [(m.text, m.canonical) for m in roles.leads] == [
        ("Hội đồng Quốc gia về phát triển bền vững và nâng cao năng lực cạnh tranh", "hoi_dong_qg_phat_trien_ben_vung")]
    roles = read_roles("Ủy ban Quốc gia phòng, chống AIDS và phòng, chống tệ nạn ma túy, mại dâm hướng dẫn các địa "
                       "phương.")
    assert [m.canonical for m in roles.leads] == ["uy_ban_qg_aids_ma_tuy_mai_dam"]
    roles = read_roles("Hội đồng điều phối vùng Tây Nguyên chủ trì, phối hợp với các địa phương trong vùng rà soát.")
    assert [(m.text, m.canonical) for m in roles.leads] == [
        ("Hội đồng điều phối vùng Tây Nguyên", "hoi_dong_dieu_phoi_vung")]


def test_an_office_that_assists_a_body_is_the_subject_before_the_assisted_body():
    roles = read_roles("Văn phòng Điều phối giúp việc cho Ban Chỉ đạo trung ương về chương trình bảo vệ rừng thuộc "
                       "Bộ Nông nghiệp và Môi trường thực hiện kết nối, điều phối các hoạt động của chương trình.")
    assert _texts(roles.leads) == ["Văn phòng Điều phối"]


def test_a_directed_list_ends_before_what_the_bodies_are_guided_to_do():
    roles = read_roles("Bộ Tài chính chủ trì ban hành văn bản hướng dẫn các địa phương, tổ chức và doanh nghiệp liên "
                       "doanh, liên kết đầu tư hạ tầng cụm công nghiệp thu được từ ngân sách.")
    assert _texts(roles.directs) == ["các địa phương, tổ chức và doanh nghiệp"]
    roles = read_roles("Sở Công Thương hướng dẫn các hợp tác xã liên kết tiêu thụ sản phẩm.")
    assert _texts(roles.directs) == ["các hợp tác xã"]


def test_investors_after_a_group_of_departments_are_another_actor():
    roles = read_roles("Ủy ban nhân dân cấp xã chủ trì, phối hợp với các Sở, ban ngành, nhà đầu tư thứ cấp thực hiện "
                       "công tác giải phóng mặt bằng.")
    assert [m.text for m in roles.coordinators] == ["các Sở, ban ngành", "nhà đầu tư thứ cấp"]
    roles = read_roles("Sở Y tế phối hợp với các sở, ban, ngành, địa phương thực hiện.")
    assert [m.text for m in roles.coordinators] == ["các sở, ban, ngành, địa phương"]


def test_a_member_noun_that_is_also_a_verb_stays_in_its_group():
    from pipeline.extract import read_heading_roles

    heading = "Các cơ quan, tổ chức, đơn vị, doanh nghiệp được giao quản lý, sử dụng tài sản kết cấu hạ tầng"
    assert [m.text for m in read_heading_roles(heading).leads] == [heading]
    # "tổ chức" as the verb of the clause is not swallowed
    assert [m.text for m in read_roles("Các cơ quan, tổ chức thực hiện kế hoạch.").leads] == ["Các cơ quan"]


def test_a_slash_between_two_names_separates_them_and_numbers_keep_theirs():
    sentence = ("Bộ Chỉ huy Quân sự tỉnh/Ban Chỉ huy Bộ đội Biên phòng tỉnh chủ trì tuyên truyền pháp luật cho người "
                "dân khu vực biên giới theo Quyết định số 259/QĐ-TTg và Nghị quyết số 28-NQ/TW.")
    roles = read_roles(sentence)
    assert [m.text for m in roles.leads] == ["Bộ Chỉ huy Quân sự tỉnh", "Ban Chỉ huy Bộ đội Biên phòng tỉnh"]
    assert [c.number for c in find_citations(sentence)] == ["259/QĐ-TTg", "28-NQ/TW"]


def test_the_work_a_body_helps_with_is_no_part_of_its_name():
    roles = read_roles("Chủ động phối hợp với lực lượng công an địa phương trong công tác bảo vệ, phòng ngừa tội phạm; "
                       "phối hợp với Ban Quản lý Khu kinh tế trong việc chuyển đổi số các khu công nghiệp.")
    assert [m.text for m in roles.coordinators] == ["lực lượng công an địa phương", "Ban Quản lý Khu kinh tế"]
    # a preposition followed by a verb opens an adverbial (rules/roles.yaml prepositions); followed by a place or a
    # noun it still says which members of the group are meant
    roles = read_roles("Phối hợp với Ban Quản lý Khu kinh tế trong chuyển đổi cụm công nghiệp Bắc Lệnh sang mô hình "
                       "sinh thái; phối hợp với các sở về triển khai đề án; phối hợp với các doanh nghiệp trong khu "
                       "công nghiệp tổ chức đào tạo nghề.")
    assert [m.text for m in roles.coordinators] == ["Ban Quản lý Khu kinh tế", "các sở",
                                                    "các doanh nghiệp trong khu công nghiệp"]


def test_site_clearing_verbs_end_the_investors_name():
    roles = read_roles("Chủ đầu tư các dự án khu đô thị mới phía Nam san lấp mặt bằng, mời gọi nhà đầu tư xây dựng "
                       "nhà ở xã hội; chủ đầu tư các dự án khu đô thị giải phóng mặt bằng trước ngày 30/6/2036.")
    assert [m.text for m in roles.leads] == ["Chủ đầu tư các dự án khu đô thị mới phía Nam"]
    roles = read_roles("Chủ đầu tư hạ tầng cụm công nghiệp Tân An san tạo mặt bằng sạch.")
    assert [m.text for m in roles.leads] == ["Chủ đầu tư hạ tầng cụm công nghiệp Tân An"]


def test_owners_and_users_of_a_building_are_bodies_of_their_own():
    # "chủ sở hữu", "người quản lý, sử dụng" are actors (rules/roles.yaml heads), not qualifiers of "chủ đầu tư";
    # "trình" inside "công trình" submits nothing (rules/roles.yaml compounds)
    roles = read_roles("Sở Xây dựng đôn đốc chủ đầu tư, chủ sở hữu, người quản lý, sử dụng công trình nhà chung cư "
                       "rà soát hệ thống thang máy trước tháng 9.")
    assert _texts(roles.directs) == ["chủ đầu tư", "chủ sở hữu", "người quản lý, sử dụng công trình nhà chung cư"]
    roles = read_roles("Người đứng đầu các cơ quan, đơn vị kiểm tra công trình xây dựng.")
    assert _texts(roles.leads) == ["Người đứng đầu các cơ quan, đơn vị"]


def test_a_heading_that_is_only_a_group_names_its_holder_with_the_qualifier():
    doc = extract(_doc("Các tổ chức, doanh nghiệp sử dụng vật liệu nổ công nghiệp",
                       ["Lập phương án nổ mìn trước khi thi công.", "Báo cáo tình hình sử dụng hằng quý."]))
    assert [_texts(t.leads) for t in doc.tasks] == [["Các tổ chức, doanh nghiệp sử dụng vật liệu nổ công nghiệp"]] * 2
    # a heading whose rest is a predicate keeps the group alone
    doc = extract(_doc("Các doanh nghiệp thực hiện các nội dung sau:", ["Rà soát kho chứa."]))
    assert _texts(doc.tasks[0].leads) == ["Các doanh nghiệp"]
    doc = extract(_doc("Ủy ban nhân dân các xã, phường triển khai", ["Rà soát kho chứa."]))
    assert _texts(doc.tasks[0].leads) == ["Ủy ban nhân dân các xã, phường"]
    # a relative clause in the passive qualifies the group: "giao" after "được" hands no work on
    doc = extract(_doc("Các cơ quan, đơn vị được giao quản lý, khai thác công trình thủy lợi", ["Lập hồ sơ tài sản."]))
    assert _texts(doc.tasks[0].leads) == ["Các cơ quan, đơn vị được giao quản lý, khai thác công trình thủy lợi"]
    doc = extract(_doc("Các cơ quan, đơn vị giao Phòng Kế hoạch lập hồ sơ", ["Rà soát kho chứa."]))
    assert _texts(doc.tasks[0].leads) != ["Các cơ quan, đơn vị giao Phòng Kế hoạch lập hồ sơ"]


def test_a_subject_runs_to_a_time_clause_before_its_duty():
    # "sau khi …" between a group's name and "có trách nhiệm" opens an adverbial: the name runs up to it
    roles = read_roles("Tổ chức, cá nhân khai thác mỏ đá sau khi kết thúc khai thác và đóng cửa mỏ có trách nhiệm "
                       "hoàn nguyên môi trường trước ngày 31 tháng 12 hằng năm.")
    assert _texts(roles.leads) == ["Tổ chức, cá nhân khai thác mỏ đá"]
    roles = read_roles("Tổ chức, cá nhân không được san lấp kênh mương trong phạm vi bảo vệ công trình thủy lợi.")
    assert _texts(roles.leads) == ["Tổ chức, cá nhân"]



def test_a_body_s_name_ends_before_a_subordinating_conjunction():
    # a registered body open to qualifiers ("Ủy ban nhân dân cấp xã …") ends before "sau khi", "khi", "trước khi"
    # (rules/roles.yaml subject_breaks): they open an adverbial clause, never a qualifier of the name
    text = "Ủy ban nhân dân cấp xã sau khi nhận được hồ sơ hợp lệ có trách nhiệm kiểm tra thực địa."
    assert _texts(read_roles(text).leads) == ["Ủy ban nhân dân cấp xã"]
    assert _texts(read_roles("Sở Y tế phối hợp với Ủy ban nhân dân các xã khi có yêu cầu.").coordinators) == [
        "Ủy ban nhân dân các xã"]
    assert _texts(read_roles("Chỉ đạo chủ dự án, ban quản lý dự án khi dự án hoàn thành nghiệm thu.").directs) == [
        "chủ dự án", "ban quản lý dự án"]
    # a statute clause so worded is still a provision of that body: its duty follows the adverbial clause
    assert opens_with_actor(text)
    assert opens_with_actor("Sở Công Thương sau khi nhận được báo cáo có trách nhiệm tổng hợp.")
    # … unless the clause only makes it a partner
    assert not opens_with_actor("Ủy ban nhân dân cấp xã sau khi nhận được hồ sơ phối hợp kiểm tra.")
    # "trong trường hợp" (in case) opens one too: a decree lists the bodies a plan is sent to "Ban quản lý khu công
    # nghiệp, khu chế xuất, khu kinh tế trong trường hợp địa điểm … nằm trong khu công nghiệp" (NĐ 25/2026 34.2.h), and
    # has "Phó Chủ tịch Hội đồng trong trường hợp Chủ tịch Hội đồng vắng mặt kết luận" (34.4.e): the names ran on
    assert _texts(read_roles("Sở Công Thương chủ trì, phối hợp với Ban quản lý khu công nghiệp trong trường hợp dự án "
                             "nằm trong khu công nghiệp kiểm tra.").coordinators) == ["Ban quản lý khu công nghiệp"]
    assert _texts(read_roles("Phó Chủ tịch Hội đồng trong trường hợp Chủ tịch vắng mặt kết luận cuộc họp.").leads) == [
        "Phó Chủ tịch Hội đồng"]

@pytest.mark.parametrize("text, leads", [
    # a later sentence with its own subject and a duty adds its subject
    ("Sở Tài chính lập dự toán kinh phí trong quý III. Các sở, ban, ngành có trách nhiệm gửi số liệu đúng hạn.",
     ["Sở Tài chính", "Các sở, ban, ngành"]),
    # a clause after a comma, when the words before the comma name no body
    ("Doanh nghiệp không được đặt kho chứa trong hành lang bảo vệ đê điều, trừ kho chứa hàng dự trữ quốc gia, "
     "Ủy ban nhân dân cấp tỉnh xem xét cho phép từng trường hợp.",
     ["Doanh nghiệp", "Ủy ban nhân dân cấp tỉnh"]),
    # a later sentence opening with a request frame; the group ends before the addressee's remit
    ("Đề nghị Ủy ban nhân dân các xã phối hợp với Sở Y tế kiểm tra cơ sở bán thuốc. Yêu cầu các doanh nghiệp kinh "
     "doanh dược phẩm thuộc lĩnh vực, địa bàn quản lý chủ động rà soát giấy phép.",
     ["Ủy ban nhân dân các xã", "các doanh nghiệp kinh doanh dược phẩm"]),
    # a generic group read up to its duty, past the verb inside its name
    ("Sở Công Thương hướng dẫn thủ tục. Tổ chức, cá nhân kinh doanh khí dầu mỏ hóa lỏng phải lập phương án phòng "
     "cháy.", ["Sở Công Thương", "Tổ chức, cá nhân kinh doanh khí dầu mỏ hóa lỏng"]),
    # a bulleted line under a colon
    ("Sở Nội vụ thực hiện các việc sau:\n- Ủy ban nhân dân các phường rà soát biên chế.",
     ["Sở Nội vụ", "Ủy ban nhân dân các phường"]),
    # after a parenthesis or a quotation that has closed
    ("Sở Tư pháp rà soát văn bản (theo quy trình riêng). Sở Nội vụ có trách nhiệm thẩm định hồ sơ.",
     ["Sở Tư pháp", "Sở Nội vụ"]),
    ('Sở Tư pháp rà soát "Quy chế phối hợp". Ủy ban nhân dân các xã có trách nhiệm báo cáo kết quả.',
     ["Sở Tư pháp", "Ủy ban nhân dân các xã"]),
    # a comma between the bodies and their verb
    ("Căn cứ Quyết định số 15/2024/QĐ-UBND, các thôn ấp, tổ dân phố, tổ chức phổ biến chính sách hỗ trợ nhà ở. "
     "Trưởng thôn ấp, Tổ trưởng các tổ dân phố, hướng dẫn các hộ gia đình làm đơn đề nghị hỗ trợ.",
     ["các thôn ấp, tổ dân phố", "Trưởng thôn ấp", "Tổ trưởng các tổ dân phố"]),
    ("Phòng Quản lý đô thị phổ biến chính sách. Ủy ban nhân dân xã, hướng dẫn các hộ gia đình lập hồ sơ.",
     ["Phòng Quản lý đô thị", "Ủy ban nhân dân xã"]),
])
def test_a_later_sentence_or_clause_adds_its_own_lead(text, leads):
    assert _texts(read_task_roles(text).leads) == leads


@pytest.mark.parametrize("text", [
    # bodies after "báo cáo", "trình", "gửi", "theo đề nghị của" are objects, not subjects
    "Sở Xây dựng tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh, Bộ Xây dựng theo dõi.",
    "Sở Xây dựng lập đề án. Kết quả gửi Sở Tài chính, Sở Nội vụ tổng hợp.",
    "Sở Nội vụ thực hiện theo đề nghị của Sở Tài chính, Ủy ban nhân dân tỉnh xem xét.",
    # a body in a "theo …" phrase, after "được", or accountable "trước pháp luật"
    "Sở Công Thương phổ biến quy chuẩn. Theo hướng dẫn của Bộ Công Thương, nội dung được cập nhật hằng năm.",
    "Sở Công Thương phổ biến quy chuẩn. Bộ Công Thương được giao quản lý nhà nước về lĩnh vực này.",
    "Các doanh nghiệp tổ chức sát hạch. Các doanh nghiệp và tổ chức tư vấn chịu trách nhiệm trước pháp luật về "
    "kết quả.",
    # the subject of "phối hợp" or "tham mưu" is no lead
    "Sở Giáo dục và Đào tạo xây dựng kế hoạch. Sở Y tế phối hợp kiểm tra y tế trường học.",
    "Sở Giáo dục và Đào tạo xây dựng kế hoạch. Sở Tài chính tham mưu bố trí kinh phí.",
    # inside a parenthesis or a quotation
    "Sở Tư pháp rà soát văn bản (Sở Nội vụ thẩm định hồ sơ theo quy trình riêng).",
    'Sở Tư pháp rà soát văn bản có câu "Ủy ban nhân dân tỉnh quyết định mức thu".',
    # a request after a comma is what the subject before asks
    "Sở Công Thương tổng hợp khó khăn, vướng mắc, đề nghị Ủy ban nhân dân tỉnh chỉ đạo giải quyết.",
    # a wrapped line goes on with its sentence
    "Sở Công Thương tổng hợp, báo cáo\nỦy ban nhân dân tỉnh xem xét.",
    # "quản lý" goes on with a generic name
    "Các doanh nghiệp lập hồ sơ, khi cần thiết, cơ quan quản lý nhà nước kiểm tra hồ sơ.",
])
def test_a_background_mention_in_a_later_clause_adds_no_lead(text):
    assert len(read_task_roles(text).leads) == 1


@pytest.mark.parametrize("text", [
    "Xây dựng Quy chế hoạt động của Ban Chỉ đạo quốc gia; Ban Chỉ đạo các quân khu, Ban Chỉ đạo các tỉnh triển "
    "khai kế hoạch hằng năm.",
    "Văn phòng Ban Chỉ đạo các tỉnh tổng hợp số liệu, báo cáo định kỳ.",
])
def test_a_role_cue_inside_a_bodys_name_directs_no_one(text):
    assert read_task_roles(text).directs == []


def test_the_same_word_after_a_body_still_directs():
    roles = read_task_roles("Ủy ban nhân dân tỉnh chỉ đạo Ban Chỉ đạo cấp huyện triển khai kế hoạch.")
    assert _texts(roles.directs) == ["Ban Chỉ đạo cấp huyện"]


def test_a_time_adverb_after_a_group_opens_its_predicate():
    roles = read_roles("Các sở quản lý chuyên ngành định kỳ tổng hợp kết quả kiểm kê, gửi Sở Tài chính trước ngày 10/7.")
    assert [m.text for m in roles.leads] == ["Các sở quản lý chuyên ngành"]


@pytest.mark.parametrize("text, leads", [
    # a compound whose later syllable is a verb on its own ("lưu ký": "ký", sign) stays inside a proper name
    ("Tổng Công ty Lưu ký và bù trừ chứng khoán Việt Nam cung ứng dịch vụ thanh toán giao dịch.",
     ["Tổng Công ty Lưu ký và bù trừ chứng khoán Việt Nam"]),
    ("Cơ quan đăng ký đầu tư cấp tỉnh hướng dẫn nhà đầu tư.", ["Cơ quan đăng ký"]),
    # verbs of inspecting and leading, and a condition, open the predicate
    ("Trung tâm Kỹ thuật tiêu chuẩn đo lường chất lượng kiểm định các phương tiện đo.",
     ["Trung tâm Kỹ thuật tiêu chuẩn đo lường chất lượng"]),
    ("Ủy ban nhân dân các xã nếu phát hiện vi phạm thì báo cáo ngay.", ["Ủy ban nhân dân các xã"]),
])
def test_a_name_ends_where_its_predicate_opens(text, leads):
    assert _texts(read_roles(text).leads) == leads


def test_a_mission_abroad_is_named_past_diplomacy_and_abroad():
    # "ngoại giao" (diplomacy: "giao" assigns on its own) and "nước ngoài" ("ngoài" joins a qualifier on its own) are
    # words of the name (rules/roles.yaml compounds); real case: NĐ 102/2018/NĐ-CP 10.3 read "các Cơ quan đại diện ngoại"
    roles = read_roles("Bộ Ngoại giao chỉ đạo các Cơ quan đại diện ngoại giao của Việt Nam ở nước ngoài hướng dẫn "
                       "công dân làm thủ tục.")
    assert [(m.text, m.canonical) for m in roles.directs] == [
        ("các Cơ quan đại diện ngoại giao của Việt Nam ở nước ngoài", "co_quan_dai_dien_o_nuoc_ngoai")]
    roles = read_roles("Cơ quan đại diện lãnh sự của Việt Nam ở nước ngoài chủ trì, phối hợp với các cơ quan có liên "
                       "quan ở nước ngoài tổ chức chi trả.")
    assert _texts(roles.leads) == ["Cơ quan đại diện lãnh sự của Việt Nam ở nước ngoài"]
    assert agencies.lookup("cơ quan đại diện chủ sở hữu").id != "co_quan_dai_dien_o_nuoc_ngoai"


@pytest.mark.parametrize("text, coordinators", [
    # the role word names which partners ("the leading bodies"), it gives them no role (real case: a province's plan
    # carrying out a Party resolution, 2026, V.8)
    ("Các sở, ngành khác phối hợp chặt chẽ với các cơ quan chủ trì trong tổ chức thực hiện.", ["các cơ quan chủ trì"]),
    ("Sở Y tế phối hợp với đơn vị đầu mối tổng hợp số liệu.", ["đơn vị đầu mối"]),
    # the office of a steering committee is named with the committee's name, whole
    ("Sở Tài chính chủ trì, phối hợp với Văn phòng Ban chỉ đạo tỉnh tổng hợp báo cáo.", ["Văn phòng Ban chỉ đạo tỉnh"]),
    ("Sở Y tế phối hợp với Văn phòng Ban Chỉ huy phòng thủ dân sự tỉnh kiểm tra.",
     ["Văn phòng Ban Chỉ huy phòng thủ dân sự tỉnh"]),
])
def test_a_name_that_holds_a_role_word(text, coordinators):
    assert _texts(read_roles(text, later=True).coordinators) == coordinators


@pytest.mark.parametrize("text, lead, coordinators", [
    # inside "nơi có …" a verb right after a noun, the predicate or a role after it, qualifies the noun
    ("Trung tâm Phát triển quỹ đất phối hợp với Ủy ban nhân dân cấp xã nơi có đất thu hồi thực hiện bàn giao.",
     "Trung tâm Phát triển quỹ đất", ["Ủy ban nhân dân cấp xã nơi có đất thu hồi"]),
    ("Ủy ban nhân dân cấp xã nơi có đất thu hồi có trách nhiệm bàn giao mặt bằng.",
     "Ủy ban nhân dân cấp xã nơi có đất thu hồi", []),
    # … taking its object, or ending the clause, it is the predicate
    ("Ủy ban nhân dân cấp xã nơi có dự án thu hồi đất theo quy định.", "Ủy ban nhân dân cấp xã nơi có dự án", []),
    ("Sở Xây dựng chủ trì, phối hợp với Ủy ban nhân dân cấp xã nơi có dự án kiểm tra.", "Sở Xây dựng",
     ["Ủy ban nhân dân cấp xã nơi có dự án"]),
])
def test_a_relative_clause_in_a_name_keeps_the_verb_that_qualifies_its_noun(text, lead, coordinators):
    roles = read_roles(text, later=True)
    assert _texts(roles.leads) == [lead] and _texts(roles.coordinators) == coordinators


def test_a_role_word_after_the_group_an_assignment_names_is_its_role():
    assert _texts(read_roles("Giao các cơ quan chủ trì xây dựng đề án.").leads) == ["các cơ quan"]
    assert _texts(read_roles("Văn phòng Ban Chỉ đạo tỉnh theo dõi, đôn đốc.").leads) == ["Văn phòng Ban Chỉ đạo tỉnh"]


def test_the_bodies_directed_end_before_their_own_predicate():
    # real case: CT 07/CT-TTg 2012 8.c read the directed 'các sở, ngành liên quan tuân thủ'
    roles = read_roles("Chỉ đạo Ban quản lý khu kinh tế và các sở, ngành liên quan tuân thủ nghiêm túc quy trình cấp "
                       "Giấy chứng nhận đầu tư.")
    assert _texts(roles.directs)[-1] == "các sở, ngành liên quan"
    # … also where an OCR text layer lost the hook of "đẩy" (real case: CT 11/CT-TTg 2020 II.3.c, OCR)
    roles = read_roles("Bộ Tài chính chỉ đạo cơ quan hải quan đây nhanh thủ tục thông quan.")
    assert _texts(roles.directs) == ["cơ quan hải quan"]
    roles = read_roles("Hội Nông dân tỉnh và các tổ chức xã hội đây mạnh tuyên truyền.")
    assert _texts(roles.leads) == ["Hội Nông dân tỉnh", "các tổ chức xã hội"]


def test_an_opening_clause_closed_by_thi_holds_no_subject():
    # "Đối với …, … thì …": the bodies inside the clause are not the subject (real case: CT 07/CT-TTg 2012, 8.g)
    doc = extract(_doc("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", [
        "Đối với các địa phương chưa ban hành quy chế phối hợp giữa Ban Quản lý khu kinh tế với các sở, ngành, Ủy ban "
        "nhân dân các cấp và các đơn vị liên quan thì cần sớm ban hành quy chế này.",
        "Trường hợp phát hiện doanh nghiệp vi phạm thì Sở Công Thương chủ trì xử lý theo quy định."]))
    assert [_texts(t.leads) for t in doc.tasks] == [["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"],
                                                   ["Sở Công Thương"]]


def test_party_bodies_and_bodies_named_by_their_proper_name():
    # Party committees lead as bodies of the province (real case: Lào Cai CV 2449-CV/ĐU 2026, CTr 104-CTr/TU)
    roles = read_roles("Ban Thường vụ Tỉnh ủy lãnh đạo, chỉ đạo các cấp ủy đảng thực hiện.")
    assert _texts(roles.leads) == ["Ban Thường vụ Tỉnh ủy"] and _texts(roles.directs) == ["các cấp ủy đảng"]
    assert [m.canonical for m in roles.leads + roles.directs] == ["ban_thuong_vu_tinh_uy", "cap_uy"]
    assert roles.leads[0].locality
    assert _texts(read_roles("Các cấp ủy, chính quyền địa phương chủ trì tổ chức tuyên truyền.").leads) == \
        ["Các cấp ủy", "chính quyền địa phương"]
    # a newspaper, a review, an office named by their proper names are bodies of their own, one after another
    roles = read_roles("Trung tâm Truyền thông tỉnh, Báo Hà Nam, Tạp chí Văn nghệ chủ trì tuyên truyền; Văn phòng "
                       "Đăng ký đất đai phối hợp với Hội Nhà báo tỉnh cung cấp thông tin, báo cáo Sở Tài chính.")
    assert _texts(roles.leads) == ["Trung tâm Truyền thông tỉnh", "Báo Hà Nam", "Tạp chí Văn nghệ"]
    assert _texts(roles.coordinators) == ["Hội Nhà báo tỉnh"]
    # in a table cell with the abbreviated names (real case: KH 09/KH-BTNMT 2024, appendix rows 8-9)
    assert _texts(read_roles("Trung tâm Truyền thông TN&MT, Báo TN&MT, Tạp chí TN&MT chủ trì.").leads) == \
        ["Trung tâm Truyền thông Tài nguyên và Môi trường", "Báo Tài nguyên và Môi trường",
         "Tạp chí Tài nguyên và Môi trường"]
    # a board of a Party committee (real case: Lào Cai CV 2449-CV/ĐU 2026, closing paragraph)
    assert _texts(read_roles("Giao Ban xây dựng đảng Đảng ủy chủ trì, hướng dẫn các cấp ủy thực hiện.").leads) == \
        ["Ban xây dựng đảng Đảng ủy"]
    # … never the common words ("báo cáo" is a report)
    assert _texts(read_roles("Sở Y tế phối hợp với Sở Tài chính, Báo cáo kết quả.").coordinators) == ["Sở Tài chính"]


def test_associations_are_a_group_after_an_article():
    # real case: QĐ 232/QĐ-TTg 2025 Điều 1.V.6 heading 'Liên đoàn Thương mại và Công nghiệp Việt Nam, các Hiệp hội và
    # doanh nghiệp': the associations and enterprises lead its items too
    roles = read_roles("Liên đoàn Thương mại và Công nghiệp Việt Nam, các Hiệp hội và doanh nghiệp")
    assert _texts(roles.leads) == ["Liên đoàn Thương mại và Công nghiệp Việt Nam", "các Hiệp hội và doanh nghiệp"]
    assert _texts(read_roles("Sở Công Thương phối hợp với các hiệp hội ngành hàng tổ chức hội chợ.").coordinators) \
        == ["các hiệp hội ngành hàng"]


def test_a_stock_exchange_is_no_provincial_department():
    # real case: QĐ 232/QĐ-TTg 2025 Điều 1.III.4.a and appendix rows III.6-7: the central tasks read as reaching the
    # provinces through a 'Sở …'
    roles = read_roles("Bộ Tài chính chỉ đạo Sở Giao dịch chứng khoán Việt Nam và Tổng Công ty Lưu ký và Bù trừ chứng "
                       "khoán Việt Nam thực hiện.")
    assert [m.canonical for m in roles.directs] == ["so_giao_dich_chung_khoan", "tong_cong_ty_luu_ky"]
    assert not any(m.locality for m in roles.directs)
    lead = read_roles("Sở Giao dịch chứng khoán Hà Nội xây dựng sàn giao dịch.").leads[0]
    assert (lead.level, lead.locality) == ("central", False)


def test_a_bare_ministries_and_sectors_pair_is_one_group():
    # real case: CT 07/CT-TTg 2012 1.a ('phối hợp với Bộ, ngành liên quan' read as 'Bộ' and 'ngành liên quan')
    assert _texts(read_roles("Bộ Kế hoạch và Đầu tư chủ trì, phối hợp với Bộ, ngành liên quan rà soát.").coordinators) \
        == ["Bộ, ngành liên quan"]
    assert _texts(read_roles("Sở Tài chính phối hợp với Sở Công Thương, ngành điện lực thực hiện.").coordinators) \
        == ["Sở Công Thương", "ngành điện lực"]


def test_ministries_and_ministerial_agencies_are_one_group():
    # real case: NĐ 25/2026/NĐ-CP 4.11 ('Bộ, cơ quan ngang bộ, các cơ quan, tổ chức khác …' read as 'Bộ', 'cơ quan
    # ngang bộ', …): the fixed pair names one class of bodies, as 'Bộ, ngành' does
    roles = read_roles("Bộ, cơ quan ngang bộ, các cơ quan, tổ chức khác trong phạm vi nhiệm vụ, quyền hạn của mình có "
                       "trách nhiệm phối hợp thực hiện.")
    assert _texts(roles.leads) == ["Bộ, cơ quan ngang bộ", "các cơ quan, tổ chức khác"]
    assert _texts(read_roles("Bộ Tài chính, cơ quan ngang bộ khác thực hiện.").leads) == [
        "Bộ Tài chính", "cơ quan ngang bộ khác"]


def test_organisations_and_enterprises_open_a_group_as_organisations_and_individuals_do():
    # real case: NĐ 181/2024/NĐ-CP 13.1 and 15.4 ('Tổ chức, doanh nghiệp sử dụng kho vật liệu nổ công nghiệp phải
    # thực hiện:' had no lead)
    assert _texts(read_heading_roles("Tổ chức, doanh nghiệp quản lý tiền chất thuốc nổ có trách nhiệm:").leads) == [
        "Tổ chức, doanh nghiệp quản lý tiền chất thuốc nổ"]
    assert _texts(read_roles("Tổ chức, doanh nghiệp sử dụng kho vật liệu nổ công nghiệp phải thực hiện:").leads) == [
        "Tổ chức, doanh nghiệp sử dụng kho vật liệu nổ công nghiệp"]


def test_a_party_committee_takes_its_place_name_at_once():
    # the form of the Lào Cai letters (CV 9387/UBND-KT, CV 2449-CV/ĐU 2026: '… của Tỉnh ủy Lào Cai'); the place name
    # was left over and ended a list of bodies
    roles = read_roles("Đề nghị Tỉnh ủy Lào Cai, Thành đoàn Hà Nội, Ban Thường vụ Tỉnh ủy Hà Nam chỉ đạo thực hiện.")
    assert _texts(roles.leads) == ["Tỉnh ủy Lào Cai", "Thành đoàn Hà Nội", "Ban Thường vụ Tỉnh ủy Hà Nam"]
    assert [m.canonical for m in roles.leads] == ["tinh_uy", "tinh_doan", "ban_thuong_vu_tinh_uy"]


@pytest.mark.parametrize("text, value", [
    # the time column of a task table read into the row's text (real case: appendix of QĐ 232/QĐ-TTg 2025)
    ("Xây dựng quy định về đấu giá hạn ngạch (Thời gian thực hiện/ hoàn thành: 2028)", "2028"),
    ("Thiết lập hệ thống đăng ký quốc gia (Thời gian thực hiện/ hoàn thành: 2025 - 2030)", "2025/2030"),
    ("Rà soát quy hoạch chợ (Tiến độ: Tháng 6/2035)", "2035-06"),
])
def test_the_time_column_of_a_task_table_is_a_deadline(text, value):
    assert [d.value for d in find_deadlines(text)] == [value]


def test_state_groups_are_bodies_by_name_and_a_group_after_an_article():
    # Prime Minister's decisions and directives assign work to the state groups by name ('Tập đoàn Điện lực Việt
    # Nam') or as a group ('các tập đoàn, tổng công ty nhà nước')
    roles = read_roles("Sở Công Thương phối hợp với Tập đoàn Điện lực Việt Nam, Tập đoàn Dầu khí Việt Nam thực hiện.")
    assert _texts(roles.coordinators) == ["Tập đoàn Điện lực Việt Nam", "Tập đoàn Dầu khí Việt Nam"]
    roles = read_roles("Ủy ban Quản lý vốn nhà nước tại doanh nghiệp chỉ đạo các tập đoàn, tổng công ty nhà nước thực hiện.")
    assert _texts(roles.directs) == ["các tập đoàn, tổng công ty nhà nước"]


def test_a_clause_printed_as_its_holders_name_is_led_by_the_subject_of_its_paragraph():
    # real case: NĐ 29/2026/NĐ-CP 33.2 "Bộ Tài chính:" / "Bộ trưởng Bộ Tài chính hướng dẫn …"
    doc = extract(_doc("Trách nhiệm quản lý", ["Bộ Xây dựng:\nBộ trưởng Bộ Xây dựng hướng dẫn giám sát giao dịch.",
                                               "Bộ Tài chính:\nHướng dẫn chế độ thu phí giao dịch."]))
    assert [_texts(t.leads) for t in doc.tasks] == [["Bộ trưởng Bộ Xây dựng"], ["Bộ Tài chính"]]
    task = doc.tasks[0]
    assert all(task.text[m.start:m.end] == m.text for m in task.leads)


@pytest.mark.parametrize("text, leads", [
    # a time limit opens the clause; the subject follows its comma (real case: NĐ 29/2026/NĐ-CP 11.3)
    ("Trong ngày hoàn tất việc đăng ký chứng chỉ trên hệ thống, Bộ Xây dựng gửi danh sách cho sàn giao dịch.",
     ["Bộ Xây dựng"]),
    ("Trong thời hạn 05 ngày làm việc kể từ ngày nhận được hồ sơ, Chủ tịch Ủy ban nhân dân cấp tỉnh phê duyệt dự án.",
     ["Chủ tịch Ủy ban nhân dân cấp tỉnh"]),
    # "trên cơ sở" after an open name opens an adverbial, not a qualifier (real case: NĐ 180/2026/NĐ-CP 11.1.b)
    ("Ủy ban nhân dân cấp tỉnh trên cơ sở thông báo của Bộ Xây dựng có trách nhiệm phân bổ chỉ tiêu cho các xã.",
     ["Ủy ban nhân dân cấp tỉnh"]),
    # the exchanges a report comes from are no subject; the regulator after them is (real case: NĐ 29/2026/NĐ-CP
    # 33.3.a), and an exchange's name ends before its verb (29.1, 30.1)
    ("Trên cơ sở báo cáo giám sát của Sở Giao dịch chứng khoán Việt Nam, Sở Giao dịch chứng khoán Hà Nội về các giao "
     "dịch bất thường, Ủy ban Chứng khoán Nhà nước chủ trì kiểm tra.", ["Ủy ban Chứng khoán Nhà nước"]),
    ("Sở Giao dịch chứng khoán Hà Nội tạm ngừng một phần hoặc toàn bộ hoạt động giao dịch.",
     ["Sở Giao dịch chứng khoán Hà Nội"]),
    # a comma after a bare head ("của bộ, ngành khác …") goes on with the adverbial's list of bodies, in lower case
    # (real case: NĐ 15/2018/NĐ-CP 41.5)
    ("Khi phát hiện sản phẩm thuộc lĩnh vực quản lý của bộ, ngành khác vi phạm và có nguy cơ gây hại cho người "
     "tiêu dùng, Bộ Y tế chủ trì thanh tra.", ["Bộ Y tế"]),
    ("Trên cơ sở đề xuất của các sở, ngành, Ủy ban nhân dân tỉnh phê duyệt danh mục.", ["Ủy ban nhân dân tỉnh"]),
    # the year a clause is due in opens it (real case: QĐ 22/2013/QĐ-TTg 7.1, 7.2)
    ("Trong năm 2035, Ủy ban nhân dân các tỉnh ven biển hoàn thành việc hỗ trợ nhà ở.",
     ["Ủy ban nhân dân các tỉnh ven biển"]),
    # a list of the bodies whose proposal it rests on, closed by "và", ends at its comma: the body after it is the
    # subject (real case: a city's plan for housing support, 2014, II.2.5)
    ("Trên cơ sở đề nghị của Sở Xây dựng và Sở Nội vụ, Sở Tài chính thẩm định dự toán kinh phí.", ["Sở Tài chính"]),
    # a body named as a document's issuer ("<Loại văn bản> … của <body>,") closes the document's name at its comma:
    # the body after it is the subject (real case: NQ 03/NQ-CP 2025, its programme III.1 and III.6)
    ("Trên cơ sở Nghị quyết số 12-NQ/TW của Bộ Chính trị, Kế hoạch của Ủy ban nhân dân tỉnh, các sở, ngành xây dựng "
     "kế hoạch thực hiện.", ["các sở, ngành"]),
    ("Trong quá trình thực hiện, nếu cần sửa đổi nội dung thuộc Kế hoạch của Ủy ban nhân dân tỉnh, các sở, ngành chủ "
     "động đề xuất gửi Sở Nội vụ.", ["các sở, ngành"]),
    # an opening basis may list its documents with a semicolon before the subject (real case: QĐ 334/QĐ-TTg 2023,
    # Điều 2 khoản 1)
    ("Trên cơ sở các nhiệm vụ tại Nghị quyết số 12/NQ-CP của Chính phủ; các giải pháp trong Đề án này, căn cứ chức "
     "năng, nhiệm vụ được giao, Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh có trách nhiệm xây dựng kế hoạch.",
     ["Bộ trưởng", "Chủ tịch Ủy ban nhân dân các tỉnh"]),
])
def test_decree_clause_subjects_after_time_limits_and_reports(text, leads):
    assert _texts(read_roles(text).leads) == leads


def test_a_later_clause_whose_subject_only_coordinates_adds_no_lead():
    # real case: NĐ 15/2018/NĐ-CP 41.3 ("Bộ Y tế, Bộ …, Bộ Công Thương có trách nhiệm chủ trì …, các bộ, ngành khác
    # có trách nhiệm phối hợp."); a subject charged with a duty of its own still leads
    roles = read_roles("Bộ Xây dựng, Bộ Công Thương có trách nhiệm chủ trì kiểm tra các kho chứa, các bộ, ngành khác "
                       "có trách nhiệm phối hợp.", later=True)
    assert _texts(roles.leads) == ["Bộ Xây dựng", "Bộ Công Thương"]
    roles = read_roles("Bộ Xây dựng lập kế hoạch kiểm tra. Các địa phương có trách nhiệm tổ chức thực hiện.", later=True)
    assert _texts(roles.leads) == ["Bộ Xây dựng", "Các địa phương"]


@pytest.mark.parametrize("text, leads, coordinators", [
    # the subject of a later clause whose verb is "phối hợp" coordinates the task: after ";", after a comma that
    # closes the lead's own clause, a group, after "có trách nhiệm" (real case: NĐ 15/2018/NĐ-CP 41.3)
    ("Sở Y tế chủ trì xây dựng kế hoạch; Sở Tài chính phối hợp.", ["Sở Y tế"], ["Sở Tài chính"]),
    ("Sở Xây dựng chủ trì thẩm định, Sở Tài chính, Sở Kế hoạch và Đầu tư phối hợp thực hiện.", ["Sở Xây dựng"],
     ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"]),
    ("Sở Nội vụ chủ trì rà soát biên chế; các sở, ngành liên quan phối hợp.", ["Sở Nội vụ"],
     ["các sở, ngành liên quan"]),
    ("Bộ Xây dựng, Bộ Công Thương có trách nhiệm chủ trì kiểm tra các kho chứa, các bộ, ngành khác có trách nhiệm "
     "phối hợp.", ["Bộ Xây dựng", "Bộ Công Thương"], ["các bộ, ngành khác"]),
    ("Sở Giáo dục và Đào tạo xây dựng kế hoạch. Ủy ban nhân dân các huyện phối hợp triển khai tại trường học.",
     ["Sở Giáo dục và Đào tạo"], ["Ủy ban nhân dân các huyện"]),
    # "phối hợp với X": X is the partner, as today; the subject before it is read as before
    ("Sở Y tế chủ trì xây dựng kế hoạch; Sở Tài chính phối hợp với Ủy ban nhân dân các huyện rà soát kinh phí.",
     ["Sở Y tế"], ["Ủy ban nhân dân các huyện"]),
    # a body asked to "phối hợp" leads what it is asked to do
    ("Sở Y tế xây dựng kế hoạch. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp.",
     ["Sở Y tế", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], []),
])
def test_a_later_clause_whose_subject_coordinates_names_coordinators(text, leads, coordinators):
    roles = read_task_roles(text)
    assert _texts(roles.leads) == leads
    assert _texts(roles.coordinators) == coordinators


@pytest.mark.parametrize("text, leads, coordinators", [
    ("Bộ Ngoại giao chủ trì, phối hợp các Bộ: Công an, Tài chính và các cơ quan liên quan đề xuất miễn thị thực.",
     ["Bộ Ngoại giao"], ["Bộ Công an", "Bộ Tài chính", "các cơ quan liên quan"]),  # (the list goes on after the names)
    ("Sở Nội vụ chủ trì, phối hợp Sở Tài chính, Sở Y tế rà soát biên chế.", ["Sở Nội vụ"], ["Sở Tài chính", "Sở Y tế"]),
    ("Sở Y tế phối hợp tổ chức tập huấn cho cán bộ.", ["Sở Y tế"], []),  # a verb after the cue names no one
])
def test_coordinators_after_phoi_hop_without_voi(text, leads, coordinators):
    roles = read_roles(text, later=True)
    assert [m.text for m in roles.leads] == leads
    assert [m.text for m in roles.coordinators] == coordinators


@pytest.mark.parametrize("text, coordinators, directs", [
    # the partner of the body directed is no coordinator of the lead (real cases: QĐ 22/2013/QĐ-TTg 8.1.d, 8.2.e; a
    # city's plan for housing support, 2014, II.2.3)
    ("Ủy ban nhân dân cấp huyện chỉ đạo Phòng Tài chính - Kế hoạch phối hợp với các phòng, ban có liên quan rà soát "
     "danh sách.", [], ["Phòng Tài chính - Kế hoạch"]),
    ("Bộ Nội vụ hướng dẫn thủ tục, chỉ đạo Sở Nội vụ các địa phương phối hợp với Sở Tư pháp trong quá trình thực "
     "hiện.", [], ["Sở Nội vụ các địa phương"]),
    # the press a propaganda body steers ("định hướng") works with its own partners (real case: a provincial Party
    # committee's resolution on industrial parks, 2025, IV.4)
    ("Ban Tuyên giáo Tỉnh ủy chỉ đạo công tác tuyên truyền, định hướng các cơ quan báo chí phối hợp với các địa "
     "phương đưa tin.", [], ["các cơ quan báo chí"]),
    # … but the lead's own partner is
    ("Sở Xây dựng chủ trì, phối hợp với Sở Tài chính hướng dẫn các địa phương thực hiện.", ["Sở Tài chính"],
     ["các địa phương"]),
])
def test_the_partner_of_a_directed_body_is_no_coordinator(text, coordinators, directs):
    roles = read_roles(text, later=True)
    assert [m.text for m in roles.coordinators] == coordinators
    assert [m.text for m in roles.directs] == directs


@pytest.mark.parametrize("text, lead", [
    ("Cục Hải quan yêu cầu đồng chí Chi cục trưởng Chi cục Hải quan khu vực I thực hiện các việc sau:",
     "Chi cục trưởng Chi cục Hải quan khu vực I"),
    ("Giao các đồng chí Giám đốc Sở Y tế chủ trì tổ chức thực hiện.", "Giám đốc Sở Y tế"),
])
def test_a_form_of_address_before_an_office_holder_is_no_part_of_the_name(text, lead):
    assert [m.text for m in read_roles(text, later=True).leads] == [lead]


def test_a_code_part_one_space_after_its_hyphen_stays_in_the_number():
    # OCR and PDF copies leave "11/CT- TTg"; a word after "- " is no code part
    found = find_citations("Thực hiện Chỉ thị số 7/CT- TTg ngày 02/3/2031 và Văn bản số 12/UBND- Sở Y tế đề nghị.")
    assert [(c.number, c.date) for c in found] == [("7/CT-TTg", "2031-03-02"), ("12/UBND", None)]


def test_coordinators_a_group_names_after_nhu():
    roles = read_roles("Sở Công Thương chủ trì, phối hợp với các đơn vị liên quan như: Sở Tài chính, Công an tỉnh "
                       "kiểm tra thị trường.", later=True)
    assert [m.text for m in roles.coordinators] == ["các đơn vị liên quan", "Sở Tài chính", "Công an tỉnh"]


def test_the_bodies_mobilised_are_directed_not_leads():
    # real case: HCM QĐ 3210/QĐ-UBND 2014 II.4.2.b (gold: the commune leads alone, no coordinators): the bodies a
    # lead mobilises ("vận động", a direct cue) with the ones a group means ("như …", bare names of the Front and
    # the mass organisations) do what they are mobilised to, they take no work of the plan
    roles = read_roles("Ủy ban nhân dân xã có trách nhiệm theo dõi việc sửa chữa nhà ở; vận động các tổ chức, đoàn "
                       "thể như Mặt trận Tổ quốc, Hội Nông dân, Đoàn Thanh niên Cộng sản Hồ Chí Minh giúp đỡ các hộ "
                       "nghèo sửa chữa nhà ở.", later=True)
    assert _texts(roles.leads) == ["Ủy ban nhân dân xã"]
    assert _texts(roles.directs) == ["các tổ chức, đoàn thể", "Mặt trận Tổ quốc", "Hội Nông dân",
                                     "Đoàn Thanh niên Cộng sản Hồ Chí Minh"]
    assert not roles.coordinators
    roles = read_roles("Sở Nội vụ chủ trì, tuyên truyền, vận động các tổ chức, cá nhân cung cấp thông tin.")
    assert _texts(roles.leads) == ["Sở Nội vụ"] and _texts(roles.directs) == ["các tổ chức, cá nhân"]
    # a list item under a heading for partners names the bare Front and an association by their proper names
    assert _texts(read_roles("Phối hợp với Mặt trận Tổ quốc và Hội Cựu chiến binh các cấp.").coordinators) == \
        ["Mặt trận Tổ quốc", "Hội Cựu chiến binh các cấp"]


def test_a_body_charged_after_a_condition_leads():
    # real case: HCM QĐ 3210/QĐ-UBND 2014 II.4.2.a: households build their own houses (no body), and "Trường hợp …
    # thì Ủy ban nhân dân xã … có trách nhiệm …" charges the commune, past a stop inside a parenthesis
    text = ("Các hộ nghèo sau khi nhận được kinh phí hỗ trợ thì tự sửa chữa nhà ở. Trường hợp hộ nghèo neo đơn (già "
            "cả, khuyết tật...) không tự sửa chữa được thì Ủy ban nhân dân xã có trách nhiệm tổ chức sửa chữa.")
    roles = read_roles(text, later=True)
    assert _texts(roles.leads) == ["Ủy ban nhân dân xã"] and roles.own_subject
    assert not read_roles(text).leads  # (a heading is read without its later clauses)
    # after a body's own sentence too
    assert _texts(read_roles("Sở Xây dựng lập danh sách. Trường hợp hộ nghèo không tự sửa chữa được thì Ủy ban nhân "
                             "dân xã có trách nhiệm tổ chức sửa chữa.", later=True).leads) == \
        ["Sở Xây dựng", "Ủy ban nhân dân xã"]
    # a comma inside a subject that is no body opens no clause; nor does a text of one sentence name a lead
    assert not read_roles("Các cấp, ngành chủ động xây dựng kế hoạch kiểm tra; kết quả gửi Sở Y tế.", later=True).leads


DELEGATION = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: 30/QĐ-UBND\nHà Nam, ngày 3 tháng 3 năm 2035\nQUYẾT ĐỊNH\n"
              "Về việc ủy quyền cho Giám đốc Sở Tài chính\nQUYẾT ĐỊNH:\n"
              "Điều 1. Ủy quyền cho Giám đốc Sở Tài chính thực hiện một số nhiệm vụ, quyền hạn của Ủy ban nhân dân "
              "tỉnh trong lĩnh vực giá.\n"
              "Điều 2. Tổ chức thực hiện\n"
              "1. Việc thực hiện nhiệm vụ được ủy quyền phải tuân thủ quy định của pháp luật chuyên ngành.\n"
              "2. Kinh phí thực hiện do ngân sách tỉnh bảo đảm theo quy định.\n"
              "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Tài chính chịu trách nhiệm thi hành Quyết "
              "định này./.\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Bình\n")


def test_a_clause_on_the_delegated_tasks_is_led_by_the_delegate():
    # real case: Lào Cai QĐ 1883/QĐ-UBND 2025 (draft) Điều 3.1, led in the gold by the director the tasks go to
    from pipeline.api import parse_text

    decision = parse_text(DELEGATION, role="provincial")
    assert _texts(decision.task("2.1").leads) == ["Giám đốc Sở Tài chính"]
    # two bodies delegated to: the clause names no one, so no lead is guessed
    two = parse_text(DELEGATION.replace("Điều 3.", "Điều 4.").replace(
        "Điều 2. Tổ chức thực hiện\n", "Điều 2. Ủy quyền cho Giám đốc Sở Xây dựng thực hiện một số nhiệm vụ trong lĩnh "
        "vực nhà ở.\nĐiều 3. Tổ chức thực hiện\n"), role="provincial")
    assert [_texts(t.leads) for t in two.tasks][:2] == [["Giám đốc Sở Tài chính"], ["Giám đốc Sở Xây dựng"]]
    assert _texts(two.task("3.1").leads) == []


def test_a_clause_on_decentralised_tasks_is_led_by_the_body_they_go_to():
    # "Phân cấp cho …" hands a power over as "Ủy quyền cho …" does (a phrase of both roles.yaml assign_frames and
    # power_transfers); "Giao cho …" only assigns, and a clause on the tasks it gives names no delegate
    from pipeline.api import parse_text

    text = DELEGATION.replace("Ủy quyền cho Giám đốc Sở Tài chính thực hiện", "Phân cấp cho Giám đốc Sở Tài chính "
                              "thực hiện").replace("nhiệm vụ được ủy quyền", "nhiệm vụ được phân cấp")
    assert _texts(parse_text(text, role="provincial").task("2.1").leads) == ["Giám đốc Sở Tài chính"]
    assigned = parse_text(text.replace("Phân cấp cho Giám đốc", "Giao cho Giám đốc"), role="provincial")
    assert _texts(assigned.task("2.1").leads) == []


# a department's letter handing out delegated work: each item is headed by the office holder (a deputy director
# named with the person) or the unit on a line of its own, the paragraph below names no subject
DEPUTY_HEADED_LETTER = """SỞ CÔNG THƯƠNG
Số: 310/SCT-VP
V/v thực hiện nhiệm vụ được ủy quyền trong lĩnh vực hóa chất

Kính gửi: Các phòng chuyên môn thuộc Sở.

Giám đốc Sở Công Thương yêu cầu các đơn vị, cá nhân thực hiện các nội dung sau:
1. Phó Giám đốc Sở - Trần Minh Đức
Trực tiếp chỉ đạo việc cấp giấy chứng nhận đủ điều kiện sản xuất hóa chất được ủy quyền.
2. Phòng Quản lý thương mại
Chủ trì, phối hợp với Văn phòng Sở tiếp nhận, thẩm định hồ sơ đề nghị cấp giấy chứng nhận.
"""


def test_an_office_holder_heading_leads_the_paragraph_under_it():
    from test_segment import parse_text

    tasks = {t.id: t for t in extract(parse_text(DEPUTY_HEADED_LETTER)).tasks}
    assert tasks["1"].text.startswith("Phó Giám đốc Sở - Trần Minh Đức\nTrực tiếp chỉ đạo")
    assert _texts(tasks["1"].leads) == ["Phó Giám đốc Sở - Trần Minh Đức"]  # not "… Đức Trực tiếp"
    assert _texts(tasks["2"].leads) == ["Phòng Quản lý thương mại"]
    assert _texts(tasks["2"].coordinators) == ["Văn phòng Sở"]


def test_a_holder_headings_introduction_gives_its_points_their_partners():
    # real case: Lào Cai CV 5085/SCT-VP 2025 item 2 ("2. Phòng Quản lý công nghiệp" / "Chủ trì, phối hợp với các
    # đơn vị liên quan tham mưu Lãnh đạo Sở …, bao gồm:" / "- Huấn luyện …" / "- Cấp …")
    from test_segment import parse_text

    letter = DEPUTY_HEADED_LETTER.replace(
        "Chủ trì, phối hợp với Văn phòng Sở tiếp nhận, thẩm định hồ sơ đề nghị cấp giấy chứng nhận.\n",
        "Chủ trì, phối hợp với Văn phòng Sở tham mưu Giám đốc Sở thực hiện các nhiệm vụ được ủy quyền, bao gồm:\n"
        "- Tiếp nhận, thẩm định hồ sơ đề nghị cấp giấy chứng nhận;\n"
        "- Kiểm tra điều kiện sản xuất hóa chất tại cơ sở.\n")
    tasks = {t.id: t for t in extract(parse_text(letter)).tasks}
    assert [tid for tid in tasks if tid.startswith("2")] == ["2.1", "2.2"]
    for tid in ("2.1", "2.2"):
        assert _texts(tasks[tid].leads) == ["Phòng Quản lý thương mại"]
        assert _texts(tasks[tid].coordinators) == ["Văn phòng Sở"]


ACTING_BODIES = ("CHÍNH PHỦ\nSố: 42/2035/NĐ-CP\nNGHỊ ĐỊNH\nQuy định về chi trả dịch vụ môi trường rừng thử nghiệm\n"
                 "Điều 1. Giải thích từ ngữ\n"
                 "1. Cơ quan chi trả là cơ quan được giao thực hiện việc chi trả tiền dịch vụ.\n"
                 "Điều 2. Chi trả tiền dịch vụ\n"
                 "1. Hợp đồng và mức chi trả\n"
                 "a) Bộ Nông nghiệp và Môi trường hướng dẫn mẫu hợp đồng chi trả;\n"
                 "b) Ủy ban nhân dân cấp tỉnh quyết định mức chi trả trên địa bàn;\n"
                 "c) Hợp đồng chi trả gồm giá, diện tích và thời hạn thanh toán.\n"
                 "2. Báo cáo và hồ sơ\n"
                 "a) Trước ngày 15 tháng 11 hằng năm, Quỹ Bảo vệ và phát triển rừng cấp tỉnh gửi báo cáo về Bộ Nông "
                 "nghiệp và Môi trường;\n"
                 "b) Ủy ban nhân dân cấp xã và tổ chức khác được Nhà nước giao trách nhiệm quản lý rừng lập danh sách "
                 "hộ nhận tiền;\n"
                 "c) Tổ chức, cá nhân đề nghị chi trả nộp hồ sơ tại Bộ phận Một cửa;\n"
                 "d) Đề nghị cơ quan chi trả kiểm tra hồ sơ của hộ nhận tiền.\n"
                 "3. Bộ Tài chính được sử dụng kinh phí quản lý theo quy định.\n"
                 "4. Hồ sơ chi trả gồm đơn và bản sao hợp đồng.\n"
                 "Điều 3. Trách nhiệm thi hành\n"
                 "Các Bộ trưởng, Chủ tịch Ủy ban nhân dân cấp tỉnh chịu trách nhiệm thi hành Nghị định này.\n")


def test_a_decree_clause_where_a_named_body_acts_is_a_provision():
    # real cases: NĐ 180/2026/NĐ-CP 13.1.b ('Ủy ban nhân dân cấp tỉnh ký hợp đồng …'), 16.1.b (an adverbial
    # opening, then the provincial forest fund), 16.5.d ('… và tổ chức khác được Nhà nước giao trách nhiệm quản lý
    # rừng gửi báo cáo …'): a body of the state as the subject of a verb of doing puts the work on it, no duty word
    # needed. Not a list of contents (2.1.c, 2.4), a regulated party's own step (2.2.c), a request frame (2.2.d),
    # a body that is no actor ('được sử dụng', 2.3) or a definition (1.1).
    from pipeline.api import parse_text

    decree = parse_text(ACTING_BODIES, role="central")
    assert [(p.id, _texts(p.leads)) for p in decree.provisions] == [
        ("2.1.a", ["Bộ Nông nghiệp và Môi trường"]),
        ("2.1.b", ["Ủy ban nhân dân cấp tỉnh"]),
        ("2.2.a", ["Quỹ Bảo vệ và phát triển rừng cấp tỉnh"]),
        ("2.2.b", ["Ủy ban nhân dân cấp xã", "tổ chức khác"]),
    ]
    assert decree.provisions[2].leads[0].locality and decree.provisions[2].localities
    assert [c.id for c in decree.other_clauses] == ["2.1.c", "2.2.c", "2.2.d", "2.3", "2.4"]
    assert [t.id for t in decree.tasks] == ["3"]


MINISTER_REGULATES = ("CHÍNH PHỦ\nSố: 43/2035/NĐ-CP\nNGHỊ ĐỊNH\nQuy định về dịch vụ thu gom thử nghiệm\n"
                      "Điều 1. Giải thích từ ngữ\n"
                      "1. Đơn vị thu gom là tổ chức được giao thực hiện việc thu gom.\n"
                      "Điều 2. Giá dịch vụ và hồ sơ\n"
                      "1. Giá dịch vụ\n"
                      "a) Giá dịch vụ gồm chi phí vận chuyển và chi phí xử lý;\n"
                      "b) Bộ trưởng Bộ Công Thương quy định phương pháp xác định giá dịch vụ;\n"
                      "c) Bộ trưởng Bộ Tài chính hướng dẫn việc hạch toán các khoản thu.\n"
                      "2. Hồ sơ\n"
                      "a) Hồ sơ gồm đơn đề nghị và bản sao hợp đồng;\n"
                      "b) Ủy ban nhân dân cấp xã sau khi nhận được hồ sơ hợp lệ có trách nhiệm niêm yết công khai.\n"
                      "Điều 3. Trách nhiệm thi hành\n"
                      "Các Bộ trưởng, Chủ tịch Ủy ban nhân dân cấp tỉnh chịu trách nhiệm thi hành Nghị định này.\n")


def test_a_minister_who_regulates_in_a_decree_clause_leads_it():
    # a statute hands a minister the rules to make ("Bộ trưởng Bộ Tài chính quy định các biện pháp xử lý …" in real
    # laws and decrees): "quy định" is a verb of doing (rules/roles.yaml stops), as "hướng dẫn" is; a body's
    # provision also when an adverbial clause ("sau khi …") parts it from its duty
    from pipeline.api import parse_text

    decree = parse_text(MINISTER_REGULATES, role="central")
    assert [(p.id, [m.canonical for m in p.leads]) for p in decree.provisions] == [
        ("2.1.b", ["bo_cong_thuong"]), ("2.1.c", ["bo_tai_chinh"]), ("2.2.b", ["ubnd_cap_xa"])]
    assert [c.id for c in decree.other_clauses] == ["2.1.a", "2.2.a"]
    # a group's name ends before the verb ("Các sở, ngành | quy định rõ …"); as a participle before a reference
    # it says which members are meant (group_qualifiers: "Các cơ sở quy định tại khoản 1 Điều 5 …")
    assert _texts(read_roles("Các sở, ngành quy định rõ trách nhiệm của từng đơn vị.").leads) == ["Các sở, ngành"]
    assert _texts(read_roles("Ủy ban nhân dân cấp tỉnh quy định mức hỗ trợ cụ thể.").leads) == [
        "Ủy ban nhân dân cấp tỉnh"]
    assert _texts(read_roles("Các đơn vị quy định tại Điều 3 có trách nhiệm báo cáo.").leads) == [
        "Các đơn vị quy định tại Điều 3"]


def test_an_amended_clause_is_led_by_the_subject_of_its_new_text():
    # real case: NĐ 119/2025/NĐ-CP 1.7.g ('Sửa đổi khoản 6 như sau: “6. Ủy ban nhân dân cấp tỉnh tiếp nhận, rà soát …”'),
    # 1.7.đ ('“4. Các cơ sở quy định tại khoản 1 Điều 5 Nghị định này có trách nhiệm: …'), which had no lead: the
    # formula names no one, the new text does; a new text that opens with a heading (a titled clause, a whole
    # article) is led by the bodies that open its points and clauses (NĐ 119 1.6.b, 1.8, 1.19)
    from test_segment import AMENDING_DECREE

    from pipeline.api import parse_text

    decree = parse_text(AMENDING_DECREE, role="central")
    assert [(p.id, _texts(p.leads)) for p in decree.provisions] == [
        ("1.2.a", ["Ủy ban nhân dân cấp tỉnh"]), ("1.2.b", ["Ủy ban nhân dân cấp tỉnh"]),
        ("1.3", ["Bộ Khoa học và Công nghệ", "Ủy ban nhân dân cấp tỉnh"])]
    facilities = parse_text(AMENDING_DECREE.replace("“4. Ủy ban nhân dân cấp tỉnh tiếp nhận", "“4. Các cơ sở quy định "
                                                    "tại khoản 1 Điều 5 Nghị định này có trách nhiệm tiếp nhận"))
    assert _texts(facilities.provisions[0].leads) == ["Các cơ sở quy định tại khoản 1 Điều 5 Nghị định này"]


def test_a_quoted_article_is_led_by_the_bodies_that_open_its_clauses():
    # real case: NĐ 119/2025/NĐ-CP 1.19 ('Sửa đổi Điều 21 như sau: “Điều 21. Trách nhiệm phát triển thị trường các-bon
    # 1. Bộ Tài chính chủ trì …'), which had no lead: the quoted article's title names no one, its clauses do; a
    # number inside a sentence ("khoản 2 Điều 5.") opens no clause, and a clause that names no one adds nothing
    from pipeline.api import parse_text

    decree = parse_text("""CHÍNH PHỦ
Số: 44/2031/NĐ-CP
NGHỊ ĐỊNH
Sửa đổi, bổ sung một số điều của Nghị định số 40/2031/NĐ-CP
Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 40/2031/NĐ-CP
1. Sửa đổi Điều 15 như sau:
“Điều 15. Trách nhiệm phát triển sàn giao dịch nông sản
1. Bộ Công Thương chủ trì xây dựng sàn giao dịch nông sản theo khoản 2 Điều 5. 2. Giai đoạn thí điểm kéo dài
đến hết năm 2032.
3. Các bộ, cơ quan ngang bộ, Ủy ban nhân dân cấp tỉnh có trách nhiệm phối hợp với Bộ Công Thương tuyên truyền về
sàn giao dịch nông sản.”
2. Bổ sung khoản 5a Điều 16 như sau:
“5a. Bộ Nội vụ chủ trì ban hành quy chuẩn an toàn lao động tại sàn giao dịch nông sản.”
Điều 2. Trách nhiệm thi hành
Các Bộ trưởng, Chủ tịch Ủy ban nhân dân cấp tỉnh chịu trách nhiệm thi hành Nghị định này.
""", role="central")
    assert [(p.id, _texts(p.leads)) for p in decree.provisions] == [
        ("1.1", ["Bộ Công Thương", "Các bộ, cơ quan ngang bộ", "Ủy ban nhân dân cấp tỉnh"]),
        ("1.2", ["Bộ Nội vụ"]),  # the inserted clause "5a." is read past its label, as "5." is
    ]
    assert decree.provisions[0].locality_role == "lead"


def test_bodies_joined_by_or_are_two_leads():
    # real case: NĐ 180/2026/NĐ-CP 16.2 ('Bộ trưởng Bộ Nông nghiệp và Môi trường hoặc thủ trưởng cơ quan chuyên môn
    # thuộc Bộ được giao phê duyệt …'): 'hoặc' was spelt 'họăc' in the matching form, so it never joined a list
    roles = read_roles("Chủ tịch Ủy ban nhân dân cấp tỉnh hoặc thủ trưởng cơ quan chuyên môn cấp tỉnh phê duyệt kế hoạch.")
    assert _texts(roles.leads) == ["Chủ tịch Ủy ban nhân dân cấp tỉnh", "thủ trưởng cơ quan chuyên môn cấp tỉnh"]


@pytest.mark.parametrize("text, lead", [
    # real cases: NĐ 25/2026/NĐ-CP 36.2, QĐ 232/QĐ-TTg: a list whose title holds 'phải', before the passive that
    # follows the title ('được ban hành tại …', 'do … ban hành được phân bổ …')
    ("Tổ chức, cá nhân có kho chứa thuộc danh mục kho phải lắp đặt thiết bị báo cháy, chữa cháy tự động được ban hành "
     "tại Phụ lục II Nghị định này có trách nhiệm kiểm tra thiết bị hằng quý.",
     "Tổ chức, cá nhân có kho chứa thuộc danh mục kho phải lắp đặt thiết bị báo cháy, chữa cháy tự động"),
    ("Các cơ sở thuộc Danh mục cơ sở phải kiểm kê khí nhà kính do Thủ tướng Chính phủ ban hành được phân bổ hạn ngạch.",
     "Các cơ sở thuộc Danh mục cơ sở phải kiểm kê khí nhà kính do Thủ tướng Chính phủ ban hành"),
    # no passive after it: the modal is the predicate
    ("Các cơ sở thuộc danh mục quy định tại Phụ lục I phải lập báo cáo kiểm kê theo mẫu.",
     "Các cơ sở thuộc danh mục quy định tại Phụ lục I"),
])
def test_a_subject_naming_a_list_takes_its_title_whole(text, lead):
    assert _texts(read_roles(text).leads) == [lead]


# ------------------------------------------------------------------ leads in provincial letters (real cases: Lào Cai
# letters of 2026 relaying a ministry's letter, a department's closing request, a letter to a ministry; NĐ 25/2026
# 36.5, 40.2; NĐ 181/2024 13.1.c)

@pytest.mark.parametrize("text, leads", [
    # a person addressed by name, then the title after a dash or a comma; a unit's head named with the unit
    ("Yêu cầu đồng chí Nguyễn Văn An - Phó Giám đốc Sở và Trưởng phòng Kế hoạch Tài chính nghiêm túc triển khai "
     "thực hiện.", ["Nguyễn Văn An - Phó Giám đốc Sở", "Trưởng phòng Kế hoạch Tài chính"]),
    ("Giao đ/c Trần Thị Lan, Phó Giám đốc Sở Y tế chủ trì tổ chức thực hiện.", ["Trần Thị Lan, Phó Giám đốc Sở Y tế"]),
    ("Yêu cầu đồng chí Phạm Văn Bình khẩn trương báo cáo.", ["Phạm Văn Bình"]),
])
def test_a_person_addressed_after_a_form_of_address_is_named_with_the_title(text, leads):
    assert _texts(read_roles(text, later=True).leads) == leads


def test_a_closing_request_to_a_named_deputy_is_led_by_those_addressed():
    # real case: a Sở letter of 2026 handing out delegated work; its closing was led by the "các đơn vị, cá nhân" of
    # the sentence introducing the list
    from fixtures import SIGNATURE
    from test_segment import parse_text

    letter = DEPUTY_HEADED_LETTER + (
        "Yêu cầu đồng chí Trần Minh Đức - Phó Giám đốc Sở và Trưởng phòng Quản lý thương mại nghiêm túc triển khai "
        "thực hiện. Trong quá trình thực hiện, nếu có vướng mắc, kịp thời báo cáo Giám đốc Sở xem xét./.\n") + SIGNATURE
    closing = {t.id: t for t in extract(parse_text(letter)).tasks}["closing"]
    assert _texts(closing.leads) == ["Trần Minh Đức - Phó Giám đốc Sở", "Trưởng phòng Quản lý thương mại"]


@pytest.mark.parametrize("text, leads, coordinators", [
    # real case: Lào Cai KH 134/KH-UBND (2026) VI.1 "Các Sở, ban, ngành; cơ quan, đơn vị tiến hành đánh giá …": the
    # two general nouns after the semicolon are one group, as with "các"
    ("Các Sở, ban, ngành; cơ quan, đơn vị tiến hành đánh giá, báo cáo kết quả.", ["Các Sở, ban, ngành", "cơ quan, đơn vị"],
     []),
    ("Sở Y tế phối hợp với cơ quan, đơn vị liên quan kiểm tra.", ["Sở Y tế"], ["cơ quan, đơn vị liên quan"]),
    # two different actors stay two: a head that holds its role, the heads of other actors
    ("Cơ quan chủ trì, đơn vị phối hợp báo cáo kết quả.", ["Cơ quan"], ["đơn vị"]),
    ("Bộ Công an phối hợp với quân đội, chính quyền địa phương kiểm tra.", ["Bộ Công an"],
     ["quân đội", "chính quyền địa phương"]),
])
def test_two_general_nouns_for_a_body_are_one_group_without_an_article(text, leads, coordinators):
    roles = read_task_roles(text)
    assert _texts(roles.leads) == leads
    assert _texts(roles.coordinators) == coordinators


def test_a_closing_that_names_no_one_takes_no_lead_from_the_list_introduction():
    # real case: Tổng cục Thuế CV 1046/TCT-TTKT (2020): "… yêu cầu đồng chí Cục trưởng Cục Thuế các tỉnh, thành phố
    # chỉ đạo triển khai thực hiện một số công việc như sau:" hands over items 1-4, not the closing "Trong quá trình
    # triển khai …, nếu có phát sinh vướng mắc đề nghị phản ánh về Tổng cục Thuế …"
    from fixtures import SIGNATURE
    from test_segment import parse_text

    letter = ("TỔNG CỤC THUẾ\nSố: 77/TCT-TTKT\nV/v tăng cường công tác kiểm tra thuế\n\n"
              "Kính gửi: Cục Thuế các tỉnh, thành phố.\n\n"
              "Tổng cục Thuế yêu cầu Cục Thuế các tỉnh, thành phố thực hiện một số công việc như sau:\n"
              "1. Rà soát kế hoạch kiểm tra năm tại trụ sở người nộp thuế.\n"
              "2. Nhập đầy đủ kết quả kiểm tra vào ứng dụng hằng tháng.\n"
              "Trong quá trình thực hiện, nếu có vướng mắc đề nghị phản ánh về Tổng cục Thuế để được hướng dẫn.\n"
              "Tổng cục Thuế yêu cầu Cục Thuế các tỉnh, thành phố nghiêm túc thực hiện./.\n") + SIGNATURE
    tasks = {t.id: t for t in extract(parse_text(letter)).tasks}
    assert _texts(tasks["1"].leads) == _texts(tasks["2"].leads) == ["Cục Thuế các tỉnh, thành phố"]
    assert tasks["closing"].leads == []


@pytest.mark.parametrize("text, leads", [
    # a report, then a request after a connective, after a comma, after a clause of purpose: the body asked leads
    ("Ủy ban nhân dân tỉnh đã ban hành Kế hoạch số 10/KH-UBND về phòng cháy. Vì vậy, đề nghị Bộ Xây dựng xem xét, "
     "hướng dẫn.", ["Bộ Xây dựng"]),
    ("Ủy ban nhân dân tỉnh đã ban hành Kế hoạch số 10/KH-UBND, đề nghị Bộ Xây dựng xem xét, hướng dẫn.",
     ["Bộ Xây dựng"]),
    ("Để tháo gỡ vướng mắc cho các doanh nghiệp, đề nghị Bộ Xây dựng sớm ban hành hướng dẫn.", ["Bộ Xây dựng"]),
    ("Sở Y tế chủ trì kiểm tra. Do đó, đề nghị các sở rà soát danh mục.", ["Sở Y tế", "các sở"]),
    # a commitment is work of its own; a report with nothing asked stays the subject
    ("Ủy ban nhân dân tỉnh sẽ tổ chức hội nghị, đề nghị Bộ Xây dựng hướng dẫn nội dung.",
     ["Ủy ban nhân dân tỉnh", "Bộ Xây dựng"]),
    ("Ủy ban nhân dân tỉnh đã ban hành Kế hoạch số 10/KH-UBND về phòng cháy.", ["Ủy ban nhân dân tỉnh"]),
    # after a condition the request is the subject's fallback, as after its own work
    ("Sở Y tế chủ trì kiểm tra. Trong quá trình thực hiện, nếu có khó khăn, đề nghị Ủy ban nhân dân tỉnh chỉ đạo.",
     ["Sở Y tế"]),
    ("Sở Công Thương tổng hợp khó khăn, vướng mắc, đề nghị Ủy ban nhân dân tỉnh chỉ đạo giải quyết.",
     ["Sở Công Thương"]),
])
def test_a_request_after_a_report_or_a_clause_of_purpose_hands_the_work_on(text, leads):
    assert _texts(read_roles(text, later=True).leads) == leads


@pytest.mark.parametrize("text, leads", [
    # the subject runs through its relative clause to the predicate …
    ("Các sở, ngành đã được giao nhiệm vụ tại Kế hoạch số 10/KH-UBND khẩn trương hoàn thành các nội dung.",
     ["Các sở, ngành đã được giao nhiệm vụ tại Kế hoạch số 10/KH-UBND"]),
    ("Sở Y tế chủ trì rà soát. Các sở, ngành đã được giao chủ trì các nhiệm vụ của Đề án phải báo cáo kết quả.",
     ["Sở Y tế", "Các sở, ngành đã được giao chủ trì các nhiệm vụ của Đề án"]),
    # … or, with no predicate opening in its clause, ends before the aspect word
    ("Các sở, ngành đã được giao nhiệm vụ tại Kế hoạch số 10/KH-UBND.", ["Các sở, ngành"]),
    ("Chủ đầu tư, tổ chức, cá nhân đã được phê duyệt Kế hoạch ứng phó sự cố có thay đổi quy mô nhưng không liên quan "
     "đến hóa chất nguy hiểm thì phải ban hành biện pháp.", ["Chủ đầu tư", "tổ chức, cá nhân"]),
])
def test_a_group_qualified_by_a_relative_clause_never_ends_with_an_aspect_word(text, leads):
    assert _texts(read_roles(text, later=True).leads) == leads
    roles = read_roles("Sở Công Thương phối hợp với các cơ quan đã được giao nhiệm vụ kiểm tra thị trường.")
    assert _texts(roles.coordinators) == ["các cơ quan"]


def test_a_letter_that_relays_a_ministry_letter_carries_it_out():
    found = find_implements("Ủy ban nhân dân tỉnh nhận được Văn bản số 1234/BYT-KCB ngày 02/4/2031 của Bộ Y tế về việc "
                            "kiểm tra cơ sở khám bệnh (gửi kèm theo); việc này, Chủ tịch Ủy ban nhân dân tỉnh có ý kiến "
                            "như sau: giao Sở Y tế thực hiện theo Kế hoạch số 5/KH-UBND.")
    assert [c.number for c in found] == ["1234/BYT-KCB"]
    # a report received, or a time limit counted from a dossier received, relays no document
    assert find_implements("Ủy ban nhân dân tỉnh nhận được phản ánh của doanh nghiệp về Kế hoạch số 5/KH-UBND.") == []
    assert find_implements("Trong 05 ngày kể từ ngày nhận được hồ sơ theo Nghị định số 7/2031/NĐ-CP, Sở trả lời.") == []


def test_a_request_among_a_holders_duties_is_the_holders():
    # real case: NĐ 181/2024/NĐ-CP 13.1.c ("Tổ chức, doanh nghiệp … có trách nhiệm:" / "c) Đề nghị cơ quan có thẩm
    # quyền … kiểm tra, cấp giấy chứng nhận …"); under a heading that only addresses a group the body asked leads
    from test_segment import parse_text

    plan = extract(parse_text(PLAN_HEADER + "I. NHIỆM VỤ\n1. Sở Công Thương có trách nhiệm:\n"
                              "a) Tổ chức huấn luyện an toàn cho doanh nghiệp;\n"
                              "b) Đề nghị Bộ Công Thương hướng dẫn nghiệp vụ kiểm tra.\n"
                              "2. Đối với các sở, ngành:\n"
                              "a) Đề nghị Sở Tài chính bố trí kinh phí huấn luyện;\n"
                              "b) Đề nghị Sở Nội vụ kiểm tra việc thực hiện.\n"
                              "3. Sở Xây dựng\n"
                              "- Yêu cầu các chủ đầu tư lắp đặt camera giám sát tại công trường;\n"
                              "- Kiểm tra việc lắp đặt.\n"))
    assert {t.id: _texts(t.leads) for t in plan.tasks} == {
        "I.1.a": ["Sở Công Thương"], "I.1.b": ["Sở Công Thương"], "I.2.a": ["Sở Tài chính"], "I.2.b": ["Sở Nội vụ"],
        "I.3.1": ["Sở Xây dựng"], "I.3.2": ["Sở Xây dựng"]}


def test_a_body_the_registry_does_not_know_keeps_its_place_in_a_list():
    # real case: Chỉ thị 11/CT-TTg III.2 as scanned ("…, Hội đoanh nghiệp nhỏ và vừa, các hội nghề nghiệp …"): the
    # unknown name was dropped, and one at the head of a list lost the whole list
    roles = read_roles("Đề nghị Liên minh Hợp tác xã Việt Nam, Phòng Thương mại và Công nghiệp Việt Nam tuyên truyền.")
    assert _texts(roles.leads) == ["Liên minh Hợp tác xã Việt Nam", "Phòng Thương mại và Công nghiệp Việt Nam"]
    roles = read_roles("Sở Y tế chủ trì, phối hợp với Vu Kế hoạch, Sở Tài chính thực hiện.")
    assert _texts(roles.leads) == ["Sở Y tế"]
    assert _texts(roles.coordinators) == ["Vu Kế hoạch", "Sở Tài chính"]
    # a capitalised adverbial at the opening is no body
    assert "Nhìn chung" not in _texts(read_roles("Nhìn chung, Sở Y tế rà soát hồ sơ.").leads)


def test_a_holder_that_hands_its_duty_on_leads_and_directs_the_body_it_gives_the_work():
    # real case: QĐ 22/2013/QĐ-TTg 8.2.d ("Trách nhiệm của Ủy ban nhân dân các tỉnh …" / "d) Giao Sở Lao động - Thương
    # binh và Xã hội … phối hợp với … rà soát …", "đ) Giao Sở Xây dựng là cơ quan thường trực của tỉnh …"): the
    # province hands the work on, as "Ủy ban nhân dân tỉnh giao …" does, also with a lead cue after the bodies
    from test_segment import parse_text

    plan = extract(parse_text(PLAN_HEADER + "I. NHIỆM VỤ\n1. Trách nhiệm của Ủy ban nhân dân các huyện\n"
                              "a) Giao Phòng Nội vụ phối hợp với các xã rà soát danh sách hộ được hỗ trợ;\n"
                              "b) Giao Phòng Tài chính - Kế hoạch chủ trì thẩm định dự toán;\n"
                              "c) Bố trí vốn đối ứng.\n"
                              "II. TỔ CHỨC THỰC HIỆN\n1. Giao Sở Xây dựng hướng dẫn thiết kế mẫu nhà ở.\n"))
    tasks = {t.id: t for t in plan.tasks}
    assert _texts(tasks["I.1.a"].leads) == ["Ủy ban nhân dân các huyện"]
    assert _texts(tasks["I.1.a"].directs) == ["Phòng Nội vụ"]
    assert _texts(tasks["I.1.b"].leads) == ["Ủy ban nhân dân các huyện"]
    assert _texts(tasks["I.1.b"].directs) == ["Phòng Tài chính - Kế hoạch"]
    assert _texts(tasks["I.1.c"].leads) == ["Ủy ban nhân dân các huyện"]
    # under a heading that charges no holder the body given the work leads
    assert _texts(tasks["II.1"].leads) == ["Sở Xây dựng"]


def test_a_request_under_a_duty_heading_that_names_no_holder_is_led_by_the_body_asked():
    # a plan's "I. NHIỆM VỤ" names no one whose duty the request could be: the body asked leads, as in a letter
    from test_segment import parse_text

    plan = extract(parse_text(PLAN_HEADER + "I. NHIỆM VỤ\n1. Đề nghị Sở Y tế tổ chức kiểm tra an toàn thực phẩm.\n"
                              "2. Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh tuyên truyền, vận động nhân dân.\n"
                              "II. TRÁCH NHIỆM CỦA SỞ CÔNG THƯƠNG\n"
                              "1. Đề nghị cơ quan có thẩm quyền kiểm tra, cấp giấy chứng nhận.\n"))
    assert {t.id: _texts(t.leads) for t in plan.tasks} == {
        "I.1": ["Sở Y tế"], "I.2": ["Ủy ban Mặt trận Tổ quốc tỉnh"], "II.1": ["SỞ CÔNG THƯƠNG"]}


def test_a_table_rows_lead_column_names_who_asks():
    # real case: the appendix of Lào Cai's plan on Chỉ thị 11-CT/TU 2026, row 5 ("Yêu cầu các đơn vị lắp đặt … |
    # Sở Nông nghiệp và Môi trường | …"): the body asked was read as the lead; a subject of the cell's own still wins
    row = read_task_roles("Yêu cầu các doanh nghiệp lắp đặt trạm cân tại mỏ | Sở Công Thương | Ủy ban nhân dân các xã "
                          "| Năm 2027")
    assert _texts(row.leads) == ["Sở Công Thương"]
    row = read_task_roles("Đề nghị các chủ mỏ báo cáo sản lượng (Cơ quan chủ trì: Sở Tài chính; Cơ quan phối hợp: "
                          "Thuế tỉnh; Thời gian hoàn thành: Hằng năm)")
    assert _texts(row.leads) == ["Sở Tài chính"]
    row = read_task_roles("Sở Y tế kiểm tra bếp ăn tập thể | Sở Công Thương | Ủy ban nhân dân các xã | Năm 2027")
    assert _texts(row.leads) == ["Sở Y tế"]


def test_the_rows_of_a_task_table_flattened_one_cell_a_line_give_leads_partners_and_deadlines():
    # (real case: QĐ 2200/QĐ-BNNMT 2026, Phụ lục: row 2.c cut by a page break, "Viện …, Cục" / "Lâm nghiệp và
    # Kiểm lâm"); the lead cell put back together names both bodies
    from test_normalize import FLAT_TABLE

    from pipeline.api import parse_text
    plan = parse_text(PLAN_HEADER + "I. NHIỆM VỤ\nCác nhiệm vụ tại Phụ lục kèm theo.\n" + FLAT_TABLE)
    rows = {t.id: t for t in plan.tasks if t.id.startswith("Bảng")}
    assert list(rows) == ["Bảng.1.1.a", "Bảng.1.1.b", "Bảng.1.2"]
    assert _texts(rows["Bảng.1.1.b"].leads) == ["Sở Tài chính", "Sở Nông nghiệp và Môi trường"]
    assert _texts(rows["Bảng.1.1.b"].coordinators) == ["Sở Công Thương"]
    assert [d.value for d in rows["Bảng.1.1.b"].deadlines] == ["2032"]
    assert _texts(rows["Bảng.1.1.a"].coordinators) == ["Sở Xây dựng", "Ủy ban nhân dân các xã"]
    assert _texts(rows["Bảng.1.2"].coordinators) == ["Công an tỉnh"]


def test_a_units_proper_name_after_its_head_and_title_may_open_with_a_verb():
    # (real case: QĐ 2200/QĐ-BNNMT 2026, Điều 3: "… Vụ trưởng Vụ Hợp tác quốc tế, Vụ trưởng Vụ Kế hoạch - Tài chính và
    # Thủ trưởng các cơ quan …" gave "Vụ trưởng Vụ" and lost the last holders)
    roles = read_task_roles("Chánh Văn phòng Bộ, Vụ trưởng Vụ Hợp tác quốc tế, Giám đốc Trung tâm Kiểm soát bệnh tật "
                            "và Thủ trưởng các đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.")
    assert _texts(roles.leads) == ["Chánh Văn phòng Bộ", "Vụ trưởng Vụ Hợp tác quốc tế",
                                   "Giám đốc Trung tâm Kiểm soát bệnh tật", "Thủ trưởng các đơn vị có liên quan"]


def test_a_group_named_by_its_qualifier_ends_at_the_verb_after_it():
    # (a subject_end cue later in the clause does not stretch a group its qualifier already names)
    roles = read_roles("Các bộ quản lý lĩnh vực đề xuất danh sách cơ sở được hỗ trợ căn cứ kết quả kiểm kê, gửi "
                       "Bộ Tài chính trước ngày 30 tháng 6.")
    assert _texts(roles.leads) == ["Các bộ quản lý lĩnh vực"]
    roles = read_roles("Cơ quan lập quy hoạch vùng căn cứ Chiến lược để xây dựng nội dung.")
    assert _texts(roles.leads) == ["Cơ quan lập quy hoạch vùng"]


def test_a_duty_worded_as_an_obligation_ends_the_subject():
    roles = read_roles("Tổ chức, cá nhân kinh doanh xăng dầu có nghĩa vụ lập sổ theo dõi hàng tồn kho.")
    assert _texts(roles.leads) == ["Tổ chức, cá nhân kinh doanh xăng dầu"]
    roles = read_roles("Các cơ quan, tổ chức tại địa phương có nghĩa vụ cung cấp số liệu.")
    assert _texts(roles.leads) == ["Các cơ quan, tổ chức tại địa phương"]


def test_a_period_or_a_starting_day_opens_an_adverbial_before_the_subject():
    roles = read_roles("Giai đoạn từ năm 2026 đến hết năm 2030, các cơ sở sản xuất thép có trách nhiệm báo cáo "
                       "lượng phát thải.")
    assert _texts(roles.leads) == ["các cơ sở sản xuất thép"]
    roles = read_roles("Kể từ ngày nhận đủ hồ sơ, cơ quan có thẩm quyền cấp giấy phép có trách nhiệm trả lời.")
    assert _texts(roles.leads) == ["cơ quan có thẩm quyền cấp giấy phép"]


def test_the_course_of_the_work_without_trong_opens_an_adverbial_before_the_subject():
    # real case: a provincial plan (Sơn La, QĐ 254/QĐ-UBND 2023) closes with "Quá trình thực hiện nếu có khó khăn …"
    # written without "Trong"; with its commas the clause had no lead
    roles = read_roles("Quá trình thực hiện, nếu có vướng mắc, các sở, ngành kịp thời phản ánh về Sở Tư pháp.")
    assert _texts(roles.leads) == ["các sở, ngành"]
    roles = read_roles("Quá trình triển khai, nếu có khó khăn, Sở Y tế báo cáo Ủy ban nhân dân tỉnh.")
    assert _texts(roles.leads) == ["Sở Y tế"]
    # as the subject of its own sentence it names no one
    assert not read_roles("Quá trình thực hiện phải bảo đảm công khai, minh bạch.").leads


def test_a_condition_closed_without_its_comma_does_not_hide_the_subject():
    # "nếu có khó khăn, vướng mắc" often runs straight on into the main clause: its comma between the troubles parted
    # "các cơ quan, | đơn vị" instead, and the request frame after it was lost (rules/roles.yaml condition_ends)
    roles = read_roles("Trong quá trình thực hiện nếu có khó khăn, vướng mắc các cơ quan, đơn vị kịp thời báo cáo Sở "
                       "Tư pháp để tổng hợp.")
    assert _texts(roles.leads) == ["các cơ quan, đơn vị"]
    roles = read_roles("Quá trình thực hiện nếu có vướng mắc phát sinh các sở, ngành báo cáo Sở Nội vụ.")
    assert _texts(roles.leads) == ["các sở, ngành"]
    roles = read_roles("Trong quá trình thực hiện nếu có khó khăn, vướng mắc đề nghị các đơn vị phản ánh về Sở Y tế.")
    assert _texts(roles.leads) == ["các đơn vị"]
    # a trouble the clause is about, followed by its own words, opens nothing
    roles = read_roles("Trong quá trình giải quyết khó khăn cho doanh nghiệp, Sở Công Thương chủ trì.")
    assert _texts(roles.leads) == ["Sở Công Thương"]


def test_a_duty_clause_whose_subject_no_head_announces_is_led_by_the_words_before_its_duty():
    # real cases: NĐ 119/2025/NĐ-CP 1.5.c ('“6. Cơ sở quy định tại khoản 1 Điều 5 …, đơn vị thẩm định … có trách
    # nhiệm …'), 1.25.c ('“5. Nhà sản xuất, nhập khẩu thiết bị … có trách nhiệm …'), NĐ 25/2026 34.4.c ('Hội đồng
    # thẩm định có trách nhiệm …'), NĐ 29 4.3 ('Các chủ thể tham gia giao dịch … có trách nhiệm': "giao dịch" is
    # one word, no "giao"), which had no lead. Not a clause whose predicate runs on after a comma, nor one about a
    # thing ("… phải …": no responsibility cue)
    from pipeline.api import parse_text

    decree = parse_text("""CHÍNH PHỦ
Số: 51/2031/NĐ-CP
NGHỊ ĐỊNH
Quy định về kinh doanh nông sản
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định về kinh doanh nông sản.
Điều 2. Thẩm định và giao dịch
1. Hội đồng thẩm định có trách nhiệm đánh giá hồ sơ trong thời hạn 10 ngày.
2. Nhà sản xuất, nhập khẩu máy sấy nông sản có công suất dưới 40 kW (50.000 BTU/h) có trách nhiệm thu gom máy hỏng.
3. Các chủ thể tham gia giao dịch trên sàn nông sản có trách nhiệm tìm hiểu quy định.
4. Kho nông sản phải bảo đảm điều kiện phòng cháy.
5. Sửa đổi khoản 3 Điều 7 như sau:
“3. Cơ sở quy định tại khoản 1 Điều 5, đơn vị kiểm định quy định tại Điều 9 có trách nhiệm lưu giữ số liệu.”
6. Phân cấp gắn với quyền hạn của cấp xã, bảo đảm quản lý thống nhất và tự chịu trách nhiệm của địa phương.
Điều 3. Trách nhiệm thi hành
Các Bộ trưởng, Chủ tịch Ủy ban nhân dân cấp tỉnh chịu trách nhiệm thi hành Nghị định này.
""", role="central")
    leads = {p.id: _texts(p.leads) for p in decree.provisions}
    assert leads["2.1"] == ["Hội đồng thẩm định"]
    assert leads["2.2"] == ["Nhà sản xuất, nhập khẩu máy sấy nông sản có công suất dưới 40 kW (50.000 BTU/h)"]
    assert leads["2.3"] == ["Các chủ thể tham gia giao dịch trên sàn nông sản"]
    assert leads["2.4"] == []
    assert leads["2.5"] == ["Cơ sở quy định tại khoản 1 Điều 5, đơn vị kiểm định quy định tại Điều 9"]
    assert leads.get("2.6", []) == []


def test_a_group_described_by_a_clause_naming_its_agent_runs_to_the_predicate_after_the_clause():
    # real case: NĐ 181/2024/NĐ-CP 6.1 ('Cơ quan có thẩm quyền do Bộ Công Thương quy định cấp giấy chứng nhận …,
    # giấy phép sử dụng vật liệu nổ công nghiệp, … tổ chức kiểm tra, cấp …'), where the reader found no subject
    roles = read_roles("Cơ quan có thẩm quyền do Bộ Y tế quy định cấp giấy phép sản xuất, giấy phép sử dụng thiết bị "
                       "bức xạ tổ chức kiểm tra, cấp chứng chỉ an toàn bức xạ cho nhân viên.")
    assert _texts(roles.leads) == ["Cơ quan có thẩm quyền do Bộ Y tế quy định cấp giấy phép sản xuất, giấy phép sử "
                                   "dụng thiết bị bức xạ"]
    # without a predicate after the clause the group ends as before
    roles = read_roles("Cơ quan do Bộ Y tế giao thẩm định hồ sơ.")
    assert _texts(roles.leads) == ["Cơ quan do Bộ Y tế"]


def test_a_request_to_a_registered_body_counts_whatever_verb_follows_its_name():
    # "cử" (send) opens no predicate in rules/roles.yaml stops, but a registered body's name ends by itself
    roles = read_roles("Sở Xây dựng chủ trì tổ chức đoàn kiểm tra. Đề nghị Bộ Công Thương cử đại diện tham gia đoàn "
                       "kiểm tra.", later=True)
    assert _texts(roles.leads) == ["Sở Xây dựng", "Bộ Công Thương"]


def test_a_group_qualified_by_what_its_members_manage_keeps_the_qualifier_and_the_list_goes_on():
    # "quản lý + object + chuyên ngành" after a group says which members are meant (rules/roles.yaml
    # group_qualifier_frames); the other actors of the list are leads too
    roles = read_task_roles("Các sở quản lý công trình giao thông chuyên ngành, Ủy ban nhân dân cấp xã, các doanh "
                            "nghiệp có trách nhiệm báo cáo định kỳ về Sở Xây dựng.")
    assert [m.text for m in roles.leads][:2] == ["Các sở quản lý công trình giao thông chuyên ngành",
                                                 "Ủy ban nhân dân cấp xã"]
    assert len(roles.leads) == 3
    # without the closing word "quản lý" opens the predicate; a mark or an article ends the object
    assert [m.text for m in read_task_roles("Các bộ quản lý chặt chẽ các dự án chuyên ngành, bảo đảm tiến độ.").leads] \
        == ["Các bộ"]
    assert [m.text for m in read_task_roles("Các bộ quản lý. chuyên ngành thực hiện việc công bố danh mục.").leads] \
        == ["Các bộ"]


def test_a_public_service_unit_keeps_the_word_cong_lap_in_its_name():
    # "công lập" (public) is one word: its second syllable is no "lập" (to draw up) ending the group's name
    roles = read_roles("Các đơn vị sự nghiệp công lập thuộc tỉnh rà soát, báo cáo số lượng người làm việc.")
    assert _texts(roles.leads) == ["Các đơn vị sự nghiệp công lập thuộc tỉnh"]


def test_an_adverbial_after_a_group_ends_its_name():
    # "đối với …" says for which matters the bodies act: no part of their name
    roles = read_roles("Các bộ, ngành đối với lĩnh vực quản lý nhà nước được giao rà soát, đề xuất sửa đổi quy định.")
    assert _texts(roles.leads) == ["Các bộ, ngành"]


@pytest.mark.parametrize("text, lead", [
    ("Cơ quan được Bộ Quốc phòng giao nhiệm vụ huấn luyện, kiểm tra chủ trì tổ chức kiểm tra, cấp giấy chứng nhận.",
     "Cơ quan được Bộ Quốc phòng giao nhiệm vụ huấn luyện, kiểm tra"),
    ("Cơ quan được giao lập quy hoạch có trách nhiệm lấy ý kiến các bộ, ngành.", "Cơ quan được giao lập quy hoạch"),
])
def test_a_body_described_by_the_work_it_was_given_is_named_with_it(text, lead):
    # the passive relative clause "được (X) giao …" belongs to the subject, which runs to its predicate
    assert _texts(read_roles(text).leads) == [lead]


def test_a_group_qualified_by_a_reference_ends_with_the_reference():
    # "cơ quan quy định tại Điều 6 Nghị định này" is the subject; "cấp lại …" is what it does
    roles = read_roles("Trong thời hạn 03 ngày làm việc, cơ quan quy định tại Điều 6 Nghị định này cấp lại giấy chứng "
                       "nhận cho người đề nghị.")
    assert _texts(roles.leads) == ["cơ quan quy định tại Điều 6 Nghị định này"]


def test_an_adverbial_of_discretion_ends_an_open_group():
    # real case: QĐ 419/QĐ-TTg 2017 Điều 1.6.d read the lead '… các tổ chức phi chính phủ và doanh nghiệp tùy'
    assert [m.text for m in read_roles("Các hội, hiệp hội và doanh nghiệp tùy theo chức năng, nhiệm vụ của mình, chủ "
                                       "động tham gia thực hiện Kế hoạch.").leads] == ["Các hội, hiệp hội và doanh nghiệp"]
    assert [m.text for m in read_roles("Các cơ quan, đơn vị tuỳ tình hình thực tế chủ động bố trí kinh phí.").leads] == [
        "Các cơ quan, đơn vị"]


def test_a_request_asks_the_parties_its_list_defines_by_their_duty():
    # genre of the real case Lào Cai CV 3320/SNNMT-CCMT 2026: the letter asks state bodies and the owners of the works
    # and projects a duty applies to ("Chủ các công trình phải …; Chủ dự án/cơ sở phải …"), which were dropped
    text = ("Để triển khai kịp thời các quy định về tài nguyên nước, Sở Nông nghiệp và Môi trường đề nghị Công an tỉnh; "
            "Ủy ban nhân dân các xã, phường; Chủ các công trình phải lắp đặt thiết bị quan trắc tự động trên địa bàn "
            "tỉnh; Chủ dự án/cơ sở phải đăng ký khai thác nước dưới đất và các tổ chức, cá nhân có liên quan nghiên "
            "cứu, thực hiện nghiêm các quy định.")
    assert _texts(read_roles(text).leads) == [
        "Công an tỉnh", "Ủy ban nhân dân các xã, phường",
        "Chủ các công trình phải lắp đặt thiết bị quan trắc tự động trên địa bàn tỉnh",
        "Chủ dự án/cơ sở phải đăng ký khai thác nước dưới đất", "các tổ chức, cá nhân có liên quan"]
    # the modal is what the group is asked to do when the list ends with it, or when the clause names a body
    assert _texts(read_roles("Đề nghị các cơ sở phải báo cáo kết quả về Sở trước ngày 15/5/2035.").leads) == \
        ["các cơ sở"]
    assert _texts(read_roles("Đề nghị các cơ sở phải báo cáo Sở Y tế và các cơ quan liên quan trước ngày 15/5.")
                  .leads) == ["các cơ sở"]
    # a slash between two lower-case words offers either ("dự án/cơ sở"); a số hiệu keeps its own
    assert _texts(read_roles("Chủ dự án/cơ sở có trách nhiệm nộp báo cáo theo Thông tư số 17/2022/TT-BTNMT.").leads) \
        == ["Chủ dự án/cơ sở"]


@pytest.mark.parametrize("text, leads", [
    # a request after a condition at the opening of a letter's paragraph: the bodies asked lead (real case: the
    # closing request of Lào Cai CV 3320/SNNMT-CCMT 2026 got the whole list of addressees)
    ("Trong quá trình triển khai thực hiện nếu có khó khăn, vướng mắc, đề nghị các cơ quan, đơn vị phản ánh về Sở "
     "Nông nghiệp và Môi trường để được hướng dẫn./.", ["các cơ quan, đơn vị"]),
    # a body that asks after an opening clause naming another body is the subject, not the next of a list
    ("Để có cơ sở tổng hợp báo cáo Ủy ban nhân dân tỉnh, Sở Tài chính đề nghị các đơn vị báo cáo tình hình thực "
     "hiện giá dịch vụ trước ngày 20/5/2035.", ["các đơn vị"]),
    ("Để thực hiện kiểm tra, báo cáo Ủy ban nhân dân tỉnh, Bộ Xây dựng trước ngày 20/5/2035, Sở Xây dựng chủ trì "
     "rà soát các công trình.", ["Sở Xây dựng"]),
])
def test_a_request_after_an_opening_clause_names_its_leads(text, leads):
    assert _texts(read_roles(text, later=True).leads) == leads


def test_the_particulars_of_an_item_give_its_lead_and_partners():
    # an item followed by its particulars, as segment folds them (see test_segment): the lead and coordinator
    # fields name them, the time field names no one
    doc = _doc("Nhiệm vụ cụ thể", ["Xây dựng cơ sở dữ liệu về y tế cơ sở.\n- Cơ quan chủ trì: Cục Quản lý khám, "
                                   "chữa bệnh.\n- Cơ quan phối hợp: Bộ Tài chính, Ủy ban nhân dân các tỉnh.\n"
                                   "- Thời gian thực hiện: năm 2036."])
    task = extract(doc).tasks[0]
    assert _texts(task.leads) == ["Cục Quản lý khám, chữa bệnh"]
    assert _texts(task.coordinators) == ["Bộ Tài chính", "Ủy ban nhân dân các tỉnh"]
    assert task.locality_role == "coordinator"
    assert fold(task.text[task.leads[0].start:task.leads[0].end]) == fold(task.leads[0].text)


@pytest.mark.parametrize("text, leads, coordinators", [
    ("Xây dựng Quy chế bảo vệ bí mật nhà nước trên địa bàn tỉnh (Giao Công an tỉnh chủ trì, phối hợp với Sở Tư "
     "pháp tham mưu).", ["Công an tỉnh"], ["Sở Tư pháp"]),
    ("Thành lập Đoàn kiểm tra việc chấp hành quy định tại các sở, ngành (Giao Sở Nội vụ tham mưu).",
     ["Sở Nội vụ"], []),
    # a note that hands nothing over leaves the item without lead
    ("Tổ chức rà soát danh mục bí mật nhà nước (khi có yêu cầu của Bộ Công an).", [], []),
])
def test_a_closing_note_that_hands_an_item_to_a_body_names_its_lead(text, leads, coordinators):
    # a provincial plan's item without subject ends with whom it is given to (real case: QĐ 254/QĐ-UBND Sơn La 2023)
    task = extract(_doc("Nội dung công tác", [text])).tasks[0]
    assert _texts(task.leads) == leads
    assert _texts(task.coordinators) == coordinators
    assert all(fold(task.text[m.start:m.end]) == fold(m.text) for m in task.leads)


@pytest.mark.parametrize("partners, coordinators", [
    ("Các đồn biên phòng", ["Các đồn biên phòng", "Tỉnh đoàn", "Hội Chữ thập đỏ tỉnh"]),
    ("Các tổ tự quản", ["Các tổ tự quản", "Tỉnh đoàn", "Hội Chữ thập đỏ tỉnh"]),
    ("Các nhóm tình nguyện", ["Tỉnh đoàn", "Hội Chữ thập đỏ tỉnh"]),
])
def test_the_particulars_beside_the_work_of_a_part_give_every_point_its_lead_and_partners(partners, coordinators):
    # a plan that states a part's work in one item and who leads it, who takes part and when in the items beside
    # it (real case: KH 252/KH-BCĐQG1237, 2013): every content point is led by the bodies under "Cơ quan chủ trì",
    # those under "Cơ quan phối hợp" take part; a listed body the list grammar cannot read ("Các nhóm tình
    # nguyện"; the border posts and the self-managed teams are registered now) leaves the others of the list read,
    # and a point with its own subject keeps it
    from test_segment import SIGNATURE, parse_text
    lines = [
        "II. NỘI DUNG, NHIỆM VỤ",
        "1. CÔNG TÁC TUYÊN TRUYỀN",
        "1.1. Nội dung, biện pháp",
        "a) Tổ chức hội nghị quán triệt Kế hoạch đến cơ sở;",
        "b) Hội Nông dân tỉnh vận động hội viên tham gia diễn tập.",
        "1.2. Cơ quan chủ trì, phối hợp",
        "a) Cơ quan chủ trì",
        "- Sở Thông tin và Truyền thông.",
        "- Ủy ban nhân dân các huyện.",
        "b) Cơ quan phối hợp",
        f"- {partners}; Tỉnh đoàn.",
        "- Hội Chữ thập đỏ tỉnh.",
        "1.3. Thời gian thực hiện: Từ tháng 5/2035 và thường xuyên.",
    ]
    doc = extract(parse_text(PLAN_HEADER + "\n".join(lines) + "\n" + SIGNATURE))
    first, second = doc.tasks
    assert _texts(first.leads) == ["Sở Thông tin và Truyền thông", "Ủy ban nhân dân các huyện"]
    assert _texts(first.coordinators) == coordinators
    assert first.locality_role == "lead"
    assert _texts(second.leads) == ["Hội Nông dân tỉnh"]


def test_a_name_the_document_establishes_is_read_whole_where_it_names_the_actor():
    # a plan has the communes set up a steering committee with a long name and later makes that committee act
    # (real case: HCM QĐ 3210/QĐ-UBND 2014, plan II.2): "thực hiện …" after "Ban Chỉ đạo" is its name, no predicate;
    # in a plan that sets up no such body the same words still read as today
    from test_segment import SIGNATURE, parse_text
    lines = [
        "II. TRÌNH TỰ THỰC HIỆN",
        "1. Bước 1: Thành lập Ban Chỉ đạo thực hiện cấp nước sạch cho hộ nghèo:",
        "Ủy ban nhân dân xã thành lập Ban Chỉ đạo thực hiện cấp nước sạch cho hộ nghèo, gồm đại diện Mặt trận Tổ quốc"
        " cấp xã và Hội Nông dân xã.",
        "2. Bước 2: Rà soát danh sách hộ:",
        "Ban Chỉ đạo thực hiện cấp nước sạch cho hộ nghèo tổ chức rà soát danh sách hộ nghèo chưa có nước sạch.",
        "3. Ban Chỉ đạo thực hiện cấp nước sạch cho hộ nghèo chủ trì, phối hợp với Hội Nông dân xã tuyên truyền.",
    ]
    doc = extract(parse_text(PLAN_HEADER + "\n".join(lines) + "\n" + SIGNATURE))
    name = "Ban Chỉ đạo thực hiện cấp nước sạch cho hộ nghèo"
    assert [_texts(t.leads) for t in doc.tasks] == [["Ủy ban nhân dân xã"], [name], [name]]
    assert _texts(doc.tasks[2].coordinators) == ["Hội Nông dân xã"]
    lead = doc.tasks[1].leads[0]
    assert doc.tasks[1].text[lead.start:lead.end] == name
    unset = extract(parse_text(PLAN_HEADER + "\n".join(lines[:1] + lines[3:]) + "\n" + SIGNATURE))
    assert _texts(unset.tasks[0].leads) == ["Ban Chỉ đạo"]


@pytest.mark.parametrize("text, names", [
    ("Ủy ban nhân dân xã thành lập Ban Chỉ đạo thực hiện cấp nước sạch cho hộ nghèo, gồm …",
     ("Ban Chỉ đạo thực hiện cấp nước sạch cho hộ nghèo",)),
    ("- Kiện toàn Ban Chỉ đạo phòng, chống thiên tai cấp xã để chỉ đạo ứng phó.",
     ("Ban Chỉ đạo phòng, chống thiên tai cấp xã",)),
    ("Thành lập Ban Chỉ đạo cấp huyện, Tổ giúp việc Ban Chỉ đạo; kiện toàn Ban Chỉ đạo cấp xã, tổ chức họp định kỳ.",
     ("Ban Chỉ đạo cấp huyện", "Ban Chỉ đạo cấp xã")),
    ("Thành lập Ban Chỉ đạo ở các huyện (gọi tắt là Ban Chỉ đạo 09 cấp huyện) do Phó Chủ tịch làm Trưởng ban.",
     ("Ban Chỉ đạo 09 cấp huyện", "Ban Chỉ đạo ở các huyện")),
    ("Tổ chức thành lập các hợp tác xã kiểu mới.", ()),  # no body's name: lower case, no head
    # a body named for short without a founding verb: the subject the parenthesis ends is a name too
    ("Ban Chỉ đạo phát triển du lịch cộng đồng của tỉnh (sau đây gọi là Ban Chỉ đạo du lịch) rà soát các điểm.",
     ("Ban Chỉ đạo phát triển du lịch cộng đồng của tỉnh", "Ban Chỉ đạo du lịch")),
    ("Ủy ban nhân dân tỉnh ban hành Quy chế hoạt động của Ban Chỉ đạo du lịch (sau đây gọi là Quy chế).", ()),
    # … wherever it stands: as a partner, past a list before it and the comma of a pair inside it
    ("Sở Y tế chủ trì, phối hợp với Sở Tài chính, Ban Chỉ đạo phòng, chống dịch bệnh của tỉnh (gọi tắt là Ban Chỉ "
     "đạo) kiểm tra.", ("Ban Chỉ đạo phòng, chống dịch bệnh của tỉnh", "Ban Chỉ đạo")),
    # a council ("hội đồng", a head only before a topic or in such a name) whose name holds a verb ("thẩm định")
    ("Hội đồng thẩm định giá đất của tỉnh (gọi tắt là Hội đồng) thẩm định phương án giá đất.",
     ("Hội đồng thẩm định giá đất của tỉnh",)),
])
def test_the_names_a_document_establishes(text, names):
    assert established_names([text]) == names


def test_a_column_heading_takes_the_role_of_the_cue_printed_first():
    # "Đơn vị phối hợp thực hiện" is the partners' column although "thực hiện" is also a lead word (real case: a Lào
    # Cai plan's task table "TT | Tên nhiệm vụ | Sở, ngành chủ trì tham mưu | Đơn vị phối hợp thực hiện | …")
    row = read_task_roles("Rà soát quy hoạch khoáng sản (Sở, ngành chủ trì tham mưu: Sở Nông nghiệp và Môi trường; Đơn "
                          "vị phối hợp thực hiện: Sở Xây dựng; Thời gian thực hiện: Năm 2035)")
    assert [m.text for m in row.leads] == ["Sở Nông nghiệp và Môi trường"]
    assert [m.text for m in row.coordinators] == ["Sở Xây dựng"]
    # a heading naming both roles is still the lead's
    both = read_task_roles("Kiểm tra an toàn (Cơ quan chủ trì, phối hợp: Sở Công Thương; Thời gian thực hiện: Quý II)")
    assert [m.text for m in both.leads] == ["Sở Công Thương"]


def test_a_body_named_for_short_is_read_by_its_whole_name_where_it_acts():
    # a plan names a committee for short at its first task ("… (sau đây gọi là …)", no "Thành lập" before it) and
    # later makes it act by its whole name (real case: NĐ 25/2026/NĐ-CP Điều 39, "Ban Chỉ đạo Quốc gia … (sau đây
    # gọi tắt là Ban Chỉ đạo)")
    from test_segment import SIGNATURE, parse_text
    name = "Ban Chỉ đạo phát triển du lịch cộng đồng của tỉnh"
    lines = [
        "I. NHIỆM VỤ",
        f"1. {name} (sau đây gọi là Ban Chỉ đạo du lịch) rà soát các điểm du lịch cộng đồng.",
        "2. Ban Chỉ đạo du lịch tổng hợp, báo cáo kết quả rà soát.",
        f"3. {name} kiểm tra định kỳ các điểm du lịch.",
    ]
    doc = extract(parse_text(PLAN_HEADER + "\n".join(lines) + "\n" + SIGNATURE))
    assert [_texts(t.leads) for t in doc.tasks] == [[name], ["Ban Chỉ đạo du lịch"], [name]]
    # named for short where it takes part, and leading by its whole name later; a council led by its defined name
    lines = [
        "I. NHIỆM VỤ",
        f"1. Sở Văn hóa chủ trì, phối hợp với {name} (gọi tắt là Ban Chỉ đạo du lịch) rà soát các điểm du lịch.",
        f"2. {name} kiểm tra định kỳ các điểm du lịch.",
        "3. Hội đồng thẩm định giá đất của tỉnh (gọi tắt là Hội đồng) thẩm định phương án giá đất cụ thể.",
    ]
    doc = extract(parse_text(PLAN_HEADER + "\n".join(lines) + "\n" + SIGNATURE))
    assert [(_texts(t.leads), _texts(t.coordinators)) for t in doc.tasks] == [
        (["Sở Văn hóa"], [name]), ([name], []), (["Hội đồng thẩm định giá đất của tỉnh"], [])]


@pytest.mark.parametrize("text, lead", [
    # an open name (a group, "Ủy ban nhân dân cấp tỉnh") ends before an administrative verb opening the predicate
    # (rules/roles.yaml stops); it ran on to the next stop word before (the duty NĐ 180/2026/NĐ-CP 18.4.b gives
    # the provincial committee, "Đàm phán, ký kết hợp đồng …", written after its subject)
    ("Ủy ban nhân dân cấp tỉnh đàm phán, ký kết hợp đồng với bên mua.", "Ủy ban nhân dân cấp tỉnh"),
    ("Các sở, ngành liên quan sơ kết việc thực hiện kế hoạch.", "Các sở, ngành liên quan"),
    ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương thu thập số liệu về rừng.",
     "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"),
    ("Các cơ quan liên quan bàn giao hồ sơ cho Sở Tài chính.", "Các cơ quan liên quan"),
    ("Ủy ban nhân dân cấp xã tập huấn cho các tổ bảo vệ rừng.", "Ủy ban nhân dân cấp xã"),
    # a capital after the head still opens a proper name holding such a word
    ("Trung tâm Huấn luyện và Thi đấu thể thao tỉnh tổ chức giải.", "Trung tâm Huấn luyện và Thi đấu thể thao tỉnh"),
])
def test_an_open_name_ends_before_an_administrative_verb(text, lead):
    assert _texts(read_roles(text).leads) == [lead]


def test_the_parties_of_a_contract_and_the_parties_concerned_are_actors():
    # "bên + role" names a party of a contract or service, "chủ rừng" the forest owner, "các bên liên quan" the
    # parties concerned (rules/roles.yaml heads, plural_heads; rules/agencies.yaml to_chuc_ca_nhan): a lead may
    # coordinate with them (NĐ 180/2026/NĐ-CP 18.1.c, 18.4.b) and they may lead
    roles = read_roles("Ủy ban nhân dân cấp tỉnh đàm phán, ký kết hợp đồng; phối hợp với bên sử dụng dịch vụ xử lý "
                       "các vấn đề phát sinh theo thẩm quyền.")
    assert _texts(roles.leads) == ["Ủy ban nhân dân cấp tỉnh"]
    assert _texts(roles.coordinators) == ["bên sử dụng dịch vụ"]
    roles = read_roles("Sở Tài chính chủ trì, phối hợp với các bên liên quan xây dựng phương án.")
    assert _texts(roles.coordinators) == ["các bên liên quan"]
    roles = read_roles("Chủ rừng phối hợp với bên nhận khoán bảo vệ rừng thực hiện.")
    assert (_texts(roles.leads), _texts(roles.coordinators)) == (["Chủ rừng"], ["bên nhận khoán"])
    # a bare "bên" is no actor: "Bên cạnh đó" is an adverbial
    roles = read_roles("Sở Y tế chủ trì, phối hợp với các sở, ngành; bên cạnh đó tăng cường kiểm tra.")
    assert (_texts(roles.leads), _texts(roles.coordinators)) == (["Sở Y tế"], ["các sở, ngành"])


@pytest.mark.parametrize("text", [
    # a connective or a time adverbial opens the sentence before its subject (rules/roles.yaml adverbial_openers)
    "Ngoài ra, Sở Y tế chủ trì kiểm tra các cơ sở.",
    "Bên cạnh đó, Sở Y tế chủ trì kiểm tra các cơ sở.",
    "Đồng thời, Sở Y tế chủ trì kiểm tra các cơ sở.",
    "Cùng với đó, Sở Y tế chủ trì kiểm tra các cơ sở.",
    "Hằng quý, Sở Y tế tổng hợp kết quả kiểm tra.",
    "Chậm nhất ngày 15 tháng 12 hằng năm, Sở Y tế tổng hợp kết quả kiểm tra.",
    # a bare date too
    "Năm 2026, Sở Y tế hoàn thành việc kiểm tra các cơ sở.",
    "Quý III/2026, Sở Y tế hoàn thành việc kiểm tra các cơ sở.",
    "Cuối năm 2026, Sở Y tế tổng hợp kết quả kiểm tra.",
    "Tháng 6 hằng năm, Sở Y tế tổng hợp kết quả kiểm tra.",
])
def test_a_connective_opening_the_sentence_leaves_the_subject_after_its_comma(text):
    assert _texts(read_roles(text).leads) == ["Sở Y tế"]


def test_the_head_noun_printed_once_before_a_list_of_names():
    roles = read_roles("Sở Tài chính, Xây dựng, Công Thương phối hợp kiểm tra việc thực hiện.")
    assert _texts(roles.leads) == ["Sở Tài chính", "Sở Xây dựng", "Sở Công Thương"]
    roles = read_roles("Sở Xây dựng chủ trì, phối hợp với Sở Tài chính, Y tế và Giáo dục và Đào tạo kiểm tra.")
    assert _texts(roles.coordinators) == ["Sở Tài chính", "Sở Y tế", "Sở Giáo dục và Đào tạo"]
    # a name of its own, a lower-case verb or the noun printed again is no part of such a list
    assert _texts(read_roles("Sở Tài chính, Công an tỉnh phối hợp kiểm tra.").leads) == ["Sở Tài chính", "Công an tỉnh"]
    assert _texts(read_roles("Sở Tài chính, xây dựng kế hoạch kiểm tra.").leads) == ["Sở Tài chính"]
    assert _texts(read_roles("Sở Tài chính, Sở Xây dựng phối hợp.").leads) == ["Sở Tài chính", "Sở Xây dựng"]
    assert _texts(read_roles("Bộ Lao động, Thương binh và Xã hội chủ trì.").leads) == ["Bộ Lao động, Thương binh và Xã hội"]


def test_a_number_word_opening_a_sentence_is_no_date():
    assert _texts(read_roles("Năm nhiệm vụ trọng tâm gồm: kiểm tra, giám sát.").leads) == []


def test_a_connective_before_a_request_leaves_the_body_asked():
    assert _texts(read_roles("Ngoài ra, đề nghị Sở Tài chính bố trí kinh phí.").leads) == ["Sở Tài chính"]


@pytest.mark.parametrize("name", [
    # registered provincial bodies end by themselves: a word that opens a predicate inside them ("phát triển",
    # "bảo vệ") no longer cuts them ("Quỹ Đầu tư | phát triển tỉnh"), and a head the reader lacks ("Hạt", "Đồn",
    # "Bưu điện") no longer hides them
    "Quỹ Đầu tư phát triển tỉnh",
    "Chi cục Trồng trọt và Bảo vệ thực vật",
    "Hạt Kiểm lâm khu vực Bảo Yên",
    "Các đồn Biên phòng",
    "Bưu điện tỉnh",
])
def test_a_registered_provincial_body_is_read_whole(name):
    assert _texts(read_roles(f"{name} phối hợp với Sở Tài chính thực hiện.").leads) == [name]


@pytest.mark.parametrize("text, coordinators", [
    # a frame handing the work on ("Giao", "Đề nghị", "Yêu cầu") before the lead's clause: the clause after the comma
    # whose subject only coordinates still gives the coordinators, as without the frame
    ("Giao Sở Tài chính chủ trì, các sở, ngành liên quan phối hợp thực hiện.", ["các sở, ngành liên quan"]),
    ("Đề nghị Sở Tài chính chủ trì, Sở Xây dựng phối hợp tổ chức kiểm tra.", ["Sở Xây dựng"]),
    ("Giao Sở Tài chính chủ trì kiểm tra, Sở Xây dựng và các đơn vị liên quan phối hợp.",
     ["Sở Xây dựng", "các đơn vị liên quan"]),
    # a clause after the comma that takes work of its own is no coordination
    ("Giao Sở Tài chính chủ trì, Sở Xây dựng tổ chức kiểm tra.", []),
])
def test_a_coordinating_clause_after_a_handed_on_lead(text, coordinators):
    roles = read_task_roles(text)
    assert _texts(roles.leads) == ["Sở Tài chính"]
    assert _texts(roles.coordinators) == coordinators


@pytest.mark.parametrize("text, coordinators", [
    # "với sự phối hợp (chặt chẽ) của", "có sự phối hợp của" name the lead's partners (rules/roles.yaml
    # coordinator_cues), as "phối hợp với" does
    ("Sở Y tế chủ trì, với sự phối hợp của Sở Công Thương, Công an tỉnh kiểm tra.", ["Sở Công Thương", "Công an tỉnh"]),
    ("Sở Y tế tổ chức kiểm tra với sự phối hợp chặt chẽ của Công an tỉnh.", ["Công an tỉnh"]),
    ("Sở Y tế chủ trì, có sự phối hợp của các sở, ngành liên quan, tổ chức kiểm tra.", ["các sở, ngành liên quan"]),
])
def test_with_the_coordination_of_names_partners(text, coordinators):
    roles = read_task_roles(text)
    assert (_texts(roles.leads), _texts(roles.coordinators)) == (["Sở Y tế"], coordinators)


@pytest.mark.parametrize("text, leads, coordinators", [
    # one column for both roles, the role of each body in a parenthesis (rules/roles.yaml column_cues): the body
    # marked "(chủ trì)" leads, the others take part; a mark takes the bodies since the previous mark or semicolon
    ("Tuyên truyền Nghị định | Sở Nội vụ (chủ trì), các sở, ngành liên quan | Quý I/2035",
     ["Sở Nội vụ"], ["các sở, ngành liên quan"]),
    ("Tuyên truyền (Cơ quan thực hiện: Sở Nội vụ; Sở Tư pháp, Công an tỉnh (phối hợp); Thời gian: Quý I/2035)",
     ["Sở Nội vụ"], ["Sở Tư pháp", "Công an tỉnh"]),
    ("Sở Tài chính (chủ trì), Sở Xây dựng, Công an tỉnh (phối hợp) thực hiện kiểm tra.",
     ["Sở Tài chính"], ["Sở Xây dựng", "Công an tỉnh"]),
    # a note that names no role leaves the list as it is
    ("Sở Tài chính (cơ quan thường trực) chủ trì, phối hợp với Sở Xây dựng kiểm tra.", ["Sở Tài chính"], ["Sở Xây dựng"]),
])
def test_a_role_marked_in_a_parenthesis_after_a_body(text, leads, coordinators):
    roles = read_task_roles(text)
    assert (_texts(roles.leads), _texts(roles.coordinators)) == (leads, coordinators)


def test_a_table_cell_holding_a_parenthesis_still_gives_the_row_its_agencies():
    # a row as segment writes it, its cell holding a parenthesis of its own ("… (Cơ quan thực hiện: Sở Nội vụ (chủ
    # trì); …)"): the row had no lead at all before
    from test_segment import SIGNATURE, parse_text
    lines = [
        "I. NHIỆM VỤ CỤ THỂ",
        "| TT | Nội dung nhiệm vụ | Cơ quan thực hiện | Thời gian hoàn thành |",
        "| --- | --- | --- | --- |",
        "| 1 | Tuyên truyền, phổ biến Nghị định | Sở Nội vụ (chủ trì); các sở, ngành liên quan | Quý I/2035 |",
        "| 2 | Rà soát các văn bản | Sở Tư pháp (chủ trì), Sở Nội vụ (phối hợp) | Quý II/2035 |",
        "| 3 | Bố trí kinh phí | Sở Tài chính (cơ quan thường trực) | Hằng năm |",
    ]
    doc = extract(parse_text(PLAN_HEADER + "\n".join(lines) + "\n" + SIGNATURE))
    roles = [(_texts(t.leads), _texts(t.coordinators)) for t in doc.tasks]
    assert roles == [(["Sở Nội vụ"], ["các sở, ngành liên quan"]), (["Sở Tư pháp"], ["Sở Nội vụ"]),
                     (["Sở Tài chính"], [])]


def test_a_merged_lead_and_partner_column_written_as_clauses():
    # one column "Cơ quan chủ trì, phối hợp" whose cells are clauses: the subject of "chủ trì" leads, the bodies
    # that "phối hợp" (or whom the lead works with) take part; before, the partners were lost, or read as the lead
    # with the verb in their name ("các sở, ngành liên quan phối hợp")
    from test_segment import SIGNATURE, parse_text
    lines = [
        "I. NHIỆM VỤ CỤ THỂ",
        "| TT | Nội dung nhiệm vụ | Cơ quan chủ trì, phối hợp | Thời gian hoàn thành |",
        "| --- | --- | --- | --- |",
        "| 1 | Tuyên truyền, phổ biến Nghị định | Sở Nội vụ chủ trì; các sở, ngành liên quan phối hợp | Quý I/2035 |",
        "| 2 | Rà soát các văn bản | Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ | Quý II/2035 |",
        # … or as fields of their own: the cell's heading decides
        "| 3 | Bố trí kinh phí | - Chủ trì: Sở Tài chính; - Phối hợp: Kho bạc Nhà nước tỉnh | Hằng năm |",
    ]
    doc = extract(parse_text(PLAN_HEADER + "\n".join(lines) + "\n" + SIGNATURE))
    roles = [(_texts(t.leads), _texts(t.coordinators)) for t in doc.tasks]
    assert roles == [(["Sở Nội vụ"], ["các sở, ngành liên quan"]), (["Sở Tư pháp"], ["Sở Nội vụ"]),
                     (["Sở Tài chính"], ["Kho bạc Nhà nước tỉnh"])]


@pytest.mark.parametrize("text, leads, coordinators", [
    # the body's role in apposition after a comma (rules/roles.yaml appositions) is a note on it, no other body
    ("Sở Tài chính, cơ quan thường trực của Ban Chỉ đạo chủ trì, phối hợp với Sở Xây dựng kiểm tra.",
     ["Sở Tài chính"], ["Sở Xây dựng"]),
    ("Sở Nội vụ, cơ quan thường trực Hội đồng Thi đua - Khen thưởng tỉnh, chủ trì, phối hợp với Sở Tài chính tổ chức.",
     ["Sở Nội vụ"], ["Sở Tài chính"]),
    # a list of bodies is still one
    ("Sở Tài chính, các cơ quan liên quan kiểm tra.", ["Sở Tài chính", "các cơ quan liên quan"], []),
])
def test_a_role_in_apposition_is_no_other_body(text, leads, coordinators):
    roles = read_roles(text)
    assert (_texts(roles.leads), _texts(roles.coordinators)) == (leads, coordinators)
    assert roles.leads[0].note.startswith("cơ quan") or len(leads) > 1


def test_after_a_first_sentence_stating_a_thing_the_next_sentence_names_the_body_at_work():
    # a decree's clause that says what a thing is before whom it charges (real case: NĐ 180/2026/NĐ-CP 7.1, "Mức chi
    # trả … là số tiền …. Bộ trưởng Bộ Nông nghiệp và Môi trường quy định phương pháp …") was no provision and named
    # no lead; so was a plan's funding paragraph ("Kinh phí … được bố trí …. Hằng năm, Sở … có trách nhiệm …")
    text = ("Giá dịch vụ thoát nước là khoản tiền tính trên mỗi mét khối nước thải. Bộ trưởng Bộ Xây dựng hướng dẫn "
            "phương pháp xác định giá dịch vụ thoát nước.")
    assert _texts(read_task_roles(text).leads) == ["Bộ trưởng Bộ Xây dựng"]
    assert opens_with_actor(text)
    funding = ("Kinh phí thực hiện được bố trí từ ngân sách nhà nước. Hằng năm, Sở Tài chính có trách nhiệm tổng hợp "
               "dự toán.")
    assert _texts(read_task_roles(funding).leads) == ["Sở Tài chính"]
    # a first sentence whose subject is a body after a lead-in keeps it; a definition alone charges no one
    assert _texts(read_task_roles("Căn cứ Quyết định số 22/2013/QĐ-TTg, Sở Xây dựng tổ chức phổ biến đến các "
                                  "hộ là người có công. Trưởng thôn hướng dẫn các hộ làm đơn.").leads)[0] == "Sở Xây dựng"
    assert not opens_with_actor("Giá dịch vụ thoát nước là khoản tiền tính trên mỗi mét khối nước thải.")


@pytest.mark.slow
def test_a_task_longer_than_spacys_default_limit_is_read():
    # a whole file written on one line is one task of more than a million characters
    from pipeline.extract import read

    tokens = read("Sở Tài chính chủ trì thực hiện; " * 32000)
    assert len(tokens) == 32000 * 8
    assert tokens.agency(len(tokens) - 8) == (len(tokens) - 5, "so_tai_chinh")  # the last body is still found


def test_an_institution_named_by_its_kind_and_activity_is_one_name():
    # "nghiên cứu" (to study) after "Viện", "đào tạo" after "cơ sở": the kind of institution, not a predicate
    roles = read_task_roles("Sở Khoa học và Công nghệ chủ trì, phối hợp với các Viện nghiên cứu, Trường Đại học có "
                            "liên quan tổ chức đánh giá kết quả.")
    assert [(m.text, m.canonical) for m in roles.coordinators] == [
        ("các Viện nghiên cứu, Trường Đại học có liên quan", "vien_truong")]
    roles = read_task_roles("Các viện nghiên cứu, cơ sở đào tạo chủ trì đề xuất giải pháp.")
    assert [(m.text, m.canonical) for m in roles.leads] == [
        ("Các viện nghiên cứu", "vien_truong"), ("cơ sở đào tạo", "vien_truong")]


def test_to_transfer_or_to_hand_over_assigns_no_work():
    # "giao" (assign) inside "chuyển giao" (transfer) names no body that is handed work, also inside a centre's name
    roles = read_task_roles("Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Trung tâm Nghiên cứu và Chuyển giao "
                            "công nghệ thực hiện.")
    assert _texts(roles.coordinators) == ["Trung tâm Nghiên cứu và Chuyển giao công nghệ"]
    # … and after a body it opens the predicate: the body receiving the transfer leads nothing
    roles = read_task_roles("Ủy ban nhân dân cấp huyện chuyển giao hồ sơ cho Ủy ban nhân dân cấp xã.")
    assert _texts(roles.leads) == ["Ủy ban nhân dân cấp huyện"]


def test_the_matter_a_body_is_guided_on_is_no_part_of_its_name():
    # "về công tác …", "về việc …" after an open name say what the body is guided or asked on, no qualifier of it
    roles = read_task_roles("Sở Tài chính hướng dẫn Ủy ban nhân dân các huyện về công tác lập dự toán kinh phí.")
    assert [(m.text, m.canonical) for m in roles.directs] == [("Ủy ban nhân dân các huyện", "ubnd_cac_huyen")]
    roles = read_task_roles("Sở Tài chính chủ trì, phối hợp với các cơ quan, đơn vị về việc quyết toán kinh phí.")
    assert _texts(roles.coordinators) == ["các cơ quan, đơn vị"]


def test_a_body_named_for_short_is_the_body_of_its_long_name():
    # a decree names a national committee once in full with "(sau đây gọi tắt là Ban Chỉ đạo)" and then by the short
    # name alone: that committee, not the catch-all "các cơ quan, đơn vị"
    from test_segment import SIGNATURE, parse_text
    lines = [
        "Điều 5. Trách nhiệm thi hành",
        "1. Ban Chỉ đạo Phòng thủ dân sự Quốc gia (sau đây gọi tắt là Ban Chỉ đạo) chủ trì, phối hợp với các bộ, "
        "ngành xây dựng kế hoạch ứng phó.",
        "2. Ban Chỉ đạo chủ trì kiểm tra việc thực hiện kế hoạch.",
    ]
    doc = extract(parse_text(PLAN_HEADER + "\n".join(lines) + "\n" + SIGNATURE))
    assert [[(m.text, m.canonical) for m in t.leads] for t in doc.tasks][-1] == [
        ("Ban Chỉ đạo", "ban_chi_dao_phong_thu_dan_su")]
    # a short name of a level of its own keeps it; one given to two bodies is none
    from pipeline.extract import short_names
    assert short_names(["Ủy ban nhân dân quận, huyện, thị xã (sau đây gọi tắt là Ủy ban nhân dân cấp huyện) lập hồ sơ."]) \
        == {}
    assert short_names(["Ban Chỉ đạo Phòng thủ dân sự Quốc gia (sau đây gọi tắt là Ban Chỉ đạo) chủ trì.",
                        "Ban Chỉ đạo 389 tỉnh (gọi tắt là Ban Chỉ đạo) phối hợp."]) == {}


def test_a_committee_named_by_its_matter_and_then_its_level_is_read_whole():
    # "Ban Chỉ đạo <matter> tỉnh …": the level closes the name, past words that usually open a predicate
    roles = read_task_roles("Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Ban Chỉ đạo giảm nghèo bền vững tỉnh "
                            "tổ chức kiểm tra.")
    assert [(m.text, m.canonical) for m in roles.coordinators] == [
        ("Ban Chỉ đạo giảm nghèo bền vững tỉnh", "ban_chi_dao_cap_tinh")]
    roles = read_task_roles("Giao Ban Chỉ đạo phòng, chống thiên tai tỉnh Lào Cai chủ trì, phối hợp với Sở Tài chính, "
                            "Ban Chỉ đạo xây dựng nông thôn mới tỉnh.")
    assert [(m.text, m.canonical) for m in roles.leads] == [
        ("Ban Chỉ đạo phòng, chống thiên tai tỉnh Lào Cai", "ban_chi_dao_cap_tinh")]
    assert _texts(roles.coordinators) == ["Sở Tài chính", "Ban Chỉ đạo xây dựng nông thôn mới tỉnh"]
    # a subject and its predicate that ends with the place stay apart; so does a place after a preposition
    assert _texts(read_task_roles("Ban Chỉ đạo rà soát danh sách hộ nghèo của tỉnh.").leads) == ["Ban Chỉ đạo"]
    assert _texts(read_task_roles("Ban Chỉ đạo kiểm tra tình hình tại xã.").leads) == ["Ban Chỉ đạo"]


def test_traffic_police_and_a_campaign_launched_are_read_as_such():
    # "giao thông" (traffic) holds no "giao" (assign); "ra quân" (to launch a campaign) opens the predicate
    roles = read_task_roles("Phòng Cảnh sát giao thông Công an tỉnh chủ trì, phối hợp với Công an các huyện, thành phố "
                            "ra quân tổng kiểm tra.")
    assert _texts(roles.leads) == ["Phòng Cảnh sát giao thông Công an tỉnh"]
    assert [(m.text, m.canonical) for m in roles.coordinators] == [("Công an các huyện, thành phố", "cong_an_huyen")]


def test_a_subject_that_gives_another_body_the_lead_hands_it_on():
    # "UBND tỉnh giao Sở X chủ trì …": the committee assigns, the department leads; without "chủ trì" after it the
    # body named is only directed, as a statute's "… giao cơ quan chuyên môn …" is
    roles = read_task_roles("Ủy ban nhân dân tỉnh giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng rà soát dự án.")
    assert _texts(roles.leads) == ["Sở Tài chính"] and _texts(roles.coordinators) == ["Sở Xây dựng"]
    both = read_task_roles("Thủ tướng Chính phủ giao cho Bộ Y tế và Bộ Tài chính chủ trì xây dựng đề án.")
    assert _texts(both.leads) == ["Bộ Y tế", "Bộ Tài chính"]
    directed = read_task_roles("Ủy ban nhân dân tỉnh giao Sở Tài chính rà soát các dự án.")
    assert _texts(directed.leads) == ["Ủy ban nhân dân tỉnh"] and _texts(directed.directs) == ["Sở Tài chính"]


def test_households_a_plan_charges_with_a_step_lead_it():
    # "các hộ gia đình" opening a clause are its actors, as "các nhà tài trợ" are; after a verb they are what the
    # help is for, and a bare "hộ gia đình" is never a body
    roles = read_task_roles("Các hộ gia đình sau khi nhận được kinh phí thì tự tổ chức sửa chữa nhà ở. Trường hợp hộ "
                            "gia đình không tự sửa được thì Ủy ban nhân dân xã có trách nhiệm tổ chức sửa chữa.")
    assert _texts(roles.leads) == ["Các hộ gia đình", "Ủy ban nhân dân xã"]
    helped = read_task_roles("Ủy ban nhân dân xã giúp đỡ các hộ gia đình sửa chữa nhà ở.")
    assert _texts(helped.leads) == ["Ủy ban nhân dân xã"] and not helped.directs and not helped.coordinators


def test_foreign_countries_after_cac_are_partners_and_bare_nuoc_is_water():
    # "các nước" / "các quốc gia" are the countries a central text has its bodies cooperate with (rules/roles.yaml
    # plural_heads); they end the group before them instead of being read into it
    roles = read_task_roles("Chủ trì, phối hợp với các bộ, ngành, địa phương và các nước thúc đẩy khắc phục hậu quả "
                            "bom mìn sau chiến tranh.")
    assert _texts(roles.coordinators) == ["các bộ, ngành, địa phương", "các nước"]
    roles = read_task_roles("Bộ Ngoại giao chủ trì, phối hợp với các nước, các tổ chức quốc tế thúc đẩy hợp tác.")
    assert _texts(roles.leads) == ["Bộ Ngoại giao"] and _texts(roles.coordinators) == ["các nước", "các tổ chức quốc tế"]
    assert _texts(read_task_roles("Chủ trì, phối hợp với các quốc gia trong khu vực chia sẻ thông tin.").coordinators) \
        == ["các quốc gia trong khu vực"]
    # the international organisations share the countries' "các" (rules/roles.yaml heads "tổ chức quốc tế"): one group,
    # as "các bộ, ngành" is, where "tổ chức" alone after the comma opens the predicate (real case: CTr 31-CTr/TW)
    roles = read_task_roles("Chủ trì, phối hợp với các bộ, ngành và các nước, tổ chức quốc tế thúc đẩy hợp tác.")
    assert _texts(roles.coordinators) == ["các bộ, ngành", "các nước, tổ chức quốc tế"]
    roles = read_task_roles("Sở Ngoại vụ chủ trì, phối hợp với các sở, tổ chức thực hiện hợp tác.")
    assert _texts(roles.coordinators) == ["các sở"]
    water = read_task_roles("Sở Nông nghiệp và Môi trường bảo vệ các nguồn nước, phục hồi nguồn nước bị ô nhiễm.")
    assert _texts(water.leads) == ["Sở Nông nghiệp và Môi trường"] and not water.coordinators and not water.directs


def test_an_inspectorate_named_in_a_list_is_a_body_and_the_verb_stays_a_verb():
    # "Thanh tra" capitalised after a list's comma heads the inspectorate of the bodies after it; in lower case, or
    # opening the clause, it is the verb "to inspect"
    roles = read_task_roles("Thanh tra Chính phủ, Thanh tra các Bộ, ngành, địa phương không thanh tra trùng lặp.")
    assert _texts(roles.leads) == ["Thanh tra Chính phủ", "Thanh tra các Bộ, ngành, địa phương"]
    roles = read_task_roles("Sở Tài chính, Thanh tra Bộ Tài chính kiểm tra việc chi tiêu.")
    assert _texts(roles.leads) == ["Sở Tài chính", "Thanh tra Bộ Tài chính"]
    assert _texts(read_task_roles("Thanh tra Chính phủ thanh tra các Bộ, ngành về việc chi tiêu.").leads) == [
        "Thanh tra Chính phủ"]
    assert not read_task_roles("Thanh tra các Bộ, ngành về việc chi tiêu.").leads


def test_a_body_that_serves_a_region_keeps_the_regions_number():
    # the State Treasury's units are named by their region's number ("khu vực" + a Roman numeral): it is the name's
    roles = read_task_roles("Sở Tài chính chủ trì, phối hợp với Kho bạc Nhà nước khu vực IV, Công an tỉnh kiểm tra.")
    assert [(m.text, m.canonical) for m in roles.coordinators] == [
        ("Kho bạc Nhà nước khu vực IV", "kho_bac_nha_nuoc_tinh"), ("Công an tỉnh", "cong_an_tinh")]
    assert _texts(read_task_roles("Kho bạc Nhà nước khu vực kiểm soát chi.").leads) == ["Kho bạc Nhà nước khu vực"]


def test_a_body_of_the_same_level_keeps_its_qualifier():
    # "cùng cấp" (of the same level) is part of the name; its "cùng" (together with) names no coordinator
    roles = read_task_roles("Ủy ban nhân dân cấp huyện chủ trì, phối hợp với các cơ quan chuyên môn cùng cấp rà soát.")
    assert _texts(roles.coordinators) == ["các cơ quan chuyên môn cùng cấp"]
    roles = read_task_roles("Cơ quan chuyên môn tham mưu Ủy ban nhân dân cùng cấp ban hành kế hoạch.")
    assert _texts(roles.advises) == ["Ủy ban nhân dân cùng cấp"] and not roles.coordinators
    roles = read_task_roles("Sở Xây dựng cùng Sở Tài chính rà soát.")
    assert _texts(roles.coordinators) == ["Sở Tài chính"]


def test_standing_by_enterprises_names_no_coordinator():
    # "đồng hành cùng" (to stand by) names whom the work supports: its "cùng" is no "together with"
    roles = read_task_roles("Tăng cường đối thoại, đồng hành cùng doanh nghiệp để phòng ngừa vi phạm.")
    assert not roles.coordinators and not roles.leads
    roles = read_task_roles("Sở Công Thương chủ trì, cùng Sở Tài chính đồng hành cùng doanh nghiệp.")
    assert _texts(roles.coordinators) == ["Sở Tài chính"]


def test_a_party_committee_whose_tone_ocr_misread_is_still_a_member_of_its_list():
    # OCR prints "uý"/"úy" for "uỷ"/"ủy" (rules/encodings.yaml ocr_tone_slips, read back by ingest): the name stays
    # one of the list
    roles = read_task_roles(repair_glyphs("Các tỉnh uỷ, thành uý, đảng uỷ trực thuộc Trung ương xây dựng kế hoạch.")[0])
    assert [(m.text, m.canonical) for m in roles.leads] == [
        ("Các tỉnh uỷ", "tinh_uy"), ("thành uỷ", "tinh_uy"), ("đảng uỷ trực thuộc Trung ương", "cap_uy")]
    roles = read_task_roles(repair_glyphs("Đảng úy Ủy ban nhân dân tỉnh lãnh đạo xây dựng kế hoạch.")[0])
    assert [(m.text, m.canonical) for m in roles.leads] == [("Đảng ủy Ủy ban nhân dân tỉnh", "dang_uy_ubnd_tinh")]
    roles = read_task_roles(repair_glyphs("Sở Tài chính phối hợp với Úy ban nhân dân các huyện triển khai.")[0])
    assert [(m.text, m.canonical) for m in roles.coordinators] == [("Ủy ban nhân dân các huyện", "ubnd_cac_huyen")]


def test_a_registered_name_with_a_comma_inside_is_read_whole():
    roles = read_task_roles("Ban Chính sách, chiến lược Trung ương chủ trì theo dõi, đôn đốc thực hiện.")
    assert [(m.text, m.canonical) for m in roles.leads] == [
        ("Ban Chính sách, chiến lược Trung ương", "ban_chinh_sach_chien_luoc_tw")]


def test_a_steering_committee_printed_with_a_lower_case_verb_directs_no_one():
    # "các Ban chỉ đạo địa phương": a head printed with a capital after a word is a name, its "chỉ đạo" no verb
    roles = read_task_roles("Thực hiện các giải pháp của Ban Chỉ đạo quốc gia, các Ban chỉ đạo địa phương phòng, "
                            "chống dịch.")
    assert not roles.directs and not roles.leads
    assert _texts(read_task_roles("Sở Y tế phối hợp với các Ban chỉ đạo cấp xã kiểm tra.").coordinators) == [
        "các Ban chỉ đạo cấp xã"]


def test_a_general_department_is_read_by_its_proper_name():
    # "Tổng cục" + its capitalised name, whose first words would otherwise open a predicate ("Quản lý …")
    roles = read_task_roles("Bộ Công Thương chủ trì, phối hợp với Tổng cục Hải quan, Tổng cục Quản lý thị trường rà soát.")
    assert [(m.text, m.canonical) for m in roles.coordinators] == [
        ("Tổng cục Hải quan", "tong_cuc_hai_quan"), ("Tổng cục Quản lý thị trường", "don_vi_thuoc_bo")]


def test_a_task_whose_first_clause_names_no_one_is_led_by_the_bodies_charged_after_its_semicolon():
    # a Party programme's item: "Thực hiện …; các cấp ủy, …, các cấp chính quyền quán triệt …" (the subject of its
    # second clause); read only where neither the task nor its headings name a lead
    span = Span(1, 1, 0, 0)
    doc = Document(id="d", path="d", role="central", kind="txt")
    doc.sections = [Section(id="1", label="1.", kind="item", title="Nâng cao nhận thức", span=span)]
    texts = ["Tăng cường sự lãnh đạo của Đảng; các cấp ủy, tổ chức đảng, các cấp chính quyền quán triệt sâu sắc "
             "chủ trương về chuyển đổi số.",
             "Rà soát các quy hoạch ngành; Sở Tài chính chủ trì bố trí kinh phí.",
             "Tăng cường công tác tuyên truyền; Sở Tài chính phối hợp.",
             "Tăng cường công tác tuyên truyền, bảo đảm tiến độ; các dự án chậm tiến độ bị thu hồi."]
    doc.tasks = [Task(doc="d", id=f"1.{i}", label="-", text=text, span=span, parent="1")
                 for i, text in enumerate(texts, 1)]
    first, second, third, fourth = extract(doc).tasks
    assert _texts(first.leads) == ["các cấp ủy, tổ chức đảng", "các cấp chính quyền"]
    assert _texts(second.leads) == ["Sở Tài chính"]
    assert not third.leads  # a partner, not the one charged
    assert not fourth.leads
    # a heading that names the lead wins over a later clause
    doc = extract(_doc("Sở Xây dựng:", ["Rà soát các quy hoạch; các địa phương chủ động bố trí quỹ đất."]))
    assert _texts(doc.tasks[0].leads) == ["Sở Xây dựng"]
