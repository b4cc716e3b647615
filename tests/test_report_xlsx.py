"""The Excel cross-reference table, opened with openpyxl and checked against the Result."""
from __future__ import annotations

import copy
import re

import pytest
from gold_result import gold_result
from openpyxl import load_workbook

from pipeline.report import labels as L
from pipeline.report.xlsx import write_crossref_xlsx

HEADER_ROW = 3


@pytest.fixture(scope="module")
def result():
    return gold_result()


@pytest.fixture(scope="module")
def workbook(result, tmp_path_factory):
    path = tmp_path_factory.mktemp("xlsx") / "crossref.xlsx"
    write_crossref_xlsx(result, path)
    return load_workbook(path)


def rows(ws, columns):
    out = []
    for values in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True):
        out.append(dict(zip(columns, values, strict=False)))
    return out


def test_sheets_and_headings(workbook):
    assert workbook.sheetnames == [L.SHEET_CENTRAL, L.SHEET_PROVINCIAL, L.SHEET_SUMMARY]
    ws = workbook[L.SHEET_CENTRAL]
    assert [c.value for c in ws[HEADER_ROW]] == list(L.CENTRAL_COLUMNS)
    assert "Nghị quyết 23/NQ-CP" in ws["A1"].value
    assert [c.value for c in workbook[L.SHEET_PROVINCIAL][HEADER_ROW]] == list(L.PROVINCIAL_COLUMNS)


def test_one_row_per_central_task_with_statuses(result, workbook):
    central, _ = result.documents
    table = rows(workbook[L.SHEET_CENTRAL], L.CENTRAL_COLUMNS)
    assert [r[L.COL_CENTRAL_PATH] for r in table] == [t.id for t in central.tasks]
    by_id = {r[L.COL_CENTRAL_PATH]: r for r in table}
    for cov in result.coverage:
        assert by_id[cov.central.task][L.COL_STATUS] == L.STATUS[cov.status]
        listed = (by_id[cov.central.task][L.COL_PROV_PATH] or "").split("\n")
        assert set(cov.sure + cov.possible) == {x for x in listed if x}
    # a ministry task nobody carries out is not called a gap
    assert by_id["III.1.a.1"][L.COL_STATUS] == L.STATUS["not_assigned"]
    row = by_id["III.1.a.2"]
    assert row[L.COL_PROV_PATH] == "1.a.1" and row[L.COL_STRENGTH] == L.STRENGTH["sure"]
    assert row[L.COL_CENTRAL_LEAD] == "Bộ Kế hoạch và Đầu tư" and row[L.COL_PROV_LEAD] == "Sở Kế hoạch và Đầu tư"
    assert row[L.COL_LOCALITY] == L.LOCALITY_ROLE["coordinator"]
    assert row[L.COL_CENTRAL_TEXT] == central.task("III.1.a.2").text
    assert row[L.COL_PROVENANCE].startswith(f"TW: dòng {central.task('III.1.a.2').span.line}")
    assert row[L.COL_REVIEW] is None and row[L.COL_REVIEW_COMMENT] is None
    two = by_id["III.2.a"]  # sure link first, then the possible one
    assert two[L.COL_PROV_PATH] == "1.a.1\n1.a.3"
    assert two[L.COL_STRENGTH] == "Chắc chắn\nCó thể"


def test_layout_for_people(workbook):
    ws = workbook[L.SHEET_CENTRAL]
    assert ws.freeze_panes == f"C{HEADER_ROW + 1}"
    assert ws.auto_filter.ref.startswith(f"A{HEADER_ROW}:")
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    assert ws.column_dimensions["C"].width >= 50  # text columns are wide, ids narrow
    assert ws.column_dimensions["B"].width <= 15
    key_col = ws.cell(HEADER_ROW, L.CENTRAL_COLUMNS.index(L.COL_KEY) + 1).column_letter
    assert ws.column_dimensions[key_col].hidden
    status_col = L.CENTRAL_COLUMNS.index(L.COL_STATUS) + 1
    fills = {ws.cell(r, status_col).value: ws.cell(r, status_col).fill.fgColor.rgb[-6:]
             for r in range(HEADER_ROW + 1, ws.max_row + 1)}
    assert fills[L.STATUS["gap"]] == L.STATUS_FILL["gap"]
    assert fills[L.STATUS["covered"]] == L.STATUS_FILL["covered"]
    assert ws.cell(HEADER_ROW + 1, 3).alignment.wrap_text


