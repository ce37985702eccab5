"""UK OFSI Consolidated List of Asset Freeze Targets, xlsx: one row per name, grouped by Group ID.

OFSI retired this list on 28 January 2026; since then the FCDO's UK Sanctions List is the only
official UK list (https://www.gov.uk/government/publications/the-uk-sanctions-list, XML at
https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml, one <Designation> per party keyed by
UniqueID). So `update` downloads nothing for this adapter: a frozen list must not pass for a
current one. It still reads ConList.xlsx files published up to that date.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Generator, Iterator
from contextlib import closing
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from lookthrough.exc import SourceAbort, SourceError
from lookthrough.model import Entity, listing
from lookthrough.sources import register
from lookthrough.sources._ofsi_info import enumerated, parse_info
from lookthrough.sources._values import add_country, joined, language_code, text
from lookthrough.sources.base import LoadReport, Source
from lookthrough.sources.ofac_csv import add_safely

LIST_TITLE = "UK OFSI Consolidated List of Asset Freeze Targets"
AUTHORITY = "HM Treasury, Office of Financial Sanctions Implementation (OFSI)"
LIST_URL = "https://www.gov.uk/government/publications/financial-sanctions-consolidated-list-of-targets"
RETIRED_URL = "https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.xlsx"
HEADER_LINE = 2
REQUIRED = ("Name 6", "Group Type", "Alias Type", "Regime", "Listed On", "Group ID")
SCHEMAS = {"individual": "Person", "entity": "Organization", "ship": "Vessel"}
NAME_PROPS = {
    "primary name": "name",
    "primary name variation": "alias",
    "aka": "alias",
    "fka": "previousName",
}
ADDRESS = (
    "Address 1",
    "Address 2",
    "Address 3",
    "Address 4",
    "Address 5",
    "Address 6",
    "Post/Zip Code",
    "Country",
)
NAMES = ("Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6")
_DMY = re.compile(r"^(\d{2})/(\d{2})/(\d{4})$")
_MY = re.compile(r"^(\d{2})/(\d{4})$")

Row = tuple[int, dict[str, str]]


def uk_date(value: str | None) -> str | None:
    """'10/04/2025' -> '2025-04-10'; OFSI writes unknown parts as 00 ('00/00/1970' -> '1970')."""
    found = _DMY.match(value or "")
    if found:
        day, month, year = found.groups()
        if month == "00":
            return year
        return f"{year}-{month}" if day == "00" else f"{year}-{month}-{day}"
    month_year = _MY.match(value or "")
    if month_year:
        return f"{month_year.group(2)}-{month_year.group(1)}"
    return value if value and re.fullmatch(r"\d{4}", value) else None


def _cell(value: Any) -> str | None:
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    return text(value)


@register
class OfsiConsolidatedXlsx(Source):
    name = "uk_ofsi_xlsx"
    dataset = "gb_hmt_ofsi"
    title = LIST_TITLE

    @classmethod
    def detect(cls, path: Path) -> bool:
        if path.suffix.lower() != ".xlsx":
            return False
        try:
            with closing(cls._sheet_rows(path, HEADER_LINE)) as rows:
                header = next(rows, [])
        # Any file that openpyxl cannot open is simply not this format.
        except Exception:
            return False
        return "Group ID" in header and "Name 6" in header

    @staticmethod
    def _sheet_rows(path: Path, skip: int = 0) -> Generator[list[str | None], None, None]:
        """Rows of the first sheet as text, starting after `skip - 1` rows."""
        book = load_workbook(path, read_only=True, data_only=True)
        try:
            for row in book.worksheets[0].iter_rows(min_row=max(skip, 1), values_only=True):
                yield [_cell(v) for v in row]
        finally:
            book.close()

    def published(self, path: Path) -> date | None:
        """The 'Last Updated' date in cell B1."""
        with closing(self._sheet_rows(path)) as rows:
            first = next(rows, [])
        stamp = uk_date(first[1] if len(first) > 1 and first[0] == "Last Updated" else None)
        return date.fromisoformat(stamp) if stamp and len(stamp) == 10 else None

    def read(self, path: Path, report: LoadReport) -> Iterator[Entity]:
        groups: dict[str, list[Row]] = {}
        for line, cells in self._rows(path, report):
            problem = self._problem(cells, groups)
            if problem:
                report.reject(
                    SourceError(problem[1], path=path.name, line=line, field=problem[0]), _raw(cells)
                )
            else:
                groups.setdefault(cells["Group ID"], []).append((line, cells))
        for group_id, rows in groups.items():
            if not any(NAME_PROPS.get(c.get("Alias Type", "").lower()) == "name" for _, c in rows):
                report.warn(f"{path.name}: Group ID {group_id} has no primary name row")
            yield from self.entities(path.name, group_id, rows)

    def incomplete(self, path: Path, report: LoadReport) -> list[str]:
        """Every part of the workbook must be whole (the zip's checksums say so)."""
        try:
            with zipfile.ZipFile(path) as archive:
                damaged = archive.testzip()
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as error:
            return [f"{path.name} is not a whole xlsx file ({error})"]
        return [f"{path.name}: the part {damaged} is damaged"] if damaged else []

    def _rows(self, path: Path, report: LoadReport) -> Iterator[Row]:
        line = HEADER_LINE
        try:
            rows = self._sheet_rows(path, HEADER_LINE)
            header = [h or "" for h in next(rows, [])]
            missing = [c for c in REQUIRED if c not in header]
            if missing:
                raise SourceAbort(f"missing columns: {', '.join(missing)}", path=path.name, line=HEADER_LINE)
            for line, values in enumerate(rows, HEADER_LINE + 1):
                if any(values):  # spreadsheets end with empty formatted rows; they hold no record
                    report.row(path.name)
                    yield line, {h: v for h, v in zip(header, values, strict=False) if h and v}
        except SourceAbort:
            raise
        # openpyxl and the zip and XML layers under it raise many types for a damaged workbook.
        except Exception as error:
            raise SourceAbort(f"cannot read the workbook: {error}", path=path.name, line=line) from None

    def _problem(self, cells: dict[str, str], groups: dict[str, list[Row]]) -> tuple[str, str] | None:
        """(field, reason) when a row cannot be used."""
        group_id, kind = cells.get("Group ID"), cells.get("Group Type", "")
        if not group_id:
            return "Group ID", "row has no Group ID"
        if kind.lower() not in SCHEMAS:
            return "Group Type", f"unknown Group Type {kind!r}"
        if not joined(cells.get(n) for n in NAMES):
            return "Name 6", "row has no name"
        earlier = groups.get(group_id)
        if earlier and earlier[0][1]["Group Type"] != kind:
            return (
                "Group Type",
                f"Group ID {group_id} is {earlier[0][1]['Group Type']} on line {earlier[0][0]}",
            )
        return None

    def entities(self, name: str, group_id: str, rows: list[Row]) -> Iterator[Entity]:
        """The party made of all its name rows, then one listing per regime."""
        primary = next((r for r in rows if r[1].get("Alias Type", "").lower() == "primary name"), rows[0])
        party = Entity(
            f"{self.dataset}-{group_id}",
            SCHEMAS[rows[0][1]["Group Type"].lower()],
            dataset=self.dataset,
            citation=self.cite(name, primary[0], group_id),
            source_url=LIST_URL,
        )
        for line, cells in rows:
            party.citation = self.cite(name, line, group_id)  # each value cites the row it is on
            add_row(party, cells)
        party.citation = self.cite(name, primary[0], group_id)
        yield party
        regimes: dict[str, list[Row]] = {}
        for row in rows:
            regimes.setdefault(row[1].get("Regime", ""), []).append(row)
        for regime, regime_rows in regimes.items():
            yield self.listing(party, regime, regime_rows, name, group_id)

    def cite(self, name: str, line: int, group_id: str) -> str:
        return f"{LIST_TITLE}, {name} row {line} (Group ID {group_id})"

    def listing(self, party: Entity, regime: str, rows: list[Row], name: str, group_id: str) -> Entity:
        first = rows[0][1]
        sanction = listing(
            party,
            list_title=LIST_TITLE,
            program=regime or None,
            authority=AUTHORITY,
            since=uk_date(first.get("Listed On")),
            source_url=LIST_URL,
        )
        sanction.citation = self.cite(name, rows[0][0], group_id)
        sanction.add("startDate", uk_date(first.get("UK Sanctions List Date Designated")))
        sanction.add("modifiedAt", max((uk_date(c.get("Last Updated")) or "" for _, c in rows), default=None))
        for _, cells in rows:
            for prop, value in parse_info(cells.get("Other Information")).sanction:
                sanction.add(prop, value)
        return sanction


def add_row(party: Entity, cells: dict[str, str]) -> None:
    """One name row's values: its name, and the details OFSI repeats on every row of the group."""
    kind = cells.get("Alias Type", "").lower()
    prop = NAME_PROPS.get(kind, "weakAlias")
    if prop == "alias" and cells.get("Alias Quality", "").lower().startswith("low"):
        prop = "weakAlias"
    add_safely(party, prop, " ".join(cells[n] for n in NAMES if cells.get(n)))
    non_latin = cells.get("Name Non-Latin Script")
    if non_latin:
        party.add(prop, non_latin, lang=language_code(cells.get("Non-Latin Script Language")))
    for column, target in (("Title", "title"), ("Position", "position")):
        if cells.get(column):
            add_safely(party, target, cells[column])
    add_person(party, cells)
    party.add("address", joined(cells.get(c) for c in ADDRESS))
    add_country(party, "country", cells.get("Country"))
    info = parse_info(cells.get("Other Information"))
    for target, value in info.party:
        if target in ("flag", "pastFlags"):
            add_country(party, target, value)
        else:
            add_safely(party, target, value.lower() if target == "gender" else value)
    party.add_all("notes", info.notes)


def add_person(party: Entity, cells: dict[str, str]) -> None:
    """Birth, nationality and identity documents; kept as notes on parties that are not people."""
    born = uk_date(cells.get("DOB"))
    if born:
        add_safely(party, "birthDate", born)
    elif cells.get("DOB"):
        party.add("notes", f"date of birth: {cells['DOB']}")
    place = joined((cells.get("Town of Birth"), cells.get("Country of Birth")))
    if place:
        add_safely(party, "birthPlace", place)
    for nationality in enumerated(cells.get("Nationality", "")):
        add_country(party, "nationality", nationality)
    for column, target in (("Passport", "passportNumber"), ("National Identification", "idNumber")):
        for number in enumerated(cells.get(f"{column} Number", "")):
            add_safely(party, target, number)
        if cells.get(f"{column} Details"):
            party.add(
                "notes", f"{column.lower()}: {cells.get(f'{column} Number')} {cells[f'{column} Details']}"
            )


def _raw(cells: dict[str, str]) -> str:
    return "; ".join(f"{k}={v}" for k, v in cells.items())
