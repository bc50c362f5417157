"""Score predicted records against gold records (the contract's Evaluation section).

A gold field may hold a list of acceptable values; gold lines with "optional": true count neither
as a miss nor, when predicted, as a false positive. A prediction matches a gold line with the same
article_id and metric and a value within 0.5% relative; then each field is scored on its own.
Predictions are scored only for articles that the gold covers, or for the articles named (an article
with no gold line then expects no records), as ../shared/tools/score.py --articles does.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FIELDS = ("kind", "region_code", "as_of", "target_year", "speaker_name")
REL_TOLERANCE = 0.005


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def norm(value: Any) -> Any:
    return value.strip().casefold() if isinstance(value, str) else value


def acceptable(gold: Any, pred: Any) -> bool:
    options = gold if isinstance(gold, list) else [gold]
    return norm(pred) in [norm(o) for o in options]


def same_value(gold: Any, pred: Any) -> bool:
    try:
        g, p = float(gold), float(pred)
    except (TypeError, ValueError):
        return False
    return abs(g - p) <= max(REL_TOLERANCE * abs(g), 1e-9)


@dataclass
class Score:
    n_gold: int = 0
    n_pred: int = 0
    matched: int = 0
    fully_right: int = 0
    field_right: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    misses: list[dict] = field(default_factory=list)
    false_positives: list[dict] = field(default_factory=list)
    wrong: list[dict] = field(default_factory=list)


def match_article(golds: list[dict], preds: list[dict], result: Score) -> None:
    used: set[int] = set()
    for gold in sorted(golds, key=lambda g: bool(g.get("optional"))):  # required lines claim first
        best, best_hits = None, -1
        for i, pred in enumerate(preds):
            if i in used or not acceptable(gold["metric"], pred.get("metric")) \
                    or not same_value(gold["value"], pred.get("value")):
                continue
            hits = sum(acceptable(gold.get(f), pred.get(f)) for f in FIELDS)
            if hits > best_hits:
                best, best_hits = i, hits
        if best is None:
            if not gold.get("optional"):
                result.misses.append(gold)
            continue
        used.add(best)
        if gold.get("optional"):
            continue
        result.matched += 1
        bad = [f for f in FIELDS if not acceptable(gold.get(f), preds[best].get(f))]
        for f in FIELDS:
            result.field_right[f] += f not in bad
        if bad:
            result.wrong.append({"gold": gold, "pred": preds[best], "fields": bad})
        else:
            result.fully_right += 1
    result.false_positives.extend(p for i, p in enumerate(preds) if i not in used)


def score(gold: list[dict], pred: list[dict], articles: Iterable[str] | None = None) -> Score:
    gold_by: dict[str, list[dict]] = defaultdict(list)
    pred_by: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        gold_by[g["article_id"]].append(g)
    scored = set(gold_by) if articles is None else set(articles)
    for p in pred:
        if p.get("article_id") in scored:
            pred_by[p["article_id"]].append(p)
    result = Score()
    for article_id in sorted(scored):
        match_article(gold_by[article_id], pred_by[article_id], result)
    result.n_gold = result.matched + len(result.misses)
    result.n_pred = result.matched + len(result.false_positives)
    return result


def prf(right: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = right / n_pred if n_pred else 0.0
    r = right / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def format_report(result: Score, errors: bool = False) -> str:
    lines = [f"gold={result.n_gold} pred={result.n_pred} matched={result.matched} "
             f"misses={len(result.misses)} false_positives={len(result.false_positives)}",
             f"{'field':<14}{'precision':>10}{'recall':>10}{'F1':>10}"]
    rows = [("value", result.matched)] + [(f, result.field_right[f]) for f in FIELDS] + [("record", result.fully_right)]
    for name, right in rows:
        p, r, f1 = prf(right, result.n_pred, result.n_gold)
        lines.append(f"{name:<14}{p:>10.3f}{r:>10.3f}{f1:>10.3f}")
    if errors:
        keep = ("article_id", "metric", "value", "value_text") + FIELDS
        lines += ["miss " + json.dumps(m, ensure_ascii=False) for m in result.misses]
        lines += ["false_positive " + json.dumps({k: p.get(k) for k in keep}, ensure_ascii=False)
                  for p in result.false_positives]
        lines += ["wrong " + json.dumps({"fields": w["fields"], "gold": w["gold"],
                                         "pred": {k: w["pred"].get(k) for k in keep}}, ensure_ascii=False)
                  for w in result.wrong]
    return "\n".join(lines)
