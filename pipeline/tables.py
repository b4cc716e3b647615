"""Task tables laid out in plain text: `pdftotext -layout` prints a table's columns side by side, set apart by
runs of spaces, and wraps each cell's text over several physical lines. normalize calls `spaced_table_rows` to
rebuild such a table as one " | "-joined line per row (the form of a docx row), which segment reads as a task
table (`_task_tables`).

A table is recognised by its header row, with the cues of rules/structure.yaml `task_table` (a cell opening with
"Nhiệm vụ"/"Nội dung", a cell holding "chủ trì"/"thực hiện"); the header may wrap ("Cơ quan" / "chủ trì"), also
from lines above its cue line. Its columns are the strips between gutters: runs of positions left blank by (nearly)
every line of the table, so that a line where two neighbouring cells are set apart by one space only does not hide a
column; where none runs down the whole table (its pages laid out apart) it is taken to its first page's end. A row
opens at a line whose first column holds a row mark ("1", "II", "II.1", "a)"); the lines after it, and those after a
blank line just above it that open in upper case, add to its cells column by column. Where the cells are centred vertically the mark stands on a middle line of the
row: each piece of text then goes to the row whose mark is nearest. Sizes are in rules/ingest.yaml `spaced_table`.

A task table whose body a converter flattened one cell a line under a Markdown header row is rebuilt so too, by
`flat_table_rows`: its rows open at their marks, in sequence (rules/numbering.yaml), and take the lines after them
as their cells in column order.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pydantic import BaseModel, field_validator

from .ingest.layout import ingest_rules, is_table_delimiter, page_number_value
from .rules import load_rules
from .vntext import fold


class TaskTableColumns(BaseModel):
    """rules/structure.yaml `task_table`: the header cues and the row marks of a table of tasks."""

    task: list[str]
    lead: list[str]
    group_marks: str
    row_marks: str
    sub_marks: str

    @field_validator("group_marks", "row_marks", "sub_marks")
    @classmethod
    def _compiles(cls, pattern: str) -> str:
        re.compile(pattern)
        return pattern


class _TableCues(BaseModel):
    task_table: TaskTableColumns
    field_list_openings: dict[str, list[str]] = {}
    note_openings: list[str] = []


@dataclass(frozen=True)
class TableCues:
    """The task-table cues of rules/structure.yaml, ready to match: the header's cues (folded) and the row marks
    by kind ("group", "row", "sub"); segment reads tables of " | " rows with them, this module laid-out ones."""

    task: tuple[str, ...]
    lead: tuple[str, ...]
    marks: tuple[tuple[str, re.Pattern], ...]
    group: re.Pattern
    headings: frozenset[str] = frozenset()  # folded column headings (field_list_openings, roles and others)
    notes: tuple[str, ...] = ()  # folded note openings ("Ghi chú"): a remark under a table, no cell of it

    def row_kind(self, mark: str) -> str | None:
        """What a row is by its first cell: "group", "row" (numbered), "sub" (under a numbered row), or None."""
        return next((kind for kind, pattern in self.marks if pattern.match(mark)), None)

    def task_column(self, header: list[str]) -> int | None:
        """The index of the task column among a header's cells: the first opening with a `task` cue, or None."""
        return next((n for n, cell in enumerate(header) if fold(cell).startswith(self.task)), None)


@lru_cache(maxsize=1)
def table_cues() -> TableCues:
    """The task-table cues, built once."""
    rules = load_rules("structure", _TableCues)
    table = rules.task_table
    marks = (("group", table.group_marks), ("row", table.row_marks), ("sub", table.sub_marks))
    return TableCues(task=tuple(fold(c) for c in table.task), lead=tuple(fold(c) for c in table.lead),
                     marks=tuple((kind, re.compile(p)) for kind, p in marks), group=re.compile(table.group_marks),
                     headings=frozenset(fold(h) for hs in rules.field_list_openings.values() for h in hs),
                     notes=tuple(fold(n) for n in rules.note_openings))


