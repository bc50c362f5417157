"""Metrics stage: type each quantity as a contract metric from the cues that govern it, and attach
its kind, target year, date, region and speaker. The cues are data (rules/metrics.yml)."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from .dates import DateMatch
from .numbers import QuantityMatch
from .regions import Region, RegionMention, resolve_region
from .rules import RuleError, alternation, compile_pattern, load_yaml, require
from .speakers import Quote, speaker_at

EXCLUDE = "_exclude"
GENERIC = "~"  # prefix of a metric typed only by a generic noun ("500 peserta"): an equivalence overrides it
# Units a figure without a unit word may still be typed as (a bare "418.390" after "penduduk").
BARE_UNITS = ("persons", "facilities")
UNDATED_KINDS = ("weekday",)
NEXT_WORD = re.compile(r"[ \t]*([^\W\d_][\w-]*)")
LAST_WORD = re.compile(r"([\w-]+)[\s,]*\Z")  # no colon: "syaratnya yakni: 1." opens a list
# Text between a percentage and a count that makes the count the same figure in persons.
EQUIVALENCE_GAP = re.compile(r"[\s,(]*(atau|setara( dengan)?|sebanyak|yakni|yaitu)?( sekitar| kurang lebih| lebih dari| hampir)?[\s(]*", re.I)


@dataclass(frozen=True)
class MetricRules:
    context: re.Pattern[str]
    relevance: re.Pattern[str]
    cues: re.Pattern[str]
    cue_metrics: dict[str, tuple[tuple[str, str], ...]]   # lower-cased phrase -> ((metric, unit), ...)
    targets: re.Pattern[str]
    boundaries: re.Pattern[str]
    equivalents: dict[str, str]
    limits: dict[str, tuple[float, float]]
    strict: frozenset[str]
    generic: frozenset[str]
    clause_relevance: frozenset[str]
    bare_before: frozenset[str]
    bare_min: float
    bare_after: frozenset[str]
    max_left: int
    max_right: int
    max_veto: int
    max_date_right: int
    reverse_equivalents: dict[str, str]
    share_markers: re.Pattern[str]
    shares: dict[str, str]
    level_words: frozenset[str]
    change_cues: frozenset[str]
    anaphors: re.Pattern[str]
    comparisons: re.Pattern[str]
    future: re.Pattern[str]
    same_goal: frozenset[str]
    totals: frozenset[str]


def word_pattern(words: Sequence[str], source: str) -> re.Pattern[str]:
    return compile_pattern(rf"(?<![\w-])(?:{alternation(words)})(?![\w-])", source)


@cache
def metric_rules() -> MetricRules:
    name = "metrics.yml"
    data = require(load_yaml(name), name, {
        "context": list, "max_distance_left": int, "max_distance_right": int, "max_veto_distance": int, "max_date_distance_right": int,
        "metrics": dict,
        "relevance": list, "same_sentence": list, "generic_cues": list, "clause_relevance": list, "exclude": list, "exclude_by_unit": dict, "bare_before": list, "bare_min_value": int, "bare_after": list,
        "target_cues": list, "right_boundaries": list, "equivalents": dict, "limits": dict,
        "reverse_equivalents": dict, "share_markers": list, "shares": dict, "level_words": list,
        "change_cues": list, "anaphors": list, "comparison_cues": list, "future_markers": list,
        "same_goal": list, "totals": list,
    })
    cue_metrics: dict[str, list[tuple[str, str]]] = {}
    for metric, spec in data["metrics"].items():
        spec = require(spec, f"{name}: metrics.{metric}", {"unit": str, "cues": list})
        if spec["unit"] not in data["limits"]:
            raise RuleError(f"{name}: metrics.{metric}: unit {spec['unit']!r} has no entry in limits")
        for cue in spec["cues"]:
            cue_metrics.setdefault(cue.lower(), []).append((metric, spec["unit"]))
    for cue in data["exclude"]:
        cue_metrics.setdefault(cue.lower(), []).append((EXCLUDE, "*"))
    for unit, cues in data["exclude_by_unit"].items():
        if unit not in data["limits"]:
            raise RuleError(f"{name}: exclude_by_unit: unknown unit {unit!r}")
        for cue in cues:
            cue_metrics.setdefault(cue.lower(), []).append((EXCLUDE, unit))
    for metric in data["same_sentence"]:
        if metric not in data["metrics"]:
            raise RuleError(f"{name}: same_sentence: unknown metric {metric!r}")
    for src, dst in [*data["equivalents"].items(), *data["reverse_equivalents"].items(), *data["shares"].items()]:
        if src not in data["metrics"] or dst not in data["metrics"]:
            raise RuleError(f"{name}: equivalents {src} -> {dst}: unknown metric")
    return MetricRules(
        context=word_pattern(data["context"], f"{name}: context"),
        relevance=word_pattern(data["relevance"], f"{name}: relevance"),
        cues=word_pattern(list(cue_metrics), f"{name}: cues"),
        cue_metrics={k: tuple(v) for k, v in cue_metrics.items()},
        targets=word_pattern(data["target_cues"], f"{name}: target_cues"),
        boundaries=word_pattern(data["right_boundaries"], f"{name}: right_boundaries"),
        equivalents=dict(data["equivalents"]),
        limits={unit: (float(lo), float(hi)) for unit, (lo, hi) in data["limits"].items()},
        strict=frozenset(data["same_sentence"]),
        generic=frozenset(w.lower() for w in data["generic_cues"]),
        clause_relevance=frozenset(w.lower() for w in data["clause_relevance"]),
        bare_before=frozenset(w.lower() for w in data["bare_before"]),
        bare_min=float(data["bare_min_value"]),
        bare_after=frozenset(w.lower() for w in data["bare_after"]),
        max_left=data["max_distance_left"],
        max_right=data["max_distance_right"],
        max_veto=data["max_veto_distance"],
        max_date_right=data["max_date_distance_right"],
        reverse_equivalents=dict(data["reverse_equivalents"]),
        share_markers=word_pattern(data["share_markers"], f"{name}: share_markers"),
        shares=dict(data["shares"]),
        level_words=frozenset(w.lower() for w in data["level_words"]),
        change_cues=frozenset(w.lower() for w in data["change_cues"]),
        anaphors=word_pattern(data["anaphors"], f"{name}: anaphors"),
        comparisons=word_pattern(data["comparison_cues"], f"{name}: comparison_cues"),
        future=word_pattern(data["future_markers"], f"{name}: future_markers"),
        same_goal=frozenset(data["same_goal"]),
        totals=frozenset(w.lower() for w in data["totals"]),
    )


def in_scope(text: str) -> bool:
    """Does the article speak of health insurance at all? Others yield no records (and are not parsed)."""
    return metric_rules().context.search(text) is not None


def metric_units(rules: MetricRules) -> dict[str, str]:
    return {m: u for pairs in rules.cue_metrics.values() for m, u in pairs if m != EXCLUDE}


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
    speaker_name: str | None
    speaker_role: str | None
    sentence: str


def unit_fits(quantity_unit: str | None, metric_unit: str) -> bool:
    if metric_unit == "*":
        return True
    return quantity_unit == metric_unit or (quantity_unit is None and metric_unit in BARE_UNITS)


def nearest_metric(text: str, q: QuantityMatch, left: int, right: int, rules: MetricRules,
                   continued: bool = False, unit: str | None = "") -> str | None:
    """The metric of the nearest fitting cue around `q`. None when there is none, when an exclusion
    is nearer, or when the nearest cue on the other side of the figure is an exclusion: in "sebanyak
    500 peserta yang dilayani" or "klaim dari 20 rumah sakit" the unit noun says what is counted,
    the words around it say the count measures something else."""
    candidates: list[tuple[int, int, str, str, str]] = []   # (distance, -length, metric, side, cue)
    # "... belum terdaftar sebagai peserta JKN dari total 977.858 penduduk": a cue before a clause
    # boundary does not claim the classifier noun of the figure after it.
    claim_from = max([m.end() for m in rules.boundaries.finditer(text, max(left, q.start - rules.max_veto), q.start)],
                     default=0)
    q_unit = q.unit if unit == "" else unit

    def level_between(lo: int, hi: int) -> bool:
        return any(w.lower() in rules.level_words for w in re.findall(r"[\w-]+", text[lo:hi]))

    def collect(lo: int, hi: int, side: str, distance_of) -> None:
        for m in rules.cues.finditer(text, lo, hi):
            cue = m.group(0).lower()
            fitting = [metric for metric, unit in rules.cue_metrics[cue] if unit_fits(q_unit, unit)]
            if cue in rules.change_cues and side == "left" and level_between(m.end(), q.start):
                fitting = []  # "pertumbuhan peserta ... melonjak menjadi 200 juta": the level reached, not the growth
            if not fitting and m.end() - m.start() > 1:
                # "jumlah peserta aktif" is a persons cue; for a percentage the shorter cue inside it counts.
                collect(m.start() + 1, m.end(), side, distance_of)
            candidates.extend((distance_of(m), -len(cue), metric, side, cue) for metric in fitting)

    collect(max(left, q.start - rules.max_left), q.start, "left", lambda m: q.start - m.end())
    # A cue starting inside the figure is its unit noun, read whole: "3 juta peserta", "500 peserta PBI".
    hi = max(q.end, min(right, q.end + rules.max_right))
    inside_end = max([q.end] + [m.end() for m in rules.cues.finditer(text, q.start, hi) if m.start() < q.end])
    collect(q.start, inside_end, "inside", lambda m: 1)
    collect(inside_end, hi, "right", lambda m: m.start() - q.end + 1)
    if not candidates:
        return None
    best = min(candidates)
    if best[2] == EXCLUDE:
        return None
    for side in ("left", "right"):
        nearest = min((c for c in candidates if c[3] == side), default=None)
        # On the right the clause bounds the veto ("72 FKTP yang telah menerapkan antrean online"); on
        # the left, where the clause start is unknown, a distance does.
        if nearest is not None and nearest[2] == EXCLUDE and best[3] != side \
                and (side == "right" or nearest[0] <= rules.max_veto):
            return None
    # "dari total 2,5 juta penduduk": the figure's own noun, after a word of totals, is what it counts.
    if best[4] in rules.generic and not (best[3] == "inside" and word_before(text, left, q.start) in rules.totals):
        # "kuota peserta PBI sebanyak 9 juta peserta": the classifier noun yields to a specific cue.
        specific = [c for c in candidates if c[4] not in rules.generic and c[2] != EXCLUDE and c[0] <= rules.max_veto
                    and not (c[3] == "left" and q.start - c[0] < claim_from)]   # c[0] is q.start - cue end
        if specific:
            return min(specific)[2]
        if best[4] in rules.clause_relevance and not continued \
                and not rules.relevance.search(text, max(left, q.start - rules.max_left), hi):
            return None  # "meloloskan 403 peserta": participants of what? The clause (or the figure before) must say.
        return GENERIC + best[2]
    return best[2]


def countable(text: str, q: QuantityMatch, s_lo: int, rules: MetricRules) -> bool:
    """Can this quantity be a figure at all? A vague "jutaan" is not; a number without a unit word
    ("239.260") only where a count is introduced ("yakni 239.260", "penduduk 239.260") and no other
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
    last = LAST_WORD.search(before)
    if last is not None and last.group(1).lower() == "dari":
        last = LAST_WORD.search(before, 0, last.start())   # "lebih dari 419 ribu", "kurang dari"
    if last is None:
        return False
    return last.group(1).lower() in rules.bare_before and q.value >= rules.bare_min


