"""Throughput and memory of `jkn-extract run` against bare spaCy tokenisation of the same texts.

    python bench/bench.py [--corpus general-news bpjs-dump] [--workers 1 2] [--limit N]

Runs, in this one process's session: (1) the baseline, `spacy.blank("id")` tokenising every text
of the dump; (2) the full pipeline as a child process (`jkn-extract run DUMP --out TMP`), once
per --workers value, timing it and reading its peak RSS (the largest of the child and its
workers). Prints articles/s, the ratio to the baseline, and peak RSS; writes bench/results.json.
The corpora are the team's test data in ../shared/corpus (never committed here).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"


def texts(path: Path, limit: int | None):
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                return
            yield json.loads(line).get("text") or ""


def baseline(path: Path, limit: int | None) -> tuple[int, float]:
    import spacy

    nlp = spacy.blank("id")
    start = time.perf_counter()
    n = 0
    for doc in nlp.tokenizer.pipe(texts(path, limit), batch_size=256):
        n += 1
    return n, time.perf_counter() - start


def limited_copy(path: Path, limit: int | None, tmp: Path) -> Path:
    if limit is None:
        return path
    out = tmp / path.name
    with gzip.open(path, "rt", encoding="utf-8") as src, gzip.open(out, "wt", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= limit:
                break
            dst.write(line)
    return out


def pipeline(path: Path, workers: int, tmp: Path) -> tuple[float, float, dict]:
    out = tmp / f"out-{workers}"
    shutil.rmtree(out, ignore_errors=True)
    exe = Path(sys.executable).with_name("jkn-extract")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run([str(exe), "run", str(path), "--out", str(out), "--workers", str(workers), "--quiet"],
                   check=True, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    peak_kib = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)
    manifest = json.loads((out / "manifest.json").read_text())
    return elapsed, peak_kib / 1024, manifest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", nargs="+", default=["general-news", "bpjs-dump"])
    parser.add_argument("--workers", nargs="+", type=int, default=[1, 2])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles of each dump")
    args = parser.parse_args()
    results = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                           "platform": platform.platform()}, "runs": []}
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        for name in args.corpus:
            src = SHARED / f"{name}.jsonl.gz"
            if not src.is_file():
                sys.exit(f"bench: {src} not found (the shared corpora are needed)")
            path = limited_copy(src, args.limit, tmp)
            n, base_s = baseline(path, None)
            base_rate = n / base_s
            print(f"{name}: {n} articles; bare spaCy tokenisation {base_rate:,.0f} art/s")
            one_worker_rate = None
            for workers in args.workers:
                elapsed, peak_mb, manifest = pipeline(path, workers, tmp)
                rate = n / elapsed
                one_worker_rate = one_worker_rate or (rate if workers == 1 else None)
                row = {"corpus": name, "articles": n, "workers": workers, "seconds": round(elapsed, 2),
                       "articles_per_s": round(rate, 1), "baseline_articles_per_s": round(base_rate, 1),
                       "ratio_to_tokenisation": round(rate / base_rate, 3), "peak_rss_mb": round(peak_mb, 1),
                       "records": manifest["counts"]["records"], "duplicates": manifest["counts"]["duplicate"]}
                if one_worker_rate and workers > 1:
                    row["speedup_vs_1_worker"] = round(rate / one_worker_rate, 2)
                results["runs"].append(row)
                print("  " + json.dumps(row))
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
