"""EU Consolidated Financial Sanctions List (Financial Sanctions Files, FSF), XML and CSV.

Both exports of the list of persons, groups and entities subject to EU financial sanctions,
published by the European Commission (DG FISMA). Each entity is keyed by its FSF logicalId, so
an XML and a CSV snapshot of the same day give the same parties.
"""

from __future__ import annotations

import csv
from abc import abstractmethod
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from lxml.etree import _Element as Element

from lookthrough.exc import SourceAbort, SourceError
from lookthrough.model import Entity
from lookthrough.sources import register
from lookthrough.sources._complete import rows_incomplete, text_incomplete, xml_incomplete
from lookthrough.sources._dates import parse_day
from lookthrough.sources._eu_record import EuEntry, to_party
from lookthrough.sources._party import ListInfo, build
from lookthrough.sources._utf8 import utf8_or_abort
from lookthrough.sources._xml import head_has, local, raw, root_attribute, top_records
from lookthrough.sources.base import Download, LoadReport, Source, csv_header

NAMESPACE = "http://eu.europa.ec/fpi/fsd/export"
BASE = "https://webgate.ec.europa.eu/fsd/fsf/public/files/"
TOKEN = "?token=dG9rZW4tMjAxNw"  # the public token the Commission's data.europa.eu entry gives
XML_URL = f"{BASE}xmlFullSanctionsList_1_1/content{TOKEN}"
CSV_URL = f"{BASE}csvFullSanctionsList_1_1/content{TOKEN}"
INFO = ListInfo(
    dataset="eu_fsf",
    title="EU Consolidated Financial Sanctions List",
    authority="European Union (Council of the EU; list kept by the European Commission, DG FISMA)",
    url="https://data.europa.eu/data/datasets/consolidated-list-of-persons-groups-and-entities-subject-to-eu-financial-sanctions",
)
CHILDREN = ("regulation", "nameAlias", "citizenship", "birthdate", "address", "identification")
CSV_CHILDREN = {
    "NameAlias": "nameAlias",
    "Address": "address",
    "BirthDate": "birthdate",
    "Identification": "identification",
    "Citizenship": "citizenship",
}
CSV_RENAMES = {
    "BirthDate": "birthdate",
    "Day": "dayOfMonth",
    "Month": "monthOfYear",
    "TypeCode": "identificationTypeCode",
    "TypeDescription": "identificationTypeDescription",
}
REQUIRED_COLUMNS = ("Entity_LogicalId", "Entity_SubjectType", "NameAlias_WholeName")


class EuFsfSource(Source):
    dataset = INFO.dataset
    title = INFO.title

    def read(self, path: Path, report: LoadReport) -> Iterator[Entity]:
        for entry in self.entries(path, report):
            try:
                party = to_party(entry)
                yield from build(party, INFO, self.ref(entry))
            except SourceError as error:
                report.reject(error, str(entry.attrs))

    def ref(self, entry: EuEntry) -> str:
        number = entry.attrs.get("euReferenceNumber")
        return (
            f"{number}, logicalId {entry.attrs.get('logicalId')}"
            if number
            else f"logicalId {entry.attrs.get('logicalId')}"
        )

    @abstractmethod
    def entries(self, path: Path, report: LoadReport) -> Iterator[EuEntry]:
        """The file's entries, streamed; records that cannot be read at all are rejected here."""


@register
class EuFsfXml(EuFsfSource):
    """xmlFullSanctionsList_1_1: one <sanctionEntity> per listed party."""

    name = "eu_fsf_xml"
    downloads = (Download(XML_URL, "eu_fsf.xml"),)

    @classmethod
    def detect(cls, path: Path) -> bool:
        return head_has(path, NAMESPACE, "<export")

    def published(self, path: Path) -> date | None:
        day = parse_day((root_attribute(path, "generationDate") or "")[:10])
        return date.fromisoformat(day) if day and len(day) == 10 else None

    def entries(self, path: Path, report: LoadReport) -> Iterator[EuEntry]:
        for el in top_records(path, "sanctionEntity"):
            report.row(path.name)
            try:
                yield from_element(path.name, el)
            except SourceError as error:
                report.reject(error, raw(el))

    def incomplete(self, path: Path, report: LoadReport) -> list[str]:
        """Reasons the file looks cut short or partial; empty when whole."""
        return xml_incomplete(path, "export") + rows_incomplete(path, report)


