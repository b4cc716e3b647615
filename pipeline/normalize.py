"""Normalize: SourceText -> list[Block] (logical paragraphs).

Guarantees to segment:
- one Block per logical paragraph, in source order; hard line wraps, and paragraphs or words split across a
  blank line by a page break ("bồi \\n\\ndưỡng", "năm \\n\\n2021") or after a comma ("Hội Phụ nữ, \\n\\nĐoàn
  Thanh niên …", see `_breaks_open_list`), are joined with one space, and without one after a hyphen glued to a
  word or number, which wraps a token ("23/NQ-" / "CP", see `_joined`);
- a Block starts at every numbering label or bullet that opens an item (grammar in rules/numbering.yaml,
  see `parse_label`); a number or dash that merely begins a wrapped line is not taken for a label; a quotation
  running over several paragraphs (a letter quoting a law's articles) is one Block, its labels not the document's;
- Block.text is the display form: NFC, original spelling and wording, markdown markers (`#`, `**`, `*`)
  removed, `pdftotext -layout` indentation and runs of spaces collapsed, letter-spaced capitals rejoined;
- Block.markup keeps the hints: "heading", "heading:<depth>", "bold", "italic", "indented", "table"
  (a docx table row with " | " cells; a task table laid out in columns by `pdftotext -layout`, or flattened one
  cell a line under a Markdown header row, is rebuilt as such rows, one per table row, see pipeline/tables.py; columns of a header or signature block printed side by
  side are cells too, while a wide gap elsewhere in a line, justified text, is a blank), "label:<kind>" when the
  block starts with a label;
- stand-alone page numbers ("12", "- 12 -", "Trang 3") are dropped;
- Block.span: first/last source line, character offsets into SourceText.text of the first and last
  character kept, pages when the source has them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel

from .ingest.layout import (
    collector_note_lines,
    front_matter_lines,
    header_kind,
    ingest_rules,
    is_file_name_head,
    is_table_delimiter,
    opens_basis,
    page_number_value,
    signature_stamp_lines,
    split_merged_header,
)
from .ingest.repair import leading_debris
from .model import Block, Notice, SourceText, Span
from .rules import load_rules
from .tables import flat_table_rows, spaced_table_rows

# --------------------------------------------------------------------------- numbering grammar


class LabelRule(BaseModel):
    kind: str
    pattern: str
    sequence: str = "none"
    upper_after: bool = False
    rank: int | None = None


class NumberingRules(BaseModel):
    letters: str
    labels: list[LabelRule]
    bullet_kinds: list[str]
    running_marks: list[str] = []
    ocr_lookalikes: list[list[str]] = []
    ocr_lost_marks: list[str] = []
    ocr_misread_marks: list[tuple[str, str]] = []


def ocr_lookalikes(value: str) -> list[str]:
    """The label values OCR may have read as `value` ("c" for "e", "1" for "I"; rules/numbering.yaml)."""
    return [other for pair in numbering_rules().ocr_lookalikes if value in pair for other in pair if other != value]


@dataclass(frozen=True)
class Label:
    """A numbering label at the start of a paragraph."""

    kind: str  # "roman" | "number" | "number2" | "letter" | "dash" | "article" …
    printed: str  # as printed: "d)", "III.", "Điều 4."
    value: str  # sequence value: "d", "III", "4", "2.3"; "" for bullets
    end: int  # offset in the text just after the label and the following spaces
    rank: int | None = None  # statute kinds: 1 Phần … 4 Điều
    base: str = ""  # the part of the value placed in the sequence: "5" for an inserted "5a" (rules/numbering.yaml)

    def __post_init__(self) -> None:
        if not self.base:
            object.__setattr__(self, "base", self.value)

    @property
    def inserted(self) -> bool:
        """An article, clause or point an amending document inserted after its base ("5a.", "a1)")."""
        return self.base != self.value

    def printed_with(self, value: str) -> str:
        """The label as printed with `value` in the place of its own: "2." with 3 is "3.", "(ii)" with iii is "(iii)",
        "()" (OCR lost its numeral) with i is "(i)", and "Il." (II as OCR printed it: parse_label reads its l as I)
        with III is "III.". A label read as a look-alike of what is printed ("I." read 1, segment) gives the value
        and its mark."""
        if not self.value:
            at = len(self.printed) - len(self.printed.lstrip("("))
            return self.printed[:at] + value + self.printed[at:]
        printed = re.search("".join("[Il]" if char == "I" else re.escape(char) for char in self.value), self.printed)
        if printed is None:
            return value + self.printed[-1]
        return self.printed[:printed.start()] + value + self.printed[printed.end():]


@lru_cache(maxsize=1)
def numbering_rules() -> NumberingRules:
    return load_rules("numbering", NumberingRules)


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[LabelRule, re.Pattern], ...]:
    return tuple((rule, re.compile(rule.pattern)) for rule in numbering_rules().labels)


@lru_cache(maxsize=1)
def letter_sequence() -> tuple[str, ...]:
    return tuple(numbering_rules().letters.split())


def bullet_kinds() -> frozenset[str]:
    return frozenset(numbering_rules().bullet_kinds)


_SPACE_AFTER = re.compile(r"\s*")


def parse_label(text: str) -> Label | None:
    """The numbering label that opens `text` (already stripped of markup), or None."""
    if not text:
        return None
    for rule, pattern in _compiled():
        match = pattern.match(text)
        if not match:
            continue
        end = _SPACE_AFTER.match(text, match.end()).end()
        rest = text[end:]
        if rule.upper_after and rest[:1].islower():
            continue
        value = match.groupdict().get("value") or ""
        if rule.sequence == "roman":
            value = value.replace("l", "I")  # OCR's l for I ("Il." for II); rules/numbering.yaml
            if not _valid_roman(value):
                continue
        return Label(rule.kind, match.group("label"), value, end, rule.rank, match.groupdict().get("base") or value)
    return None


_ROMAN = re.compile(r"^(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")  # 1-89 (XC and C are no heading numbers here)


def _valid_roman(value: str) -> bool:
    if not value or not re.fullmatch(r"[IVXLC]+", value):
        return True  # arabic or written-out values of statute kinds
    return bool(_ROMAN.match(value))


def roman_to_int(value: str) -> int:
    numerals = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for i, char in enumerate(value):
        number = numerals.get(char, 0)
        if i + 1 < len(value) and numerals.get(value[i + 1], 0) > number:
            total -= number
        else:
            total += number
    return total


def sequence_index(kind_sequence: str, value: str) -> int | None:
    """Position of a label value in its sequence (1-based), None when unknown."""
    if kind_sequence == "roman":
        numeral = value.upper() if value.islower() else value  # "(ii)" counts as II
        return roman_to_int(numeral) if re.fullmatch(r"[IVXLC]+", numeral) else (int(value) if value.isdigit() else None)
    if kind_sequence == "arabic":
        digits = re.match(r"\d+", value)
        return int(digits.group()) if digits else None
    if kind_sequence == "dotted":
        return int(value.rsplit(".", 1)[-1])
    if kind_sequence == "letter":
        letters = letter_sequence()
        return letters.index(value.lower()) + 1 if value.lower() in letters else None  # "A." of a plan's parts
    return None


def sequence_of(kind: str) -> str:
    for rule in numbering_rules().labels:
        if rule.kind == kind:
            return rule.sequence
    return "none"


def value_at(sequence: str, value: str, index: int) -> str:
    """The value at position `index` (1-based) of the sequence `value` belongs to ("2.3", 5 -> "2.5"); `value`
    itself when a letter sequence has no such position."""
    if sequence == "letter":
        letters = letter_sequence()
        if not 0 < index <= len(letters):
            return value
        return letters[index - 1].upper() if value.isupper() else letters[index - 1]
    if sequence == "roman":
        return _to_roman(index).lower() if value.islower() else _to_roman(index)
    if sequence == "dotted":
        return value.rsplit(".", 1)[0] + "." + str(index)
    return str(index)


def successor(sequence: str, value: str) -> str | None:
    """The value that follows `value` in its sequence: "d" -> "đ", "i" -> "k" (the Vietnamese letters of
    rules/numbering.yaml), "IV" -> "V" and "iv" -> "v" (roman numerals keep their case), "2.3" -> "2.4",
    "9" -> "10"; None when `value` has no place in the sequence or is its last letter."""
    if sequence == "roman" and value.islower():
        upper = successor(sequence, value.upper())
        return upper.lower() if upper is not None else None
    index = sequence_index(sequence, value)
    if index is None or (sequence == "letter" and index == len(letter_sequence())):
        return None
    return value_at(sequence, value, index + 1)


def _to_roman(number: int) -> str:
    parts = [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for amount, letters in parts:
        while number >= amount:
            out += letters
            number -= amount
    return out


# --------------------------------------------------------------------------- line cleaning

_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_BOLD = re.compile(r"\*\*|__")
# an italic run inside a line or a table cell ("| *Hà Nội, ngày 02 tháng* *5 năm 2024* |"): the stars go, the
# words stay; a lone star or a footnote mark "(*)" is no run and is kept
_EMPHASIS_ONLY = re.compile(r"^[*_](?:[\s*_]*[*_])?$")
_INLINE_ITALIC = re.compile(r"(?<![\w*])\*(?=[^\W_])([^*\n]*?[^\s*(])\*(?![\w*])")
_SENTENCE_END = re.compile(r"(?:[.;:!?…]|\./\.|\.\)|;\)|:\))[\"”’')\]*]*$")
# a decorative rule a converter joined to the end of a header cell, under the issuer or the motto ("| BỘ XÂY DỰNG
# -------", "Độc lập - Tự do - Hạnh phúc ---------------"): no part of the name or the motto
_CELL_RULE = re.compile(r"(?<=[^\s|])\s+[-_=]{3,}(?=\s*(?:\||$))")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_SINGLE_LETTER = re.compile(r"(?<!\S)[^\W\d_](?!\S)")
_WORD = re.compile(r"[^\W\d_]{2,}")
_COLUMN_GAP = re.compile(r"(?<=\S)[ \u00a0]{4,}(?=\S)")
_BLANK_FIELD_BEFORE = re.compile(r"(?:ngày|tháng|năm|số|Số|:)$")
_VOWELS = set("aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")
_FINALS = ("ng", "nh", "ch", "c", "m", "n", "p", "t")


@dataclass
class _Line:
    number: int
    text: str  # cleaned display text
    start: int  # offset of the first kept character in SourceText.text
    end: int  # offset after the last kept character
    page: int | None
    markup: frozenset[str]
    label: Label | None = None
    indent: int = 0  # leading blanks of the raw line (pdftotext -layout keeps the printed indentation)
    last: int | None = None  # the last source line of a table row rebuilt from several lines (pipeline/tables.py)
    last_page: int | None = None


def _clean_line(raw: str, kind: str, aligned: bool = False) -> tuple[str, int, int, set[str]]:
    """Strip markdown and layout noise from one physical line; returns (text, lead, trail, markup) where
    lead/trail count the characters dropped at each end of the raw line. `aligned`: a column of the line starts
    where one of the line above or below does (see `_aligned_columns`)."""
    markup: set[str] = set()
    text = raw.replace("\f", " ")
    if text[:1] in " \t\u00a0" and text.strip():
        markup.add("indented")
    heading = _MD_HEADING.match(text)
    if heading:
        depth = len(heading.group(1))
        markup.update({"heading", f"heading:{depth}"})
        text = heading.group(2)
    if kind == "md":
        text = _MD_ESCAPE.sub(r"\1", text)
    stripped = text.strip()
    if stripped.startswith(("**", "__")) and stripped.endswith(("**", "__")) and len(stripped) > 4:
        markup.add("bold")
    text = _BOLD.sub("", text)
    stripped = text.strip()
    if _EMPHASIS_ONLY.match(stripped):  # "* *": an empty italic paragraph (or a "* * *" break) of a converter
        text = stripped = ""
    if (len(stripped) > 2 and stripped[0] == "*" and stripped[-1] == "*" and stripped[1] != " ") or (
        kind == "md" and len(stripped) > 2 and stripped[0] == "_" and stripped[-1] == "_"
    ):
        markup.add("italic")
        text = stripped[1:-1]
    text = _INLINE_ITALIC.sub(r"\1", text)
    # columns side by side (pdftotext -layout header and signature blocks) become " | " cells like docx rows; a
    # wide gap in a line that holds no such column (nor a cell of a markdown row that is one) and lines up with no
    # column of the lines around is justified text or a stray row: a blank
    columns = [column for _, column in _columns(text.strip())]
    if len(columns) > 1 and not aligned and not any(
            _is_layout_column(cell.strip()) for column in columns for cell in column.split("|")):
        columns = [" ".join(columns)]
    cells = [piece for cell in columns for piece in split_merged_header(cell)]
    if len(cells) > 1:
        markup.add("table")
    text = " | ".join(_rejoin_letter_spacing(_SPACES.sub(" ", _unspace_letters(c.strip())).strip()) for c in cells)
    text = _CELL_RULE.sub("", _SPACES.sub(" ", text).strip())
    if " | " in f" {text} " or text.endswith(" |") or text.startswith("| ") or text == "|":
        markup.add("table")
    core = raw.strip()
    lead = raw.find(core[:1]) if core else 0
    trail = len(raw) - len(raw.rstrip())
    return text, max(lead, 0), trail, markup


def _columns(text: str) -> list[tuple[int, str]]:
    """Split a line at wide gaps, except the blanks left for a number or a day in a draft
    ('Số:      /SCT-CN', 'ngày      tháng  01 năm 2026'), which stay inside their cell, and before a word that
    goes on the text ('…, hoàn thành      trong năm'); each column with the position it starts at."""
    cells: list[tuple[int, str]] = []
    start = 0
    for gap in [*_COLUMN_GAP.finditer(text), None]:
        piece = text[start:gap.start() if gap is not None else len(text)]
        if cells and (piece[:1] in "/….,;)" or piece[:1].islower() or piece[:1].isdigit()
                      or (_BLANK_FIELD_BEFORE.search(cells[-1][1]) and not is_upper_line(piece))):
            cells[-1] = (cells[-1][0], f"{cells[-1][1]} {piece}")
        else:
            cells.append((start, piece))
        if gap is not None:
            start = gap.end()
    return cells


def _aligned_columns(lines: list[str]) -> set[int]:
    """Lines printed in columns that line up with those of the nearest line above or below: a table laid out by
    pdftotext -layout (its header need not name a task column), whose lines keep their cells. A justified line's
    wide gap seldom falls where the next one's does."""
    starts = [{start for start, _ in _columns(line.rstrip())[1:]} for line in lines]
    printed = [i for i, line in enumerate(lines) if line.strip()]
    return {i for before, i, after in zip([None, *printed[:-1]], printed, [*printed[1:], None], strict=True)
            if starts[i] and any(j is not None and starts[i] & starts[j] for j in (before, after))}


