"""Command line: `jkn-extract run` and `jkn-extract eval`. Thin: parse arguments, call the pipeline."""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

DEFAULT_INPUT = Path("corpus")
DEFAULT_OUT = Path("outputs")

RUN_HELP = """\
Extract JKN / BPJS Kesehatan coverage figures from articles.

INPUT is any mix of directories (every *.txt, *.jsonl, *.jsonl.gz, *.txt.gz below them,
recursively, in sorted order), .txt files (one article; id = file name without extension)
and .jsonl[.gz] files (one {"id", "text", ...} object per line).
With no INPUT, reads ./corpus and writes ./outputs (rebuilt from scratch).

DIR receives records.jsonl/.csv/.parquet, quotes.jsonl, articles.csv (every input article,
with status kept / duplicate / rejected), duplicates.csv and manifest.json. Running again
with the same --out continues it incrementally: articles seen before are duplicates and
new records are appended. Use --fresh to start DIR over.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jkn-extract", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Turn Indonesian news about JKN / BPJS Kesehatan / UHC into records: one per coverage "
                    "figure, with region, date, metric and speaker.",
        epilog="Examples:\n  jkn-extract run                       # ./corpus -> ./outputs\n"
               "  jkn-extract run dump.jsonl.gz --out data/ --workers 2\n"
               "  jkn-extract eval --gold gold.jsonl --pred data/records.jsonl\n"
               "Run `jkn-extract run --help` for inputs and outputs.")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="extract records from articles", description=RUN_HELP,
                         formatter_class=argparse.RawDescriptionHelpFormatter)
    run.add_argument("inputs", nargs="*", type=Path, metavar="INPUT", help="directories or files (default: ./corpus)")
    run.add_argument("--out", type=Path, metavar="DIR", help="output directory (default: ./outputs)")
    run.add_argument("--workers", type=int, default=1, metavar="N", help="worker processes (default: 1)")
    run.add_argument("--fresh", action="store_true", help="delete DIR's earlier outputs and state first")
    run.add_argument("--no-near-duplicates", action="store_true",
                     help="only exact duplicates are removed (skip MinHash near-duplicate detection)")
    run.add_argument("--quiet", action="store_true", help="no progress bar")
    ev = sub.add_parser("eval", help="score records against gold records",
                        description="Precision, recall and F1 of predicted records against gold records, "
                                    "per field, as the output contract's Evaluation section defines them.")
    ev.add_argument("--gold", type=Path, required=True, metavar="GOLD.jsonl")
    ev.add_argument("--pred", type=Path, required=True, metavar="DIR/records.jsonl")
    ev.add_argument("--articles", type=Path, metavar="IDS.txt",
                    help="article ids scored, one per line (default: those in the gold); "
                         "records for a listed article without gold lines are false positives")
    ev.add_argument("--errors", action="store_true", help="also list misses, false positives and wrong fields")
    return parser


def command_run(args: argparse.Namespace) -> int:
    from .pipeline import RunOptions, run

    inputs = args.inputs
    out = args.out
    fresh = args.fresh
    if not inputs:
        if not DEFAULT_INPUT.is_dir():
            print(f"jkn-extract: no INPUT given and no ./{DEFAULT_INPUT}/ here; "
                  "run from the project folder or name the inputs", file=sys.stderr)
            return 2
        inputs, out, fresh = [DEFAULT_INPUT], out or DEFAULT_OUT, True
    out = out or DEFAULT_OUT
    if args.workers < 1:
        print("jkn-extract: --workers must be at least 1", file=sys.stderr)
        return 2
    if fresh and out.exists():
        for name in ("records.jsonl", "records.csv", "records.parquet", "quotes.jsonl", "articles.csv",
                     "duplicates.csv", "manifest.json"):
            (out / name).unlink(missing_ok=True)
        shutil.rmtree(out / "state", ignore_errors=True)
    manifest = run(RunOptions(inputs=inputs, out_dir=out, workers=args.workers,
                              near_duplicates=not args.no_near_duplicates, progress=not args.quiet))
    counts = manifest["counts"]
    print(f"{counts['items']} articles read: {counts['kept']} kept, {counts['duplicate']} duplicate, "
          f"{counts['rejected']} rejected; {counts['records']} records, {counts['quotes']} quotes "
          f"-> {out}/ ({manifest['timings_s']['total']} s)")
    if counts["items"] and counts["rejected"] == counts["items"]:
        print("jkn-extract: nothing could be read (see articles.csv for the reasons)", file=sys.stderr)
        return 1
    if counts["items"] == 0:
        print("jkn-extract: no input articles found", file=sys.stderr)
        return 1
    return 0


def command_eval(args: argparse.Namespace) -> int:
    from .evaluate import format_report, load_jsonl, score

    for path in (args.gold, args.pred, *([args.articles] if args.articles else [])):
        if not path.is_file():
            print(f"jkn-extract: {path}: no such file", file=sys.stderr)
            return 2
    articles = args.articles.read_text(encoding="utf-8").split() if args.articles else None
    result = score(load_jsonl(args.gold), load_jsonl(args.pred), articles)
    print(format_report(result, errors=args.errors))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler = {"run": command_run, "eval": command_eval}[args.command]
    return handler(args)


if __name__ == "__main__":
    sys.exit(main())
