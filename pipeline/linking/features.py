"""Pairwise evidence between the tasks of a central and a provincial document.

Every feature is a matrix (provincial x central) of values in [0, 1]:
  token_set  rapidfuzz token_set_ratio over the matching form (boilerplate removed)
  ratio      rapidfuzz ratio (whole-text edit similarity: verbatim copies)
  partial    rapidfuzz partial_ratio, only where the shorter text is short (a copied clause)
  tfidf      cosine of TF-IDF vectors over word n-grams fitted on both documents' tasks, so that
             phrases every task shares weigh little
  contain    IDF-weighted share of the rarer side's n-grams found in the other text (copied part of a
             longer task, in either direction)
  heading    best similarity between the titles of the enclosing sections (copied, maybe reordered); a central
             task's own title over its body paragraphs counts as one of its headings
  section    the provincial task stands under a section aligned with the central task's item or section: titles
             restated (token_sort_ratio, weighted by how well each title tells its document's tasks apart), each the
             other's best match (see _heading_matrix); pipeline.linking.section_links makes links of it
  agency     a provincial lead is the counterpart of a central lead (0.5 when a coordinator is involved)
  names_lead the provincial text names the central task's lead agency, its own partners ("phối hợp với …") aside
  locality   the central task reaches localities (lead 1.0, coordinator/directed 0.7)
  addressed  the central task is not reserved to central bodies (it reaches localities, or its leads are not
             all central agencies: organisations, enterprises, citizens), or its lead issued the implementing
             document (a ministry's own plan); see agency.addressed_row
  citation   both tasks cite the same legal document (số hiệu), the central document's own number aside
  keyterm    BM25 of the provincial task (as the query) against each central task, with the IDF taken inside
             the central document (a term every article uses weighs nothing; "khoảng cách an toàn" used by
             one clause weighs much), divided by the best score of the provincial task's row: relative, so
             that a short letter summarising clauses in its own words is judged against its own best match
  keyterm_share  IDF-weighted share (central-internal IDF) of the provincial task's terms known to the
             central document that this central task contains (absolute; damped for very short tasks)
  executes_document  the central task is the document's execution clause ("… chịu trách nhiệm thi hành Nghị định
             này") and the provincial task is its own call to everyone to carry the work out, in its "Tổ chức
             thực hiện" part or as its last task ("… đề nghị các Sở, ban, ngành … triển khai thực hiện"): the
             execution clause is carried out by that call, whatever its wording
  hands_on   the provincial task hands on the duties of a People's Committee under the central document ("… các
             nhiệm vụ thuộc trách nhiệm của tỉnh", "… thủ tục … thuộc thẩm quyền của Ủy ban nhân dân tỉnh") and the
             central task is a duty of that committee; hands_on_all: it hands them on as a whole
  cites_central_keyterm  keyterm where the provincial task cites the central document itself by its số
             hiệu ("theo hướng dẫn tại Nghị định 25/2026/NĐ-CP"): it says which document it paraphrases
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from pydantic import BaseModel
from rapidfuzz import fuzz, process
from scipy import sparse

from ..model import Document, Task
from ..rules import load_rules
from ..vntext import match_form, type_within
from .config import LinkingRules

_WORD = re.compile(r"\w+")

FEATURES = ("token_set", "ratio", "partial", "tfidf", "contain", "heading", "section", "agency", "names_lead", "locality", "citation",
            "keyterm", "keyterm_share", "cites_central_keyterm", "addressed", "executes_document", "hands_on",
            "hands_on_all")


@lru_cache(maxsize=65536)
def _underthesea_words(text: str) -> tuple[str, ...]:
    from underthesea import word_tokenize  # optional, slow (CRF): only when rules ask for it

    return tuple(w for w in word_tokenize(text, format="text").split() if _WORD.search(w))


match_form_cached = lru_cache(maxsize=65536)(match_form)  # texts of both documents come back pair after pair


@lru_cache(maxsize=1)
def _boilerplate_pattern(phrases: tuple[str, ...]) -> re.Pattern | None:
    forms = sorted({" ".join(_WORD.findall(match_form(p))) for p in phrases if p.strip()}, key=len, reverse=True)
    if not forms:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")\b")


def words(text: str, rules: LinkingRules, subject: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The tokens every scorer sees: matching form, punctuation dropped, boilerplate phrases removed, and the runs
    of the central document's subject (see subject_of) removed; nothing of a text that only asks to report
    difficulties if any arise (see _contingent)."""
    return _words(text, tuple(rules.text.boilerplate), rules.text.segmenter, subject, rules.text.subject_min_words,
                  (rules.text.contingency, rules.text.contingency_rest_words))


def _contingent(form: str, contingency: tuple[str, int]) -> str:
    """form without its clause on reporting difficulties if any arise (text.contingency: "Trong quá trình thực hiện,
    nếu phát hiện khó khăn, vướng mắc, các cơ quan, đơn vị báo cáo Bộ … để kịp thời tổng hợp, xem xét, giải quyết")
    when fewer than text.contingency_rest_words other words are left, else form unchanged. Such a task asks for
    reports that may never come: it carries out no duty, though its «báo cáo Bộ …» is the wording of the central
    document's periodic reports; within a longer task the clause is left in place, its other words decide."""
    pattern, rest_words = contingency
    if not pattern:
        return form
    rest = re.sub(pattern, " ", form)
    return rest if rest != form and len(_WORD.findall(rest)) < rest_words else form


def subject_of(central: Document, rules: LinkingRules) -> tuple[str, ...]:
    """The central document's subject (its trích yếu, e.g. "Về phát triển kinh tế khu vực biên giới đất
    liền") as matching-form tokens: what the whole document is about cannot tell its tasks apart, so a task's
    run of at least text.subject_min_words of its words is not evidence of WHICH task is meant. () when the
    title is unknown or the rule is off (0)."""
    if not rules.text.subject_min_words or not central.meta.title:
        return ()
    return tuple(_WORD.findall(match_form(central.meta.title)))


@lru_cache(maxsize=64)
def _subject_runs(subject: tuple[str, ...], min_words: int) -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]]:
    """Every contiguous run of at least min_words words of the subject, and the runs of exactly min_words
    (every longer run begins with one of them), built once per central document."""
    runs = frozenset(subject[a:b] for a in range(len(subject)) for b in range(a + min_words, len(subject) + 1))
    return runs, frozenset(run for run in runs if len(run) == min_words)


