"""The metric vocabulary as a typed rule object: rules/metrics.yml loaded once, validated (a malformed
file fails naming it and the key) and compiled. `cues.py` and `metric_types.py` apply it; this module only loads it."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from .rules import RuleError, alternation, compile_pattern, load_yaml, require

EXCLUDE = "_exclude"


@dataclass(frozen=True)
class MetricRules:
    context: re.Pattern[str]
    quote_context: re.Pattern[str]
    other_insurers: re.Pattern[str]   # "BPJS Ketenagakerjaan": a sentence of its own yields no figure
    relevance: re.Pattern[str]
    cues: re.Pattern[str]
    cue_metrics: dict[str, tuple[tuple[str, str], ...]]   # lower-cased phrase -> ((metric, unit), ...)
    targets: re.Pattern[str]
    actual_states: re.Pattern[str]
    breakdowns: re.Pattern[str]      # "Terdiri dari": a sentence opening so breaks down the figure before
    breakdown_parts: re.Pattern[str]   # "N di antaranya": ... and so does one whose first figure is a part
    list_heads: re.Pattern[str]      # "terdiri dari": items after it measure what the clause before names
    boundaries: re.Pattern[str]
    arrears_after: re.Pattern[str]   # "N orang dengan jumlah tunggakan": people in arrears
    causes: re.Pattern[str]          # "..., karena N ...": a clause of cause, which an exclusion before it does not reach
    subset_markers: frozenset[str]
    equivalents: dict[str, str]
    limits: dict[str, tuple[float, float]]
    strict: frozenset[str]
    strict_carriers: dict[str, re.Pattern[str]]   # a strict metric the sentence before may carry: budget after a PBI cue
    generic: frozenset[str]
    insurer_nouns: frozenset[str]   # "peserta BPJS Kesehatan": participants, unless the clause names which
    clause_relevance: frozenset[str]
    bare_before: frozenset[str]
    bare_min: float
    apposed_min: float
    bare_after: frozenset[str]
    back_references: frozenset[str]   # "5.211 orang tersebut": a figure stated before, referred back to
    counters: frozenset[str]      # "72 unit": a counting word says the number counts things
    max_left: int
    max_right: int
    max_veto: int
    max_date_right: int
    reverse_equivalents: dict[str, str]
    share_markers: re.Pattern[str]
    shares: dict[str, str]
    whole_units: frozenset[str]   # units counted in whole numbers
    share_count: str   # the metric of a count restated as a share of the population
    level_words: frozenset[str]
    change_cues: frozenset[str]
    anaphors: re.Pattern[str]
    comparisons: re.Pattern[str]
    future: re.Pattern[str]
    same_goal: frozenset[str]
    totals: frozenset[str]
    segments: re.Pattern[str]
    change_verbs: frozenset[str]
    change_fillers: frozenset[str]
    remainders: frozenset[str]
    chain_words: re.Pattern[str]
    max_chain_gap: int
    coordinators: frozenset[str]
    facility_metrics: frozenset[str]
    networks: re.Pattern[str]
    entities: re.Pattern[str]
    parts: re.Pattern[str]
    max_persons: dict[str, float]   # region level -> largest count of persons that can be its own
    max_facilities: dict[str, float]
    max_by_metric: dict[str, dict[str, float]]   # tighter caps of one metric ("hospitals")
    continuations: re.Pattern[str]
    card_reach: re.Pattern[str]   # ends where the figure starts
    card_metric: str
    soft_excludes: frozenset[str]
    national_goals: re.Pattern[str]
    surpassing: re.Pattern[str]      # "98 persen, melebihi target RPJMN": a national goal the figure is measured against
    data_date_prefixes: frozenset[str]
    place_counts: frozenset[str]   # "lima kabupaten": a count of places, never a figure between data and date
    remainders_before: frozenset[str]
    event_frames: re.Pattern[str]   # "sosialisasi", "diikuti oleh": persons counted after it attend an event
    event_metrics: frozenset[str]
    recipient_words: frozenset[str]   # "ke", "bagi": the insurer's participants after one receive what the cue before names
    share_whole: str        # the metric a computed share divides by ("population")
    share_tolerance: float
    money_for: dict[str, str]   # persons metric -> the metric of money paid for them ("PBI senilai Rp X": budget)
    payments: re.Pattern[str]   # ... in a sentence that pays ("diberikan", "subsidi")
    range_gap: re.Pattern[str]   # " hingga " between two numbers: one range
    restating_gap: re.Pattern[str]   # " atau " between a share and a count: the count restates the share
    series_gap: re.Pattern[str]   # " pada 2021 dan tahun ini sekitar " between two sums: the same measure again
    purposes: re.Pattern[str]   # "untuk": what a sum of money pays for follows
    paid_contributions: frozenset[str]
    sentence_vetoes: dict[str, re.Pattern[str]]   # metric -> what its sentence must not name
    hypothetical: re.Pattern[str]   # "jika ... memiliki" right before a figure: an example


def word_pattern(words: Sequence[str], source: str) -> re.Pattern[str]:
    # "-nya" may follow a hyphenated word: "iuran JKN-KIS-nya ditanggung negara"
    return compile_pattern(rf"(?<![\w-])(?:{alternation(words)})(?=-nya\b|(?![\w-]))", source)


def hypothetical_pattern(spec: dict, source: str) -> re.Pattern[str]:
    spec = require(spec, source, {"conditionals": list, "predicates": list})
    # bounded gap without clause punctuation: linear on any input
    return compile_pattern(rf"(?<![\w-])(?:{alternation(spec['conditionals'])})\s[^,;:.!?]{{0,60}}?"
                           rf"(?<![\w-])(?:{alternation(spec['predicates'])})\s+(?:sekitar\s+|sebanyak\s+)?$", source)


def series_pattern(spec: dict, source: str) -> re.Pattern[str]:
    """The gap between two sums of one measure in successive times: a time after the first, before the
    second, or both, around a coordinator. Each optional part starts with its own word: linear."""
    spec = require(spec, source, {"coordinators": list, "times": list, "hedges": list})
    year = r"(?:(?:pada|tahun|pada[ \t]+tahun)[ \t]+)?\d{4}"
    when = rf"(?:(?:pada[ \t]+)?(?:{alternation(spec['times'])})|{year})"
    comma = r"(?:[ \t]*,)?[ \t]*"   # one way to split a run of spaces around an optional comma
    joint = rf"{comma}(?:{alternation(spec['coordinators'])})[ \t]+"
    hedge = rf"(?:(?:{alternation(spec['hedges'])})[ \t]+)?"
    # the empty groups `own` / `own2` mark where the second sum's own words begin (its time, not the first's)
    return compile_pattern(rf"(?:[ \t]+{when}{joint}(?P<own>)(?:{when}{comma})?|{joint}(?P<own2>){when}{comma}){hedge}", source)


def sentence_veto_patterns(data: dict, name: str) -> dict[str, re.Pattern[str]]:
    spending = require(data["insurer_spending"], f"{name}: insurer_spending", {"metric": str, "subjects": list, "verbs": list})
    alternatives = {metric: [alternation(phrases)] for metric, phrases in data["sentence_vetoes"].items()}
    # the gap is up to four lower-case words, disjoint from the spaces between them: linear
    alternatives.setdefault(spending["metric"], []).append(
        rf"(?-i:(?:{alternation(spending['subjects'])})(?:\s+[a-z]+){{0,4}}\s+(?:{alternation(spending['verbs'])}))")
    for metric in alternatives:
        if metric not in data["metrics"]:
            raise RuleError(f"{name}: sentence_vetoes / insurer_spending: unknown metric {metric!r}")
    return {metric: compile_pattern(rf"(?<![\w-])(?:{'|'.join(alts)})(?![\w-])", f"{name}: sentence_vetoes.{metric}")
            for metric, alts in alternatives.items()}


@cache
def metric_rules() -> MetricRules:
    name = "metrics.yml"
    data = require(load_yaml(name), name, {
        "context": list, "quote_context": list, "other_insurers": list, "max_distance_left": int, "max_distance_right": int, "max_veto_distance": int, "max_date_distance_right": int,
        "metrics": dict,
        "relevance": list, "same_sentence": list, "generic_cues": list, "insurer_nouns": list, "clause_relevance": list, "exclude": list, "exclude_by_unit": dict, "bare_before": list, "bare_min_value": int, "apposed_min_value": int, "bare_after": list, "counters": list, "back_references": list,
        "target_cues": list, "right_boundaries": list, "cause_words": list, "arrears_after_persons": list, "subset_markers": list, "equivalents": dict, "limits": dict,
        "reverse_equivalents": dict, "share_markers": list, "shares": dict, "population_share_counts": str, "actual_states": list, "breakdown_openers": list, "breakdown_parts": list, "list_heads": list, "whole_units": list, "level_words": list,
        "change_cues": list, "anaphors": list, "comparison_cues": list, "future_markers": list,
        "same_goal": list, "totals": list, "segment_markers": list, "change_verbs": list, "change_fillers": list,
        "remainder_words": list, "chain_words": list, "max_chain_gap": int, "coordinators": list,
        "facility_metrics": list, "facility_networks": list, "entity_subjects": list, "part_markers": list,
        "max_persons_by_level": dict, "max_facilities_by_level": dict, "max_by_metric_and_level": dict, "continuations": list, "soft_exclude": list, "national_context": list, "surpass_words": list, "data_date_prefixes": list, "place_counts": list, "remainder_before": list,
        "event_frames": list, "event_metrics": list, "hypothetical": dict, "sentence_vetoes": dict, "insurer_spending": dict, "purpose_words": list, "range_words": list, "restating_words": list, "series": dict, "recipient_words": list, "computed_shares": dict, "money_for": dict, "paid_contributions": list,
        "card_reach": dict,
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
    for units, cues in data["exclude_by_unit"].items():   # a key may name several units: "persons, percent"
        for unit in (u.strip() for u in units.split(",")):
            if unit not in data["limits"]:
                raise RuleError(f"{name}: exclude_by_unit: unknown unit {unit!r}")
            for cue in cues:
                cue_metrics.setdefault(cue.lower(), []).append((EXCLUDE, unit))
    card = require(data["card_reach"], f"{name}: card_reach", {"metric": str, "cards": list, "reach": list})
    if card["metric"] not in data["metrics"]:
        raise RuleError(f"{name}: card_reach: unknown metric {card['metric']!r}")
    computed = require(data["computed_shares"], f"{name}: computed_shares", {"whole": str, "tolerance": float})
    money_for = require(data["money_for"], f"{name}: money_for", {"metrics": dict, "payments": list})
    for metric in {*money_for["metrics"], *money_for["metrics"].values()} - set(data["metrics"]):
        raise RuleError(f"{name}: money_for: unknown metric {metric!r}")
    if computed["whole"] not in data["metrics"]:
        raise RuleError(f"{name}: computed_shares: unknown metric {computed['whole']!r}")
    if data["population_share_counts"] not in data["metrics"]:
        raise RuleError(f"{name}: population_share_counts: unknown metric {data['population_share_counts']!r}")
    for metric in data["same_sentence"] + data["event_metrics"]:
        if metric not in data["metrics"]:
            raise RuleError(f"{name}: same_sentence / event_metrics: unknown metric {metric!r}")
    for src, dst in [*data["equivalents"].items(), *data["reverse_equivalents"].items(), *data["shares"].items()]:
        if src not in data["metrics"] or dst not in data["metrics"]:
            raise RuleError(f"{name}: equivalents {src} -> {dst}: unknown metric")
    return MetricRules(
        context=word_pattern(data["context"], f"{name}: context"),
        quote_context=word_pattern(data["quote_context"], f"{name}: quote_context"),
        other_insurers=word_pattern(data["other_insurers"], f"{name}: other_insurers"),
        relevance=word_pattern(data["relevance"], f"{name}: relevance"),
        cues=word_pattern(list(cue_metrics), f"{name}: cues"),
        cue_metrics={k: tuple(v) for k, v in cue_metrics.items()},
        targets=word_pattern(data["target_cues"], f"{name}: target_cues"),
        actual_states=word_pattern(data["actual_states"], f"{name}: actual_states"),
        breakdowns=word_pattern(data["breakdown_openers"], f"{name}: breakdown_openers"),
        breakdown_parts=compile_pattern(rf"[ \t,]*(?:{alternation(data['breakdown_parts'])})(?![\w-])",
                                        f"{name}: breakdown_parts"),
        list_heads=word_pattern(data["list_heads"], f"{name}: list_heads"),
        boundaries=word_pattern(data["right_boundaries"], f"{name}: right_boundaries"),
        causes=word_pattern(data["cause_words"], f"{name}: cause_words"),
        arrears_after=word_pattern(data["arrears_after_persons"], f"{name}: arrears_after_persons"),
        subset_markers=frozenset(w.lower() for w in data["subset_markers"]),
        equivalents=dict(data["equivalents"]),
        limits={unit: (float(lo), float(hi)) for unit, (lo, hi) in data["limits"].items()},
        strict=frozenset(data["same_sentence"]),
        # money for the persons a cue of the sentence before names: "... peserta PBI. Pemerintah menganggarkan Rp X"
        strict_carriers={money: word_pattern([c for c, ms in cue_metrics.items() if any(m == persons for m, _ in ms)],
                                             f"{name}: money_for") for persons, money in money_for["metrics"].items()},
        generic=frozenset(w.lower() for w in data["generic_cues"]),
        insurer_nouns=frozenset(w.lower() for w in data["insurer_nouns"]),
        clause_relevance=frozenset(w.lower() for w in data["clause_relevance"]),
        bare_before=frozenset(w.lower() for w in data["bare_before"]),
        bare_min=float(data["bare_min_value"]),
        apposed_min=float(data["apposed_min_value"]),
        bare_after=frozenset(w.lower() for w in data["bare_after"]),
        counters=frozenset(w.lower() for w in data["counters"]),
        back_references=frozenset(w.lower() for w in data["back_references"]),
        max_left=data["max_distance_left"],
        max_right=data["max_distance_right"],
        max_veto=data["max_veto_distance"],
        max_date_right=data["max_date_distance_right"],
        reverse_equivalents=dict(data["reverse_equivalents"]),
        share_markers=word_pattern(data["share_markers"], f"{name}: share_markers"),
        shares=dict(data["shares"]),
        share_count=str(data["population_share_counts"]),
        whole_units=frozenset(data["whole_units"]),
        level_words=frozenset(w.lower() for w in data["level_words"]),
        change_cues=frozenset(w.lower() for w in data["change_cues"]),
        anaphors=word_pattern(data["anaphors"], f"{name}: anaphors"),
        comparisons=word_pattern(data["comparison_cues"], f"{name}: comparison_cues"),
        future=word_pattern(data["future_markers"], f"{name}: future_markers"),
        same_goal=frozenset(data["same_goal"]),
        totals=frozenset(w.lower() for w in data["totals"]),
        segments=word_pattern(data["segment_markers"], f"{name}: segment_markers"),
        change_verbs=frozenset(w.lower() for w in data["change_verbs"]),
        change_fillers=frozenset(w for phrase in data["change_fillers"] for w in phrase.lower().split()),
        remainders=frozenset(w.lower() for w in data["remainder_words"]),
        chain_words=word_pattern(data["chain_words"], f"{name}: chain_words"),
        max_chain_gap=data["max_chain_gap"],
        coordinators=frozenset(w.lower() for w in data["coordinators"]),
        facility_metrics=frozenset(data["facility_metrics"]),
        networks=word_pattern(data["facility_networks"], f"{name}: facility_networks"),
        entities=word_pattern(data["entity_subjects"], f"{name}: entity_subjects"),
        parts=word_pattern(data["part_markers"], f"{name}: part_markers"),
        max_facilities={level: float(n) for level, n in data["max_facilities_by_level"].items()},
        max_persons={level: float(n) for level, n in data["max_persons_by_level"].items()},
        max_by_metric={metric: {level: float(n) for level, n in caps.items()}
                       for metric, caps in data["max_by_metric_and_level"].items()},
        remainders_before=frozenset(w.lower() for w in data["remainder_before"]),
        event_frames=word_pattern(data["event_frames"], f"{name}: event_frames"),
        event_metrics=frozenset(data["event_metrics"]),
        hypothetical=hypothetical_pattern(data["hypothetical"], f"{name}: hypothetical"),
        recipient_words=frozenset(w.lower() for w in data["recipient_words"]),
        share_whole=computed["whole"], share_tolerance=float(computed["tolerance"]),
        money_for=dict(money_for["metrics"]),
        payments=word_pattern(money_for["payments"], f"{name}: money_for.payments"),
        range_gap=compile_pattern(rf"[ \t]*(?:{alternation(data['range_words'])})[ \t]*", f"{name}: range_words"),
        restating_gap=compile_pattern(rf"[ \t]*(?:{alternation(data['restating_words'])})[ \t]*", f"{name}: restating_words"),
        series_gap=series_pattern(data["series"], f"{name}: series"),
        purposes=word_pattern(data["purpose_words"], f"{name}: purpose_words"),
        paid_contributions=frozenset(w.lower() for w in data["paid_contributions"]),
        sentence_vetoes=sentence_veto_patterns(data, name),
        data_date_prefixes=frozenset(w.lower() for w in data["data_date_prefixes"]),
        place_counts=frozenset(w.lower() for w in data["place_counts"]),
        national_goals=word_pattern(data["national_context"], f"{name}: national_context"),
        surpassing=word_pattern(data["surpass_words"], f"{name}: surpass_words"),
        soft_excludes=frozenset(w.lower() for w in data["soft_exclude"]),
        # the card, a short gap without a sentence end, quote or number, its reach word, a short gap, the figure
        card_reach=compile_pattern(rf"(?<![\w-])(?:{alternation(card['cards'])})(?![\w-])[^.;:!?\d\"“”]{{0,40}}?"
                                   rf"(?<![\w-])(?:{alternation(card['reach'])})(?![\w-])[^.;:!?\d\"“”]{{0,25}}$",
                                   f"{name}: card_reach"),
        card_metric=card["metric"],
        continuations=compile_pattern(rf"[\s\"'“”(]*(?:{alternation(data['continuations'])})(?![\w-])", f"{name}: continuations"),
    )
