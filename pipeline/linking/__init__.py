"""Link: which provincial task carries out which central task, and what was dropped.

    link(central, provincial) -> (links, coverage)

Guarantees to the next stages (graph, report):
- links are many-to-many, each provincial task -> central task at most once, ordered by provincial task
  then score; `strength` is "sure" (restates, localises or directly carries out) or "possible" (related,
  partly overlapping); `score` in [0, 1] is the model's probability that the pair is linked; `reasons`
  are short Vietnamese sentences, one per feature that fired; `features` holds every feature value;
  `shared_phrases` are the longest word sequences both texts share, cut from the provincial display text
  so that a report can highlight them verbatim;
- a provincial task with no counterpart gets no link (a provincial addition);
- the central document's provisions (statute clauses outside its task articles that put a duty on someone)
  are candidates too, without coverage rows or rescue: `promote` then makes a linked provision a task;
- coverage has one row per central task, in document order: covered (a sure link) / partial (only
  possible links) / gap, with the provincial ids and the central task's localities and locality_role.

How a pair is scored: text features (rapidfuzz scorers, TF-IDF cosine and containment over word
n-grams with boilerplate removed), structure (enclosing headings), actors (counterpart leads, central
task reaching localities), shared citations, and relative evidence (how the pair stands against the
provincial task's other candidates and the central task's other candidates). Two logistic models
(linked at all; sure) combine them; weights and thresholds live in rules/linking.yaml with the
procedure that chose them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np

from ..model import Coverage, Document, Link, Notice, TaskRef
from ..naming import leader
from .agency import issuer_share_row
from .config import LinkingRules, linking_rules
from .evidence import reasons_for, shared_phrases
from .features import (
    FEATURES,
    LAZY_SCORERS,
    PairFeatures,
    match_form_cached,
    pair_features,
    pair_scorer,
    restatements,
)

RELATIVE = ("row_rel", "col_rel", "row_z", "col_z", "mutual")
ALL_FEATURES = FEATURES + RELATIVE

__all__ = ["link", "promote", "feature_matrices", "decide", "decide_on", "fixed_evidence", "decide_from", "link_probabilities", "cut_probabilities", "structural_match", "counterpart_match", "held_apart", "actor_match", "relayed_match", "handed_on", "section_links", "coverage_rows", "ALL_FEATURES"]


def _base_similarity(values: dict[str, np.ndarray]) -> np.ndarray:
    """The unsupervised text similarity the relative features are measured on."""
    return (values["tfidf"] + values["contain"]) / 2.0


def _relative(base: np.ndarray, floor: float) -> dict[str, np.ndarray]:
    """How a pair stands against the provincial task's other candidates (row) and the central task's
    (column). Maxima are floored so that the best of a bad lot is no evidence: with one provincial task,
    it is every central task's best match. A plan detailing a shorter central document gives each central task
    about k = (provincial tasks // central tasks) tasks of its own: a provincial task whose own best match is the
    central task stands against the k-th closest of that column, not its closest, in col_rel and mutual (a plan of
    70 tasks carrying out a resolution of 9 items puts 4 or 5 under each, every one as much its counterpart)."""
    if base.size == 0:
        empty = np.zeros_like(base)
        return {name: empty for name in RELATIVE}
    row_max = np.maximum(base.max(axis=1, keepdims=True), floor)
    col_max = np.maximum(base.max(axis=0, keepdims=True), floor)
    share = max(1, base.shape[0] // base.shape[1])
    col_share = np.maximum(np.sort(base, axis=0)[-share][None, :], floor)
    row_best = base >= row_max - 1e-9
    row_mean, row_std = base.mean(axis=1, keepdims=True), base.std(axis=1, keepdims=True)
    col_mean, col_std = base.mean(axis=0, keepdims=True), base.std(axis=0, keepdims=True)
    row_z = (base - row_mean) / np.maximum(row_std, 1e-6)
    col_z = (base - col_mean) / np.maximum(col_std, 1e-6)
    mutual = (row_best & (base >= col_share - 1e-9) & (base > 0)).astype(np.float32)
    # z-scores are squashed to [0, 1] (z = 6 and above count the same)
    return {
        "row_rel": base / np.maximum(row_max, 1e-6),
        "col_rel": np.where(row_best, np.minimum(base / np.maximum(col_share, 1e-6), 1.0), base / np.maximum(col_max, 1e-6)),
        "row_z": np.clip(row_z / 6.0, 0.0, 1.0),
        "col_z": np.clip(col_z / 6.0, 0.0, 1.0) if base.shape[0] > 1 else np.zeros_like(base),
        "mutual": mutual,
    }


def feature_matrices(central: Document, provincial: Document, rules: LinkingRules | None = None,
                     complete: bool = False) -> PairFeatures:
    """Every feature (absolute and relative) as (provincial x central) matrices; scorers the models do not
    use are NaN unless complete=True."""
    rules = rules or linking_rules()
    features = pair_features(central, provincial, rules, complete=complete)
    features.values.update(_relative(_base_similarity(features.values), rules.structure.relative_floor))
    return features


def _probability(features: PairFeatures, model) -> np.ndarray:
    shape = (len(features.provincial), len(features.central))
    logit = np.full(shape, model.bias, dtype=np.float64)
    for name, weight in model.weights.items():
        if weight and name in features.values:
            logit += weight * features.values[name]
    return 1.0 / (1.0 + np.exp(-logit))


def actor_match(features: PairFeatures, decision) -> np.ndarray:
    """Pairs where the provincial lead is the counterpart of the central lead, or the provincial task names
    that lead (actor evidence >= structural_actor)."""
    values = features.values
    return np.maximum(values["agency"], values["names_lead"]) >= decision.structural_actor


def structural_match(features: PairFeatures, decision) -> np.ndarray:
    """Pairs where the counterpart agency is given work under a copied section heading: the provincial
    task sits under a heading that copies the central task's (heading >= structural_heading), the actors
    match (actor_match), and its wording is comparable to the central task's closest provincial task
    (col_rel >= structural_wording): under a standard heading ("Tổ chức thực hiện") the counterpart's
    execution clause is no evidence for every duty of that section."""
    values = features.values
    return ((values["heading"] >= decision.structural_heading) & actor_match(features, decision)
            & (values["col_rel"] >= decision.structural_wording))


def counterpart_match(features: PairFeatures, decision) -> np.ndarray:
    """Pairs where the central lead's provincial counterpart leads a provincial task on a related theme:
    full agency evidence (lead to lead) and the provincial task among the central task's closest in wording
    (col_rel >= counterpart_rel). Agency alone, or boilerplate wording alone, is never enough."""
    values = features.values
    return (values["agency"] >= 1.0) & (values["col_rel"] >= decision.counterpart_rel)


def decide_from(p_link: np.ndarray, p_sure: np.ndarray, rescue: np.ndarray,
                decision, copied: np.ndarray | None = None,
                structural: np.ndarray | None = None,
                counterpart: np.ndarray | None = None,
                actor: np.ndarray | None = None,
                executes: np.ndarray | None = None,
                relayed: np.ndarray | None = None,
                restates: np.ndarray | None = None,
                handed: np.ndarray | None = None,
                related: np.ndarray | None = None,
                aligned: np.ndarray | None = None) -> list[tuple[int, int, str, float]]:
    """The decision rule on probability matrices (provincial x central):
    1. each provincial task keeps its candidates with P(linked) >= possible, and those it copies whatever
       P (containment >= sure_copy: most of the distinctive wording of one task is in the other: it restates
       it, the definition of a sure link), at most max_links_per_task, best first; a candidate far below
       its provincial task's best (P < margin x best) is dropped: relative evidence, so that a task whose
       wording is loosely like many clauses keeps only the clear ones; a kept link is sure
       when P(sure) >= sure or when it is such a copy;
    2. a central task the rescues may take (`rescue`: see rescuable) that is still unlinked takes its best provincial candidate
       as a possible link when P(linked) >= partial_floor (of the candidates at or above the floor or with
       at least rescue_comparable of the best one's P, the best one whose actors match, `actor`, when there
       is one: the wording is weak evidence here, so the actor decides between comparable candidates), or when a structural match exists (its
       counterpart agency works under the copied heading; the best such candidate is taken): related work
       exists, so it is not a gap; failing both, when its lead's provincial counterpart leads a provincial
       task on a related theme (counterpart_match), the best such task is a possible link.
    Before the rescue, the central document's execution clause and the provincial document's own call to carry
    the work out (`executes`, the executes_document feature) are a sure link whatever P: that call is how a
    plan or letter carries out "… chịu trách nhiệm thi hành Nghị định này", in any wording (a priori, as
    sure_copy; the models do not weigh it). A kept link is sure, too, when the provincial task says it acts on
    the central document itself ("… theo đề nghị của Bộ Công Thương tại Văn bản số 2265/BCT-ATMT") and the two
    are each other's best match (`relayed`, relayed_match). A provincial task that hands on a People's
    Committee's duties under the central document takes the links `handed` gives (handed_on: 2 sure, 1
    possible; a sure one stays sure). The provincial execution call rescues no other
    central task: "… triển khai thực hiện theo đúng quy định" is like every duty of the decree and evidence for
    none. Then a provincial task
    that states the same activity as a surely linked one (`restates`: a plan's body item and its appendix-table
    row) takes the same link: the central task's other provincial restatements stand behind the closest one in
    the relative evidence, yet carry it out as much. A possible link is not handed on: it is weak evidence, and
    copied between the several bodies a plan gives one activity it multiplies the doubtful links; nor is one to a
    restatement whose own wording is unrelated to the central task (`related` False there, related_wording: a table
    row restating one part of an item does not carry out what the item's other parts do)."""
    kept: list[tuple[int, int, str, float]] = []
    linked = np.zeros(p_link.shape[1], dtype=bool)
    for i in range(p_link.shape[0]):
        restating = copied[i] >= decision.sure_copy if copied is not None else np.zeros(p_link.shape[1], bool)
        best = float(p_link[i].max()) if p_link.shape[1] else 0.0
        for j in np.argsort(-p_link[i], kind="stable")[: decision.max_links_per_task]:
            score = float(p_link[i, j])
            if (score < decision.possible or score < decision.margin * best) and not restating[j]:
                continue
            sure = p_sure[i, j] >= decision.sure or restating[j] or (relayed is not None and relayed[i, j])
            kept.append((i, int(j), "sure" if sure else "possible", score))
            linked[j] = True
    if executes is not None:
        for i, j in zip(*np.nonzero(executes >= 1.0), strict=True):
            kept = [k for k in kept if (k[0], k[1]) != (i, j)]
            kept.append((int(i), int(j), "sure", float(p_link[i, j])))
            linked[j] = True
    for given in (handed, aligned):
        if given is None:
            continue
        at = {(i, j): n for n, (i, j, *_) in enumerate(kept)}
        for i, j in zip(*np.nonzero(given), strict=True):
            strength = "sure" if given[i, j] >= 2 else "possible"
            if (i, j) not in at:
                kept.append((int(i), int(j), strength, float(p_link[i, j])))
            elif strength == "sure":
                kept[at[(i, j)]] = (int(i), int(j), "sure", kept[at[(i, j)]][3])
            linked[j] = True
    if restates is not None:
        # a provincial task that states the same activity as a surely linked one carries out the same central task
        have = {(i, j) for i, j, *_ in kept}
        for i, j, strength, score in list(kept):
            if strength != "sure":
                continue
            for other in np.flatnonzero(restates[i]):
                if (int(other), j) not in have and (related is None or related[other, j]):
                    have.add((int(other), j))
                    kept.append((int(other), j, strength, score))
    if p_link.shape[0]:
        # the provincial document's own execution call answers the execution clause; its generic wording is
        # no evidence that it carries out any other duty
        calls = (executes >= 1.0).any(axis=1) if executes is not None else np.zeros(p_link.shape[0], dtype=bool)
        rescuable = np.where(calls[:, None], 0.0, p_link)
        if structural is not None:
            structural = structural & ~calls[:, None]
        if counterpart is not None:
            counterpart = counterpart & ~calls[:, None]
        for j in np.flatnonzero(rescue & ~linked):
            best = float(rescuable[:, j].max())
            above = np.flatnonzero(rescuable[:, j] >= decision.partial_floor)
            if above.size:
                # the actor decides between comparable weak candidates: those at or above the floor, or
                # with at least rescue_comparable of the best one's P
                above = np.flatnonzero(rescuable[:, j] >= min(decision.partial_floor, decision.rescue_comparable * best))
                if actor is not None and actor[above, j].any():
                    above = above[actor[above, j]]
                i = int(above[np.argmax(p_link[above, j])])
                kept.append((i, int(j), "possible", float(p_link[i, j])))
            elif structural is not None and structural[:, j].any():
                candidates = np.flatnonzero(structural[:, j])
                i = int(candidates[np.argmax(p_link[candidates, j])])
                kept.append((i, int(j), "possible", float(p_link[i, j])))
            elif counterpart is not None and counterpart[:, j].any():
                candidates = np.flatnonzero(counterpart[:, j])
                i = int(candidates[np.argmax(p_link[candidates, j])])
                kept.append((i, int(j), "possible", float(p_link[i, j])))
    kept.sort(key=lambda k: (k[0], -k[3]))
    return kept


def link_probabilities(features: PairFeatures, rules: LinkingRules) -> tuple[np.ndarray, np.ndarray]:
    """P(linked) and P(sure) for every pair, by the two models, after the rule-level cuts (cut_probabilities)."""
    return cut_probabilities(features, _probability(features, rules.link_model), _probability(features, rules.sure_model))


def cut_probabilities(features: PairFeatures, p_link: np.ndarray, p_sure: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The models' P(linked) and P(sure) with 0 for a central duty that only bodies outside the implementing
    issuer's direction lead (features.outside_direction: a provincial Party resolution's "Văn phòng Tỉnh ủy …
    theo dõi, đôn đốc" against a People's Committee's plan), whatever its wording shares with the plan's own
    follow-up duties (a rule, like sure_copy, not weighed by the models); 0 as well for a central duty not addressed
    to the document that it answers through its lead's counterpart (answered_by_counterpart), but for that
    counterpart's tasks and those naming the lead. New arrays; the inputs are left as they are."""
    p_link, p_sure = p_link.copy(), p_sure.copy()
    if features.outside_direction is not None and features.outside_direction.any():
        p_link[:, features.outside_direction] = 0.0
        p_sure[:, features.outside_direction] = 0.0
    others = answered_by_counterpart(features) | held_apart(features)
    p_link[others] = 0.0
    p_sure[others] = 0.0
    return p_link, p_sure


def held_apart(features: PairFeatures) -> np.ndarray:
    """(provincial x central) pairs of an execution clause of the implementing document (features.executing: under
    "Tổ chức thực hiện", led by a body: "Đảng ủy Ủy ban nhân dân tỉnh – Lãnh đạo, chỉ đạo …") and a central duty that
    only central bodies lead (features.central_only: "Đảng ủy các bộ, ngành thuộc Đảng ủy Chính phủ – Chỉ đạo …",
    "Ban Chính sách, chiến lược Trung ương chủ trì …"), when the provincial lead is not that body's counterpart
    (agency < 1) and the task does not name it but as the body it sends or reports its work to (features.names_actor:
    "… gửi về Bộ Xây dựng, Bộ Kế hoạch và Đầu tư và Bộ Tài chính để tổng hợp"): a central body's own duty is carried
    out in a province, if at all, by its counterpart, and a province's own execution clause only resembles it in its
    generic wording ("lãnh đạo, chỉ đạo", "kiểm tra, giám sát", "bố trí đủ ngân sách")."""
    agency = features.values["agency"]
    if features.central_only is None or features.executing is None or features.names_actor is None or not agency.size:
        return np.zeros(agency.shape, dtype=bool)
    led = np.array([bool(t.leads) for t in features.provincial], dtype=bool)
    return ((features.executing & led)[:, None] & features.central_only[None, :]
            & (agency < 1.0) & (features.names_actor == 0))


def answered_by_counterpart(features: PairFeatures) -> np.ndarray:
    """(provincial x central) pairs whose central duty is not addressed to the implementing document (feature
    addressed: a central body's own duty, "Đảng ủy Chính phủ lãnh đạo, chỉ đạo xây dựng và triển khai thực hiện
    Kết luận …") while one of its tasks is LED by that body's counterpart (agency 1: "Đảng ủy Ủy ban nhân dân
    tỉnh – Lãnh đạo, chỉ đạo …"), and whose provincial task is neither the counterpart's (agency 0) nor names the
    central lead (names_lead 0). A document that divides the work among the counterparts of the central bodies
    answers each body's own duty through its counterpart's clause; the others' wording ("Các cấp ủy, tổ chức đảng …
    kiểm tra, giám sát việc thực hiện …") only resembles it."""
    values = features.values
    agency = values["agency"]
    if not agency.size:
        return np.zeros(agency.shape, dtype=bool)
    answered = (agency >= 1.0).any(axis=0)
    if features.issuer_counterpart is not None:
        answered |= features.issuer_counterpart
    answered &= values["addressed"][0] < 1.0
    return answered[None, :] & (agency == 0) & (values["names_lead"] == 0)


def rescuable(features: PairFeatures) -> np.ndarray:
    """Per central task: the rescues of decide_from may link it, still unlinked, to its best candidate. A duty
    reaching the localities is what a province's plan must answer, linked or a gap; one not addressed to the
    implementing document (feature addressed: the provinces' own duty against a ministry's plan) is neither; nor is
    one that names no body at all (a resolution's "Đổi mới, tăng cường … sự lãnh đạo, chỉ đạo …", its localities
    inferred from the issuer): the rescues choose by actor, and with none the weak wording alone would decide."""
    localities = np.array([t.localities and bool(t.leads or t.coordinators or t.directs) for t in features.central],
                          dtype=bool)
    addressed = features.values["addressed"]
    return localities & (addressed[0] >= 1.0) if addressed.shape[0] else localities


def related_wording(features: PairFeatures, rules: LinkingRules) -> np.ndarray:
    """Pairs whose wording is at least structure.relative_floor of the closest in the provincial task's row or in the
    central task's column (row_rel, col_rel): below it in both, the two have nothing in common but what every task
    shares."""
    values = features.values
    return np.maximum(values["row_rel"], values["col_rel"]) >= rules.structure.relative_floor


def relayed_match(features: PairFeatures) -> np.ndarray:
    """Pairs where the provincial task cites the central document itself and each is the other's best match in
    wording (mutual): the task relays that document's request, a sure link when kept."""
    if features.cites_central is None:
        return np.zeros(features.values["mutual"].shape, dtype=bool)
    return features.cites_central[:, None] & (features.values["mutual"] >= 1.0)


def handed_on(features: PairFeatures, p_link: np.ndarray, rules: LinkingRules, decision) -> np.ndarray:
    """Links of the provincial tasks that hand on a People's Committee's duties (features hands_on /
    hands_on_all), 2 sure and 1 possible: handed on as a whole ("… các nhiệm vụ thuộc trách nhiệm của tỉnh"),
    every duty of that committee is possible and its clause on organising the implementation ("Tổ chức thực
    hiện, đôn đốc, kiểm tra …": structure.implementation_call at its start) sure; one matter handed on ("… thủ
    tục huấn luyện … thuộc thẩm quyền của Ủy ban nhân dân tỉnh"), the committee's duty closest to it (P(linked))
    is sure when the task is among that duty's closest in wording (col_rel >= structural_wording)."""
    values = features.values
    out = np.zeros(p_link.shape, dtype=np.int8)
    rows = np.flatnonzero((values["hands_on"] >= 1.0).any(axis=1))
    if not rows.size:
        return out
    pattern = re.compile(rules.structure.implementation_call)
    organises = np.array([bool(pattern.match(match_form_cached(t.text))) for t in features.central])
    for i in rows:
        duties = np.flatnonzero(values["hands_on"][i] >= 1.0)
        if (values["hands_on_all"][i, duties] >= 1.0).any():
            out[i, duties] = 1
            out[i, duties[organises[duties]]] = 2
            continue
        closest = duties[np.argmax(p_link[i, duties])]
        if values["col_rel"][i, closest] >= decision.structural_wording:
            out[i, closest] = 2
    return out


def section_links(features: PairFeatures, p_link: np.ndarray, decision) -> np.ndarray:
    """Links of the provincial tasks under a section aligned with a central item or section (feature `section`: a
    plan restating the central titles, maybe reordered), 2 sure and 1 possible: each such task is linked to the
    central task under (or titled by) the aligned title that is closest to it (P(linked)), when their wording is at
    least half as close as the task's closest central task's (row_rel >= decision.structural_wording: the section
    heads a department's other duties too) and no rule-level cut forbids the pair (p_link 0: cut_probabilities).
    Such a link, or a candidate of the models there (P(linked) >= decision.possible), is sure when the two are the
    closest of all in wording on either side: the central task is the task's closest (row_rel 1), or the task is
    the central task's closest (col_rel 1; a long bullet restating two central bullets in one is closest to each of
    them, though only one can be its own closest); possible otherwise. The section says which central item a bullet
    restating one sentence of it in its own words carries out, where the bullet's own words are too weak evidence
    for the models."""
    values = features.values
    out = np.zeros(p_link.shape, dtype=np.int8)
    aligned = values["section"] > 0
    candidates = aligned & (values["row_rel"] >= decision.structural_wording) & (p_link > 0)
    for i in np.flatnonzero(candidates.any(axis=1)):
        columns = np.flatnonzero(candidates[i])
        out[i, columns[np.argmax(p_link[i, columns])]] = 1
    closest = np.maximum(values["row_rel"], values["col_rel"]) >= 1.0 - 1e-6
    out[aligned & closest & ((out > 0) | (p_link >= decision.possible))] = 2
    return out


@dataclass(frozen=True)
class FixedEvidence:
    """What decide_on reads of one pair that neither the probabilities nor the thresholds move, worked out once per
    pair: the pipeline decides once, scripts/tune_linking.py at every point of its grid."""

    restates: np.ndarray  # restatements (provincial x provincial)
    n_tasks: int | None  # central candidates after the first n_tasks are provisions (None: none are)
    rescue: np.ndarray  # rescuable, but for the provisions
    relayed: np.ndarray  # relayed_match
    related: np.ndarray  # related_wording


def fixed_evidence(features: PairFeatures, rules: LinkingRules, n_tasks: int | None = None) -> FixedEvidence:
    """The pair's FixedEvidence; central candidates after the first n_tasks (provisions) are never rescued."""
    rescue = rescuable(features)
    if n_tasks is not None:
        rescue[n_tasks:] = False
    return FixedEvidence(restatements(features, rules), n_tasks, rescue, relayed_match(features),
                         related_wording(features, rules))


def decide(features: PairFeatures, rules: LinkingRules, fixed: FixedEvidence | None = None
           ) -> list[tuple[int, int, str, float]]:
    """(provincial index, central index, strength, score) for every pair kept. Central candidates after the
    first fixed.n_tasks (provisions) are never rescued and are kept only as sure links."""
    p_link, p_sure = link_probabilities(features, rules)
    return decide_on(features, rules, p_link, p_sure, rules.decision, fixed)


def decide_on(features: PairFeatures, rules: LinkingRules, p_link: np.ndarray, p_sure: np.ndarray, decision,
              fixed: FixedEvidence | None = None) -> list[tuple[int, int, str, float]]:
    """decide on given probabilities (link_probabilities, cut) and thresholds: the one decision that the pipeline
    and scripts/tune_linking.py (its models and thresholds under trial) both make. `fixed`: fixed_evidence(features,
    rules, n_tasks), given by a caller that decides on one pair more than once or has provisions among the
    candidates (without it, none are)."""
    fixed = fixed_evidence(features, rules) if fixed is None else fixed
    kept = decide_from(p_link, p_sure, fixed.rescue, decision, features.values["contain"],
                       structural_match(features, decision), counterpart_match(features, decision),
                       actor_match(features, decision), features.values["executes_document"],
                       fixed.relayed, fixed.restates,
                       handed_on(features, p_link, rules, decision), fixed.related,
                       section_links(features, p_link, decision))
    # a provision is no task of its document: only a provincial task that plainly carries it out (a sure link)
    # makes it one
    return [k for k in kept if fixed.n_tasks is None or k[1] < fixed.n_tasks or k[2] == "sure"]


def coverage_rows(central: Document, provincial: Document, links: list[Link]) -> list[Coverage]:
    """One row per central task: covered / partial / gap for this provincial document, and whether the task is the
    provincial document's to carry out (`localities`): it reaches the localities, or, the upper document being no
    central body's (every task of a Tỉnh ủy's programme reaches them), it is addressed to the provincial document's
    issuer (agency.issuer_share_row)."""
    share = issuer_share_row(central.tasks, central.meta.issuer, provincial.meta.issuer, linking_rules())
    rows = []
    for k, task in enumerate(central.tasks):
        mine = [lk for lk in links if lk.central.task == task.id and lk.provincial.doc == provincial.id]
        sure = [lk.provincial.task for lk in mine if lk.strength == "sure"]
        possible = [lk.provincial.task for lk in mine if lk.strength != "sure"]
        status = "covered" if sure else ("partial" if possible else "gap")
        rows.append(Coverage(
            central=TaskRef(central.id, task.id), provincial_doc=provincial.id, status=status,
            sure=sure, possible=possible, localities=task.localities if share is None else bool(share[k]),
            locality_role=task.locality_role,
        ))
    return rows


def link(central: Document, provincial: Document) -> tuple[list[Link], list[Coverage]]:
    """Link the tasks of one provincial document to the tasks of its central document."""
    rules = linking_rules()
    if not (central.tasks or central.provisions) or not provincial.tasks:
        return [], coverage_rows(central, provincial, [])
    candidates = replace(central, tasks=central.tasks + central.provisions) if central.provisions else central
    features = feature_matrices(candidates, provincial, rules)
    fixed = fixed_evidence(features, rules, len(central.tasks))
    kept = decide(features, rules, fixed)
    linked = {(i, j) for i, j, *_ in kept}
    lead = leader([candidates])
    links = []
    for i, j, strength, score in kept:
        p_task, c_task = features.provincial[i], features.central[j]
        for name in LAZY_SCORERS:
            if np.isnan(features.values[name][i, j]):
                features.values[name][i, j] = pair_scorer(name, p_task.text, c_task.text, rules, features.subject)
        links.append(Link(
            provincial=TaskRef(provincial.id, p_task.id), central=TaskRef(central.id, c_task.id),
            strength=strength, score=round(score, 4),
            reasons=reasons_for(features, i, j, rules, candidates, provincial,
                                [features.provincial[k].id for k in np.flatnonzero(fixed.restates[i]) if (k, j) in linked],
                                lead),
            features={k: round(v, 4) for k, v in features.vector(i, j).items()},
            shared_phrases=shared_phrases(p_task.text, c_task.text, rules),
        ))
    return links, coverage_rows(central, provincial, links)


def promote(central: Document, links: list[Link]) -> list[str]:
    """Make every provision of `central` that a link carries out a task (in source order), so that the
    tables, the graph and the coverage rows show it; returns the ids promoted."""
    linked = {lk.central.task for lk in links if lk.central.doc == central.id}
    promoted = [p for p in central.provisions if p.id in linked]
    if promoted:
        central.provisions = [p for p in central.provisions if p.id not in linked]
        central.tasks = sorted(central.tasks + promoted, key=lambda t: (t.span.start, t.span.line))
        for provision in promoted:  # say why a clause the document assigns to no agency is in the tables
            central.notices.append(Notice(
                central.path, f"{provision.id}: quy định ngoài các điều giao nhiệm vụ, được đưa vào đối chiếu vì "
                              "văn bản của địa phương triển khai nó", line=provision.span.line,
                page=provision.span.page, code="provision-carried-out"))
    return [p.id for p in promoted]
