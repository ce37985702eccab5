"""A one-word name that spells the other name's initials ('BNC' = 'Banco Nacional de Cuba')."""

from __future__ import annotations

from lookthrough.names import NameForm


def acronym_match(query: NameForm, candidate: NameForm) -> bool:
    """One side is a single word of 2+ letters equal to the initials of the other's 2+ words."""
    for short, long in ((query, candidate), (candidate, query)):
        one_word = len(short.tokens) == 1 and len(short.compact) >= 2
        if one_word and len(long.tokens) >= 2 and short.compact == long.initials:
            return True
    return False
