"""Task ids as a reader sees them: the unnumbered parts of an id named in Vietnamese, in every table, report,
reason and notice, and read back from what a reviewer writes (pipeline.review). Kept apart from
pipeline/report/labels.py (which re-exports it) so that the CLI's parse command can print them without loading
the writers."""
from __future__ import annotations

import re
from dataclasses import replace

from .model import Notice

# Internal ids of tasks that have no printed number, as a reader names them in every table and report: a
# paragraph after a list's last item is "closing" ("V.closing" inside V, a second one "closing~2"), printed
# "đoạn cuối" ("V.đoạn cuối", "đoạn cuối~2"). pipeline.review maps the names back to the ids.
CLOSING = "closing"
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
