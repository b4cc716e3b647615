"""The agency registry: rules/agencies.yaml (who can be an actor) and rules/agency_map.yaml (central ->
provincial counterparts), validated on load. Used by extract and link.

    >>> from pipeline import agencies
    >>> agencies.lookup("Bộ Lao động, Thương binh và Xã hội").id
    'bo_lao_dong_tbxh'
    >>> agencies.counterparts("bo_ngoai_giao")
    ['so_ngoai_vu']

Guarantees: every id named in agency_map.yaml exists in agencies.yaml; ids are unique; lookup ignores case,
tone-mark style and punctuation inside names, expands abbreviations (UBND, KH&ĐT …), resolves an office
holder ("Giám đốc Sở Công Thương") to the body named after the title, a name after a plural marker ("các Ủy ban
nhân dân các cấp") as the name, and open families ("các bộ, ngành liên quan") by the patterns of the rules. A long name OCR misread by one letter of rules/encodings.yaml
`ocr_letter_confusions` ("TONG CYC THUE") is the one body it then names, never one of two. A body named after a city follows the city's level: a provincial
body "… tỉnh" is also printed "… thành phố" ("Công an thành phố", "Ủy ban nhân dân Thành phố" in a
centrally-run city's own text), "Ủy ban nhân dân thành phố Hà Nội" is province level (the centrally-run
cities are those of rules/succession.yaml), "Ủy ban nhân dân thành phố Thủ Đức" district level (a city within
a province). A central body's name followed by the provinces ("Cục Thuế các tỉnh, thành phố") is its registered
provincial branch ("Cục Thuế tỉnh"). No agency or place name lives in this code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .ingest.repair import encoding_rules
from .model import DoichieuError
from .rules import load_rules, rules_dir
from .vntext import fold, match_form, nfc, strip_diacritics

# a số hiệu ("10/KH-UBND", "2496/UBND-KT"): the codes in it are no abbreviations to write out
_NUMBER = re.compile(r"\d+/[^\s,;()]+")

Level = str
# "village": the units below the commune that its people run themselves (thôn, tổ dân phố), no level of government
LEVELS = ("central", "province", "district", "commune", "village", "generic", "other")
# the levels of local government: a body registered at one of them is a locality's own (a province, district or
# commune authority, its council, its Party committee, its departments)
LOCAL_LEVELS = ("province", "district", "commune")


class AgencyEntry(BaseModel):
    # an unknown key is refused: in a YAML flow mapping an unquoted name with a comma becomes its head and a stray
    # key ("{name: Ban Chính sách, chiến lược Trung ương, …}" is the name "Ban Chính sách")
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    level: str
    locality: bool = False
    kind: str = "other"
    variants: list[str] = []
    open: bool = False
    patterns: list[str] = []
    period: str | None = None

    @field_validator("level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        if value not in LEVELS:
            raise ValueError(f"level must be one of {', '.join(LEVELS)}")
        return value

    @model_validator(mode="after")
    def _proper_variants(self) -> AgencyEntry:
        # a named body is printed with a capital: a lower-case variant of one is almost always a fragment of
        # an unquoted YAML flow list ("[Công an tỉnh, thành phố]" is two items)
        if self.level != "generic":
            for variant in self.variants:
                if not variant[:1].isupper():
                    raise ValueError(f"variant {variant!r} of {self.id} does not start with a capital "
                                     "(quote a name that holds a comma)")
        return self

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, value: list[str]) -> list[str]:
        for pattern in value:
            re.compile(pattern)
        return value


class Places(BaseModel):
    """The unit words a body's name ends with before its place name (rules/agencies.yaml `places`)."""

    province: str
    city: str
    district: str
    not_a_name: list[str] = []  # words after the city word that are no city's name ("trực thuộc trung ương")
    level_named: list[str] = []  # names that hold their level and take the place name at once ("Tỉnh ủy Lào Cai")


