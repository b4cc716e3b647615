"""Segment: list[Block] -> Document (header facts, preamble, sections, tasks, closing).

Guarantees to extract and link:
- Document.meta holds what the header block and the signature print (issuer, type, số hiệu, place, ISO
  date, trích yếu, signer and signer title, "Kính gửi" and "Nơi nhận" recipients); Document.preamble
  and Document.closing hold the display text of the preamble (căn cứ, "Thực hiện …", opening paragraphs)
  and of the closing (closing formula, Nơi nhận, signature). Citations, including what the document
  implements, are read by extract from that text (one citation parser, rules/roles.yaml).
- Document.sections: every heading-level unit of the body in source order (parts, chapters, articles,
  numbered and lettered items with children), with unique dot-path ids made of the (repaired) labels
  ("III.3.đ", "4.2", "Chương.II"); `holds_tasks` is False for viewpoints, objectives, requirements,
  definitions, non-task statute articles, content lists and appendices.
- Document.tasks: the smallest assignment-bearing items of the task parts in source order, unique ids
  ("III.1.a.2", "4.2.a", "2.1"; an unlabelled paragraph of a letter gets "1", "2" …, a trailing one
  "closing"), printed label, the task's own text (display form, wraps joined, wording untouched),
  `parent` = id of the enclosing section, Span with lines, offsets and pages.
- Document.provisions (statutes): the leaf clauses outside the task articles that state a duty ("… có trách
  nhiệm …", "… phải …"), and the points of a clause that ends with its duty word ("… có trách nhiệm:");
  Document.other_clauses: the other leaf clauses and points there, for extract to read
  which of them put work on a body (never those of the articles on scope and words).
  A table of tasks (rows "STT | Nội dung nhiệm vụ | Cơ quan chủ trì | …", header cues in rules/structure.yaml)
  gives a section "Bảng.<n>", child of the heading it follows, and one task per numbered row ("Bảng.1.I.2"),
  in source order with the other tasks; a plan attached to a decision ("Ban hành kèm theo …") is parsed as
  the body; appendix forms after the signature hold no tasks.
- Document.notices: every label repair (duplicated "d)" read as "đ)" …) with its place.
Nothing here reads agencies beyond the cue words of rules/structure.yaml; roles are extract's job.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate, groupby, zip_longest
from pathlib import Path

from pydantic import BaseModel, PositiveInt
from rapidfuzz.distance import Levenshtein

from .dates import read_date
from .ingest.layout import opens_with_national_title
from .ingest.repair import unglue_words, without_edge_debris
from .model import CLOSING, Block, Document, DocumentMeta, DoichieuError, Notice, Section, SourceText, Span, Task
from .normalize import (
    Label,
    bullet_kinds,
    is_person_name,
    is_upper_line,
    numbering_rules,
    ocr_lookalikes,
    parse_label,
    sequence_index,
    sequence_of,
    successor,
    value_at,
)
from .rules import load_rules, rules_dir
from .tables import TableCues, TaskTableColumns, table_cues
from .vntext import cased_form, fold, fold_aligned, match_form


class ClosingFormula(BaseModel):
    max_words: int = 45
    endings: list[str] = []
    openings: list[str] = []
    execution: str = "(?!)"  # regex (match_form, re.search): the call to carry out the document itself
    courtesies: list[str] = []  # thanks to the addressee ("trân trọng cảm ơn …"), anywhere in the paragraph


class StructureSizes(BaseModel):
    header_lookahead_lines: PositiveInt
    recipient_wrap_max_words: PositiveInt
    title_wrap_max_words: PositiveInt
    title_sentence_max_words: PositiveInt
    title_max_words: PositiveInt
    item_title_max_words: PositiveInt
    article_title_max_words: PositiveInt
    bold_heading_max_words: PositiveInt
    list_close_max_words: PositiveInt
    allotted_body_max_words: PositiveInt
    provision_duty_chars: PositiveInt
    date_line_max_chars: PositiveInt
    header_upper_max_chars: PositiveInt
    preamble_upper_max_chars: PositiveInt
    signature_max_chars: PositiveInt
    signature_debris_max_chars: PositiveInt
    signature_debris_max_words: PositiveInt
    closing_cue_max_chars: PositiveInt
    place_max_words: PositiveInt


class Reports(BaseModel):
    lead_ins: list[str] = []
    past_markers: list[str] = []
    not_past: list[str] = []
    law_openings: list[str] = []
    law_provisions: str = "(?!)"
    statement_subjects: list[str] = []
    law_predicates: list[str] = []
    definitions: list[str] = []
    subject_max_words: PositiveInt = 25


class PowerTitles(BaseModel):
    loose_transfers: list[str]
    closing_within: PositiveInt


class _PredicateWords(BaseModel):
    """The words that open a predicate, from rules/roles.yaml (where extract ends an agency's name)."""

    stops: list[str]


class _DirectWording(BaseModel):
    """The words after which the bodies named are directed or guided, from rules/roles.yaml (extract's `directs`)."""

    direct_cues: list[str]


class _PowerWording(BaseModel):
    """The wording of a power handed over, from rules/roles.yaml (extract reads the same lists)."""

    power_openings: list[str]
    power_transfers: list[str]
    transfer_closings: list[str]


class TitleBlock(BaseModel):
    issuer_openings: list[str] = []
    subject_openings: list[str] = []


class StructureRules(BaseModel):
    motto: list[str]
    number_prefix: str
    date_line: str
    doc_types: dict[str, str]
    doc_type_qualifiers: list[str] = []
    type_codes: dict[str, str]
    letter_type: str
    subject_prefixes: list[str]
    title_block: TitleBlock = TitleBlock()
    recipients_cue: str
    preamble_cues: list[str]
    enacting_formulas: list[str]
    closing_cues: list[str]
    signature_cues: list[str]
    appendix_cues: list[str]
    closing_formula: ClosingFormula
    non_task_titles: list[str]
    non_task_title_work: list[str] = []
    non_task_max_words: int = 10
    requirement_titles: list[str] = []
    condition_openings: list[str] = []
    not_condition_openings: list[str] = []
    scope_titles: list[str] = []
    content_list_endings: list[str]
    content_list_kinds: list[str] = []
    content_list_kind_tails: list[str] = []
    reports: Reports = Reports()
    case_list_endings: list[str] = []
    finding_list_endings: list[str] = []
    point_list_endings: list[str] = []
    deliverable_openings: list[str] = []
    non_task_clauses: list[str]
    transitional_clauses: list[str] = []
    task_article_titles: list[str]
    power_titles: PowerTitles
    task_headings: list[str]
    duty_headings: list[str] = []
    subject_heads: list[str]
    not_subject_heads: list[str] = []
    holder_heads: list[str] = []
    group_subjects: list[str] = []
    subject_share: float = 0.5
    assignment_openings: list[str]
    not_assignment_openings: list[str] = []
    citation_list_openings: list[str]
    schedule_list_openings: list[str] = []
    note_openings: list[str] = []
    field_list_openings: dict[str, list[str]] = {}
    group_field_openings: list[str] = []
    provision_duties: list[str] = []
    body_duties: list[str] = []
    responsibility_headings: list[str] = []
    amendment_formula: str = ""
    task_table: TaskTableColumns
    sizes: StructureSizes


@dataclass(frozen=True)
class _ReportCues:
    """rules/structure.yaml `reports`, compiled (see _is_report)."""

    lead_in: re.Pattern  # a scene-setting opening clause ("thực hiện …", "thứ nhất"), on the match form
    past: re.Pattern | None  # the past marker after a subject's name ("đã", not "đã được"), on the match form
    law: re.Pattern  # "theo quy định tại …", on the match form
    statement_subject: re.Pattern  # an activity or an act as the subject ("việc …", "các hành vi …"), match form
    law_predicates: list[re.Pattern]  # what the law provides of it ("… là hành vi bị nghiêm cấm"), match form
    definition: re.Pattern | None  # a phrase that defines a thing ("tên khoa học là"), match form
    stops: re.Pattern | None  # a predicate word, on the display text: printed in lower case it ends a name
    subject_max_words: int


@dataclass(frozen=True)
class _Cues:
    rules: StructureRules
    number: re.Pattern
    date: re.Pattern
    motto: tuple[str, ...]
    doc_types: dict[str, str]
    preamble: re.Pattern
    enacting: frozenset[str]
    closing: re.Pattern  # on fold_aligned text
    signature: re.Pattern
    signature_split: re.Pattern  # before an authority abbreviation ("TM.", "T/M") that opens a signature in a cell
    appendix: re.Pattern
    subject: re.Pattern
    group_subject: re.Pattern | None
    non_task_title: re.Pattern
    folded_non_task_titles: tuple[tuple[str, int], ...]  # (folded title, its words): OCR-misread part headings
    non_task_title_work: re.Pattern | None
    requirement_title: re.Pattern | None
    condition: re.Pattern | None  # an item opening with the copula ("Là …"), not a body's role ("Là cơ quan …")
    scope_title: re.Pattern | None
    non_task_clause: tuple[re.Pattern, ...]
    transitional_clause: tuple[re.Pattern, ...]
    task_article: tuple[re.Pattern, ...]
    task_heading: tuple[re.Pattern, ...]
    duty_heading: re.Pattern | None
    amendment: re.Pattern | None
    assignment: re.Pattern
    assignment_anywhere: re.Pattern
    citation_list: re.Pattern
    schedule_list: re.Pattern | None
    note: re.Pattern | None
    field_role: re.Pattern | None  # None when no field names a role; else field_any (every field heading) is set
    field_any: re.Pattern | None
    group_field: re.Pattern | None  # who carries out a whole list, after its last item ("Trách nhiệm chỉ đạo thực hiện:")
    content_list: re.Pattern
    case_list: re.Pattern | None
    finding_list: re.Pattern | None
    point_list: re.Pattern | None
    deliverable: re.Pattern | None
    report: _ReportCues
    courtesy: re.Pattern | None
    directs: re.Pattern | None  # rules/roles.yaml direct_cues, anywhere in a match_form text
    closing_openings: tuple[str, ...]  # rules' closing_formula openings and endings, in match_form
    closing_endings: tuple[str, ...]
    subject_prefix: re.Pattern
    title_issuer: re.Pattern
    title_subject: re.Pattern
    recipients: re.Pattern
    provision_duty: re.Pattern | None
    holder: re.Pattern | None
    body_duty: re.Pattern | None
    responsibility_heading: re.Pattern | None
    table: TableCues


def _openings(phrases: list[str], form: Callable[[str], str] = match_form) -> re.Pattern:
    """A pattern matching any phrase at the start of a text in `form`, on a word boundary: a match_form text, or
    with `fold` a fold_aligned one, where marks lost or misread by OCR ("Noi nhận", "Nơi nhân") do not matter and
    the match ends where the phrase ends in the text."""
    forms = sorted({form(p) for p in phrases}, key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(f) for f in forms) + r")(?!\w)")


def _subject_openings(heads: list[str], not_heads: list[str]) -> re.Pattern:
    """Openings by a body's head word ("Sở …"), except the names that only begin like one ("Sở Giao dịch …"); or by
    an assignment word, except where it is a noun ("Yêu cầu về …")."""
    pattern = _openings(heads)
    if not not_heads:
        return pattern
    return re.compile(r"^" + _not_before(not_heads) + pattern.pattern[1:])


def _not_before(phrases: list[str]) -> str:
    """A lookahead that fails where one of the phrases (match form) stands, on a word boundary; empty for none."""
    if not phrases:
        return ""
    return r"(?!(?:" + "|".join(re.escape(f) for f in sorted({match_form(p) for p in phrases}, key=len, reverse=True)) \
        + r")(?!\w))"


def _anywhere(phrases: list[str]) -> re.Pattern | None:
    """A pattern finding any phrase anywhere in a match_form text, on word boundaries; None for no phrase."""
    if not phrases:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(match_form(w)) for w in phrases) + r")(?!\w)")


def _list_endings(patterns: list[str]) -> re.Pattern | None:
    """A pattern finding a text that ends with one of the regexes and perhaps a colon ("… trừ các trường hợp sau
    đây:", "… trong đó lưu ý:"), or None for none."""
    if not patterns:
        return None
    return re.compile(r"(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\s*:?\s*$")


def _colon_openings(phrases: list[str]) -> re.Pattern | None:
    """A matching-form text that opens with one of the phrases and a colon ("báo cáo năm:", "lưu ý:"), or None."""
    if not phrases:
        return None
    return re.compile(r"^(?:" + "|".join(re.escape(match_form(p)) for p in phrases) + r")\s*:")


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    rules = load_rules("structure", StructureRules)
    signature_forms = sorted({match_form(p) for p in rules.signature_cues}, key=len, reverse=True)
    # the authority abbreviations ("TM.", "KT.", the party's "T/M") as printed: a signature opens at one
    authorities = sorted((c for c in rules.signature_cues if c.endswith(".") or "/" in c), key=len, reverse=True)
    return _Cues(
        rules=rules,
        number=re.compile(rules.number_prefix),
        date=re.compile(rules.date_line),
        motto=tuple(fold(m) for m in rules.motto),
        doc_types={fold(k): v for k, v in rules.doc_types.items()},
        preamble=_openings(rules.preamble_cues),
        enacting=frozenset(fold(f) for f in rules.enacting_formulas),
        closing=_openings(rules.closing_cues, fold),
        signature=re.compile(r"^(?:" + "|".join(re.escape(f) for f in signature_forms) + r")"),
        signature_split=re.compile(r"\s+(?=(?:" + "|".join(map(re.escape, authorities)) + r")\s*[A-ZĐÀ-Ỹ])"),
        appendix=_openings(rules.appendix_cues),
        subject=_subject_openings(rules.subject_heads, rules.not_subject_heads),
        group_subject=_openings(rules.group_subjects) if rules.group_subjects else None,
        non_task_title=_openings(rules.non_task_titles),
        folded_non_task_titles=tuple((f, len(f.split())) for f in map(fold, rules.non_task_titles) if len(f.split()) >= 2),
        non_task_title_work=_anywhere(rules.non_task_title_work),
        requirement_title=_openings(rules.requirement_titles) if rules.requirement_titles else None,
        condition=_subject_openings(rules.condition_openings, rules.not_condition_openings)
        if rules.condition_openings else None,
        scope_title=_openings(rules.scope_titles) if rules.scope_titles else None,
        non_task_clause=tuple(re.compile(p) for p in rules.non_task_clauses),
        transitional_clause=tuple(re.compile(p) for p in rules.transitional_clauses),
        task_article=tuple(re.compile(p) for p in [*rules.task_article_titles, _power_title(rules.power_titles)]),
        task_heading=tuple(re.compile(p) for p in rules.task_headings),
        duty_heading=_openings(rules.duty_headings) if rules.duty_headings else None,
        amendment=re.compile(rules.amendment_formula) if rules.amendment_formula else None,
        assignment=_subject_openings(rules.assignment_openings, rules.not_assignment_openings),
        assignment_anywhere=re.compile(r"(?<!\w)" + _not_before(rules.not_assignment_openings) + r"(?:"
                                       + "|".join(re.escape(match_form(w)) for w in rules.assignment_openings)
                                       + r")(?!\w)"),
        citation_list=_openings(rules.citation_list_openings),
        schedule_list=_colon_openings(rules.schedule_list_openings),
        note=_colon_openings(rules.note_openings),
        field_role=_field_headings(rules.field_list_openings.get("roles", [])),
        field_any=_field_headings([p for ps in rules.field_list_openings.values() for p in ps]),
        group_field=_colon_openings(rules.group_field_openings),
        case_list=_list_endings(rules.case_list_endings),
        finding_list=_list_endings(rules.finding_list_endings),
        point_list=_list_endings(rules.point_list_endings),
        deliverable=_openings(rules.deliverable_openings) if rules.deliverable_openings else None,
        content_list=_content_list(rules.content_list_endings, rules.content_list_kinds, rules.content_list_kind_tails),
        report=_report_cues(rules.reports),
        courtesy=_anywhere(rules.closing_formula.courtesies),
        directs=_anywhere(load_rules("roles", _DirectWording).direct_cues),
        closing_openings=tuple(match_form(o) for o in rules.closing_formula.openings),
        closing_endings=tuple(match_form(e) for e in rules.closing_formula.endings),
        subject_prefix=_openings(rules.subject_prefixes),
        title_issuer=_openings(rules.title_block.issuer_openings),
        title_subject=_openings(rules.title_block.subject_openings),
        recipients=_openings([rules.recipients_cue]),
        provision_duty=_anywhere(rules.provision_duties),
        holder=_openings(rules.holder_heads) if rules.holder_heads else None,
        body_duty=_anywhere(rules.body_duties),
        responsibility_heading=_anywhere(rules.responsibility_headings),
        table=table_cues(),
    )


def _alternatives(phrases: list[str]) -> str:
    return "(?:" + "|".join(re.escape(match_form(p)) for p in sorted(phrases, key=len, reverse=True)) + ")"


def _content_list(endings: list[str], kinds: list[str], tails: list[str]) -> re.Pattern:
    """The end of a heading that introduces a list of contents ("… bao gồm:"), or of the kinds it counts ("… gồm 02
    loại:", "… bao gồm các hình thức sau:"; at most one word of count between the ending and the kind)."""
    tail = rf"(?: {_alternatives(tails)})?" if tails else ""
    kinds_part = rf"(?:(?: \S+)? {_alternatives(kinds)}{tail})?" if kinds else ""
    return re.compile(rf"(?<!\w){_alternatives(endings)}{kinds_part}\s*:?\s*$")


