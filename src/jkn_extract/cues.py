"""Metric cues: which contract metric the cues that govern a quantity name (the vocabulary,
rules/metrics.yml, is loaded by `cuerules.py`); `metric_types.py` types each quantity with them and the
figures around it. Knows nothing of dates, regions or speakers; the metrics stage (metrics.py) attaches
those to the typed figure."""
from __future__ import annotations

import re

from .clauses import HEDGED, NEXT_WORD, fitting_metric, noun_before, past_spaces, total_before, unit_fits, word_before
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
        # a left candidate's cue ends at q.start - distance and is -c[1] characters long
        glosses = [g for c in candidates if c[3] == "left" and c[2] != EXCLUDE
                   if (g := gloss_after(text, q.start - c[0], q.start, rules)) is not None]

        def no_veto(c: tuple[int, int, str, str, str]) -> bool:   # before a clause of cause, or inside a gloss
            end = q.start - c[0]
            return end <= cause or any(lo <= end + c[1] and end <= hi for lo, hi in glosses)

        candidates[:] = [c for c in candidates if not (c[3] == "left" and c[2] == EXCLUDE and no_veto(c))]
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


def gloss_after(text: str, cue_end: int, hi: int, rules: MetricRules) -> tuple[int, int] | None:
    """The span of a gloss of the cue ending at cue_end, if one follows it before hi: brackets or a clause
    of cause ("peserta nonaktif (menunggak iuran) sebanyak N", "peserta nonaktif karena menunggak mencapai
    N"). The exclusions inside explain the cue, they do not say the figure after it counts something else."""
    start = past_spaces(text, cue_end, hi)
    if text.startswith("(", start):
        close = text.find(")", start, hi)
        return (start, close) if close >= 0 else None
    return (start, hi) if rules.causes.match(text, start) else None


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
