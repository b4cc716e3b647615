"""The command line as a user meets it: outputs written, bad files reported in one line, others go on."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CENTRAL = ROOT / "corpus" / "central" / "nq-23-NQ-CP-2022.md"
PROVINCIAL = ROOT / "corpus" / "provincial" / "kontum-implementing-nq23.txt"


def doichieu(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "200"}
    env.pop("DOICHIEU_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (CENTRAL, PROVINCIAL)}
    done = doichieu("run", str(CENTRAL), str(PROVINCIAL), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (CENTRAL, PROVINCIAL)} == before
    return out


def test_run_writes_the_whole_result_and_a_folder_per_pair(seed_run):
    data = json.loads((seed_run / "result.json").read_text(encoding="utf-8"))
    assert {d["role"] for d in data["documents"]} == {"central", "provincial"}
    assert data["tasks"] and data["links"] and data["coverage"]
    pair_dirs = [p for p in seed_run.iterdir() if p.is_dir()]
    assert len(pair_dirs) == 1
    assert (pair_dirs[0] / "result.json").exists()


def test_run_leaves_no_temporary_files(seed_run):
    from pipeline.report.outdir import MANIFEST  # the list of what the run wrote (pipeline/report/outdir.py)

    assert (seed_run / MANIFEST).is_file()
    assert not [p for p in seed_run.rglob("*") if p.name != MANIFEST and (p.name.startswith(".") or p.suffix == ".tmp")]


def test_same_inputs_give_the_same_bytes(seed_run, tmp_path):
    done = doichieu("run", str(CENTRAL), str(PROVINCIAL), "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    first = {p.relative_to(seed_run): p.read_bytes() for p in seed_run.rglob("*") if p.is_file()}
    second = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_parse_prints_an_outline_and_json():
    done = doichieu("parse", str(PROVINCIAL))
    assert done.returncode == 0, done.stderr
    assert "nhiệm vụ" in done.stdout
    done = doichieu("parse", str(PROVINCIAL), "--json")
    data = json.loads(done.stdout)
    assert data["documents"][0]["path"].endswith("kontum-implementing-nq23.txt")
    assert len(data["tasks"]) > 10


@pytest.mark.parametrize("content, reason", [
    (b"", "tệp rỗng"),
    (b"\x00\x01\x02\x03binary\x00\xff" * 50, "tệp nhị phân"),
])
def test_bad_file_gets_one_clear_line_and_the_others_go_on(tmp_path, content, reason):
    bad = tmp_path / "hong.txt"
    bad.write_bytes(content)
    done = doichieu("parse", str(bad), str(PROVINCIAL))
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    error_lines = [line for line in done.stderr.splitlines() if "hong.txt" in line]
    assert error_lines, done.stderr
    assert reason in done.stderr.lower()
    assert "nhiệm vụ" in done.stdout  # the good file was still parsed


def test_an_unreadable_central_document_is_said_plainly(tmp_path):
    bad = tmp_path / "trung-uong.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + b"hong" * 200)
    done = doichieu("run", str(bad), str(PROVINCIAL), "--out", str(tmp_path / "out"))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "trung-uong.pdf: PDF bị hỏng" in done.stderr
    assert "không đọc được văn bản trung ương" in done.stderr
    assert "implements" not in done.stderr  # the provincial document is not blamed for the central one's failure


def test_an_unreadable_central_document_of_a_corpus_stops_its_own_pairs_only(tmp_path):
    """A corpus of two central documents, one a broken PDF: one error naming it, exit status 1, the other pair
    written whole; a plan carrying out the broken one (declared, or only citing it) is paired with nothing else,
    and the run's result.json says which file could not be read."""
    corpus = tmp_path / "corpus"
    (corpus / "central").mkdir(parents=True)
    (corpus / "provincial").mkdir()
    shutil.copy(CENTRAL, corpus / "central")
    shutil.copy(PROVINCIAL, corpus / "provincial")
    (corpus / "central" / "nq-99.pdf").write_bytes(b"%PDF-1.7\n" + b"hong" * 200)
    plan = ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI\nSố: {n}/KH-UBND\nKẾ HOẠCH\nThực hiện Nghị quyết số 99/NQ-CP của Chính phủ\n"
            "1. Sở Tài chính chủ trì bố trí kinh phí thực hiện Nghị quyết.\n")
    for name in ("kh-12", "kh-13"):
        (corpus / "provincial" / f"{name}.txt").write_text(plan.format(n=name[3:]), encoding="utf-8")
    (corpus / "manifest.yaml").write_text(
        "documents:\n"
        "  - {id: nq-23, path: central/nq-23-NQ-CP-2022.md, role: central}\n"
        "  - {id: nq-99, path: central/nq-99.pdf, role: central}\n"
        f"  - {{id: kontum, path: provincial/{PROVINCIAL.name}, role: provincial, implements: nq-23}}\n"
        "  - {id: kh-12, path: provincial/kh-12.txt, role: provincial, implements: nq-99}\n"
        "  - {id: kh-13, path: provincial/kh-13.txt, role: provincial}\n", encoding="utf-8")
    out = tmp_path / "out"
    done = doichieu("run", "--corpus", str(corpus), "--out", str(out))
    stderr = " ".join(done.stderr.split())
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert [line for line in done.stderr.splitlines() if line.startswith("Lỗi")] == [
        f"Lỗi {corpus / 'central' / 'nq-99.pdf'}: PDF bị hỏng hoặc không đúng định dạng PDF"]
    assert f"kh-12.txt: không đối chiếu được: văn bản trung ương mà văn bản này triển khai " \
           f"({corpus / 'central' / 'nq-99.pdf'}) không đọc được" in stderr
    assert "kh-13.txt: không xác định được văn bản trung ương mà văn bản này triển khai; có thể là văn bản không " \
           "đọc được" in stderr
    from pipeline.report import OUTPUT_FILES

    # only the readable pair: neither plan is compared with the other resolution in the broken one's stead
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["kontum__nq-23"]
    assert sorted(p.name for p in (out / "kontum__nq-23").iterdir()) == sorted(OUTPUT_FILES)
    assert not [p for p in out.rglob("*") if p.suffix == ".tmp"]
    whole = json.loads((out / "result.json").read_text(encoding="utf-8"))
    assert {d["id"] for d in whole["documents"]} == {"nq-23", "kontum", "kh-12", "kh-13"}
    assert [n["path"] for n in whole["notices"] if n["code"] == "unreadable-document"] == [
        str(corpus / "central" / "nq-99.pdf")]


