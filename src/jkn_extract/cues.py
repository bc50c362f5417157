"""Metric typing: decide, from the cues that govern a quantity, which contract metric it measures
(the vocabulary, rules/metrics.yml, is loaded by `cuerules.py`). Knows nothing of dates, regions or speakers; the
metrics stage (metrics.py) attaches those to the typed figure."""
from __future__ import annotations

import re
from collections.abc import Sequence

from .clauses import (HEDGED, NEXT_WORD, Typed, chain_end, clause_end, continues_list, countable,
                      fitting_metric, list_item, listed_after, money_after_money, not_a_level, noun_before, past_spaces,
                      per_one, restates, share_after, share_of_participants, total_before, unexcluded, unit_fits,
                      word_before)
from .cuerules import EXCLUDE, MetricRules, metric_rules
from .numbers import QuantityMatch

GENERIC = "~"  # prefix of a metric typed only by a generic noun ("500 peserta"): an equivalence overrides it


def in_scope(text: str) -> bool:
    """Does the article speak of health insurance at all? Others yield no records."""
    return metric_rules().context.search(text) is not None


def worth_parsing(text: str) -> bool:
    """Is the article parsed at all? Those in scope, and those near it whose statements analysts follow
    too (BPJS Ketenagakerjaan, social security): their quotes, never records. Most of a general news
    dump is neither, at the cost of two regexes."""
    return in_scope(text) or metric_rules().quote_context.search(text) is not None


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

    def collect(lo: int, hi: int, side: str, distance_of, inner: bool = False) -> None:
        for m in rules.cues.finditer(text, lo, hi):
            fitting = fitting_at(m, side)
            if inner:   # an exclusion inside a longer cue ("iuran" in "penerima bantuan iuran") is no exclusion
                fitting = [metric for metric in fitting if metric != EXCLUDE]
            if not fitting and m.end() - m.start() > 1:
                # "jumlah peserta aktif" is a persons cue; for a percentage the shorter cue inside it counts,
                # and so does one at its start: "menunggak" in "menunggak iuran" for a count of persons --
                # but no exclusion at the start of a phrase that excludes other units only: "Pekerja Bukan
                # Penerima Upah" spares the rupiah of its arrears, and "pekerja" inside it does not exclude them.
                short = rules.cues.match(text, m.start(), m.end() - 1)
                if short is not None and fitting_at(short, side) == [EXCLUDE] and spares_unit(m.group(0), rules):
                    short = None
                if short is not None and fitting_at(short, side):
                    m, fitting = short, fitting_at(short, side)
                else:
                    collect(m.start() + 1, m.end(), side, distance_of, inner=True)
            candidates.extend((distance_of(m), -len(m.group(0)), metric, side, m.group(0).lower()) for metric in fitting)

    collect(max(left, q.start - rules.max_left), q.start, "left", lambda m: q.start - m.end())
    if any(c[2] == EXCLUDE for c in candidates):
        cause = max((m.start() for m in rules.causes.finditer(text, max(left, q.start - rules.max_left), q.start)), default=-1)
        candidates[:] = [c for c in candidates if not (c[3] == "left" and c[2] == EXCLUDE and q.start - c[0] <= cause)]
    # "jumlah kunjungan peserta PBI ... 236,9 juta": an exclusion phrase heads the cue written right after it
    # (one word does not: "kuota PBI ... 2,1 juta peserta" counts PBI participants)
    heads = {q.start - c[0] for c in candidates   # their ends
             if c[2] == EXCLUDE and c[3] == "left" and " " in c[4] and c[4] not in rules.soft_excludes}
    if heads:
        candidates[:] = [(c[0], c[1], EXCLUDE, c[3], c[4])
                      if c[3] == "left" and any(0 <= q.start - c[0] + c[1] - h <= 1 for h in heads) else c
                      for c in candidates]
    # A cue starting inside the figure is its unit noun, read whole: "3 juta peserta", "500 peserta PBI".
    hi = max(q.end, min(right, q.end + rules.max_right))
    # ... past the clause boundary too: "penduduk miskin dan tidak mampu" holds a boundary word.
    whole = min(len(text), q.end + rules.max_right)
    inside_end = max([q.end] + [m.end() for m in rules.cues.finditer(text, q.start, whole) if m.start() < q.end])
    collect(q.start, inside_end, "inside", lambda m: 1)
    if inside_end > q.end:   # "58 juta peserta BPJS Kesehatan non-aktif": a cue right after the unit noun qualifies it
        nxt = rules.cues.match(text, inside_end + 1) if text[inside_end:inside_end + 1] == " " else None
        if nxt is not None:
            collect(nxt.start(), nxt.end(), "inside", lambda m: 0)
            inside_end = nxt.end()
    own = noun_before(text, q, max(left, q.start - rules.max_left), rules, q_unit, apart=True)
    if own is not None:   # "dari jumlah penduduk X sekitar 2,1 juta jiwa, menjadi peserta": its own noun
        candidates.extend((0, -len(own.group(0)), metric, "inside", own.group(0).lower())
                          for metric in fitting_at(own, "left"))
    collect(inside_end, hi, "right", lambda m: m.start() - q.end + 1)
    segment = segment_metric(text, q, max(left, q.start - rules.max_left), hi, rules, q_unit)
    nearest_left = min((c for c in candidates if c[3] == "left"), default=None)
    if segment is not None:   # ... unless an exclusion right before the figure says what it is ("dihadiri 1.454 peserta")
        vetoed = nearest_left is not None and nearest_left[2] == EXCLUDE and nearest_left[0] <= rules.max_veto \
            and nearest_left[4] not in rules.soft_excludes
        return EXCLUDE if vetoed else segment
    if not candidates:
        return None
    best = min(candidates)
    if best[2] == EXCLUDE and best[4] in rules.soft_excludes:
        specific = [c for c in candidates if c[2] != EXCLUDE and c[4] not in rules.generic
                    and (c[0] <= rules.max_veto or c[3] == "right")]
        return min(specific)[2] if specific else EXCLUDE
    if best[2] == EXCLUDE:
        return EXCLUDE
    if best[3] == "inside" and best[4] in rules.insurer_nouns:
        named = [c for c in candidates if c[3] == "right" and c[2] not in (EXCLUDE, best[2]) and c[4] not in rules.generic
                 and "," not in text[q.end:q.end + c[0]]]   # not "Dari 221 juta peserta JKN, separuhnya dibiayai ..."
        if named:
            return min(named)[2]
        if word_before(text, left, q.start) in rules.recipient_words:
            # "pembayaran iuran PBI ke 80,4 juta peserta BPJS Kesehatan": the recipients of what the cue before names
            given = [c for c in candidates if c[3] == "left" and c[2] != EXCLUDE and c[4] not in rules.generic
                     and c[0] <= rules.max_veto]
            if given:
                return min(given)[2]
    for side in ("left", "right"):
        nearest = min((c for c in candidates if c[3] == side), default=None)
        # On the right the clause bounds the veto ("72 FKTP yang telah menerapkan antrean online"); on
        # the left, where the clause start is unknown, a distance does.
        if nearest is not None and nearest[2] == EXCLUDE and best[3] != side and nearest[4] not in rules.soft_excludes \
                and (side == "right" or nearest[0] <= rules.max_veto) \
                and not (side == "right" and q_unit == "rupiah" and nearest[4] in rules.paid_contributions
                         and rules.purposes.search(text, q.end, q.end + nearest[0])):
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


