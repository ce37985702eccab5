"""What one screener answered to one query, reduced to what the metrics need."""

from __future__ import annotations

from dataclasses import dataclass

from bench.adapter import Ranked
from bench.cases import Query


@dataclass(frozen=True, slots=True)
class Outcome:
    """The best match (entry and score) and, for a positive query, the right entry's score if ranked."""

    top_id: str | None
    top_score: float
    target_score: float | None = None

    @classmethod
    def of(cls, query: Query, ranked: Ranked) -> Outcome:
        top_id, top_score = ranked[0] if ranked else (None, 0.0)
        target = next((s for e, s in ranked if e == query.target), None) if query.target else None
        return cls(top_id, float(top_score), None if target is None else float(target))

    def hit(self, query: Query, threshold: float) -> bool:
        """The right entry ranked first at or above the threshold."""
        return query.target is not None and self.top_id == query.target and self.top_score >= threshold

    def alert(self, threshold: float) -> bool:
        return self.top_score >= threshold

    def to_row(self) -> list[object]:
        return [self.top_id, self.top_score, self.target_score]

    @classmethod
    def from_row(cls, row: list[object]) -> Outcome:
        top_id, top_score, target = row
        return cls(
            None if top_id is None else str(top_id),
            float(str(top_score)),
            None if target is None else float(str(target)),
        )
