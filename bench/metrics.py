"""Recall and false-alert rates per category, threshold sweeps, and thresholds for a target rate."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from bench.cases import Query
from bench.outcome import Outcome

SWEEP = (0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.88, 0.90, 0.92, 0.95)
TARGET_RATES = (0.005, 0.028)


def groups(queries: list[Query]) -> dict[str, list[int]]:
    """Query positions by group: each category whole, then each kind within it."""
    found: dict[str, list[int]] = defaultdict(list)
    for i, q in enumerate(queries):
        found[q.category].append(i)
        if q.category != "negative":
            found[f"{q.category}:{q.kind}"].append(i)
    return dict(found)


def recall(queries: list[Query], outcomes: list[Outcome], positions: list[int], threshold: float) -> float:
    """Share of these queries whose right entry comes first at or above the threshold."""
    if not positions:
        return math.nan
    return sum(outcomes[i].hit(queries[i], threshold) for i in positions) / len(positions)


def false_alerts(outcomes: list[Outcome], positions: list[int], threshold: float) -> float:
    """Share of these (negative) queries whose best score reaches the threshold."""
    if not positions:
        return math.nan
    return sum(outcomes[i].alert(threshold) for i in positions) / len(positions)


def threshold_for_rate(scores: list[float], rate: float) -> float:
    """The lowest threshold (rounded up to 1e-4) at which at most `rate` of these scores alert."""
    ranked = sorted(scores, reverse=True)
    allowed = math.floor(rate * len(ranked))
    if allowed >= len(ranked):
        return 0.0
    score = ranked[allowed]
    threshold = round(math.floor(score * 10_000 + 1e-6) / 10_000 + 0.0001, 4)
    return threshold if threshold > score else round(threshold + 0.0001, 4)


@dataclass(frozen=True)
class Point:
    """Recall per group and the false-alert rate at one threshold."""

    threshold: float
    recall: dict[str, float]
    false_alerts: float


def point(queries: list[Query], outcomes: list[Outcome], threshold: float) -> Point:
    by_group = groups(queries)
    rates = {g: recall(queries, outcomes, ids, threshold) for g, ids in by_group.items() if g != "negative"}
    return Point(threshold, rates, false_alerts(outcomes, by_group.get("negative", []), threshold))


def at_rates(
    queries: list[Query], outcomes: list[Outcome], rates: tuple[float, ...] = TARGET_RATES
) -> dict[float, Point]:
    """For each target false-alert rate, the point at the lowest threshold that keeps to it."""
    negatives = [outcomes[i].top_score for i in groups(queries).get("negative", [])]
    if not negatives:
        return {}
    return {rate: point(queries, outcomes, threshold_for_rate(negatives, rate)) for rate in rates}


def candidate_recall(queries: list[Query], outcomes: list[Outcome], positions: list[int]) -> float:
    """Share of queries whose right entry is anywhere in the screener's returned list."""
    if not positions:
        return math.nan
    return sum(outcomes[i].target_score is not None for i in positions) / len(positions)
