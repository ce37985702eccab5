"""UK Sanctions List of the Foreign, Commonwealth & Development Office (FCDO), XML, CSV and ODS.

Since OFSI retired its Consolidated List on 28 January 2026 this is the UK's one official
list: every person, entity and ship designated under the Sanctions and Anti-Money Laundering
Act 2018, keyed by the FCDO's UniqueID (e.g. RUS0251). The CSV starts with a 'Report Date'
line, then one row per name of a designation.

The ODS (UK_Sanctions_List.ods, attached to the gov.uk publication page "The UK Sanctions
List") is the CSV's table as one sheet: the same columns in the same order, one row per name,
under a 'Report Date' row (public parsers of the 2022-24 editions start the data at the fourth
row: the date, a second row, the header; the header is looked for in the first rows, so a sheet
with the header right under the date reads too). Its rows go through the CSV's row logic
(`_designations`), numbered as a spreadsheet shows them; date and number cells are written back
as the CSV writes them. It is read with python-calamine
(MIT): bindings to the Rust calamine reader, maintained and released through 2026, one wheel
that read a sheet of 40,000 rows by 58 columns (a 270 MB content.xml) in 1.5 s and 280 MB.
pandas' odf engine would add pandas and odfpy (last released 2020) to the dependencies and build
an XML DOM of the whole document.
"""

from __future__ import annotations

import csv
import re
import zipfile
import zlib
from abc import abstractmethod
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Protocol

from lxml.etree import _Element as Element
from python_calamine import CalamineWorkbook

from lookthrough.exc import SourceAbort, SourceError
from lookthrough.model import Entity
from lookthrough.sources import register
from lookthrough.sources._complete import rows_incomplete, text_incomplete, xml_incomplete, zip_incomplete
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


class _CsvReader(Protocol):
    line_num: int

    def __iter__(self) -> Iterator[list[str]]: ...


REPORT_DATE_FORMATS = ("%d-%b-%Y", "%d/%m/%Y", "%Y-%m-%d")
ODS_HEAD_ROWS = 10
"""Rows of the ODS searched for its header (the row naming 'Unique ID')."""
_PUBLISHED_NAME = re.compile(r"uk[_ -]sanctions[_ -]list\.ods", re.IGNORECASE)
"""The ODS's published name, which detects it even when the archive is cut short."""


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
        return report_date(sniff_text(path, 200).lstrip("\ufeff").split("\n", 1)[0])

    def designations(self, path: Path, report: LoadReport) -> Iterator[Designation]:
        with (
            utf8_or_abort(path.name, lambda: path.open("rb")),
            path.open(encoding="utf-8-sig", newline="") as handle,
        ):
            handle.readline()  # the 'Report Date: …' line
            reader = csv.reader(handle)
            header = next(reader, [])
            yield from _designations(path.name, header, 2, _numbered(reader), report)

    def incomplete(self, path: Path, report: LoadReport) -> list[str]:
        """Reasons the file looks cut short or partial; empty when whole."""
        return text_incomplete(path) + rows_incomplete(path, report)


def report_date(line: str) -> date | None:
    """The date of a 'Report Date: 02-Sep-2026' line (or of its cells joined), or None."""
    stamp = line.partition(":")[2].strip().strip('",').strip()
    for fmt in REPORT_DATE_FORMATS:
        try:
            return datetime.strptime(stamp, fmt).date()
        except ValueError:
            continue
    return None


def _numbered(reader: _CsvReader) -> Iterator[tuple[int, list[str]]]:
    """The CSV's rows after its header, each with the line it starts on."""
    line = reader.line_num + 2  # + the 'Report Date' line read before the reader
    for row in reader:
        yield line, row
        line = reader.line_num + 2


def _designations(
    name: str, header: list[str], header_line: int, rows: Iterable[tuple[int, list[str]]], report: LoadReport
) -> Iterator[Designation]:
    """The row logic of the CSV and the ODS: each name row (line, cells) under `header` added to
    its designation; a row whose width is not the header's is rejected with its line."""
    header = [h.strip() for h in header]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise SourceAbort(f"missing columns: {', '.join(missing)}", path=name, line=header_line)
    found: dict[str, Designation] = {}
    for line, row in rows:
        report.row(name)
        if len(row) != len(header):
            error = SourceError(f"expected {len(header)} fields, found {len(row)}", path=name, line=line)
            report.reject(error, ",".join(row))
        else:
            _fold(found, dict(zip(header, row, strict=True)), name, line)
    yield from found.values()