def _is_layout_column(text: str) -> bool:
    """A column of a header or signature block printed beside another: a line of the header (national title,
    motto, số hiệu, place and date, trích yếu, addressee; rules/ingest.yaml `header`), a name or title in
    capitals of two words or more (issuer, "KT. CHỦ TỊCH"), or a signer's name."""
    return header_kind(text) is not None or (is_upper_line(text) and len(_WORD.findall(text)) >= 2) \
        or is_person_name(text)


_PERSON_NAME = re.compile(r"^(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){1,5}$")


def is_person_name(text: str) -> bool:
    """A person's name as signed under a document ("Nguyễn Thế Phước"): two to six capitalised words, in
    ordinary case, no digit."""
    text = text.strip()
    return bool(_PERSON_NAME.match(text)) and not is_upper_line(text) and not re.search(r"\d", text)


def is_upper_line(text: str) -> bool:
    """At least two letters, none of them lower case."""
    return text == text.upper() and len(_LETTER.findall(text, 0, 200)) >= 2


_LETTER = re.compile(r"[^\W\d_]")


_ONSETS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr")


def _unspace_letters(text: str) -> str:
    """Capitals printed letter by letter ('C Ộ N G  H Ò A'): words are the runs between wider gaps, or,
    without wider gaps, the Vietnamese syllables of the letter run."""
    if len(_SINGLE_LETTER.findall(text)) < 2:
        return text
    tokens = text.split()
    singles = sum(1 for t in tokens if len(t) == 1 and t.isalpha())
    if len(tokens) < 4 or singles < 0.6 * len(tokens) or not is_upper_line(text):
        return text
    chunks = re.split(r"\s{2,}", text)
    if len(chunks) > 1:
        return " ".join(chunk.replace(" ", "") for chunk in chunks)
    return " ".join(_syllables(text.replace(" ", "")))