def test_provincial_sheet_marks_additions():
    result = gold_result()
    result.links = [link for link in result.links if link.provincial.task != "1.a.3"]
    from pipeline.report.xlsx import build_workbook

    ws = build_workbook(result)[L.SHEET_PROVINCIAL]
    table = rows(ws, L.PROVINCIAL_COLUMNS)
    assert len(table) == 26
    by_id = {r[L.COL_PROV_PATH]: r for r in table}
    assert by_id["1.a.3"][L.COL_P_KIND] == L.addition("tỉnh") == "Nội dung bổ sung của địa phương"
    assert by_id["1.a.1"][L.COL_P_KIND] == L.KIND_CARRIES_OUT
    assert by_id["1.a.1"][L.COL_P_CENTRAL_PATH] == "III.1.a.2\nIII.2.a"


def test_summary_sheet_counts(result, workbook):
    ws = workbook[L.SHEET_SUMMARY]
    values = [[c.value for c in row] for row in ws.iter_rows()]
    heading = [L.COL_GROUP] + [L.STATUS[s] for s in L.STATUS_ORDER] + [L.COL_TOTAL]
    starts = [i for i, row in enumerate(values) if row[:len(heading)] == heading]
    assert len(starts) == 2  # by section, by lead agency
    section_rows = values[starts[0] + 1:starts[1] - 2]
    *section_rows, total_row = [r for r in section_rows if r[0]]
    total = sum(r[-1] for r in section_rows)
    assert total == len(result.documents[0].tasks)
    gap_col = 1 + list(L.STATUS_ORDER).index("gap")
    assert sum(r[gap_col] for r in section_rows) == sum(c.status == "gap" for c in result.coverage)
    # the table by section ends with its totals; the one by lead agency has none (a task may have several leads)
    assert total_row[:len(heading)] == [L.ROW_TOTAL] + [sum(r[i] for r in section_rows) for i in range(1, len(heading))]
    assert L.ROW_TOTAL not in [row[0] for row in values[starts[1]:]]


def test_same_input_same_bytes_and_fixed_metadata(result, tmp_path):
    import time
    write_crossref_xlsx(result, tmp_path / "a.xlsx")
    time.sleep(1.1)
    write_crossref_xlsx(result, tmp_path / "b.xlsx")
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()
    props = load_workbook(tmp_path / "a.xlsx").properties
    assert props.created.year == 2000 and props.modified.year == 2000


def test_document_text_is_never_a_formula(tmp_path):
    result = gold_result()
    result.documents[0].tasks[0].text = "=HYPERLINK(\"http://example.invalid\",\"x\")"
    write_crossref_xlsx(result, tmp_path / "f.xlsx")
    ws = load_workbook(tmp_path / "f.xlsx")[L.SHEET_CENTRAL]
    cell = ws.cell(HEADER_ROW + 1, 3)
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")


def test_provenance_names_page_and_lines():
    from pipeline.model import Span, Task
    from pipeline.report.rows import provenance

    task = Task(doc="d", id="1", label="1.", text="x", span=Span(5, 7, 0, 10, page=2, end_page=3))
    assert provenance(task, "TW: ") == "TW: trang 2–3, dòng 5–7"
    task.span = Span(5, 5, 0, 10)
    assert provenance(task) == "dòng 5"


def test_the_head_of_the_first_sheet_names_the_gaps_of_tasks_addressed_to_localities(result, workbook):
    gaps = [c.central.task for c in result.coverage if c.status == "gap"]
    head = workbook[L.SHEET_CENTRAL]["A2"].value
    assert f" {len(gaps)} nhiệm vụ giao cho địa phương chưa triển khai: {', '.join(gaps)} (lọc cột" in head


