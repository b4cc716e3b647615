"""A realistic Result for developing the deliverables: the gold "perfect parse" of the seed pair
(tests/gold_documents.py) plus the gold links and coverage from corpus/gold/kontum-nq23.links.yaml.

Scores and shared phrases are made up from the texts (strength decides the score band; shared phrases
are the longest word sequences both texts contain), so the writers see what the real linker gives them.
"""
from __future__ import annotations

import copy
import functools

import yaml
from gold_documents import GOLD, gold_pair

from pipeline.model import Coverage, Link, Result, TaskRef

LINKS = GOLD / "kontum-nq23.links.yaml"


def shared_phrases(a: str, b: str, min_words: int = 4, limit: int = 5) -> list[str]:
    """Longest word sequences (at least min_words long) found in both texts, as printed in `a`."""
    words_a, words_b = a.split(), b.split()
    low_a = [w.lower().strip(".,;:()“”\"") for w in words_a]
    low_b = " " + " ".join(w.lower().strip(".,;:()“”\"") for w in words_b) + " "
    found: list[str] = []
    i = 0
    while i < len(words_a):
        best = 0
        for j in range(len(words_a), i + min_words - 1, -1):
            if " " + " ".join(low_a[i:j]) + " " in low_b:
                best = j - i
                break
        if best >= min_words:
            found.append(" ".join(words_a[i:i + best]).strip(".,;:"))
            i += best
        else:
            i += 1
    return sorted(found, key=len, reverse=True)[:limit]


def gold_result() -> Result:
    """A fresh copy (tests may change it) of the gold Result of the seed pair."""
    return copy.deepcopy(_gold_result())


@functools.lru_cache(maxsize=1)
def _gold_result() -> Result:
    central, provincial = gold_pair()
    for task in central.tasks:
        task.locality_role = None
    data = yaml.safe_load(LINKS.read_text(encoding="utf-8"))
    links = []
    for row in data["links"]:
        prov_task = provincial.task(row["provincial"])
        for rank, target in enumerate(row.get("central") or []):
            cen_task = central.task(target["id"])
            sure = target["strength"] == "sure"
            phrases = shared_phrases(prov_task.text, cen_task.text)
            score = (0.92 if sure else 0.58) - 0.03 * rank
            reasons = [f"Trùng {len(phrases)} cụm từ với nhiệm vụ TW"] if phrases else []
            reasons.append("Cơ quan chủ trì tương ứng" if sure else "Cùng chủ đề")
            links.append(Link(provincial=TaskRef(provincial.id, prov_task.id), central=TaskRef(central.id, cen_task.id),
                              strength=target["strength"], score=round(score, 4), reasons=reasons,
                              features={"text": round(score, 4)}, shared_phrases=phrases))
    coverage = []
    for row in data["coverage"]:
        task = central.task(row["central"])
        task.locality_role = row.get("locality_role")
        coverage.append(Coverage(central=TaskRef(central.id, row["central"]), provincial_doc=provincial.id,
                                 status=row["status"], sure=list(row.get("sure") or []),
                                 possible=list(row.get("possible") or []), localities=True,
                                 locality_role=row.get("locality_role")))
    central.meta.doc_type, central.meta.number = "Nghị quyết", "23/NQ-CP"
    central.meta.title = "Về phát triển kinh tế khu vực biên giới đất liền"
    central.meta.issuer = "Chính phủ"
    provincial.meta.issuer = "Ủy ban nhân dân tỉnh Kon Tum"
    provincial.meta.doc_type = "Công văn"
    return Result(documents=[central, provincial], links=links, coverage=coverage)