def _syllables(run: str) -> list[str]:
    """Greedy split of an unspaced upper-case run into syllables: onset, vowels, final consonants."""
    out: list[str] = []
    i, low = 0, run.lower()
    while i < len(run):
        start = i
        if not low[i].isalpha():
            out.append(run[i])
            i += 1
            continue
        for onset in _ONSETS:
            if low.startswith(onset, i) and i + len(onset) < len(low) and low[i + len(onset)] in _VOWELS:
                i += len(onset)
                break
        else:
            if low[i] not in _VOWELS:
                i += 1
        vowels_from = i
        while i < len(low) and low[i] in _VOWELS:
            i += 1
        glide_end = i - vowels_from >= 2 and low[i - 1] in "iyou"
        for final in ("ng", "nh", "ch", "c", "m", "n", "p", "t"):
            end = i + len(final)
            if glide_end or not low.startswith(final, i) or (end < len(low) and low[end] in _VOWELS):
                continue
            if len(final) == 1 and end < len(low) and low[end] == "h":
                continue  # "…C H…" is rather the onset ch/nh/th/ph of the next syllable
            i = end
            break
        if i == start:
            i += 1
        out.append(run[start:i])
    return out


def _rejoin_letter_spacing(text: str) -> str:
    """'ỦY B AN NHÂN D Â N' -> 'ỦY BAN NHÂN DÂN': capitals printed with spaces between letters."""
    if len(_SINGLE_LETTER.findall(text)) < 2:
        return text
    tokens = text.split(" ")
    singles = sum(1 for t in tokens if len(t) == 1 and t.isalpha())
    if singles < 2 or not is_upper_line(text):
        return text
    merged: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        low = token.lower()
        has_vowel = any(c in _VOWELS for c in low)
        if token.isalpha() and not has_vowel and merged:
            prev = merged[-1]
            prev_low = prev.lower()
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            next_starts_vowel = nxt[:1].lower() in _VOWELS
            prev_has_vowel = any(c in _VOWELS for c in prev_low)
            tail = re.sub(rf"^.*?[{''.join(_VOWELS)}]+", "", prev_low + low)
            if prev.isalpha() and prev_has_vowel and not next_starts_vowel and tail in ("",) + _FINALS:
                merged[-1] = prev + token
                i += 1
                continue
        if token.isalpha() and not has_vowel and i + 1 < len(tokens) and tokens[i + 1][:1].lower() in _VOWELS:
            tokens[i + 1] = token + tokens[i + 1]
            i += 1
            continue
        if len(token) == 1 and token.isalpha() and has_vowel and merged:
            prev_low = merged[-1].lower()
            if merged[-1].isalpha() and len(merged[-1]) <= 2 and not any(c in _VOWELS for c in prev_low):
                merged[-1] += token
                i += 1
                continue
        merged.append(token)
        i += 1
    return " ".join(merged)


