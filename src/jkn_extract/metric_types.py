"""Metric typing of a sentence's quantities: each from the cues that govern it (`cues.nearest_metric`)
and, when those say nothing or only "peserta", from the figures around it: the one it restates, the
chain or list it belongs to, the change it is a level of."""
from __future__ import annotations

import re
from collections.abc import Sequence

from .clauses import (NEXT_WORD, Typed, chain_end, clause_end, continues_list, countable, fitting_metric, list_item,
                      listed_after, money_after_money, not_a_level, past_spaces, per_one, restates, share_after,
                      share_of_participants, total_before, unexcluded, word_before)
from .cuerules import EXCLUDE, MetricRules
from .cues import GENERIC, nearest_metric
from .numbers import QuantityMatch


def share_of_population(text: str, q: QuantityMatch, rules: MetricRules) -> bool:
    """A percentage written right before a word of the population: "98 persen penduduk", "97 persen dari total penduduk"."""
    if q.unit != "percent":
        return False
    start = past_spaces(text, q.end, q.end + 3)
    m = rules.cues.match(text, start)
    return m is not None and m.group(0).lower() in rules.generic and not rules.share_markers.match(text, start)


def chained_metric(text: str, qs: Sequence[QuantityMatch], i: int, s_hi: int, rules: MetricRules) -> str | None:
    """The metric of figure i, without a cue of its own, from the predicate after a chain of figures
    it heads: "Sebanyak N warga atau X persen dari total M penduduk ... telah dilindungi BPJS"."""
    j = chain_end(text, qs, i, rules)
    if j == i:
        return None
    if qs[i].unit != "percent" and any(share_of_population(text, qs[k], rules) for k in range(i + 1, j + 1)):
        # "276.520.647 atau lebih dari 98 persen penduduk": restated as a share of the population, the head
        # counts the covered
        return rules.share_count
    lo = qs[j].end
    limit = min(s_hi, lo + rules.max_right, qs[j + 1].start if j + 1 < len(qs) else s_hi)
    hi = clause_end(text, qs[j], limit, rules)
    whole = rules.share_markers.match(text, past_spaces(text, lo, limit))
    if whole is not None:   # "X persen dari total peserta JKN kota itu merupakan peserta PBI": the predicate follows the whole
        lo = whole.end()
        hi = next((b.start() for b in rules.boundaries.finditer(text, lo, limit)), limit)
    for m in rules.cues.finditer(text, lo, hi):
        # the chain's own unit nouns are no predicate; a share's ("dari populasi") is, for the share
        if m.group(0).lower() not in rules.generic or fitting_metric(m.group(0), qs[i].unit, rules) is None:
            metric = fitting_metric(m.group(0), qs[i].unit, rules)
            if metric is None:   # "236 juta atau 86 persen dari populasi": the share's metric, in persons
                last = fitting_metric(m.group(0), qs[j].unit, rules)
                metric = rules.equivalents.get(last) if last not in (None, EXCLUDE) else last
            if metric is None and m.group(0).lower() in rules.generic:
                continue   # "95 persen atau 2,5 juta jiwa penduduk X terdaftar": the count's own noun, no predicate
            return None if metric == EXCLUDE else metric
    return None


def inferred_metric(text: str, q: QuantityMatch, left: int, right: int, previous: Typed | None,
                    last: Typed | None, rules: MetricRules, counts: bool, s_lo: int = 0,
                    excluded: bool = False) -> tuple[str | None, Typed | None]:
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
    if previous is not None and not excluded and rules.comparisons.search(text, previous.end, q.start) \
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
    if q.unit == "percent" and last is not None and last.metric in rules.same_goal and not gap \
            and rules.targets.search(text, left, q.start) and not excluded:
        return last.metric, None   # "UHC ... 96 persen. Namun, kita harus mencapai minimal 98 persen": its goal
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


