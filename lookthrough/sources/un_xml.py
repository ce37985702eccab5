"""UN Security Council Consolidated List, XML: one INDIVIDUAL or ENTITY element per listed party."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from lxml import etree
from lxml.etree import _Element as Element

from lookthrough.exc import SourceAbort, SourceError
from lookthrough.model import Entity, listing
from lookthrough.sources import register
from lookthrough.sources._un_parts import (
    add_addresses,
    add_aliases,
    add_birth_dates,
    add_documents,
    child_text,
    full_name,
    script_lang,
    values,
)
from lookthrough.sources._values import add_country
from lookthrough.sources.base import Download, LoadReport, Source, sniff_text

LIST_TITLE = "United Nations Security Council Consolidated List"
AUTHORITY = "United Nations Security Council"
DOWNLOAD_URL = "https://scsanctions.un.org/resources/xml/en/consolidated.xml"
LIST_URL = "https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list"
RECORD_TAGS = {"INDIVIDUAL": "Person", "ENTITY": "Organization"}
SECTIONS = ("INDIVIDUALS", "ENTITIES")
"""The two sections every edition of the list has, even when one is empty."""
SAFE: dict[str, Any] = {"resolve_entities": False, "no_network": True}
"""No entity expansion and no network access while parsing a downloaded file."""
# xs:date may carry a time-zone offset ('2015-04-07-04:00'); the day is what the list means.
_XS_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:Z|[+-]\d{2}:\d{2})?$")


@register
class UnConsolidatedXml(Source):
    name = "un_xml"
    dataset = "un_sc_sanctions"
    title = LIST_TITLE
    downloads = (Download(DOWNLOAD_URL, "consolidated.xml"),)

    @classmethod
    def detect(cls, path: Path) -> bool:
        return path.is_file() and "<CONSOLIDATED_LIST" in sniff_text(path, 2048)

    def published(self, path: Path) -> date | None:
        """The date part of the root's dateGenerated attribute."""
        with path.open("rb") as handle:
            for _event, root in etree.iterparse(handle, events=("start",), **SAFE):
                stamp = root.get("dateGenerated") or ""
                try:
                    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).date()
                except ValueError:
                    return None
        return None

    def incomplete(self, path: Path, report: LoadReport) -> list[str]:
        """A whole document (read() stops on one cut short) that holds both of its sections."""
        found: set[str] = set()
        with path.open("rb") as handle:
            for _event, el in etree.iterparse(handle, events=("start",), **SAFE):
                if el.tag in SECTIONS:
                    found.add(str(el.tag))
                    if found == set(SECTIONS):
                        break
        return [f"{path.name} has no <{tag}> section" for tag in SECTIONS if tag not in found]

    def read(self, path: Path, report: LoadReport) -> Iterator[Entity]:
        seen: set[str] = set()
        for el in self._records(path):
            report.row(path.name)
            try:
                yield from self.entities(path.name, el, seen, report)
            except SourceError as error:
                report.reject(error, etree.tostring(el, encoding="unicode")[:4000])
            _release(el)

    def _records(self, path: Path) -> Iterator[Element]:
        """INDIVIDUAL and ENTITY elements, streamed; a broken file stops the load with its line."""
        try:
            with path.open("rb") as handle:
                events = etree.iterparse(handle, events=("end",), tag=tuple(RECORD_TAGS), **SAFE)
                yield from (el for _event, el in events)
        except etree.XMLSyntaxError as error:
            raise SourceAbort(f"invalid XML: {error.msg}", path=path.name, line=error.lineno) from None

    def entities(self, name: str, el: Element, seen: set[str], report: LoadReport) -> list[Entity]:
        """The listed party and its listing, or SourceError naming the element at fault."""
        line = el.sourceline or None
        dataid = child_text(el, "DATAID")
        caption = full_name(el)
        if not dataid:
            raise SourceError("record has no DATAID", path=name, line=line, field="DATAID")
        if not caption:
            raise SourceError("record has no name", path=name, line=line, field="FIRST_NAME")
        entity_id = f"{self.dataset}-{dataid}"
        if entity_id in seen:
            raise SourceError(f"second record with DATAID {dataid}", path=name, line=line, field="DATAID")
        seen.add(entity_id)
        party = self.party(name, el, entity_id, caption)
        return [party, self.listing(name, el, party, report)]

    def party(self, name: str, el: Element, entity_id: str, caption: str) -> Entity:
        ref = child_text(el, "REFERENCE_NUMBER")
        entity = Entity(
            entity_id,
            RECORD_TAGS[str(el.tag)],
            dataset=self.dataset,
            citation=f"{LIST_TITLE}, {name} line {el.sourceline} ({ref or 'DATAID ' + entity_id})",
            source_url=LIST_URL,
        )
        entity.add("name", caption)
        original = child_text(el, "NAME_ORIGINAL_SCRIPT")
        if original:
            entity.add("name", original, lang=script_lang(original))
        add_aliases(entity, el, f"{el.tag}_ALIAS")
        add_addresses(entity, el, f"{el.tag}_ADDRESS")
        entity.add("notes", child_text(el, "COMMENTS1"))
        if entity.schema == "Person":
            self.person(entity, el)
        return entity

    def person(self, entity: Entity, el: Element) -> None:
        entity.add_all("title", values(el, "TITLE"))
        entity.add_all("position", values(el, "DESIGNATION"))
        entity.add("gender", (child_text(el, "GENDER") or "").lower())
        for nationality in values(el, "NATIONALITY"):
            add_country(entity, "nationality", nationality)
        add_birth_dates(entity, el)
        add_documents(entity, el)

    def listing(self, name: str, el: Element, party: Entity, report: LoadReport) -> Entity:
        listed_on = child_text(el, "LISTED_ON")
        day = _XS_DATE.match(listed_on or "")
        if listed_on and not day:
            report.warn(f"{name} line {el.sourceline}: LISTED_ON {listed_on!r} is not a date; kept as a note")
            party.add("notes", f"listed on: {listed_on}")
        sanction = listing(
            party,
            list_title=LIST_TITLE,
            program=child_text(el, "UN_LIST_TYPE"),
            authority=AUTHORITY,
            since=day.group(1) if day else None,
            source_url=LIST_URL,
        )
        sanction.add("unscId", child_text(el, "REFERENCE_NUMBER"))
        sanction.add("modifiedAt", max(values(el, "LAST_DAY_UPDATED"), default=None))
        return sanction


def _release(el: Element) -> None:
    """Free a parsed record and the siblings before it, so memory stays flat on big files."""
    el.clear()
    parent = el.getparent()
    while parent is not None and el.getprevious() is not None:
        del parent[0]
