"""Date handlers: one per pattern of `datewords.build_patterns`, turning a raw match into (kind, value).

Split from `dates.py` (which finds matches and keeps the longest); a handler returns None when the
match is not a date after all ("3 Mar" without a year, a bare "1/3", "UU Nomor 40 Tahun 2004").
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Callable

from .datewords import DateWords, norm

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
    prefix = norm(mt["prefix"]).split()[-1] if mt["prefix"] else ""
    dated_by_words = bool(mt["yw"] or mt["pos"]) or prefix in w.year_prefixes_before_nouns
    if not in_range(y, w) or not dated_by_words and ck["year_unit_after"].search(text[core.end(): core.end() + 40]):
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
