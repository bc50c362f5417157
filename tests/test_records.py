from __future__ import annotations

from dataclasses import dataclass

from jkn_extract.records import RECORD_FIELDS, records_from_figures
from jkn_extract.regions import Region

REGION = Region("99.01", "Kabupaten Contoh", "kabupaten")


@dataclass(frozen=True)
class Fig:
    metric: str
    value: float
    unit: str = "percent"
    kind: str = "actual"
    target_year: int | None = None
    as_of: str | None = None
    region: Region | None = REGION
    region_named: bool = True
    speaker_name: str | None = None
    speaker_role: str | None = None
    text: str = "x"
    sentence: str = "s"
    start: int = 0
    end: int = 1


def test_contract_fields_in_order():
    assert RECORD_FIELDS[:3] == ("article_id", "metric", "value")
    assert {"region_name", "region_code", "region_level", "as_of", "speaker_name", "speaker_role", "value_text",
            "sentence", "start", "end", "published", "flags", "unit", "kind", "target_year"} <= set(RECORD_FIELDS)


def test_repeated_figure_yields_one_record():
    recs = records_from_figures([Fig("uhc_pct", 96.5), Fig("uhc_pct", 96.5, start=50)], "a", None)
    assert len(recs) == 1 and recs[0].start == 0


def test_repeat_without_a_region_of_its_own_merges_and_fills_gaps():
    # the lead names the province; the quote later names no region (main region only) but dates it
    province = Region("99", "Provinsi Contoh", "provinsi")
    recs = records_from_figures([Fig("contribution_arrears", 5e9, "rupiah", region=province),
                                 Fig("contribution_arrears", 5e9, "rupiah", as_of="2022-01", speaker_name="Ani",
                                     region_named=False, start=80)], "a", None)
    assert [(r.region_code, r.as_of, r.speaker_name, r.start) for r in recs] == [("99", "2022-01", "Ani", 0)]
    # two regions each named by its own sentence are two figures
    both = records_from_figures([Fig("uhc_pct", 96.5, region=province), Fig("uhc_pct", 96.5, start=50)], "a", None)
    assert len(both) == 2


def test_two_values_for_one_metric_are_flagged_not_resolved():
    recs = records_from_figures([Fig("jkn_coverage_pct", 74.9), Fig("jkn_coverage_pct", 75.0, as_of="2022")], "a", None)
    assert [r.flags for r in recs] == [("conflicting_values",), ("conflicting_values",)]
    other_date = records_from_figures([Fig("jkn_coverage_pct", 74.9, as_of="2021"),
                                       Fig("jkn_coverage_pct", 75.0, as_of="2022")], "a", None)
    assert [r.flags for r in other_date] == [(), ()]


def test_rate_consistency():
    ok = records_from_figures([Fig("jkn_coverage_pct", 80.0), Fig("participants", 800, "persons"),
                               Fig("population", 1000, "persons")], "a", None)
    assert all(r.flags == () for r in ok)
    bad = records_from_figures([Fig("jkn_coverage_pct", 90.0), Fig("participants", 800, "persons"),
                                Fig("population", 1000, "persons")], "a", None)
    assert all(r.flags == ("inconsistent_rate",) for r in bad)
