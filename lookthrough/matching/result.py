"""What a match says: the score, and the features that produced it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Feature:
    """One measured aspect of a comparison, with its weight in the score and a plain reading."""

    name: str
    value: float
    weight: float
    detail: str


@dataclass(slots=True)
class Match:
    """A candidate entity for a query, scored by one algorithm."""

    entity_id: str
    score: float
    matched_name: str
    algorithm: str
    features: list[Feature] = field(default_factory=list)

    def explain(self) -> list[str]:
        return [f"{f.name} = {f.value:.2f} (weight {f.weight:+.2f}): {f.detail}" for f in self.features]