def clause_end(text: str, q: QuantityMatch, limit: int, rules: MetricRules) -> int:
    m = rules.boundaries.search(text, q.end, limit)
    return m.start() if m else limit


def in_range(value: float, unit: str, rules: MetricRules) -> bool:
    lo, hi = rules.limits.get(unit, (float("-inf"), float("inf")))
    return lo <= value <= hi


def date_end(text: str, q: QuantityMatch, clause_right: int, rules: MetricRules) -> int:
    """A date to the right governs the figure only close by and before a comma: "35 juta pada 2019,
    lalu 2020 ..."."""
    limit = min(clause_right, q.end + rules.max_date_right)
    comma = text.find(",", q.end, limit)
    return comma if comma >= 0 else limit


def dated(d: DateMatch) -> bool:
    return d.kind not in UNDATED_KINDS and d.kind != "now"


def choose_as_of(q: QuantityMatch, span: tuple[int, int], clause: tuple[int, int], dates: Sequence[DateMatch],
                 published: str | None, direct: bool) -> str | None:
    """The governing date: the date right after the figure in its clause, before any comma ("dari 92
    juta pada 2014, menjadi 267 juta pada 2023"), else the nearest to the left in the statement; else "saat ini"/"kini" as the publication date (not
    inside a direct quote, whose "now" is the speaker's, unknown to us)."""
    lo, hi = span
    right = [d for d in dates if q.end <= d.start and d.end <= min(hi, clause[1]) and dated(d)]
    if right:
        return right[0].value
    left = [d for d in dates if lo <= d.start and d.end <= q.start and dated(d)]
    if left:
        return left[-1].value
    if any(d.kind == "now" and lo <= d.start < hi for d in dates):
        return None if direct else published
    return None


