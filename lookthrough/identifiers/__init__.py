"""Identifier types, and detection of which type a bare value is."""

from __future__ import annotations

from lookthrough.identifiers.common import IdentifierType
from lookthrough.identifiers.isin import ISIN
from lookthrough.identifiers.lei import LEI
from lookthrough.identifiers.mac import InvalidMac, Mac
from lookthrough.identifiers.registration import Registration
from lookthrough.identifiers.ticker import Ticker
from lookthrough.identifiers.uscc import USCC

TYPES: dict[str, IdentifierType] = {t.name: t for t in (ISIN(), LEI(), USCC(), Ticker(), Registration())}
BY_PROP: dict[str, IdentifierType] = {prop: t for t in TYPES.values() for prop in t.props}
DETECTION_ORDER = ("isin", "lei", "uscc")


def detect(value: str) -> list[tuple[str, str]]:
    """(type, cleaned) pairs a bare value could be: validated codes first, then weak ones."""
    found = []
    for name in DETECTION_ORDER:
        cleaned = TYPES[name].clean(value)
        if cleaned:
            return [(name, cleaned)]
    for name in ("ticker", "registration"):
        cleaned = TYPES[name].clean(value)
        if cleaned:
            found.append((name, cleaned))
    return found


def problems(value: str) -> list[str]:
    """Why a value that has the form of a strong code (ISIN, LEI, USCC) is not a valid one."""
    if not value.strip() or any(TYPES[n].clean(value) for n in DETECTION_ORDER):
        return []
    return [found for n in DETECTION_ORDER if (found := TYPES[n].problem(value))]


__all__ = ["BY_PROP", "TYPES", "IdentifierType", "InvalidMac", "Mac", "detect", "problems"]
