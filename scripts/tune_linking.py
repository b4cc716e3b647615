"""Choose the linking weights and thresholds of rules/linking.yaml by a documented, honest procedure.

    .venv/bin/python scripts/tune_linking.py            # cross-validated figures + the chosen values
    .venv/bin/python scripts/tune_linking.py --write    # also write them into rules/linking.yaml
    .venv/bin/python scripts/tune_linking.py --drop tfidf      # ablation: that feature's weight held at 0
    .venv/bin/python scripts/tune_linking.py --use locality    # take back a feature dropped by default

Data: the perfect parse (pipeline.evaluate.gold_parse) of every gold pair in ../shared/gold and
../shared/devset/gold: Kon Tum / NQ 23 and the three Lào Cai pairs.
Every (provincial task, central task) pair is one example: label "linked" (sure or possible in the gold)
and label "sure".

Procedure
1. Two logistic regressions (L2, lambda 1.0, standardised features, non-negative weights): P(linked) and
   P(sure), over the features of pipeline.linking (text, key terms, structure, actors, citations, relative
   evidence) except those in DROPPED (locality: see the ablation there).
   Two priors, not fitted: the link model's weights on citation and cites_central_keyterm are at least 3.0
   (MIN_WEIGHTS_LINK: strong evidence, too rare in the gold to be learnt).
2. Five thresholds: possible (P(linked) to keep a link), sure (P(sure) to call it sure), partial_floor
   (central-side rescue by P) and counterpart_rel (central-side rescue by the counterpart agency leading
   a provincial task of close wording) and margin (a kept candidate's P against its provincial task's
   best), chosen on a grid to maximise the mean over pairs (weighted by
   their number of gold judgements) of (link F1 + coverage accuracy + gap F1) / 3; among tied grid
   points, the one nearest the centre of the plateau.
3. Honest estimate: leave-one-group-out, a group being one top-level provincial section (Kon Tum
   items 1-5) or one whole Lào Cai pair. For each held-out group the models AND the thresholds are
   chosen on the other groups only, then applied to the held-out group; the held-out decisions of all
   groups are put together and scored per pair. These are the figures reported in the yaml header.
4. The values written to rules/linking.yaml are steps 1-2 on all groups. Nothing is set by hand per item.
"""
from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

import numpy as np
import yaml
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.evaluate import (  # noqa: E402
    coverage_metrics,
    derive_status,
    gold_link_sets,
    gold_pair_documents,
    link_metrics,
)
from pipeline.linking import (  # noqa: E402
    ALL_FEATURES,
    cut_probabilities,
    decide_on,
    feature_matrices,
    fixed_evidence,
)
from pipeline.linking.config import DecisionRules, LinearModel, linking_rules  # noqa: E402

SHARED = ROOT.parent / "shared"
PAIRS = [
    (SHARED / "gold", "kontum-nq23"),
    (SHARED / "devset" / "gold", "laocai-sct-nd25"),
    (SHARED / "devset" / "gold", "laocai-cv-nd181"),
    (SHARED / "devset" / "gold", "laocai-qd1883-nd181"),
]
GRID = [round(x, 2) for x in np.arange(0.05, 0.96, 0.05)]
SURE_COPY = 0.8  # fixed a priori (definition of "restates"), not tuned
FLOORS = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 1.0]  # 1.0 = no central-side rescue
COUNTERPART = [0.6, 0.8, 1.01]  # col_rel of the counterpart rescue; 1.01 = off
MARGINS = [0.0, 0.5, 0.8]  # a kept candidate's P relative to its row's best; 0 = off
SURE_GRID = [round(x, 2) for x in np.arange(0.1, 0.91, 0.1)]


class PairData:
    def __init__(self, gold_dir: Path, name: str, rules):
        self.name = name
        self.rules = rules
        self.links_data = yaml.safe_load((gold_dir / f"{name}.links.yaml").read_text(encoding="utf-8"))
        self.central, self.provincial = gold_pair_documents(gold_dir, name)
        self.features = feature_matrices(self.central, self.provincial, rules, complete=True)
        self.fixed = fixed_evidence(self.features, rules)
        self.sure, self.possible = gold_link_sets(self.links_data)
        self.p_ids = [t.id for t in self.provincial.tasks]
        self.c_ids = [t.id for t in self.central.tasks]
        n_p, n_c = len(self.p_ids), len(self.c_ids)
        self.X = np.stack([self.features.values[f].reshape(-1) for f in ALL_FEATURES], axis=1)
        self.y_link = np.array([(p, c) in self.possible for p in self.p_ids for c in self.c_ids], dtype=int)
        self.y_sure = np.array([(p, c) in self.sure for p in self.p_ids for c in self.c_ids], dtype=int)
        top = [p.split(".")[0] for p in self.p_ids]
        seed = name == "kontum-nq23"
        self.groups = np.array([f"{name}:{top[k // n_c]}" if seed else name for k in range(n_p * n_c)])
        self.shape = (n_p, n_c)