def choose_target_year(q: QuantityMatch, lo: int, hi: int, dates: Sequence[DateMatch]) -> int | None:
    years = [d for d in dates if lo <= d.start and d.end <= hi and dated(d) and d.value and d.value[:4].isdigit()]
    if not years:
        return None
    nearest = min(years, key=lambda d: abs(d.start - q.start))
    return int(nearest.value[:4])


def choose_region(q: QuantityMatch, lo: int, hi: int, clause: tuple[int, int],
                  mentions: Sequence[RegionMention], main: Region | None) -> Region | None:
    places = [m for m in mentions if lo <= m.start and m.end <= hi and not m.office]
    in_clause = [m for m in places if clause[0] <= m.start and m.end <= clause[1]]
    pool = in_clause or places
    if not pool:
        # An in-scope article that names no region at all reports national figures (BPJS Kesehatan's
        # own totals); a region-less record would be lost to every regional analysis anyway.
        return main or resolve_region("nasional")
    return min(pool, key=lambda m: min(abs(m.end - q.start), abs(m.start - q.end))).region


def word_before(text: str, lo: int, hi: int) -> str:
    last = LAST_WORD.search(text, lo, hi)
    return last.group(1).lower() if last else ""


def share_of_participants(text: str, q: QuantityMatch, right: int, rules: MetricRules) -> bool:
    """"40 persen dari total peserta" is a share of participants, not of the population."""
    m = rules.share_markers.search(text, q.end, q.end + rules.max_right)   # right after it, past the clause end
    return m is not None and not text[q.end:m.start()].strip(" ,")


