"""The HTML coverage report: self-contained, escaped, ordered for a legal officer; checked in Chromium."""
from __future__ import annotations

import re

import pytest
from browser_check import check_report, find_chromium
from gold_result import gold_result

from pipeline.report import OUTPUT_FILES, write_outputs
from pipeline.report import labels as L
from pipeline.report.html import highlight, render_coverage_html, write_coverage_html

HOSTILE = '<script>console.error("pwned")</script> "><img src=x onerror="console.error(1)"> & </textarea>'


@pytest.fixture(scope="module")
def result():
    return gold_result()


@pytest.fixture(scope="module")
def html(result):
    return render_coverage_html(result)


def hostile_result():
    result = gold_result()
    central, provincial = result.documents
    central.task("III.1.b.2").text += " " + HOSTILE
    provincial.task("1.a.1").text = HOSTILE + " " + provincial.task("1.a.1").text
    central.task("III.1.b.2").leads[0].text = "<b>Bộ</b>"
    central.meta.title = "</title><script>console.error('t')</script>"
    result.links[0].reasons.append("<script>console.error('r')</script>")
    result.links[0].shared_phrases.append("<script>")
    return result


def test_self_contained(html):
    assert "<link" not in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "@import" not in html and "url(" not in html
    assert html.count("<script") == 1 and "<style>" in html


def test_order_counts_then_gaps_then_partial(result, html):
    counts = html.index('id="tong-quan"'), html.index('id="chua-trien-khai"'), html.index('id="mot-phan"'), \
        html.index('id="do-thi"'), html.index('id="doi-chieu"')
    assert list(counts) == sorted(counts)
    gap_block = html[html.index('id="chua-trien-khai"'):html.index('id="mot-phan"')]
    gaps = [c.central.task for c in result.coverage if c.status == "gap"]
    assert gap_block.count('class="gap-item"') == len(gaps)
    for task in gaps:
        assert f'href="#tw-{task}"' in gap_block  # link to its text
        where = f"{L.LINE} {result.documents[0].task(task).span.line}"
        assert f'<td class="small">{where}' in gap_block  # and where to check it in the document
        assert f'id="tw-{task}"' in html
    lead = result.documents[0].task(gaps[0]).leads[0].text
    assert lead in gap_block
    partial_block = html[html.index('id="mot-phan"'):html.index('id="do-thi"')]
    assert partial_block.count("<tr>") == 1 + sum(c.status == "partial" for c in result.coverage)
    assert f">{sum(c.status == 'covered' for c in result.coverage)}<" in html


def test_gap_and_partial_lists_say_what_their_status_means_and_whose_lines_they_give(html):
    """A legal officer reads "Triển khai một phần" as "partly done": the list says it means only possible links,
    and the gap list that not even a possible link was found; the location column names the central document."""
    gap_block = html[html.index('id="chua-trien-khai"'):html.index('id="mot-phan"')]
    partial_block = html[html.index('id="mot-phan"'):html.index('id="do-thi"')]
    assert "kể cả liên kết «Có thể»" in gap_block
    assert "Chỉ có nội dung liên quan (liên kết «Có thể»)" in partial_block
    assert "người rà soát cần xem lại" in partial_block
    for block in (gap_block, partial_block):
        assert "<th>Vị trí (văn bản trung ương)</th>" in block


def test_side_by_side_highlights_and_provenance(result, html):
    card = html[html.index('id="tw-III.1.a.2"'):]
    card = card[:card.index("</article>")]
    assert "<mark>" in card and "1.a.1" in card
    assert "dòng 89" in card and "nq-23-NQ-CP-2022.md" in card and "kontum-implementing-nq23.txt" in card
    assert 'data-status="covered"' in card
    assert html.count('<article class="pair') == len(result.documents[0].tasks)
    # a link's score with the Vietnamese decimal comma, as the reasons print their figures
    score = next(lk.score for lk in result.links if lk.central.task == "III.1.a.2")
    assert f"{score:.2f}".replace(".", ",") in card and f"· {score:.2f}<" not in card


def test_filters_offer_statuses_sections_agencies(html):
    for status in L.STATUS_ORDER:
        assert f'<option value="{status}">{L.STATUS[status]}</option>' in html
    assert 'id="f-section"' in html and "III.2. Huy động" in html
    assert '<option value="Bộ Quốc phòng">' in html


