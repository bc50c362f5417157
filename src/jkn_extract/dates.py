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
from datetime import date, timedelta
from functools import cache
from typing import Any, Callable

from .datewords import DateWords, date_words, lower, norm


@dataclass(frozen=True)
class DateMatch:
    start: int            # char offsets into the text given
    end: int
    text: str             # the phrase as written, incl. prefix
    value: str | None     # ISO with the text's precision, or an interval for a period
    kind: str             # "date", "month", "year", "period", "weekday", "now"
    prefix: str | None    # lower-cased prefix words, e.g. "per", "hingga akhir", "di tahun"


Found = tuple[str, str | None] | None   # (kind, value), or None = not a date after all
# (groups of lead + core, the core match, vocabulary, reference, ASCII-lower-cased text, original text)
Ctx = tuple[dict[str, str | None], re.Match[str], DateWords, date | None, str, str]


def to_reference(reference: str | None) -> date | None:
    if not reference:
        return None
    try:
        return date.fromisoformat(reference.strip()[:10])
    except ValueError:
        return None


def full_year(y: str) -> int:
    n = int(y)
    if len(y) == 2:  # "(27/9/21)": two-digit years are this century up to 69
        return 2000 + n if n < 70 else 1900 + n
    return n


def make_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def quarter_span(y: int, parts: int, n: int) -> str:
    n = parts if n == -1 else n
    size = 12 // parts
    return f"{y:04d}-{(n - 1) * size + 1:02d}/{y:04d}-{n * size:02d}"


def year_of(mt: dict[str, str | None], w: DateWords, ref: date | None) -> int | None:
    """The year written ("2022", "tahun ini") or, when none, the reference's year."""
    if mt["y"]:
        return full_year(mt["y"])
    if mt.get("rel"):
        return None if ref is None else ref.year + w.relative_years[norm(mt["rel"] or "")]
    return None if ref is None else ref.year


def weekday_of(mt: dict[str, str | None], w: DateWords) -> int | None:
    return w.weekdays[norm(mt["wd"])] if mt.get("wd") else None


def in_range(y: int | None, w: DateWords) -> bool:
    return y is None or w.year_range[0] <= y <= w.year_range[1]


# ---- one handler per pattern in datewords.build_patterns -------------------------------------

def on_dmy(c: Ctx) -> Found:
    mt, core, w, ref, text, orig = c
    if not mt["y"] and norm(mt["m"]) not in w.full_months:   # "3 Mar" is too weak without a year
        return None
    m, y = w.months[norm(mt["m"])], year_of(mt, w, ref)
    if not in_range(y, w) or not 1 <= int(mt["d"]) <= 31:
        return None
    if y is None:
        return ("period" if mt["d2"] else "date"), None
    first = make_date(y, m, int(mt["d"]))
    if first is None:
        return None
    if mt["d2"]:
        last = make_date(y, m, int(mt["d2"]))
        return ("period", f"{first}/{last}") if last and last > first else None
    return "date", first.isoformat()


def on_mdy(c: Ctx) -> Found:
    mt, core, w, ref, _, _ = c
    d = make_date(int(mt["y"]), w.months[norm(mt["m"])], int(mt["d"]))
    return ("date", d.isoformat()) if d and in_range(d.year, w) else None


def on_my(c: Ctx) -> Found:
    mt, core, w, ref, _, _ = c
    m = w.months[norm(mt["m"])]
    if not mt["y"] and not mt["rel"]:
        # a month alone is a date only after a prefix or "bulan" or before "ini"/"lalu", as a full name
        if not (mt["prefix"] or mt["pos"] or mt["mw"] or mt["mrel"]) or norm(mt["m"]) not in w.full_months:
            return None
    y = year_of(mt, w, ref)
    if mt["mrel"] and ref is not None and not mt["m2"]:
        shift = w.month_relative[norm(mt["mrel"])]   # "Agustus lalu" written in March: last year's August
        if (shift < 0 and m > ref.month) or (shift > 0 and m < ref.month):
            y = ref.year + shift
    if not in_range(y, w):
        return None
    if mt["m2"]:
        m2 = w.months[norm(mt["m2"])]
        if m2 <= m:
            return None
        return "period", None if y is None else f"{y:04d}-{m:02d}/{y:04d}-{m2:02d}"
    return "month", None if y is None else f"{y:04d}-{m:02d}"