def _report_cues(reports: Reports) -> _ReportCues:
    stops = load_rules("roles", _PredicateWords).stops
    past = None
    if reports.past_markers:
        not_past = rf"(?! {_alternatives(reports.not_past)}(?!\w))" if reports.not_past else ""
        past = re.compile(rf"(?<!\w){_alternatives(reports.past_markers)}(?!\w){not_past}")
    return _ReportCues(
        lead_in=_openings(reports.lead_ins) if reports.lead_ins else re.compile("(?!)"),
        past=past,
        law=re.compile("|".join([*([_openings(reports.law_openings).pattern] if reports.law_openings else []),
                                 reports.law_provisions])),
        stops=re.compile(rf"(?<!\w){_alternatives(stops)}(?!\w)") if stops else None,
        statement_subject=_openings(reports.statement_subjects) if reports.statement_subjects else re.compile("(?!)"),
        law_predicates=[re.compile(p) for p in reports.law_predicates],
        definition=_anywhere(reports.definitions),
        subject_max_words=reports.subject_max_words,
    )


def _power_title(titles: PowerTitles) -> str:
    """The pattern of an article title that hands a power over ("Thẩm quyền của Ủy ban nhân dân cấp huyện chuyển
    giao cho …", "Thẩm quyền của Thủ tướng Chính phủ … do Ủy ban nhân dân cấp tỉnh thực hiện"), made of the power
    wording of rules/roles.yaml; a loose transfer ("do") counts only with its closing verb close after it."""
    wording = load_rules("roles", _PowerWording)
    unknown = set(titles.loose_transfers) - set(wording.power_transfers)
    if unknown:
        raise DoichieuError(str(rules_dir() / "structure.yaml"), f"invalid rule at power_titles.loose_transfers: "
                                                                   f"{sorted(unknown)} not in roles.yaml power_transfers")

    def alternatives(phrases: list[str]) -> str:
        return "(?:" + "|".join(re.escape(match_form(p)) for p in phrases) + ")"

    strict = [t for t in wording.power_transfers if t not in titles.loose_transfers]
    return (rf"^{alternatives(wording.power_openings)}\b.*(?:{alternatives(strict)}\b"
            rf"|\b{alternatives(titles.loose_transfers)}\b.{{1,{titles.closing_within}}}\b"
            rf"{alternatives(wording.transfer_closings)}\b)")


STATUTE_KINDS = ("part", "chapter", "section", "article")


# --------------------------------------------------------------------------- the outline


@dataclass
class _Node:
    label: Label
    head: Block  # the block that carries the label
    index: int  # position of the head block in the block list
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)  # unlabelled paragraphs that follow the head
    absorbed: list[Block] = field(default_factory=list)  # citation-list bullets folded into this node
    # the particulars of the work below, one line a field, from the items that gave them (see _absorb_particulars)
    particulars: list[Block] = field(default_factory=list)
    value: str = ""  # repaired sequence value
    problem: str = ""  # "repeated" | "misread" | "order" when the printed label breaks its sequence
    after: str = ""  # the previous value in the sequence, for the notice
    id: str = ""
    holds_tasks: bool = True
    # under a requirement heading ("4.1. Yêu cầu về kỹ thuật …:"): only its items that charge a body are tasks
    requirements: bool = False
    is_task: bool | None = None  # decided once by _is_task_leaf
    heads_table: bool = False  # a task table follows this heading (its rows are the tasks)
    has_tasks_below: bool | None = None
    # paragraphs after its last item that open with a subject of their own: tasks of this node (see _split_trailing)
    trailing: list[list[Block]] = field(default_factory=list)
    trailing_ids: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.label.kind

    @property
    def title(self) -> str:
        own = self._own_title()
        if not own and self.body and self.kind in STATUTE_KINDS:
            return self.body[0].text  # "Chương I" / "QUY ĐỊNH CHUNG" on the next line
        return own

    @property
    def intro(self) -> list[Block]:
        """Unlabelled paragraphs after the heading (the title line of a chapter excepted)."""
        own = self._own_title()
        return self.body[1:] if (not own and self.body and self.kind in STATUTE_KINDS) else self.body

    def _own_title(self) -> str:
        """The heading's text after its label; a part, chapter or section sets its title apart from the label
        with a dash or a colon, which is no part of it ("Chương IV -" / "XÂY DỰNG CÔNG TRÌNH ĐẶC THÙ")."""
        own = _strip_label(self.head, self.label)
        stray = _STRAY_NUMERAL.match(own)
        if stray and own[stray.end()].isupper():
            own = own[stray.end():]
        return own.strip(" -–—:") if self.kind in ("part", "chapter", "section") else own

    def last_block(self, own: bool = False) -> Block:
        """The last paragraph of the node; with `own`, of its own text (not the paragraphs split off it)."""
        blocks = [self.head, *self.body, *self.absorbed, *self.particulars,
                  *(b for group in ([] if own else self.trailing) for b in group)]
        if self.children:
            blocks.append(self.children[-1].last_block())
        return max(blocks, key=lambda b: b.span.end)


# a figure alone between a label and a capitalised word: what a scan leaves of a mark beside the label ("đ) 1 Đề
# nghị Tổng Liên đoàn …"); a count is written with its zero ("a) 02 Phó Chủ tịch"), and a figure before a lower-case
# word opens the sentence ("a) 30 ngày …")
_STRAY_NUMERAL = re.compile(r"[1-9] +(?=[^\W\d_])")


def _strip_label(block: Block, label: Label | None) -> str:
    text = block.text[label.end:] if label is not None else block.text
    return text.strip()


def _block_label(block: Block) -> Label | None:
    """The label normalize accepted at the start of this block (markup 'label:<kind>')."""
    if not any(m.startswith("label:") for m in block.markup):
        return None
    return parse_label(block.text)


# --------------------------------------------------------------------------- entry point


def segment(blocks: list[Block], source: SourceText, doc_id: str | None = None, role: str | None = None) -> Document:
    """Recover header facts, preamble, body structure, tasks and closing of one document."""
    cues = _cues()
    if not blocks:
        raise DoichieuError(source.path, "không có chữ để phân tích (tệp không có đoạn văn đọc được)")
    blocks = _split_article_titles(blocks, source, cues)
    labels = [_block_label(b) for b in blocks]
    meta = DocumentMeta()
    notices: list[Notice] = []

    header_end = _read_header(blocks, labels, meta, cues)
    meta.addressees = list(meta.recipients)  # the "Kính gửi" list; "Nơi nhận" is read with the closing
    _prefer_layout_fields(meta, source.fields)
    closing_start, appendix_start = _find_closing(blocks, labels, header_end, cues)
    body_start = _find_body(blocks, labels, header_end, closing_start, cues)

    preamble_blocks = blocks[header_end:body_start]

    document_id = doc_id or _default_id(meta, source)
    doc = Document(id=document_id, path=source.path, role=role, kind=source.kind, meta=meta,
                   notices=list(source.notices) + notices, sha256=source.sha256)
    used: set[str] = set()
    tables = _task_tables(blocks, labels, cues)
    attachment = _find_attachment(blocks, closing_start, appendix_start, cues)
    closing_end = appendix_start if attachment is None else attachment[0]
    closing_blocks = list(blocks[closing_start:closing_end])
    closing_blocks += _body(blocks, labels, body_start, closing_start, doc, used, cues, tables)
    if attachment is not None:
        # a decision that issues a plan, programme or regulation "kèm theo": the attached text holds the tasks
        first, after_header = attachment
        attached_close, appendix_start = _find_closing(blocks, labels, after_header, cues)
        attached_body = _find_body(blocks, labels, after_header, attached_close, cues)
        closing_blocks += blocks[attached_close:appendix_start]
        preamble_blocks = preamble_blocks + blocks[first:attached_body]
        closing_blocks += _body(blocks, labels, attached_body, attached_close, doc, used, cues, tables)
    if tables:
        _emit_tables(tables, blocks, doc, used)
        # the rows were left out of the outline: back into source order with the items around them
        doc.sections.sort(key=lambda s: s.span.start)
        doc.tasks.sort(key=lambda t: t.span.start)
    _read_closing(closing_blocks, meta, cues)
    if appendix_start < len(blocks):
        first = blocks[appendix_start]
        last = blocks[-1]
        doc.sections.append(Section(id=_claim("Phụ lục", {s.id for s in doc.sections}), label="",
                                    kind="appendix", title=first.text, span=_span(first, last), holds_tasks=False))
    doc.preamble = "\n".join(b.text for b in preamble_blocks)
    doc.closing = "\n".join(b.text for b in sorted(closing_blocks, key=lambda b: b.span.start))
    if not meta.issuer:
        meta.issuer = _issuer_from_signature(closing_blocks, cues)
    if not doc.tasks and not doc.sections:
        raise DoichieuError(source.path, "không tìm thấy cấu trúc văn bản: không có mục đánh số, điều hay nhiệm vụ được giao")
    return doc


def _split_article_titles(blocks: list[Block], source: SourceText, cues: _Cues) -> list[Block]:
    """An article title printed with its text on the same line ("Điều 2. Thời hạn ủy quyền: Từ ngày … đến hết
    ngày …") ends at its colon: the text after it is the article's first paragraph, a block of its own. Not when
    the words before the colon name whom the article addresses ("Điều 3. Giao Sở Tài chính: Chủ trì …": the
    subject of its task) or are no title (longer than `article_title_max_words`, or a sentence)."""
    out: list[Block] = []
    for block in blocks:
        label = _block_label(block)
        colon = block.text.find(":", label.end) if label is not None and label.kind == "article" else -1
        title, rest = block.text[label.end:colon].strip() if colon > 0 else "", block.text[colon + 1:].strip()
        # where the colon and the text after it stand in the source (the block's text may have lost blanks)
        at = source.text.find(":", block.span.start + label.end, block.span.end) if title else -1
        if at < 0:
            out.append(block)
            continue
        after = source.text[at + 1:block.span.end]
        body = at + 1 + len(after) - len(after.lstrip())
        if body >= block.span.end or not (rest[:1].isupper() or rest[:1].isdigit()) or _no_title(title, cues) \
                or cues.subject.match(_form(title)) or cues.assignment.match(_form(title)):
            out.append(block)
            continue
        out.append(Block(text=block.text[:colon].rstrip(), markup=block.markup, span=Span(
            line=block.span.line, end_line=block.span.line + source.text.count("\n", block.span.start, at),
            start=block.span.start, end=at, page=block.span.page, end_page=block.span.page)))
        out.append(Block(text=rest, markup=block.markup - {m for m in block.markup if m.startswith("label:")},
                         span=Span(line=block.span.line + source.text.count("\n", block.span.start, body),
                                   end_line=block.span.end_line, start=body, end=block.span.end,
                                   page=block.span.page, end_page=block.span.end_page)))
    return out


_SENTENCE_STOP = re.compile(r"[.;!?](?:\s|$)")


# --------------------------------------------------------------------------- header


def _body(blocks: list[Block], labels: list[Label | None], start: int, end: int, doc: Document, used: set[str],
          cues: _Cues, tables: list[_Table] = ()) -> list[Block]:
    """Sections and tasks of blocks[start:end] added to `doc`; returns the paragraphs that belong to the
    closing (the closing formula, trailing paragraphs that assign nothing). The rows of task tables are left
    out; the heading a table follows ("II. NHIỆM VỤ, GIẢI PHÁP" / table) becomes its parent."""
    labels = _read_lookalikes(blocks, labels, start, end, doc)
    roots, loose, trailing = _build_outline(blocks, labels, start, end, tables)
    _split_trailing(roots, cues)
    statute = any(labels[i] is not None and labels[i].kind == "article" for i in range(start, end))
    _validate_sequences(roots)
    _assign_ids(roots, used)
    doc.notices.extend(_sequence_notices(roots, doc.path))
    _decide_scope(roots, statute, cues, blocks[start - 1] if start > 0 else None)
    _emit(roots, doc, statute)
    # unlabelled paragraphs of a body without labels (letters) are tasks when they assign work; a trailing
    # paragraph after the last item likewise ("closing"); the last one may be the closing formula
    closing_paragraphs: list[Block] = []
    for group, name in ((loose, None), (trailing, CLOSING)):
        for position, block in enumerate(group):
            last = position == len(group) - 1
            if (last and _is_closing_formula(block, cues)) or not _assigns_work(block, cues):
                closing_paragraphs.append(block)
                continue
            task_id = _claim(name or str(sum(1 for t in doc.tasks if not t.label) + 1), used)
            block = _after_summary(block, cues)
            doc.tasks.append(Task(doc=doc.id, id=task_id, label="", text=block.text, span=block.span))
    return closing_paragraphs


def _after_summary(block: Block, cues: _Cues) -> Block:
    """A closing paragraph that sums the document up before it asks for the work ("Trên đây là Kế hoạch … . Các
    đơn vị được giao nhiệm vụ … khẩn trương tổ chức triển khai …"): the task is the request, from its sentence on
    (its offsets moved with it; its line stays the paragraph's first)."""
    if not match_form(block.text).startswith(cues.closing_openings):
        return block
    request = _later_request(block.text, cues)
    cut = block.text.find(request) if request is not None else -1
    if cut <= 0:
        return block
    return Block(text=block.text[cut:], markup=block.markup,
                 span=replace(block.span, start=min(block.span.start + cut, block.span.end)))


def _later_request(text: str, cues: _Cues) -> str | None:
    """The first sentence after a paragraph's first that puts the work on a body or in which a body asks for it
    ("Trên đây là Kế hoạch … . Các đơn vị được giao nhiệm vụ … khẩn trương tổ chức triển khai …"), or None: the request of a closing paragraph that sums the document
    up first (_after_summary, _is_closing_formula)."""
    return next((sentence for sentence in _sentences(text)[1:]
                 if _opens_with_subject(sentence, cues) or _asks(sentence, cues, body=True)), None)


@dataclass
class _Table:
    """A table of tasks (docx rows with " | " cells): a header row naming the task and lead columns, then one
    row per task, numbered in its first cell; group rows ("I | Nhóm nhiệm vụ …") head sections."""

    header: list[str]
    rows: list[int]  # block indices of the header, group and task rows
    title: str
    end: int = 0  # block index after the table's last row
    parent: _Node | None = None  # the heading the table follows, if any (set by _build_outline)


def _row_cells(text: str, width: int | None = None) -> list[str]:
    """Cells of a table row " | "-separated, with or without outer bars ("| 1 | Rà soát … | Sở X |"). Given the
    table's `width` (its header's cells), a bar at an end is an outer bar only where the row has a cell too many
    for it: a Word row whose first cells are empty (" |  | đủ biên chế …") opens with a bar that sets them apart."""
    if width is not None:
        cells = [c.strip() for c in text.strip().split("|")]
        if len(cells) > width and not cells[0]:
            cells = cells[1:]
        if len(cells) > width and not cells[-1]:
            cells = cells[:-1]
        if 2 < len(cells) < width and not cells[0] and not cells[-1]:
            cells = cells[1:-1]  # a markdown row whose cells are merged across: "| a) | Nhóm hoạt động … |"
        return cells
    text = text.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|"):
        text = text[:-1]
    return [c.strip() for c in text.split("|")]


def _task_tables(blocks: list[Block], labels: list[Label | None], cues: _Cues) -> list[_Table]:
    tables: list[_Table] = []
    i = 0
    while i < len(blocks):
        cells = _row_cells(blocks[i].text) if "table" in blocks[i].markup else []
        folded = [fold(c) for c in cells]
        if len(cells) >= 3 and any(c.startswith(cues.table.task) for c in folded) \
                and any(f" {w} " in f" {c} " for c in folded for w in cues.table.lead):
            above = i - 1
            if above > 0 and _ATTACHED.match(_form(blocks[above].text)):
                above -= 1  # the table's title stands above its "(Kèm theo Quyết định số …)" note
            title = blocks[above].text if above >= 0 and "table" not in blocks[above].markup else ""
            table = _Table(header=cells, rows=[i], title=title)
            task_column = cues.table.task_column(cells)
            k = i + 1
            while k < len(blocks) and "table" in blocks[k].markup:
                if _is_table_row(_row_cells(blocks[k].text, len(cells)), folded, task_column, cues):
                    table.rows.append(k)
                k += 1
            table.end = k
            if len(table.rows) > 1:
                tables.append(table)
            i = k
            continue
        i += 1
    return tables


# the first cell of a row under a merged numbering cell (empty) or of a bulleted row ("-", "+")
_UNNUMBERED = re.compile(r"^[-+•*.]?$")
# a row of column numbers under the header ("(1) | (2) | (3)")
_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")


def _is_table_row(cells: list[str], header: list[str], task_column: int, cues: _Cues) -> bool:
    """Whether a row under a task table's header is one of its rows: a numbered, lettered or group row; or, where
    the first column holds no number (a cell merged down from the row above, a bullet "-", "+", a table with no
    numbering column), any row with text that is no copy of the header (printed again on each page) and no row
    of column numbers."""
    if task_column > 0 and cues.table.row_kind(cells[0]):
        return True
    if task_column > 0 and not _UNNUMBERED.match(cells[0]):
        return False
    if [fold(c) for c in cells] == header:
        return False
    return any(c and not _COLUMN_NUMBER.match(c) for c in cells)


