"""The record: one extracted figure, with exactly the fields of the output contract."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any


@dataclass(frozen=True)
class Record:
    article_id: str
    metric: str
    value: float
    unit: str
    kind: str                      # "actual" | "target"
    target_year: int | None
    region_name: str | None
    region_code: str | None
    region_level: str | None
    as_of: str | None
    speaker_name: str | None
    speaker_role: str | None
    value_text: str
    sentence: str
    start: int
    end: int
    published: str | None
    flags: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        row = asdict(self)
        row["flags"] = list(self.flags)
        return row


RECORD_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Record))


# Metrics that relate as participants / population = coverage %.
RATE_PARTS = {"jkn_coverage_pct": ("participants", "population"),
              "active_participation_pct": ("active_participants", "participants")}
RATE_TOLERANCE = 1.0  # percentage points


def compatible_dates(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def consistency_flags(records: list[Record]) -> list[Record]:
    """Flag, never resolve: two values for one metric/region/date, and rates that disagree with counts."""
    flags: dict[int, set[str]] = {i: set() for i in range(len(records))}
    for i, a in enumerate(records):
        for j, b in enumerate(records):
            if j <= i or (a.metric, a.region_code, a.kind, a.target_year) != (b.metric, b.region_code, b.kind, b.target_year):
                continue
            if a.value != b.value and compatible_dates(a.as_of, b.as_of):
                flags[i].add("conflicting_values")
                flags[j].add("conflicting_values")
    for i, rate in enumerate(records):
        parts = RATE_PARTS.get(rate.metric)
        if not parts or rate.kind != "actual":
            continue
        def find(metric: str) -> list[int]:
            return [k for k, r in enumerate(records) if r.metric == metric and r.kind == "actual"
                    and r.region_code == rate.region_code and compatible_dates(r.as_of, rate.as_of)]
        for n in find(parts[0]):
            for d in find(parts[1]):
                if records[d].value and abs(100 * records[n].value / records[d].value - rate.value) > RATE_TOLERANCE:
                    for k in (i, n, d):
                        flags[k].add("inconsistent_rate")
    return [replace(r, flags=tuple(sorted(flags[i]))) for i, r in enumerate(records)]


def records_from_figures(figures: list, article_id: str, published: str | None) -> list[Record]:
    """One record per figure; a figure the article repeats (same metric, value, kind, region) once.
    A repeat whose region is only the article's main region (its sentence names none) is the same
    figure as well: the lead names the province, the quote later does not. The merged record keeps
    the first statement and takes the date, speaker and region the other states and it lacks."""
    records: list[Record] = []
    named: list[bool] = []
    for f in figures:
        region = f.region
        code = region.code if region else None
        same = next((i for i, r in enumerate(records)
                     if (r.metric, r.value, r.kind) == (f.metric, float(f.value), f.kind)
                     and (r.region_code == code or not (named[i] and f.region_named))), None)
        if same is not None:
            r = records[same]
            if not named[same] and f.region_named and region is not None:
                r = replace(r, region_name=region.name, region_code=region.code, region_level=region.level)
                named[same] = True
            if r.speaker_name is None and f.speaker_name is not None:
                r = replace(r, speaker_name=f.speaker_name, speaker_role=f.speaker_role)
            records[same] = replace(r, as_of=r.as_of or f.as_of)
            continue
        named.append(f.region_named)
        records.append(Record(
            article_id=article_id, metric=f.metric, value=float(f.value), unit=f.unit, kind=f.kind,
            target_year=f.target_year,
            region_name=region.name if region else None, region_code=code,
            region_level=region.level if region else None,
            as_of=f.as_of, speaker_name=f.speaker_name, speaker_role=f.speaker_role,
            value_text=f.text, sentence=f.sentence, start=f.start, end=f.end, published=published,
        ))
    return consistency_flags(records)
