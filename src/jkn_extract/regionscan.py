"""The region matcher: an index of region names built from the gazetteer and rule files, and a scanner.

Matching is a dictionary lookup over word n-grams, not a regex per name: a text is split into
letter tokens once, and at each token the lower-cased tokens are concatenated while the result is
still a prefix of some key. Keys ignore spaces and hyphens, so "Pangkal Pinang", "Pangkalpinang"
and "Pangkal-Pinang" are one key, and "Wali Kota" equals "Walikota". One pass, linear in the text.
Resolving the raw candidates to one region each is `regions.py`'s job.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .gazetteer import INDONESIA, Region, bare_name, region_named, regions
from .rules import RuleError, alternation, compile_pattern, load_csv, load_yaml, require

_YML = "regions.yml"
_CSV = "region_aliases.csv"
_SCHEMA = {
    "level_words": dict, "office_patterns": list, "national_names": list, "national_phrases": list,
    "phrase_only": list, "blocked_before": list, "stop_phrases": list, "needs_level_word": list,
    "name_connectors": list, "name_abbreviations": list, "default_between_kabupaten_and_kota": str,
    "weak_datelines": list, "weak_town_cues": list, "venue_before": list, "venue_after": list,
}
_LEVELS = ("kabupaten", "kota", "provinsi", "any")
TOKEN = re.compile(r"[^\W\d_]+")
# Between a level word and its name: an optional abbreviation dot, spaces, an optional "(Pemkab)".
_LEVEL_GAP = re.compile(r"(?:\.[ \u00a0]{0,3}|[ \u00a0]{1,3})(?:\([^()\n]{1,25}\)[ \u00a0]{1,3})?")
_NAME_GAPS = frozenset({" ", "-", "\u00a0", " - "})


@dataclass(frozen=True)
class NameEntry:
    region: Region
    case: str            # "title": capitalised words; "exact": written in capitals; "any"
    needs_level: bool    # resolves only after a level word
    phrase_only: bool    # resolves only as a whole phrase given to resolve_region


@dataclass(frozen=True)
class RawMention:
    start: int
    end: int
    regions: tuple[Region, ...]


def name_key(text: str) -> str:
    return "".join(TOKEN.findall(text)).lower()


def _case_of(written: str) -> str:
    return "exact" if written.upper() == written and any(c.isalpha() for c in written) else "title"


class RegionIndex:
    """Everything the matcher needs, built once from the gazetteer and the rule files."""

    def __init__(self) -> None:
        data = require(load_yaml(_YML), _YML, _SCHEMA)
        bad = set(data["level_words"]) - set(_LEVELS)
        if bad:
            raise RuleError(f"{_YML}: level_words: unknown levels {sorted(bad)}; expected {_LEVELS}")
        self.levels: dict[str, str] = {}
        for level, words in data["level_words"].items():
            for word in words:
                self.levels[name_key(word)] = level
        self.level_prefixes = _prefixes(self.levels)
        needs_level = {name_key(w) for w in data["needs_level_word"]}
        phrase_only = {name_key(w) for w in data["phrase_only"]}
        names: dict[str, list[NameEntry]] = {}

        def add(written: str, region: Region, case: str) -> None:
            k = name_key(written)
            entries = names.setdefault(k, [])
            if all(e.region != region for e in entries):
                entries.append(NameEntry(region, case, k in needs_level, k in phrase_only))

        for region in regions():
            add(bare_name(region.name), region, "title")
        for row in load_csv(_CSV, ("alias", "name")):
            add(row["alias"], region_named(row["name"], _CSV), _case_of(row["alias"]))
        for word in data["national_names"]:
            add(word, INDONESIA, _case_of(word))
        for word in data["national_phrases"]:
            add(word, INDONESIA, "any")
        unknown = (needs_level | phrase_only) - set(names)
        if unknown:
            raise RuleError(f"{_YML}: needs_level_word/phrase_only name no region: {sorted(unknown)}")
        self.names = {k: tuple(v) for k, v in names.items()}
        self.name_prefixes = _prefixes(self.names)
        self.blocked_before = {name_key(w) for w in data["blocked_before"]}
        self.connectors = {w.lower() for w in data["name_connectors"]}
        self.name_abbrev = {name_key(w) for w in data["name_abbreviations"]}
        self.office = compile_pattern(
            r"(?<![^\W_])(?:" + alternation(data["office_patterns"]) + r")[ \u00a0]{0,3}"
            r"(?:\([^()\n]{1,25}\)[ \u00a0]{0,3})?\Z", _YML)
        self.stop = compile_pattern(r"(?<![^\W_])(?:" + alternation(data["stop_phrases"]) + r")(?![^\W_])", _YML)
        self.default_kk = data["default_between_kabupaten_and_kota"]
        if self.default_kk not in ("kabupaten", "kota"):
            raise RuleError(f"{_YML}: default_between_kabupaten_and_kota must be kabupaten or kota")
        self.weak_datelines = {name_key(w) for w in data["weak_datelines"]}
        # "... kata X di Jakarta, Senin": where something was said, not what a figure is about.
        words = [w for w in data["venue_before"] if w[:1].isalnum()]
        marks = [w for w in data["venue_before"] if not w[:1].isalnum()]  # "Gedung DPR, Jakarta"
        before = [r"(?<![^\W_])(?:" + alternation(words) + ")"] if words else []
        before += [alternation(marks)] if marks else []
        self.venue_before = compile_pattern(r"(?:" + "|".join(before) + r") \Z", _YML)
        self.weak_cue = compile_pattern(r"(?<![^\W_])(?:" + alternation(data["weak_town_cues"]) + r")[ \u00a0-]\Z",
                                        _YML)
        self.venue_after = compile_pattern(r"[ ,]{0,3}(?:(?:" + alternation(data["venue_after"])
                                           + r")(?![^\W_])|\(\d{1,2}/\d{1,2})", _YML)


def _prefixes(keys: dict[str, object]) -> frozenset[str]:
    return frozenset(k[:i] for k in keys for i in range(1, len(k) + 1))


@cache
def region_index() -> RegionIndex:
    return RegionIndex()


class Scanner:
    """One pass over one text: tokens, then the longest match at each token."""

    def __init__(self, text: str, relaxed: bool) -> None:
        self.ix = region_index()
        self.text = text
        self.relaxed = relaxed  # resolve_region: a short phrase need not be capitalised
        self.toks = [(m.start(), m.end()) for m in TOKEN.finditer(text)]
        self.low = [text[s:e].lower() for s, e in self.toks]

    def _gap(self, k: int) -> str:
        return self.text[self.toks[k - 1][1]:self.toks[k][0]]

    def _joins(self, k: int) -> bool:
        """Token k continues the name that token k-1 is part of."""
        gap = self._gap(k)
        return gap in _NAME_GAPS or (gap in (".", ". ") and self.low[k - 1] in self.ix.name_abbrev)

    def _case_ok(self, entry: NameEntry, j: int, end: int) -> bool:
        words = [self.text[s:e] for s, e in self.toks[j:end]]
        if entry.case == "exact":
            return all(w.isupper() for w in words)
        if entry.case == "any" or self.relaxed:
            return True
        return all(w[0].isupper() or w in self.ix.connectors for w in words)

    def _names_at(self, j: int) -> list[tuple[int, list[NameEntry]]]:
        """(end token, entries) of every name starting at token j, longest first."""
        out: list[tuple[int, list[NameEntry]]] = []
        acc = ""
        for k in range(j, len(self.toks)):
            if k > j and not self._joins(k):
                break
            acc += self.low[k]
            if acc not in self.ix.name_prefixes:
                break
            entries = [e for e in self.ix.names.get(acc, ()) if self._case_ok(e, j, k + 1)]
            if entries:
                out.append((k + 1, entries))
        return out[::-1]

    def _with_level(self, i: int) -> tuple[int, tuple[Region, ...]] | None:
        """A level word / government body / office holder at token i followed by a name."""
        best = None
        acc = ""
        for k in range(i, min(len(self.toks), i + 5)):
            if k > i and not self._joins(k):
                break
            acc += self.low[k]
            if acc not in self.ix.level_prefixes:
                break
            level = self.ix.levels.get(acc)
            j = self._after_level(k) if level else None
            if j is None:
                continue
            found = self._name_after_level(j, level)
            if found:
                best = found
        return best

    def _after_level(self, k: int) -> int | None:
        """The token where a name after the level word ending at token k starts, past "(Pemkab)"."""
        j = k + 1
        if j < len(self.toks) and self._gap(j).endswith("("):
            close = self.text.find(")", self.toks[k][1], self.toks[k][1] + 30)
            while close >= 0 and j < len(self.toks) and self.toks[j][0] < close:
                j += 1
        if j >= len(self.toks):
            return None
        return j if _LEVEL_GAP.fullmatch(self.text[self.toks[k][1]:self.toks[j][0]]) else None

    def _name_after_level(self, j: int, level: str) -> tuple[int, tuple[Region, ...]] | None:
        fallback = None
        for end, entries in self._names_at(j):
            usable = [e.region for e in entries if not e.phrase_only and e.region is not INDONESIA
                      and (level != "any" or not e.needs_level)]
            if not usable:
                continue
            matching = [r for r in usable if r.level == level or level == "any"]
            if matching:
                return end, tuple(matching)
            fallback = fallback or (end, tuple(usable))  # "Kota Bangka Tengah": trust the name
        return fallback

    def _blocked(self, i: int) -> bool:
        return i > 0 and self.low[i - 1] in self.ix.blocked_before and self._gap(i) in (" ", ". ", ".", "\u00a0")

    def scan(self) -> list[RawMention]:
        out: list[RawMention] = []
        i = 0
        n = len(self.toks)
        while i < n:
            found = None
            if self.low[i] in self.ix.level_prefixes:
                found = self._with_level(i)
            if found is None and self.low[i] in self.ix.name_prefixes and not self._blocked(i):
                for end, entries in self._names_at(i):
                    usable = tuple(e.region for e in entries if not e.needs_level and not e.phrase_only)
                    if usable:
                        found = end, usable
                        break
            if found is None:
                i += 1
                continue
            end, regs = found
            if self.toks[end - 1][1] < len(self.text) and self.text[self.toks[end - 1][1]].isdigit():
                i += 1  # "Indonesia11": a name glued to a number is an artefact, not a mention
                continue
            out.append(RawMention(self.toks[i][0], self.toks[end - 1][1], regs))
            i = end
        return out