def _row_kinds(rows: list[list[str]], task_column: int, cues: _Cues) -> list[str]:
    """What each row of a task table is: "group", "row" (numbered), "sub" (lettered), "item" (an unnumbered row
    of its own: under a merged numbering cell, bulleted, or in a table with no numbering column) or "more" (the
    rest of the row above, carried over to a new row at a page break: its task text goes on in lower case, or it
    has nothing beside it). A lettered or numbered row whose only text stands before the task column is the
    title of a group merged across the columns ("a) | Nhóm hoạt động nhằm …")."""
    kinds = []
    for cells in rows:
        text = cells[task_column] if task_column < len(cells) else ""
        kind = cues.table.row_kind(cells[0]) if task_column > 0 else None
        if kind in ("row", "sub") and not any(cells[task_column:]) and any(cells[1:task_column]):
            kind = "group"
        elif kind is None:
            beside = any(c for n, c in enumerate(cells) if n not in (0, task_column))
            first = text.split()[0] if text.split() else ""
            if task_column == 0 and not beside and (cues.table.group.match(first) or is_upper_line(text)):
                kind = "group"
            elif text[:1].islower() or not (beside or text[:1] in "+-.•" or text.rstrip().endswith(":")):
                kind = "more" if kinds and kinds[-1] in ("row", "sub", "item", "more") else "item"
            else:
                kind = "item"
        kinds.append(kind)
    return kinds


def _emit_tables(tables: list[_Table], blocks: list[Block], doc: Document, used: set[str]) -> None:
    """One section per table, one task per numbered row: the task column's text, then the other columns
    under their printed headings ("(Cơ quan chủ trì: …; Thời gian: …)"). A numbered row with sub-rows
    ("1 | Tuyên truyền …" then "a) | …", "b) | …") is a section over them instead, and a sub-row takes the
    numbered row's cells where its own are empty."""
    cues = _cues()
    for number, table in enumerate(tables, start=1):
        table_id = _claim(f"Bảng.{number}", used)
        header = [fold(c) for c in table.header]
        task_column = cues.table.task_column(table.header)
        first, last = blocks[table.rows[0]], blocks[table.rows[-1]]
        doc.sections.append(Section(id=table_id, label="", kind="table", title=table.title or table.header[task_column],
                                    span=_span(first, last), holds_tasks=True,
                                    parent=table.parent.id if table.parent is not None else None))
        rows = [_row_cells(blocks[index].text, len(table.header)) for index in table.rows[1:]]
        kinds = _row_kinds(rows, task_column, cues)
        # a row carried over to the next one at a page break: its cells go on those of the row above
        indices = [[index] for index in table.rows[1:]]
        for position in range(len(rows) - 1, 0, -1):
            if kinds[position] == "more":
                cells = rows.pop(position)
                rows[position - 1] = [f"{a} {c}".strip() for a, c in zip_longest(rows[position - 1], cells, fillvalue="")]
                indices[position - 1] += indices.pop(position)
                del kinds[position]
        group_id = row_group = table_id
        numbered: list[str] = []
        items: Counter[str] = Counter()  # unnumbered rows so far under each section
        # a bulleted row that only introduces the rows after it ("+ Thực hiện các hoạt động sau, tùy theo …:" / ". …"):
        # the section it heads, the mark of its bullet and the section it is in
        intro: tuple[str, str, str] | None = None
        # the numbered row whose numbering cell the rows after it share (merged down: their first cell is empty),
        # with how many rows share it so far: they are numbered after it ("1" / "1.2" / "1.3")
        shared: tuple[str, str] | None = None
        sharing = 0
        # the columns between the numbering and the task column that group the rows (not a lead column)
        grouping = [n for n in range(1, task_column) if not any(f" {w} " in f" {header[n]} " for w in cues.table.lead)]
        for position, (index, cells, kind) in enumerate(zip(indices, rows, kinds, strict=True)):
            block = blocks[index[0]]
            span = _span(block, blocks[index[-1]])
            mark_of_row = _cell_bullet(cells[task_column]) if task_column < len(cells) else ""
            grouped = any(cells[n] for n in grouping if n < len(cells))
            if intro is not None and (kind != "item" or mark_of_row == intro[1] or grouped):
                row_group, intro = intro[2], None  # the introduced rows end with the next row of its own mark
            if kind == "item":
                if grouped:
                    # a cell left of the task column merged down over the rows below it (a group of activities
                    # with a task each): the rows it spans are a section
                    items[group_id] += 1
                    section_id = _claim(f"{group_id}.{items[group_id]}", used)
                    doc.sections.append(Section(id=section_id, label=cells[0], kind="group",
                                                title=" ".join(cells[n] for n in grouping if n < len(cells)),
                                                span=span, parent=group_id))
                    row_group, numbered = section_id, []
                items[row_group] += 1
                mark = str(items[row_group])
                if shared is not None and shared[0] == row_group and not cells[0] and intro is None:
                    sharing += 1
                    mark = f"{shared[1]}.{sharing}"
                else:
                    shared = None
                cells = ["" if n in grouping else c for n, c in enumerate(cells)]
                if intro is None and _introduces_rows(cells, task_column, rows[position + 1:position + 2],
                                                      kinds[position + 1:position + 2]):
                    section_id = _claim(f"{row_group}.{mark}", used)
                    doc.sections.append(Section(id=section_id, label=mark_of_row, kind="group",
                                                title=cells[task_column][len(mark_of_row):].strip(), span=span,
                                                parent=row_group))
                    intro, row_group = (section_id, mark_of_row, row_group), section_id
                    continue
            else:
                # "1.2" under row "1" is its "2"; a group's title in a table with no numbering column opens with its mark
                mark = (cells[0].split()[0] if task_column == 0 else cells[0]).rstrip(".)").rsplit(".", 1)[-1]
            heads_subrows = kind == "row" and position + 1 < len(kinds) and kinds[position + 1] == "sub"
            if kind == "group" or heads_subrows:
                parent = table_id if kind == "group" else group_id
                section_id = _claim(f"{parent}.{mark}", used)
                doc.sections.append(Section(id=section_id, label=cells[0], kind="group",
                                            title=cells[task_column] if heads_subrows else " ".join(c for c in cells[1:] if c)
                                            or cells[0], span=span, parent=parent))
                if kind == "group":
                    group_id = row_group = section_id
                    numbered = []  # the cells of a numbered row in the group before lend nothing here
                else:
                    row_group, numbered = section_id, cells
                continue
            if kind == "row":
                row_group, numbered = group_id, []
                shared, sharing = (row_group, mark), 1
            elif numbered:  # a sub-row: the numbered row's cells fill its empty ones
                cells += [""] * (len(numbered) - len(cells))
                cells = [c or (numbered[i] if i < len(numbered) and i != task_column else "") for i, c in enumerate(cells)]
            text = cells[task_column] if task_column < len(cells) else ""
            if kind == "item" and mark_of_row:
                text = text[len(mark_of_row):].lstrip()  # the bullet is the row's label, no word of its task
            task_id = _claim(f"{row_group}.{mark}", used)
            extra = [f"{table.header[i]}: {cells[i]}" for i in range(len(cells))
                     if i not in (0, task_column) and i < len(table.header) and cells[i] and table.header[i]]
            if extra:
                text = f"{text} ({'; '.join(extra)})"
            doc.tasks.append(Task(doc=doc.id, id=task_id, label=cells[0] if kind != "item" else mark_of_row,
                                  text=text, span=span, parent=row_group))


# the bullet a table cell opens with ("+ Rà soát …", ". Tư vấn …", "- Xây dựng …")
_CELL_BULLET = re.compile(r"^[-+•*.](?=\s)")


def _cell_bullet(text: str) -> str:
    bullet = _CELL_BULLET.match(text)
    return bullet.group() if bullet else ""


def _introduces_rows(cells: list[str], task_column: int, following: list[list[str]], kinds: list[str]) -> bool:
    """A bulleted row whose task cell ends with a colon, with nothing beside it, before a row of another bullet ("+
    Thực hiện các hoạt động can thiệp sau, tùy theo điều kiện …:" / ". Tiếp tục hỗ trợ …"): the heading of the rows
    after it, no task."""
    text = cells[task_column] if task_column < len(cells) else ""
    mark = _cell_bullet(text)
    if not mark or not text.rstrip().endswith(":") or any(c for n, c in enumerate(cells) if n not in (0, task_column)):
        return False
    return bool(following) and kinds[0] == "item" and task_column < len(following[0]) \
        and _cell_bullet(following[0][task_column]) not in ("", mark)


_ATTACHED_NOTE = r"\s*(?:được\s+)?(?:ban hành\s+)?kèm theo\b"
_ATTACHED = re.compile(r"^\(?" + _ATTACHED_NOTE)
# the same note at the end of a trích yếu it was joined to ("Phòng, chống … 2030 (Ban hành kèm theo …)")
_ATTACHED_AFTER_TITLE = re.compile(r"\(" + _ATTACHED_NOTE)


def _find_attachment(blocks: list[Block], closing: int, appendix: int, cues: _Cues) -> tuple[int, int] | None:
    """(index of the attached document's type line, index after its "(Ban hành kèm theo …)" line) when the
    signature is followed by an attached plan, programme or regulation — not by an appendix or a model form."""
    for i in range(closing, min(appendix, len(blocks))):
        if not _doc_type(blocks[i].text.strip(), cues):
            continue
        for k in range(i + 1, min(i + 5, len(blocks))):
            if _ATTACHED.match(_form(blocks[k].text)) or (
                    k == i + 1 and _ATTACHED_AFTER_TITLE.search(match_form(blocks[k].text[:_TITLE_CHARS]))):
                return i, k + 1
    return None


_TITLE_CHARS = 600  # a trích yếu and its "(Ban hành kèm theo …)" note fit in this many characters


def _cells(block: Block) -> list[str]:
    return [c for c in _row_cells(block.text) if c] if "table" in block.markup else [block.text]




def _form(text: str) -> str:
    """match_form of the beginning of a text: enough for every opening cue, cheap on long paragraphs."""
    return match_form(text[:_HEAD])


_HEAD = 240


def _doc_type(text: str, cues: _Cues) -> str | None:
    """The document type a header line in capitals names: "KẾ HOẠCH", or with a qualifier of the kind
    ("KẾ HOẠCH QUỐC GIA"; rules/structure.yaml `doc_type_qualifiers`), or followed by its issuer alone
    ("CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ": after a `title_block` issuer opening, with no subject opening after
    it — a line that goes on to its subject is a title, not the type line)."""
    if not is_upper_line(text):
        return None
    words = text.split()
    for at in range(1, len(words)):
        if cues.title_issuer.match(_form(" ".join(words[at:]))):
            if any(cues.title_subject.match(_form(" ".join(words[k:]))) for k in range(at + 1, len(words))):
                return None
            return _type_name(fold(" ".join(words[:at])), cues)
    return _type_name(fold(text), cues)


def _type_name(form: str, cues: _Cues) -> str | None:
    if form in cues.doc_types:
        return cues.doc_types[form]
    for qualifier in cues.rules.doc_type_qualifiers:
        form = re.sub(rf"\s+{re.escape(fold(qualifier))}$", "", form)
    return cues.doc_types.get(form)


def _subject_after_number(value: str, cues: _Cues) -> int | None:
    """Where a letter's subject (rules/structure.yaml `subject_prefixes`: "V/v …") begins after a số hiệu in the
    same cell, or None."""
    for match in re.finditer(r"\s+(?=\S)", value):
        if cues.subject_prefix.match(match_form(value[match.end():])):
            return match.start()
    return None


_NOTE_NUMBER = re.compile(r"\bsố\s*:?\s*(?P<number>\d+[^\s,;)]*)")


def _read_attached_note(note: str, meta: DocumentMeta) -> None:
    """An attached document printed alone carries the number and date of the decision it came with in its
    "(Kèm theo Quyết định số 1422/QĐ-TTg ngày 19 tháng 11 năm 2024 của Thủ tướng Chính phủ)" line."""
    number = _NOTE_NUMBER.search(note)
    if number and not meta.number:
        meta.number = number.group("number")
    date = read_date(match_form(note), anywhere=True)
    if date and date.iso and not meta.date:
        meta.date = date.iso


def _read_header(blocks: list[Block], labels: list[Label | None], meta: DocumentMeta, cues: _Cues) -> int:
    """Consume the header block; returns the index of the first block after it."""
    index = _header_start(blocks, labels, cues)
    issuer_lines: list[str] = []  # upper-case lines above the số hiệu, type and subject: the issuing body
    later_upper: list[str] = []  # upper-case lines below them (the authority: "BỘ TRƯỞNG BỘ …", "CHÍNH PHỦ")
    expect_title = False
    title_open = False
    in_recipients = False
    recipient_open = False
    top_done = False
    seen_any = False
    note, note_open = "", False  # an "(Kèm theo …" note, possibly wrapped over lines
    while index < len(blocks):
        block = blocks[index]
        label = labels[index]
        cells = _cells(block)
        if note_open or (len(cells) == 1 and _ATTACHED.match(_form(block.text))):
            note = f"{note} {block.text}" if note_open else block.text
            note_open = ")" not in block.text and len(note) < _TITLE_CHARS
            if not note_open:
                _read_attached_note(note, meta)
            title_open = expect_title = False
            seen_any = True
            index += 1
            continue
        if in_recipients and label is not None and label.kind in bullet_kinds():
            meta.recipients.append(_strip_label(block, label).rstrip(";.,").strip())
            recipient_open = not _ends_with_sentence(block.text)
            index += 1
            continue
        if in_recipients and recipient_open and label is None \
                and len(block.text.split()) <= cues.rules.sizes.recipient_wrap_max_words \
                and not cues.preamble.match(_form(block.text)):
            # a recipient wrapped in a narrow header column: "- Các Sở, ngành: …, Ban Chỉ huy" / "Bộ đội …;"
            meta.recipients[-1] = f"{meta.recipients[-1]} {block.text.rstrip(';.,').strip()}"
            recipient_open = not _ends_with_sentence(block.text)
            index += 1
            continue
        in_recipients = False
        consumed = False
        for cell in cells:
            form = match_form(cell)
            bullet = parse_label(cell) if in_recipients else None
            if bullet is not None and bullet.kind in bullet_kinds():
                # the recipients in the cell beside "Kính gửi:" ("Kính gửi: | - Ủy ban nhân dân các tỉnh …;")
                meta.recipients += [item.rstrip(",").strip() for item in _recipient_items(cell)]
                recipient_open = not _ends_with_sentence(cell)
                consumed = True
                continue
            if _is_motto(cell, cues):
                consumed = True
                continue
            issuer = _issuer_beside_motto(cell, cues)
            if issuer and not top_done:
                issuer_lines.append(issuer)
                consumed = True
                continue
            number = cues.number.match(cell)
            if number:
                value = (number.group("number") or "").strip()
                subject = _subject_after_number(value, cues)
                if subject is not None:
                    # a converter's one cell for the number and the letter's subject ("Số: 2214/BXD-QLN V/v: Hỗ
                    # trợ …"): the subject is the trích yếu, as on a line of its own
                    value, meta.title = value[:subject].strip(), meta.title or value[subject:].strip()
                    meta.doc_type = meta.doc_type or cues.rules.letter_type
                if _readable_number(value) and not meta.number:
                    meta.number = re.sub(r"\s+", "", value)
                elif not meta.number:
                    meta.symbol = meta.symbol or _symbol(value)
                consumed = top_done = True
                continue
            date = cues.date.search(cell)
            if date and fold(cell).find("ngay") >= 0 and len(cell) <= cues.rules.sizes.date_line_max_chars \
                    and (date.groupdict().get("comma") != "" or _is_place_name(date.group("place"), cues)):
                meta.place = meta.place or _place_name(date.group("place"))
                meta.date = meta.date or _header_date(date)
                consumed = top_done = True
                continue
            titled = None if seen_any or meta.doc_type or meta.number else _type_and_number(cell, cues)
            if titled:  # a text without a header block headed by its type and số hiệu ("Nghị quyết số 57-NQ/TW")
                meta.doc_type, meta.number = titled
                consumed = top_done = True
                continue
            doc_type = _doc_type(cell, cues) or (None if meta.doc_type else _doc_type_after_debris(cell, cues))
            if doc_type and not cell.rstrip().endswith(":"):
                meta.doc_type = meta.doc_type or doc_type
                expect_title = True
                consumed = top_done = True
                continue
            glued = None if meta.doc_type or meta.title else _doc_type_before_title(cell, cues)
            if glued:
                meta.doc_type, meta.title = glued
                title_open = True
                consumed = top_done = True
                continue
            if cues.subject_prefix.match(form):
                meta.title = meta.title or cell
                meta.doc_type = meta.doc_type or cues.rules.letter_type
                title_open = True
                consumed = top_done = True
                continue
            if title_open and label is None and len(cells) == 1 and (
                    _continues_title(cell, cues) or _before_recipients(blocks, index, cues)
                    or is_upper_line(meta.title) and _subject_after_capitals(cell, cues) is not None):
                meta.title = f"{meta.title} {cell}"
                consumed = True
                continue
            if cues.recipients.match(form):
                rest = re.sub(r"^[^:]*:\s*", "", cell) if ":" in cell else ""
                # the first of a dashed list may stand on the "Kính gửi:" line ("Kính gửi: - Ủy ban nhân dân tỉnh,")
                meta.recipients += [item.rstrip(",").strip() for item in _recipient_items(rest)]
                in_recipients = True
                consumed = True
                continue
            if expect_title and not meta.title and label is None:
                meta.title = cell
                consumed = True
                expect_title = False
                title_open = True
                continue
            if is_upper_line(cell) and label is None and not cues.preamble.match(form) \
                    and fold(cell.rstrip(":")) not in cues.enacting and len(cell) <= cues.rules.sizes.header_upper_max_chars:
                (later_upper if top_done else issuer_lines).append(cell)
                consumed = True
                continue
        if expect_title and meta.title and consumed:
            expect_title = False
        if not consumed or not _part_of_title(block, meta):
            title_open = False
        if not consumed and not (seen_any and not meta.title and not in_recipients
                                 and _header_follows(blocks, labels, index, cues)):
            break
        seen_any = True
        index += 1
    if meta.title:
        meta.title = _trich_yeu(meta.title, cues)
    if seen_any:
        meta.issuer = _issuer(issuer_lines or later_upper)
    else:
        index = 0
    return index


