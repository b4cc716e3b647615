"""Documents built straight from the gold files, for testing later stages (link, graph, report, and
extract's role reading) independently of the segmenter: a "perfect parse" of the seed pair, made by
pipeline.evaluate.gold_parse from the project's copy of the gold (corpus/gold, which names no source).
"""
from __future__ import annotations

from pathlib import Path

from pipeline.evaluate import gold_parse
from pipeline.model import Document

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "corpus" / "gold"
SOURCES = {
    "nq23.tasks.yaml": ROOT / "corpus" / "central" / "nq-23-NQ-CP-2022.md",
    "kontum.tasks.yaml": ROOT / "corpus" / "provincial" / "kontum-implementing-nq23.txt",
}


def gold_document(tasks_file: str) -> Document:
    return gold_parse(GOLD / tasks_file, source=SOURCES[tasks_file])


def gold_pair() -> tuple[Document, Document]:
    """(central, provincial) of the seed pair as the gold sees them."""
    return gold_document("nq23.tasks.yaml"), gold_document("kontum.tasks.yaml")