def test_a_file_without_read_permission_is_one_failure_among_the_others(tmp_path, monkeypatch):
    locked = tmp_path / "khoa.txt"
    locked.write_text("Kế hoạch", encoding="utf-8")
    locked.chmod(0)
    if os.geteuid() != 0:
        done = doichieu("parse", str(locked), str(PROVINCIAL))
        code, stdout, stderr = done.returncode, done.stdout, done.stderr
    else:
        # root reads any file (CI runs as root): refuse this one as the kernel refuses another user, in process
        import builtins
        import errno

        from typer.testing import CliRunner

        from pipeline.cli import app

        real_open = builtins.open

        def refusing_open(file, *args, **kwargs):
            if isinstance(file, (str, Path)) and Path(file) == locked:
                raise PermissionError(errno.EACCES, "Permission denied", str(file))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(builtins, "open", refusing_open)
        monkeypatch.setenv("COLUMNS", "200")
        monkeypatch.delenv("DOICHIEU_DEBUG", raising=False)
        done = CliRunner().invoke(app, ["parse", str(locked), str(PROVINCIAL)])
        code, stdout, stderr = done.exit_code, done.stdout, done.stderr
    assert code == 1
    assert "khoa.txt: không đọc được tệp (không có quyền truy cập)" in stderr
    assert "nhiệm vụ" in stdout


def test_outputs_that_cannot_be_written_are_one_clear_line(tmp_path):
    blocker = tmp_path / "tep"
    blocker.write_text("", encoding="utf-8")
    done = doichieu("run", str(CENTRAL), str(PROVINCIAL), "--out", str(blocker / "out"))
    assert done.returncode == 1 and "Traceback" not in done.stderr and "Lỗi nội bộ" not in done.stderr
    assert "không ghi được kết quả (một phần của đường dẫn không phải thư mục)" in " ".join(done.stderr.split())


def test_missing_file_is_reported_without_traceback(tmp_path):
    done = doichieu("parse", str(tmp_path / "khong-co.pdf"))
    assert done.returncode != 0
    assert "khong-co.pdf" in done.stderr and "Traceback" not in done.stderr
    assert "(không có tệp hoặc thư mục này)" in " ".join(done.stderr.split())  # in Vietnamese, not the system's words


