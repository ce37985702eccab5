"""Word-by-word alignment of two names, weighted by how rare each word is."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from lookthrough.names import NameForm

FUZZY_FLOOR = 0.75
Weight = Callable[[str], float]


@dataclass(slots=True)
class Alignment:
    """Which words of the query met which words of the candidate, and how closely."""

    pairs: list[tuple[str, str, float]] = field(default_factory=list)
    query_left: list[str] = field(default_factory=list)
    candidate_left: list[str] = field(default_factory=list)

    def describe(self) -> str:
        met = ", ".join(q if q == c and s == 1 else f"{q}~{c} ({s:.2f})" for q, c, s in self.pairs)
        parts = [f"met: {met or 'none'}"]
        if self.query_left:
            parts.append(f"query only: {' '.join(self.query_left)}")
        if self.candidate_left:
            parts.append(f"listed name only: {' '.join(self.candidate_left)}")
        return "; ".join(parts)


def _fuzzy(a: str, b: str) -> float:
    if min(len(a), len(b)) < 4:
        return 0.0
    similarity = Levenshtein.normalized_similarity(a, b)
    return similarity if similarity >= FUZZY_FLOOR else 0.0


def align(query: NameForm, candidate: NameForm) -> Alignment:
    """Pair words exactly, then run-together pairs ('sense time' = 'sensetime'), then by spelling."""
    result = Alignment()
    q_left = list(query.tokens)
    c_left = list(candidate.tokens)
    for token in list(q_left):
        if token in c_left:
            q_left.remove(token)
            c_left.remove(token)
            result.pairs.append((token, token, 1.0))
    _join(q_left, c_left, result, flip=False)
    _join(c_left, q_left, result, flip=True)
    scored = sorted(((_fuzzy(q, c), q, c) for q in q_left for c in c_left), key=lambda t: -t[0])
    for similarity, q, c in scored:
        if similarity and q in q_left and c in c_left:
            q_left.remove(q)
            c_left.remove(c)
            result.pairs.append((q, c, similarity))
    result.query_left, result.candidate_left = q_left, c_left
    return result


def _join(split_side: list[str], joined_side: list[str], result: Alignment, *, flip: bool) -> None:
    for first, second in zip(list(split_side), list(split_side)[1:], strict=False):
        joined = first + second
        if joined in joined_side and first in split_side and second in split_side:
            split_side.remove(first)
            split_side.remove(second)
            joined_side.remove(joined)
            pair = (joined, f"{first} {second}", 1.0) if flip else (f"{first} {second}", joined, 1.0)
            result.pairs.append(pair)


def weighted_overlap(alignment: Alignment, weight: Weight) -> float:
    """Share of both names' word weight that found a partner (a weighted Dice coefficient)."""
    matched = total = 0.0
    for q, c, similarity in alignment.pairs:
        wq = sum(weight(t) for t in q.split())
        wc = sum(weight(t) for t in c.split())
        matched += (wq + wc) * similarity
        total += wq + wc
    total += sum(weight(t) for t in alignment.query_left)
    total += sum(weight(t) for t in alignment.candidate_left)
    return matched / total if total else 0.0