@dataclass(frozen=True)
class _Segment:
    start: int
    text: str


# blanks that set two pieces of text apart at all: within a piece words stand one blank apart
_PIECE_GAP = 2


def _segments(line: str, gap: int) -> list[_Segment]:
    """The pieces of a line set apart by at least `gap` blanks, with their positions."""
    return [_Segment(m.start(), m.group()) for m in re.finditer(rf"\S+(?: {{1,{gap - 1}}}\S+)*", line)]


def _task_heading(line: str, cues: TableCues) -> _Segment | None:
    """The task column's heading on a header line: a piece opening with the task cue, also where its words stand
    two blanks apart ("Nội dung   nhiệm   vụ"); or, where the number column's narrow heading stands one space
    before it ("TT Nội dung nhiệm vụ"), the rest of the first piece after that heading."""
    pieces = _segments(line, _PIECE_GAP)
    for piece in pieces:
        if fold(piece.text).startswith(cues.task):
            return piece
    first, _, rest = pieces[0].text.partition(" ") if pieces else ("", "", "")
    if rest and fold(rest).startswith(cues.task):
        return _Segment(pieces[0].start + len(first) + 1, rest)
    return None


def _is_header(line: str, gap: int, cues: TableCues) -> bool:
    """At least three pieces set apart by `gap` blanks, and the task column's heading."""
    return len(_segments(line, gap)) >= 3 and _task_heading(line, cues) is not None


def _names_lead(lines: list[str], cues: TableCues) -> bool:
    folded = f" {fold(' '.join(lines))} "
    return any(f" {w} " in folded for w in cues.lead)


def _mark(line: str, first_column_end: int, cues: TableCues) -> str | None:
    """The row mark a line opens with in the first column ("1", "II", "a)"), or None."""
    match = re.match(r"\s*(\S+)", line)
    if match is None or match.start(1) > first_column_end:
        return None
    token = match.group(1)
    return token if cues.row_kind(token) else None


def spaced_table_rows(lines: list[str]) -> tuple[dict[int, tuple[str, int]], set[int]]:
    """Task tables among the physical lines of a text laid out by `pdftotext -layout`: for the first line of each
    header and row, the row's " | "-joined cells and the index of its last line; and the indices of all other
    lines the tables take up (wrapped cell lines, blank lines between rows, page numbers inside)."""
    rules = ingest_rules().spaced_table
    cues = table_cues()
    lines = [line.replace("\f", " ").replace("\t", " ").rstrip() for line in lines]
    rows: dict[int, tuple[str, int]] = {}
    taken: set[int] = set()
    i = 0
    while i < len(lines):
        if not _is_header(lines[i], rules.cell_gap, cues):
            i += 1
            continue
        table = _read_table(lines, i, rules, cues)
        if table is None:
            i += 1
            continue
        rows[table.header[0]] = (_join_cells(lines, table.header, table, cues), table.header[-1])
        for position, row in enumerate(table.rows):
            rows[row[0]] = (_join_cells(lines, row, table, cues, position), row[-1])
        taken.update(range(table.first, table.end))
        taken.difference_update(rows)
        i = table.end
    return rows, taken


@dataclass
class _Table:
    first: int  # index of the first header line
    end: int  # index after the last line taken
    header: list[int]  # the header's lines
    rows: list[list[int]]  # each row's lines in order (its first lines may stand above its mark line)
    marks: list[int]  # each row's mark line
    boundaries: list[int]  # where each column after the first begins
    task_start: int | None = None  # where the task column begins when no gutter sets it apart ("TT Nội dung")
    # (line, column) -> row, where cells centred in their rows share lines between rows
    owners: dict[tuple[int, int], int] = field(default_factory=dict)


