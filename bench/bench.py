"""Throughput and memory of `jkn-extract run` against bare spaCy tokenisation of the same texts.

    python bench/bench.py [--corpus general-news bpjs-dump] [--workers 1 2] [--limit N] [--repeat R]

Runs, in this one process's session: (1) the baseline, `spacy.blank("id")` tokenising every text
of the dump; (2) the full pipeline as a child process (`jkn-extract run DUMP --out TMP`), per
--workers value, R times (the worker counts alternate, so that drift hits them alike), timing it
and reading its own peak RSS (the largest of the child and its workers, from wait4: not the
largest of every child so far). The best of the R runs counts. Prints articles/s, the ratio to the
baseline, the speed-up over one worker and peak RSS; writes bench/results.json.

Other processes on the machine skew wall times: each run also reports the CPU seconds the run
used and the CPU seconds the rest of the machine used meanwhile (`foreign_cpu_s`, from /proc/stat;
Linux only). A run with a large foreign share is not a measurement: rerun when the machine is quiet.
The corpora are the team's test data in ../shared/corpus (never committed here).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
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


def machine_busy_s() -> float | None:
    """CPU seconds all processes have used since boot (None where /proc/stat is absent)."""
    try:
        fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except OSError:
        return None
    return (sum(fields[:8]) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")  # less idle and iowait


def pipeline(path: Path, workers: int, tmp: Path) -> dict:
    out = tmp / f"out-{workers}"
    shutil.rmtree(out, ignore_errors=True)
    exe = Path(sys.executable).with_name("jkn-extract")
    busy = machine_busy_s()
    start = time.perf_counter()
    child = subprocess.Popen([str(exe), "run", str(path), "--out", str(out), "--workers", str(workers), "--quiet"],
                             stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)  # this child's usage, its reaped workers included
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise subprocess.CalledProcessError(child.returncode, child.args)
    cpu = usage.ru_utime + usage.ru_stime
    foreign = None if busy is None else max(0.0, machine_busy_s() - busy - cpu)
    manifest = json.loads((out / "manifest.json").read_text())
    return {"seconds": elapsed, "cpu_s": cpu, "foreign_cpu_s": foreign, "peak_rss_mb": usage.ru_maxrss / 1024,
            "manifest": manifest}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", nargs="+", default=["general-news", "bpjs-dump"])
    parser.add_argument("--workers", nargs="+", type=int, default=[1, 2])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles of each dump")
    parser.add_argument("--repeat", type=int, default=1, help="runs per worker count; the fastest counts")
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
            tries: dict[int, list[dict]] = {w: [] for w in args.workers}
            for attempt in range(args.repeat):
                for workers in args.workers:
                    got = pipeline(path, workers, tmp)
                    tries[workers].append(got)
                    print(f"  run {attempt + 1}, {workers} worker(s): {got['seconds']:.2f} s, cpu {got['cpu_s']:.1f} s, "
                          f"foreign cpu {got['foreign_cpu_s'] if got['foreign_cpu_s'] is None else round(got['foreign_cpu_s'], 1)} s")
            one_worker_rate = None
            for workers in args.workers:
                best = min(tries[workers], key=lambda t: t["seconds"])
                rate = n / best["seconds"]
                one_worker_rate = one_worker_rate or (rate if workers == 1 else None)
                counts = best["manifest"]["counts"]
                row = {"corpus": name, "articles": n, "workers": workers, "seconds": round(best["seconds"], 2),
                       "articles_per_s": round(rate, 1), "baseline_articles_per_s": round(base_rate, 1),
                       "ratio_to_tokenisation": round(rate / base_rate, 3),
                       "peak_rss_mb": round(max(t["peak_rss_mb"] for t in tries[workers]), 1),
                       "cpu_s": round(best["cpu_s"], 2),
                       "foreign_cpu_s": None if best["foreign_cpu_s"] is None else round(best["foreign_cpu_s"], 2),
                       "all_seconds": [round(t["seconds"], 2) for t in tries[workers]],
                       "records": counts["records"], "duplicates": counts["duplicate"]}
                if one_worker_rate and workers > 1:
                    row["speedup_vs_1_worker"] = round(rate / one_worker_rate, 2)
                results["runs"].append(row)
                print("  " + json.dumps(row))
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