def _strip_subject(tokens: list[str], subject: tuple[str, ...], min_words: int) -> list[str]:
    """tokens without their maximal runs (of at least min_words) that occur contiguously in subject."""
    runs, openings = _subject_runs(subject, min_words)
    longest = len(subject)
    out, k = [], 0
    while k < len(tokens):
        span = 0
        if tuple(tokens[k:k + min_words]) in openings:
            span = next(n for n in range(min(longest, len(tokens) - k), min_words - 1, -1)
                        if tuple(tokens[k:k + n]) in runs)
        if span:
            k += span
        else:
            out.append(tokens[k])
            k += 1
    return out


@lru_cache(maxsize=65536)
def _words(text: str, boilerplate: tuple[str, ...], segmenter: str, subject: tuple[str, ...] = (),
           subject_min_words: int = 0, contingency: tuple[str, int] = ("", 0)) -> tuple[str, ...]:
    plain = " ".join(_WORD.findall(_contingent(match_form(text), contingency)))
    pattern = _boilerplate_pattern(boilerplate)
    if pattern is not None:
        plain = pattern.sub(" ", plain)
    if subject and subject_min_words:
        plain = " ".join(_strip_subject(plain.split(), subject, subject_min_words))
    if segmenter == "underthesea":
        return _underthesea_words(plain)
    return tuple(plain.split())


@dataclass
class PairFeatures:
    """Feature matrices (provincial x central) and the per-task material they came from."""

    provincial: list[Task]
    central: list[Task]
    values: dict[str, np.ndarray]
    shared_citations: dict[tuple[int, int], list[str]]
    heading_pairs: dict[tuple[int, int], tuple[str, str]]
    agency_pairs: dict[tuple[int, int], tuple[str, str]]
    keyterm_index: tuple | None = None  # the central side of BM25 (columns, idf, ...), for key_terms
    subject: tuple[str, ...] = ()  # the central document's subject tokens (subject_of), removed from texts
    central_number: str | None = None  # the central document's số hiệu (central_number), for the reasons
    cites_central: np.ndarray | None = None  # per provincial task: it cites the central document (cites_document)
    table_rows: np.ndarray | None = None  # per provincial task: it is a row of a table (a plan's appendix of tasks)
    outside_direction: np.ndarray | None = None  # per central task: only bodies the issuer does not direct lead it
    issuer_counterpart: np.ndarray | None = None  # per central task: the issuer is its lead's counterpart
    section_pairs: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)  # aligned titles (section > 0)
    central_only: np.ndarray | None = None  # per central task: only central bodies lead it (agency.central_only_row)
    executing: np.ndarray | None = None  # per provincial task: it stands in its execution part (execution_part_row)
    names_actor: np.ndarray | None = None  # names_lead without the bodies a task sends or reports to (None: nothing to hold apart)

    def vector(self, i: int, j: int) -> dict[str, float]:
        return {name: float(m[i, j]) for name, m in self.values.items()}


def _texts(tasks: list[Task], rules: LinkingRules, subject: tuple[str, ...]) -> list[str]:
    """The tasks' words for the wording features, without the fields a table row closes with (its product, bodies
    and dates: `_without_particulars`), which the agency and deadline evidence weighs apart."""
    return [" ".join(words(_without_particulars(t.text), rules, subject)) for t in tasks]


# below this many pairs a rapidfuzz matrix is scored in the calling thread: starting its worker threads costs more
# (about a millisecond) than they save on a few hundred short scores (a pair's titles, one link's partial_ratio)
_THREADED_PAIRS = 500


@lru_cache(maxsize=65536)
def _word_set(text: str) -> str:
    """The text's distinct words, sorted: all that token_set_ratio reads of it (it splits, dedupes and sorts). Given
    so, rapidfuzz scores a plan's tasks against a decree's about a fifth faster, the same values; the central
    document's sets come back plan after plan."""
    return " ".join(sorted(set(text.split())))


# code points a Python string stores in one byte that rapidfuzz never reads as a word break (its whitespace: \t-\r,
# \x1c-\x1f, the space, \x85, \xa0)
_ONE_BYTE = tuple(chr(c) for c in range(0x21, 0x100) if c not in (0x85, 0xA0))


def _one_byte(*groups: list[str]) -> list[list[str]]:
    """The texts (words() joined by single spaces) with their other characters renamed, in order, to one-byte ones, the
    same renaming for every group: rapidfuzz scores one-byte strings faster (Vietnamese letters lie beyond them, and
    its bit-parallel tables then go through a hash map: ratio about twice, token_set_ratio about a sixth faster), and
    ratio and token_set_ratio depend only on which characters are equal and on the order of words, which an
    order-keeping renaming keeps. Unchanged when the texts use more distinct characters than there are such code
    points."""
    chars = sorted(set().union(*(set(text) for group in groups for text in group)) - {" "})
    if len(chars) > len(_ONE_BYTE):
        return [list(group) for group in groups]
    table = str.maketrans(dict(zip(chars, _ONE_BYTE, strict=False)))
    return [[text.translate(table) for text in group] for group in groups]


def _cdist(a: list[str], b: list[str], scorer) -> np.ndarray:
    if not a or not b:
        return np.zeros((len(a), len(b)))
    workers = -1 if len(a) * len(b) >= _THREADED_PAIRS else 1
    return process.cdist(a, b, scorer=scorer, workers=workers, dtype=np.float32) / 100.0


def _partial(p_texts: list[str], c_texts: list[str], max_chars: int) -> np.ndarray:
    """partial_ratio where the shorter side is short (it is costly and meaningless on two long texts)."""
    out = np.zeros((len(p_texts), len(c_texts)), dtype=np.float32)
    p_short = [i for i, t in enumerate(p_texts) if len(t) <= max_chars]
    c_short = [j for j, t in enumerate(c_texts) if len(t) <= max_chars]
    if p_short and c_texts:
        block = _cdist([p_texts[i] for i in p_short], c_texts, fuzz.partial_ratio)
        out[p_short, :] = block
    if c_short and p_texts:
        block = _cdist(p_texts, [c_texts[j] for j in c_short], fuzz.partial_ratio)
        out[:, c_short] = np.maximum(out[:, c_short], block)
    # partial_ratio of a short text against a longer one: only trust it when the short side is substantial
    lengths_p = np.array([len(t) for t in p_texts])[:, None]
    lengths_c = np.array([len(t) for t in c_texts])[None, :]
    shorter = np.minimum(lengths_p, lengths_c)
    return np.where(shorter >= 40, out, out * shorter / 40.0)