def list_head_metric(text: str, q: QuantityMatch, s_lo: int, rules: MetricRules) -> str | None:
    """"Peserta JKN yang nonaktif tersebar di enam kabupaten, terdiri dari Kabupaten A berjumlah N peserta,
    Kabupaten B ...": items of a list counted by a classifier noun measure what its head names, before the
    marker that opens the list."""
    marker = None
    for marker in rules.list_heads.finditer(text, s_lo, q.start):
        pass
    if marker is None:
        return None
    named = [m for m in rules.cues.finditer(text, s_lo, marker.start()) if m.group(0).lower() not in rules.generic
             and fitting_metric(m.group(0), q.unit, rules) is not None]
    return unexcluded(fitting_metric(named[-1].group(0), q.unit, rules)) if named else None


def changed_metric(text: str, qs: Sequence[QuantityMatch], i: int, clause: tuple[int, int], s_lo: int,
                   rules: MetricRules) -> str | None:
    """"Segmen PBI APBD bertambah 4.912 peserta, dari 186.928 peserta menjadi 191.840 peserta": the levels of
    a change, without a cue of their own but the classifier noun, measure what changed."""
    left, right = clause
    if not i or word_before(text, left, qs[i].start) != "dari" \
            or any(m.group(0).lower() not in rules.generic for m in rules.cues.finditer(text, left, right)):
        return None
    change, lo = qs[i - 1], qs[i - 2].end if i > 1 else s_lo
    if not not_a_level(text, change, lo, rules):
        return None
    metric = nearest_metric(text, change, lo, qs[i].start, rules, unit=qs[i].unit)
    return None if metric is None or metric == EXCLUDE or metric.startswith(GENERIC) else metric


def refers_back(text: str, q: QuantityMatch, rules: MetricRules) -> bool:
    """"Dari 5.211 orang tersebut, belum semuanya ...": a figure the article stated before, referred back to."""
    following = NEXT_WORD.match(text, q.end)
    if following is None or following.group(1).lower() not in rules.back_references:
        return False
    numeral = re.compile(r"(?<![\d.,])" + re.escape(q.text.split()[0]) + r"(?![\d]|[.,]\d)")
    return numeral.search(text, 0, q.start) is not None


