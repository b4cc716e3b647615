"""Character-level repairs of extracted text: wrong glyph code points, look-alike letters, OCR specks read as full
stops between two lower-case words, legacy 8-bit
Vietnamese encodings (TCVN3 "ABC", VNI, Windows-1258), UTF-8 read as Windows-1252, and text layers whose characters
are shifted by a constant (subset fonts without a Unicode map).

Every repair is judged with the same yardstick: the share of words that are valid Vietnamese syllables
(structure onset + medial + nucleus + coda + tone, data in rules/syllables.yaml). The tables live in
rules/encodings.yaml. Functions here are pure: they return the repaired text and a description of what
they did; the readers turn the descriptions into Notices.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, Field, PositiveInt, model_validator

from ..rules import load_rules
from ..vntext import new_tone_style, nfc

# --------------------------------------------------------------------------- rule models


class GlyphRepair(BaseModel):
    from_: str = Field(alias="from")
    to: str
    why: str = ""
    notice: str = ""

    @model_validator(mode="after")
    def _told_in_vietnamese(self) -> GlyphRepair:
        # a repair the reader is told of (a visible letter) says why in words a legal officer reads: no code points,
        # and no parenthesis (the notice is printed inside one)
        if self.to and (not self.notice.strip() or re.search(r"U\+[0-9A-Fa-f]{4}|[()]", self.notice)):
            raise ValueError(f"glyph_repairs: '{self.from_}' -> '{self.to}' needs a `notice` in plain Vietnamese "
                             "(no code points: they belong in `why`; no parentheses)")
        return self


class OcrConfusion(BaseModel):
    read: str = Field(pattern=r"^[a-z0-9]$")
    meant: str = Field(pattern=r"^[a-z0-9]$")
    why: str = ""


class ToneSlip(BaseModel):
    read: str
    meant: str
    name_end: bool = False
    why: str = ""

    @model_validator(mode="after")
    def _same_shape(self) -> ToneSlip:
        # positions in the repaired text must hold in the text read (spans), and the case of each letter carries over
        if len(nfc(self.read)) != len(nfc(self.meant)) or self.read != self.read.lower() \
                or self.meant != self.meant.lower():
            raise ValueError(f"ocr_tone_slips: '{self.read}' and '{self.meant}' must be lower case, of one length")
        return self


class EncodingRules(BaseModel):
    glyph_repairs: list[GlyphRepair]
    homoglyphs: dict[str, str]
    homoglyph_max_share: float
    tcvn3: dict[str, str]
    tcvn3_signature: str
    vni_letters: dict[str, str]
    vni_marks: dict[str, list[str]]
    vni_mark_bases: dict[str, str]
    legacy_fonts: dict[str, str]
    min_valid_share: float
    min_checked_words: PositiveInt
    min_gain: float
    ocr_letter_confusions: list[OcrConfusion] = []
    ocr_name_min_letters: PositiveInt = 10
    ocr_tone_slips: list[ToneSlip] = []


class SyllableRules(BaseModel):
    onsets: list[str]
    medials: list[str]
    nuclei: list[str]
    codas: list[str]
    stop_codas: list[str]
    letters: str
    garbage_share: float
    min_words: int


def encoding_rules() -> EncodingRules:
    return load_rules("encodings", EncodingRules)


def syllable_rules() -> SyllableRules:
    return load_rules("syllables", SyllableRules)


# --------------------------------------------------------------------------- syllables

_TONE_MARKS = {"\u0300": "grave", "\u0301": "acute", "\u0309": "hook", "\u0303": "tilde", "\u0323": "dot"}
_MARK_CODES = {"grave": "\u0300", "acute": "\u0301", "hook": "\u0309", "tilde": "\u0303", "dot": "\u0323",
               "circumflex": "\u0302", "breve": "\u0306", "horn": "\u031b"}


def _alternation(items: list[str]) -> str:
    return "|".join(re.escape(i) for i in sorted(items, key=len, reverse=True))


@lru_cache(maxsize=1)
def _syllable_pattern() -> re.Pattern:
    rules = syllable_rules()
    return re.compile(
        f"(?:{_alternation(rules.onsets)})?(?:{_alternation(rules.medials)})?"
        f"(?:{_alternation(rules.nuclei)})(?P<coda>{_alternation(rules.codas)})?"
    )


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """True when `word` is a well-formed Vietnamese syllable (any case, at most one tone mark)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in decomposed if c in _TONE_MARKS]
    if len(tones) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    match = _syllable_pattern().fullmatch(bare)
    if not match:
        return False
    if tones and match.group("coda") in syllable_rules().stop_codas:
        return _TONE_MARKS[tones[0]] in {"acute", "dot"}
    return True


