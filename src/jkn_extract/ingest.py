"""Read inputs (directories, .txt, .txt.gz, .jsonl, .jsonl.gz) into Article or Rejected items, streaming.

Nothing is dropped silently: every file or line that cannot become an article is yielded as
`Rejected` with a reason, so the accounting in articles.csv covers every input.

Reading is split in two so that a batch run can parallelise it: `iter_units` only reads (files,
gzip streams, lines) and yields raw `Unit`s; `parse_unit` decodes and parses one, in any process.
`iter_articles` is the two together.
"""
from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

SUFFIXES = (".jsonl.gz", ".txt.gz", ".jsonl", ".txt")


@dataclass(frozen=True)
class Article:
    article_id: str
    source: str
    text: str
    title: str | None = None
    url: str | None = None
    published_raw: str | None = None
    outlet: str | None = None
    note: str | None = None  # e.g. "decoded as cp1252": kept, but worth knowing


@dataclass(frozen=True)
class Rejected:
    article_id: str
    source: str
    reason: str


Item = Article | Rejected


def input_kind(path: Path) -> str | None:
    name = path.name.lower()
    return next((s for s in SUFFIXES if name.endswith(s)), None)


def expand_inputs(paths: Iterable[Path]) -> Iterator[Path | Rejected]:
    """Files to read, in order: a directory gives its supported files recursively, sorted."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and input_kind(p))
        elif path.exists():
            if input_kind(path):
                yield path
            else:
                yield Rejected(path.name, str(path), f"unsupported file type (expected one of {', '.join(SUFFIXES)})")
        else:
            yield Rejected(path.name, str(path), "no such file or directory")


def decode(data: bytes) -> tuple[str | None, str | None]:
    """Text and a note; (None, reason) for binary data. Non-UTF-8 text is decoded as cp1252 / latin-1."""
    if b"\x00" in data[:65536]:
        return None, "binary file (NUL bytes)"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "not valid UTF-8; decoded as cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "not valid UTF-8; decoded as latin-1"


def stem(path: Path) -> str:
    kind = input_kind(path) or path.suffix
    return path.name[: -len(kind)] if kind else path.stem


class Unit(NamedTuple):
    """One input unit as read, not yet decoded or parsed: reading is cheap and stays in one process,
    parsing (decoding, JSON, gunzip of a .txt.gz) can run in worker processes. A tuple pickles fast."""
    kind: str          # "jsonl" (one line), "txt" or "txt.gz" (one file)
    source: str
    fallback_id: str   # the article_id when the unit gives none (a file's stem, file:line)
    data: bytes


def read_raw_txt(path: Path) -> Unit | Rejected:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Rejected(stem(path), str(path), f"unreadable: {exc}")
    return Unit("txt.gz" if path.name.lower().endswith(".gz") else "txt", str(path), stem(path), raw)


def parse_txt(unit: Unit) -> Item:
    article_id, source, raw = unit.fallback_id, unit.source, unit.data
    if unit.kind == "txt.gz":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError, zlib.error) as exc:
            return Rejected(article_id, source, f"unreadable: {exc}")
    text, note = decode(raw)
    if text is None:
        return Rejected(article_id, source, note or "unreadable")
    if not text.strip():
        return Rejected(article_id, source, "empty text")
    return Article(article_id, source, text, note=note)


def read_txt(path: Path) -> Item:
    unit = read_raw_txt(path)
    return unit if isinstance(unit, Rejected) else parse_txt(unit)


def optional_str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def parse_jsonl_line(line: bytes, source: str, fallback_id: str) -> Item:
    text, note = decode(line)
    if text is None:
        return Rejected(fallback_id, source, note or "unreadable line")
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        return Rejected(fallback_id, source, f"malformed JSON: {exc.msg} at column {exc.colno}")
    if not isinstance(obj, dict):
        return Rejected(fallback_id, source, "JSON line is not an object")
    article_id = optional_str(obj.get("id")) or fallback_id
    body = obj.get("text")
    if body is None:
        return Rejected(article_id, source, "no 'text' field")
    if not isinstance(body, str):
        return Rejected(article_id, source, f"'text' is {type(body).__name__}, not a string")
    if not body.strip():
        return Rejected(article_id, source, "empty text")
    if obj.get("id") in (None, ""):
        note = "; ".join(filter(None, [note, "no 'id' field; id taken from file and line"]))
    return Article(
        article_id, source, body,
        title=optional_str(obj.get("title")), url=optional_str(obj.get("url")),
        published_raw=optional_str(obj.get("published")), outlet=optional_str(obj.get("source")), note=note,
    )


def read_raw_jsonl(path: Path) -> Iterator[Unit | Rejected]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    lineno = 0
    name = stem(path)
    try:
        with opener(path, "rb") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.isspace():  # same test as `line.strip()`, without copying the line
                    yield Unit("jsonl", f"{path}:{lineno}", f"{name}:{lineno}", line)
    except (OSError, EOFError, zlib.error) as exc:
        where = f" after line {lineno}" if lineno else ""
        yield Rejected(f"{name}:{lineno + 1}", str(path), f"unreadable{where}: {exc}")


def iter_units(paths: Iterable[Path]) -> Iterator[Unit | Rejected]:
    """Every input unit (or rejection) of the inputs, in input order, read but not parsed."""
    for entry in expand_inputs(paths):
        if isinstance(entry, Rejected):
            yield entry
        elif ".jsonl" in (input_kind(entry) or ""):
            yield from read_raw_jsonl(entry)
        else:
            yield read_raw_txt(entry)


def parse_unit(unit: Unit) -> Item:
    """The Article (or Rejected) a unit holds."""
    if unit.kind == "jsonl":
        return parse_jsonl_line(unit.data, unit.source, unit.fallback_id)
    return parse_txt(unit)


def iter_articles(paths: Iterable[Path]) -> Iterator[Item]:
    """Every article (or rejection) of the inputs, in input order."""
    for unit in iter_units(paths):
        yield unit if isinstance(unit, Rejected) else parse_unit(unit)