def _subject_after_capitals(text: str, cues: _Cues) -> str | None:
    """The subject in ordinary case after lines in capitals (at least two words) in a Party title
    block ("CỦA BAN THƯỜNG VỤ TỈNH ỦY về …"; rules/structure.yaml `title_block`), or None."""
    words = text.split()
    k = next((i for i, word in enumerate(words) if any(c.islower() for c in word)), len(words))
    if k < 2 or k == len(words) or not words[k][:1].islower():
        return None
    rest = " ".join(words[k:])
    return rest if cues.title_subject.match(_form(rest)) else None


def _trich_yeu(title: str, cues: _Cues) -> str:
    """The trích yếu without the issuer's or conference's lines of a Party title block (rules/structure.yaml
    `title_block`): "CỦA BAN THƯỜNG VỤ TỈNH ỦY về phát triển …" is "về phát triển …"."""
    subject = _subject_after_capitals(title, cues)
    if subject is not None:
        return subject
    if is_upper_line(title) and cues.title_issuer.match(_form(title)):
        words = title.split()
        at = next((i for i in range(2, len(words)) if cues.title_subject.match(_form(" ".join(words[i:])))), None)
        if at is not None:
            return " ".join(words[at:])
    return title


def _type_and_number(cell: str, cues: _Cues) -> tuple[str, str] | None:
    """The type and số hiệu of a title line that names nothing else ("Nghị quyết số 57-NQ/TW", the heading a press
    reprint or a converter puts above a text it gives without its header block; rules/structure.yaml `doc_types`,
    `number_prefix`), or None."""
    words = cell.split()
    for k in range(1, len(words) - 1):
        rest = " ".join(words[k:])
        number = cues.number.match(rest[:1].upper() + rest[1:])
        value = (number.group("number") or "").strip() if number else ""
        if value and " " not in value and _readable_number(value) and words[0][:1].isupper() \
                and (doc_type := _type_name(fold(" ".join(words[:k])), cues)):
            return doc_type, value
    return None


def _doc_type_after_debris(cell: str, cues: _Cues) -> str | None:
    """The document type at the end of a line whose beginning is OCR debris of a stamp ("DEN i: : _¬ CHỈ THỊ"): a
    few characters, no word in ordinary case, some mark that is no letter."""
    words = cell.split()
    for k in range(1, min(4, len(words))):
        debris, rest = " ".join(words[:-k]), " ".join(words[-k:])
        if len(debris) <= _DEBRIS_CHARS and not re.search(r"[^\w\s]", rest) and (doc_type := _doc_type(rest, cues)) \
                and re.search(r"[^\w\s]", debris) and not re.search(r"\b[a-zđà-ỹ]{2,}\b", debris):
            return doc_type
    return None


_DEBRIS_CHARS = 15  # OCR debris of a stamp beside the document type, at most


def _doc_type_before_title(cell: str, cues: _Cues) -> tuple[str, str] | None:
    """(type, trích yếu) of a type line in capitals that OCR or a converter glued to the trích yếu under it, printed
    in ordinary case ("KẾ HOẠCH Triển khai thực hiện Nghị quyết số …"), or None."""
    words = cell.split()
    for k in range(min(_TYPE_WORDS, len(words) - 1), 0, -1):
        rest = " ".join(words[k:])
        if not is_upper_line(rest[:_HEAD]) and rest[:1].isalpha() and not words[k - 1].endswith(":") \
                and (doc_type := _doc_type(" ".join(words[:k]), cues)):
            return doc_type, rest
    return None


_TYPE_WORDS = 4  # words of a type line with its qualifier, at most ("KẾ HOẠCH HÀNH ĐỘNG")


def _header_follows(blocks: list[Block], labels: list[Label | None], index: int, cues: _Cues) -> bool:
    """Is a line the header block could not read (OCR debris of a stamp, a number garbled past recognition)
    followed closely by a line of the header: a số hiệu, a place and date, the document type, a trích yếu?"""
    for k in range(index + 1, min(index + 1 + _DEBRIS_LINES, len(blocks))):
        if labels[k] is not None:
            return False
        for cell in _cells(blocks[k]):
            date = cues.date.search(cell)
            if cues.number.match(cell) or cues.subject_prefix.match(match_form(cell)) or _doc_type(cell, cues) \
                    or _doc_type_after_debris(cell, cues) \
                    or (date and len(cell) <= cues.rules.sizes.date_line_max_chars and date.group("comma")):
                return True
    return False


_DEBRIS_LINES = 2  # unreadable header lines skipped before a readable one


def _place_name(text: str) -> str:
    """The place of a place-and-date line, past the debris OCR may print before it on the same line (a stamp's
    "… 41 /CT-TTs Ha Nội"): the words after the last one holding a figure or a slash."""
    words = text.split()
    last = max((k for k, word in enumerate(words) if re.search(r"[\d/]", word)), default=-1)
    return " ".join(words[last + 1:]) or text.strip()


_ISSUER_NAME = re.compile(r"[\w\s\-–.,()&/]+")  # the marks a body's name may hold


def _header_date(date: re.Match) -> str | None:
    """The ISO date of a place-and-date line, reduced to the month ("2026-03") when the day is left blank (a draft)
    or garbled by OCR ("ngàyA2 thang 3 năm 2020"); None without a readable month ("ngày0) thángh năm 2026"). A
    figure that is no day or month of the calendar is not read, and no day is guessed."""
    year = int(date.group("year"))
    month = int(date.group("month")) if date.group("month") else 0
    if not 1 <= month <= 12:
        return None  # a year alone dates nothing a reader could check
    day = int(date.group("day")) if date.group("day") else 0
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return f"{year:04d}-{month:02d}"


def _is_place_name(text: str, cues: _Cues) -> bool:
    """A place named without the comma that should follow it: a few words, the first capitalised, no number
    ("Hà Nội", "Thành phố Hồ Chí Minh"; not "Nghị định số 12/2026/NĐ-CP")."""
    words = text.strip(" *_").split()
    return (0 < len(words) <= cues.rules.sizes.place_max_words and words[0][:1].isupper()
            and not any(c.isdigit() for c in text))


def _header_start(blocks: list[Block], labels: list[Label | None], cues: _Cues) -> int:
    """Index where the header block begins: lines written above it by a portal or a converter ('Cơ quan phát
    hành: Chính phủ', 'Số hiệu: …') are skipped when the national title follows within a few lines, and so is the
    debris OCR reads off a scan's margin ("— Nế GiÚz Ae", a dash and a few characters: no bullet)."""
    for k in range(min(cues.rules.sizes.header_lookahead_lines, len(blocks))):
        if labels[k] is not None and "heading" not in blocks[k].markup and len(blocks[k].text) > _DEBRIS_CHARS:
            return 0  # (a Markdown heading such as "## PHẦN 1 — QUYẾT ĐỊNH" above the title is a converter's note)
        if any(_is_motto(cell, cues) or _issuer_beside_motto(cell, cues) for cell in _cells(blocks[k])):
            # the issuing body printed above the national title, and below it its số hiệu when a text copy gives
            # the header's left column before its right one ("TỈNH ỦY LÀO CAI" / "Số 104-CTr/TU" / "ĐẢNG CỘNG …")
            while k > 0 and (is_upper_line(blocks[k - 1].text)
                             or (k > 1 and cues.number.match(blocks[k - 1].text) and is_upper_line(blocks[k - 2].text))):
                k -= 1
            return k
    return 0


def _is_motto(cell: str, cues: _Cues) -> bool:
    folded = fold(cell)
    return bool(folded) and (any(folded.startswith(m) for m in cues.motto) or opens_with_national_title(cell))


def _issuer_beside_motto(cell: str, cues: _Cues) -> str | None:
    """The issuing body of a header line in capitals that ends with the heading printed in the right column, the
    two columns run together by OCR or a text copy of a PDF ("TỈNH ỦY LÀO CAI ĐẢNG CỘNG SẢN VIỆT NAM", the marks
    as OCR may misread them: "TÍNH ỦY … ĐÁNG …"); None for any other line."""
    if not is_upper_line(cell):
        return None
    words = cell.split()
    for k in range(len(words) - 1, 0, -1):
        tail = fold(" ".join(words[k:]))
        if tail in cues.motto:
            return " ".join(words[:k])
    return None


def _continues_title(cell: str, cues: _Cues) -> bool:
    """A short line after the trích yếu that wraps it ('… Chỉ thị' / 'số 5/CT-TTg của Thủ tướng' / 'Chính phủ')."""
    form = match_form(cell)
    if is_upper_line(cell) or cues.preamble.match(form) or cues.recipients.match(form) or cues.number.match(cell):
        return False
    return len(cell.split()) <= cues.rules.sizes.title_wrap_max_words and not _ends_with_sentence(cell)


def _before_recipients(blocks: list[Block], index: int, cues: _Cues) -> bool:
    """A letter's trích yếu runs up to its "Kính gửi" line, however long its wrapped rest was joined
    ("V/v tổ chức triển khai thực hiện" / "Nghị định số 180/2026/NĐ-CP … của rừng" / "Kính gửi: …")."""
    cell = blocks[index].text
    # (a trích yếu may end with a full stop: "… do Nhà nước đầu tư, quản lý." / "Kính gửi: …")
    if index + 1 >= len(blocks) or is_upper_line(cell) \
            or (_ends_with_sentence(cell) and len(cell.split()) > cues.rules.sizes.title_sentence_max_words) \
            or cell.rstrip().endswith(":") or cues.preamble.match(_form(cell)):
        return False
    return any(cues.recipients.match(_form(c)) for c in _cells(blocks[index + 1]))


def _part_of_title(block: Block, meta: DocumentMeta) -> bool:
    """The block, or one of its cells ("V/v … | Hà Nội, ngày …"), is (part of) the trích yếu read so far."""
    return bool(meta.title) and any(cell in meta.title for cell in _cells(block))


def _prefer_layout_fields(meta: DocumentMeta, fields: dict[str, str]) -> None:
    """Header facts that ingest read from the page layout (columns kept apart) win over the text reading."""
    if fields.get("issuer") and _ISSUER_NAME.fullmatch(fields["issuer"]):
        # (not when the left column ran on over lines OCR garbled: "THỦ TƯỚNG CHÍNH PHỦ DEN i: : _¬ CHỈ THỊ …")
        meta.issuer = unglue_words(fields["issuer"])
    number = fields.get("number", "")
    if not meta.number and _readable_number(number):
        meta.number = re.sub(r"\s+", "", number)
    if meta.number:
        meta.symbol = None  # the number was read after all: the symbol alone is not needed
    elif number:
        meta.symbol = meta.symbol or _symbol(number)
    if not meta.title and fields.get("subject"):
        meta.title = fields["subject"]


def _readable_number(value: str) -> bool:
    """A số hiệu whose running number is printed in figures ("23/NQ-CP", "4489 /TCT-TTKT"); not a blank left for
    it ("/UBND-KT") nor one OCR garbled ("Z32Ø/BTC-QLCS"): a number is never guessed."""
    return bool(_RUNNING_NUMBER.fullmatch(re.sub(r"\s+", "", value.split("/")[0])))


def _symbol(value: str) -> str | None:
    """The ký hiệu after the last '/' of a số hiệu whose number is unreadable or blank ("Z32Ø/BTC-QLCS",
    "/UBND-KT"), when it reads as one: capitals, then letters or figures parted by '-' or '&'. A Party body's
    number puts the type code before the '/' ("104-CTr/TU"): its ký hiệu, number blank, is "CTr/TU"."""
    if "/" not in value:
        return None
    if party := _PARTY_SYMBOL.fullmatch(re.sub(r"\s+", "", value)):
        return party.group(1)
    symbol = re.sub(r"\s+", "", value.rsplit("/", 1)[1])
    return symbol if _SYMBOL.fullmatch(symbol) else None


_PARTY_SYMBOL = re.compile(r"-([A-ZĐ][A-ZĐa-zđ]*/[A-ZĐ]{2,}[A-ZĐa-zđ0-9]*)")
_SYMBOL = re.compile(r"[A-ZĐ]{2,}[A-ZĐa-zđ0-9]*(?:[-&][A-ZĐa-zđ0-9]+)*")
_RUNNING_NUMBER = re.compile(r"\d+[a-zđ]?(?:-[A-ZĐ][A-ZĐa-zđ]*)?")  # "12", "12a", a Party body's "2449-CV", "31-CTr"
_LOCAL_LEVEL = re.compile(r"^(tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran)\b")


def _issuer(lines: list[str]) -> str | None:
    """The issuing body from the header's upper-case lines: "ỦY BAN NHÂN DÂN" + "TỈNH X" is one name; of a
    superior and its unit ("UBND TỈNH LÀO CAI" / "SỞ CÔNG THƯƠNG") the unit issues."""
    if not lines:
        return None
    names: list[str] = []
    for line in map(unglue_words, lines):
        if names and _LOCAL_LEVEL.match(fold(line)):
            names[-1] = f"{names[-1]} {line}"
        else:
            names.append(line)
    return names[-1]


# --------------------------------------------------------------------------- regions


def _find_closing(blocks: list[Block], labels: list[Label | None], start: int, cues: _Cues) -> tuple[int, int]:
    """(first block of the closing part, first block of the appendix) — len(blocks) when absent. The body
    ends at the recipients list, else at the signature, else at an appendix heading."""
    appendix = len(blocks)
    for i in range(start, len(blocks)):
        text = blocks[i].text
        if labels[i] is None and is_upper_line(text.split(" ")[0] + " X") and cues.appendix.match(_form(text)):
            appendix = i
            break
    closing = appendix
    for i in range(start, appendix):
        if any(_is_closing_cue(cell, cues) for cell in _cells(blocks[i])):
            # signature blocks printed above the recipients list (several signers) belong to the closing too
            first = i
            while first - 1 > start and labels[first - 1] is None and _is_signature_debris(blocks[first - 1], cues):
                first -= 1
            if first < i and not any(_is_signature(b, cues) for b in blocks[first:i]):
                first = i
            return first, _appendix_after(blocks, labels, i, cues)
    # no recipients list: the signature block closes the body
    for i in range(appendix - 1, start - 1, -1):
        if _is_signature(blocks[i], cues) and labels[i] is None:
            closing = i
        elif closing != appendix and not is_person_name(blocks[i].text):
            break
    return closing, appendix


def _is_signature_debris(block: Block, cues: _Cues) -> bool:
    """Lines of a signature block: titles, upper-case names of bodies, signers' names, seal fragments."""
    text = block.text.strip()
    sizes = cues.rules.sizes
    return (_is_signature(block, cues) or (is_upper_line(text) and len(text) <= sizes.signature_debris_max_chars)
            or is_person_name(text.lstrip("* "))
            or len(text.split()) <= sizes.signature_debris_max_words and not _ends_with_sentence(text))


def _is_closing_cue(cell: str, cues: _Cues) -> bool:
    """'Nơi nhận:' heading the recipients list (not a clause about 'nơi nhận hồ sơ …'), also in italics and
    with the recipients joined after it in one table cell ('*Nơi nhận:* - Như Điều 3; - Lưu: VT.')."""
    form = _form(cell.lstrip("*_ "))
    match = cues.closing.match(fold_aligned(form))
    if not match:
        return False
    rest = form[match.end():].lstrip("*_ ")
    if not rest:
        return True
    if not rest.startswith(":"):
        return False
    return len(cell) <= cues.rules.sizes.closing_cue_max_chars or rest[1:].lstrip("*_ ").startswith(_RECIPIENT_OPENINGS)


# what follows 'Nơi nhận:' when the list was joined into its line: a dash item or 'Như trên/Như Điều …'
_RECIPIENT_OPENINGS = ("-", "+", "•", "như ")


def _appendix_after(blocks: list[Block], labels: list[Label | None], start: int, cues: _Cues) -> int:
    for i in range(start, len(blocks)):
        text = blocks[i].text
        if labels[i] is None and is_upper_line(text.split(" ")[0] + " X") and cues.appendix.match(_form(text)):
            return i
    return len(blocks)


