"""Word-by-word alignment of a query with a listed name, weighted by how rare each word is."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rapidfuzz.distance import OSA

MIN_FUZZY_LENGTH = 4
FUZZY_FLOOR = 0.6
"""Spelling variants below this similarity do not pair; between it and a close match the
model weighs them (a two-letter typo in a six-letter word is 67% alike)."""

if TYPE_CHECKING:
    from lookthrough.matching.name_v1.index import IndexedName
    from lookthrough.matching.name_v1.query import Query

QueryWord = tuple[str, float, dict[str, float]]
"""A query word, its rarity, and its spelling neighbours."""
ListedWord = tuple[str, float]


@dataclass(slots=True)
class Alignment:
    """Which words met which, how closely, and the rarity weight each side brought."""

    pairs: list[tuple[str, str, float, float, float]] = field(default_factory=list)
    """(query words, listed words, similarity, query weight, listed weight)."""
    query_left: list[tuple[str, float]] = field(default_factory=list)
    listed_left: list[tuple[str, float]] = field(default_factory=list)

    @property
    def exact(self) -> bool:
        return any(p[2] == 1.0 for p in self.pairs)

    @property
    def weakest(self) -> float:
        """Similarity of the least alike pair (1 when every pair is exact or none met)."""
        return min((p[2] for p in self.pairs), default=1.0)

    def describe(self) -> str:
        met = ", ".join(q if q == c else f"{q}~{c} ({s:.2f})" for q, c, s, _, _ in self.pairs)
        parts = [f"met: {met or 'none'}"]
        if self.query_left:
            parts.append("query only: " + " ".join(t for t, _ in self.query_left))
        if self.listed_left:
            parts.append("listed name only: " + " ".join(t for t, _ in self.listed_left))
        return "; ".join(parts)


def align(query: Query, listed: IndexedName) -> Alignment:
    """Pair words exactly, then run together ('sense time' = 'sensetime'), then by spelling."""
    result = Alignment()
    q_left = list(zip(query.form.tokens, query.weights, query.neighbours, strict=True))
    c_left = list(zip(listed.form.tokens, listed.weights, strict=True))
    listed_words = set(listed.form.tokens)
    if listed_words & set(query.form.tokens):
        _exact(q_left, c_left, result)
    if q_left and c_left and (len(q_left) > 1 or len(c_left) > 1):
        _joined(q_left, c_left, result)
    if q_left and c_left:
        _fuzzy(q_left, c_left, result)
    result.query_left = [(t, w) for t, w, _ in q_left]
    result.listed_left = c_left
    return result


def _exact(q_left: list[QueryWord], c_left: list[ListedWord], result: Alignment) -> None:
    for item in list(q_left):
        for other in c_left:
            if other[0] == item[0]:
                q_left.remove(item)
                c_left.remove(other)
                result.pairs.append((item[0], other[0], 1.0, item[1], other[1]))
                break


def _joined(q_left: list[QueryWord], c_left: list[ListedWord], result: Alignment) -> None:
    for a, b in zip(list(q_left), list(q_left)[1:], strict=False):
        for other in c_left:
            if other[0] == a[0] + b[0] and a in q_left and b in q_left:
                q_left.remove(a)
                q_left.remove(b)
                c_left.remove(other)
                result.pairs.append((f"{a[0]} {b[0]}", other[0], 1.0, a[1] + b[1], other[1]))
                break
    for x, y in zip(list(c_left), list(c_left)[1:], strict=False):
        for item in q_left:
            if item[0] == x[0] + y[0] and x in c_left and y in c_left:
                q_left.remove(item)
                c_left.remove(x)
                c_left.remove(y)
                result.pairs.append((item[0], f"{x[0]} {y[0]}", 1.0, item[1], x[1] + y[1]))
                break


def spelling_variant(a: str, b: str) -> float:
    """Edit similarity of two words of 4+ letters, or 0 below the floor."""
    if len(a) < MIN_FUZZY_LENGTH or len(b) < MIN_FUZZY_LENGTH:
        return 0.0
    similarity = OSA.normalized_similarity(a, b, score_cutoff=FUZZY_FLOOR)
    return similarity if similarity >= FUZZY_FLOOR else 0.0


def _fuzzy(q_left: list[QueryWord], c_left: list[ListedWord], result: Alignment) -> None:
    options: list[tuple[float, QueryWord, ListedWord]] = []
    for item in q_left:
        for other in c_left:
            similarity = item[2].get(other[0]) or spelling_variant(item[0], other[0])
            if similarity:
                options.append((similarity, item, other))
    for similarity, item, other in sorted(options, key=lambda o: -o[0]):
        if item in q_left and other in c_left:
            q_left.remove(item)
            c_left.remove(other)
            result.pairs.append((item[0], other[0], similarity, item[1], other[1]))