class AgencyRules(BaseModel):
    abbreviations: dict[str, str] = {}
    titles: list[str] = []
    title_units: dict[str, str] = {}  # a title that ends with the unit it heads -> that unit's word ("trưởng ban": "ban")
    places: Places | None = None
    agencies: list[AgencyEntry]

    @model_validator(mode="after")
    def _unique_ids(self) -> AgencyRules:
        seen: set[str] = set()
        for entry in self.agencies:
            if entry.id in seen:
                raise ValueError(f"duplicate agency id {entry.id}")
            seen.add(entry.id)
        return self


class _Province(BaseModel):
    short: str
    kind: str

    model_config = {"extra": "ignore"}


class _ProvinceTable(BaseModel):
    """The provinces of rules/succession.yaml, read here for which cities are province-level units."""

    provinces: list[_Province]

    model_config = {"extra": "ignore"}


class _Articles(BaseModel):
    """The plural markers of rules/roles.yaml (`articles`: "các", "những"), which open no body's name."""

    articles: list[str]

    model_config = {"extra": "ignore"}


class CounterpartRule(BaseModel):
    central: str
    provincial: list[str]
    note: str = ""


class AgencyMap(BaseModel):
    counterparts: list[CounterpartRule]


@dataclass(frozen=True)
class Agency:
    """One registered agency (or open family of agencies)."""

    id: str
    name: str
    level: str
    locality: bool
    kind: str
    open: bool


def _punctuation_variants(name: str) -> set[str]:
    """"A, B và C" and "A - B và C" are printed for the same body: give both (and the bare form)."""
    forms = {name}
    base = re.sub(r"\s*[,\-–]\s+", " | ", name)
    if "|" in base:
        forms |= {base.replace(" | ", ", "), base.replace(" | ", " - "), base.replace(" | ", " ")}
    return forms