# Prior knowledge, not fitted: a shared specific legal reference (số hiệu cited by few central tasks) is
# strong evidence of a link (the brief's "strong evidence"); the link model's citation weight may not fall
# below this (on the raw 0-1 feature). Citations are too rare in the gold for the fit to learn it alone.
# The same prior for a provincial task that cites the central document itself (cites_central_keyterm): it
# says which document it paraphrases, and its key terms say which clause.
MIN_WEIGHTS_LINK = {"citation": 3.0, "cites_central_keyterm": 3.0}


# Features held at weight 0 in both models (--drop adds more, --use takes one back). "locality" (the central
# task reaches localities) says nothing about WHICH provincial task carries it out; with it, the models learnt
# Kon Tum's habit (links mostly go to locality tasks) and linked letters to the province's own duties. The
# ablation (--use locality vs default, leave-one-group-out, run of 2026-11-22): Kon Tum 0.960/0.857/0.600 ->
# 0.944/0.857/0.600 (link F1 / coverage / gap F1), Lào Cai SCT 0.238/0.421/0.522 -> 0.370/0.579/0.759.
# Localities still decide which central tasks get a coverage rescue (pipeline.linking.decide_from).
# "executes_document" (the central execution clause and the provincial document's own call to carry the work
# out) is a decision rule, not evidence for the models: such a pair is a sure link whatever P
# (pipeline.linking.decide_from). Fitted as a feature (run of 2026-12-07) it separated the few gold pairs
# perfectly (weight 9.5) and moved the other weights and the thresholds (sure 0.7 -> 0.2): held out Kon Tum
# 0.947 / 1.000 / 0.973 / 0.886 / 0.727, SCT 0.308 / 0.875 / 0.455 / 0.368 / 0.421; real seed coverage 0.943 -> 0.914.
# "hands_on" / "hands_on_all" (a provincial task handing on a People's Committee's duties) are a decision rule
# too (pipeline.linking.handed_on), written a priori; the gold pairs hold two such tasks.
# "section" (the provincial task stands under a section aligned with the central task's item or section) is a
# decision rule (pipeline.linking.section_links), written a priori. Fitted as a feature (run of 2026-12-07, before the
# rule) it took weight 1.04 in the link model and 0 in the sure model, moved possible 0.45 -> 0.35, and the held-out
# figures fell: Kon Tum coverage / gap 0.886 / 0.727 -> 0.857 / 0.667, SCT link F1 0.483 -> 0.429: the gold pairs hold
# few plans restating the central titles, and a weight learnt on them lifts every pair alike.
DROPPED: set[str] = {"locality", "executes_document", "hands_on", "hands_on_all", "section"}


def fit(X, y, l2: float = 1.0, min_weights: dict[str, float] | None = None) -> LinearModel:
    """L2-regularised logistic regression with non-negative weights: every feature is evidence FOR a
    link, so no feature may count against one (keeps the model monotone and stable on little data)."""
    mean, std = X.mean(axis=0), X.std(axis=0)
    std[std == 0] = 1.0
    Z = (X - mean) / std

    def loss(theta):
        w, b = theta[:-1], theta[-1]
        z = Z @ w + b
        p = 1.0 / (1.0 + np.exp(-z))
        value = np.logaddexp(0, -z) @ y + np.logaddexp(0, z) @ (1 - y) + 0.5 * l2 * (w @ w)
        grad_z = p - y
        return value, np.append(Z.T @ grad_z + l2 * w, grad_z.sum())

    theta0 = np.zeros(Z.shape[1] + 1)
    floors = [(min_weights or {}).get(f, 0.0) * std[k] for k, f in enumerate(ALL_FEATURES)]  # standardised
    bounds = [(0.0, 0.0) if f in DROPPED else (floor, None) for f, floor in zip(ALL_FEATURES, floors, strict=True)]
    bounds += [(None, None)]
    floors = [0.0 if f in DROPPED else floor for f, floor in zip(ALL_FEATURES, floors, strict=True)]
    theta0[:-1] = floors
    theta = minimize(loss, theta0, jac=True, method="L-BFGS-B", bounds=bounds).x
    coef = theta[:-1] / std
    bias = float(theta[-1] - (theta[:-1] * mean / std).sum())
    return LinearModel(bias=round(bias, 4), weights={f: round(float(w), 4) for f, w in zip(ALL_FEATURES, coef, strict=False)})


def probability(model: LinearModel, X) -> np.ndarray:
    w = np.array([model.weights[f] for f in ALL_FEATURES])
    return 1.0 / (1.0 + np.exp(-(X @ w + model.bias)))


