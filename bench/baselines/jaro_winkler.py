"""Brute force: rapidfuzz Jaro-Winkler of the query against every indexed name (default_process)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler
from rapidfuzz.utils import default_process

from bench.adapter import Ranked
from bench.cases import ListedName

TOP = 20
CHUNK = 400

TopNames = list[tuple[int, float]]


class JaroWinklerScan:
    """Scores every name; an entry's score is its best name's, top TOP names kept."""

    name = "rapidfuzz Jaro-Winkler scan"
    threshold = 0.90

    def __init__(self, names: Sequence[ListedName]) -> None:
        self.entity_ids = [n.entity_id for n in names]
        self.choices = [default_process(n.name) for n in names]

    def top_names(self, texts: Sequence[str], workers: int = 2, top: int = TOP) -> list[TopNames]:
        """The `top` best (name position, score) of each text, best first, scanning in blocks."""
        found: list[TopNames] = []
        top = min(top, len(self.choices) - 1)
        for start in range(0, len(texts), CHUNK):
            queries = [default_process(t) for t in texts[start : start + CHUNK]]
            matrix = process.cdist(
                queries,
                self.choices,
                scorer=JaroWinkler.normalized_similarity,
                dtype=np.float32,
                workers=workers,
            )
            best = np.argpartition(-matrix, top, axis=1)[:, :top]
            for row, columns in zip(matrix, best, strict=True):
                ordered = sorted(columns.tolist(), key=lambda c: (-row[c], c))
                found.append([(c, float(row[c])) for c in ordered])
        return found

    def rank(self, top: TopNames) -> Ranked:
        """Distinct entries in order of their best name."""
        ranked: dict[str, float] = {}
        for position, score in top:
            ranked.setdefault(self.entity_ids[position], round(score, 6))
        return list(ranked.items())

    def match(self, text: str, limit: int = 5) -> Ranked:
        """One query at a time, as a single screening request would run."""
        hits = process.extract(
            default_process(text),
            self.choices,
            scorer=JaroWinkler.normalized_similarity,
            processor=None,
            limit=TOP,
        )
        return self.rank([(position, score) for _choice, score, position in hits])[:limit]