class Registry:
    """Agencies by id and by every printed form; counterparts; lookup of printed names."""

    def __init__(self, rules: AgencyRules, mapping: AgencyMap, cities: list[str] = (),
                 confusions: tuple[tuple[str, str], ...] = (), min_letters: int = 0, articles: tuple[str, ...] = ()):
        self.rules = rules
        self._articles = tuple(fold(article) for article in articles)  # plural markers before a name, folded
        self._confusions = confusions  # (letter read, letter meant) of OCR, folded
        self._min_letters = min_letters
        self.places = rules.places
        self._cities = tuple(fold(city) for city in cities)  # centrally-run cities, folded
        self.abbreviations = dict(rules.abbreviations)
        # the longest first, so that a short one inside a longer one is not written out first ("KH&ĐT", "ĐT")
        self._longest_first = sorted(self.abbreviations.items(), key=lambda kv: -len(kv[0]))
        self.titles = [match_form(t) for t in rules.titles]
        self._title_folds = sorted((fold(t) for t in rules.titles), key=len, reverse=True)
        # the one-word place units ("tỉnh", "huyện") by their folded form -> their own form
        self._units = {fold(u): match_form(u) for u in (self.places.province, self.places.district)} if self.places else {}
        self._title_units = {fold(title): fold(unit) for title, unit in rules.title_units.items()}
        self.agencies: dict[str, Agency] = {}
        self._forms: dict[str, str] = {}  # folded form -> id
        # a name that folds to an office-holder title it is not ("Trưởng bản", a village head, and "Trưởng ban" of any
        # board): matched with its tones only, so that the title followed by a board it heads never reads as it
        titles = set(self.titles)
        self._toned: dict[str, str] = {}  # match form -> id
        self._printed: list[tuple[str, str]] = []  # (printed form, id) for the entity ruler
        self._patterns: list[tuple[re.Pattern, str]] = []
        for entry in rules.agencies:
            self.agencies[entry.id] = Agency(entry.id, nfc(entry.name), entry.level, entry.locality, entry.kind,
                                             entry.open)
            if not entry.patterns or entry.variants:
                for form in self._expand(self._city_forms(entry)):
                    self._printed.append((form, entry.id))
                    if fold(form) in self._title_folds and match_form(form) not in titles:
                        self._toned[match_form(form)] = entry.id
                        continue
                    first = self._forms.setdefault(self._fold(form), entry.id)
                    if first != entry.id:  # the later entry could never be reached by this name
                        raise DoichieuError(str(rules_dir() / "agencies.yaml"),
                                            f"{form!r} names two agencies: {first} and {entry.id}")
            for pattern in entry.patterns:
                self._patterns.append((re.compile(pattern + r"(?:\b|$)"), entry.id))
        self._counterparts: dict[str, list[str]] = {}
        self._central_of: dict[str, list[str]] = {}
        for rule in mapping.counterparts:
            for agency_id in (rule.central, *rule.provincial):
                if agency_id not in self.agencies:
                    raise DoichieuError(str(rules_dir() / "agency_map.yaml"), f"unknown agency id {agency_id}")
            self._counterparts.setdefault(rule.central, []).extend(rule.provincial)
            for provincial in rule.provincial:
                self._central_of.setdefault(provincial, []).append(rule.central)

    def _city_forms(self, entry: AgencyEntry) -> list[str]:
        """The entry's names, and for a provincial body "… tỉnh" the same name "… thành phố"."""
        names = [entry.name, *entry.variants]
        if self.places is None or entry.level != "province":
            return names
        suffix = f" {self.places.province}"
        return names + [name[:-len(suffix)] + f" {self.places.city}" for name in names if name.endswith(suffix)]

    def _expand(self, names: list[str]) -> list[str]:
        forms: set[str] = set()
        for name in names:
            name = nfc(name)
            for form in _punctuation_variants(name):
                forms.add(form)
                for short, long in self.abbreviations.items():
                    if long in form:
                        forms.add(form.replace(long, short))
        return sorted(forms)

    # ------------------------------------------------------------------ queries

    def get(self, agency_id: str) -> Agency:
        return self.agencies[agency_id]

    def printed_forms(self) -> list[tuple[str, str]]:
        """Every (printed form, id) of the registered names, abbreviations and variants included."""
        return list(self._printed)

    def expand(self, text: str) -> str:
        """Abbreviations written out: "UBND tỉnh" -> "Ủy ban nhân dân tỉnh" (whole words only), never inside a
        số hiệu ("Kế hoạch số 10/KH-UBND" quoted in a name stays as printed)."""
        for short, long in self._longest_first:
            if short in text:
                numbers = [m.span() for m in _NUMBER.finditer(text)]
                # (re.sub calls the function at once, inside this turn of the loop)
                text = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)",
                              lambda m: m[0] if any(s <= m.start() < e for s, e in numbers) else long,  # noqa: B023
                              text)
        return text

    def _strip_title(self, folded: str) -> tuple[str, str] | None:
        """(the office-holder title `folded` opens with, the rest of the name), or None."""
        for title in self._title_folds:
            if folded == title or folded.startswith(title + " "):
                return title, folded[len(title):].strip()
        return None

    def lookup(self, printed: str) -> Agency | None:
        """The registered agency a printed name stands for, or None. Exact form first, then a title
        followed by an agency, then a body named after a city, then the longest registered form that opens the
        name (an open name with qualifiers: "Ủy ban nhân dân các huyện biên giới"); the same without a leading
        plural marker ("các Ủy ban nhân dân các cấp" are the "Ủy ban nhân dân các cấp"); then the family
        patterns."""
        text = self.expand(nfc(printed))
        folded = self._fold(text)
        return (self._toned_prefix(text) or self._resolve(folded)) if folded else None

    def _fold(self, text: str) -> str:
        """fold(), but in a name written with its tones a word that folds as a one-word place unit without being it
        ("tinh" of "Ban Chỉ đạo tinh giản biên chế", "tinh gọn") keeps a mark ("tinh_"), so that no registered name
        and no family pattern reads the place there (a name printed without tones is read as before)."""
        folded = fold(text)
        if not self._units or strip_diacritics(text) == text or not any(u in folded.split() for u in self._units):
            return folded
        words = []
        for word in text.split():
            own = fold(word)
            if own in self._units and re.sub(r"\W", "", match_form(word)) != self._units[own]:
                own += "_"
            words.append(own)
        return " ".join(w for w in words if w)

    def _toned_prefix(self, text: str) -> Agency | None:
        """The agency of a name matched with its tones (`_toned`) that the printed name is or opens with."""
        printed = match_form(text)
        found = next((agency_id for form, agency_id in self._toned.items()
                      if printed == form or printed.startswith(form + " ")), None)
        return self.agencies[found] if found else None

    def _resolve(self, folded: str) -> Agency | None:
        found = self._registered(folded)
        bare = self._without_article(folded)
        if found is None and bare:
            found = self._registered(bare)
        return found or self._pattern(bare or folded)

    def _registered(self, folded: str) -> Agency | None:
        """The registered name `folded` is, or opens with; after an office-holder title, the body the rest names
        (family patterns included), unless a registered name longer than the title holds its words ("Ban Thường vụ
        Tỉnh ủy Hà Nam", "Chủ tịch nước …")."""
        agency_id = self._known(folded)
        if agency_id:
            return self.agencies[agency_id]
        title, rest = self._strip_title(folded) or ("", "")
        if rest:
            # the unit a title heads opens the body's name once ("Trưởng Ban Tuyên giáo …" heads "Ban Tuyên giáo …")
            unit = self._title_units.get(title)
            headed = f"{unit} {rest}" if unit and not rest.startswith(unit + " ") else None
            found = self._prefix(folded, len(title.split()) + 1) or (self._resolve(headed) if headed else None) or \
                self._resolve(rest)
            if found:
                return found
        return self._city(folded) or self._prefix(folded)

    def _without_article(self, folded: str) -> str | None:
        """The name without the plural marker it opens with (rules/roles.yaml `articles`: "các", "những"), or
        None."""
        for article in self._articles:
            if folded.startswith(article + " "):
                return folded[len(article) + 1:]
        return None

    def exact(self, printed: str) -> Agency | None:
        """The registered agency whose name or variant the printed name is, qualifiers and titles not allowed."""
        text = self.expand(nfc(printed))
        agency_id = self._toned.get(match_form(text)) or self._forms.get(self._fold(text))
        return self.agencies[agency_id] if agency_id else None

    def _city(self, folded: str) -> Agency | None:
        """A body named after a city ("uy ban nhan dan thanh pho thu duc"): the provincial body for a
        centrally-run city, else the district-level body of the same name ("… huyện"), if registered."""
        if self.places is None:
            return None
        city = f" {fold(self.places.city)} "
        at = folded.find(city)
        if at < 0:
            return None
        head, name = folded[:at], folded[at + len(city):]
        if not name or any(name.startswith(fold(w)) for w in self.places.not_a_name):
            return None
        if any(name == c or name.startswith(c + " ") for c in self._cities):
            return self._prefix(f"{head} {fold(self.places.province)}")
        agency_id = self._forms.get(f"{head} {fold(self.places.district)}")
        return self.agencies[agency_id] if agency_id else None

    def _known(self, folded: str) -> str | None:
        """The id of a registered form, or of the one registered form the name becomes when one OCR-confused
        letter is read back (long names only; None when two bodies are that close)."""
        agency_id = self._forms.get(folded)
        if agency_id or not self._confusions or len(folded.replace(" ", "")) < self._min_letters:
            return agency_id
        found = {self._forms[form] for form in self._misread(folded) if form in self._forms}
        return found.pop() if len(found) == 1 else None

    def _misread(self, folded: str):
        """The forms `folded` has with one of its OCR-confused letters read back."""
        for read, meant in self._confusions:
            at = folded.find(read)
            while at >= 0:
                yield folded[:at] + meant + folded[at + 1:]
                at = folded.find(read, at + 1)

    def _prefix(self, folded: str, shortest: int = 1) -> Agency | None:
        """The agency of the longest registered form of at least `shortest` words that opens the name."""
        words = folded.split()
        for size in range(len(words), shortest - 1, -1):
            head = " ".join(words[:size])
            agency_id = self._known(head)
            if agency_id:
                return self._branch(head, " ".join(words[size:])) or self.agencies[agency_id]
        return None

    def _branch(self, head: str, rest: str) -> Agency | None:
        """A central body's name followed by the provinces it has a branch in ("Cục Thuế các tỉnh, thành phố",
        "Kho bạc Nhà nước tỉnh Lào Cai"): the registered provincial body "<name> tỉnh", if any."""
        if self.places is None or not rest:
            return None
        units = (fold(self.places.province), fold(self.places.city))
        if not any(re.match(rf"(cac )?{unit}\b", rest) for unit in units):
            return None
        agency_id = self._forms.get(f"{head} {units[0]}")
        found = self.agencies[agency_id] if agency_id else None
        return found if found is not None and found.level == "province" else None

    def _pattern(self, folded: str) -> Agency | None:
        for pattern, agency_id in self._patterns:
            if pattern.match(folded):
                return self.agencies[agency_id]
        return None

    def counterparts(self, agency_id: str) -> list[str]:
        """Provincial counterparts of a central agency (or group); [] when none is recorded."""
        return list(dict.fromkeys(self._counterparts.get(agency_id, [])))

    def central_counterparts(self, agency_id: str) -> list[str]:
        """Central agencies whose provincial counterpart is this agency."""
        return list(dict.fromkeys(self._central_of.get(agency_id, [])))


