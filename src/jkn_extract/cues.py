"""Metric typing: decide, from the cues that govern a quantity, which contract metric it measures
(the vocabulary, rules/metrics.yml, is loaded by `cuerules.py`). Knows nothing of dates, regions or speakers; the
metrics stage (metrics.py) attaches those to the typed figure."""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from .cuerules import EXCLUDE, MetricRules, metric_rules, word_pattern  # noqa: F401  (re-exported for callers)
from .numbers import QuantityMatch

GENERIC = "~"  # prefix of a metric typed only by a generic noun ("500 peserta"): an equivalence overrides it
# Units a figure without a unit word may still be typed as (a bare "418.390" after "penduduk").
BARE_UNITS = ("persons", "facilities")
NEXT_WORD = re.compile(r"[ \t]*([^\W\d_][\w-]*)")
LAST_WORD = re.compile(r"([\w-]+)[\s,]*\Z")  # no colon: "syaratnya yakni: 1." opens a list
# Text between a percentage and a count that makes the count the same figure in persons.
EQUIVALENCE_GAP = re.compile(r"[\s,(]*(penduduk[\s,]+|populasi[\s,]+)?(atau|alias|yakni|yaitu|(berada )?(di|pada) angka)?( ?setara( dengan)?| ?sebanyak| ?sejumlah| ?sebesar)?"
                             r"( sekitar| kurang lebih| lebih dari| hampir)?[\s(]*", re.I)
MAX_EQUIVALENCE_GAP = 50   # bounded: the pattern's optional words sit between runs of spaces
APPOSED_ACRONYM = re.compile(r"\([A-Z][A-Za-z]{1,9}\)")   # "(FKTP)" between a noun and its count
MAX_CUE_WORDS = 6     # longest cue phrase looked for
MAX_APPOSED_SKIPS = 6   # words between a noun and its count: introducers, an acronym, a place
MAX_PLACE_WORDS = 3   # "penduduk Indonesia 275 juta", "penduduk Daerah Istimewa Yogyakarta 3,6 juta"
RELATIVE = re.compile(r"[ \t]*(?:[\w-]+[ \t]+)?yang\b", re.I)   # "5 juta peserta yang", "5 juta jiwa peserta yang"
HEDGED = re.compile(r"(?:lebih|kurang)\s+\Z", re.I)   # "lebih dari", "kurang dari": a hedge before a figure


class Typed(Protocol):
    """What metric typing needs of a figure already typed (metrics.Figure)."""
    @property
    def end(self) -> int: ...
    @property
    def metric(self) -> str: ...
    @property
    def unit(self) -> str: ...


def in_scope(text: str) -> bool:
    """Does the article speak of health insurance at all? Others yield no records."""
    return metric_rules().context.search(text) is not None


def worth_parsing(text: str) -> bool:
    """Is the article parsed at all? Those in scope, and those near it whose statements analysts follow
    too (BPJS Ketenagakerjaan, social security): their quotes, never records. Most of a general news
    dump is neither, at the cost of two regexes."""
    return in_scope(text) or metric_rules().quote_context.search(text) is not None


def metric_units(rules: MetricRules) -> dict[str, str]:
    return {m: u for pairs in rules.cue_metrics.values() for m, u in pairs if m != EXCLUDE}


def unit_fits(quantity_unit: str | None, metric_unit: str) -> bool:
    if metric_unit == "*":
        return True
    return quantity_unit == metric_unit or (quantity_unit is None and metric_unit in BARE_UNITS)


