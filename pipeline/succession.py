"""Succession: who holds a body's tasks now (the 2025 reorganisation of ministries, provincial departments,
provinces and the district level), from rules/succession.yaml.

    >>> from datetime import date
    >>> from pipeline import succession
    >>> [s.agency for s in succession.current("bo_ke_hoach_dau_tu", date(2026, 1, 1))]
    ['bo_tai_chinh']
    >>> succession.valid_on("so_ke_hoach_dau_tu", date(2026, 1, 1))
    False
    >>> succession.province_successor("tỉnh Kon Tum", date(2026, 1, 1)).name
    'Tỉnh Quảng Ngãi'

Guarantees: every id named in succession.yaml exists (agency ids in rules/agencies.yaml, province ids in the
file's own province table), splits and abolitions name the function each successor takes, every relation
has a legal basis and a source; `current` follows chains (A -> B -> C) and splits, never loops, and returns
the body itself when nothing happened to it by `as_of`. `apply_succession(doc, as_of)` fills
`Mention.current` for every agency mention of the document and adds a Notice for each name that did not
exist on the document's date. No agency or province name lives in this code.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, Field, field_validator, model_validator

from . import agencies
from .model import Document, DoichieuError, Mention, Notice, Span
from .rules import load_rules, rules_dir
from .vntext import fold, nfc

Kind = Literal["merge", "rename", "split", "abolish", "province_merge"]
ROLES = ("leads", "coordinators", "advises", "directs")


class ProvinceEntry(BaseModel):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    short: str
    kind: Literal["tinh", "thanh_pho"]
    variants: list[str] = []


class SuccessorEntry(BaseModel):
    agency: str
    function: str = ""
    cues: list[str] = []
    new: bool = False

    @field_validator("cues")
    @classmethod
    def _folded(cls, value: list[str]) -> list[str]:
        for cue in value:
            if cue != fold(cue):
                raise ValueError(f"cue {cue!r} must be written folded ({fold(cue)!r})")
        return value


class SuccessionEntry(BaseModel):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    kind: Kind
    from_: list[str] = Field(alias="from", min_length=1)
    to: list[SuccessorEntry] = Field(min_length=1)
    effective: dt.date
    basis: list[str] = Field(min_length=1)
    source: str = Field(min_length=1)
    certainty: Literal["sure", "varies", "uncertain"] = "sure"
    note: str = ""

    @model_validator(mode="after")
    def _shape(self) -> SuccessionEntry:
        if self.kind == "rename" and (len(self.from_) != 1 or len(self.to) != 1):
            raise ValueError("a rename has one body before and one after")
        if self.kind == "merge" and len(self.to) != 1:
            raise ValueError("a merge has one successor")
        if self.kind == "split" and len(self.to) < 2:
            raise ValueError("a split has at least two successors")
        if self.kind in ("split", "abolish") and any(not s.function for s in self.to):
            raise ValueError(f"every successor of a {self.kind} names the function it takes")
        return self


class SuccessionRules(BaseModel):
    provinces: list[ProvinceEntry]
    successions: list[SuccessionEntry]

    @model_validator(mode="after")
    def _unique(self) -> SuccessionRules:
        for label, ids in (("province", [p.id for p in self.provinces]), ("succession", [s.id for s in self.successions])):
            seen: set[str] = set()
            for item in ids:
                if item in seen:
                    raise ValueError(f"duplicate {label} id {item}")
                seen.add(item)
        return self


@dataclass(frozen=True)
class Successor:
    """A current holder of (part of) a body's tasks, and how it came to hold them."""

    agency: str  # agency id (province id for provinces)
    name: str  # display name
    function: str = ""  # the part of the tasks it holds ("" = all of them)
    since: dt.date | None = None  # effective date of the last relation on the way (None: unchanged)
    basis: tuple[str, ...] = ()  # legal basis of every relation followed, in order
    certainty: str = "sure"  # the weakest certainty on the way
    path: tuple[str, ...] = ()  # succession ids followed


@dataclass(frozen=True)
class Province:
    id: str
    name: str
    short: str
    kind: str

    @property
    def unit(self) -> str:
        """The unit word as written inside names: "tỉnh" or "thành phố"."""
        return "thành phố" if self.kind == "thanh_pho" else "tỉnh"


_CERTAINTY = {"sure": 0, "uncertain": 1, "varies": 2}


