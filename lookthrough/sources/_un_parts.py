"""The repeating parts of a UN Consolidated List record: names, aliases, addresses, dates, documents."""

from __future__ import annotations

import re

from lxml.etree import _Element as Element
from rigour.text.scripts import text_scripts

from lookthrough.model import Entity
from lookthrough.sources._values import SCRIPT_LANGS, add_country, joined, text
from lookthrough.sources.ofac_csv import add_safely

NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
ADDRESS_PARTS = ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY")
# QUALITY of an alias: the UN grades individuals' aliases Good/Low and labels entities' a.k.a./f.k.a.
ALIAS_PROPS = {"good": "alias", "a.k.a.": "alias", "low": "weakAlias", "f.k.a.": "previousName"}
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}-\d{2})?$")
# Document types are free text in several languages ("Numéro de passeport", "tazkira").
_PASSPORT = re.compile(r"pass(e)?port|pasaporte", re.IGNORECASE)
_NATIONAL_ID = re.compile(r"identi|\bID\b|tazkira", re.IGNORECASE)


def child_text(el: Element, tag: str) -> str | None:
    return text(el.findtext(tag))


def values(el: Element, tag: str) -> list[str]:
    """Texts of the VALUE children of `tag` (NATIONALITY, TITLE, DESIGNATION, ...)."""
    return [t for v in el.iterfind(f"{tag}/VALUE") if (t := text(v.text))]


def full_name(el: Element) -> str | None:
    return joined((el.findtext(tag) for tag in NAME_PARTS), sep=" ")


def script_lang(name: str) -> str | None:
    """The language a name's script implies, only where the script serves one language."""
    scripts = text_scripts(name)
    return SCRIPT_LANGS.get(next(iter(scripts))) if len(scripts) == 1 else None


def add_aliases(entity: Entity, el: Element, tag: str) -> None:
    for alias in el.iterfind(tag):
        name = child_text(alias, "ALIAS_NAME")
        if not name:
            continue  # the UN writes an empty alias element where there is none
        quality = (child_text(alias, "QUALITY") or "").lower()
        add_safely(entity, ALIAS_PROPS.get(quality, "weakAlias"), name)
        birth = joined(child_text(alias, t) for t in ("DATE_OF_BIRTH", "CITY_OF_BIRTH", "COUNTRY_OF_BIRTH"))
        for extra in (birth and f"born {birth}", child_text(alias, "NOTE")):
            entity.add("notes", f"alias {name}: {extra}" if extra else None)


def add_addresses(entity: Entity, el: Element, tag: str) -> None:
    for address in el.iterfind(tag):
        full = joined(child_text(address, t) for t in ADDRESS_PARTS)
        note = child_text(address, "NOTE")
        if full:
            entity.add("address", f"{full} ({note})" if note else full)
        elif note:
            entity.add("notes", f"address: {note}")
        add_country(entity, "country", child_text(address, "COUNTRY"))


def add_birth_dates(entity: Entity, el: Element) -> None:
    for dob in el.iterfind("INDIVIDUAL_DATE_OF_BIRTH"):
        kind = (child_text(dob, "TYPE_OF_DATE") or "").lower()
        found = [child_text(dob, t) for t in ("DATE", "YEAR", "FROM_YEAR", "TO_YEAR")]
        for value in filter(None, found):
            if _ISO_DATE.match(value):
                entity.add("birthDate", value)
            else:
                _note(entity, "born", value)
        if kind in ("approximately", "between") and any(found):
            _note(entity, "born", f"{kind} {' and '.join(filter(None, found))}")
        _note(entity, "born", child_text(dob, "NOTE"))
    for place in el.iterfind("INDIVIDUAL_PLACE_OF_BIRTH"):
        entity.add("birthPlace", joined(child_text(place, t) for t in ADDRESS_PARTS))
        _note(entity, "birth place", child_text(place, "NOTE"))


def add_documents(entity: Entity, el: Element) -> None:
    """Passport and national ID numbers as properties; every document in full as a note."""
    for doc in el.iterfind("INDIVIDUAL_DOCUMENT"):
        kind = joined((child_text(doc, "TYPE_OF_DOCUMENT"), child_text(doc, "TYPE_OF_DOCUMENT2")), sep=" / ")
        number = child_text(doc, "NUMBER")
        details = joined(
            child_text(doc, t)
            for t in ("ISSUING_COUNTRY", "DATE_OF_ISSUE", "CITY_OF_ISSUE", "COUNTRY_OF_ISSUE", "NOTE")
        )
        described = joined((kind, number, details and f"({details})"), sep=" ")
        if not described:
            continue  # an empty INDIVIDUAL_DOCUMENT element stands for "none"
        entity.add("notes", f"document: {described}")
        if number and _PASSPORT.search(kind or ""):
            entity.add("passportNumber", number)
        elif number and _NATIONAL_ID.search(kind or ""):
            entity.add("idNumber", number)


def _note(entity: Entity, label: str, value: str | None) -> None:
    entity.add("notes", f"{label}: {value}" if value else None)
