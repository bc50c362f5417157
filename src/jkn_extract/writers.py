"""Writers: stream records, quotes and the article accounting to DIR as they are produced, so memory
stays flat whatever the dump size. records.csv / records.parquet are written batch by batch."""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .records import RECORD_FIELDS

ARTICLE_FIELDS = ("article_id", "source", "status", "duplicate_of", "reason", "published", "region_code", "n_records")
DUPLICATE_FIELDS = ("article_id", "cluster_id", "similarity")
QUOTE_FIELDS = ("article_id", "speaker_name", "speaker_role", "speaker_org", "verb", "text", "direct", "start", "end")

RECORD_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("metric", pa.string()), ("value", pa.float64()), ("unit", pa.string()),
    ("kind", pa.string()), ("target_year", pa.int64()), ("region_name", pa.string()),
    ("region_code", pa.string()), ("region_level", pa.string()), ("as_of", pa.string()),
    ("speaker_name", pa.string()), ("speaker_role", pa.string()), ("value_text", pa.string()),
    ("sentence", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("published", pa.string()),
    ("flags", pa.list_(pa.string())),
])
assert tuple(RECORD_SCHEMA.names) == RECORD_FIELDS, "parquet schema out of step with Record"


def csv_cell(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return ";".join(map(str, value))
    return "" if value is None else value


class OutputWriter:
    """Owns every output file of one run in `out_dir`; `append` continues an earlier run's files."""

    def __init__(self, out_dir: Path, append: bool = False, batch_size: int = 500) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        self.out_dir = out_dir
        mode = "a" if append else "w"
        self.batch_size = batch_size
        self.pending: list[dict[str, Any]] = []
        self.n_records = 0
        self.records_jsonl = open(out_dir / "records.jsonl", mode, encoding="utf-8")
        self.quotes_jsonl = open(out_dir / "quotes.jsonl", mode, encoding="utf-8")
        self.records_csv, self.record_rows = self.open_csv("records.csv", RECORD_FIELDS, mode)
        self.articles_csv, self.article_rows = self.open_csv("articles.csv", ARTICLE_FIELDS, mode)
        # Parquet cannot be appended to: an incremental run rewrites it from records.jsonl at close.
        self.append = append
        self.parquet = None if append else pq.ParquetWriter(out_dir / "records.parquet", RECORD_SCHEMA)

    def open_csv(self, name: str, fields: tuple[str, ...], mode: str):
        path = self.out_dir / name
        fresh = mode == "w" or not path.exists() or path.stat().st_size == 0
        fh = open(path, mode, encoding="utf-8", newline="")
        writer = csv.DictWriter(fh, fieldnames=fields, extrasaction="ignore")
        if fresh:
            writer.writeheader()
        return fh, writer

    def write_records(self, rows: list[dict[str, Any]]) -> None:
        for row in rows:
            self.records_jsonl.write(json.dumps(row, ensure_ascii=False) + "\n")
            self.record_rows.writerow({k: csv_cell(v) for k, v in row.items()})
        self.n_records += len(rows)
        self.pending.extend(rows)
        if len(self.pending) >= self.batch_size:
            self.flush_parquet()

    def write_quotes(self, rows: list[dict[str, Any]]) -> None:
        for row in rows:
            self.quotes_jsonl.write(json.dumps({k: row.get(k) for k in QUOTE_FIELDS}, ensure_ascii=False) + "\n")

    def write_article(self, row: dict[str, Any]) -> None:
        self.article_rows.writerow({k: csv_cell(row.get(k)) for k in ARTICLE_FIELDS})

    def flush_parquet(self) -> None:
        if self.parquet is not None and self.pending:
            self.parquet.write_table(pa.Table.from_pylist(self.pending, schema=RECORD_SCHEMA))
        self.pending = []

    def close(self) -> None:
        self.flush_parquet()
        for fh in (self.records_jsonl, self.quotes_jsonl, self.records_csv, self.articles_csv):
            fh.close()
        if self.parquet is not None:
            self.parquet.close()
        else:
            rewrite_parquet(self.out_dir)


def rewrite_parquet(out_dir: Path, chunk: int = 5000) -> None:
    """records.parquet from records.jsonl, chunk by chunk (used after an appending run)."""
    with pq.ParquetWriter(out_dir / "records.parquet", RECORD_SCHEMA) as writer, \
            open(out_dir / "records.jsonl", encoding="utf-8") as fh:
        batch: list[dict[str, Any]] = []
        for line in fh:
            if line.strip():
                batch.append(json.loads(line))
            if len(batch) >= chunk:
                writer.write_table(pa.Table.from_pylist(batch, schema=RECORD_SCHEMA))
                batch = []
        if batch:
            writer.write_table(pa.Table.from_pylist(batch, schema=RECORD_SCHEMA))


def write_duplicates(out_dir: Path, rows: list[tuple[str, str, float]]) -> None:
    with open(out_dir / "duplicates.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(DUPLICATE_FIELDS)
        for article_id, cluster_id, similarity in rows:
            writer.writerow([article_id, cluster_id, f"{similarity:.3f}"])


def write_manifest(out_dir: Path, manifest: dict[str, Any]) -> None:
    (out_dir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