def test_graph_is_inline_svg_with_gaps_in_red(result, html):
    svg = html[html.index("<svg"):html.index("</svg>")]
    gaps = [c.central.task for c in result.coverage if c.status == "gap"]
    for task in gaps:
        assert re.search(rf'class="node gap"[^>]*data-id="{re.escape(task)}"', svg)
    assert svg.count('class="edge') == len(result.links)


def test_hostile_text_is_escaped():
    html = render_coverage_html(hostile_result())
    assert html.count("<script") == 1  # only the report's own script
    assert "<img" not in html and "<b>Bộ</b>" not in html
    assert "&lt;script&gt;console.error(&#34;pwned&#34;)&lt;/script&gt;" in html
    assert "&lt;b&gt;Bộ&lt;/b&gt;" in html


def test_highlight_splits_text():
    assert highlight("Phát triển kinh tế khu vực biên giới", ["kinh tế  khu vực"]) == [
        ("Phát triển ", False), ("kinh tế khu vực", True), (" biên giới", False)]
    assert highlight("abc", []) == [("abc", False)]
    assert highlight("a b a b", ["a b", "b a"]) == [("a b a b", True)]


def test_write_outputs_all_files_reproducible(result, tmp_path):
    first = write_outputs(result, tmp_path / "a")
    write_outputs(gold_result(), tmp_path / "b")
    assert sorted(first) == sorted(OUTPUT_FILES)
    for name in OUTPUT_FILES:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    assert not list((tmp_path / "a").glob(".*.tmp"))  # atomic writes leave no temporary files
    import json
    data = json.loads((tmp_path / "a" / "result.json").read_text(encoding="utf-8"))
    assert data == json.loads(json.dumps(result.to_json()))
    assert "Nghị quyết" in (tmp_path / "a" / "result.json").read_text(encoding="utf-8")  # not \\u escapes


def test_write_outputs_makes_the_rows_once_for_every_report(result, tmp_path, monkeypatch):
    """The xlsx, csv, md and HTML show one build_crossref: made once, not once per file (same bytes as each
    writer alone)."""
    import pipeline.report as report
    from pipeline.report import html, rows, tables, xlsx

    calls = []

    def counted(given):
        calls.append(given)
        return rows.build_crossref(given)

    for module in (report, html, tables, xlsx):
        monkeypatch.setattr(module, "build_crossref", counted)
    write_outputs(result, tmp_path)
    assert calls == [result]
    assert (tmp_path / "crossref.md").read_text(encoding="utf-8") == tables.crossref_md_text(result)
    assert (tmp_path / "coverage.html").read_text(encoding="utf-8") == render_coverage_html(result)


def test_a_report_that_fails_leaves_the_pair_folder_as_it_was(result, tmp_path, monkeypatch):
    """An internal error in the last report made (the HTML) writes nothing: not new tables beside an old report."""
    import pipeline.report as report

    write_outputs(result, tmp_path)
    before = {name: (tmp_path / name).read_bytes() for name in OUTPUT_FILES}
    changed = gold_result()
    changed.links = changed.links[1:]

    def broken(result, crossref=None):
        raise RuntimeError("template")

    monkeypatch.setattr(report, "render_coverage_html", broken)
    with pytest.raises(RuntimeError):
        write_outputs(changed, tmp_path)
    assert {name: (tmp_path / name).read_bytes() for name in OUTPUT_FILES} == before
    assert not list(tmp_path.glob(".*.tmp"))


browser = pytest.mark.skipif(find_chromium() is None,
                             reason="Chromium not installed (apt-get install chromium chromium-driver); "
                                    "browser check skipped")


@pytest.mark.browser
@pytest.mark.slow
@browser
def test_report_in_headless_chromium(result, tmp_path):
    page = write_coverage_html(result, tmp_path / "coverage.html")
    check = check_report(page, tmp_path / "report.png")
    assert check.console_errors == [] and check.exceptions == []
    assert check.external_requests == []
    assert check.gap_list_visible and check.gap_items == sum(c.status == "gap" for c in result.coverage)
    assert check.screenshot.stat().st_size > 10_000
    assert check.title.startswith("Đối chiếu Nghị quyết 23/NQ-CP")
    assert check.graph_clipped == [] and check.graph_overlaps == []