def nearest_metric(text: str, q: QuantityMatch, left: int, right: int, rules: MetricRules,
                   continued: bool = False, unit: str | None = "") -> str | None:
    """The metric of the nearest fitting cue around `q`. None when there is none; EXCLUDE when an exclusion
    is nearer, or when the nearest cue on the other side of the figure is an exclusion: in "sebanyak
    500 peserta yang dilayani" or "klaim dari 20 rumah sakit" the unit noun says what is counted,
    the words around it say the count measures something else."""
    candidates: list[tuple[int, int, str, str, str]] = []   # (distance, -length, metric, side, cue)
    # "... belum terdaftar sebagai peserta JKN dari total 977.858 penduduk": a cue before a clause
    # boundary does not claim the classifier noun of the figure after it.
    # A hedge is no boundary: "kepesertaan saat ini lebih dari 222 juta penduduk".
    claim_from = max([m.end() for m in rules.boundaries.finditer(text, max(left, q.start - rules.max_veto), q.start)
                      if not HEDGED.search(text, max(0, m.start() - 8), m.start())], default=0)
    q_unit = q.unit if unit == "" else unit

    def level_between(lo: int, hi: int) -> bool:
        return any(w.lower() in rules.level_words for w in re.findall(r"[\w-]+", text[lo:hi]))

    def fitting_at(m: re.Match[str], side: str) -> list[str]:
        fitting = [metric for metric, unit in rules.cue_metrics[m.group(0).lower()] if unit_fits(q_unit, unit)]
        if m.group(0).lower() in rules.change_cues and side == "left" and level_between(m.end(), q.start):
            return []  # "pertumbuhan peserta ... melonjak menjadi 200 juta": the level reached, not the growth
        return fitting

    def collect(lo: int, hi: int, side: str, distance_of) -> None:
        for m in rules.cues.finditer(text, lo, hi):
            fitting = fitting_at(m, side)
            if not fitting and m.end() - m.start() > 1:
                # "jumlah peserta aktif" is a persons cue; for a percentage the shorter cue inside it counts,
                # and so does one at its start: "menunggak" in "menunggak iuran" for a count of persons.
                short = rules.cues.match(text, m.start(), m.end() - 1)
                if short is not None and fitting_at(short, side):
                    m, fitting = short, fitting_at(short, side)
                else:
                    collect(m.start() + 1, m.end(), side, distance_of)
            candidates.extend((distance_of(m), -len(m.group(0)), metric, side, m.group(0).lower()) for metric in fitting)

    collect(max(left, q.start - rules.max_left), q.start, "left", lambda m: q.start - m.end())
    # A cue starting inside the figure is its unit noun, read whole: "3 juta peserta", "500 peserta PBI".
    hi = max(q.end, min(right, q.end + rules.max_right))
    # ... past the clause boundary too: "penduduk miskin dan tidak mampu" holds a boundary word.
    whole = min(len(text), q.end + rules.max_right)
    inside_end = max([q.end] + [m.end() for m in rules.cues.finditer(text, q.start, whole) if m.start() < q.end])
    collect(q.start, inside_end, "inside", lambda m: 1)
    own = noun_before(text, q, max(left, q.start - rules.max_left), rules, q_unit, apart=True)
    if own is not None:   # "dari jumlah penduduk X sekitar 2,1 juta jiwa, menjadi peserta": its own noun
        candidates.extend((0, -len(own.group(0)), metric, "inside", own.group(0).lower())
                          for metric in fitting_at(own, "left"))
    collect(inside_end, hi, "right", lambda m: m.start() - q.end + 1)
    segment = segment_metric(text, q, max(left, q.start - rules.max_left), hi, rules, q_unit)
    if segment is not None:
        return segment
    if not candidates:
        return None
    best = min(candidates)
    if best[2] == EXCLUDE and best[4] in rules.soft_excludes:
        specific = [c for c in candidates if c[2] != EXCLUDE and c[4] not in rules.generic
                    and (c[0] <= rules.max_veto or c[3] == "right")]
        return min(specific)[2] if specific else EXCLUDE
    if best[2] == EXCLUDE:
        return EXCLUDE
    for side in ("left", "right"):
        nearest = min((c for c in candidates if c[3] == side), default=None)
        # On the right the clause bounds the veto ("72 FKTP yang telah menerapkan antrean online"); on
        # the left, where the clause start is unknown, a distance does.
        if nearest is not None and nearest[2] == EXCLUDE and best[3] != side and nearest[4] not in rules.soft_excludes \
                and (side == "right" or nearest[0] <= rules.max_veto):
            return EXCLUDE
    # "dari total 2,5 juta penduduk": the figure's own noun, after a word of totals, is what it counts.
    if best[4] in rules.generic and not (best[3] == "inside" and total_before(text, left, q, rules)):
        # "kuota peserta PBI sebanyak 9 juta peserta": the classifier noun yields to a specific cue.
        # A predicate after "N penduduk" claims it anywhere in the clause: "500 ribu penduduk Kota X, ..., belum dilindungi".
        # a noun right after the unit word ("134 juta jiwa peserta ...") is the figure's own, as if inside it
        own = best[3] == "inside" or (best[3] == "right" and best[0] <= 2)
        specific = [c for c in candidates if c[4] not in rules.generic and c[2] != EXCLUDE
                    and (c[0] <= rules.max_veto or (own and c[3] == "right"))
                    and not (c[3] == "left" and q.start - c[0] < claim_from)]   # c[0] is q.start - cue end
        if specific:
            return min(specific)[2]
        # only the classifier noun says what is counted: any exclusion of the clause before it vetoes
        # ("peserta yang menunggak iuran ini, ungkap dia, ... sebanyak 29.803 peserta")
        if any(c[2] == EXCLUDE and c[3] == "left" and q.start - c[0] >= claim_from for c in candidates):
            return EXCLUDE
        if best[4] in rules.clause_relevance and not continued \
                and not rules.relevance.search(text, max(left, q.start - rules.max_left), hi):
            return None  # "meloloskan 403 peserta": participants of what? The clause (or the figure before) must say.
        if q_unit == "percent":   # "meraih UHC dengan capaian minimal 95 persen dari jumlah penduduk": UHC's share
            named = [c for c in candidates if c[4] not in rules.generic and c[2] != EXCLUDE]
            if named:
                return min(named)[2]
        return GENERIC + best[2]
    return best[2]


