"""US BIS Denied Persons List, the tab-separated dpl.txt: one row per address of a denial order.

Rows with the same name, dates and Federal Register citation are one denial order (the rule
trade.gov applies when it merges this list into the CSL), so they become one party with several
addresses. Addresses are kept in full: they are what tells "DAHUA ELECTRONICS CORPORATION" of
Flushing, NY apart from Zhejiang Dahua Technology.

BIS stopped publishing dpl.txt when it moved to bis.gov (2025) and the list now reaches
machines through the Consolidated Screening List, so `update` downloads nothing here; the
`csl_json` adapter carries the current DPL.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from lookthrough.encoding import FIELD_LIMIT, csv_problem, physical_lines
from lookthrough.exc import SourceAbort, SourceError
from lookthrough.model import Entity, listing
from lookthrough.model.relation import derived_id
from lookthrough.sources import register
from lookthrough.sources._values import add_country, iso_date, joined, text
from lookthrough.sources.base import LoadReport, Source, sniff_text

LIST_TITLE = "Denied Persons List (DPL)"
AUTHORITY = "US Department of Commerce, Bureau of Industry and Security (BIS)"
LIST_URL = "https://www.bis.gov/licensing/end-user-guidance/denied-persons-list-dpl"
COLUMNS = (
    "Name", "Street_Address", "City", "State", "Country", "Postal_Code", "Effective_Date",
    "Expiration_Date", "Standard_Order", "Last_Update", "Action", "FR_Citation",
)  # fmt: skip
ORDER_KEY = ("Name", "Effective_Date", "Expiration_Date", "FR_Citation")
"""Columns that identify one denial order."""

Row = tuple[int, dict[str, str]]


def _us_date(value: str | None) -> str | None:
    return iso_date(value, "%m/%d/%Y", "%Y-%m-%d")


@register
class BisDeniedPersons(Source):
    name = "bis_dpl_txt"
    dataset = "us_bis_dpl"
    title = "US BIS Denied Persons List"

    @classmethod
    def detect(cls, path: Path) -> bool:
        first = sniff_text(path, 512).lstrip("\ufeff").split("\n", 1)[0]
        return [c.strip().strip('"') for c in first.split("\t")] == list(COLUMNS)

    def read(self, path: Path, report: LoadReport) -> Iterator[Entity]:
        orders: dict[tuple[str, ...], list[Row]] = {}
        for line, cells in self._rows(path, report):
            if not cells.get("Name"):
                report.reject(
                    SourceError("row has no name", path=path.name, line=line, field="Name"), _raw(cells)
                )
            else:
                orders.setdefault(tuple(cells.get(k, "") for k in ORDER_KEY), []).append((line, cells))
        for rows in orders.values():
            yield from self.entities(path.name, rows, report)

    def __init__(self) -> None:
        super().__init__()
        self.cut: str | None = None

    def incomplete(self, path: Path, report: LoadReport) -> list[str]:
        """A last row cut short: no line end, and fields missing or a quote left open."""
        return [self.cut] if self.cut else []

    def _rows(self, path: Path, report: LoadReport) -> Iterator[Row]:
        csv.field_size_limit(FIELD_LIMIT)
        lines = physical_lines(self.text(path))
        reader = csv.reader(lines, delimiter="\t")
        try:
            header = [h.strip() for h in next(reader, [])]
        except csv.Error as error:
            raise SourceAbort(csv_problem(error), path=path.name, line=1) from None
        if header != list(COLUMNS):
            raise SourceAbort("the header is not the Denied Persons List layout", path=path.name, line=1)
        line = reader.line_num + 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as error:
                row, problem = ["?"], csv_problem(error)
            else:
                problem = (
                    f"expected {len(COLUMNS)} fields, found {len(row)}" if len(row) != len(COLUMNS) else ""
                )
            if any(c.strip() for c in row):
                report.row(path.name)
                if problem:
                    raw = "".join(lines[line - 1 : reader.line_num]).rstrip("\r\n")[:4000]
                    report.reject(SourceError(problem, path=path.name, line=line), raw)
                    if reader.line_num == len(lines) and not lines[-1].endswith(("\n", "\r")):
                        self.cut = f"{path.name} ends inside a record (line {line})"
                else:
                    yield line, {k: v for k, c in zip(COLUMNS, row, strict=True) if (v := text(c))}
            line = reader.line_num + 1

    def entities(self, name: str, rows: list[Row], report: LoadReport) -> list[Entity]:
        """One party per denial order, with every address its rows give, and its listing."""
        line, first = rows[0]
        lines = ", ".join(str(n) for n, _ in rows)
        party = Entity(
            derived_id(self.dataset, *(first.get(k, "") for k in ORDER_KEY)),
            "LegalEntity",  # the DPL does not say whether a name is a person or a company
            dataset=self.dataset,
            citation=f"{LIST_TITLE}, {name} line{'s' if len(rows) > 1 else ''} {lines}",
            source_url=LIST_URL,
        )
        party.add("name", first["Name"])
        for _, cells in rows:
            street = ("Street_Address", "City", "State", "Postal_Code", "Country")
            party.add("address", joined(cells.get(k) for k in street))
            add_country(party, "country", cells.get("Country"))
            party.add("notes", cells.get("Action"))
        return [party, self.listing(party, first, name, line, report)]

    def listing(
        self, party: Entity, cells: dict[str, str], name: str, line: int, report: LoadReport
    ) -> Entity:
        since = _us_date(cells.get("Effective_Date"))
        if cells.get("Effective_Date") and not since:
            report.warn(f"{name} line {line}: Effective_Date {cells['Effective_Date']!r} is not a date")
        sanction = listing(party, list_title=LIST_TITLE, program=None, authority=AUTHORITY, since=since)
        sanction.add("endDate", _us_date(cells.get("Expiration_Date")))
        sanction.add("authorityId", cells.get("FR_Citation"))
        sanction.add("modifiedAt", _us_date(cells.get("Last_Update")))
        if cells.get("Standard_Order"):
            sanction.add("provisions", f"Standard order: {cells['Standard_Order'].upper()}")
        return sanction


def _raw(cells: dict[str, str]) -> str:
    return "\t".join(cells.get(k, "") for k in COLUMNS)