@lru_cache(maxsize=1)
def registry() -> Registry:
    """The registry built from the rule files (cached per process)."""
    cities = [p.short for p in load_rules("succession", _ProvinceTable).provinces if p.kind == "thanh_pho"]
    encodings = encoding_rules()
    confusions = tuple((c.read, c.meant) for c in encodings.ocr_letter_confusions)
    return Registry(load_rules("agencies", AgencyRules), load_rules("agency_map", AgencyMap), cities, confusions,
                    encodings.ocr_name_min_letters, tuple(load_rules("roles", _Articles).articles))


def lookup(printed: str) -> Agency | None:
    """Registered agency for a printed name ("UBND tỉnh", "Bộ KH&ĐT", "các bộ, ngành liên quan"), or None."""
    return registry().lookup(printed)


def exact(printed: str) -> Agency | None:
    """Registered agency whose name or a variant is exactly the printed name ("Bộ Công Thương"), or None."""
    return registry().exact(printed)


def get(agency_id: str) -> Agency:
    """Agency by canonical id (KeyError when unknown)."""
    return registry().get(agency_id)


def counterparts(canonical_id: str) -> list[str]:
    """Provincial canonical ids that carry out, in a province, what this central agency is asked to do."""
    return registry().counterparts(canonical_id)


def central_counterparts(canonical_id: str) -> list[str]:
    """Central canonical ids whose provincial counterpart is this agency (inverse of `counterparts`)."""
    return registry().central_counterparts(canonical_id)


def is_counterpart(central_id: str, provincial_id: str) -> bool:
    """True when the provincial agency carries out, in a province, what the central one is asked to do."""
    return provincial_id in registry().counterparts(central_id)


def all_agencies() -> list[Agency]:
    """Every registered agency and family, in file order."""
    return list(registry().agencies.values())


def expand_abbreviations(text: str) -> str:
    """Write out the registered abbreviations in a text ("UBND" -> "Ủy ban nhân dân")."""
    return registry().expand(text)