# --------------------------------------------------------------------------- joining


@dataclass
class _Layout:
    hard_wrapped: bool
    width: int


def _layout(lines: list[_Line | None]) -> _Layout:
    """Is the text hard-wrapped at a fixed width (pdftotext), or one paragraph per line (docx, md)?
    Wrapped text has many lines that run on into the next one (no final punctuation, the next line no
    label), and those lines are nearly as long as each other: the wrap width."""
    # a table row rebuilt from a laid-out table (pipeline/tables.py) is no printed line: its length says nothing
    lengths = sorted(len(line.text) for line in lines if line is not None and len(line.text) >= 20 and line.last is None)
    if len(lengths) < 8 or lengths[int(0.9 * (len(lengths) - 1))] > 140:
        return _Layout(False, 0)  # paragraphs of several hundred characters on one line: not wrapped
    pairs = [
        (len(line.text), _starts_continuation(after.text)) for line, after in zip(lines, lines[1:], strict=False)
        if line is not None and after is not None and len(line.text) >= 20 and "table" not in line.markup
        and not _ends_sentence(line.text) and parse_label(after.text) is None
    ]
    # one short paragraph per line also "runs on" (a title, then "Căn cứ …"), but into a capital letter;
    # wrapped lines mostly break inside a sentence, before a lower-case word
    if len(pairs) < max(5, 0.15 * len(lengths)) or sum(lower for _, lower in pairs) < 0.3 * len(pairs):
        return _Layout(False, 0)
    run_on = sorted(n for n, _ in pairs)
    width = run_on[int(0.9 * (len(run_on) - 1))]
    if width > 140:
        return _Layout(False, width)
    full = sum(1 for n in run_on if n >= 0.7 * width)
    return _Layout(full >= 0.6 * len(run_on), width)


def _ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


def _starts_continuation(text: str) -> bool:
    """Text that cannot open a paragraph: lower-case word, digit, closing punctuation, or an abbreviation in
    brackets, which glosses the words before it ("… hỗ trợ phát triển chính thức" / "(ODA) …")."""
    first = text[:1]
    return bool(first) and (first.islower() or first.isdigit() or first in ",.;:)]}%" or _opens_with_gloss(text))


_GLOSS = re.compile(r"\(([^\s()]+)\)(?=[\s,.;:]|$)")


def _opens_with_gloss(text: str) -> bool:
    """An abbreviation in brackets at the start of the text ("(ODA)", "(KCN)"): two letters or more, all capitals,
    and no label nor roman numeral ("(II)" may number a part)."""
    gloss = _GLOSS.match(text)
    if gloss is None:
        return False
    value = gloss.group(1)
    return value == value.upper() and sum(c.isalpha() for c in value) >= 2 and not _ROMAN.match(value) \
        and parse_label(text) is None


class _Sequences:
    """Label values seen so far, to tell an expected label from a number that begins a wrapped line; and
    the indentation of the last wrapped line (`margin`), to tell a bullet from a dash carried over."""

    def __init__(self) -> None:
        self.last: dict[str, int] = {}
        self.margin: int | None = None

    def expected(self, label: Label) -> bool:
        sequence = sequence_of(label.kind)
        index = sequence_index(sequence, label.base) if sequence != "none" else None
        if index is None:
            return sequence == "none"
        previous = self.last.get(label.kind)
        return index == 1 or (previous is not None and index in (previous + 1, previous))

    def see(self, label: Label) -> None:
        sequence = sequence_of(label.kind)
        if sequence == "none":
            return
        index = sequence_index(sequence, label.base)
        if index is not None:
            self.last[label.kind] = index


def normalize(source: SourceText) -> list[Block]:
    """Logical paragraphs of a document with their provenance (see the module docstring)."""
    lines = _prepare(source)
    layout = _layout(lines)
    blocks: list[list[_Line]] = []
    sequences = _Sequences()
    blank_between = previous_spaced = False
    for index, line in enumerate(lines):
        if line is None:
            blank_between = True
            continue
        label = parse_label(line.text)
        if label is not None and label.printed == "*" and source.kind != "md":
            label = None  # a star opens a list item in markdown only (in PDF text it is a seal or a footnote mark)
        following = lines[index + 1] if index + 1 < len(lines) else None
        inline = label is not None and not blank_between and bool(blocks) \
            and _continues_inline_list(blocks[-1], line, following, label, layout, sequences)
        if inline:
            label = None  # the line goes on with the paragraph, even after its "Cụ thể:"
        heading = label is not None and _opens_part(line, label, lines, index)
        starts_new = not blocks or heading or not inline and (
            _opens_block(blocks[-1], line, label, blank_between, layout, sequences)
            or _spacing_changes(previous_spaced, blank_between, line, following))
        if starts_new:
            if label is not None and (not blocks or heading
                                      or _accept_label(blocks[-1], line, label, layout, sequences, blank_between)):
                line.label = label
                sequences.see(label)
            blocks.append([line])
        else:
            blocks[-1].append(line)
            sequences.margin = line.indent
        previous_spaced, blank_between = blank_between, False
    _read_first_part_misread_as_one(blocks, source)
    return [_block(group, source) for group in _join_quotations(blocks)]