def inferred_metric(text: str, q: QuantityMatch, left: int, right: int, previous: Figure | None,
                    last: Figure | None, rules: MetricRules, counts: bool) -> tuple[str | None, Figure | None]:
    """The metric of a figure without a cue of its own, from the figure it restates: (metric, same
    figure whose kind it shares, if any)."""
    gap = previous is not None and EQUIVALENCE_GAP.fullmatch(text, previous.end, q.start) is not None
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
    if last is not None and rules.anaphors.search(text, left, q.start):
        # "Ia berharap, jumlah itu menjadi 98 persen": the figure the sentence before gave.
        if (q.unit or "persons") == last.unit:
            return last.metric, None
        if q.unit == "percent" and last.metric in rules.reverse_equivalents \
                and nearest_metric(text, q, left, right, rules, True, unit="persons") is None:   # not "PBI ... 59 persen"
            return rules.reverse_equivalents[last.metric], None
    if q.unit == "percent" and word_before(text, left, q.start) in rules.level_words \
            and not share_of_participants(text, q, right, rules) \
            and not any(EXCLUDE in dict(rules.cue_metrics[m.group(0).lower()])
                        for m in rules.cues.finditer(text, left, q.start)):   # not "iuran peserta naik hingga 100 persen"
        # "meningkatkan jumlah peserta hingga 98 persen": a count's cue with a percentage is coverage.
        persons = nearest_metric(text, q, left, right, rules, True, unit="persons")
        if persons is not None and persons.removeprefix(GENERIC) in rules.shares and not persons.startswith(GENERIC):
            return rules.shares[persons], None
    return None, None