def _is_signature(block: Block, cues: _Cues) -> bool:
    text = block.text.strip()
    if any(_is_motto(cell, cues) for cell in _cells(block)):
        return False  # "THỦ TƯỚNG CHÍNH PHỦ | CỘNG HÒA XÃ HỘI …": the header row, not the signature
    return is_upper_line(text) and bool(cues.signature.match(_form(text))) and len(text) <= cues.rules.sizes.signature_max_chars


def _find_body(blocks: list[Block], labels: list[Label | None], start: int, end: int, cues: _Cues) -> int:
    """First block of the body: the first labelled block, else the first paragraph after the opening ones (those that
    state a basis or what was done, up to the first that assigns work)."""
    for i in range(start, end):
        label = labels[i]
        if label is None:
            continue
        if cues.preamble.match(_form(_strip_label(blocks[i], label))) and label.kind in bullet_kinds():
            continue
        return i
    # the last paragraph that assigns work: those before it that assign nothing open the letter (below)
    last_request = next((j for j in range(end - 1, start - 1, -1) if _assigns_work(blocks[j], cues)), start - 1)
    i = start
    while i < end:
        block = blocks[i]
        form = _form(block.text)
        if (cues.preamble.match(form) and not _asks_outright(block, cues)) or _is_enacting(block, cues) or (
                is_upper_line(block.text) and len(block.text) <= cues.rules.sizes.preamble_upper_max_chars):
            i += 1
            continue
        if block.text.rstrip().endswith(":") and i == start:
            i += 1
            continue
        if i < last_request and not _assigns_work(block, cues):
            # a letter's background before its request ("Ngày 26/4/2013, Thủ tướng Chính phủ đã ban hành Quyết định
            # … ." / "Đến nay đã có … tỉnh báo cáo." / "Để …, Bộ Xây dựng đề nghị …"): its opening, not its closing
            i += 1
            continue
        break
    return i


def _asks_outright(block: Block, cues: _Cues) -> bool:
    """An opening paragraph of a letter that asks for the work itself after its opening clause ("Thực hiện Công văn
    số …, Sở Y tế đề nghị các doanh nghiệp … thực hiện …"), instead of announcing the items below ("…, Ủy ban nhân
    dân tỉnh yêu cầu:"): a task, not the preamble."""
    return not block.text.rstrip().endswith(":") and any(_asks(sentence, cues) for sentence in _sentences(block.text))


def _is_enacting(block: Block, cues: _Cues) -> bool:
    return is_upper_line(block.text) and fold(block.text.rstrip(": ")) in cues.enacting


# --------------------------------------------------------------------------- outline


def _read_lookalikes(blocks: list[Block], labels: list[Label | None], start: int, end: int,
                     doc: Document) -> list[Label | None]:
    """Labels of blocks[start:end] that OCR misread as a look-alike ("I." for "1.", "8)" for "g)", "3." for "5.";
    rules/numbering.yaml `ocr_lookalikes`) read as the label they stand for: one that continues no sequence of its
    own kind while its look-alike continues the sequence of its kind. The printed label is kept; a notice says so."""
    labels = list(labels)

    def places() -> dict[str, list[int]]:
        where: dict[str, list[int]] = {}
        for k in range(start, end):
            if labels[k] is not None and labels[k].kind not in bullet_kinds():
                where.setdefault(labels[k].kind, []).append(k)
        return where

    kinds = places()

    def index_of(label: Label) -> int | None:
        sequence = sequence_of(label.kind)
        return None if sequence == "none" else sequence_index(sequence, label.base)

    def neighbours(i: int, kind: str) -> tuple[int | None, int | None]:
        """The sequence indexes of the labels of `kind` nearest before and after i within its scope: up to a label
        of a kind met before `kind` in the body (first labels other than i's compared)."""
        def first(of: str) -> int | None:
            return next((k for k in kinds.get(of, ()) if k != i), None)

        own = first(kind)
        outer = {other for other in kinds if other != kind and own is not None
                 and (at := first(other)) is not None and at < own}

        def scan(steps: range) -> int | None:
            for k in steps:
                label = labels[k]
                if label is None:
                    continue
                if label.kind == kind:
                    return index_of(label)
                if label.kind in outer:
                    return None
            return None

        return scan(range(i - 1, start - 1, -1)), scan(range(i + 1, end))

    def repair(i: int, read: Label, message: str) -> None:
        labels[i] = read
        doc.notices.append(Notice(path=doc.path, line=blocks[i].span.line, page=blocks[i].span.page,
                                  code="label-repaired", message=message))

    for i in range(start, end):
        label = labels[i]
        if label is None or label.inserted or sequence_of(label.kind) == "none":
            continue  # (a bullet has no value to misread)
        index = index_of(label)
        if index is None and label.value:
            continue
        if index is not None:
            before, after = neighbours(i, label.kind)
            if before in (index - 1, index) or after == index + 1:
                continue  # it continues its own sequence (or repeats the label before it: see _check)
        for other in ocr_lookalikes(label.value):
            printed = label.printed_with(other)
            read = parse_label(printed + blocks[i].text[len(label.printed):])
            if read is None or read.printed != printed or read.inserted or (value := index_of(read)) is None:
                continue
            before, after = neighbours(i, read.kind)
            if before is None and after is None:
                continue
            if (before == value - 1 if before is not None else value == 1) and after in (None, value + 1):
                repair(i, replace(read, printed=label.printed, end=label.end),
                       f"nhãn '{label.printed}' đọc là '{printed}' theo thứ tự (bản nhận dạng chữ dễ nhầm hai ký tự này)")
                kinds = places()
                break
        else:
            if not label.value:
                labels[i] = None  # brackets whose numeral OCR lost, and no sequence tells which
    for i in range(start, end):
        if labels[i] is not None:
            continue
        for printed, read in _misread_labels(blocks[i].text):
            value = index_of(read)
            before, after = neighbours(i, read.kind)
            # a label OCR printed with a mark ("HI-" for "III-", "9," for "9.") may close its list after the label
            # before it; a bare figure must lead to the next one (a sentence may open with a figure: "2 Bộ …")
            closes = after is None and before is not None and not read.printed[-1].isalnum()
            if value is not None and (before == value - 1 if before is not None else value == 1) \
                    and (after == value + 1 or closes):
                repair(i, read, f"'{printed}' đọc là nhãn '{read.value}' theo thứ tự (bản nhận dạng chữ đọc sai hoặc "
                                "làm mất dấu của nhãn)")
                kinds = places()
                break
    return labels


def _misread_labels(text: str) -> list[tuple[str, Label]]:
    """The labels an unlabelled paragraph may open with, OCR having misread its numeral as a mark that is none
    ("Š." for "5.", "HI." for "III."; rules/numbering.yaml `ocr_lookalikes`), lost the mark after it ("1 Đổi mới"
    for "1. Đổi mới"; `ocr_lost_marks`) or misread it ("9, Sở …" for "9. Sở …"; `ocr_misread_marks`): (what is
    printed, the label read, its `end` in `text`)."""
    found: list[tuple[str, Label]] = []
    for pair in numbering_rules().ocr_lookalikes:
        for printed in filter(None, pair):
            if not text.startswith(printed):
                continue
            for other in filter(None, pair):
                read = parse_label(other + text[len(printed):]) if other != printed else None
                if read is not None and read.value == other and read.printed.startswith(other) and not read.inserted:
                    found.append((printed, replace(read, printed=printed + read.printed[len(other):],
                                                   end=read.end - len(other) + len(printed))))
    figure = re.match(r"(\d{1,2})([^\w\s]?)(?=\s+[A-ZĐÀ-Ỹ])", text)
    if figure is None:
        return found
    number, printed = figure.groups()
    rules = numbering_rules()
    meant = [m for p, m in rules.ocr_misread_marks if p == printed] if printed else rules.ocr_lost_marks
    for mark in meant:
        read = parse_label(number + mark + text[figure.end():])
        if read is not None and read.printed == number + mark:
            found.append((figure.group(), replace(read, printed=figure.group(), end=read.end - len(mark) + len(printed))))
    return found


def _build_outline(blocks: list[Block], labels: list[Label | None], start: int, end: int,
                   tables: list[_Table] = ()) -> tuple[list[_Node], list[Block], list[Block]]:
    """Nodes of the body; unlabelled paragraphs of a body without labels; trailing paragraphs after the
    last labelled item (closing candidates). The rows of task tables are left out; a table's parent is the
    innermost open heading above it."""
    roots: list[_Node] = []
    stack: list[_Node] = []
    loose: list[Block] = []
    starts = {table.rows[0]: table for table in tables}
    skip = {i for table in tables for i in range(table.rows[0], table.end)}
    last_labelled = max((i for i in range(start, end) if labels[i] is not None and i not in skip), default=None)
    trailing: list[Block] = []
    for i in range(start, end):
        if i in skip:
            if i in starts:
                starts[i].parent = next((n for n in reversed(stack) if _is_heading(n)), None)
                if starts[i].parent is not None:
                    starts[i].parent.heads_table = True
            continue
        block, label = blocks[i], labels[i]
        if label is None:
            if not stack:
                loose.append(block)
            elif last_labelled is not None and i > last_labelled and stack[-1].kind != "article" and (trailing or (
                    _ends_sentence(stack[-1]) and not _ENUMERATOR.match(without_edge_debris(block.text)))):
                # (an article's paragraphs are its text: "Điều 5. Quyết định này có hiệu lực … / Chánh Văn
                # phòng …, Giám đốc Sở … chịu trách nhiệm thi hành Quyết định này")
                trailing.append(block)
            else:
                if _is_unlabelled_heading(block):
                    # a sub-heading without a label ("### Nhiệm vụ chung") belongs to the enclosing item,
                    # not to the text of the bullet above it
                    while len(stack) > 1 and (stack[-1].kind in bullet_kinds() or not stack[-1].children):
                        stack.pop()
                elif _closes_bullet_list(stack, block):
                    # "- Sở Xây dựng (…);" / "Có trách nhiệm:" / "a) …": the line after a finished list of bullets
                    # that introduces what follows belongs to the item enclosing the list, and so does what follows
                    while len(stack) > 1 and stack[-1].kind in bullet_kinds():
                        stack.pop()
                stack[-1].body.append(block)
            continue
        node = _Node(label=label, head=block, index=i)
        parent = _place(stack, node)
        if parent is None:
            roots.append(node)
        else:
            node.parent = parent
            parent.children.append(node)
        stack.append(node)
    return roots, loose, trailing


# a paragraph opening with "(ii)", "(2)", "b." or a lower-case word continues the item above it
_ENUMERATOR = re.compile(r"^(?:\((?:[ivx]+|\d{1,2}|[a-zđ])\)|[ivx]+\)|[a-zđ]\.\s|[a-zđ])")


def _split_trailing(nodes: list[_Node], cues: _Cues) -> None:
    """Unlabelled paragraphs after the last item of a list that open with a subject of their own are no part of
    that item ("7. Ủy ban nhân dân các tỉnh … phối hợp …." / "Các cơ quan, tổ chức, doanh nghiệp thực hiện …" /
    "Trong quá trình …, các Bộ, ngành và địa phương thực hiện …"): each is a task of the list's parent, as a
    letter's paragraphs after its last item are ("closing"), when the item opens with its own subject or an
    assignment too. A later paragraph that neither opens with a subject
    nor assigns work goes on the one above it. A paragraph without a subject ("Chủ động huy động …") goes on the
    item; so do an article's paragraphs (its text)."""
    for node in nodes:
        _split_trailing(node.children, cues)
        for child in node.children[:-1]:
            _split_own_subject(child, cues)
        last = node.children[-1] if node.children else None
        if last is None or last.children or last.kind in STATUTE_KINDS or not last.body \
                or not (_opens_with_subject(last.title, cues) or cues.assignment.match(_form(last.title))):
            continue  # (an item that states a target "7. Ít nhất 30% doanh nghiệp …." / "Sở X chủ trì …": its task)
        first = _first_own_subject(last, cues)
        if first is None:
            continue
        for block in last.body[first:]:
            if not node.trailing or _opens_with_subject(block.text, cues) or _assigns_work(block, cues):
                node.trailing.append([block])
            else:
                node.trailing[-1].append(block)
        last.body = last.body[:first]


def _split_own_subject(node: _Node, cues: _Cues) -> None:
    """An item or point before the last of its list that opens with its subject and goes on, after a finished
    sentence, with a paragraph opening with a subject of its own ("a) Các sở, ban, ngành; … hoàn thành việc rà soát
    … ." / "Các sở quản lý chuyên ngành định kỳ tổng hợp báo cáo … như sau:" / "- Báo cáo 6 tháng: …"): that
    paragraph, the bullets it introduces with it, is a task of its own, as such a paragraph after a list's last
    item is (_split_trailing)."""
    if node.kind in STATUTE_KINDS or not node.body or not _opens_with_subject(node.title, cues):
        return
    first = _first_own_subject(node, cues)
    if first is None or any(c.kind not in bullet_kinds() or c.children or c.head.span.start < node.body[first].span.start
                            for c in node.children):
        return
    groups: list[list[Block]] = []
    for block in node.body[first:]:
        if not groups or _opens_with_subject(block.text, cues) or _assigns_work(block, cues):
            groups.append([block])
        else:
            groups[-1].append(block)
    groups[-1] += [b for c in node.children for b in (c.head, *c.body)]
    node.trailing, node.body, node.children = groups, node.body[:first], []


def _first_own_subject(node: _Node, cues: _Cues) -> int | None:
    """The first paragraph of the node's body, after a finished sentence, that opens with a subject of its own or
    hands the work to a body of its own (`assignment_openings`: "c) Thanh tra Chính phủ … thực hiện …. / Đề nghị Kiểm
    toán Nhà nước … tạo điều kiện …": the body asked is that paragraph's own)."""
    return next((k for k, block in enumerate(node.body)
                 if _ends_with_sentence((node.body[k - 1] if k else node.head).text)
                 and not _ENUMERATOR.match(without_edge_debris(block.text))
                 and (_opens_with_subject(block.text, cues) or cues.assignment.match(_form(block.text)))
                 and not _is_report(block.text, cues)), None)


def _opens_with_subject(text: str, cues: _Cues) -> bool:
    """Does the paragraph open with a body or an open group of bodies as its subject (`subject_heads`,
    `group_subjects`), maybe after a scene-setting clause up to a comma (`reports.lead_ins`: "Trong quá trình …,
    các Bộ, ngành …")?"""
    form = _form(text)
    starts = _clause_starts(form, len(form)) if cues.report.lead_in.match(form) else [0]
    return any(cues.subject.match(form[start:]) or (cues.group_subject is not None
                                                   and cues.group_subject.match(form[start:])) for start in starts)


def _opens_with_body(text: str, cues: _Cues) -> bool:
    """Does the text open with a body of the state as its subject (`subject_heads`), maybe after the time it is
    due in: a scene-setting clause (`reports.lead_ins`) that dates it, up to a comma ("Trong năm 2030, Ủy ban nhân
    dân các tỉnh …"; not "Trong quá trình lập Chiến lược, Bộ …", a step of a procedure the statute lays down)?"""
    form = _form(text)
    starts = [0]
    if cues.report.lead_in.match(form):
        starts += [start for start in _clause_starts(form, _HEAD)[1:] if re.search(r"\d", form[:start])]
    return any(cues.subject.match(form[start:]) for start in starts)


def _is_heading(node: _Node) -> bool:
    """Can `node` head what follows it: it has items, or its text is a title or ends with a colon."""
    if node.children:
        return True
    text = (node.body[-1].text if node.body else node.title).strip()
    return text.endswith(":") or (not node.body and _is_title_like(node.title, node))


def _closes_bullet_list(stack: list[_Node], block: Block) -> bool:
    """A short unlabelled line ending with a colon after a bullet that ended its sentence."""
    top = stack[-1]
    return (len(stack) > 1 and top.kind in bullet_kinds() and not top.children and not top.body
            and block.text.rstrip().endswith(":") and len(block.text.split()) <= _cues().rules.sizes.list_close_max_words
            and _ends_sentence(top))


def _is_unlabelled_heading(block: Block) -> bool:
    """A markdown heading, or a short bold line without final punctuation."""
    if "heading" in block.markup:
        return True
    return "bold" in block.markup and len(block.text.split()) <= _cues().rules.sizes.bold_heading_max_words \
        and not _ends_with_sentence(block.text)


def _ends_sentence(node: _Node) -> bool:
    last = (node.body or [node.head])[-1]
    return bool(re.search(r"[.;!?…][\"”’')\]]*$", last.text.strip()))


def _place(stack: list[_Node], node: _Node) -> _Node | None:
    """Pop the stack to where `node` belongs; returns its parent (None at top level). A numbered or lettered item is
    no sub-item of a bullet that is a finished statement ("- Một số Cục Thuế có tỷ lệ hoàn thành thấp …" / "Để hoàn
    thành nhiệm vụ nêu trên, … thực hiện một số giải pháp sau:" / "1/ Các Cục Thuế rà soát …"): the bullets of a
    list end where it begins."""
    if node.label.rank is not None:
        while stack and (stack[-1].label.rank is None or stack[-1].label.rank >= node.label.rank):
            stack.pop()
        return stack[-1] if stack else None
    if node.kind not in bullet_kinds():
        while stack and stack[-1].kind in bullet_kinds() and _ends_with_sentence(stack[-1].title):
            stack.pop()
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth].kind == node.kind:
            del stack[depth:]
            return stack[-1] if stack else None
        if stack[depth].label.rank is not None:
            break  # a statute unit encloses everything after it
    return stack[-1] if stack else None


