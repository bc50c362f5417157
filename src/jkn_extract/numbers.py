"""Numbers stage: find the figures in Indonesian text and normalise them (value, unit, approximate).

"74,92 persen" -> 74.92 percent, "202.131 jiwa" -> 202131 persons, "Rp1,2 triliun" -> 1.2e12 rupiah,
"dua ratus lima puluh ribu" -> 250000. Years, dates, clock times, ordinals, legal references, phone
numbers and codes are labels, not figures, and are skipped. Words live in `rules/numbers.yml`.

Linear time: one candidate regex (digit runs with mandatory separators between groups, or runs of
number words), then anchored look-ups of bounded length around each candidate; no regex scans back.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any, Iterator

from .rules import RuleError, compile_pattern, load_yaml, require

NAME = "numbers.yml"
WINDOW = 24  # chars left of a figure tokenised for currency, hedges and labels (all short words)
TOKEN = re.compile(r"[^\W_]+|[^\w\s]")  # words and single punctuation marks
SEPARATOR = re.compile(r"[.,]")
# End of a scale or unit word; a capital right after it is a scraper's glued next sentence ("triliunKanker").
END = r"(?:(?!\w)|(?=(?-i:[A-Z])))"
PHONE_AREA = re.compile(r"0\d{1,4}")
YEAR_UNITS = frozenset({"percent", "persons", "facilities", "rupiah"})  # units that can follow a bare year-like figure


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str | None  # "percent", "persons", "facilities", "rupiah", "regions", or None


@dataclass(frozen=True)
class QuantityMatch:
    start: int  # char offsets into the text given
    end: int
    text: str  # the figure as written, incl. currency, scale and unit words
    value: float
    unit: str | None
    approximate: bool  # hedged ("sekitar", "lebih dari", "ribuan" ...); the value stays as written


@dataclass(frozen=True)
class NumberRules:
    scales: dict[str, Decimal]  # lower-case word -> factor
    currency_scales: dict[str, Decimal]  # case-sensitive, only after a currency
    suffix: str  # "an": approximate form of a scale or multiplier
    digits: dict[str, int]
    multipliers: dict[str, int]
    teens: frozenset[str]
    halves: frozenset[str]
    se: str
    unit_of: dict[str, str]  # normalised unit word -> unit
    label_soft: frozenset[str]
    year_range: tuple[int, int]
    candidate: re.Pattern[str]
    stray: re.Pattern[str]
    scale: re.Pattern[str]
    currency_scale: re.Pattern[str]
    unit: re.Pattern[str]
    filler: re.Pattern[str]
    approx_filler: frozenset[str]
    end_after: re.Pattern[str]
    currency: frozenset[str]  # left context as word tuples: looked up, never searched for
    hedges: dict[str, tuple[tuple[str, ...], ...]]  # by last word
    labels: frozenset[str]
    months: frozenset[str]
    year_context: frozenset[str]
    not_before_words: frozenset[str]
    month_right: re.Pattern[str]
    regulation_right: re.Pattern[str]
    digit_an: re.Pattern[str]
    chain_gap: re.Pattern[str]
    clock: re.Pattern[str]
    zone_right: re.Pattern[str]
    eol: re.Pattern[str]
    byline: re.Pattern[str]


def _alt(words: Any) -> str:
    """Alternation of literal words, longest first; a space in a word matches any run of spaces."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


def _strs(data: dict[str, Any], key: str) -> list[str]:
    """A word list from the rule file; YAML turns a bare `no`/`on` into a bool, so say so loudly."""
    words = data[key]
    if not all(isinstance(w, str) and w for w in words):
        raise RuleError(f"{NAME}: {key}: every entry must be a non-empty string (quote no/yes/on/off)")
    return words


