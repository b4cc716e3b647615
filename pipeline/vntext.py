"""Vietnamese text helpers shared by every stage: Unicode form, tone-mark style, folding.

Pure functions over strings; they know nothing about documents. The spellings unified for matching are data
(rules/spelling.yaml).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pydantic import BaseModel, field_validator

from .rules import load_rules

# Combining tone marks (NFD): grave, acute, hook above, tilde, dot below.
_TONES = "\u0300\u0301\u0309\u0303\u0323"
_LETTER = r"[^\W\d_]"
# Old-style placement puts the tone on the second vowel of open "oa", "oe", "uy" syllables
# ("hoà", "thuỷ", "Uỷ"); the style the gold and most current texts use puts it on the first
# ("hòa", "thủy", "Ủy"). "qu" + y keeps its tone on y ("quý"), so a preceding q is excluded. A second vowel that
# carries a mark of its own is another rhyme, whose tone never moves ("hoặc": o + ă, the dot below decomposing
# before the breve).
_VOWEL_MARKS = "\u0302\u0306\u031b"  # circumflex, breve, horn
_OLD_STYLE = re.compile(
    rf"(?<![qQ\w])((?:[oO][aAeE])|(?:[uU][yY]))([{_TONES}])(?!{_LETTER}|[{_VOWEL_MARKS}])"
    rf"|(?<=[^qQ\W\d_])((?:[oO][aAeE])|(?:[uU][yY]))([{_TONES}])(?!{_LETTER}|[{_VOWEL_MARKS}])"
)
# in NFC text an old-style syllable shows as o/u followed by a precomposed a/e/y with a tone and nothing else:
# most texts have none, and the decomposing pass is then skipped
_OLD_STYLE_NFC = re.compile("[oOuU][{}]".format("".join(
    unicodedata.normalize("NFC", vowel + tone) for vowel in "aeyAEY" for tone in _TONES)))
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_QUOTES = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"'}
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def nfc(text: str) -> str:
    """Unicode NFC, the form every stage works in."""
    return unicodedata.normalize("NFC", text)


def new_tone_style(text: str) -> str:
    """Move tone marks of open oa/oe/uy syllables to the first vowel: thuỷ -> thủy, hoà -> hòa."""
    if unicodedata.is_normalized("NFC", text) and not _OLD_STYLE_NFC.search(text):
        return text
    return _moved_tones(text)


def _moved_tones(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)

    def move(match: re.Match) -> str:
        pair = match.group(1) or match.group(3)
        tone = match.group(2) or match.group(4)
        return pair[0] + tone + pair[1]

    return unicodedata.normalize("NFC", _OLD_STYLE.sub(move, decomposed))


def unify_punctuation(text: str) -> str:
    """One form for dashes, quotes and spaces (display text keeps the original)."""
    text = _DASHES.sub("-", text)
    for old, new in _QUOTES.items():
        text = text.replace(old, new)
    return _SPACES.sub(" ", text)


class SameWord(BaseModel):
    """One word printed in more than one standard spelling (rules/spelling.yaml `same_word`)."""

    forms: list[str]
    why: str = ""

    @field_validator("forms")
    @classmethod
    def _same_length(cls, forms: list[str]) -> list[str]:
        forms = [nfc(form) for form in forms]
        if len(forms) < 2 or len(set(forms)) != len(forms):
            raise ValueError("give at least two different spellings")
        for form in forms:
            if form != form.lower() or " ".join(form.split()) != form:
                raise ValueError(f"{form!r}: lower case, single spaces")
            if len(form) != len(forms[0]):
                raise ValueError(f"{form!r} is not as long as {forms[0]!r} (positions in a matching form must hold)")
        return forms


class SpellingRules(BaseModel):
    same_word: list[SameWord] = []


@lru_cache(maxsize=1)
def _spellings() -> tuple[re.Pattern | None, dict[str, str], tuple[str, ...]]:
    """(pattern of every other spelling, spelling -> the one matching uses, the first words to look for)."""
    unified = {form: entry.forms[0] for entry in load_rules("spelling", SpellingRules).same_word
               for form in entry.forms[1:]}
    if not unified:
        return None, {}, ()
    words = "|".join(re.escape(form) for form in sorted(unified, key=len, reverse=True))
    # a number after it makes the first syllable the end of another word: "ngân hàng năm 2024" (the bank in 2024)
    pattern = re.compile(rf"(?<!\w)(?:{words})(?!\w)(?! ?\d)", re.IGNORECASE)
    return pattern, unified, tuple({form.split()[0] for form in unified})


def unify_spelling(text: str) -> str:
    """The spellings of one word made one (rules/spelling.yaml: "hàng năm" -> "hằng năm"), each letter keeping its
    case; the same length as `text`, so positions in it hold in `text`."""
    pattern, unified, firsts = _spellings()
    lower = text.lower()
    if pattern is None or not any(first in lower for first in firsts):
        return text

    def one(match: re.Match) -> str:
        found = match.group(0)
        return "".join(c.upper() if o.isupper() else c for c, o in zip(unified[found.lower()], found, strict=True))

    return pattern.sub(one, text)


def cased_form(text: str) -> str:
    """match_form with the case of its letters kept (for cues that tell "Giao" from "giao"); its lower case is
    match_form."""
    return unify_spelling(" ".join(unify_punctuation(new_tone_style(nfc(text))).split()))


@lru_cache(maxsize=16384)
def match_form(text: str) -> str:
    """The form used for matching: NFC, new tone style, unified punctuation and spellings, lower case, single
    spaces. Cached: linking one central document against many plans asks for the same central names and texts
    again and again."""
    return cased_form(text).lower()


# the combining marks Vietnamese letters decompose into (NFD): one regex drops them; testing each character's
# category in Python made folding the slowest step of normalize on long texts. Other marks are rare: only the
# few characters left outside ASCII are tested one by one
_COMBINING = re.compile("[\u0300-\u036f]+")
_NON_ASCII = re.compile("[^\x00-\x7f]")


def strip_diacritics(text: str) -> str:
    """The text without its combining marks, "đ" as "d": one character for one on NFC Vietnamese text (not on every
    text: a mark that composes with nothing is dropped, a Hangul syllable splits into its letters; see fold_aligned)."""
    plain = _COMBINING.sub("", unicodedata.normalize("NFD", text))
    if any(unicodedata.category(c) == "Mn" for c in _NON_ASCII.findall(plain)):
        plain = "".join(c for c in plain if unicodedata.category(c) != "Mn")
    return plain.replace("đ", "d").replace("Đ", "D")


def fold(text: str) -> str:
    """Lower-case, diacritic-free, punctuation-free, single-spaced form (the referee's comparison form)."""
    text = strip_diacritics(text or "").lower()
    text = re.sub(r"[^0-9a-z]+", " ", text)
    return " ".join(text.split())


def type_within(genus: str, species: str, either: bool = False) -> bool:
    """Two document types, folded: the same, or `genus` the first words of `species` ("Chương trình" of
    "Chương trình hành động": a citation may name a document by its genus); with `either`, in either direction."""
    genus, species = fold(genus), fold(species)
    return (species == genus or species.startswith(genus + " ")
            or either and genus.startswith(species + " "))


class _AlignedLetters(dict):
    """str.translate table of fold_aligned: each character's folded letter or digit, else a space (filled on first
    use: a text holds few distinct characters)."""

    def __missing__(self, code: int) -> str:
        letters = re.sub(r"[^0-9a-z]", "", strip_diacritics(chr(code)).lower())
        self[code] = letter = letters if len(letters) == 1 else " "
        return letter


_ALIGNED = _AlignedLetters()


def fold_aligned(text: str) -> str:
    """fold() with one character for each character of `text`, so that a match in it stands at the same positions
    in `text`: punctuation becomes a space and runs of spaces stay (a mark that composes with nothing, never in NFC
    Vietnamese text, becomes a space too, where fold() drops it)."""
    return text.translate(_ALIGNED)


def decimal_comma(x: float) -> str:
    """A figure as a Vietnamese reader writes it, two decimals and the decimal comma: 0.52 -> "0,52"."""
    return f"{x:.2f}".replace(".", ",")