def is_target(text: str, q: QuantityMatch, left: int, right_limit: int, rules: MetricRules) -> bool:
    """A target cue before the figure in its clause, or a future year after it before any comma
    ("98 persen ... pada 2024 mendatang")."""
    if rules.targets.search(text, left, q.start):
        return True
    comma = text.find(",", q.end, right_limit)
    return rules.future.search(text, q.end, comma if comma >= 0 else right_limit) is not None


def matches(doc: Any, key: str) -> list:
    return doc._.matches.get(key, [])


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
    goals: set[tuple[float, Region | None]] = set()
    prev_lo = 0
    for s_lo, s_hi in doc._.sentences:
        # A figure counts only where the sentence, or the one before it, speaks of health insurance.
        relevant = rules.relevance.search(text, s_lo, s_hi) is not None
        if not (relevant or relevant_before):
            prev_lo = s_lo
            continue
        relevant_before, strict_only = relevant, not relevant
        sent_qs = [q for q in quantities if s_lo <= q.start and q.end <= s_hi]
        previous: Figure | None = None
        last = last if last is not None and last.start >= prev_lo else None
        for i, q in enumerate(sent_qs):
            left = sent_qs[i - 1].end if i else s_lo
            right_limit = sent_qs[i + 1].start if i + 1 < len(sent_qs) else s_hi
            right = clause_end(text, q, right_limit, rules)
            metric = nearest_metric(text, q, left, right, rules, previous is not None) \
                if countable(text, q, s_lo, rules) else None
            same_as = None
            if metric is None or metric.startswith(GENERIC):
                inferred, same_as = inferred_metric(text, q, left, right, previous, last or previous, rules,
                                                    metric is not None or countable(text, q, s_lo, rules))
                metric = inferred or (metric.removeprefix(GENERIC) if metric else None)
            if metric is None or not in_range(q.value, units[metric], rules) \
                    or (strict_only and metric in rules.strict):
                previous = None
                continue
            quote = speaker_at(quotes, q.start, q.end)
            span = (max(s_lo, quote.start), min(s_hi, quote.end)) if quote and quote.direct else (s_lo, s_hi)
            kind = same_as.kind if same_as else "target" if is_target(text, q, left, right_limit, rules) else "actual"
            figure = Figure(
                start=q.start, end=q.end, text=q.text, value=q.value, unit=units[metric], metric=metric,
                kind=kind,
                target_year=choose_target_year(q, s_lo, s_hi, dates) if kind == "target" else None,
                as_of=None if kind == "target" else choose_as_of(
                    q, span, (left, date_end(text, q, right, rules)), dates, doc._.published, bool(quote and quote.direct)),
                region=choose_region(q, s_lo, s_hi, (left, right), mentions, doc._.main_region),
                speaker_name=quote.speaker_name if quote else None,
                speaker_role=quote.speaker_role if quote else None,
                sentence=text[s_lo:s_hi].strip(),
            )
            goal = (figure.value, figure.region) if kind == "target" and metric in rules.same_goal else None
            if goal is None or goal not in goals:
                figures.append(figure)   # a coverage goal restated as a UHC goal is one goal
            if goal is not None:
                goals.add(goal)
            previous = last = figure
        prev_lo = s_lo
    return figures