def _header_end(lines: list[str], at: int, first_column_end: int, rules, cues: TableCues) -> int:
    """Index after a header that begins at `at`: its wrapped lines run up to a blank line or a row mark."""
    k = at + 1
    while k < len(lines) and k - at < rules.header_lines and lines[k].strip() \
            and _mark(lines[k], first_column_end, cues) is None:
        k += 1
    return k


def _right_of(line: str, position: int) -> bool:
    """Whether a line has text, all of it right of a position, and is no page number."""
    return bool(line.strip()) and len(line) - len(line.lstrip()) > position and not _page_number(line)


def _read_table(lines: list[str], at: int, rules, cues: TableCues) -> _Table | None:
    first_segment = _segments(lines[at], _PIECE_GAP)[0]
    task = _task_heading(lines[at], cues)
    # the number column's heading one space before the task column's ("TT Nội dung"): the task column begins at
    # its heading, where no gutter shows it
    task_start = task.start if first_segment.start < task.start < first_segment.start + len(first_segment.text) \
        else None
    # (a row's text may then begin one position left of its heading, right after the mark's space)
    first_column_end = task.start - 2 if task_start else first_segment.start + len(first_segment.text)
    header = [at]
    # header cells printed over several lines, vertically centred, may begin on the lines above the cue line ("Cơ
    # quan" / "chủ trì", "Thời hạn" / … / "thực hiện" / "(*)"): lines whose text all stands right of the task
    # column's heading (a title above the table runs across it)
    while len(header) < rules.header_lines and header[0] > 0 and _right_of(lines[header[0] - 1],
                                                                          task.start + len(task.text)):
        header.insert(0, header[0] - 1)
    k = _header_end(lines, at, first_column_end, rules, cues)
    header += range(at + 1, k)
    if not _names_lead([lines[h] for h in header], cues):
        return None
    rows: list[list[int]] = []
    marks: list[int] = []
    pending: list[int] = []  # lines after a blank line: the top of the next row when a mark line follows
    after_blank = False
    end = k
    while k < len(lines):
        line = lines[k]
        if not line.strip():
            after_blank = True
            k += 1
            continue
        if _page_number(line):
            k += 1
            continue
        if _is_header(line, rules.cell_gap, cues):  # the header printed again at the top of the next page
            k = _header_end(lines, k, first_column_end, rules, cues)
            continue
        if _mark(line, first_column_end, cues) is not None:
            # lines after a blank line that go on in lower case go on the row above ("và đề xuất …" after a blank
            # line inside its task cell); the next row's first lines open in upper case
            carried = next((n for n, p in enumerate(pending) if not lines[p].lstrip()[:1].islower()), len(pending))
            if rows:
                rows[-1] += pending[:carried]
                pending = pending[carried:]
            rows.append(pending + [k])
            marks.append(k)
            pending, after_blank = [], False
            end = k + 1
        elif len(line) - len(line.lstrip()) <= first_column_end:
            break  # text in the first column that is no mark: a paragraph after the table
        elif after_blank or pending or not rows:
            pending.append(k)
        else:
            rows[-1].append(k)
            end = k + 1
        k += 1
    if not rows:
        return None
    table = _Table(first=header[0], end=end, header=header, rows=rows, marks=marks, boundaries=[],
                   task_start=task_start)
    _find_columns(lines, table, cues, rules)
    # a paragraph right under the table, indented past the first column, runs across the columns: it is no
    # cell's line, and the columns are found again without it
    last = rows[-1]
    after_mark = last.index(marks[-1]) + 1
    across = next((position for position in range(after_mark, len(last))
                   if _runs_across(lines[last[position]], table.boundaries) >= 2), None)
    if across is not None:
        del last[across:]
        table.end = last[-1] + 1
        _find_columns(lines, table, cues, rules)
    if len(table.boundaries) < 2 and not _first_page_only(lines, table, cues, rules):
        return None
    _regroup_centred_rows(lines, table, cues, rules)
    return table