def is_word(word: str) -> bool:
    """is_syllable, and a syllable closed by a stop (c, ch, p, t) carries the acute or the dot-below tone: a
    toneless "ot" or "gac" is no Vietnamese word (OCR debris of a stamp or a page edge)."""
    if not is_syllable(word):
        return False
    decomposed = unicodedata.normalize("NFD", word.lower())
    if any(c in _TONE_MARKS for c in decomposed):
        return True
    bare = unicodedata.normalize("NFC", decomposed)
    match = _syllable_pattern().fullmatch(bare)
    return match is None or match.group("coda") not in syllable_rules().stop_codas


# OCR debris: the marks a stamp, a fold or a page edge leave as a "token" ("._", "`", "„", "gaa!", "ot"); quotes
# and brackets are kept (they open quotations and labels)
_DEBRIS_MARKS = ".,:;`_~^¬„|!?*"
_DEBRIS_MAX_LETTERS = 3


def is_debris(token: str) -> bool:
    """A token that is OCR debris, no word: marks only, or at most three letters (with marks) that make no
    Vietnamese word; numbers, acronyms ("UB"), labels' letters with their mark ("a)") and words are not."""
    if not token or any(c.isdigit() or c in "()[]\"“”‘’'-–—+/" for c in token):
        return False
    letters = token.strip(_DEBRIS_MARKS)
    if not letters:
        return all(c in _DEBRIS_MARKS for c in token)
    if len(letters) > _DEBRIS_MAX_LETTERS or not letters.isalpha() or (len(letters) > 1 and letters.isupper()):
        return False
    if len(letters) == 1 and (token != letters or letters.isupper()):
        return False  # "a." "b:" are labels, "B" an initial
    return not is_word(letters)


def leading_debris(text: str) -> int:
    """Length of the OCR debris tokens (is_debris) that open `text`, with the blanks after them; 0 when none.
    The last token is never debris: the caller judges what follows (a label, a capitalised word)."""
    end = 0
    for match in _TOKEN.finditer(text):
        if not is_debris(match.group()) or not text[match.end():].strip():
            break
        end = len(text) - len(text[match.end():].lstrip())
    return end


def without_edge_debris(text: str) -> str:
    """`text` without OCR debris tokens (is_debris) at its start when a capitalised word follows ("ot Két quả
    …" -> "Két quả …"), and at its end after the end of a sentence ("… thực hiện. gaa!" -> "… thực hiện."): the
    text a reader sees, for decisions such as "does this paragraph go on the one above" or "is this the closing
    formula"."""
    cut = leading_debris(text)
    if cut and text[cut:cut + 1].isupper():
        text = text[cut:]
    tokens = text.split(" ")
    while len(tokens) > 1 and is_debris(tokens[-1]) and tokens[-2][-1:] in ".;!?…":
        tokens.pop()
    return " ".join(tokens)


_TOKEN = re.compile(r"\S+")
_EDGE_PUNCT = "\"'“”‘’()[]{}.,;:!?…-–—/*«»<>"


