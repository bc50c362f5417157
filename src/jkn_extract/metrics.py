"""Metrics stage: find the figures of a parsed article, typed as contract metrics by `cues`, and
attach to each its kind, target year, date, region and speaker."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from .clauses import (NEXT_WORD, chain_end, clause_end, continues_list, coordinated, in_range, list_item, metric_units,
                      networked, whole_of_later)
from .cues import MetricRules, in_scope, metric_rules, worth_parsing
from .metric_types import type_quantity
from .dates import DateMatch
from .numbers import QuantityMatch
from .gazetteer import INDONESIA
from .regions import Region, RegionMention
from .speakers import Quote, speaker_at

__all__ = ["Figure", "find_figures", "in_scope", "metric_rules", "worth_parsing"]   # in_scope, metric_rules: re-exported for callers

UNDATED_KINDS = ("weekday",)


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    text: str
    value: float
    unit: str
    metric: str
    kind: str
    target_year: int | None
    as_of: str | None
    region: Region | None
    region_named: bool          # named in the figure's own sentence (else the article's main region)
    speaker_name: str | None
    speaker_role: str | None
    sentence: str


MAX_JOIN_GAP = 60   # characters of unit nouns and a coordinator between two listed figures


def date_end(text: str, q: QuantityMatch, clause_right: int, rules: MetricRules) -> int:
    """A date to the right governs the figure only close by and before a comma: "35 juta pada 2019,
    lalu 2020 ..."."""
    limit = min(clause_right, q.end + rules.max_date_right)
    comma = text.find(",", q.end, limit)
    return comma if comma >= 0 else limit


def coordinated_date_end(text: str, qs: Sequence[QuantityMatch], i: int, s_hi: int, rules: MetricRules) -> int:
    """Where a date may stand to govern figure i: after the last of the figures coordinated with it
    ("23.730 FKTP dan 2.963 FKRTL pada 2022" dates both)."""
    j = i
    while j + 1 < len(qs) and coordinated(text, qs[j], qs[j + 1], rules):
        j += 1
    return date_end(text, qs[j], clause_end(text, qs[j], qs[j + 1].start if j + 1 < len(qs) else s_hi, rules), rules)


def chain_date_end(text: str, qs: Sequence[QuantityMatch], i: int, s_lo: int, s_hi: int,
                   dates: Sequence[DateMatch], rules: MetricRules) -> int:
    """Where a data date ("per 1 September 2023") may stand to govern figure i and the figures that
    restate it ("262,74 juta jiwa atau 94,60%, dari total penduduk per 1 September 2023"): anywhere
    after the chain in the sentence, before any other figure. 0 when there is none."""
    j = chain_end(text, qs, i, rules)
    while j + 1 < len(qs) and joined(text[qs[j].end:qs[j + 1].start], rules):
        j += 1      # "23.205 Fasilitas Kesehatan Tingkat Pertama (FKTP) dan 3.129 FKRTL per 1 Agustus 2024"
    k = j + 1
    while k < len(qs) and counts_places(text, qs[k], rules):
        k += 1
    stop = qs[k].start if k < len(qs) else s_hi
    # ... or, for a figure alone, undated on its left, the date that closes the sentence, no comma before it:
    # "2.507 rumah sakit yang bekerja sama dengan BPJS Kesehatan pada 2020."
    alone = j == i and stop == s_hi and not any(d.end <= qs[i].start and d.start >= s_lo and dated(d) for d in dates)
    after = [d for d in dates if qs[j].end <= d.start and d.end <= stop and dated(d)
             and (data_prefix(d, rules) or alone and "," not in text[qs[j].end:d.start]
                  and not text[d.end:s_hi].strip(' ."')
                  # "... 11 juta jiwa, angka yang melebihi target RPJMN tahun 2024": the goal's year
                  and not rules.targets.search(text, qs[j].end, d.start))]
    return after[0].end if after else 0


def counts_places(text: str, q: QuantityMatch, rules: MetricRules) -> bool:
    """"lima kabupaten/kota": a count of places."""
    words = q.text.split()
    nxt = NEXT_WORD.match(text, q.end)
    noun = words[-1] if len(words) > 1 else nxt.group(1) if nxt else ""
    return noun.lower() in rules.place_counts


