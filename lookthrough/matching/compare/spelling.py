"""Similarity of the two names written without spaces: catches spacing and typos."""

from __future__ import annotations

from rapidfuzz import fuzz

from lookthrough.names import NameForm


def compact_similarity(query: NameForm, candidate: NameForm) -> float:
    """Character similarity of the run-together names, order of words ignored."""
    a = "".join(sorted(query.tokens))
    b = "".join(sorted(candidate.tokens))
    return max(fuzz.ratio(query.compact, candidate.compact), fuzz.ratio(a, b)) / 100.0