_VOCABULARY: dict[str, int] = {}  # process-wide n-gram ids; only the ids of a pair's texts are used
_NGRAMS: list[str] = []  # id -> n-gram


def _ngrams(tokens: list[str] | tuple[str, ...], n: int):
    """The n-grams of tokens, in order of position, as their words joined by single spaces."""
    return map(" ".join, zip(*(tokens[s:] for s in range(n)), strict=False))


@lru_cache(maxsize=65536)
def _bag(text: str, low: int, high: int) -> tuple[np.ndarray, np.ndarray]:
    """(n-gram ids, counts) of a text, cached: a central document linked with many plans is read once."""
    tokens = text.split()
    # every n-gram in order (n, then position), counted in order of first occurrence; a new n-gram takes the next id
    grams = Counter(gram for n in range(low, high + 1) for gram in _ngrams(tokens, n))
    ids = []
    for gram in grams:
        index = _VOCABULARY.get(gram)
        if index is None:
            index = _VOCABULARY[gram] = len(_NGRAMS)
            _NGRAMS.append(gram)
        ids.append(index)
    return np.array(ids, dtype=np.int64), np.fromiter(grams.values(), dtype=np.float64, count=len(grams))


def _tfidf(p_texts: list[str], c_texts: list[str], rules: LinkingRules):
    """TF-IDF cosine (sublinear tf, smoothed idf, as scikit-learn's TfidfVectorizer) and IDF-weighted
    containment, over word n-grams fitted on both documents (idf from this pair's tasks only)."""
    low, high = rules.text.ngram_range
    bags = [_bag(text, low, high) for text in c_texts + p_texts]
    ids = np.concatenate([b[0] for b in bags]) if bags else np.zeros(0, dtype=np.int64)
    columns, local = np.unique(ids, return_inverse=True)
    indptr = np.concatenate([[0], np.cumsum([len(b[0]) for b in bags])])
    counts = np.concatenate([b[1] for b in bags]) if bags else np.zeros(0)
    n_docs = len(c_texts) + len(p_texts)
    tf = sparse.csr_matrix((counts, local.ravel(), indptr), shape=(n_docs, len(columns)))
    binary = tf.copy()
    binary.data[:] = 1.0
    df = np.asarray(binary.sum(axis=0)).ravel()
    idf = np.log((1.0 + n_docs) / (1.0 + df)) + 1.0
    tf.data = 1.0 + np.log(tf.data)
    weighted = tf.multiply(idf.reshape(1, -1)).tocsr()
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    weighted = sparse.diags(1.0 / np.maximum(norms, 1e-12)) @ weighted
    central, provincial = weighted[: len(c_texts)], weighted[len(c_texts):]
    cosine = (provincial @ central.T).toarray()
    # containment: IDF mass of one side's n-grams found in the other, relative to that side's mass
    binary_c, binary_p = binary[: len(c_texts)], binary[len(c_texts):]
    weighted_p = binary_p.multiply(idf.reshape(1, -1)).tocsr()
    weighted_c = binary_c.multiply(idf.reshape(1, -1)).tocsr()
    shared_mass = (weighted_p @ binary_c.T).toarray()  # mass of p's n-grams also in c
    mass_p = np.asarray(weighted_p.sum(axis=1)).reshape(-1, 1)
    mass_c = np.asarray(weighted_c.sum(axis=1)).reshape(1, -1)
    in_c = shared_mass / np.maximum(mass_p, 1e-9)
    in_p = shared_mass / np.maximum(mass_c, 1e-9)
    # the copied side must carry real content: damp containment of very short texts
    floor = rules.text.contain_min_mass
    in_c = in_c * np.minimum(1.0, mass_p / floor)
    in_p = in_p * np.minimum(1.0, mass_c / floor)
    return cosine, np.maximum(in_c, in_p)


def _known_terms(bags, columns: np.ndarray) -> sparse.csr_matrix:
    """(texts x central vocabulary) term counts, terms the central document never uses dropped."""
    rows, cols, data = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)], [np.zeros(0)]
    for r, (ids, counts) in enumerate(bags):
        where = np.searchsorted(columns, ids)
        known = (where < len(columns)) & (columns[np.minimum(where, len(columns) - 1)] == ids)
        rows.append(np.full(int(known.sum()), r))
        cols.append(where[known])
        data.append(counts[known])
    return sparse.csr_matrix((np.concatenate(data), (np.concatenate(rows), np.concatenate(cols))),
                             shape=(len(bags), len(columns)))


@lru_cache(maxsize=32)
def _central_index(c_texts: tuple[str, ...], low: int, high: int, k1: float, b: float):
    """The central side of BM25, cached: a central document linked with many plans is indexed once."""
    c_bags = [_bag(text, low, high) for text in c_texts]
    columns = np.unique(np.concatenate([ids for ids, _ in c_bags]))
    tf_c = _known_terms(c_bags, columns)
    n_c = len(c_texts)
    df = np.asarray((tf_c > 0).sum(axis=0)).ravel()
    idf = np.log(1.0 + (n_c - df + 0.5) / (df + 0.5))
    lengths = np.asarray(tf_c.sum(axis=1)).ravel()
    norm = k1 * (1.0 - b + b * lengths / max(lengths.mean(), 1e-9))
    coo = tf_c.tocoo()
    weights = coo.data * (k1 + 1.0) / (coo.data + norm[coo.row]) * idf[coo.col]
    bm25_t = sparse.csr_matrix((weights, (coo.col, coo.row)), shape=(tf_c.shape[1], n_c))
    present_t = (tf_c > 0).astype(np.float64).T.tocsr()
    return columns, idf, bm25_t, present_t