def unglue_words(text: str) -> str:
    """Words that OCR glued together, set apart again where one split, and only one, gives two well-formed
    syllables ("THỦ TƯỚNG CHÍNHPHỦ" -> "THỦ TƯỚNG CHÍNH PHỦ"); acronyms ("UBND") and real syllables are kept.
    The letters of one word printed apart in capitals (a letter-spaced heading: "ỦY B AN NHÂN D Â N") are joined
    first (`_reglue_letters`)."""
    words = []
    for word in _reglue_letters(text.split(" ")):
        if len(word) >= 4 and word.isalpha() and not is_syllable(word):
            splits = [k for k in range(2, len(word) - 1) if is_syllable(word[:k]) and is_syllable(word[k:])]
            if len(splits) == 1:
                word = f"{word[:splits[0]]} {word[splits[0]:]}"
        words.append(word)
    return " ".join(words)


# the most fragments of a letter-spaced capital word joined into one syllable (_reglue_letters): "D Â N", "C H Í"
_REGLUED_FRAGMENTS = 4


def _reglue_letters(words: list[str]) -> list[str]:
    """Capital fragments of letter-spaced words joined back: a fragment that is no syllable ("B", "D", "C H") is
    joined to up to `_REGLUED_FRAGMENTS` - 1 fragments after it into one syllable ("B AN" -> "BAN", "D Â N" ->
    "DÂN"), choosing the joins that leave the fewest pieces that are no syllable, then the fewest pieces ("C H Í M I
    NH" -> "CHÍ MINH", not "CHÍM I NH"); an acronym ("UBND TỈNH") makes no syllable with what follows and stays."""
    def capital(word: str) -> bool:
        return word.isalpha() and word.isupper()

    # best[at] = (pieces that are no syllable, pieces, fragments the first piece takes) for words[at:]
    best: list[tuple[int, int, int]] = [(0, 0, 0)] * (len(words) + 1)
    for at in range(len(words) - 1, -1, -1):
        stray = int(capital(words[at]) and not is_syllable(words[at]))
        options = [(stray + best[at + 1][0], 1 + best[at + 1][1], 1)]
        for size in range(2, _REGLUED_FRAGMENTS + 1):
            if not stray or at + size > len(words) or not capital(words[at + size - 1]):
                break
            if is_syllable("".join(words[at:at + size])):
                options.append((best[at + size][0], 1 + best[at + size][1], size))
        best[at] = min(options)
    joined, at = [], 0
    while at < len(words):
        size = best[at][2]
        joined.append("".join(words[at:at + size]))
        at += size
    return joined


def candidate_words(text: str) -> list[str]:
    """Words the syllable test judges: tokens holding a letter, without edge punctuation; ASCII
    tokens with digits (numbers, document codes) and ASCII capital acronyms (UBND, VLNCN) are skipped."""
    words = []
    for token in text.split():
        word = token.strip(_EDGE_PUNCT)
        if not word:
            continue
        if word.isalpha():  # the common case, decided without looking at single characters
            if len(word) > 1 and word.isupper() and (word.isascii() or _ACRONYM.fullmatch(word)):
                continue  # acronyms: UBND, HĐND
            words.append(word)
            continue
        if not _HAS_LETTER.search(word):
            continue
        if word.isascii():
            if _HAS_DIGIT.search(word) or all(c.isalnum() or c in "-/." for c in word):
                continue  # numbers, codes ("23/NQ-CP"), "V/v", "e-mail"
        elif len(word) > 1 and word.isupper() and _ACRONYM.fullmatch(word):
            continue
        words.append(word)
    return words


_HAS_LETTER = re.compile(r"[^\W\d_]")
_HAS_DIGIT = re.compile(r"\d")
_ACRONYM = re.compile(r"[A-ZĐÐ\-/.]+")


def valid_share(text: str, words: list[str] | None = None) -> tuple[float, int]:
    """(share of candidate words that are valid syllables, number of candidate words); `words` when the
    caller already has candidate_words(text)."""
    words = candidate_words(text) if words is None else words
    if not words:
        return 1.0, 0
    valid = sum(1 for w in words if is_syllable(w))
    return valid / len(words), len(words)


