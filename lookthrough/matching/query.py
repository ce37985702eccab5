"""A query prepared once against an index: its words' rarity and their spelling neighbours."""

from __future__ import annotations

from dataclasses import dataclass

from lookthrough.matching.index import NameIndex
from lookthrough.names import NameForm


@dataclass(slots=True, frozen=True)
class Query:
    """An analysed name plus what every comparison needs to know about its words."""

    form: NameForm
    weights: tuple[float, ...]
    total: float
    neighbours: tuple[dict[str, float], ...]
    """Per word: vocabulary words within a small edit distance, with their similarity."""

    @classmethod
    def prepare(cls, form: NameForm, index: NameIndex) -> Query:
        weights = tuple(index.rarity(t) for t in form.tokens)
        neighbours = tuple(dict(index.similar(t)) for t in form.tokens)
        return cls(form, weights, sum(weights), neighbours)