def _keyterm(p_texts: list[str], c_texts: list[str], rules: LinkingRules) -> tuple[np.ndarray, np.ndarray]:
    """BM25 (Robertson: k1, b; IDF over the central document's tasks only) of every provincial task as a
    query against every central task, divided by its row's best score (floored at keyterm_floor x the IDF
    mass of the provincial task's central-known terms), and the
    IDF-weighted share of the provincial task's central-known terms found in each central task."""
    low, high = rules.text.ngram_range
    columns, idf, bm25_t, present_t = _central_index(tuple(c_texts), low, high, rules.text.bm25_k1, rules.text.bm25_b)
    if not len(columns):
        zeros = np.zeros((len(p_texts), len(c_texts)))
        return zeros, zeros
    query = _known_terms([_bag(text, low, high) for text in p_texts], columns)
    query.data[:] = 1.0
    scores = (query @ bm25_t).toarray()
    known_mass = np.asarray(query @ idf).reshape(-1, 1)
    # the best of a bad lot is no evidence: the row's best is floored at a share of the IDF mass of the
    # provincial task's central-known terms (a BM25 term contributes about its IDF at average length)
    relative = scores / np.maximum(scores.max(axis=1, keepdims=True), rules.text.keyterm_floor * known_mass + 1e-9)
    shared = (query.multiply(idf.reshape(1, -1)).tocsr() @ present_t).toarray()
    share = shared / np.maximum(known_mass, 1e-9) * np.minimum(1.0, known_mass / rules.text.contain_min_mass)
    return relative, share


@lru_cache(maxsize=8192)
def _gram_ids(tokens: tuple[str, ...], n: int) -> np.ndarray:
    """Vocabulary id of the n-gram starting at each position (-1: never seen); one provincial task has
    several links, so this is computed once per task."""
    return np.array([_VOCABULARY.get(gram, -1) for gram in _ngrams(tokens, n)], dtype=np.int64)


@lru_cache(maxsize=8192)
def _sorted_ids(text: str, low: int, high: int) -> np.ndarray:
    """The text's n-gram ids (_bag), sorted: looked up by binary search, a central task's for each of its links."""
    return np.sort(_bag(text, low, high)[0])


def key_terms(provincial_text: str, central_text: str, index: tuple, rules: LinkingRules,
              subject: tuple[str, ...] = (), limit: int = 3, names: tuple[str, ...] = ()) -> list[str]:
    """The shared word runs (in matching form) that weigh most in the key-term feature: maximal stretches of
    the provincial task covered by n-grams the central task also has, each two neighbours inside one of them,
    ranked by their rarest n-gram inside the central document (IDF; index is PairFeatures.keyterm_index), a run
    inside an already chosen one skipped; runs of one syllable, or of role-cue words only («phối hợp với»), are never
    shown.
    Words of the agency names in `names` are no key terms: agency evidence is reported as such, and
    "«bộ giao thông vận tải»" would read as shared wording."""
    low, high = rules.text.ngram_range
    columns, idf = index[0], index[1]
    tokens = words(provincial_text, rules, subject)
    central_ids = _sorted_ids(" ".join(words(central_text, rules, subject)), low, high)
    # every token covered by an n-gram both texts share, weighted by the rarest such n-gram (IDF inside the
    # central document); maximal covered stretches are the runs
    covered = np.zeros(len(tokens), dtype=bool)
    joined = np.zeros(len(tokens), dtype=bool)  # token k and k + 1 stand together in a shared n-gram (n >= 2)
    weight = np.zeros(len(tokens))
    for n in range(low, high + 1):
        ids = _gram_ids(tokens, n)
        if not len(ids):
            continue
        where = np.minimum(np.searchsorted(columns, ids), len(columns) - 1)
        in_central = central_ids[np.minimum(np.searchsorted(central_ids, ids), len(central_ids) - 1)] == ids \
            if len(central_ids) else np.zeros(len(ids), dtype=bool)
        shared = (ids >= 0) & in_central & (columns[where] == ids)
        gram_idf = np.where(shared, idf[where], 0.0)
        for offset in range(n):
            covered[offset:offset + len(ids)] |= shared
            weight[offset:offset + len(ids)] = np.maximum(weight[offset:offset + len(ids)], gram_idf)
            if offset < n - 1:
                joined[offset:offset + len(ids)] |= shared
    names_mask = _agency_name_tokens(tokens, names, rules)
    covered &= ~names_mask
    joined &= ~names_mask
    runs: list[tuple[float, str]] = []
    start = 0
    while start < len(tokens):
        if not covered[start]:
            start += 1
            continue
        # a run goes on only where the central task has the two words side by side: single shared words next
        # to each other ("trách nhiệm | của | tỉnh") are no phrase of the central text
        end = start + 1
        while end < len(tokens) and covered[end] and joined[end - 1]:
            end += 1
        runs.append((float(weight[start:end].max()), " ".join(tokens[start:end])))
        start = end
    chosen: list[str] = []
    best = max((weight for weight, _ in runs), default=0.0)
    for weight, run in sorted(runs, key=lambda r: (-r[0], -len(r[1]))):
        # at least half as rare as the rarest: a function word shared by chance is no key term; nor is a lone
        # syllable ("việc", "cấp", "tư" of "đầu tư" against "tư pháp"): a reader checks terms, not syllables
        if (weight <= 0 or weight < best / 2 or any(f" {run} " in f" {c} " for c in chosen)
                or " " not in run or set(run.split()) <= _role_cue_words()):
            continue
        chosen.append(run)
        if len(chosen) >= limit:
            break
    return chosen


class _RoleCues(BaseModel):
    lead_cues: list[str] = []
    coordinator_cues: list[str] = []


@lru_cache(maxsize=1)
def _role_cue_words() -> frozenset[str]:
    """The syllables of the role cues (rules/roles.yaml: "chủ trì", "phối hợp với", "là cơ quan thường trực") in
    matching form: a run made of them only says who acts, not what is done, so it is no key term."""
    cues = load_rules("roles", _RoleCues)
    return frozenset(w for cue in (*cues.lead_cues, *cues.coordinator_cues) for w in _WORD.findall(match_form(cue)))


def _agency_name_tokens(tokens: tuple[str, ...], names: tuple[str, ...], rules: LinkingRules) -> np.ndarray:
    """Which tokens belong to an occurrence of one of the agency names (word sequences, as words() gives them),
    a level word ("bộ", "sở", "tỉnh") next to a name included: "Bộ Giao thông vận tải" given as its core
    "giao thông vận tải" also covers the "bộ" printed before it."""
    marked = np.zeros(len(tokens), dtype=bool)
    levels = {w for w in (*rules.agency.level_prefixes, *rules.agency.level_suffixes) if " " not in w}
    for name in {tuple(words(n, rules)) for n in names} - {()}:
        for k in (k for k, token in enumerate(tokens[:len(tokens) - len(name) + 1]) if token == name[0]):
            if tokens[k:k + len(name)] == name:
                marked[k:k + len(name)] = True
                if k > 0 and tokens[k - 1] in levels:
                    marked[k - 1] = True
                if k + len(name) < len(tokens) and tokens[k + len(name)] in levels:
                    marked[k + len(name)] = True
    return marked


