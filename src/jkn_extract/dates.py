"""Dates in Indonesian news: find date phrases, normalise them to ISO 8601 with the precision written.

`find_dates` is rule-based only (patterns compiled from `rules/dates.yml` by `datewords.py`);
dateparser is a last-resort fallback inside `parse_date` for a short phrase the rules miss,
never run over whole texts (it reads "76,22%" as a date and is slow).

Values: "2021-12-21" (day), "2021-11" (month), "2023" (year), "2022-07/2022-12" (period).
A phrase that needs a reference date (a weekday alone, "(10/5)", "saat ini") has value None
when no reference is given.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import Any

from .datehandlers import HANDLERS, make_date, to_reference
from .datewords import DateWords, date_words, lower, norm


@dataclass(frozen=True)
class DateMatch:
    start: int            # char offsets into the text given
    end: int
    text: str             # the phrase as written, incl. prefix
    value: str | None     # ISO with the text's precision, or an interval for a period
    kind: str             # "date", "month", "year", "period", "weekday", "now"
    prefix: str | None    # lower-cased prefix words, e.g. "per", "hingga akhir", "di tahun"


GROUPS = ("prefix", "pos", "wd", "mw", "yw", "d", "d2", "m", "m2", "y", "y2", "rel", "mrel", "open", "close",
          "sep", "pw", "pn", "pl", "pd", "now")


def prefix_of(g: dict[str, str | None]) -> str | None:
    joined = " ".join(" ".join(x.split()) for x in (g["prefix"], g["pos"], g["yw"]) if x)
    return joined or None


def find_dates(text: str, reference: str | None = None) -> list[DateMatch]:
    """All date phrases in `text`, in order, non-overlapping (the longest phrase wins)."""
    w, ref, low = date_words(), to_reference(reference), lower(text)
    found: list[DateMatch] = []
    relative: dict[DateMatch, tuple[str, dict[str, str | None], re.Match[str]]] = {}
    yearless: set[DateMatch] = set()   # a month name alone: its year comes from the reference or its sentence
    for name, pattern in w.patterns.items():
        for core in pattern.finditer(low):
            # the words before the core ("data per", "hingga akhir tahun", "Selasa,"), read backwards
            lead = w.leads[name].search(low, max(0, core.start() - 40), core.start())
            g = dict.fromkeys(GROUPS) | (lead.groupdict() if lead else {}) | core.groupdict()
            got = HANDLERS[name]((g, core, w, ref, low, text))
            if got is not None:
                start = lead.start() if lead else core.start()
                found.append(DateMatch(start, core.end(), text[start:core.end()], got[1], got[0], prefix_of(g)))
                rel = norm(g["rel"]) if g["rel"] and not g["mrel"] else None
                if rel and (ref is None or rel in w.relative_to_context):
                    relative[found[-1]] = (name, g, core)
                if name == "my" and not (g["y"] or g["rel"] or g["mrel"] or g["m2"]):
                    yearless.add(found[-1])
    # longest first, then earliest; keep those not overlapping an already kept one
    found.sort(key=lambda d: (d.start - d.end, d.start))
    starts: list[int] = []
    kept: list[DateMatch] = []
    for d in found:
        i = bisect_left(starts, d.start)
        if (i > 0 and kept[i - 1].end > d.start) or (i < len(kept) and kept[i].start < d.end):
            continue
        starts.insert(i, d.start)
        kept.insert(i, d)
    kept = anchor_months(kept, yearless, w, low, text)
    return anchor_relative(kept, relative, w, low, text) if relative else kept


# A sentence ends at . ! ? followed by a space and a capital or quote, or at a line break.
SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"])|\n")


def anchor_months(kept: list[DateMatch], yearless: set[DateMatch], w: DateWords, low: str, text: str) -> list[DateMatch]:
    """Months written without a year take the year of the last month dated with one before them in the
    sentence: "pada Januari 2023 sebanyak 120 jiwa, Februari 125 jiwa dan pada bulan Maret 130 jiwa" lists
    2023-01, 2023-02 and 2023-03, whatever the publication year. A bare month name counts only as such a
    list item (after a separator in `month_list_separators`); a month after a prefix without such an
    anchor in its sentence keeps its reference year, or, with no reference, takes the year of the sentence
    before. One pass in text order (`kept` is sorted and non-overlapping)."""
    starts = [e.start for e in kept]

    def free(lo: int, hi: int) -> bool:
        i = bisect_left(starts, hi)
        return i == 0 or kept[i - 1].end <= lo

    items = [DateMatch(m.start("m"), m.end("m"), text[m.start("m"):m.end("m")], None, "month", None)
             for m in w.checks["month_item"].finditer(low) if free(m.start("m"), m.end("m"))]
    if not items and not yearless:
        return kept
    ends = [m.start() for m in SENTENCE_END.finditer(text)]
    last: dict[int, DateMatch] = {}   # sentence number -> its last month dated with a year so far
    listed = set(items)
    out: list[DateMatch] = []
    for d in sorted([*kept, *items], key=lambda d: d.start):
        k = bisect_left(ends, d.start)
        if d not in yearless and d not in listed:
            if d.value and d.kind in ("month", "date") and len(d.value) >= 7:
                last[k] = d
            out.append(d)
            continue
        a = last.get(k)
        if a is None and d in yearless and d.value is None:
            a = last.get(k - 1)   # "Pada Januari 2023 ... . Pada Februari ...": the sentence before
        if a is None:
            if d in yearless:
                out.append(d)
            continue
        month = w.months[norm(low[d.start:d.end].split()[-1])]
        out.append(replace(d, value=f"{a.value[:4]}-{month:02d}"))
    return out


def anchor_relative(kept: list[DateMatch], relative: dict[DateMatch, tuple[str, dict[str, str | None], re.Match[str]]],
                    w: DateWords, low: str, text: str) -> list[DateMatch]:
    """Relative years ("tahun sebelumnya") re-read against the explicit year of their sentence.

    Why: "248 juta pada 2022, naik dibanding tahun sebelumnya 235 juta" compares with 2021, whatever
    the publication date; without a reference a bare "tahun lalu" has no better anchor either.
    The nearest explicit year before the phrase in its sentence wins, else the nearest after it.
    """
    ends = [m.start() for m in SENTENCE_END.finditer(text)]
    out = []
    for i, d in enumerate(kept):
        if d not in relative:
            out.append(d)
            continue
        k = bisect_left(ends, d.start)
        lo, hi = (ends[k - 1] if k else -1), (ends[k] if k < len(ends) else len(text))
        years = [e for e in kept if e not in relative and e.kind in ("year", "month", "date") and e.value
                 and lo < e.start and e.end <= hi + 1]
        before = [e for e in years if e.end <= d.start]
        after = [e for e in years if e.start >= d.end]
        anchor = before[-1] if before else (after[0] if after else None)
        if anchor is None:
            out.append(d)
            continue
        gap = norm(low[d.end:anchor.start].strip(" ,(")) if anchor.start >= d.end else None
        if gap is not None and (gap in w.relative_apposition or not gap):
            out.append(replace(d, value=anchor.value[:4]) if d.kind == "year" else d)  # "tahun depan (2023)"
            continue
        name, g, core = relative[d]
        got = HANDLERS[name]((g, core, w, date(int(anchor.value[:4]), 12, 31), low, text))
        out.append(replace(d, value=got[1]) if got else d)
    return out


def parse_date(text: str, reference: str | None = None) -> str | None:
    """The date a short phrase names, ISO 8601 with its precision; None when it names none."""
    if not text or not text.strip():
        return None
    matches = find_dates(text, reference)
    if matches:
        best = max(matches, key=lambda d: d.end - d.start)
        return best.value
    if date_words().checks["vocabulary"].search(lower(text)):   # "Mar", "selasa": rejected by the rules on purpose
        return None
    return fallback(text, reference)


FALLBACK_GUARD = re.compile(r"%|^[\d\s.,:+-]*$|\d[.,]\d")   # numbers and percentages are never dates


def fallback(text: str, reference: str | None) -> str | None:
    """dateparser, for a short phrase only (relative words such as "kemarin", odd formats)."""
    text = text.strip()
    if len(text) > 60 or FALLBACK_GUARD.search(text):
        return None
    ref = to_reference(reference)
    if ref is None and not re.search(r"\d{4}|\d{1,2}-\w{3,9}-\d{2}", text):
        return None   # without a year or reference dateparser would fill in today's date
    data = date_parser(ref).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    if not 1945 <= d.year <= 2100:
        return None
    return {"year": f"{d.year:04d}", "month": f"{d:%Y-%m}"}.get(data.period or "day", d.isoformat())


@cache
def date_parser(ref: date | None) -> Any:
    import dateparser.date   # slow import: only when the rules had nothing
    from datetime import datetime
    settings: dict[str, Any] = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first",
                                "RETURN_AS_TIMEZONE_AWARE": False}
    if ref is not None:
        settings["RELATIVE_BASE"] = datetime(ref.year, ref.month, ref.day)
    return dateparser.date.DateDataParser(languages=["id", "en"], settings=settings)


NUMERIC_PUBLISHED = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
ISO_PUBLISHED = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")


def normalise_published(raw: str | None) -> str | None:
    """Any date string from an input field -> "YYYY-MM-DD", or None.

    Numeric dates are day-first ("16/09/2019"); when the second number cannot be a month
    ("9/18/2025") they are read month-first. A genuinely ambiguous US-style value ("9/8/2025")
    is read day-first: decide per source upstream if a source is known to be month-first."""
    if not raw or not str(raw).strip():
        return None
    s = " ".join(str(raw).replace("+", " ").split())
    if m := ISO_PUBLISHED.match(s):
        d = make_date(int(m[1]), int(m[2]), int(m[3]))
        return d.isoformat() if d else None
    if m := NUMERIC_PUBLISHED.match(s):
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        d = make_date(y, a, b) if b > 12 >= a else make_date(y, b, a)
        return d.isoformat() if d else None
    for dm in find_dates(s):
        if dm.kind == "date" and dm.value:
            return dm.value
    value = fallback(s, None)
    return value if value and len(value) == 10 else None


def find_published(text: str) -> str | None:
    """The article's own dateline/byline date near its top, "YYYY-MM-DD", or None when unsure.

    Accepted, in this order, within the first lines of the text: (1) a date after an explicit
    publication cue ("Diposting: 22 Dec 2021"); (2) a date followed by a clock time on a byline
    ("Oleh Redaksi, Selasa, 28 September 2021 | 13:40 WIB"); (3) a line holding nothing but a
    date (weekday, time, zone allowed). Dates inside sentences ("Jakarta, Senin (16/9/2019) -")
    are event dates and are never used: a wrong publication date would silently shift every
    "saat ini" and weekday; a missing one leaves them null, which is honest."""
    if not text:
        return None
    w = date_words()
    pub, ck = w.published, w.checks
    lines = [ln for ln in text[: pub["max_chars"]].splitlines()[: pub["max_lines"]]
             if ln.strip() and not ck["pub_skip"].search(ln.lower())]
    for rule in (after_cue, byline_with_time, date_only_line):
        for line in lines:
            if value := rule(line, w):
                return value
    return None


def full_dates(line: str) -> list[DateMatch]:
    return [d for d in find_dates(line) if d.kind == "date" and d.value and len(d.value) == 10]


def after_cue(line: str, w: DateWords) -> str | None:
    cue = w.checks["pub_cue"].search(lower(line))
    if cue is None:
        return None
    return next((d.value for d in full_dates(line) if d.start >= cue.end()), None)


def byline_with_time(line: str, w: DateWords) -> str | None:
    cue = w.checks["pub_byline"].search(lower(line))
    if cue is None:
        return None
    for d in full_dates(line):
        if d.start >= cue.end() and w.checks["pub_time"].search(lower(line[d.end: d.end + 12])):
            return d.value
    return None


def date_only_line(line: str, w: DateWords) -> str | None:
    dates = full_dates(line)
    if len(dates) != 1:
        return None
    rest = line[: dates[0].start] + " " + line[dates[0].end:]
    rest = w.checks["pub_time"].sub(" ", lower(rest))
    return None if re.search(r"\w", rest) else dates[0].value
