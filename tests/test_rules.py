"""The extract rule files (rules/roles.yaml, rules/agencies.yaml, rules/agency_map.yaml) validate and do
what their headers document; a broken file stops with one message naming the file and the field."""
import re
import shutil

import pytest
import yaml

from pipeline.agencies import AgencyMap, AgencyRules
from pipeline.dates import _Citation
from pipeline.extract import RoleRules, engine, read, role_rules
from pipeline.ingest.layout import IngestRules
from pipeline.ingest.repair import EncodingRules
from pipeline.model import DoichieuError
from pipeline.rules import load_rules, rules_dir
from pipeline.segment import StructureRules
from pipeline.vntext import SpellingRules


def test_roles_validate_and_patterns_compile():
    rules = role_rules()
    for rule in rules.deadlines:
        re.compile(rule.pattern)
        assert rule.kind in ("date", "by_date", "period", "recurring")
    assert rules.max_qualifier > 0
    assert set(rules.citation.central_issuers) >= {"CP", "TTg", "TW", "QH"}


def test_agency_files_validate():
    assert load_rules("agencies", AgencyRules).agencies
    assert load_rules("agency_map", AgencyMap).counterparts


def test_every_rule_file_documents_itself():
    for name in ("roles", "agencies", "agency_map", "structure", "ingest", "numbering", "encodings", "spelling"):
        text = (rules_dir() / f"{name}.yaml").read_text(encoding="utf-8")
        assert text.startswith("#"), name
        data = yaml.safe_load(text)
        header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
        for key in data:
            assert key in header, (name, key)


def test_cue_phrases_are_found_by_the_matcher():
    rules = role_rules()
    for phrase in rules.coordinator_cues + rules.advise_cues + rules.direct_cues + rules.lead_cues:
        tokens = read(f"X {phrase} Y")
        kinds = [kind for kind, table in tokens.cues.items() if 1 in table]
        assert kinds, phrase


def test_the_engine_knows_agencies_and_references():
    tokens = read("Uỷ ban nhân dân tỉnh thực hiện Nghị quyết số 23/NQ-CP ngày 02 tháng 3 năm 2022")
    labels = {label for _, label, _ in tokens.ents.values()}
    assert labels == {"AGENCY", "LEGAL_REF", "DATE"}
    assert engine() is engine()


@pytest.mark.parametrize("name, model, breakage, field", [
    ("roles", RoleRules, lambda d: d.pop("stops"), "stops"),
    ("roles", RoleRules, lambda d: d["deadlines"][0].pop("kind"), "kind"),
    ("roles", RoleRules, lambda d: d["spans"].update(note=0), "note"),
    ("roles", _Citation, lambda d: d["citation"].update(date=r"ngày (\d+)/(\d+)/(\d{4})"), "date"),
    ("agencies", AgencyRules, lambda d: d["agencies"][0].update(level="galaxy"), "level"),
    ("structure", StructureRules, lambda d: d["sizes"].update(title_max_words=0), "title_max_words"),
    ("structure", StructureRules, lambda d: d["sizes"].pop("list_close_max_words"), "list_close_max_words"),
    ("ingest", IngestRules, lambda d: d.pop("max_quoted_paragraphs"), "max_quoted_paragraphs"),
    ("ingest", IngestRules, lambda d: d["scan"].update(min_image_share=2), "min_image_share"),
    ("ingest", IngestRules, lambda d: d["spaced_table"].update(cell_gap=1), "cell_gap"),
    ("ingest", IngestRules, lambda d: d["spaced_table"].update(gutter_tolerance=0.6), "gutter_tolerance"),
    ("encodings", EncodingRules, lambda d: d.update(min_checked_words=-1), "min_checked_words"),
    ("spelling", SpellingRules, lambda d: d["same_word"][0]["forms"].append("hàng năm nay"), "forms"),
])
def test_broken_rule_file_is_refused_with_its_name(tmp_path, monkeypatch, name, model, breakage, field):
    for path in rules_dir().glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    data = yaml.safe_load((tmp_path / f"{name}.yaml").read_text(encoding="utf-8"))
    breakage(data)
    (tmp_path / f"{name}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("DOICHIEU_RULES", str(tmp_path))
    with pytest.raises(DoichieuError) as error:
        load_rules.__wrapped__(name, model)
    assert f"{name}.yaml" in str(error.value) and field in str(error.value)
