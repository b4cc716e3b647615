"""CSV (UTF-8 with BOM) and Markdown versions of the cross-reference table."""
from __future__ import annotations

import csv
import io
import re

import pytest
from gold_result import gold_result

from pipeline.report import labels as L
from pipeline.report.tables import CSV_COLUMNS, write_crossref_csv, write_crossref_md


@pytest.fixture(scope="module")
def result():
    return gold_result()


def test_csv_has_bom_and_one_row_per_central_task(result, tmp_path):
    path = write_crossref_csv(result, tmp_path / "crossref.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads Vietnamese correctly only with the BOM
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert table[0] == list(CSV_COLUMNS)
    assert L.COL_REVIEW not in table[0]
    body = [dict(zip(table[0], row, strict=True)) for row in table[1:]]
    assert [r[L.COL_CENTRAL_PATH] for r in body] == [t.id for t in result.documents[0].tasks]
    by_id = {r[L.COL_CENTRAL_PATH]: r for r in body}
    for cov in result.coverage:
        assert by_id[cov.central.task][L.COL_STATUS] == L.STATUS[cov.status]
    assert by_id["III.2.a"][L.COL_PROV_PATH] == "1.a.1\n1.a.3"  # multi-line cells survive quoting
    assert "Nghị định" in by_id["III.1.a.1"][L.COL_CENTRAL_TEXT]
    # scores with the decimal comma, one a line, as the reasons and the HTML report write them
    scores = [r[L.COL_SCORE] for r in body if r[L.COL_SCORE]]
    assert scores and all(re.fullmatch(r"[01],\d\d(\n[01],\d\d)*", s) for s in scores), scores
    assert "\n" in by_id["III.2.a"][L.COL_SCORE]


def test_markdown_reads_on_its_own(result, tmp_path):
    text = write_crossref_md(result, tmp_path / "crossref.md").read_text(encoding="utf-8")
    assert text.startswith("# Bảng đối chiếu: Nghị quyết 23/NQ-CP")
    gaps = [c.central.task for c in result.coverage if c.status == "gap"]
    gap_part = text.split("## Bảng đối chiếu")[0]
    assert all(f"**{g}**" in gap_part for g in gaps)
    first = result.documents[0].task(gaps[0])
    assert f"**{gaps[0]}** ({first.leads[0].text}; {L.LINE} {first.span.line}" in gap_part  # where to check it
    table = [line for line in text.split("## Bảng đối chiếu")[1].split("\n## ")[0].splitlines() if line.startswith("|")]
    assert len(table) == 2 + len(result.documents[0].tasks)
    columns = table[0].count(" | ") + 1
    assert table[0].endswith(f"| {L.COL_PROVENANCE} |")
    # a pipe in document text must not break the table
    result2 = gold_result()
    result2.documents[0].tasks[0].text = "a | b <script>"
    text2 = write_crossref_md(result2, tmp_path / "x.md").read_text(encoding="utf-8")
    row = next(line for line in text2.splitlines() if line.startswith("| III.1.a.1 "))
    assert "a \\| b \\<script\\>" in row
    assert row.replace("\\|", "").count(" | ") + 1 == columns


def test_same_input_same_bytes(result, tmp_path):
    for name, write in (("c.csv", write_crossref_csv), ("c.md", write_crossref_md)):
        write(result, tmp_path / ("1" + name))
        write(gold_result(), tmp_path / ("2" + name))
        assert (tmp_path / ("1" + name)).read_bytes() == (tmp_path / ("2" + name)).read_bytes()


def test_a_ministry_task_the_linker_calls_a_gap_is_not_assigned_to_localities():
    # the linker writes a coverage row for every central task; an unlinked one that does not reach localities is
    # "Không giao cho địa phương" in the table, not a red "Chưa triển khai"
    from pipeline.model import Coverage, TaskRef
    from pipeline.report.rows import build_crossref

    result = gold_result()
    central, provincial = result.documents
    task = central.task("III.1.a.1")
    assert not task.localities
    result.coverage = [c for c in result.coverage if c.central.task != task.id]
    result.coverage.append(Coverage(TaskRef(central.id, task.id), provincial.id, "gap"))
    row = next(r for r in build_crossref(result).central_rows if r.task.id == task.id)
    assert row.status == "not_assigned"


def test_one_level_down_the_coverage_row_says_whose_task_it_is():
    # a provincial programme's tasks all reach the localities; the row of one not addressed to the implementing
    # document's issuer (pipeline.linking.coverage_rows) is not its gap, whatever the task's own flag
    from pipeline.model import Coverage, TaskRef
    from pipeline.report.rows import build_crossref

    result = gold_result()
    central, provincial = result.documents
    task = next(t for t in central.tasks if t.localities)
    result.coverage = [c for c in result.coverage if c.central.task != task.id]
    result.coverage.append(Coverage(TaskRef(central.id, task.id), provincial.id, "gap", localities=False))
    row = next(r for r in build_crossref(result).central_rows if r.task.id == task.id)
    assert row.status == "not_assigned" and not row.localities


def test_a_document_without_a_number_is_named_by_its_type_and_issuer():
    from pipeline.model import Document
    from pipeline.report.html import render_coverage_html
    from pipeline.report.rows import document_label

    plan = Document(id="kh-kontum", path="kh.txt", role="provincial", kind="txt")
    assert document_label(plan) == "kh-kontum"
    plan.meta.issuer = "Ủy ban nhân dân tỉnh Kon Tum"
    assert document_label(plan) == "Ủy ban nhân dân tỉnh Kon Tum"
    plan.meta.doc_type = "Kế hoạch"
    assert document_label(plan) == "Kế hoạch của Ủy ban nhân dân tỉnh Kon Tum"
    result = gold_result()
    result.documents[1].meta.number = None
    result.documents[1].meta.issuer = "Ủy ban nhân dân tỉnh Kon Tum"
    html = render_coverage_html(result)
    assert "Ủy ban nhân dân tỉnh Kon Tum</strong>" in html
    assert "Kon Tum</strong> của Ủy ban nhân dân tỉnh Kon Tum" not in html


@pytest.mark.parametrize("printed, named", [
    ("TỈNH ỦY LÀO CAI", "Tỉnh ủy Lào Cai"),  # a header in capitals: the name, then the place with its capitals
    ("ỦY BAN NHÂN DÂN HUYỆN BẢO THẮNG", "Ủy ban nhân dân huyện Bảo Thắng"),
    ("SỞ CÔNG THƯƠNG TỈNH QUẢNG NGÃI", "Sở Công Thương tỉnh Quảng Ngãi"),  # the unit word in lower case
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "Ủy ban nhân dân thành phố Hồ Chí Minh"),  # a centrally-run city
    ("BỘ TÀI CHÍNH", "Bộ Tài chính"),
    ("BỘ TÀI CHÍNH TONG CYC THUE", "BỘ TÀI CHÍNH TONG CYC THUE"),  # no unit and place after the name: as printed
    ("Ủy ban nhân dân tỉnh Kon Tum", "Ủy ban nhân dân tỉnh Kon Tum"),
])
def test_an_issuer_printed_in_capitals_is_named_as_a_sentence_writes_it(printed, named):
    from pipeline.model import Document
    from pipeline.report.rows import document_heading

    resolution = Document(id="nq", path="nq.txt", role="central", kind="txt")
    resolution.meta.doc_type, resolution.meta.number, resolution.meta.issuer = "Nghị quyết", "34-NQ/TU", printed
    assert document_heading(resolution) == f"Nghị quyết 34-NQ/TU của {named}"


