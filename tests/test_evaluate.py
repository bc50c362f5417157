from __future__ import annotations

from jkn_extract.evaluate import format_report, score

GOLD = [
    {"article_id": "a", "metric": "uhc_pct", "value": 96.55, "kind": "actual", "target_year": None,
     "region_code": "19.04", "as_of": None, "speaker_name": ["Budi", None]},
    {"article_id": "a", "metric": ["uhc_pct", "jkn_coverage_pct"], "value": 98, "kind": "target", "target_year": 2024,
     "region_code": "19.04", "as_of": None, "speaker_name": "Budi"},
    {"article_id": "a", "metric": "regions_below_average", "value": 9, "kind": "actual", "target_year": None,
     "region_code": "19.04", "as_of": None, "speaker_name": None, "optional": True},
]


def pred(**kw):
    base = {"article_id": "a", "metric": "uhc_pct", "value": 96.55, "kind": "actual", "target_year": None,
            "region_code": "19.04", "as_of": None, "speaker_name": None}
    return {**base, **kw}


def test_perfect_with_alternatives_and_optional():
    preds = [pred(), pred(metric="jkn_coverage_pct", value=98.0, kind="target", target_year=2024, speaker_name="budi"),
             pred(metric="regions_below_average", value=9)]
    result = score(GOLD, preds)
    assert (result.n_gold, result.n_pred, result.fully_right) == (2, 2, 2)


def test_value_tolerance_wrong_field_and_false_positive():
    preds = [pred(value=97.2), pred(metric="uhc_pct", value=98.2, kind="actual", target_year=None, speaker_name="Budi"),
             pred(metric="population", value=1000), pred(article_id="other", metric="population", value=5)]
    result = score(GOLD, preds)
    # 97.2 is off by more than 0.5%: a miss plus a false positive; 98.2 is within 0.5%.
    assert result.matched == 1 and len(result.misses) == 1
    assert [w["fields"] for w in result.wrong] == [["kind", "target_year"]]
    assert result.n_pred == 3  # the prediction for an article without gold is not scored
    with_listed = score(GOLD, preds, articles=["a", "other", "silent"])
    assert with_listed.n_pred == 4 and len(with_listed.false_positives) == 3  # "other" expects no records
    report = format_report(result, errors=True)
    assert "record" in report and "miss " in report and "false_positive " in report
