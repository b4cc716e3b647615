"""The cross-reference table as CSV (UTF-8 with BOM, so Excel shows Vietnamese correctly) and Markdown.

Both carry the columns of sheet 1 of the Excel table except the reviewer and key columns; the Markdown
file adds the figures, the gaps and the provincial additions so that it reads on its own (e.g. on GitHub).
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from ..fsutil import atomic_write_bytes, atomic_write_text
from ..model import Result
from ..naming import leader
from ..vntext import decimal_comma
from . import labels as L
from .rows import (
    CrossRef,
    build_crossref,
    document_label,
    implementer,
    names,
    provenance,
    several_leads_note,
    summary_by_current_lead,
    summary_rows,
    summary_total,
    unread_number,
)
from .xlsx import central_cells

CSV_COLUMNS = tuple(c for c in L.CENTRAL_COLUMNS if c not in (L.COL_REVIEW, L.COL_REVIEW_COMMENT, L.COL_KEY))
MD_COLUMNS = (L.COL_CENTRAL_PATH, L.COL_CENTRAL_TEXT, L.COL_CENTRAL_LEAD, L.COL_PROV_PATH, L.COL_PROV_TEXT,
              L.COL_STRENGTH, L.COL_STATUS, L.COL_PROVENANCE)
MD_TEXT_LIMIT = 220


def crossref_csv_text(result: Result, crossref: CrossRef | None = None) -> str:
    crossref = crossref or build_crossref(result)
    multi = len(crossref.provincial_docs) > 1
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    side, lead = implementer(crossref.provincial_docs), leader(crossref.central_docs)
    writer.writerow([L.heading(c, lead, side) for c in CSV_COLUMNS])
    for number, row in enumerate(crossref.central_rows, start=1):
        cells = central_cells(row, multi, crossref.statuses)
        writer.writerow([number] + [_shown(cells[c]) for c in CSV_COLUMNS[1:]])
    return buffer.getvalue()


def crossref_csv_bytes(result: Result, crossref: CrossRef | None = None) -> bytes:
    """crossref.csv as written: one row per central task (sheet 1 columns without the reviewer columns); UTF-8
    with BOM, CRLF. `crossref`: build_crossref(result) when already made."""
    return crossref_csv_text(result, crossref).encode("utf-8-sig")


def write_crossref_csv(result: Result, path: str | Path) -> Path:
    """crossref_csv_bytes, written atomically."""
    return atomic_write_bytes(path, crossref_csv_bytes(result))


def _shown(value: object) -> object:
    """A cell as the CSV writes it: a score (a number in the Excel table) with the decimal comma, "0,99", as in the
    reasons, the HTML report and the Excel cells of several scores."""
    return decimal_comma(value) if isinstance(value, float) else value


def _md(text: object, limit: int | None = None) -> str:
    value = " ".join(str(text if text is not None else "").split("\n"))
    if limit and len(value) > limit:
        value = value[:limit].rsplit(" ", 1)[0] + " …"
    for char in ("\\", "|", "*", "_", "`", "<", ">", "[", "]"):
        value = value.replace(char, "\\" + char)
    return value


def _md_cell(values: str, limit: int | None = None) -> str:
    return "<br>".join(_md(v, limit) for v in str(values).split("\n")) if values else ""


def crossref_md_text(result: Result, crossref: CrossRef | None = None) -> str:
    """crossref.md; `crossref`: build_crossref(result) when already made."""
    crossref = crossref or build_crossref(result)
    counts = crossref.counts()
    central = ", ".join(document_label(d) for d in crossref.central_docs)
    provincial = ", ".join(document_label(d) for d in crossref.provincial_docs)
    side, lead = implementer(crossref.provincial_docs), leader(crossref.central_docs)
    addition = L.addition(side)
    out = [f"# Bảng đối chiếu: {_md(central)} → {_md(provincial)}", ""]
    out += [
        f"- Nhiệm vụ của {L.leader_document(lead)}: **{counts['central_tasks']}**, trong đó {crossref.assigned}: "
        f"**{counts['localities']}**",
        f"- {L.STATUS['covered']}: **{counts['covered']}** · {L.STATUS['partial']}: **{counts['partial']}** · "
        f"{L.STATUS['gap']}: **{counts['gap']}** (trên {counts['focus']} nhiệm vụ "
        f"{crossref.assigned if crossref.localities_known else 'của ' + L.leader_document(lead)})",
        f"- Nhiệm vụ của văn bản triển khai: **{counts['provincial_tasks']}**, trong đó {addition.lower()}: "
        f"**{counts['additions']}**",
        *(f"- Lưu ý: {_md(note)}" for d in crossref.central_docs + crossref.provincial_docs
          if (note := unread_number(d))),
        "",
    ]
    gaps = [r for r in crossref.focus_rows() if r.status == "gap"]
    out += [f"## Nhiệm vụ {crossref.assigned} chưa được triển khai", ""]
    if gaps:
        out += [f"- **{_md(L.task_label(r.task.id))}** ({_md(names(r.task.leads)) or 'chưa rõ cơ quan chủ trì'}; "
                f"{provenance(r.task)}): {_md(r.task.text, MD_TEXT_LIMIT)}" for r in gaps]
    else:
        out.append("Không có.")
    out += ["", "## Bảng đối chiếu", "", "| " + " | ".join(L.heading(c, lead, side) for c in MD_COLUMNS) + " |",
            "|" + "|".join("---" for _ in MD_COLUMNS) + "|"]
    multi = len(crossref.provincial_docs) > 1
    for row in crossref.central_rows:
        cells = central_cells(row, multi, crossref.statuses)
        out.append("| " + " | ".join(
            _md_cell(cells[c], MD_TEXT_LIMIT if c in (L.COL_CENTRAL_TEXT, L.COL_PROV_TEXT) else None)
            for c in MD_COLUMNS) + " |")
    additions = [r for r in crossref.provincial_rows if r.addition]
    out += ["", f"## {addition}", ""]
    if additions:
        out += [f"- **{_md(L.task_label(r.task.id))}** ({_md(names(r.task.leads)) or '—'}): {_md(r.task.text, MD_TEXT_LIMIT)}"
                for r in additions]
    else:
        out.append("Không có.")
    by_section, by_agency = summary_rows(crossref)
    by_current = summary_by_current_lead(crossref)
    order = list(L.STATUS_ORDER)
    tables = [(L.SUMMARY_BY_SECTION, by_section), (L.SUMMARY_BY_AGENCY, by_agency)]
    for title, rows in tables + ([(L.SUMMARY_BY_CURRENT_AGENCY, by_current)] if by_current else []):
        out += ["", f"## {L.heading(title, lead, side)}", "",
                "| " + " | ".join([L.COL_GROUP] + [crossref.statuses[s] for s in order] + [L.COL_TOTAL]) + " |",
                "|" + "|".join("---" for _ in range(len(order) + 2)) + "|"]
        out += ["| " + " | ".join([_md(name)] + [str(values[s]) for s in order] + [str(sum(values.values()))]) + " |"
                for name, values in rows]
        if title == L.SUMMARY_BY_SECTION:
            total = summary_total(counts)
            out.append("| " + " | ".join([f"**{L.ROW_TOTAL}**"] + [f"**{total[s]}**" for s in order]
                                         + [f"**{sum(total.values())}**"]) + " |")
        elif note := several_leads_note(rows, crossref):
            out += ["", f"*{_md(note)}*"]
    return "\n".join(out) + "\n"


def write_crossref_md(result: Result, path: str | Path) -> Path:
    """The table in Markdown with the figures, the gaps and the provincial additions."""
    return atomic_write_text(path, crossref_md_text(result))
