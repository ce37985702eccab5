"""Swiss sanctions list of the State Secretariat for Economic Affairs (SECO), XML.

<swiss-sanctions-list date=… list-type="whole-list"> holds the <sanctions-program>s (each
with its sanctions sets), the <place>s that addresses refer to, and one <target> per listed
individual, entity or object. A target keeps its history: <modification> records (listed,
amended, de-listed), each with nested copies of earlier states, which are not read as targets.
A target whose last modification is 'de-listed' is kept as a party with no listing.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from lxml.etree import _Element as Element

from lookthrough.exc import SourceError
from lookthrough.model import Entity
from lookthrough.sources import register
from lookthrough.sources._complete import rows_incomplete, xml_incomplete
from lookthrough.sources._dates import parse_day
from lookthrough.sources._party import ListInfo, Listing, Party, build, links_of
from lookthrough.sources._values import joined
from lookthrough.sources._xml import head_has, raw, root_attribute, top_records
from lookthrough.sources.base import Download, LoadReport, Source

INFO = ListInfo(
    dataset="ch_seco_sanctions",
    title="Swiss Sanctions List (SECO)",
    authority="Swiss State Secretariat for Economic Affairs (SECO)",
    url="https://www.seco.admin.ch/seco/en/home/Aussenwirtschaftspolitik_Wirtschaftliche_Zusammenarbeit/Wirtschaftsbeziehungen/exportkontrollen-und-sanktionen/sanktionen-embargos.html",
)
DOWNLOAD_URL = (
    "https://www.sesam.search.admin.ch/sesam-search-web/pages/downloadXmlGesamtliste.xhtml"
    "?lang=en&action=downloadXmlGesamtlisteAction"
)
SCHEMAS = {"individual": "Person", "entity": "Organization", "object": "Vessel"}
NAME_PROPS = {"primary-name": "name", "alias": "alias", "formerly-known-as": "previousName"}
DOCUMENT_PROPS = {
    "passport": "passportNumber",
    "diplomatic-passport": "passportNumber",
    "id-card": "idNumber",
}
ADDRESS_PARTS = ("c-o", "address-details", "p-o-box", "zip-code", "location", "area", "country")


@register
class SwissSecoXml(Source):
    name = "ch_seco_xml"
    dataset = INFO.dataset
    title = INFO.title
    downloads = (Download(DOWNLOAD_URL, "seco-sanctions.xml"),)

    @classmethod
    def detect(cls, path: Path) -> bool:
        return head_has(path, "<swiss-sanctions-list")

    def published(self, path: Path) -> date | None:
        day = parse_day(root_attribute(path, "date"))
        return date.fromisoformat(day) if day and len(day) == 10 else None

    def read(self, path: Path, report: LoadReport) -> Iterator[Entity]:
        programs: dict[str, str] = {}
        places: dict[str, dict[str, str]] = {}
        parties: list[Party] = []
        for el in top_records(path, "target", lambda other: _collect(other, programs, places)):
            report.row(path.name)
            try:
                party = self.party(path.name, el, programs, places)
                parties.append(party)
                yield from build(party, INFO, f"SSID {party.key}")
            except SourceError as error:
                report.reject(error, raw(el))
        known = {p.key for p in parties}
        for party in parties:
            edges, missing = links_of(party, INFO, known)
            yield from edges
            for target in missing:
                report.warn(
                    f"{path.name} line {party.line}: relation to target {target}, which is not on the list"
                )

    def party(
        self, name: str, el: Element, programs: dict[str, str], places: dict[str, dict[str, str]]
    ) -> Party:
        ssid = el.get("ssid") or ""
        party = Party(ssid, "LegalEntity", name, el.sourceline)
        if not ssid:
            raise party.error("target has no ssid", "ssid")
        node = next((c for c in el if c.tag in SCHEMAS), None)
        if node is None:
            raise party.error("target is neither individual, entity nor object", "target")
        party.schema = SCHEMAS[str(node.tag)]
        if node.tag == "object" and node.get("object-type") not in (None, "vessel"):
            party.schema = "LegalEntity"  # objects other than vessels: kept as a plain legal entity
        party.add("gender", (node.get("sex") or "").lower() or None)
        for identity in sorted(node.findall("identity"), key=lambda i: i.get("main") != "true"):
            _identity(party, identity, places)
        if not party.has_name():
            raise party.error("target has no primary name", "name")
        for text_el in (*node.findall("justification"), *node.findall("other-information")):
            party.add("notes", text_el.text)
        for relation in node.findall("relation"):
            why = joined((relation.get("relation-type"), relation.findtext("remark")), sep=": ")
            party.links.append((relation.get("target-id") or "", why or "related to"))
        self.listing(party, el, programs)
        return party

    def listing(self, party: Party, el: Element, programs: dict[str, str]) -> None:
        mods = sorted(el.findall("modification"), key=lambda m: m.get("effective-date") or "")
        listed = [m for m in mods if m.get("modification-type") == "listed"]
        if mods and mods[-1].get("modification-type") == "de-listed":
            party.add("notes", f"de-listed by SECO with effect from {mods[-1].get('effective-date')}")
            return
        set_id = el.get("sanctions-set-id") or el.findtext("sanctions-set-id") or ""
        values = [("authorityId", f"SSID {party.key}")]
        values += [("unscId", v) for v in [el.findtext("foreign-identifier")] if v]
        values += [("modifiedAt", d) for m in mods[-1:] if (d := parse_day(m.get("effective-date")))]
        since = parse_day(listed[0].get("effective-date")) if listed else None
        party.listings.append(Listing(programs.get(set_id, set_id or None), since, values))

    def incomplete(self, path: Path, report: LoadReport) -> list[str]:
        """Reasons the file looks cut short or partial; empty when whole."""
        return xml_incomplete(path, "swiss-sanctions-list") + rows_incomplete(path, report)


def _collect(el: Element, programs: dict[str, str], places: dict[str, dict[str, str]]) -> None:
    """Keep a programme's sanctions sets and a place's parts, which targets refer to by ssid."""
    if el.tag == "sanctions-program":
        key = el.findtext("program-key[@lang='eng']") or el.findtext("program-key") or ""
        for sanctions_set in el.findall("sanctions-set"):
            label = joined((key, sanctions_set.text), sep=" – ")
            set_id = sanctions_set.get("ssid") or ""
            if sanctions_set.get("lang") in (None, "eng") or set_id not in programs:
                programs[set_id] = label or key
    elif el.tag == "place":
        places[el.get("ssid") or ""] = {p: el.findtext(p) or "" for p in ADDRESS_PARTS}


def _identity(party: Party, identity: Element, places: dict[str, dict[str, str]]) -> None:
    for name in identity.findall("name"):
        prop = NAME_PROPS.get(name.get("name-type") or "", "alias")
        if prop == "name" and party.has_name():
            prop = "alias"
        if name.get("quality") == "low":
            prop = "weakAlias"
        parts = sorted(name.findall("name-part"), key=lambda p: int(p.get("order") or 0))
        party.add(prop, joined((p.findtext("value") for p in parts), sep=" "))
        for part in parts:
            for variant in part.findall("spelling-variant"):
                party.add("alias", variant.text, (variant.get("lang") or None))
    for address in identity.findall("address"):
        place = dict(places.get(address.get("place-id") or "", {}))
        place.update({p: address.findtext(p) or "" for p in ADDRESS_PARTS if address.findtext(p)})
        party.add("address", joined(place.get(p) for p in ADDRESS_PARTS))
        party.add("country", place.get("country"))
    for born in identity.findall("day-month-year"):
        day = "-".join(p for p in (born.get("year"), _two(born.get("month")), _two(born.get("day"))) if p)
        party.add(
            "birthDate" if party.schema == "Person" else "incorporationDate", parse_day(day) or day or None
        )
    for birth_place in identity.findall("place-of-birth"):
        place = places.get(birth_place.get("place-id") or "", {})
        party.add("birthPlace", joined(place.get(p) for p in ("location", "area", "country")))
    for nationality in identity.findall("nationality"):
        country = nationality.find("country")
        if country is not None:
            party.add("nationality", country.get("iso-code") or country.text)
    for doc in identity.findall("identification-document"):
        number = doc.findtext("number")
        doc_prop = DOCUMENT_PROPS.get(doc.get("document-type") or "")
        if doc_prop:
            party.add(doc_prop, number)
        details = joined(
            (
                doc.get("document-type"),
                number,
                doc.findtext("issuer"),
                doc.findtext("date-of-issue"),
                doc.findtext("expiry-date"),
                doc.findtext("remark"),
            )
        )
        party.add("notes", details and f"document: {details}")


def _two(value: str | None) -> str | None:
    return f"{int(value):02d}" if value and value.isdigit() else None