def test_a_document_of_which_no_header_was_read_is_named_by_its_id_and_every_report_says_why(tmp_path):
    # an OCR'd party resolution whose header came out as noise: no type, number, ký hiệu or issuer was read
    from openpyxl import load_workbook

    from pipeline.report.html import render_coverage_html
    from pipeline.report.rows import document_label
    from pipeline.report.tables import crossref_md_text
    from pipeline.report.xlsx import write_crossref_xlsx

    result = gold_result()
    central = result.documents[0]
    central.meta.number = central.meta.symbol = central.meta.doc_type = central.meta.issuer = None
    assert document_label(central) == central.id
    said = f"không đọc được loại văn bản, số hiệu và cơ quan ban hành trong tệp {central.path}"
    assert f"- Lưu ý: {said}" in crossref_md_text(result)
    assert f"theo mã {central.id} trong corpus" in crossref_md_text(result)
    assert said in render_coverage_html(result)
    sheet = load_workbook(write_crossref_xlsx(result, tmp_path / "t.xlsx"))[L.SHEET_CENTRAL]
    assert said in sheet["A2"].value
    central.meta.doc_type = "Nghị quyết"  # a type read is a name ("Nghị quyết"): no such note
    assert said not in crossref_md_text(result)


def test_a_letter_whose_number_was_not_read_is_named_by_its_symbol_and_every_report_says_so(tmp_path):
    # a scanned letter's "Số: Z32Ø/BTC-QLCS": the running number is unreadable, the ký hiệu is not
    from openpyxl import load_workbook

    from pipeline.report.html import render_coverage_html
    from pipeline.report.rows import document_label
    from pipeline.report.tables import crossref_md_text
    from pipeline.report.xlsx import write_crossref_xlsx

    result = gold_result()
    central = result.documents[0]
    central.meta.number, central.meta.symbol = None, "BTC-QLCS"
    central.meta.doc_type, central.meta.issuer = "Công văn", "BỘ TÀI CHÍNH"
    assert document_label(central) == "Công văn …/BTC-QLCS của Bộ Tài chính"
    central.meta.doc_type = None
    assert document_label(central) == "…/BTC-QLCS của Bộ Tài chính"
    central.meta.doc_type = "Công văn"
    said = "không đọc được trong tệp"
    assert f"- Lưu ý: số hiệu của Công văn …/BTC-QLCS của Bộ Tài chính {said}" in crossref_md_text(result)
    html = render_coverage_html(result)
    assert "Công văn …/BTC-QLCS của Bộ Tài chính</strong>" in html and said in html
    assert "của BỘ TÀI CHÍNH" not in html
    sheet = load_workbook(write_crossref_xlsx(result, tmp_path / "t.xlsx"))[L.SHEET_CENTRAL]
    assert "…/BTC-QLCS" in sheet["A1"].value and said in sheet["A2"].value
    central.meta.number = "8388/BTC-QLCS"  # once read, the number names it and no note is made
    assert document_label(central) == "Công văn 8388/BTC-QLCS" and said not in crossref_md_text(result)


