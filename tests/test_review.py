"""Reviewer round-trip: write the table, fill "Xác nhận" as a reviewer would, import, apply, check."""
from __future__ import annotations

import re

import pytest
import yaml
from gold_result import gold_result
from openpyxl import load_workbook

from pipeline.model import DoichieuError, TaskRef
from pipeline.report import labels as L
from pipeline.report.xlsx import write_crossref_xlsx
from pipeline.review import (
    Decision,
    apply_reviews,
    import_review,
    load_decisions,
    merge_decisions,
    parse_answer,
    read_workbook,
    save_decisions,
)

CENTRAL, PROVINCIAL = "nq-23-2022", "kontum-nq23"
HEADER_ROW = 3


def fill(path, sheet, answers):
    """Write answers {path id: (Xác nhận, Ý kiến)} into a sheet, as a reviewer would in Excel."""
    wb = load_workbook(path)
    ws = wb[sheet]
    headings = [c.value for c in ws[HEADER_ROW]]
    id_col = headings.index(L.COL_CENTRAL_PATH if sheet == L.SHEET_CENTRAL else L.COL_PROV_PATH) + 1
    review_col, comment_col = headings.index(L.COL_REVIEW) + 1, headings.index(L.COL_REVIEW_COMMENT) + 1
    for row in range(HEADER_ROW + 1, ws.max_row + 1):
        task = ws.cell(row, id_col).value
        if task in answers:
            ws.cell(row, review_col).value, ws.cell(row, comment_col).value = answers[task]
    wb.save(path)


def links_of(result, central):
    return {(link.provincial.task, link.strength, link.confirmed) for link in result.links
            if link.central == TaskRef(CENTRAL, central)}


def status_of(result, central):
    return next(c for c in result.coverage if c.central.task == central)


@pytest.fixture()
def filled(tmp_path):
    path = tmp_path / "crossref.xlsx"
    write_crossref_xlsx(gold_result(), path)
    fill(path, L.SHEET_CENTRAL, {
        "III.1.a.3": ("Đồng ý", "đúng là tỉnh đã cụ thể hóa"),      # accept the possible link -> covered
        "III.2.a": ("Không đồng ý 1.a.3", ""),                        # reject one of two links
        "III.3.a.1": ("2.b", "cửa khẩu nằm trong 2.b"),               # add a link to a gap
        "III.1.a.1": ("", ""),                                         # untouched
    })
    fill(path, L.SHEET_PROVINCIAL, {"2.c": ("không đồng ý", "chỉ là kiến nghị lên Bộ")})  # reject all 4 links of 2.c
    return path


def test_round_trip(filled, tmp_path):
    reviews = tmp_path / "reviews" / f"{PROVINCIAL}__{CENTRAL}.yaml"  # the pair's output folder's name
    files = import_review(filled, tmp_path / "reviews")
    stored = yaml.safe_load(reviews.read_text(encoding="utf-8"))["decisions"]
    assert files == {reviews: len(stored)} and len(stored) == 1 + 1 + 1 + 4
    assert {"central_doc": CENTRAL, "central": "III.3.a.1", "provincial_doc": PROVINCIAL, "provincial": "2.b",
            "decision": "add", "answer": "2.b", "comment": "cửa khẩu nằm trong 2.b"} in stored
    assert reviews.read_text(encoding="utf-8").startswith("# Quyết định của người rà soát")

    before = gold_result()
    after = apply_reviews(before, load_decisions(reviews))
    assert before.links == gold_result().links  # the input is not changed
    assert links_of(after, "III.1.a.3") == {("1.a.2", "sure", True)}
    assert status_of(after, "III.1.a.3").status == "covered"
    assert links_of(after, "III.2.a") == {("1.a.1", "sure", False)}
    assert status_of(after, "III.2.a").possible == []
    assert links_of(after, "III.3.a.1") == {("2.b", "sure", True)}
    added = next(link for link in after.links if link.central.task == "III.3.a.1")
    assert added.reasons == [L.REVIEWER_REASON]
    assert status_of(after, "III.3.a.1").status == "covered" and status_of(after, "III.3.a.1").sure == ["2.b"]
    assert not [link for link in after.links if link.provincial.task == "2.c"]
    assert status_of(after, "III.3.b.1").status == "gap"
    assert len(after.links) == len(before.links) - 1 - 4 + 1
    assert after.notices == []

    # the next run's table shows the confirmed links; importing it again changes nothing
    again = tmp_path / "again.xlsx"
    write_crossref_xlsx(after, again)
    ws = load_workbook(again)[L.SHEET_CENTRAL]
    headings = [c.value for c in ws[HEADER_ROW]]
    row = next(r for r in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True) if r[1] == "III.3.a.1")
    assert row[headings.index(L.COL_STRENGTH)] == f"{L.STRENGTH['sure']} ({L.CONFIRMED})"
    assert row[headings.index(L.COL_STATUS)] == L.STATUS["covered"]
    text = reviews.read_text(encoding="utf-8")
    import_review(filled, tmp_path / "reviews")
    assert reviews.read_text(encoding="utf-8") == text