def unexcluded(metric: str | None) -> str | None:
    return None if metric == EXCLUDE else metric


def fitting_metric(cue: str, unit: str | None, rules: MetricRules) -> str | None:
    """The metric a cue gives a figure of this unit; EXCLUDE when it excludes it, None when it fits none."""
    fitting = [metric for metric, metric_unit in rules.cue_metrics[cue.lower()] if unit_fits(unit, metric_unit)]
    return EXCLUDE if EXCLUDE in fitting else fitting[0] if fitting else None


def segment_metric(text: str, q: QuantityMatch, lo: int, hi: int, rules: MetricRules, unit: str | None) -> str | None:
    """In "N jiwa sebagai peserta segmen PBI, M jiwa sebagai peserta segmen PPU" the segment named
    after the marker nearest the figure, in its clause, says what is counted, whatever "terdaftar"
    or "peserta" say: its metric, EXCLUDE for a segment without one (PPU), None without a marker."""
    markers = list(rules.segments.finditer(text, lo, hi))
    if not markers:
        return None
    marker = min(markers, key=lambda m: min(abs(m.start() - q.end), abs(q.start - m.end())))
    named = rules.cues.match(text, marker.end() + len(text[marker.end():hi]) - len(text[marker.end():hi].lstrip()), hi)
    if named is None:
        following = NEXT_WORD.match(text, marker.end())
        # "pada semua segmen": no segment named; "segmen PBPBU": one the vocabulary does not know
        return EXCLUDE if following and following.group(1)[:1].isupper() else None
    return fitting_metric(named.group(0), unit, rules) or EXCLUDE


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
    if i:
        left = max(left, text.rfind(",", left, qs[i].start) + 1)
    comma = text.find(",", qs[i].end, right) if i + 1 < len(qs) else -1
    return left, (comma if comma >= 0 else right)


def chained_metric(text: str, qs: Sequence[QuantityMatch], i: int, s_hi: int, rules: MetricRules) -> str | None:
    """The metric of figure i, without a cue of its own, from the predicate after a chain of figures
    it heads: "Sebanyak N warga atau X persen dari total M penduduk ... telah dilindungi BPJS"."""
    j = chain_end(text, qs, i, rules)
    if j == i:
        return None
    lo = qs[j].end
    hi = clause_end(text, qs[j], min(s_hi, lo + rules.max_right, qs[j + 1].start if j + 1 < len(qs) else s_hi), rules)
    for m in rules.cues.finditer(text, lo, hi):
        if qs[j].unit == "percent" and qs[i].unit != "percent" and m.group(0).lower() in rules.generic \
                and not text[lo:m.start()].strip():
            # "276.520.647 atau lebih dari 98 persen penduduk": a share of the population, so the head counts
            # the covered
            return rules.share_count
        # the chain's own unit nouns are no predicate; a share's ("dari populasi") is, for the share
        if m.group(0).lower() not in rules.generic or fitting_metric(m.group(0), qs[i].unit, rules) is None:
            metric = fitting_metric(m.group(0), qs[i].unit, rules)
            if metric is None:   # "236 juta atau 86 persen dari populasi": the share's metric, in persons
                last = fitting_metric(m.group(0), qs[j].unit, rules)
                metric = rules.equivalents.get(last) if last not in (None, EXCLUDE) else last
            return None if metric == EXCLUDE else metric
    return None


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
    return last.group(1).lower() in rules.bare_before and q.value >= rules.bare_min


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
    if m is None:
        return limit
    # A boundary word that opens a cue is part of it for a share ("86 persen dari populasi"); a count
    # before "dari" is a part of what follows, never that whole ("182.370 jiwa dari total penduduk").
    cue = rules.cues.match(text, m.start()) if q.unit == "percent" else None
    return min(limit, cue.end()) if cue else m.start()


