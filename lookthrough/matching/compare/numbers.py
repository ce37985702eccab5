"""Numbers in names ('Plant No. 419', 'Unit 8200') must agree when both names have them."""

from __future__ import annotations

from lookthrough.names import NameForm


def number_mismatch(query: NameForm, candidate: NameForm) -> bool:
    """Both names contain numbers and they share none."""
    a = {t for t in query.tokens if t.isdigit()}
    b = {t for t in candidate.tokens if t.isdigit()}
    return bool(a and b and not a & b)