def central_number(central: Document, provincial: Document) -> str | None:
    """The central document's số hiệu. When its header could not be read (an OCR'd "sẽ. 6 Đ5CT-ATMT"), the one
    document the provincial document says it carries out ("… theo đề nghị của Bộ Công Thương tại Văn bản số
    2265/BCT-ATMT") stands for it, unless that citation's year disagrees with the central document's date: the
    two were paired as implementing and implemented. A document the central one says it carries out is not it: a
    ministry's letter on carrying out a decree cites the decree throughout, and the province's letter carries out
    both (its other citations may include its own number: "… kèm theo Quyết định số …" over an appendix)."""
    if central.meta.number:
        return central.meta.number
    its_basis = {c.number.upper() for c in central.meta.implements if c.number}
    cited = [c for c in provincial.meta.implements if c.number and c.number.upper() not in its_basis]
    if len({c.number for c in cited}) != 1:
        return None
    year = (central.meta.date or "")[:4]
    if year and cited[0].year and str(cited[0].year) != year:
        return None
    return cited[0].number


def cites_document(task: Task, number: str | None, rules: LinkingRules) -> bool:
    """The task cites the document whose số hiệu is number."""
    return bool(number) and number.upper() in citation_numbers(task, rules)


def _headings(doc: Document, task: Task, own: bool = False) -> list[str]:
    """The titles of the enclosing sections; with `own`, the task's own title too (a central item's title heads
    its text, which a provincial section title restates)."""
    return [s.title for s in doc.ancestors(task) if s.title.strip()] + ([task.title] if own and task.title.strip() else [])


def _specificity(counts: np.ndarray, n_tasks: int) -> np.ndarray:
    """How well a title tells its document's tasks apart, log(N/n)/log(N) for a title over n of N tasks: 1 for a
    title over one task, 0 for one over them all (a part title "Nhiệm vụ, giải pháp" over most of a plan)."""
    if n_tasks <= 1:
        return np.ones(len(counts))
    return np.log(n_tasks / np.maximum(counts, 1)) / np.log(n_tasks)


def _heading_matrix(central: Document, provincial: Document, rules: LinkingRules, subject: tuple[str, ...]):
    """`heading` (the best similarity between the two tasks' titles: fuzz.ratio of their matching forms) and
    `section` (the two tasks stand under sections aligned with each other), with the title pair behind each strong
    heading value. Two titles are aligned when their similarity as sorted words (token_sort_ratio: a plan restates a
    central item's title, maybe reworded), weighted by how well each tells its document's tasks apart (_specificity,
    geometric mean: a standard part title over most tasks of both documents weighs little), is the best of both
    titles' (mutual best: a plan copies the central sections' titles and reorders them) and at least
    structure.section_floor; two execution parts are never aligned. `section` is that weighted similarity, every task
    under the provincial title taking it for every central task under (or titled by) the central one."""
    c_titles = [_headings(central, t, own=True) for t in central.tasks]
    p_titles = [_headings(provincial, t) for t in provincial.tasks]
    distinct_c = sorted({h for hs in c_titles for h in hs})
    distinct_p = sorted({h for hs in p_titles for h in hs})
    out = np.zeros((len(p_titles), len(c_titles)), dtype=np.float32)
    if not distinct_c or not distinct_p:
        return out, out.copy(), {}, {}
    forms_c = [" ".join(words(h, rules, subject)) for h in distinct_c]
    forms_p = [" ".join(words(h, rules, subject)) for h in distinct_p]
    sim = _cdist(forms_p, forms_c, fuzz.ratio)
    # a heading must say something: one- or two-word headings ("Bộ Y tế") are agency evidence, not topic
    min_words = rules.structure.heading_min_words
    long_c = np.array([len(f.split()) >= min_words for f in forms_c])
    long_p = np.array([len(f.split()) >= min_words for f in forms_p])
    sim = sim * long_p[:, None] * long_c[None, :]
    index_c = {h: k for k, h in enumerate(distinct_c)}
    index_p = {h: k for k, h in enumerate(distinct_p)}
    # tasks under the same parent share their headings: one value per (provincial parent, central parent)
    p_keys = [tuple(index_p[h] for h in hs) for hs in p_titles]
    c_keys = [tuple(index_c[h] for h in hs) for hs in c_titles]
    spec_p = _specificity(np.bincount([k for ks in p_keys for k in ks], minlength=len(distinct_p)), len(p_keys))
    spec_c = _specificity(np.bincount([k for ks in c_keys for k in ks], minlength=len(distinct_c)), len(c_keys))
    # a restated title keeps the central words, maybe reordered: similarity of the sorted words
    restated = _cdist(forms_p, forms_c, fuzz.token_sort_ratio) * long_p[:, None] * long_c[None, :]
    weighted = restated * np.sqrt(spec_p[:, None] * spec_c[None, :])
    # two execution parts ("Tổ chức thực hiện": structure.execution_titles) are where every document puts them, not a
    # restated content
    exec_p = np.array([_execution_title(h, rules) for h in distinct_p])
    exec_c = np.array([_execution_title(h, rules) for h in distinct_c])
    weighted = np.where(exec_p[:, None] & exec_c[None, :], 0.0, weighted)
    aligned = ((weighted >= weighted.max(axis=1, keepdims=True)) & (weighted >= weighted.max(axis=0, keepdims=True))
               & (weighted >= rules.structure.section_floor))
    aligned_sim = np.where(aligned, weighted, 0.0)
    unique_p = sorted(set(p_keys))
    unique_c = sorted(set(c_keys))
    p_index = np.array([unique_p.index(k) for k in p_keys], dtype=np.int64)
    c_index = np.array([unique_c.index(k) for k in c_keys], dtype=np.int64)

    def per_task(matrix: np.ndarray, named: Callable[[np.ndarray], np.ndarray]) -> tuple[np.ndarray, dict[tuple[int, int], tuple[str, str]]]:
        """The maxima of `matrix` over the parents' blocks, for every task pair, and the title pair behind each
        value `named` (a test of the values) picks."""
        table, where = _block_maxima(matrix, unique_p, unique_c)
        values = table[np.ix_(p_index, c_index)]
        pairs = {}
        for i, j in zip(*np.nonzero(named(values)), strict=True):
            r, c = where[(int(p_index[i]), int(c_index[j]))]
            pairs[(int(i), int(j))] = (distinct_p[r], distinct_c[c])
        return values, pairs

    out, best_pair = per_task(sim, lambda values: values >= 0.5)  # named in reasons only when strong
    section, aligned_pairs = per_task(aligned_sim, lambda values: values > 0)
    return out, section, best_pair, aligned_pairs