class Succession:
    """The validated succession table with its lookups."""

    def __init__(self, rules: SuccessionRules, known_agencies: set[str]):
        self.rules = rules
        self.provinces = {p.id: Province(p.id, nfc(p.name), nfc(p.short), p.kind) for p in rules.provinces}
        path = str(rules_dir() / "succession.yaml")
        self._from: dict[str, list[SuccessionEntry]] = {}
        self._started: dict[str, dt.date] = {}
        for entry in rules.successions:
            known = self.provinces if entry.kind == "province_merge" else known_agencies
            for item in [*entry.from_, *(s.agency for s in entry.to)]:
                if item not in known:
                    what = "province" if entry.kind == "province_merge" else "agency"
                    raise DoichieuError(path, f"{entry.id}: unknown {what} id {item}")
            for item in entry.from_:
                self._from.setdefault(item, []).append(entry)
            for successor in entry.to:
                if successor.new:
                    self._started[successor.agency] = min(entry.effective,
                                                          self._started.get(successor.agency, entry.effective))
        for entries in self._from.values():
            entries.sort(key=lambda e: e.effective)
        self._province_forms: list[tuple[str, str]] = []
        for p in rules.provinces:
            for form in {p.name, p.short, *p.variants}:
                self._province_forms.append((fold(form), p.id))
        self._province_forms.sort(key=lambda kv: -len(kv[0]))

    # ---------------------------------------------------------------- bodies

    def _display(self, item: str) -> str:
        if item in self.provinces:
            return self.provinces[item].name
        return agencies.get(item).name

    def ended(self, item: str, on: dt.date) -> SuccessionEntry | None:
        """The relation that ended `item` on or before `on` (None while it still exists)."""
        for entry in self._from.get(item, []):
            if entry.effective <= on and not any(s.agency == item for s in entry.to):
                return entry
        return None

    def started(self, item: str) -> dt.date | None:
        """The date the body was created by a recorded relation (None: it existed before any of them)."""
        return self._started.get(item)

    def valid_on(self, item: str, on: dt.date) -> bool:
        """Whether the body (agency or province id) existed under this name on `on`."""
        start = self._started.get(item)
        return (start is None or start <= on) and self.ended(item, on) is None

    def current(self, item: str, as_of: dt.date, context: str = "", main_only: bool = False) -> list[Successor]:
        """Who holds the body's tasks on `as_of`: follows every relation in force by then (chains, splits).
        With `context` (a task's text), a split keeps only the parts whose cues occur in it, when any does;
        otherwise every part, or only the main (first) one with `main_only`."""
        out: dict[str, Successor] = {}
        self._follow(item, as_of, fold(context) if context else "", Successor(item, self._display(item)), (), out,
                     main_only)
        return list(out.values())

    def _follow(self, item: str, as_of: dt.date, context: str, here: Successor, seen: tuple[str, ...],
                out: dict[str, Successor], main_only: bool = False) -> None:
        entry = next((e for e in self._from.get(item, []) if e.effective <= as_of and e.id not in here.path), None)
        if entry is None or item in seen:
            out.setdefault(item, here)
            return
        parts = entry.to
        if context and len(parts) > 1:
            chosen = [s for s in parts if any(_has_phrase(context, cue) for cue in s.cues)]
            parts = chosen or parts
        if main_only and len(parts) > 1 and parts == entry.to:
            parts = parts[:1]
        for part in parts:
            certainty = max(here.certainty, entry.certainty, key=_CERTAINTY.__getitem__)
            step = Successor(part.agency, self._display(part.agency), part.function or here.function,
                             entry.effective, here.basis + tuple(entry.basis), certainty, here.path + (entry.id,))
            if part.agency == item:
                out.setdefault(item, step)  # the body continues (it keeps part of its tasks, or its name)
                continue
            self._follow(part.agency, as_of, context, step, seen + (item,), out, main_only)

    # ---------------------------------------------------------------- provinces

    def find_provinces(self, text: str) -> list[tuple[str, str]]:
        """(province id, folded form found) for every province named in a text, longest names first."""
        folded = f" {fold(text)} "
        found: list[tuple[str, str]] = []
        for form, province_id in self._province_forms:
            if f" {form} " in folded and not any(form in f for _, f in found):
                found.append((province_id, form))
        return found

    def province(self, name: str) -> Province | None:
        """The province a name stands for ("Kon Tum", "tỉnh Kon Tum", "Ủy ban nhân dân tỉnh Kon Tum")."""
        found = self.find_provinces(name)
        return self.provinces[found[0][0]] if found else None

    def province_successor(self, name: str, as_of: dt.date) -> Province | None:
        """The province that holds, on `as_of`, the territory of the named one (itself when unchanged)."""
        province = self.province(name)
        if province is None:
            return None
        holders = self.current(province.id, as_of)
        return self.provinces[holders[0].agency] if holders else province


