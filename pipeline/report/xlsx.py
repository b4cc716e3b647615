"""The cross-reference table (bảng đối chiếu) as an Excel workbook, laid out like the concordance
tables legal officers already use: central provision, its content, implementing provision, its content,
degree of implementation, comment — plus reviewer columns that pipeline.review reads back.

Sheets: 1. central -> provincial (one row per central task), 2. provincial -> central (one row per
provincial task, provincial additions marked), 3. summary by section and by lead agency.
The file is reproducible: fixed document properties and fixed zip entry dates.
"""
from __future__ import annotations

import io
import re
import textwrap
import zipfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..fsutil import atomic_write_bytes
from ..model import Result
from ..naming import leader
from ..vntext import decimal_comma
from . import labels as L
from .rows import (
    CentralRow,
    CrossRef,
    ProvincialRow,
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

# A fixed date for the workbook properties (created/modified) and the zip entries: same input, same bytes.
FIXED_TIME = datetime(2000, 1, 1, 0, 0, 0)

WIDTHS = {
    L.COL_NO: 5, L.COL_CENTRAL_PATH: 10, L.COL_CENTRAL_TEXT: 52, L.COL_CENTRAL_LEAD: 17, L.COL_CENTRAL_COORD: 18,
    L.COL_LOCALITY: 12, L.COL_PROV_PATH: 10, L.COL_PROV_TEXT: 52, L.COL_PROV_LEAD: 17, L.COL_STRENGTH: 11,
    L.COL_SCORE: 7, L.COL_STATUS: 13, L.COL_REASON: 24, L.COL_PROVENANCE: 15, L.COL_REVIEW_COMMENT: 20,
    L.COL_REVIEW: 12, L.COL_KEY: 10, L.COL_P_CENTRAL_PATH: 12, L.COL_P_KIND: 16,
}
THIN = Side(style="thin", color="A6A6A6")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="1F3864")
HEADER_FONT = Font(bold=True, color="FFFFFF")
REVIEW_FILL = PatternFill("solid", fgColor="FFF9E5")
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
# Excel refuses cells longer than this.
MAX_CELL = 32000


def header_height(headings: list[str], widths: list[float]) -> float:
    """The header row's height (points) that shows every heading whole: a fixed height cuts a heading that wraps to
    more lines ("Điều khoản văn bản gốc được triển khai" in a narrow column: 4 lines, 2 shown); at least 32 points,
    15 a line, each heading wrapped at its column's width in characters."""
    lines = max((len(textwrap.wrap(h, width=max(int(w), 1))) for h, w in zip(headings, widths, strict=True)), default=1)
    return max(32.0, 15.0 * lines + 2)


def _lines(values: list[str]) -> str:
    return "\n".join(values)


def central_cells(row: CentralRow, multi_provincial: bool = False, statuses: dict[str, str] = L.STATUS
                  ) -> dict[str, object]:
    """Values of one sheet-1 row (also the CSV and Markdown rows), keyed by column heading; `statuses`: the status
    names of its cross-reference (CrossRef.statuses)."""
    task = row.task
    prefix = f"{row.provincial_doc.id}: " if multi_provincial and row.provincial_doc else ""
    pairings = row.pairings
    return {
        L.COL_CENTRAL_PATH: L.task_label(task.id),
        L.COL_CENTRAL_TEXT: task.text,
        L.COL_CENTRAL_LEAD: names(task.leads),
        L.COL_CENTRAL_COORD: names(task.coordinators),
        L.COL_LOCALITY: L.LOCALITY_ROLE.get(row.locality_role or "", "Có") if row.localities else L.NO_LOCALITY,
        L.COL_PROV_PATH: _lines([prefix + L.task_label(p.task.id) for p in pairings]),
        L.COL_PROV_TEXT: _texts(pairings),
        L.COL_PROV_LEAD: _lines([names(p.task.leads) or "—" for p in pairings]) if pairings else "",
        L.COL_STRENGTH: _lines([_strength(p.link) for p in pairings]),
        L.COL_SCORE: _score(pairings),
        L.COL_STATUS: statuses[row.status],
        L.COL_REASON: _reasons(pairings),
        L.COL_PROVENANCE: _lines([provenance(task, L.heading(L.PROVENANCE_CENTRAL, leader([row.document])))] +
                                 [provenance(p.task, f"{L.task_label(p.task.id)}: ") for p in pairings]),
        L.COL_REVIEW_COMMENT: "",
        L.COL_REVIEW: "",
        L.COL_KEY: row.key,
    }