def _block_maxima(matrix: np.ndarray, row_groups: list[tuple[int, ...]], col_groups: list[tuple[int, ...]]):
    """For every (row group, column group): the maximum of matrix over the block of their rows and columns (0 for an
    empty group), as float32, and where a positive one stands (row, column): the first in row-major order, as
    argmax over the block would give. Column groups first (each row's first best column of the group), then row
    groups (the first row reaching the block's best)."""
    table = np.zeros((len(row_groups), len(col_groups)), dtype=np.float32)
    at: dict[tuple[int, int], tuple[int, int]] = {}
    filled = [b for b, cols in enumerate(col_groups) if cols]
    if not filled or not matrix.size:
        return table, at
    row_best = np.zeros((matrix.shape[0], len(filled)), dtype=matrix.dtype)
    row_col = np.zeros((matrix.shape[0], len(filled)), dtype=np.int64)
    for n, b in enumerate(filled):
        cols = np.array(col_groups[b])
        block = matrix[:, cols]
        first = block.argmax(axis=1)
        row_best[:, n] = block[np.arange(len(block)), first]
        row_col[:, n] = cols[first]
    for a, rows in enumerate(row_groups):
        if not rows:
            continue
        rows = np.array(rows)
        first = row_best[rows].argmax(axis=0)
        table[a, filled] = row_best[rows[first], np.arange(len(filled))]
        for n, b in enumerate(filled):
            if table[a, b] > 0:
                r = int(rows[first[n]])
                at[(a, b)] = (r, int(row_col[r, n]))
    return table, at


def citation_numbers(task: Task, rules: LinkingRules) -> set[str]:
    """Normalised số hiệu cited by a task: from extract's citations, else read from the text."""
    if task.citations:
        return {c.number.upper() for c in task.citations if c.number}
    return {m.group(0).upper() for m in re.finditer(rules.citation_pattern, task.text)}


def _citation_matrix(central: Document, provincial: Document, rules: LinkingRules, number: str | None):
    own = {(number or "").upper()} - {""}
    c_cites = [citation_numbers(t, rules) - own for t in central.tasks]
    p_cites = [citation_numbers(t, rules) - own for t in provincial.tasks]
    out = np.zeros((len(p_cites), len(c_cites)), dtype=np.float32)
    shared: dict[tuple[int, int], list[str]] = {}
    # a reference cited by many central tasks (the law being detailed) says little about which one
    citing = {n: sum(n in cc for cc in c_cites) for pc in p_cites for n in pc}
    for i, pc in enumerate(p_cites):
        if not pc:
            continue
        for j, cc in enumerate(c_cites):
            common = pc & cc
            if common:
                out[i, j] = max(1.0 / citing[n] for n in common)
                shared[(i, j)] = sorted(common)
    return out, shared


def _agency_matrix(central: Document, provincial: Document, rules: LinkingRules):
    from .agency import counterpart_pairs

    return counterpart_pairs(central.tasks, provincial.tasks, rules)


@lru_cache(maxsize=65536)
def _charges_with_the_document(form: str, call: str, guided: str) -> bool:
    """The central text (matching form) charges its bodies to carry out the document itself (`call`:
    structure.document_call), not to guide others in doing so ("… hướng dẫn các tỉnh … triển khai thực hiện
    Quyết định này": `guided`, structure.document_call_guided, earlier in the same clause)."""
    for found in re.finditer(call, form):
        clause = re.split(r"[;:.]", form[:found.start()])[-1]
        if not re.search(guided, clause):
            return True
    return False


def _execution_title(title: str, rules: LinkingRules) -> bool:
    """The title is an execution part's ("Tổ chức thực hiện": one of structure.execution_titles, matching form)."""
    form = match_form_cached(title)
    return any(re.search(pattern, form) for pattern in rules.structure.execution_titles)


def execution_part_row(document: Document, rules: LinkingRules) -> np.ndarray:
    """Per task: it stands in a part titled by one of structure.execution_titles ("Tổ chức thực hiện")."""
    return np.array([any(_execution_title(s.title, rules) for s in document.ancestors(task))
                     for task in document.tasks], dtype=bool)


@lru_cache(maxsize=65536)
def _drafts_the_plan(form: str, plan_call: str, central_type: str | None) -> bool:
    """The provincial text (matching form) has a body draft the plan that carries out a document of the central
    document's type (`plan_call`: structure.plan_call, its group `type`; "Giao Sở … xây dựng dự thảo Kế hoạch thực
    hiện Chương trình hành động số 104-CTr/TU …"; a type its genus or species names as well: "Chương trình" for
    "Chương trình hành động"), any type when the central type is unknown."""
    return any(not central_type or type_within(found.group("type"), central_type, either=True)
               for found in re.finditer(plan_call, form))


