"""Extract: Document (from segment) -> the same Document with every task's actors and references filled.

Guarantees to link, graph and report:
- every Task gets `leads`, `coordinators`, `advises`, `directs` (Mention: text as printed with UBND and other
  registered abbreviations written out, canonical id / display name / level / locality from
  rules/agencies.yaml when known, a parenthesised list of districts kept in `note`, offsets in the text the
  mention was read from), `citations` (số hiệu, type, year, issuer code, ISO date), `deadlines` (printed and
  normalised), `localities` and `locality_role` ("lead" | "coordinator" | "directed"); a task that names no
  lead in a document of a local body (its issuer registered at province, district or commune level) is its own
  locality's: localities, as lead;
- a task without its own subject inherits lead, coordinators, advises and directs from the nearest enclosing
  heading (its title, else its introductory sentence) that names an agency ("a) Sở X chủ trì, phối hợp với Y, tham mưu Z:",
  "Điều 37. Trách nhiệm quản lý nhà nước về … của Bộ Y tế"); a bullet's own
  "Phối hợp với W" adds W to the inherited coordinators; a bullet with its own subject overrides; headings in
  between add their coordinators and directed bodies ("3. Chỉ đạo Ủy ban nhân dân cấp xã:");
- a task whose opening names its lead also gets, as leads, the subjects of its later sentences or clauses that
  take work of their own ("Bộ A xây dựng kế hoạch. Các địa phương có trách nhiệm …", "…, Ủy ban nhân dân cấp
  tỉnh quyết định …", "… . Yêu cầu các doanh nghiệp … chủ động …"); a body named in passing there (after
  "báo cáo", "gửi", "theo", in a list, a parenthesis or a quotation) is none; the subject of a later clause
  that only coordinates ("…; Sở Tài chính phối hợp.", "…, các sở, ngành liên quan phối hợp thực hiện") is a
  coordinator (Reader.later_roles);
- a table row takes its lead and coordinators from the columns headed so ("Cơ quan chủ trì", "Đơn vị phối hợp");
- a statute's other clauses (Document.other_clauses) that open with a body of the state acting as their subject
  ("Ủy ban nhân dân cấp tỉnh ký hợp đồng …", "Trước ngày …, Quỹ … gửi báo cáo …") join its provisions, in source
  order (Reader.actors); every provision gets its roles as a task does; an amending clause whose formula names
  no one ("Sửa đổi khoản 6 như sau: “6. Ủy ban nhân dân cấp tỉnh …”") is led by the subject of its new text;
- role cues are read inside one task's text (plus its headings), never across tasks;
- a task whose lead cannot be read gets a Notice (code "extract.no_lead") on the document, with its place;
- `meta.citations` lists every legal reference of the document (preamble, title, headings, tasks, closing)
  once, in order; `meta.implements` what the document says it carries out ("Thực hiện …", or the letter it
  relays: "Ủy ban nhân dân tỉnh nhận được Văn bản số …"), the central document last.

How: a spaCy `Language` (blank multilingual, a syllable tokenizer that splits punctuation and keeps số hiệu
such as "23/NQ-CP" whole) with an EntityRuler (AGENCY phrases from the registry, LEGAL_REF and DATE token
patterns) and a PhraseMatcher for the role cues of rules/roles.yaml; a small list grammar over those tokens
decides where an agency name ends and how a list splits into agencies. Built once per process.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from pydantic import BaseModel, PositiveInt

from . import agencies
from .dates import read_date
from .model import CLOSING, Citation, Deadline, Document, Mention, Notice, Task
from .normalize import parse_label, sequence_index, sequence_of
from .rules import load_rules
from .vntext import fold, fold_aligned, match_form, new_tone_style, nfc, unify_spelling

# --------------------------------------------------------------------------- rules


class DeadlineRule(BaseModel):
    pattern: str
    kind: str
    value: str
    value_partial: str | None = None


class CitationRules(BaseModel):
    doc_types: list[str]
    type_codes: dict[str, str]
    central_issuers: list[str] = []


class TokenSpans(BaseModel):
    elliptic_name: PositiveInt
    note: PositiveInt
    definition: PositiveInt
    adverbial: PositiveInt
    subject_stretch: PositiveInt
    subject_end_after_break: PositiveInt
    passive: PositiveInt
    list_title: PositiveInt
    relative_clause: PositiveInt
    duty_holder: PositiveInt
    topic: PositiveInt
    established_name: PositiveInt = 24


class ListTitles(BaseModel):
    nouns: list[str] = []
    modals: list[str] = []


class QualifierFrame(BaseModel):
    opens: list[str]
    closes: list[str]
    max_between: PositiveInt


class RoleRules(BaseModel):
    lead_cues: list[str]
    responsibility: list[str]
    assign_frames: list[str]
    assign_after_subject: list[str]
    subject_end_cues: list[str] = []
    subject_breaks: list[str] = []
    definition_cues: list[str] = []
    appositions: list[str] = []
    relative_openers: list[str] = []
    name_establishers: list[str] = []
    established_name_ends: list[str] = []
    coordinator_cues: list[str]
    advise_cues: list[str]
    advise_fillers: list[str]
    direct_cues: list[str]
    direct_chain: list[str]
    heads: list[str]
    named_heads: list[str] = []
    listed_heads: list[str] = []
    plural_heads: list[str]
    paired_heads: list[str] = []
    articles: list[str]
    honorifics: list[str] = []
    example_introducers: list[str] = []
    adverbial_openers: list[str] = []
    adverbial_closers: list[str] = []
    condition_ends: list[str] = []
    document_owners: list[str] = []
    address_openers: list[str] = []
    heading_openers: list[str] = []
    duty_headings: list[str] = []
    heading_owners: list[str] = []
    heading_agents: list[str] = []
    topic_openers: list[str] = []
    topic_ends: list[str] = []
    owner_links: list[str] = []
    topic_heads: list[str] = []
    leveled_heads: list[str] = []
    place_qualifiers: list[str] = []
    group_qualifiers: list[str] = []
    group_qualifier_frames: list[QualifierFrame] = []
    prepositions: list[str] = []
    compounds: list[str] = []
    list_introducers: list[str] = []
    place_words: list[str] = []
    column_cues: dict[str, list[str]] = {}
    elliptic_lists: dict[str, str] = {}
    shared_heads: list[str] = []
    power_openings: list[str] = []
    power_transfers: list[str] = []
    transfer_closings: list[str] = []
    clause_frames: list[str] = []
    clause_non_predicates: list[str] = []
    scope_tails: list[str] = []
    regulated_heads: list[str] = []
    group_markers: list[str] = []
    passive_markers: list[str] = []
    statement_words: list[str] = []
    aspect_words: list[str] = []
    report_aspects: list[str] = []
    predicate_openers: list[str] = []
    request_openers: list[str] = []
    agent_clauses: list[str] = []
    agent_clause_predicates: list[str] = []
    reference_ends: list[str] = []
    list_titles: ListTitles = ListTitles()
    stops: list[str]
    stop_punct: list[str]
    list_joins: list[str]
    choice_joins: list[str]
    max_qualifier: int = 20
    spans: TokenSpans
    deadlines: list[DeadlineRule]
    citation: CitationRules
    implements_cues: list[str]
    relay_cues: list[str] = []
    basis_cues: list[str] = []
    basis_implements: list[str] = []
    delegated_duties: list[str] = []
    holder_requests: list[str] = []


def role_rules() -> RoleRules:
    return load_rules("roles", RoleRules)


# --------------------------------------------------------------------------- text form and tokens

_SPACE = re.compile(r"\s")
_TOKEN = re.compile(r"\w+(?:[/&.\-–]\w+)*|[^\w\s]")


def _token_spans(text: str):
    """(start, end) of each token: syllables, numbers and số hiệu ("259/QĐ-TTg", "28-NQ/TW") stay whole, but a
    slash after a lower-case word separates two names ("Bộ Chỉ huy Quân sự tỉnh/Ban Chỉ huy Bộ đội Biên phòng
    tỉnh") or two words either of which may stand ("Chủ dự án/cơ sở") and is a token of its own."""
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        cut = start
        for k in range(start + 1, end - 1):
            if text[k] == "/" and text[k - 1].isalpha() and text[k - 1].islower() and text[k + 1].isalpha():
                yield cut, k
                yield k, k + 1
                cut = k + 1
        yield cut, end
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"} |
                        {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"'})


@lru_cache(maxsize=4096)
def matching_text(text: str) -> str:
    """Same length as `text`: new tone style, one dash and quote form, every space character a space, one spelling
    of a word printed two ways (rules/spelling.yaml)."""
    text = nfc(text)
    styled = new_tone_style(text)
    if len(styled) != len(text):  # never expected for NFC input; keep offsets exact regardless
        styled = text
    return unify_spelling(_SPACE.sub(" ", styled.translate(_DASHES)))


class SyllableTokenizer:
    """Whitespace-and-punctuation tokenizer: Vietnamese syllables, numbers and số hiệu stay whole."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str):
        from spacy.tokens import Doc

        words, spaces = [], []
        for start, end in _token_spans(text):
            words.append(text[start:end])
            spaces.append(end < len(text) and text[end].isspace())
        return Doc(self.vocab, words=words, spaces=spaces)


def _register_tokenizer() -> str:
    import spacy

    name = "doichieu.syllable_tokenizer.v1"
    if name not in spacy.registry.tokenizers:
        @spacy.registry.tokenizers(name)
        def create_tokenizer():
            return lambda nlp: SyllableTokenizer(nlp.vocab)

    return name


@dataclass
class Engine:
    nlp: object
    matcher: object
    cue_kinds: tuple[str, ...]  # the matcher's phrase groups (rules/roles.yaml lists): every kind `read` reports
    rules: RoleRules
    stop_punct: frozenset[str]
    ands: frozenset[str]  # the words that join the members of a list ("và"; rules/roles.yaml `list_joins`)
    joins: frozenset[str]  # those and the words that offer a choice ("hoặc")
    place_words: frozenset[str]  # words that introduce a place name ("tỉnh", "thành phố"), matching form
    unit_words: tuple[tuple[str, ...], ...]  # a body's unit words before its place (rules/agencies.yaml places)
    level_named: tuple[tuple[str, ...], ...]  # names followed at once by their place ("Tỉnh ủy | Lào Cai")
    elliptic: dict[str, str]  # plural head (tokens, lower case) -> the noun that completes each listed name


@lru_cache(maxsize=1)
def engine() -> Engine:
    """The spaCy pipeline and cue matcher, built once from the rule files."""
    import spacy
    from spacy.matcher import PhraseMatcher

    rules = role_rules()
    registry = agencies.registry()
    nlp = spacy.blank("xx", config={"nlp": {"tokenizer": {"@tokenizers": _register_tokenizer()}}})
    # spaCy's one-million-character cap guards the memory of a parser and NER, which this pipeline has not
    # (a tokenizer and phrase matchers, linear in the text): a task as long as a whole file written on one line
    # is read, not refused with an internal error
    nlp.max_length = 10**9
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER", "validate": False})
    patterns: list[dict] = [
        {"label": "AGENCY", "pattern": matching_text(form), "id": agency_id}
        for form, agency_id in registry.printed_forms()
    ]
    # cheap attribute tests first: the regular expression then runs on the few mixed tokens only
    mixed = {"IS_ALPHA": False, "IS_DIGIT": False, "IS_PUNCT": False}
    patterns.append({"label": "LEGAL_REF", "pattern": [
        {**mixed, "TEXT": {"REGEX": r"^\d+(?:/\d{4})?[/-][A-ZĐ][\wĐđ]*(?:[-/&][\wĐđ]+)*$"}}]})
    patterns.append({"label": "DATE", "pattern": [
        {"LOWER": "ngày"}, {"IS_DIGIT": True}, {"LOWER": "tháng"}, {"IS_DIGIT": True},
        {"LOWER": "năm"}, {"IS_DIGIT": True}]})
    patterns.append({"label": "DATE", "pattern": [{**mixed, "TEXT": {"REGEX": r"^\d{1,2}/\d{1,2}/\d{4}$"}}]})
    ruler.add_patterns(patterns)

    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    groups = {
        "lead": rules.lead_cues, "resp": rules.responsibility, "assign": rules.assign_frames,
        "assign_after": rules.assign_after_subject, "coord": rules.coordinator_cues,
        "advise": rules.advise_cues, "advise_fill": rules.advise_fillers, "direct": rules.direct_cues,
        "direct_chain": rules.direct_chain, "title": registry.rules.titles, "head": rules.heads,
        "named_head": rules.named_heads, "listed_head": rules.listed_heads,
        "plural_head": rules.plural_heads, "paired_head": rules.paired_heads, "article": rules.articles, "adverbial": rules.adverbial_openers + rules.request_openers,
        "adverbial_closer": rules.adverbial_closers, "condition_end": rules.condition_ends,
        "doc_type": rules.citation.doc_types, "document_owner": rules.document_owners,
        "address": rules.address_openers, "heading_opener": rules.heading_openers,
        "duty_heading": rules.duty_headings, "place": rules.place_qualifiers, "group_qualifier": rules.group_qualifiers,
        "honorific": rules.honorifics, "examples": rules.example_introducers,
        "preposition": rules.prepositions, "compound": rules.compounds, "list_introducer": rules.list_introducers,
        "shared_head": rules.shared_heads, "power": rules.power_openings, "transfer": rules.power_transfers,
        "transfer_closing": rules.transfer_closings,
        "stop": rules.stops, "subject_end": rules.subject_end_cues,
        "subject_break": rules.subject_breaks, "definition": rules.definition_cues,
        "establish": rules.name_establishers, "name_end": rules.established_name_ends,
        "clause_frame": rules.clause_frames, "non_predicate": rules.clause_non_predicates,
        "scope_tail": rules.scope_tails, "regulated": rules.regulated_heads,
        "group_marker": rules.group_markers, "passive": rules.passive_markers,
        "list_noun": rules.list_titles.nouns, "title_modal": rules.list_titles.modals,
        "aspect": rules.aspect_words, "report_aspect": rules.report_aspects,
        "predicate_opener": rules.predicate_openers, "request_opener": rules.request_openers,
        "agent_clause": rules.agent_clauses, "agent_predicate": rules.agent_clause_predicates,
        "reference_end": rules.reference_ends, "topic": rules.topic_openers, "topic_end": rules.topic_ends,
        "topic_head": rules.topic_heads, "leveled_head": rules.leveled_heads, "owner_link": rules.owner_links, "apposition": rules.appositions,
        "relative": rules.relative_openers,
    }
    for kind, phrases in groups.items():
        matcher.add(kind, [nlp.tokenizer(matching_text(p)) for p in phrases])
    places = registry.places
    units = (places.province, places.city, places.district) if places is not None else ()
    ands = frozenset(matching_text(w).lower() for w in rules.list_joins)
    return Engine(nlp, matcher, tuple(groups), rules, frozenset(rules.stop_punct), ands,
                  ands | {matching_text(w).lower() for w in rules.choice_joins},
                  frozenset(" ".join(matching_text(w).split()) for w in rules.place_words),
                  tuple(tuple(matching_text(u).split()) for u in units),
                  tuple(tuple(matching_text(n).lower().split()) for n in (places.level_named if places else ())),
                  {" ".join(matching_text(head).lower().split()): noun for head, noun in rules.elliptic_lists.items()})



@dataclass
class Tokens:
    """A text read by the engine: tokens with offsets, agency entities and cue positions."""

    text: str
    words: list[str]
    starts: list[int]
    ends: list[int]
    capital: list[bool]
    ents: dict[int, tuple[int, str, str]]  # start -> (end, label, id)
    cues: dict[str, dict[int, int]]  # kind -> start -> end (longest)

    def __len__(self) -> int:
        return len(self.words)

    def cue(self, kind: str, i: int) -> int | None:
        return self.cues[kind].get(i)

    def agency(self, i: int) -> tuple[int, str] | None:
        hit = self.ents.get(i)
        if hit and hit[1] == "AGENCY":
            return hit[0], hit[2]
        return None


def read(text: str) -> Tokens:
    eng = engine()
    form = matching_text(text)
    doc = eng.nlp(form)
    starts, ends = [], []
    for start, end in _token_spans(form):
        starts.append(start)
        ends.append(end)
    ents = {e.start: (e.end, e.label_, e.ent_id_) for e in doc.ents}
    cues: dict[str, dict[int, int]] = {k: {} for k in eng.cue_kinds}
    vocab = eng.nlp.vocab.strings
    for match_id, start, end in eng.matcher(doc):
        table = cues[vocab[match_id]]
        if table.get(start, 0) < end:
            table[start] = end
    for start, end in list(cues["compound"].items()):  # "công trình": no "trình" (submit) inside the word
        for kind, table in cues.items():
            for k in range(start + 1, end):
                table.pop(k, None)
            if kind != "compound" and start < table.get(start, end) < end:
                del table[start]  # nor a shorter word at its start ("giao dịch": no "giao", assign)
    words = [t.lower_ for t in doc]
    capital = [t.text[:1].isupper() for t in doc]
    for start, end in cues.pop("named_head").items():
        # "Báo Lào Cai", "Văn phòng Đăng ký đất đai": a head only before its proper name ("báo cáo" is a report)
        if doc[start].is_title and end < len(doc) and capital[end] and doc[end].text[:1].isalpha() \
                and cues["head"].get(start, 0) < end:
            cues["head"][start] = end
    for start, end in cues.pop("listed_head").items():
        # "Thanh tra Chính phủ, Thanh tra các Bộ, ngành …": a body's head word that is a verb in lower case or at a
        # clause's opening is a head only capitalised after a list's comma, before the bodies it belongs to
        if doc[start].is_title and start > 0 and words[start - 1] == "," and end < len(doc) \
                and (capital[end] or end in cues["article"]) and cues["head"].get(start, 0) < end:
            cues["head"][start] = end
    for start, end in cues.pop("topic_head").items():
        # "Ủy ban Quốc gia về …", "Hội đồng Quốc gia về …": a head only before a national or joint body's topic, or
        # in a name the document gives a body for short ("Hội đồng thẩm định giá đất của tỉnh (gọi tắt là Hội đồng)")
        if doc[start].is_title and (end in cues["topic"] or _defined_here(words, cues["definition"], end)) \
                and cues["head"].get(start, 0) < end:
            cues["head"][start] = end
    _drop_cues_in_names(cues, ents, words, capital)
    _drop_verb_phrases(ents, cues, words, capital, eng)
    return Tokens(text, words, starts, ends, capital, ents, cues)


# the cues that may follow a body's name printed in lower case: a role, the end of a subject, a predicate, its place
_AFTER_A_NAME = ("lead", "resp", "coord", "advise", "direct", "assign", "assign_after", "subject_end", "aspect",
                 "predicate_opener", "stop", "place")


def _drop_verb_phrases(ents: dict[int, tuple[int, str, str]], cues: dict[str, dict[int, int]], words: list[str],
                       capital: list[bool], eng: Engine) -> None:
    """A registered name that is a head and one word that opens a predicate, printed in lower case and followed by
    that word's object, is the head and a verb phrase: "các đơn vị thuộc Bộ | xây dựng dự án …" is no "Bộ Xây
    dựng", nor "Bộ | xây dựng kế hoạch". Followed by a role, a predicate, a join, a place or nothing it is still the
    name with its capital lost ("phối hợp với Bộ xây dựng.", "Sở xây dựng các tỉnh")."""
    for start, (end, label, _) in list(ents.items()):
        if label != "AGENCY" or cues["head"].get(start) != start + 1 or cues["stop"].get(start + 1) != end \
                or any(capital[start + 1:end]) or end >= len(words):
            continue
        after = words[end]
        if after.isalpha() and after not in eng.joins and after not in eng.place_words \
                and not any(end in cues[kind] for kind in _AFTER_A_NAME):
            del ents[start]


def _defined_here(words: list[str], definitions: dict[int, int], k: int) -> bool:
    """Does a definition parenthesis ("(gọi tắt là …)"; rules/roles.yaml `definition_cues`) close the name that runs
    on from token k, within `spans.established_name` tokens and with no mark but commas before it?"""
    for m in range(k, min(len(words), k + role_rules().spans.established_name)):
        if words[m] == "(":
            return m + 1 in definitions
        if not words[m].isalnum() and words[m] not in (",", "-"):
            return False
    return False


def _drop_cues_in_names(cues: dict[str, dict[int, int]], ents: dict[int, tuple[int, str, str]],
                        words: list[str], capital: list[bool]) -> None:
    """A role cue that is a word of a body's name is no cue: one inside a registered name, or a capitalised one
    inside a head ("Ban Chỉ đạo các tỉnh", "Văn phòng Ban Chỉ đạo": no one is directed), or one in lower case inside
    a head printed with a capital after a word ("các Ban chỉ đạo địa phương", "Văn phòng Ban chỉ đạo": a verb
    mid-sentence is never capitalised). Lower case it stays a verb after a plural noun ("Các sở, ban chỉ đạo các
    phòng …")."""
    inside = {k for start, (end, label, _) in ents.items() if label == "AGENCY" for k in range(start + 1, end)}
    inside.update(k for start, end in cues["head"].items() for k in range(start + 1, end)
                  if capital[k] or (capital[start] and start > 0 and words[start - 1].isalpha()))
    for kind in (*_ROLE_CUES, "resp", "direct_chain"):
        for k in inside & cues[kind].keys():
            del cues[kind][k]


# --------------------------------------------------------------------------- the agency-list grammar


# the cues that give a body a role or hand work to it
_ROLE_CUES = ("lead", "coord", "advise", "direct", "assign", "assign_after")

# marks that surely end a topic's name: a role cue, a phrase that ends a subject or opens a predicate, an aspect word,
# the body it belongs to ("thuộc …")
_TOPIC_ENDS = ("lead", "resp", "coord", "advise", "direct", "assign", "subject_end", "predicate_opener", "aspect",
               "topic_end")


@lru_cache(maxsize=1)
def _qualifier_frames() -> tuple[tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...], int], ...]:
    """rules/roles.yaml group_qualifier_frames as token tuples of the matching form (openings longest first)."""
    def tokens(phrases: list[str]) -> tuple[tuple[str, ...], ...]:
        return tuple(sorted({tuple(matching_text(p).lower().split()) for p in phrases}, key=len, reverse=True))

    return tuple((tokens(f.opens), tokens(f.closes), f.max_between) for f in role_rules().group_qualifier_frames)


@dataclass(frozen=True)
class Item:
    start: int
    end: int  # token after the name (before a parenthesis)
    next: int  # token after the name and its parenthesis
    agency_id: str | None
    group: bool
    note: str = ""
    placed: bool = False  # a closed name followed by its place ("Ủy ban nhân dân thành phố | Thủ Đức")
    shared: str = ""  # the qualifier a bare name shares with the next body ("Hội đồng nhân dân, Ủy ban nhân dân | các tỉnh")


_BULLETS = ("-", "+", "*", "•")
_CLAUSE_MARKS = (",", ";", ".", ":", "(", ")", '"', "!", "?")  # marks that close a stretch of a clause


@dataclass
class Roles:
    leads: list[Mention] = field(default_factory=list)
    coordinators: list[Mention] = field(default_factory=list)
    advises: list[Mention] = field(default_factory=list)
    directs: list[Mention] = field(default_factory=list)
    own_subject: bool = False


class Reader:
    """Applies the list grammar to one text."""

    def __init__(self, tokens: Tokens, cell: bool = False):
        self.t = tokens
        # a table cell under an agency column holds no predicate: only punctuation ends a name there, and the
        # words that give a body its role ("Sở Nội vụ chủ trì; các sở, ngành liên quan phối hợp")
        self.cell = cell
        self.n = len(tokens)
        self.engine = engine()
        self.rules = self.engine.rules
        self.stop_punct = self.engine.stop_punct
        self.ands = self.engine.ands
        self.joins = self.engine.joins
        self.covered: set[int] = set()
        self._elliptic_read: dict[Item, tuple[list[Mention], int] | None] = {}  # elliptic_names
        self.subject_end = 0  # the token after the opening subject (roles)

    # ---------------------------------------------------------------- item starts

    def item_kind(self, i: int) -> str | None:
        t = self.t
        if i >= self.n:
            return None
        if t.cue("honorific", i):  # "đồng chí Cục trưởng …": the office holder named after the form of address
            after = t.cue("honorific", i)
            return self.item_kind(after) or ("person" if self._person_name(after) else None)
        if t.agency(i):
            return "named"
        if t.cue("title", i):
            return "title"
        if t.cue("article", i):
            j = t.cue("article", i)
            if j < self.n and (t.agency(j) or t.cue("title", j) or t.cue("head", j) or t.cue("plural_head", j)):
                return "article"
            return None
        if t.cue("head", i):
            stop = t.cue("stop", i)
            if stop and stop > t.cue("head", i):
                return None
            return "head"
        plural = t.cue("plural_head", i)
        if plural and t.cue("group_marker", plural):  # "tổ chức khác": the other bodies of that kind, a group
            return "marked"
        return None

    def is_stop(self, j: int) -> bool:
        if self.cell:
            return self.t.words[j] in self.stop_punct or self.t.cue("coord", j) is not None or \
                self.t.cue("lead", j) is not None
        return self.t.words[j] in self.stop_punct or self.t.cue("stop", j) is not None or \
            self.t.cue("coord", j) is not None or self.t.cue("advise", j) is not None or \
            self.t.cue("lead", j) is not None or self.t.cue("resp", j) is not None

    def parse_item(self, i: int) -> Item | None:
        t = self.t
        if t.cue("honorific", i) and self.item_kind(i):
            after = t.cue("honorific", i)  # the form of address is no part of the name
            return self.parse_item(after) if self.item_kind(after) else self.person_item(after)
        kind = self.item_kind(i)
        if kind is None or (kind in ("named", "title") and t.cue("shared_head", i)):
            # (a bare name registered of no level shares the next body's too: "Ủy ban Mặt trận Tổ quốc Việt Nam,
            # Ủy ban nhân dân | các tỉnh", "UBND và HĐND | cấp xã"; so does a standing organ's: "Thường trực Hội đồng
            # nhân dân, Ủy ban nhân dân | tỉnh")
            shared = self.shared_item(i)
            if shared is not None or kind is None:
                return shared
        agency_id = None
        group = True
        open_name = True
        led_by_article = kind in ("article", "title")
        opening = t.cue("article", i) or i  # where the head opens
        if kind == "named":
            j, agency_id = t.agency(i)
            agency = agencies.get(agency_id)
            open_name = agency.open
            group = agency.open
        elif kind == "title":
            j = t.cue("title", i)
            for s in range(i + 1, j + 1):
                if t.agency(s):
                    j, agency_id = t.agency(s)
                    open_name = agencies.get(agency_id).open
                    break
            else:
                if j < self.n and t.cue("article", j):
                    j = t.cue("article", j)
                opening = j
                if j < self.n and t.agency(j):
                    j, agency_id = t.agency(j)
                elif j < self.n and t.cue("head", j) and t.capital[j]:
                    # the head of the unit the title names ("Vụ trưởng Vụ | Hợp tác quốc tế"): its proper name
                    # follows it, although its first word usually opens a predicate
                    j = t.cue("head", j)
        elif kind == "marked":
            j = t.cue("group_marker", t.cue("plural_head", i))
            led_by_article = True
        elif kind == "article":
            j = t.cue("article", i)
            if t.agency(j):
                j, agency_id = t.agency(j)
            else:
                j = t.cue("title", j) or t.cue("head", j) or t.cue("plural_head", j)
        else:
            j = t.cue("head", i)
            if t.capital[i] and j < self.n and t.capital[j] and t.cue("leveled_head", j):
                # a unit named after the committee it serves ("Văn phòng | Ban Chỉ đạo tỉnh", "Văn phòng | Ban chỉ đạo
                # giảm nghèo tỉnh"): the committee's name, whole, although its head holds a verb ("chỉ đạo")
                served = self.parse_item(j)
                if served is not None:
                    return replace(served, start=i, agency_id=None)
        # a generic head ("Trung tâm", "Cục", "các Viện") or a title of no registered body ("Trưởng phòng") is
        # followed by its proper name, if any ("Trưởng phòng Quản lý Công nghiệp")
        proper = agency_id is None and kind in ("head", "article", "title")
        named_end = j
        topic = (self.topic_name(j) or self.leveled_topic(i, j)) if kind == "head" else None
        if topic is not None:  # "Ban Chỉ đạo Nhà nước về kế hoạch bảo vệ và phát triển rừng"
            j = topic
        else:
            j = self.qualifiers(j, led_by_article, proper, opening) if open_name else self.place_name(j)
        end = j
        while end > i + 1 and (t.words[end - 1] in (",", "-") or t.words[end - 1] in self.ands):
            end -= 1
        note, after = "", end
        if after < self.n and t.words[after] == "(":
            close = next((k for k in range(after + 1, min(self.n, after + self.rules.spans.note)) if t.words[k] == ")"),
                         None)
            if close is not None:
                note = " ".join(t.text[t.starts[after]:t.ends[close]].split())
                after = close + 1
        if not note and after + 1 < self.n and t.words[after] == "," and t.cue("apposition", after + 1):
            # the body's role in apposition, to the next mark ("Sở Tài chính, cơ quan thường trực của Ban Chỉ đạo:")
            close = next((k for k in range(t.cue("apposition", after + 1), min(self.n, after + self.rules.spans.note))
                          if t.words[k] in (",", ";", ":", ".", "(") or any(t.cue(c, k) for c in ("lead", "resp", "coord"))),
                         self.n if self.n - after < self.rules.spans.note else None)
            if close is not None:
                note = " ".join(t.text[t.starts[after + 1]:t.ends[close - 1]].split())
                after = close
        return Item(i, end, after, agency_id if kind != "article" or agency_id else None, group, note,
                    placed=not open_name and end > named_end)

    def _person_name(self, k: int) -> int | None:
        """The token after a person's name that opens at k (two to six capitalised syllables, none of them the
        start of a body or a title: "Hoàng Văn Thuân"), or None."""
        t = self.t
        end = k
        while end < self.n and end - k < 6 and t.capital[end] and t.words[end].isalpha() and \
                not any(t.cue(kind, end) for kind in ("title", "head", "article", "stop")) and not t.agency(end):
            end += 1
        return end if end - k >= 2 else None

    def person_item(self, k: int) -> Item | None:
        """An office holder addressed by name after a form of address ("đồng chí Hoàng Văn Thuân - Phó Giám đốc
        Sở", "đ/c Nguyễn Văn An, Trưởng phòng Kế hoạch"): the name with the title that follows it after a dash
        or a comma, or the name alone."""
        t = self.t
        end = self._person_name(k)
        if end is None:
            return None
        if end + 1 < self.n and t.words[end] in ("-", ",") and self.item_kind(end + 1) in ("title", "named"):
            title = self.parse_item(end + 1)
            if title is not None:
                return Item(k, title.end, title.next, title.agency_id, title.group, title.note, title.placed)
        return Item(k, end, end, None, False)

    def shared_item(self, i: int) -> Item | None:
        """A bare body name that takes the place qualifier of the next body in the list ("Hội đồng nhân dân, Ủy
        ban nhân dân các tỉnh, thành phố"; rules/roles.yaml `shared_heads`), or None."""
        t = self.t
        end = t.cue("shared_head", i)
        if not end or end + 1 >= self.n or not (t.words[end] == "," or t.words[end] in self.ands):
            return None
        k = end + 2 if t.words[end] == "," and t.words[end + 1] in self.ands else end + 1
        head_end = t.cue("shared_head", k)
        following = self.parse_item(k) if head_end else None
        if following is None:
            return None
        shared = following.shared or (" ".join(t.text[t.starts[head_end]:t.ends[following.end - 1]].split())
                                      if following.end > head_end else "")
        if not shared:
            return None
        return Item(i, end, end, None, True, shared=shared)

    def place_name(self, j: int) -> int:
        """A closed name may carry its place: "Ủy ban nhân dân tỉnh Lào Cai", "Sở Y tế tỉnh Kon Tum", "Tỉnh ủy Lào
        Cai" (rules/agencies.yaml places.level_named), or the places it stands for ("Sở Y tế các tỉnh, thành phố
        trực thuộc trung ương": rules/roles.yaml)."""
        t = self.t
        if j < self.n and t.cue("place", j):
            return t.cue("place", j)
        k = j
        unit = False  # the name is followed by its unit word: "Sở Tài chính tỉnh", "Sở Xây dựng Thành phố"
        place_words = self.engine.place_words
        level_named = any(t.words[j - len(n):j] == list(n) for n in self.engine.level_named)
        if not level_named and t.words[j - 1] not in place_words and \
                not (j >= 2 and " ".join(t.words[j - 2:j]) in place_words):
            size = next((len(u) for u in self.engine.unit_words if t.words[k:k + len(u)] == list(u)), 0)
            if not size:
                return j
            k, unit = k + size, True
        start = k
        while k < self.n and t.capital[k] and t.words[k].isalpha() and not t.agency(k) and not self.is_stop(k):
            k += 1
        return k if k > start or unit else j

    def qualifiers(self, j: int, led_by_article: bool, proper: bool = False, opening: int | None = None) -> int:
        """The token after the qualifiers of a name whose head or registered name ends at j (`opening`: where a
        group's head opens, for `_names_another_body`)."""
        t = self.t
        count = 0
        joined = False  # a proper name went on after "và" ("Vụ Khoa học công nghệ, môi trường và Vật liệu …")
        qualified = -1  # the token after a group qualifier that closed the group ("các cơ quan liên quan |")
        paired = False  # the group is a fixed pair ("các bộ, ngành")
        while j < self.n and count < self.rules.max_qualifier:
            word = t.words[j]
            if word == "(" or t.cue("scope_tail", j) or t.cue("aspect", j) or t.cue("subject_break", j):
                # (an aspect word opens a relative clause or the predicate: "các sở, ngành | đã được giao …"; a
                # subordinating conjunction an adverbial clause: "Ủy ban nhân dân cấp xã | sau khi nhận được hồ sơ …")
                break
            if t.cue("reference_end", j):  # "cơ quan quy định tại Điều 6 Nghị định này | cấp lại …"
                j = t.cue("reference_end", j)
                break
            if joined and self.is_stop(j) and word not in self.stop_punct:
                # … whose last words usually open a predicate ("… và Vật liệu xây dựng"): still the name when
                # the list goes on right after them (", Thủ trưởng các đơn vị …")
                end = next((k for k in range(j + 1, min(self.n, j + 3)) if t.words[k] in (",", ";")), None)
                if end is not None and all(t.words[k].isalpha() for k in range(j, end)) and self.item_kind(end + 1):
                    j, count = end, count + (end - j)
                    continue
            if proper and count == 0 and t.capital[j] and word.isalpha() and t.cue("stop", j) \
                    and not any(t.cue(kind, j) for kind in ("coord", "advise", "lead", "resp")):
                # a capital after a generic head opens its proper name ("Trung tâm Kiểm soát bệnh tật", "Cục
                # Quản lý …"): the word belongs to the name although it usually opens a predicate
                j = t.cue("stop", j)
                count += 1
                continue
            if t.cue("group_qualifier", j):  # "các bộ quản lý ngành, lĩnh vực": the group, not its predicate
                # a fixed pair ("các bộ, ngành", "sở, ban, ngành") goes on with its third member, qualified or not:
                # "các bộ, ngành và địa phương liên quan", "các bộ, ngành có liên quan và địa phương có biên giới"
                paired = paired or word == ","
                qualified = -1 if paired else t.cue("group_qualifier", j)
                j = t.cue("group_qualifier", j)
                count += 1
                continue
            named_by_role = self._named_by_role(opening, j)
            if named_by_role:  # "phối hợp với các cơ quan chủ trì | trong tổ chức thực hiện …"
                count += named_by_role - j
                j = named_by_role
                continue
            framed = self.framed_qualifier(j)
            if framed:  # "các bộ quản lý công trình xây dựng chuyên ngành"
                count += framed - j
                j = framed
                continue
            participle = self._relative_participle(j)
            if participle:  # "Ủy ban nhân dân cấp xã nơi có đất thu hồi | thực hiện …"
                count += participle - j
                j = participle
                continue
            if self._owned_modifier(j):  # "các đơn vị truyền thông thuộc Bộ …": a kind of unit, no predicate
                count += t.cue("stop", j) - j
                j = t.cue("stop", j)
                continue
            if word in self.stop_punct or self.is_stop(j):
                break
            joint = t.cue("preposition", j)
            if joint and joint < self.n and self.is_stop(joint):
                break  # "Ban Quản lý Khu kinh tế | trong chuyển đổi …": the preposition opens an adverbial
            if t.cue("article", j):
                led_by_article = True  # "công an các đơn vị, địa phương": one group
            if word == ",":
                nxt = j + 1
                kind = self.item_kind(nxt)
                if count == 0 and opening is not None and t.cue("paired_head", opening) == j and t.cue("paired_head", nxt):
                    # two general nouns for a body named as one group without "các" ("Các Sở, ban, ngành; cơ quan,
                    # đơn vị tiến hành …", rules/roles.yaml paired_heads), as "các cơ quan, đơn vị" is: not two bodies
                    led_by_article = True
                member = t.cue("plural_head", nxt) if led_by_article and nxt < self.n else None
                if member and member < self.n and (t.words[member] == "," or t.words[member] in self.ands
                                                   or t.cue("group_qualifier", member)
                                                   or t.cue("group_marker", member)):
                    # "các cơ quan, tổ chức, đơn vị …", "các cơ quan, tổ chức có liên quan", "các cơ quan, tổ chức
                    # khác": a member noun that is also a verb ("tổ chức")
                    j = member
                    count += 1
                    continue
                if kind in ("named", "title", "article") or nxt >= self.n or (self.is_stop(nxt) and kind != "head") or \
                        t.words[nxt] == "," or t.words[nxt] in self.ands or (kind == "head" and (not led_by_article or any(
                            t.cue("stop", k) for k in range(nxt + 1, t.cue("head", nxt)))
                            or self._names_another_body(opening, nxt))):
                    break  # (a head holding a verb, "nhà đầu tư", "chủ đầu tư", is another actor, not a qualifier)
                if kind == "head" and self.is_stop(nxt):
                    # a head whose first word alone opens a predicate ("tổ chức | quốc tế"): one more kind of the
                    # group, read whole ("các nước, tổ chức quốc tế")
                    count += t.cue("head", nxt) - nxt
                    j = t.cue("head", nxt)
                    continue
                j += 1
                continue
            if word in self.joins:
                kind = self.item_kind(j + 1)
                if j == qualified and kind == "head":
                    break  # "các cơ quan liên quan | và địa phương có rừng": the qualifier closed the group

                # "Cục Thương mại điện tử và Kinh tế số": a capital after "và" goes on with a proper name
                # (or in lower case: "Viện Chiến lược, Chính sách tài nguyên và môi trường")
                name_goes_on = proper and word in self.ands and kind is None and j + 1 < self.n \
                    and t.words[j + 1].isalpha() and not self.is_stop(j + 1)
                if proper and word in self.ands and kind is None and j + 1 < self.n and t.capital[j + 1] \
                        and t.cue("stop", j + 1) and not any(t.cue(c, j + 1) for c in _ROLE_CUES):
                    # a capital after "và" goes on with the name although it usually opens a predicate, as after
                    # the head ("Quỹ Bảo vệ và Phát triển rừng", "Viện Nghiên cứu và Phát triển vùng")
                    joined = True
                    count += 1
                    j = t.cue("stop", j + 1)
                    continue
                if not name_goes_on and (kind in ("named", "title", "article") or not led_by_article
                                         or j + 1 >= self.n or self.is_stop(j + 1)):
                    break
                joined = joined or (j + 1 < self.n and t.capital[j + 1] and t.words[j + 1].isalpha())
                j += 1
                continue
            hit = t.agency(j)
            if hit:
                j = hit[0]
                count += 1
                continue
            j += 1
            count += 1
        return j

    def _named_by_role(self, opening: int | None, j: int) -> int | None:
        """The token after a role word at j that names the group whose head opens at `opening` by its role, the two
        being one of rules/roles.yaml `appositions` ("các cơ quan chủ trì", "đơn vị đầu mối"), where the group is
        the partner a coordinator cue names ("phối hợp chặt chẽ với các cơ quan chủ trì trong tổ chức thực hiện"):
        the partner takes no role of its own there, the word says which bodies ("the leading ones"). None otherwise
        (after "giao" the same words hand the group the lead: "giao các cơ quan chủ trì xây dựng …")."""
        t = self.t
        end = t.cue("apposition", opening) if opening is not None and opening < self.n else None
        if not end or not j < end or t.cue("lead", j) != end:
            return None
        cue = self._role_cue_before(opening)
        return end if cue is not None and t.cue("coord", cue) else None

    def _relative_participle(self, j: int) -> int | None:
        """The token after a predicate word at j that qualifies the noun before it inside a relative clause of a
        body's name (rules/roles.yaml `relative_openers`: "Ủy ban nhân dân cấp xã nơi có đất | thu hồi | thực hiện
        …", the land reclaimed): the word is followed at once by the predicate or a role, where a verb opening the
        predicate would take its object ("… nơi có dự án | thu hồi đất": the predicate); at the clause's end it is
        the predicate ("… phối hợp với Ủy ban nhân dân cấp xã nơi có dự án | kiểm tra."). None otherwise."""
        t = self.t
        end = t.cue("stop", j)
        if not end or any(t.cue(kind, j) for kind in (*_ROLE_CUES, "resp")):
            return None
        k = j - 1  # back over the clause's nouns to its opener
        while k >= 0 and t.words[k].isalpha() and not self.is_stop(k) and t.cue("relative", k) is None:
            k -= 1
        if k < 0 or t.cue("relative", k) is None or t.cue("relative", k) >= j:
            return None
        if end >= self.n or t.words[end] in self.stop_punct or (
                not self.is_stop(end) and not any(t.cue(kind, end) for kind in (*_ROLE_CUES, "resp"))):
            return None
        return end

    def _owned_modifier(self, j: int) -> bool:
        """Is the predicate word at j a noun modifier of the group before it, followed at once by the body the
        group belongs to ("các đơn vị truyền thông | thuộc Bộ Tài nguyên và Môi trường"; rules/roles.yaml
        `owner_links`)? A verb opening the predicate takes its object, never "thuộc" and a body."""
        t = self.t
        end = t.cue("stop", j)
        if not end or any(t.cue(kind, j) for kind in ("coord", "advise", "lead", "resp")):
            return False
        link = t.cue("owner_link", end) if end < self.n else None
        return bool(link) and self.item_kind(link) is not None

    def topic_name(self, j: int) -> int | None:
        """The end of a body's name on a topic that opens at token j, after its head ("Ban Chỉ đạo | Nhà nước về
        kế hoạch bảo vệ và phát triển rừng | (Quyết định …) chỉ đạo …"; rules/roles.yaml `topic_openers`): the
        token where a mark that surely ends a name stands within `spans.topic` tokens before a comma or a full
        stop, unless a predicate word after one of the topic's nouns takes plural objects before it (a topic names
        one matter: "… về chuyển đổi số | triển khai các nhiệm vụ của …"); else the end the topic's own shape
        gives (`topic_predicate`); None when there is no topic or no end."""
        t = self.t
        k = t.cue("topic", j) if j < self.n else None
        if k is None:
            return None
        start = k
        verb, objects = None, False  # a predicate word after a noun of the topic; the objects it takes
        while k < self.n and k - start <= self.rules.spans.topic:
            word = t.words[k]
            if word in ("(", ":") or any(t.cue(kind, k) for kind in _TOPIC_ENDS):
                if verb is not None and objects:  # "… về chuyển đổi số | triển khai các nhiệm vụ của …"
                    return verb
                return k if k > start else None
            if word in self.stop_punct or word == ",":
                return self.topic_predicate(start)
            stop = t.cue("stop", k)
            if verb is None and stop and k > start and t.words[k - 1] != "-" and t.words[k - 1] not in self.joins:
                verb = k
            objects = objects or (verb is not None and t.cue("article", k) is not None)
            k = stop if stop and stop > k else k + 1  # (a verb of the topic, "phòng, chống", read whole)
        return k if k == self.n and k > start else self.topic_predicate(start)

    def leveled_topic(self, i: int, j: int) -> int | None:
        """The end of a committee's name whose level closes its topic ("Ban Chỉ đạo | phòng, chống thiên tai tỉnh |
        Lào Cai", "Ban Chỉ đạo | giảm nghèo bền vững cấp huyện"; rules/roles.yaml `leveled_heads`, printed with a
        capital, its head ending at j): words of the topic in lower case, a comma only between two of them, up to a
        place word (`place_words`) and the place's proper name, if any, followed by a word that ends a name, or by the
        end of the text or a mark where the topic opens with no word that usually opens a predicate, within
        `spans.topic` tokens; None otherwise. No preposition stands in the topic ("… | tại các xã")."""
        t = self.t
        if not t.capital[i] or t.cue("leveled_head", i) != j:
            return None
        for k in range(j, min(self.n, j + self.rules.spans.topic)):
            word = t.words[k]
            if t.capital[k] or not (word.isalpha() or word == ",") or t.cue("article", k) or self.item_kind(k) \
                    or any(t.cue(c, k) for c in (*_ROLE_CUES, "resp", "preposition")):
                return None
            if word == "," and (k + 1 >= self.n or not t.words[k + 1].isalpha() or t.capital[k + 1]):
                return None
            size = next((n for n in (2, 1) if k > j and " ".join(t.words[k:k + n]) in self.engine.place_words), 0)
            if not size:
                continue
            end = k + size
            while end < self.n and t.capital[end] and t.words[end].isalpha() and not t.agency(end) \
                    and not self.is_stop(end):
                end += 1  # (the place's proper name: "… tỉnh | Lào Cai")
            if end == self.n or not t.words[end].isalpha():
                # (a subject's topic that opens with a word that usually opens a predicate is its name only before
                # its role: "Ban Chỉ đạo rà soát danh sách hộ nghèo của tỉnh." is the body and its predicate; after
                # a role cue the body is an object: "… phối hợp với Ban Chỉ đạo phòng, chống thiên tai tỉnh.")
                return None if t.cue("stop", j) and self._role_cue_before(i) is None else end
            if self.is_stop(end) or any(t.cue(c, end) for c in _TOPIC_ENDS):
                return end
        return None

    def _role_cue_before(self, i: int) -> int | None:
        """The nearest role cue before token i in its clause (back to the previous ";", "." or ":"), else None."""
        t = self.t
        for k in range(i - 1, -1, -1):
            if t.words[k] in (";", ".", ":"):
                return None
            if any(t.cue(c, k) for c in _ROLE_CUES):
                return k
        return None

    def topic_predicate(self, start: int) -> int | None:
        """The end of a topic that opens at token `start` and meets no sure mark before a comma or a full stop:
        a topic is a noun phrase whose verbs open it or follow "và" or a comma ("về phòng, chống thiên tai", "về
        phát triển bền vững và nâng cao năng lực cạnh tranh"), so a predicate word right after one of its nouns
        is the predicate ("Ban Chỉ đạo quốc gia về chuyển đổi số | triển khai …"); a comma before the next
        body of a list, the end of the clause (";", ".") or of the text ends it too ("giao Ủy ban Quốc gia về
        chuyển đổi số."). None when no such end comes within `spans.topic` tokens."""
        t = self.t
        k, after_noun = start, False
        while k < self.n and k - start <= self.rules.spans.topic:
            word = t.words[k]
            if word in ("(", ":") or any(t.cue(kind, k) for kind in _TOPIC_ENDS) or (after_noun and t.cue("stop", k)):
                return k if k > start else None
            if word in self.stop_punct:
                return k if k > start else None
            if word == ",":
                if k + 1 < self.n and self.item_kind(k + 1):  # "…, các bộ, ngành …": the list goes on
                    return k if k > start else None
                k, after_noun = k + 1, False
                continue
            stop = t.cue("stop", k)
            after_noun = not stop and word != "-" and word not in self.joins
            k = stop if stop and stop > k else k + 1
        return k if k == self.n and k > start else None

    def _names_another_body(self, opening: int | None, k: int) -> bool:
        """Does the head at k, after a comma in a group whose head opens at `opening`, name another body rather than
        one more kind of the group ("các bệnh viện, trung tâm y tế", "các cơ quan, đơn vị")? It does when it is
        written with its proper name ("Trung tâm | Y tế"), after a group written in common nouns ("Các bệnh viện, |
        Trung tâm Y tế các huyện") or after the same head ("các Viện Vệ sinh dịch tễ, | Viện Pasteur"); a group
        written with capitals throughout is one group ("các Viện nghiên cứu, Trường Đại học có liên quan")."""
        t = self.t
        end = t.cue("head", k)
        if opening is None or not (t.capital[k] and end < self.n and t.capital[end] and t.words[end].isalpha()):
            return False
        return not t.capital[opening] or t.words[opening:t.cue("head", opening) or opening] == t.words[k:end]

    def framed_qualifier(self, j: int) -> int | None:
        """The end of a qualifier naming what a group's members manage (rules/roles.yaml group_qualifier_frames:
        "quản lý | công trình xây dựng | chuyên ngành") opening at token j, or None."""
        t = self.t
        for opens, closes, max_between in _qualifier_frames():
            for opening in opens:
                k = j + len(opening)
                if tuple(t.words[j:k]) != opening:
                    continue
                for end in range(k, min(self.n, k + max_between + 1)):
                    closing = next((c for c in closes if tuple(t.words[end:end + len(c)]) == c), None)
                    if closing and end > k:  # (the object is at least one word)
                        return end + len(closing)
                    if not t.words[end].isalpha() or t.agency(end) or t.cue("article", end):
                        break
        return None

    def parse_list(self, i: int, semicolons: bool = False, asked: bool = False) -> tuple[list[Item], int]:
        """The agencies listed from token i on, with the token after the list. `semicolons`: ";" parts them too.
        `asked`: the list names the bodies a request frame asks, whose groups may be defined by a duty
        (`_defining_clause`)."""
        t = self.t
        items: list[Item] = []
        while i < self.n and t.words[i] == "với":
            i += 1
        unregistered: Item | None = None  # a body the registry does not know, read at i when looking past a comma
        while True:
            item = self.parse_item(i) or unregistered or self._unregistered_name(i)
            if item is None:
                break
            if asked:
                item = self._defining_clause(item, semicolons)
            items.append(item)
            self.covered.update(range(item.start, item.next))
            i = self._past_elliptic_names(item) or item.next
            if i < self.n and (t.words[i] in (",", "/") or t.words[i] in self.joins or (semicolons and t.words[i] == ";")):
                k = i + 1
                if t.words[i] in (",", ";") and k < self.n and t.words[k] in self.joins:
                    k += 1
                unregistered = None
                if self.item_kind(k) or (unregistered := self._unregistered_name(k)):
                    i = k
                    continue
            break
        return items, i

    def _unregistered_name(self, i: int) -> Item | None:
        """A body the registry does not know, named in a list of bodies after a cue ("Đề nghị Liên minh Hợp tác xã Việt
        Nam, Phòng Thương mại và Công nghiệp Việt Nam …", "phối hợp với Vu Kế hoạch, Sở Tài chính …" as a scan
        prints it): a capitalised word that opens a run of plain words, none of them a cue, a body or a verb in lower
        case ("Hợp tác xã" is a name's word), up to a comma or "và" followed by a body the list grammar knows, within
        `spans.elliptic_name` tokens; None otherwise (at a text's opening, where the words may be an adverbial: "Nhìn
        chung, Sở …")."""
        t = self.t
        if i == 0 or i >= self.n or not (t.capital[i] and t.words[i].isalpha()) or self.is_stop(i):
            return None
        for k in range(i + 1, min(self.n, i + self.rules.spans.elliptic_name)):
            if (t.words[k] == "," or t.words[k] in self.ands) and k > i + 1 and self.item_kind(k + 1):
                return Item(i, k, k, None, False)
            if not t.words[k].isalpha() or (self.is_stop(k) and not t.capital[k]) or t.agency(k) or \
                    self.item_kind(k) or any(t.cue(kind, k) for kind in _ROLE_CUES):
                return None
        return None

    def _coordinators_past_semicolon(self, coord: int, items: list[Item], j: int) -> tuple[list[Item], int]:
        """A list of coordinators parted by ";" goes on past it ("phối hợp với Chủ tịch Ủy ban nhân dân huyện, thành
        phố; thủ trưởng các ngành có liên quan hướng dẫn …"), unless the bodies after it open a clause of their own:
        a lead, responsibility or coordination cue follows them ("…; Sở Y tế chủ trì …")."""
        more, k = self.parse_list(coord, semicolons=True)
        if len(more) > len(items) and not any(self.t.cue(kind, k) for kind in ("lead", "resp", "coord")):
            return more, k
        self.covered.difference_update(range(j, k))
        return items, j

    def _past_elliptic_names(self, item: Item) -> int | None:
        """The token after the names an item lists by the rest of their names (`elliptic_names`: "Giám đốc các sở:
        Tài chính, Nội vụ | ; Chủ tịch …", "các Sở Tài chính, Xây dựng | và Ủy ban nhân dân các xã", "Sở Tài chính,
        Xây dựng | , Công an tỉnh"), so that the list of bodies goes on after them; None when it lists none."""
        listed = self.elliptic_names(item)
        return listed[1] if listed else None

    def _defining_clause(self, item: Item, semicolons: bool) -> Item:
        """A group asked by a request that is defined by the duty put on it ("đề nghị …; Chủ các công trình | phải
        tổ chức quan trắc khí tượng thủy văn chuyên dùng |; Chủ dự án/cơ sở | phải thực hiện kiểm kê khí nhà kính |
        và các tổ chức, cá nhân có liên quan tổ chức …"): a modal right after it (rules/roles.yaml
        `list_titles.modals`) opens a clause that is part of its name when the list goes on right after the clause
        (a ";" of a list so parted, or "," or "và" before the next body) within `spans.list_title` tokens and the
        clause names no body and no role; else the modal is what the group is asked to do ("đề nghị các cơ sở |
        phải báo cáo …")."""
        t = self.t
        if not item.group or item.note or item.next >= self.n or not t.cue("title_modal", item.next):
            return item
        agency = agencies.get(item.agency_id) if item.agency_id else None
        if agency is not None and not agency.open:
            return item
        for k in range(item.next + 1, min(self.n, item.next + self.rules.spans.list_title)):
            word = t.words[k]
            if (word in (";", ",") or word in self.ands) and self.item_kind(k + 1) and (word != ";" or semicolons):
                return Item(item.start, k, k, item.agency_id, True)
            if word in self.stop_punct or self.item_kind(k) or any(t.cue(kind, k) for kind in _ROLE_CUES):
                break  # (a body named inside is whom the group is asked to serve: "… phải báo cáo Sở Y tế và …")
        return item

    # ---------------------------------------------------------------- mentions

    def mention(self, item: Item) -> Mention:
        t = self.t
        start, end = t.starts[item.start], t.ends[item.end - 1]
        printed = agencies.expand_abbreviations(" ".join(t.text[start:end].split()))
        if item.shared:  # named with the qualifier it shares: "Hội đồng nhân dân [các tỉnh, thành phố]"
            printed = agencies.expand_abbreviations(f"{printed} {item.shared}")
        agency = agencies.get(item.agency_id) if item.agency_id and not item.group else None
        if item.placed:  # the place may change the body: "… thành phố Thủ Đức" is a district-level city
            agency = agencies.lookup(printed) or agency
        agency = agency or agencies.lookup(printed)
        if agency is None and item.agency_id:
            agency = agencies.get(item.agency_id)
        return _mention_of(printed, agency, item.note, start, end)

    def mentions(self, items: list[Item]) -> list[Mention]:
        found: list[Mention] = []
        for item in items:
            found += self.elliptic_list(item) or [self.mention(item)]
        return found

    def elliptic_list(self, item: Item) -> list[Mention] | None:
        """The bodies an item names by the rest of their names (`elliptic_names`); None when it names none so."""
        listed = self.elliptic_names(item)
        if listed is None:
            return None
        self.covered.update(range(item.start, listed[1]))
        return [replace(m) for m in listed[0]]  # (the caller may shift them)

    def elliptic_names(self, item: Item) -> tuple[list[Mention], int] | None:
        """The bodies an item names by the rest of their names, after a plural head (`_listed_names`) or after a
        registered name of the head's noun (`_elliptic_after_name`), with the token after the last; read once per
        item, for the list that goes on after them (parse_list) and for its mentions. None when it names none so."""
        if item not in self._elliptic_read:
            head = self._elliptic_head(item)
            self._elliptic_read[item] = self._listed_names(*head) if head else self._elliptic_after_name(item)
        return self._elliptic_read[item]

    def _elliptic_head(self, item: Item) -> tuple[str, int, bool] | None:
        """The noun that completes each name a plural head lists (rules/roles.yaml `elliptic_lists`), after an
        office-holder title or not, with the token where the names start and whether a colon opens them: after
        the head ("Các Bộ: Công Thương, …", "Giám đốc các sở: Tài chính, …") or after the head's group words ("các
        Bộ, ngành liên quan: Tài chính, …"), else right after the head ("Các Bộ Tài chính, Xây dựng"). None when
        the item opens with no such head."""
        t = self.t
        k = t.cue("title", item.start) or item.start
        for head, noun in self.engine.elliptic.items():
            after = k + len(head.split())
            if " ".join(t.words[k:after]) == head:
                if after <= item.end < self.n and t.words[item.end] == ":":
                    return noun, item.end + 1, True
                return noun, after, False
        return None

    def _listed_names(self, noun: str, k: int, colon: bool) -> tuple[list[Mention], int] | None:
        """The bodies a plural head lists from token k by the rest of their names (`_elliptic_head`): "Bộ Công
        Thương" … when the registry knows the name so completed; with the token after the last. Without a colon the
        list must name at least two; after a colon one is a list. None when it is shorter."""
        found, end = self._completed_names(k, noun, colon)
        return (found, end) if len(found) >= (1 if colon else 2) else None

    def _elliptic_after_name(self, item: Item) -> tuple[list[Mention], int] | None:
        """A registered name opening with a head's noun followed by the rest of other names of that noun ("Sở Tài
        chính, Xây dựng, Công Thương", "Bộ Y tế, Giáo dục và Đào tạo"): each of those, capitalised and completed with
        the noun, a registered name; with the token after the last. None when no such name follows. The name may
        follow an office-holder title ("Giám đốc Sở Tài chính, Xây dựng")."""
        t = self.t
        k = t.cue("title", item.start) or item.start
        singular = next((noun for noun in self.engine.elliptic.values() if k < self.n and noun.lower() == t.words[k]),
                        None)
        if singular is None or item.end >= self.n:
            return None
        head = self.mention(item)
        if head.canonical is None:
            return None
        found: list[Mention] = []
        end = item.end
        k = self._past_one_separator(end)
        while k is not None and t.capital[k] and t.words[k] != singular.lower():  # (the noun left out)
            named = self._completed_name(k, singular, as_printed=False)
            if named is None:
                break
            found.append(named[0])
            end = named[1]
            k = self._past_one_separator(end)
        return ([head, *found], end) if found else None

    def _completed_names(self, k: int, singular: str, colon: bool) -> tuple[list[Mention], int]:
        """The names completed from k on (_completed_name), with the token after the last name. After a colon they
        are parted by any run of separators and a name printed whole joins them ("Các Bộ: Công Thương, …, Ngân hàng
        Nhà nước Việt Nam"); without one by a single separator (`_past_one_separator`), and a name printed whole is
        the next body of the list, no rest of a name ("các Sở Tài chính, Tư pháp, | Ủy ban nhân dân các huyện")."""
        separator = self._past_separators if colon else self._past_one_separator
        found: list[Mention] = []
        end = k
        while k is not None and k < self.n:
            named = self._completed_name(k, singular, as_printed=colon)
            if named is None:
                break
            mention, end = named
            found.append(mention)
            k = separator(end)
        return found, end

    def _past_separators(self, k: int) -> int:
        while k < self.n and (self.t.words[k] in (",", ";") or self.t.words[k] in self.ands):
            k += 1
        return k

    def _past_one_separator(self, k: int) -> int | None:
        """After ',' or 'và' (or ', và') when a name follows, else None: a list without its colon ends at the
        first word that is no separator."""
        words = self.t.words
        if k + 1 < self.n and (words[k] == "," or words[k] in self.ands) and words[k + 1] not in self.ands:
            return k + 1
        if k + 2 < self.n and words[k] == "," and words[k + 1] in self.ands:
            return k + 2
        return None

    def _completed_name(self, k: int, singular: str, as_printed: bool) -> tuple[Mention, int] | None:
        """The longest run of tokens from k that, completed with the head's noun (or `as_printed`), is exactly a
        registered name; with the token after it."""
        t = self.t
        for stop in range(min(self.n, k + self.rules.spans.elliptic_name), k, -1):
            if not t.words[stop - 1][:1].isalnum():
                continue  # a name ends with a word, not with the comma after it
            start, end = t.starts[k], t.ends[stop - 1]
            printed = " ".join(t.text[start:end].split())
            for name in (f"{singular} {printed}", printed) if as_printed else (f"{singular} {printed}",):
                agency = agencies.exact(name)
                if agency is not None:
                    return Mention(text=agencies.expand_abbreviations(name), canonical=agency.id, name=agency.name,
                                   level=agency.level, locality=agency.locality, start=start, end=end), stop
        return None

    # ---------------------------------------------------------------- clause reading

    def subject(self) -> tuple[list[Item], int]:
        """Leads named at the opening of the text (own subject, assignment frame or both)."""
        t = self.t
        if self.n == 0:
            return [], 0
        opener = t.cue("heading_opener", 0)
        if opener:  # "Đối với Ủy ban nhân dân các huyện:" heads what it asks of them
            items, j = self.parse_list(opener, semicolons=True)
            if items and (j >= self.n or t.words[j] == ":"):
                self.covered.update(range(0, opener))
                return items, j
        start = t.cue("address", 0) or 0  # "Các ông, bà: Chánh Văn phòng …, Cục trưởng …"
        frame = t.cue("assign", start)
        if frame:
            self.covered.update(range(0, frame))
            return self.parse_list(frame, semicolons=True, asked=True)
        if start:
            self.covered.update(range(0, start))
        elif t.cue("adverbial", 0) and not self.item_kind(0):
            closer = self._adverbial_closer()
            if closer is not None:  # "Đối với các địa phương chưa ban hành …, các sở, ngành … thì cần sớm ban hành …"
                if not self.item_kind(closer):
                    return [], 0  # (no subject of its own after "thì": the heading's holder)
                start = closer
            agency_ends = {end for end, label, _ in t.ents.values() if label == "AGENCY"}
            # a list closed by "và" before the comma ends there: "Trên cơ sở đề nghị của Sở A và Sở B, Sở C …"
            closed = {end for begin, (end, label, _) in t.ents.items()
                      if label == "AGENCY" and begin > 0 and t.words[begin - 1] in self.joins}
            issuers = self._document_issuers()
            for k in range(1, min(self.n, self.rules.spans.adverbial) if closer is None else 0):
                if t.words[k] in (".", ":"):  # (a semicolon may part the bases it lists: "Trên cơ sở A; B, …")
                    break
                ended = t.cue("condition_end", k)
                if ended and ended < self.n and t.cue("clause_frame", ended):
                    # "Trong quá trình thực hiện nếu có khó khăn, vướng mắc | đề nghị các cơ quan …" (no comma)
                    self.covered.update(range(0, t.cue("clause_frame", ended)))
                    return self.parse_list(t.cue("clause_frame", ended), semicolons=True, asked=True)
                if ended and self.item_kind(ended):  # "… nếu có khó khăn, vướng mắc | các cơ quan, đơn vị báo cáo …"
                    start = ended
                    break
                if t.words[k] == "," and k + 1 < self.n and t.cue("clause_frame", k + 1):
                    # "Để …, đề nghị Bộ Xây dựng …", "Vì vậy, đề nghị …", "Trong quá trình thực hiện, nếu có vướng
                    # mắc, đề nghị các cơ quan, đơn vị phản ánh …": with no subject before it, the bodies asked
                    self.covered.update(range(0, t.cue("clause_frame", k + 1)))
                    return self.parse_list(t.cue("clause_frame", k + 1), semicolons=True, asked=True)
                if t.words[k] == "," and k + 1 < self.n and any(
                        t.cue(kind, k + 1) for kind in ("assign", "direct", "lead", "coord", "advise", "resp")):
                    break  # the clause goes on with its predicate ("Trong thời gian …, chỉ đạo các cơ quan …")
                if t.words[k] == "," and self.item_kind(k + 1) \
                        and (k not in agency_ends or k in closed or k in issuers or self._asks_after(k + 1)) \
                        and not (t.cue("head", k - 1) == k and not t.capital[k + 1]) \
                        and self._predicate_follows(k + 1):
                    # (not the next body of an object list: "…, báo cáo Ủy ban nhân dân tỉnh, Bộ …", "… của bộ,
                    # ngành khác vi phạm …, Bộ Y tế chủ trì"; but a body that asks is the subject: "Để … báo cáo Ủy
                    # ban nhân dân tỉnh, Sở Tài chính đề nghị …", and so is one after a list "và" closed or after a
                    # document's issuer: "Trên cơ sở …, Chương trình hành động của Chính phủ, các bộ … xây dựng …";
                    # nor bodies the clause ends with, which have no predicate)
                    start = k + 1
                    break
            if start == 0:
                return [], 0
        items, j = self.parse_list(start, semicolons=True)
        if items and items[-1].group and not items[-1].note and items[-1].next == j:
            items[-1], j = self._extend_subject(items[-1], j)
        if items:
            after = t.cue("assign_after", j)
            if after:
                addressed, k = self.parse_list(after, semicolons=True, asked=True)
                if addressed:
                    self.covered.update(range(j, after))
                    return addressed, k
            after = t.cue("assign", j)
            if after:
                # "Ủy ban nhân dân tỉnh giao Sở Tài chính chủ trì, …": the body given the lead leads; the subject only
                # assigns the work (without "chủ trì" after it, "… giao cơ quan chuyên môn …" is directed)
                addressed, k = self.parse_list(after, semicolons=False)
                if addressed and k < self.n and t.cue("lead", k):
                    self.covered.update(range(j, after))
                    return addressed, k
        return items, j

    def _predicate_follows(self, k: int) -> bool:
        """Does something follow the bodies named at k before their sentence or clause ends? A subject has a
        predicate; bodies the clause ends with are the last object of the adverb's verb ("Định kỳ đánh giá mức độ
        hoàn thành … của cơ quan nhà nước, người đứng đầu và cán bộ … trong cơ quan nhà nước; …")."""
        _, j = self.parse_list(k, semicolons=True)  # (a list may part its bodies with ";": "các bộ, ngành; các cấp …")
        return j < self.n and self.t.words[j] not in (";", ".")

    def _document_issuers(self) -> set[int]:
        """The ends of the bodies named as a document's issuer ("Chương trình hành động của | Chính phủ |",
        "Nghị quyết số 57-NQ/TW của | Bộ Chính trị |"; rules/roles.yaml `document_owners`, `citation.doc_types`):
        a capitalised document type earlier in the same comma-free stretch, an owner word right before the body."""
        t = self.t
        issuers = set()
        for begin, (end, label, _) in t.ents.items():
            if label != "AGENCY" or begin < 2 or t.cue("document_owner", begin - 1) != begin:
                continue
            for p in range(begin - 2, -1, -1):
                if t.words[p] in (",", ";", ".", ":"):
                    break
                if t.capital[p] and t.cue("doc_type", p):
                    issuers.add(end)
                    break
        return issuers

    def _asks_after(self, k: int) -> bool:
        """Is the body named at k followed at once by a frame that hands the work on ("Sở Tài chính | đề nghị …";
        rules/roles.yaml `assign_after_subject`)?"""
        item = self.parse_item(k)
        return item is not None and item.next < self.n and self.t.cue("assign_after", item.next) is not None

    def _adverbial_closer(self) -> int | None:
        """The token after the word that closes an opening adverbial clause in its sentence ("Đối với … | thì …";
        rules/roles.yaml `adverbial_closers`), or None."""
        t = self.t
        for k in range(1, self.n):
            if t.words[k] in (";", ".", ":"):
                return None
            end = t.cue("adverbial_closer", k)
            if end:
                return end
        return None

    def transferred_to(self) -> list[Item]:
        """The bodies a power is handed over to ("Thẩm quyền của A … chuyển giao cho B thực hiện", "… do B thực
        hiện"; rules/roles.yaml `power_transfers`), when "thực hiện" or the end of the clause follows them."""
        t = self.t
        for k in range(self.n):
            if t.words[k] in (".", ";"):
                break
            end = t.cue("transfer", k)
            if not end:
                continue
            items, j = self.parse_list(end, semicolons=False)
            if items and items[-1].group and items[-1].next == j:
                items[-1], j = self._stretch_to_execution(items[-1], j)
            if items and (j >= self.n or t.words[j] in (".", ",", ":", ";") or self._execution(j)):
                self.covered.update(range(k, j))
                return items
            self.covered.difference_update(range(end, j))
        return []

    def _execution(self, j: int) -> bool:
        """Does the verb that closes a transfer ("… chuyển giao cho B | thực hiện"; rules/roles.yaml
        `transfer_closings`) open at j?"""
        return self.t.cue("transfer_closing", j) is not None

    def _stretch_to_execution(self, item: Item, j: int) -> tuple[Item, int]:
        """A group a power is handed over to is named up to the "thực hiện" that closes the transfer, past words
        that would otherwise end it ("… chuyển giao cho cơ quan có chức năng quản lý xây dựng cấp xã thực
        hiện"); unchanged when punctuation, another body or a role cue comes first."""
        t = self.t
        for k in range(j, min(self.n, item.start + self.rules.max_qualifier + 2)):
            if self._execution(k):
                return Item(item.start, k, k, item.agency_id, True), k
            if not t.words[k].isalpha() or t.agency(k) or \
                    any(t.cue(kind, k) for kind in ("assign", "direct", "advise", "coord", "lead", "resp")):
                break
        return item, j

    def _extend_subject(self, item: Item, j: int) -> tuple[Item, int]:
        """An open-group subject runs to the cue that ends the subject in its clause ("Cơ quan lập quy
        hoạch vùng căn cứ …"), past verbs that would otherwise end it."""
        t = self.t
        if j < self.n and t.cue("subject_end", j):
            return self._list_title(item, j) or (item, j)
        if j < self.n and t.cue("aspect", j):
            return self._relative_clause(item, j)
        described = self._agent_clause(item, j)
        if described is not None:
            return described
        if j < self.n and t.cue("stop", j) and self._head_qualified(item):
            # "Các bộ quản lý lĩnh vực | đề xuất danh mục … căn cứ …": a group whose qualifier already says which
            # members are meant is named; the verb after it opens the predicate
            return item, j
        spans = self.rules.spans
        for k in range(item.end, min(self.n, item.end + spans.subject_stretch)):
            if t.words[k] == "(" and t.cue("definition", k + 1):
                close = next((c for c in range(k + 1, min(self.n, k + spans.definition)) if t.words[c] == ")"), None)
                if close is not None:
                    note = " ".join(t.text[t.starts[k]:t.ends[close]].split())
                    self.covered.update(range(item.start, close + 1))
                    return Item(item.start, k, close + 1, item.agency_id, True, note), close + 1
            if t.cue("subject_break", k) and k > item.end and self._subject_end_after(k):
                # "Tổ chức, cá nhân vận hành dự án hóa chất | sau khi hoàn thành công trình … có trách nhiệm …":
                # the break opens an adverbial between the subject and its predicate
                self.covered.update(range(item.start, k))
                return Item(item.start, k, k, item.agency_id, True), k
            if t.words[k] in (";", ".", ":", "(") or t.agency(k) or t.cue("subject_break", k) or \
                    (t.words[k] == "," and self.item_kind(k + 1)) or \
                    any(t.cue(kind, k) for kind in ("assign", "assign_after", "direct", "advise", "coord")):
                break
            if t.cue("subject_end", k):  # ("các cơ quan, đơn vị và doanh nghiệp, | căn cứ chức năng …")
                return self._named_up_to(item, item.end, k)
        return item, j

    def _named_up_to(self, item: Item, j: int, m: int) -> tuple[Item, int]:
        """The group read on to the predicate at m: its name is everything before m but the commas and dashes there
        (not back past j, where it would have ended)."""
        end = m
        while end > j and self.t.words[end - 1] in (",", "-"):
            end -= 1
        self.covered.update(range(item.start, m))
        return Item(item.start, end, m, item.agency_id, True), m

    def _agent_clause(self, item: Item, j: int) -> tuple[Item, int] | None:
        """A group described by a relative clause that names its agent ("Cơ quan có thẩm quyền | do Bộ Công Thương quy
        định cấp giấy chứng nhận …, giấy phép sử dụng vật liệu nổ công nghiệp | tổ chức kiểm tra …"; rules/roles.yaml
        `agent_clauses`) runs through the clause, past its verbs and nouns that usually open a predicate, to the
        predicate that follows it (`agent_clause_predicates`, `predicate_openers`, `subject_end_cues`) within
        `spans.relative_clause` tokens of the agent word, in the same clause; None without an agent word in the
        group's qualifier or a predicate after it."""
        t = self.t
        marker = next((k for k in range(item.start + 1, min(j + 1, self.n)) if t.cue("agent_clause", k)), None)
        if marker is None:
            return None
        for m in range(j, min(self.n, marker + self.rules.spans.relative_clause)):
            if t.words[m] in (";", ".", ":"):
                return None
            if t.cue("agent_predicate", m) or t.cue("predicate_opener", m) or t.cue("subject_end", m):
                return self._named_up_to(item, j, m)
        return None

    def _head_qualified(self, item: Item) -> bool:
        """Is the group named by its head and one group qualifier alone ("Các bộ | quản lý lĩnh vực", "Các sở |,
        ngành"; rules/roles.yaml `group_qualifiers`)?"""
        t = self.t
        k = t.cue("article", item.start) or item.start
        head = t.cue("head", k) or t.cue("plural_head", k)
        return head is not None and t.cue("group_qualifier", head) == item.end

    def _relative_clause(self, item: Item, j: int) -> tuple[Item, int]:
        """A group qualified by a relative clause that opens with an aspect word ("Các sở, ngành | đã được giao nhiệm
        vụ tại Kế hoạch số 10/KH-UBND | khẩn trương hoàn thành …") runs through the clause to the word that opens the
        predicate (rules/roles.yaml `predicate_openers`, `subject_end_cues`, within `spans.relative_clause` tokens),
        past the clause's own verbs ("đã được giao chủ trì …"); without one in the clause the group ends before the
        aspect word (a name never ends with "đã")."""
        t = self.t
        k = t.cue("aspect", j)
        while k < self.n and (t.cue("stop", k) or t.cue("lead", k) or t.cue("resp", k)):
            k = max(t.cue(kind, k) or 0 for kind in ("stop", "lead", "resp"))  # the clause's verbs
        for m in range(k + 1, min(self.n, j + self.rules.spans.relative_clause)):
            if t.words[m] in (";", ".", ":", "(") or t.cue("subject_break", m):
                break
            if t.cue("predicate_opener", m) or t.cue("subject_end", m):
                return self._named_up_to(item, j, m)
        return item, j

    def _list_title(self, item: Item, j: int) -> tuple[Item, int] | None:
        """A subject that names a list by its title takes the title whole, past the modal in it ("Tổ chức, cá nhân
        … thuộc danh mục hóa chất | phải xây dựng kế hoạch phòng ngừa, ứng phó sự cố hóa chất | được ban hành tại …
        có trách nhiệm …"), up to the passive marker that follows the title in the same clause (rules/roles.yaml
        `list_titles`, `passive_markers`); None when no list is named, or no such marker follows (the modal is then
        the predicate: "Cơ sở thuộc danh mục … phải lập báo cáo.")."""
        t = self.t
        if not t.cue("title_modal", j) or not any(t.cue("list_noun", k) for k in range(item.start, j)):
            return None
        for k in range(j, min(self.n, j + self.rules.spans.list_title)):
            if t.words[k] in self.stop_punct:
                return None
            if t.cue("passive", k):
                self.covered.update(range(item.start, k))
                return Item(item.start, k, k, item.agency_id, True), k
        return None

    def _subject_end_after(self, k: int) -> int | None:
        """Where the cue that ends a subject (rules/roles.yaml `subject_end_cues`) follows k in its clause, or None."""
        t = self.t
        for m in range(k, min(self.n, k + self.rules.spans.subject_end_after_break)):
            if t.words[m] in (";", ".", ":"):
                return None
            if t.cue("subject_end", m):
                return m
        return None

    # ---------------------------------------------------------------- later clauses

    def later_roles(self, marks: tuple[str, ...] = ()) -> Roles:
        """Leads that a later sentence or clause of the text assigns work to, after the one its opening names
        ("Bộ A xây dựng kế hoạch. Các địa phương có trách nhiệm …", "…, trừ …, Ủy ban nhân dân cấp tỉnh quyết
        định …", "… . Yêu cầu các doanh nghiệp … chủ động …"), and the coordinators of a later clause whose own
        subject coordinates ("…; Sở Tài chính phối hợp.": `_coordinates`). A clause counts only when it opens
        with its own subject followed at once by an assignment predicate (`_assigns`) or a coordination verb, or
        with a request frame (rules/roles.yaml `clause_frames`) whose bodies are followed by one. Call after
        `roles()`: bodies it read (the opening subject, coordinators, advised and directed bodies) never open a
        clause. A clause after a comma counts only when the words before that comma (back to the previous mark)
        name no body: a comma inside a list of bodies ("báo cáo Ủy ban nhân dân tỉnh, Bộ …") opens nothing;
        a coordinating clause also after a clause that opens with its own subject and verb (`_closes_clause`).
        Nothing inside quotation marks or a parenthesis; a request frame only at the opening of a sentence.
        With `marks`, only the clauses that open after one of them."""
        t = self.t
        words = t.words
        found: list[Item] = []
        partners: list[Item] = []
        # only where a clause may open is the text read: the quotation marks and parentheses before it are
        # counted over the words passed since the last such place
        counted = quotes = depth = 0
        for k in sorted(self._clause_openings()):
            first = k  # a clause opens after its mark, or after the bullets before it
            while first > 1 and words[first - 1] in _BULLETS:
                first -= 1
            for s in range(first, k + 1):
                passed = words[counted:s]
                quotes += passed.count('"')
                depth += passed.count("(") - passed.count(")")
                counted = s
                if quotes % 2 or depth > 0 or s in self.covered:
                    continue
                word = words[s - 1]
                if marks and word not in marks:
                    continue
                # a new line opens a sentence after a colon or with a bullet, not where a wrapped line goes on
                broken = "\n" in t.text[t.ends[s - 1]:t.starts[s]] and (word == ":" or words[s] in _BULLETS)
                sentence = word in (".", ";", "!", "?") or broken or self._closes_condition(s - 1)
                request = word == "," and t.cue("clause_frame", k) is not None and self._request_after_comma(s - 1)
                if not sentence and not request and word != ",":
                    continue
                # after a clause with its own subject and verb, a comma opens only a coordinating clause
                closed = not sentence and not request and not self._clause_comma(s - 1)
                if closed and not self._closes_clause(s - 1):
                    continue
                items, coordinating = self._clause_subject(k, frames=sentence or request)
                if not items or (closed and not coordinating):
                    continue
                (partners if coordinating else found).extend(items)
                self.covered.update(range(k, items[-1].next))
        return Roles(leads=self.mentions(found), coordinators=self.mentions(partners))

    def other_subject_end(self) -> int | None:
        """Where the first sentence ends (a character offset) when the text opens with a plural subject that is no
        body ("Các hộ gia đình … tự tổ chức xây dựng nhà ở."): an article (rules/roles.yaml `articles`) before no
        head; or with a thing stated, not an actor ("Mức chi trả … là số tiền …", "Kinh phí … được bố trí …":
        `statement_words` in its first sentence). A later sentence may then name the body charged with the work ("Trường hợp … thì Ủy ban nhân dân
        xã có trách nhiệm …"). None for any other opening, or a text of one sentence."""
        t = self.t
        if self.n < 2 or self.item_kind(0) or not t.words[1].isalpha():
            return None
        statement = t.cue("article", 0) is None  # else a thing's statement: what it is, or how it is provided
        depth = 0
        for k, word in enumerate(t.words):
            depth = max(0, depth + (word == "(") - (word == ")"))
            if not depth and word in (".", ";", "!", "?"):
                return None if statement else t.ends[k]
            if statement and k and self.item_kind(k) not in (None, "head"):
                return None  # a body before the statement word: the sentence's subject, maybe after a lead-in
            if statement and not depth and k and word.lower() in self.rules.statement_words:
                statement = False
        return None

    def _closes_condition(self, k: int) -> bool:
        """Does the word at k close the adverbial clause its sentence opens with ("Trường hợp hộ gia đình không có
        khả năng tự xây dựng nhà ở | thì Ủy ban nhân dân xã có trách nhiệm …"; rules/roles.yaml `adverbial_openers`,
        `adverbial_closers`)? The clause after it then opens as a sentence does."""
        t = self.t
        return t.cue("adverbial_closer", k) == k + 1 and t.cue("adverbial", self._sentence_start(k)) is not None

    def _clause_openings(self) -> set[int]:
        """Where a later clause may open (`_clause_subject`): at a body, a title, an article or a head (what
        `item_kind` accepts), or at a request frame; not at the opening, nor at a word already read that no
        bullet precedes. Every other place is passed over without reading the marks before it."""
        t = self.t
        starts = {k for k, (_, label, _) in t.ents.items() if label == "AGENCY"}
        for kind in ("title", "article", "head", "clause_frame"):
            starts.update(t.cues[kind])
        return {k for k in starts if k > 0 and t.words[k] not in _BULLETS
                and (k not in self.covered or t.words[k - 1] in _BULLETS)}

    def _closes_clause(self, comma: int) -> bool:
        """Does this comma close a clause that opens with its own subject and verb and names no other body
        ("Sở Xây dựng chủ trì thẩm định, | Sở Tài chính … phối hợp")? The words since the previous mark open
        with a body followed at once by an assignment predicate (`_assigns`), or with a frame handing the work to
        that body ("Giao Sở Xây dựng chủ trì, | các sở, ngành liên quan phối hợp thực hiện": rules/roles.yaml
        `clause_frames`)."""
        start = self._since_mark(comma)
        while start < comma and self.t.words[start] in _BULLETS:
            start += 1
        start = self.t.cue("clause_frame", start) or start
        item = self.parse_item(start) if start < comma else None
        if item is None or item.next >= comma or not self._assigns(item.next):
            return False
        return not any(self.item_kind(k) for k in range(item.next, comma))

    def _clause_comma(self, comma: int) -> bool:
        """May a clause with its own subject open after this comma? Not when the words since the previous mark
        name a body (the comma then goes on with a list, or closes an adverbial about that body)."""
        return comma > 0 and not any(self.item_kind(k) or k in self.covered
                                     for k in range(self._since_mark(comma), comma))

    def _since_mark(self, comma: int) -> int:
        """The first token after the punctuation mark before this comma (the start of the text if none)."""
        k = comma
        while k > 0 and self.t.words[k - 1] not in _CLAUSE_MARKS:
            k -= 1
        return k

    def _sentence_start(self, k: int) -> int:
        """The first token of the sentence holding k, past its bullets; a stop inside a parenthesis ends no sentence
        ("(già cả, neo đơn, khuyết tật...)")."""
        t = self.t
        start = depth = 0
        for m in range(1, k + 1):  # (read forwards: a lone ")" closing a label such as "điểm a)" opens nothing)
            word = t.words[m - 1]
            depth = max(0, depth + (word == "(") - (word == ")"))
            if (not depth and word in (".", ";", "!", "?")) or \
                    ("\n" in t.text[t.ends[m - 1]:t.starts[m]] and t.words[m] in _BULLETS):
                start = m
        while start < k and t.words[start] in _BULLETS:
            start += 1
        return start

    def _request_after_comma(self, comma: int) -> bool:
        """Does a request frame after this comma hand work to the bodies it asks, as at the opening of a sentence?
        Yes when it is the first assignment of its sentence and the sentence opens with a clause of purpose or
        consequence ("Để …, đề nghị …", "Vì vậy, đề nghị …": rules/roles.yaml `request_openers`) or with a body
        that reports ("Ủy ban nhân dân tỉnh đã ban hành …, đề nghị Bộ Xây dựng …": `aspect_words`); not after
        a subject that takes work of its own ("Sở X tổng hợp khó khăn, vướng mắc, đề nghị …": what it asks)."""
        t = self.t
        start = self._sentence_start(comma)
        if any(t.cue("assign", m) or t.cue("assign_after", m) for m in range(start, comma)):
            return False
        if t.cue("request_opener", start):
            return not any(m in self.covered for m in range(start, comma))
        item = self.parse_item(start)
        return item is not None and item.next < self.n and t.cue("aspect", item.next) is not None

    def reports(self, j: int) -> bool:
        """Is the subject that ends before j reporting what was done ("Ủy ban nhân dân tỉnh đã ban hành …":
        rules/roles.yaml `report_aspects`) rather than taking work?"""
        return j < self.n and self.t.cue("report_aspect", j) is not None

    def _clause_subject(self, k: int, frames: bool) -> tuple[list[Item], bool]:
        """The bodies a clause opening at k assigns work to, or [], and whether they only coordinate: a
        coordination verb that names no partner follows them (`_coordinates`: "…; Sở Tài chính phối hợp."). A
        request frame counts at the opening of a sentence only (after a comma it is what the subject before
        asks: "…, vướng mắc, đề nghị Ủy ban nhân dân tỉnh chỉ đạo"). The predicate may follow the bodies after a
        comma ("Ủy ban nhân dân xã, hướng dẫn …")."""
        t = self.t
        frame = t.cue("clause_frame", k) if frames else None
        start = frame or k
        if not self.item_kind(start):
            return [], False
        items, j = self.parse_list(start, asked=bool(frame))
        if not items:
            return [], False
        if j + 1 < self.n and t.words[j] == "," and self._assigns(j + 1):
            # a comma often parts the subject from its verb ("Trưởng thôn ấp, Tổ trưởng các tổ dân phố, | hướng
            # dẫn các hộ …"): the list has ended, so a verb after it is the bodies' predicate
            j += 1
        if frame:
            j = t.cue("scope_tail", j) or j
            # (those asked to "phối hợp" lead what they are asked to do; a registered body's name ends by itself,
            # so any verb after it is what it is asked to do: "Đề nghị Bộ Công Thương | cử đại diện tham gia …")
            closed = items[-1].agency_id is not None and not items[-1].group
            return (items if j < self.n and (self._assigns(j) or t.cue("coord", j) or t.cue("stop", j) or (
                closed and t.words[j].isalpha() and not t.cue("non_predicate", j))) else []), False
        last = items[-1]
        if last.group and last.agency_id is None and not last.note and last.next == j:
            # a generic group runs to the cue that ends its subject ("tổ chức, cá nhân sử dụng hóa chất | phải
            # …"): read so, or not at all (never cut before a verb inside its name)
            longer, after = self._extend_subject(last, j)
            if after != j:
                return (items[:-1] + [longer] if self._assigns(after) else []), False
        if self._assigns(j):
            return items, False
        return (items, True) if self._coordinates(j) else ([], False)

    def _coordinates(self, j: int) -> bool:
        """Does a coordination verb (rules/roles.yaml `coordinator_cues`) open at j, right after a subject, alone
        or after a responsibility cue ("… phối hợp.", "… có trách nhiệm phối hợp thực hiện"), naming no partner
        after it? Its subject then coordinates the task; one that works with a body named after the verb ("Sở
        Tài chính phối hợp với Ủy ban nhân dân các huyện rà soát …") is read as the roles pass reads it."""
        t = self.t
        if j >= self.n:
            return False
        cue = t.cue("resp", j)
        coord = t.cue("coord", cue if cue and cue < self.n else j)
        # (the longest cue takes the word before a partner: "phối hợp với | Sở …")
        return bool(coord) and (coord >= self.n or self.parse_item(coord) is None)

    def _assigns(self, j: int) -> bool:
        """Does an assignment predicate open at j, right after a subject: a responsibility or lead cue, or a
        verb of doing (a `stops` word), not the verbs that make the subject a coordinator or adviser (also after
        a responsibility cue: "có trách nhiệm phối hợp"), nor the words after which the body is no actor
        (rules/roles.yaml `clause_non_predicates`: "theo", "được" …)?"""
        t = self.t
        if j >= self.n:
            return False
        cue = max(t.cue("resp", j) or 0, t.cue("lead", j) or 0)
        stop = t.cue("stop", j) or 0
        if (t.cue("non_predicate", j) or 0) >= max(cue, stop, 1):
            return False  # ("chịu trách nhiệm trước pháp luật": accountable, not assigned)
        if cue and cue < self.n and t.cue("coord", cue):
            return False  # ("…, các bộ, ngành khác có trách nhiệm phối hợp": they coordinate, they lead nothing)
        if cue:
            return True
        return bool(stop) and not t.cue("coord", j) and not t.cue("advise", j)

    def actors(self) -> list[Mention]:
        """The bodies the text opens with as its own subject (after an adverbial opening, if any) when an
        assignment predicate follows them at once (`_assigns`: "Ủy ban nhân dân cấp tỉnh ký hợp đồng …", "Trước
        ngày 15 tháng 11 hằng năm, Ủy ban nhân dân cấp xã gửi báo cáo …"), else []. Not after a request frame
        ("Đề nghị cơ quan … kiểm tra": what someone else asks of the body), nor a body that is no actor there
        ("Bộ A được …", "… theo …"), nor the parties a statute regulates (rules/roles.yaml `regulated_heads`).
        A body given work in the passive acts too ("… được Nhà nước giao …": `_given_work`): a statute clause so
        worded allocates that work, where a later sentence of a task only recalls it ("… . Bộ X được giao quản lý
        nhà nước về lĩnh vực này": no lead, `later_roles`)."""
        t = self.t
        if self.n == 0 or t.cue("assign", t.cue("address", 0) or 0):
            return []
        items, j = self.subject()
        if items and j < self.n and t.cue("subject_break", j):
            # "Ủy ban nhân dân cấp xã | sau khi nhận được hồ sơ … | có trách nhiệm …": an adverbial clause stands
            # between the subject and its predicate (rules/roles.yaml `subject_breaks`, `subject_end_cues`)
            j = self._subject_end_after(j) or j
        if not items or not (self._assigns(j) or self._given_work(j)):
            return []
        # (the parties the statute regulates take steps of their own: "Tổ chức, cá nhân … nộp hồ sơ …")
        return self.mentions([item for item in items if not t.cue("regulated", t.cue("article", item.start) or item.start)])

    def _given_work(self, j: int) -> bool:
        """Is the body before j given work in the passive: a passive marker, then within a few words of the same
        clause an assignment frame ("… được Nhà nước giao trách nhiệm quản lý rừng …", "… được giao chủ trì …";
        rules/roles.yaml `passive_markers`, `spans.passive`)?"""
        t = self.t
        start = t.cue("passive", j) if j < self.n else None
        if start is None:
            return False
        for k in range(start, min(self.n, start + self.rules.spans.passive)):
            if t.words[k] in self.stop_punct or t.words[k] == ",":
                return False
            if t.cue("assign", k):
                return True
        return False

    def roles(self) -> Roles:
        t = self.t
        roles = Roles()
        leads, self.subject_end = self.subject()
        if not leads and t.cue("power", 0):
            leads = self.transferred_to()
        roles.leads = self.mentions(leads)
        roles.own_subject = bool(leads)
        i = 0
        while i < self.n:
            if i in self.covered:
                i += 1
                continue
            coord = t.cue("coord", i)
            if coord:
                items, j = self.parse_list(coord)
                if items and j < self.n and t.words[j] == ";":
                    items, j = self._coordinators_past_semicolon(coord, items, j)
                if items:
                    named, j = self._examples(j)
                    roles.coordinators += self.mentions(items + named)
                    i = j
                    continue
                i = coord
                continue
            advise = t.cue("advise", i)
            if advise:
                k = advise
                while k < self.n and t.cue("advise_fill", k) and not self.item_kind(k):
                    k = t.cue("advise_fill", k)
                items, j = self.parse_list(k)
                if items:
                    roles.advises += self.mentions(items)
                    i = j
                    continue
                i = advise
                continue
            direct = t.cue("direct", i)
            if direct:
                k = direct
                while k < self.n and (t.cue("direct_chain", k) or t.cue("direct", k)) and not self.item_kind(k):
                    k = t.cue("direct_chain", k) or t.cue("direct", k)
                items, j = self.parse_list(k)
                if items:
                    named, j = self._examples(j)
                    roles.directs += self.mentions(items + named)
                    partner = t.cue("coord", j) if j < self.n else None
                    if partner and not any(t.cue("assign", m) for m in range(i, k)):
                        # "chỉ đạo Phòng X phối hợp với Y …": Y works with the body directed, not with the lead;
                        # a body the work is handed to ("giao": an assign frame) does the lead's task with Y
                        j = self.parse_list(partner)[1]
                    i = j
                    continue
                i = direct
                continue
            i += 1
        return roles


    def _examples(self, j: int) -> tuple[list[Item], int]:
        """The bodies a group that ends at j means, when an example introducer follows it ("các cơ quan liên quan
        như: Công an, Quản lý thị trường …", "vận động các tổ chức, đoàn thể như Mặt trận Tổ quốc, Hội Phụ nữ …";
        rules/roles.yaml `example_introducers`): they take the group's role. Returns them and where they end."""
        t = self.t
        examples = t.cue("examples", j) if j < self.n else None
        if not examples:
            return [], j
        named, k = self.parse_list(examples + (examples < self.n and t.words[examples] == ":"))
        return (named, k) if named else ([], j)


def read_roles(text: str, later: bool = False) -> Roles:
    """Leads, coordinators, advises and directs named in one text (a task or a heading). With `later`, a text
    whose opening names its lead also gets the leads its later sentences or clauses assign work to
    and the coordinators of its later clauses whose subject coordinates (Reader.later_roles); so does a text whose
    opening subject is no body ("Các hộ gia đình … tự tổ chức xây dựng nhà ở. Trường hợp … thì Ủy ban nhân dân xã
    có trách nhiệm …": Reader.other_subject_end), from its later sentences, whose leads are then its own."""
    reader = Reader(read(text))
    roles = reader.roles()
    other = None if roles.own_subject else reader.other_subject_end()
    if later and (roles.own_subject or other is not None):
        later_roles = reader.later_roles()
        if later_roles.leads and reader.reports(reader.subject_end):
            # "Ủy ban nhân dân tỉnh đã ban hành …. Vì vậy, đề nghị Bộ Xây dựng …": the report is no task
            roles.leads = []
        # (after a subject that is no body, only a later sentence: a comma inside that subject opens nothing)
        roles.leads += [m for m in later_roles.leads if other is None or m.start >= other]
        roles.coordinators += [m for m in later_roles.coordinators if other is None or m.start >= other]
        roles.own_subject = bool(roles.leads)
    _split_marked(roles, text)  # "Sở Tài chính (chủ trì), Sở Xây dựng, Công an tỉnh (phối hợp) thực hiện …"
    return roles


def opens_with_actor(text: str) -> bool:
    """Does the text's first paragraph open with a body acting as its subject (Reader.actors), or, after a first
    sentence whose subject is no body (Reader.other_subject_end: "Mức chi trả … là số tiền …"), does its next
    sentence ("Bộ trưởng Bộ Nông nghiệp và Môi trường quy định phương pháp …")?"""
    first = text.split("\n", 1)[0]
    reader = Reader(read(first))
    if reader.actors():
        return True
    end = reader.other_subject_end()
    return end is not None and bool(Reader(read(first[end:].lstrip(" .;"))).actors())


def read_heading_roles(title: str) -> Roles:
    """The roles a heading names. A heading about duties may name their holder at its end rather than at its
    opening ("Trách nhiệm quản lý nhà nước về an toàn thực phẩm của Bộ Y tế", "NHIỆM VỤ CHỦ YẾU CỦA BỘ …":
    rules/roles.yaml `duty_headings`, `heading_owners`): the agencies after an owner word, when nothing but
    punctuation follows them, lead; so do those after an agent word followed by nothing but a lead word ("Nhiệm
    vụ do Sở Tài chính chủ trì": `heading_agents`)."""
    reader = Reader(read(title))
    roles = reader.roles()
    t = reader.t
    if roles.leads:
        return _holder_heading(reader, roles)
    opening = t.cue("article", 0) or 0  # ("Các nhiệm vụ do …")
    if not t.cue("duty_heading", opening):
        return roles
    rules = role_rules()
    owners = {matching_text(w).lower() for w in rules.heading_owners}
    agents = {matching_text(w).lower() for w in rules.heading_agents}
    closings = {" ".join(matching_text(w).lower().split()) for w in rules.lead_cues + rules.column_cues.get("lead", [])}
    end = reader.n
    while end > 0 and t.words[end - 1] in (":", ".", ";"):
        end -= 1
    for k in range(t.cue("duty_heading", opening), end):
        if t.words[k] in owners or t.words[k] in agents:
            items, j = reader.parse_list(k + 1, semicolons=True)
            # (after an agent word the heading closes with the lead word: "Nhiệm vụ do Sở Tài chính | chủ trì")
            if items and (j == end if t.words[k] in owners else " ".join(t.words[j:end]) in closings):
                roles.leads, roles.own_subject = reader.mentions(items), True
                break
    return roles


_PREDICATE_CUES = ("lead", "resp", "coord", "advise", "direct", "assign", "assign_after", "subject_end", "subject_break",
                   "definition")


def _holder_heading(reader: Reader, roles: Roles) -> Roles:
    """A heading that is nothing but a generic open group names the holder of the items under it, qualifier and
    all ("2. Các tổ chức, doanh nghiệp sử dụng vật liệu nổ công nghiệp"): the group runs to the heading's end,
    past words that usually open a predicate, and past a relative clause in the passive ("4. Các cơ quan, đơn vị
    được giao quản lý, sử dụng tài sản kết cấu hạ tầng": "giao" after "được" hands no work on). Not when the rest names another body, holds a role cue or ends by
    introducing a list ("Các sở, ngành triển khai các nhiệm vụ sau:"; rules/roles.yaml `list_introducers`)."""
    t = reader.t
    if len(roles.leads) != 1 or roles.coordinators or roles.advises or roles.directs:
        return roles
    items, j = reader.parse_list(0, semicolons=True)
    end = reader.n
    while end > 0 and t.words[end - 1] in (":", ".", ";"):
        end -= 1
    if len(items) != 1 or not items[0].group or items[0].agency_id or items[0].note or \
            not j < end <= j + reader.rules.max_qualifier or any(t.cue("stop", k) == end for k in range(j, end)):
        return roles  # (a registered body's name takes no such qualifier; a name never ends with a verb)
    for k in range(j, end):
        # (the assignment frame of a body given work in the passive is the relative clause's own: "Các cơ quan, đơn
        # vị được | giao quản lý tài sản" hands no work to anyone; Reader._given_work)
        passive = k > j and reader._given_work(k - 1)
        if not (t.words[k].isalnum() or t.words[k] == ",") or t.agency(k) or \
                (not passive and any(t.cue(kind, k) for kind in _PREDICATE_CUES)) or t.cue("list_introducer", k) == end:
            return roles
    roles.leads = reader.mentions([Item(0, end, end, items[0].agency_id, True)])
    return roles


# --------------------------------------------------------------------------- citations and deadlines

# (a code part may stand one space after its hyphen, as OCR and PDF copies leave it: "11/CT- TTg", "42/QĐ- TCT";
# such a part is a code in capitals, never a word such as "Sở")
_NUMBER = re.compile(r"(?<![\w/])(\d{1,5})(?:/(\d{4}))?([/-])([A-ZĐ][A-Za-zĐđ0-9]*(?:(?:[-/&]|- (?=[A-ZĐ]{2}))[A-Za-zĐđ0-9]+)*)")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


@lru_cache(maxsize=1)
def _type_pattern() -> re.Pattern:
    types = sorted(role_rules().citation.doc_types, key=len, reverse=True)
    return re.compile(r"(?:{})".format("|".join(re.escape(matching_text(x)) for x in types)), re.I)


def _split_code(code: str) -> tuple[str, str | None, str]:
    """(normalised code, type code, issuer) of the part after the number: NQ-CP, NĐCP, NQ/TW, UBND-KTTH."""
    rules = role_rules().citation
    codes = sorted(rules.type_codes, key=len, reverse=True)
    for type_code in codes:
        rest = code[len(type_code):]
        if code.startswith(type_code) and rest in rules.central_issuers:
            code = f"{type_code}-{rest}"
            break
    if "/" in code:
        head, issuer = code.rsplit("/", 1)
        type_code = head if head in rules.type_codes else None
        return code, type_code, issuer
    if "-" in code:
        head, rest = code.split("-", 1)
        if head in rules.type_codes:
            return code, head, rest
        return code, None, code
    type_code = next((c for c in codes if code.startswith(c)), None)
    return code, type_code, code


def find_citations(text: str) -> list[Citation]:
    """Every số hiệu in a text, with its printed type, year, issuer code and date."""
    rules = role_rules().citation
    form = matching_text(text)
    found: list[Citation] = []
    for match in _NUMBER.finditer(form):
        number, year, sep, code = match.groups()
        code = code.replace(" ", "")
        if not any(c.isupper() for c in code[:3]):
            continue
        code, type_code, issuer = _split_code(code)
        normalised = f"{number}/{year}/{code}" if year else f"{number}{sep}{code}"
        start, end = match.start(), match.end()
        doc_type = None
        window = form[max(0, start - 90):start]
        last = None
        for hit in _type_pattern().finditer(window):
            last = hit
        if last is not None and not re.search(rf"[;,.:]|\d[/-]\w|\s(?:{_list_joins()})\s", window[last.end():]) and \
                len(window) - last.end() <= 60:
            start = start - len(window) + last.start()
            doc_type = next(t for t in rules.doc_types if matching_text(t).lower() == last.group().lower())
        elif type_code:
            doc_type = rules.type_codes.get(type_code)
        date = None
        after = read_date(form, end)
        if after:
            date = after.iso
            end = after.end
        year_value = int(year) if year else (int(date[:4]) if date else None)
        found.append(Citation(text=" ".join(text[start:end].split()), number=normalised, doc_type=doc_type,
                              year=year_value, issuer=issuer, date=date))
    return found


@lru_cache(maxsize=1)
def _deadline_rules() -> list[tuple[re.Pattern, DeadlineRule]]:
    return [(re.compile(rule.pattern, re.I), rule) for rule in role_rules().deadlines]


def find_deadlines(text: str) -> list[Deadline]:
    """Time limits and periodicity in a text, printed and normalised ("--11-30", "2023-Q1", "annual")."""
    form = matching_text(text)
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, Deadline]] = []
    for pattern, rule in _deadline_rules():
        for match in pattern.finditer(form):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            groups = {k: v for k, v in match.groupdict().items() if v is not None}
            values: dict[str, object] = {}
            for key, value in groups.items():
                values[key] = _ROMAN.get(value.upper()) if key == "q" and not value.isdigit() else int(value)
            try:
                value = rule.value.format(**values)
            except (KeyError, ValueError):
                if rule.value_partial is None:
                    continue
                try:
                    value = rule.value_partial.format(**values)
                except (KeyError, ValueError):
                    continue
            taken.append((match.start(), match.end()))
            found.append((match.start(), Deadline(text=" ".join(text[match.start():match.end()].split()),
                                                  kind=rule.kind, value=value)))
    return [d for _, d in sorted(found, key=lambda pair: pair[0])]


