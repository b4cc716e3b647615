"""The shape of rules/linking.yaml (weights, thresholds, boilerplate phrases)."""
from __future__ import annotations

import re
from functools import cache
from typing import Literal

from pydantic import BaseModel, Field, field_validator

from ..agencies import all_agencies
from ..model import DoichieuError
from ..rules import load_rules, rules_dir, validated
from ..vntext import match_form


class TextRules(BaseModel):
    segmenter: Literal["syllables", "underthesea"] = "syllables"
    ngram_range: tuple[int, int] = (1, 3)
    boilerplate: list[str] = Field(default_factory=list)
    partial_max_chars: int = 300
    contain_min_mass: float = 40.0
    shared_phrase_min_words: int = 4
    shared_phrase_max: int = 3
    bm25_k1: float = 1.2
    bm25_b: float = 0.75
    keyterm_floor: float = 0.15
    subject_min_words: int = 0  # runs of the central document's subject this long are removed (0: off)
    contingency: str = ""  # regex (match form): a clause on reporting difficulties if any arise ("": off)
    contingency_rest_words: int = 4  # a text with fewer other words is that clause alone: its wording is emptied


class StructureRules(BaseModel):
    heading_min_words: int = 3
    relative_floor: float = 0.15
    section_floor: float = 0.4  # aligned titles: specificity-weighted similarity at least this (features._heading_matrix)
    locality_unknown_role: float = 0.85
    locality_other_role: float = 0.7
    # the three patterns below are written with `{doc_type}`, filled by linking_rules (TYPED_PATTERNS)
    document_call: str = "(?!)"  # regex (match form): a central task charging bodies to carry out the document itself
    document_call_guided: str = "(?!)"  # regex (match form): before a document_call in its clause, the call is others'
    implementation_call: str = "(?!)"  # regex (match form): a provincial task calling for the work to be carried out
    plan_call: str = "(?!)"  # regex (match form, group `type`): a provincial task drafting the plan carrying a document out
    execution_titles: list[str] = Field(default_factory=list)  # regexes (match form) of the "Tổ chức thực hiện" part
    group_words: list[str] = Field(default_factory=lambda: ["các"])  # plural words naming an open group of bodies
    restate_min_set: float = 85.0  # two provincial tasks restate each other: token_set_ratio at least this
    restate_min_sort: float = 55.0  # and token_sort_ratio at least this (rapidfuzz, 0-100)
    # or the shorter (of at least restate_copy_min_words words) is copied nearly verbatim into the longer: a short
    # table row written from its body item (rapidfuzz partial_ratio at least restate_copy_min_partial)
    restate_copy_min_partial: float = 95.0
    restate_copy_min_words: int = 8
    # or the one is a table row and the other the body item clearly closest to it: TF-IDF cosine (over the provincial
    # document's own tasks) at least restate_row_min and at least restate_row_margin times the next body item's
    restate_row_min: float = 0.3
    restate_row_margin: float = 2.0
    restate_examples: str = "(?!)"  # regex (match form): a list of examples, left out of the restatement tests
    holder_duties_whole: str = "(?!)"  # regex (match form, group `holder`): a task handing on a holder's duties as a whole
    holder_duties: str = "(?!)"  # regex (match form, group `holder`): … or one matter within them
    holder_words: dict[str, str] = Field(default_factory=dict)  # bare holder word -> registry level ("own": the task's)
    holder_kind: str = "local_government"  # registry kind of the bodies whose duties are handed on

    @field_validator("holder_duties_whole", "holder_duties")
    @classmethod
    def _names_the_holder(cls, pattern: str) -> str:
        if pattern != "(?!)" and "holder" not in re.compile(pattern).groupindex:
            raise ValueError("a holder-duties pattern needs a group named `holder`")
        return pattern

    @field_validator("plan_call")
    @classmethod
    def _names_the_type(cls, pattern: str) -> str:
        if pattern != "(?!)" and "type" not in re.compile(pattern).groupindex:
            raise ValueError("a plan-call pattern needs a group named `type`")
        return pattern


