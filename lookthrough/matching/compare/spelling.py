"""Similarity of the two names' spelling, written without spaces: catches spacing and typos."""

from __future__ import annotations

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from lookthrough.names import NameForm


def spelling_similarity(query: NameForm, candidate: NameForm) -> float:
    """Character similarity of the run-together names, in their order or sorted by word."""
    direct = _similarity(query.compact, candidate.compact)
    if len(query.tokens) == 1 and len(candidate.tokens) == 1:
        return direct
    return max(direct, _similarity("".join(sorted(query.tokens)), "".join(sorted(candidate.tokens))))


def _similarity(a: str, b: str) -> float:
    # Indel ratio rewards shared letters; OSA counts a swapped pair of letters as one typo.
    return max(fuzz.ratio(a, b) / 100.0, OSA.normalized_similarity(a, b))