@lru_cache(maxsize=1)
def _list_joins() -> str:
    """rules/roles.yaml `list_joins` ("và") as a regex alternation on matching text."""
    return "|".join(re.escape(matching_text(w)) for w in role_rules().list_joins)


def find_implements(text: str, cues: list[str] | None = None) -> list[Citation]:
    """Citations in the "Thực hiện …" clauses of a text (or in the clauses opening with `cues`), the central
    document last. Without `cues`, also in the clause that says the document relays another ("Ủy ban nhân dân tỉnh
    nhận được Văn bản số 2265/BCT-ATMT … của Bộ Công Thương …": rules/roles.yaml `relay_cues`, followed at once by
    a document type). A clause lists documents on past a semicolon that a document type follows ("Thực hiện Nghị
    định số 178/2026/NĐ-CP …; Công văn số 8388/BTC-QLCS …")."""
    rules = role_rules()
    form = matching_text(text)
    relay = not cues and rules.relay_cues
    cues = sorted((matching_text(c) for c in (cues or rules.implements_cues)), key=len, reverse=True)
    opening = re.compile(r"(?:^|(?<=[.;:\n])\s*|(?<=\s)(?:{})\s+)(?:{})\b".format(
        _list_joins(), "|".join(re.escape(c) for c in cues)), re.I)
    matches = list(opening.finditer(form))
    types = "|".join(re.escape(c) for c in sorted((matching_text(c) for c in rules.citation.doc_types),
                                                  key=len, reverse=True))
    if relay:
        relays = sorted((matching_text(c) for c in rules.relay_cues), key=len, reverse=True)
        relayed = re.compile(r"(?<!\w)(?:{})\s+(?=(?:{})\s)".format("|".join(re.escape(c) for c in relays), types),
                             re.I)
        matches = sorted(matches + list(relayed.finditer(form)), key=lambda m: m.start())
    clause_stop = re.compile(rf"[;:]|\.\s|\s(?:(?:{_list_joins()})\s+)?để\s")
    # "Thực hiện Nghị định số 178/2026/NĐ-CP …; Công văn số 8388/BTC-QLCS … của Bộ Tài chính …": a semicolon
    # followed at once by a document type goes on listing what is carried out
    listed = re.compile(rf";\s*(?:{types})\s", re.I)
    chosen: list[Citation] = []
    for match in matches:
        rest = form[match.end():]
        stop = clause_stop.search(rest)
        while stop and listed.match(rest, stop.start()):
            stop = clause_stop.search(rest, stop.end())
        clause_end = match.end() + (stop.start() if stop else len(rest))
        comma = _subject_comma(text[match.end():clause_end])
        if comma is not None:
            clause_end = match.end() + comma
        chosen += find_citations(text[match.end():clause_end])
    central = set(role_rules().citation.central_issuers)
    unique = list({c.number: c for c in chosen}.values())
    return sorted(unique, key=lambda c: (c.issuer or "").split("-")[-1] in central or (c.issuer in central))


