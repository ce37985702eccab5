"""Legal forms on both names that cannot be the same kind of body."""

from __future__ import annotations

from lookthrough.names import NameForm

# "co", "corp" and "llc" are loose enough to sit beside anything.
LOOSE = frozenset({"co", "corp", "llc"})


def legal_form_mismatch(query: NameForm, candidate: NameForm) -> bool:
    """Both names state a strict legal form and they share none."""
    a = set(query.forms) - LOOSE
    b = set(candidate.forms) - LOOSE
    return bool(a and b and not a & b)


def legal_form_agreement(query: NameForm, candidate: NameForm) -> bool:
    """Both names state a legal form and share one."""
    return bool(set(query.forms) & set(candidate.forms))
