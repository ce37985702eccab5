"""Shared by the relation adapters (BODS, relations CSV): shares, dates, party ids and codes."""

from __future__ import annotations

import re
from datetime import date

from lookthrough.identifiers import TYPES, detect
from lookthrough.model.relation import derived_id

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
STRONG_PROPS = {"isin": "isinCode", "lei": "leiCode", "uscc": "uscCode"}
"""Codes that identify a company worldwide, so that a party here joins the same party on a list."""


def parse_percent(text: str | None) -> float | None:
    """A share in percent ('60', '60%', '12.5'); raises ValueError with the reason."""
    if text is None or not text.strip():
        return None
    try:
        value = float(text.strip().rstrip("%").strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a number") from None
    if not 0 <= value <= 100:
        raise ValueError(f"{value:g} is not between 0 and 100")
    return value


def parse_date(text: str | None) -> str | None:
    """An ISO date or a year or month of one ('2019', '2019-05'); raises ValueError if not one."""
    if text is None or not text.strip():
        return None
    value = text.strip()[:10] if "T" in text else text.strip()
    if not _DATE.match(value):
        raise ValueError(f"{text!r} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)")
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        date(parts[0], parts[1], parts[2])
    except ValueError as error:
        raise ValueError(f"{text!r} is not a date: {error}") from None
    return value


def strong_code(value: str | None) -> tuple[str, str] | None:
    """(FtM property, cleaned code) when `value` is an ISIN, LEI or USCC."""
    for kind, cleaned in detect(value or ""):
        if TYPES[kind].strong and kind in STRONG_PROPS:
            return STRONG_PROPS[kind], cleaned
    return None


def name_key(name: str) -> str:
    """Names that differ only in case or spacing name one party."""
    return " ".join(name.casefold().split())


def party_id(prefix: str, name: str, code: tuple[str, str] | None = None) -> str:
    """A stable id for a party named (or coded) in a relations file."""
    return derived_id(prefix, *code) if code else derived_id(prefix, name_key(name))
