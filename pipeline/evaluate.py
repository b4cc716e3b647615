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

from .model import Document, Link, Mention, Result, Section, Span, Task, TaskRef
from .vntext import fold, match_form

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


def gold_parse(tasks_file: Path, max_chars: int | None = None, source: Path | None = None) -> Document:
    """A Document cut from its source at the gold lines (each task runs to the next gold item, at most
    max_chars when given), with the gold agencies as mentions and the gold locality flag: a perfect parse.
    `source` is the document the gold describes when the tasks file does not name it."""
    tasks_file = Path(tasks_file)
    data = yaml.safe_load(tasks_file.read_text(encoding="utf-8"))
    meta = data["document"]
    source = source or _source_path(tasks_file, meta.get("source"))
    if source is None:
        raise FileNotFoundError(f"{tasks_file}: source {meta.get('source')!r} not found")
    lines = source.read_text(encoding="utf-8").split("\n")
    starts = sorted({t["line"] for t in data["tasks"]} | {s["line"] for s in data.get("sections") or []})
    doc = Document(id=meta["id"], path=str(source), role=meta.get("role"), kind=source.suffix.lstrip("."))
    doc.meta.number = meta.get("number")
    doc.meta.title = meta.get("title")
    doc.meta.issuer = meta.get("issuer")
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
            advises=[Mention(text=t["advises"])] if t.get("advises") else [],
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


# --------------------------------------------------------------------------- scoring a Result against gold files


def referee_fold(text: str) -> str:
    """The referee's comparison form: vntext.fold with "UBND" spelled out."""
    text = re.sub(r"\bubnd\b", "uy ban nhan dan", fold(text))
    return " ".join(text.split())


def _fold_agency(name: str, abbreviations: dict[str, str]) -> str:
    folded = referee_fold(name)
    if not abbreviations:
        return folded
    pattern = r"\b(" + "|".join(sorted(map(re.escape, abbreviations), key=len, reverse=True)) + r")\b"
    return re.sub(pattern, lambda m: abbreviations[m.group(1)], folded)


def _abbreviations() -> dict[str, str]:
    from .linking.config import linking_rules

    return dict(linking_rules().evaluation_abbreviations)


def _match_document(anchors: dict[str, str], by_doc: dict[str, list[dict]]) -> str | None:
    best, best_hits = None, 0
    for doc_id, tasks in by_doc.items():
        texts = [referee_fold(t.get("text", "")) for t in tasks]
        hits = sum(any(a in x for x in texts) for a in anchors.values())
        if hits > best_hits:
            best, best_hits = doc_id, hits
    return best


def _map_tasks(anchors: dict[str, str], tasks: list[dict]):
    """gold id -> predicted task (shortest holder of its anchor; identical anchors in document order),
    and the segmentation scores."""
    folded = [(referee_fold(t.get("text", "")), t) for t in tasks]
    mapping, clean = {}, set()
    groups: dict[str, list[str]] = {}
    for gid, anchor in anchors.items():
        groups.setdefault(anchor, []).append(gid)
    for anchor, gids in groups.items():
        holders = sorted((len(x), i) for i, (x, _) in enumerate(folded) if anchor in x)
        chosen = sorted(i for _, i in holders[: len(gids)])
        for gid, index in zip(gids, chosen, strict=False):
            mapping[gid] = folded[index][1]
            if not [g for g, a in anchors.items() if a != anchor and a in folded[index][0]]:
                clean.add(gid)
    distinct = set(anchors.values())
    exact = sum(1 for x, _ in folded if sum(a in x for a in distinct) == 1)
    seg = prf(len(clean), len(folded), len(anchors))
    seg["precision"] = exact / len(folded) if folded else 0.0
    p, r = seg["precision"], seg["recall"]
    seg["f1"] = 2 * p * r / (p + r) if p + r else 0.0
    return mapping, seg