def _continues_inline_list(group: list[_Line], line: _Line, following: _Line | None, label: Label, layout: _Layout,
                           sequences: _Sequences) -> bool:
    """A label carried to the start of a wrapped line from an enumeration inside the paragraph ("- Về nguồn nhân
    lực: (i) Đào tạo … thực tập." / "(ii) Tổ chức đào tạo …"): the label before it in its sequence stands inside
    the paragraph's text, after its own label, and the line starts at the margin of wrapped lines, not indented
    as a paragraph's first line. Not the paragraph's own label's next one ("3. …" / "4. …" are siblings), nor after
    a label-like figure that ends the text ("… tại Điều 3." / "4. …": an enumeration goes on with words).
    The first label of the enumeration ("… Cụ thể:" / "(i) Rà soát …; (ii) Tổ chức …") has no label before it: it
    was carried over when it did not fit on the full line above, and the label after it follows inside the text."""
    sequence = sequence_of(label.kind)
    index = sequence_index(sequence, label.base) if sequence != "none" else None
    if index is None or not layout.hard_wrapped or sequences.margin is None \
            or line.indent > sequences.margin + _FIRST_LINE_INDENT:
        return False
    if index == 1:
        following_value = successor(sequence, label.value)
        if following_value is None or not _is_full(group[-1], layout) \
                or _fits_after(group[-1], label.printed, layout, sequences):
            return False
        # the next label inside the text: on this line, or on the next one after words (at its start it is a sibling)
        after = re.escape(label.printed_with(following_value))
        return re.search(rf"\s{after}(?:\s|$)", line.text[label.end:]) is not None or (
            following is not None and re.search(rf"\S\s+{after}(?:\s|$)", following.text) is not None)
    previous = value_at(sequence, label.value, index - 1)
    own = group[0].label
    if own is not None and own.kind == label.kind and own.value == previous:
        return False
    before = label.printed_with(previous)
    text = _joined(group)[own.end if own is not None else 0:]
    return re.search(rf"(?:^|\s){re.escape(before)}\s+\S", text) is not None


def _spacing_changes(previous_spaced: bool, blank_between: bool, line: _Line, following: _Line | None) -> bool:
    """A line set apart by blank lines above and below (a centred trích yếu that OCR printed line by line), then a
    capitalised line that the next one follows closely: the spacing changes where a paragraph begins ("… ứng phó
    với dịch Covid-19" / "Với sự vào cuộc …" / "cao của toàn Đảng …"), though no stop ends the line before it."""
    return previous_spaced and blank_between and following is not None and line.text[:1].isupper() \
        and not _starts_continuation(line.text)


def _read_first_part_misread_as_one(groups: list[list[_Line]], source: SourceText) -> None:
    """OCR reads the first part's "I." as "1." ("1. TINH THẦN CHỈ ĐẠO" … "II. NHIỆM VỤ, GIẢI PHÁP"): when the
    first roman label of a document is "II." and an upper-case heading "1. …" stands before it, that heading is
    part I (rules/numbering.yaml). Its label is read "I." and a notice says so."""
    labels = [group[0].label for group in groups]
    first_roman = next((i for i, label in enumerate(labels) if label is not None and label.kind == "roman"), None)
    if first_roman is None or labels[first_roman].value != "II":
        return
    for group, label in zip(groups[:first_roman], labels[:first_roman], strict=True):
        if label is None or label.kind != "number":
            continue
        line = group[0]
        if label.value == "1" and is_upper_line(line.text[label.end:]):
            line.text = "I." + line.text[len(label.printed):]
            line.label = parse_label(line.text)
            source.notices.append(Notice(source.path, f"nhãn '{label.printed}' trước phần 'II.' đọc là 'I.' "
                                                      "(chữ số La Mã đọc nhầm)", line=line.number,
                                         page=line.page, code="label-repaired"))
        return


_QUOTES = "\"“”"
_QUOTE_CLOSES = re.compile(r"[\"”][.;,:)]*$")


def _join_quotations(groups: list[list[_Line]]) -> list[list[_Line]]:
    """A quotation of several paragraphs (a letter quoting the articles and clauses of a law: '"Điều 56. …' /
    '1. …' / '… của Luật này.”') is one paragraph: its numbering is the quoted text's, not the document's. A
    paragraph opens a quotation when it starts with a quote mark and holds an odd number of them; the quotation
    ends with the paragraph that holds an odd number and ends with a quote mark."""
    out: list[list[_Line]] = []
    i = 0
    while i < len(groups):
        group = groups[i]
        text = " ".join(line.text for line in group).strip()
        if text[:1] in _QUOTES and _quote_count(text) % 2 == 1:
            end = next((k for k in range(i + 1, min(len(groups), i + 1 + ingest_rules().max_quoted_paragraphs))
                        if _quote_count(" ".join(line.text for line in groups[k])) % 2 == 1), None)
            if end is not None and _QUOTE_CLOSES.search(" ".join(line.text for line in groups[end]).strip()):
                out.append([line for g in groups[i:end + 1] for line in g])
                i = end + 1
                continue
        out.append(group)
        i += 1
    return out


def _quote_count(text: str) -> int:
    return sum(text.count(q) for q in _QUOTES)


