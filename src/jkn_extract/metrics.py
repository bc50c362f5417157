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
# Units a figure without a unit word may still be typed as (a bare "239.260" after "penduduk").
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
    for src, dst in data["equivalents"].items():
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
                   continued: bool = False) -> str | None:
    """The metric of the nearest fitting cue around `q`. None when there is none, when an exclusion
    is nearer, or when the nearest cue on the other side of the figure is an exclusion: in "sebanyak
    500 peserta yang dilayani" or "klaim dari 20 rumah sakit" the unit noun says what is counted,
    the words around it say the count measures something else."""
    candidates: list[tuple[int, int, str, str, str]] = []   # (distance, -length, metric, side, cue)

    def collect(lo: int, hi: int, side: str, distance_of) -> None:
        for m in rules.cues.finditer(text, lo, hi):
            fitting = [metric for metric, unit in rules.cue_metrics[m.group(0).lower()] if unit_fits(q.unit, unit)]
            if not fitting and m.end() - m.start() > 1:
                # "jumlah peserta aktif" is a persons cue; for a percentage the shorter cue inside it counts.
                collect(m.start() + 1, m.end(), side, distance_of)
            cue = m.group(0).lower()
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
    if best[4] in rules.generic:
        # "kuota peserta PBI sebanyak 9 juta peserta": the classifier noun yields to a specific cue.
        specific = [c for c in candidates if c[4] not in rules.generic and c[2] != EXCLUDE and c[0] <= rules.max_veto]
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
    for s_lo, s_hi in doc._.sentences:
        # A figure counts only where the sentence, or the one before it, speaks of health insurance.
        relevant = rules.relevance.search(text, s_lo, s_hi) is not None
        if not (relevant or relevant_before):
            continue
        relevant_before, strict_only = relevant, not relevant
        sent_qs = [q for q in quantities if s_lo <= q.start and q.end <= s_hi]
        previous: Figure | None = None
        for i, q in enumerate(sent_qs):
            left = sent_qs[i - 1].end if i else s_lo
            right_limit = sent_qs[i + 1].start if i + 1 < len(sent_qs) else s_hi
            right = clause_end(text, q, right_limit, rules)
            metric = nearest_metric(text, q, left, right, rules, previous is not None) \
                if countable(text, q, s_lo, rules) else None
            same_as = previous if (metric is None or metric.startswith(GENERIC)) and previous is not None \
                and q.unit in ("persons", None) and EQUIVALENCE_GAP.fullmatch(text, previous.end, q.start) else None
            if same_as is not None and same_as.metric in rules.equivalents:
                # "98 persen atau 276 juta jiwa": the same figure, in persons
                metric = rules.equivalents[same_as.metric]
            else:
                same_as = None
                metric = metric.removeprefix(GENERIC) if metric else None
            if metric is None or not in_range(q.value, units[metric], rules) \
                    or (strict_only and metric in rules.strict):
                previous = None
                continue
            quote = speaker_at(quotes, q.start, q.end)
            span = (max(s_lo, quote.start), min(s_hi, quote.end)) if quote and quote.direct else (s_lo, s_hi)
            kind = same_as.kind if same_as else "target" if rules.targets.search(text, left, q.start) else "actual"
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
            figures.append(figure)
            previous = figure
    return figures
