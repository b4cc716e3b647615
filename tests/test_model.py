"""The shared dataclasses: result.json round-trip and the referee's fields."""
import json

from gold_documents import gold_pair

from pipeline.model import Coverage, Link, Result, TaskRef


def _result() -> Result:
    central, provincial = gold_pair()
    link = Link(TaskRef(provincial.id, "1.a.1"), TaskRef(central.id, "III.1.a.2"), "sure", 0.91,
                reasons=["Trùng lời văn"], features={"token_set": 0.9}, shared_phrases=["vốn vay ưu đãi"])
    coverage = Coverage(TaskRef(central.id, "III.1.a.2"), provincial.id, "covered", sure=["1.a.1"], localities=True)
    return Result(documents=[central, provincial], links=[link], coverage=[coverage])


def test_result_json_round_trip_is_lossless():
    data = _result().to_json()
    again = Result.from_json(json.loads(json.dumps(data, ensure_ascii=False)))
    assert again.to_json() == data


def test_result_json_has_the_referee_fields():
    data = _result().to_json()
    task = data["tasks"][0]
    assert {"doc", "id", "text", "leads", "coordinators"} <= task.keys()
    assert all(isinstance(name, str) for name in task["leads"])
    assert data["links"][0]["provincial"] == {"doc": "kontum-nq23", "task": "1.a.1"}
    assert data["coverage"][0]["provincial"] == {"doc": "kontum-nq23"}
    assert {d["role"] for d in data["documents"]} == {"central", "provincial"}


def test_ancestors_are_outermost_first():
    central, _ = gold_pair()
    task = central.task("III.1.a.2")
    assert [s.id for s in central.ancestors(task)] == ["III", "III.1", "III.1.a"]
