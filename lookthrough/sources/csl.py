"""US Consolidated Screening List (trade.gov): the CSV and JSON downloads, one party per entry.

The CSL merges thirteen lists of Commerce, State and the Treasury; each entry names the list it
comes from in `source`, which becomes the publisher of its listing.
"""

from __future__ import annotations

import csv
import re
from abc import abstractmethod
from collections.abc import Iterator
from pathlib import Path

from lookthrough.encoding import FIELD_LIMIT, csv_problem, json_raw, physical_lines
from lookthrough.exc import SourceAbort, SourceError
from lookthrough.model import Entity, listing
from lookthrough.sources import register
from lookthrough.sources._csl_ids import CMIC_LISTING_DATE, Identifier
from lookthrough.sources._csl_record import COLUMNS, Record, from_csv, from_json
from lookthrough.sources._json_array import iter_array
from lookthrough.sources._values import add_country
from lookthrough.sources.base import Download, LoadReport, Source, csv_header, sniff_text
from lookthrough.sources.ofac_csv import add_safely

TITLE = "US Consolidated Screening List (CSL)"
DOWNLOAD_BASE = "https://data.trade.gov/downloadable_consolidated_screening_list/v1/"
SCHEMA_BY_TYPE = {
    "individual": "Person",
    "entity": "Organization",
    "vessel": "Vessel",
    "aircraft": "Airplane",
}
PARTY_FIELDS = (
    ("title", "position"),
    ("call_sign", "callSign"),
    ("vessel_type", "type"),
    ("gross_tonnage", "tonnage"),
    ("gross_registered_tonnage", "grossRegisteredTonnage"),
)
"""CSL column -> FtM property of a person or vessel."""
PROVISIONS = (
    ("license_requirement", "License requirement"),
    ("license_policy", "License policy"),
    ("standard_order", "Standard order"),
)
_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def list_key(source: str) -> str:
    """'Entity List (EL) - Bureau of Industry and Security' -> 'el'."""
    abbreviations = re.findall(r"\(([^()]+)\)", source)
    return re.sub(r"[^a-z0-9]+", "-", (abbreviations[-1] if abbreviations else source).lower()).strip("-")


def agency(source: str) -> str:
    """The agency a CSL source name ends with: '... - Bureau of Industry and Security'."""
    return source.rsplit(" - ", 1)[-1].strip()


class CslSource(Source):
    """Shared reading of CSL entries; subclasses only turn their file into records."""

    dataset = "us_trade_csl"
    title = TITLE

    @abstractmethod
    def records(self, path: Path, report: LoadReport) -> Iterator[Record]:
        """The file's entries; rows that are not entries at all are rejected here."""

    def read(self, path: Path, report: LoadReport) -> Iterator[Entity]:
        seen: set[str] = set()
        for record in self.records(path, report):
            try:
                yield from self.entities(record, seen)
            except SourceError as error:
                report.reject(error, record.raw)

    def entities(self, record: Record, seen: set[str]) -> list[Entity]:
        """The listed party and its listing, or SourceError naming the field at fault."""
        source = record.get("source")
        name = record.get("name")
        number = record.get("entity_number") or record.get("_id")
        kind = (record.get("type") or "").lower()
        if not source:
            raise record.error("entry names no source list", "source")
        if not name:
            raise record.error("entry has no name", "name")
        if not number:
            raise record.error("entry has no id", "_id")
        if kind and kind not in SCHEMA_BY_TYPE:
            raise record.error(f"unknown type {record.get('type')!r}", "type")
        entity_id = f"{self.dataset}-{list_key(source)}-{number}"
        if entity_id in seen:
            raise record.error(f"second entry {number} on {source}", "_id")
        seen.add(entity_id)
        party = self.party(record, entity_id, SCHEMA_BY_TYPE.get(kind, "LegalEntity"))
        return [party, self.listing(record, party)]

    def party(self, record: Record, entity_id: str, schema: str) -> Entity:
        if schema in ("Organization", "LegalEntity") and any(
            i.prop in ("isinCode", "ticker") for i in record.ids
        ):
            schema = "Company"  # only FtM Companies carry ISINs and tickers
        entity = Entity(
            entity_id,
            schema,
            dataset=self.dataset,
            citation=f"{TITLE}, {record.path} line {record.line} ({record.get('source')}, "
            f"id {record.get('entity_number') or record.get('_id')})",
            source_url=record.get("source_information_url") or record.get("source_list_url"),
        )
        entity.add("name", record.get("name"))
        for alias in record.many("alt_names"):
            add_safely(entity, "alias", alias)
        for address, country in record.addresses:
            if address != country:  # an 'address' that is only a country code says no more than the country
                entity.add("address", address)
            add_country(entity, "country", country)
        entity.add("notes", record.get("remarks"))
        self.details(entity, record)
        for ident in record.ids:
            if not ident.about_listing:
                add_identifier(entity, ident)
        return entity

    def details(self, entity: Entity, record: Record) -> None:
        """Person and vessel fields; on any other kind of party they are kept as notes."""
        for key, prop in PARTY_FIELDS:
            if value := record.get(key):
                add_safely(entity, prop, value)
        for value in record.many("places_of_birth"):
            add_safely(entity, "birthPlace", value)
        for key, prop in (("nationalities", "nationality"), ("citizenships", "citizenship")):
            for value in record.many(key):
                add_country(entity, prop, value)
        for value in record.many("dates_of_birth"):
            born = value.removeprefix("circa").strip()
            if _PARTIAL_DATE.match(born):
                add_safely(entity, "birthDate", born)
            else:
                entity.add("notes", f"date of birth: {value}")
        add_country(entity, "flag", record.get("vessel_flag"))
        if owner := record.get("vessel_owner"):
            entity.add(
                "notes", f"vessel owner: {owner}"
            )  # a name, not an entity FtM's `owner` could point to

    def listing(self, record: Record, party: Entity) -> Entity:
        source = record.get("source") or ""
        programs = record.many("programs")
        cmic = next((i.number for i in record.ids if i.type == CMIC_LISTING_DATE), None)
        sanction = listing(
            party,
            list_title=source,
            program=programs[0] if programs else None,
            authority=agency(source),
            since=record.get("start_date") or cmic,
            source_url=record.get("source_list_url"),
        )
        sanction.add_all("program", programs[1:])
        sanction.add("authorityId", record.get("federal_register_notice"))
        sanction.add("endDate", record.get("end_date"))
        for key, label in PROVISIONS:
            if record.get(key):
                sanction.add("provisions", f"{label}: {record.get(key)}")
        sanction.add_all("provisions", [str(i) for i in record.ids if i.about_listing])
        return sanction


