"""End to end: the pipeline on corpus/, the committed outputs/, the seed gold, bad input, workers."""
from __future__ import annotations

import csv
import gzip
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from jkn_extract import extract
from jkn_extract.cli import main
from jkn_extract.evaluate import load_jsonl, score
from jkn_extract.pipeline import RunOptions, run


ROOT = Path(__file__).resolve().parents[1]
COMPARED = ("records.jsonl", "quotes.jsonl", "articles.csv", "duplicates.csv")


def run_corpus(out: Path, workers: int = 1, monkeypatch=None) -> dict:
    return run(RunOptions(inputs=[Path("corpus")], out_dir=out, workers=workers, progress=False))


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus_out")
    import os
    cwd = os.getcwd()
    os.chdir(ROOT)  # sources in articles.csv are relative to the project, as in outputs/
    try:
        run_corpus(out)
    finally:
        os.chdir(cwd)
    return out


def read_articles(out: Path) -> list[dict]:
    with open(out / "articles.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_committed_outputs_are_fresh(corpus_run):
    for name in COMPARED:
        committed = (ROOT / "outputs" / name).read_text(encoding="utf-8")
        assert committed == (corpus_run / name).read_text(encoding="utf-8"), (
            f"outputs/{name} is stale: run `jkn-extract run` and commit outputs/")


def test_records_snapshot(corpus_run, data_regression):
    data_regression.check({"records": load_jsonl(corpus_run / "records.jsonl")})


def test_all_output_files_agree(corpus_run):
    jsonl = load_jsonl(corpus_run / "records.jsonl")
    parquet = pd.read_parquet(corpus_run / "records.parquet")
    table = pd.read_csv(corpus_run / "records.csv")
    assert len(jsonl) == len(parquet) == len(table) > 0
    assert list(parquet.columns) == list(jsonl[0].keys()) == list(table.columns)
    assert parquet["value"].tolist() == [r["value"] for r in jsonl]
    manifest = json.loads((corpus_run / "manifest.json").read_text())
    assert manifest["counts"]["records"] == len(jsonl)
    assert manifest["counts"]["items"] == len(read_articles(corpus_run)) == 5


def test_seed_gold_fully_right(shared, tmp_path):
    run(RunOptions(inputs=[shared / "corpus" / "seeds"], out_dir=tmp_path, progress=False))
    gold = load_jsonl(shared / "gold" / "seeds.jsonl")
    result = score(gold, load_jsonl(tmp_path / "records.jsonl"))
    assert result.misses == [] and result.wrong == [] and result.false_positives == []
    # The team's independent scorer agrees.
    out = subprocess.run([sys.executable, str(shared / "tools" / "score.py"), str(shared / "gold" / "seeds.jsonl"),
                          str(tmp_path / "records.jsonl")], capture_output=True, text=True, check=True).stdout
    assert "record_F1=1.000" in out


def test_every_input_accounted_once_and_bad_input_rejected(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    text = "Cakupan kepesertaan JKN Kota Contoh mencapai 95,5 persen, kata Wali Kota Contoh Budi Santoso."
    lines = [json.dumps({"id": "a", "text": text}), json.dumps({"id": "b", "text": text}), "{broken",
             json.dumps({"id": "c"}), json.dumps({"id": "d", "text": ""})]
    (inp / "dump.jsonl.gz").write_bytes(gzip.compress("\n".join(lines).encode()))
    (inp / "bin.txt").write_bytes(b"\x00\x01\x02")
    (inp / "latin.txt").write_bytes("Program JKN “aman” 90 persen".encode("cp1252"))
    out = tmp_path / "out"
    assert main(["run", str(inp), "--out", str(out), "--quiet"]) == 0
    rows = read_articles(out)
    status = {r["article_id"]: (r["status"], r["duplicate_of"]) for r in rows}
    assert len(rows) == 7
    assert status["a"] == ("kept", "") and status["b"] == ("duplicate", "a")
    assert status["bin"][0] == status["dump:3"][0] == status["c"][0] == status["d"][0] == "rejected"
    assert status["latin"][0] == "kept"
    assert "cp1252" in next(r["reason"] for r in rows if r["article_id"] == "latin")


def test_nothing_readable_exits_nonzero(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"")
    assert main(["run", str(tmp_path / "bad.txt"), "--out", str(tmp_path / "o"), "--quiet"]) == 1


def test_workers_give_identical_output(corpus_run, tmp_path):
    import os
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        run_corpus(tmp_path, workers=2)
    finally:
        os.chdir(cwd)
    for name in COMPARED:
        assert (tmp_path / name).read_text() == (corpus_run / name).read_text()


def test_extract_api_on_invented_article():
    text = ("Kota Contoh, Provinsi Jawa Barat - Cakupan kepesertaan JKN di Kota Bekasi per Maret 2023 "
            "mencapai 96,5 persen dari total penduduk 2.500.000 jiwa.")
    records = extract(text, article_id="t1")
    got = {(r.metric, r.value, r.region_code, r.as_of) for r in records}
    assert ("jkn_coverage_pct", 96.5, "32.75", "2023-03") in got
    assert ("population", 2500000.0, "32.75", "2023-03") in got


def test_cli_help_explains_inputs(capsys):
    with pytest.raises(SystemExit):
        main(["run", "--help"])
    assert "articles.csv" in capsys.readouterr().out


def test_incremental_run_adds_nothing_for_the_same_input_and_keeps_accounting(tmp_path):
    inp = tmp_path / "dump.jsonl"
    article = ("Kota Contoh - Cakupan kepesertaan JKN di Kota Bekasi per Maret 2023 mencapai 96,5 persen "
               "dari total penduduk 2.500.000 jiwa.")
    inp.write_text(json.dumps({"id": "n1", "text": article}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    first = run(RunOptions(inputs=[inp], out_dir=out, progress=False))
    n_records = len(load_jsonl(out / "records.jsonl"))
    assert first["counts"]["kept"] == 1 and n_records >= 1
    second = run(RunOptions(inputs=[inp], out_dir=out, progress=False))
    assert second["incremental"] and second["counts"]["duplicate"] == 1 and second["counts"]["records"] == 0
    assert len(load_jsonl(out / "records.jsonl")) == n_records
    assert [r["status"] for r in read_articles(out)] == ["kept", "duplicate"]
    assert second["totals_all_runs"]["items"] == 2 and len(second["runs"]) == 2
    # A new dump with a new article appends its records.
    new = tmp_path / "new.jsonl"
    new.write_text(json.dumps({"id": "n2", "text": article.replace("96,5", "97,1").replace("Maret", "April")})
                   + "\n", encoding="utf-8")
    third = run(RunOptions(inputs=[new], out_dir=out, progress=False))
    assert third["counts"]["kept"] == 1 and len(load_jsonl(out / "records.jsonl")) > n_records
    assert len(pd.read_parquet(out / "records.parquet")) == len(load_jsonl(out / "records.jsonl"))