def may_be_legacy(share: float, count: int) -> bool:
    """Does a Unicode text whose candidate words are `count`, `share` of them valid syllables (valid_share), call
    for a legacy-encoding check (rules/encodings.yaml `min_checked_words`, `min_valid_share`)?"""
    rules = encoding_rules()
    return count >= rules.min_checked_words and share < rules.min_valid_share


def looks_garbled(text: str, words: list[str] | None = None) -> bool:
    rules = syllable_rules()
    share, count = valid_share(text, words)
    return count >= rules.min_words and share < rules.garbage_share


def suspicious_words(text: str, limit: int = 8, words: list[str] | None = None) -> list[str]:
    """Words carrying Vietnamese diacritics that are still not valid syllables (glued words, bad glyphs)."""
    found: list[str] = []
    for word in candidate_words(text) if words is None else words:
        if word.isascii() or len(word) < 2 or is_syllable(word):
            continue
        if word[0].isupper() and word[1:].islower():
            continue  # proper names of minority origin ("Đăk", "Krông") are not Vietnamese syllables
        if not all(c.isalpha() for c in word):
            continue
        if word not in found:
            found.append(word)
        if len(found) >= limit:
            break
    return found


# --------------------------------------------------------------------------- repairs


@dataclass
class Repair:
    """One kind of repair applied to a text: what, how many times, examples."""

    code: str
    message: str
    count: int = 0


def repair_glyphs(text: str) -> tuple[str, list[Repair]]:
    """Wrong code points (Ƣ -> Ư …), look-alike Cyrillic/Greek letters, stray full stops and OCR tone slips inside
    Vietnamese text."""
    rules = encoding_rules()
    repairs: list[Repair] = []
    for entry in rules.glyph_repairs:
        count = text.count(entry.from_)
        if count:
            text = text.replace(entry.from_, entry.to)
            if entry.to:  # invisible characters are removed silently
                repairs.append(Repair("glyph", f"'{entry.from_}' thay bằng '{entry.to}' ({entry.notice})", count))
    text, homoglyph_count = _repair_homoglyphs(text, rules)
    if homoglyph_count:
        repairs.append(Repair("homoglyph", "chữ Kirin/Hy Lạp trông giống chữ Latinh đã thay bằng chữ Latinh",
                              homoglyph_count))
    text, stray_count = _repair_stray_periods(text)
    if stray_count:
        repairs.append(Repair("ocr_period", "đã bỏ dấu chấm lạc giữa câu (giữa hai từ viết thường, trên một dòng "
                                            "hoặc qua chỗ xuống dòng)",
                              stray_count))
    lowered = nfc(text).lower()  # one lower-cased copy to look the misreadings up in (a long PDF is megabytes)
    for slip in (style for entry in rules.ocr_tone_slips for style in _in_both_tone_styles(entry)):
        if not all(word in lowered for word in nfc(slip.read).split(" ")):  # its words may be parted by a line end
            continue
        text, count = _repair_tone_slip(text, slip)
        if count:
            repairs.append(Repair("ocr_tone", f"'{slip.read}' đọc lại thành '{slip.meant}' (dấu thanh bị đọc sai khi "
                                               "nhận dạng chữ từ bản quét)", count))
    return text, repairs


# a full stop between two lower-case words on one line: "các bộ quản lý. chuyên ngành", "tài sản kết cấu hạ. tầng"
# (OCR reads a speck as a full stop); Vietnamese sentences open with a capital; a word after a dot ("v.v. và")
# or opening its line (a label "a. …", "ii. …") are none
_STRAY_PERIOD = re.compile(r"(?<=\S[ \t])(\w{2,})\.([ \t]+)(?=(\w+))")
# the same speck at a line's end, the sentence going on in lower case on the next line ("các bộ quản lý." /
# "chuyên ngành"); a next line opening with a label ("a. …", "b) …", "ii. …") starts an item, not that sentence
_STRAY_PERIOD_AT_END = re.compile(r"(?<=\S[ \t])(\w{2,})\.([ \t]*)(?=\n[ \t]*(\w+)(?![\w.)]))")