def test_orphan_decisions_are_reported_not_dropped(tmp_path):
    decisions = [
        Decision(CENTRAL, "III.9.z", PROVINCIAL, "1.a.1", "accept", source="corpus/reviews/p.yaml"),
        Decision(CENTRAL, "III.2.a", PROVINCIAL, "9.9", "add"),
        Decision("nq-99", "I.1", PROVINCIAL, "1.a.1", "reject"),
        Decision(CENTRAL, "III.1.a.2", PROVINCIAL, "1.a.1", "accept"),
    ]
    result = apply_reviews(gold_result(), decisions)
    orphans = [n for n in result.notices if n.code == "review-orphan"]
    assert len(orphans) == 3
    assert orphans[0].path == "corpus/reviews/p.yaml" and "III.9.z" in orphans[0].message
    assert "9.9" in orphans[1].message and "nq-99" in orphans[2].message
    assert links_of(result, "III.1.a.2") == {("1.a.1", "sure", True)}
    # the orphan is also visible in the HTML report
    from pipeline.report.html import render_coverage_html
    assert "III.9.z" in render_coverage_html(result)


def test_rejected_link_stays_rejected_on_a_later_run():
    decision = Decision(CENTRAL, "III.1.a.2", PROVINCIAL, "1.a.1", "reject")
    for _ in range(2):  # every run starts again from the linker's output
        result = apply_reviews(gold_result(), [decision])
        assert links_of(result, "III.1.a.2") == set()
        assert status_of(result, "III.1.a.2").status == "gap"


def test_answers_understood():
    assert parse_answer("Đồng ý") == ("accept", [])
    assert parse_answer("accept") == ("accept", [])
    assert parse_answer("  KHÔNG ĐỒNG Ý ") == ("reject", [])
    assert parse_answer("reject") == ("reject", [])
    assert parse_answer("Không đồng ý: 1.a.3, 4.b") == ("reject", ["1.a.3", "4.b"])
    assert parse_answer("1.a.2; 4.b") == (None, ["1.a.2", "4.b"])
    assert parse_answer("III.2.đ") == (None, ["III.2.đ"])
    with pytest.raises(ValueError):
        parse_answer("có lẽ vậy")


