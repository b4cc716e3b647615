"""Names a reader sees in every table, report, link reason and notice: task ids with their unnumbered parts named in
Vietnamese (read back from what a reviewer writes, pipeline.review), and the document carried out named for what it
is ("văn bản trung ương" or "văn bản gốc": the one decision that the link reasons of pipeline.linking and the
reports of pipeline.report both follow). Kept apart from pipeline/report/labels.py (which re-exports it) so that
the CLI's parse command and the linker can use them without loading the writers."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import lru_cache

from .agencies import lookup
from .extract import find_citations, role_rules
from .model import CLOSING, Document, Notice
from .vntext import new_tone_style

# Internal ids of tasks that have no printed number, as a reader names them in every table and report: a
# paragraph after a list's last item is "closing" (pipeline.model.CLOSING: "V.closing" inside V, a second one
# "closing~2"), printed "đoạn cuối" ("V.đoạn cuối", "đoạn cuối~2"). pipeline.review maps the names back to the ids.
TASK_NAMES = {CLOSING: "đoạn cuối"}


def task_label(text: str) -> str:
    """The id of a task as the tables print it: its printed path, the unnumbered parts named in Vietnamese; also
    every id inside a sentence (a link's reasons, a notice: "… với nhiệm vụ trung ương V.closing"). A part is
    replaced where it stands as a step of an id: after the start, a blank, '(' or '.', before the end, a blank,
    '.', '~' or a punctuation mark ("closing-report.txt", "enclosing" stay)."""
    for task_id_part, name in TASK_NAMES.items():
        text = re.sub(rf"(?<![^\s(.]){task_id_part}(?=$|[\s.~,;:)])", name, text)
    return text


def notice_text(notice: Notice) -> str:
    """A notice as printed to the reader: its place, then its message with the task ids in it named (task_label);
    the file name is left as it is."""
    return str(replace(notice, message=task_label(notice.message)))


def task_id_of(text: str) -> str:
    """Inverse of task_label, in any text (case-insensitive on the names): what a reviewer reads or writes back."""
    for task_id_part, name in TASK_NAMES.items():
        text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", task_id_part, text, flags=re.IGNORECASE)
    return text


# The document carried out, as the reader names it: "TW" / "văn bản trung ương" when its issuer is central or
# unknown (the corpus files it as central), LEADER_OTHER when a body below the centre issued it (a Tỉnh ủy resolution
# that the province's People's Committee carries out: calling it "trung ương" would misname it). "Văn bản gốc"
# pairs with "văn bản triển khai" ("văn bản được triển khai" would read almost as the implementing one).
LEADER_CENTRAL = "trung ương"
LEADER_OTHER = "văn bản gốc"


def leader(docs: list[Document]) -> str:
    """How the reports and the link reasons name the documents carried out: LEADER_CENTRAL unless every one is known
    to come from below the centre (LEADER_OTHER): by its issuer when the registry knows it, else by the issuer part
    of its số hiệu ("34-NQ/TU": TU is no central issuer of rules/roles.yaml citation.central_issuers). A document of
    which neither is known stays central, as the corpus files it."""
    return LEADER_OTHER if docs and all(_below_centre(doc) for doc in docs) else LEADER_CENTRAL


def _below_centre(doc: Document) -> bool:
    agency = lookup(doc.meta.issuer) if doc.meta.issuer else None
    if agency is not None:
        return agency.level != "central"
    citations = find_citations(f"số {doc.meta.number}") if doc.meta.number else []
    if not citations or not citations[0].issuer:
        return False
    central = set(role_rules().citation.central_issuers)
    issuer = citations[0].issuer
    return issuer not in central and issuer.split("-")[-1] not in central


def leader_document(leader: str) -> str:
    """The document carried out in a sentence: "văn bản trung ương" or "văn bản gốc"."""
    return "văn bản trung ương" if leader == LEADER_CENTRAL else LEADER_OTHER


def leader_task(leader: str, which: str = "") -> str:
    """One of its tasks in a sentence, `which` (a task id, "này") placed as Vietnamese places it: "nhiệm vụ trung
    ương", "nhiệm vụ trung ương V.1"; "nhiệm vụ của văn bản gốc", "nhiệm vụ V.1 của văn bản gốc"."""
    if leader == LEADER_CENTRAL:
        return " ".join(filter(None, ("nhiệm vụ trung ương", which)))
    return " ".join(filter(None, ("nhiệm vụ", which, f"của {LEADER_OTHER}")))


def pair_id(central_id: str, provincial_id: str) -> str:
    """The name of a pair's output folder and of its reviews file (corpus/reviews/<pair>.yaml)."""
    return f"{provincial_id}__{central_id}"


def capital(text: str) -> str:
    """`text` with its first letter in capitals, the rest as it is: a sentence that opens with a name below."""
    return text[:1].upper() + text[1:]


# Vietnamese dictionary order, for every list of names a reader scans (agency tables, filters): letters in the
# Vietnamese alphabet's order (f j w z, found in foreign names, where Latin puts them), then the tones in the order
# dictionaries list them (none, huyền, hỏi, ngã, sắc, nặng). Code-point order would put "Đ…", "Ủ…" after "Z".
_ALPHABET = {letter: rank for rank, letter in enumerate("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")}
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


@lru_cache(maxsize=4096)
def name_order(text: str) -> tuple:
    """Sort key of a name in Vietnamese order: letters first (a blank before any letter, digits before letters,
    other characters after them, by code point), then tones (read in the new style: "Uỷ" as "Ủy"), then case and the
    text itself (a total order)."""
    letters, tones = [], []
    for char in new_tone_style(text).lower():
        marks = unicodedata.normalize("NFD", char)
        tone = max((_TONE_RANK.get(m, 0) for m in marks), default=0)
        base = unicodedata.normalize("NFC", "".join(m for m in marks if m not in _TONE_RANK))
        if base in _ALPHABET:
            letters.append(20 + _ALPHABET[base])
        elif base.isdigit():
            letters.append(10 + int(base) if base.isascii() else 100 + ord(base))
        else:
            letters.append(0 if base.isspace() else 100 + ord(base))
        tones.append(tone)
    return tuple(letters), tuple(tones), text