def _prepare(source: SourceText) -> list[_Line | None]:
    """Cleaned lines; None for blank lines and dropped page furniture."""
    prepared: list[_Line | None] = []
    texts = [raw.text for raw in source.lines]
    # Markdown front matter is the collector's record of the file, not the document
    front_matter = front_matter_lines(texts) if source.kind == "md" else 0
    # so are a collector's bracketed notes above the text ("[OCR] [Bản trích chữ tự động …]")
    front_matter = max(front_matter, collector_note_lines(texts, plain_text=source.kind == "txt"))
    # a task table laid out in columns by pdftotext -layout, or flattened one cell a line under a Markdown header:
    # one " | " line per row, its other lines blank
    table_rows, table_lines = spaced_table_rows(texts)
    flat_rows, flat_lines = flat_table_rows(texts)
    table_rows |= flat_rows
    table_lines |= flat_lines
    aligned = _aligned_columns(texts)
    for index, raw in enumerate(source.lines):
        if raw.number <= front_matter or raw.page_break or index in table_lines:
            prepared.append(None)  # a converter's page-break line stands for the break: a blank line
            continue
        if index in table_rows:
            text, last = table_rows[index]
            last_raw = source.lines[last]
            start = raw.offset + len(raw.text) - len(raw.text.lstrip())
            end = last_raw.offset + len(last_raw.text.rstrip())
            prepared.append(_Line(raw.number, text, start, end, raw.page, frozenset({"table"}),
                                  last=last_raw.number, last_page=last_raw.page))
            continue
        text, lead, trail, markup = _clean_line(raw.text, source.kind, index in aligned)
        # the empty cells opening a table row ("|  |  | + Hỗ trợ …", cells merged down from the row above) are no
        # OCR debris before the bullet that follows them
        debris = _debris_before_label(text) if not ("table" in markup and text.count("|") >= 3) else 0
        if debris:
            text = text[debris:]
            lead = max(lead, raw.text.find(text[:1], lead + debris))
        if raw.style:
            markup |= set(raw.style)
        if is_table_delimiter(text):
            # a Markdown table's delimiter row, spaced or not ("|---|---"): a compact one has no " | " to mark it
            # a table row, and was read on as text ("Kính gửi: | - Bộ Tài chính; - Bộ Kế hoạch và Đầu tư |---|---")
            prepared.append(None)
            continue
        if not text or set(text) <= set("|-_=*~ "):
            if text and "table" in markup and set(text) <= set("|- "):
                prepared.append(None)
                continue
            if text and set(text) <= set("-_=*"):
                # separator rules under header lines ("-------"), and the star a Party document prints under its
                # issuer, carry nothing
                prepared.append(None)
                continue
            if not text:
                prepared.append(None)
                continue
        # offsets of the first and last characters kept (markdown markers and padding excluded)
        first_kept = raw.text.find(text[0], lead)
        last_kept = raw.text.rfind(text[-1], 0, len(raw.text) - trail)
        start = raw.offset + (first_kept if first_kept >= 0 else lead)
        end = raw.offset + (last_kept + 1 if last_kept >= first_kept >= 0 else len(raw.text) - trail)
        indent = len(raw.text) - len(raw.text.lstrip(" \t\u00a0"))
        prepared.append(_Line(raw.number, text, start, max(end, start), raw.page, frozenset(markup), indent=indent))
    _drop_signature_stamps(prepared)
    _drop_stray_bars(prepared)
    _drop_page_number_runs(prepared)
    for i, line in enumerate(prepared):
        if line is not None and is_file_name_head(line.text):
            prepared[i] = None  # the file name printed with the page number atop or under each page
            continue
        if line is None or page_number_value(line.text) is None:
            continue
        before = prepared[i - 1] if i > 0 else None
        after = prepared[i + 1] if i + 1 < len(prepared) else None
        if before is None and after is None:
            prepared[i] = None
        elif _is_centred(line, before, after):
            prepared[i] = None  # a page number centred between two lines of text (pdftotext, no blank lines)
    return prepared


def _drop_page_number_runs(prepared: list[_Line | None]) -> None:
    """Page numbers a text dump keeps on lines of their own, touching the text: lone numbers rising through the
    document pages apart (rules/ingest.yaml `page_number_run`) become blank lines."""
    run = ingest_rules().page_number_run
    if run is None:
        return
    chains: list[list[tuple[int, int, int]]] = []  # (index in prepared, value, source line)
    for index, line in enumerate(prepared):
        value = page_number_value(line.text) if line is not None and "table" not in line.markup else None
        if value is None:
            continue
        # the run this number goes on (a stray lone number between two pages breaks no run)
        chain = next((c for c in reversed(chains) if 0 < value - c[-1][1] <= run.max_step
                      and line.number - c[-1][2] >= run.min_lines), None)
        if chain is None:
            chains.append(chain := [])
        chain.append((index, value, line.number))
    for chain in chains:
        if len(chain) >= run.min_count:
            for index, _, _ in chain:
                prepared[index] = None


# marks OCR glues to the front of a label (".23. Đối với …" for "23. Đối với …"); quotes and brackets belong to it
_GLUED_MARKS = ".,`_~^¬„€"


def _debris_before_label(text: str) -> int:
    """Characters of OCR debris before the label that opens `text` ("._ b) Bộ …", "` Chương V", ".23. Đối với …"):
    debris tokens (repair.is_debris) and marks glued to the label; 0 when `text` opens with a label already or
    no label follows the debris."""
    cut = leading_debris(text)
    cut += len(text[cut:]) - len(text[cut:].lstrip(_GLUED_MARKS))
    # (the cheap test first: most lines open with no debris, and every line's label is parsed again afterwards)
    if not cut or parse_label(text) is not None:
        return 0
    return cut if parse_label(text[cut:]) is not None else 0


def _drop_signature_stamps(prepared: list[_Line | None]) -> None:
    """The digital-signature stamp of a signed PDF ("Ký bởi: …" / "Email: …" / "Cơ quan: …" / "Thời gian ký: …",
    rules/ingest.yaml `signature_stamp`) is page furniture: its lines become blank."""
    for i in signature_stamp_lines([line.text if line is not None else None for line in prepared]):
        prepared[i] = None


_STRAY_BAR = re.compile(r"(?<=[a-zà-ỹđ,]) \| (?=[a-zà-ỹđ])")