def provincial_cells(row: ProvincialRow) -> dict[str, object]:
    task, pairings = row.task, row.pairings
    side = implementer([row.document])
    if row.addition:
        kind = L.addition(side)
    elif any(p.link.strength == "sure" for p in pairings):
        kind = L.heading(L.KIND_CARRIES_OUT, leader([row.central_doc] if row.central_doc else []))
    else:
        kind = L.KIND_LOOSE
    return {
        L.COL_PROV_PATH: L.task_label(task.id),
        L.COL_PROV_TEXT: task.text,
        L.COL_PROV_LEAD: names(task.leads),
        L.COL_P_CENTRAL_PATH: _lines([L.task_label(p.task.id) for p in pairings]),
        L.COL_P_CENTRAL_TEXT: _texts(pairings),
        L.COL_STRENGTH: _lines([_strength(p.link) for p in pairings]),
        L.COL_SCORE: _score(pairings),
        L.COL_P_KIND: kind,
        L.COL_REASON: _reasons(pairings),
        L.COL_PROVENANCE: _lines([provenance(task, f"{L.capital(side)}: ")] +
                                 [provenance(p.task, f"{L.task_label(p.task.id)}: ") for p in pairings]),
        L.COL_REVIEW_COMMENT: "",
        L.COL_REVIEW: "",
        L.COL_KEY: row.key,
    }


def _texts(pairings) -> str:
    """The other side's text, one per line; each prefixed with its path when there are several."""
    return _lines([f"[{L.task_label(p.task.id)}] {p.task.text}" if len(pairings) > 1 else p.task.text for p in pairings])


def _reasons(pairings) -> str:
    """Each link's reasons on a line (with the phrases both tasks share when no reason quotes any: link_reasons);
    prefixed with the other side's path when there are several."""
    return _lines([L.task_label(f"{p.task.id}: {'; '.join(link_reasons(p.link))}" if len(pairings) > 1
                                else "; ".join(link_reasons(p.link))) for p in pairings])


def link_reasons(link) -> list[str]:
    """A link's reasons as the tables print them: when none quotes a phrase («…»), the short phrases its two tasks
    share follow (labels.SHARED_PHRASES), so that a link argued by a heading or by the closest wording can be checked
    against both texts; a near copy's shared phrases are whole sentences, left to its own reasons."""
    phrases = [p for p in link.shared_phrases if len(p) <= L.SHARED_PHRASE_LENGTH][:L.SHARED_PHRASES_SHOWN]
    if not phrases or any("«" in reason for reason in link.reasons):
        return list(link.reasons)
    return [*link.reasons, f"{L.SHARED_PHRASES}: " + ", ".join(f"«{p}»" for p in phrases)]


def _strength(link) -> str:
    text = L.STRENGTH.get(link.strength, link.strength)
    return f"{text} ({L.CONFIRMED})" if link.confirmed else text


def _score(pairings) -> object:
    """One link's score as a number (Excel shows it with the reader's decimal mark), several as text, one a line,
    with the decimal comma as the reasons and the HTML report write them ("0,99")."""
    if not pairings:
        return ""
    if len(pairings) == 1:
        return round(float(pairings[0].link.score), 2)
    return "\n".join(decimal_comma(p.link.score) for p in pairings)