def _first_page_only(lines: list[str], table: _Table, cues: TableCues, rules) -> bool:
    """pdftotext lays out each page by itself: where a table's columns shift from page to page, no gutter runs
    down all its lines. Its first page, under its header, may still show them: the table is then taken up to
    that page's end, the rows after it left as lines. Whether columns were found so."""
    page_end = next((k for k in range(table.header[-1], table.end) if _page_number(lines[k])), None)
    kept = [n for n, mark in enumerate(table.marks) if page_end is not None and mark < page_end]
    if not kept:
        return False
    table.rows = [[k for k in table.rows[n] if k < page_end] for n in kept]
    table.marks = table.marks[:len(kept)]
    table.end = max(table.rows[-1]) + 1
    _find_columns(lines, table, cues, rules)
    return len(table.boundaries) >= 2


def _regroup_centred_rows(lines: list[str], table: _Table, cues: TableCues, rules) -> None:
    """Cells centred vertically put a row's mark on a middle line of its task cell: the mark line's task text then
    goes on a sentence in lower case ("2   đầu mối trên địa bàn   Sở Tài chính"). The row then begins at the
    last line above it, after the previous row's mark (or the header's cue line), whose task text opens in upper
    case ("Bố trí quỹ đất …")."""
    header = _join_cells(lines, table.header, table, cues).split(" | ")
    task_column = cues.task_column(header)
    if task_column is None:
        return

    def task_text(index: int) -> str:
        return _cut(lines[index], table.boundaries)[task_column].strip()

    # the first row's top lines follow the header's cue line as its wrapped lines would ("Nội dung" / "nhiệm vụ")
    cue_line = next(h for h in table.header if _is_header(lines[h], rules.cell_gap, cues))
    groups = [(table.header, cue_line)] + list(zip(table.rows, table.marks, strict=True))
    for (previous, previous_anchor), (row, mark) in zip(groups, groups[1:], strict=False):
        if row[0] != mark or task_text(mark)[:1].isupper():
            continue
        below = previous[previous.index(previous_anchor) + 1:]
        opening = next((at for at in range(len(below) - 1, -1, -1) if task_text(below[at])[:1].isupper()), None)
        if opening is not None:
            del previous[len(previous) - len(below) + opening:]
            row[:0] = below[opening:]
    if sum(1 for mark in table.marks if not task_text(mark)[:1].isupper()) > len(table.marks) / 2:
        _share_by_nearest_mark(lines, table)


def _share_by_nearest_mark(lines: list[str], table: _Table) -> None:
    """Most marks stand on a middle line of their task cell, or beside none: the cells are centred in their rows,
    and the lines between two marks hold the end of one row's cells and the beginning of the next one's ("Sở Công
    Thương," of row 2 above its task "Lập danh mục …"). Each piece of a line goes to the row whose mark is
    nearest."""
    body = sorted({k for row in table.rows for k in row})
    rows: list[list[int]] = [[] for _ in table.marks]
    for k in body:
        for column, piece in enumerate(_cut(lines[k], table.boundaries)):
            if not piece.strip():
                continue
            # as near to both: a piece opening in upper case opens its cell (the row below), one in lower case
            # goes on a cell (the row above)
            below_first = 1 if piece.strip()[:1].isupper() else 0
            nearest = min(range(len(table.marks)),
                          key=lambda r: (abs(table.marks[r] - k), -r if below_first else r))
            table.owners[(k, column)] = nearest
            if k not in rows[nearest]:
                rows[nearest].append(k)
    table.rows = rows


def _find_columns(lines: list[str], table: _Table, cues: TableCues, rules) -> None:
    table.boundaries = _column_starts(lines, table, cues, rules)
    if table.task_start is not None and all(abs(b - table.task_start) > rules.gutter_width
                                            for b in table.boundaries):
        table.boundaries = sorted(table.boundaries + [table.task_start])
    header_cells = _join_cells(lines, table.header, table, cues).split(" | ")
    # a column without a heading is no column: the lines of a centred cell seen apart ("Năm 2031" / "Quý III/2031")
    table.boundaries = [b for b, cell in zip(table.boundaries, header_cells[1:], strict=True) if cell]