def add_identifier(entity: Entity, ident: Identifier) -> None:
    """An identifier as the property it fills, or as a note when none fits."""
    prop = ident.prop
    if prop in ("nationality", "citizenship", "jurisdiction"):
        add_country(entity, prop, ident.number)
    elif prop and ident.number:
        add_safely(entity, prop, ident.number.lower() if prop == "gender" else ident.number)
    else:
        entity.add("notes", str(ident))


@register
class CslCsv(CslSource):
    """consolidated.csv, current column layout."""

    name = "csl_csv"
    # Same entries as consolidated.json, which `update` fetches instead: one download, not two.
    url = DOWNLOAD_BASE + "consolidated.csv"

    @classmethod
    def detect(cls, path: Path) -> bool:
        try:
            header = csv_header(path)
        except csv.Error:  # binary files (xlsx, zip) can trip the csv module while sniffing
            return False
        return header[:6] == list(COLUMNS[:6]) and "source_list_url" in header

    def __init__(self) -> None:
        super().__init__()
        self.cut: str | None = None

    def records(self, path: Path, report: LoadReport) -> Iterator[Record]:
        csv.field_size_limit(FIELD_LIMIT)
        lines = physical_lines(self.text(path))
        reader = csv.reader(lines, strict=True)
        header = [c.strip() for c in _next(reader, path, 1) or []]
        missing = [c for c in COLUMNS if c not in header]
        if missing:
            raise SourceAbort(f"missing columns: {', '.join(missing)}", path=path.name, line=1)
        line = reader.line_num + 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as error:
                row, problem = [], csv_problem(error)
            else:
                problem = _row_problem(header, row) or ""
            report.row(path.name)
            if problem:
                raw = "".join(lines[line - 1 : reader.line_num]).rstrip("\r\n")[:4000]
                report.reject(SourceError(problem, path=path.name, line=line), raw)
                if reader.line_num == len(lines) and not lines[-1].endswith(("\n", "\r")):
                    self.cut = f"{path.name} ends inside a record (line {line})"
            else:
                yield from_csv(path.name, line, header, row)
            line = reader.line_num + 1

    def incomplete(self, path: Path, report: LoadReport) -> list[str]:
        """A last record cut short (no line end, fields missing or a quote left open)."""
        return [self.cut] if self.cut else []


def _next(reader: Iterator[list[str]], path: Path, line: int) -> list[str] | None:
    try:
        return next(reader, None)
    except csv.Error as error:
        raise SourceAbort(f"the header is not valid CSV: {error}", path=path.name, line=line) from None


def _row_problem(header: list[str], row: list[str]) -> str | None:
    if [c.strip() for c in row] == header:
        return "the row repeats the header"
    if len(row) != len(header):
        return f"expected {len(header)} fields, found {len(row)}"
    return None


@register
class CslJson(CslSource):
    """consolidated.json: an object whose `results` array holds the entries."""

    name = "csl_json"
    downloads = (Download(DOWNLOAD_BASE + "consolidated.json", "consolidated.json"),)

    @classmethod
    def detect(cls, path: Path) -> bool:
        head = sniff_text(path, 1 << 16).lstrip("\ufeff \t\r\n")
        return (
            head.startswith("{")
            and re.search(r'"results"\s*:\s*\[', head) is not None
            and ('"source_list_url"' in head or '"federal_register_notice"' in head)
        )

    def records(self, path: Path, report: LoadReport) -> Iterator[Record]:
        for line, item in iter_array(self.text(path), "results", path.name):
            report.row(path.name)
            try:
                yield from_json(path.name, line, item)
            except SourceError as error:
                report.reject(error, json_raw(item))
