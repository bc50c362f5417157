"""Find and resolve Indonesian regions (province, regency/city, the nation) in text.

Matching is a dictionary lookup over word n-grams, not a regex per name: a text is split into
letter tokens once, and at each token the lower-cased tokens are concatenated while the result is
still a prefix of some key. Keys ignore spaces and hyphens, so "Pangkal Pinang", "Pangkalpinang"
and "Pangkal-Pinang" are one key, and "Wali Kota" equals "Walikota". One pass, linear in the text.

Ambiguity (documented choices, see rules/regions.yml):
- a level word, government body or office holder in front fixes the level ("Wali Kota Bengkulu");
- a bare name with several regions takes the one the text names explicitly elsewhere, else the one
  in a province the text names, else the province (Bengkulu, Jambi, Gorontalo, Yogyakarta), else
  the level `default_between_kabupaten_and_kota` (Bogor -> Kota Bogor), else the first code.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from .gazetteer import INDONESIA, Region, bare_name, by_name, districts, region_named, regions
from .rules import RuleError, alternation, compile_pattern, load_csv, load_yaml, require

__all__ = ["Region", "RegionMention", "resolve_region", "find_regions", "main_region"]

_YML = "regions.yml"
_CSV = "region_aliases.csv"
_SCHEMA = {
    "level_words": dict, "office_patterns": list, "national_names": list, "national_phrases": list,
    "phrase_only": list, "blocked_before": list, "stop_phrases": list, "needs_level_word": list,
    "name_connectors": list, "name_abbreviations": list, "default_between_kabupaten_and_kota": str,
    "weak_datelines": list, "weak_town_cues": list, "venue_before": list, "venue_after": list,
}
_LEVELS = ("kabupaten", "kota", "provinsi", "any")
_TOKEN = re.compile(r"[^\W\d_]+")
# Between a level word and its name: an optional abbreviation dot, spaces, an optional "(Pemkab)".
_LEVEL_GAP = re.compile(r"(?:\.[ \u00a0]{0,3}|[ \u00a0]{1,3})(?:\([^()\n]{1,25}\)[ \u00a0]{1,3})?")
_NAME_GAPS = frozenset({" ", "-", "\u00a0", " - "})
_DATELINE_DASH = re.compile(r"[-\u2013\u2014]")
_DATELINE_MAX = 60      # characters before the dash of a dateline
_DATELINE_LINES = 3     # a teaser line or two may stand above a dateline that names its outlet
_DATELINE_OUTLET = re.compile(r"\([^()\n]{2,30}\)|\.(?:com|id|co)\b")  # "(ANTARA)", "KOMPAS.com"
_DOMAIN = re.compile(r"\.[a-z]{2,4}\b")  # ".com" in "KOMPAS.com": not a lower-case dateline word
_DATELINE_WEIGHT = 2    # a dateline counts like two mentions
_SPECIFICITY = {"nasional": 0, "provinsi": 1, "kabupaten": 2, "kota": 2}


@dataclass(frozen=True)
class RegionMention:
    start: int
    end: int
    text: str
    region: Region
    office: bool  # a BPJS office/branch ("BPJS Kesehatan Cabang X") or the venue of a statement
                  # ("kata X di Jakarta, Senin"): not the region a figure is about


@dataclass(frozen=True)
class _Entry:
    region: Region
    case: str            # "title": capitalised words; "exact": written in capitals; "any"
    needs_level: bool    # resolves only after a level word
    phrase_only: bool    # resolves only as a whole phrase given to resolve_region


@dataclass(frozen=True)
class _Raw:
    start: int
    end: int
    regions: tuple[Region, ...]


def _key(text: str) -> str:
    return "".join(_TOKEN.findall(text)).lower()


def _case_of(written: str) -> str:
    return "exact" if written.upper() == written and any(c.isalpha() for c in written) else "title"


class _Index:
    """Everything the matcher needs, built once from the gazetteer and the rule files."""

    def __init__(self) -> None:
        data = require(load_yaml(_YML), _YML, _SCHEMA)
        bad = set(data["level_words"]) - set(_LEVELS)
        if bad:
            raise RuleError(f"{_YML}: level_words: unknown levels {sorted(bad)}; expected {_LEVELS}")
        self.levels: dict[str, str] = {}
        for level, words in data["level_words"].items():
            for word in words:
                self.levels[_key(word)] = level
        self.level_prefixes = _prefixes(self.levels)
        needs_level = {_key(w) for w in data["needs_level_word"]}
        phrase_only = {_key(w) for w in data["phrase_only"]}
        names: dict[str, list[_Entry]] = {}

        def add(written: str, region: Region, case: str) -> None:
            k = _key(written)
            entries = names.setdefault(k, [])
            if all(e.region != region for e in entries):
                entries.append(_Entry(region, case, k in needs_level, k in phrase_only))

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
        self.blocked_before = {_key(w) for w in data["blocked_before"]}
        self.connectors = {w.lower() for w in data["name_connectors"]}
        self.name_abbrev = {_key(w) for w in data["name_abbreviations"]}
        self.office = compile_pattern(
            r"(?<![^\W_])(?:" + alternation(data["office_patterns"]) + r")[ \u00a0]{0,3}"
            r"(?:\([^()\n]{1,25}\)[ \u00a0]{0,3})?\Z", _YML)
        self.stop = compile_pattern(r"(?<![^\W_])(?:" + alternation(data["stop_phrases"]) + r")(?![^\W_])", _YML)
        self.default_kk = data["default_between_kabupaten_and_kota"]
        if self.default_kk not in ("kabupaten", "kota"):
            raise RuleError(f"{_YML}: default_between_kabupaten_and_kota must be kabupaten or kota")
        self.weak_datelines = {_key(w) for w in data["weak_datelines"]}
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
def _index() -> _Index:
    return _Index()


class _Scanner:
    """One pass over one text: tokens, then the longest match at each token."""

    def __init__(self, text: str, relaxed: bool) -> None:
        self.ix = _index()
        self.text = text
        self.relaxed = relaxed  # resolve_region: a short phrase need not be capitalised
        self.toks = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        self.low = [text[s:e].lower() for s, e in self.toks]

    def _gap(self, k: int) -> str:
        return self.text[self.toks[k - 1][1]:self.toks[k][0]]

    def _joins(self, k: int) -> bool:
        """Token k continues the name that token k-1 is part of."""
        gap = self._gap(k)
        return gap in _NAME_GAPS or (gap in (".", ". ") and self.low[k - 1] in self.ix.name_abbrev)

    def _case_ok(self, entry: _Entry, j: int, end: int) -> bool:
        words = [self.text[s:e] for s, e in self.toks[j:end]]
        if entry.case == "exact":
            return all(w.isupper() for w in words)
        if entry.case == "any" or self.relaxed:
            return True
        return all(w[0].isupper() or w in self.ix.connectors for w in words)

    def _names_at(self, j: int) -> list[tuple[int, list[_Entry]]]:
        """(end token, entries) of every name starting at token j, longest first."""
        out: list[tuple[int, list[_Entry]]] = []
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

    def scan(self) -> list[_Raw]:
        out: list[_Raw] = []
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
            out.append(_Raw(self.toks[i][0], self.toks[end - 1][1], regs))
            i = end
        return out


def _disambiguate(raws: list[_Raw]) -> list[Region]:
    """One region per raw mention, using what the rest of the text states unambiguously."""
    ix = _index()
    explicit = Counter(r.regions[0].code for r in raws if len(r.regions) == 1)
    provinces = {c.split(".")[0] for c in explicit if c != INDONESIA.code}
    out = []
    for raw in raws:
        regs = list(raw.regions)
        if len(regs) > 1:
            named = [r for r in regs if explicit[r.code]]
            in_prov = [r for r in regs if r.province_code in provinces]
            if named:
                regs = [max(named, key=lambda r: explicit[r.code])]
            elif in_prov and len({r.province_code for r in in_prov}) < len({r.province_code for r in regs}):
                regs = in_prov
        if len(regs) > 1:
            prov = [r for r in regs if r.level == "provinsi"]
            default = [r for r in regs if r.level == ix.default_kk]
            regs = prov or (default if {r.level for r in regs} == {"kabupaten", "kota"} else []) or regs
        out.append(min(regs, key=lambda r: r.code) if len(regs) > 1 else regs[0])
    return out


def _outside(raws: list[_Raw], stops: list[tuple[int, int]]) -> list[_Raw]:
    """The mentions that overlap no stop phrase; both lists are in text order (one merge pass)."""
    out, k = [], 0
    for raw in raws:
        while k < len(stops) and stops[k][1] <= raw.start:
            k += 1
        if k == len(stops) or stops[k][0] >= raw.end:
            out.append(raw)
    return out


def _venue(text: str, start: int, end: int) -> bool:
    """"... kata X di Jakarta, Senin": where something was said, not what it is about."""
    ix = _index()
    return bool(start and ix.venue_before.search(text, max(0, start - 12), start) and ix.venue_after.match(text, end))


def _mentions(text: str, relaxed: bool) -> list[RegionMention]:
    ix = _index()
    raws = _Scanner(text, relaxed).scan()
    if raws:
        raws = _outside(raws, [m.span() for m in ix.stop.finditer(text)])
    out = []
    for raw, region in zip(raws, _disambiguate(raws)):
        office = bool(ix.office.search(text, max(0, raw.start - 70), raw.start)) if raw.start else False
        office = office or _venue(text, raw.start, raw.end)
        out.append(RegionMention(raw.start, raw.end, text[raw.start:raw.end], region, office))
    return out


def find_regions(text: str) -> list[RegionMention]:
    """Every region mention in `text`, in order, non-overlapping (the longest match wins)."""
    return _mentions(text, relaxed=False)


def resolve_region(text: str) -> Region | None:
    """The region a short phrase names ("Pemkab Bangka Tengah", "Babel", "nasional"); None if none."""
    phrase = text.strip()
    entries = _index().names.get(_key(phrase), ())
    if any(e.phrase_only for e in entries):
        return entries[0].region
    found = _mentions(phrase, relaxed=True)
    return found[0].region if found else None


def _most_specific(regs: list[Region]) -> Region | None:
    return max(regs, key=lambda r: _SPECIFICITY[r.level], default=None)


def dateline_region(text: str) -> Region | None:
    """The place of a dateline ("Mentok, Babel (ANTARA) -", "PANGKALPINANG -"), if the text has one."""
    return _dateline(text)[0]


def _dateline(text: str) -> tuple[Region | None, str, int, int]:
    """(region, key of the town, start and end offsets) of the dateline; (None, "", 0, 0) when none.

    A dateline town that is not itself a regency/city is looked up among districts (kecamatan),
    within the province the dateline names, and stands for its regency when that is unique.
    """
    lead = len(text) - len(text.lstrip())
    for n in range(_DATELINE_LINES):
        head = text[lead: lead + _DATELINE_MAX + 1]
        dash = _DATELINE_DASH.search(head)
        segment = head[: dash.start()] if dash else ""
        outside = _DOMAIN.sub(" ", re.sub(r"\([^()]*\)", " ", segment))
        words = _TOKEN.findall(outside)
        if (words and len(words) <= 6 and all(w[0].isupper() for w in words)
                and (n == 0 or _DATELINE_OUTLET.search(segment))):
            break
        lead = text.find("\n", lead) + 1  # below a teaser only with its outlet: "Jambi (ANTARA) -"
        if not lead:
            return None, "", 0, 0
    else:
        return None, "", 0, 0
    place = outside.split(",")[0].strip()
    mentions = find_regions(segment)
    found = [m.region for m in mentions]
    named = [m for m in mentions if m.start < len(place)]
    key = _key(named[0].text) if named else _key(place)  # "Jakarta CNBC Indonesia" is the town Jakarta
    if not named:
        provs = {r.province_code for r in found if r is not INDONESIA}
        hits = {reg for name, reg in districts() if _key(name) == key and (not provs or reg.province_code in provs)}
        if len(hits) == 1:
            found.append(hits.pop())
    return _most_specific(found), key, lead, lead + dash.start()


def main_region(text: str) -> Region | None:
    """The article's main region: its dateline plus its most-mentioned non-office region.

    A province (or the nation) on top yields to one of its regencies/cities that is itself frequent
    (at least two mentions and half the top score): articles name the province around the regency.
    """
    dateline, town, dl_start, dl_end = _dateline(text)
    ix = _index()
    mentions = [m for m in find_regions(text) if not dl_start <= m.start < dl_end]  # weighed apart
    # a bare bureau town ("di Jakarta", "PTUN Jakarta") is a venue or seat unless a cue makes it the subject
    mentions = [m for m in mentions if _key(m.text) not in ix.weak_datelines
                or ix.weak_cue.search(text, max(0, m.start - 20), m.start)]
    # a text that names a region only as a BPJS branch is about that branch's region; a venue never counts
    counted = [m for m in mentions if not m.office] or [m for m in mentions if not _venue(text, m.start, m.end)]
    scores: Counter[Region] = Counter(m.region for m in counted)
    first: dict[Region, int] = {}
    for m in counted:
        first.setdefault(m.region, m.start)
    if dateline and town not in ix.weak_datelines:
        # a bureau dateline ("Jakarta") never decides: national news is written there
        scores[dateline] += _DATELINE_WEIGHT
        first[dateline] = -1
    if not scores:
        return None

    def rank(r: Region) -> tuple[int, int]:
        return scores[r], -first.get(r, 0)

    top = max(scores, key=rank)
    while top.level in ("provinsi", "nasional"):
        kids = [r for r in scores if _SPECIFICITY[r.level] > _SPECIFICITY[top.level]
                and (top is INDONESIA or r.province_code == top.code)
                and scores[r] >= 2 and 2 * scores[r] >= scores[top]]
        if not kids:
            break
        top = max(kids, key=rank)
    return top


def all_names() -> list[str]:
    """Canonical names of every region (for measurement and docs)."""
    return list(by_name())