def _repair_stray_periods(text: str) -> tuple[str, int]:
    """Full stops between two lower-case Vietnamese syllables, on one line or across a line end, made spaces
    (positions hold)."""
    count = 0

    def fix(match: re.Match) -> str:
        nonlocal count
        before, after = match.group(1), match.group(3)
        if not (before.islower() and after.islower() and is_word(before) and is_word(after)):
            return match.group(0)
        count += 1
        return before + " " + match.group(2)

    text = _STRAY_PERIOD.sub(fix, text)
    return _STRAY_PERIOD_AT_END.sub(fix, text), count


def _name_may_end(text: str, end: int) -> bool:
    """Is `end` where a name may end: before a non-letter (punctuation, "/", a line end) or a capitalised word?"""
    rest = text[end:].lstrip()
    return not rest or not rest[0].isalnum() or rest[0].isupper()


# a tone on the first vowel of an open oa/oe/uy syllable (NFD), which the older style places on the second ("ủy" ->
# "uỷ", "hòa" -> "hoà"): the inverse of vntext.new_tone_style ("qu" + y keeps its tone on y; a second vowel with a
# mark of its own is another rhyme)
_TONE_CODES = "".join(_TONE_MARKS)
_NEW_STYLE = re.compile(rf"(?<![qQ\d_])([oO][{_TONE_CODES}](?=[aAeE])|[uU][{_TONE_CODES}](?=[yY]))(\w)"
                        r"(?![^\W\d_]|[\u0302\u0306\u031b])")


def _in_both_tone_styles(slip: ToneSlip) -> list[ToneSlip]:
    """`slip` as listed, then in the other placement of the tone of an open oa/oe/uy syllable ("đảng úy" and "đảng
    uý"), when its `read` holds one: the text is repaired as printed, before any stage reads it in one style."""
    read = nfc(slip.read)
    styled = new_tone_style(read)
    if styled != read:  # listed in the older style
        return [slip, slip.model_copy(update={"read": styled, "meant": new_tone_style(nfc(slip.meant))})]
    older = _old_tone_style(read)
    if older == read:
        return [slip]
    return [slip, slip.model_copy(update={"read": older, "meant": _old_tone_style(nfc(slip.meant))})]


def _old_tone_style(text: str) -> str:
    return nfc(_NEW_STYLE.sub(lambda m: m.group(1)[0] + m.group(2) + m.group(1)[1], unicodedata.normalize("NFD", text)))


def _repair_tone_slip(text: str, slip: ToneSlip) -> tuple[str, int]:
    """Every whole-word `slip.read` printed in lower case, capitalised or in capitals, made `slip.meant` letter by
    letter (same length); with `name_end`, only where a name may end (see rules/encodings.yaml)."""
    read, meant = nfc(slip.read), nfc(slip.meant)
    # the words of a phrase may be parted by a line end as well as a space (a wrapped line); the break stays
    pattern = re.compile(r"(?<!\w)" + r"\s".join(map(re.escape, read.split(" "))) + r"(?!\w)", re.IGNORECASE)
    count = 0

    def fix(match: re.Match) -> str:
        nonlocal count
        found = match.group(0)
        spaced = re.sub(r"\s", " ", found)
        if spaced not in (read, read[:1].upper() + read[1:], read.upper()):
            return found  # mixed case ("thành Phó …"): two words that meet, not one misread
        if slip.name_end and not _name_may_end(match.string, match.end()):
            return found
        count += 1
        return "".join(o if o.isspace() else c.upper() if o.isupper() else c
                       for c, o in zip(meant, found, strict=True))

    return pattern.sub(fix, text), count


_FOREIGN = re.compile("[\u0370-\u03ff\u0400-\u04ff]")


def _is_foreign_letter(c: str) -> bool:
    return "\u0370" <= c <= "\u03ff" or "\u0400" <= c <= "\u04ff"