class AgencyRules(BaseModel):
    level_prefixes: list[str] = Field(default_factory=list)
    level_suffixes: list[str] = Field(default_factory=list)
    same_body_levels: list[str] = Field(default_factory=list)
    directing_issuers: list[str] = Field(default_factory=list)  # registry ids whose documents direct the central bodies
    undirected_kinds: list[str] = Field(default_factory=list)  # registry kinds such an issuer does not direct
    local_levels: list[str] = Field(default_factory=list)  # registry levels of the localities' bodies
    government_words: list[str] = Field(default_factory=list)  # a lead naming these names the governments too
    party_words: list[str] = Field(default_factory=list)  # "<word> <body>" is that body's own Party committee
    member_kinds: dict[str, list[str]] = Field(default_factory=dict)  # group id -> registry kinds of its members
    cited_issuer: str = "(?!)"  # regex (match form) between a cited document and the name of its issuer
    addressee: str = "(?!)"  # regex (spaced match form) of a run naming the bodies a task sends or reports to


class LinearModel(BaseModel):
    bias: float
    weights: dict[str, float]  # feature name -> coefficient on the raw feature value


class DecisionRules(BaseModel):
    possible: float  # link probability at or above which a pair is linked (at least "possible")
    sure: float  # "sure" probability at or above which a link is sure
    sure_copy: float = 0.8  # containment at or above which a kept link is sure whatever the model says
    partial_floor: float = 1.0  # an unlinked central task reaching localities takes its best candidate at this P
    rescue_comparable: float = 0.5  # that rescue prefers an actor match among candidates with this share of the best P
    structural_heading: float = 0.9  # heading similarity of a copied heading (structural rescue)
    structural_actor: float = 1.0  # actor evidence needed (counterpart lead, or the central lead named)
    structural_wording: float = 0.5  # and wording at least this share of the closest candidate's (col_rel)
    max_links_per_task: int = 5  # a provincial task keeps at most this many central counterparts
    margin: float = 0.0  # a kept candidate needs P(linked) >= margin x its provincial task's best P (0: off)
    counterpart_rel: float = 1.01  # counterpart rescue: col_rel at or above which (above 1.0: off)


class LinkingRules(BaseModel):
    text: TextRules = Field(default_factory=TextRules)
    structure: StructureRules = Field(default_factory=StructureRules)
    agency: AgencyRules = Field(default_factory=AgencyRules)
    citation_pattern: str
    link_model: LinearModel  # P(linked at all)
    sure_model: LinearModel  # P(sure)
    decision: DecisionRules
    fires: dict[str, float]  # a feature appears in the reasons when at or above this value
    evaluation_abbreviations: dict[str, str] = Field(default_factory=dict)  # the referee's, for agency scores


TYPED_PATTERNS = ("document_call", "implementation_call", "plan_call")  # StructureRules fields with `{doc_type}`


@cache
def linking_rules() -> LinkingRules:
    """rules/linking.yaml, `{doc_type}` of its TYPED_PATTERNS standing for any document type a citation names
    (rules/roles.yaml citation.doc_types, matching form, longest first: "Chương trình hành động này" as well as
    "Nghị quyết này"), the patterns so filled validated again, agency.member_kinds checked against the registry (check_member_kinds;
    cached: read once per process)."""
    rules = load_rules("linking", LinkingRules)
    from ..extract import role_rules

    types = sorted({match_form(t) for t in role_rules().citation.doc_types}, key=len, reverse=True)
    any_type = "(?:" + "|".join(map(re.escape, types)) + ")"
    filled = {name: getattr(rules.structure, name).replace("{doc_type}", any_type) for name in TYPED_PATTERNS}
    structure = validated(StructureRules, rules.structure.model_dump() | filled, rules_dir() / "linking.yaml",
                          ("structure",))
    check_member_kinds(rules.agency)
    return rules.model_copy(update={"structure": structure})


def check_member_kinds(agency: AgencyRules) -> None:
    """agency.member_kinds names registry groups (rules/agencies.yaml ids) and registry kinds: an unknown one is
    refused by name, not read as a group that takes in no body."""
    registered = all_agencies()
    ids, kinds = {a.id for a in registered}, {a.kind for a in registered}
    for group, members in agency.member_kinds.items():
        if group not in ids:
            raise DoichieuError(str(rules_dir() / "linking.yaml"),
                                f"agency.member_kinds: {group!r} is no agency id of rules/agencies.yaml")
        for kind in members:
            if kind not in kinds:
                raise DoichieuError(str(rules_dir() / "linking.yaml"),
                                    f"agency.member_kinds.{group}: {kind!r} is no agency kind of rules/agencies.yaml")
