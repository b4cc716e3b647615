"""The date of a document as printed after its number ("… số 12/QĐ-TTg ngày 21 tháng 5 năm 2026", "ngày 21/5/2026",
"ngày 21-05-2026"): extract reads it after a số hiệu, segment in the "(Kèm theo Quyết định số … ngày …)" note of an
attached document printed alone. The wording is rules/roles.yaml `citation.date`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from pydantic import BaseModel, field_validator

from .rules import load_rules


class _DateWording(BaseModel):
    date: str

    @field_validator("date")
    @classmethod
    def _has_its_groups(cls, pattern: str) -> str:
        if not {"day", "month", "year"} <= set(re.compile(pattern).groupindex):
            raise ValueError("the date pattern needs the groups day, month and year")
        return pattern


class _Citation(BaseModel):
    citation: _DateWording


@dataclass(frozen=True)
class PrintedDate:
    """A date found in a text: its ISO form (None when it names no day of the calendar, "ngày 31/02/2026") and
    where it stands."""

    iso: str | None
    start: int
    end: int


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    wording = load_rules("roles", _Citation).citation.date
    # right after a number, past a comma ("…/QĐ-TTg, ngày …"); anywhere else, as a word of its own
    return re.compile(rf"\s*,?\s*(?:{wording})", re.I), re.compile(rf"(?<!\w)(?:{wording})", re.I)


def read_date(text: str, pos: int = 0, *, anywhere: bool = False) -> PrintedDate | None:
    """The date printed at `pos` of `text` (spaces and a comma before it allowed), or with `anywhere` the first
    one from `pos` on; None when there is none."""
    at, inside = _patterns()
    match = inside.search(text, pos) if anywhere else at.match(text, pos)
    if match is None:
        return None
    day, month, year = (int(match.group(g)) for g in ("day", "month", "year"))
    try:
        iso = date(year, month, day).isoformat()
    except ValueError:
        iso = None
    return PrintedDate(iso, match.start(), match.end())