def _executes_document(central: Document, provincial: Document, rules: LinkingRules,
                       addressed: np.ndarray, executing: np.ndarray, table_rows: np.ndarray) -> np.ndarray:
    """1 where the central task is its document's execution clause (structure.document_call) and the provincial
    task is its document's call to carry out the work (structure.implementation_call): addressed to an open group
    in a part whose title is an execution title (one department's own duty under "Tổ chức thực hiện" is no such
    call) or led by every body the letter is addressed to ("Kính gửi": "Các Sở, ban, ngành thuộc tỉnh, Công an tỉnh,
    … tổ chức … cụ thể hóa … để triển khai thực hiện"), or to several bodies or a group as the last task of its body
    (appendix tables aside); or a task that has a body draft the plan carrying the central document out
    (_drafts_the_plan: the document's own plan is how it is carried out). `addressed` is
    agency.addressed_row of the central tasks, `executing` execution_part_row of the provincial document,
    `table_rows` which provincial tasks are rows of a table."""
    from .agency import addresses_group, leads_every_addressee

    structure = rules.structure
    # an execution clause reserved to central bodies ("Chánh Văn phòng Bộ, Vụ trưởng … chịu trách nhiệm thi hành
    # Quyết định này") is no province's to carry out
    call = structure.document_call
    calls = np.array([_charges_with_the_document(match_form_cached(t.text), call, structure.document_call_guided)
                      for t in central.tasks])
    calls &= addressed > 0
    if not calls.any() or not provincial.tasks:
        return np.zeros((len(provincial.tasks), len(central.tasks)), dtype=np.float32)
    # the last task of the body: rows of an appendix table come after a plan's closing call
    body = np.flatnonzero(~table_rows)
    last = int(body[-1]) if body.size else len(provincial.tasks) - 1
    implementation = re.compile(structure.implementation_call)
    plan = structure.plan_call
    forms = [match_form_cached(t.text) for t in provincial.tasks]
    answers = np.array([
        (bool(implementation.search(forms[k]))
         and ((k == last and (len(t.leads) > 1 or addresses_group(t, rules)))
              or ((executing[k] or leads_every_addressee(t, provincial.meta.addressees)) and addresses_group(t, rules))))
        or _drafts_the_plan(forms[k], plan, central.meta.doc_type)
        for k, t in enumerate(provincial.tasks)])
    return (answers[:, None] & calls[None, :]).astype(np.float32)


def _hands_on(central: Document, provincial: Document, rules: LinkingRules) -> tuple[np.ndarray, np.ndarray]:
    """`hands_on`: 1 where the provincial task hands on the duties of a People's Committee under the central
    document ("… tổ chức triển khai thực hiện các nhiệm vụ thuộc trách nhiệm của tỉnh", "… thủ tục huấn luyện …
    thuộc thẩm quyền của Ủy ban nhân dân tỉnh"; structure.holder_duties_whole / holder_duties) and the central
    task is a duty of that committee (its lead, same level; "Ủy ban nhân dân các cấp" at every level).
    `hands_on_all`: 1 there too when the task hands the duties on as a whole, not one matter within them."""
    from .agency import holder_level, holder_levels

    structure = rules.structure
    shape = (len(provincial.tasks), len(central.tasks))
    named, whole = np.zeros(shape, dtype=np.float32), np.zeros(shape, dtype=np.float32)
    duties = [holder_levels(t, structure.holder_kind) for t in central.tasks]
    if not any(duties):
        return named, whole
    whole_pattern, named_pattern = re.compile(structure.holder_duties_whole), re.compile(structure.holder_duties)
    for i, task in enumerate(provincial.tasks):
        form = match_form_cached(task.text)
        found = whole_pattern.search(form)
        as_a_whole = found is not None
        found = found or named_pattern.search(form)
        if found is None:
            continue
        levels = holder_level(found.group("holder"), task, rules)
        if not levels:
            continue
        for j, held in enumerate(duties):
            if held & (levels | {"generic"}):
                named[i, j] = 1.0
                whole[i, j] = float(as_a_whole)
    return named, whole


def restatements(features: PairFeatures, rules: LinkingRules) -> np.ndarray:
    """(provincial x provincial) True where two provincial tasks state the same activity: a plan's body item and
    its appendix-table row, or a department's item repeating the plan's list (the words of one are nearly all in
    the other, structure.restate_min_set, and the two are alike as wholes, structure.restate_min_sort), unless
    their leads stand at different levels (rules/agencies.yaml: a department's and the communes' duties). A list of
    examples (structure.restate_examples: "Tổ chức các hội nghị … hướng dẫn thực hiện Nghị định như: xây dựng, đăng
    ký dự án …") names the topics an activity treats, not the activity: it is left out of every test here."""
    structure = rules.structure
    examples = re.compile(structure.restate_examples)

    def restated(task: Task) -> str:
        plain = _without_particulars(task.text)
        form = match_form_cached(plain)
        # the text the wording features saw (cached) unless it lists examples
        return " ".join(words(examples.sub(" ", form) if examples.search(form) else plain, rules, features.subject))

    texts = [restated(t) for t in features.provincial]
    if len(texts) < 2:
        return np.zeros((len(texts), len(texts)), dtype=bool)
    # one thread: a plan's few hundred tasks are scored faster than threads start; the whole-text test only
    # for the few pairs whose words are contained
    sets = _one_byte([_word_set(t) for t in texts])[0]
    contained = process.cdist(sets, sets, scorer=fuzz.token_set_ratio, workers=1, score_cutoff=structure.restate_min_set)
    np.fill_diagonal(contained, 0)
    same = np.zeros(contained.shape, dtype=bool)
    levels = [{m.level for m in t.leads} - {"generic", "other"} for t in features.provincial]

    def other_levels(i: int, j: int) -> bool:
        # the same words given to bodies of another level ("Sở X …, tổ chức triển khai thực hiện các nội dung thuộc
        # trách nhiệm …" and "Ủy ban nhân dân các xã … triển khai thực hiện các nội dung …") are two duties; a
        # ministry's item and the same item given to its department ("Cục …") are one
        return bool(levels[i] and levels[j] and not levels[i] & levels[j])

    for i, j in zip(*np.nonzero(contained), strict=True):
        if not other_levels(i, j):
            same[i, j] = (fuzz.token_sort_ratio(texts[i], texts[j]) >= structure.restate_min_sort
                          or _copied_into(texts[i], texts[j], structure))
    rows = features.table_rows
    if rows is not None and rows.any() and not rows.all():
        # a table row in its own words: the body item clearly closest to it (TF-IDF over the provincial document's
        # own tasks) is the one it lists
        cosine = _tfidf(texts, texts, rules)[0]
        body = np.flatnonzero(~rows)
        for i in np.flatnonzero(rows):
            ranked = body[np.argsort(-cosine[i, body], kind="stable")]
            best = ranked[0]
            runner_up = cosine[i, ranked[1]] if len(ranked) > 1 else 0.0
            if (cosine[i, best] >= structure.restate_row_min and cosine[i, best] >= structure.restate_row_margin * runner_up
                    and not other_levels(i, best)):
                same[i, best] = same[best, i] = True
    return same


