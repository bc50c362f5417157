"""jkn-extract: JKN / BPJS Kesehatan coverage figures from Indonesian news, as records.

    from jkn_extract import extract, parse_number, parse_date, resolve_region

The API is imported lazily so that `jkn-extract --help` and the light stages do not load spaCy.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_API = {
    "extract": "analysis",
    "parse_number": "numbers",
    "Quantity": "numbers",
    "parse_date": "dates",
    "resolve_region": "regions",
    "Region": "regions",
    "Record": "records",
}
__all__ = list(_API)


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(import_module(f".{_API[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
