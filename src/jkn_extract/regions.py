"""Find and resolve Indonesian regions (province, regency/city, the nation) in text.

Matching (a linear dictionary lookup over word n-grams) lives in `regionscan.py`; this module
resolves its candidates to one region each, marks offices and venues, and reads datelines.

Ambiguity (documented choices, see rules/regions.yml):
- a level word, government body or office holder in front fixes the level ("Wali Kota Bengkulu");
- a bare name with several regions takes the one the text names explicitly elsewhere, else the one
  in a province the text names, else the province (Bengkulu, Jambi, Gorontalo, Yogyakarta), else
  the level `default_between_kabupaten_and_kota` (Bogor -> Kota Bogor), else the first code.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from .gazetteer import INDONESIA, Region, bare_name, districts
from .regionscan import TOKEN, RawMention, Scanner, name_key, region_index

__all__ = ["Region", "RegionMention", "resolve_region", "find_regions", "main_region"]

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


def _disambiguate(raws: list[RawMention]) -> list[Region]:
    """One region per raw mention, using what the rest of the text states unambiguously."""
    ix = region_index()
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


def _short_forms(text: str, raws: list[RawMention], regs: list[Region]) -> list[Region]:
    """"warga Bone" in an article about "Bone Bolango": a bare name that stands only alone, the first words of
    a longer region's name the article gives, is that region's short form when the short one's province is
    named nowhere else (so "Bandung" beside "Bandung Barat", one province, stays the city). Linear: the
    distinct regions are few, the mentions many."""
    written = [text[r.start:r.end].lower() for r in raws]
    forms: dict[str, set[str]] = {}
    for w, reg in zip(written, regs):
        forms.setdefault(reg.code, set()).add(w)
    distinct = {r.code: r for r in regs}.values()
    per_province = Counter(r.province_code for r in distinct)
    longer: dict[str, Region] = {}   # first words of a mentioned region's name -> that region
    for r in distinct:
        words = bare_name(r.name).lower().split()
        for k in range(1, len(words)):
            longer.setdefault(" ".join(words[:k]), r)
    out = []
    for w, reg in zip(written, regs):
        to = longer.get(w)
        short = to is not None and to.province_code != reg.province_code and forms[reg.code] == {w} \
            and per_province[reg.province_code] == 1 and bare_name(reg.name).lower() == w
        out.append(to if short else reg)
    return out


def _outside(raws: list[RawMention], stops: list[tuple[int, int]]) -> list[RawMention]:
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
    ix = region_index()
    return bool(start and ix.venue_before.search(text, max(0, start - 12), start) and ix.venue_after.match(text, end))


def _mentions(text: str, relaxed: bool) -> list[RegionMention]:
    ix = region_index()
    raws = Scanner(text, relaxed).scan()
    if raws:
        raws = _outside(raws, [m.span() for m in ix.stop.finditer(text)])
    out = []
    for raw, region in zip(raws, _short_forms(text, raws, _disambiguate(raws))):
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
    entries = region_index().names.get(name_key(phrase), ())
    if any(e.phrase_only for e in entries):
        return entries[0].region
    found = _mentions(phrase, relaxed=True)
    return found[0].region if found else None


def _most_specific(regs: list[Region]) -> Region | None:
    return max(regs, key=lambda r: _SPECIFICITY[r.level], default=None)


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
        words = TOKEN.findall(outside)
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
    key = name_key(named[0].text) if named else name_key(place)  # "Jakarta CNBC Indonesia" is the town Jakarta
    if not named:
        provs = {r.province_code for r in found if r is not INDONESIA}
        hits = {reg for name, reg in districts() if name_key(name) == key and (not provs or reg.province_code in provs)}
        if len(hits) == 1:
            found.append(hits.pop())
    return _most_specific(found), key, lead, lead + dash.start()


def dateline_as_venue(text: str, found: list[RegionMention]) -> list[RegionMention]:
    """Mentions inside the dateline ("Kota Palu (ANTARA) - DJSN menargetkan ...") say where the story
    was filed, like a venue: not the region a figure of the first sentence is about."""
    _, _, lo, hi = _dateline(text)
    return [replace(m, office=True) if lo <= m.start < hi else m for m in found] if hi > lo else found


def main_region(text: str, found: list[RegionMention] | None = None) -> Region | None:
    """The article's main region: its dateline plus its most-mentioned non-office region.
    `found` is `find_regions(text)` when the caller has it already (the parser does): not scanned twice.

    A province (or the nation) on top yields to one of its regencies/cities that is itself frequent
    (at least two mentions and half the top score): articles name the province around the regency.
    """
    dateline, town, dl_start, dl_end = _dateline(text)
    ix = region_index()
    found = find_regions(text) if found is None else found
    mentions = [m for m in found if not dl_start <= m.start < dl_end]  # weighed apart
    # a bare bureau town ("di Jakarta", "PTUN Jakarta") is a venue or seat unless a cue makes it the subject
    mentions = [m for m in mentions if name_key(m.text) not in ix.weak_datelines
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