def joined(gap: str, rules: MetricRules) -> bool:
    """Two figures of one list joined by a coordinator, their unit nouns between, no comma."""
    return len(gap) <= MAX_JOIN_GAP and "," not in gap and any(w in rules.coordinators for w in gap.lower().split())


def data_prefix(d: DateMatch, rules: MetricRules) -> bool:
    """"per 1 Mei", "data per 1 Mei", "sesuai data hingga Juni": a date the data refer to."""
    prefix = (d.prefix or "").lower()
    return any(prefix == p or prefix.endswith(" " + p) for p in rules.data_date_prefixes)


def dated(d: DateMatch) -> bool:
    return d.kind not in UNDATED_KINDS and d.kind != "now"


def choose_as_of(q: QuantityMatch, span: tuple[int, int], clause: tuple[int, int], dates: Sequence[DateMatch],
                 published: str | None, direct: bool) -> str | None:
    """The governing date: the date right after the figure in its clause, before any comma ("dari 92
    juta pada 2014, menjadi 267 juta pada 2023"), else the nearest to the left in the statement, where a nearer
    "saat ini"/"kini" makes it the publication date (not inside a direct quote, whose "now" is the speaker's,
    unknown to us)."""
    lo, hi = span
    right = [d for d in dates if q.end <= d.start and d.end <= min(hi, clause[1]) and dated(d)]
    if right:
        return right[0].value
    left = [d for d in dates if lo <= d.start and d.end <= q.start and (dated(d) or d.kind == "now")]
    if left and left[-1].kind != "now":   # "Pada 2016 baru 150 juta, sekarang 90 persen": now is nearer
        return left[-1].value
    if any(d.kind == "now" and lo <= d.start < hi for d in dates):
        return None if direct else published
    return None


def choose_target_year(q: QuantityMatch, clause: tuple[int, int], sentence: tuple[int, int],
                       dates: Sequence[DateMatch]) -> int | None:
    """The year of the figure's own clause ("tahun 2024 mencapai 98 persen dan tahun 2030 ... 100 persen"),
    else the sentence's nearest."""
    def years_in(lo: int, hi: int) -> list[DateMatch]:
        return [d for d in dates if lo <= d.start and d.end <= hi and dated(d) and d.value and d.value[:4].isdigit()]
    years = years_in(*clause) or years_in(*sentence)
    if not years:
        return None
    nearest = min(years, key=lambda d: abs(d.start - q.start))
    return int(nearest.value.split("/")[-1][:4])   # a period's goal is due at its end: "RPJMN 2020-2024" -> 2024


def choose_region(text: str, q: QuantityMatch, unit: str, sentence: tuple[int, int], clause: tuple[int, int],
                  mentions: Sequence[RegionMention], main: Region | None, rules: MetricRules,
                  metric: str = "") -> tuple[Region | None, bool]:
    """The region named nearest the figure in its clause, else in its sentence, else the article's main
    region, and whether the sentence named it. A count larger than any province's population is
    national whatever is named."""
    lo, hi = sentence
    places = [m for m in mentions if lo <= m.start and m.end <= hi and not m.office]
    in_clause = [m for m in places if clause[0] <= m.start and m.end <= clause[1]]
    # outside its clause, a list item's region stands before its figure: "di Kabupaten A sebanyak N ..., serta di Kabupaten B"
    pool = in_clause or [m for m in places if m.end <= q.start] or places
    if not pool and any(m.start() < q.start or not rules.surpassing.search(text, q.end, m.start())
                        for m in rules.national_goals.finditer(text, lo, hi)):
        return INDONESIA, True      # "target nasional", "sesuai RPJMN", "rata-rata nasional": the country's
    if not pool:
        # An in-scope article that names no region at all reports national figures (BPJS Kesehatan's
        # own totals); a region-less record would be lost to every regional analysis anyway.
        region, named = main or INDONESIA, False
    else:
        best = min(pool, key=lambda m: min(abs(m.end - q.start), abs(m.start - q.end)))
        # a province right after one of its regencies qualifies it: "Kabupaten Biak Numfor, Papua"
        qualified = [m for m in places if m.end <= best.start and text[m.end:best.start].strip(" ,") == ""
                     and m.region.province_code == best.region.code and best.region.level == "provinsi"]
        region, named = (qualified[-1] if qualified else best).region, True
    caps = rules.max_by_metric.get(metric) or {"persons": rules.max_persons, "facilities": rules.max_facilities}.get(unit, {})
    if region is not None and q.value > caps.get(region.level, float("inf")):
        return INDONESIA, True
    return region, named