def _copied_into(a: str, b: str, structure) -> bool:
    """The shorter of two texts, long enough to say something (structure.restate_copy_min_words), stands nearly
    verbatim and in one piece in the longer (partial_ratio >= restate_copy_min_partial): a plan's short table row
    "Hoàn thành hồ sơ đề nghị xây dựng Dự án Luật …" cut from its body item "Hoàn thành hồ sơ đề nghị xây dựng Dự án
    Luật … trình Chính phủ trong tháng 7 năm 2022. Theo đó, tổng kết …", which the whole-text test misses."""
    short = min(a, b, key=len)
    return (len(short.split()) >= structure.restate_copy_min_words
            and fuzz.partial_ratio(a, b) >= structure.restate_copy_min_partial)


@lru_cache(maxsize=65536)
def _without_particulars(text: str) -> str:
    """The text without the particulars it closes with in a parenthesis of fields ("… (Sản phẩm: Đề án; Cơ quan chủ
    trì: Bộ …; Thời gian: Năm 2023)": a table row's other cells, as segment writes them, or an item's own): two rows
    of one table share the fields' words and often their bodies and dates, which is no sign of the same activity."""
    stripped = text.rstrip()
    if not stripped.endswith(")"):
        return text
    depth = 0
    for at in range(len(stripped) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(stripped[at], 0)
        if depth == 0:
            inside = stripped[at + 1:-1]
            return stripped[:at].rstrip() if at > 0 and re.match(r"[^:;()]{1,60}:", inside) else text
    return text


def _locality_row(central: Document, rules: LinkingRules) -> np.ndarray:
    values = []
    for task in central.tasks:
        if not task.localities:
            values.append(0.0)
        elif task.locality_role in (None, "", "lead"):
            values.append(1.0 if task.locality_role == "lead" else rules.structure.locality_unknown_role)
        else:
            values.append(rules.structure.locality_other_role)
    return np.array(values, dtype=np.float32)


LAZY_SCORERS = {"token_set": fuzz.token_set_ratio, "ratio": fuzz.ratio, "partial": fuzz.partial_ratio}


def used_features(rules: LinkingRules) -> set[str]:
    """Features with a non-zero weight in either model."""
    return {name for model in (rules.link_model, rules.sure_model) for name, w in model.weights.items() if w}


def pair_scorer(name: str, provincial_text: str, central_text: str, rules: LinkingRules,
                subject: tuple[str, ...] = ()) -> float:
    """One rapidfuzz feature for one pair (for links whose scorer the models do not need in full)."""
    p_text, c_text = " ".join(words(provincial_text, rules, subject)), " ".join(words(central_text, rules, subject))
    if name == "partial":
        return float(_partial([p_text], [c_text], rules.text.partial_max_chars)[0, 0])
    return LAZY_SCORERS[name](p_text, c_text) / 100.0


def pair_features(central: Document, provincial: Document, rules: LinkingRules,
                  complete: bool = False) -> PairFeatures:
    """Every feature matrix for one central/provincial pair. A rapidfuzz scorer that neither fitted model
    uses is left out here (NaN) and computed for the kept links only, for their reasons (complete=True
    computes everything, for tuning)."""
    subject = subject_of(central, rules)
    c_texts = _texts(central.tasks, rules, subject)
    p_texts = _texts(provincial.tasks, rules, subject)
    needed = set(FEATURES) if complete else used_features(rules)
    values: dict[str, np.ndarray] = {}
    for name, scorer in LAZY_SCORERS.items():
        if name not in needed:
            values[name] = np.full((len(p_texts), len(c_texts)), np.nan, dtype=np.float32)
        elif name == "partial":
            values[name] = _partial(p_texts, c_texts, rules.text.partial_max_chars)
        elif name == "token_set":
            values[name] = _cdist(*_one_byte([_word_set(t) for t in p_texts], [_word_set(t) for t in c_texts]), scorer)
        else:
            values[name] = _cdist(*_one_byte(p_texts, c_texts), scorer)
    if c_texts and p_texts:
        values["tfidf"], values["contain"] = _tfidf(p_texts, c_texts, rules)
    else:
        values["tfidf"] = values["contain"] = np.zeros((len(p_texts), len(c_texts)))
    values["heading"], values["section"], heading_pairs, section_pairs = _heading_matrix(central, provincial, rules,
                                                                                        subject)
    values["agency"], agency_pairs = _agency_matrix(central, provincial, rules)
    from .agency import names_central_lead

    values["names_lead"] = names_central_lead(central.tasks, provincial.tasks, rules)
    values["locality"] = np.tile(_locality_row(central, rules), (len(p_texts), 1))
    from .agency import addressed_row, central_only_row, issuer_counterpart_row, outside_direction_row

    outside = outside_direction_row(central.tasks, provincial.meta.issuer, rules.agency)
    addressed = addressed_row(central.tasks, provincial.meta.issuer, rules.agency, outside)
    values["addressed"] = np.tile(addressed, (len(p_texts), 1))
    number = central_number(central, provincial)
    values["citation"], shared = _citation_matrix(central, provincial, rules, number)
    executing = execution_part_row(provincial, rules)
    table_rows = np.array([any(s.kind == "table" for s in provincial.ancestors(t)) for t in provincial.tasks], dtype=bool)
    values["executes_document"] = _executes_document(central, provincial, rules, addressed, executing, table_rows)
    values["hands_on"], values["hands_on_all"] = _hands_on(central, provincial, rules)
    if c_texts and p_texts:
        values["keyterm"], values["keyterm_share"] = _keyterm(p_texts, c_texts, rules)
    else:
        values["keyterm"] = values["keyterm_share"] = np.zeros((len(p_texts), len(c_texts)))
    cites = np.array([cites_document(t, number, rules) for t in provincial.tasks], dtype=bool)
    values["cites_central_keyterm"] = values["keyterm"] * cites[:, None]
    low, high = rules.text.ngram_range
    index = _central_index(tuple(c_texts), low, high, rules.text.bm25_k1, rules.text.bm25_b) if c_texts else None
    central_only = central_only_row(central.tasks, provincial.meta.issuer, rules.agency)
    # the names without addressees are read only where linking.held_apart can cut (without them it cuts nothing)
    names_actor = (names_central_lead(central.tasks, provincial.tasks, rules, addressees=False)
                   if central_only.any() and executing.any() else None)
    return PairFeatures(provincial.tasks, central.tasks, values, shared, heading_pairs, agency_pairs, index, subject,
                        number, cites, table_rows, outside,
                        issuer_counterpart_row(central.tasks, provincial.meta.issuer), section_pairs,
                        central_only, executing, names_actor)
