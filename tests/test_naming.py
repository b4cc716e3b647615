"""pipeline.naming: the names a reader sees, decided once for the link reasons and the reports."""
import pytest

import pipeline as dc
from pipeline.naming import LEADER_CENTRAL, LEADER_OTHER, capital, leader, leader_document, leader_task, name_order

# A resolution with two tasks and a plan that restates them; the resolution's header is filled in per case.
RESOLUTION = ("{issuer}\nSố: {number}\nNGHỊ QUYẾT\nVề phát triển các khu công nghiệp\nII. NHIỆM VỤ, GIẢI PHÁP\n"
              "1. Ủy ban nhân dân các huyện, thành phố chủ trì rà soát quỹ đất sạch để thu hút nhà đầu tư chiến lược "
              "vào khu công nghiệp.\n"
              "2. Sở Tài chính chủ trì bố trí nguồn lực cho công tác giải phóng mặt bằng cụm công nghiệp.\n")
PLAN = ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI\nSố: 134/KH-UBND\nKẾ HOẠCH\nThực hiện Nghị quyết số {number}\n"
        "1. Ủy ban nhân dân các huyện, thành phố rà soát quỹ đất sạch để thu hút nhà đầu tư chiến lược vào khu công "
        "nghiệp.\n"
        "2. Sở Tài chính bố trí nguồn lực cho công tác giải phóng mặt bằng cụm công nghiệp.\n")


def _linked(issuer: str, number: str):
    central = dc.parse_text(RESOLUTION.format(issuer=issuer, number=number), doc_id="c", role="central")
    plan = dc.parse_text(PLAN.format(number=number), doc_id="p", role="provincial")
    return central, dc.link(central, plan)


def test_a_provincial_resolution_is_the_original_document_in_the_link_reasons_as_in_the_reports():
    """A Tỉnh ủy resolution carried out by the UBND's plan: the link reasons do not call it "trung ương", and say
    what the reports say (one decision, pipeline.naming.leader)."""
    from pipeline.report.tables import crossref_md_text

    central, result = _linked("TỈNH ỦY LÀO CAI", "34-NQ/TU")
    assert leader([central]) == LEADER_OTHER
    reasons = [reason for link in result.links for reason in link.reasons]
    assert result.links and not [r for r in reasons if "trung ương" in r]
    assert "Nhiệm vụ của văn bản gốc giao cho địa phương (chủ trì)" in reasons
    assert "Nhiệm vụ triển khai nêu tên cơ quan chủ trì ở văn bản gốc: Sở Tài chính" in reasons
    markdown = crossref_md_text(result)
    assert "- Nhiệm vụ của văn bản gốc: **2**" in markdown and "trung ương" not in markdown


def test_a_central_resolution_keeps_the_central_wording():
    central, result = _linked("CHÍNH PHỦ", "34/NQ-CP")
    assert leader([central]) == LEADER_CENTRAL
    reasons = [reason for link in result.links for reason in link.reasons]
    assert "Nhiệm vụ trung ương giao cho địa phương (chủ trì)" in reasons
    assert not [r for r in reasons if "văn bản gốc" in r]


@pytest.mark.parametrize("lead, which, said", [
    (LEADER_CENTRAL, "", "nhiệm vụ trung ương"),
    (LEADER_CENTRAL, "V.1", "nhiệm vụ trung ương V.1"),
    (LEADER_CENTRAL, "này", "nhiệm vụ trung ương này"),
    (LEADER_OTHER, "", "nhiệm vụ của văn bản gốc"),
    (LEADER_OTHER, "V.1", "nhiệm vụ V.1 của văn bản gốc"),  # the id before "của", not after the document
    (LEADER_OTHER, "này", "nhiệm vụ này của văn bản gốc"),
])
def test_a_task_of_the_document_carried_out_in_a_sentence(lead, which, said):
    assert leader_task(lead, which) == said


def test_names_at_the_head_of_a_sentence():
    assert capital(leader_document(LEADER_OTHER)) == "Văn bản gốc"
    assert capital("văn bản trung ương Số 5") == "Văn bản trung ương Số 5"  # only the first letter changes
    assert capital("") == ""


def test_names_sort_in_vietnamese_dictionary_order():
    names = ["Ủy ban nhân dân tỉnh", "Văn phòng", "Đài Phát thanh", "Bộ Y tế", "Ban Dân vận", "Sở Tài chính", "Ăn",
             "Ân", "An", "Dân", "Ca", "Cà", "Cả", "Cã", "Cá", "Cạ", "Can", "Uỷ ban", "Ưu", "Xã"]
    assert sorted(names, key=name_order) == [
        "An", "Ăn", "Ân", "Ban Dân vận", "Bộ Y tế", "Ca", "Cà", "Cả", "Cã", "Cá", "Cạ", "Can", "Dân", "Đài Phát thanh",
        "Sở Tài chính", "Uỷ ban", "Ủy ban nhân dân tỉnh", "Ưu", "Văn phòng", "Xã"]
    # the old tone style and a decomposed spelling read as the same letters and tones as the new one
    assert name_order("Uỷ ban")[:2] == name_order("Ủy ban")[:2] == name_order("U\u0309y ban")[:2]
    assert name_order("Ban Dân vận") < name_order("Bana")  # a word that ends sorts before a longer one