def coordinated_goal(text: str, previous: Figure, q: QuantityMatch, rules: MetricRules) -> bool:
    """"menargetkan 98 persen pada 2024 dan 100 persen pada 2030": a figure coordinated with a goal is one too."""
    gap = text[previous.end:q.start].lower()
    return previous.unit == (q.unit or previous.unit) and any(w in rules.coordinators for w in re.findall(r"[\w-]+", gap))


def is_target(text: str, q: QuantityMatch, left: int, right_limit: int, rules: MetricRules) -> bool:
    """A target cue before the figure in its clause, or a future year after it before any comma
    ("98 persen ... pada 2024 mendatang")."""
    cues = list(rules.targets.finditer(text, left, q.start))
    if cues:
        # "diharapkan meningkatkan kepesertaan yang saat ini mencapai 88 persen": the level now, in a
        # relative clause after the goal's cue, is actual
        return rules.actual_states.search(text, cues[-1].end(), q.start) is None
    comma = text.find(",", q.end, right_limit)
    return rules.future.search(text, q.end, comma if comma >= 0 else right_limit) is not None


def breakdown_date(text: str, s_lo: int, first: QuantityMatch, before: Figure | None,
                   earlier: Sequence[DateMatch], rules: MetricRules) -> str | None:
    """"Terdiri dari PBI 151 juta jiwa, ...", "Sekitar 140 juta jiwa di antaranya ...": a sentence breaking
    down the figure before (its `first` figure a part of it) dates its parts; when that figure was unreadable
    ("248,7 jiwa pada 2022", its "juta" lost), the date of its sentence does."""
    opening = s_lo + len(text[s_lo:s_lo + 4]) - len(text[s_lo:s_lo + 4].lstrip(' "'))
    if not (rules.breakdowns.match(text, opening) or rules.breakdown_parts.match(text, first.end)):
        return None
    if before is None:
        return next((d.value for d in reversed(earlier) if dated(d)), None)
    return before.as_of


def refers_to(last: Figure | None, metric: str, text: str, lo: int, hi: int, rules: MetricRules) -> bool:
    """"... 2.507 rumah sakit yang bekerja sama ... Jumlahnya naik dari 2.068 rumah sakit": an anaphor carries
    the figure before's network."""
    return last is not None and last.metric == metric and rules.anaphors.search(text, lo, hi) is not None


def matches(doc: Any, key: str) -> list:
    return doc._.matches.get(key, [])


def frame_start(text: str, qs: Sequence[QuantityMatch], i: int, s_lo: int, rules: MetricRules, series: bool) -> int:
    """Where the words that frame figure i begin: after the figure before it, or one figure further back
    when i only continues that one, as the upper end of a range ("14.000 hingga 15.000 penduduk") or a
    count restating a share ("bagi 35 persen atau 84 juta warga"), or the same measure another year ("Rp 4
    triliun pada 2021 dan tahun ini Rp 4,2 triliun": `series`, from `in_series`)."""
    left = qs[i - 1].end if i else s_lo
    if i and (rules.range_gap.fullmatch(text, left, qs[i].start)
              or qs[i].unit == "persons" and qs[i - 1].unit == "percent"
              and rules.restating_gap.fullmatch(text, left, qs[i].start)
              or series):
        return qs[i - 2].end if i > 1 else s_lo
    return left


def in_series(text: str, qs: Sequence[QuantityMatch], i: int, rules: MetricRules) -> int | None:
    """Where the own words of figure i begin when it is the one before in another year ("Rp 4 triliun pada
    2021 dan tahun ini Rp 4,2 triliun"): it shares that one's frame but not its date. None otherwise."""
    if not i or qs[i].unit != qs[i - 1].unit or qs[i].unit is None:
        return None
    m = rules.series_gap.fullmatch(text, qs[i - 1].end, qs[i].start)
    return None if m is None else max(m.end("own"), m.end("own2"))