def _agency_scores(gold_tasks: dict[str, dict], mapping: dict, abbreviations: dict[str, str]) -> dict:
    lead_ok = c_tp = c_pred = c_gold = 0
    for gid, task in mapping.items():
        gold = gold_tasks[gid]
        lead_ok += ({_fold_agency(a, abbreviations) for a in gold.get("leads") or []}
                    == {_fold_agency(a, abbreviations) for a in task.get("leads") or []})
        g_co = {_fold_agency(a, abbreviations) for a in gold.get("coordinators") or []}
        p_co = {_fold_agency(a, abbreviations) for a in task.get("coordinators") or []}
        c_tp, c_pred, c_gold = c_tp + len(g_co & p_co), c_pred + len(p_co), c_gold + len(g_co)
    return {"lead_accuracy": lead_ok / len(mapping) if mapping else 0.0, "coordinators": prf(c_tp, c_pred, c_gold)}


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def score_pair(data: dict, gold_dir: Path, pair: str) -> dict:
    """One gold pair scored on a result.json dict: the referee's metrics, flat."""
    links_data = _load(gold_dir / f"{pair}.links.yaml")
    central_gold = _load(gold_dir / links_data["central_tasks"])["tasks"]
    provincial_gold = _load(gold_dir / links_data["provincial_tasks"])["tasks"]
    c_anchor = {str(t["id"]): referee_fold(t["anchor"]) for t in central_gold}
    p_anchor = {str(t["id"]): referee_fold(t["anchor"]) for t in provincial_gold}
    by_doc: dict[str, list[dict]] = {}
    for task in data.get("tasks", []):
        by_doc.setdefault(str(task.get("doc")), []).append(task)
    c_doc = _match_document(c_anchor, by_doc)
    p_doc = _match_document(p_anchor, {k: v for k, v in by_doc.items() if k != c_doc})
    if c_doc is None or p_doc is None:
        return {"pair": pair, "error": "gold documents not found among the result's tasks"}
    c_map, c_seg = _map_tasks(c_anchor, by_doc[c_doc])
    p_map, p_seg = _map_tasks(p_anchor, by_doc[p_doc])
    c_back = {str(t.get("id")): gid for gid, t in c_map.items()}
    p_back = {str(t.get("id")): gid for gid, t in p_map.items()}

    sure, possible = gold_link_sets(links_data)
    predicted, predicted_sure, unmapped = set(), set(), 0
    for item in data.get("links", []):
        prov, cent = item.get("provincial") or {}, item.get("central") or {}
        if str(prov.get("doc")) != p_doc or str(cent.get("doc")) != c_doc:
            continue
        gp, gc = p_back.get(str(prov.get("task"))), c_back.get(str(cent.get("task")))
        if gp is None or gc is None:
            unmapped += 1
            continue
        predicted.add((gp, gc))
        if item.get("strength", "sure") == "sure":
            predicted_sure.add((gp, gc))
    links = link_metrics(predicted, unmapped, sure, possible)

    linked_docs = {str((x.get("provincial") or {}).get("doc")) for x in data.get("links", [])
                   if str((x.get("central") or {}).get("doc")) == c_doc}
    given = {}
    for row in data.get("coverage") or []:
        cent = row.get("central") or {}
        scope = (row.get("provincial") or {}).get("doc")
        usable = str(scope) == p_doc if scope is not None else linked_docs <= {p_doc}
        if usable and str(cent.get("doc")) == c_doc and str(cent.get("task")) in c_back:
            given[c_back[str(cent.get("task"))]] = row.get("status")
    status = derive_status(list(c_anchor), predicted, predicted_sure, given)
    coverage = coverage_metrics(status, links_data.get("coverage") or [])

    abbreviations = _abbreviations()
    c_ag = _agency_scores({str(t["id"]): t for t in central_gold}, c_map, abbreviations)
    p_ag = _agency_scores({str(t["id"]): t for t in provincial_gold}, p_map, abbreviations)
    return {
        "pair": pair, "central": c_doc, "provincial": p_doc,
        "seg_f1": (c_seg["f1"] + p_seg["f1"]) / 2,
        "lead_acc": (c_ag["lead_accuracy"] + p_ag["lead_accuracy"]) / 2,
        "coord_f1": (c_ag["coordinators"]["f1"] + p_ag["coordinators"]["f1"]) / 2,
        "link_p": links["precision"], "link_r": links["recall"], "link_f1": links["f1"],
        "coverage_acc": coverage["accuracy"], "gap_f1": coverage["gap"]["f1"],
        "missed": links["missed"], "wrong": links["wrong"], "coverage_wrong": coverage["wrong"],
    }


def _pairs(gold_dir: Path) -> list[str]:
    return sorted(p.name[: -len(".links.yaml")] for p in Path(gold_dir).glob("*.links.yaml"))


def evaluate(result: Result, gold_dir: Path) -> dict:
    """Referee metrics of a run for every gold pair in gold_dir: {pair: {metric: value, ...}}."""
    data = result.to_json()
    return {pair: score_pair(data, Path(gold_dir), pair) for pair in _pairs(gold_dir)}


# --------------------------------------------------------------------------- baselines on the same parse