def _page_number(line: str) -> bool:
    """A line that is only a page number (rules/ingest.yaml `page_number`)."""
    return page_number_value(line) is not None


def _column_starts(lines: list[str], table: _Table, cues: TableCues, rules) -> list[int]:
    """Where the columns after the first begin: the right end of each gutter, a strip at least
    `gutter_width` wide in which at most `gutter_tolerance` of the table's lines (and at least one) print
    anything. Group rows ("I   NHÓM NHIỆM VỤ …") may run across the columns and are left out. A narrow column
    packed against its neighbour leaves no such strip; its header cell then stands two blanks only after the
    one before ("Đơn vị thực hiện  Đơn vị phối hợp"), and the column begins after the nearest position at
    its left where at most as many lines print."""
    counted = [lines[h] for h in table.header]
    counted += [lines[k] for row in table.rows for k in row if not cues.group.match(lines[k].split()[0])]
    width = max(len(line) for line in counted)
    left = min(len(line) - len(line.lstrip()) for line in counted)

    def printing(strip: slice) -> int:
        return sum(1 for line in counted if line[strip].strip())

    def allowed(position: int) -> int:
        # a share of the lines printing around the strip, not of all lines: where the cells of a row stand on
        # different lines (centred), a column's text is on few of the table's lines
        near = printing(slice(max(position - rules.gutter_width, 0), position + 2 * rules.gutter_width))
        return max(1, int(near * rules.gutter_tolerance))

    starts: list[int] = []
    run = 0
    for position in range(left, width - rules.gutter_width + 1):
        if printing(slice(position, position + rules.gutter_width)) <= allowed(position):
            run += 1
        elif run:
            starts.append(position + rules.gutter_width - 1)
            run = 0
    for header_line in (lines[h] for h in table.header):
        for packed in re.finditer(r"(?<=\S)  (?=\S)", header_line):
            cell = packed.end()
            if any(abs(cell - start) <= rules.gutter_width for start in starts):
                continue
            quiet = [p for p in range(cell - rules.gutter_width, cell + 1) if printing(slice(p, p + 1)) <= allowed(p)]
            if quiet:
                starts.append(quiet[-1] + 1)
    return sorted(starts)


def _runs_across(line: str, boundaries: list[int]) -> int:
    """How many column starts a line's text runs across with no more than one space (prose, not cells)."""
    return sum(1 for b in boundaries if b < len(line) and "  " not in line[b - 2:b + 1] and line[b - 1:b + 1].strip())


def _cut(line: str, boundaries: list[int]) -> list[str]:
    """A line's pieces in the columns: cut where a column begins, or, where the line prints across that point
    (two cells one space apart), at the last space before it."""
    pieces: list[str] = []
    cut = 0
    for boundary in boundaries:
        at = boundary
        if boundary < len(line) and line[boundary - 1] != " " and line[boundary] != " ":
            space = line.rfind(" ", cut, boundary)
            at = space + 1 if space >= cut else boundary
        pieces.append(line[cut:at])
        cut = max(cut, at)
    pieces.append(line[cut:])
    return pieces


def _join_cells(lines: list[str], group: list[int], table: _Table, cues: TableCues, row: int | None = None) -> str:
    """The cells of a row (or of the header) over its lines, each column's pieces joined with a space. A group
    row's title is one cell merged across the columns ("I   NHÓM NHIỆM VỤ VỀ QUY HOẠCH …"): it stays whole, in the
    column after the mark."""
    columns: list[list[str]] = [[] for _ in range(len(table.boundaries) + 1)]
    for index in group:
        for position, (column, piece) in enumerate(zip(columns, _cut(lines[index], table.boundaries), strict=True)):
            if piece.strip() and table.owners.get((index, position), row) == row:
                column.append(" ".join(piece.split()))
    cells = [" ".join(column) for column in columns]
    if cues.group.match(cells[0]):
        cells = [cells[0], " ".join(c for c in cells[1:] if c)] + [""] * (len(cells) - 2)
    return " | ".join(cells)


