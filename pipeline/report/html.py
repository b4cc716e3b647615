"""The coverage report: one self-contained HTML file (inline CSS, JS and SVG; no network), in Vietnamese.

Order of the page: the figures; the central tasks that reach localities and have no follow-through;
the partial ones; the graph (SVG laid out here, in Python); the side-by-side view of every central task
with the provincial text that carries it out (shared phrases highlighted, provenance shown, filters by
status, section, agency and words); provincial additions; summaries; notices.
All document text goes through jinja2 autoescaping: hostile text renders as text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..fsutil import atomic_write_text
from ..model import Result
from ..naming import leader, name_order
from ..vntext import decimal_comma
from . import labels as L
from .rows import (
    CentralRow,
    CrossRef,
    build_crossref,
    current_leads,
    document_heading,
    document_label,
    implementer,
    names,
    provenance,
    section_label,
    several_leads_note,
    summary_by_current_lead,
    summary_rows,
    summary_total,
    unread_number,
)

if TYPE_CHECKING:
    from jinja2 import Environment

EXCERPT = 240


@dataclass
class GraphLayout:
    width: int
    height: int
    nodes: list[dict] = field(default_factory=list)
    edges: list[dict] = field(default_factory=list)
    groups: list[dict] = field(default_factory=list)
    left_center: int = 0
    right_center: int = 0
    group_x: int = 0


def highlight(text: str, phrases: list[str]) -> list[tuple[str, bool]]:
    """Split text into (segment, is_shared_phrase) pieces; matching ignores case and spacing."""
    spans: list[tuple[int, int]] = []
    for phrase in phrases:
        words = phrase.split()
        if not words:
            continue
        pattern = r"\s+".join(re.escape(w) for w in words)
        for match in re.finditer(pattern, text, flags=re.IGNORECASE):
            spans.append(match.span())
    spans.sort()
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces, cursor = [], 0
    for start, end in merged:
        if start > cursor:
            pieces.append((text[cursor:start], False))
        pieces.append((text[start:end], True))
        cursor = end
    if cursor < len(text):
        pieces.append((text[cursor:], False))
    return pieces


def _clause(task_id: str) -> str:
    """Where a task sits, for the reader: "điều khoản 2.a", or the name of an unnumbered part ("đoạn cuối")."""
    label = L.task_label(task_id)
    return label if label != task_id else f"điều khoản {task_id}"


def excerpt(text: str, limit: int = EXCERPT) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def anchor(prefix: str, *parts: str) -> str:
    return prefix + "-" + "--".join(re.sub(r"\s+", "_", p) for p in parts if p)


def _central_anchor(row: CentralRow, multi: bool) -> str:
    return anchor("tw", row.task.id, row.provincial_doc.id if multi and row.provincial_doc else "")


def layout_graph(rows: list[CentralRow], provincial_tasks: list, multi: bool,
                 statuses: dict[str, str] = L.STATUS) -> GraphLayout:
    """Two columns: central tasks that concern the province (reach localities or are linked) on the left,
    grouped by section; provincial tasks on the right; one curve per link, coloured by strength; `statuses`: the
    status names of the cross-reference (CrossRef.statuses)."""
    shown = [r for r in rows if r.localities or r.pairings or r.status == "gap"]
    row_h, group_gap, top = 17, 14, 28
    left_x, right_x, box_w, box_h = 290, 690, 74, 13
    nodes, groups, positions = [], [], {}
    y = top
    current = object()
    for row in shown:
        if row.group is not current:
            if nodes:
                y += group_gap
            current = row.group
            groups.append({"label": excerpt(section_label(row.group), 46), "y": y + 9, "full": section_label(row.group)})
        key = (row.task.doc, row.task.id, row.provincial_doc.id if row.provincial_doc else "")
        positions[key] = y
        nodes.append({"side": "central", "x": left_x, "y": y, "w": box_w, "h": box_h, "label": row.task.id,
                      "status": row.status, "href": "#" + _central_anchor(row, multi),
                      "title": f"{L.task_label(row.task.id)} — {statuses[row.status]} — {names(row.task.leads)}\n"
                               f"{excerpt(row.task.text, 200)}"})
        y += row_h
    # The provincial tasks spread over the left column's height, at most 34 apart, at least a left row apart (more
    # provincial tasks than central rows: the column grows rather than stack its boxes on each other).
    count = max(len(provincial_tasks), 1)
    step = max(min((y - top) / count, 34.0), row_h)
    height = max(y, top + count * step) + 10
    prov_y = {}
    for index, (doc, task, addition) in enumerate(provincial_tasks):
        py = round(top + index * step, 1)
        prov_y[(doc.id, task.id)] = py
        nodes.append({"side": "provincial", "x": right_x, "y": py, "w": box_w, "h": box_h, "label": task.id,
                      "status": "addition" if addition else "linked", "href": "#" + anchor("tinh", doc.id, task.id),
                      "title": f"{L.task_label(task.id)} — {names(task.leads)}\n{excerpt(task.text, 200)}"})
    edges = []
    for row in shown:
        cy = positions[(row.task.doc, row.task.id, row.provincial_doc.id if row.provincial_doc else "")]
        for pairing in row.pairings:
            py = prov_y.get((pairing.task.doc, pairing.task.id))
            if py is None:
                continue
            x1, y1 = left_x + box_w, cy + box_h / 2
            x2, y2 = right_x, py + box_h / 2
            mid = (x1 + x2) / 2
            edges.append({"d": f"M{x1},{y1:.1f} C{mid:.1f},{y1:.1f} {mid:.1f},{y2:.1f} {x2},{y2:.1f}",
                          "strength": pairing.link.strength, "confirmed": pairing.link.confirmed,
                          "central": row.task.id, "provincial": pairing.task.id,
                          "title": f"{L.task_label(pairing.task.id)} → {L.task_label(row.task.id)}: {L.STRENGTH.get(pairing.link.strength, '')}"
                                   f" ({decimal_comma(pairing.link.score)})"})
    return GraphLayout(width=right_x + box_w + 90, height=int(height), nodes=nodes, edges=edges, groups=groups,
                       left_center=left_x + box_w // 2, right_center=right_x + box_w // 2, group_x=left_x - 10)


def _file_name(doc) -> str:
    return f"{Path(doc.path).name}, " if doc is not None and doc.path else ""


def _environment() -> Environment:
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("pipeline.report", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["highlight"] = highlight
    env.filters["excerpt"] = excerpt
    env.filters["path"] = L.task_label
    env.filters["decimal"] = decimal_comma
    env.filters["capital"] = L.capital
    return env


def render_coverage_html(result: Result, crossref: CrossRef | None = None) -> str:
    """coverage.html; `crossref`: build_crossref(result) when already made."""
    crossref = crossref or build_crossref(result)
    multi = len(crossref.provincial_docs) > 1
    rows = crossref.central_rows
    docs = {d.id: d for d in result.documents}
    cards = []
    for row in rows:
        phrases = [p for pairing in row.pairings for p in pairing.link.shared_phrases]
        agencies = [m.name or m.text for m in row.task.leads] + \
                   [m.name or m.text for p in row.pairings for m in p.task.leads] + current_leads(row.task.leads)
        cards.append({
            "row": row, "anchor": _central_anchor(row, multi), "phrases": phrases,
            "section": section_label(row.group), "agencies": sorted({L.capital(a) for a in agencies}, key=name_order),
            "where": f"{_file_name(row.document)}{_clause(row.task.id)}, {provenance(row.task)}",
            "line": provenance(row.task),
            "leads": names(row.task.leads),
            "coordinators": names(row.task.coordinators),
            "locality": L.LOCALITY_ROLE.get(row.locality_role or "", "Có") if row.localities else "",
            "pairings": [{
                "pairing": p, "anchor": anchor("tinh", p.task.doc, p.task.id),
                "provenance": f"{_file_name(docs.get(p.task.doc))}{_clause(p.task.id)}, {provenance(p.task)}",
                "leads": names(p.task.leads), "strength": L.STRENGTH.get(p.link.strength, p.link.strength),
            } for p in row.pairings],
        })
    agency_counts: dict[str, int] = {}
    for card in cards:
        for agency in card["agencies"]:
            agency_counts[agency] = agency_counts.get(agency, 0) + 1
    provincial = [{"row": r, "anchor": anchor("tinh", r.document.id, r.task.id), "provenance": provenance(r.task),
                   "leads": names(r.task.leads),
                   "links": [(p, anchor("tw", p.task.id, r.document.id if multi else "")) for p in r.pairings]}
                  for r in crossref.provincial_rows]
    by_section, by_agency = summary_rows(crossref)
    by_current = summary_by_current_lead(crossref)
    notices = [L.notice_text(n) for n in list(result.notices) + [n for d in result.documents for n in d.notices]]
    graph = layout_graph(rows, [(r.document, r.task, r.addition) for r in crossref.provincial_rows], multi,
                         crossref.statuses)
    central_docs = crossref.central_docs
    side, lead = implementer(crossref.provincial_docs), leader(central_docs)
    focus = crossref.focus_rows()
    counts = crossref.counts()
    template = _environment().get_template("coverage.html.j2")
    return template.render(
        L=L, counts=counts, cards=cards, statuses=crossref.statuses, assigned=crossref.assigned,
        gaps=[c for c in cards if c["row"] in focus and c["row"].status == "gap"],
        partial=[c for c in cards if c["row"] in focus and c["row"].status == "partial"],
        localities_known=crossref.localities_known,
        provincial=provincial, additions=[p for p in provincial if p["row"].addition],
        sections=sorted({c["section"] for c in cards}, key=[c["section"] for c in cards].index),
        agencies=sorted(agency_counts, key=lambda a: (-agency_counts[a], name_order(a))),
        by_section=by_section, by_agency=by_agency, totals=summary_total(counts), by_current=by_current, status_order=L.STATUS_ORDER,
        several_leads={title: several_leads_note(rows, crossref) for title, rows in
                       [(L.SUMMARY_BY_AGENCY, by_agency), (L.SUMMARY_BY_CURRENT_AGENCY, by_current)]},
        central_docs=[(document_heading(d), d, unread_number(d)) for d in central_docs],
        provincial_docs=[(document_heading(d), d, unread_number(d)) for d in crossref.provincial_docs],
        graph=graph, notices=notices, local=L.implementer_noun(side), addition=L.addition(side),
        lead=lead, leader_doc=L.leader_document(lead), leader_task=L.leader_task(lead),
        title=f"Đối chiếu {', '.join(document_label(d) for d in central_docs)} → "
              f"{', '.join(document_label(d) for d in crossref.provincial_docs)}",
    )


def write_coverage_html(result: Result, path: str | Path) -> Path:
    """Write the self-contained coverage report atomically to `path`."""
    return atomic_write_text(path, render_coverage_html(result))
