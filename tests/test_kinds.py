"""Other kinds of documents than the seed pair, parsed, extracted and linked as a legal officer reads them.

The fixtures in tests/fixtures/kinds/ are written for these tests (no real document is copied), in the real
formats and with their mess (hard wraps, a page number inside a paragraph, "Uỷ", a "d)" printed for "đ)"):

(a) a Government decree (Chương / Điều / khoản / điểm) and a provincial People's Committee letter;
(b) a ministry decision issuing an attached plan (tasks in parts II/III) and a provincial department's letter;
(c) a Prime Minister's decision approving a programme, and a city plan with its tasks in a table (built here
    as a .docx); a Prime Minister's directive and a city plan (built here as a PDF); a decision approving a
    scheme with numbered contents and a city plan whose task table was copied as plain text; a plan whose
    appendix table was laid out in columns by `pdftotext -layout`.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from fixtures import Header, Para, add_header_table, make_pdf

from pipeline import agencies
from pipeline.api import link, parse
from pipeline.model import Document, Task

KINDS = Path(__file__).resolve().parent / "fixtures" / "kinds"


# --------------------------------------------------------------------------- building the files


def _header_and_body(name: str) -> tuple[Header, list[str]]:
    """The header block of a fixture (issuer, số, V/v, motto, place and date) and its body lines."""
    lines = (KINDS / name).read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("Số:"))
    nation = next(i for i, line in enumerate(lines) if line.startswith("CỘNG HÒA"))
    header = Header(issuer=lines[:at], number=lines[at], subject=lines[at + 1:nation], nation=lines[nation],
                    motto=lines[nation + 1], place_date=lines[nation + 2])
    return header, lines[nation + 3:]


def _docx(name: str, target: Path) -> Path:
    """A Word plan: the header table, one paragraph per line, the "| … |" lines as a real Word table."""
    import docx

    header, body = _header_and_body(name)
    document = docx.Document()
    add_header_table(document, header)
    rows: list[list[str]] = []

    def flush() -> None:
        if rows:
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, cells in enumerate(rows):
                for c, text in enumerate(cells):
                    table.cell(r, c).text = text
            rows.clear()

    for line in body:
        if line.startswith("|"):
            rows.append([cell.strip() for cell in line.strip("| ").split("|")])
            continue
        flush()
        document.add_paragraph().add_run(line).bold = line.isupper() or None
    flush()
    document.save(str(target))
    return target


def _pdf(name: str, target: Path) -> Path:
    """A PDF letter: two-column header, bold centred type line and trích yếu, justified wrapped paragraphs,
    page numbers at the top from page 2."""
    header, body = _header_and_body(name)
    type_line = next(i for i, line in enumerate(body) if line.isupper())
    paragraphs = [Para(line, bold=line.isupper() or i == type_line + 1, center=i in (type_line, type_line + 1))
                  for i, line in enumerate(body)]
    return make_pdf(target, paragraphs, header=header)


def _parsed_fixture(file_name: str, role: str):
    """A module-scoped fixture parsing one document of tests/fixtures/kinds."""
    return pytest.fixture(scope="module")(lambda: parse(KINDS / file_name, role=role))


decree = _parsed_fixture("nghi-dinh-146-2025-ND-CP.txt", "central")
province_letter = _parsed_fixture("quangtri-cv-4821-UBND-KT.txt", "provincial")
ministry_decision = _parsed_fixture("byt-qd-2150-QD-BYT.txt", "central")
department_letter = _parsed_fixture("dongthap-syt-cv-1875-SYT-NVY.txt", "provincial")
pm_decision = _parsed_fixture("qd-412-QD-TTg-2026.txt", "central")
directive = _parsed_fixture("ct-09-CT-TTg-2024.txt", "central")


@pytest.fixture(scope="module")
def hanoi_plan(tmp_path_factory) -> Document:
    path = _docx("hanoi-kh-118-KH-UBND.txt", tmp_path_factory.mktemp("kinds") / "hanoi-kh-118.docx")
    return parse(path, role="provincial")


@pytest.fixture(scope="module")
def hcm_plan(tmp_path_factory) -> Document:
    path = _pdf("hcm-kh-2780-KH-UBND.txt", tmp_path_factory.mktemp("kinds") / "hcm-kh-2780.pdf")
    return parse(path, role="provincial")


def _names(mentions) -> list[str]:
    return [m.text for m in mentions]


def _ids(mentions) -> list[str | None]:
    return [m.canonical for m in mentions]


def _linked(result, provincial: str) -> dict[str, str]:
    """central task id -> strength, of the links of one provincial task."""
    return {lk.central.task: lk.strength for lk in result.links if lk.provincial.task == provincial}


def _coverage(result) -> dict[str, str]:
    return {row.central.task: row.status for row in result.coverage}


@pytest.fixture(scope="module")
def competence_decree() -> Document:
    return parse(KINDS / "nd-phan-dinh-tham-quyen-khoang-san.txt", role="central")


@pytest.fixture(scope="module")
def delegation_decision() -> Document:
    return parse(KINDS / "tuyenquang-qd-phan-cap-khoang-san.txt", role="provincial")


# --------------------------------------------------------------------------- (a) decree and province letter


def test_decree_header_chapters_and_task_articles(decree: Document):
    meta = decree.meta
    assert (meta.issuer, meta.doc_type, meta.number, meta.date) == ("CHÍNH PHỦ", "Nghị định", "146/2025/NĐ-CP",
                                                                    "2025-09-12")
    assert meta.signer == "Trần Văn Bình" and meta.signer_title.endswith("KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG")
    sections = {s.id: s for s in decree.sections}
    assert [s for s in sections if s.startswith("Chương")] == ["Chương.I", "Chương.II", "Chương.III", "Chương.IV"]
    # scope, definitions, substantive rules and entry into force hold no tasks; the responsibility articles do
    assert not any(sections[a].holds_tasks for a in ("1", "2", "3", "4", "5", "6", "10"))
    assert all(sections[a].holds_tasks for a in ("7", "8", "9"))
    assert [t.id for t in decree.tasks][:14] == [
        "7.1", "7.2", "7.3", "8.1", "8.2", "8.3", "9.1", "9.2", "9.3.a", "9.3.b", "9.3.c", "9.3.d", "9.3.đ", "9.4"]


def test_decree_duties_of_regulated_parties_are_provisions_not_tasks(decree: Document):
    assert [p.id for p in decree.provisions] == ["4.1", "5.1", "5.2"]
    # the page number printed inside clause 5.1 is dropped and the clause reads on
    assert "rò rỉ nước rỉ rác trong quá trình vận chuyển" in decree.provisions[1].text


def test_decree_misprinted_letter_is_repaired(decree: Document):
    task = decree.task("9.3.đ")
    assert task.label == "d)" and task.text.startswith("Báo cáo Ủy ban nhân dân cấp tỉnh")
    assert any(n.code == "label-repaired" and "9.3.đ" in n.message for n in decree.notices)


def test_decree_leads_coordinators_and_localities(decree: Document):
    ministry = decree.task("7.2")
    assert _ids(ministry.leads) == ["bo_nong_nghiep_moi_truong"]  # from "Điều 7. Trách nhiệm của Bộ …"
    assert _names(ministry.coordinators) == ["Bộ Khoa học và Công nghệ"]
    assert not ministry.localities
    finance = decree.task("8.1")
    assert _names(finance.leads) == ["Bộ Tài chính"] and _names(finance.coordinators) == ["Bộ Nông nghiệp và Môi trường"]
    for task_id in ("9.1", "9.2", "9.3.a", "9.3.đ", "9.4"):
        task = decree.task(task_id)
        assert _ids(task.leads) == ["ubnd_cap_tinh"], task_id
        assert task.localities and task.locality_role == "lead", task_id
    # "3. Chỉ đạo Ủy ban nhân dân cấp xã:" - the points are led by the province and directed to the communes
    assert _ids(decree.task("9.3.b").directs) == ["ubnd_cap_xa"]


def test_decree_deadlines(decree: Document):
    assert [d.value for d in decree.task("7.3").deadlines] == ["--12-31", "annual"]
    assert [d.value for d in decree.task("9.3.đ").deadlines] == ["--12-15", "annual"]
    # "trong thời hạn 06 tháng kể từ ngày …" is a time limit, not a half-yearly report
    assert "semiannual" not in [d.value for d in decree.task("9.1").deadlines]


def test_decree_recipients_are_not_tasks(decree: Document):
    assert decree.tasks[-1].id == "11"
    assert "Ban Bí thư Trung ương Đảng" in decree.meta.recipients


def test_decree_title_is_the_trích_yếu_alone(decree: Document):
    # the trích yếu is nearly as long as the lines taken for wrapped ones: "Căn cứ …" still opens the preamble
    assert decree.meta.title == "Quy định về quản lý chất thải rắn sinh hoạt tại khu dân cư nông thôn"
    assert decree.preamble.startswith("Căn cứ Luật Tổ chức Chính phủ")


def test_province_letter_header_and_tasks(province_letter: Document):
    meta = province_letter.meta
    assert (meta.doc_type, meta.number, meta.date) == ("Công văn", "4821/UBND-KT", "2025-10-06")
    assert meta.issuer == "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ"
    assert meta.title.startswith("V/v triển khai thực hiện Nghị định")
    assert [c.number for c in meta.implements] == ["146/2025/NĐ-CP"]
    assert meta.recipients[:2] == ["Các sở, ban, ngành thuộc tỉnh", "Ủy ban nhân dân các xã, phường, đặc khu"]
    assert [t.id for t in province_letter.tasks] == ["1", "2", "3", "4.a", "4.b", "4.c", "4.d", "5"]


def test_province_letter_roles(province_letter: Document):
    first = province_letter.task("1")
    assert _names(first.leads) == ["Sở Nông nghiệp và Môi trường"]
    assert _names(first.coordinators) == ["Sở Tư pháp", "các cơ quan liên quan"]
    assert _ids(first.advises) == ["ubnd_tinh"]
    assert [d.value for d in first.deadlines] == ["2026-03-30"]
    assert _names(province_letter.task("3").coordinators) == ["Đài Phát thanh và Truyền hình tỉnh"]
    for task_id in ("4.a", "4.b", "4.c", "4.d"):
        task = province_letter.task(task_id)
        assert _names(task.leads) == ["Ủy ban nhân dân các xã, phường, đặc khu"], task_id
        assert task.leads[0].level == "commune" and task.locality_role == "lead"


def test_decree_and_province_letter_link(decree: Document, province_letter: Document):
    result = link(decree, province_letter)
    assert _linked(result, "2") == {"9.2": "sure"}  # the provincial budget
    for provincial, central in (("4.b", "9.3.b"), ("4.c", "9.3.c"), ("4.d", "9.3.đ")):
        assert _linked(result, provincial).get(central) == "sure", provincial
    assert "9.3.a" in _linked(result, "4.a")  # the collection points, with the distance rule of clause 5.2
    coverage = _coverage(result)
    assert {t.id for t in decree.tasks} <= set(coverage)
    assert coverage["9.3.b"] == "covered" and coverage["9.2"] == "covered"
    assert coverage["9.3.d"] == "gap"  # inspection and sanctions: the letter says nothing about them


@pytest.mark.xfail(reason="linking: the province's 'tham mưu … ban hành quy định về quản lý chất thải rắn sinh hoạt "
                          "… trên địa bàn tỉnh' is not linked to the decree's 'Ban hành quy định về quản lý … trên "
                          "địa bàn' (9.1); the shared wording is mostly the decree's own subject (pipeline/linking)")
def test_province_regulation_task_links_to_the_decree_clause(decree: Document, province_letter: Document):
    assert "9.1" in _linked(link(decree, province_letter), "1")


# --------------------------------------------------------------------------- (b) ministry decision and department


def test_ministry_decision_parses_the_attached_plan(ministry_decision: Document):
    meta = ministry_decision.meta
    assert (meta.issuer, meta.doc_type, meta.number) == ("BỘ Y TẾ", "Quyết định", "2150/QĐ-BYT")
    assert meta.signer_title == "KT. BỘ TRƯỞNG / THỨ TRƯỞNG" and meta.signer == "Nguyễn Thị Hạnh"
    # "(Ban hành kèm theo …)" was joined to the plan's trích yếu by the wrap; the plan is found all the same
    assert "Ban hành kèm theo Quyết định số 2150/QĐ-BYT" in ministry_decision.preamble
    sections = {s.id: s for s in ministry_decision.sections}
    assert not sections["I"].holds_tasks and not sections["IV"].holds_tasks  # objectives, funding
    assert sections["II"].holds_tasks and sections["III"].holds_tasks
    assert [t.id for t in ministry_decision.tasks] == [
        "3", "II.1.a", "II.1.b", "II.2.a", "II.2.b", "II.3", "III.1.a", "III.1.b", "III.1.c", "III.2", "III.3",
        "III.4.a", "III.4.b", "III.4.c", "III.4.d", "III.5"]


def test_ministry_plan_leads_from_unit_headings(ministry_decision: Document):
    doc = ministry_decision
    assert _names(doc.task("III.1.a").leads) == ["Cục Phòng bệnh"]
    assert _names(doc.task("III.1.b").directs) == ["các địa phương"] and doc.task("III.1.b").localities
    assert _names(doc.task("III.2").leads) == ["Cục Quản lý Khám, chữa bệnh"]
    assert _names(doc.task("III.3").leads) == ["Vụ Kế hoạch - Tài chính"]
    assert _names(doc.task("III.3").coordinators) == ["Cục Phòng bệnh"]
    for task_id in ("III.4.a", "III.4.b", "III.4.c", "III.4.d"):
        task = doc.task(task_id)
        assert _names(task.leads) == ["Sở Y tế các tỉnh, thành phố trực thuộc trung ương"], task_id
        assert _ids(task.leads) == ["so_y_te"] and task.locality_role == "lead"
    assert _names(doc.task("III.4.b").directs) == ["Trung tâm Kiểm soát bệnh tật"]
    assert _names(doc.task("III.4.d").coordinators) == ["Sở Giáo dục và Đào tạo"]
    assert _ids(doc.task("III.5").leads) == ["ubnd_cac_tinh"] and _ids(doc.task("III.5").directs) == ["ubnd_cap_xa"]
    # "Điều 3. Các ông, bà: Chánh Văn phòng Bộ, …": the office holders answer for the decision
    assert _names(doc.task("3").leads)[:2] == ["Chánh Văn phòng Bộ", "Cục trưởng Cục Phòng bệnh"]
    assert "Giám đốc Sở Y tế các tỉnh, thành phố trực thuộc trung ương" in _names(doc.task("3").leads)
    # part II names no one: each task is reported as having no lead
    no_lead = {n.message.split(":")[0] for n in doc.notices if n.code == "extract.no_lead"}
    assert no_lead == {f"nhiệm vụ {t}" for t in ("II.1.a", "II.1.b", "II.2.a", "II.2.b", "II.3")}


def test_department_letter(department_letter: Document):
    doc = department_letter
    assert "SỞ Y TẾ" in doc.meta.issuer and doc.meta.number == "1875/SYT-NVY"
    assert [c.number for c in doc.meta.implements] == ["2150/QĐ-BYT"]
    assert [t.id for t in doc.tasks] == ["1.a", "1.b", "1.c", "2", "3", "4"]
    assert _names(doc.task("1.a").leads) == ["Trung tâm Kiểm soát bệnh tật tỉnh"]
    assert [d.value for d in doc.task("1.a").deadlines] == ["2025/2030", "2025-08-20"]
    assert _names(doc.task("1.c").directs) == ["Trạm Y tế các xã, phường"]
    assert _names(doc.task("2").leads) == ["Các bệnh viện trực thuộc Sở Y tế"]
    assert _names(doc.task("3").leads) == ["Phòng Kế hoạch - Tài chính"]
    assert _names(doc.task("3").advises) == ["Giám đốc Sở Y tế"]
    assert _names(doc.task("4").leads) == ["Sở Giáo dục và Đào tạo"]


def test_ministry_plan_and_department_letter_link(ministry_decision: Document, department_letter: Document):
    result = link(ministry_decision, department_letter)
    assert _linked(result, "4").get("III.4.d") == "sure"  # extracurricular activities with the Sở GD&ĐT
    assert _linked(result, "1.b").get("III.4.b") == "sure"  # surveillance and outbreak response
    assert _linked(result, "1.c").get("III.5") == "sure"  # larvae campaigns before the rainy season
    assert "III.4.c" in _linked(result, "2") or "II.3" in _linked(result, "2")
    coverage = _coverage(result)
    assert {t.id for t in ministry_decision.tasks} <= set(coverage)
    assert coverage["III.4.d"] == "covered" and coverage["III.4.b"] == "covered"


def test_ministry_plan_with_its_tasks_in_a_table_and_a_letter_in_paragraphs():
    """The attached plan lists its tasks in a table with group rows ("I | Hoàn thiện thể chế"); the province
    answers in unnumbered paragraphs ("Giao Sở Công Thương chủ trì …")."""
    central = parse(KINDS / "bct-qd-1420-QD-BCT.txt", role="central")
    assert [t.id for t in central.tasks] == ["3", "Bảng.1.I.1", "Bảng.1.II.1", "Bảng.1.II.2", "III.1", "III.2"]
    assert central.section("Bảng.1").parent == "II" and central.section("Bảng.1.II").kind == "group"
    assert _names(central.task("Bảng.1.I.1").leads) == ["Cục Thương mại điện tử và Kinh tế số"]
    assert _names(central.task("Bảng.1.I.1").coordinators) == ["Vụ Pháp chế"]
    row = central.task("Bảng.1.II.2")
    assert _ids(row.leads) == ["so_cong_thuong"] and row.locality_role == "lead"
    assert _ids(row.coordinators) == ["ubnd_cac_xa"] and [d.value for d in row.deadlines] == ["2025-10"]
    assert _names(central.task("III.1").leads) == ["Cục Thương mại điện tử và Kinh tế số"]  # "… là đơn vị đầu mối"
    letter = parse(KINDS / "bacninh-cv-2210-UBND-KT.txt", role="provincial")
    assert [(t.id, t.label) for t in letter.tasks] == [("1", ""), ("2", "")]
    assert _names(letter.task("1").leads) == ["Sở Công Thương"]
    assert _ids(letter.task("1").coordinators) == ["ubnd_cac_xa"]
    assert _ids(letter.task("2").advises) == ["ubnd_tinh"]
    result = link(central, letter)
    assert "Bảng.1.II.1" in _linked(result, "1")  # training for small enterprises
    # the province funds the tasks: linked; its P(linked) sits at the possible threshold (0.448 against 0.45 since
    # the cross-validated re-fit of 2026-12-07), where the locality rescue keeps it as a possible link
    assert _linked(result, "2").get("III.2") in {"sure", "possible"}
    assert {t.id for t in central.tasks} <= set(_coverage(result))


def test_one_paragraph_carrying_out_two_rows_links_to_both():
    # the second row is led by "Sở Công Thương các tỉnh, thành phố …": the very body that leads the paragraph
    result = link(parse(KINDS / "bct-qd-1420-QD-BCT.txt", role="central"),
                  parse(KINDS / "bacninh-cv-2210-UBND-KT.txt", role="provincial"))
    assert {"Bảng.1.II.1", "Bảng.1.II.2"} <= set(_linked(result, "1"))
    row = next(lk for lk in result.links if (lk.provincial.task, lk.central.task) == ("1", "Bảng.1.II.2"))
    assert "Cơ quan tương ứng: Sở Công Thương các tỉnh, thành phố trực thuộc trung ương → Sở Công Thương" in row.reasons


# --------------------------------------------------------------------------- (c) Prime Minister and cities


def test_pm_decision_programme(pm_decision: Document):
    doc = pm_decision
    meta = doc.meta
    assert (meta.issuer, meta.doc_type, meta.number) == ("THỦ TƯỚNG CHÍNH PHỦ", "Quyết định", "412/QĐ-TTg")
    assert meta.signer_title == "KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG"
    sections = {s.id: s for s in doc.sections}
    assert not sections["1.I"].holds_tasks and not sections["1.II"].holds_tasks  # viewpoints, objectives
    assert sections["1.III"].holds_tasks and sections["1.IV"].holds_tasks  # tasks and solutions, organisation
    ids = [t.id for t in doc.tasks]
    assert ids[:5] == ["1.III.1.a", "1.III.1.b", "1.III.2.a", "1.III.2.b", "1.III.3"]
    assert ids[5:] == ["1.IV.1.a", "1.IV.1.b", "1.IV.1.c", "1.IV.2", "1.IV.3", "1.IV.4.a", "1.IV.4.b", "1.IV.4.c",
                       "1.IV.4.d", "1.IV.4.đ", "1.IV.5", "3"]
    # the page number "- 2 -" under the part heading is dropped
    assert doc.task("1.III.1.a").text.startswith("Rà soát, sửa đổi, bổ sung quy chuẩn")
    assert doc.task("1.IV.4.đ").label == "d)"


def test_pm_decision_roles_and_localities(pm_decision: Document):
    doc = pm_decision
    assert _ids(doc.task("1.IV.1.b").leads) == ["bo_xay_dung"] and [d.value for d in doc.task("1.IV.1.b").deadlines] \
        == ["2027"]
    assert _names(doc.task("1.IV.2").leads) == ["Bộ Tài chính"] and _names(doc.task("1.IV.2").coordinators) == [
        "Bộ Xây dựng"]
    assert doc.task("1.IV.1.a").locality_role == "coordinator"  # "phối hợp với các bộ, ngành, địa phương"
    for task_id in ("1.IV.4.a", "1.IV.4.b", "1.IV.4.c", "1.IV.4.d", "1.IV.4.đ"):
        task = doc.task(task_id)
        assert _names(task.leads) == ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"], task_id
        assert task.localities and task.locality_role == "lead", task_id
    assert [d.value for d in doc.task("1.IV.4.a").deadlines] == ["2026-06-30"]
    assert _ids(doc.task("1.IV.5").leads) == ["uy_ban_tw_mttq"]
    assert "ubnd_cac_tinh" in _ids(doc.task("3").leads)


def test_hanoi_plan_with_a_task_table_in_word(hanoi_plan: Document):
    doc = hanoi_plan
    assert doc.kind == "docx"
    assert doc.meta.issuer == "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI" and doc.meta.number == "118/KH-UBND"
    assert [c.number for c in doc.meta.implements] == ["412/QĐ-TTg"]
    assert [t.id for t in doc.tasks] == ["Bảng.1.1", "Bảng.1.2", "Bảng.1.3", "Bảng.1.4", "Bảng.1.5", "III.1", "III.2",
                                         "III.3"]
    # the part heading above the table is the table's section, not a task of its own
    assert doc.section("Bảng.1").parent == "II" and doc.section("II").holds_tasks
    row = doc.task("Bảng.1.1")
    assert row.text.startswith("Rà soát quy hoạch phân khu") and "Cơ quan chủ trì: Sở Quy hoạch - Kiến trúc" in row.text
    assert _names(row.leads) == ["Sở Quy hoạch - Kiến trúc"]
    assert _names(row.coordinators) == ["Sở Nông nghiệp và Môi trường", "Ủy ban nhân dân các xã, phường"]
    assert [d.value for d in doc.task("Bảng.1.2").deadlines] == ["2026-Q4"]
    communes = doc.task("Bảng.1.4")
    assert _ids(communes.leads) == ["ubnd_cac_xa"] and communes.locality_role == "lead"
    assert _ids(doc.task("Bảng.1.5").coordinators) == ["uy_ban_mttq_tinh"]  # "… Việt Nam Thành phố"
    # a department of the city is printed with its unit word: "Sở Tài chính Thành phố"
    assert _names(doc.task("III.2").leads) == ["Sở Nông nghiệp và Môi trường Thành phố"]
    assert _ids(doc.task("III.2").coordinators) == ["so_tai_chinh", "so_xay_dung"]
    assert _names(doc.task("III.3").leads) == ["Các sở, ban, ngành Thành phố", "Ủy ban nhân dân các xã, phường"]


def test_pm_decision_and_hanoi_plan_link(pm_decision: Document, hanoi_plan: Document):
    result = link(pm_decision, hanoi_plan)
    for provincial, central in (("Bảng.1.1", "1.IV.4.b"), ("Bảng.1.2", "1.IV.4.d"), ("Bảng.1.3", "1.IV.4.c"),
                                ("III.1", "1.IV.4.đ"), ("III.2", "1.IV.3")):
        assert _linked(result, provincial).get(central) == "sure", provincial
    coverage = _coverage(result)
    assert {t.id for t in pm_decision.tasks} <= set(coverage)
    assert all(coverage[t] == "covered" for t in ("1.IV.4.b", "1.IV.4.c", "1.IV.4.d", "1.IV.4.đ"))


def test_directive(directive: Document):
    doc = directive
    assert (doc.meta.doc_type, doc.meta.number, doc.meta.signer_title) == ("Chỉ thị", "09/CT-TTg", "THỦ TƯỚNG")
    assert [t.id for t in doc.tasks] == ["1.a", "1.b", "1.c", "2", "3", "4.a", "4.b", "4.c", "5"]
    assert _names(doc.task("1.a").leads) == ["Bộ Công an"] and _names(doc.task("1.a").coordinators) == ["Bộ Xây dựng"]
    assert [d.value for d in doc.task("1.a").deadlines] == ["2024-Q3"]
    assert _names(doc.task("1.b").directs) == ["Công an các địa phương"]
    for task_id in ("4.a", "4.b", "4.c"):
        assert _ids(doc.task(task_id).leads) == ["ubnd_cac_tinh"] and doc.task(task_id).localities
    assert _names(doc.task("5").leads) == ["Văn phòng Chính phủ"]


def test_hcm_plan_from_pdf_and_the_city_bodies(hcm_plan: Document):
    doc = hcm_plan
    assert doc.kind == "pdf"
    assert doc.meta.issuer == "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH"
    assert [c.number for c in doc.meta.implements] == ["09/CT-TTg"]
    assert [t.id for t in doc.tasks] == ["II.1.a", "II.1.b", "II.2", "II.3", "II.4", "II.5.a", "II.5.b", "III"]
    police = doc.task("II.1.a")
    assert _ids(police.leads) == ["cong_an_tinh"] and police.leads[0].level == "province"
    # in the city's own plan "Ủy ban nhân dân Thành phố" is the city: province level
    assert _ids(doc.task("II.4").advises) == ["ubnd_tinh"]
    # … while "thành phố Thủ Đức" is a city within the city: district level, with the districts
    districts = doc.task("II.5.a")
    assert _names(districts.leads) == ["Ủy ban nhân dân thành phố Thủ Đức", "các quận, huyện"]
    assert districts.leads[0].canonical == "ubnd_huyen" and districts.leads[0].level == "district"
    assert districts.locality_role == "lead"
    assert _names(police.coordinators) == ["Sở Xây dựng", "Ủy ban nhân dân thành phố Thủ Đức", "các quận, huyện"]


def test_directive_and_hcm_plan_link(directive: Document, hcm_plan: Document):
    result = link(directive, hcm_plan)
    for provincial, central in (("II.1.b", "1.c"), ("II.2", "2"), ("II.3", "3"), ("II.4", "4.b"), ("II.5.a", "4.a"),
                                ("II.5.b", "4.c")):
        assert _linked(result, provincial).get(central) == "sure", provincial
    assert "1.b" in _linked(result, "II.1.a")  # the city police's inspection campaign
    coverage = _coverage(result)
    assert {t.id for t in directive.tasks} <= set(coverage)
    assert all(coverage[t] == "covered" for t in ("4.a", "4.b", "4.c"))


def test_department_letter_with_addressee_headings(directive: Document):
    """A Sở letter whose items are headed "1. Đối với Công an tỉnh:" / "2. Đối với UBND các huyện, …:"."""
    doc = parse(KINDS / "nghean-sct-cv-512-SCT-QLTM.txt", role="provincial")
    assert [c.number for c in doc.meta.implements] == ["09/CT-TTg"]
    assert [t.id for t in doc.tasks] == ["1", "2.a", "2.b"]
    assert _ids(doc.task("1").leads) == ["cong_an_tinh"]
    for task_id in ("2.a", "2.b"):
        assert _names(doc.task(task_id).leads) == ["Ủy ban nhân dân các huyện, thành phố, thị xã"], task_id
        assert _ids(doc.task(task_id).leads) == ["ubnd_cac_huyen"]
    assert _ids(doc.task("2.a").directs) == ["ubnd_cac_xa"]
    assert "4.a" in _linked(link(directive, doc), "2.a")  # the census of shop-houses


def test_pm_decision_approving_a_scheme_with_numbered_contents():
    """'Điều 1. Phê duyệt Đề án …' with '2. Nhiệm vụ, giải pháp' (no roman parts) and the assignments in their own
    'Điều 2. Tổ chức thực hiện'."""
    doc = parse(KINDS / "qd-88-QD-TTg-2024-de-an.txt", role="central")
    sections = {s.id: s for s in doc.sections}
    assert sections["1"].holds_tasks and not sections["1.1"].holds_tasks and sections["1.2"].holds_tasks
    assert [t.id for t in doc.tasks] == ["1.2.a", "1.2.b", "1.2.c", "2.1", "2.2", "2.3.a", "2.3.b", "2.3.c", "4"]
    assert _names(doc.task("2.1").coordinators) == ["Bộ Văn hóa, Thể thao và Du lịch"]
    assert doc.task("2.1").locality_role == "directed"  # "hướng dẫn các địa phương xây dựng kế hoạch"
    assert _ids(doc.task("2.3.c").directs) == ["so_giao_duc_dao_tao", "so_van_hoa_tt_dl"]


def test_danang_plan_with_a_plain_text_task_table():
    """A table copied as text ("TT | Nội dung công việc | Đơn vị thực hiện | Đơn vị phối hợp | Thời gian hoàn thành")."""
    central = parse(KINDS / "qd-88-QD-TTg-2024-de-an.txt", role="central")
    doc = parse(KINDS / "danang-kh-45-KH-UBND.txt", role="provincial")
    assert doc.meta.issuer == "ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG"
    # "Căn cứ Quyết định số 88/QĐ-TTg …, UBND thành phố ban hành Kế hoạch": what the plan carries out
    assert [c.number for c in doc.meta.implements] == ["88/QĐ-TTg"]
    assert [t.id for t in doc.tasks] == ["Bảng.1.1", "Bảng.1.2", "Bảng.1.3", "III.1", "III.2"]
    row = doc.task("Bảng.1.2")
    assert _names(row.leads) == ["Sở Tài nguyên và Môi trường"]
    assert _names(row.coordinators) == ["Sở Xây dựng", "Ủy ban nhân dân các quận, huyện"]
    assert [d.value for d in row.deadlines] == ["2024-12"]  # "Thời gian hoàn thành: Tháng 12/2024"
    assert [d.value for d in doc.task("Bảng.1.1").deadlines] == ["2024"]
    assert _ids(doc.task("III.2").leads) == ["ubnd_cac_huyen"]  # the districts of the city (before 2025)
    result = link(central, doc)
    for provincial, central_task in (("Bảng.1.1", "1.2.a"), ("Bảng.1.2", "2.3.b"), ("Bảng.1.3", "2.3.c"),
                                     ("III.2", "2.3.a")):
        assert _linked(result, provincial).get(central_task) == "sure", provincial


@pytest.mark.parametrize(("printed", "agency_id", "level"), [
    ("Ủy ban nhân dân thành phố Hà Nội", "ubnd_tinh", "province"),
    ("UBND Thành phố Hồ Chí Minh", "ubnd_tinh", "province"),
    ("Ủy ban nhân dân thành phố Đà Nẵng", "ubnd_tinh", "province"),
    ("Ủy ban nhân dân Thành phố", "ubnd_tinh", "province"),
    ("Sở Y tế thành phố Đà Nẵng", "so_y_te", "province"),
    ("Ủy ban nhân dân thành phố Thủ Đức", "ubnd_huyen", "district"),
    ("Chủ tịch Ủy ban nhân dân thành phố Kon Tum", "ubnd_huyen", "district"),
    ("Ủy ban nhân dân các huyện, thành phố", "ubnd_cac_huyen", "district"),  # Kon Tum: districts and its city
    ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", "ubnd_cac_tinh", "province"),
    ("Ủy ban nhân dân các xã, phường", "ubnd_cac_xa", "commune"),
])
def test_city_bodies_take_the_level_of_their_city(printed: str, agency_id: str, level: str):
    agency = agencies.lookup(printed)
    assert (agency.id, agency.level) == (agency_id, level)


def test_every_task_of_every_kind_has_text_and_a_place(decree, province_letter, ministry_decision, department_letter,
                                                        pm_decision, hanoi_plan, directive, hcm_plan):
    for doc in (decree, province_letter, ministry_decision, department_letter, pm_decision, hanoi_plan, directive,
                hcm_plan):
        tasks: list[Task] = doc.tasks
        assert len({t.id for t in tasks}) == len(tasks), doc.id
        assert [t.span.start for t in tasks] == sorted(t.span.start for t in tasks), doc.id
        for task in tasks:
            assert task.text.strip() and task.span.line >= 1, (doc.id, task.id)


# --------------------------------------------------------------------------- (a) a decree handing powers over, a province's phân cấp


def _leads(doc: Document) -> dict[str, list[str]]:
    return {t.id: _names(t.leads) for t in doc.tasks}


def test_competence_decree_powers_handed_over_are_tasks_of_their_new_holder(competence_decree: Document):
    leads = _leads(competence_decree)
    # "Thẩm quyền của A … chuyển giao cho B thực hiện" / "… do B thực hiện": B holds the power
    assert leads["3"] == ["Chủ tịch Ủy ban nhân dân cấp tỉnh"]
    assert leads["4.1.a"] == leads["4.1.b"] == ["Chủ tịch Ủy ban nhân dân cấp xã"]  # "…, bao gồm:" lists powers
    assert leads["4.2"] == ["Ủy ban nhân dân cấp xã"]
    assert leads["5.1"] == ["Bộ trưởng Bộ Nông nghiệp và Môi trường"]
    assert "7" in leads and not any(t.startswith(("1", "2", "6")) for t in leads)


def test_province_delegation_decision_tasks(delegation_decision: Document):
    leads = _leads(delegation_decision)
    assert leads["2.1"] == leads["2.3"] == ["Chủ tịch Ủy ban nhân dân cấp xã"]
    assert "3.2" not in leads  # the transitional clause


def test_points_that_only_list_cases_or_conditions_stay_in_their_clause(competence_decree: Document,
                                                                       delegation_decision: Document):
    decree, province = _leads(competence_decree), _leads(delegation_decision)
    assert decree["5.2"] == ["Ủy ban nhân dân cấp tỉnh"] and "5.2.a" not in decree
    assert "vật liệu xây dựng thông thường" in next(t.text for t in competence_decree.tasks if t.id == "5.2")
    assert province["2.2"] == ["Chủ tịch Ủy ban nhân dân cấp xã"] and "2.2.b" not in province
    assert list(province) == ["2.1", "2.2", "2.3", "4"]


def test_plan_with_a_task_table_laid_out_by_pdftotext():
    """A plan copied from a PDF with `pdftotext -layout`: its appendix table has columns set apart by blanks, a
    header wrapped over two lines ("Cơ quan" / "chủ trì") and printed again after a page break, group rows, task
    and agency cells wrapped over several lines, cells of a narrow column one space apart ("Sở Văn hóa, Thể Sở
    Giáo dục và"), and a paragraph right under the table. Each numbered row is a task with its cells."""
    doc = parse(KINDS / "haidong-kh-41-KH-UBND-layout.txt", role="provincial")
    sections = {s.id: s for s in doc.sections}
    assert sections["Bảng.1"].title == "DANH MỤC NHIỆM VỤ THỰC HIỆN KẾ HOẠCH"
    assert sections["Bảng.1.I"].title == "NHÓM NHIỆM VỤ VỀ QUY HOẠCH VÀ ĐẦU TƯ HẠ TẦNG KHO LẠNH"
    assert sections["Bảng.1.II"].title == "NHÓM NHIỆM VỤ VỀ THỊ TRƯỜNG"
    assert [t.id for t in doc.tasks] == ["Bảng.1.I.1", "Bảng.1.I.2", "Bảng.1.II.3", "Bảng.1.II.4", "Bảng.1.II.5"]
    first = doc.task("Bảng.1.I.1")
    assert first.text.startswith("Rà soát nhu cầu kho lạnh của các vùng trồng cây ăn quả tập trung (")
    assert (first.span.line, first.span.end_line) == (21, 22)
    expected = {  # task: (leads, coordinators, deadline)
        "Bảng.1.I.1": (["Sở Nông nghiệp và Môi trường"], ["Sở Tài chính"], "2031-Q2"),
        "Bảng.1.I.2": (["Sở Tài chính"], ["Sở Công Thương"], "2031"),
        "Bảng.1.II.3": (["Sở Công Thương"], ["Ủy ban nhân dân các xã, phường"], "annual"),
        "Bảng.1.II.4": (["Sở Văn hóa, Thể thao và Du lịch"], ["Sở Giáo dục và Đào tạo"], "2031-Q4"),
        "Bảng.1.II.5": (["Văn phòng Ủy ban nhân dân tỉnh"], ["Sở Nội vụ"], "2031-Q3"),
    }
    for task_id, (leads, coordinators, deadline) in expected.items():
        task = doc.task(task_id)
        assert (_names(task.leads), _names(task.coordinators)) == (leads, coordinators), task_id
        assert [d.value for d in task.deadlines] == [deadline], task_id
    # the paragraph under the table is neither a cell nor a row
    assert all("báo cáo kết quả" not in t.text for t in doc.tasks)


def test_a_word_plan_whose_task_table_has_merged_cells_and_a_header_on_each_page(tmp_path):
    # a Word table as provinces print it: the header row repeated (a converter copied it as a row), a group row
    # merged across naming the lead of its rows, a numbering cell merged down over two activities, and a row
    # cut by a page break into a row of its own
    import docx

    document = docx.Document()
    add_header_table(document, Header(issuer=["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"], number="Số: 21/KH-UBND",
                                      place_date="Lào Cai, ngày 10 tháng 3 năm 2034"))
    for text in ("KẾ HOẠCH", "Triển khai thực hiện Nghị quyết số 23/NQ-CP", "I. NHIỆM VỤ",
                 "Chi tiết tại Phụ lục kèm theo."):
        document.add_paragraph(text)
    header = ("STT", "Cơ quan chủ trì", "Nội dung nhiệm vụ", "Thời gian hoàn thành", "Cơ quan phối hợp")
    rows = [header,
            ("I", "Sở Tài chính chủ trì", "", "", ""),
            ("1", "", "Rà soát nguồn vốn đầu tư công cho vùng biên giới", "Quý II/2034", "Sở Xây dựng"),
            ("2", "Sở Công Thương", "Xây dựng đề án phát triển thương mại biên giới", "Tháng 9/2034", "Sở Tài chính"),
            ("", "Sở Nội vụ", "Kiện toàn tổ chức bộ máy quản lý cửa khẩu", "Năm 2034", "Ban Quản lý Khu kinh tế"),
            header,
            ("3", "Sở Y tế", "Tăng cường kiểm dịch y tế tại cửa khẩu, bảo đảm", "Thường xuyên", "Công an tỉnh"),
            ("", "", "an toàn cho người và hàng hóa qua lại", "", "")]
    table = document.add_table(rows=len(rows), cols=len(header))
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    merged = table.rows[1].cells
    merged[1].merge(merged[4])
    path = tmp_path / "kh-21.docx"
    document.save(path)
    plan = parse(path, role="provincial")
    tasks = {t.id: t for t in plan.tasks if t.id.startswith("Bảng")}
    assert [(_names(t.leads), _names(t.coordinators)) for t in tasks.values()] == [
        (["Sở Tài chính"], ["Sở Xây dựng"]),  # the group row names the lead its empty lead cell leaves open
        (["Sở Công Thương"], ["Sở Tài chính"]),
        (["Sở Nội vụ"], ["Ban Quản lý Khu kinh tế"]),
        (["Sở Y tế"], ["Công an tỉnh"])]
    assert "bảo đảm an toàn cho người và hàng hóa qua lại" in tasks["Bảng.1.I.3"].text