@register
class UkSanctionsListOds(UkSanctionsListSource):
    """UK_Sanctions_List.ods: the CSV's table in one sheet; a 'Report Date' row, the header, one
    row per name. gov.uk serves each edition at a new address (assets.publishing.service.gov.uk
    /media/<id>/UK_Sanctions_List.ods), so `update` downloads the XML and this file is loaded
    with `update --from`."""

    name = "uk_sanctions_list_ods"

    @classmethod
    def detect(cls, path: Path) -> bool:
        if path.suffix.lower() != ".ods":
            return False
        try:
            with zipfile.ZipFile(path) as archive, archive.open("content.xml") as content:
                head = content.read(1 << 22)  # styles come first; the header is in the first rows
        # Not a whole ODS archive: the published file cut short is still this format (so the load
        # says what is wrong with it); any other such file is not.
        except (OSError, EOFError, KeyError, ValueError, RuntimeError, zipfile.BadZipFile, zlib.error):
            return path.is_file() and _PUBLISHED_NAME.fullmatch(path.name) is not None
        return b"Unique ID" in head and b"Regime Name" in head

    def published(self, path: Path) -> date | None:
        try:
            for _line, cells in _ods_rows(path):
                text = " ".join(c for c in cells if c)
                if text.lower().startswith("report date"):
                    return report_date(text)
                if "Unique ID" in (c.strip() for c in cells):
                    return None  # the header: no date above it
        except SourceAbort:
            return None  # reading the rows names the damage
        return None

    def designations(self, path: Path, report: LoadReport) -> Iterator[Designation]:
        rows = _ods_rows(path)
        header_line, header = _ods_header(path.name, rows)
        width = len(header)
        body = ((line, _fitted(cells, width)) for line, cells in rows if any(c.strip() for c in cells))
        yield from _designations(path.name, header, header_line, body, report)

    def incomplete(self, path: Path, report: LoadReport) -> list[str]:
        """Reasons the file looks cut short or partial; empty when whole."""
        return zip_incomplete(path) + rows_incomplete(path, report)


def _ods_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """The first sheet's rows as cell texts, numbered as a spreadsheet shows them (from 1)."""
    try:
        book = CalamineWorkbook.from_path(str(path))
        try:
            sheet = book.get_sheet_by_index(0)
        finally:
            book.close()
    # calamine raises its CalamineError family (ZipError, XmlError, WorksheetNotFound ...) and the
    # zip layer more for a damaged file; all of them mean "not a readable spreadsheet".
    except Exception as error:
        raise SourceAbort(f"cannot read the spreadsheet: {error}", path=path.name, line=1) from None
    # iter_rows starts at the sheet's first row even when it is empty, so the count is the row number.
    for line, values in enumerate(sheet.iter_rows(), 1):
        yield line, [_cell_text(v) for v in values]


def _ods_header(name: str, rows: Iterator[tuple[int, list[str]]]) -> tuple[int, list[str]]:
    """The header (the first row naming 'Unique ID') and its row number; rows above it are the
    report date and blank rows."""
    for line, cells in rows:
        if "Unique ID" in (c.strip() for c in cells):
            return line, _trimmed(cells)
        if line >= ODS_HEAD_ROWS:
            break
    raise SourceAbort(f"no header row (one naming 'Unique ID') in the first {ODS_HEAD_ROWS} rows",
                      path=name, line=1)  # fmt: skip


def _cell_text(value: object) -> str:
    """A cell as the CSV writes it: dates day-first, whole numbers without '.0'."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, time | timedelta):
        return str(value)
    return "" if value is None else str(value)


def _trimmed(cells: list[str]) -> list[str]:
    """A row without the empty cells after its last value."""
    end = len(cells)
    while end and not cells[end - 1].strip():
        end -= 1
    return cells[:end]


def _fitted(cells: list[str], width: int) -> list[str]:
    """A row without its trailing empty cells, padded to the header's width; one with a value
    past the header stays wider, and is rejected for it."""
    kept = _trimmed(cells)
    return kept if len(kept) > width else kept + [""] * (width - len(kept))


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