def test_markdown_counts_the_implementing_documents_tasks_whoever_issued_them(result):
    # a ministry's plan or the Government's programme implements too: the summary says "văn bản triển khai"
    from pipeline.report.tables import crossref_md_text

    text = crossref_md_text(result)
    assert "- Nhiệm vụ của văn bản triển khai: **" in text and "văn bản địa phương" not in text


def test_task_ids_inside_reasons_and_notices_are_named_in_vietnamese(tmp_path):
    # a link's reason and a document's notice that mention an unnumbered part by its id ("V.closing", "closing~2")
    # print it as the tables do ("V.đoạn cuối"), in the CSV, the Excel table, the HTML report and the terminal;
    # a file name that holds the word stays as it is
    import re

    from openpyxl import load_workbook

    from pipeline.model import Notice
    from pipeline.naming import notice_text
    from pipeline.report.html import render_coverage_html
    from pipeline.report.xlsx import write_crossref_xlsx

    result = gold_result()
    result.links[0].reasons.append("Nhiệm vụ triển khai gần nhất về từ ngữ với nhiệm vụ trung ương V.closing")
    notice = Notice("/tmp/closing-notes.txt", "nhiệm vụ closing~2: không xác định được cơ quan chủ trì", line=4)
    result.documents[1].notices.append(notice)
    assert notice_text(notice) == ("/tmp/closing-notes.txt, dòng 4: nhiệm vụ đoạn cuối~2: không xác định được cơ quan "
                                   "chủ trì")
    assert L.task_label("(V.closing), closing; closing. enclosing closing-x") == \
        "(V.đoạn cuối), đoạn cuối; đoạn cuối. enclosing closing-x"
    csv_text = write_crossref_csv(result, tmp_path / "crossref.csv").read_text(encoding="utf-8-sig")
    assert "trung ương V.đoạn cuối" in csv_text and "closing" not in csv_text
    write_crossref_xlsx(result, tmp_path / "crossref.xlsx")
    cells = [str(c.value) for ws in load_workbook(tmp_path / "crossref.xlsx").worksheets
             for row in ws.iter_rows() for c in row if c.value is not None]
    assert any("trung ương V.đoạn cuối" in c for c in cells)
    html = render_coverage_html(result)
    visible = re.sub(r'(href|id|data-[a-z]+)="[^"]*"', "", html)
    assert "trung ương V.đoạn cuối" in visible and "nhiệm vụ đoạn cuối~2" in visible
    assert "closing" not in visible.replace("/tmp/closing-notes.txt", "")


