"""The output folder across runs: pair folders a run no longer makes are removed or flagged, never what the tool
did not write; a reviewer's changed table is kept aside."""
from __future__ import annotations

import hashlib
import json

import pytest
from gold_result import gold_result

from pipeline.model import Result
from pipeline.report import OUTPUT_FILES
from pipeline.report.outdir import MANIFEST, STALE_NOTICE, write_run

A, B = "kontum__nq-23", "gialai__nq-23"


@pytest.fixture(scope="module")
def result():
    return gold_result()


def whole(result: Result) -> Result:
    return Result(documents=result.documents, links=result.links, coverage=result.coverage)


def test_a_pair_no_longer_made_loses_its_folder(result, tmp_path):
    write_run({A: result, B: result}, whole(result), tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_dir()) == sorted([A, B])
    report = write_run({A: result}, whole(result), tmp_path)
    assert not (tmp_path / B).exists()
    assert sorted(p.name for p in (tmp_path / A).iterdir()) == sorted(OUTPUT_FILES)
    assert any(B in line and "đã xóa" in line for line in report.notices)
    assert list(json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))["pairs"]) == [A]


def test_a_run_without_any_pair_clears_the_pairs_it_wrote(result, tmp_path):
    write_run({A: result}, whole(result), tmp_path)
    write_run({}, Result(documents=[]), tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([MANIFEST, "result.json"])


def test_what_the_tool_did_not_write_or_a_reviewer_changed_stays_and_is_flagged(result, tmp_path):
    write_run({A: result, B: result}, whole(result), tmp_path)
    (tmp_path / B / "ghi-chu.txt").write_text("ý kiến của tôi", encoding="utf-8")
    (tmp_path / B / "crossref.xlsx").write_bytes(b"reviewer's workbook")
    report = write_run({A: result}, whole(result), tmp_path)
    left = sorted(p.name for p in (tmp_path / B).iterdir())
    assert left == sorted(["ghi-chu.txt", "crossref.xlsx", STALE_NOTICE])
    assert (tmp_path / B / "ghi-chu.txt").read_text(encoding="utf-8") == "ý kiến của tôi"
    assert (tmp_path / B / "crossref.xlsx").read_bytes() == b"reviewer's workbook"
    notice = (tmp_path / B / STALE_NOTICE).read_text(encoding="utf-8")
    assert "KẾT QUẢ CŨ" in notice and "- crossref.xlsx" in notice
    assert any(str(tmp_path / B) in line and STALE_NOTICE in line for line in report.notices)
    # the pair is made again: the notice goes, the reviewer's workbook is kept beside the new one
    (tmp_path / B / "ghi-chu.txt").unlink()
    write_run({A: result, B: result}, whole(result), tmp_path)
    assert not (tmp_path / B / STALE_NOTICE).exists()
    assert (tmp_path / B / "crossref.edited.xlsx").read_bytes() == b"reviewer's workbook"
    assert (tmp_path / B / "crossref.xlsx").read_bytes() != b"reviewer's workbook"


def test_a_changed_output_of_a_pair_made_again_is_kept_aside(result, tmp_path):
    write_run({A: result}, whole(result), tmp_path)
    (tmp_path / A / "crossref.xlsx").write_bytes(b"filled in")
    report = write_run({A: result}, whole(result), tmp_path)
    assert (tmp_path / A / "crossref.edited.xlsx").read_bytes() == b"filled in"
    assert (tmp_path / A / "crossref.xlsx").read_bytes() != b"filled in"
    assert any("crossref.edited.xlsx" in line for line in report.notices)
    (tmp_path / A / "crossref.xlsx").write_bytes(b"filled in again")
    write_run({A: result}, whole(result), tmp_path)
    assert (tmp_path / A / "crossref.edited-2.xlsx").read_bytes() == b"filled in again"


def test_a_pair_folder_of_an_earlier_version_is_flagged_not_deleted(result, tmp_path):
    old = tmp_path / "cu__nq-23"
    old.mkdir()
    (old / "result.json").write_text("{}", encoding="utf-8")
    (old / "coverage.html").write_text("<html></html>", encoding="utf-8")
    other = tmp_path / "tai-lieu"  # not a pair folder: left alone
    other.mkdir()
    (other / "result.json").write_text("{}", encoding="utf-8")
    write_run({A: result}, whole(result), tmp_path)
    assert sorted(p.name for p in old.iterdir()) == sorted(["result.json", "coverage.html", STALE_NOTICE])
    assert sorted(p.name for p in other.iterdir()) == ["result.json"]
    # the flag is the tool's own: once the folder is emptied by hand, the next run removes it
    (old / "result.json").unlink()
    (old / "coverage.html").unlink()
    write_run({A: result}, whole(result), tmp_path)
    assert not old.exists()


def test_a_list_edited_to_reach_outside_the_folder_is_ignored(result, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "result.json").write_text("{}", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    sha = hashlib.sha256(b"{}").hexdigest()
    (out / MANIFEST).write_text(json.dumps({"pairs": {"../outside": {"files": {"result.json": sha}},
                                                      B: {"files": {"../../outside/result.json": sha}}}}),
                                encoding="utf-8")
    (out / B).mkdir()
    write_run({A: result}, whole(result), out)
    assert (outside / "result.json").exists()


def test_a_kept_workbook_says_whether_its_decisions_are_already_applied(tmp_path):
    """After 'doichieu review import', the next run still sets the filled-in table aside; its notice must not ask to
    import what this run already applied, and must ask when it has not."""
    import copy

    from openpyxl import load_workbook

    from pipeline.report import labels as L

    result = gold_result()
    write_run({A: result}, whole(result), tmp_path)
    table = tmp_path / A / "crossref.xlsx"
    book = load_workbook(table)
    sheet = book[L.SHEET_CENTRAL]
    head = [c.value for c in sheet[3]]
    link = next(k for k in result.links if not k.confirmed)
    row = next(r for r in range(4, sheet.max_row + 1)
               if sheet.cell(r, head.index(L.COL_CENTRAL_PATH) + 1).value == link.central.task)
    sheet.cell(row, head.index(L.COL_REVIEW) + 1).value = "Đồng ý"
    book.save(table)
    filled = table.read_bytes()
    report = write_run({A: result}, whole(result), tmp_path)  # not imported: the link is not confirmed
    assert any("cần được nhập bằng 'doichieu review import'" in line for line in report.notices)
    table.write_bytes(filled)
    reviewed = copy.deepcopy(result)
    for k in reviewed.links:
        k.confirmed = k.confirmed or (k.central, k.provincial) == (link.central, link.provincial)
    report = write_run({A: reviewed}, whole(reviewed), tmp_path)
    assert any("crossref.edited-2.xlsx (các quyết định rà soát trong tệp đã được nhập và áp dụng" in line
               for line in report.notices)
