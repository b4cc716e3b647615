"""Actor evidence: is a provincial lead the counterpart of a central lead?

Uses the agency registry (pipeline.agencies, rules/agency_map.yaml) when it is installed and the mentions
carry canonical ids; otherwise falls back to comparing names with the level word removed
("Bộ Y tế" / "Sở Y tế" -> "y tế"), the level words being data in rules/linking.yaml.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from ..model import Mention, Task
from ..vntext import match_form
from .config import LinkingRules


def _registry_counterparts():
    """canonical id -> set of counterpart ids, from pipeline.agencies when available (else None)."""
    try:
        from .. import agencies  # noqa: PLC0415 - optional stage, written alongside
    except ImportError:
        return None
    for name in ("counterparts", "counterpart", "provincial_counterparts"):
        function = getattr(agencies, name, None)
        if callable(function):
            return function
    return None


def _core_name(mention: Mention, rules: LinkingRules) -> str | None:
    if mention.level == "generic":
        return None
    return _core_of(mention.text, tuple(rules.agency.level_prefixes), tuple(rules.agency.level_suffixes))


@lru_cache(maxsize=4096)
def _core_of(text: str, level_prefixes: tuple[str, ...], level_suffixes: tuple[str, ...]) -> str | None:
    tokens = match_form(text).replace(",", " ").split()
    prefixes = [w.split() for w in level_prefixes]
    stripped = False
    for prefix in sorted(prefixes, key=len, reverse=True):
        if tokens[: len(prefix)] == prefix:
            tokens = tokens[len(prefix):]
            stripped = True
            break
    for suffix in level_suffixes:
        words = suffix.split()
        if len(tokens) > len(words) and tokens[-len(words):] == words:
            tokens = tokens[: -len(words)]
            stripped = True
    if not stripped or not tokens:
        return None
    return " ".join(tokens)


def _related(c: Mention, p: Mention, rules: LinkingRules, registry) -> bool:
    if registry is not None and c.canonical and p.canonical:
        try:
            found = registry(c.canonical)
        except Exception:  # noqa: BLE001 - an unknown id in the registry is simply no evidence
            found = None
        if found:
            ids = {found} if isinstance(found, str) else {getattr(x, "id", x) for x in found}
            if p.canonical in ids:
                return True
    core_c, core_p = _core_name(c, rules), _core_name(p, rules)
    return core_c is not None and core_c == core_p


def _cores(mentions: list[Mention], rules: LinkingRules) -> dict[str, str]:
    cores: dict[str, str] = {}
    for mention in mentions:
        core = _core_name(mention, rules)
        if core is not None:
            cores.setdefault(core, mention.text)
    return cores


def counterpart_pairs(central: list[Task], provincial: list[Task], rules: LinkingRules):
    """(provincial x central) matrix: 1 when a provincial lead is the counterpart of a central lead
    (0.5 when a coordinator on either side is involved), and the pair of names for the reason text."""
    registry = _registry_counterparts()
    out = np.zeros((len(provincial), len(central)), dtype=np.float32)
    names: dict[tuple[int, int], tuple[str, str]] = {}
    c_sides = [(_cores(t.leads, rules), _cores(t.coordinators, rules)) for t in central]
    p_sides = [(_cores(t.leads, rules), _cores(t.coordinators, rules)) for t in provincial]
    for i, (p_leads, p_coords) in enumerate(p_sides):
        p_task = provincial[i]
        if not p_task.leads and not p_task.coordinators:
            continue
        if registry is None and not p_leads and not p_coords:
            continue
        for j, (c_leads, c_coords) in enumerate(c_sides):
            # lead <-> lead is full evidence; a coordinator on either side half of it
            for weight, c_side, p_side, c_mentions, p_mentions in (
                (1.0, c_leads, p_leads, central[j].leads, p_task.leads),
                (0.5, c_coords, p_leads, central[j].coordinators, p_task.leads),
                (0.5, c_leads, p_coords, central[j].leads, p_task.coordinators),
            ):
                common = c_side.keys() & p_side.keys()
                if common:
                    core = min(common)
                    out[i, j] = weight
                    names[(i, j)] = (c_side[core], p_side[core])
                    break
                if registry is not None:
                    hit = next(((c, p) for c in c_mentions for p in p_mentions
                                if c.canonical and p.canonical and _related(c, p, rules, registry)), None)
                    if hit is not None:
                        out[i, j] = weight
                        names[(i, j)] = (hit[0].text, hit[1].text)
                        break
    return out, names


def names_central_lead(central: list[Task], provincial: list[Task], rules: LinkingRules) -> np.ndarray:
    """(provincial x central) matrix: 1 when the provincial text names the central task's lead agency
    ("kiến nghị Bộ Giao thông vận tải …", "các đơn vị thuộc Bộ Công Thương"). Generic groups do not count."""
    out = np.zeros((len(provincial), len(central)), dtype=np.float32)
    p_forms = [" " + " ".join(match_form(t.text).replace(",", " ").split()) + " " for t in provincial]
    for j, c_task in enumerate(central):
        leads = [m for m in c_task.leads if _core_name(m, rules) is not None]
        forms = [" " + " ".join(match_form(m.text).replace(",", " ").split()) + " " for m in leads]
        for i, text in enumerate(p_forms):
            if any(f in text for f in forms):
                out[i, j] = 1.0
    return out
