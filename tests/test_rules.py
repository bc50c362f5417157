"""Rule files fail loudly, naming the file (and line), never half-load."""
from __future__ import annotations

from collections import Counter

import pytest

from jkn_extract import rules
from jkn_extract.rules import RuleError, load_csv, load_yaml, require, rules_dir


@pytest.fixture
def rule_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(rules, "rules_dir", lambda: tmp_path)
    load_yaml.cache_clear()
    load_csv.cache_clear()
    yield tmp_path
    load_yaml.cache_clear()
    load_csv.cache_clear()


def test_shipped_rule_files_all_load():
    names = sorted(p.name for p in rules_dir().glob("*.yml"))
    assert {"metrics.yml", "numbers.yml", "dates.yml", "regions.yml", "titles.yml", "speech_verbs.yml"} <= set(names)
    for name in names:
        assert isinstance(load_yaml(name), dict)


def test_invalid_yaml_names_the_file(rule_dir):
    (rule_dir / "bad.yml").write_text("cues: [unclosed\n")
    with pytest.raises(RuleError, match="bad.yml"):
        load_yaml("bad.yml")


def test_missing_file(rule_dir):
    with pytest.raises(RuleError, match="missing"):
        load_yaml("nothing.yml")


def test_unknown_and_mistyped_keys_are_rejected():
    with pytest.raises(RuleError, match="unknown keys"):
        require({"cues": [], "cuse": []}, "m.yml", {"cues": list})
    with pytest.raises(RuleError, match="must be list"):
        require({"cues": "kata"}, "m.yml", {"cues": list})


def test_csv_names_the_line(rule_dir):
    (rule_dir / "a.csv").write_text("alias,name\nBabel,Provinsi X\n# comment\nbroken\n")
    with pytest.raises(RuleError, match=r"a.csv:4"):
        load_csv("a.csv", ("alias", "name"))


def test_each_metric_lists_a_cue_once():
    for metric, spec in load_yaml("metrics.yml")["metrics"].items():
        twice = [cue for cue, n in Counter(c.lower() for c in spec["cues"]).items() if n > 1]
        assert not twice, (metric, twice)