def _drop_stray_bars(prepared: list[_Line | None]) -> None:
    """OCR reads a speck or a fold in the paper as a bar inside a sentence ("nhiều quốc | gia"). One bar between
    two words in lower case, on a line whose neighbours are no table rows, is such a speck, not a cell
    boundary: a table's rows come in runs."""
    def is_row(line: _Line | None) -> bool:
        return line is not None and "table" in line.markup

    for i, line in enumerate(prepared):
        if not is_row(line) or line.text.count("|") != 1 or not _STRAY_BAR.search(line.text):
            continue
        before = next((p for p in reversed(prepared[:i]) if p is not None), None)
        after = next((p for p in prepared[i + 1:] if p is not None), None)
        if not is_row(before) and not is_row(after):
            line.text = _STRAY_BAR.sub(" ", line.text)
            line.markup = line.markup - {"table"}


def _is_centred(line: _Line, before: _Line | None, after: _Line | None) -> bool:
    """Printed in the middle of the page (rules/ingest.yaml `centred_page_number`)."""
    centred = ingest_rules().centred_page_number
    return line.indent >= centred.indent and all(
        other is None or line.indent >= other.indent + centred.over for other in (before, after))


def _opens_part(line: _Line, label: Label, lines: list[_Line | None], index: int) -> bool:
    """A part or chapter label alone on its line `lines[index]` (or with a dash: "Chương IV -") above its title in
    capitals, or with that title after it on the line: a heading, even after a line that ends no sentence (OCR
    loses the stop of the clause before it), where a wrapped line would rather read "… tại" / "Chương II, Mục 1 …"."""
    if label.rank is None or label.rank > 2:
        return False
    own = line.text[label.end:].strip(" -–—:.")
    if own:
        return is_upper_line(own)
    following = next((n for n in lines[index + 1:index + 3] if n is not None), None)  # (a blank line between)
    return following is not None and is_upper_line(following.text)


def _accept_label(paragraph: list[_Line], line: _Line, label: Label, layout: _Layout, sequences: _Sequences,
                  blank_between: bool) -> bool:
    """A label after a line that does not end a sentence is only a label when expected or after a heading.
    `paragraph`: the lines of the paragraph before `line`, the last of them right above it."""
    previous = paragraph[-1]
    if label.kind in bullet_kinds():
        # in wrapped text a dash that begins a line after a full line without final punctuation is the dash of
        # "kinh tế - xã hội" or "Văn hóa - Thể thao" carried over, not a bullet (list items end with ; or .); only the
        # marks that stand inside a sentence are ever carried over (rules/numbering.yaml running_marks), and the word
        # after one goes on in lower case
        if not layout.hard_wrapped or _ends_sentence(previous.text) or not _is_full(previous, layout):
            return True
        if label.printed in numbering_rules().running_marks and not line.text[label.end:label.end + 1].isupper():
            return False
        if blank_between and (_fits_after(previous, label.printed, layout, sequences) or _is_numbered_title(paragraph)):
            # a dash carried over a page break ends a line the dash did not fit on, and a page rarely breaks
            # right after an item's title: after a blank line, the first bullet under a numbered title, on one line
            # or wrapped ("3.5. Bảo tồn thiên nhiên, … nguồn tài nguyên" / "" / "- Bảo vệ tốt diện tích rừng …";
            # "5. Bảo tồn thiên nhiên …; phát triển kinh tế dựa" / "trên dịch vụ hệ sinh thái; … tài nguyên" / "" /
            # "- Quản lý chặt chẽ các khu bảo tồn …")
            return True
        # a carried-over dash starts at the margin of wrapped lines; a bullet is indented like a paragraph
        indented = sequences.margin is not None and line.indent > sequences.margin
        return indented or len(previous.text) < 0.85 * layout.width
    if _ends_sentence(previous.text) or sequences.expected(label):
        return True
    if {"heading", "bold"} & previous.markup or is_upper_line(previous.text):
        return True
    return not (layout.hard_wrapped and _is_full(previous, layout))


def _is_numbered_title(paragraph: list[_Line]) -> bool:
    """A paragraph opening with a label other than a bullet, no line of which ends a sentence: an item's title."""
    opener = paragraph[0].label
    return opener is not None and opener.kind not in bullet_kinds() and not any(_ends_sentence(x.text) for x in paragraph)


def _is_full(line: _Line, layout: _Layout) -> bool:
    return layout.hard_wrapped and len(line.text) >= 0.7 * layout.width


