"""Clauses of figures: whether a quantity can be a figure at all, where its clause ends, which cue fits
its unit, and how figures join (chains, lists, restatements). Plain helpers over the text and the metric
rules (rules/metrics.yml, loaded by `cuerules.py`); `cues.py` and `metric_types.py` type figures with them."""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from .cuerules import EXCLUDE, MetricRules
from .numbers import QuantityMatch

# Units a figure without a unit word may still be typed as (a bare "418.390" after "penduduk").
BARE_UNITS = ("persons", "facilities")
NEXT_WORD = re.compile(r"[ \t]*([^\W\d_][\w-]*)")
LAST_WORD = re.compile(r"([\w-]+)[\s,]*\Z")  # no colon: "syaratnya yakni: 1." opens a list
# Text between a percentage and a count that makes the count the same figure in persons.
EQUIVALENCE_GAP = re.compile(r"(?:[ ](?:BPJS(?: Kesehatan)?|JKN(?:-KIS)?))?"   # "267 juta peserta BPJS, yakni ..."
                             r"[\s,(]*(penduduk[\s,]+|populasi[\s,]+)?(atau|alias|yakni|yaitu|dengan (jumlah|total)|(berada )?(di|pada) angka)?( ?setara( dengan)?| ?sebanyak| ?sejumlah| ?sebesar)?"
                             r"( sekitar| kurang lebih| lebih kurang| kira-kira| lebih dari| hampir)?[\s(]*", re.I)
MAX_EQUIVALENCE_GAP = 50   # bounded: the pattern's optional words sit between runs of spaces
APPOSED_ACRONYM = re.compile(r"\([A-Z][A-Za-z]{1,9}\)")   # "(FKTP)" between a noun and its count
MAX_CUE_WORDS = 6     # longest cue phrase looked for
MAX_APPOSED_SKIPS = 6   # words between a noun and its count: introducers, an acronym, a place
MAX_PLACE_WORDS = 3   # "penduduk Indonesia 275 juta", "penduduk Daerah Istimewa Yogyakarta 3,6 juta"
RELATIVE = re.compile(r"[ \t]*(?:[\w-]+[ \t]+)?yang\b", re.I)   # "5 juta peserta yang", "5 juta jiwa peserta yang"
# Between two listed figures: a hedge of the first ("Rp424 juta lebih"), a comma or "dan", the next place
# ("di Kabupaten B") and a value word ("senilai"). Each optional part is a different word: linear.
LIST_GAP = re.compile(r"(?:[ ]+lebih)?\)?[ ]*(?:,[ ]*(?:(?:dan|serta|disusul|lalu|kemudian)[ ]+)?|(?:dan|serta)[ ]+)"
                      r"(?:di[ ]+)?(?:[A-Z][\w-]*[ ]+){0,3}[A-Z][\w-]*[ ]*(?:(?:senilai|sebesar|sebanyak|sekitar)[ ]+)?\(?[ ]*")
# "1 pegawai| BPJS Kesehatan kira-kira harus melayani |31.982": a few words, no comma, no coordinator ("1 rumah
# sakit dan 20.000 peserta")
RATIO_GAP = re.compile(r"[ ]+(?:(?!(?:dan|serta|atau)[ ])[^\W\d_]+(?:-[^\W\d_]+)?[ ]+){1,6}")
# "membayar Rp 25.500 dan sisanya sebesar 16.500": a bare number coordinated right after a sum is money too
MONEY_REST_GAP = re.compile(r"[ ]+(?:dan|atau|sedangkan)[ ]+(?:[^\W\d_]+[ ]+){0,2}")
LIST_END = re.compile(r"(?:[ ]+lebih)?[ ]*\)?[ ]*(?:,|dan\b|serta\b|\.|$)")
MAX_LIST_GAP = 60
LIST_COMMA = re.compile(r",(?!\d)")
HEDGED = re.compile(r"(?:lebih|kurang)\s+\Z", re.I)   # "lebih dari", "kurang dari": a hedge before a figure


class Typed(Protocol):
    """What metric typing needs of a figure already typed (metrics.Figure)."""
    @property
    def end(self) -> int: ...
    @property
    def metric(self) -> str: ...
    @property
    def unit(self) -> str: ...


def metric_units(rules: MetricRules) -> dict[str, str]:
    return {m: u for pairs in rules.cue_metrics.values() for m, u in pairs if m != EXCLUDE}


def unit_fits(quantity_unit: str | None, metric_unit: str) -> bool:
    if metric_unit == "*":
        return True
    return quantity_unit == metric_unit or (quantity_unit is None and metric_unit in BARE_UNITS)


