"""Checks on a row's own values, so that nothing in it is ignored without a word.

An ID column value with the form of an ISIN, LEI or USCC that fails its check digit is not
matched as a code: the row says so in `warnings` and is still screened on its name. When the
name is empty too, nothing valid is left to screen and the row is an `error`, never `clear`.
"""

from __future__ import annotations

from collections.abc import Iterator

from lookthrough.identifiers import problems
from lookthrough.screening.reader import InputRow, Table
from lookthrough.screening.result import RowResult, Status
from lookthrough.screening.screener import Screener, Tally, Tick, check_columns, screen_counted


def code_warnings(row: InputRow, id_columns: list[str]) -> list[str]:
    """One warning per ID field whose value is a mistyped ISIN, LEI or USCC."""
    found = []
    for column in id_columns:
        value = row.fields.get(column)
        for problem in problems("" if value is None else str(value)):
            found.append(f"line {row.line}, field {column!r}: {problem}; it was not matched as a code")
    return found


def checked_row(screener: Screener, row: InputRow, name_column: str, id_columns: list[str]) -> RowResult:
    """`screener.screen_row`, plus the row's warnings; an error when only a bad code was given."""
    result = screener.screen_row(row, name_column, id_columns)
    warnings = code_warnings(row, id_columns)
    if not warnings:
        return result
    name = row.fields.get(name_column)
    valid = [
        c for c in id_columns if str(row.fields.get(c) or "").strip() and not problems(str(row.fields[c]))
    ]
    if result.status is Status.CLEAR and not str(name or "").strip() and not valid:
        error = "; ".join(warnings).replace("; it was not matched as a code", "") + "; nothing else to screen"
        return RowResult(row.number, row.line, row.fields, Status.ERROR, error=error)
    result.warnings = warnings
    return result


def screen_table(
    screener: Screener,
    table: Table,
    name_column: str,
    id_columns: list[str],
    tally: Tally,
    tick: Tick | None = None,
    workers: int = 1,
) -> Iterator[RowResult]:
    """`Screener.screen_table` with each row checked as above."""
    check_columns(table, name_column, id_columns)
    if workers > 1:
        assert screener.lookthrough is not None  # build the graph once, before the workers fork

    def screen_one(row: InputRow) -> RowResult:
        return checked_row(screener, row, name_column, id_columns)

    return screen_counted(screen_one, table.rows, tally, tick, workers)