def _subject_comma(clause: str) -> int | None:
    """Offset of the comma after which the main clause's subject begins ("…, Ủy ban nhân dân tỉnh yêu cầu")."""
    reader = Reader(read(clause))
    t = reader.t
    for i, word in enumerate(t.words):
        if word == "," and reader.item_kind(i + 1) in ("named", "title"):
            return t.starts[i]
    return None


# --------------------------------------------------------------------------- documents


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    seen: set[str] = set()
    out = []
    for mention in mentions:
        key = fold(mention.text)
        if key and key not in seen:
            seen.add(key)
            out.append(mention)
    return out


def _heading_roles(doc: Document, task: Task, cache: dict[str, Roles], names: tuple[str, ...] = ()) -> Roles | None:
    """The roles of the nearest enclosing heading that names a lead, with the coordinators and directed bodies
    of the headings in between ("3. Chỉ đạo Ủy ban nhân dân cấp xã:" under "Điều 9. Trách nhiệm của Ủy ban
    nhân dân cấp tỉnh": the points are led by the province and directed to the communes)."""
    coordinators: list[Mention] = []
    directs: list[Mention] = []
    for section in reversed(doc.ancestors(task)):
        if section.id not in cache:
            held = cache[section.id] = _whole_names(read_heading_roles(section.title), section.title, names)
            introduced = _whole_names(_intro_roles(section.intro), section.intro, names) if section.intro else None
            if introduced is not None and not held.leads:
                cache[section.id] = introduced
            elif introduced is not None and not introduced.leads:
                # a heading that names its holder and an introduction without a subject of its own that says with
                # whom and for whom ("2. Phòng Quản lý công nghiệp" / "Chủ trì, phối hợp với các đơn vị liên
                # quan tham mưu Lãnh đạo Sở …, bao gồm:"): the points are the holder's, with those partners
                cache[section.id] = Roles(leads=held.leads, coordinators=held.coordinators + introduced.coordinators,
                                          advises=held.advises or introduced.advises,
                                          directs=held.directs + introduced.directs, own_subject=held.own_subject)
        roles = cache[section.id]
        if roles.leads:
            if not coordinators and not directs:
                return roles
            return Roles(leads=roles.leads, coordinators=roles.coordinators + coordinators, advises=roles.advises,
                         directs=roles.directs + directs, own_subject=roles.own_subject)
        coordinators += roles.coordinators
        directs += roles.directs
    return None