def _repair_homoglyphs(text: str, rules: EncodingRules) -> tuple[str, int]:
    table = rules.homoglyphs
    foreign = len(_FOREIGN.findall(text))
    if not foreign:
        return text, 0
    letters = len(_HAS_LETTER.findall(text))
    mostly_latin = not letters or foreign / letters <= rules.homoglyph_max_share
    count = 0

    def fix(match: re.Match) -> str:
        nonlocal count
        token = match.group(0)
        if not any(c in table for c in token):
            return token
        if any(_is_foreign_letter(c) and c not in table for c in token):
            return token  # a real Cyrillic/Greek word
        mixed = any(c.isascii() and c.isalnum() for c in token)
        if not (mixed or mostly_latin):
            return token
        count += sum(1 for c in token if c in table)
        return "".join(table.get(c, c) for c in token)

    return _TOKEN.sub(fix, text), count


def decode_tcvn3(text: str) -> str:
    """TCVN3 (ABC) text, read as Latin-1 characters, to Unicode. The capitals-only fonts (.VnTimeH) use
    the lower-case codes, so a word is upper-cased when its ASCII letters are capitals (two or more, or
    one in a line written in capitals)."""
    table = encoding_rules().tcvn3
    lines = []
    for line in text.split("\n"):
        ascii_letters = [c for c in line if c.isascii() and c.isalpha()]
        caps_line = bool(ascii_letters) and sum(c.isupper() for c in ascii_letters) >= 0.8 * len(ascii_letters)

        def word(match: re.Match, caps_line: bool = caps_line) -> str:
            token = match.group(0)
            converted = "".join(table.get(c, c) for c in token)
            letters = [c for c in token if c.isascii() and c.isalpha()]
            if letters and all(c.isupper() for c in letters) and (len(letters) >= 2 or caps_line):
                converted = converted.upper()
            return converted

        lines.append(_TOKEN.sub(word, line))
    return unicodedata.normalize("NFC", "\n".join(lines))


def decode_vni(text: str) -> str:
    """VNI-Windows text (read as Latin-1 characters) to Unicode."""
    rules = encoding_rules()
    tone_bases = rules.vni_mark_bases["tone"]
    out: list[str] = []
    previous_base = ""
    for char in text:
        marks = rules.vni_marks.get(char)
        if marks and previous_base:
            diacritics = [m for m in marks if m in ("circumflex", "breve")]
            allowed = rules.vni_mark_bases[diacritics[0]] if diacritics else tone_bases
            if previous_base not in allowed:
                marks = None
        if marks and previous_base:
            out.append("".join(_MARK_CODES[m] for m in marks))
            previous_base = ""  # one group of marks per vowel
            continue
        if char in rules.vni_letters:
            char = rules.vni_letters[char]
        out.append(char)
        previous_base = char if char in tone_bases else ""
    return unicodedata.normalize("NFC", "".join(out))


def fix_mojibake(text: str) -> str | None:
    """UTF-8 bytes that were decoded as Windows-1252 or Latin-1 ("Cá»™ng") back to text, or None."""
    data = bytearray()
    for char in text:
        try:
            data += char.encode("cp1252")
        except UnicodeEncodeError:
            if ord(char) > 0xFF:
                return None
            data.append(ord(char))  # bytes undefined in Windows-1252 pass through as Latin-1
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def decode_windows_1258(text: str) -> str | None:
    """Windows-1258 text (read as Latin-1 characters) to Unicode, or None when it is not: the code page
    writes ă, â, ê, ô, ơ, ư, đ as letters and the five tones as combining marks after the vowel, so its text
    holds tone marks once decoded."""
    try:
        decoded = text.encode("latin-1").decode("cp1258")
    except UnicodeError:
        return None
    if not any(mark in decoded for mark in _TONE_MARKS):
        return None
    return unicodedata.normalize("NFC", decoded)