def fitting_metric(cue: str, unit: str | None, rules: MetricRules) -> str | None:
    """The metric a cue gives a figure of this unit; EXCLUDE when it excludes it, None when it fits none."""
    fitting = [metric for metric, metric_unit in rules.cue_metrics[cue.lower()] if unit_fits(unit, metric_unit)]
    return EXCLUDE if EXCLUDE in fitting else fitting[0] if fitting else None


def unexcluded(metric: str | None) -> str | None:
    return None if metric == EXCLUDE else metric


def not_a_level(text: str, q: QuantityMatch, left: int, rules: MetricRules) -> bool:
    """A change ("melonjak 90,3 persen dibandingkan ...", "bertambah 2 juta jiwa") or a remaining
    difference ("perlu 4,2 persen lagi") is no level of any metric."""
    words = [w.lower() for w in re.findall(r"[\w-]+", text[max(left, q.start - 60):q.start])]
    while words and words[-1] in rules.change_fillers:
        words.pop()
    if words and (words[-1] in rules.change_verbs or (q.unit == "percent" and words[-1] in rules.remainders_before)):
        return True
    following = NEXT_WORD.match(text, q.end)
    return q.unit == "percent" and following is not None and following.group(1).lower() in rules.remainders


def chain_end(text: str, qs: Sequence[QuantityMatch], i: int, rules: MetricRules) -> int:
    """Index of the last figure of the chain figure i heads: figures joined by short gaps holding a
    chain word ("N warga atau X persen dari total M penduduk")."""
    j = i
    while j + 1 < len(qs) and len(gap := text[qs[j].end:qs[j + 1].start]) <= rules.max_chain_gap \
            and ";" not in gap and rules.chain_words.search(gap):
        j += 1
    return j


def list_item(text: str, qs: Sequence[QuantityMatch], i: int, left: int, right: int) -> tuple[int, int]:
    """The clause of figure i, cut at the commas that part the items of a list of figures: in "N jiwa
    ... segmen PBI, M jiwa ... segmen PPU" each keeps its own cue, in "Kota A ... 309.649 peserta,
    disusul Kabupaten B 134.105 peserta" its own region."""
    if i:   # a decimal comma ("Rp 2,5 triliun ... dan Rp 2,7 triliun") parts no items
        comma = max((m.start() for m in LIST_COMMA.finditer(text, left, qs[i].start)), default=-1)
        if not RELATIVE.match(text, comma + 1):   # "..., yang sebanyak N": a relative clause goes on with the noun
            left = max(left, comma + 1)
    comma = text.find(",", qs[i].end, right) if i + 1 < len(qs) else -1
    return left, (comma if comma >= 0 else right)


def coordinated(text: str, a: QuantityMatch, b: QuantityMatch, rules: MetricRules) -> bool:
    """"23.730 FKTP dan 2.963 FKRTL": nothing but a coordinator (or a comma) between the two figures."""
    return text[a.end:b.start].strip(" ,").lower() in rules.coordinators | {""}


def countable(text: str, q: QuantityMatch, s_lo: int, rules: MetricRules) -> bool:
    """Can this quantity be a figure at all? A vague "jutaan" is not; a number without a unit word
    ("418.390") only where a count is introduced ("yakni 418.390", "penduduk 418.390") and no other
    noun follows it: not an age "(35)", "24 jam", "12 kriteria", a list number, a phone number."""
    if q.approximate and not any(ch.isdigit() for ch in q.text):
        return False
    if q.unit is not None:
        return True
    before, after = text[max(s_lo, q.start - 60):q.start], text[q.end:q.end + 40]
    if before.rstrip().endswith("(") and after.lstrip().startswith(")"):
        return False
    following = NEXT_WORD.match(after)
    if following and following.group(1).lower() not in rules.bare_after \
            and not rules.cues.match(text, q.end + following.start(1)):
        return False
    if noun_before(text, q, max(s_lo, q.start - 80), rules):
        return q.value >= rules.apposed_min
    last = LAST_WORD.search(before)
    if last is not None and last.group(1).lower() == "dari":
        last = LAST_WORD.search(before, 0, last.start())   # "lebih dari 419 ribu", "kurang dari"
    if last is None:
        return False
    counted = q.text.rsplit(None, 1)[-1].lower() in rules.counters
    return last.group(1).lower() in rules.bare_before and (q.value >= rules.bare_min or counted)


