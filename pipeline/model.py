"""The dataclasses every stage shares, and the result.json (de)serialisation.

Flow: ingest -> SourceText; normalize -> list[Block]; segment -> Document (sections, tasks);
extract -> the same Document with roles filled in; link -> list[Link] + list[Coverage];
graph/report read a Result. Each stage returns new objects or fills the fields named in its
docstring; nothing here knows about any stage.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Role = Literal["central", "provincial"]
Strength = Literal["sure", "possible"]
Status = Literal["covered", "partial", "gap"]

SCHEMA_VERSION = 1


class DoichieuError(Exception):
    """One input cannot be processed: shown to the user as '<path>: <reason>', no traceback."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


@dataclass(frozen=True)
class Notice:
    """A warning attached to a document: a repair made or a doubt raised, with its place (for a PDF, `page_line`:
    the line within the page, as Span.page_line; printed instead of the line of the whole extracted text)."""

    path: str
    message: str
    line: int | None = None
    page: int | None = None
    code: str = ""
    page_line: int | None = None

    def __str__(self) -> str:
        where = self.path
        if self.page is not None:
            where += f", trang {self.page}"
        line = self.page_line if self.page is not None and self.page_line is not None else self.line
        if line is not None:
            where += f", dòng {line}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Span:
    """Where something stands in its source: 1-based lines, character offsets in SourceText.text,
    1-based pages (of a PDF, or of a text copied from one that marks its pages). For a PDF, `page_line` and
    `end_page_line` count the first and last line within their pages (`page`, `end_page`): what a reader finds in a
    PDF viewer, where the lines of the whole extracted text (`line`) mean nothing."""

    line: int
    end_line: int
    start: int
    end: int
    page: int | None = None
    end_page: int | None = None
    page_line: int | None = None
    end_page_line: int | None = None


# --------------------------------------------------------------------------- ingest


@dataclass(frozen=True)
class SourceLine:
    """One physical line of the extracted text."""

    text: str  # NFC, without the newline
    number: int  # 1-based line number in SourceText.text
    offset: int  # character offset of the line in SourceText.text
    page: int | None = None  # 1-based page for PDFs
    page_break: bool = False  # a converter's page-break line ("===== Trang 2 ====="): normalize reads it as a blank
    style: frozenset[str] = frozenset()  # layout hints when the format gives them: "bold", "italic", "heading"


@dataclass
class SourceText:
    """What ingest guarantees: decoded, NFC text split into lines with provenance; page furniture
    (page numbers, running headers) already removed for PDFs; glyph and encoding repairs done and
    reported in `notices`. Line breaks inside paragraphs are NOT yet joined (normalize does that)."""

    path: str
    kind: str  # "txt" | "md" | "pdf" | "docx"
    text: str
    lines: list[SourceLine]
    fields: dict[str, str] = field(default_factory=dict)  # header fields recovered from layout
    notices: list[Notice] = field(default_factory=list)
    sha256: str = ""


# --------------------------------------------------------------------------- normalize


@dataclass
class Block:
    """A logical paragraph: hard wraps and page-break splits joined, markdown markers removed,
    original spelling kept (NFC). `markup` keeps the hints a segmenter may use."""

    text: str
    span: Span
    markup: frozenset[str] = frozenset()  # "bold", "italic", "heading", "heading:3", "indented"


# --------------------------------------------------------------------------- segment / extract


@dataclass
class Mention:
    """An agency (or generic group of agencies) named in a task."""

    text: str  # as printed, abbreviations such as UBND expanded; a bare "Hội đồng nhân dân" with the qualifier it shares
    canonical: str | None = None  # id in rules/agencies.yaml
    name: str | None = None  # canonical display name
    level: str = "other"  # "central" | "province" | "district" | "commune" | "village" | "generic" | "other"
    locality: bool = False  # the mention reaches provinces / localities
    note: str = ""  # e.g. a parenthesised list of districts dropped from the name
    start: int = -1  # offsets in the text the mention was read from (task text or heading)
    end: int = -1
    current: list[str] = field(default_factory=list)  # current holders' display names as of the run's date


