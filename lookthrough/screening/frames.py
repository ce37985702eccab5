"""Data frames in and out: pandas or polars DataFrames and Arrow tables screened in batches (the
path `screen` takes for a file), one result row per input row, in order.

A row that cannot be screened (a value no UTF-8 text can hold, nesting deeper than any table
needs) comes back as an `error` row naming the row and the field: rows in = rows out.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa

from lookthrough.encoding import value_problem
from lookthrough.exc import InvalidInput
from lookthrough.screening.reader import InputRow, RejectedRow, Table, text_problem
from lookthrough.screening.result import RowResult, Status
from lookthrough.screening.screener import Screener, Tally
from lookthrough.screening.table import BATCH, check_columns, screen_table
from lookthrough.screening.writer import PARQUET_BATCH, parquet_row, parquet_schema

Record = tuple[int, dict[str, Any], str | None]
"""An input row: its number, its fields, and why it cannot be screened (None when it can)."""


def screen_frame(
    screener: Screener,
    frame: Any,
    name: str,
    ids: list[str],
    *,
    workers: int = 1,
    countries: Sequence[str] = (),
) -> Any:
    """`frame` screened: a frame of the same kind with the Parquet output's columns."""
    table, problems = to_arrow(frame)
    columns = [str(c) for c in table.column_names]
    results = screen_records(
        screener, records(table, problems), columns, name, ids, workers=workers, countries=countries
    )
    screened = pa.Table.from_batches(list(result_batches(results, columns)), parquet_schema(columns))
    return like(frame, screened)


def to_arrow(frame: Any) -> tuple[pa.Table, dict[int, str]]:
    """The frame as an Arrow table, and the rows (by position) that cannot be screened, why."""
    if isinstance(frame, pa.Table):
        return frame, {}
    if isinstance(frame, pa.RecordBatch):
        return pa.Table.from_batches([frame]), {}
    kind = type(frame).__module__.split(".")[0]
    if kind == "polars":
        return frame.to_arrow(), {}
    if kind == "pandas" and hasattr(frame, "columns"):
        return _from_pandas(frame)
    raise InvalidInput(
        f"a pandas or polars DataFrame or an Arrow table is screened, not {type(frame).__name__}"
    )


def _from_pandas(frame: Any) -> tuple[pa.Table, dict[int, str]]:
    try:
        return pa.Table.from_pandas(frame, preserve_index=False), {}
    except (pa.ArrowException, UnicodeError):
        pass  # a column Arrow cannot hold as it is: converted column by column below
    problems: dict[int, str] = {}
    arrays = [_column(frame[column], str(column), problems) for column in frame.columns]
    return pa.Table.from_arrays(arrays, names=[str(c) for c in frame.columns]), problems


def _column(series: Any, column: str, problems: dict[int, str]) -> pa.Array:
    """One pandas column as Arrow: values of mixed types as their text (which is how the output
    shows them anyway), values no text can hold left out and their rows marked."""
    try:
        return pa.array(series, from_pandas=True)
    except (pa.ArrowException, UnicodeError):
        values: list[Any] = []
        for position, value in enumerate(series.tolist()):
            problem = value_problem(value) if isinstance(value, str | list | dict) else None
            if problem:
                problems.setdefault(position, f"field {column!r}: {problem}")
            values.append(None if problem or _missing(value) else str(value))
        return pa.array(values, pa.string())


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def like(original: Any, table: pa.Table) -> Any:
    """`table` as the kind of frame `original` is (a pandas frame keeps its index)."""
    kind = type(original).__module__.split(".")[0]
    if kind == "polars":
        import polars

        return polars.from_arrow(table)
    if kind == "pandas":
        result = table.to_pandas()
        result.index = original.index
        return result
    return table


def records(table: pa.Table, problems: dict[int, str]) -> Iterator[Record]:
    """Every row of an Arrow table, numbered from 1."""
    number = 0
    for batch in table.to_batches(max_chunksize=BATCH):
        for fields in batch.to_pylist():
            yield number + 1, fields, problems.get(number)
            number += 1


def screen_records(
    screener: Screener,
    rows: Iterable[Record],
    columns: list[str],
    name: str,
    ids: list[str],
    *,
    workers: int = 1,
    label: str = "data frame",
    countries: Sequence[str] = (),
) -> Iterator[RowResult]:
    """One result per record, in order, through `screen_table`: the records' own numbers are
    the results' row and line; a record that cannot be screened is an error naming why."""

    def table_rows() -> Iterator[InputRow | RejectedRow]:
        # Rows go to screen_table numbered by position (its order), their own number as the line.
        for position, (number, fields, problem) in enumerate(rows, 1):
            problem = problem or text_problem(fields)
            yield (
                RejectedRow(position, number, problem, "") if problem else InputRow(position, number, fields)
            )

    tally = Tally()
    table = Table(Path(label), "arrow", columns, table_rows())
    check_columns(table, name, [*ids, *countries])
    for result in screen_table(screener, table, name, ids, tally, workers=workers, country_columns=countries):
        yield from _rejected_before(tally, result.row)
        result.row = result.line
        yield result
    yield from _rejected_before(tally, None)


def _rejected_before(tally: Tally, position: int | None) -> Iterator[RowResult]:
    """The rows rejected before `position` (all of them for None), as error results."""
    while tally.rejects and (position is None or tally.rejects[0].number < position):
        reject = tally.rejects.pop(0)
        yield RowResult(
            reject.line, reject.line, {}, Status.ERROR, error=f"row {reject.line}: {reject.reason}"
        )


def result_batches(results: Iterable[RowResult], columns: list[str]) -> Iterator[pa.RecordBatch]:
    """Results as Arrow record batches with the Parquet output's schema."""
    schema = parquet_schema(columns)
    rows: list[dict[str, Any]] = []
    for result in results:
        rows.append(parquet_row(result, columns))
        if len(rows) >= PARQUET_BATCH:
            yield pa.RecordBatch.from_pylist(rows, schema)
            rows = []
    if rows:
        yield pa.RecordBatch.from_pylist(rows, schema)