def noun_before(text: str, q: QuantityMatch, lo: int, rules: MetricRules, unit: str | None = None,
                apart: bool = False) -> re.Match[str] | None:
    """The cue of a count written right after the noun of what it counts, fitting `unit`: "FKTP 23.730",
    "fasilitas kesehatan tingkat pertama (FKTP) 23.730", "total penduduk Indonesia 275 juta", "dari
    jumlah penduduk di Provinsi X sekitar 2,1 juta jiwa". Introducers ("sekitar", "yakni"), a bracketed
    acronym and a place name ("di" and up to two capitalised words) may stand between; with `apart`, one
    of these two must (a noun phrase that ends right before its count may hold more than the cue says:
    "yang belum menjadi peserta JKN sebanyak N")."""
    if not any(ch.isdigit() for ch in q.text):
        return None     # "Kepulauan Seribu": a number word inside a name
    words = text[lo:q.start].rstrip(" ,").split(" ")
    intro = acronym = places = 0
    for _ in range(MAX_APPOSED_SKIPS + 1):
        end = lo + len(" ".join(words).rstrip(" ,"))
        for k in range(min(len(words), MAX_CUE_WORDS), 0, -1):   # the longest cue first
            m = rules.cues.fullmatch(text, end - len(" ".join(words[-k:]).strip(" ,")), end)
            if m and fitting_metric(m.group(0), unit, rules) not in (None, EXCLUDE):
                return m if acronym or places or not apart else None   # a cue is never skipped as a place
        if not words:
            return None
        w = words[-1].strip(",")
        if w.lower() in rules.bare_before and not (acronym or places) and intro < 2:
            intro += 1
        elif APPOSED_ACRONYM.fullmatch(w) and not (acronym or places):
            acronym = 1
        elif w[:1].isupper() and w.isalpha() and places < MAX_PLACE_WORDS:
            places += 1
        elif w == "di" and places:
            places = MAX_PLACE_WORDS
        else:
            return None
        words.pop()
    return None


def clause_end(text: str, q: QuantityMatch, limit: int, rules: MetricRules) -> int:
    m = rules.boundaries.search(text, q.end, limit)
    if m is not None and m.group(0).lower() in rules.subset_markers and not text[q.end:m.start()].strip():
        m = rules.boundaries.search(text, m.end(), limit)   # "139 juta di antaranya merupakan PBI"
    if m is None:
        return limit
    # A boundary word that opens a cue is part of it for a share ("86 persen dari populasi") and for money,
    # whose source it names ("Rp 2 triliun dari APBD"); a count before "dari" is a part of what follows,
    # never that whole ("182.370 jiwa dari total penduduk").
    cue = rules.cues.match(text, m.start()) if q.unit in ("percent", "rupiah") else None
    return min(limit, cue.end()) if cue else m.start()


def networked(text: str, lo: int, hi: int, rules: MetricRules) -> bool:
    """Facilities count as the JKN network only in a sentence that says so (`sentence_vetoes` rule out
    subsets and events)."""
    return rules.networks.search(text, lo, hi) is not None


def in_range(value: float, unit: str, rules: MetricRules) -> bool:
    """Within the unit's plausible range, and whole where the unit counts ("248,7 jiwa" lost its "juta")."""
    lo, hi = rules.limits.get(unit, (float("-inf"), float("inf")))
    return lo <= value <= hi and (unit not in rules.whole_units or value == int(value))


def word_before(text: str, lo: int, hi: int) -> str:
    last = LAST_WORD.search(text, lo, hi)
    return last.group(1).lower() if last else ""


def total_word_before(text: str, lo: int, q: QuantityMatch, rules: MetricRules) -> re.Match[str] | None:
    """A word of totals right before a figure ("dari total 2,5 juta", "dari 694.645 jiwa"), not a hedge
    ("lebih dari")."""
    last = LAST_WORD.search(text, lo, q.start)
    if last is None or last.group(1).lower() not in rules.totals:
        return None
    return last if HEDGED.search(text, max(lo, last.start() - 10), last.start()) is None else None


def total_before(text: str, lo: int, q: QuantityMatch, rules: MetricRules) -> bool:
    """A word of totals right before a figure, and for "dari" not a whole its own relative clause says more
    of ("Dari 5 juta peserta yang dicoret, ...")."""
    last = total_word_before(text, lo, q, rules)
    return last is not None and not (last.group(1).lower() == "dari" and RELATIVE.match(text, q.end))


