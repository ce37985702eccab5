"""The targets of issue 4, checked against one run's figures."""

from __future__ import annotations

import math

from bench import metrics, tables
from bench.cases import EvalSet
from bench.quality import Scored
from bench.speed import Figures

QUALITY = (
    ("alias hold-out recall at FA ≤ 0.5%", "holdout", 0.005, 0.60),
    ("alias hold-out recall at FA ≤ 2.8%", "holdout", 0.028, 0.65),
    ("variant aliases recall at FA ≤ 0.5%", "holdout:variant", 0.005, 0.95),
    ("perturbations recall at FA ≤ 0.5%", "perturbation", 0.005, 0.98),
    ("Chinese names of built-in entities recall at FA ≤ 0.5% (both protocols)", "chinese", 0.005, 0.95),
    ("… written another way, against the shipped names (variants)", "chinese:variants", 0.005, 0.95),
    ("… against the English names only (cross-script)", "chinese:cross_script", 0.005, 0.95),
)
SPEED = (
    ("batch names/s on 2 cores", "block_names_per_s", 50_000, True),
    ("single query p99, ms", "p99_ms", 10, False),
    ("index memory (RSS delta), MB", "rss_mb", 1024, False),
    ("cold start (unpickle), s", "unpickle_s", 3, False),
)


def _row(label: str, value: float, target: float, higher: bool, style: str) -> list[str]:
    if math.isnan(value):
        return [label, f"{target:,}", "not measured", ""]
    met = value >= target if higher else value <= target
    return [label, style.format(target), style.format(value), "met" if met else "missed"]


def check(evalset: EvalSet, ours: Scored, speed: Figures | None) -> list[str]:
    """One row per target: the goal, the figure measured, met or missed."""
    points = metrics.at_rates(evalset.queries, ours.outcomes)
    rows = []
    for label, group, rate, goal in QUALITY:
        value = points[rate].recall.get(group, math.nan) if rate in points else math.nan
        rows.append(_row(label, value, goal, True, "{:.3f}"))
    for label, key, goal, higher in SPEED:
        rows.append(_row(label, speed.median(key) if speed else math.nan, goal, higher, "{:,.2f}"))
    return tables.table(["target", "goal", ours.name, ""], rows)