def _validate_sequences(roots: list[_Node]) -> None:
    """Check each sibling sequence; repair a repeated or out-of-order label to the expected value."""
    articles: list[_Node] = []
    chapters: list[_Node] = []

    def walk(siblings: list[_Node]) -> None:
        previous: dict[str, int] = {}
        for position, node in enumerate(siblings):
            if node.kind == "article":
                articles.append(node)
            elif node.kind == "chapter":
                chapters.append(node)
            else:
                _check(node, previous, siblings[position + 1] if position + 1 < len(siblings) else None)
            walk(node.children)

    walk(roots)
    for group in (articles, chapters):
        previous: dict[str, int] = {}
        for node in group:
            _check(node, previous)


def _check(node: _Node, previous: dict[str, int], following: _Node | None = None) -> None:
    node.value = node.label.value
    sequence = sequence_of(node.kind)
    if sequence == "none":
        return
    index = sequence_index(sequence, node.label.base)
    if index is None:
        return
    last = previous.get(node.kind)
    if node.label.inserted and index == last:
        return  # "5a." inserted after "5.": a sibling in its base's place, "6." still comes next
    if last is not None and index == last + 2 and following is not None and following.kind == node.kind \
            and following.label.value == node.label.value:
        # one label skipped and the next one printed the same ("c)", "đ)", "đ)"): this one is the skipped label
        # misprinted ("d)" read as "đ)" by OCR), not the next one
        node.value = value_at(sequence, node.label.value, last + 1)
        node.problem = "repeated"
        previous[node.kind] = last + 1
        return
    if last is not None and index == last and sequence in ("letter", "arabic", "roman", "dotted"):
        expected = last + 1
        node.value = value_at(sequence, node.label.value, expected)
        node.problem = "repeated"
        index = expected
    elif last is not None and index != last + 1 and index != 1:
        node.problem = "order"
        node.after = value_at(sequence, node.label.value, last)
    previous[node.kind] = index


def _sequence_notices(roots: list[_Node], path: str) -> list[Notice]:
    notices: list[Notice] = []

    def walk(nodes: list[_Node]) -> None:
        for node in nodes:
            where = f"mục {node.parent.id}" if node.parent is not None else "cấp ngoài cùng"
            if node.problem == "repeated":
                notices.append(Notice(
                    path=path, line=node.head.span.line, page=node.head.span.page, code="label-repaired",
                    message=f"nhãn '{node.label.printed}' in lặp lại trong {where}; đọc là "
                            f"'{node.label.printed_with(node.value)}' theo thứ tự (mã {node.id})"))
            elif node.problem == "order":
                notices.append(Notice(
                    path=path, line=node.head.span.line, page=node.head.span.page, code="label-sequence",
                    message=f"nhãn '{node.label.printed}' không theo thứ tự (sau '{node.after}') trong {where}"))
            walk(node.children)

    walk(roots)
    return notices


def _assign_ids(roots: list[_Node], used: set[str]) -> None:

    def own_id(node: _Node, position: int) -> str:
        kind = node.kind
        if kind in bullet_kinds():
            return str(position)
        if kind == "chapter":
            return f"Chương.{node.value}"
        if kind == "part":
            return f"Phần.{node.value}"
        if kind == "section":
            return f"Mục.{node.value}"
        if kind in ("number2", "number3", "number4"):
            parts = node.value.split(".")
            parent_tail = _numeric_path(node.parent)
            if parent_tail and parent_tail == parts[:-1]:
                return parts[-1]
            return node.value
        return node.value

    def candidate(node: _Node, parent: _Node | None, bullets: int) -> str:
        own = own_id(node, bullets)
        if node.kind in ("article", "chapter", "part"):
            return own
        return f"{parent.id}.{own}" if parent is not None else own

    def walk(siblings: list[_Node], parent: _Node | None) -> None:
        numbers = list(accumulate(int(node.kind in bullet_kinds()) for node in siblings))
        # the printed labels first: bullets beside numbered items ("- …" / "1/ …" in a letter) are numbered after them
        for k in sorted(range(len(siblings)), key=lambda k: siblings[k].kind in bullet_kinds()):
            siblings[k].id = _claim(candidate(siblings[k], parent, numbers[k]), used)
        for node in siblings:
            walk(node.children, node)
            for _ in node.trailing:
                node.trailing_ids.append(_claim(f"{node.id}.closing", used))

    walk(roots, None)


def _numeric_path(node: _Node | None) -> list[str]:
    path: list[str] = []
    while node is not None and node.kind in ("number", "number2", "number3", "number4"):
        path = node.value.split(".") if node.kind != "number" else [node.value] + path
        if node.kind != "number":
            return path
        node = node.parent
    return path


def _claim(candidate: str, used: set[str]) -> str:
    """`candidate`, or "<candidate>~2", "~3" … when it is taken: an id not in `used`, added to it."""
    n = 1
    claimed = candidate
    while claimed in used:
        n += 1
        claimed = f"{candidate}~{n}"
    used.add(claimed)
    return claimed


# --------------------------------------------------------------------------- scope: which nodes hold tasks


def _decide_scope(roots: list[_Node], statute: bool, cues: _Cues, opening: Block | None = None) -> None:
    """Which nodes hold tasks; `opening` is the paragraph before the body (it may announce what the first bullets
    are: "Kết quả kiểm tra cho thấy:")."""
    def walk(nodes: list[_Node], inherited: bool) -> None:
        for node in nodes:
            _absorb_particulars(node, cues)
            _lift_group_fields(node, cues)
            _absorb_detail_lists(node, cues)
            _absorb_case_lists(node, cues)
            _absorb_body_lists(node, cues)
            _absorb_inline_enumeration(node)
            holds = inherited
            if holds:
                _absorb_contents(node, cues)
            title_form = _form(node.title)
            if holds and _requirement_title(node, title_form, cues):
                node.requirements = True  # its items that charge a body are tasks, the others state the rule
            elif holds and _non_task_title(node, title_form, cues):
                holds = False
            if holds and node.children and cues.content_list.search(match_form(node.title[-_HEAD:])) \
                    and not any(p.search(match_form(node.title)) for p in cues.task_article):
                holds = False  # "… bao gồm:" lists contents, unless it hands powers over ("… chuyển giao cho X, bao gồm:")
            if holds and _lists_conditions(node, cues):
                holds = False
            if holds and node.children and all(c.kind in bullet_kinds() for c in node.children) and \
                    _announces_findings((node.intro or [node.head])[-1], cues):
                holds = False  # "2. Kết quả kiểm tra cho thấy:" / "- …": findings, no work
            if statute and node.kind == "article":
                holds = holds and _task_article(node, cues)
            node.holds_tasks = holds
            walk(node.children, holds)

    walk(roots, True)
    for run in _bullet_runs(roots):
        position = roots.index(run[0])
        before = roots[position - 1].last_block() if position else opening
        # "… đã ban hành các văn bản, cụ thể:" / "- Văn bản hợp nhất số 48/VBHN-…"; "Kết quả kiểm tra cho thấy:" / "- …"
        if _only_cites(run, cues) or (before is not None and _announces_findings(before, cues)):
            for node in run:
                node.holds_tasks = False


def _announces_findings(block: Block, cues: _Cues) -> bool:
    """Does the paragraph announce the findings of a review, which the bullets after it list ("Từ kết quả thanh
    tra, kiểm tra 9 tháng cho thấy:"; rules/structure.yaml `finding_list_endings`)?"""
    return cues.finding_list is not None and bool(cues.finding_list.search(fold(block.text[-_HEAD:])))


def _bullet_runs(nodes: list[_Node]) -> list[list[_Node]]:
    """The runs of consecutive childless bullets among `nodes` (a letter's bullets outside any item)."""
    return [list(run) for is_bullet, run in groupby(nodes, key=lambda n: n.kind in bullet_kinds() and not n.children)
            if is_bullet]


def _field_headings(headings: list[str]) -> re.Pattern | None:
    """A field heading and its colon opening a bullet ("Cơ quan chủ trì:"), or a field heading that is an item's
    whole title ("2. Cơ quan chủ trì, phối hợp" / "a) Cơ quan chủ trì" / "- Bộ X."; rules/structure.yaml
    `field_list_openings`), longest first so that "Cơ quan chủ trì, phối hợp:" is read whole."""
    if not headings:
        return None
    forms = sorted({match_form(h) for h in headings}, key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(f) for f in forms) + r")\s*(?::|$)")


# "… thương mại - Bộ Công Thương.": the name of a body after the last dash that ends a bullet
_ALLOTTED = re.compile(r"\s[-–—]\s+(?P<body>[^-–—]+?)[.;]?$")


def _allots(bullet: _Node, cues: _Cues) -> bool:
    """Does the bullet only name a share of its item's work and the body it falls to ("- Tài sản kết cấu hạ tầng
    cụm công nghiệp; tài sản kết cấu hạ tầng thương mại - Bộ Công Thương."): the body after a dash at its end, and
    no body as its subject, no assignment, no work of its own (a predicate word of rules/roles.yaml `stops` opening
    it: "- Rà soát quy hoạch - Sở Xây dựng." is a task)? The item's bullets that all do so divide its duty among
    bodies: its text (rules/structure.yaml `allotted_body_max_words`)."""
    if bullet.body:
        return False
    title = bullet.title.strip()
    allotted = _ALLOTTED.search(title)
    if allotted is None or cues.subject.match(match_form(allotted.group("body"))) is None \
            or len(allotted.group("body").split()) > cues.rules.sizes.allotted_body_max_words:
        return False
    works = cues.report.stops is not None and cues.report.stops.match(title[:1].lower() + title[1:])
    return not works and not _opens_with_subject(title, cues) and not cues.assignment.match(_form(title))


def _only_cites(bullets: list[_Node], cues: _Cues) -> bool:
    """Does every bullet only name a legal document with its số hiệu (rules/structure.yaml
    `citation_list_openings`: "- Nghị định số 25/2026/NĐ-CP …", "- Văn bản hợp nhất số 48/VBHN-BNNMT …")?"""
    return all(cues.citation_list.match(_form(c.title)) and _DOC_NUMBER.match(c.title[:160]) for c in bullets)


def _requirement_title(node: _Node, title_form: str, cues: _Cues) -> bool:
    """Does the node head the requirements on one matter of the work (rules/structure.yaml `requirement_titles`:
    "4.1. Yêu cầu về kỹ thuật và chất lượng:", "3. Các vấn đề cần lưu ý khi xây dựng Đề án …"), with items or
    paragraphs below its title, and no work named in the title (`non_task_title_work`)?"""
    if cues.requirement_title is None or not cues.requirement_title.match(title_form):
        return False
    if cues.non_task_title_work is not None and cues.non_task_title_work.search(match_form(node.title)):
        return False
    return bool(node.children or node.body)


def _non_task_title(node: _Node, title_form: str, cues: _Cues) -> bool:
    if not (cues.non_task_title.match(title_form) or _misread_non_task_heading(node, title_form, cues)):
        return False
    if cues.non_task_title_work is not None and cues.non_task_title_work.search(match_form(node.title)):
        return False  # "Khó khăn, vướng mắc và kiến nghị": the requests it announces are tasks
    if node.children or node.kind in _HEADING_KINDS:
        return True
    return len(title_form.split()) <= cues.rules.non_task_max_words and not _ends_with_sentence(node.title)


def _misread_non_task_heading(node: _Node, title_form: str, cues: _Cues) -> bool:
    """A part's heading that OCR misread by one letter ("I- BI CẢNH, TÌNH HÌNH" for "BỐI CẢNH"): its first words,
    without marks, one edit from a non-task title of two words or more. Parts only: an item's title is too often
    a real word one letter from another."""
    if node.kind not in _HEADING_KINDS:
        return False
    words = fold(title_form).split()
    return any(Levenshtein.distance(" ".join(words[:size]), wanted) == 1 for wanted, size in cues.folded_non_task_titles)


def _ends_with_sentence(text: str) -> bool:
    return bool(re.search(r"[.;!?][\"”’')\]]*$", text.strip()))


def _absorb_detail_lists(node: _Node, cues: _Cues) -> None:
    """Bullets that only list legal documents, only give the schedule of the reporting their item asks for
    ("- Báo cáo 6 tháng: … trước ngày 05/7;", "- Báo cáo năm: …"; rules/structure.yaml `schedule_list_openings`),
    or only give the item's particulars, its lead among them ("- Cơ quan chủ trì: …", "- Thời gian thực hiện:
    …"; `field_list_openings`), or are only remarks on it ("* Lưu ý: …"; `note_openings`), are part of their
    parent's text, not items."""
    bullets = [c for c in node.children if c.kind in bullet_kinds()]
    if not bullets or len(bullets) != len(node.children) or any(c.children for c in bullets):
        return
    forms = [_form(c.title) for c in bullets]
    fields = cues.field_role is not None and all(cues.field_any.match(f) for f in forms) and \
        any(cues.field_role.match(f) for f in forms)
    if _only_cites(bullets, cues) or fields or all(_allots(c, cues) for c in bullets) or \
            any(cue is not None and all(cue.match(f) for f in forms) for cue in (cues.schedule_list, cues.note)):
        node.absorbed = [b for c in bullets for b in (c.head, *c.body)]
        node.children = []


def _absorb_particulars(node: _Node, cues: _Cues) -> None:
    """Items that only give the particulars of the work their sibling items state, one of them naming who leads
    or takes part ("1. Nội dung, biện pháp" / "a) …" / "b) …" / "2. Cơ quan chủ trì, phối hợp" / "a) Cơ quan chủ
    trì" / "- Bộ X." / "b) Cơ quan phối hợp: Bộ Y." / "3. Thời gian thực hiện: …"; rules/structure.yaml
    `field_list_openings`), are no items but their parent's particulars, written one line a field ("Cơ quan chủ
    trì: Bộ X"), which pipeline/extract.py reads as those of every task below the parent, as it reads those of a
    single item (_absorb_detail_lists). Bullets are no such items: a list of bullets gives an item's particulars
    only when every bullet does (_absorb_detail_lists)."""
    if cues.field_role is None or len(node.children) < 2:
        return
    read = [(child, None if child.kind in bullet_kinds() else _particulars(child, cues)) for child in node.children]
    fields = [(child, lines) for child, lines in read if lines is not None]
    if len(fields) == len(read) or not any(cues.field_role.match(_form(line.text))
                                           for _child, lines in fields for line in lines):
        return
    node.particulars = [line for _child, lines in fields for line in lines]
    node.children = [child for child, lines in read if lines is None]


def _lift_group_fields(node: _Node, cues: _Cues) -> None:
    """A line after the last bullet of a list that names who carries out or directs the whole list ("3.1. Tăng cường
    công tác tuyên truyền" / "- Quán triệt …" / "- Đổi mới …" / "Trách nhiệm chỉ đạo thực hiện: Đảng ủy Ủy ban nhân
    dân tỉnh."; rules/structure.yaml `group_field_openings`, and the role fields of `field_list_openings`: "Cơ quan
    chủ trì: …") is a particular of the list's parent, the lead of every bullet in it (pipeline/extract.py reads it
    as those _absorb_particulars gathers), not the end of the last bullet's text. Not when an earlier bullet ends
    with such a line too: each bullet then names its own."""
    bullets = node.children
    if len(bullets) < 2 or any(c.kind not in bullet_kinds() or c.children for c in bullets):
        return
    fields = _trailing_fields(bullets[-1], cues)
    if not fields or any(_trailing_fields(c, cues) for c in bullets[:-1]):
        return
    bullets[-1].body = bullets[-1].body[:-len(fields)]
    node.particulars = node.particulars + fields


def _trailing_fields(node: _Node, cues: _Cues) -> list[Block]:
    """The last paragraphs of the node's body that are fields, a heading, a colon and its value ("Trách nhiệm chỉ
    đạo thực hiện: …", "Thời gian thực hiện: …"), when one of them names who carries out the work; else none."""
    count = 0
    roles = False
    for block in reversed(node.body):
        form = _form(block.text)
        group = cues.group_field.match(form) if cues.group_field is not None else None
        heading = group
        if heading is None and cues.field_any is not None:
            heading = cues.field_any.match(form)
            if heading is not None and not heading.group(0).rstrip().endswith(":"):
                heading = None
        if heading is None or not form[heading.end():].strip():
            break
        count += 1
        roles = roles or group is not None or cues.field_role is not None and cues.field_role.match(form) is not None
    return node.body[len(node.body) - count:] if count and roles else []


def _particulars(node: _Node, cues: _Cues) -> list[Block] | None:
    """The fields an item gives, one line each ("Cơ quan chủ trì: Bộ X; Bộ Z"), or None when it is no field: its
    title opens with a field heading and a colon and its text runs on ("3. Thời gian thực hiện: năm 2014."), or is
    nothing but a field heading, the value in the paragraphs and bullets under it ("a) Cơ quan chủ trì" / "- Bộ X."
    / "- Bộ Z."), or the heading of a group of fields ("2. Cơ quan chủ trì, phối hợp" / "a) Cơ quan chủ trì: …" /
    "b) Cơ quan phối hợp: …"). A paragraph under a listed body (a remark on it) is no part of the value."""
    title = node.title.strip()
    heading = cues.field_any.match(_form(title))
    if heading is None:
        return None
    colon = title.find(":")
    inline = title[colon + 1:].strip() if 0 <= colon < len(title) - 1 else ""
    if node.children and not inline and not node.body:
        lines = [_particulars(child, cues) for child in node.children]
        if all(lines):
            return [line for group in lines for line in group]
    if any(child.children or child.kind not in bullet_kinds() for child in node.children):
        return None
    values = [inline] + [b.text for b in node.body] + [child.title for child in node.children]
    values = [v for v in (v.strip().rstrip(".;,").strip() for v in values) if v]
    if not values:
        return None
    name = title[:colon].strip() if colon >= 0 else title.rstrip(" .:")
    return [Block(text=f"{name}: {'; '.join(values)}", span=_span(node.head, node.last_block()))]