def _agency_cell(text: str, offset: int, column: bool = False) -> list[Mention] | None:
    """The agencies of a table cell that holds nothing but an agency list ("Sở Y tế; UBND các huyện"), else None.
    A cell under an agency column (`column`) is read again without predicates when the first reading leaves words
    over: "Các đơn vị thuộc các Bộ quản lý lĩnh vực, các tổ chức quốc tế" ("quản lý" opens no predicate there)."""
    for cell in (False, True) if column else (False,):
        reader = Reader(read(text), cell=cell)
        items, end = reader.parse_list(0, semicolons=True)
        if items and all(word in (".", ",", ";", "-") or word in reader.ands for word in reader.t.words[end:]):
            break
    else:
        return None
    mentions = reader.mentions(items)
    for mention in mentions:
        mention.start, mention.end = mention.start + offset, mention.end + offset
    return mentions


def read_task_roles(text: str) -> Roles:
    """Roles of one task's own text. A table row gives its lead and coordinators from the cells that hold only
    agencies: cells separated by " | " ("Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian"), in column
    order, or the row as segment writes it, the task column then the other columns under their headings
    ("Nội dung (Cơ quan chủ trì: …; Cơ quan phối hợp: …; Thời gian hoàn thành: …)"), or an item followed by the
    bullets of its particulars ("Nội dung" / "- Cơ quan chủ trì: …" / "- Cơ quan phối hợp: …"), by the heading's cue
    (rules/roles.yaml `column_cues`). The task cell is read as a sentence, and its own subject wins, unless it
    opens with a request ("Yêu cầu các đơn vị lắp đặt …" | "Sở Nông nghiệp và Môi trường"): the lead column names
    who asks, as a holder's name does above its requests (`_holder_request`)."""
    columns = _headed_columns(text) or _field_lines(text)
    if columns is not None:
        return _column_roles(*columns, later=True)
    cells, offset = [], 0
    for cell in text.split(" | "):
        cells.append((cell, offset))
        offset += len(cell) + 3
    roles = read_roles(cells[0][0], later=True)
    if len(cells) < 2:
        return _with_assignment_note(text, roles)
    found = [m for m in (_agency_cell(cell, start) for cell, start in cells[1:]) if m]
    if found and (not roles.leads or _opens_with_request(cells[0][0])):
        roles.leads, roles.own_subject = found[0], True
        found = found[1:]
        _split_marked(roles, text)  # one column for both: "Sở Nội vụ (chủ trì), các sở, ngành liên quan"
    if found:
        roles.coordinators += found[0]
    return roles


