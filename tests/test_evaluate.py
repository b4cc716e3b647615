"""pipeline.evaluate: referee metrics reimplemented, baselines, the table; checked against the referee."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.evaluate import (
    baseline_links,
    evaluate,
    evaluate_run,
    gold_pair_documents,
    gold_parse,
    link_metrics,
    render_table,
)
from pipeline.linking import link
from pipeline.model import Result

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
needs_shared = pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(),
                                  reason="../shared (referee, gold, dev set) is not beside this checkout")


def _seed_result() -> Result:
    from gold_documents import gold_pair

    central, provincial = gold_pair()
    links, coverage = link(central, provincial)
    return Result(documents=[central, provincial], links=links, coverage=coverage)


def test_link_metrics_follow_the_alignment_convention():
    sure = {("a", "1")}
    possible = {("a", "1"), ("a", "2")}
    scores = link_metrics({("a", "1"), ("a", "2"), ("b", "3")}, 0, sure, possible)
    assert scores["precision"] == pytest.approx(2 / 3) and scores["recall"] == 1.0
    assert scores["wrong"] == ["b->3"] and scores["missed"] == []


def test_perfect_links_score_one_on_the_seed_gold():
    import yaml
    from gold_documents import GOLD, gold_pair

    central, provincial = gold_pair()
    data = yaml.safe_load((GOLD / "kontum-nq23.links.yaml").read_text(encoding="utf-8"))
    from pipeline.model import Link, TaskRef

    links = [Link(TaskRef(provincial.id, row["provincial"]), TaskRef(central.id, target["id"]), target["strength"], 1.0)
             for row in data["links"] for target in row["central"]]
    report = evaluate(Result(documents=[central, provincial], links=links), GOLD)["kontum-nq23"]
    for metric in ("seg_f1", "link_p", "link_r", "link_f1", "coverage_acc", "gap_f1"):
        assert report[metric] == pytest.approx(1.0), metric


@needs_shared
def test_same_figures_as_the_referee(tmp_path):
    result = _seed_result()
    path = tmp_path / "result.json"
    path.write_text(json.dumps(result.to_json(), ensure_ascii=False), encoding="utf-8")
    done = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(path), "--json"],
                          capture_output=True, text=True, check=False)
    referee = json.loads(done.stdout[: done.stdout.rindex("]") + 1])[0]
    ours = evaluate(result, SHARED / "gold")["kontum-nq23"]
    assert ours["link_f1"] == pytest.approx(referee["links"]["f1"], abs=1e-4)
    assert ours["link_p"] == pytest.approx(referee["links"]["precision"], abs=1e-4)
    assert ours["coverage_acc"] == pytest.approx(referee["coverage"]["accuracy"], abs=1e-4)
    assert ours["gap_f1"] == pytest.approx(referee["coverage"]["gap"]["f1"], abs=1e-4)
    assert ours["lead_acc"] == pytest.approx(
        (referee["agencies"]["central"]["lead_accuracy"] + referee["agencies"]["provincial"]["lead_accuracy"]) / 2,
        abs=1e-4)


def test_baselines_link_each_provincial_task_at_most_once():
    from gold_documents import gold_pair

    central, provincial = gold_pair()
    for method in ("token_set", "tfidf"):
        links = baseline_links(central, provincial, method)
        assert links and all(lk.strength == "sure" for lk in links)
        assert len({lk.provincial.task for lk in links}) == len(links)
    with pytest.raises(ValueError):
        baseline_links(central, provincial, "nope")


def test_system_ahead_of_both_baselines_on_the_seed_gold_parse():
    from gold_documents import GOLD

    rows = evaluate_run(_seed_result(), GOLD)
    by_metric = {row["metric"]: row for row in rows if row["pair"] == "kontum-nq23"}
    for metric in ("link_r", "coverage_acc", "gap_f1"):
        row = by_metric[metric]
        assert row["doichieu"] > max(row["token_set"], row["tfidf"]), row
    table = render_table(rows)
    assert table.row_count == len(rows)


@needs_shared
def test_gold_parse_of_the_dev_set():
    central, provincial = gold_pair_documents(SHARED / "devset" / "gold", "laocai-sct-nd25")
    assert central.role == "central" and len(central.tasks) == 66 and len(provincial.tasks) == 8
    assert central.meta.number == "25/2026/NĐ-CP"
    assert any(t.locality_role == "lead" for t in central.tasks)
    with pytest.raises(FileNotFoundError):
        gold_parse(ROOT / "corpus" / "gold" / "nq23.tasks.yaml")  # the repository's copy names no source