def decide(p_link: np.ndarray, p_sure: np.ndarray, pair, decision: DecisionRules) -> list[tuple[int, int, str]]:
    """pipeline.linking's decision (cut_probabilities, then decide_on) on the models' flat probability arrays."""
    p_link, p_sure = cut_probabilities(pair.features, p_link.reshape(pair.shape), p_sure.reshape(pair.shape))
    kept = decide_on(pair.features, pair.rules, p_link, p_sure, decision, fixed=pair.fixed)
    return [(i, j, s) for i, j, s, _ in kept]


def pair_scores(pair: PairData, kept) -> dict:
    predicted = {(pair.p_ids[i], pair.c_ids[j]) for i, j, _ in kept}
    predicted_sure = {(pair.p_ids[i], pair.c_ids[j]) for i, j, s in kept if s == "sure"}
    links = link_metrics(predicted, 0, pair.sure, pair.possible)
    status = derive_status(pair.c_ids, predicted, predicted_sure)
    coverage = coverage_metrics(status, pair.links_data.get("coverage") or [])
    return {"link_p": links["precision"], "link_r": links["recall"], "link_f1": links["f1"],
            "coverage_acc": coverage["accuracy"], "gap_f1": coverage["gap"]["f1"],
            "judgements": len(pair.possible) + len(pair.links_data.get("coverage") or []),
            "missed": links["missed"], "wrong": links["wrong"], "coverage_wrong": coverage["wrong"]}


def objective(scores: list[dict]) -> float:
    """Mean of (link F1 + coverage accuracy + gap F1) / 3 over pairs, each pair weighted by its number of
    gold judgements (links and coverage rows), so that every judgement counts once."""
    values = [(s["link_f1"] + s["coverage_acc"] + s["gap_f1"]) / 3 for s in scores]
    weights = [s["judgements"] for s in scores]
    return float(np.average(values, weights=weights))


def choose_thresholds(pairs, masks, link_model, sure_model, max_links) -> DecisionRules:
    """The grid point with the best objective; among ties (a plateau), the one nearest the plateau's
    centre (median of each threshold), which is the most robust choice."""
    probs = [(probability(link_model, p.X), probability(sure_model, p.X)) for p in pairs]
    results = []
    for possible, sure, floor, rel, margin in itertools.product(GRID, SURE_GRID, FLOORS, COUNTERPART, MARGINS):
        if floor > possible:
            continue
        decision = DecisionRules(possible=possible, sure=sure, partial_floor=floor, max_links_per_task=max_links,
                                 sure_copy=SURE_COPY, counterpart_rel=rel, margin=margin)
        scores = []
        for pair, mask, (pl, ps) in zip(pairs, masks, probs, strict=False):
            if not mask.any():
                continue
            # score only the training groups of this pair: other groups' links are left out
            kept = [k for k in decide(pl, ps, pair, decision) if mask[k[0] * pair.shape[1]]]
            scores.append(pair_scores_masked(pair, kept, mask))
        results.append((objective(scores), (possible, sure, floor, rel, margin)))
    best_value = max(value for value, _ in results)
    plateau = np.array([point for value, point in results if value >= best_value - 1e-9])
    centre = np.median(plateau, axis=0)
    possible, sure, floor, rel, margin = plateau[int(np.argmin(np.abs(plateau - centre).sum(axis=1)))]
    return DecisionRules(possible=float(possible), sure=float(sure), partial_floor=float(floor),
                         max_links_per_task=max_links, sure_copy=SURE_COPY, counterpart_rel=float(rel),
                         margin=float(margin))