def test_unreadable_answers_and_files_raise_one_clear_error(tmp_path):
    path = tmp_path / "crossref.xlsx"
    write_crossref_xlsx(gold_result(), path)
    fill(path, L.SHEET_CENTRAL, {"III.2.a": ("chưa chắc lắm", "")})
    with pytest.raises(DoichieuError, match="chưa chắc lắm"):
        import_review(path, tmp_path / "reviews")
    fill(path, L.SHEET_CENTRAL, {"III.2.a": ("", ""), "III.1.a.1": ("Đồng ý", "")})
    with pytest.raises(DoichieuError, match="chưa có liên kết"):
        import_review(path, tmp_path / "reviews")
    (tmp_path / "bad.xlsx").write_bytes(b"not a workbook")
    with pytest.raises(DoichieuError, match="không phải tệp Excel .xlsx, hoặc tệp bị hỏng, không trọn vẹn$"):
        import_review(tmp_path / "bad.xlsx", tmp_path / "reviews")
    (tmp_path / "cut.xlsx").write_bytes(path.read_bytes()[:3000])  # a copy that stopped
    with pytest.raises(DoichieuError, match="không phải tệp Excel .xlsx, hoặc tệp bị hỏng"):
        import_review(tmp_path / "cut.xlsx", tmp_path / "reviews")
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(DoichieuError, match="không đọc được định dạng .xls: hãy mở bằng Excel và lưu lại dạng .xlsx$"):
        import_review(tmp_path / "old.xls", tmp_path / "reviews")
    (tmp_path / "bad.yaml").write_text("decisions:\n- central: III.1\n", encoding="utf-8")
    with pytest.raises(DoichieuError, match="thiếu"):
        load_decisions(tmp_path / "bad.yaml")
    assert load_decisions(tmp_path / "absent.yaml") == []


def test_merge_keeps_order_and_replaces_same_link(tmp_path):
    old = [Decision("c", "1", "p", "a", "accept"), Decision("c", "2", "p", "b", "accept")]
    new = [Decision("c", "2", "p", "b", "reject"), Decision("c", "3", "p", "c", "add")]
    merged = merge_decisions(old, new)
    assert [(d.central, d.decision) for d in merged] == [("1", "accept"), ("2", "reject"), ("3", "add")]
    save_decisions(merged, tmp_path / "m.yaml")
    assert [d.key for d in load_decisions(tmp_path / "m.yaml")] == [d.key for d in merged]


