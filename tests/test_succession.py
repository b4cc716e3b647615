"""Succession after the 2025 reorganisation: rules, each kind of relation, chains, dates, the document
layer (Mention.current, notices), linking through an old counterpart, reports and a 2026 dev-set pair."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import agencies, succession
from pipeline.linking.agency import counterpart_pairs
from pipeline.linking.config import linking_rules
from pipeline.model import Document, DocumentMeta, DoichieuError, Mention, Result, Span, Task
from pipeline.succession import Succession, SuccessionRules, apply_succession, current, province_successor, valid_on

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEVSET_RAW = SHARED / "devset" / "raw"
BEFORE, AFTER = dt.date(2022, 6, 1), dt.date(2026, 6, 1)


def ids(found) -> list[str]:
    return [s.agency for s in found]


def mention(printed: str) -> Mention:
    agency = agencies.lookup(printed)
    assert agency is not None, printed
    return Mention(text=printed, canonical=agency.id, name=agency.name, level=agency.level, locality=agency.locality)


def document(leads: list[str], date: str | None, role: str = "provincial", issuer: str | None = None,
             text: str = "Tổ chức triển khai thực hiện nhiệm vụ.") -> Document:
    tasks = [Task(doc="d", id=str(i + 1), label="-", text=text, span=Span(i + 1, i + 1, 0, 0), leads=[mention(lead)])
             for i, lead in enumerate(leads)]
    return Document(id="d", path="d.txt", role=role, kind="txt", meta=DocumentMeta(date=date, issuer=issuer),
                    tasks=tasks)


# --------------------------------------------------------------------------- the rules file


def test_rules_file_validates_and_names_known_bodies():
    table = succession.table()
    assert len(table.rules.successions) >= 30
    known = {a.id for a in agencies.all_agencies()}
    for entry in table.rules.successions:
        assert entry.basis and entry.source
        targets = table.provinces if entry.kind == "province_merge" else known
        assert all(i in targets for i in entry.from_ + [s.agency for s in entry.to]), entry.id
        if entry.kind in ("split", "abolish"):
            assert all(s.function for s in entry.to), entry.id


def _rules(*entries, provinces=()) -> SuccessionRules:
    return SuccessionRules.model_validate({"provinces": list(provinces), "successions": list(entries)})


def _entry(**fields) -> dict:
    base = {"id": "x", "kind": "merge", "from": ["so_ke_hoach_dau_tu"], "to": [{"agency": "so_tai_chinh"}],
            "effective": "2025-03-01", "basis": ["Nghị định 45/2025/NĐ-CP"], "source": "test"}
    return base | fields


@pytest.mark.parametrize("bad", [
    {"kind": "split", "to": [{"agency": "so_noi_vu", "function": "a"}, {"agency": "so_y_te"}]},  # part without function
    {"kind": "split", "to": [{"agency": "so_noi_vu", "function": "a"}]},  # a split of one
    {"kind": "rename", "from": ["so_y_te", "so_noi_vu"]},
    {"kind": "dissolve"},
    {"basis": []},
    {"source": ""},
    {"effective": "sometime"},
    {"to": [{"agency": "so_noi_vu", "cues": ["Lao động"]}]},  # cues are written folded
])
def test_invalid_entries_are_refused(bad):
    with pytest.raises(ValueError):
        _rules(_entry(**bad))


def test_unknown_ids_are_refused():
    known = {a.id for a in agencies.all_agencies()}
    with pytest.raises(DoichieuError, match="unknown agency id so_khong_co"):
        Succession(_rules(_entry(to=[{"agency": "so_khong_co"}])), known)
    with pytest.raises(DoichieuError, match="unknown province id"):
        Succession(_rules(_entry(kind="province_merge", **{"from": ["kon_tum"]}, to=[{"agency": "quang_ngai"}])),
                   known)


# --------------------------------------------------------------------------- each kind of succession


def test_merge_into_an_existing_body():
    assert ids(current("bo_ke_hoach_dau_tu", AFTER)) == ["bo_tai_chinh"]
    assert ids(current("bo_giao_thong_van_tai", AFTER)) == ["bo_xay_dung"]
    assert ids(current("so_ke_hoach_dau_tu", AFTER)) == ["so_tai_chinh"]
    assert ids(current("so_giao_thong_van_tai", AFTER)) == ["so_xay_dung"]
    found = current("bo_ke_hoach_dau_tu", AFTER)[0]
    assert found.since == dt.date(2025, 3, 1) and "Nghị quyết 176/2025/QH15" in found.basis
    assert valid_on("bo_tai_chinh", BEFORE) and valid_on("bo_tai_chinh", AFTER)


def test_merge_into_a_new_body():
    for old in ("bo_tai_nguyen_moi_truong", "bo_nong_nghiep_ptnt"):
        assert ids(current(old, AFTER)) == ["bo_nong_nghiep_moi_truong"]
    for old in ("so_tai_nguyen_moi_truong", "so_nong_nghiep_ptnt"):
        assert ids(current(old, AFTER)) == ["so_nong_nghiep_moi_truong"]
    assert not valid_on("bo_nong_nghiep_moi_truong", BEFORE) and valid_on("bo_nong_nghiep_moi_truong", AFTER)


def test_rename():
    assert ids(current("uy_ban_dan_toc", AFTER)) == ["bo_dan_toc_ton_giao"]
    assert not valid_on("uy_ban_dan_toc", AFTER) and valid_on("uy_ban_dan_toc", BEFORE)


def test_split_lists_every_part_with_its_function():
    parts = {s.agency: s.function for s in current("bo_lao_dong_tbxh", AFTER)}
    assert set(parts) == {"bo_noi_vu", "bo_giao_duc_dao_tao", "bo_y_te", "bo_nong_nghiep_moi_truong", "bo_cong_an"}
    assert "giáo dục nghề nghiệp" in parts["bo_giao_duc_dao_tao"] and "giảm nghèo" in parts["bo_nong_nghiep_moi_truong"]
    assert ids(current("bo_lao_dong_tbxh", AFTER))[0] == "bo_noi_vu"  # the main successor first
    assert set(ids(current("bo_thong_tin_truyen_thong", AFTER))) == {"bo_khoa_hoc_cong_nghe", "bo_van_hoa_tt_dl"}
    assert set(ids(current("so_lao_dong_tbxh", AFTER))) >= {"so_noi_vu", "so_giao_duc_dao_tao", "so_y_te"}


def test_split_narrowed_by_the_task_text():
    assert ids(current("bo_lao_dong_tbxh", AFTER, "Đẩy mạnh giáo dục nghề nghiệp cho thanh niên")) == \
        ["bo_giao_duc_dao_tao"]
    assert ids(current("so_thong_tin_truyen_thong", AFTER, "quản lý báo chí, xuất bản trên địa bàn")) == \
        ["so_van_hoa_tt_dl"]
    # no cue: every part stays (or only the main one when asked)
    assert len(current("bo_lao_dong_tbxh", AFTER, "Tổ chức hội nghị")) == 5
    assert ids(succession.table().current("bo_lao_dong_tbxh", AFTER, "Tổ chức hội nghị", main_only=True)) == \
        ["bo_noi_vu"]


def test_split_that_varied_by_province_is_marked():
    found = current("so_ngoai_vu", AFTER)
    assert {s.agency for s in found} == {"so_ngoai_vu", "van_phong_ubnd_tinh"}
    assert all(s.certainty == "varies" for s in found)
    assert valid_on("so_ngoai_vu", AFTER)  # kept in some provinces: the name is still valid
    assert {s.agency for s in current("ban_dan_toc_tinh", AFTER)} == {"so_dan_toc_ton_giao", "so_noi_vu"}


def test_abolition_of_the_district_level():
    day_before, day = dt.date(2025, 6, 30), dt.date(2025, 7, 1)
    assert valid_on("ubnd_cac_huyen", day_before) and not valid_on("ubnd_cac_huyen", day)
    assert ids(current("ubnd_cac_huyen", day_before)) == ["ubnd_cac_huyen"]
    parts = {s.agency: s.function for s in current("ubnd_cac_huyen", day)}
    assert set(parts) == {"ubnd_cac_xa", "ubnd_tinh"} and all(parts.values())
    assert set(ids(current("ubnd_huyen", day))) == {"ubnd_cap_xa", "ubnd_tinh"}
    assert set(ids(current("hdnd_huyen", day))) == {"hdnd_xa", "hdnd_tinh"}
    assert set(ids(current("phong_chuyen_mon_cap_huyen", day))) == {"ubnd_cap_xa", "cac_so_ban_nganh"}
    # the district's steering committee ended with it: the communes' and the province's took its work on
    assert set(ids(current("ban_chi_dao_cap_huyen", day))) == {"ban_chi_dao_cap_xa", "ban_chi_dao_cap_tinh"}
    # the district's police ended before it, when the Bộ Công an kept three levels (ministry, province, commune)
    police_day = dt.date(2025, 3, 1)
    assert valid_on("cong_an_huyen", police_day - dt.timedelta(days=1)) and not valid_on("cong_an_huyen", police_day)
    assert set(ids(current("cong_an_huyen", police_day))) == {"cong_an_xa", "cong_an_tinh"}


def test_province_merger_63_to_34():
    table = succession.table()
    old = [p for p in table.provinces if p != "hue"]
    assert len(old) == 63
    assert len({province_successor(table.provinces[p].name, AFTER).id for p in old}) == 34
    assert province_successor("tỉnh Kon Tum", AFTER).name == "Tỉnh Quảng Ngãi"
    assert province_successor("Ủy ban nhân dân tỉnh Quảng Nam", AFTER).name == "Thành phố Đà Nẵng"
    assert province_successor("Bà Rịa - Vũng Tàu", AFTER).short == "Hồ Chí Minh"
    assert province_successor("Nghệ An", AFTER).id == "nghe_an"  # unchanged
    assert province_successor("Lào Cai", AFTER).id == "lao_cai"  # kept its name, took in Yên Bái
    assert province_successor("Kon Tum", dt.date(2025, 6, 30)).id == "kon_tum"
    assert province_successor("Thừa Thiên Huế", AFTER).id == "hue"  # became a city on 1 January 2025
    assert province_successor("Bộ Tài chính", AFTER) is None
    assert not valid_on("kon_tum", AFTER) and valid_on("quang_ngai", AFTER)


def test_province_table_matches_underthesea_offline_mapping():
    mapping_file = Path(pytest.importorskip("underthesea").__file__).parent / "address" / "data" / "mapping.json"
    if not mapping_file.exists():
        pytest.skip("underthesea has no address mapping")
    data = json.loads(mapping_file.read_text(encoding="utf-8"))
    for old, new in data["province_mapping"].items():
        old_name = data["old_province_names"][old]["short"]
        new_name = data["province_names"][new]["short"]
        assert province_successor(old_name, AFTER).short == new_name, old_name


# --------------------------------------------------------------------------- chains and loops


def test_chains_are_followed_with_their_dates():
    known = {a.id for a in agencies.all_agencies()}
    table = Succession(_rules(
        _entry(id="a", kind="rename", **{"from": ["so_du_lich"]}, to=[{"agency": "so_van_hoa_the_thao"}],
               effective="2020-01-01"),
        _entry(id="b", kind="split", **{"from": ["so_van_hoa_the_thao"]}, effective="2025-03-01",
               to=[{"agency": "so_van_hoa_tt_dl", "function": "văn hóa"}, {"agency": "so_noi_vu", "function": "x"}]),
    ), known)
    assert ids(table.current("so_du_lich", dt.date(2019, 1, 1))) == ["so_du_lich"]
    assert ids(table.current("so_du_lich", dt.date(2022, 1, 1))) == ["so_van_hoa_the_thao"]
    chain = table.current("so_du_lich", AFTER)
    assert ids(chain) == ["so_van_hoa_tt_dl", "so_noi_vu"]
    assert chain[0].path == ("a", "b") and chain[0].function == "văn hóa" and chain[0].since == dt.date(2025, 3, 1)


def test_a_loop_in_the_rules_does_not_hang():
    known = {a.id for a in agencies.all_agencies()}
    table = Succession(_rules(
        _entry(id="a", kind="rename", **{"from": ["so_du_lich"]}, to=[{"agency": "so_van_hoa_the_thao"}]),
        _entry(id="b", kind="rename", **{"from": ["so_van_hoa_the_thao"]}, to=[{"agency": "so_du_lich"}]),
    ), known)
    assert len(table.current("so_du_lich", AFTER)) == 1


# --------------------------------------------------------------------------- documents and dates


def test_a_2022_document_is_read_with_2022_names():
    doc = apply_succession(document(["Sở Kế hoạch và Đầu tư", "Sở Tài chính"], "2022-03-10"), as_of="2026-01-01")
    plan, finance = (t.leads[0] for t in doc.tasks)
    assert plan.current == ["Sở Tài chính"] and finance.current == ["Sở Tài chính"]
    assert not [n for n in doc.notices if n.code == "succession.name_not_valid"]
    # read on a date before the reorganisation, nothing has changed hands
    apply_succession(doc, as_of="2024-12-31")
    assert doc.tasks[0].leads[0].current == ["Sở Kế hoạch và Đầu tư"]


def test_a_2026_document_is_read_with_2026_names():
    doc = apply_succession(document(["Sở Nông nghiệp và Môi trường", "Sở Kế hoạch và Đầu tư"], "2026-02-01"),
                           as_of="2026-06-01")
    assert doc.tasks[0].leads[0].current == ["Sở Nông nghiệp và Môi trường"]
    notices = [n for n in doc.notices if n.code == "succession.name_not_valid"]
    assert len(notices) == 1 and "Sở Kế hoạch và Đầu tư" in notices[0].message and notices[0].line == 2
    assert "Sở Tài chính" in notices[0].message and "45/2025/NĐ-CP" in notices[0].message
    apply_succession(doc, as_of="2026-06-01")  # applying again adds no second notice
    assert len([n for n in doc.notices if n.code == "succession.name_not_valid"]) == 1


def test_a_2022_document_naming_a_body_created_later_gets_a_notice():
    doc = apply_succession(document(["Sở Nông nghiệp và Môi trường"], "2022-03-10"), as_of="2026-01-01")
    assert any("chưa tồn tại" in n.message for n in doc.notices)


def test_a_document_dated_by_its_month_only_is_named_by_that_month_not_by_its_last_day():
    # "ngày … tháng 8 năm 2026" with the day left blank for the signature is stored as "2026-08"
    doc = apply_succession(document(["Sở Kế hoạch và Đầu tư"], "2026-08"), as_of="2026-09-01")
    [notice] = [n for n in doc.notices if n.code == "succession.name_not_valid"]
    assert "không còn tồn tại vào tháng 08/2026:" in notice.message and "31/08" not in notice.message
    assert "năm 2026:" in apply_succession(document(["Sở Kế hoạch và Đầu tư"], "2026"), "2026-09-01").notices[0].message


def test_a_month_dated_document_is_flagged_only_when_no_day_of_that_month_fits_the_name():
    # the agriculture-environment department was created, the planning department ended, on 1 March 2025
    before = apply_succession(document(["Sở Nông nghiệp và Môi trường"], "2025-02"), as_of="2026-01-01")
    assert [n.message for n in before.notices] == [
        "“Sở Nông nghiệp và Môi trường” chưa tồn tại vào tháng 02/2025 (thành lập từ 01/03/2025)."]
    during = apply_succession(document(["Sở Nông nghiệp và Môi trường", "Sở Kế hoạch và Đầu tư"], "2025-03"),
                              as_of="2026-01-01")
    assert [n.message for n in during.notices if "chưa tồn tại" in n.message] == []
    assert [n.message for n in during.notices if "không còn" in n.message]  # ended on the month's first day


def test_a_notice_on_a_pdf_task_is_placed_by_its_page_and_its_line_within_the_page():
    import dataclasses

    from pipeline.model import notice_json

    doc = document(["Sở Kế hoạch và Đầu tư"], "2026-02-01")
    doc.tasks[0].span = dataclasses.replace(doc.tasks[0].span, line=212, end_line=212, page=5, page_line=9)
    [notice] = apply_succession(doc, as_of="2026-06-01").notices
    assert (notice.line, notice.page, notice.page_line) == (212, 5, 9)
    assert str(notice).startswith("d.txt, trang 5, dòng 9: ")
    assert notice_json(notice)["line"] == 212 and notice_json(notice)["page_line"] == 9
    text_notice = apply_succession(document(["Sở Kế hoạch và Đầu tư"], "2026-02-01"), "2026-06-01").notices[0]
    assert str(text_notice).startswith("d.txt, dòng 1: ") and "page_line" not in notice_json(text_notice)


def test_undated_document_uses_its_latest_citation_as_a_lower_bound():
    from pipeline.model import Citation

    doc = document(["Sở Kế hoạch và Đầu tư"], None)
    doc.meta.citations = [Citation(text="Nghị định số 25/2026/NĐ-CP", number="25/2026/NĐ-CP", year=2026,
                                   date="2026-01-17")]
    apply_succession(doc, as_of="2026-06-01")
    assert any("không còn tồn tại" in n.message for n in doc.notices)


def test_merged_province_localises_provincial_bodies_and_notes_the_merger():
    doc = apply_succession(document(["Sở Kế hoạch và Đầu tư", "Ủy ban nhân dân tỉnh", "Bộ Tài chính"], "2022-03-10",
                                    issuer="Ủy ban nhân dân tỉnh Kon Tum"), as_of="2026-01-01")
    plan, committee, ministry = (t.leads[0] for t in doc.tasks)
    assert plan.current == ["Sở Tài chính tỉnh Quảng Ngãi"]
    assert committee.current == ["Ủy ban nhân dân tỉnh Quảng Ngãi"]
    assert ministry.current == ["Bộ Tài chính"]
    assert any(n.code == "succession.province_merged" and "Quảng Ngãi" in n.message for n in doc.notices)


def test_a_province_named_in_a_mention_follows_its_merger():
    doc = apply_succession(document(["Ủy ban nhân dân tỉnh Quảng Nam", "Ủy ban nhân dân tỉnh Nghệ An"], "2022-03-10",
                                    role="central"), as_of="2026-01-01")
    merged, unchanged = (t.leads[0] for t in doc.tasks)
    assert merged.current == ["Ủy ban nhân dân thành phố Đà Nẵng"]
    assert unchanged.current == ["Ủy ban nhân dân tỉnh"]  # the body itself: nothing changed hands
    assert not [n for n in doc.notices if n.code == "succession.province_merged"]  # a central document


def test_current_round_trips_through_result_json():
    doc = apply_succession(document(["Sở Kế hoạch và Đầu tư"], "2022-03-10"), as_of="2026-01-01")
    data = Result(documents=[doc]).to_json()
    assert data["tasks"][0]["mentions"]["leads"][0]["current"] == ["Sở Tài chính"]
    back = Result.from_json(json.loads(json.dumps(data)))
    assert back.documents[0].tasks[0].leads[0].current == ["Sở Tài chính"]


# --------------------------------------------------------------------------- linking


def _task(doc: str, text: str, lead: str) -> Task:
    return Task(doc=doc, id="1", label="-", text=text, span=Span(1, 1, 0, 0), leads=[mention(lead)])


def test_linking_reaches_a_new_department_through_the_old_counterpart():
    rules = linking_rules()
    central = [_task("c", "Hướng dẫn xúc tiến đầu tư", "Bộ Kế hoạch và Đầu tư")]
    provincial = [_task("p", "Xúc tiến đầu tư", "Sở Tài chính")]
    matrix, names = counterpart_pairs(central, provincial, rules)
    assert matrix[0, 0] == 1.0 and names[(0, 0)] == ("Bộ Kế hoạch và Đầu tư", "Sở Tài chính")
    # the old counterpart still counts
    matrix, _ = counterpart_pairs(central, [_task("p", "x", "Sở Kế hoạch và Đầu tư")], rules)
    assert matrix[0, 0] == 1.0


def test_linking_takes_a_split_part_only_when_the_task_points_to_it():
    rules = linking_rules()
    health = [_task("p", "Chăm sóc trẻ em", "Sở Y tế")]
    general = [_task("c", "Tổ chức thực hiện chính sách", "Bộ Lao động - Thương binh và Xã hội")]
    children = [_task("c", "Bảo vệ, chăm sóc trẻ em vùng biên giới", "Bộ Lao động - Thương binh và Xã hội")]
    assert counterpart_pairs(general, health, rules)[0][0, 0] == 0.0
    assert counterpart_pairs(children, health, rules)[0][0, 0] == 1.0
    assert counterpart_pairs(general, [_task("p", "x", "Sở Nội vụ")], rules)[0][0, 0] == 1.0


def test_the_central_side_kept_for_the_next_plan_follows_a_changed_central_task():
    """counterpart_pairs keeps the last central document's side for its next plans: changing a lead (or a text) of
    the same task objects in place must not read the kept one."""
    rules = linking_rules()
    central = [_task("c", "Hướng dẫn thanh toán vốn", "Bộ Tài chính")]
    finance = [_task("p", "Thanh toán vốn", "Sở Tài chính")]
    assert counterpart_pairs(central, finance, rules)[0][0, 0] == 1.0
    central[0].leads = [mention("Bộ Xây dựng")]
    assert counterpart_pairs(central, finance, rules)[0][0, 0] == 0.0
    assert counterpart_pairs(central, [_task("p", "x", "Sở Xây dựng")], rules)[0][0, 0] == 1.0


# --------------------------------------------------------------------------- the seed pair end to end


@pytest.fixture(scope="module")
def seed_run():
    from pipeline.api import run_corpus

    return run_corpus(ROOT / "corpus", as_of="2026-06-01")


def test_seed_pair_report_shows_the_current_holder_of_every_central_task(seed_run, tmp_path):
    from openpyxl import load_workbook

    from pipeline.report import labels as L
    from pipeline.report import write_outputs
    from pipeline.report.rows import build_crossref
    from pipeline.report.xlsx import central_cells

    (result,) = seed_run.pairs.values()
    central = next(d for d in result.documents if d.role == "central")
    assert central.task("III.1.a.2").leads[0].current == ["Bộ Tài chính"]
    for task in central.tasks:
        for lead in task.leads:
            if lead.canonical:
                assert lead.current, (task.id, lead.text)
                for holder in succession.holders(lead, dt.date(2026, 6, 1), task.text):
                    assert valid_on(holder.agency, dt.date(2026, 6, 1)), (task.id, holder)
    crossref = build_crossref(result)
    cells = {r.task.id: central_cells(r) for r in crossref.central_rows}
    assert cells["III.1.a.2"][L.COL_CENTRAL_LEAD] == "Bộ Kế hoạch và Đầu tư → nay: Bộ Tài chính"
    changed = {m.text for t in central.tasks for m in t.leads if m.current and m.current != [m.name]}
    assert {"Bộ Kế hoạch và Đầu tư", "Bộ Giao thông vận tải"} <= changed
    for task in central.tasks:
        for lead in task.leads:
            if lead.text in changed:
                assert f"{lead.text} → nay: " in cells[task.id][L.COL_CENTRAL_LEAD]
    write_outputs(result, tmp_path)
    wb = load_workbook(tmp_path / "crossref.xlsx")
    summary = [[c.value for c in row] for row in wb[L.SHEET_SUMMARY].iter_rows()]
    assert [L.SUMMARY_BY_CURRENT_AGENCY] in [r[:1] for r in summary]
    assert "→ nay: Bộ Tài chính" in (tmp_path / "crossref.csv").read_text(encoding="utf-8-sig")
    assert "→ nay: Bộ Tài chính" in (tmp_path / "crossref.md").read_text(encoding="utf-8")
    html = (tmp_path / "coverage.html").read_text(encoding="utf-8")
    assert "→ nay: Bộ Tài chính" in html and L.SUMMARY_BY_CURRENT_AGENCY[1:] in html


def test_coverage_by_current_lead_agency(seed_run):
    from pipeline.graph import build_graph, coverage_by_agency

    (result,) = seed_run.pairs.values()
    central = next(d for d in result.documents if d.role == "central")
    graph = build_graph(result)
    printed = coverage_by_agency(graph, central.id, localities_only=False)
    now = coverage_by_agency(graph, central.id, localities_only=False, current=True)
    assert "Bộ Kế hoạch và Đầu tư" in printed and "Bộ Kế hoạch và Đầu tư" not in now
    assert now["Bộ Tài chính"]["total"] == printed["Bộ Tài chính"]["total"] + printed["Bộ Kế hoạch và Đầu tư"]["total"]


@pytest.mark.slow
def test_succession_does_not_change_the_seed_links(seed_run, monkeypatch):
    """The referee's figures cannot drop: on the 2022 seed pair (same era on both sides) linking with and
    without the succession evidence gives the same links."""
    import pipeline.linking.agency as agency_evidence
    from pipeline.api import link

    (result,) = seed_run.pairs.values()
    central, provincial = result.documents
    with_succession = {(x.provincial.task, x.central.task, x.strength) for x in link(central, provincial).links}
    monkeypatch.setattr(agency_evidence, "_counterparts_over_time",
                        lambda canonical, context="": agency_evidence._counterparts(canonical))
    without = {(x.provincial.task, x.central.task, x.strength) for x in link(central, provincial).links}
    assert with_succession == without


# --------------------------------------------------------------------------- command line


def test_cli_as_of_option(tmp_path):
    from pipeline.cli import app

    runner = CliRunner()
    bad = runner.invoke(app, ["parse", "--as-of", "mai", str(ROOT / "corpus/central/nq-23-NQ-CP-2022.md")])
    assert bad.exit_code == 2 and "--as-of" in bad.output
    source = tmp_path / "nq.txt"
    source.write_text("CHÍNH PHỦ\nSố: 1/NQ-CP\nHà Nội, ngày 2 tháng 3 năm 2022\n\nNGHỊ QUYẾT\n\n"
                      "1. Bộ Kế hoạch và Đầu tư chủ trì, phối hợp với các bộ, ngành hướng dẫn các địa phương "
                      "xây dựng kế hoạch đầu tư công.\n", encoding="utf-8")
    old = runner.invoke(app, ["parse", "--as-of", "2024-01-01", str(source)])
    new = runner.invoke(app, ["parse", "--as-of", "2026-01-01", str(source)])
    assert old.exit_code == 0 and new.exit_code == 0
    assert "nay:" not in old.output and "nay: Bộ Tài chính" in " ".join(new.output.split())


# --------------------------------------------------------------------------- a 2026 dev-set pair


@pytest.mark.skipif(not DEVSET_RAW.is_dir(), reason=f"dev set not found at {DEVSET_RAW}")
def test_2026_lao_cai_letter_against_a_2026_decree_has_current_agencies():
    from pipeline.api import link, parse

    on = dt.date(2026, 6, 1)
    decree = parse(DEVSET_RAW / "central-25-2026-ND-CP.txt", role="central", as_of=on)
    letter = parse(next(DEVSET_RAW.glob("laocai-SCT-CN-2026-01-*.txt")), role="provincial", as_of=on)
    result = link(decree, letter, as_of=on)
    checked = 0
    for doc in (decree, letter):
        assert not [n for n in doc.notices if n.code == "succession.name_not_valid"], doc.id
        assert not [n for n in doc.notices if n.code == "succession.province_merged"]  # Lào Cai kept its name
        for task in doc.tasks:
            for role in ("leads", "coordinators", "advises", "directs"):
                for m in getattr(task, role):
                    if not m.canonical:
                        continue
                    # a 2026 text already uses 2026 names: its holders are the bodies it names
                    assert m.current == [m.name], (doc.id, task.id, m.text, m.current)
                    assert valid_on(m.canonical, on), (doc.id, task.id, m.text)
                    checked += 1
    assert checked >= 20
    assert any(m.name == "Bộ Nông nghiệp và Môi trường" for t in decree.tasks for m in t.leads + t.coordinators)
    assert result.coverage


@pytest.mark.parametrize(("stored", "expected"), [
    ("2026-08-30", dt.date(2026, 8, 30)), ("2024-02", dt.date(2024, 2, 29)), ("2026", dt.date(2026, 12, 31)),
    ("2026-13", None), ("tháng 8", None)])
def test_parse_date_reads_a_day_a_month_or_a_year_and_refuses_what_is_no_date(stored, expected):
    assert succession.parse_date(stored) == expected
