"""Date vocabulary from `rules/dates.yml`, compiled once into the patterns `dates.py` runs.

Words are data; the grammar (how a day, month and year follow each other) is here. Every
pattern is a sequence of bounded pieces and literal alternations: no nested quantifiers, so
matching stays linear on any input.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from .rules import RuleError, alternation, compile_pattern, load_yaml, require

NAME = "dates.yml"
B = r"(?<!\w)"  # word start
E = r"(?!\w)"   # word end


@dataclass(frozen=True)
class DateWords:
    months: dict[str, int]            # spelling -> 1..12
    full_months: frozenset[str]       # spellings allowed without a year
    weekdays: dict[str, int]          # spelling -> 0 (Monday) .. 6
    periods: dict[str, int]           # period word/letter -> parts per year
    period_numbers: dict[str, int]
    relative_years: dict[str, int]
    relative_to_context: frozenset[str]   # relative years read against the sentence's year, not the reference
    relative_apposition: frozenset[str]   # "tahun depan atau 2023": the year restates the phrase
    month_relative: dict[str, int]
    year_range: tuple[int, int]
    ambiguous_weekdays: frozenset[str]
    year_prefixes_before_nouns: frozenset[str]   # a year after these is a date even before a count noun
    patterns: dict[str, re.Pattern[str]]   # kind of phrase -> core pattern, see `build_patterns`
    leads: dict[str, re.Pattern[str]]      # kind of phrase -> words allowed before its core
    checks: dict[str, re.Pattern[str]]     # context tests applied to a candidate's neighbours
    published: dict[str, Any]


def _words(data: dict[str, Any], key: str) -> list[str]:
    words = data[key]
    if not all(isinstance(w, str) and w.strip() for w in words):
        raise RuleError(f"{NAME}: {key}: every entry must be a non-empty string (quote yes/no/on/off)")
    return [w.lower() for w in words]


def _numbered(data: dict[str, Any], key: str, lo: int, hi: int) -> dict[str, int]:
    out: dict[str, int] = {}
    for num, words in data[key].items():
        if not isinstance(num, int) or not lo <= num <= hi or not isinstance(words, list):
            raise RuleError(f"{NAME}: {key}: {num!r} must be a number {lo}..{hi} with a list of words")
        for w in words:
            if not isinstance(w, str):
                raise RuleError(f"{NAME}: {key}.{num}: {w!r} is not a string")
            out[w.lower()] = num
    return out


def _int_map(data: dict[str, Any], key: str) -> dict[str, int]:
    out = {str(k).lower(): v for k, v in data[key].items()}
    if not all(isinstance(v, int) for v in out.values()):
        raise RuleError(f"{NAME}: {key}: values must be integers")
    return out


def alt(words: Any) -> str:
    return f"(?:{alternation(list(words))})"


# Which words may stand before each kind of core phrase (matched backwards from the core, see `leads`).
LEAD_PARTS: dict[str, tuple[str, ...]] = {
    "dmy": ("prefix", "pos", "wd"), "mdy": ("prefix", "pos", "wd"), "num": ("prefix", "pos", "wd"),
    "iso": ("prefix", "pos"), "my": ("prefix", "pos", "mw"), "period": ("prefix", "pos"),
    "year": ("prefix", "pos", "yw"), "now": ("prefix", "pos"), "weekday": ("prefix", "pos"),
}


def build_patterns(w: DateWords, data: dict[str, Any]) -> tuple[dict[str, re.Pattern[str]], dict[str, re.Pattern[str]]]:
    """Core patterns (run over the whole text) and lead patterns (run only on the few characters
    before a core match). Splitting them keeps the whole-text scan fast: a pattern that begins with an
    optional prefix alternation would be tried at every character. Both run case-sensitively on an
    ASCII-lower-cased copy of the text, which is several times faster than IGNORECASE."""
    # an abbreviation may carry a dot ("Des.", "Sept."); a full name may not (the dot ends the sentence)
    abbr = [m for m in w.months if len(m) <= 4 and m not in w.full_months]
    month = rf"(?:{alt(set(w.months) - set(abbr))}|{alt(abbr)}\.?)"
    wday = alt(w.weekdays)
    yw = alt(_words(data, "year_words"))
    pw = alt(_words(data, "prefixes"))
    year = r"(?P<y>\d{4})(?!\d)"
    rel = rf"(?<![\w-])(?P<rel>{alt(w.relative_years)}){E}"   # not "tahun-tahun sebelumnya"
    sep = r"(?:\s*[-–]\s*|\s+)"  # day-month / month-year separators
    digit = r"(?<![\w.,/–-])"  # a number starts here, not inside "2.032" or "82/2018"
    cores = {
        # "21 Desember 2021", "21-22 Des 2021", "22-Dec-2021", "21 Desember" (year from reference)
        "dmy": (rf"{digit}(?P<d>\d{{1,2}})(?:\s*[-–]\s*(?P<d2>\d{{1,2}}))?{sep}(?P<m>{month}){E}"
                rf"(?:(?:(?:\s*,\s*|\s+)(?:{yw}\s*)?|\s*-\s*){year})?"),
        # "Oktober 07, 2019", "December 22, 2021"
        "mdy": rf"{B}(?P<m>{month})\s+(?P<d>\d{{1,2}}),\s*{year}",
        # "November 2021", "Desember tahun 2021", "Januari-Juni 2023", "Juni" (needs a lead or "ini"/"lalu")
        "my": (rf"{B}(?P<m>{month})(?:\s*[-–]\s*(?P<m2>{month}))?{E}(?:\s+(?:{yw}\s*)?{year}|\s+{rel}"
               rf"|\s+(?P<mrel>{alt(w.month_relative)}){E})?"),
        # "(21/12/2021)", "(27/9/21)", "(2/10)", "21-12-2021"
        "num": (rf"(?P<open>\()?{digit}(?P<d>\d{{1,2}})(?P<sep>[/-])(?P<m>\d{{1,2}})"
                rf"(?:(?P=sep)(?P<y>\d{{4}}|\d{{2}}))?(?![\d/]|[.,]\d)(?P<close>\))?"),
        "iso": rf"{digit}(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?![\d/]|[.,]\d)",
        # "semester II Tahun 2022", "triwulan III/2023", "kuartal pertama tahun ini", "Q1-2024"
        "period": (rf"(?:{B}(?P<pw>{alt(w.periods)})\s*(?P<pn>{alt(w.period_numbers)}){E}"
                   rf"|{B}(?P<pl>{alt(_int_map(data, 'period_letters'))})(?P<pd>[1-4])(?!\d))"
                   rf"(?:(?:\s*[-/,]\s*|\s+)(?:{yw}\s*)?{year}|\s+{rel})?"),
        # "2023", "2020-2024", "tahun ini" (the lead adds "tahun", "di tahun", "akhir")
        "year": (rf"(?:{digit}{year}(?!\w|[.,]\d|\s*%)"
                 rf"(?:\s*[-–/]\s*(?P<y2>\d{{4}})(?!\d))?|{rel})"),
        "now": rf"{B}(?P<now>{alt(_words(data, 'now_words'))}){E}",
        "weekday": rf"{B}(?P<wd>{wday}){E}",
    }
    pieces = {
        "prefix": rf"(?:{B}(?P<prefix>{pw}(?:\s+{pw})?)\s+)?",   # at most two: "data per tanggal"
        "pos": rf"(?:{B}(?P<pos>{alt(_words(data, 'positions'))})\s+)?",
        "wd": rf"(?:{B}(?P<wd>{wday})(?:\s*,\s*|\s*))?",
        "mw": rf"(?:{B}(?P<mw>{alt(_words(data, 'month_words'))})\s+)?",
        "yw": rf"(?:{B}(?P<yw>{yw})\s*)?",
    }
    leads = {k: "".join(pieces[p] for p in parts) + r"\Z" for k, parts in LEAD_PARTS.items()}
    return ({k: compile_pattern(v, f"{NAME}: pattern {k}", 0) for k, v in cores.items()},
            {k: compile_pattern(v, f"{NAME}: lead {k}", 0) for k, v in leads.items()})


def build_checks(w: DateWords, data: dict[str, Any]) -> dict[str, re.Pattern[str]]:
    wday = alt(w.weekdays)
    pub = data["published"]
    seps = _words(data, "month_list_separators")
    seps_words, seps_marks = [x for x in seps if x[0].isalnum()], [x for x in seps if not x[0].isalnum()]
    src = {
        # text right after a bare year / weekday; text right before one
        "year_unit_after": rf"^\s*{alt(_words(data, 'year_not_before'))}{E}",
        "year_word_before": rf"{B}{alt(_words(data, 'year_not_after'))}\s*$",
        "year_digit_near": r"\d[.,]?\s?$",
        "digit_after": r"^\s?\d",
        "relative_before": rf"(?:{B}{alt(_words(data, 'relative_not_after'))}|\d)\s*$",
        "regulation_before": rf"{B}{alt(_words(data, 'regulation_words'))}\s*\d{{1,4}}[a-z]?\s+{alt(_words(data, 'year_words'))}\s*$",
        "weekday_after": rf"^\s*{alt(_words(data, 'weekday_not_before'))}{E}",
        "weekday_before": rf"{B}{alt(_words(data, 'weekday_not_after'))}\s*$",
        "weekday_range_after": rf"^\s*{alt(_words(data, 'weekday_range_words'))}\s*{wday}{E}",
        "weekday_range_before": rf"{B}{wday}\s*{alt(_words(data, 'weekday_range_words'))}\s*$",
        "ambiguous_after": rf"^\s*{alt(_words(data, 'ambiguous_not_before'))}{E}",
        "ambiguous_before": rf"(?:{B}{alt(_words(data, 'ambiguous_not_after'))}|\d)\s*$",
        # a full month name alone as the next item of a list of months ("..., Februari 125 jiwa")
        "month_item": (rf"(?:{B}{alt(seps_words)}|{alt(seps_marks)})\s+(?:{alt(_words(data, 'month_words'))}\s+)?"
                       rf"(?P<m>{alt(w.full_months)}){E}"),
        # any date word: when the rules saw one and still found no date, they rejected it on purpose
        "vocabulary": rf"{B}(?:{alt(w.months)}|{wday}|{alt(w.periods)}){E}",
        # find_published: cue words, lines to skip, and a clock time with its zone
        "pub_cue": rf"{B}{alt(_words(pub, 'cues'))}{E}",
        "pub_byline": rf"{B}{alt(_words(pub, 'byline_cues'))}{E}",
        "pub_skip": rf"(?:{B}|^){alt(_words(pub, 'skip_lines'))}",
        "pub_time": rf"(?<![\d.,])\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?(?![\d.,])(?:\s*{alt(_words(pub, 'time_zones'))}{E})?",
    }
    return {k: compile_pattern(v, f"{NAME}: check {k}", 0) for k, v in src.items()}   # on lowered text


@cache
def date_words() -> DateWords:
    data = require(load_yaml(NAME), NAME, {
        "months": dict, "months_without_year": list, "month_words": list, "weekdays": dict,
        "weekday_not_before": list, "weekday_not_after": list, "weekday_range_words": list,
        "ambiguous_weekdays": list, "ambiguous_not_before": list, "ambiguous_not_after": list,
        "periods": dict, "period_letters": dict, "period_numbers": dict, "prefixes": list, "positions": list,
        "month_list_separators": list, "year_words": list, "now_words": list, "relative_years": dict, "relative_to_context": list, "relative_apposition": list, "month_relative": dict, "year_range": list,
        "relative_not_after": list, "year_not_before": list, "year_prefixes_before_nouns": list, "year_not_after": list, "regulation_words": list, "published": dict,
    })
    months = _numbered(data, "months", 1, 12)
    full = frozenset(_words(data, "months_without_year"))
    if not full <= set(months):
        raise RuleError(f"{NAME}: months_without_year: {sorted(full - set(months))} not in months")
    lo, hi = data["year_range"]
    published = require(data["published"], f"{NAME}: published", {
        "max_lines": int, "max_chars": int, "cues": list, "byline_cues": list, "skip_lines": list,
        "time_zones": list})
    periods = _int_map(data, "periods") | _int_map(data, "period_letters")
    words = DateWords(
        months=months, full_months=full, weekdays=_numbered(data, "weekdays", 0, 6), periods=periods,
        period_numbers=_int_map(data, "period_numbers"), relative_years=_int_map(data, "relative_years"),
        relative_to_context=frozenset(norm(x) for x in _words(data, "relative_to_context")),
        relative_apposition=frozenset(norm(x) for x in _words(data, "relative_apposition")),
        month_relative=_int_map(data, "month_relative"),
        year_range=(int(lo), int(hi)), ambiguous_weekdays=frozenset(_words(data, "ambiguous_weekdays")),
        year_prefixes_before_nouns=frozenset(_words(data, "year_prefixes_before_nouns")),
        patterns={}, leads={}, checks={}, published=published)
    if not words.relative_to_context <= set(words.relative_years):
        raise RuleError(f"{NAME}: relative_to_context: {sorted(words.relative_to_context - set(words.relative_years))}"
                        " not in relative_years")
    cores, leads = build_patterns(words, data)
    words.patterns.update(cores)
    words.leads.update(leads)
    words.checks.update(build_checks(words, data))
    return words


LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def lower(text: str) -> str:
    """ASCII-only lower-casing: keeps every offset (str.lower() may change the length)."""
    return text.translate(LOWER)


def norm(word: str) -> str:
    """Lookup key of a matched word: lower case, single spaces, no abbreviation dot."""
    return " ".join(word.lower().split()).rstrip(".")