@pytest.mark.parametrize("central_issuer, provincial_issuer, whom", [
    ("Chính phủ", "Ủy ban nhân dân tỉnh Kon Tum", "địa phương"),  # central -> province: the wording stays
    ("Tỉnh ủy Kon Tum", "Ủy ban nhân dân tỉnh Kon Tum", L.ADDRESSEE_OTHER),  # a provincial document one level down
    ("Chính phủ", "Bộ Tài chính", "bộ"),  # a ministry carries out the Government's resolution
])
def test_every_writer_names_whom_the_tasks_are_addressed_to_as_the_implementer_is(
        central_issuer, provincial_issuer, whom, tmp_path):
    # the coverage flag means "addressed to the implementing document's issuer": "giao cho địa phương" only when
    # a locality carries out a central document
    from pipeline.model import Coverage, TaskRef
    from pipeline.report.html import render_coverage_html
    from pipeline.report.xlsx import build_workbook

    result = gold_result()
    central, provincial = result.documents
    central.meta.issuer, provincial.meta.issuer = central_issuer, provincial_issuer
    if central_issuer != "Chính phủ":
        central.meta.number = "23-NQ/TU"
    task = next(t for t in central.tasks if t.localities)
    result.coverage = [c for c in result.coverage if c.central.task != task.id]
    result.coverage.append(Coverage(TaskRef(central.id, task.id), provincial.id, "gap", localities=False))
    status, assigned = f"Không giao cho {whom}", f"giao cho {whom}"
    md = write_crossref_md(result, tmp_path / "c.md").read_text(encoding="utf-8")
    csv_text = write_crossref_csv(result, tmp_path / "c.csv").read_text(encoding="utf-8-sig")
    html = render_coverage_html(result)
    sheet = [c for row in build_workbook(result).worksheets[0].iter_rows(values_only=True) for c in row if c]
    for text in (md, csv_text, html, "\n".join(map(str, sheet))):
        assert status in text
    assert f"trong đó {assigned}:" in md and f"## Nhiệm vụ {assigned} chưa được triển khai" in md
    assert f"Chỉ nhiệm vụ {assigned}</label>" in html
    if whom != "địa phương":
        for text in (md, csv_text, html):
            assert "giao cho địa phương" not in text


def test_a_pdf_task_is_placed_by_its_page_and_its_line_within_the_page():
    # a PDF viewer shows pages, not the lines of the whole extracted text: "trang 2, dòng 3", the global line kept
    # in result.json beside it; a text file keeps its lines
    import dataclasses

    from pipeline.api import parse_source
    from pipeline.ingest import from_string
    from pipeline.model import task_json
    from pipeline.report.rows import provenance

    body = ("ỦY BAN NHÂN DÂN TỈNH KON TUM\nSố: 12/KH-UBND\nKẾ HOẠCH\nThực hiện nghị quyết\n\n"
            "1. Sở Tài chính chủ trì rà soát nguồn vốn đầu tư cho các xã biên giới.\n\n"
            "2. Sở Y tế chủ trì nâng cấp trạm y tế xã biên giới, bảo đảm\ntrang thiết bị khám chữa bệnh.\n"
            "3. Sở Nội vụ chủ trì kiện toàn tổ chức bộ máy của các xã biên giới.\n")
    text = from_string(body, name="kh.txt")
    second_page = 7  # the PDF's page 2 starts at the blank line before item 2
    lines = [dataclasses.replace(line, page=1 if line.number < second_page else 2) for line in text.lines]
    pdf = parse_source(dataclasses.replace(text, kind="pdf", lines=lines), doc_id="kh", role="provincial")
    places = {t.id: provenance(t) for t in pdf.tasks}
    assert places == {"1": "trang 1, dòng 5", "2": "trang 2, dòng 1–2", "3": "trang 2, dòng 3"}
    item = task_json(pdf.task("3"))
    assert (item["line"], item["page"], item["page_line"]) == (10, 2, 3)
    assert item["span"]["page_line"] == item["span"]["end_page_line"] == 3
    plain = parse_source(text, doc_id="kh", role="provincial")
    assert provenance(plain.task("3")) == "dòng 10"
    assert "page_line" not in task_json(plain.task("3")) and "page_line" not in task_json(plain.task("3"))["span"]
