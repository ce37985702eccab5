"""UK Sanctions List of the Foreign, Commonwealth & Development Office (FCDO), XML and CSV.

Since OFSI retired its Consolidated List on 28 January 2026 this is the UK's one official
list: every person, entity and ship designated under the Sanctions and Anti-Money Laundering
Act 2018, keyed by the FCDO's UniqueID (e.g. RUS0251). The CSV starts with a 'Report Date'
line, then one row per name of a designation.
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
from lookthrough.sources._party import ListInfo, build
from lookthrough.sources._uk_designation import GROUPS, Designation, to_party
from lookthrough.sources._utf8 import utf8_or_abort
from lookthrough.sources._xml import head_has, local, top_records
from lookthrough.sources.base import Download, LoadReport, Source, sniff_text

BASE = "https://sanctionslist.fcdo.gov.uk/docs/"
INFO = ListInfo(
    dataset="gb_fcdo_sanctions",
    title="UK Sanctions List",
    authority="UK Foreign, Commonwealth & Development Office (FCDO)",
    url="https://www.gov.uk/government/publications/the-uk-sanctions-list",
)
# CSV column -> (group, field) for repeating groups, or (None, tag) for single fields.
CSV_COLUMNS: dict[str, tuple[str | None, str]] = {
    **{f"Name {i}": ("Name", f"Name{i}") for i in range(1, 7)},
    "Name type": ("Name", "NameType"),
    "Alias strength": ("Name", "AliasStrength"),
    "Name non-latin script": ("NonLatinName", "NameNonLatinScript"),
    "Non-latin script type": ("NonLatinName", "NonLatinScriptType"),
    "Non-latin script language": ("NonLatinName", "NonLatinScriptLanguage"),
    **{f"Address Line {i}": ("Address", f"AddressLine{i}") for i in range(1, 7)},
    "Address Postal Code": ("Address", "AddressPostalCode"),
    "Address Country": ("Address", "AddressCountry"),
    "Passport number": ("Passport", "PassportNumber"),
    "Passport additional information": ("Passport", "PassportAdditionalInformation"),
    "National Identifier number": ("NationalIdentifier", "NationalIdentifierNumber"),
    "National Identifier additional information": (
        "NationalIdentifier",
        "NationalIdentifierAdditionalInformation",
    ),
    "Town of birth": ("Location", "TownOfBirth"),
    "Country of birth": ("Location", "CountryOfBirth"),
    "Last Updated": (None, "LastUpdated"),
    "Unique ID": (None, "UniqueID"),
    "OFSI Group ID": (None, "OFSIGroupID"),
    "UN Reference Number": (None, "UNReferenceNumber"),
    "Title": (None, "Title"),
    "Regime Name": (None, "RegimeName"),
    "Designation Type": (None, "IndividualEntityShip"),
    "Designation source": (None, "DesignationSource"),
    "Sanctions Imposed": (None, "SanctionsImposed"),
    "Other Information": (None, "OtherInformation"),
    "UK Statement of Reasons": (None, "UKStatementofReasons"),
    "Phone number": (None, "PhoneNumber"),
    "Website": (None, "Website"),
    "Email address": (None, "EmailAddress"),
    "Date Designated": (None, "DateDesignated"),
    "D.O.B": (None, "DOB"),
    "Nationality(/ies)": (None, "Nationality"),
    "Position": (None, "Position"),
    "Gender": (None, "Gender"),
    "Type of entity": (None, "TypeOfEntity"),
    "Subsidiaries": (None, "Subsidiary"),
    "Parent company": (None, "ParentCompany"),
    "Business registration number (s)": (None, "BusinessRegistrationNumber"),
    "IMO number": (None, "IMONumber"),
    "Current owner/operator (s)": (None, "CurrentOwnerOperator"),
    "Previous owner/operator (s)": (None, "PreviousOwnerOperator"),
    "Current believed flag of ship": (None, "CurrentBelievedFlagOfShip"),
    "Previous flags": (None, "PreviousFlag"),
    "Type of ship": (None, "TypeOfShip"),
    "Tonnage of ship": (None, "TonnageOfShip"),
    "Length of ship": (None, "LengthOfShip"),
    "Year Built": (None, "YearBuilt"),
    "Hull identification number (HIN)": (None, "HullIdentificationNumber"),
}
REQUIRED = ("Unique ID", "Name 6", "Name type", "Regime Name", "Designation Type")


class UkSanctionsListSource(Source):
    dataset = INFO.dataset
    title = INFO.title

    def read(self, path: Path, report: LoadReport) -> Iterator[Entity]:
        for designation in self.designations(path, report):
            try:
                party = to_party(designation)
                yield from build(party, INFO, f"UniqueID {party.key}")
            except SourceError as error:
                report.reject(error, str(designation.fields)[:4000])

    @abstractmethod
    def designations(self, path: Path, report: LoadReport) -> Iterator[Designation]:
        """The file's entries, streamed; records that cannot be read at all are rejected here."""


