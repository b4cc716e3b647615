"""Documents built straight from the gold files, for testing later stages (extract inputs aside,
link, graph, report) independently of the segmenter: a "perfect parse" of the seed pair.

Each task's text runs from its gold line to the line before the next gold item (task or section),
blank-line and markdown artefacts removed. Agencies come from the gold as printed.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from pipeline.model import Document, Mention, Section, Span, Task

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "corpus" / "gold"
SOURCES = {
    "nq23.tasks.yaml": ROOT / "corpus" / "central" / "nq-23-NQ-CP-2022.md",
    "kontum.tasks.yaml": ROOT / "corpus" / "provincial" / "kontum-implementing-nq23.txt",
}
_LABEL = re.compile(r"^\s*(?:[-+]\s+|[0-9IVX]+(?:\.\d+)*\.\s+|[a-zđ]\)\s+)")


def _clean(lines: list[str]) -> str:
    text = " ".join(line.replace("**", "").lstrip("#").strip() for line in lines if line.strip())
    text = text.split("Nơi nhận")[0]
    return " ".join(_LABEL.sub("", text, count=1).split())


def gold_document(tasks_file: str) -> Document:
    data = yaml.safe_load((GOLD / tasks_file).read_text(encoding="utf-8"))
    lines = SOURCES[tasks_file].read_text(encoding="utf-8").split("\n")
    meta = data["document"]
    starts = sorted({t["line"] for t in data["tasks"]} | {s["line"] for s in data["sections"]})
    doc = Document(id=meta["id"], path=str(SOURCES[tasks_file]), role=meta["role"], kind="txt")
    for s in data["sections"]:
        parent = s["id"].rsplit(".", 1)[0] if "." in s["id"] else None
        doc.sections.append(Section(id=s["id"], label=s.get("printed_label", ""), kind="section",
                                    title=s["title"], span=Span(s["line"], s["line"], 0, 0), parent=parent))
    for t in data["tasks"]:
        later = [n for n in starts if n > t["line"]]
        end = (later[0] - 1) if later else min(len(lines), t["line"] + 3)
        parent = t["id"].rsplit(".", 1)[0] if "." in t["id"] else None
        doc.tasks.append(Task(
            doc=doc.id, id=t["id"], label=t.get("printed_label", ""), text=_clean(lines[t["line"] - 1:end]),
            span=Span(t["line"], end, 0, 0), parent=parent,
            leads=[Mention(text=a) for a in t.get("leads") or []],
            coordinators=[Mention(text=a) for a in t.get("coordinators") or []],
            directs=[Mention(text=a) for a in t.get("directs") or []],
            advises=[Mention(text=t["advises"])] if t.get("advises") else [],
            localities=bool(t.get("localities", False)),
        ))
    return doc


def gold_pair() -> tuple[Document, Document]:
    """(central, provincial) of the seed pair as the gold sees them."""
    return gold_document("nq23.tasks.yaml"), gold_document("kontum.tasks.yaml")
