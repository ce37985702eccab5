"""The UK Sanctions List ODS fixture, written at test time from the CSV fixture's rows (odfpy), so
no opaque spreadsheet is committed.

The published UK_Sanctions_List.ods holds the CSV's table in one sheet: a 'Report Date' row, a
blank row, the header (the CSV's 58 columns in the same order) and one row per name. Dates are
date cells and numbers number cells, as a spreadsheet holds them; the adapter writes them back
as the CSV does. The CSV fixture's last line is cut short; its row here has instead a stray
value past the header (column 60), the spreadsheet's way of being malformed.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P

from ..conftest import FIXTURES

CSV = FIXTURES / "uk_sanctions_list" / "UK-Sanctions-List.csv"
NAME = "UK_Sanctions_List.ods"
DATES = frozenset({"Last Updated", "Date Designated"})
NUMBERS = frozenset({"OFSI Group ID", "Tonnage of ship", "Year Built"})
STRAY_COLUMN = 60
REPORT_DATE = "Report Date: 02-Sep-2026"

Cell = str | date | float | None


def ods_bytes(rows: list[list[Cell]], sheet: str = "UK Sanctions List") -> bytes:
    """One sheet of `rows` as an ODS file; None and '' are empty cells."""
    document = OpenDocumentSpreadsheet()
    table = Table(name=sheet)
    for row in rows:
        element = TableRow()
        for value in row:
            element.addElement(_cell(value))
        table.addElement(element)
    document.spreadsheet.addElement(table)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def _cell(value: Cell) -> TableCell:
    if value is None or value == "":
        return TableCell()
    if isinstance(value, date):
        cell = TableCell(valuetype="date", datevalue=value.isoformat())
        cell.addElement(P(text=f"{value:%d/%m/%Y}"))
    elif isinstance(value, float):
        cell = TableCell(valuetype="float", value=repr(value))
        cell.addElement(P(text=f"{value:g}"))
    else:
        cell = TableCell(valuetype="string")
        for line in value.split("\n"):  # one paragraph a line, as spreadsheets write a cell's lines
            cell.addElement(P(text=line))
    return cell


def uk_rows(*, blank_row: bool = True, report_date: Cell = REPORT_DATE) -> list[list[Cell]]:
    """The CSV fixture's rows in the ODS layout (see the module's docstring)."""
    with CSV.open(encoding="utf-8", newline="") as handle:
        handle.readline()  # the CSV's own 'Report Date' line
        reader = csv.reader(handle)
        header = next(reader)
        rows: list[list[Cell]] = [[_typed(column, value) for column, value in zip(header, row, strict=False)]
                                  for row in reader]  # fmt: skip
    rows[-1] = rows[-1] + [None] * (STRAY_COLUMN - 1 - len(rows[-1])) + ["stray note past the header"]
    date_row: list[Cell] = ["Report Date:", report_date] if isinstance(report_date, date) else [report_date]
    return [date_row, *([[]] if blank_row else []), list(header), *rows]


def _typed(column: str, value: str) -> Cell:
    if value and column in DATES:
        return datetime.strptime(value, "%d/%m/%Y").date()
    if value.isdigit() and column in NUMBERS:
        return float(value)
    return value


def write_uk_ods(folder: Path, *, blank_row: bool = True, report_date: Cell = REPORT_DATE) -> Path:
    """UK_Sanctions_List.ods in `folder`, laid out as `uk_rows` lays it."""
    path = folder / NAME
    path.write_bytes(ods_bytes(uk_rows(blank_row=blank_row, report_date=report_date)))
    return path
