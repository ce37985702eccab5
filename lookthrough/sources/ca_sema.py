"""Consolidated Canadian Autonomous Sanctions List (Special Economic Measures Act, SEMA), XML.

Global Affairs Canada publishes it as <data-set> with one flat <record> per listed person,
entity or ship: Country (the regulation, in English and French), LastName and GivenName or
EntityOrShip, TitleOrShip, Aliases, DateOfBirthOrShipBuildDate, ShipIMONumber, and the place
of the entry in the regulation (Schedule, Item) with its DateOfListing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lxml.etree import _Element as Element

from lookthrough.exc import SourceError
from lookthrough.model import Entity
from lookthrough.sources import register
from lookthrough.sources._complete import rows_incomplete, xml_incomplete
from lookthrough.sources._dates import parse_day
from lookthrough.sources._party import ListInfo, Listing, Party, build
from lookthrough.sources._values import joined
from lookthrough.sources._xml import head_has, local, raw, top_records
from lookthrough.sources.base import Download, LoadReport, Source

INFO = ListInfo(
    dataset="ca_sema_sanctions",
    title="Consolidated Canadian Autonomous Sanctions List",
    authority="Global Affairs Canada (Special Economic Measures Act; "
    "Justice for Victims of Corrupt Foreign Officials Act)",
    url="https://www.international.gc.ca/world-monde/international_relations-relations_internationales/sanctions/consolidated-consolide.aspx?lang=eng",
)
DOWNLOAD_URL = (
    "https://www.international.gc.ca/world-monde/assets/office_docs/"
    "international_relations-relations_internationales/sanctions/sema-lmes.xml"
)
# Aliases are one free-text cell: 'X, Y (a.k.a. Z); Russian: Ж'.
_ALIAS_SPLIT = re.compile(
    r";|,(?![^()]*\))|\(a\.k\.a\.|\(also known as|\b(?:ALIAS|Hebrew|Arabic|Russian|"
    r"Belarusian|Ukrainian|Chinese)\s*:",
    re.IGNORECASE,
)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@register
class CanadaSemaXml(Source):
    name = "ca_sema_xml"
    dataset = INFO.dataset
    title = INFO.title
    downloads = (Download(DOWNLOAD_URL, "sema-lmes.xml"),)

    @classmethod
    def detect(cls, path: Path) -> bool:
        return head_has(path, "<data-set", "<record") and head_has(path, "<Country>", size=16384)

    def read(self, path: Path, report: LoadReport) -> Iterator[Entity]:
        seen: set[str] = set()
        for el in top_records(path, "record"):
            report.row(path.name)
            try:
                party = self.party(path.name, el, seen)
                yield from build(party, INFO, f"{party.listings[0].program}, {party.key}")
            except SourceError as error:
                report.reject(error, raw(el))

    def party(self, name: str, el: Element, seen: set[str]) -> Party:
        cells = {local(c): " ".join((c.text or "").split()) for c in el if len(c) == 0}
        regulation, schedule, item = (
            cells.get("Country", ""),
            cells.get("Schedule", ""),
            cells.get("Item", ""),
        )
        key = "-".join(_slug(p) for p in (regulation.split("/")[0], schedule, item) if p)
        party = Party(key, "LegalEntity", name, el.sourceline)
        if not regulation:
            raise party.error("record names no regulation", "Country")
        if not item:
            raise party.error("record has no Item number", "Item")
        if key in seen:
            raise party.error(f"second record for {regulation}, Schedule {schedule}, Item {item}", "Item")
        seen.add(key)
        person = joined((cells.get("GivenName"), cells.get("LastName")), sep=" ")
        entity = cells.get("EntityOrShip")
        born = cells.get("DateOfBirthOrShipBuildDate")
        if cells.get("ShipIMONumber"):
            party.schema = "Vessel"
            party.add("imoNumber", cells["ShipIMONumber"])
            party.add("type", cells.get("TitleOrShip"))
            party.add("buildDate", parse_day(born) or born)
        elif person:
            party.schema = "Person"
            party.add("firstName", cells.get("GivenName"))
            party.add("lastName", cells.get("LastName"))
            party.add("title", cells.get("TitleOrShip"))
            party.add("birthDate", parse_day(born) or born)
        party.add("name", person or entity)
        if person and entity:
            party.add("alias", entity)
        if not party.has_name():
            raise party.error("record has no name", "EntityOrShip")
        for alias in _ALIAS_SPLIT.split(cells.get("Aliases", "")):
            party.add("alias", alias.strip(" ()"))
        party.add("country", regulation.split("/")[0].strip())
        values = [("authorityId", f"Schedule {schedule}, Item {item}" if schedule else f"Item {item}")]
        party.listings.append(Listing(regulation, parse_day(cells.get("DateOfListing")), values))
        return party

    def incomplete(self, path: Path, report: LoadReport) -> list[str]:
        """Reasons the file looks cut short or partial; empty when whole."""
        return xml_incomplete(path, "data-set") + rows_incomplete(path, report)