@pytest.mark.browser
@pytest.mark.slow
@browser
def test_hostile_report_runs_no_injected_script(tmp_path):
    page = write_coverage_html(hostile_result(), tmp_path / "coverage.html")
    check = check_report(page)
    assert check.console_errors == [] and check.exceptions == [], "injected script ran"
    assert check.ok


def test_without_extracted_roles_every_gap_is_listed():
    """A run whose extractor found no task reaching localities still shows its gaps (over all tasks)."""
    result = gold_result()
    for task in result.documents[0].tasks:
        task.localities = False
    for row in result.coverage:
        row.localities = False
    html = render_coverage_html(result)
    gap_block = html[html.index('id="chua-trien-khai"'):html.index('id="mot-phan"')]
    assert "Nhiệm vụ chưa được triển khai" in gap_block
    assert gap_block.count('class="gap-item"') == sum(c.status == "gap" for c in result.coverage)
    assert "Chưa xác định được nhiệm vụ nào giao cho địa phương" in html


def _ids(html):
    return re.findall(r'\sid="([^"]+)"', html)


def test_anchor_ids_unique_and_targets_exist_also_with_two_provinces(html):
    import copy
    import dataclasses

    from pipeline.model import Result, TaskRef

    result = gold_result()
    second = copy.deepcopy(result.documents[1])
    second.id = "other-province"
    for task in second.tasks:
        task.doc = second.id
    result.documents.append(second)
    result.links += [dataclasses.replace(link, provincial=TaskRef(second.id, link.provincial.task))
                     for link in result.links[:5]]
    for page in (html, render_coverage_html(result), render_coverage_html(Result(documents=[]))):
        ids = _ids(page)
        assert len(ids) == len(set(ids))
        for target in re.findall(r'href="#([^"]+)"', page):
            assert target in ids, target


def test_summary_tables_give_totals(result, html):
    """Each summary table has a total column; the one by section ends with a total row, equal to every central
    task's status (a task sits in one section); the one by lead agency has none (a task may have several leads)."""
    from pipeline.report.rows import build_crossref
    from pipeline.report.tables import crossref_md_text

    block = html[html.index('id="tong-hop"'):]
    tables = re.findall(r"<table class=\"list num\">(.*?)</table>", block, re.S)

    def cells(row):
        return [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]

    for table in tables:
        assert re.search(rf"<th class=\"n\">{L.COL_TOTAL}</th></tr></thead>", table)
        for row in re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1].split("</tbody>")[0], re.S):
            values = [int(v) for v in cells(row)[1:]]
            assert values[-1] == sum(values[:-1]) > 0
    by_section, *others = tables
    rows = build_crossref(result).central_rows
    foot = cells(by_section.split("<tfoot>")[1])
    assert foot == [L.ROW_TOTAL] + [str(sum(r.status == s for r in rows)) for s in L.STATUS_ORDER] + [str(len(rows))]
    assert not any("<tfoot>" in table for table in others)
    markdown = crossref_md_text(result)
    assert f"| **{L.ROW_TOTAL}** | " + " | ".join(f"**{v}**" for v in foot[1:]) + " |" in markdown
    assert markdown.count(f"| {L.COL_TOTAL} |") == len(tables)


def test_the_agency_filter_offers_each_body_once_with_a_capital_whatever_its_case_in_the_text():
    """"các địa phương" (a common noun mid-sentence) and "Các địa phương" (opening a paragraph) are one choice of
    the agency filter, "Các địa phương", and the cards it selects carry that same value."""
    import json

    result = gold_result()
    tasks = [t for t in result.documents[0].tasks if t.leads][:2]
    for task, printed in zip(tasks, ("các địa phương có biên giới", "Các địa phương có biên giới"), strict=True):
        task.leads[0].name = task.leads[0].text = printed
    page = render_coverage_html(result)
    select = page[page.index('<select id="f-agency">'):].split("</select>")[0]
    assert re.findall(r'<option value="(Các địa phương có biên giới|các địa phương có biên giới)"', select) == [
        "Các địa phương có biên giới"]
    cards = [json.loads(a.replace("&#34;", '"')) for a in re.findall(r"data-agencies='([^']*)'", page)]
    assert sum("Các địa phương có biên giới" in c for c in cards) >= 2
    assert not any("các địa phương có biên giới" in c for c in cards)