def networked(text: str, lo: int, hi: int, rules: MetricRules) -> bool:
    """Facilities count as the JKN network only in a sentence that says so and names no subset or event."""
    return rules.networks.search(text, lo, hi) is not None and rules.facility_vetoes.search(text, lo, hi) is None


def in_range(value: float, unit: str, rules: MetricRules) -> bool:
    """Within the unit's plausible range, and whole where the unit counts ("248,7 jiwa" lost its "juta")."""
    lo, hi = rules.limits.get(unit, (float("-inf"), float("inf")))
    return lo <= value <= hi and (unit not in rules.whole_units or value == int(value))


def word_before(text: str, lo: int, hi: int) -> str:
    last = LAST_WORD.search(text, lo, hi)
    return last.group(1).lower() if last else ""


def total_before(text: str, lo: int, q: QuantityMatch, rules: MetricRules) -> bool:
    """A word of totals right before a figure ("dari total 2,5 juta", "dari 694.645 jiwa"), not a hedge
    ("lebih dari"), and for "dari" not a whole its own relative clause says more of ("Dari 5 juta peserta
    yang dicoret, ...")."""
    last = LAST_WORD.search(text, lo, q.start)
    if last is None or last.group(1).lower() not in rules.totals:
        return False
    if last.group(1).lower() == "dari" and RELATIVE.match(text, q.end):
        return False
    return HEDGED.search(text, max(lo, last.start() - 10), last.start()) is None


def share_of_participants(text: str, q: QuantityMatch, right: int, rules: MetricRules) -> bool:
    """"40 persen dari total peserta" is a share of participants, not of the population."""
    m = rules.share_markers.search(text, q.end, q.end + rules.max_right)   # right after it, past the clause end
    return m is not None and not text[q.end:m.start()].strip(" ,")


def continues_list(text: str, s_lo: int, rules: MetricRules) -> bool:
    """Does the sentence open by continuing the list of the one before ("Selanjutnya di Kabupaten B ...")?"""
    return rules.continuations.match(text, s_lo) is not None


def restates(text: str, previous: Typed | None, q: QuantityMatch) -> bool:
    """Is q the figure before it written another way ("N jiwa atau X persen")?"""
    return previous is not None and q.start - previous.end <= MAX_EQUIVALENCE_GAP \
        and EQUIVALENCE_GAP.fullmatch(text, previous.end, q.start) is not None


