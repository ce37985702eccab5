"""Similarity of the two names' spelling, written without spaces: catches spacing and typos."""

from __future__ import annotations

from rapidfuzz import fuzz

from lookthrough.names import NameForm


def spelling_similarity(query: NameForm, candidate: NameForm) -> float:
    """Character similarity of the run-together names, in their order or sorted by word."""
    direct = fuzz.ratio(query.compact, candidate.compact)
    if len(query.tokens) == 1 and len(candidate.tokens) == 1:
        return direct / 100.0
    ordered = fuzz.ratio("".join(sorted(query.tokens)), "".join(sorted(candidate.tokens)))
    return max(direct, ordered) / 100.0