# the kinds of point labels: "a)", "a.", and "2.1.a." (a point carrying its item's number; rules/numbering.yaml)
_POINT_KINDS = ("letter", "letter_dot", "number_letter")


def _absorb_contents(node: _Node, cues: _Cues) -> None:
    """A bullet that announces what the work it asks for comprises ("- Lập hồ sơ hoàn công cho từng hộ, bao gồm:" /
    "+ Đơn đề nghị …;" / "+ Biên bản …"; `content_list_endings`), or the points that work must attend to ("- Hoàn
    thiện dự thảo Luật …, trong đó lưu ý:"; `point_list_endings`), or the documents it is to make ("… phê duyệt các
    nhiệm vụ:" / "+ Quy hoạch …"; `deliverable_openings`), is one task: its sub-bullets list the contents,
    part of its text, not tasks (a heading of a part or an item that ends so still lists no duties)."""
    if node.kind not in bullet_kinds() or not node.children or node.body:
        return
    if any(c.kind not in bullet_kinds() or c.children for c in node.children):
        return
    if cues.content_list.search(match_form(node.title[-_HEAD:])) or \
            (cues.point_list is not None and cues.point_list.search(fold(node.title[-_HEAD:]))) or \
            _names_deliverables(node, cues):
        node.absorbed = [b for c in node.children for b in (c.head, *c.body)]
        node.children = []


def _names_deliverables(node: _Node, cues: _Cues) -> bool:
    """Does the bullet end with a colon before sub-bullets that only name documents or plans to be made, charging no
    body ("… trình Thủ tướng Chính phủ phê duyệt các nhiệm vụ:" / "+ Chiến lược …" / "+ Quy hoạch …";
    rules/structure.yaml `deliverable_openings`)?"""
    return cues.deliverable is not None and node.title.rstrip().endswith(":") and all(
        cues.deliverable.match(_form(c.title)) and not c.body and not _charges_body(c.title, cues) for c in node.children)


def _absorb_case_lists(node: _Node, cues: _Cues) -> None:
    """Points or bullets that only spell out the cases or conditions of their clause ("… trừ các trường hợp sau
    đây:", "… khi đáp ứng một trong các điều kiện sau đây:", "… theo thứ tự ưu tiên sau đây:"; rules/structure.yaml
    `case_list_endings`), announced by its heading or by the last paragraph of its introduction, are part of the
    clause's text, not items of their own."""
    if cues.case_list is None or not node.children or node.absorbed:
        return
    if any(c.kind not in (*_POINT_KINDS, "roman_paren", *bullet_kinds()) or c.children for c in node.children):
        return  # (sub-points "(i)", "(ii)" under a point spell out its cases as well)
    if _lists_cases(node, cues):
        node.absorbed = [b for c in node.children for b in (c.head, *c.body)]
        node.children = []


def _lists_conditions(node: _Node, cues: _Cues) -> bool:
    """Do the node's items spell out conditions someone must meet, its first item opening with the copula ("1.1. Là
    người có tên trong danh sách …"; rules/structure.yaml `condition_openings`), under a heading that names no body
    ("1. Xác định đối tượng được hỗ trợ"; not "2. Sở Xây dựng" / "- Là cơ quan thường trực …", that body's role)?"""
    if cues.condition is None or not node.children:
        return False
    first = node.children[0].title
    return bool(cues.condition.match(_form(first))) and not _opens_with_body(node.title, cues) \
        and not _charges_body(first, cues)


def _lists_cases(node: _Node, cues: _Cues) -> bool:
    """Does the node's heading, or the last paragraph of its introduction, announce a list of cases or conditions
    (rules/structure.yaml `case_list_endings`)?"""
    if cues.case_list is None:
        return False
    heading = node.intro[-1].text if node.intro else node.title
    return bool(cues.case_list.search(fold(heading[-_HEAD:])))


def _absorb_inline_enumeration(node: _Node) -> None:
    """A lone "(i)" that a hard wrap put at the start of a line, its "(ii)", "(iii)" running on inside the same
    paragraph ("… Cụ thể: (i) Rà soát …; (ii) Tổ chức …; (iii) Phối hợp …"): part of its item's text."""
    if len(node.children) != 1:
        return
    child = node.children[0]
    following = _inline_successors(child.label)
    if not following or child.children:
        return
    text = " ".join(b.text for b in (child.head, *child.body))
    if any(f" {nxt} " in f" {text} " for nxt in following):
        node.absorbed = node.absorbed + [child.head, *child.body]
        node.children = []


def _inline_successors(label: Label) -> list[str]:
    """The labels after `label` when it opens an inline enumeration: "(i)" -> "(ii)", "(1)" -> "(2)", "(a)" ->
    "(b)", successors in each sequence its value can be read in (a letter may be a lower-case roman numeral);
    none for a label that is not a parenthesised first value."""
    sequence = sequence_of(label.kind)
    if sequence == "none" or label.printed != f"({label.value})":
        return []
    readings = (sequence, "roman") if sequence == "letter" else (sequence,)
    return [f"({successor(reading, label.value)})" for reading in readings
            if value_at(reading, label.value, 1).lower() == label.value.lower()]


def _absorb_body_lists(node: _Node, cues: _Cues) -> None:
    """Bullets that only name the bodies an item is addressed to ("Giao các sở quản lý chuyên ngành gồm:" / "- Sở
    Công Thương (đối với …);" / "- Sở Xây dựng (…);" / "Có trách nhiệm:" / "a) …"), followed by the item's points:
    part of the item's introduction, not tasks."""
    bullets = [c for c in node.children if c.kind in bullet_kinds()]
    others = [c for c in node.children if c.kind not in bullet_kinds()]
    if not bullets or not others or node.children[:len(bullets)] != bullets:
        return
    opening = [b for b in node.body if b.span.start < bullets[0].head.span.start]
    if not opening or not cues.content_list.search(match_form(opening[-1].text.rstrip(" :")[-_HEAD:])):
        return
    if any(c.children or c.body or not cues.subject.match(_form(c.title)) for c in bullets):
        return
    node.body = sorted(node.body + [c.head for c in bullets], key=lambda b: b.span.start)
    node.children = others


# "Nghị định số 24/2026/NĐ-CP …", "Luật Hóa chất số 69/2025/QH15 …": a name, then its số hiệu
_DOC_NUMBER = re.compile(r"^\S+(?:\s+\S+){0,8}?\s+số\s+\d{1,4}/(?:\d{4}/)?[A-ZĐ]")


def _task_article(node: _Node, cues: _Cues) -> bool:
    """Does a statute article assign implementation work? Judged from its title, its clause headings and the
    subjects of its clauses, never from its number."""
    title = match_form(node.title).rstrip(" .:")
    if any(p.search(title) for p in cues.task_article):
        return True
    clauses = node.children
    for clause in clauses:
        heading = match_form(clause.title)
        if clause.children and (any(p.search(heading) for p in cues.task_heading) or (
                cues.subject.match(heading) and cues.responsibility_heading is not None
                and cues.responsibility_heading.search(heading))
                or _duties_of_bodies(clause, cues)):
            return True
    if clauses:
        subjects = sum(1 for c in clauses if _opens_with_body(c.title, cues))
        return subjects >= 2 and subjects >= cues.rules.subject_share * len(clauses)
    body = " ".join(b.text for b in node.body)
    form = _form(body)
    # the assignment is the article's paragraph, or its only line ("Điều 2. Giao Sở Tài chính chủ trì …")
    if cues.assignment.match(form or _form(node.title)):
        return True
    # an article that is one sentence putting a duty on a body ("Điều 4. Giám đốc Sở Công Thương chịu trách
    # nhiệm …, có trách nhiệm công khai …; tham mưu …")
    whole = _form(" ".join([node.title, body]))
    if cues.body_duty is None:
        return False
    if cues.subject.match(whole) and cues.body_duty.search(whole):
        return True
    # … or a decision's article printed as one sentence without a title that charges a regulated party ("Điều 2.
    # Các cơ sở được thí điểm phân bổ … có trách nhiệm nộp trả …"; a decree's conditions always sit under a title)
    if not body and _no_title(node.title, cues) and cues.holder is not None and cues.holder.match(whole) \
            and _states_duty(node.title, cues):
        return True
    # … or whose paragraph after its first sentence does ("Điều 5. Quyết định này có hiệu lực … / Chánh Văn phòng
    # …; Giám đốc Sở …; Chủ tịch Ủy ban nhân dân các xã … chịu trách nhiệm thi hành Quyết định này")
    return bool(cues.subject.match(form)) and bool(cues.body_duty.search(match_form(body[:600])))


def _no_title(title: str, cues: _Cues) -> bool:
    """Is an article's first line no title but its text, a sentence (longer than `article_title_max_words`, or
    holding a full stop or a semicolon)?"""
    return len(title.split()) > cues.rules.sizes.article_title_max_words or bool(_SENTENCE_STOP.search(title))


def _duties_of_bodies(clause: _Node, cues: _Cues) -> bool:
    """A clause headed by a duty word ("Trách nhiệm phân bổ") whose points each open with the body that bears
    the duty ("a) Bộ Nông nghiệp và Môi trường … có trách nhiệm …; b) Ủy ban nhân dân cấp tỉnh …")."""
    points = clause.children
    return (cues.duty_heading is not None and len(points) >= 2 and bool(cues.duty_heading.match(_form(clause.title)))
            and all(cues.subject.match(_form(p.title)) for p in points))


def _is_task_leaf(node: _Node, cues: _Cues) -> bool:
    if node.is_task is None:
        node.is_task = _judge_task_leaf(node, cues)
    return node.is_task


def _judge_task_leaf(node: _Node, cues: _Cues) -> bool:
    if not node.holds_tasks or node.children or node.heads_table:
        return False
    if node.kind in ("part", "chapter", "section"):
        return False
    text = _task_text(node)
    if not text.strip():
        return False
    folded = fold(text[:400])
    if any(p.search(folded) for p in cues.non_task_clause):
        return False
    if any(p.search(folded) for p in cues.transitional_clause) and not _duty_of_named_body(node, cues):
        return False
    # background of a letter: every paragraph reports what was done or what the law says (with what it introduces:
    # "Khoản 1 Điều 8 Thông tư số … về điều khoản thi hành:" / "Thông tư có hiệu lực từ ngày …")
    paragraphs: list[str] = []
    for paragraph in _task_paragraphs(node, absorbed=False):
        if paragraphs and paragraphs[-1].rstrip().endswith(":"):
            paragraphs[-1] = f"{paragraphs[-1]} {paragraph}"
        else:
            paragraphs.append(paragraph)
    if all(_is_report(paragraph, cues) for paragraph in paragraphs):
        return False
    if cues.note is not None and cues.note.match(_form(text)) and not any(
            _charges_body(sentence, cues) for sentence in _sentences(text.split(":", 1)[1].strip())):
        return False  # a remark on the points before it ("c) Lưu ý: Danh mục … nêu tại điểm a, điểm b …"), no duty
    if (node.requirements or any(a.requirements for a in _ancestors(node))) \
            and not any(_charges_body(sentence, cues) for paragraph in paragraphs for sentence in _sentences(paragraph)):
        return False  # a requirement stated ("Nhà ở … phải bảo đảm …"), no body charged with work
    # a guidance's or a letter's item that only states the law: no task (a statute's clauses are judged by their
    # articles, see _task_article)
    return _in_statute(node) or not all(_states_law(sentence, cues)
                                        for paragraph in paragraphs for sentence in _sentences(paragraph))


def _charges_body(sentence: str, cues: _Cues) -> bool:
    """Does the sentence charge a body with work: a body as its subject ("Sở Xây dựng nghiên cứu, thiết kế …"), an
    assignment ("Giao …") or a body's duty anywhere ("… thì Ủy ban nhân dân xã có trách nhiệm tổ chức …")?"""
    return _opens_with_subject(sentence, cues) or bool(cues.assignment.match(_form(sentence))) or (
        cues.body_duty is not None and bool(cues.body_duty.search(match_form(sentence))))


def _duty_of_named_body(node: _Node, cues: _Cues) -> bool:
    """Is the node a bullet in the list of duties of the body its heading names ("1.1. Ủy ban nhân dân Thành phố:" /
    "- Đối với các trường hợp … thì tiếp tục thực hiện hỗ trợ …": that body's duty, not a transitional rule)?"""
    parent = node.parent
    return node.kind in bullet_kinds() and parent is not None and parent.title.rstrip().endswith(":") \
        and _opens_with_body(parent.title, cues)


def _in_statute(node: _Node) -> bool:
    """Is the node inside a statute's article (or part, chapter, section)?"""
    return any(ancestor.kind in STATUTE_KINDS for ancestor in _ancestors(node))


def _ancestors(node: _Node) -> Iterator[_Node]:
    """The nodes that enclose `node`, nearest first."""
    ancestor = node.parent
    while ancestor is not None:
        yield ancestor
        ancestor = ancestor.parent


def _states_law(sentence: str, cues: _Cues) -> bool:
    """Does the sentence state what the law provides, asking nothing (rules/structure.yaml `reports`): an activity
    or an act as its subject and a predicate of the law ("Việc sản xuất … là hành vi bị nghiêm cấm", "Các hoạt động
    … được thực hiện theo quy định pháp luật chuyên ngành"), or a definition ("X tên khoa học là …")?"""
    report = cues.report
    # the sentence's subject and the definition phrase stand in its first words: its head's form is enough,
    # and the cheap tests come first (most sentences state no law)
    unquoted = _QUOTED.sub("“…”", sentence)
    head = _form(unquoted)
    if report.statement_subject.match(head):
        _display, form = _sentence_forms(unquoted)
        states = any(p.search(form) for p in report.law_predicates)
    else:
        states = report.definition is not None and bool(report.definition.search(head))
    return states and not _asks(sentence, cues)


def _task_text(node: _Node, title: str | None = None) -> str:
    """A leaf's own text: the labelled paragraph and its continuations; a title line followed by body
    paragraphs gives way to the body (the title is a heading, not the task) unless it names the body's
    addressee ("2. Cục Quản lý Khám, chữa bệnh" / "Chỉ đạo …", "2. Giao Sở Xây dựng" / "Chủ trì, phối hợp …":
    the subject of the task). `title`: the leaf's _task_title when the caller has read it."""
    return "\n".join(_task_paragraphs(node, title=title))


def _task_paragraphs(node: _Node, absorbed: bool = True, title: str | None = None) -> list[str]:
    """The paragraphs of a leaf's own text (see _task_text); with `absorbed`, the bullets folded into it too."""
    extra = [b.text for b in node.body] + ([b.text for b in node.absorbed] if absorbed else [])
    if title is None:
        title = _task_title(node)
    own = "" if title else node.title
    return [own, *extra] if own else extra


def _task_title(node: _Node) -> str:
    """The title a leaf's text gives way to (see _task_text), else ""."""
    title = node.title
    if node.body and _is_title_like(title, node, _cues().rules.sizes.item_title_max_words) and not (
            node.kind not in STATUTE_KINDS and (_cues().subject.match(_form(title))
                                                or _cues().assignment.match(_form(title)))):
        return title
    return ""


def _is_title_like(title: str, node: _Node, max_words: int | None = None) -> bool:
    if node.kind == "article":
        return True
    return not _ends_with_sentence(title) and not title.endswith(":") \
        and len(title.split()) <= (max_words or _cues().rules.sizes.title_max_words)


# where a sentence ends inside a paragraph: a stop, then a capital
_SENTENCE_BREAK = re.compile(r"(?<=[.;!?])\s+(?=[A-ZĐÀ-Ỹ])")


def _sentences(text: str) -> list[str]:
    """The sentences of a paragraph (a stop, then a capital; the closing "./." is a stop)."""
    return [s for s in _SENTENCE_BREAK.split(text.strip().replace("./.", ".")) if s.strip()]


_QUOTED = re.compile(r"“[^“”]*”")


def _is_report(text: str, cues: _Cues) -> bool:
    """A paragraph that reports or describes instead of assigning (rules/structure.yaml `reports`): its first
    sentence says what a body has already done ("Thực hiện Quyết định số …, Ủy ban nhân dân tỉnh đã ban hành …")
    or what the law provides ("Theo quy định tại …"), and no later sentence asks for work unless it reports too."""
    text = _QUOTED.sub("“…”", text)  # what a paragraph quotes ("… quy định: “…”") is the law's wording, asking nothing
    sentences = _sentences(text)
    if not sentences or not _opens_report(sentences[0], cues):
        return False
    return not any(_asks(sentence, cues) and not _opens_report(sentence, cues) for sentence in sentences[1:])