def _column_roles(sentence: str, headed: list[tuple[str, str, int]], later: bool) -> Roles:
    """The roles of a text followed by the cells of its lead and coordinator columns or fields (`headed`, see
    _headed_columns and _field_lines): the sentence's own subject, else the lead cell, leads; the coordinator cell
    takes part."""
    roles = read_roles(sentence, later=later)
    cells: dict[str, list[Mention]] = {}
    for role, cell, start in headed:  # the first column of a role that lists agencies ("Thời gian thực hiện" not)
        mentions = _agency_cell(cell, start) or _agency_parts(cell, start)
        if not mentions and role == "lead" and "lead" not in cells:
            # a lead cell written as a clause ("Bộ Tài chính chỉ đạo Sở Giao dịch chứng khoán thực hiện", "Sở Nội
            # vụ chủ trì; các sở, ngành liên quan phối hợp"): its subject leads, its partners take part
            clause = _shifted(read_roles(cell, later=True), start)
            mentions = clause.leads
            roles.directs += clause.directs
            if mentions:
                roles.coordinators += clause.coordinators
        if not mentions and role in ("lead", "coordinator"):
            mentions = _agency_cell(cell, start, column=True)
        if mentions and role not in cells:
            cells[role] = mentions
    if cells.get("lead") and (not roles.leads or _opens_with_request(sentence)):
        roles.leads, roles.own_subject = cells["lead"], True
        cell, start = next((cell, start) for role, cell, start in headed if role == "lead")
        _split_marked(roles, cell, start)
    roles.coordinators += cells.get("coordinator") or []
    return roles


