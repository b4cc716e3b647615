"""Actor evidence: is a provincial lead the counterpart of a central lead?

Uses the agency registry (pipeline.agencies, rules/agency_map.yaml) when it is installed and the mentions
carry canonical ids; otherwise falls back to comparing names with the level word removed
("Bộ Y tế" / "Sở Y tế" -> "y tế"), the level words being data in rules/linking.yaml.

Succession (pipeline.succession, rules/succession.yaml): a central agency's provincial counterpart also
counts under the names that later took over its tasks, so that a 2026 plan led by "Sở Tài chính" carries
out a 2022 task of "Bộ Kế hoạch và Đầu tư" (whose counterpart was "Sở Kế hoạch và Đầu tư").
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

import numpy as np

from ..model import Mention, Task
from ..vntext import match_form
from .config import AgencyRules, LinkingRules


def _registry():
    """pipeline.agencies when it is installed (it is written alongside; degrade gracefully without it)."""
    try:
        from .. import agencies
    except ImportError:
        return None
    return agencies if callable(getattr(agencies, "counterparts", None)) else None


@lru_cache(maxsize=8192)
def _lookup(text: str):
    """The registered agency a printed name stands for (pipeline.agencies), or None."""
    registry = _registry()
    if registry is None:
        return None
    try:
        return registry.lookup(text)
    except Exception:  # noqa: BLE001 - a registry problem must not stop linking; it is only evidence
        return None


def _resolve(text: str) -> str | None:
    found = _lookup(text)
    return found.id if found is not None else None


@lru_cache(maxsize=8192)
def _counterparts(canonical: str) -> frozenset[str]:
    registry = _registry()
    try:
        return frozenset(registry.counterparts(canonical)) if registry is not None else frozenset()
    except Exception:  # noqa: BLE001
        return frozenset()


@lru_cache(maxsize=8192)
def _later_holders(canonical: str, context: str) -> frozenset[str]:
    """The bodies that took over this one's tasks by any recorded succession (itself excluded). Of a split,
    the parts whose cue words occur in the task's text (`context`), else only the main successor.
    No date: the documents' dates are not known here, and a task keeps its holder's successors for ever."""
    try:
        from ..succession import table
    except ImportError:
        return frozenset()
    try:
        found = table().current(canonical, date.max, context, main_only=True)
    except Exception:  # noqa: BLE001 - succession is only evidence; a rules problem must not stop linking
        return frozenset()
    return frozenset(s.agency for s in found) - {canonical}


def _counterparts_over_time(canonical: str, context: str = "") -> frozenset[str]:
    """Provincial counterparts of a central agency, and the bodies that later took over their tasks."""
    direct = _counterparts(canonical)
    return direct.union(*(_later_holders(c, context) for c in direct)) if direct else direct


def _ids(mentions: list[Mention]) -> dict[str, str]:
    """canonical id -> printed name, resolving mentions extract left without an id."""
    ids: dict[str, str] = {}
    for mention in mentions:
        canonical = mention.canonical or _resolve(mention.text)
        if canonical:
            ids.setdefault(canonical, mention.text)
    return ids


def _core_name(mention: Mention, rules: LinkingRules) -> str | None:
    if mention.level == "generic":
        return None
    return _core_of(mention.text, tuple(rules.agency.level_prefixes), tuple(rules.agency.level_suffixes))


def agency_names(*tasks: Task, rules: LinkingRules) -> tuple[str, ...]:
    """The agencies the tasks name in a role, as printed and by their core name ("giao thông vận tải" of "Bộ
    Giao thông vận tải", which also names "Sở Giao thông vận tải")."""
    mentions = [m for t in tasks for m in (*t.leads, *t.coordinators, *t.advises, *t.directs)]
    cores = (_core_of(m.text, tuple(rules.agency.level_prefixes), tuple(rules.agency.level_suffixes))
             for m in mentions)
    return tuple(dict.fromkeys([*(m.text for m in mentions), *(c for c in cores if c)]))


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


def _cores(mentions: list[Mention], rules: LinkingRules) -> dict[str, str]:
    cores: dict[str, str] = {}
    for mention in mentions:
        core = _core_name(mention, rules)
        if core is not None:
            cores.setdefault(core, mention.text)
    return cores


def counterpart_pairs(central: list[Task], provincial: list[Task], rules: LinkingRules):
    """(provincial x central) matrix: 1 when a provincial lead is the counterpart of a central lead
    (0.5 when a coordinator on either side is involved), and the pair of names for the reason text.
    Counterparts come from rules/agency_map.yaml; names with the level word removed are the fallback.
    A local body the central task directs to do the work, of its local lead's own level, is its lead, and the
    lead that hands the work on a coordinator (agency.same_body_levels: "Ủy ban nhân dân các tỉnh … giao Sở Xây
    dựng là cơ quan thường trực … thiết kế một số mẫu nhà ở": the province's Sở Xây dựng carries it out); a group
    it directs ("chỉ đạo các cơ quan liên quan") names nobody, and the lower governments it directs ("… chỉ đạo Ủy
    ban nhân dân cấp xã") leave the province's duty of directing them its own."""
    out = np.zeros((len(provincial), len(central)), dtype=np.float32)
    names: dict[tuple[int, int], tuple[str, str]] = {}
    c_index = _central_counterparts(central, rules)
    # lead <-> lead is full evidence; a coordinator on either side half of it
    combinations = (("lead", "lead", 1.0), ("coordinator", "lead", 0.5), ("lead", "coordinator", 0.5))
    for i, task in enumerate(provincial):
        sides = {"lead": (_cores(task.leads, rules), _ids(task.leads)),
                 "coordinator": (_cores(task.coordinators, rules), _ids(task.coordinators))}
        for c_role, p_role, weight in combinations:
            p_cores, p_ids = sides[p_role]
            for kind, keyed in (("id", p_ids), ("core", p_cores)):
                for key, p_printed in sorted(keyed.items()):
                    for j, c_printed in c_index.get((c_role, kind, key), []):
                        if out[i, j] < weight:
                            out[i, j] = weight
                            names[(i, j)] = (c_printed, p_printed)
    return out, names


# the last central document's side of counterpart_pairs, under everything it was built from: one central document is
# linked with its many plans, and a changed task text, mention or rule builds it anew
_CENTRAL_COUNTERPARTS: dict[tuple, dict[tuple[str, str, str], list[tuple[int, str]]]] = {}


def _central_counterparts(central: list[Task], rules: LinkingRules) -> dict[tuple[str, str, str], list[tuple[int, str]]]:
    """(role, "id" or "core", counterpart id or core name) -> [(central index, printed name)], cached (see above)."""
    agency = rules.agency
    key = (tuple(agency.same_body_levels), tuple(agency.level_prefixes), tuple(agency.level_suffixes),
           tuple((t.text, *(tuple((m.text, m.canonical, m.level) for m in mentions)
                            for mentions in (t.leads, t.coordinators, t.directs))) for t in central))
    if key not in _CENTRAL_COUNTERPARTS:
        _CENTRAL_COUNTERPARTS.clear()
        _CENTRAL_COUNTERPARTS[key] = _central_index(central, rules)
    return _CENTRAL_COUNTERPARTS[key]


def _central_index(central: list[Task], rules: LinkingRules) -> dict[tuple[str, str, str], list[tuple[int, str]]]:
    same_body = set(rules.agency.same_body_levels)

    def central_side(mentions, context):
        cores = _cores(mentions, rules)
        mapped: dict[str, str] = {}
        for canonical, printed in _ids(mentions).items():
            targets = _counterparts_over_time(canonical, context)
            if _level(printed) in same_body:  # the central text names the provincial body itself
                targets = {canonical, *_later_holders(canonical, context), *targets}
            for target in sorted(targets):
                mapped.setdefault(target, printed)
        return cores, mapped

    c_index: dict[tuple[str, str, str], list[tuple[int, str]]] = {}
    for j, task in enumerate(central):
        levels = lead_levels(task) & same_body
        doers = [m for m in task.directs if _level(m.text) in levels]
        roles = (("lead", doers), ("coordinator", [*task.leads, *task.coordinators])) if doers else \
            (("lead", task.leads), ("coordinator", task.coordinators))
        for role, mentions in roles:
            cores, mapped = central_side(mentions, task.text)
            for kind, keyed in (("id", mapped), ("core", cores)):
                for key, printed in keyed.items():
                    c_index.setdefault((role, kind, key), []).append((j, printed))
    return c_index


def _level(text: str) -> str | None:
    found = _lookup(text)
    return found.level if found is not None else None


@lru_cache(maxsize=8)
def _word_pattern(words: tuple[str, ...]) -> re.Pattern:
    """Any of the words, whole, on the matching form."""
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")


def _government_pattern(rules: AgencyRules) -> re.Pattern | None:
    """agency.government_words, whole, on the matching form: a lead's name that says them names the governments too
    ("Các cấp ủy, tổ chức Đảng, chính quyền"); None without any."""
    words = rules.government_words
    return _word_pattern(tuple(match_form(w) for w in words)) if words else None


def holder_levels(task: Task, kind: str) -> set[str]:
    """Registry levels of the task's leads that are bodies of `kind` (rules/agencies.yaml): {"province"} for a
    duty of "Ủy ban nhân dân cấp tỉnh", {"generic"} for one of "Ủy ban nhân dân các cấp"."""
    found = (_lookup(m.text) for m in task.leads)
    return {agency.level for agency in found if agency is not None and agency.kind == kind}


def lead_levels(task: Task) -> set[str]:
    """Registry levels of the task's leads (unknown names left out)."""
    return {level for level in (_level(m.text) for m in task.leads) if level}


def holder_level(holder: str, task: Task, rules: LinkingRules) -> set[str]:
    """The level of the body whose duties a provincial task hands on, from the holder as printed ("tỉnh",
    "Ủy ban nhân dân tỉnh"; structure.holder_words), "địa phương" being the task's own leads' level (the
    communes' locality is the commune): empty when the holder is no body of structure.holder_kind."""
    structure = rules.structure
    word = structure.holder_words.get(holder)
    if word == "own":
        own = lead_levels(task) - {"central", "generic", "other"}  # the levels of the localities
        return own or {"province"}
    if word:
        return {word}
    found = _lookup(holder)
    return {found.level} if found is not None and found.kind == structure.holder_kind else set()


def addresses_group(task: Task, rules: LinkingRules) -> bool:
    """The task is given to an open group of bodies: a lead named with a plural word (structure.group_words:
    "Thủ trưởng các sở, ban, ngành", "Các đơn vị được giao nhiệm vụ") that the registry knows as a group
    (rules/agencies.yaml kind "group" or level "generic"). A call to everyone, not one body's own duty; an
    unregistered unit ("Trung tâm Truyền thông …") the registry files under the catch-all group is no such call."""
    plural = _word_pattern(tuple(rules.structure.group_words))
    for mention in task.leads:
        found = _lookup(mention.text)
        if found is not None and (found.kind == "group" or found.level == "generic") \
                and plural.search(match_form(mention.text)):
            return True
    return False


def issuer_share_row(central: list[Task], upper_issuer: str | None, issuer: str | None,
                     rules: LinkingRules) -> np.ndarray | None:
    """Per task of an upper document that is not a central body's (a Tỉnh ủy's programme, a People's Committee's
    plan: its every task reaches the localities): the task is addressed to the implementing document's issuer, which
    leads it, works on it, is directed or advised by it, is that issuer's own Party committee (_party_of: "Đảng ủy Ủy
    ban nhân dân tỉnh" for the People's Committee) or is a group that takes it in (_takes_in: "Các cấp ủy, tổ chức
    đảng" for a Party committee, "các sở, ban, ngành" for a department, "Ủy ban nhân dân các xã, phường" for a
    commune's; a name that also says the governments, agency.government_words, for a People's Committee: registry
    kind structure.holder_kind); a task that names no body at all is everyone's under the upper issuer. None when either issuer is unknown or the upper one is a central body (a central task's share is
    whether it reaches the localities at all)."""
    upper = _lookup(upper_issuer) if upper_issuer else None
    own = _lookup(issuer) if issuer else None
    if upper is None or own is None or upper.level in ("central", "generic"):
        return None
    party = tuple(rules.agency.party_words)
    plural = _word_pattern(tuple(rules.structure.group_words))
    says_government = _government_pattern(rules.agency)
    governs = own.kind == rules.structure.holder_kind and says_government is not None
    out = []
    for task in central:
        named = task.leads + task.coordinators + task.directs + task.advises
        out.append(not named or any(
            _resolve(m.text) == own.id or _party_of(m.text, party) == own.id
            or _takes_in(m.text, own, rules.agency.member_kinds, plural)
            or governs and bool(says_government.search(match_form(m.text))) for m in named))
    return np.array(out, dtype=bool)


def _takes_in(text: str, body, member_kinds: dict[str, list[str]], plural: re.Pattern) -> bool:
    """The name is a group of bodies that takes in the registered `body`: a registry group, an open set of all
    levels or a body registered under a plural name ("các", structure.group_words: "Ủy ban nhân dân các xã"; not a
    body whose printed name lists others, "Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh") whose members are of body's registry kind (its own kind,
    or agency.member_kinds for a group of several kinds: "các sở, ban, ngành" takes in departments and provincial
    bodies), at body's level or at every level."""
    found = _lookup(text)
    if found is None or found.id == body.id or found.level not in ("generic", body.level):
        return False
    if not (found.kind == "group" or found.level == "generic" or plural.search(match_form(found.name))):
        return False
    return body.kind in member_kinds.get(found.id, [found.kind])


def leads_every_addressee(task: Task, addressees: list[str]) -> bool:
    """The letter has addressees ("Kính gửi") and each is one of the task's leads (the same registered body, or the
    same name where the registry knows none): the task is given to everyone the letter is sent to."""
    leads = {_resolve(m.text) or match_form(m.text) for m in task.leads}
    return bool(addressees) and all((_resolve(name) or match_form(name)) in leads for name in addressees)


def addressed_row(central: list[Task], issuer: str | None = None, rules: AgencyRules | None = None,
                  outside: np.ndarray | None = None) -> np.ndarray:
    """Per central task: 1 unless the task is reserved to central bodies (it does not reach localities and
    every lead is a central agency or group, rules/agencies.yaml level "central": "Bộ Công Thương",
    "các bộ, ngành"). A ministry's own national duty is rarely what a province carries out; a duty of the
    localities, or of organisations, enterprises and citizens a province can direct, is. Unknown leads
    count as addressed. A duty led by the implementing document's own issuer (`issuer`: a ministry's plan
    carrying out a decree, "Bộ Nông nghiệp và Môi trường" leading the decree's article on its duties) is
    addressed to it; one it only coordinates is not. With `rules` (rules/linking.yaml agency):
    - when the issuer directs the central bodies themselves (agency.directing_issuers: the Government's action
      programme carrying out a Politburo resolution gives the ministries their work), every task is addressed to
      it, but one that only bodies outside its direction lead (agency.undirected_kinds: "Đảng đoàn Quốc hội",
      "Ban Tuyên giáo Trung ương");
    - conversely, a duty of the local governments alone ("Ủy ban nhân dân các tỉnh … phối hợp với Bộ Thông tin
      và Truyền thông triển khai các chương trình truyền thông …": every lead at one of agency.local_levels) is
      the provinces' own, not a central issuer's, unless that issuer, or the ministries as a group, is among its
      partners ("… phối hợp với Bộ Tài nguyên và Môi trường …", "… với các Bộ, ngành liên quan …");
    - an issuer that is itself a state body (a People's Committee, a department: its kind is not among
      agency.undirected_kinds) does not direct those bodies either: a duty only they lead (a provincial Party
      resolution's "Văn phòng Tỉnh ủy phối hợp theo dõi, đôn đốc thực hiện Nghị quyết") is not addressed to its
      plan, unless the duty directs, advises or works with the issuer itself ("Đảng ủy Ủy ban nhân dân tỉnh lãnh
      đạo Ủy ban nhân dân tỉnh ban hành kế hoạch …"). `outside`: that row (outside_direction_row) when the
      caller has it already."""
    directing = rules.directing_issuers if rules else []
    undirected = rules.undirected_kinds if rules else []
    local_levels = rules.local_levels if rules else []
    own = _resolve(issuer) if issuer else None
    if own is not None and own in directing:
        party = tuple(rules.party_words) if rules else ()
        return np.array([0.0 if not task.localities and _led_only_by(task, undirected)
                         and not _led_by_own_party(task, own, party) else 1.0 for task in central], dtype=np.float32)
    values = []
    ministry = own is not None and _level(issuer) == "central"
    if outside is None:
        outside = outside_direction_row(central, issuer, rules)
    for task, beyond in zip(central, outside, strict=True):
        levels = [_level(m.text) for m in task.leads]
        reserved = bool(beyond) or not task.localities and bool(levels) and all(level == "central" for level in levels)
        if reserved and own is not None and any(_resolve(m.text) == own for m in task.leads):
            reserved = False
        if ministry and levels and all(level in local_levels for level in levels):
            reserved = not any(_resolve(m.text) == own or _is_central_group(m.text) for m in task.coordinators)
        values.append(0.0 if reserved else 1.0)
    return np.array(values, dtype=np.float32)


def issuer_counterpart_row(central: list[Task], issuer: str | None) -> np.ndarray:
    """Per central task: the implementing document's issuer is the counterpart of one of its leads ("Bộ Chính trị
    ban hành Chương trình hành động thực hiện Kết luận …" against the Tỉnh ủy's programme): the document as a whole
    answers that body's duty (pipeline.linking.answered_by_counterpart)."""
    own = _resolve(issuer) if issuer else None
    out = np.zeros(len(central), dtype=bool)
    if own is None:
        return out
    for j, task in enumerate(central):
        out[j] = any(own in _counterparts_over_time(canonical, task.text) for canonical in _ids(task.leads))
    return out


def outside_direction_row(central: list[Task], issuer: str | None, rules: AgencyRules | None) -> np.ndarray:
    """Per central task: True when the implementing document's issuer is a state body (registry kind not among
    agency.undirected_kinds: a People's Committee, a department) and only bodies it does not direct lead the task
    (_outside_direction). Such a duty is not addressed to its document (addressed_row) and is linked to none of
    its tasks by the models (pipeline.linking.link_probabilities): its plan carries out the state's share."""
    out = np.zeros(len(central), dtype=bool)
    own = _resolve(issuer) if issuer else None
    if own is None or rules is None or own in rules.directing_issuers:
        return out
    found = _lookup(issuer)
    if found is None or found.kind in rules.undirected_kinds:
        return out
    says_government = _government_pattern(rules)
    for j, task in enumerate(central):
        out[j] = _outside_direction(task, own, rules.undirected_kinds, says_government, tuple(rules.party_words))
    return out


def _outside_direction(task: Task, own: str, undirected: list[str], says_government: re.Pattern | None,
                       party: tuple[str, ...] = ()) -> bool:
    """Only bodies the (state) issuer does not direct lead the task ("Văn phòng Tỉnh ủy phối hợp theo dõi,
    đôn đốc thực hiện Nghị quyết", "Ủy ban Kiểm tra Tỉnh ủy … kiểm tra, giám sát"), and the task does not
    direct the issuer itself, by role or by naming it beside its leads ("Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo Ủy
    ban nhân dân tỉnh ban hành kế hoạch …"). A lead that also names the governments (agency.government_words: "Các cấp ủy, tổ chức Đảng, chính quyền",
    which the registry reads as the party committees; `says_government` finds them) is one the issuer takes part in;
    so is a duty its own Party committee leads ("Đảng ủy Ủy ban nhân dân tỉnh" for the People's Committee:
    _led_by_own_party, `party` = agency.party_words)."""
    if not _led_only_by(task, undirected, says_government) or _led_by_own_party(task, own, party):
        return False
    if any(_resolve(m.text) == own for m in task.directs + task.advises + task.coordinators):
        return False
    text = _spaced_form(_blanked(task.text, task.leads))
    return not any(form in text for form in _printed_forms(own))


def central_only_row(central: list[Task], issuer: str | None, rules: AgencyRules | None) -> np.ndarray:
    """Per central task, for an implementing document not issued by a central body (a Tỉnh ủy, a People's Committee,
    an issuer the registry does not know; rules given): every lead is a central body, registered at level "central"
    ("Đảng ủy Quốc hội", "Ban Chính sách, chiến lược Trung ương") or named after one it belongs to ("Đảng ủy các bộ,
    ngành thuộc Đảng ủy Chính phủ", which the registry reads as the generic party committees): the clause a central
    programme addresses to that body (pipeline.linking.held_apart). All False for a central issuer (the Government's
    programme, a ministry's plan), whose own bodies carry out such clauses."""
    local = rules is not None and (issuer is None or _level(issuer) != "central")
    return np.array([local and bool(t.leads) and all(_central_body(m.text) for m in t.leads) for t in central],
                    dtype=bool)


@lru_cache(maxsize=4096)
def _central_body(text: str) -> bool:
    """The name is a central body's: registered at level "central", or an unregistered or generic name that holds a
    central body's printed name ("… thuộc Đảng ủy Chính phủ")."""
    found = _lookup(text)
    if found is not None and found.level == "central":
        return True
    if found is not None and found.level != "generic":
        return False
    spaced = _spaced_form(text)
    return any(form in spaced for form in _central_forms())


@lru_cache(maxsize=1)
def _central_forms() -> tuple[str, ...]:
    """The spaced forms of every printed name of the registered central bodies (groups aside: "các bộ, ngành")."""
    registry = _registry()
    if registry is None:
        return ()
    found = registry.registry()
    forms = []
    for printed, agency_id in found.printed_forms():
        agency = found.get(agency_id)
        if agency.level == "central" and agency.kind != "group":
            forms.append(_spaced_form(printed))
    return tuple(sorted(set(forms)))


def _led_by_own_party(task: Task, own: str, party: tuple[str, ...]) -> bool:
    """One of the task's leads is the Party committee of the registered body `own` (_party_of)."""
    return any(_party_of(m.text, party) == own for m in task.leads)


@lru_cache(maxsize=4096)
def _party_of(text: str, party: tuple[str, ...]) -> str | None:
    """The registered body whose own Party committee the name stands for: the registered name of the body it
    stands for is one of `party` (agency.party_words: "Đảng ủy") followed by a registered body's name, not an open
    group's ("Đảng ủy Ủy ban nhân dân tỉnh" -> Ủy ban nhân dân tỉnh, "Đảng ủy Công an tỉnh" -> Công an tỉnh), else None."""
    found = _lookup(text)
    if found is None:
        return None
    words = found.name.split()
    for head in party:
        size = len(head.split())
        if len(words) > size and match_form(" ".join(words[:size])) == match_form(head):
            body = _lookup(" ".join(words[size:]))
            return body.id if body is not None and body.level != "generic" else None
    return None


def _led_only_by(task: Task, kinds: list[str], besides: re.Pattern | None = None) -> bool:
    """The task has leads, and every one is a registered body of one of `kinds` (registry kinds) whose name does not
    also say `besides` (the governments' words of _outside_direction)."""
    return bool(task.leads) and all((found := _lookup(m.text)) is not None and found.kind in kinds
                                    and not (besides and besides.search(match_form(m.text))) for m in task.leads)


@lru_cache(maxsize=64)
def _printed_forms(agency_id: str) -> tuple[str, ...]:
    """The spaced forms of every printed name of a registered agency (abbreviations and variants included)."""
    registry = _registry()
    if registry is None:
        return ()
    return tuple({_spaced_form(printed) for printed, found in registry.registry().printed_forms() if found == agency_id})


def _blanked(text: str, mentions: list[Mention]) -> str:
    """The text with the mentioned names blanked (by their spans when they hold, else by their words)."""
    for mention in mentions:
        if 0 <= mention.start < mention.end <= len(text) and text[mention.start:mention.end] == mention.text:
            text = text[:mention.start] + " " * (mention.end - mention.start) + text[mention.end:]
        else:
            text = text.replace(mention.text, " ")
    return text


def _is_central_group(text: str) -> bool:
    """The name stands for the ministries as a group ("các Bộ, ngành liên quan": rules/agencies.yaml kind
    "group", level "central")."""
    found = _lookup(text)
    return found is not None and found.kind == "group" and found.level == "central"


def _without_partners(task: Task) -> str:
    """The task's text without the bodies it works with ("… phối hợp với Sở Lao động - Thương binh và Xã hội"):
    a partner is weighed as such by the agency feature, not as a body the task speaks of."""
    return _blanked(task.text, task.coordinators)


def _issuer_starts(task: Task, text: str, rules: LinkingRules) -> set[int]:
    """Where, in the task's spaced form `text`, the issuer of a document it cites is named: "Thông tư số
    01/2026/TT-BCT ngày 17 tháng 01 năm 2026 của Bộ trưởng Bộ Công Thương …" (agency.cited_issuer between the
    citation, from extract or else its số hiệu by citation_pattern, and the name)."""
    starts: set[int] = set()
    after = re.compile(rules.agency.cited_issuer)
    printed = [c.text for c in task.citations] or [m.group(0) for m in re.finditer(rules.citation_pattern, task.text)]
    for reference in printed:
        cited = _spaced_form(reference).strip()
        at = text.find(cited) if cited else -1
        while at >= 0:
            found = after.match(text, at + len(cited))
            if found:
                starts.add(found.end())
            at = text.find(cited, at + 1)
    return starts


def names_central_lead(central: list[Task], provincial: list[Task], rules: LinkingRules,
                       addressees: bool = True) -> np.ndarray:
    """(provincial x central) matrix: 1 when the provincial text names the central task's lead agency
    ("kiến nghị Bộ Giao thông vận tải …", "các đơn vị thuộc Bộ Công Thương"). Generic groups do not count,
    nor the issuer of a document the task cites ("Thông tư số 01/2026/TT-BCT … của Bộ trưởng Bộ Công
    Thương"): it says who wrote the reference, not whom the task speaks of. With `addressees` False, nor the
    bodies the task sends or reports its work to (agency.addressee: "… gửi về Bộ Xây dựng, Bộ Tài chính để tổng
    hợp"): they receive the province's work, they do not share it (pipeline.linking.held_apart)."""
    out = np.zeros((len(provincial), len(central)), dtype=np.float32)
    p_forms = [_spaced_form(_without_partners(t)) for t in provincial]
    if not addressees:
        sent_to = re.compile(rules.agency.addressee)
        p_forms = [sent_to.sub(lambda m: " " * len(m.group(0)), text) for text in p_forms]
    issuers = [_issuer_starts(t, text, rules) for t, text in zip(provincial, p_forms, strict=True)]
    named: dict[str, np.ndarray] = {}  # per lead name: the provincial texts naming it (central leads repeat)
    for j, c_task in enumerate(central):
        for m in c_task.leads:
            if _core_name(m, rules) is None:
                continue
            form = _spaced_form(m.text)
            if form not in named:
                named[form] = np.array([_named(text, form, starts) for text, starts in zip(p_forms, issuers, strict=True)],
                                       dtype=bool)
            out[named[form], j] = 1.0
    return out


def _named(text: str, form: str, issuers: set[int]) -> bool:
    """The padded name `form` occurs in `text` other than as a cited document's issuer."""
    at = text.find(form)
    while at >= 0:
        if at + 1 not in issuers:
            return True
        at = text.find(form, at + 1)
    return False


@lru_cache(maxsize=4096)
def _spaced_form(name: str) -> str:
    """A name's matching form, commas as spaces, padded: found as a whole-word run by `in`."""
    return " " + " ".join(match_form(name).replace(",", " ").split()) + " "