def pair_scores_masked(pair: PairData, kept, mask) -> dict:
    """Scores of a pair restricted to the provincial tasks in mask (gold links of other tasks removed)."""
    n_c = pair.shape[1]
    rows = {pair.p_ids[k // n_c] for k in np.flatnonzero(mask)}
    if len(rows) == len(pair.p_ids):
        return pair_scores(pair, kept)
    sub = PairData.__new__(PairData)
    sub.__dict__.update(pair.__dict__)
    sub.sure = {x for x in pair.sure if x[0] in rows}
    sub.possible = {x for x in pair.possible if x[0] in rows}
    linked = {c for _, c in sub.possible}
    sure_linked = {c for _, c in sub.sure}
    # coverage restricted to what the kept provincial tasks say
    sub.links_data = {"coverage": [
        {"central": r["central"],
         "status": "covered" if str(r["central"]) in sure_linked else ("partial" if str(r["central"]) in linked else "gap")}
        for r in pair.links_data.get("coverage") or []]}
    return pair_scores(sub, kept)


def run(write: bool, train: list[str] | None, text_overrides: dict[str, str]) -> None:
    rules = linking_rules()
    if text_overrides:  # ablation of a text rule (not written by --write: edit the yaml by hand)
        rules = rules.model_copy(update={"text": rules.text.model_copy(update={
            k: type(getattr(rules.text, k))(v) for k, v in text_overrides.items()})})
    everything = [PairData(d, n, rules) for d, n in PAIRS if (d / f"{n}.links.yaml").exists()]
    pairs = [p for p in everything if not train or p.name in train]
    tests = [p for p in everything if p not in pairs]
    max_links = rules.decision.max_links_per_task
    all_groups = sorted({g for p in pairs for g in p.groups})
    held_out_kept = {p.name: [] for p in pairs}
    for group in all_groups:
        train_X = np.concatenate([p.X[p.groups != group] for p in pairs])
        train_link = np.concatenate([p.y_link[p.groups != group] for p in pairs])
        train_sure = np.concatenate([p.y_sure[p.groups != group] for p in pairs])
        link_model, sure_model = fit(train_X, train_link, min_weights=MIN_WEIGHTS_LINK), fit(train_X, train_sure)
        masks = [p.groups != group for p in pairs]
        decision = choose_thresholds(pairs, masks, link_model, sure_model, max_links)
        for p in pairs:
            test = p.groups == group
            if not test.any():
                continue
            kept = decide(probability(link_model, p.X), probability(sure_model, p.X), p, decision)
            held_out_kept[p.name] += [k for k in kept if test[k[0] * p.shape[1]]]
        print(f"  fold {group:24s} thresholds possible={decision.possible} sure={decision.sure} floor={decision.partial_floor} "
              f"counterpart={decision.counterpart_rel} margin={decision.margin}")
    print("\nLeave-one-group-out (held-out decisions, perfect parse):")
    for p in pairs:
        s = pair_scores(p, held_out_kept[p.name])
        print(f"  {p.name:22s} " + "  ".join(f"{k}={s[k]:.3f}" for k in ("link_p", "link_r", "link_f1", "coverage_acc", "gap_f1")))
        for key in ("missed", "wrong", "coverage_wrong"):
            if s[key]:
                print(f"      {key}: {', '.join(s[key])}")

    X = np.concatenate([p.X for p in pairs])
    link_model = fit(X, np.concatenate([p.y_link for p in pairs]), min_weights=MIN_WEIGHTS_LINK)
    sure_model = fit(X, np.concatenate([p.y_sure for p in pairs]))
    decision = choose_thresholds(pairs, [np.ones(len(p.X), bool) for p in pairs], link_model, sure_model, max_links)
    print("\nFitted on all groups (in-sample):")
    for p in pairs:
        kept = decide(probability(link_model, p.X), probability(sure_model, p.X), p, decision)
        s = pair_scores(p, kept)
        print(f"  {p.name:22s} " + "  ".join(f"{k}={s[k]:.3f}" for k in ("link_p", "link_r", "link_f1", "coverage_acc", "gap_f1")))
    for p in tests:
        kept = decide(probability(link_model, p.X), probability(sure_model, p.X), p, decision)
        s = pair_scores(p, kept)
        print(f"  test {p.name:17s} " + "  ".join(f"{k}={s[k]:.3f}" for k in ("link_p", "link_r", "link_f1", "coverage_acc", "gap_f1")))
    print("link_model:", link_model.model_dump())
    print("sure_model:", sure_model.model_dump())
    print("decision:", decision.model_dump())
    if write:
        path = ROOT / "rules" / "linking.yaml"
        text = path.read_text(encoding="utf-8")
        start = text.index("link_model:")
        end = text.index("fires:")
        block = (f"link_model: {yaml.safe_dump(link_model.model_dump(), default_flow_style=True, width=1000).strip()}\n"
                 f"sure_model: {yaml.safe_dump(sure_model.model_dump(), default_flow_style=True, width=1000).strip()}\n"
                 f"decision: {yaml.safe_dump(decision.model_dump(), default_flow_style=True, width=1000).strip()}\n")
        path.write_text(text[:start] + block + text[end:], encoding="utf-8")
        print(f"written to {path}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--train", action="append", help="train on these pairs only (the others are test)")
    parser.add_argument("--drop", action="append", default=[], help="hold this feature's weight at 0 (ablation)")
    parser.add_argument("--use", action="append", default=[], help="take back a feature held at 0 by default")
    parser.add_argument("--text", action="append", default=[], metavar="NAME=VALUE",
                        help="ablation: override a text rule of rules/linking.yaml, e.g. subject_min_words=0")
    args = parser.parse_args()
    DROPPED.update(args.drop)
    DROPPED.difference_update(args.use)
    run(args.write, args.train, dict(item.split("=", 1) for item in args.text))
