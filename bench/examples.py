"""Misses and false alerts of a screener, with names, for the report and the lead's tuning."""

from __future__ import annotations

from collections import defaultdict

from bench.cases import EvalSet
from bench.outcome import Outcome

PER_GROUP = 4


def _label(entity_id: str | None, captions: dict[str, str]) -> str:
    return "nothing" if entity_id is None else f"{captions.get(entity_id, entity_id)!r}"


def misses(
    evalset: EvalSet, outcomes: list[Outcome], threshold: float, per_group: int = PER_GROUP
) -> list[str]:
    """A few queries per group that the screener got wrong at `threshold`, first in query order."""
    captions: dict[str, str] = {}
    for n in evalset.names:
        captions.setdefault(n.entity_id, n.name)
    found: dict[str, list[str]] = defaultdict(list)
    for query, outcome in zip(evalset.queries, outcomes, strict=True):
        group = query.category if query.category == "negative" else f"{query.category}:{query.kind}"
        wrong = outcome.alert(threshold) if query.target is None else not outcome.hit(query, threshold)
        if wrong and len(found[group]) < per_group:
            expected = "" if query.target is None else f" (should find {_label(query.target, captions)})"
            best = f"{_label(outcome.top_id, captions)} {outcome.top_score:.2f}"
            found[group].append(f"- `{group}` {query.text!r}{expected}: best {best}")
    return [line for group in sorted(found) for line in found[group]]