def share_of_participants(text: str, q: QuantityMatch, right: int, rules: MetricRules) -> bool:
    """"40 persen dari total peserta" is a share of participants, not of the population."""
    m = rules.share_markers.search(text, q.end, q.end + rules.max_right)   # right after it, past the clause end
    return m is not None and not text[q.end:m.start()].strip(" ,")


def continues_list(text: str, s_lo: int, rules: MetricRules) -> bool:
    """Does the sentence open by continuing the list of the one before ("Selanjutnya di Kabupaten B ...")?"""
    return rules.continuations.match(text, s_lo) is not None


def listed_after(text: str, previous: Typed | None, q: QuantityMatch, rules: MetricRules,
                 gap_start: int | None = None, item_end: int | None = None) -> bool:
    """A count right after a place name, in a comma list after a typed figure, bare or in the same unit without
    a cue of its own: "Kota A jumlah peserta 611.175 orang, Kabupaten B 337.075, Kabupaten C (269.922)", "...
    sebanyak 398.781 jiwa, disusul Kabupaten B 335.226 jiwa", "tunggakan Kota A Rp4 juta lebih, B Rp2 juta dan di
    Kabupaten C senilai Rp1 juta" -- the list goes on in its metric. Only counts may go bare. The list may run
    from `gap_start` (past the share restating `previous`), and the item to `item_end` (past its own share)."""
    if previous is None or q.unit != previous.unit and (q.unit is not None or previous.unit not in BARE_UNITS) \
            or q.unit is None and q.value < rules.bare_min:
        return False
    if q.unit is not None and rules.cues.search(text, q.start, q.end) or rules.cues.search(text, previous.end, q.start):
        return False     # "Kabupaten B 500 peserta PBI", "23.600 dan FKRTL 2.810": its own noun says what it counts
    lo = previous.end if gap_start is None else gap_start
    if q.start - lo > MAX_LIST_GAP or not LIST_GAP.fullmatch(text, lo, q.start):
        return False
    return LIST_END.match(text, q.end if item_end is None else item_end) is not None


def share_after(text: str, qs: Sequence[QuantityMatch], i: int) -> QuantityMatch | None:
    """The percentage right after figure i that restates it ("661.800 jiwa atau 87,6 persen"), if any."""
    if i + 1 < len(qs) and qs[i].unit != "percent" and qs[i + 1].unit == "percent" \
            and equivalent_gap(text, qs[i].end, qs[i + 1].start):
        return qs[i + 1]
    return None


def restates(text: str, previous: Typed | None, q: QuantityMatch) -> bool:
    """Is q the figure before it written another way ("N jiwa atau X persen")?"""
    return previous is not None and equivalent_gap(text, previous.end, q.start)


def equivalent_gap(text: str, lo: int, hi: int) -> bool:
    """Does the text between two figures make the second the first written another way?"""
    return hi - lo <= MAX_EQUIVALENCE_GAP and EQUIVALENCE_GAP.fullmatch(text, lo, hi) is not None


def whole_of_later(text: str, qs: Sequence[QuantityMatch], i: int, s_lo: int, rules: MetricRules) -> bool:
    """"dari 2.769 rumah sakit yang bekerja sama ..., sebanyak 1.560 rumah sakit telah ...": a count after a
    word of totals (not a list head, "terdiri dari") that a later count of its sentence, in the same unit, is
    part of."""
    q = qs[i]
    last = total_word_before(text, s_lo, q, rules)
    if last is None or any(h.end() == last.end(1) for h in rules.list_heads.finditer(text, s_lo, last.end(1))):
        return False
    return any(later.unit in (q.unit, None) for later in qs[i + 1:])   # "hanya 200 di antaranya"


def past_spaces(text: str, pos: int, hi: int | None = None) -> int:
    """The first position at or after pos (before hi) that is no space."""
    hi = len(text) if hi is None else hi
    while pos < hi and text[pos].isspace():
        pos += 1
    return pos


def money_after_money(text: str, qs: Sequence[QuantityMatch], i: int) -> bool:
    """A bare number a coordinator away from a sum of money before it: the rest of that sum, no count."""
    return i > 0 and qs[i].unit is None and qs[i - 1].unit == "rupiah" \
        and MONEY_REST_GAP.fullmatch(text, qs[i - 1].end, qs[i].start) is not None


def per_one(text: str, one: QuantityMatch, q: QuantityMatch) -> bool:
    """"1 pegawai melayani 31.982 peserta", "satu dokter untuk 5.000 penduduk": a ratio to one of something,
    not a count of the vocabulary."""
    return one.value == 1 and bool(RATIO_GAP.fullmatch(text, one.end, q.start))