def computed_share(q: QuantityMatch, figures: Sequence[Figure], rules: MetricRules) -> Figure | None:
    """The count of `figures` (one sentence's) that percentage q states as a share of a whole given there:
    the arithmetic says what an uncued "atau sebesar 90 persen" measures."""
    wholes = [f for f in figures if f.metric == rules.share_whole and f.value > 0]
    for part in figures:
        if part.metric in rules.shares and any(
                w.region == part.region and abs(100 * part.value / w.value - q.value) <= rules.share_tolerance
                for w in wholes):
            return part
    return None


def restated_metric(q: QuantityMatch, metric: str | None, figures: Sequence[Figure], units: dict[str, str]) -> str | None:
    """A bare number that repeats, digit for digit, a figure stated before in the same unit is that figure
    again ("bekerja sama dengan 23.730 faskes tingkat pertama ... " then "yang sudah bekerja sama itu ada
    23.730 ..., rumah sakit ..."): its metric, whatever the words around the repeat say. Round values
    (thousands) repeat by chance."""
    if metric is None or q.unit is not None or q.value < 1000 or q.value % 1000 == 0:
        return metric
    twin = next((f for f in reversed(figures) if f.value == q.value and f.unit == units[metric]), None)
    return twin.metric if twin is not None else metric


def find_figures(doc: Any) -> list[Figure]:
    """Typed figures of a parsed article (spaCy Doc with quantities, dates, regions, quotes)."""
    rules = metric_rules()
    text: str = doc._.text
    if not in_scope(text):
        return []
    units = metric_units(rules)
    quantities: list[QuantityMatch] = matches(doc, "quantities")
    dates: list[DateMatch] = matches(doc, "dates")
    mentions: list[RegionMention] = matches(doc, "regions")
    quotes: list[Quote] = matches(doc, "quotes")
    figures: list[Figure] = []
    relevant_before = False
    last: Figure | None = None   # the last figure of the sentence before (or of this one)
    last_of: dict[str, Figure] = {}   # ... and the last of each unit: a list goes on in its own unit
    last_counted: Figure | None = None   # ... and the last count a share can refer to ("Itu berarti 80 persen")
    goals: dict[tuple[float, Region | None], int] = {}   # a goal stated before -> its index in figures
    prev_lo = 0
    for s_lo, s_hi in doc._.sentences:
        # A figure counts only where the sentence, or the one before it, speaks of health insurance.
        relevant = rules.relevance.search(text, s_lo, s_hi) is not None \
            or (relevant_before and last is not None and last.start >= prev_lo
                and (continues_list(text, s_lo, rules) or rules.anaphors.search(text, s_lo, s_hi)
                     or (last.metric in rules.same_goal and rules.targets.search(text, s_lo, s_hi))))
        # "Selanjutnya ...": the list goes on; "Bahkan, jumlah itu menjadi ...": the figure before goes on;
        # "Target kita 95 persen": the goal of the coverage before
        if not (relevant or relevant_before) or rules.other_insurers.search(text, s_lo, s_hi) \
                and not rules.context.search(text, s_lo, s_hi):
            prev_lo = s_lo
            continue
        relevant_before, strict_only = relevant, not relevant
        sent_qs = [q for q in quantities if s_lo <= q.start and q.end <= s_hi]
        previous: Figure | None = None
        last = last if last is not None and last.start >= prev_lo else None
        before = last      # the sentence before's last figure, whose date a breakdown of it shares
        last_of = {u: f for u, f in last_of.items() if f.start >= prev_lo}
        last_counted = last_counted if last_counted is not None and last_counted.start >= prev_lo else None
        sentence_from = len(figures)   # figures are appended in text order: this sentence's are the tail
        for i, q in enumerate(sent_qs):
            own_from = in_series(text, sent_qs, i, rules)   # where its own words begin, if it continues a series
            left = frame_start(text, sent_qs, i, s_lo, rules, own_from is not None)
            right_limit = sent_qs[i + 1].start if i + 1 < len(sent_qs) else s_hi
            right = clause_end(text, q, right_limit, rules)
            # "N jiwa dari M jiwa penduduk ... Itu berarti 80 persen": a share refers to the count, not the whole
            referent = last_of.get(q.unit or "persons") or (last_counted if q.unit == "percent" else None) or last
            metric, same_as = type_quantity(text, sent_qs, i, (left, right), (s_lo, s_hi), previous, referent, rules)
            if metric is None and q.unit == "percent":
                same_as = computed_share(q, figures[sentence_from:], rules)
                metric = rules.shares[same_as.metric] if same_as is not None else None
            metric = restated_metric(q, metric, figures, units)
            # the whole that a later facility count is part of: the sentence's vetoes speak of the part
            whole = metric in rules.facility_metrics and whole_of_later(text, sent_qs, i, s_lo, rules)
            if metric is None or not in_range(q.value, units[metric], rules) \
                    or (strict_only and metric in rules.strict and not (
                        metric in rules.strict_carriers and rules.strict_carriers[metric].search(text, prev_lo, s_lo))) \
                    or (not whole and metric in rules.sentence_vetoes and rules.sentence_vetoes[metric].search(text, s_lo, s_hi)) \
                    or (not whole and metric in rules.facility_metrics and not networked(text, s_lo, s_hi, rules)
                        and not refers_to(last, metric, text, s_lo, q.start, rules)):
                previous = None
                continue
            quote = speaker_at(quotes, q.start, q.end)
            span = (max(s_lo, quote.start), min(s_hi, quote.end)) if quote and quote.direct else (s_lo, s_hi)
            if own_from is not None:   # its own time, not the year of the sum before
                span = (max(span[0], own_from), span[1])
            region, named = (same_as.region, same_as.region_named) if same_as is not None else \
                choose_region(text, q, units[metric], (s_lo, s_hi), list_item(text, sent_qs, i, left, right),
                              mentions, doc._.main_region, rules, metric)
            kind = same_as.kind if same_as else "target" if is_target(text, q, left, right_limit, rules) \
                or (previous is not None and previous.kind == "target" and coordinated_goal(text, previous, q, rules)) \
                else "actual"
            figure = Figure(
                start=q.start, end=q.end, text=q.text, value=q.value, unit=units[metric], metric=metric,
                kind=kind,
                target_year=choose_target_year(q, (left, right), (s_lo, s_hi), dates) if kind == "target" else None,
                as_of=None if kind == "target" else choose_as_of(
                    q, span, (left, max(coordinated_date_end(text, sent_qs, i, s_hi, rules),
                                        chain_date_end(text, sent_qs, i, s_lo, s_hi, dates, rules))),
                    dates, doc._.published, bool(quote and quote.direct)) or breakdown_date(
                        text, s_lo, sent_qs[0], before, [d for d in dates if prev_lo <= d.start < s_lo], rules),
                region=region, region_named=named,
                speaker_name=quote.speaker_name if quote else None,
                speaker_role=quote.speaker_role if quote else None,
                sentence=text[s_lo:s_hi].strip(),
            )
            if own_from is not None and previous is not None and figure.as_of == previous.as_of is not None:
                figure = replace(figure, as_of=None)   # "pada 2018 dan tahun ini": not the first sum's year
            goal = (figure.value, figure.region) if kind == "target" and metric in rules.same_goal else None
            if goal in goals:   # a coverage goal restated as a UHC goal is one goal, said by whoever says it
                first = figures[goals[goal]]
                if first.speaker_name is None and figure.speaker_name is not None:
                    figures[goals[goal]] = replace(first, speaker_name=figure.speaker_name,
                                                   speaker_role=figure.speaker_role)
            else:
                figures.append(figure)
                if goal is not None:
                    goals[goal] = len(figures) - 1
            previous = last = last_of[figure.unit] = figure
            if figure.metric in rules.reverse_equivalents:
                last_counted = figure
        # "Jumlah itu naik dari 235,72 orang. Bahkan, jumlah itu menjadi 258 juta": a sentence that refers back
        # without a figure of its own leaves the figure before in reach of the next
        if len(figures) > sentence_from or last is None or not rules.anaphors.search(text, s_lo, s_hi):
            prev_lo = s_lo
    return figures
