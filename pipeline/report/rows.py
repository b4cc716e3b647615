"""The cross-reference table as plain rows, computed once from a Result and shared by every writer.

Guarantees: rows follow document order (central tasks as printed, then provincial tasks); links within a
row are ordered sure before possible, then by score (descending), then by path; nothing depends on dict
or set iteration order of the input, so the same Result always gives the same rows.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..agencies import exact as registered
from ..agencies import lookup, registry
from ..model import Coverage, Document, Link, Mention, Result, Section, Task
from ..naming import leader, name_order
from ..vntext import fold
from . import labels


@dataclass
class Pairing:
    """One link seen from one end: the link and the task at the other end."""

    link: Link
    task: Task


@dataclass
class CentralRow:
    document: Document
    task: Task
    provincial_doc: Document | None
    status: str  # key of labels.STATUS
    pairings: list[Pairing] = field(default_factory=list)
    group: Section | None = None  # the section used for grouping (depth 2, e.g. "III.1")
    localities: bool = False
    locality_role: str | None = None

    @property
    def key(self) -> str:
        return row_key(self.document.id, self.task.id, self.provincial_doc.id if self.provincial_doc else "")


@dataclass
class ProvincialRow:
    document: Document
    task: Task
    central_doc: Document | None
    pairings: list[Pairing] = field(default_factory=list)

    @property
    def addition(self) -> bool:
        """No central task behind it: content the province added on its own."""
        return not self.pairings

    @property
    def key(self) -> str:
        return row_key(self.central_doc.id if self.central_doc else "", "", self.document.id, self.task.id)


@dataclass
class CrossRef:
    central_rows: list[CentralRow]
    provincial_rows: list[ProvincialRow]
    central_docs: list[Document]
    provincial_docs: list[Document]

    @property
    def assigned(self) -> str:
        """The tasks counted as addressed, as the reports name them: "giao cho" and whom to (labels.addressee):
        "giao cho địa phương", "giao cho bộ" …"""
        return f"giao cho {labels.addressee(implementer(self.provincial_docs), leader(self.central_docs))}"

    @cached_property
    def statuses(self) -> dict[str, str]:
        """Status names as printed for this cross-reference (labels.statuses), worked out once: every row reads them."""
        return labels.statuses(implementer(self.provincial_docs), leader(self.central_docs))

    @property
    def localities_known(self) -> bool:
        """False when no central task is known to reach localities (roles not extracted)."""
        return any(r.localities for r in self.central_rows)

    def focus_rows(self) -> list[CentralRow]:
        """The central tasks whose follow-through is judged: those reaching localities, or every task
        when none is known to (so that a run without extracted roles still shows its gaps)."""
        if self.localities_known:
            return [r for r in self.central_rows if r.localities]
        return list(self.central_rows)

    def counts(self) -> dict[str, int]:
        """Figures for the head of the report: statuses count the focus rows (see focus_rows)."""
        local = self.focus_rows()
        counts = {
            "central_tasks": len(self.central_rows),
            "localities": sum(r.localities for r in self.central_rows),
            "focus": len(local),
            "provincial_tasks": len(self.provincial_rows),
            "additions": sum(r.addition for r in self.provincial_rows),
            "links_sure": sum(1 for r in self.central_rows for p in r.pairings if p.link.strength == "sure"),
            "links_possible": sum(1 for r in self.central_rows for p in r.pairings if p.link.strength != "sure"),
            "confirmed": sum(1 for r in self.central_rows for p in r.pairings if p.link.confirmed),
        }
        for status in labels.STATUS:
            counts[status] = sum(r.status == status for r in local)
            counts["all_" + status] = sum(r.status == status for r in self.central_rows)
        return counts


def row_key(central_doc: str, central_task: str, provincial_doc: str, provincial_task: str = "") -> str:
    """Stable identity of a table row, written in a hidden column and read back by pipeline.review."""
    return "|".join((central_doc, central_task, provincial_doc, provincial_task))


def parse_row_key(key: str) -> tuple[str, str, str, str] | None:
    parts = str(key or "").split("|")
    return (parts[0], parts[1], parts[2], parts[3]) if len(parts) == 4 else None


def document_label(doc: Document) -> str:
    """'Nghị quyết 23/NQ-CP' when the header was read; 'Công văn …/BTC-QLCS của Bộ Tài chính' when only the ký
    hiệu of the number could be read (see unread_number); else 'Kế hoạch của Ủy ban nhân dân tỉnh Kon Tum' from
    what is known (type, issuer); else the document id."""
    meta = doc.meta
    if meta.number:
        return f"{meta.doc_type} {meta.number}" if meta.doc_type else meta.number
    issuer = issuer_name(meta.issuer)
    if meta.symbol:
        head = " ".join(filter(None, (meta.doc_type, f"…/{meta.symbol}")))
        return f"{head} của {issuer}" if issuer else head
    if issuer:
        return f"{meta.doc_type} của {issuer}" if meta.doc_type else issuer
    return meta.doc_type or doc.id


def issuer_name(issuer: str | None) -> str | None:
    """The issuer as a registered body writes its name ("Bộ Tài chính" for a header's "BỘ TÀI CHÍNH"), when the
    registry knows that very name; a header in capitals that is such a name and a place ("TỈNH ỦY LÀO CAI", "SỞ
    CÔNG THƯƠNG TỈNH QUẢNG NGÃI") as written in a sentence (see _with_place); else as printed."""
    if not issuer:
        return issuer
    agency = registered(issuer)
    if agency and fold(agency.name) == fold(issuer):
        return agency.name
    return (_with_place(issuer) if issuer.isupper() else None) or issuer


def _with_place(issuer: str) -> str | None:
    """A body's name in capitals followed by its place, as a sentence writes it: the registered name, the unit word
    (rules/agencies.yaml `places`) in lower case, each syllable of the place name with a capital ("Ủy ban nhân dân
    tỉnh Lào Cai", "Tỉnh ủy Lào Cai", "Sở Công Thương tỉnh Quảng Ngãi", "Ủy ban nhân dân thành phố Hồ Chí Minh");
    None when the words after the name are no unit and place (an OCR'd second line, "TONG CYC THUE") or the name is
    not read as registered."""
    agency, places = lookup(issuer), registry().places
    if agency is None or places is None:
        return None
    words = issuer.split()
    # a provincial body "… tỉnh" is also printed "… thành phố" (a centrally-run city's own header), as agencies reads it
    names = [agency.name] + ([agency.name.removesuffix(places.province) + places.city]
                             if agency.name.endswith(f" {places.province}") else [])
    name = next((n for n in names if len(words) > len(n.split())
                 and fold(" ".join(words[:len(n.split())])) == fold(n)), None)
    if name is None:
        return None
    rest = words[len(name.split()):]
    units = [unit.split() for unit in (places.province, places.city, places.district)]
    unit = next((u for u in units if fold(" ".join(rest[:len(u)])) == fold(" ".join(u)) and len(rest) > len(u)), None)
    takes_place = any(name.endswith(f" {u}") for u in (places.province, places.city, places.district)) or \
        any(fold(name) == fold(named) for named in places.level_named)
    if unit is None and not takes_place:
        return None
    place = rest[len(unit):] if unit else rest
    return " ".join([name, *(unit or []), *(w[:1] + w[1:].lower() for w in place)])


def implementer(docs: list[Document]) -> str:
    """What the implementing documents' issuers are, as the reader names that side: "tỉnh" for a provincial
    People's Committee or department, "bộ" for a ministry, "Chính phủ", else labels.IMPLEMENTER_DEFAULT."""
    words = set()
    for doc in docs:
        agency = lookup(doc.meta.issuer) if doc.meta.issuer else None
        word = None
        if agency is not None:
            word = labels.IMPLEMENTER_BY_KIND.get(agency.kind) if agency.level == "central" else \
                labels.IMPLEMENTER_BY_LEVEL.get(agency.level)
        words.add(word or labels.IMPLEMENTER_DEFAULT)
    return words.pop() if len(words) == 1 else labels.IMPLEMENTER_DEFAULT


def document_heading(doc: Document) -> str:
    """document_label with the issuer when the label does not name it: the head of a report."""
    label = document_label(doc)
    issuer = issuer_name(doc.meta.issuer)
    return f"{label} của {issuer}" if issuer and fold(issuer) not in fold(label) else label


def unread_number(doc: Document) -> str | None:
    """What a report says of a document whose số hiệu could not be read (a scan: "Z32Ø/BTC-QLCS"), or of one
    named by its corpus id because nothing of its header was read (type, number, issuer); else None."""
    if document_label(doc) == doc.id:
        return (f"không đọc được loại văn bản, số hiệu và cơ quan ban hành trong tệp {doc.path}: văn bản được gọi "
                f"theo mã {doc.id} trong corpus; kiểm tra trên bản gốc của văn bản")
    if doc.meta.number or not doc.meta.symbol:
        return None
    return (f"số hiệu của {document_label(doc)} không đọc được trong tệp {doc.path} (chỉ đọc được ký hiệu "
            f"{doc.meta.symbol}): kiểm tra số hiệu trên bản gốc của văn bản")


def agency_key(mention: Mention) -> str:
    return mention.canonical or mention.text


def agency_name(mention: Mention) -> str:
    return mention.name or mention.text


def names(mentions: list[Mention]) -> str:
    """Names as printed; a body whose tasks passed to another is followed by its current holder(s):
    "Bộ Kế hoạch và Đầu tư → nay: Bộ Tài chính"."""
    seen: list[str] = []
    for mention in mentions:
        shown = with_current(mention)
        if shown not in seen:
            seen.append(shown)
    return "; ".join(seen)


def changed(mention: Mention) -> bool:
    """True when the mention's current holder(s) differ from the body named."""
    own = {fold(mention.name or ""), fold(mention.text)}
    return bool(mention.current) and any(fold(name) not in own for name in mention.current)


def with_current(mention: Mention) -> str:
    return f"{mention.text} {labels.NOW} {'; '.join(mention.current)}" if changed(mention) else mention.text


def current_leads(mentions: list[Mention]) -> list[str]:
    """Who holds the task now: the current holders of each lead (the lead itself when unchanged)."""
    return _unique(name for m in mentions for name in (m.current if changed(m) else [agency_name(m)]))


def provenance(task: Task, prefix: str = "") -> str:
    """'dòng 89–91, trang 2' (1-based, as in the source file); for a PDF, the lines within the page, as a PDF
    viewer shows them (Span.page_line): 'trang 2, dòng 12–14', 'trang 2, dòng 40 – trang 3, dòng 5'."""
    span = task.span
    if span.page is not None and span.page_line is not None:
        end_page = span.end_page if span.end_page is not None else span.page
        text = f"{labels.PAGE} {span.page}, {labels.LINE} {span.page_line}"
        if end_page != span.page:
            text += f" – {labels.PAGE} {end_page}, {labels.LINE} {span.end_page_line}"
        elif span.end_page_line not in (None, span.page_line):
            text += f"–{span.end_page_line}"
        return f"{prefix}{text}"
    text = f"{labels.LINE} {span.line}" if span.end_line in (span.line, 0, None) else \
        f"{labels.LINE} {span.line}–{span.end_line}"
    if span.page is not None:
        page = f"{labels.PAGE} {span.page}"
        if span.end_page not in (None, span.page):
            page += f"–{span.end_page}"
        text = f"{page}, {text}"
    return f"{prefix}{text}"


def group_section(doc: Document, task: Task, depth: int = 2) -> Section | None:
    """The enclosing section at `depth` (1 = outermost), or the deepest one when the chain is shorter."""
    chain = doc.ancestors(task)
    if not chain:
        return None
    return chain[min(depth, len(chain)) - 1]


def section_label(section: Section | None) -> str:
    if section is None:
        return labels.NO_SECTION
    return f"{section.id}. {section.title}".strip()


def _ordered(pairings: list[Pairing]) -> list[Pairing]:
    return sorted(pairings, key=lambda p: (p.link.strength != "sure", -round(p.link.score, 6),
                                           _path_key(p.task.id)))


def _path_key(path: str) -> tuple:
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in path.split("."))


def derived_status(pairings: list[Pairing], localities: bool) -> str:
    if any(p.link.strength == "sure" for p in pairings):
        return "covered"
    if pairings:
        return "partial"
    return "gap" if localities else "not_assigned"


def coverage_statuses(result: Result) -> dict[tuple[str, str, str], tuple[str, bool]]:
    """(status, reaches localities) of each coverage row (by central document, central task, provincial document)
    as every output shows it, the reports and pipeline.frames.coverage_df alike: a task reaches localities when its
    row says so (pipeline.linking.coverage_rows: one level down, when it is addressed to the provincial document's
    issuer, whatever the task's own flag); the linker writes "gap" for every unlinked central task, but one that
    does not reach localities, in a document some task of which is known to, is "not_assigned" (Không giao cho địa
    phương: a ministry's task). A document none of whose tasks is known to reach localities keeps every unlinked task a gap."""
    tasks = {(d.id, t.id): t for d in result.documents for t in d.tasks}
    reaching = {doc for (doc, _), task in tasks.items() if task.localities} | {
        c.central.doc for c in result.coverage if c.localities}
    shown = {}
    for cov in result.coverage:
        localities = bool(cov.localities)
        status = cov.status
        if status == "gap" and not localities and cov.central.doc in reaching:
            status = "not_assigned"
        shown[cov.central.doc, cov.central.task, cov.provincial_doc] = (status, localities)
    return shown


def _roles(result: Result) -> tuple[list[Document], list[Document]]:
    central = [d for d in result.documents if d.role == "central"]
    provincial = [d for d in result.documents if d.role == "provincial"]
    if not central:
        linked = {link.central.doc for link in result.links} | {c.central.doc for c in result.coverage}
        central = [d for d in result.documents if d.id in linked]
    if not provincial:
        provincial = [d for d in result.documents if d not in central]
    return central, provincial


def build_crossref(result: Result) -> CrossRef:
    """Rows of the cross-reference table (one per central task and provincial document; one per
    provincial task)."""
    central_docs, provincial_docs = _roles(result)
    tasks = {(d.id, t.id): t for d in result.documents for t in d.tasks}
    docs = {d.id: d for d in result.documents}
    coverage: dict[tuple[str, str, str], Coverage] = {
        (c.central.doc, c.central.task, c.provincial_doc): c for c in result.coverage}
    shown = coverage_statuses(result)
    by_central: dict[tuple[str, str, str], list[Pairing]] = {}
    by_provincial: dict[tuple[str, str], list[tuple[str, Pairing]]] = {}
    for link in result.links:
        central = tasks.get((link.central.doc, link.central.task))
        provincial = tasks.get((link.provincial.doc, link.provincial.task))
        if central is None or provincial is None:
            continue
        by_central.setdefault((link.central.doc, link.central.task, link.provincial.doc), []).append(
            Pairing(link, provincial))
        by_provincial.setdefault((link.provincial.doc, link.provincial.task), []).append(
            (link.central.doc, Pairing(link, central)))

    central_rows: list[CentralRow] = []
    targets: list[Document | None] = list(provincial_docs) or [None]
    for doc in central_docs:
        for task in doc.tasks:
            for prov in targets:
                pairings = _ordered(by_central.get((doc.id, task.id, prov.id if prov else ""), []))
                cov = coverage.get((doc.id, task.id, prov.id)) if prov else None
                status, localities = shown[doc.id, task.id, prov.id] if cov else (
                    derived_status(pairings, task.localities), task.localities)
                role = (cov.locality_role if cov else None) or task.locality_role
                central_rows.append(CentralRow(doc, task, prov, status, pairings, group_section(doc, task),
                                               localities, role))
    provincial_rows: list[ProvincialRow] = []
    for doc in provincial_docs:
        for task in doc.tasks:
            found = by_provincial.get((doc.id, task.id), [])
            central_ids = [c for c, _ in found]
            central_doc = docs.get(central_ids[0]) if central_ids else (central_docs[0] if central_docs else None)
            provincial_rows.append(ProvincialRow(doc, task, central_doc, _ordered([p for _, p in found])))
    return CrossRef(central_rows, provincial_rows, central_docs, provincial_docs)


def summary_rows(crossref: CrossRef) -> tuple[list[tuple[str, dict[str, int]]], list[tuple[str, dict[str, int]]]]:
    """Counts per status, by section (depth 2, in document order) and by lead agency of the central task (most
    tasks first; a name as a row label, with its first letter in capitals: "Các bộ, ngành")."""
    by_section: dict[str, dict[str, int]] = {}
    by_agency: dict[str, dict[str, int]] = {}
    for row in crossref.central_rows:
        for bucket, name in [(by_section, section_label(row.group))] + \
                [(by_agency, lead) for lead in _unique(labels.capital(agency_name(m)) for m in row.task.leads)] + \
                ([(by_agency, labels.NO_LEAD)] if not row.task.leads else []):
            counts = bucket.setdefault(name, {s: 0 for s in labels.STATUS})
            counts[row.status] += 1
    return list(by_section.items()), sorted(by_agency.items(), key=lambda kv: (-sum(kv[1].values()), name_order(kv[0])))


def summary_total(counts: dict[str, int]) -> dict[str, int]:
    """Counts per status of every central row (CrossRef.counts: "all_covered" …): the total row (labels.ROW_TOTAL)
    of the table by section."""
    return {s: counts["all_" + s] for s in labels.STATUS}


def summary_by_current_lead(crossref: CrossRef) -> list[tuple[str, dict[str, int]]]:
    """Counts per status by the body that holds each central task's lead role now; [] when no lead of the
    run changed hands (the table would repeat the one by lead agency)."""
    if not any(changed(m) for row in crossref.central_rows for m in row.task.leads):
        return []
    by_agency: dict[str, dict[str, int]] = {}
    for row in crossref.central_rows:
        for name in _unique(labels.capital(n) for n in current_leads(row.task.leads)) or [labels.NO_LEAD]:
            counts = by_agency.setdefault(name, {s: 0 for s in labels.STATUS})
            counts[row.status] += 1
    return sorted(by_agency.items(), key=lambda kv: (-sum(kv[1].values()), name_order(kv[0])))


def several_leads_note(rows: list[tuple[str, dict[str, int]]], crossref: CrossRef) -> str:
    """Under a table by lead agency (`rows`): why its rows add up to more than the central rows (labels.SEVERAL_LEADS),
    or "" when they add up to as many."""
    counted, tasks = sum(sum(values.values()) for _, values in rows), len(crossref.central_rows)
    return labels.SEVERAL_LEADS.format(rows=counted, tasks=tasks) if counted > tasks else ""


def _unique(items) -> list[str]:
    out: list[str] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out