# --------------------------------------------------------------------------- tables flattened one cell a line


def flat_table_rows(lines: list[str]) -> tuple[dict[int, tuple[str, int]], set[int]]:
    """Task tables whose body a converter flattened one cell a line: the header a Markdown row ("| TT | Nội dung |
    Cơ quan chủ trì | Cơ quan phối hợp |") over its delimiter row, a heading that did not fit in it on a line of its
    own below ("Thời gian thực hiện"), then each row's mark ("1", "a)") on a line and its cells on the lines after it
    in column order. The same answer as `spaced_table_rows`: for the first line of the header and of each row, the
    row's " | "-joined cells and the index of its last line; and the indices of the other lines the tables take."""
    cues = table_cues()
    rows: dict[int, tuple[str, int]] = {}
    taken: set[int] = set()
    i = 0
    while i < len(lines):
        table = _read_flat_table(lines, i, cues) if lines[i].lstrip().startswith("|") else None
        if table is None:
            i += 1
            continue
        rows[i] = (" | ".join(table.header), max(table.header_lines))
        width = len(table.header)
        for row in table.rows:
            cells = [" ".join(" ".join(lines[k].split()) for k in column) for column in row.columns]
            rows[row.line] = (" | ".join([row.mark, *cells, *[""] * (width - 1 - len(cells))]), row.last)
        taken.update(range(i, table.end))
        taken.difference_update(rows)
        i = table.end
    return rows, taken


@dataclass
class _FlatRow:
    mark: str
    line: int  # the mark's line
    columns: list[list[int]] = field(default_factory=list)  # the lines of each cell after the mark, in column order

    @property
    def last(self) -> int:
        return max([self.line, *(k for column in self.columns for k in column)])

    def give_back(self, lines: list[str], pending: list[int]) -> None:
        """The lines after a row's last cell, where a page break cut its cells, go on its unfinished cells in
        column order (one that ends a sentence is finished); on its last cell where every one is."""
        unfinished = self.unfinished(lines) or [len(self.columns) - 1]
        for n, k in enumerate(pending):
            self.columns[unfinished[min(n, len(unfinished) - 1)]].append(k)

    def unfinished(self, lines: list[str]) -> list[int]:
        return [n for n, column in enumerate(self.columns) if not lines[column[-1]].rstrip().endswith(_SENTENCE_ENDS)]


_SENTENCE_ENDS = (".", "!", "?", "…")


@dataclass
class _FlatTable:
    header: list[str]  # the header's cells, those of the Markdown row then the headings below it
    header_lines: list[int]
    rows: list[_FlatRow]
    end: int  # index after the last line taken


@dataclass
class _Numbering:
    """The marks seen so far, to tell the next row's mark from a cell that only looks like one."""

    cues: TableCues
    last: dict[str, str] = field(default_factory=dict)  # the last mark's value of each sequence
    after_group: bool = True

    def follows(self, mark: str) -> bool:
        """Whether `mark` is the next one in its sequence (rules/numbering.yaml): the group after the last group,
        the next number ("1" again under a group), the first letter under a numbered row or the letter after the
        last one, "2.1" under row 2 or "II.1" under group II, or the next such."""
        # (normalize imports this module: its numbering sequences are imported when first needed)
        from .normalize import letter_sequence, successor

        value = mark.rstrip(").")
        sequence = self._sequence(mark)
        if sequence == "dotted":
            head, _, tail = value.rpartition(".")
            return (tail == "1" and head in (self.last.get("roman"), self.last.get("arabic"))) or (
                "dotted" in self.last and successor("dotted", self.last["dotted"]) == value)
        first = {"roman": "I", "arabic": "1", "letter": letter_sequence()[0]}[sequence]
        value = value.lower() if sequence == "letter" else value
        if sequence not in self.last:
            return value == first
        return successor(sequence, self.last[sequence]) == value or (
            sequence == "arabic" and value == first and self.after_group)

    def see(self, mark: str) -> None:
        sequence = self._sequence(mark)
        value = mark.rstrip(").")
        self.last[sequence] = value.lower() if sequence == "letter" else value
        # a row's letters and "N.1" marks begin again under the next row or group; a group's numbers may too
        if sequence in ("roman", "arabic"):
            for under in ("letter", "dotted"):
                self.last.pop(under, None)
        self.after_group = sequence == "roman"

    def _sequence(self, mark: str) -> str:
        value = mark.rstrip(").")
        if "." in value:
            return "dotted"
        return {"group": "roman", "row": "arabic"}.get(self.cues.row_kind(mark) or "", "letter")


