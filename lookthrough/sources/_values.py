"""Small value clean-ups shared by list adapters: countries, dates, languages, joined parts."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache

from rigour.langs import iso_639_alpha3

from lookthrough.model import Entity
from lookthrough.model.schema import schema_props

# Scripts that name exactly one language; Arabic, Cyrillic and Latin serve many, so they get none.
SCRIPT_LANGS = {
    "Hangul": "kor",
    "Han": "zho",
    "Hiragana": "jpn",
    "Katakana": "jpn",
    "Greek": "ell",
    "Georgian": "kat",
    "Armenian": "hye",
    "Thai": "tha",
}


def text(value: object) -> str | None:
    """A cell's text with whitespace collapsed, or None when empty."""
    if value is None:
        return None
    cleaned = " ".join(str(value).split())
    return cleaned or None


def joined(parts: Iterable[object], sep: str = ", ") -> str | None:
    """The non-empty parts joined, or None when all are empty."""
    found = [t for t in (text(p) for p in parts) if t]
    return sep.join(found) or None


@lru_cache(maxsize=4096)
def country_code(value: str | None) -> str | None:
    """An ISO country code for a country name or code, or None if it is not one (cached: lists repeat)."""
    if not value:
        return None
    from followthemoney.types import registry  # loads FtM's whole model: only when a country is read

    cleaned = registry.country.clean(value)
    return str(cleaned) if cleaned else None


def add_country(entity: Entity, prop: str, value: str | None) -> None:
    """Add a country-typed value as a code; other text, or a property the schema lacks, becomes a note."""
    if not value:
        return
    code = country_code(value)
    if code and prop in schema_props(entity.schema):
        entity.add(prop, code)
    else:
        entity.add("notes", f"{prop}: {value}")


def iso_date(value: str | None, *formats: str) -> str | None:
    """The first format that reads `value`, as an ISO date cut to the format's precision."""
    if not value:
        return None
    for fmt in formats:
        try:
            parsed = datetime.strptime(value.strip(), fmt).date().isoformat()
        except ValueError:
            continue
        return parsed[: 4 if fmt == "%Y" else 7 if fmt in ("%m/%Y", "%Y-%m") else 10]
    return None


def language_code(name: str | None) -> str | None:
    """ISO 639-3 code for a language name such as 'Russian' or 'Persian/Farsi'."""
    for part in (name or "").replace(";", "/").split("/"):
        code = iso_639_alpha3(part.strip()) if part.strip() else None
        if code:
            return code
    return None
