"""Batch runs: pass 1 scans every unit in the workers, pass 2 parses only kept, in-scope articles;
every input is accounted for once, whatever the number of workers, and failures are rejections."""
from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pytest

from jkn_extract import pipeline
from jkn_extract.evaluate import load_jsonl
from jkn_extract.pipeline import RunOptions, run

COMPARED = ("records.jsonl", "quotes.jsonl", "articles.csv", "duplicates.csv")
IN_SCOPE = ("Kota Contoh - Cakupan kepesertaan JKN di Kota Bekasi per Maret 2023 mencapai 96,5 persen "
            "dari total penduduk 2.500.000 jiwa.")
OTHER = "Timnas sepak bola Indonesia menang 2-1 atas Vietnam di Stadion Gelora Bung Karno, Jakarta, Selasa malam."
MARKET = "Harga cabai rawit di Pasar Induk Kramat Jati naik menjadi Rp80.000 per kilogram pekan ini."


def make_inputs(root: Path) -> Path:
    """A dump with every kind of unit: kept, duplicate, out of scope, empty after cleaning, bad lines,
    a repeated id with other text, and .txt / .txt.gz files (one of them corrupt)."""
    inp = root / "in"
    inp.mkdir()
    lines = [json.dumps({"id": "a", "text": IN_SCOPE}),
             json.dumps({"id": "b", "text": IN_SCOPE}),                     # exact duplicate of a
             "{broken",
             json.dumps({"id": "c", "text": OTHER}),                        # kept, nothing to parse
             json.dumps({"id": "d", "text": "ADVERTISEMENT\nSCROLL TO CONTINUE WITH CONTENT"}),
             json.dumps({"id": "a", "text": IN_SCOPE.replace("96,5", "91,2")}),  # id reused, other text
             json.dumps({"id": "e", "text": IN_SCOPE.replace("96,5", "97,1").replace("Maret", "April"),
                         "published": "2023-04-02"}),
             json.dumps({"id": "f"}),
             json.dumps({"text": IN_SCOPE.replace("Bekasi", "Bogor").replace("96,5", "93,3")})]  # no id
    (inp / "dump.jsonl.gz").write_bytes(gzip.compress("\n".join(lines).encode()))
    (inp / "t1.txt").write_text(IN_SCOPE.replace("96,5", "94,4").replace("Bekasi", "Depok"), encoding="utf-8")
    (inp / "t2.txt.gz").write_bytes(gzip.compress(MARKET.encode()))
    (inp / "t3.txt.gz").write_bytes(gzip.compress(OTHER.encode())[:-12])
    return inp


