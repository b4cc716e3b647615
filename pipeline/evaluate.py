"""Evaluation: the referee's metrics (../shared/eval/score.py, reimplemented) for a Result against gold
files, with two baselines linked on the same parse, and a "perfect parse" built from gold files.

    evaluate(result, gold_dir) -> {pair: {metric: value, ...}}
    evaluate_run(result, gold_dir) -> rows (system and baselines per pair and metric)
    render_table(rows) -> rich Table
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from .model import Document, Mention, Section, Span, Task
from .vntext import fold

# --------------------------------------------------------------------------- perfect parse from gold

_LABEL = re.compile(r"^\s*(?:[-+•]\s+|[0-9IVX]+(?:\.\d+)*\.\s+|[a-zđ]\)\s+|Điều\s+\d+\.\s+)")


def _source_path(tasks_file: Path, declared: str | None) -> Path | None:
    if not declared:
        return None
    for base in [tasks_file.resolve().parents[i] for i in range(min(4, len(tasks_file.resolve().parents)))]:
        candidate = base / declared
        if candidate.exists():
            return candidate
        trimmed = Path(*Path(declared).parts[1:]) if len(Path(declared).parts) > 1 else None
        if trimmed is not None and (base / trimmed).exists():
            return base / trimmed
    repo_corpus = Path(__file__).resolve().parent.parent / "corpus"
    for found in repo_corpus.rglob(Path(declared).name):
        return found
    return None


def gold_parse(tasks_file: Path, max_chars: int | None = None) -> Document:
    """A Document cut from its source at the gold lines (each task runs to the next gold item, at most
    max_chars when given), with the gold agencies as mentions and the gold locality flag: a perfect parse."""
    tasks_file = Path(tasks_file)
    data = yaml.safe_load(tasks_file.read_text(encoding="utf-8"))
    meta = data["document"]
    source = _source_path(tasks_file, meta.get("source"))
    if source is None:
        raise FileNotFoundError(f"{tasks_file}: source {meta.get('source')!r} not found")
    lines = source.read_text(encoding="utf-8").split("\n")
    starts = sorted({t["line"] for t in data["tasks"]} | {s["line"] for s in data.get("sections") or []})
    doc = Document(id=meta["id"], path=str(source), role=meta.get("role"), kind=source.suffix.lstrip("."))
    doc.meta.number = meta.get("number")
    section_ids = {str(s["id"]) for s in data.get("sections") or []}

    def parent_of(item_id: str) -> str | None:
        parts = item_id.split(".")
        for cut in range(len(parts) - 1, 0, -1):
            candidate = ".".join(parts[:cut])
            if candidate in section_ids:
                return candidate
        return None

    for s in data.get("sections") or []:
        sid = str(s["id"])
        doc.sections.append(Section(id=sid, label=s.get("printed_label", ""), kind="section",
                                    title=str(s.get("title") or ""), span=Span(s["line"], s["line"], 0, 0),
                                    parent=parent_of(sid)))
    for t in data["tasks"]:
        tid = str(t["id"])
        later = [n for n in starts if n > t["line"]]
        end = (later[0] - 1) if later else min(len(lines), t["line"] + 3)
        raw = " ".join(x.replace("**", "").lstrip("#").strip() for x in lines[t["line"] - 1:end] if x.strip())
        raw = raw.split("Nơi nhận")[0]
        text = " ".join(_LABEL.sub("", raw, count=1).split())
        anchor_at = fold(text).find(fold(t["anchor"]))
        if anchor_at < 0:  # the anchor may sit after a heading on the same line: start the text there
            words = t["anchor"].split()[:3]
            at = text.find(" ".join(words))
            text = text[at:] if at > 0 else text
        doc.tasks.append(Task(
            doc=doc.id, id=tid, label=t.get("printed_label", ""), text=text[:max_chars] if max_chars else text,
            span=Span(t["line"], end, 0, 0), parent=parent_of(tid),
            leads=[Mention(text=a) for a in t.get("leads") or []],
            coordinators=[Mention(text=a) for a in t.get("coordinators") or []],
            directs=[Mention(text=a) for a in t.get("directs") or []],
            localities=bool(t.get("localities", False)), locality_role=t.get("locality_role"),
        ))
    return doc


def gold_pair_documents(gold_dir: Path, pair: str) -> tuple[Document, Document]:
    """(central, provincial) perfect parses of one gold pair."""
    links = yaml.safe_load((Path(gold_dir) / f"{pair}.links.yaml").read_text(encoding="utf-8"))
    central = gold_parse(Path(gold_dir) / links["central_tasks"])
    provincial = gold_parse(Path(gold_dir) / links["provincial_tasks"])
    roles = {row["central"]: row.get("locality_role") for row in links.get("coverage") or []}
    for task in central.tasks:
        if task.locality_role is None and task.id in roles:
            task.locality_role = roles[task.id]
    return central, provincial


# --------------------------------------------------------------------------- metrics (the referee's definitions)


def prf(tp: float, n_pred: float, n_gold: float) -> dict:
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def gold_link_sets(links_data: dict) -> tuple[set, set]:
    """(sure, sure-or-possible) sets of (provincial id, central id) from a gold links file."""
    sure, possible = set(), set()
    for row in links_data.get("links") or []:
        for target in row.get("central") or []:
            pair = (str(row["provincial"]), str(target["id"]))
            possible.add(pair)
            if target.get("strength") == "sure":
                sure.add(pair)
    return sure, possible


def link_metrics(predicted: set, unmapped: int, sure: set, possible: set) -> dict:
    """Precision counts a predicted link right when it is sure or possible in the gold; recall counts
    the sure links found (word-alignment style)."""
    n_pred = len(predicted) + unmapped
    scores = prf(len(predicted & possible), n_pred, len(sure))
    scores["recall"] = len(predicted & sure) / len(sure) if sure else 1.0
    p, r = scores["precision"], scores["recall"]
    scores["f1"] = 2 * p * r / (p + r) if p + r else 0.0
    scores["missed"] = sorted(f"{a}->{b}" for a, b in sure - predicted)
    scores["wrong"] = sorted(f"{a}->{b}" for a, b in predicted - possible)
    return scores


def derive_status(central_ids, predicted: set, predicted_sure: set, given: dict | None = None) -> dict:
    """Coverage status per central id: given rows first, else from the links (sure -> covered)."""
    status = dict(given or {})
    for cid in central_ids:
        if cid in status:
            continue
        if any(b == cid for _, b in predicted_sure):
            status[cid] = "covered"
        elif any(b == cid for _, b in predicted):
            status[cid] = "partial"
        else:
            status[cid] = "gap"
    return status


def coverage_metrics(status: dict, gold_rows: list[dict]) -> dict:
    ok = gap_tp = gap_pred = gap_gold = 0
    wrong = []
    for row in gold_rows:
        gid, gold_status = str(row["central"]), row["status"]
        pred = status.get(gid, "gap")
        ok += pred == gold_status
        if pred != gold_status:
            wrong.append(f"{gid}: gold={gold_status} predicted={pred}")
        gap_gold += gold_status == "gap"
        gap_pred += pred == "gap"
        gap_tp += gold_status == pred == "gap"
    return {
        "accuracy": ok / len(gold_rows) if gold_rows else 0.0,
        "gap": prf(gap_tp, gap_pred, gap_gold),
        "wrong": wrong,
    }