def test_cli_review_import_stores_decisions_under_corpus(filled, tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    outcome = CliRunner().invoke(app, ["review", "import", str(filled), "--corpus", str(tmp_path / "corpus")])
    assert outcome.exit_code == 0, outcome.output
    stored = tmp_path / "corpus" / "reviews" / f"{PROVINCIAL}__{CENTRAL}.yaml"
    assert len(load_decisions(stored)) == 7


def test_a_filled_table_saved_elsewhere_goes_to_the_reviews_file_its_pair_reads(filled, tmp_path):
    """A reviewer who saves the filled table under another name in another folder (mailed back, "Tải về") still
    stores the decisions where the next run of the pair reads them, corpus/reviews/<pair>.yaml, and the run
    applies them; a table with no answer stores nothing and says so."""
    import shutil

    from typer.testing import CliRunner

    from pipeline.api import _apply_stored_reviews
    from pipeline.cli import app

    moved = tmp_path / "Tải về" / "bảng đối chiếu (đã rà soát).xlsx"
    moved.parent.mkdir()
    shutil.move(filled, moved)
    outcome = CliRunner().invoke(app, ["review", "import", str(moved), "--corpus", str(tmp_path / "corpus")])
    assert outcome.exit_code == 0, outcome.output
    assert [p.name for p in (tmp_path / "corpus" / "reviews").iterdir()] == [f"{PROVINCIAL}__{CENTRAL}.yaml"]
    after = _apply_stored_reviews(gold_result(), tmp_path / "corpus" / "reviews" / f"{PROVINCIAL}__{CENTRAL}.yaml")
    assert status_of(after, "III.3.a.1").status == "covered"

    blank = tmp_path / "blank.xlsx"
    write_crossref_xlsx(gold_result(), blank)
    outcome = CliRunner().invoke(app, ["review", "import", str(blank), "--corpus", str(tmp_path / "other")])
    assert outcome.exit_code == 0 and "chưa lưu gì" in " ".join(outcome.output.split())
    assert not (tmp_path / "other").exists()


def test_unnumbered_closing_part_is_named_in_vietnamese_and_read_back_as_its_id(tmp_path):
    # the provincial letter's closing paragraph has the internal id "closing": the table prints "đoạn cuối",
    # and a reviewer's "Đồng ý" on that row, or "đoạn cuối" written as a path to add, comes back as "closing"
    import json

    from pipeline.model import Result

    data = json.dumps(gold_result().to_json(), ensure_ascii=False).replace('"2.c"', '"closing"')
    result = Result.from_json(json.loads(data))
    assert any(link.provincial.task == "closing" for link in result.links)
    for task_id, label in (("closing", "đoạn cuối"), ("closing~2", "đoạn cuối~2"), ("V.closing", "V.đoạn cuối"),
                           ("1.a", "1.a"), ("enclosing", "enclosing")):
        assert L.task_label(task_id) == label and L.task_id_of(label) == task_id
    assert L.task_id_of("Đoạn cuối") == "closing"
    path = tmp_path / "crossref.xlsx"
    write_crossref_xlsx(result, path)
    wb = load_workbook(path)
    cells = [str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert not any("closing" in c for c in cells if not c.startswith(CENTRAL + "|")), \
        [c for c in cells if "closing" in c][:3]
    fill(path, L.SHEET_PROVINCIAL, {"đoạn cuối": ("Đồng ý", "")})
    fill(path, L.SHEET_CENTRAL, {"III.3.a.1": ("Đoạn cuối", "")})
    (reviews,) = import_review(path, tmp_path / "reviews")
    stored = yaml.safe_load(reviews.read_text(encoding="utf-8"))["decisions"]
    assert {d["provincial"] for d in stored} == {"closing"}
    assert {(d["central"], d["decision"]) for d in stored} >= {("III.3.a.1", "add")}
    assert {d["decision"] for d in stored if d["central"] != "III.3.a.1"} == {"accept"}
    assert parse_answer("Không đồng ý đoạn cuối, 1.a") == ("reject", ["closing", "1.a"])
    assert parse_answer("V.Đoạn cuối; đoạn cuối~2") == (None, ["V.closing", "closing~2"])

    # the Markdown and the HTML report name it too (the HTML keeps the id only in its links and data)
    from pipeline.report.html import render_coverage_html
    from pipeline.report.tables import crossref_md_text

    assert "closing" not in crossref_md_text(result) and "đoạn cuối" in crossref_md_text(result)
    visible = re.sub(r'(href|id|data-[a-z]+)="[^"]*"', "", render_coverage_html(result))
    assert "closing" not in visible and "đoạn cuối" in visible


def test_a_table_row_path_typed_by_a_reviewer_is_read():
    # a plan's table rows have ids after the table ("Bảng.1.1", "Bảng.2.I.3"): a reviewer copies them from the
    # table, or types them with a space or in lower case; "Bảng" alone names no row
    assert parse_answer("Bảng.1.1") == (None, ["Bảng.1.1"])
    assert parse_answer("Đồng ý Bảng.1.1; bảng 2.I.3 và 1.a") == ("accept", ["Bảng.1.1", "Bảng.2.I.3", "1.a"])
    assert parse_answer("Không đồng ý bảng.1.1") == ("reject", ["Bảng.1.1"])
    assert parse_answer("Bảng 1.1.") == (None, ["Bảng.1.1"])
    assert parse_answer("đoạn cuối, V.đoạn cuối") == (None, ["closing", "V.closing"])
    for answer in ("Bảng", "bảng cuối"):
        with pytest.raises(ValueError):
            parse_answer(answer)


def test_a_link_added_to_a_table_row_is_stored_under_its_id(tmp_path):
    import json

    from pipeline.model import Result

    data = json.dumps(gold_result().to_json(), ensure_ascii=False).replace('"2.b"', '"Bảng.1.1"')
    result = Result.from_json(json.loads(data))
    path = tmp_path / "crossref.xlsx"
    write_crossref_xlsx(result, path)
    fill(path, L.SHEET_CENTRAL, {"III.3.a.1": ("bảng 1.1", "")})
    decisions = read_workbook(path)
    assert [(d.central, d.provincial, d.decision) for d in decisions] == [("III.3.a.1", "Bảng.1.1", "add")]
    applied = apply_reviews(result, decisions)
    assert ("Bảng.1.1", "sure", True) in links_of(applied, "III.3.a.1") and not applied.notices