def _has_phrase(folded_text: str, folded_phrase: str) -> bool:
    return re.search(rf"(?<![a-z0-9]){re.escape(folded_phrase)}(?![a-z0-9])", folded_text) is not None


@lru_cache(maxsize=1)
def table() -> Succession:
    """The succession table built from rules/succession.yaml (cached per process)."""
    return Succession(load_rules("succession", SuccessionRules), {a.id for a in agencies.all_agencies()})


def current(agency_id: str, as_of: dt.date | None = None, context: str = "") -> list[Successor]:
    """Current holder(s) of an agency's tasks on `as_of` (default today); the agency itself when unchanged."""
    return table().current(agency_id, as_of or dt.date.today(), context)


def valid_on(agency_id: str, on: dt.date) -> bool:
    """Whether the agency (or province id) existed under this name on `on`."""
    return table().valid_on(agency_id, on)


def province_successor(name: str, as_of: dt.date | None = None) -> Province | None:
    """The province holding a named province's territory on `as_of` (default today); None if not a province."""
    return table().province_successor(name, as_of or dt.date.today())


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """An ISO date ("2026-01-20"), a month ("2026-02" -> its last day, 29 Feb in a leap year), a bare year ("2026"
    -> 31 Dec) or a date; None when unreadable."""
    if value is None or isinstance(value, dt.date):
        return value
    span = _date_span(str(value))
    return span[1] if span else None


def _date_span(text: str) -> tuple[dt.date, dt.date, str] | None:
    """The first and last day a stored date stands for, and its precision: "day" ("2026-08-30"), "month"
    ("2026-08", a day left blank) or "year" ("2026"); None when unreadable."""
    text = text.strip()
    try:
        day = dt.date.fromisoformat(text[:10])
        return day, day, "day"
    except ValueError:
        pass
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", text)
    if not match:
        return None
    year = int(match.group(1))
    if match.group(2) is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    month = int(match.group(2))
    if not 1 <= month <= 12:
        return None
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]), "month"


def document_date(doc: Document) -> tuple[dt.date | None, dt.date | None, str]:
    """The first and last day the document may have been signed on, and how a notice names that time: a printed
    day ("ngày 30/08/2026"); a month or a year when the signature's day is left blank ("ngày … tháng 8 năm 2026"
    is stored as "2026-08": "tháng 08/2026"); without a printed date, the latest date among the acts it cites, a
    lower bound only (a document cannot cite a later act). (None, None, "") when nothing dates it."""
    span = _date_span(doc.meta.date or "")
    if span is not None:
        first, last, precision = span
        when = {"day": f"ngày {last:%d/%m/%Y}", "month": f"tháng {last:%m/%Y}", "year": f"năm {last:%Y}"}[precision]
        return first, last, when
    cited = [parse_date(c.date) or (dt.date(c.year, 1, 1) if c.year else None)
             for c in [*doc.meta.citations, *(c for t in doc.tasks for c in t.citations)]]
    cited = [d for d in cited if d is not None]
    if not cited:
        return None, None, ""
    return max(cited), None, f"sau ngày {max(cited):%d/%m/%Y} (ngày của văn bản được dẫn gần nhất)"


def document_province(doc: Document) -> Province | None:
    """The province that issued a provincial document (from its issuer)."""
    return table().province(doc.meta.issuer or "") if doc.meta.issuer else None


def localise(name: str, province: Province) -> str:
    """A provincial body's name with its province: "Sở Tài chính" -> "Sở Tài chính tỉnh Quảng Ngãi";
    "Ủy ban nhân dân tỉnh" -> "Ủy ban nhân dân thành phố Đà Nẵng"."""
    words = name.split()
    if words and words[-1] == "tỉnh":
        return " ".join(words[:-1] + [province.unit, province.short])
    if fold(province.short) in fold(name):
        return name
    return f"{name} {province.unit} {province.short}"


def holders(mention: Mention, as_of: dt.date, context: str = "") -> list[Successor]:
    """Current holder(s) of a mention's agency; [] when the mention has no canonical id."""
    if not mention.canonical:
        return []
    try:
        return table().current(mention.canonical, as_of, context)
    except KeyError:
        return []


