"""Load the rule files in `rules/` (YAML / CSV) once, and fail loudly when one is malformed.

Rules are data a linguist edits; code only reads them. Every loader names the file
(and, for CSV, the line) in its error so a bad edit is found at start-up, not mid-batch.
"""
from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml


class RuleError(ValueError):
    """A rule file is missing or malformed."""


def rules_dir() -> Path:
    """The installed copy (`jkn_extract/rules`) or, in a source checkout, `<repo>/rules`."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parents[1] / "rules"):
        if candidate.is_dir():
            return candidate
    raise RuleError(f"rules directory not found next to {here}")


@cache
def load_yaml(name: str) -> dict[str, Any]:
    path = rules_dir() / name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise RuleError(f"{path}: rule file missing") from exc
    except yaml.YAMLError as exc:
        raise RuleError(f"{path}: invalid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise RuleError(f"{path}: expected a mapping at the top level")
    return data


def require(data: dict[str, Any], name: str, schema: dict[str, type]) -> dict[str, Any]:
    """Check that `data` (from rule file `name`) has exactly the keys of `schema`, with those types."""
    unknown = set(data) - set(schema)
    if unknown:
        raise RuleError(f"{name}: unknown keys {sorted(unknown)}; expected {sorted(schema)}")
    for key, typ in schema.items():
        if key not in data:
            raise RuleError(f"{name}: missing key {key!r}")
        if not isinstance(data[key], typ):
            raise RuleError(f"{name}: key {key!r} must be {typ.__name__}, got {type(data[key]).__name__}")
    return data


@cache
def load_csv(name: str, columns: tuple[str, ...]) -> tuple[dict[str, str], ...]:
    """Rows of a CSV rule file; `columns` must be its header. Blank lines and `#` lines are skipped."""
    path = rules_dir() / name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise RuleError(f"{path}: rule file missing") from exc
    lines = [(i, ln) for i, ln in enumerate(text.splitlines(), 1) if ln.strip() and not ln.lstrip().startswith("#")]
    if not lines:
        raise RuleError(f"{path}: empty")
    reader = csv.reader([ln for _, ln in lines])
    header = tuple(h.strip() for h in next(reader))
    if header != columns:
        raise RuleError(f"{path}:{lines[0][0]}: header {header} != expected {columns}")
    rows = []
    for (lineno, _), row in zip(lines[1:], reader):
        if len(row) != len(columns):
            raise RuleError(f"{path}:{lineno}: {len(row)} fields, expected {len(columns)}")
        rows.append({c: v.strip() for c, v in zip(columns, row)})
    return tuple(rows)


def compile_pattern(pattern: str, source: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise RuleError(f"{source}: bad regex {pattern!r}: {exc}") from exc


def alternation(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of literal words, longest first so that prefixes never win."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