def _agency_parts(cell: str, offset: int) -> list[Mention] | None:
    """The agencies of the parts of a cell listed with semicolons ("Bộ Quốc phòng; Trung ương Hội …; Ban Chỉ đạo
    các tỉnh") that hold nothing but agencies, when the cell read whole is no agency list because a part of it
    names a body the list grammar cannot read; None when there is one part or no part so read."""
    mentions: list[Mention] = []
    start = 0
    parts = cell.split(";")
    for part in parts:
        if part.strip():
            mentions += _agency_cell(part, offset + start) or _agency_cell(part, offset + start, column=True) or []
        start += len(part) + 1
    return mentions if len(parts) > 1 and mentions else None


def _intro_roles(intro: str) -> Roles:
    """The roles an item's introduction names for the work below it: those of its sentences, or, when it ends
    with the particulars segment gathered from the items beside that work, one line a field ("Cơ quan chủ trì: Bộ
    X; Bộ Z" / "Cơ quan phối hợp: …"; segment._absorb_particulars), those fields' as a table row's cells."""
    columns = _field_lines(intro, alone=True)
    if columns is None:
        return read_roles(intro)
    return _column_roles(*columns, later=False)


_ASSIGNMENT_NOTE = re.compile(r"\(([^()]+)\)[\s.;:]*$")