def segment_metric(text: str, q: QuantityMatch, lo: int, hi: int, rules: MetricRules, unit: str | None) -> str | None:
    """In "N jiwa sebagai peserta segmen PBI, M jiwa sebagai peserta segmen PPU" the segment named
    after the marker nearest the figure, in its clause, says what is counted, whatever "terdaftar"
    or "peserta" say: its metric, EXCLUDE for a segment without one (PPU), None without a marker."""
    markers = list(rules.segments.finditer(text, lo, hi))
    if not markers:
        return None
    marker = min(markers, key=lambda m: min(abs(m.start() - q.end), abs(q.start - m.end())))
    named = rules.cues.match(text, past_spaces(text, marker.end(), hi), hi)
    if named is None:
        following = NEXT_WORD.match(text, marker.end())
        # "pada semua segmen": no segment named; "segmen PBPBU": one the vocabulary does not know
        return EXCLUDE if following and following.group(1)[:1].isupper() else None
    # a segment excluded for other units only says nothing of this one: "segmen PBPU ... Rp 10 triliun" in arrears;
    # nor does a segment of persons say what money is: "membiayai segmen PBI sebesar Rp 48 triliun" pays for them
    fitting = fitting_metric(named.group(0), unit, rules)
    return fitting or (None if spares_unit(named.group(0), rules) or unit == "rupiah" else EXCLUDE)


def spares_unit(phrase: str, rules: MetricRules) -> bool:
    """Is the cue an exclusion only (of the units it is listed for), so a figure of another unit is spared?"""
    return all(metric == EXCLUDE for metric, _ in rules.cue_metrics[phrase.lower()])


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
                    excluded: bool = False) -> tuple[str | None, Figure | None]:
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


