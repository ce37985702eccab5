"""Share-class and listing suffixes that holdings files append to issuer names."""

from __future__ import annotations

import re

# Each pattern only matches at the end of a name, so "Class" inside a name survives.
_SUFFIXES = (
    r"[-–/]\s*[A-Z]\b\.?",  # "HIKVISION-A", "BYD CO LTD-H"
    r"\bcl(?:ass)?\.?\s+[A-Z]\b(?:\s+shares?)?",  # "Class B", "CL A", "Class A shares"
    r"\b[AHBN]\s+shares?",  # "H shares", "A share"
    # ADR, "-SP ADR", "- SPON ADR", "Spons GDR Reg S"
    r"(?:[-–]\s*)?\(?\b(?:(?:sp|spon|spons|sponsored|unsponsored)\s+)?[ag]d[rs]s?\b\)?",
    r"\breg\s*s\b",  # Regulation S tranche: "GDR Reg S", "Regs GDR"
    r"\b(?:ord(?:inary)?|common|pref(?:erred|erence)?|registered)\s+(?:shs?|shares?|stock)\b\.?",
    r"\bpref(?:erred|erence)?\b\.?",  # "SURGUTNEFTEGAZ PREF"
    r"\b(?:cdis?|representing)\b",  # "PJSC GAZPROM ADR CDI", "MECHEL ADR REPRESENTING"
    r"\b(?:shs|shares|stock|equity|ord)\b\.?",
    r"\breg\s+shs\b",
    r"\b(?:npv|ser\s+[a-z])\b",
)
_TAIL = re.compile(r"(?:\s*(?:" + "|".join(_SUFFIXES) + r")\s*[,;]*)+$", re.IGNORECASE)
# A bare share-class letter after a legal form: "ZTE CORP H", "BYD CO LTD A".
_CLASS_AFTER_FORM = re.compile(
    r"(\b(?:co|corp|corporation|ltd|limited|inc|plc|ag|sa|se|nv|pjsc|jsc|oao|pao)\.?)\s+[ABHN]\s*$",
    re.IGNORECASE,
)
_LAST_WORD = re.compile(r"([A-Za-z]+)[^A-Za-z]*$")
_LAST_WORDS = frozenset(
    {"share", "shares", "adr", "adrs", "ads", "gdr", "gdrs", "gds", "shs", "stock", "equity", "ord", "npv"}
    | {"pref", "preferred", "preference", "cdi", "cdis", "representing"}
)
"""Words a listing suffix can end with (besides a single letter: 'Class B', 'Reg S', '-H')."""


def strip_listing_suffixes(name: str) -> str:
    """'HANGZHOU HIKVISION DIGITAL-A' -> 'HANGZHOU HIKVISION DIGITAL'; keeps a name that is only a suffix."""
    last = _LAST_WORD.search(name[-24:])
    if last is None or (len(last.group(1)) > 1 and last.group(1).lower() not in _LAST_WORDS):
        return name  # the tail cannot be a suffix: skip the costly pattern
    stripped = _TAIL.sub("", name).strip(" -,;")
    stripped = _CLASS_AFTER_FORM.sub(r"\1", stripped)
    return stripped or name
