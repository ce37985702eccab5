"""Australian Consolidated Sanctions List (DFAT), XLSX.

One row per name: the party's Reference number (e.g. '101') on its primary name, the same
number with a letter ('101a', '101b') on its aliases and original-script names, the other
columns repeated. Committees names the regime; Control Date is the listing date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from lookthrough.exc import SourceAbort, SourceError
from lookthrough.model import Entity
from lookthrough.sources import register
from lookthrough.sources._complete import rows_incomplete, zip_incomplete
from lookthrough.sources._dates import parse_day
from lookthrough.sources._party import ListInfo, Listing, Party, build
from lookthrough.sources._values import text
from lookthrough.sources.base import Download, LoadReport, Source

INFO = ListInfo(
    dataset="au_dfat_sanctions",
    title="Australian Consolidated Sanctions List",
    authority="Australian Government, Department of Foreign Affairs and Trade (DFAT)",
    url="https://www.dfat.gov.au/international-relations/security/sanctions/consolidated-list",
)
DOWNLOAD_URL = "https://www.dfat.gov.au/sites/default/files/Australian_Sanctions_Consolidated_List.xlsx"
REQUIRED = ("Reference", "Name of Individual or Entity", "Type", "Name Type", "Committees")
SCHEMAS = {"individual": "Person", "entity": "Organization", "vessel": "Vessel"}
NAME_PROPS = {"primary name": "name", "alias": "alias", "original script": "alias"}
PROVISIONS = ("Targeted Financial Sanction", "Travel Ban", "Arms Embargo", "Maritime Restriction")
_REFERENCE = re.compile(r"^(\d+)([a-z]*)$", re.IGNORECASE)
# Itemised cells: 'a) 30/04/1963 b) 1960'
_ITEMS = re.compile(r"(?:^|\s|;)[a-z]\)\s*")

Row = tuple[int, dict[str, str]]


def _cell(value: Any) -> str | None:
    if isinstance(value, datetime | date):
        return (value.date() if isinstance(value, datetime) else value).isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return text(value)


def items(value: str | None) -> list[str]:
    return [p.strip(" ;,") for p in _ITEMS.split(value or "") if p.strip(" ;,")]


@register
class AustraliaDfatXlsx(Source):
    name = "au_dfat_xlsx"
    dataset = INFO.dataset
    title = INFO.title
    downloads = (Download(DOWNLOAD_URL, "Australian_Sanctions_Consolidated_List.xlsx"),)

    @classmethod
    def detect(cls, path: Path) -> bool:
        if path.suffix.lower() != ".xlsx":
            return False
        try:
            header = next(cls._rows(path), [])
        # Any file openpyxl cannot open is simply not this format.
        except Exception:
            return False
        return "Name of Individual or Entity" in header and "Reference" in header

    @staticmethod
    def _rows(path: Path) -> Iterator[list[str | None]]:
        line = 0  # rows read whole; a failure is on the next one
        try:
            book = load_workbook(path, read_only=True, data_only=True)
            try:
                for row in book.worksheets[0].iter_rows(values_only=True):
                    yield [_cell(v) for v in row]
                    line += 1
            finally:
                book.close()
        # openpyxl and the zip and XML layers under it raise many types for a damaged workbook.
        except Exception as error:
            raise SourceAbort(f"cannot read the workbook: {error}", path=path.name, line=line + 1) from None

    def read(self, path: Path, report: LoadReport) -> Iterator[Entity]:
        groups: dict[str, list[Row]] = {}
        rows = self._rows(path)
        header = [h or "" for h in next(rows, [])]
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise SourceAbort(f"missing columns: {', '.join(missing)}", path=path.name, line=1)
        for line, values in enumerate(rows, 2):
            if not any(values):
                continue  # spreadsheets end with empty formatted rows; they hold no record
            report.row(path.name)
            cells = {h: v for h, v in zip(header, values, strict=False) if h and v}
            found = _REFERENCE.match(cells.get("Reference", ""))
            if not found:
                error = SourceError(
                    f"Reference {cells.get('Reference')!r} is not a number",
                    path=path.name,
                    line=line,
                    field="Reference",
                )
                report.reject(error, str(cells))
                continue
            groups.setdefault(found.group(1), []).append((line, cells))
        for reference, group in groups.items():
            try:
                party = self.party(path.name, reference, group)
                yield from build(party, INFO, f"Reference {reference}")
            except SourceError as error:
                report.reject(error, str(group[0][1]))
                for _ in group[1:]:
                    report.reject(error, "")  # every row of the party is rejected with it

    def party(self, name: str, reference: str, rows: list[Row]) -> Party:
        first_line, _first = rows[0]
        party = Party(reference, "LegalEntity", name, first_line)
        kinds = {c.get("Type", "").lower() for _, c in rows}
        if len(kinds) != 1 or next(iter(kinds)) not in SCHEMAS:
            raise party.error(
                f"Reference {reference}: Type {sorted(kinds)} is not one of {sorted(SCHEMAS)}", "Type"
            )
        party.schema = SCHEMAS[kinds.pop()]
        ordered = sorted(rows, key=lambda r: r[1].get("Name Type", "").lower() != "primary name")
        for _, cells in ordered:
            prop = NAME_PROPS.get(cells.get("Name Type", "").lower(), "alias")
            if prop == "name" and party.has_name():
                prop = "alias"
            if cells.get("Alias Strength", "").lower() == "weak":
                prop = "weakAlias"
            party.add(prop, cells.get("Name of Individual or Entity"))
        if not party.has_name():
            raise party.error(f"Reference {reference} has no primary name", "Name Type")
        for _, cells in rows:
            self.details(party, cells)
        return party

    def details(self, party: Party, cells: dict[str, str]) -> None:
        for born in items(cells.get("Date of Birth")):
            party.add("birthDate", parse_day(born) or born)
        for place in items(cells.get("Place of Birth")):
            party.add("birthPlace", place)
        for country in re.split(r"[;]", cells.get("Citizenship", "")):
            party.add("nationality" if party.schema == "Person" else "country", country.strip())
        for address in items(cells.get("Address")):
            party.add("address", address.replace("_x000D_", " "))
        party.add("imoNumber", cells.get("IMO Number"))
        party.add("notes", (cells.get("Additional Information") or "").replace("_x000D_", " ") or None)
        values = [
            ("provisions", p) for p in PROVISIONS if (cells.get(p) or "").lower() in ("yes", "true", "y")
        ]
        for column in ("Listing Information", "Instrument of Designation"):
            if cells.get(column) and not parse_day(cells[column]):
                values.append(("summary", f"{column}: {cells[column]}"))
        since = parse_day(cells.get("Control Date")) or parse_day(cells.get("Listing Information"))
        party.listings.append(Listing(cells.get("Committees"), since, values))

    def incomplete(self, path: Path, report: LoadReport) -> list[str]:
        """Reasons the file looks cut short or partial; empty when whole."""
        return zip_incomplete(path) + rows_incomplete(path, report)