def _opens_report(sentence: str, cues: _Cues) -> bool:
    """Does the sentence report work done ("[Thứ nhất, ]Cục … đã có Văn bản số …") or state the law ("Theo quy
    định tại …, cơ quan đăng kiểm thực hiện …", asking nothing)?"""
    report = cues.report
    display, form = _sentence_forms(sentence)
    if report.law.match(form):
        return not _asks(sentence, cues)
    if report.past is None:
        return False
    starts = _clause_starts(form, _HEAD * 2) if report.lead_in.match(form) else [0]
    for start in starts:
        marker = report.past.search(form, start) if cues.subject.match(form[start:]) else None
        if marker is not None and _names_subject(display[start:marker.start()], cues):
            return True
    return False


def _asks(sentence: str, cues: _Cues, *, body: bool = False) -> bool:
    """Does the sentence assign or request work: it opens, or its main clause after an opening clause opens, with
    an assignment ("Vì vậy, đề nghị Bộ …") or with a body that asks ("Để …, Ủy ban nhân dân tỉnh đề nghị …"), or it
    puts a duty on a body ("… chủ trì …", "… có trách nhiệm …")? With `body`, only a body that asks counts."""
    display, form = _sentence_forms(sentence)
    if not body and cues.body_duty is not None and cues.body_duty.search(form):
        return True
    for start in _clause_starts(form, _HEAD):
        if not body and cues.assignment.match(form[start:]):
            return True
        # assignment words printed in lower case: "Bộ Giao thông vận tải" names a body, "giao" would assign
        marker = cues.assignment_anywhere.search(display, start) if cues.subject.match(form[start:]) else None
        if marker is not None and _names_subject(display[start:marker.start()], cues):
            return True
    return False


def _clause_starts(form: str, end: int) -> list[int]:
    """Where a clause may open in a sentence's match form: at its start and after each comma in its first `end`
    characters (the main clause after an opening one: "Trong quá trình …, các Bộ …")."""
    return [0, *(m.end() for m in _COMMA.finditer(form, 0, end))]


_COMMA = re.compile(r",\s*")


def _sentence_forms(sentence: str) -> tuple[str, str]:
    """The sentence as printed (new tone style, unified punctuation, spaces and spellings: the case of its letters is
    kept for the cues that need it) and its match form, same length."""
    display = cased_form(sentence)
    return display, display.lower()


def _names_subject(name: str, cues: _Cues) -> bool:
    """Can `name`, from a body's head word up to a marker, be that body's name: no predicate word printed in lower
    case ("Sở X chủ trì rà soát các văn bản | đã ban hành"; "Cục Cảnh sát Quản lý hành chính …" is a name), no
    assignment word, no [.;:], and not too long?"""
    report = cues.report
    return (len(name.split()) <= report.subject_max_words and not re.search(r"[.;:]", name)
            and not (report.stops is not None and report.stops.search(name))
            and not cues.assignment_anywhere.search(name))


# --------------------------------------------------------------------------- emitting


def _span(first: Block, last: Block) -> Span:
    return Span(line=first.span.line, end_line=last.span.end_line, start=first.span.start, end=last.span.end,
                page=first.span.page, end_page=last.span.end_page)


_KIND_NAMES = {"number": "item", "number2": "item", "number3": "item", "number4": "item", "number_paren": "item",
               "roman": "part", "letter_upper": "part", "roman_paren": "point", "letter": "point", "letter_dot": "point",
               "number_letter": "point", "dash": "bullet", "plus": "bullet", "dot": "bullet",
               "part": "part", "chapter": "chapter", "section": "section", "article": "article"}


# heading-level units: a non-task title there is a heading whatever its length (_non_task_title); with a statute's
# articles, they are sections even without children; other childless non-task items (viewpoints, objectives,
# definitions) are neither sections nor tasks
_HEADING_KINDS = frozenset({"part", "chapter", "section", "roman", "letter_upper"})
_ALWAYS_SECTIONS = _HEADING_KINDS | {"article"}


def _emit(roots: list[_Node], doc: Document, statute: bool = False) -> None:
    cues = _cues()

    def walk(nodes: list[_Node], statute_clause_parent: bool, in_provision: bool = False) -> None:
        for node in nodes:
            parent_id = node.parent.id if node.parent is not None else None
            kind = _KIND_NAMES.get(node.kind, node.kind)
            if statute_clause_parent and node.kind == "number":
                kind = "clause"
            # (the points of a provision are its cases, part of it: neither provisions nor clauses of their own)
            rule = statute and not node.holds_tasks and not in_provision
            provision = rule and _is_provision(node, cues)
            leaf = _is_task_leaf(node, cues)
            if leaf:
                last, title = node.last_block(own=True), _task_title(node)
                doc.tasks.append(Task(doc=doc.id, id=node.id, label=node.label.printed, text=_task_text(node, title),
                                      span=_span(node.head, last), parent=parent_id, title=title))
            elif provision:
                doc.provisions.append(Task(doc=doc.id, id=node.id, label=node.label.printed, text=_task_text(node),
                                           span=_span(node.head, node.last_block()), parent=parent_id))
            elif rule and _is_other_clause(node, cues):
                doc.other_clauses.append(Task(doc=doc.id, id=node.id, label=node.label.printed,
                                              text=_task_text(node), span=_span(node.head, node.last_block()),
                                              parent=parent_id))
            elif node.children or node.kind in _ALWAYS_SECTIONS or node.heads_table:
                doc.sections.append(Section(id=node.id, label=node.label.printed, kind=kind, title=node.title,
                                            span=_span(node.head, node.last_block()), parent=parent_id,
                                            holds_tasks=node.holds_tasks and (
                                                node.heads_table or _has_tasks_below(node, cues)),
                                            intro="\n".join(b.text for b in (*node.intro, *node.particulars))))
            walk(node.children, node.kind == "article", in_provision or provision)
            if node.holds_tasks:
                # (the paragraphs split off a task are tasks of its parent: _split_own_subject)
                owner = parent_id if leaf else node.id
                for task_id, group in zip(node.trailing_ids, node.trailing, strict=True):
                    doc.tasks.append(Task(doc=doc.id, id=task_id, label="", text="\n".join(b.text for b in group),
                                          span=_span(group[0], group[-1]), parent=owner))

    walk(roots, False)


def _is_provision(node: _Node, cues: _Cues) -> bool:
    """A leaf clause or point of a statute outside its task articles that puts a duty on someone ("Tổ chức,
    cá nhân hoạt động hóa chất có trách nhiệm …", "Chủ đầu tư dự án … phải …"): not a task of the document,
    but a provincial text may carry it out (pipeline.linking)."""
    if cues.provision_duty is None or node.kind not in ("number", *_POINT_KINDS, "article") \
            or _in_scope_article(node, cues):
        return False
    if any(_lists_cases(ancestor, cues) for ancestor in _ancestors(node)):
        return False  # one of the conditions an article lists ("… phải có đủ các điều kiện sau:" / "a) Phải phá dỡ …")
    if node.children:  # a duty whose points are only its cases ("… phải …, nếu thuộc một trong các trường hợp sau:")
        return (node.title.rstrip().endswith(":") and _states_duty(node.title, cues) and not _lists_duties(node, cues)
                and not any(c.children or _states_duty(_task_text(c), cues) for c in node.children))
    if node.parent is not None and _lists_duties(node.parent, cues):
        return True
    text = _task_text(node)
    return _states_duty(text, cues) or _amends_with_work(text, cues)


def _lists_duties(node: _Node, cues: _Cues) -> bool:
    """A clause heading that ends with its duty word ("Tổ chức, doanh nghiệp quản lý tiền chất thuốc nổ có trách
    nhiệm:", or without its colon, which no sentence ends with: "Cơ quan … có trách nhiệm" / "a) Biên soạn tài liệu
    …"): each of its points is one of the duties, the rest of the sentence, and a provision of its own."""
    if not node.children or cues.provision_duty is None:
        return False
    heading = match_form(node.title).rstrip(" :")
    return any(m.end() == len(heading) for m in cues.provision_duty.finditer(heading))


def _is_other_clause(node: _Node, cues: _Cues) -> bool:
    """A leaf clause or point of a statute outside its task articles that states no duty word, where extract may
    still read a body acting ("Ủy ban nhân dân cấp tỉnh ký hợp đồng …"); not one of an article on the statute's
    scope or words (`scope_titles`), which names bodies only to say whom it concerns or what a word means."""
    if node.kind not in ("number", *_POINT_KINDS) or node.children or node.heads_table:
        return False  # (a clause-less article stays a section)
    return bool(_task_text(node).strip()) and not _in_scope_article(node, cues)


def _in_scope_article(node: _Node, cues: _Cues) -> bool:
    """Is the node inside an article on the statute's scope or words (`scope_titles`)?"""
    return cues.scope_title is not None and any(
        ancestor.kind == "article" and cues.scope_title.match(_form(ancestor.title)) for ancestor in _ancestors(node))


def _amends_with_work(text: str, cues: _Cues) -> bool:
    """An amending item ("Sửa đổi khoản 6 như sau: “6. Ủy ban nhân dân cấp tỉnh tiếp nhận, rà soát …”") whose new
    text puts work on a body: a paragraph of the quoted text that, past its own label, opens with a body as its
    subject or states a duty. The new text is the law a province carries out, although no duty word opens the
    item itself."""
    if cues.amendment is None:
        return False
    formula = cues.amendment.match(match_form(text[:_HEAD]))
    if formula is None:
        return False
    new_text = text[formula.end():]
    for start in _QUOTED_PARTS.finditer(new_text):
        own = new_text[start.end():].lstrip("“\" ")
        label = parse_label(own)
        own = own[label.end:] if label is not None else own
        if cues.subject.match(_form(own)) or _states_duty(own, cues):
            return True
    return False


# where a part of a quoted new text may begin: its start, a line, a sentence, or an inline clause or point label
# (normalize joins a quoted passage into one paragraph: "“3. Báo cáo … a) Các cơ sở …; b) Ủy ban nhân dân …”")
_QUOTED_PARTS = re.compile(r"^|\n|(?<=[.;:])\s+|\s+(?=\d{1,3}[a-zđ]?\.\s|[a-zđ]\)\s)")


def _states_duty(text: str, cues: _Cues) -> bool:
    return bool(text.strip()) and bool(cues.provision_duty.search(match_form(text[:cues.rules.sizes.provision_duty_chars])))


def _has_tasks_below(node: _Node, cues: _Cues) -> bool:
    if node.has_tasks_below is None:
        node.has_tasks_below = bool(node.trailing) or any(_is_task_leaf(c, cues) or _has_tasks_below(c, cues)
                                                          for c in node.children)
    return node.has_tasks_below


# --------------------------------------------------------------------------- preamble, closing, meta


def _is_closing_formula(block: Block, cues: _Cues) -> bool:
    """'… biết, triển khai thực hiện./.': a short one-sentence paragraph that assigns nothing specific (it ends
    with a plain call to carry out, or names no body and hands no work over). OCR debris at its edges ("… triển
    khai thực hiện. gaa!", "… được biết và thực hiện./. e": nothing follows the end mark "./.") is no word of it."""
    text = without_edge_debris(block.text.strip())
    if "./." in text:
        text = text[:text.rindex("./.") + 3]  # the end of the body: what OCR prints after it is a stamp's debris
    words = text.split()
    if match_form(text).startswith(cues.closing_openings):
        # "Trên đây là Kế hoạch …; yêu cầu các sở, ban, ngành … triển khai thực hiện./.": the formula, unless a
        # later sentence puts the work on a body or a body asks for it ("Trên đây là Kế hoạch … . Các đơn vị được
        # giao nhiệm vụ trong Kế hoạch khẩn trương tổ chức triển khai …"): a task, as a letter's closing request is
        return _later_request(text, cues) is None
    if len(words) > cues.rules.closing_formula.max_words or len(_sentences(text)) > 1:
        return False
    form = match_form(text).rstrip(" ./")
    # "Văn phòng Chính phủ theo dõi, đôn đốc …", "Bộ X chịu trách nhiệm hướng dẫn, theo dõi …": a body named as
    # the subject of a duty of its own is a task, as is an assignment ("Giao …"), also after an opening clause
    # ("Để có cơ sở tổng hợp, Sở Tài chính đề nghị các đơn vị báo cáo … trước ngày …"; a bare "…, nếu có vướng mắc,
    # đề nghị phản ánh về Sở …" stays the formula)
    assigns = bool(cues.assignment.match(form) or cues.subject.match(form) or _asks(text, cues, body=True))
    if assigns and _asks_to_direct(form, cues):
        # "Bộ Xây dựng đề nghị Ủy ban nhân dân các tỉnh … chỉ đạo các cơ quan có liên quan tổ chức thực hiện./.":
        # the body asked is to direct others, work handed on, not the plain call to carry out, whatever its ending
        return False
    if form.endswith(cues.closing_endings) or \
            re.search(cues.rules.closing_formula.execution, form):
        return True
    if cues.courtesy is not None and cues.courtesy.search(form):
        return True  # "Bộ … trân trọng cảm ơn sự phối hợp của Quý Ủy ban./.": thanks, no work
    return not assigns


def _asks_to_direct(form: str, cues: _Cues) -> bool:
    """Does a request put on the body it asks the direction of other bodies ("… đề nghị Ủy ban nhân dân các tỉnh chỉ
    đạo các cơ quan có liên quan tổ chức thực hiện", rules/roles.yaml direct_cues, then a body or a group)? Not the
    cue that opens the request ("Giao các sở …": the assignment itself)."""
    if cues.directs is None:
        return False
    for cue in cues.directs.finditer(form, 1):
        rest = form[cue.end():].lstrip(" ,")
        if cues.subject.match(rest) or (cues.group_subject is not None and cues.group_subject.match(rest)):
            return True
    return False


def _assigns_work(block: Block, cues: _Cues) -> bool:
    form = match_form(block.text)
    return bool(cues.assignment.match(form) or cues.subject.match(form) or cues.assignment_anywhere.search(form)) \
        and not _is_report(block.text, cues)


# a "Nơi nhận" list flattened into one table cell ("- Bộ trưởng (để báo cáo); - Các Thứ trưởng; - Lưu: VT."): a
# dash after a semicolon opens the next recipient
_FLAT_RECIPIENTS = re.compile(r";\s*[-–•+]\s+")


def _recipient_items(text: str) -> list[str]:
    label = parse_label(text)
    if label is not None and label.kind in bullet_kinds():
        text = text[label.end:]
    # a colon misprinted for the item's semicolon ("- Bộ Y tế:") is no part of the name
    items = (item.rstrip(";.:").strip() for item in _FLAT_RECIPIENTS.split(text))
    return [item for item in items if item]


def _read_closing(blocks: list[Block], meta: DocumentMeta, cues: _Cues) -> None:
    in_recipients = False
    titles: list[str] = []
    for block in blocks:
        cells = [part for cell in _cells(block) for piece in cues.signature_split.split(cell) if piece.strip()
                 for part in _title_and_name(piece.strip(), cues)]
        for position, cell in enumerate(cells):
            form = match_form(cell)
            if cues.closing.match(fold_aligned(form)):
                in_recipients = True
                rest = cell.split(":", 1)[1].strip() if ":" in cell else ""
                meta.recipients += _recipient_items(rest)
                continue
            label = parse_label(cell)
            if in_recipients and label is not None and label.kind in bullet_kinds():
                meta.recipients += _recipient_items(cell)
                continue
            # an item whose dash was lost in print ("Bộ Tài chính;" between "- Bộ Công thương;" and "- Lưu: VT"): a
            # body's name closed by the list's separator (a signer's name printed among the items has none)
            if in_recipients and label is None and cell.rstrip().endswith(";") and cues.subject.match(form):
                meta.recipients += _recipient_items(cell)
                continue
            if is_upper_line(cell) and cues.signature.match(form) and len(cell) <= cues.rules.sizes.signature_max_chars:
                titles.append(cell)
                # a signature printed beside the recipients list ("- Như Điều 5; | KT. CHỦ TỊCH") does not end it
                in_recipients = in_recipients and position > 0
                continue
            if is_person_name(cell):
                meta.signer = cell
    if titles:
        meta.signer_title = " / ".join(titles)


def _title_and_name(cell: str, cues: _Cues) -> list[str]:
    """A signature cell that holds the signer's title in capitals and, after it, the signer's name (a converter's
    one cell: "KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Trần Nam"): the title and the name apart; else the cell."""
    words = cell.split()
    # the title opens in capitals: a cheap test before the matching form (every closing line comes here)
    if not words or not is_upper_line(words[0]) or is_upper_line(cell) or not cues.signature.match(match_form(cell)):
        return [cell]
    for k in range(len(words) - 1, 0, -1):
        title, name = " ".join(words[:k]), " ".join(words[k:])
        if is_upper_line(title) and is_person_name(name):
            return [title, name]
    return [cell]


def _issuer_from_signature(blocks: list[Block], cues: _Cues) -> str | None:
    for block in blocks:
        for cell in _cells(block):
            form = match_form(cell)
            if form.startswith("tm.") or form.startswith("t.m."):
                return cell.split(".", 1)[1].strip() or None
    return None


def _default_id(meta: DocumentMeta, source: SourceText) -> str:
    base = meta.number if meta.number else Path(source.path).stem
    slug = re.sub(r"-+", "-", fold(base).replace(" ", "-")).strip("-")
    return slug or "doc"