@register
class UkSanctionsListXml(UkSanctionsListSource):
    """UK-Sanctions-List.xml: <Designations> with <DateGenerated> and one <Designation> each."""

    name = "uk_sanctions_list_xml"
    downloads = (Download(BASE + "UK-Sanctions-List.xml", "UK-Sanctions-List.xml"),)

    @classmethod
    def detect(cls, path: Path) -> bool:
        return head_has(path, "<Designations") and "<Designation>" in sniff_text(path, 1 << 14)

    def published(self, path: Path) -> date | None:
        for el in top_records(path, "DateGenerated"):
            day = parse_day(el.text)
            return date.fromisoformat(day) if day and len(day) == 10 else None
        return None

    def designations(self, path: Path, report: LoadReport) -> Iterator[Designation]:
        for el in top_records(path, "Designation"):
            report.row(path.name)
            yield from_element(path.name, el)

    def incomplete(self, path: Path, report: LoadReport) -> list[str]:
        """Reasons the file looks cut short or partial; empty when whole."""
        return xml_incomplete(path, "Designations") + rows_incomplete(path, report)


def from_element(name: str, el: Element) -> Designation:
    found = Designation(name, el.sourceline)
    for child in el.iter():
        tag = local(child)
        if tag in GROUPS:
            found.group(tag, {local(c): c.text or "" for c in child if len(c) == 0})
        elif len(child) == 0 and local(child.getparent()) not in GROUPS:
            found.put(tag, child.text)
    return found


@register
class UkSanctionsListCsv(UkSanctionsListSource):
    """UK-Sanctions-List.csv: a 'Report Date' line, a header, one row per name."""

    name = "uk_sanctions_list_csv"
    url = BASE + "UK-Sanctions-List.csv"  # the XML carries the same designations

    @classmethod
    def detect(cls, path: Path) -> bool:
        head = sniff_text(path, 8192).lstrip("\ufeff")
        return head.startswith("Report Date") and "Unique ID" in head and "Regime Name" in head

    def published(self, path: Path) -> date | None:
        first = sniff_text(path, 200).lstrip("\ufeff").split("\n", 1)[0]
        stamp = first.partition(":")[2].strip().strip('",')
        for fmt in ("%d-%b-%Y", "%d/%m/%Y", "%Y-%m-%d"):
            try:
                from datetime import datetime

                return datetime.strptime(stamp, fmt).date()
            except ValueError:
                continue
        return None

    def designations(self, path: Path, report: LoadReport) -> Iterator[Designation]:
        found: dict[str, Designation] = {}
        with (
            utf8_or_abort(path.name, lambda: path.open("rb")),
            path.open(encoding="utf-8-sig", newline="") as handle,
        ):
            handle.readline()  # the 'Report Date: …' line
            reader = csv.reader(handle)
            header = [h.strip() for h in next(reader, [])]
            missing = [c for c in REQUIRED if c not in header]
            if missing:
                raise SourceAbort(f"missing columns: {', '.join(missing)}", path=path.name, line=2)
            line = reader.line_num + 2
            for row in reader:
                report.row(path.name)
                if len(row) != len(header):
                    error = SourceError(
                        f"expected {len(header)} fields, found {len(row)}", path=path.name, line=line
                    )
                    report.reject(error, ",".join(row))
                else:
                    _fold(found, dict(zip(header, row, strict=True)), path.name, line)
                line = reader.line_num + 2
        yield from found.values()

    def incomplete(self, path: Path, report: LoadReport) -> list[str]:
        """Reasons the file looks cut short or partial; empty when whole."""
        return text_incomplete(path) + rows_incomplete(path, report)


def _fold(found: dict[str, Designation], cells: dict[str, str], name: str, line: int) -> None:
    """Add one name row to its designation (rows of one designation share the Unique ID)."""
    key = cells.get("Unique ID", "").strip() or f"line {line}"
    designation = found.setdefault(key, Designation(name, line))
    groups: dict[str, dict[str, str]] = {}
    for column, value in cells.items():
        target = CSV_COLUMNS.get(column)
        if target is None:
            continue
        group, tag = target
        if group is None:
            designation.put(tag, value)
        else:
            groups.setdefault(group, {})[tag] = value
    for group, record in groups.items():
        designation.group(group, record)
