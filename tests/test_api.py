"""The public API, including the example printed in the README (executed as written)."""
import re
from pathlib import Path

import pipeline as dc

ROOT = Path(__file__).resolve().parent.parent


def test_readme_example_runs(tmp_path, monkeypatch, capsys):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = re.search(r"## Python API\s+```python\n(.*?)```", readme, re.S).group(1)
    monkeypatch.chdir(ROOT)
    code = code.replace("/tmp/doichieu-kontum", str(tmp_path / "kontum"))
    exec(compile(code, "README.md", "exec"), {})
    printed = capsys.readouterr().out
    shown = re.search(r"it prints .*?```text\n(.*?)```", readme, re.S).group(1)
    assert printed == shown  # what the README says the example prints
    assert (tmp_path / "kontum" / "crossref.xlsx").exists()


def test_readme_account_of_run_corpus_names_what_it_returns():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sentence = re.search(r"`dc\.run_corpus\(\"corpus\"\)`.*?\n\n", readme, re.S).group(0)
    run = dc.run_corpus(ROOT / "corpus")
    assert type(run).__name__ in sentence
    for name in re.findall(r"`\.(\w+)`", sentence):
        assert hasattr(run, name), name
    assert set(re.findall(r"`\.(\w+)`", sentence)) == {"pairs", "whole", "failures"}
    folder = re.search(r"e\.g\.\s+`([^`]+)`", sentence).group(1)
    assert isinstance(run.pairs[folder], dc.Result)
    assert len(run.whole.documents) == sum(len(r.documents) for r in run.pairs.values())


def test_parse_text_and_link_crafted_pair():
    central = dc.parse_text(
        "CHÍNH PHỦ\n\nNGHỊ QUYẾT\n\n1. Bộ Y tế chủ trì, phối hợp với các địa phương nâng cao năng lực y tế cơ sở "
        "khu vực biên giới.\n\n2. Bộ Ngoại giao chủ trì đàm phán các điều ước quốc tế về biên giới.\n",
        doc_id="tw", role="central")
    plan = dc.parse_text(
        "ỦY BAN NHÂN DÂN TỈNH\n\n1. Sở Y tế chủ trì, phối hợp với các đơn vị liên quan nâng cao năng lực y tế "
        "cơ sở khu vực biên giới trên địa bàn tỉnh.\n",
        doc_id="tinh", role="provincial")
    assert [t.id for t in central.tasks] == ["1", "2"]
    assert [m.text for m in central.tasks[0].leads] == ["Bộ Y tế"]
    result = dc.link(central, plan)
    linked = {(link.provincial.task, link.central.task) for link in result.links}
    assert ("1", "1") in linked
    status = {row.central.task: row.status for row in result.coverage}
    assert status["2"] == "gap"
    frame = result.coverage_df()
    assert set(frame.columns) >= {"central_task", "status", "localities"}


def test_coverage_df_says_what_the_reports_say():
    """A central task addressed only to a ministry that no provincial task carries out: the linker's coverage row
    says "gap", the reports "Không giao cho địa phương"; the DataFrame agrees with the reports."""
    from fixtures import MINISTRY_AND_LOCALITIES, PLAN_FOR_ONE_LOCALITY_TASK

    from pipeline.report.labels import STATUS
    from pipeline.report.rows import build_crossref
    from pipeline.report.tables import crossref_csv_text

    central = dc.parse_text(MINISTRY_AND_LOCALITIES, doc_id="c", role="central")
    plan = dc.parse_text(PLAN_FOR_ONE_LOCALITY_TASK, doc_id="p", role="provincial")
    result = dc.link(central, plan)
    assert {row.central.task: row.status for row in result.coverage}["III.1"] == "gap"  # the linker's word
    frame = result.coverage_df().set_index("central_task")
    reported = {row.task.id: (row.status, row.localities) for row in build_crossref(result).central_rows}
    assert {task: (frame.status[task], bool(frame.localities[task])) for task in frame.index} == reported
    assert frame.status["III.1"] == "not_assigned" and frame.status["III.3"] == "gap"
    csv = crossref_csv_text(result)
    assert f"{STATUS['not_assigned']}" in next(line for line in csv.splitlines() if "Bộ Ngoại giao" in line)


