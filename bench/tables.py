"""Markdown tables of the quality figures."""

from __future__ import annotations

import math
from collections import Counter

from bench import metrics
from bench.cases import EvalSet
from bench.quality import Scored

HEAD_GROUPS = ("holdout", "holdout:variant", "holdout:unrelated", "perturbation", "chinese")


def pct(value: float) -> str:
    return "n/a" if math.isnan(value) else f"{100 * value:.1f}%"


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def group_names(evalset: EvalSet) -> list[str]:
    found = metrics.groups(evalset.queries)
    kinds = sorted(g for g in found if g.startswith("perturbation:"))
    chinese = sorted(g for g in found if g.startswith("chinese:"))
    known = [g for g in (*HEAD_GROUPS[:4], *kinds, "chinese", *chinese) if g in found]
    # Other protocols (issue 11's): each category, then its kinds.
    for category in sorted({q.category for q in evalset.queries} - {"negative", *known}):
        known += [category, *sorted(g for g in found if g.startswith(f"{category}:"))]
    return [*known, "negative"]


def counts(evalset: EvalSet) -> list[str]:
    found = metrics.groups(evalset.queries)
    rows = [[g, f"{len(found[g]):,}"] for g in group_names(evalset)]
    schemas = Counter(n.schema for n in evalset.names)
    entries = len({n.entity_id for n in evalset.names})
    rows.append(["index", f"{len(evalset.names):,} names of {entries:,} entries ({dict(schemas)})"])
    return table(["group", "queries"], rows)


def at_chosen(evalset: EvalSet, runs: list[Scored]) -> list[str]:
    """Each screener at its own threshold(s): recall per group, false alerts last."""
    columns = [(r, t) for r in runs for t in r.thresholds]
    points = [metrics.point(evalset.queries, r.outcomes, t) for r, t in columns]
    rows = [[g, *(pct(p.recall.get(g, math.nan)) for p in points)] for g in group_names(evalset)[:-1]]
    rows.append(["**false alerts** (negatives)", *(pct(p.false_alerts) for p in points)])
    return table(["group", *(f"{r.name} @ {t:.2f}" for r, t in columns)], rows)


def at_rates(evalset: EvalSet, runs: list[Scored]) -> list[str]:
    """For each target false-alert rate: each screener's threshold there and its recall."""
    header, rows = ["group"], [[g] for g in group_names(evalset)[:-1]]
    thresholds = ["threshold"]
    for run in runs:
        for rate, p in metrics.at_rates(evalset.queries, run.outcomes).items():
            header.append(f"{run.name}, FA ≤ {100 * rate:.1f}%")
            thresholds.append(f"{p.threshold:.4f} (FA {pct(p.false_alerts)})")
            for row in rows:
                row.append(pct(p.recall.get(row[0], math.nan)))
    return table(header, [thresholds, *rows])


def sweep(evalset: EvalSet, run: Scored) -> list[str]:
    """Recall per group and false alerts at each threshold of the sweep."""
    names = group_names(evalset)[:-1]
    rows = []
    for threshold in sorted({*metrics.SWEEP, *run.thresholds}):
        p = metrics.point(evalset.queries, run.outcomes, threshold)
        rows.append(
            [f"{threshold:.2f}", *(pct(p.recall.get(g, math.nan)) for g in names), pct(p.false_alerts)]
        )
    return table(["threshold", *names, "false alerts"], rows)