def type_quantity(text: str, qs: Sequence[QuantityMatch], i: int, clause: tuple[int, int], sentence: tuple[int, int],
                  previous: Typed | None, last: Typed | None, rules: MetricRules) -> tuple[str | None, Typed | None]:
    """(metric, the figure it restates if any) of quantity i among its sentence's quantities `qs`,
    whose clause (previous figure's end, clause end) is given. None: the quantity is no figure."""
    q, (left, right), (s_lo, s_hi) = qs[i], clause, sentence
    left, right = list_item(text, qs, i, left, right)
    if not_a_level(text, q, left, rules) or refers_back(text, q, rules) or i and per_one(text, qs[i - 1], q) \
            or money_after_money(text, qs, i) \
            or rules.hypothetical.search(text, max(s_lo, q.start - 90), q.start) \
            or q.unit == "persons" and rules.arrears_after.match(text, past_spaces(text, q.end)) is not None:
        return None, None
    own_share = share_after(text, qs, i)   # a list item may carry its share: "... 661.800 jiwa atau 87,6 persen."
    item_end = own_share.end if own_share is not None else None
    if previous is not None and listed_after(text, previous, q, rules, item_end=item_end):
        return previous.metric, None
    if previous is not None and last is not None and last.start >= s_lo and previous.unit == "percent" \
            and restates(text, last, previous) and listed_after(text, last, q, rules, previous.end, item_end):
        # a list of pairs: "A sekitar 736.800 jiwa atau 89,1 persen, dan B sekitar 661.800 jiwa atau 87,6 persen"
        return last.metric, None
    counts = countable(text, q, s_lo, rules)
    continued = previous is not None or (i == 0 and last is not None and continues_list(text, s_lo, rules))
    metric = (changed_metric(text, qs, i, (left, right), s_lo, rules) or nearest_metric(text, q, left, right, rules, continued)) \
        if counts else None
    if previous is None and (metric is None or metric.startswith(GENERIC)) and restates_excluded(text, qs, i, s_lo, rules):
        # "jumlah lansia sebesar 21 juta jiwa atau 8,4 persen dari jumlah penduduk": without a cue of its own
        # a restatement measures what the figure it restates does
        return None, None
    excluded = metric == EXCLUDE     # an exclusion vetoes a predicate after a chain too, not a restatement
    metric = unexcluded(metric)
    same_as = None
    if metric is None or metric.startswith(GENERIC):
        inferred, same_as = inferred_metric(text, q, left, right, previous, last or previous, rules,
                                            metric is not None or counts, s_lo, excluded)
        if inferred is None and metric is not None and q.unit == "percent" and restates(text, previous, q) \
                and previous.metric not in rules.reverse_equivalents:
            return None, None   # "1,5 juta jiwa PBI atau 31 persen dari jumlah penduduk": PBI's share, no metric
        if inferred is None and (metric is not None or counts):
            inferred = list_head_metric(text, q, s_lo, rules)
        metric = inferred or (metric.removeprefix(GENERIC) if metric else None)
    if metric is None and not excluded and (counts or own_share is not None and q.value >= rules.bare_min):
        # "Sekarang ini sudah 236 juta atau sekitar 86 persen dari populasi": a bare count restated by a share
        metric = chained_metric(text, qs, i, s_hi, rules)
    if metric is None and not excluded and q.unit == "persons" and rules.card_reach.search(text, max(s_lo, q.start - 100), q.start):
        metric = rules.card_metric   # "KIS sudah diberikan kepada N warga": the state-paid card's holders
    if metric is None and not excluded and q.unit == "rupiah" and rules.payments.search(text, s_lo, s_hi):
        # "penerima bantuan iuran senilai Rp 9 triliun": money typed only by whom it pays for, named right before it
        near = max(left, q.start - rules.max_veto)
        paid_for = nearest_metric(text, q, near, q.start, rules, True, unit="persons") if "," not in text[near:q.start] else None
        metric = rules.money_for.get(paid_for or "")
    if metric is not None and q.unit is None and rules.entities.search(text, left, q.start):
        return None, None   # "badan usaha yang terdaftar sebanyak 318.062": companies, not persons
    if metric in rules.event_metrics and at_event(text, q, s_lo, right, rules):
        return None, None
    if (metric is not None or i == 0) and counted_out_of(text, qs, i, s_lo, rules):
        return rules.share_whole, None
    return metric, same_as


def counted_out_of(text: str, qs: Sequence[QuantityMatch], i: int, s_lo: int, rules: MetricRules) -> bool:
    """A count of persons without a cue of its own after a word of totals, the whole that another figure of
    its sentence is part of: "45.100 warga yang terdaftar JKN dari total 47.000 jiwa", "Dari 1,8 juta warga
    Kota X, sudah sekitar 1,5 juta ... terdaftar"."""
    q = qs[i]
    if q.unit != "persons" or rules.cues.search(text, q.start, q.end) or rules.cues.match(text, q.end + 1):
        return False
    if i:
        return qs[i - 1].unit in ("persons", None) and total_before(text, qs[i - 1].end, q, rules)
    return len(qs) > 1 and text[s_lo:q.start].strip(" \t\n\"'").lower() in rules.totals


def at_event(text: str, q: QuantityMatch, s_lo: int, right: int, rules: MetricRules) -> bool:
    """Persons counted after an event word of their sentence, with no health-insurance term after that
    word or in the figure's own noun: "diikuti oleh ... total peserta sebanyak 340 orang"."""
    events = list(rules.event_frames.finditer(text, s_lo, q.start))
    if not events:
        return False
    return not rules.relevance.search(text, events[-1].end(), q.start) \
        and not rules.relevance.search(text, q.start, max(right, q.end))