def current_names(mention: Mention, as_of: dt.date, context: str = "", province: Province | None = None) -> list[str]:
    """Display names of a mention's current holder(s) on `as_of`. A province named in the mention
    ("Ủy ban nhân dân tỉnh Quảng Nam") or the document's province (`province`, for provincial bodies) is
    replaced by its successor when it was merged."""
    found = holders(mention, as_of, context)
    if not found:
        return []
    succession = table()
    named = succession.find_provinces(mention.text)
    place = succession.provinces[named[0][0]] if named else province
    moved = None
    if place is not None:
        successor = succession.province_successor(place.name, as_of)
        if successor is not None and successor.id != place.id:
            moved = successor
    names: list[str] = []
    for holder in found:
        name = holder.name
        level = agencies.get(holder.agency).level if holder.agency in agencies.registry().agencies else ""
        if moved is not None and level == "province":
            name = localise(name, moved)
        if name not in names:
            names.append(name)
    return names


def apply_succession(doc: Document, as_of: dt.date | str | None = None) -> Document:
    """Fill `Mention.current` of every agency mention with its holder(s) on `as_of` (default today), and
    add a Notice (code "succession.name_not_valid") for every agency named under a name that did not exist
    on the document's date. Returns the same document."""
    as_of = parse_date(as_of) or dt.date.today()
    succession = table()
    first, last, when = document_date(doc)
    province = document_province(doc) if doc.role != "central" else None
    warned: set[str] = {n.message for n in doc.notices if n.code.startswith("succession.")}
    for task in (*doc.tasks, *doc.provisions):  # a provision may become a task when linked
        for role in ROLES:
            for mention in getattr(task, role):
                mention.current = current_names(mention, as_of, task.text, province)
                if first is None or not mention.canonical or mention.canonical not in agencies.registry().agencies:
                    continue
                notice = _validity_notice(succession, doc, mention, (first, last, when), task.span)
                if notice is not None and notice.message not in warned:
                    warned.add(notice.message)
                    doc.notices.append(notice)
    if province is not None:
        moved = succession.province_successor(province.name, as_of)
        if moved is not None and moved.id != province.id:
            entry = succession._from[province.id][0]
            message = (f"{province.name} đã hợp nhất vào {moved.unit} {moved.short} từ {entry.effective:%d/%m/%Y} "
                       f"({', '.join(entry.basis)}); cơ quan cấp tỉnh hiện nay là cơ quan của {moved.unit} "
                       f"{moved.short}.")
            if message not in warned:
                doc.notices.append(Notice(doc.path, message, code="succession.province_merged"))
    return doc


def _validity_notice(succession: Succession, doc: Document, mention: Mention,
                     signed: tuple[dt.date, dt.date | None, str], span: Span) -> Notice | None:
    """A notice when the name did not exist on any day the document may have been signed on (`signed`: first
    and last such day, None when open, and how to name that time; see document_date), placed at the task's `span`
    (its page and line within the page for a PDF)."""
    place = {"line": span.line, "page": span.page, "page_line": span.page_line}
    agency_id = mention.canonical
    first, last, when = signed
    ended = succession.ended(agency_id, first)
    if ended is not None and ended.certainty != "varies":
        successors = "; ".join(succession._display(s.agency) + (f" ({s.function})" if s.function else "")
                               for s in ended.to)
        return Notice(doc.path, f"“{mention.name}” không còn tồn tại vào {when}: từ {ended.effective:%d/%m/%Y} "
                                f"nhiệm vụ chuyển cho {successors} ({', '.join(ended.basis)}).",
                      **place, code="succession.name_not_valid")
    start = succession.started(agency_id)
    if start is not None and last is not None and last < start:
        return Notice(doc.path, f"“{mention.name}” chưa tồn tại vào {when} (thành lập từ {start:%d/%m/%Y}).",
                      **place, code="succession.name_not_valid")
    return None


def display(mention: Mention) -> str:
    """"Bộ Kế hoạch và Đầu tư → nay: Bộ Tài chính" when the holder changed, else the name as printed."""
    if not mention.current:
        return mention.text
    own = {fold(mention.name or ""), fold(mention.text)}
    if all(fold(name) in own for name in mention.current):
        return mention.text
    return f"{mention.text} → nay: {'; '.join(mention.current)}"