def _opens_block(paragraph: list[_Line], line: _Line, label: Label | None, blank_between: bool, layout: _Layout,
                 sequences: _Sequences) -> bool:
    """Does `line` open a paragraph of its own after `paragraph` (the lines before it, see _accept_label)?"""
    previous = paragraph[-1]
    if label is not None and _accept_label(paragraph, line, label, layout, sequences, blank_between):
        return True
    if "table" in previous.markup or "table" in line.markup:
        return True
    if ("footnote" in previous.markup) != ("footnote" in line.markup):
        # footnote bodies moved to the end of a PDF's text (ingest) follow the signer's name, which ends no
        # sentence; they never continue it
        return True
    if "heading" in line.markup and not _starts_continuation(line.text):
        return True
    if previous.text.rstrip().endswith("./."):  # the mark that ends a document's body: nothing continues it
        return True
    ends = _ends_sentence(previous.text)
    continuation = _starts_continuation(line.text)
    if blank_between:
        if ends:
            return not (continuation and not previous.text.endswith((".", "./.", ":", "?", "!")))
        if _is_labelled_upper_heading(previous) and not is_upper_line(line.text):
            return True  # "II. NHIỆM VỤ VÀ GIẢI PHÁP" / "" / "1 Đổi mới …" (OCR lost the dot): no wrap of the heading
        if continuation:
            return False
        if _opens_upper_heading(previous, line):
            return True  # the authority line under a wrapped trích yếu ("ỦY BAN NHÂN DÂN TỈNH …", "BỘ TRƯỞNG …")
        if _breaks_open_list(previous, line):
            return False
        if layout.hard_wrapped and sequences.margin is not None and line.indent > sequences.margin + _FIRST_LINE_INDENT:
            # a paragraph's indented first line after a blank line ("      Căn cứ Nghị định …" under a trích yếu
            # whose last line was full); a line carried over a page break starts at the margin
            return True
        # a sentence cut by a page break runs its line to the wrap width; an item's title ends without a stop on a
        # line its paragraph's next word would have fitted ("1. Tăng cường … của hệ thống" / "chính trị, nâng cao
        # … và Nhân dân" / "" / "Các cấp ủy …")
        return not _is_full(previous, layout) or _fits_after(previous, line.text.split(" ", 1)[0], layout, sequences)
    # consecutive lines
    if header_kind(previous.text) == "number" and header_kind(line.text) == "subject":
        return True  # the trích yếu under the số hiệu, even in lower case ("Số 12-CV/ĐU" / "về việc …")
    if opens_basis(line.text) and not previous.text.rstrip().endswith(","):
        return True  # "Căn cứ Luật …" under a trích yếu that filled its line: a legal basis is its own paragraph
    if continuation:
        return ends and previous.text.endswith((".", "./.", ":", "?", "!")) and not _is_full(previous, layout)
    if _CUT_AT_DASH.search(previous.text) and (previous.label is None or previous.text[previous.label.end:].strip(" -–")):
        # "… Sở Lao động -" / "Thương binh và Xã hội …": the line is cut inside a name, however short; not a heading's
        # label and the dash that sets its title apart ("Chương IV -" / "CÔNG TRÌNH ĐẶC THÙ", segment)
        return False
    if not layout.hard_wrapped:
        return True
    if _is_full(line, layout) and header_kind(previous.text) == "recipient" and \
            previous.text.partition(":")[2].strip():
        # "Kính gửi: Ủy ban nhân dân các tỉnh, …" on one line, then a full line in capitals: the letter's first
        # paragraph, not the addressee wrapped (that goes on in its narrow column)
        return True
    if _opens_upper_heading(previous, line):
        return True  # an upper-case heading line (a lone acronym such as "(ODA)." rather wraps)
    if ends:
        if not _is_full(previous, layout) or previous.text.endswith(":"):
            return True
        if sequences.margin is not None and line.indent > sequences.margin + _FIRST_LINE_INDENT:
            return True  # the next line is indented as a paragraph's first line, not carried over to the margin
        # a sentence ends at the end of a full line: a new paragraph when the next word would have fitted
        return _fits_after(previous, line.text.split(" ", 1)[0], layout, sequences)
    if _is_labelled_upper_heading(previous) and is_upper_line(line.text):
        return False  # an upper-case part heading wrapped over two lines ("II. NHIỆM VỤ, GIẢI PHÁP" / "TRỌNG TÂM")
    return not _is_full(previous, layout)


# a line ending with a dash after a word ("… Sở Lao động -" / "Thương binh và Xã hội", "kinh tế -" / "Xã hội") or a
# hyphen glued to a word or number ("Kết luận số 75-" / "KL/TW"): a compound, a name or a số hiệu cut at the line's
# end, which no paragraph ends with, however short its line (a centred title, a narrow column); a dash after a figure
# closes a page number ("- 2 -")
_CUT_AT_DASH = re.compile(r"(?:[^\W\d_] [-–]|\w-)$")


def _fits_after(previous: _Line, word: str, layout: _Layout, sequences: _Sequences) -> bool:
    """Would `word` have fitted at the end of the wrapped line `previous`? A paragraph's first line indented beyond
    the margin of wrapped lines had that much less room."""
    indent = max(0, previous.indent - sequences.margin) if sequences.margin is not None else 0
    return len(previous.text) + indent + 1 + len(word) < 0.95 * layout.width


def _is_labelled_upper_heading(line: _Line) -> bool:
    """A numbered heading in capitals ("II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU"): it may wrap over lines in capitals,
    never into a line in ordinary case."""
    return line.label is not None and line.label.kind not in bullet_kinds() and is_upper_line(line.text)


_FIRST_LINE_INDENT = 2  # blanks beyond the margin of wrapped lines that mark a paragraph's first line


def _breaks_open_list(previous: _Line, line: _Line) -> bool:
    """A paragraph ending with a comma, then a blank line and a capitalised line that opens no item: a list of names
    cut by a hard break in the PDF text ("… Hội Phụ nữ, Hội Cựu chiến binh," / "Đoàn Thanh niên … giúp đỡ …"), one
    paragraph even where each paragraph is one line (Markdown). A legal basis after a basis ("Căn cứ …," / "Căn cứ
    …") and lines in capitals (a signature block, "QUYẾT ĐỊNH:") stand apart; labels were decided before."""
    return previous.text.rstrip().endswith(",") and "heading" not in previous.markup \
        and not is_upper_line(previous.text) and not is_upper_line(line.text) and not opens_basis(line.text)


def _opens_upper_heading(previous: _Line, line: _Line) -> bool:
    """An upper-case line of two words or more after a line in ordinary case: a heading, not a wrap."""
    return is_upper_line(line.text) and not is_upper_line(previous.text) and line.text[:1].isalpha() \
        and len(_WORD.findall(line.text)) >= 2


# a line ending in a hyphen glued to a word or number ("… số 23/NQ-" / "CP", "2021-" / "2030", "KH-" / "UBND"):
# justified text breaks at hyphens, and Vietnamese never hyphenates a syllable across lines, so the token goes on
# with the next line; a dash standing alone ("… nông thôn -" / "…") is a dash, joined with a space
_HYPHEN_WRAP = re.compile(r"\w-$")


def _joined(group: list[_Line]) -> str:
    """The text of a paragraph's lines, joined with one space, or none after a hyphen wrap (`_HYPHEN_WRAP`)."""
    text = group[0].text
    for line in group[1:]:
        text += ("" if _HYPHEN_WRAP.search(text) and line.text[:1].isalnum() else " ") + line.text
    return text


def _block(group: list[_Line], source: SourceText) -> Block:
    first, last = group[0], group[-1]
    text = _joined(group)
    # the first line's hints describe the paragraph (a heading or bold item may wrap onto plain lines)
    markup = set(first.markup)
    markup |= {m for line in group for m in line.markup if m == "table"}
    if first.label is not None:
        markup.add(f"label:{first.label.kind}")
    pages = [page for line in group for page in (line.page, line.last_page) if page is not None]
    span = Span(line=first.number, end_line=last.last or last.number, start=first.start, end=last.end,
                page=pages[0] if pages else None, end_page=pages[-1] if pages else None)
    return Block(text=text, span=span, markup=frozenset(markup))