def test_a_corpus_folder_that_is_missing_or_holds_no_corpus_is_one_clear_error(tmp_path):
    for folder, said in ((tmp_path / "khong-co", "không có thư mục này"),
                         (tmp_path, "thư mục này không có manifest.yaml")):
        done = doichieu("run", "--corpus", str(folder), "--out", str(tmp_path / "out"))
        stderr = " ".join(done.stderr.split())
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
        assert f"{folder}: {said}: một corpus cần tệp khai báo manifest.yaml hoặc các thư mục central/ và " \
               "provincial/" in stderr
        assert not (tmp_path / "out").exists()


def test_main_job_on_a_copy_of_the_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    done = doichieu("run", "--corpus", str(corpus), "--out", str(tmp_path / "outputs"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "outputs" / "result.json").exists()
    assert "Đã ghi kết quả" in done.stdout


def test_start_up_imports_what_run_needs_and_leaves_the_collector_as_it_was():
    import gc

    from pipeline.cli import RUN_MODULES, _load

    try:
        for enabled in (False, True):
            (gc.enable if enabled else gc.disable)()
            _load(RUN_MODULES)
            assert gc.isenabled() is enabled
    finally:
        gc.enable()
        gc.unfreeze()
    assert all(name in sys.modules for name in RUN_MODULES)


def test_a_corpus_of_dropped_files_without_a_manifest_runs_and_says_so(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "central").mkdir(parents=True)
    (corpus / "provincial").mkdir()
    shutil.copy(CENTRAL, corpus / "central")
    shutil.copy(PROVINCIAL, corpus / "provincial")
    done = doichieu("run", "--corpus", str(corpus), "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    assert f"chưa có {corpus / 'manifest.yaml'}" in done.stderr and "theo thư mục" in done.stderr
    assert [p.parent.name for p in (tmp_path / "out").glob("*/crossref.xlsx")] == [
        "kontum-implementing-nq23__nq-23-nq-cp-2022"]


def test_parse_outline_nests_by_enclosing_section_not_by_the_dots_of_an_id(tmp_path):
    """A chapter's id holds a dot ("Chương.II"): it is still printed at the top level, its articles under it."""
    decree = tmp_path / "nghi-dinh.txt"
    decree.write_text("CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 7/2034/NĐ-CP\n"
                      "Hà Nội, ngày 5 tháng 6 năm 2034\nNGHỊ ĐỊNH\nQuy định chi tiết Luật Cấp nước\n\n"
                      "Chương II\nQUẢN LÝ CẤP NƯỚC\n\nĐiều 5. Trách nhiệm của địa phương\n"
                      "1. Ủy ban nhân dân cấp tỉnh phê duyệt kế hoạch cấp nước an toàn.\n"
                      "2. Sở Xây dựng kiểm tra việc vận hành hệ thống cấp nước.\n", encoding="utf-8")
    done = doichieu("parse", str(decree))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert any(line.startswith("  Chương.II QUẢN LÝ CẤP NƯỚC") for line in lines), done.stdout
    assert any(line.startswith("    5 Trách nhiệm của địa phương") for line in lines), done.stdout


def test_a_pair_no_longer_made_leaves_no_folder_beside_the_new_result(tmp_path):
    assert doichieu("run", str(CENTRAL), str(PROVINCIAL), "--out", str(tmp_path)).returncode == 0
    assert [p for p in tmp_path.iterdir() if p.is_dir()]
    done = doichieu("run", str(tmp_path / "khong-co.md"), str(PROVINCIAL), "--out", str(tmp_path))
    assert done.returncode == 1 and "khong-co.md" in done.stderr
    assert not [p for p in tmp_path.iterdir() if p.is_dir()]
    assert "đã xóa thư mục kết quả cũ" in " ".join(done.stderr.split())


def test_summary_counts_a_ministry_task_nothing_carries_out_as_the_reports_do(monkeypatch):
    """The terminal table says "Không giao cho địa phương" for a ministry's task with no provincial follow-through,
    as coverage.html and crossref.xlsx do, and "Chưa triển khai" only for tasks addressed to localities."""
    import io
    import re

    from fixtures import MINISTRY_AND_LOCALITIES, PLAN_FOR_ONE_LOCALITY_TASK
    from rich.console import Console

    import pipeline as dc
    from pipeline import cli

    central = dc.parse_text(MINISTRY_AND_LOCALITIES, doc_id="c", role="central")
    plan = dc.parse_text(PLAN_FOR_ONE_LOCALITY_TASK, doc_id="p", role="provincial")
    buf = io.StringIO()
    monkeypatch.setattr(cli, "out", Console(file=buf, width=200))
    cli._summary({"p__c": dc.link(central, plan)}, Path("ra"))
    lines = [re.split(r"\s*[│┃]\s*", line.strip("│┃ ")) for line in buf.getvalue().splitlines() if "│" in line
             or "┃" in line]
    assert lines[0] == ["Nhiệm vụ của văn bản trung ương", "Tổng", "Đã triển khai", "Triển khai một phần",
                        "Chưa triển khai", "Không giao cho địa phương"]
    assert lines[1:] == [["Tất cả", "3", "1", "0", "1", "1"], ["Giao cho địa phương", "2", "1", "0", "1", "0"]]
    # then where to look: the report and the table of that pair
    assert buf.getvalue().splitlines()[-1] == f"  Báo cáo: {Path('ra/p__c/coverage.html')} · Bảng đối chiếu: " \
                                              f"{Path('ra/p__c/crossref.xlsx')}"


def test_summary_names_a_provincial_resolution_as_the_document_carried_out(monkeypatch):
    """A Tỉnh ủy resolution carried out by the province's plan is not "văn bản trung ương" in the terminal either."""
    import io

    from rich.console import Console

    import pipeline as dc
    from pipeline import cli

    central = dc.parse_text("TỈNH ỦY LÀO CAI\nSố: 34-NQ/TU\nNGHỊ QUYẾT\nVề khu công nghiệp\nII. NHIỆM VỤ\n"
                            "1. Ủy ban nhân dân tỉnh chủ trì thu hút đầu tư vào các khu công nghiệp.\n",
                            doc_id="c", role="central")
    plan = dc.parse_text("ỦY BAN NHÂN DÂN TỈNH LÀO CAI\nSố: 134/KH-UBND\nKẾ HOẠCH\nThực hiện Nghị quyết số 34-NQ/TU\n"
                         "1. Sở Công Thương chủ trì thu hút đầu tư vào các khu công nghiệp.\n", doc_id="p", role="provincial")
    buf = io.StringIO()
    monkeypatch.setattr(cli, "out", Console(file=buf, width=200))
    cli._summary({"p__c": dc.link(central, plan)}, Path("ra"))
    assert "Nhiệm vụ của văn bản gốc" in buf.getvalue() and "trung ương" not in buf.getvalue()


def test_parse_outline_says_what_a_missing_lead_means(tmp_path):
    letter = tmp_path / "kh.txt"
    letter.write_text("ỦY BAN NHÂN DÂN TỈNH KON TUM\nSố: 5/KH-UBND\nKẾ HOẠCH\n"
                      "1. Tăng cường tuyên truyền về chợ biên giới.\n"
                      "2. Sở Công Thương chủ trì xây dựng chợ biên giới.\n", encoding="utf-8")
    done = doichieu("parse", str(letter))
    assert done.returncode == 0, done.stderr
    lines = {line.split(" (dòng")[0].strip(): line for line in done.stdout.splitlines() if "(dòng" in line}
    assert lines["1"].endswith("⇒ ? (chưa xác định cơ quan chủ trì)")
    assert "⇒ Sở Công Thương" in lines["2"] and "chưa xác định" not in lines["2"]


def test_eval_of_a_file_that_is_not_a_run_says_why_in_vietnamese(tmp_path):
    """A missing file, a file cut short and a JSON file of another kind: one line each, no English, no traceback."""
    (tmp_path / "cut.json").write_text('{"documents": [', encoding="utf-8")
    (tmp_path / "other.json").write_text("[1, 2]", encoding="utf-8")
    expected = {
        "khong-co.json": "không đọc được tệp kết quả (không có tệp hoặc thư mục này)",
        "cut.json": "không phải tệp JSON hợp lệ (dòng 1, cột 16)",
        "other.json": "không phải result.json của doichieu",
    }
    for name, message in expected.items():
        done = doichieu("eval", str(tmp_path / name))
        line = " ".join(done.stderr.split())
        assert done.returncode == 1 and message in line, line
        assert "Traceback" not in done.stderr and "Lỗi nội bộ" not in line and "No such file" not in line