def _with_assignment_note(text: str, roles: Roles) -> Roles:
    """The roles of an item that names no lead of its own but ends with a note handing it to a body ("Xây dựng
    Quy chế … (Giao Công an tỉnh chủ trì, phối hợp với Văn phòng UBND tỉnh).", "Thành lập Đoàn kiểm tra … (Giao
    Công an tỉnh tham mưu)."): the note opens with an assignment frame (rules/roles.yaml `assign_frames`) and its
    body leads, its partners take part; `roles` as they are otherwise."""
    note = _ASSIGNMENT_NOTE.search(text)
    if roles.leads or roles.own_subject or note is None:
        return roles
    inner = note.group(1)
    frames = tuple(match_form(f) + " " for f in role_rules().assign_frames)
    if not match_form(inner).startswith(frames):
        return roles
    noted = _shifted(read_roles(inner), note.start(1))
    if not noted.leads:
        return roles
    named = {fold(m.text) for m in noted.leads}
    return Roles(leads=noted.leads, coordinators=roles.coordinators + noted.coordinators,
                 advises=roles.advises or noted.advises,
                 directs=[m for m in roles.directs if fold(m.text) not in named] + noted.directs, own_subject=True)


def _opens_with_request(text: str) -> bool:
    """Does the text open with a request to another body ("Đề nghị …", "Yêu cầu …"; rules/roles.yaml
    `holder_requests`)?"""
    return match_form(text).startswith(tuple(match_form(r) + " " for r in role_rules().holder_requests))


def _shifted(roles: Roles, offset: int) -> Roles:
    """The roles of a cell read alone, their offsets moved to the cell's place in the row's text."""
    for mention in roles.leads + roles.coordinators + roles.advises + roles.directs:
        mention.start, mention.end = mention.start + offset, mention.end + offset
    return roles


# (a cell may hold a parenthesis of its own: "… (Cơ quan thực hiện: Sở Nội vụ (chủ trì), các sở, ngành; …)")
_TRAILING_PARENTHESIS = re.compile(r"\(((?:[^()]|\([^()]*\))*)\)\s*$")
_COLUMN_HEADING = re.compile(r"(?:^|;\s+)([^:;]{2,60}):\s+")


_FIELD_LINE = re.compile(r"^[-–—+•*]?\s*([^:;]{2,60}):\s+")


@lru_cache(maxsize=1)
def _column_cue_forms() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """rules/roles.yaml `column_cues` in fold form, in their order: (role, cues)."""
    return tuple((role, tuple(fold(c) for c in phrases)) for role, phrases in role_rules().column_cues.items())


def _column_role(heading: str) -> str | None:
    """The role a column's or a field's heading names by its cue words ("Cơ quan chủ trì" -> lead; "Thời gian
    hoàn thành" -> None): the cue printed first decides ("Đơn vị phối hợp thực hiện" -> coordinator, "Cơ quan chủ
    trì, phối hợp" -> lead), ties in `column_cues` order."""
    name = f" {fold(heading)} "
    found = [(name.find(f" {c} "), order, role) for order, (role, cues) in enumerate(_column_cue_forms())
             for c in cues if f" {c} " in name]
    return min(found)[2] if found else None


def _split_marked(roles: Roles, text: str, offset: int = 0) -> None:
    """Part the leads whose bodies carry their role in a parenthesis (`_marked_roles`, on `text` at `offset`); the
    partners so found join the coordinators where they stand in the text: before those named after them ("Sở A (chủ
    trì), Sở B (phối hợp) thực hiện, phối hợp với Sở C"), after those named before (a task cell's own coordinators
    before its lead column)."""
    marked = _marked_roles(roles.leads, text, offset)
    if marked:
        roles.leads, partners = marked
        at = next((k for k, m in enumerate(roles.coordinators) if partners and m.start > partners[0].start),
                  len(roles.coordinators))
        roles.coordinators[at:at] = partners


def _marked_roles(mentions: list[Mention], text: str, offset: int = 0) -> tuple[list[Mention], list[Mention]] | None:
    """A list whose bodies carry their role in a parenthesis ("Sở Nội vụ (chủ trì), các sở, ngành liên quan", "Sở
    A (chủ trì); Sở B, Sở C (phối hợp)": rules/roles.yaml `column_cues`, the note holding the cue and at most two
    other words) split into leads and coordinators, else None. A mark takes the bodies since the previous mark or
    semicolon (`text`, at `offset` of the text the mentions' offsets point into); bodies left unmarked take part
    when a body leads, else lead."""
    roles: list[str | None] = []
    run: list[int] = []
    for mention in mentions:
        inner = fold(mention.note.strip("() "))
        role = _column_role(inner) if mention.note else None
        cue = next((c for r, cues in _column_cue_forms() if r == role for c in cues if f" {c} " in f" {inner} "), "")
        if run and ";" in text[mentions[run[-1]].end - offset:mention.start - offset]:
            run = []
        roles.append(None)
        run.append(len(roles) - 1)
        if role and len(inner.split()) - len(cue.split()) <= 2:
            for k in run:
                roles[k] = role
            run = []
    if not any(roles):
        return None
    rest = "coordinator" if "lead" in roles else "lead"
    parts: dict[str, list[Mention]] = {"lead": [], "coordinator": []}
    for mention, role in zip(mentions, roles, strict=True):
        parts[role or rest].append(mention)
    return parts["lead"], parts["coordinator"]


def _field_lines(text: str, alone: bool = False) -> tuple[str, list[tuple[str, str, int]]] | None:
    """(task text, [(role, cell, offset)]) of an item whose last lines are the bullets of its particulars, as
    segment folds them into it ("Xây dựng …" / "- Cơ quan chủ trì: Bộ Y tế." / "- Cơ quan phối hợp: …" / "- Thời
    gian thực hiện: …"; rules/structure.yaml `field_list_openings`), or None. Only the fields whose heading carries
    a lead or coordinator cue are returned, as by _headed_columns. A task's first line is its text, never a field;
    an introduction may be nothing but fields (`alone`)."""
    lines = text.split("\n")
    first = len(lines)
    while first > (0 if alone else 1) and _FIELD_LINE.match(lines[first - 1]):
        first -= 1
    if first == len(lines):
        return None
    columns: list[tuple[str, str, int]] = []
    offset = len("\n".join(lines[:first])) + 1 if first else 0
    for line in lines[first:]:
        heading = _FIELD_LINE.match(line)
        role = _column_role(heading.group(1))
        if role is not None:
            columns.append((role, line[heading.end():], offset + heading.end()))
        offset += len(line) + 1
    if not columns:
        return None
    return "\n".join(lines[:first]), columns


def _headed_columns(text: str) -> tuple[str, list[tuple[str, str, int]]] | None:
    """(task text, [(role, cell, offset of the cell in `text`)]) of a table row written "… (Cơ quan chủ trì:
    …; Cơ quan phối hợp: …)", or None when the text ends with no such parenthesis. Only the columns whose
    heading carries a lead or coordinator cue are returned."""
    match = _TRAILING_PARENTHESIS.search(text)
    if match is None:
        return None
    inner, base = match.group(1), match.start(1)
    headings = list(_COLUMN_HEADING.finditer(inner))
    if not headings or headings[0].start() != 0:
        return None
    columns: list[tuple[str, str, int]] = []
    for number, heading in enumerate(headings):
        end = headings[number + 1].start() if number + 1 < len(headings) else len(inner)
        role = _column_role(heading.group(1))
        cell, start = inner[heading.end():end], base + heading.end()
        field = _FIELD_LINE.match(cell)
        if role is not None and field and _column_role(field.group(1)):
            # a merged column whose cell names the role again ("Cơ quan chủ trì, phối hợp: - Chủ trì: Sở X; - Phối
            # hợp: Sở Y"): the cell's own heading decides
            role, cell, start = _column_role(field.group(1)), cell[field.end():], start + field.end()
        if role is not None:
            columns.append((role, cell, start))
    if not columns:
        return None
    return text[:match.start()].rstrip(), columns


def extract_task(doc: Document, task: Task, cache: dict[str, Roles] | None = None,
                 names: tuple[str, ...] = ()) -> Task:
    """Fill one task's roles, citations, deadlines and locality flags (in place; returns the task). `names`: the
    names the document establishes (established_names), read whole where the task uses them."""
    cache = {} if cache is None else cache
    own = _under_agency_heading(task.text) or read_task_roles(task.text)
    if not own.own_subject:
        own = _amended_roles(task.text) or own
    own = _whole_names(own, task.text, names)
    if own.own_subject and _holder_request(doc, task):
        own = Roles(coordinators=own.coordinators, advises=own.advises, directs=own.directs)
    elif own.own_subject and _holder_hands_on(doc, task):
        own = Roles(coordinators=own.coordinators, advises=own.advises, directs=own.leads + own.directs)
    if own.own_subject:
        roles = own
    else:
        inherited = _heading_roles(doc, task, cache, names) or Roles()
        if not inherited.leads:
            # an item whose heading states a target and whose paragraph below names who acts ("4. Hoàn thành di
            # dời 01 khu công nghiệp …" / "Ủy ban nhân dân phường Lào Cai chủ trì, phối hợp với …"); the paragraph
            # right below only: a later one that opens with its own subject takes part of the work, after
            # paragraphs that name no one ("Đến năm 2030:" / "Xây dựng …" / "Các cơ quan nhà nước … thực hiện …"),
            # as a later sentence leads nothing in a task whose opening names no lead (read_roles); that
            # paragraph's own later sentences that take work of their own lead too, as in a task that opens so
            # ("Bước 2: Kiểm tra …" / "Tổ công tác kiểm tra …. Sau khi kiểm tra, Ủy ban nhân dân cấp xã lập …")
            paragraphs = task.text.split("\n")
            k = next((k for k in range(1, len(paragraphs)) if paragraphs[k].strip()), None)
            if k is not None:
                later = _whole_names(_shifted(read_roles(paragraphs[k], later=True),
                                              len("\n".join(paragraphs[:k])) + 1), task.text, names)
                if later.own_subject:
                    inherited = Roles(leads=later.leads)
        if not inherited.leads:
            inherited = replace(inherited, leads=_charged_after_semicolon(task.text))
        roles = Roles(
            leads=list(inherited.leads),
            coordinators=inherited.coordinators + own.coordinators,
            advises=own.advises or list(inherited.advises),
            directs=inherited.directs + own.directs,
        )
    task.leads = _dedupe(roles.leads)
    task.coordinators = _dedupe([m for m in roles.coordinators
                                 if fold(m.text) not in {fold(x.text) for x in task.leads}])
    task.advises = _dedupe(roles.advises)
    task.directs = _dedupe(roles.directs)
    task.citations = find_citations(task.text)
    task.deadlines = find_deadlines(task.text)
    task.locality_role = None
    for role, mentions in (("lead", task.leads), ("coordinator", task.coordinators), ("directed", task.directs)):
        if any(m.locality for m in mentions):
            task.locality_role = role
            break
    task.localities = task.locality_role is not None
    return task


def _charged_after_semicolon(text: str) -> list[Mention]:
    """The bodies charged with a task whose first clause names no one, in a later clause of its first paragraph
    ("Thực hiện sự lãnh đạo …; các cấp ủy, tổ chức đảng, các cấp chính quyền quán triệt …"): a clause after a
    semicolon that opens with a body of the state or Party system (a registered body or a group of them; not
    organisations and persons, level "other": "…; các dự án chậm tiến độ bị thu hồi"), followed by an assignment
    predicate (Reader.later_roles). Read only where neither the task nor its headings name a lead."""
    first = text.split("\n", 1)[0]
    if ";" not in first:
        return []  # (no clause to read: the text is read, tokens and cues, only when it has one)
    reader = Reader(read(first))
    if reader.roles().own_subject:
        return []
    return [m for m in reader.later_roles(marks=(";",)).leads if m.level != "other"]


def _paragraphs_with(texts: list[str], phrases: list[str]) -> list[str]:
    """The paragraphs of `texts` that hold one of `phrases`, each once (a title is often its item's text too):
    paragraph by paragraph, as a name ends at its paragraph and a long preamble is read only where it needs to be.
    A cheap test first (the phrases hold no tone the old style places elsewhere), the matching form after."""
    openers = tuple(match_form(p) for p in phrases)
    kept = []
    for paragraph in dict.fromkeys(p for text in texts if text for p in text.split("\n")):
        lowered = nfc(paragraph).lower()
        if any(o in lowered for o in openers) and any(o in match_form(paragraph) for o in openers):
            kept.append(paragraph)
    return kept


def established_names(texts: list[str]) -> tuple[str, ...]:
    """The names a document gives bodies it sets up or names for short: after a founding verb (rules/roles.yaml
    `name_establishers`: "Thành lập Ban Chỉ đạo thực hiện hỗ trợ nhà ở cho người có công với cách mạng, gồm …")
    or in a definition parenthesis (`definition_cues`: "(gọi tắt là Ban Chỉ đạo 1237 cấp tỉnh)"). Such a name opens
    with a capitalised body's name or head word and runs, past the bodies named inside it ("Văn phòng Ban Chỉ đạo
    …") and the commas that part a pair of words ("phòng, chống"), to a punctuation mark, a word of
    `established_name_ends` ("… để tổ chức thực hiện") or a role cue, within `spans.established_name` tokens.
    Longest first."""
    rules = role_rules()
    found: set[str] = set()
    for paragraph in _paragraphs_with(texts, rules.name_establishers + rules.definition_cues):
        reader = Reader(read(paragraph))
        t = reader.t
        defined = False
        for kind in ("establish", "definition"):
            for start, after in t.cues[kind].items():
                if kind == "definition" and (start == 0 or t.words[start - 1] != "("):
                    continue
                defined = defined or kind == "definition"
                end = _established_name_end(reader, after)
                if end is not None and end - after > 1:
                    found.add(" ".join(t.text[t.starts[after]:t.ends[end - 1]].split()))
                if kind == "definition":
                    found.update(_name_before(reader, start - 1))
        if defined:
            found.update(_defined_names(paragraph, t))
    return tuple(sorted(found, key=len, reverse=True))


def short_names(texts: list[str]) -> dict[str, agencies.Agency]:
    """The bodies a document names for short, by their short name folded: the registered body of a level a long name
    stands for, where a definition parenthesis closes it and gives it a short name of no level of its own, a catch-all
    or none ("Ban Chỉ đạo Quốc gia khắc phục hậu quả bom mìn … (sau đây gọi tắt là Ban Chỉ đạo)": "Ban Chỉ đạo" is
    that national committee in the rest of the document, no "các cơ quan, đơn vị"). A short name given to two bodies
    is none."""
    found: dict[str, set[str]] = {}
    for paragraph in _paragraphs_with(texts, role_rules().definition_cues):
        reader = Reader(read(paragraph))
        t = reader.t
        for start, after in t.cues["definition"].items():
            end = _established_name_end(reader, after) if start > 0 and t.words[start - 1] == "(" else None
            if end is None or end >= reader.n or t.words[end] != ")":
                continue
            short = " ".join(t.text[t.starts[after]:t.ends[end - 1]].split())
            own = agencies.lookup(short)
            if own is not None and own.level != "generic":
                continue  # (a short name of its own level keeps it: "(sau đây gọi tắt là Ủy ban nhân dân cấp huyện)")
            for name in _name_before(reader, start - 1):
                agency = agencies.lookup(name)
                if agency is not None and agency.level != "generic":
                    found.setdefault(fold(short), set()).add(agency.id)
    return {short: agencies.get(ids.pop()) for short, ids in found.items() if len(ids) == 1}


def _by_short_name(mentions: list[Mention], shorts: dict[str, agencies.Agency]) -> list[Mention]:
    """`mentions`, a body named by a short name the document gives it (short_names) read as that body."""
    return [_mention_of(m.text, shorts[fold(m.text)], m.note, m.start, m.end) if fold(m.text) in shorts else m
            for m in mentions]


def _name_before(reader: Reader, paren: int) -> list[str]:
    """The long name a definition parenthesis at token `paren` closes, wherever the body stands ("… phối hợp với Ban
    Chỉ đạo thực hiện chính sách nhà ở của tỉnh (gọi tắt là Ban Chỉ đạo) …"): read from the first body's name or
    head word after the previous mark but a comma that opens as the short name does and whose name, as a name the
    document establishes (_established_name_end), runs to the parenthesis; [] when none does."""
    t = reader.t
    short = t.cue("definition", paren + 1)
    first = paren
    while first > 0 and (t.words[first - 1] == "," or t.words[first - 1] not in _CLAUSE_MARKS):
        first -= 1  # (back past the commas of a list or of a pair inside the name: "Ban Chỉ đạo phòng, chống …")
    for k in range(first, paren):
        # (the short name keeps the long one's first word: "Ban Chỉ đạo …" for short "Ban Chỉ đạo", not "Quy chế"
        # for "Ủy ban nhân dân tỉnh ban hành Quy chế …")
        if t.words[k] != "," and short < reader.n and t.words[k] == t.words[short] \
                and _established_name_end(reader, k) == paren and paren - k > 1:
            return [" ".join(t.text[t.starts[k]:t.ends[paren - 1]].split())]
    return []


def _defined_names(paragraph: str, tokens: Tokens) -> list[str]:
    """The whole names of the bodies a paragraph names for short, as its reader takes them: the subject a definition
    parenthesis ends ("Ban Chỉ đạo phát triển du lịch cộng đồng của tỉnh (sau đây gọi là Ban Chỉ đạo du lịch) …"),
    a name the document sets up without a founding verb before it. `tokens`: the paragraph as already read."""
    roles = Reader(tokens).roles()
    return [" ".join(paragraph[m.start:m.end].split())
            for group in (roles.leads, roles.coordinators, roles.advises, roles.directs) for m in group
            if m.note.startswith("(") and 0 <= m.start < m.end <= len(paragraph)
            and len(paragraph[m.start:m.end].split()) > 1]


def _established_name_end(reader: Reader, j: int) -> int | None:
    """The token after a name a document establishes that opens at j (see established_names), or None."""
    t = reader.t
    if j >= reader.n or not t.capital[j] or reader.item_kind(j) not in ("named", "head"):
        return None
    named = t.agency(j)
    head_end = named[0] if named else t.cue("head", j)  # (the head may hold a cue word: "Ban | Chỉ đạo")

    def ends(k: int) -> bool:
        return t.cue("name_end", k) is not None or any(t.cue(kind, k) for kind in (*_ROLE_CUES, "resp", "establish"))

    k, limit = head_end, min(reader.n, j + role_rules().spans.established_name)
    while k <= limit:
        if k == reader.n or ends(k):
            return k
        inner = t.agency(k)
        inner_end = inner[0] if inner else t.cue("head", k)
        if inner_end and t.capital[k]:  # a body's name inside ("Văn phòng | Ban Chỉ đạo quốc gia")
            k = inner_end
            continue
        if t.words[k] == ",":
            # a comma inside the name parts the words of a pair ("Ban Chỉ đạo phòng, chống thiên tai …"); before
            # a body or a capitalised name, a predicate or an end word it ends the name ("…, gồm đại diện …")
            if k + 1 == reader.n or ends(k + 1) or t.cue("stop", k + 1) or reader.item_kind(k + 1) \
                    or t.capital[k + 1]:
                return k
        elif not any(c.isalnum() for c in t.words[k]) and t.words[k] not in ("-", "&"):
            return k
        k += 1
    return None


