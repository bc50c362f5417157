"""Extraction quality on hand-annotated real articles (tests/data/README.md), as floors that catch
regressions: the gold holds no article text, the texts are read from ../shared (skipped where absent)."""
from __future__ import annotations

import gzip
import json
from collections import defaultdict
from pathlib import Path

import pytest

from jkn_extract.evaluate import load_jsonl, prf, score
from jkn_extract.pipeline import RunOptions, run

DATA = Path(__file__).parent / "data"
# (gold set, value F1 floor, record F1 floor, quoted-person recall floor): a little under what was measured,
# with records for articles that have no gold line counted as false positives
SETS = [("jkn_sample40", 0.95, 0.95, None), ("jkn_dense30", 0.95, 0.90, None),
        ("jkn_fresh178", 0.93, 0.90, 0.97), ("jkn_final50", 0.94, 0.94, 0.97),
        ("jkn_fresh300", 0.91, 0.88, 0.96), ("jkn_final50b", 0.90, 0.80, 0.95),
        ("jkn_fresh100", 0.86, 0.82, 0.95), ("jkn_final50c", 0.87, 0.87, 0.95),
        ("jkn_fresh100b", 0.95, 0.90, 0.95), ("jkn_final41", 0.60, 0.35, 0.93),
        # session 14: sparse, quote-rich articles (12 and 6 required lines)
        ("jkn_fresh77", 0.83, 0.83, 0.97), ("jkn_final48", 0.60, 0.40, 0.87),
        # session 15: budget- and PBI-rich articles from what was left (34 and 21 required lines)
        ("jkn_fresh50d", 0.82, 0.75, 0.90), ("jkn_final25", 0.35, 0.35, 0.85),
        # session 16: three blind batches of what was left (10 required lines, 39 quoted persons)
        ("jkn_fresh26", 0.65, 0.65, 0.95),
        # quoted persons only (no record gold): value and record floors None
        ("jkn_quotes50", None, None, 0.97), ("jkn_quotes50b", None, None, 0.86)]


@pytest.fixture(scope="module")
def real_run(tmp_path_factory) -> Path:
    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "jkn-news.jsonl.gz"
    if not corpus.is_file():
        pytest.skip("../shared is absent: the real articles are not available here")
    wanted = {i for name, *_ in SETS for i in (DATA / f"{name}.ids").read_text().split()}
    out = tmp_path_factory.mktemp("real")
    # one file per gold set: a near-duplicate pair across sets must not hide one set's article
    inputs = []
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        lines = {json.loads(line)["id"]: line for line in fh if json.loads(line)["id"] in wanted}
    for name, *_ in SETS:
        path = out / f"{name}.jsonl"
        path.write_text("".join(lines[i] for i in (DATA / f"{name}.ids").read_text().split()), encoding="utf-8")
        inputs.append(path)
    for path in inputs:
        run(RunOptions(inputs=[path], out_dir=out / path.stem, progress=False))
    return out


def quoted_recall(name: str, out: Path) -> float:
    said = defaultdict(set)
    for q in load_jsonl(out / name / "quotes.jsonl"):
        if q["speaker_name"]:
            said[q["article_id"]].add(q["speaker_name"])
    found = total = 0
    for line in load_jsonl(DATA / f"{name}.quotes.jsonl"):
        for person in line["speakers"]:
            total += 1
            found += bool({person["name"], *person.get("alt_names", [])} & said[line["article_id"]])
    return found / total


@pytest.mark.parametrize("name,value_floor,record_floor,quote_floor", SETS)
def test_quality_floor_on_annotated_real_articles(real_run, name, value_floor, record_floor, quote_floor):
    if value_floor is None:     # a set annotated for quoted persons only
        recall = quoted_recall(name, real_run)
        print(f"{name}: quoted persons found {recall:.3f}")
        assert recall >= quote_floor
        return
    # every listed article is scored: records for one without gold lines are false positives
    result = score(load_jsonl(DATA / f"{name}.gold.jsonl"), load_jsonl(real_run / name / "records.jsonl"),
                   (DATA / f"{name}.ids").read_text().split())
    value_f1 = prf(result.matched, result.n_pred, result.n_gold)[2]
    record_f1 = prf(result.fully_right, result.n_pred, result.n_gold)[2]
    print(f"{name}: value_F1={value_f1:.3f} record_F1={record_f1:.3f}")
    assert value_f1 >= value_floor and record_f1 >= record_floor, (name, value_f1, record_f1)
    if quote_floor is not None:
        recall = quoted_recall(name, real_run)
        print(f"{name}: quoted persons found {recall:.3f}")
        assert recall >= quote_floor