def from_element(name: str, el: Element) -> EuEntry:
    entry = EuEntry(dict(el.attrib), name, el.sourceline)
    for child in el:
        tag = local(child)
        if tag == "remark" and child.text:
            entry.remarks.append(child.text.strip())
        elif tag == "subjectType":
            entry.subject = dict(child.attrib)
        elif tag in CHILDREN:
            attrs = dict(child.attrib)
            for part in child:
                part_tag = local(part)
                if part_tag in ("remark", "publicationUrl") and part.text:
                    attrs[part_tag] = part.text.strip()
                elif part_tag == "contactInfo":
                    line = f"{part.get('key', '')}={part.get('value', '')}"
                    attrs["contactInfo"] = "\n".join(filter(None, (attrs.get("contactInfo"), line)))
            entry.add(tag, attrs)
    return entry


@register
class EuFsfCsv(EuFsfSource):
    """csvFullSanctionsList_1_1: semicolon-separated, the entity's columns repeated per child row."""

    name = "eu_fsf_csv"
    url = CSV_URL  # same list as the XML, which `update` downloads: one download, not two

    @classmethod
    def detect(cls, path: Path) -> bool:
        first = csv_header(path)
        return len(first) == 1 and "entity_logicalid" in first[0] and ";" in first[0]

    def published(self, path: Path) -> date | None:
        # Only the date is read here: a bad byte is the load's to report, with its line.
        with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
            rows = csv.DictReader(handle, delimiter=";")
            first = next(rows, None)
        day = parse_day((first or {}).get("fileGenerationDate"))
        return date.fromisoformat(day) if day and len(day) == 10 else None

    def entries(self, path: Path, report: LoadReport) -> Iterator[EuEntry]:
        entries: dict[str, EuEntry] = {}
        with (
            utf8_or_abort(path.name, lambda: path.open("rb")),
            path.open(encoding="utf-8-sig", newline="") as handle,
        ):
            reader = csv.reader(handle, delimiter=";")
            header = next(reader, [])
            missing = [c for c in REQUIRED_COLUMNS if c not in header]
            if missing:
                raise SourceAbort(f"missing columns: {', '.join(missing)}", path=path.name, line=1)
            line = reader.line_num + 1
            for row in reader:
                report.row(path.name)
                if len(row) != len(header):
                    error = SourceError(
                        f"expected {len(header)} fields, found {len(row)}", path=path.name, line=line
                    )
                    report.reject(error, ";".join(row))
                else:
                    add_row(entries, dict(zip(header, row, strict=True)), path.name, line)
                line = reader.line_num + 1
        yield from entries.values()

    def incomplete(self, path: Path, report: LoadReport) -> list[str]:
        """Reasons the file looks cut short or partial; empty when whole."""
        return text_incomplete(path) + rows_incomplete(path, report)


def add_row(entries: dict[str, EuEntry], cells: dict[str, str], name: str, line: int) -> None:
    """Fold one CSV row into its entity (rows of one entity share Entity_LogicalId)."""
    key = cells.get("Entity_LogicalId", "").strip()
    entry = entries.get(key)
    if entry is None:
        attrs = {
            "logicalId": key,
            "euReferenceNumber": cells.get("Entity_EU_ReferenceNumber", ""),
            "unitedNationId": cells.get("Entity_UnitedNationId", ""),
            "designationDate": cells.get("Entity_DesignationDate", ""),
            "designationDetails": cells.get("Entity_DesignationDetails", ""),
        }
        entry = entries[key or f"line {line}"] = EuEntry(attrs, name, line)
        entry.subject = {
            "code": cells.get("Entity_SubjectType", ""),
            "classificationCode": cells.get("Entity_SubjectType_ClassificationCode", ""),
        }
    if (remark := cells.get("Entity_Remark", "").strip()) and remark not in entry.remarks:
        entry.remarks.append(remark)
    regulation = _prefixed(cells, "Entity_Regulation_")
    if regulation:
        regulation["programme"] = regulation.pop("programme", "")
        regulation["regulationType"] = regulation.pop("type", "")
        entry.add("regulation", regulation)
    for prefix, kind in CSV_CHILDREN.items():
        attrs = _prefixed(cells, f"{prefix}_")
        if attrs.get("logicalId") or len(attrs) > 1:
            entry.add(kind, attrs)


def _prefixed(cells: dict[str, str], prefix: str) -> dict[str, str]:
    """Non-empty cells under `prefix`, named as the XML attribute (the child's own regulation left out)."""
    out = {}
    for column, value in cells.items():
        if not column.startswith(prefix) or not value.strip():
            continue
        rest = column[len(prefix) :]
        if rest.startswith("Regulation") and prefix != "Entity_Regulation_":
            continue
        name = CSV_RENAMES.get(rest, rest[:1].lower() + rest[1:])
        out[name] = value.strip()
    return out