def _markdown_cells(line: str) -> list[str] | None:
    text = line.strip()
    if len(text) < 2 or not (text.startswith("|") and text.endswith("|")):
        return None
    return [cell.strip() for cell in text[1:-1].split("|")]


def _next_text(lines: list[str], at: int) -> int | None:
    return next((k for k in range(at, len(lines)) if lines[k].strip()), None)


def _read_flat_table(lines: list[str], at: int, cues: TableCues) -> _FlatTable | None:
    """The flattened table whose Markdown header row is at `at`, or None. Its rows are found by their marks (a
    table with no numbering column is not read so); a mark that does not follow the one before opens a row only
    where the row before has all its cells or only its title (a group's, merged across). The table ends at a
    Markdown row or heading, at a note ("Ghi chú: …"), or where lines go on after a row's last cell with no row
    after them (at most one for each of its unfinished cells: the rest of a row cut by a page break)."""
    cells = _markdown_cells(lines[at])
    if cells is None or len(cells) < 3 or not _names_lead(cells, cues):
        return None
    task_column = cues.task_column(cells)
    delimiter = _next_text(lines, at + 1)
    # (a task column that is missing, or first: no column of marks to open the rows by)
    if not task_column or delimiter is None or not is_table_delimiter(lines[delimiter]):
        return None
    header, header_lines = list(cells), [at, delimiter]
    k = _next_text(lines, delimiter + 1)
    # the headings printed below the header row: column headings of the rules (a field's heading, a role's)
    while k is not None and not cues.row_kind(lines[k].strip()) and fold(lines[k]) in cues.headings:
        header.append(lines[k].strip())
        header_lines.append(k)
        k = _next_text(lines, k + 1)
    if k is None or not cues.row_kind(lines[k].strip()):
        return None
    width = len(header)
    numbering = _Numbering(cues)
    rows: list[_FlatRow] = []
    pending: list[int] = []  # lines after a row's last cell
    end = k
    while k < len(lines):
        text = lines[k].strip()
        if not text:
            k += 1
            continue
        if text.startswith(("|", "#")) or fold(text).startswith(cues.notes):
            break
        row = rows[-1] if rows else None
        # (a row may close with all its cells, or with its title only: a group's, merged across the columns)
        closes = row is not None and (len(row.columns) >= width - 1 or len(row.columns) == 1)
        if cues.row_kind(text) and (row is None or numbering.follows(text)
                                    or (closes and page_number_value(text) is None)):
            if pending and row is not None:
                row.give_back(lines, pending)
                pending = []
            rows.append(_FlatRow(text, k))
            numbering.see(text)
            end = k + 1
        elif page_number_value(text) is not None:
            pass  # a page number inside the table
        elif row is not None and len(row.columns) < width - 1:
            row.columns.append([k])
            end = k + 1
        else:
            pending.append(k)
            if row is None or len(pending) > max(len(row.unfinished(lines)), 1):
                break
        k += 1
    if len(rows) < 2 or not any(len(row.columns) > task_column for row in rows):
        return None
    return _FlatTable(header, header_lines, rows, end)