def test_tables_by_lead_agency_name_rows_as_labels_and_say_why_they_add_up_to_more():
    """A lead printed as a common noun ("các địa phương có biên giới") heads its row with a capital, and a table by
    lead agency whose rows add up to more than the tasks (a task with several leads counts under each) says so
    under it in the HTML report, the Markdown table and the Excel summary; one lead per task: no such line."""
    from pipeline.report.rows import build_crossref, several_leads_note, summary_rows
    from pipeline.report.tables import crossref_md_text
    from pipeline.report.xlsx import build_workbook

    result = gold_result()
    tasks = result.documents[0].tasks
    task = next(t for t in tasks if len(t.leads) == 1)
    task.leads[0].name = task.leads[0].text = "các địa phương có biên giới"
    second = next(t for t in tasks if t is not task and t.leads)
    second.leads = second.leads + [task.leads[0]]
    crossref = build_crossref(result)
    _, by_agency = summary_rows(crossref)
    assert "Các địa phương có biên giới" in dict(by_agency)
    assert all(name[:1] == name[:1].upper() or name == L.NO_LEAD for name, _ in by_agency)
    counted = sum(sum(v.values()) for _, v in by_agency)
    assert counted > len(crossref.central_rows)
    note = several_leads_note(by_agency, crossref)
    assert note == L.SEVERAL_LEADS.format(rows=counted, tasks=len(crossref.central_rows))
    assert f"({counted})" in note and f"({len(crossref.central_rows)})" in note
    assert note in render_coverage_html(result)
    assert f"*{note}*" in crossref_md_text(result)
    summary = [row[0] for row in build_workbook(result)[L.SHEET_SUMMARY].iter_rows(values_only=True)]
    assert note in summary

    for t in tasks:
        t.leads = t.leads[:1]
    crossref = build_crossref(result)
    _, by_agency = summary_rows(crossref)
    assert several_leads_note(by_agency, crossref) == ""
    assert "nhiều cơ quan chủ trì được tính" not in render_coverage_html(result)


def test_tables_by_lead_agency_break_ties_in_vietnamese_order():
    """Leads with as many tasks each are listed as a Vietnamese reader looks them up: "Đ…" after "D…", "Ủ…" after
    "U…" and before "V…", not after "Z" as code points would put them."""
    from pipeline.report.rows import build_crossref, summary_rows

    result = gold_result()
    names = ["Ủy ban Dân tộc", "Văn phòng Chính phủ", "Đài Truyền hình Việt Nam", "Bộ Xây dựng"]
    for task, name in zip([t for t in result.documents[0].tasks if t.leads][:4], names, strict=True):
        task.leads = [task.leads[0]]
        task.leads[0].name = task.leads[0].text = name
    _, by_agency = summary_rows(build_crossref(result))
    ones = [name for name, counts in by_agency if name in names]
    assert ones == ["Bộ Xây dựng", "Đài Truyền hình Việt Nam", "Ủy ban Dân tộc", "Văn phòng Chính phủ"]


def test_graph_gives_each_implementing_task_its_own_row_when_they_outnumber_the_upper_ones(result):
    """More provincial tasks than central rows shown (a plan of 58 tasks for a resolution of 16): the right column
    grows to a row per task rather than draw the boxes over each other, and the graph is as tall as its nodes."""
    from pipeline.report.html import layout_graph
    from pipeline.report.rows import build_crossref

    crossref = build_crossref(result)
    provincial = [(r.document, r.task, r.addition) for r in crossref.provincial_rows]
    few = [r for r in crossref.central_rows if r.localities][:3]
    assert len(provincial) > 3 * len(few)
    for rows in (few, crossref.central_rows):
        graph = layout_graph(rows, provincial, False)
        right = sorted(n["y"] for n in graph.nodes if n["side"] == "provincial")
        assert len(right) == len(provincial)
        assert min(b - a for a, b in zip(right, right[1:], strict=False)) >= graph.nodes[0]["h"]
        assert max(n["y"] + n["h"] for n in graph.nodes) <= graph.height