def read_articles(out: Path) -> list[dict]:
    with open(out / "articles.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def run_dir(inp: Path, out: Path, workers: int) -> dict:
    return run(RunOptions(inputs=[inp], out_dir=out, workers=workers, progress=False))


@pytest.fixture
def inputs(tmp_path) -> Path:
    return make_inputs(tmp_path)


def test_every_unit_accounted_once_and_output_identical_for_any_workers(inputs, tmp_path):
    manifests = {n: run_dir(inputs, tmp_path / f"out{n}", n) for n in (1, 2, 3)}
    for name in COMPARED:
        one = (tmp_path / "out1" / name).read_text(encoding="utf-8")
        assert one == (tmp_path / "out2" / name).read_text(encoding="utf-8") == (
            tmp_path / "out3" / name).read_text(encoding="utf-8"), name
    assert manifests[1]["counts"] == manifests[2]["counts"] == manifests[3]["counts"]
    rows = read_articles(tmp_path / "out2")
    assert len(rows) == manifests[2]["counts"]["items"] == 12
    assert [r["article_id"] for r in rows] == ["a", "b", "dump:3", "c", "d", "a", "e", "f", "dump:9", "t1", "t2", "t3"]
    status = [(r["status"], r["reason"].split(":")[0]) for r in rows]
    assert status == [("kept", ""), ("duplicate", ""), ("rejected", "malformed JSON"), ("kept", ""),
                      ("rejected", "no article text left after cleaning"),
                      ("rejected", "article_id already used by an earlier article with other text"),
                      ("kept", ""), ("rejected", "no 'text' field"), ("kept", "no 'id' field; id taken from file and line"),
                      ("kept", ""), ("kept", ""), ("rejected", "unreadable")]
    assert rows[1]["duplicate_of"] == "a" and rows[6]["published"] == "2023-04-02"
    kept_records = {r["article_id"]: int(r["n_records"]) for r in rows if r["status"] == "kept"}
    assert kept_records["c"] == kept_records["t2"] == 0
    assert all(kept_records[k] > 0 for k in ("a", "e", "dump:9", "t1"))
    assert sum(kept_records.values()) == manifests[2]["counts"]["records"]


def test_only_kept_in_scope_articles_are_parsed(inputs, tmp_path, monkeypatch):
    parsed: list[tuple[str, bool]] = []
    real = pipeline.analyse

    def counting(text: str, article_id: str, published: str | None, quotes_only: bool = False):
        parsed.append((article_id, quotes_only))
        return real(text, article_id, published, quotes_only)

    monkeypatch.setattr(pipeline, "analyse", counting)
    run_dir(inputs, tmp_path / "out", 1)
    # "b", a copy of "a" read in the same run, gives its statements only (quotes, never records)
    assert [p for p in parsed if p[0] != "warm-up"] == [
        ("a", False), ("b", True), ("e", False), ("dump:9", False), ("t1", False)]
    parsed.clear()
    run_dir(inputs, tmp_path / "out", 1)  # incremental: everything was seen, nothing is parsed
    assert parsed == []


@pytest.mark.parametrize("workers", [1, 2])
def test_a_failing_article_is_rejected_with_the_reason(inputs, tmp_path, monkeypatch, workers):
    real = pipeline.analyse

    def fragile(text: str, article_id: str, published: str | None, quotes_only: bool = False):
        if article_id == "e":
            raise RuntimeError("boom")
        return real(text, article_id, published, quotes_only)

    real_clean = pipeline.clean_text

    def fragile_clean(text: str) -> str:
        if "Depok" in text:
            raise ValueError("bad text")
        return real_clean(text)

    monkeypatch.setattr(pipeline, "analyse", fragile)  # the forked workers inherit the patches
    monkeypatch.setattr(pipeline, "clean_text", fragile_clean)
    manifest = run_dir(inputs, tmp_path / "out", workers)
    rows = {r["article_id"]: r for r in reversed(read_articles(tmp_path / "out"))}  # first "a" wins
    assert rows["e"]["status"] == "rejected" and rows["e"]["published"] == ""
    assert rows["e"]["reason"] == "extraction failed: RuntimeError: boom"
    assert rows["t1"]["status"] == "rejected" and rows["t1"]["reason"] == "extraction failed: ValueError: bad text"
    assert rows["a"]["status"] == "kept" and int(rows["a"]["n_records"]) > 0
    assert manifest["counts"]["items"] == 12


@pytest.mark.parametrize("workers", [1, 2])
def test_a_parser_that_cannot_be_built_stops_the_run(inputs, tmp_path, monkeypatch, workers):
    from jkn_extract import parse

    def broken():
        raise RuntimeError("rules/tokenizer.yml: invalid")

    monkeypatch.setattr(parse, "make_nlp", broken)
    with pytest.raises(RuntimeError, match="invalid"):
        run_dir(inputs, tmp_path / "out", workers)


def test_incremental_run_with_workers_adds_nothing_and_leaves_no_spool(inputs, tmp_path):
    out = tmp_path / "out"
    first = run_dir(inputs, out, 2)
    records = (out / "records.jsonl").read_text(encoding="utf-8")
    second = run_dir(inputs, out, 2)
    assert second["incremental"] and second["counts"]["records"] == 0 and second["counts"]["kept"] == 0
    assert second["counts"]["items"] == first["counts"]["items"]
    assert (out / "records.jsonl").read_text(encoding="utf-8") == records
    rows = read_articles(out)
    assert len(rows) == 2 * first["counts"]["items"]
    assert {r["status"] for r in rows[first["counts"]["items"]:]} == {"duplicate", "rejected"}
    assert sorted(p.name for p in (out / "state").iterdir()) == ["dedup.pkl"]
    assert len(load_jsonl(out / "records.jsonl")) == first["counts"]["records"]


def test_a_copy_in_the_same_run_lists_its_statements_but_adds_no_records(tmp_path):
    quoted = ('"Cakupan kepesertaan JKN di Kota Bekasi sudah 96,5 persen," kata Kepala BPJS Kesehatan Cabang '
              'Bekasi Rina Kartika.')
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "d.jsonl").write_text("\n".join(json.dumps({"id": i, "text": quoted}) for i in ("x", "y")) + "\n",
                                 encoding="utf-8")
    run_dir(inp, tmp_path / "out", 1)
    quotes = [json.loads(line) for line in (tmp_path / "out" / "quotes.jsonl").read_text(encoding="utf-8").splitlines()]
    records = [json.loads(line) for line in (tmp_path / "out" / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {(q["article_id"], q["speaker_name"]) for q in quotes} == {("x", "Rina Kartika"), ("y", "Rina Kartika")}
    assert {r["article_id"] for r in records} == {"x"}
    run_dir(inp, tmp_path / "out", 1)   # the same dump again into the same DIR adds nothing
    assert len((tmp_path / "out" / "quotes.jsonl").read_text(encoding="utf-8").splitlines()) == len(quotes)
