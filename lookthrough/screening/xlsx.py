"""Screening results as an XLSX workbook: a summary sheet, a hits sheet and an errors sheet.

openpyxl's write-only mode streams rows to disk as they come, so memory stays flat for any
number of rows. Every text cell goes through `safe_cell` (no formulas), and text XLSX cannot
hold is written out visibly rather than dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from lookthrough.report.exposure import Exposure, parse_value
from lookthrough.screening.result import Hit, RowResult
from lookthrough.screening.writer import describe_lists, describe_path, safe_cell

MAX_ROWS = 1_048_576
"""Rows in one sheet (Excel's limit); more hits continue on "hits 2", "hits 3" …"""
MAX_CELL = 32_767
"""Characters in one cell (Excel's limit)."""
HIT_COLUMNS = (
    "row", "line", "listed party", "entity_id", "score", "matched name", "rule", "aggregate share",
    "rule outcome", "lists", "path", "sources",
)  # fmt: skip
BOLD = Font(bold=True)
_CONTROL = re.compile(ILLEGAL_CHARACTERS_RE.pattern)


def cell_text(value: Any) -> Any:
    """A value as an XLSX cell takes it: formulas quoted, characters XML cannot hold spelt out, long
    text cut with a note of how much (the JSON lines output keeps it whole)."""
    if not isinstance(value, str):
        return value
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", value)
    if len(text) > MAX_CELL:
        note = f" … [{len(text) - MAX_CELL + 80} more characters cut]"
        text = text[: MAX_CELL - 80] + note
    return safe_cell(text)


class Sheet:
    """A write-only sheet with a bold, frozen header and a filter; full sheets continue on a new one."""

    def __init__(self, book: Workbook, title: str, header: list[str]) -> None:
        self.book, self.title, self.header = book, title, header
        self.parts = 0
        self.rows = 0
        self.sheet = self._open()

    def _open(self) -> WriteOnlyWorksheet:
        self.parts += 1
        sheet = self.book.create_sheet(self.title if self.parts == 1 else f"{self.title} {self.parts}")
        sheet.freeze_panes = "A2"
        sheet.append([_bold(sheet, name) for name in self.header])
        self.rows = 1
        return sheet

    def append(self, values: list[Any]) -> None:
        if self.rows >= MAX_ROWS:
            self._close()
            self.sheet = self._open()
        self.sheet.append([cell_text(v) for v in values])
        self.rows += 1

    def _close(self) -> None:
        self.sheet.auto_filter.ref = f"A1:{get_column_letter(len(self.header))}{self.rows}"

    def close(self) -> None:
        self._close()


def write_xlsx(
    results: Iterable[RowResult],
    out: str | Path | IO[bytes],
    input_columns: list[str],
    *,
    title: str = "",
    value_column: str | None = None,
    group_columns: Iterable[str] = (),
    tally: Any = None,
) -> Iterator[RowResult]:
    """One line per hit on "hits", one per error on "errors", and the counts and exposure on "summary"."""
    book = Workbook(write_only=True)
    summary = book.create_sheet("summary")
    hits = Sheet(book, "hits", [*input_columns, *HIT_COLUMNS])
    errors = Sheet(book, "errors", ["row", "line", *input_columns, "error"])
    exposure = Exposure(value_column, group_columns)
    for result in results:
        fields = [_value(result.input.get(c), c == value_column) for c in input_columns]
        for hit in result.hits:
            hits.append([*fields, result.row, result.line, *_hit_cells(hit)])
        if result.status.value == "error":
            errors.append([result.row, result.line, *fields, result.error or ""])
        exposure.add(result.to_dict())
        yield result
    hits.close()
    errors.close()
    _summarise(summary, title, exposure, tally)
    book.save(out)


def _hit_cells(hit: Hit) -> list[Any]:
    a = hit.aggregate
    share = (
        ""
        if a is None
        else (f"{a.percent:g}%" if a.percent is not None else f"{a.at_least:g}–{a.at_most:g}%")
    )
    outcome = a.outcome.value if a else ""
    return [hit.name, hit.entity_id, round(hit.score, 4), hit.matched_name, hit.rule, share, outcome,
            describe_lists(hit), describe_path(hit), " | ".join(hit.sources)]  # fmt: skip


def _value(raw: Any, numeric: bool) -> Any:
    """The value column as a number where it reads as one, so it can be summed in the sheet."""
    if numeric:
        try:
            number = parse_value(raw)
        except ValueError:
            return raw
        return float(number) if number is not None else raw
    return raw


def _summarise(sheet: WriteOnlyWorksheet, title: str, exposure: Exposure, tally: Any) -> None:
    made = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    for row in ([_bold(sheet, "lookthrough screening results")], ["file", title], ["written", made], []):
        sheet.append([cell_text(v) for v in row])
    counts = {k: getattr(tally, k) for k in ("rows_in", "hit", "clear", "error", "rejected")} if tally else {}
    counts = counts or {
        "rows out": exposure.total.rows,
        "with hits": exposure.flagged.rows,
        "error": exposure.errors,
    }
    sheet.append([_bold(sheet, "rows"), _bold(sheet, "count")])
    for name, count in counts.items():
        sheet.append([name, count])
    unit = f"sum of {exposure.value_column}" if exposure.value_column else None
    for heading, measures in (("list", exposure.by_list), ("rule", exposure.by_rule)):
        sheet.append([])
        sheet.append(
            [
                _bold(sheet, f"hits by {heading}"),
                _bold(sheet, "rows"),
                *([_bold(sheet, unit)] if unit else []),
            ]
        )
        for name, m in sorted(measures.items()):
            sheet.append([cell_text(name), m.rows, *([float(m.value)] if unit else [])])
    if unit:
        sheet.append([])
        sheet.append([f"{unit}, all rows", float(exposure.total.value)])
        sheet.append([f"{unit}, rows with hits", float(exposure.flagged.value)])
        sheet.append(["values not read as numbers (left out of the sums)", exposure.unreadable])


def _bold(sheet: WriteOnlyWorksheet, text: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=cell_text(text))
    cell.font = BOLD
    return cell