def _whole_names(roles: Roles, text: str, names: tuple[str, ...]) -> Roles:
    """`roles` read from `text`, a body named by the start of a name the document establishes (established_names)
    named whole where the text goes on with the rest of that name ("Ban Chỉ đạo | thực hiện hỗ trợ nhà ở cho
    người có công với cách mạng tổ chức kiểm tra …": the words after "Ban Chỉ đạo" are no predicate but its name);
    a body named inside the whole name is none of its own."""
    if not names or not text:
        return roles
    folded = fold_aligned(text)
    widened: list[tuple[int, int]] = []
    groups = (roles.leads, roles.coordinators, roles.advises, roles.directs)
    for group in groups:
        for number, mention in enumerate(group):
            if mention.start < 0 or fold(text[mention.start:mention.end]) != fold(mention.text):
                continue  # (offsets in another text, or an abbreviation expanded)
            end = next((match.end() for match in (_name_pattern(name).match(folded, mention.start) for name in names)
                        if match is not None and match.end() > mention.end), None)
            if end is not None:
                group[number] = _named(text, mention.start, end, mention.note)
                widened.append((mention.start, end))
    for group in groups if widened else ():
        group[:] = [m for m in group if not any(start <= m.start and m.end <= end and (m.start, m.end) != (start, end)
                                                for start, end in widened)]
    return roles


@lru_cache(maxsize=4096)
def _name_pattern(name: str) -> re.Pattern:
    """A name as it stands in fold_aligned text: its words apart by any run of spaces and punctuation."""
    return re.compile(r"\s+".join(re.escape(word) for word in fold(name).split()) + r"(?![0-9a-z])")


def _named(text: str, start: int, end: int, note: str = "") -> Mention:
    """The mention of the body named by text[start:end], registered or not."""
    printed = agencies.expand_abbreviations(" ".join(text[start:end].split()))
    return _mention_of(printed, agencies.lookup(printed), note, start, end)


def _mention_of(printed: str, agency: agencies.Agency | None, note: str, start: int, end: int) -> Mention:
    """A mention as printed, with what the registry knows of the agency it stands for."""
    if agency is None:
        return Mention(text=printed, note=note, start=start, end=end)
    return Mention(text=printed, canonical=agency.id, name=agency.name, level=agency.level, locality=agency.locality,
                   note=note, start=start, end=end)


def _holder_request(doc: Document, task: Task) -> bool:
    """Is the task one of its holder's duties that asks another body for something ("1. Tổ chức, doanh nghiệp …
    có trách nhiệm:" / "c) Đề nghị cơ quan có thẩm quyền … kiểm tra, cấp giấy chứng nhận …")? The item opens with
    a request (rules/roles.yaml `holder_requests`) under a heading that charges its subject with duties (a
    responsibility cue right after it, or a duty heading naming its holder: "Trách nhiệm của Bộ X") or that is nothing but its
    holder's name ("2. Sở Nông nghiệp và Môi trường" / "- Yêu cầu các đơn vị khai thác khoáng sản lắp đặt …"): the
    holder asks, and leads, as it does under "Chỉ đạo …". Elsewhere ("Đối với các sở: - Đề nghị Sở Tài chính …")
    the body asked leads."""
    return _opens_with_request(task.text) and _held_duties(doc, task)


def _holder_hands_on(doc: Document, task: Task) -> bool:
    """Is the task one of its holder's duties that hands work on to the holder's own bodies ("2. Trách nhiệm của Ủy
    ban nhân dân các tỉnh" / "d) Giao Sở Lao động - Thương binh và Xã hội … phối hợp với … rà soát …")? The item
    opens with a frame that both assigns and directs (rules/roles.yaml `assign_frames` and `direct_cues`: "giao"):
    the holder the heading charges hands the work on and leads, as a subject does ("Ủy ban nhân dân tỉnh giao cơ
    quan chuyên môn …"); the bodies are directed, also when a lead cue follows them ("đ) Giao Sở Xây dựng là cơ
    quan thường trực của tỉnh để triển khai …", QĐ 22/2013/QĐ-TTg 8.2: the duty is the province's, whose own body
    it names to carry it). Under no such heading ("Giao Sở X chủ trì …") the bodies given the work lead."""
    line = task.text.split("\n", 1)[0]
    opening = engine().nlp.tokenizer(matching_text(line))
    if not len(opening) or opening[0].lower_ not in _hand_on_openings():
        return False  # (no such frame can open the line: not read, most tasks open otherwise)
    reader = Reader(read(line))
    t = reader.t
    frame = t.cue("assign", 0) if reader.n else None
    if not frame or t.cue("direct", 0) != frame:
        return False
    items, _ = reader.parse_list(frame, semicolons=True, asked=True)
    return bool(items) and _held_duties(doc, task)


@lru_cache(maxsize=1)
def _hand_on_openings() -> frozenset[str]:
    """The first words (lower case) that both an assignment frame and a direct cue may open with (rules/roles.yaml
    `assign_frames`, `direct_cues`: "giao"): a line that opens with none of them opens with no frame
    _holder_hands_on looks for."""
    rules, tokenizer = role_rules(), engine().nlp.tokenizer
    assign = {tokenizer(matching_text(p))[0].lower_ for p in rules.assign_frames}
    return frozenset(assign & {tokenizer(matching_text(p))[0].lower_ for p in rules.direct_cues})


def _held_duties(doc: Document, task: Task) -> bool:
    """Is the heading right above the task one that charges its holder with the duties under it (`_holder_request`)?"""
    parents = doc.ancestors(task)
    return bool(parents) and _charges_holder(parents[-1].title, parents[-1].intro)


@lru_cache(maxsize=256)
def _charges_holder(title: str, intro: str) -> bool:
    """(_held_duties) A heading, by its title and intro: read once for all the tasks under it."""
    if title and not intro and _agency_cell(title.rstrip().rstrip(":"), 0):
        return True
    for text in (title, intro):
        if not text:
            continue
        reader = Reader(read(text))
        items, j = reader.subject()
        # a duty heading that names no holder ("I. NHIỆM VỤ", "Nhiệm vụ, giải pháp") has no one to ask for
        if (reader.t.cue("duty_heading", 0) and read_heading_roles(text).leads) or (
                items and j < reader.n and reader.t.cue("resp", j)):
            return True
    return False


def _under_agency_heading(text: str) -> Roles | None:
    """A clause printed as its holder's name on a line of its own and the paragraph it heads ("2. Bộ Tài chính:" /
    "Bộ trưởng Bộ Tài chính hướng dẫn …"): the paragraph's own subject leads, as under any heading; None when the
    text opens otherwise or the paragraph names no subject after a heading ending with a colon (the heading's
    body then leads, as read so far). A heading without a colon leads a paragraph that names no subject itself
    ("1. Phó Giám đốc Sở - Nguyễn Văn A" / "Trực tiếp chỉ đạo …"): read with its paragraph, a person's name
    would run on into the paragraph's first capitalised words."""
    heading, newline, rest = text.partition("\n")
    if not newline or not rest.strip():
        return None
    holders = _agency_cell(heading.rstrip().rstrip(":"), 0)
    if holders is None:
        return None
    roles = _shifted(read_task_roles(rest), len(heading) + 1)
    if roles.own_subject:
        return roles
    if heading.rstrip().endswith(":"):
        return None
    roles.leads, roles.own_subject = holders, True
    return roles


# the formula that introduces the new text of an amended clause, up to its opening quotation mark ("Sửa đổi khoản 6
# như sau: “6. Ủy ban nhân dân cấp tỉnh tiếp nhận …”"): a colon, then the quotation at once
_NEW_TEXT = re.compile(r"^[^“”\"\n]{0,300}:\s*[“\"]")


def _new_text_start(text: str) -> int | None:
    """Where the new text an amending clause quotes begins, past its own label ("… như sau: “6. | Ủy ban …"), or
    None when the text quotes none."""
    opening = _NEW_TEXT.match(text)
    if opening is None:
        return None
    start = opening.end()
    label = parse_label(text[start:])
    return start + label.end if label is not None else start


def _amended_roles(text: str) -> Roles | None:
    """The roles of the new text an amending clause quotes, past its own label ("Sửa đổi khoản 6 như sau: “6. Ủy
    ban nhân dân cấp tỉnh tiếp nhận, rà soát …”": the province leads), when it opens with its own subject; else,
    when it opens with a heading (a whole article "“Điều 21. Trách nhiệm phát triển thị trường các-bon 1. Bộ Tài
    chính chủ trì …; 3. … Ủy ban nhân dân cấp tỉnh có trách nhiệm phối hợp …”", a titled clause "“3. Báo cáo …
    a) Các cơ sở …; b) Ủy ban nhân dân cấp tỉnh …”"), the roles of its clauses and points, each read as a new
    clause is; None when nothing in it names who acts. The amendment is the law a province carries out: who acts
    is who acts in the new text."""
    start = _new_text_start(text)
    if start is None:
        return None
    roles = _shifted(read_task_roles(text[start:]), start)
    if roles.own_subject:
        return roles
    end = text.find("”", start)
    parts = [_shifted(read_task_roles(text[a:b]), a) for a, b in _quoted_parts(text, start, end if end > 0 else len(text))]
    acting = [p for p in parts if p.own_subject]
    if not acting:
        return None
    return Roles(leads=[m for p in acting for m in p.leads], coordinators=[m for p in acting for m in p.coordinators],
                 advises=[m for p in acting for m in p.advises], directs=[m for p in acting for m in p.directs],
                 own_subject=True)


# where a clause or point may begin inside a quoted new text that normalize joined into one paragraph
_PART_GAP = re.compile(r"(?<=\S)\s+(?=\S)")


def _quoted_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the text of each clause and point of a quoted new text between `start` and `end`, past its
    label: a clause or point label after a space that opens its sequence or follows the last label of its kind
    ("1." … "2." … "2a.", "a)" … "b)"), so that a number inside a sentence ("khoản 5.") is no label."""
    found: list[tuple[int, int]] = []  # (label start, text start)
    last: dict[str, int] = {}
    for gap in _PART_GAP.finditer(text, start, end):
        label = parse_label(text[gap.end():end])
        if label is None or label.kind not in ("number", "letter"):
            continue
        index = sequence_index(sequence_of(label.kind), label.base)
        if index is None or (index != 1 and last.get(label.kind) not in (index - 1, index)):
            continue
        if label.kind == "number":
            last.pop("letter", None)  # the points of a new clause start again at "a)"
        last[label.kind] = index
        found.append((gap.end(), gap.end() + label.end))
    return [(text_start, found[k + 1][0] if k + 1 < len(found) else end) for k, (_, text_start) in enumerate(found)]


_NO_LEAD = "extract.no_lead"


def _duty_holder(text: str) -> list[Mention]:
    """The holder of a statute clause whose first clause charges a subject that no head word announces ("Hội đồng
    thẩm định có trách nhiệm …", "Nhà sản xuất, nhập khẩu thiết bị … có trách nhiệm …"; the new text of an amended
    clause too): the words before its responsibility cue (rules/roles.yaml `responsibility`), when they open with
    a capitalised word that opens no predicate, hold no other role cue and no mark but commas and parentheses, and
    run to at most `spans.duty_holder` tokens; else []."""
    start = _new_text_start(text) or 0
    clause = text[start:].split("\n", 1)[0]
    reader = Reader(read(clause))
    t = reader.t
    if not t.words or not t.capital[0] or not t.words[0].isalpha() or reader.is_stop(0) or t.cue("adverbial", 0):
        return []
    for k in range(1, min(reader.n, reader.rules.spans.duty_holder + 1)):
        if t.cue("resp", k):
            end = k
            while end > 1 and t.words[end - 1] in (",", "-"):
                end -= 1
            mention = reader.mention(Item(0, end, k, None, True))
            mention.start, mention.end = mention.start + start, mention.end + start
            return [mention]
        if (t.words[k] in reader.stop_punct and t.words[k] not in ("(", ")")) or \
                any(t.cue(kind, k) for kind in _ROLE_CUES) or (t.words[k - 1] == "," and reader.is_stop(k)):
            return []  # (a verb after a comma goes on with the predicate: "Phân cấp gắn với …, bảo đảm …")
    return []


def _addressed_leads(addressees: list[str]) -> list[Mention]:
    """The bodies a letter is addressed to ("Kính gửi: Sở Công Thương tỉnh Quảng Ngãi"): the lead of a task
    that names none, itself, in its headings or in the sentence introducing the list. Only addressees that
    are nothing but agencies count (not "Như trên", not a named person)."""
    return [m for addressee in addressees for m in (_agency_cell(addressee, 0) or []) if m.canonical]


def _introduced_leads(preamble: str) -> list[Mention]:
    """Agencies a preamble hands the list that follows to ("…, Sở X yêu cầu các đơn vị … thực hiện các
    nội dung sau:"): the lead of any task that names none, itself or in its headings."""
    text = (preamble or "").strip()
    if not text.endswith(":"):
        return []
    # the last clause; else the last sentence, whose list of bodies may run over semicolons ("… yêu cầu Công an
    # tỉnh, các sở, ban, ngành; Ủy ban nhân dân các xã, phường thực hiện một số nhiệm vụ sau:")
    for pattern in (r"(?<=[.;])\s+", r"(?<=[.])\s+"):
        reader = Reader(read(re.split(pattern, text)[-1]))
        t = reader.t
        for i in range(len(t)):
            frame = t.cue("assign_after", i) or t.cue("assign", i)
            if frame and (i == 0 or t.words[i - 1] not in ("được",)):
                items, _ = reader.parse_list(frame, semicolons=True, asked=True)
                if items:
                    return reader.mentions(items)
    return []


def _after_list(task: Task) -> bool:
    """Is the task a paragraph after a list's last item ("closing", segment)? A preamble's "… như sau:" hands over the
    items of its list, and a letter's addressees are asked for them: a closing paragraph that names no one ("Trong quá
    trình thực hiện, nếu có vướng mắc đề nghị phản ánh về Tổng cục Thuế …") is the document's own ending, no item
    of the list, and takes no lead from either."""
    return task.id.rsplit(".", 1)[-1].split("~")[0] == CLOSING


def _local_issuer(doc: Document) -> bool:
    """Is the document issued by a local body: its issuer ("TỈNH ỦY LÀO CAI", "ỦY BAN NHÂN DÂN TỈNH …") is
    registered at the level of a province, a district or a commune (rules/agencies.yaml `level`)?"""
    issuer = agencies.lookup(doc.meta.issuer) if doc.meta.issuer else None
    return issuer is not None and issuer.level in agencies.LOCAL_LEVELS


def _delegate(doc: Document, task: Task) -> list[Mention]:
    """The body a decision delegates to ("Ủy quyền cho Giám đốc Sở Công Thương thực hiện …"), as the lead of a
    clause on carrying out the delegated tasks that names no one ("Việc thực hiện nhiệm vụ được ủy quyền phải
    tuân thủ …"; roles.yaml delegated_duties), the lead of a task opening with an assignment frame that hands a
    power over (in both assign_frames and power_transfers); [] when the clause is no such clause or the document
    delegates to no single body."""
    rules = role_rules()
    form = match_form(task.text)
    if not any(match_form(cue) in form for cue in rules.delegated_duties):
        return []
    frames = tuple({match_form(f) for f in rules.assign_frames} & {match_form(f) for f in rules.power_transfers})
    delegates = {tuple(m.text for m in t.leads): t.leads for t in doc.tasks
                 if t is not task and t.leads and match_form(t.text).startswith(frames)}
    return [replace(m) for m in next(iter(delegates.values()))] if len(delegates) == 1 else []


def extract(doc: Document) -> Document:
    """Fill every task's leads, coordinators, advises, directs, citations, deadlines and locality flags,
    and the document's meta.citations and meta.implements. Returns the same Document."""
    cache: dict[str, Roles] = {}
    fallback: list[Mention] | None = None
    names = established_names([doc.preamble or "", *(t for s in doc.sections for t in (s.title, s.intro)),
                               *(t.text for t in doc.tasks + doc.provisions + doc.other_clauses)])
    local = _local_issuer(doc)
    for task in doc.tasks:
        extract_task(doc, task, cache, names)
        if not task.leads:
            task.leads = _delegate(doc, task)
        if not task.leads and not _after_list(task):
            if fallback is None:
                fallback = _introduced_leads(doc.preamble) or _addressed_leads(doc.meta.addressees)
            task.leads = list(fallback)
            if task.leads and task.locality_role is None and any(m.locality for m in task.leads):
                task.locality_role, task.localities = "lead", True
        if not task.leads and local:
            # a local body's document puts what it names no one for on its own locality ("II. NHIỆM VỤ VÀ GIẢI
            # PHÁP" of a provincial Party committee's resolution, of a province's plan): the locality leads it
            task.locality_role, task.localities = "lead", True
    # a statute clause outside the task articles in which a body named at its opening acts puts work on that body,
    # although it says no "có trách nhiệm" ("Ủy ban nhân dân cấp tỉnh ký hợp đồng …"): a provision too
    acting = [opens_with_actor(clause.text) for clause in doc.other_clauses]
    if any(acting):
        doc.provisions = sorted(doc.provisions + [c for c, a in zip(doc.other_clauses, acting, strict=True) if a],
                                key=lambda p: (p.span.start, p.span.line))
        doc.other_clauses = [c for c, a in zip(doc.other_clauses, acting, strict=True) if not a]
    for provision in doc.provisions:
        extract_task(doc, provision, cache, names)
        if not provision.leads:
            provision.leads = _duty_holder(provision.text)
    shorts = short_names([doc.preamble or "", *(t.text for t in doc.tasks + doc.provisions + doc.other_clauses)])
    for task in doc.tasks + doc.provisions if shorts else ():
        for role in ("leads", "coordinators", "advises", "directs"):
            setattr(task, role, _by_short_name(getattr(task, role), shorts))
    doc.notices = [n for n in doc.notices if n.code != _NO_LEAD]
    for task in doc.tasks:
        if not task.leads:
            doc.notices.append(Notice(doc.path, f"nhiệm vụ {task.id}: không xác định được cơ quan chủ trì",
                                      line=task.span.line, page=task.span.page, code=_NO_LEAD))
    texts = [doc.meta.title or "", doc.preamble]
    texts += [text for s in doc.sections for text in (s.title, s.intro)]
    texts += [t.text for t in doc.tasks]
    texts.append(doc.closing)
    citations: dict[str, Citation] = {}
    for text in texts:
        for citation in find_citations(text or ""):
            citations.setdefault(citation.number, citation)
    doc.meta.citations = list(citations.values())
    opening = doc.preamble or ""
    implements = find_implements(opening)
    if not implements:
        first = doc.sections[0].title if doc.sections else (doc.tasks[0].text if doc.tasks else "")
        implements = find_implements(first[:1500])
    rules = role_rules()
    if not implements and rules.basis_cues and fold(doc.meta.doc_type or "") in {fold(t) for t in rules.basis_implements}:
        # "Căn cứ Quyết định số 88/QĐ-TTg …, Ủy ban nhân dân thành phố ban hành Kế hoạch …": a plan's basis
        implements = find_implements(opening, rules.basis_cues)
    doc.meta.implements = implements
    return doc