@dataclass
class Citation:
    """A legal reference (số hiệu) cited in a text."""

    text: str  # as printed, e.g. "Quyết định số 259/QĐ-TTg ngày 25 tháng 02 năm 2021"
    number: str  # normalised số hiệu, e.g. "259/QĐ-TTg"
    doc_type: str | None = None  # "Quyết định", "Nghị quyết", "Chỉ thị", "Nghị định", "Công văn" …
    year: int | None = None
    issuer: str | None = None  # issuer code from the số hiệu ("TTg", "CP", "TW", "UBND-KTTH")
    date: str | None = None  # ISO date when printed


@dataclass
class Deadline:
    """A time limit or periodicity, printed and normalised."""

    text: str  # as printed: "trước ngày 30 tháng 11", "hằng năm"
    kind: str  # "date" | "by_date" | "period" | "recurring"
    value: str  # normalised: "2022-11-30", "--11-30", "2023-Q1", "annual", "monthly", "periodic"


@dataclass
class Section:
    """A heading-level unit (part, chapter, article, numbered item, lettered item with children)."""

    id: str  # dot path of labels, repaired ("III.3.đ")
    label: str  # as printed ("d)")
    kind: str  # "part" | "chapter" | "section" | "article" | "clause" | "item" | "point" | "bullet"
    title: str  # heading text without label, display form
    span: Span
    parent: str | None = None
    holds_tasks: bool = True  # False for viewpoints, objectives, preambles …
    intro: str = ""  # unlabelled paragraphs between the heading and the first child (may name the assignee)


# The id part of an unnumbered paragraph after a list's last item ("V.closing"; a second one "closing~2"); the
# reports name it "đoạn cuối" (pipeline.naming.TASK_NAMES).
CLOSING = "closing"


@dataclass
class Task:
    """The smallest assignment-bearing item of a document, with its actors once extracted."""

    doc: str
    id: str  # dot path ("III.1.a.2", "4.2.a", "1.a.4")
    label: str  # printed label ("-", "d)", "2.")
    text: str  # the task's own text, display form (not its parent's heading)
    span: Span
    parent: str | None = None  # id of the enclosing section
    # the item's own title when it heads its text ("1. Hoàn thiện thể chế …" / body paragraphs): a heading of the
    # task, kept out of its text
    title: str = ""
    leads: list[Mention] = field(default_factory=list)
    coordinators: list[Mention] = field(default_factory=list)
    advises: list[Mention] = field(default_factory=list)
    directs: list[Mention] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    localities: bool = False  # the task reaches provinces/localities (lead, coordinator or directed)
    locality_role: str | None = None  # "lead" | "coordinator" | "directed"


@dataclass
class DocumentMeta:
    """Header-block facts, detected from the text and overridden by the corpus manifest."""

    issuer: str | None = None
    doc_type: str | None = None  # "Nghị quyết", "Kế hoạch", "Công văn", "Nghị định" …
    number: str | None = None  # "23/NQ-CP"
    # the ký hiệu of a số hiệu whose running number cannot be read (OCR: "Z32Ø/BTC-QLCS" gives "BTC-QLCS"), or
    # that was left blank; pairing may fall back on it (pipeline.corpus)
    symbol: str | None = None
    date: str | None = None  # ISO
    place: str | None = None
    title: str | None = None  # trích yếu
    signer: str | None = None
    signer_title: str | None = None  # "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
    implements: list[Citation] = field(default_factory=list)  # "Thực hiện Nghị quyết số …"
    citations: list[Citation] = field(default_factory=list)  # every legal reference in the document
    recipients: list[str] = field(default_factory=list)  # Kính gửi / Nơi nhận
    addressees: list[str] = field(default_factory=list)  # Kính gửi only: whom a letter is addressed to


@dataclass
class Document:
    """A parsed document. segment guarantees sections and tasks in source order, unique ids,
    spans on everything; extract fills the roles, citations and deadlines of every task."""

    id: str
    path: str
    role: Role | None
    kind: str  # source kind: "txt" | "md" | "pdf" | "docx"
    meta: DocumentMeta = field(default_factory=DocumentMeta)
    sections: list[Section] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    # statute clauses outside the task articles that put a duty on someone (organisations, investors): not
    # tasks, but a provincial text may carry them out; linking considers them and a linked one becomes a task
    provisions: list[Task] = field(default_factory=list)
    # the other leaf clauses and points of a statute outside its task articles (not those of its articles on scope
    # and words): segment cannot tell which of them put work on a body without a duty word ("Ủy ban nhân dân cấp
    # tỉnh ký hợp đồng …"); extract moves those to `provisions`. Not written out.
    other_clauses: list[Task] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    sha256: str = ""
    preamble: str = ""  # text between the header block and the body (căn cứ …, "Thực hiện …"), display form
    closing: str = ""  # text after the body (closing sentence, Nơi nhận, signature), display form

    def task(self, task_id: str) -> Task:
        for task in self.tasks:
            if task.id == task_id:
                return task
        raise KeyError(task_id)

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def ancestors(self, item: Task | Section) -> list[Section]:
        """Enclosing sections of a task or section, outermost first."""
        by_id = {s.id: s for s in self.sections}
        chain: list[Section] = []
        parent = item.parent
        while parent is not None and parent in by_id:
            chain.append(by_id[parent])
            parent = by_id[parent].parent
        return chain[::-1]