def on_num(c: Ctx) -> Found:
    mt, core, w, ref, _, _ = c
    d, m, wd = int(mt["d"]), int(mt["m"]), weekday_of(mt, w)
    bracketed = bool(mt["open"] and mt["close"])
    if not mt["y"]:
        # "(10/5)" / "Jumat 10/5" only: a bare "1/3" is a fraction, "10-5" a range
        if mt["sep"] != "/" or not (bracketed or wd is not None) or not 1 <= m <= 12 or not 1 <= d <= 31:
            return None
        if ref is None:
            return "date", None
        return "date", guess_year(ref, m, d, wd)
    y = full_year(mt["y"])
    found = make_date(y, m, d)
    return ("date", found.isoformat()) if found and in_range(y, w) else None


def guess_year(ref: date, m: int, d: int, wd: int | None) -> str | None:
    """Year of a dateline "(28/12)": the reference year, or the one before when that fits the
    weekday written or the date would lie more than a week after the publication date."""
    years = [ref.year, ref.year - 1]
    if wd is not None:
        for y in years:
            cand = make_date(y, m, d)
            if cand and cand.weekday() == wd:
                return cand.isoformat()
    for y in years:
        cand = make_date(y, m, d)
        if cand and cand <= ref + timedelta(days=7):
            return cand.isoformat()
    return None


def on_iso(c: Ctx) -> Found:
    mt, core, w, _, _, _ = c
    d = make_date(int(mt["y"]), int(mt["m"]), int(mt["d"]))
    return ("date", d.isoformat()) if d and in_range(d.year, w) else None


def on_period(c: Ctx) -> Found:
    mt, core, w, ref, _, _ = c
    if mt["pw"]:
        parts, n = w.periods[norm(mt["pw"])], w.period_numbers[norm(mt["pn"])]
    else:
        parts, n = w.periods[norm(mt["pl"])], int(mt["pd"])
    if n > parts or n == 0 or parts not in (2, 3, 4):
        return None
    y = year_of(mt, w, ref)
    if not in_range(y, w):
        return None
    return "period", None if y is None else quarter_span(y, parts, n)


def on_year(c: Ctx) -> Found:
    mt, core, w, ref, text, orig = c
    if mt["rel"]:
        if w.checks["relative_before"].search(text[max(0, core.start("rel") - 30): core.start("rel")]):
            return None   # "dua tahun lalu" = two years ago
        return "year", None if ref is None else str(ref.year + w.relative_years[norm(mt["rel"])])
    y, ys, ck = int(mt["y"]), core.start("y"), w.checks
    if not in_range(y, w) or ck["year_unit_after"].search(text[core.end(): core.end() + 40]):
        return None
    before = text[max(0, ys - 60): ys]
    if ck["regulation_before"].search(before):   # "UU Nomor 40 Tahun 2004" names a law
        return None
    if not (mt["prefix"] or mt["pos"] or mt["yw"]):
        if ck["year_word_before"].search(before) or ck["year_digit_near"].search(before[-3:]):
            return None
        if ck["digit_after"].search(text[core.end(): core.end() + 2]):
            return None
    if mt["y2"]:
        y2 = int(mt["y2"])
        return ("period", f"{y}/{y2}") if y < y2 and in_range(y2, w) else None
    return "year", str(y)


def on_now(c: Ctx) -> Found:
    return "now", None if c[3] is None else c[3].isoformat()


def on_weekday(c: Ctx) -> Found:
    mt, core, w, ref, text, orig = c
    s, e, ck = core.start("wd"), core.end("wd"), w.checks
    if not orig[s].isupper():                   # news capitalises weekdays; "minggu" is usually "week"
        return None
    after, before = text[e: e + 30], text[max(0, s - 30): s]
    if ck["weekday_after"].search(after) or ck["weekday_range_after"].search(after):
        return None
    if ck["weekday_before"].search(before) or ck["weekday_range_before"].search(before):
        return None
    if norm(mt["wd"]) in w.ambiguous_weekdays and (
            ck["ambiguous_after"].search(after) or ck["ambiguous_before"].search(before)):
        return None
    if ref is None:
        return "weekday", None
    wd = w.weekdays[norm(mt["wd"])]
    return "weekday", (ref - timedelta(days=(ref.weekday() - wd) % 7)).isoformat()


HANDLERS: dict[str, Callable[[Ctx], Found]] = {
    "dmy": on_dmy, "mdy": on_mdy, "my": on_my, "num": on_num, "iso": on_iso,
    "period": on_period, "year": on_year, "now": on_now, "weekday": on_weekday,
}


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
    return anchor_relative(kept, relative, w, low, text) if relative else kept


# A sentence ends at . ! ? followed by a space and a capital or quote, or at a line break.
SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"])|\n")


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