BASELINE_THRESHOLDS = {"token_set": 0.80, "tfidf": 0.20}  # fixed a priori, not tuned on the gold


def baseline_links(central: Document, provincial: Document, method: str) -> list[Link]:
    """Each provincial task -> its single best central task when the score reaches the threshold, 'sure'.
    method: "token_set" (rapidfuzz token_set_ratio on the matching form) or "tfidf" (cosine of TF-IDF
    over word 1-2 grams fitted on both documents)."""
    import numpy as np
    from rapidfuzz import fuzz, process

    if not central.tasks or not provincial.tasks:
        return []
    c_texts = [match_form(t.text) for t in central.tasks]
    p_texts = [match_form(t.text) for t in provincial.tasks]
    if method == "token_set":
        scores = process.cdist(p_texts, c_texts, scorer=fuzz.token_set_ratio, workers=-1) / 100.0
    elif method == "tfidf":
        from sklearn.feature_extraction.text import TfidfVectorizer

        matrix = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit_transform(c_texts + p_texts)
        scores = (matrix[len(c_texts):] @ matrix[: len(c_texts)].T).toarray()
    else:
        raise ValueError(f"unknown baseline {method!r}")
    links = []
    for i, row in enumerate(scores):
        j = int(np.argmax(row))
        if row[j] >= BASELINE_THRESHOLDS[method]:
            links.append(Link(provincial=TaskRef(provincial.id, provincial.tasks[i].id),
                              central=TaskRef(central.id, central.tasks[j].id),
                              strength="sure", score=float(row[j]), reasons=[f"baseline {method}"]))
    return links


def _document_pairs(result: Result) -> list[tuple[Document, Document]]:
    """(central, provincial) pairs of a run: by its links, else every provincial with the only central."""
    centrals = [d for d in result.documents if d.role == "central"]
    pairs = []
    for doc in result.documents:
        if doc.role != "provincial":
            continue
        linked = [lk.central.doc for lk in result.links if lk.provincial.doc == doc.id]
        target = max(set(linked), key=linked.count) if linked else (centrals[0].id if len(centrals) == 1 else None)
        if target is not None:
            pairs.append((result.document(target), doc))
    return pairs


def baseline_result(result: Result, method: str) -> Result:
    links = [lk for c, p in _document_pairs(result) for lk in baseline_links(c, p, method)]
    return Result(documents=result.documents, links=links)


METRICS = ("link_p", "link_r", "link_f1", "coverage_acc", "gap_f1", "seg_f1", "lead_acc", "coord_f1")
LINKING_METRICS = ("link_p", "link_r", "link_f1", "coverage_acc", "gap_f1")
SYSTEMS = ("doichieu", "token_set", "tfidf")


def evaluate_run(result: Result, gold_dir: Path) -> list[dict]:
    """Rows {pair, metric, doichieu, token_set, tfidf}: the system and both baselines (same parse)."""
    scored = {"doichieu": evaluate(result, gold_dir)}
    for method in SYSTEMS[1:]:
        scored[method] = evaluate(baseline_result(result, method), gold_dir)
    rows = []
    for pair, report in scored["doichieu"].items():
        if "error" in report:
            rows.append({"pair": pair, "metric": "error", "doichieu": report["error"]})
            continue
        for metric in METRICS:
            if metric not in LINKING_METRICS and metric != "seg_f1" and metric not in report:
                continue
            row = {"pair": pair, "metric": metric}
            for system in SYSTEMS:
                other = scored[system].get(pair, {})
                row[system] = other.get(metric) if metric in LINKING_METRICS or system == "doichieu" else None
            rows.append(row)
    return rows


def render_table(rows: list[dict]):
    """A rich Table: one line per pair and metric, the system beside the baselines."""
    from rich.table import Table

    table = Table(title="Đánh giá so với dữ liệu chuẩn (hệ thống và hai phương pháp cơ sở trên cùng kết quả phân tích)")
    table.add_column("Cặp văn bản")
    table.add_column("Chỉ số")
    table.add_column("doichieu", justify="right")
    table.add_column("token_set (cơ sở)", justify="right")
    table.add_column("TF-IDF (cơ sở)", justify="right")
    for row in rows:
        if row["metric"] == "error":
            table.add_row(row["pair"], "lỗi", str(row["doichieu"]), "", "")
            continue
        cells = []
        for system in SYSTEMS:
            value = row.get(system)
            cells.append("" if value is None else f"{value:.3f}")
        table.add_row(row["pair"], row["metric"], *cells)
    return table