def test_side_headings():
    assert L.side_heading(L.COL_PROV_PATH, "tỉnh") == L.COL_PROV_PATH == "Điều khoản triển khai (tỉnh)"
    assert L.side_heading(L.COL_PROV_LEAD, "bộ") == "Cơ quan chủ trì (bộ)"
    assert L.side_heading(L.COL_PROV_PATH, L.IMPLEMENTER_DEFAULT) == "Điều khoản triển khai"
    assert L.side_heading(L.SHEET_PROVINCIAL, L.IMPLEMENTER_DEFAULT) == "Đối chiếu triển khai → TW"
    assert all(len(L.side_heading(name, side)) <= 31 for name in (L.SHEET_CENTRAL, L.SHEET_PROVINCIAL)
               for side in ("Chính phủ", L.IMPLEMENTER_DEFAULT))  # Excel's limit on a sheet name


def _cells(path):
    return [str(c.value) for ws in load_workbook(path).worksheets for row in ws.iter_rows() for c in row
            if c.value is not None]


@pytest.mark.parametrize("issuer, word", [
    (None, "tỉnh"),  # the seed pair as it is: Ủy ban nhân dân tỉnh Kon Tum
    ("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "bộ"),  # a ministry's plan carrying out a decree
    ("CHÍNH PHỦ", "Chính phủ"),  # the Government's programme of action for a resolution
    ("BAN QUẢN LÝ DỰ ÁN XYZ", "văn bản triển khai"),  # an issuer nobody registered: the plain name of the side
])
def test_implementing_side_named_by_its_issuer(tmp_path, issuer, word):
    import dataclasses

    from pipeline.report.rows import implementer

    result = gold_result()
    if issuer is not None:
        result.documents = [dataclasses.replace(d, meta=dataclasses.replace(d.meta, issuer=issuer))
                            if d.role == "provincial" else d for d in result.documents]
    provincial = [d for d in result.documents if d.role == "provincial"]
    assert implementer(provincial) == word
    path = tmp_path / "crossref.xlsx"
    write_crossref_xlsx(result, path)
    cells = _cells(path)
    assert any(f"nhiệm vụ của {word}: " in c for c in cells)
    assert any(f"ghi điều khoản của {word} (ví dụ" in c for c in cells)
    assert any(c.startswith(f"{word[:1].upper()}{word[1:]}: ") for c in cells)
    assert any(c.startswith("Mỗi dòng là một nhiệm vụ của văn bản triển khai;") for c in cells)
    if word != "tỉnh":
        assert not any("của tỉnh" in c or c.startswith("Tỉnh: ") or "văn bản địa phương" in c for c in cells)
        assert not any("(tỉnh)" in c or "→ tỉnh" in c for c in cells)
    # what the implementing side added on its own is named after that side, in every output
    from pipeline.report.html import render_coverage_html
    from pipeline.report.tables import crossref_md_text

    addition = f"Nội dung bổ sung của {'địa phương' if word == 'tỉnh' else word}"
    markdown, html = crossref_md_text(result), render_coverage_html(result)
    assert f"ghi \"{addition}\"" in " ".join(cells)
    assert f"## {addition}" in markdown and f"trong đó {addition.lower()}: " in markdown
    assert f"<h2>{addition} " in html and f"nhiệm vụ của {L.implementer_noun(word)}, trong đó" in html
    if word != "tỉnh":
        assert not any(words in text for text in (markdown, html, *cells) for words in (
            "bổ sung của địa phương", "nhiệm vụ của địa phương,", "Nhiệm vụ của địa phương<", "Văn bản địa phương"))
    # headings and sheet names follow; the review import still finds the provincial path column of sheet 1
    from pipeline.review import read_workbook

    wb = load_workbook(path)
    ws = wb[L.side_heading(L.SHEET_CENTRAL, word)]
    assert L.side_heading(L.SHEET_PROVINCIAL, word) in wb.sheetnames
    headings = [c.value for c in ws[HEADER_ROW]]
    assert L.side_heading(L.COL_PROV_PATH, word) in headings
    review, listed = headings.index(L.COL_REVIEW), headings.index(L.side_heading(L.COL_PROV_PATH, word))
    row = next(r for r in ws.iter_rows(min_row=HEADER_ROW + 1) if r[listed].value)
    row[review].value = "Đồng ý"
    wb.save(path)
    decisions = read_workbook(path)
    assert decisions and {d.provincial for d in decisions} == set(str(row[listed].value).split("\n"))


@pytest.mark.parametrize("issuer, number, lead", [
    (None, None, L.LEADER_CENTRAL),  # the seed pair as it is: Nghị quyết 23/NQ-CP of the Government
    ("TỈNH ỦY LÀO CAI", "34-NQ/TU", L.LEADER_OTHER),  # a provincial party resolution carried out by the UBND's plan
    ("TÍNH ỦY LÀO CAI", "34-NQ/TU", L.LEADER_OTHER),  # its header OCR'd: the số hiệu's issuer TU is not central
    ("TÍNH ỦY LÀO CAI", "23/NQ-CP", L.LEADER_CENTRAL),  # an unread issuer, a central số hiệu
    ("", None, L.LEADER_CENTRAL),  # nothing known: central, as the corpus files it
])
def test_document_carried_out_named_by_its_issuer(tmp_path, issuer, number, lead):
    import dataclasses

    from pipeline.naming import leader
    from pipeline.report.html import render_coverage_html
    from pipeline.report.tables import crossref_csv_text, crossref_md_text
    from pipeline.review import read_workbook

    result = gold_result()
    if issuer is not None:
        result.documents = [dataclasses.replace(d, meta=dataclasses.replace(d.meta, issuer=issuer, number=number))
                            if d.role == "central" else d for d in result.documents]
    assert leader([d for d in result.documents if d.role == "central"]) == lead
    for link in result.links:  # the fixture's canned reasons ("… với nhiệm vụ TW"); the linker's: tests/test_naming.py
        link.reasons = []
    path = tmp_path / "crossref.xlsx"
    write_crossref_xlsx(result, path)
    cells, markdown, html = _cells(path), crossref_md_text(result), render_coverage_html(result)
    csv_head = crossref_csv_text(result).splitlines()[0]
    wb = load_workbook(path)
    if lead == L.LEADER_CENTRAL:
        assert "Điều khoản văn bản TW" in csv_head and wb.sheetnames[0] == L.SHEET_CENTRAL
        assert any(c.startswith("TW: ") for c in cells) and "Nhiệm vụ của văn bản trung ương: **" in markdown
        return
    # no output calls the provincial resolution central: headings, sheet names, prose, the HTML report
    for text in (*cells, markdown, html, csv_head, *wb.sheetnames):
        assert not re.search(r"(?i)(văn bản|nhiệm vụ) (trung ương|TW)|\(TW|TW[:)]|→ TW|TW →", text), text
    assert "Điều khoản văn bản gốc" in csv_head and "| Điều khoản văn bản gốc |" in markdown
    assert wb.sheetnames[:2] == ["Đối chiếu VB gốc → tỉnh", "Đối chiếu tỉnh → VB gốc"]
    assert any(c.startswith("Văn bản gốc: ") for c in cells) and "Nhiệm vụ của văn bản gốc: " in " ".join(cells)
    assert "Nhiệm vụ của văn bản gốc: **" in markdown and "## Theo mục của văn bản gốc" in markdown
    assert "<p>Văn bản gốc: <strong>" in html and ">Văn bản gốc</text>" in html
    assert "<th>Triển khai nhiệm vụ của văn bản gốc</th>" in html and "<h2>Tổng hợp theo mục của văn bản gốc</h2>" in html
    # the review import reads either sheet of such a table
    for sheet, target in ((0, L.COL_PROV_PATH), (1, L.COL_P_CENTRAL_PATH)):
        ws = wb.worksheets[sheet]
        headings = [c.value for c in ws[HEADER_ROW]]
        listed = headings.index(L.heading(target, lead, "tỉnh"))
        row = next(r for r in ws.iter_rows(min_row=HEADER_ROW + 1) if r[listed].value)
        row[headings.index(L.COL_REVIEW)].value = "Đồng ý"
    wb.save(path)
    decisions = read_workbook(path)
    assert len({(d.central, d.provincial) for d in decisions}) >= 2


def test_original_headings_fit_excel_and_each_names_the_central_side():
    assert set(L.ORIGINAL_HEADINGS) >= {L.SHEET_CENTRAL, L.SHEET_PROVINCIAL, L.COL_CENTRAL_PATH, L.COL_CENTRAL_LEAD,
                                        L.COL_P_CENTRAL_PATH, L.KIND_CARRIES_OUT, L.SUMMARY_BY_SECTION}
    assert all("TW" in heading for heading in L.ORIGINAL_HEADINGS)
    assert not any("TW" in heading or "trung ương" in heading for heading in L.ORIGINAL_HEADINGS.values())
    assert all(len(L.heading(name, L.LEADER_OTHER, side)) <= 31 for name in (L.SHEET_CENTRAL, L.SHEET_PROVINCIAL)
               for side in ("tỉnh", "Chính phủ", L.IMPLEMENTER_DEFAULT))


def test_a_link_whose_reasons_quote_no_words_shows_the_phrases_both_tasks_share():
    """A link argued only by its heading and by being the closest wording gets, in "Căn cứ đối chiếu", the short
    phrases both tasks share, for the reader to find in both texts; a link whose reasons already quote phrases, and
    a near copy's sentence-long shared phrase, add nothing."""
    from pipeline.report.xlsx import build_workbook, link_reasons

    result = gold_result()
    argued = next(lk for lk in result.links if lk.central.task == "III.1.a.2")
    argued.reasons = ["Đề mục tương ứng: III.1 ↔ 1 (giống nhau 100%)"]
    argued.shared_phrases = ["cơ chế, chính sách", "khu vực biên giới", "x " * 60, "một", "hai"]
    assert link_reasons(argued) == [
        "Đề mục tương ứng: III.1 ↔ 1 (giống nhau 100%)",
        f"{L.SHARED_PHRASES}: «cơ chế, chính sách», «khu vực biên giới», «một»"]
    quoted = copy.deepcopy(argued)
    quoted.reasons = ["Thuật ngữ đặc trưng (hiếm trong văn bản trung ương) có ở cả hai: «cơ chế»"]
    assert link_reasons(quoted) == quoted.reasons
    quoted.reasons, quoted.shared_phrases = ["Gần như chép nguyên văn"], ["x " * 60]
    assert link_reasons(quoted) == ["Gần như chép nguyên văn"]

    table = rows(build_workbook(result)[L.SHEET_CENTRAL], L.CENTRAL_COLUMNS)
    row = next(r for r in table if r[L.COL_CENTRAL_PATH] == "III.1.a.2")
    assert f"{L.SHARED_PHRASES}: «cơ chế, chính sách»" in row[L.COL_REASON]


def test_the_header_row_is_tall_enough_for_its_longest_heading(workbook):
    """A heading that wraps to four lines in its narrow column ("Điều khoản văn bản TW được triển khai") is shown
    whole: the header row grows with it (a fixed 32 points showed two of its lines); short headings keep 32."""
    from pipeline.report.xlsx import header_height

    assert header_height(["Điều khoản", "STT"], [10, 5]) == 32
    assert header_height(["Điều khoản triển khai (tỉnh)"], [10]) == 15 * 3 + 2
    ws = workbook[L.SHEET_PROVINCIAL]
    heading = next(c for c in ws[HEADER_ROW] if c.value == L.COL_P_CENTRAL_PATH)
    assert ws.column_dimensions[heading.column_letter].width == 12
    assert ws.row_dimensions[HEADER_ROW].height >= 15 * 4 + 2