def _sheet(ws, title_lines: list[str], columns: tuple[str, ...], rows: list[dict[str, object]],
           status_column: str | None, statuses: list[str], side: str, lead: str) -> None:
    for text in title_lines:
        ws.append([text])
    for index in range(1, len(title_lines) + 1):
        ws.cell(index, 1).font = Font(bold=True, size=13 if index == 1 else 11)
    header_row = len(title_lines) + 1
    printed = [L.heading(c, lead, side) for c in columns]
    ws.append(printed)
    for col, heading in enumerate(columns, start=1):
        cell = ws.cell(header_row, col)
        cell.fill, cell.font, cell.border = HEADER_FILL, HEADER_FONT, BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        ws.column_dimensions[get_column_letter(col)].width = WIDTHS.get(heading, 14)
    ws.row_dimensions[header_row].height = header_height(printed, [WIDTHS.get(c, 14) for c in columns])
    for number, (values, status) in enumerate(zip(rows, statuses, strict=True), start=1):
        line = [number] + [_cell(values[c]) for c in columns[1:]]
        ws.append(line)
        r = ws.max_row
        for col, heading in enumerate(columns, start=1):
            cell = ws.cell(r, col)
            cell.alignment, cell.border = WRAP_TOP, BORDER
            if cell.data_type == "f":
                cell.data_type = "s"  # document text starting with "=" must stay text, never a formula
            if heading in (L.COL_REVIEW, L.COL_REVIEW_COMMENT):
                cell.fill = REVIEW_FILL
        if status_column and status:
            cell = ws.cell(r, columns.index(status_column) + 1)
            cell.fill = PatternFill("solid", fgColor=L.STATUS_FILL[status])
            cell.font = Font(bold=True, color=L.STATUS_TEXT[status])
    last_col = get_column_letter(len(columns))
    ws.freeze_panes = ws.cell(header_row + 1, 3)
    ws.auto_filter.ref = f"A{header_row}:{last_col}{max(ws.max_row, header_row)}"
    key_col = get_column_letter(columns.index(L.COL_KEY) + 1)
    ws.column_dimensions[key_col].hidden = True
    review_col = get_column_letter(columns.index(L.COL_REVIEW) + 1)
    validation = DataValidation(type="list", formula1='"Đồng ý,Không đồng ý"', allow_blank=True,
                                showErrorMessage=False, showInputMessage=True,
                                promptTitle=L.COL_REVIEW,
                                prompt="Đồng ý / Không đồng ý, hoặc ghi số hiệu điều khoản để thêm liên kết")
    ws.add_data_validation(validation)
    validation.add(f"{review_col}{header_row + 1}:{review_col}{max(ws.max_row, header_row + 1)}")
    _printable(ws, header_row, last_col)


def _cell(value: object) -> object:
    if isinstance(value, str):
        # Control characters other than tab/newline are invalid in XML cells.
        value = "".join(ch for ch in value if ch in "\t\n" or ord(ch) >= 32)
        if len(value) > MAX_CELL:
            value = value[:MAX_CELL] + "…"
    return value


def _printable(ws, header_row: int, last_col: str) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.oddFooter.center.text = "Trang &P / &N"


def _summary_sheet(ws, crossref: CrossRef) -> None:
    by_section, by_agency = summary_rows(crossref)
    by_current = summary_by_current_lead(crossref)
    order = list(L.STATUS_ORDER)
    headings = [L.COL_GROUP] + [crossref.statuses[s] for s in order] + [L.COL_TOTAL]
    ws.append(["Tổng hợp kết quả đối chiếu"])
    ws.cell(1, 1).font = Font(bold=True, size=13)
    counts = crossref.counts()
    lead = leader(crossref.central_docs)
    ws.append([f"{L.heading(L.CENTRAL_TASKS, lead)}: {counts['central_tasks']}; có {crossref.assigned}: {counts['localities']} "
               f"(trên {counts['focus']} nhiệm vụ được xét: đã triển khai {counts['covered']}, một phần "
               f"{counts['partial']}, chưa triển khai {counts['gap']}); "
               f"nhiệm vụ của {implementer(crossref.provincial_docs)}: {counts['provincial_tasks']}, trong đó nội dung bổ sung: {counts['additions']}."])
    tables = [(L.SUMMARY_BY_SECTION, by_section), (L.SUMMARY_BY_AGENCY, by_agency)]
    tables += [(L.SUMMARY_BY_CURRENT_AGENCY, by_current)] if by_current else []
    for title, rows in tables:
        ws.append([])
        ws.append([L.heading(title, lead)])
        ws.cell(ws.max_row, 1).font = Font(bold=True, size=12)
        ws.append(headings)
        header = ws.max_row
        for col in range(1, len(headings) + 1):
            cell = ws.cell(header, col)
            cell.fill, cell.font, cell.border = HEADER_FILL, HEADER_FONT, BORDER
            cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        for name, values in rows:
            ws.append([name] + [values[s] for s in order] + [sum(values.values())])
            for col in range(1, len(headings) + 1):
                cell = ws.cell(ws.max_row, col)
                cell.border, cell.alignment = BORDER, WRAP_TOP
            for offset, status in enumerate(order, start=2):
                if values[status]:
                    ws.cell(ws.max_row, offset).fill = PatternFill("solid", fgColor=L.STATUS_FILL[status])
        if title == L.SUMMARY_BY_SECTION:
            total = summary_total(counts)
            ws.append([L.ROW_TOTAL] + [total[s] for s in order] + [sum(total.values())])
            for col in range(1, len(headings) + 1):
                cell = ws.cell(ws.max_row, col)
                cell.border, cell.alignment, cell.font = BORDER, WRAP_TOP, Font(bold=True)
        elif note := several_leads_note(rows, crossref):
            ws.append([note])
            ws.cell(ws.max_row, 1).font = Font(italic=True, color="505050")
    ws.column_dimensions["A"].width = 70
    for col in range(2, len(headings) + 1):
        ws.column_dimensions[get_column_letter(col)].width = 15
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