def _by_last_word(phrases: list[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, tuple[tuple[str, ...], ...]] = {}
    for p in phrases:
        out[p[-1]] = out.get(p[-1], ()) + (p,)
    return out


def _lower_set(data: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _strs(data, key))


def _norm(word: str) -> str:
    return " ".join(word.lower().split())


def _factor_map(data: dict[Any, Any], key: str, lower: bool) -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for factor, words in data[key].items():
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise RuleError(f"{NAME}: {key}: {factor!r} needs a list of words")
        try:
            value = Decimal(str(factor))
        except InvalidOperation as exc:
            raise RuleError(f"{NAME}: {key}: {factor!r} is not a number") from exc
        out.update({(w.lower() if lower else w): value for w in words})
    return out


@cache
def number_rules() -> NumberRules:
    data = require(load_yaml(NAME), NAME, {
        "scales": dict, "currency_scales": dict, "approximate_suffix": str, "digits": dict, "multipliers": dict,
        "teen_words": list, "half_words": list, "se_prefix": str, "units": dict, "currency_prefixes": list,
        "fillers": list, "approximate_after": list, "approximate_before": list, "label_before": list,
        "label_before_unless_unit": list, "months": list, "year_range": list, "year_context_before": list,
        "time_zones": list, "byline_words": list,
        "regulation_year_words": list, "list_words": list,
        "not_before_number_words": list})
    scales = _factor_map(data, "scales", lower=True)
    digits = {w: int(v) for w, v in _factor_map(data, "digits", lower=True).items()}
    mults = {w: int(v) for w, v in _factor_map(data, "multipliers", lower=True).items()}
    teens = frozenset(w.lower() for w in _strs(data, "teen_words"))
    halves = frozenset(w.lower() for w in _strs(data, "half_words"))
    suffix, se = data["approximate_suffix"].lower(), data["se_prefix"].lower()
    stems = [*scales, *mults, *teens]
    # Every number-word form: digits, halves, stems, stem+an (ribuan), se+stem (seratus, sebelas).
    word_forms = [*digits, *halves, *stems, *(s + suffix for s in stems), *(se + s for s in stems)]
    unit_of: dict[str, str] = {}
    for unit, words in data["units"].items():
        unit_of.update({_norm(w): unit for w in words})
    symbols = [w for w in unit_of if not re.search(r"\w", w)]
    unit_words = [w for w in unit_of if w not in symbols]
    if not (isinstance(data["year_range"], list) and len(data["year_range"]) == 2):
        raise RuleError(f"{NAME}: year_range must be [first, last]")
    ci = lambda pattern, key: compile_pattern(pattern, f"{NAME}: {key}")  # noqa: E731
    W = rf"(?:{_alt(word_forms)})"
    return NumberRules(
        scales=scales, currency_scales=_factor_map(data, "currency_scales", lower=False), suffix=suffix,
        digits=digits, multipliers=mults, teens=teens, halves=halves, se=se, unit_of=unit_of,
        label_soft=frozenset(w.lower() for w in _strs(data, "label_before_unless_unit")),
        year_range=(int(data["year_range"][0]), int(data["year_range"][1])),
        # Digit groups need a separator between them, so a digit run splits one way only (linear).
        candidate=ci(rf"(?<!\d)(?P<num>\d+(?:[.,]\d+)*)|(?<![\w-])(?P<words>{W}(?:\s+{W})*)(?![\w-])", "numbers"),
        stray=ci(r",[ ]{1,2}(?P<frac>\d{1,2})(?![\d.,])", "stray"),
        scale=ci(rf"\s{{0,2}}(?P<scale>{_alt(scales)})(?P<an>{re.escape(suffix)})?{END}", "scales"),
        currency_scale=compile_pattern(rf"\s{{0,2}}(?P<scale>{_alt(_factor_map(data, 'currency_scales', False))})"
                                       r"(?!\w)", f"{NAME}: currency_scales", 0),
        unit=ci(rf"\s{{0,2}}(?:(?P<sym>{_alt(symbols) or '(?!)'})|(?P<word>{_alt(unit_words)}){END})", "units"),
        filler=ci(rf"\s{{1,2}}(?P<filler>{_alt(_strs(data, 'fillers'))})(?!\w)", "fillers"),
        approx_filler=frozenset(w.lower() for w in _strs(data, 'approximate_after')),
        end_after=ci(r"\s{0,2}(?:[,.;:)!?\"'”]|\n|$)", "end"),
        currency=_lower_set(data, "currency_prefixes"),
        hedges=_by_last_word([tuple(TOKEN.findall(w.lower())) for w in _strs(data, "approximate_before")]),
        labels=_lower_set(data, "label_before"), months=_lower_set(data, "months"),
        year_context=_lower_set(data, "year_context_before"),
        not_before_words=_lower_set(data, "not_before_number_words"),
        month_right=ci(rf"\s{{1,2}}(?:{_alt(_strs(data, 'months'))})(?!\w)", "months"),
        regulation_right=ci(rf"\s{{1,2}}(?:{_alt(_strs(data, 'regulation_year_words'))})\s{{1,2}}(?:19|20)\d\d(?!\d)",
                            "regulation_year_words"),
        digit_an=ci(rf"-?{re.escape(suffix)}(?!\w)", "approximate_suffix"),
        chain_gap=ci(rf"[\s,/&]{{0,3}}(?:(?:{_alt(_strs(data, 'list_words'))})\s{{1,2}})?", "list_words"),
        clock=ci(r"\d{1,2}[.:]\d{2}", "clock"),
        zone_right=ci(rf"\s{{0,2}}(?:{_alt(_strs(data, 'time_zones'))})(?!\w)", "time_zones"),
        eol=ci(r"[ \t\r]*(?:\n|$)", "eol"),
        byline=ci(rf"(?<!\w)(?:{_alt(_strs(data, 'byline_words'))})(?!\w)", "byline_words"),
    )


def core_value(core: str) -> Decimal | None:
    """Value of a digit run with separators: "202.131" -> 202131, "74,92" -> 74.92, "12.5" -> 12.5.
    Indonesian first (dots group thousands, comma is decimal); English forms where they cannot be
    Indonesian; None for a run that is no single number ("3.2.1", "1,2,3")."""
    groups = SEPARATOR.split(core)
    seps = [c for c in core if c in ".,"]
    if not seps:
        return Decimal(core)
    thousands = lambda gs: 1 <= len(gs[0]) <= 3 and all(len(g) == 3 for g in gs[1:])  # noqa: E731
    if len(set(seps)) == 2:  # both: the last one is the decimal mark, the other groups thousands
        if seps[-1] in seps[:-1] or not thousands(groups[:-1]):
            return None
        return Decimal("".join(groups[:-1]) + "." + groups[-1])
    if len(seps) == 1:
        if seps[0] == "." and len(groups[1]) == 3 and thousands(groups) and not groups[0].startswith("0"):
            return Decimal("".join(groups))  # 202.131: a thousands group
        return Decimal(groups[0] + "." + groups[1])  # 74,92 or an English point: 12.5
    return Decimal("".join(groups)) if thousands(groups) else None


def words_value(tokens: list[str], r: NumberRules) -> tuple[Decimal | None, bool, bool]:
    """Value of number words ("dua ratus lima puluh ribu"), whether approximate ("ribuan"), whether a
    scale word is among them. None when the words make no number (a bare "juta", "dua tiga")."""
    total = group = pending = Decimal(0)
    approx = has_scale = has_number = False
    for tok in tokens:
        word = tok
        if word in r.halves:
            pending += Decimal("0.5")
            has_number = True
            continue
        if word in r.digits:
            if pending:
                return None, False, False
            pending, has_number = Decimal(r.digits[word]), True
            continue
        stem = word[: -len(r.suffix)] if word.endswith(r.suffix) else ""
        if stem in r.scales or stem in r.multipliers or stem in r.teens:
            word, approx, has_number = stem, True, True
        elif word.startswith(r.se) and word[len(r.se):] in {*r.scales, *r.multipliers, *r.teens}:
            word, pending, has_number = word[len(r.se):], pending + 1, True
        if word in r.teens:
            group += pending + 10
        elif word in r.multipliers:
            group += (pending or 1) * r.multipliers[word]
        elif word in r.scales:
            total += (group + pending or 1) * r.scales[word]
            group, has_scale = Decimal(0), True
        pending = Decimal(0)
    return (total + group + pending if has_number else None), approx, has_scale


def _unit_at(text: str, pos: int, r: NumberRules) -> tuple[str | None, int, bool]:
    """Unit word at `pos` (optionally after fillers like "lebih", "unit"): unit, end, approximate."""
    approx, cur = False, pos
    for _ in range(3):
        m = r.unit.match(text, cur)
        if m:
            return r.unit_of[_norm(m.group(m.lastgroup or "word"))], m.end(), approx
        f = r.filler.match(text, cur)
        if not f:
            break
        approx |= f.group("filler").lower() in r.approx_filler
        cur = f.end()
    # "35 ribu lebih.", "111 juta lebih PBI APBN", "72 unit yang ...": a filler without a unit word still
    # belongs to the figure ("lebih" hedges it); not in "35 ribu lebih tinggi", a comparison
    after = text[cur + 1:cur + 2]
    if not approx or r.end_after.match(text, cur) or after.isupper():
        return None, cur, approx
    return None, pos, False


def _left_tokens(text: str, start: int) -> tuple[str, list[str]]:
    """The few chars before `start` (lower-cased) and their words and punctuation marks.
    Looking words up beats searching the window with big alternations (that costs per figure)."""
    lo = max(0, start - WINDOW)
    window = text[lo:start].lower()
    words = TOKEN.findall(window)
    if words and lo and text[lo - 1].isalnum() and text[lo].isalnum():
        del words[0]  # a word cut by the window
    return window, words


def _label(words: list[str], r: NumberRules) -> tuple[str | None, bool]:
    """The label word right before a figure ("Pasal", "No.", "ke-", "ayat ("), and whether a hyphen joins them."""
    hyphen = False
    for _ in range(2):
        if words and words[-1] in (".", ":", "-", "("):
            hyphen |= words[-1] == "-"
            words = words[:-1]
    return (words[-1] if words and words[-1] in r.labels else None), hyphen


def _after_month(words: list[str], r: NumberRules) -> bool:
    tail = [w for w in words[-2:] if w not in ".,"]
    return bool(tail) and tail[-1] in r.months


def _figure(text: str, m: re.Match[str], r: NumberRules, bare_words: bool, chain: int
            ) -> tuple[QuantityMatch | None, int]:
    """The figure at candidate `m`, or None. Second item: end of a skipped label/phone number (so that
    the digit groups written after it, "Call Center 1500 400", are skipped too), else -1."""
    start, end = m.span()
    window, before = _left_tokens(text, start)
    k = len(before) - (1 if before[-1:] == ["."] else 0) - 1  # the currency word, if any: "Rp." / "Rp"
    cur = k >= 0 and before[k] in r.currency
    first = start - len(window) + window.rfind(before[k]) if cur else start
    if cur:
        before = before[:k]
    core, words = m.group("num"), m.group("words")
    approx, has_scale = False, False
    if words:
        value, approx, has_scale = words_value(words.lower().split(), r)
        if value is None:
            return None, -1
    else:
        value = core_value(core) if len(core) <= 40 else None  # no figure has more digits
        if value is None:
            return None, end
        prev = text[start - 1] if start else ""
        if not cur and (prev.isalpha() or (prev != "" and prev in "/:+#") or (prev == "-" and start > 1
                                                                   and text[start - 2].isalnum())):
            return None, end  # glued into a word or code: COVID-19, H-1, ke-10, 21/12, 13:40, +62
        nxt = text[end:end + 2]
        if (nxt[:1] in ("/", ":") and nxt[1:].isdigit()) or (nxt[:1] == "-" and nxt[1:].isalnum()
                                                                   and not r.digit_an.match(text, end)):
            return None, end  # 2022/2023, 13:40, 0812-3456, 10-20 (ranges are not one value)
        area = [w for w in before[-4:] if w != "-"][-3:]
        if (len(core) > 1 and core.isdigit() and core[0] == "0") or (
                len(area) == 3 and area[0] == "(" and area[2] == ")" and PHONE_AREA.fullmatch(area[1])):
            return None, end  # 021, 0812...: phone numbers and codes
        stray = r.stray.match(text, end) if text[end:end + 1] == "," else None
        if stray and core.isdigit() and len(core) <= 3:
            after = stray.end()
            sm = r.scale.match(text, after) or (cur and r.currency_scale.match(text, after))
            um = r.unit.match(text, after)
            if sm or (um and r.unit_of[_norm(um.group(um.lastgroup or "word"))] == "percent"):
                value, end = Decimal(core + "." + stray.group("frac")), after  # "7, 9 juta" as real texts have it
    pos = end
    if not words:
        sm = r.scale.match(text, pos)
        factor = r.scales[sm.group("scale").lower()] if sm else None
        if sm is None and cur:
            sm = r.currency_scale.match(text, pos)
            factor = r.currency_scales[sm.group("scale")] if sm else None
        if sm is not None and factor is not None:
            value, pos, has_scale = value * factor, sm.end(), True
            approx |= bool(sm.groupdict().get("an"))
        elif text[pos:pos + 1] in ("-", "a", "A") and (an := r.digit_an.match(text, pos)):
            pos, approx = an.end(), True  # "2.800an", "900-an"
    unit, unit_end, unit_approx = _unit_at(text, pos, r)
    if cur:
        unit_end = unit_end if unit == "rupiah" else pos
        unit = "rupiah"
    approx |= unit_approx
    if not words and pos == end and unit_end == pos and text[end:end + 1].isalpha():
        return None, end  # a letter glued after: 4G, (3T)
    pos = unit_end
    label, hyphen = _label(before, r)
    if label and not (label in r.label_soft and not hyphen and (has_scale or unit)):
        return None, end  # Pasal 5, No. 40, kelas 3, pukul 10, tahun 2024, ke-10
    bare = not has_scale and unit is None
    if bare and not words and not cur:
        gap = r.chain_gap.fullmatch(text, chain, start) if 0 <= chain < start <= chain + 12 else None
        if gap:
            return None, end  # more numbers of a label: "Call Center 1500 400", "kelas 1, 2, dan 3"
        if r.regulation_right.match(text, end):
            return None, end  # "Nomor 51 Tahun 2018" with the label cut off
    if words and before[-1:] and before[-1] in r.not_before_words:
        return None, -1  # "salah satu provinsi": one of, not a count
    if words and bare and not bare_words:
        return None, -1  # "salah satu": number words count only with a scale or unit word
    if not words and core.isdigit() and not has_scale and not cur:
        n = int(core)
        if len(core) == 4 and r.year_range[0] <= n <= r.year_range[1] and (
                unit not in YEAR_UNITS or _after_month(before, r) or before[-1:] and before[-1] in r.year_context):
            return None, -1  # a year: 2024, Juni 2022, pada 2023 kota ...
        if n <= 31 and r.month_right.match(text, end):
            return None, -1  # a day of the month: 1 April 2025
        if bare and text[max(0, start - 2):start] == "- " and r.eol.match(text, end):
            line = text[text.rfind("\n", 0, start) + 1:start]
            if r.byline.search(line):
                return None, -1  # "Redaktur: X - 207": a view count
    if not words and r.clock.fullmatch(core) and r.zone_right.match(text, end):
        return None, end  # 13.40 WIB
    approx |= bool(before) and any(tuple(before[-len(h):]) == h for h in r.hedges.get(before[-1], ()))
    return QuantityMatch(first, pos, text[first:pos], float(value), unit, approx), -1


def _scan(text: str, bare_words: bool) -> Iterator[QuantityMatch]:
    r = number_rules()
    last_end, chain = 0, -1
    for m in r.candidate.finditer(text):
        if m.start() < last_end:
            continue  # already consumed as another figure's scale or unit word
        q, chain = _figure(text, m, r, bare_words, chain)
        if q is not None:
            yield q
            last_end = q.end


def find_quantities(text: str) -> list[QuantityMatch]:
    """Every figure in a longer text, in order."""
    return list(_scan(text, bare_words=False))


def parse_number(text: str) -> Quantity | None:
    """The quantity one phrase holds ("74,92 persen", "dua juta jiwa"), None if it holds no number."""
    q = next(_scan(text, bare_words=False), None)
    phrase = text.strip()
    m = number_rules().candidate.fullmatch(phrase) if q is None else None
    if m and m.group("words"):  # bare number words count when they are the whole phrase ("seratus", not "salah satu")
        q = next(_scan(phrase, bare_words=True), None)
    return Quantity(q.value, q.unit) if q else None