def detect_legacy(text: str, hint: str | None = None) -> tuple[str, str] | None:
    """If `text` reads much better as TCVN3, VNI, Windows-1258 or UTF-8 mojibake, return (encoding name,
    converted text).

    `hint` (tcvn3 | vni) comes from font names; it is tried first but still has to pass the yardstick."""
    rules = encoding_rules()
    before, count = valid_share(text)
    if count == 0:
        return None
    candidates: list[tuple[str, str]] = []
    order = ["tcvn3", "vni", "windows-1258", "utf-8 read as Windows-1252"]
    if hint in order:
        order.remove(hint)
        order.insert(0, hint)
    for name in order:
        if name == "tcvn3":
            if not any(c in rules.tcvn3_signature for c in text):
                continue
            converted = decode_tcvn3(text)
        elif name == "vni":
            if not any(c in rules.vni_marks or c in rules.vni_letters for c in text):
                continue
            converted = decode_vni(text)
        elif name == "windows-1258":
            converted = decode_windows_1258(text)
            if converted is None:
                continue
        else:
            converted = fix_mojibake(text)
            if converted is None:
                continue
        candidates.append((name, converted))
    best: tuple[float, str, str] | None = None
    for name, converted in candidates:
        after, _ = valid_share(converted)
        good = after >= rules.min_valid_share and after >= before + rules.min_gain
        if good and (best is None or after > best[0]):
            best = (after, name, converted)
    return (best[1], best[2]) if best else None


# --------------------------------------------------------------------------- shifted text layers


@dataclass
class ShiftVerdict:
    """Outcome of the constant-shift analysis of a garbled text."""

    shift: int | None  # the constant that explains the garbage, if one does
    share_before: float
    share_after: float
    text: str  # repaired text (unchanged when no shift explains it)


_COMMON_LETTERS = "nhctgiaoumđ"


def _shift_token(token: str, shift: int) -> str:
    out = []
    for c in token:
        code = ord(c) + shift
        out.append(chr(code) if 0x20 <= code < 0x110000 else c)
    return "".join(out)


def repair_shift(text: str) -> ShiftVerdict:
    """Find one constant k such that shifting every code point of the invalid words by k turns them into
    valid syllables, and apply it to exactly those words. `shift` is None when no constant explains the
    garbage (then the caller refuses the text layer)."""
    rules = encoding_rules()
    before, _ = valid_share(text)
    invalid = [w for w in candidate_words(text) if not is_syllable(w)]
    if not invalid:
        return ShiftVerdict(None, before, before, text)
    votes: Counter[int] = Counter()
    for word in invalid[:400]:
        for c in word:
            for letter in _COMMON_LETTERS:
                votes[ord(letter) - ord(c)] += 1
                votes[ord(letter.upper()) - ord(c)] += 1
    sample = invalid[:300]
    best_shift, best_fixed = None, 0
    for shift, _ in votes.most_common(40):
        if shift == 0:
            continue
        fixed = sum(1 for w in sample if is_syllable(_shift_token(w, shift)))
        if fixed > best_fixed:
            best_shift, best_fixed = shift, fixed
    if best_shift is None or best_fixed < max(3, len(sample) // 4):
        return ShiftVerdict(None, before, before, text)

    garbage_share = syllable_rules().garbage_share

    def fix_line(line: str) -> str:
        line_share, words = valid_share(line)
        garbled_line = words > 0 and line_share < garbage_share

        def fix(match: re.Match) -> str:
            token = match.group(0)
            shifted = _shift_token(token, best_shift)
            core = shifted.strip(_EDGE_PUNCT)
            if not core or not is_syllable(core):
                return token
            if garbled_line or not is_syllable(token.strip(_EDGE_PUNCT)):
                return shifted
            return token

        return _TOKEN.sub(fix, line)

    repaired = "\n".join(fix_line(line) for line in text.split("\n"))
    after, _ = valid_share(repaired)
    if after < rules.min_valid_share:
        return ShiftVerdict(None, before, after, text)
    return ShiftVerdict(best_shift, before, after, repaired)
