"""Dates as the lists write them, to ISO dates cut to what the list knows ('1945', '1958-03')."""

from __future__ import annotations

import re
from datetime import date, datetime

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:T.*)?$")
_DMY = re.compile(r"^(dd|\d{1,2})[/.](mm|\d{1,2})[/.](\d{4})$", re.IGNORECASE)
_MY = re.compile(r"^(\d{1,2})[/.](\d{4})$")
_YEAR = re.compile(r"^\d{4}$")


def _checked(year: str, month: str | None, day: str | None) -> str | None:
    parts = [int(year), int(month or 1), int(day or 1)]
    try:
        date(*parts)
    except ValueError:
        return None
    if not month or int(month) == 0:
        return year
    if not day or int(day) == 0:
        return f"{year}-{int(month):02d}"
    return f"{year}-{int(month):02d}-{int(day):02d}"


def parse_day(value: object) -> str | None:
    """ISO ('2001-01-25'), day-first ('25/01/2001', 'dd/mm/1945', '00/00/1970'), month-year or year.

    Unknown parts ('dd', '00') shorten the date; anything else gives None."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value or "").strip()
    if found := _ISO.match(text):
        year, month, day = found.groups()
        return _checked(year, month, day) if int(year) else None
    if found := _DMY.match(text):
        day, month, year = found.groups()
        month = None if month.lower() == "mm" or month == "00" else month
        day = None if day.lower() == "dd" or day in ("0", "00") or month is None else day
        return _checked(year, month, day)
    if found := _MY.match(text):
        return _checked(found.group(2), found.group(1), None)
    return text if _YEAR.match(text) else None