def test_a_statute_duty_a_letter_carries_out_becomes_a_task_of_the_comparison():
    from test_segment import DECREE_WITH_DUTIES

    decree = dc.parse_text(DECREE_WITH_DUTIES, doc_id="nd", role="central")
    letter = dc.parse_text(
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ\nV/v triển khai Nghị định số 40/2031/NĐ-CP\nKính gửi: Các tổ chức, cá nhân có kho "
        "chứa sản phẩm thử nghiệm.\nĐề nghị các tổ chức, cá nhân có kho chứa kiểm định thiết bị phòng cháy của kho "
        "mỗi năm một lần theo quy định tại Nghị định số 40/2031/NĐ-CP.\n", doc_id="cv", role="provincial")
    assert "2.2" not in {t.id for t in decree.tasks}
    result = dc.link(decree, letter)
    # only a plain restatement (a sure link) makes a provision a task
    assert [lk.strength for lk in result.links if lk.central.task == "2.2"] == ["sure"]
    assert all(lk.strength == "sure" for lk in result.links if lk.central.task.startswith("2."))
    assert [t.id for t in decree.tasks] == ["2.2", "3.1", "3.2"]  # promoted, in source order
    assert [n.line for n in decree.notices if n.code == "provision-carried-out"] == [decree.task("2.2").span.line]
    assert "2.3" in {p.id for p in decree.provisions}  # not carried out: still only a provision
    statuses = {row.central.task: row.status for row in result.coverage}
    assert statuses["2.2"] in {"covered", "partial"} and set(statuses) == {"2.2", "3.1", "3.2"}


def test_a_statute_without_task_articles_still_links_through_its_provisions():
    decree = dc.parse_text(
        "CHÍNH PHỦ\nSố: 41/2031/NĐ-CP\nNGHỊ ĐỊNH\nQuy định về kho chứa sản phẩm thử nghiệm\n"
        "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định về kho chứa sản phẩm thử nghiệm.\n"
        "Điều 2. Kho chứa\n1. Tổ chức, cá nhân có kho chứa có trách nhiệm kiểm định thiết bị phòng cháy của kho "
        "mỗi năm một lần.\n2. Hồ sơ đề nghị cấp phép gồm đơn và bản vẽ mặt bằng.\n", doc_id="nd", role="central")
    letter = dc.parse_text(
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ\nV/v kiểm định thiết bị phòng cháy\nĐề nghị các tổ chức, cá nhân có kho chứa "
        "kiểm định thiết bị phòng cháy của kho mỗi năm một lần.\n", doc_id="cv", role="provincial")
    assert decree.tasks == [] and [p.id for p in decree.provisions] == ["2.1"]
    result = dc.link(decree, letter)
    assert [(lk.central.task, lk.strength) for lk in result.links] == [("2.1", "sure")]
    assert [t.id for t in decree.tasks] == ["2.1"]


def test_a_decree_clause_where_the_province_acts_becomes_a_task_when_a_letter_carries_it_out():
    # real case: NĐ 180/2026/NĐ-CP 13.1.b ('Ủy ban nhân dân cấp tỉnh ký hợp đồng …') and 16.5.b (the provincial
    # forest fund's annual report), no duty word in either, which a province's letter carries out
    from test_extract import ACTING_BODIES

    decree = dc.parse_text(ACTING_BODIES, doc_id="nd", role="central")
    letter = dc.parse_text(
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: 90/UBND-NLN\nV/v triển khai Nghị định số 42/2035/NĐ-CP\nKính gửi: Sở Nông "
        "nghiệp và Môi trường.\n1. Giao Sở Nông nghiệp và Môi trường tham mưu Ủy ban nhân dân tỉnh quyết định mức "
        "chi trả trên địa bàn.\n2. Quỹ Bảo vệ và phát triển rừng tỉnh gửi báo cáo về Bộ Nông nghiệp và Môi trường "
        "trước ngày 15 tháng 11 hằng năm.\n", doc_id="cv", role="provincial")
    assert {"2.1.b", "2.2.a"} <= {p.id for p in decree.provisions}
    result = dc.link(decree, letter)
    assert [(lk.provincial.task, lk.central.task, lk.strength) for lk in result.links] == [
        ("1", "2.1.b", "sure"), ("2", "2.2.a", "sure")]
    assert [t.id for t in decree.tasks] == ["2.1.b", "2.2.a", "3"]  # promoted, in source order
    assert decree.task("2.1.b").localities and decree.task("2.2.a").localities


def test_an_unexpected_error_on_one_file_of_a_corpus_spares_the_others(tmp_path, monkeypatch):
    import shutil

    import pipeline.api as api

    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    real_parse = api.parse

    def parse(path, **options):
        if Path(path).name.startswith("kontum"):
            raise ValueError("hỏng")
        return real_parse(path, **options)

    monkeypatch.delenv("DOICHIEU_DEBUG", raising=False)
    monkeypatch.setattr(api, "parse", parse)
    run = api.run_corpus(corpus)
    assert [(Path(f.path).name, f.reason) for f in run.failures] == [
        ("kontum-implementing-nq23.txt", "lỗi nội bộ khi đọc tệp này (ValueError: hỏng); "
                                         "DOICHIEU_DEBUG=1 để xem chi tiết")]
    assert [d.role for d in run.whole.documents] == ["central"]