# --------------------------------------------------------------------------- link


@dataclass(frozen=True)
class TaskRef:
    doc: str
    task: str


@dataclass
class Link:
    """A provincial task carrying out a central task, with the evidence a person can check."""

    provincial: TaskRef
    central: TaskRef
    strength: Strength
    score: float
    reasons: list[str] = field(default_factory=list)  # human-readable, one per feature that fired
    features: dict[str, float] = field(default_factory=dict)
    shared_phrases: list[str] = field(default_factory=list)
    confirmed: bool = False  # set by a reviewer's decision (review round-trip)


@dataclass
class Coverage:
    """How far one provincial document carries out one central task."""

    central: TaskRef
    provincial_doc: str
    status: Status
    sure: list[str] = field(default_factory=list)  # provincial task ids
    possible: list[str] = field(default_factory=list)
    localities: bool = False
    locality_role: str | None = None


@dataclass
class Result:
    """Everything a run produced: parsed documents, links, coverage."""

    documents: list[Document]
    links: list[Link] = field(default_factory=list)
    coverage: list[Coverage] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)

    def document(self, doc_id: str) -> Document:
        for doc in self.documents:
            if doc.id == doc_id:
                return doc
        raise KeyError(doc_id)

    def tasks_df(self):
        """Tasks of every document as a pandas DataFrame."""
        from .frames import tasks_df

        return tasks_df(self)

    def links_df(self):
        """Links as a pandas DataFrame."""
        from .frames import links_df

        return links_df(self)

    def coverage_df(self):
        """Coverage rows (central task x provincial document) as a pandas DataFrame."""
        from .frames import coverage_df

        return coverage_df(self)

    def graph(self):
        """The coverage graph (networkx MultiDiGraph)."""
        from .graph import build_graph

        return build_graph(self)

    def write(self, out_dir) -> None:
        """Write every deliverable (result.json, crossref.xlsx/csv/md, coverage.html, graph files) to out_dir."""
        from .report import write_outputs

        write_outputs(self, out_dir)

    def to_json(self) -> dict[str, Any]:
        """The result.json schema read by ../shared/eval/score.py, with extra fields."""
        return {
            "schema": SCHEMA_VERSION,
            "documents": [document_json(d) for d in self.documents],
            "tasks": [task_json(t) for d in self.documents for t in d.tasks],
            "links": [link_json(link) for link in self.links],
            "coverage": [coverage_json(c) for c in self.coverage],
            "notices": [notice_json(n) for n in self.notices],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Result:
        """Rebuild a Result from to_json() output (round-trip)."""
        tasks_by_doc: dict[str, list[Task]] = {}
        for item in data.get("tasks", []):
            tasks_by_doc.setdefault(item["doc"], []).append(_task_from_json(item))
        documents = []
        for item in data.get("documents", []):
            meta = dict(item.get("meta") or {})
            meta["implements"] = [Citation(**c) for c in meta.get("implements", [])]
            meta["citations"] = [Citation(**c) for c in meta.get("citations", [])]
            documents.append(
                Document(
                    id=item["id"], path=item.get("path", ""), role=item.get("role"), kind=item.get("kind", ""),
                    meta=DocumentMeta(**meta),
                    sections=[
                        Section(**{**s, "span": Span(**s["span"])}) for s in item.get("sections", [])
                    ],
                    tasks=tasks_by_doc.get(item["id"], []),
                    notices=[Notice(**n) for n in item.get("notices", [])],
                    sha256=item.get("sha256", ""),
                    preamble=item.get("preamble", ""),
                    closing=item.get("closing", ""),
                )
            )
        links = [
            Link(
                provincial=TaskRef(**item["provincial"]), central=TaskRef(**item["central"]),
                strength=item["strength"], score=item["score"], reasons=item.get("reasons", []),
                features=item.get("features", {}), shared_phrases=item.get("shared_phrases", []),
                confirmed=item.get("confirmed", False),
            )
            for item in data.get("links", [])
        ]
        coverage = [
            Coverage(
                central=TaskRef(**item["central"]), provincial_doc=item["provincial"]["doc"],
                status=item["status"], sure=item.get("sure", []), possible=item.get("possible", []),
                localities=item.get("localities", False), locality_role=item.get("locality_role"),
            )
            for item in data.get("coverage", [])
        ]
        notices = [Notice(**n) for n in data.get("notices", [])]
        return cls(documents=documents, links=links, coverage=coverage, notices=notices)


def _names(mentions: list[Mention]) -> list[str]:
    return [m.text for m in mentions]


def document_json(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "role": doc.role,
        "path": doc.path,
        "kind": doc.kind,
        "sha256": doc.sha256,
        "meta": asdict(doc.meta),
        "sections": [{**asdict(s), "span": span_json(s.span)} for s in doc.sections],
        "notices": [notice_json(n) for n in doc.notices],
        "preamble": doc.preamble,
        "closing": doc.closing,
    }


def notice_json(notice: Notice) -> dict[str, Any]:
    """A notice in result.json; its line within the page only where there is one (a PDF source)."""
    return {k: v for k, v in asdict(notice).items() if v is not None or k != "page_line"}


def span_json(span: Span) -> dict[str, Any]:
    """A span in result.json; the lines within a page only where there are some (a PDF source)."""
    return {k: v for k, v in asdict(span).items() if v is not None or k not in ("page_line", "end_page_line")}


def task_json(task: Task) -> dict[str, Any]:
    """A task row: the referee's fields (doc, id, text, leads, coordinators) first, then the rest."""
    return {
        "doc": task.doc,
        "id": task.id,
        "text": task.text,
        "leads": _names(task.leads),
        "coordinators": _names(task.coordinators),
        "advises": _names(task.advises),
        "directs": _names(task.directs),
        "label": task.label,
        "parent": task.parent,
        "title": task.title,
        "line": task.span.line,
        "page": task.span.page,
        **({"page_line": task.span.page_line} if task.span.page_line is not None else {}),
        "span": span_json(task.span),
        "localities": task.localities,
        "locality_role": task.locality_role,
        "citations": [asdict(c) for c in task.citations],
        "deadlines": [asdict(d) for d in task.deadlines],
        "mentions": {
            "leads": [asdict(m) for m in task.leads],
            "coordinators": [asdict(m) for m in task.coordinators],
            "advises": [asdict(m) for m in task.advises],
            "directs": [asdict(m) for m in task.directs],
        },
    }


def _task_from_json(item: dict[str, Any]) -> Task:
    mentions = item.get("mentions") or {}

    def role(name: str) -> list[Mention]:
        if name in mentions:
            return [Mention(**m) for m in mentions[name]]
        return [Mention(text=t) for t in item.get(name, [])]

    return Task(
        doc=item["doc"], id=item["id"], label=item.get("label", ""), text=item["text"],
        span=Span(**item["span"]) if "span" in item else Span(item.get("line", 0), item.get("line", 0), 0, 0),
        parent=item.get("parent"), title=item.get("title", ""),
        leads=role("leads"), coordinators=role("coordinators"), advises=role("advises"), directs=role("directs"),
        citations=[Citation(**c) for c in item.get("citations", [])],
        deadlines=[Deadline(**d) for d in item.get("deadlines", [])],
        localities=item.get("localities", False), locality_role=item.get("locality_role"),
    )


def link_json(link: Link) -> dict[str, Any]:
    return {
        "provincial": asdict(link.provincial),
        "central": asdict(link.central),
        "strength": link.strength,
        "score": round(link.score, 4),
        "reasons": link.reasons,
        "features": {k: round(v, 4) for k, v in link.features.items()},
        "shared_phrases": link.shared_phrases,
        "confirmed": link.confirmed,
    }


def coverage_json(row: Coverage) -> dict[str, Any]:
    return {
        "central": asdict(row.central),
        "provincial": {"doc": row.provincial_doc},
        "status": row.status,
        "sure": row.sure,
        "possible": row.possible,
        "localities": row.localities,
        "locality_role": row.locality_role,
    }