def inferred_metric(text: str, q: QuantityMatch, left: int, right: int, previous: Typed | None,
                    last: Typed | None, rules: MetricRules, counts: bool, s_lo: int = 0) -> tuple[str | None, Figure | None]:
    """The metric of a figure without a cue of its own, from the figure it restates: (metric, same
    figure whose kind it shares, if any)."""
    gap = restates(text, previous, q)
    if previous is not None and gap and q.unit in ("persons", None) and previous.metric in rules.equivalents:
        return rules.equivalents[previous.metric], previous   # "98 persen atau 276 juta jiwa"
    if previous is not None and gap and q.unit == "percent" and previous.metric in rules.reverse_equivalents \
            and not share_of_participants(text, q, right, rules):
        return rules.reverse_equivalents[previous.metric], previous   # "235 juta orang atau 86 persen"
    if not counts:
        return None, None
    if previous is not None and rules.comparisons.search(text, previous.end, q.start) \
            and (q.unit or "persons") == previous.unit:
        return previous.metric, None   # "... 248 juta jiwa, naik dibanding tahun sebelumnya 235 juta jiwa"
    if previous is None and last is not None and (q.unit or "persons") == last.unit and continues_list(text, s_lo, rules) \
            and rules.cues.search(text, s_lo, right) is None:   # not "Kemudian peserta PBPU sebanyak N": a cue of its own
        return last.metric, None   # "Selanjutnya di Kabupaten B sebesar Rp1 miliar": the list goes on
    if last is not None and rules.anaphors.search(text, left, q.start) \
            and not rules.parts.search(text, left, q.start):   # "Dari jumlah itu, N ...": a part of it
        # "Ia berharap, jumlah itu menjadi 98 persen": the figure the sentence before gave.
        if (q.unit or "persons") == last.unit:
            return last.metric, None
        if q.unit in ("persons", None) and last.metric in rules.equivalents:
            return rules.equivalents[last.metric], None   # "83 persen penduduk ... Angka tersebut setara 224 juta jiwa"
        persons = unexcluded(nearest_metric(text, q, left, right, rules, True, unit="persons")) if q.unit == "percent" else None
        if q.unit == "percent" and last.metric in rules.reverse_equivalents \
                and (persons or GENERIC).removeprefix(GENERIC) in ("", "population"):   # not "PBI ... 59 persen"
            return rules.reverse_equivalents[last.metric], None
    if q.unit == "percent" and word_before(text, left, q.start) in rules.level_words \
            and not share_of_participants(text, q, right, rules) \
            and not any(EXCLUDE in dict(rules.cue_metrics[m.group(0).lower()])
                        for m in rules.cues.finditer(text, left, q.start)):   # not "iuran peserta naik hingga 100 persen"
        # "meningkatkan jumlah peserta hingga 98 persen": a count's cue with a percentage is coverage.
        persons = unexcluded(nearest_metric(text, q, left, right, rules, True, unit="persons"))
        if persons is not None and persons.removeprefix(GENERIC) in rules.shares and not persons.startswith(GENERIC):
            return rules.shares[persons], None
    return None, None


def restates_excluded(text: str, qs: Sequence[QuantityMatch], i: int, s_lo: int, rules: MetricRules) -> bool:
    """Is quantity i the one before it written another way, when that one measures something else?"""
    if not i or not restates(text, qs[i - 1], qs[i]):
        return False
    before = qs[i - 1]
    return nearest_metric(text, before, qs[i - 2].end if i > 1 else s_lo, qs[i].start, rules) == EXCLUDE


def type_quantity(text: str, qs: Sequence[QuantityMatch], i: int, clause: tuple[int, int], sentence: tuple[int, int],
                  previous: Typed | None, last: Typed | None, rules: MetricRules) -> tuple[str | None, Typed | None]:
    """(metric, the figure it restates if any) of quantity i among its sentence's quantities `qs`,
    whose clause (previous figure's end, clause end) is given. None: the quantity is no figure."""
    q, (left, right), (s_lo, s_hi) = qs[i], clause, sentence
    left, right = list_item(text, qs, i, left, right)
    if not_a_level(text, q, left, rules):
        return None, None
    counts = countable(text, q, s_lo, rules)
    continued = previous is not None or (i == 0 and last is not None and continues_list(text, s_lo, rules))
    metric = nearest_metric(text, q, left, right, rules, continued) if counts else None
    if previous is None and (metric is None or metric.startswith(GENERIC)) and restates_excluded(text, qs, i, s_lo, rules):
        # "jumlah lansia sebesar 21 juta jiwa atau 8,4 persen dari jumlah penduduk": without a cue of its own
        # a restatement measures what the figure it restates does
        return None, None
    excluded = metric == EXCLUDE     # an exclusion vetoes a predicate after a chain too, not a restatement
    metric = unexcluded(metric)
    same_as = None
    if metric is None or metric.startswith(GENERIC):
        inferred, same_as = inferred_metric(text, q, left, right, previous, last or previous, rules,
                                            metric is not None or counts, s_lo)
        if inferred is None and metric is not None and q.unit == "percent" and restates(text, previous, q) \
                and previous.metric not in rules.reverse_equivalents:
            return None, None   # "1,5 juta jiwa PBI atau 31 persen dari jumlah penduduk": PBI's share, no metric
        metric = inferred or (metric.removeprefix(GENERIC) if metric else None)
    if metric is None and counts and not excluded:
        metric = chained_metric(text, qs, i, s_hi, rules)
    if metric is not None and q.unit is None and rules.entities.search(text, left, q.start):
        return None, None   # "badan usaha yang terdaftar sebanyak 318.062": companies, not persons
    return metric, same_as