GAPS_NAMED = 12  # gap paths named at the head of sheet 1; more are counted


def _gaps_line(crossref: CrossRef) -> str:
    """The head of sheet 1 names the gaps a legal officer looks for first (rows stay in document order)."""
    gaps = list(dict.fromkeys(L.task_label(r.task.id) for r in crossref.focus_rows() if r.status == "gap"))
    if not gaps:
        return ""
    named = ", ".join(gaps[:GAPS_NAMED]) + (f" và {len(gaps) - GAPS_NAMED} nhiệm vụ khác" if len(gaps) > GAPS_NAMED else "")
    whose = f" {crossref.assigned}" if crossref.localities_known else ""
    return f" {len(gaps)} nhiệm vụ{whose} {L.STATUS['gap'].lower()}: {named} (lọc cột \"{L.COL_STATUS}\")."


def build_workbook(result: Result, crossref: CrossRef | None = None) -> Workbook:
    """The three sheets; `crossref`: build_crossref(result) when already made."""
    crossref = crossref or build_crossref(result)
    multi = len(crossref.provincial_docs) > 1
    wb = Workbook()
    lead = leader(crossref.central_docs)
    central_title = ", ".join(document_label(d) for d in crossref.central_docs) or L.leader_document(lead)
    provincial_title = ", ".join(document_label(d) for d in crossref.provincial_docs) or "văn bản của địa phương"
    unread = [note for d in crossref.central_docs + crossref.provincial_docs if (note := unread_number(d))]
    ws = wb.active
    side = implementer(crossref.provincial_docs)
    ws.title = L.heading(L.SHEET_CENTRAL, lead, side)
    _sheet(ws, [f"Bảng đối chiếu: {central_title} → {provincial_title}",
                f"Mỗi dòng là một nhiệm vụ của {L.leader_document(lead)}. Cột \"Xác nhận\": Đồng ý / Không đồng ý, "
                f"hoặc ghi điều khoản của {side} (ví dụ 1.a.2) để thêm liên kết."
                + _gaps_line(crossref)
                + "".join(f" Lưu ý: {note}." for note in unread)],
           L.CENTRAL_COLUMNS, [central_cells(r, multi, crossref.statuses) for r in crossref.central_rows], L.COL_STATUS,
           [r.status for r in crossref.central_rows], side, lead)
    ws2 = wb.create_sheet(L.heading(L.SHEET_PROVINCIAL, lead, side))
    _sheet(ws2, [f"Bảng đối chiếu: {provincial_title} → {central_title}",
                 "Mỗi dòng là một nhiệm vụ của văn bản triển khai; nội dung không gắn với "
                 f"{L.leader_task(lead)} nào được ghi \"{L.addition(side)}\"."],
           L.PROVINCIAL_COLUMNS, [provincial_cells(r) for r in crossref.provincial_rows], None,
           ["" for _ in crossref.provincial_rows], side, lead)
    for r, row in enumerate(crossref.provincial_rows, start=4):
        if row.addition:
            ws2.cell(r, L.PROVINCIAL_COLUMNS.index(L.COL_P_KIND) + 1).fill = PatternFill("solid", fgColor="DDEBF7")
    _summary_sheet(wb.create_sheet(L.SHEET_SUMMARY), crossref)
    props = wb.properties
    props.creator = "doichieu"
    props.title = f"Bảng đối chiếu {central_title} – {provincial_title}"
    props.created = props.modified = FIXED_TIME
    props.lastModifiedBy = "doichieu"
    return wb


def workbook_bytes(wb: Workbook) -> bytes:
    """Serialise with fixed zip entry dates (openpyxl stamps the current time)."""
    raw = io.BytesIO()
    wb.save(raw)
    fixed = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as source, \
            zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                # openpyxl sets dcterms:modified to the time of saving, whatever the properties say.
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>" + FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + rb"\g<2>", data)
            target.writestr(entry, data)
    return fixed.getvalue()


def write_crossref_xlsx(result: Result, path: str | Path) -> Path:
    """Write the cross-reference workbook (3 sheets) atomically to `path`."""
    return atomic_write_bytes(path, workbook_bytes(build_workbook(result)))
