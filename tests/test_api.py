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
    assert "23/NQ-CP" in printed
    assert (tmp_path / "kontum" / "crossref.xlsx").exists()


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
