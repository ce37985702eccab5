"""XLSX and Parquet input. A Parquet page that cannot be read rejects its rows by number (the
rows before it are kept); a workbook that breaks off mid-sheet stops with the line it reached."""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lookthrough.exc import InvalidInput
from lookthrough.screening.reader import InputRow, RejectedRow, Table, check_unique, text_problem

BROKEN_WORKBOOK = (
    zipfile.BadZipFile,
    zlib.error,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    EOFError,
    OSError,
)
"""What openpyxl and the zip and XML layers under it raise for a damaged workbook."""
MAX_LOST_ROWS = 1_000_000
"""Beyond this many unreadable rows in one row group the file is refused rather than rejected row by row
(the count comes from the file's own footer, which a damaged file may overstate)."""


def open_xlsx(path: Path) -> Table:
    from lxml.etree import LxmlError
    from openpyxl import load_workbook

    broken = (*BROKEN_WORKBOOK, LxmlError, SyntaxError)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
        sheet = book.worksheets[0]
        values = sheet.iter_rows(values_only=True)
        header = next(values, None)
    # openpyxl raises many types for a broken file; all of them mean "not a usable workbook".
    except Exception as error:
        raise InvalidInput(f"cannot read the workbook: {error}", path=str(path)) from None
    if not header:
        raise InvalidInput("the first sheet has no header row", path=str(path), line=1)
    columns = [str(h).strip() if h is not None else f"column_{i + 1}" for i, h in enumerate(header)]
    check_unique(columns, path)

    def rows() -> Iterator[InputRow | RejectedRow]:
        number, line = 0, 1
        try:
            for line, row in enumerate(values, start=2):
                if all(v is None or str(v).strip() == "" for v in row):
                    continue
                number += 1
                cells = ["" if v is None else v for v in row]
                cells += [""] * (len(columns) - len(cells))
                yield InputRow(number, line, dict(zip(columns, cells[: len(columns)], strict=True)))
        except broken as error:
            raise InvalidInput(
                f"the workbook breaks off after line {line}: {error}", path=str(path), line=line + 1
            ) from None
        finally:
            book.close()

    hint = sheet.max_row - 1 if isinstance(sheet.max_row, int) and sheet.max_row else None
    return Table(path, "xlsx", columns, rows(), size_hint=hint)


def open_parquet(path: Path) -> Table:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
        columns = list(parquet.schema_arrow.names)
    # pyarrow raises ArrowInvalid/OSError (and more) for a file that is not Parquet.
    except (pa.ArrowException, OSError, ValueError) as error:
        raise InvalidInput(f"cannot read the Parquet file: {error}", path=str(path)) from None

    def rows() -> Iterator[InputRow | RejectedRow]:
        number = 0
        for group in range(parquet.metadata.num_row_groups):
            size = parquet.metadata.row_group(group).num_rows
            read = 0
            try:
                for batch in parquet.iter_batches(row_groups=[group]):
                    records = batch.to_pylist()
                    for record in records:
                        number += 1
                        yield _parquet_row(number, record)
                    read += len(records)
            # A damaged page: its rows and the rest of the group cannot be read.
            except (pa.ArrowException, OSError, ValueError, OverflowError, EOFError) as error:
                reason = f"row group {group + 1} cannot be read past its row {read}: {error}"
                if size - read > MAX_LOST_ROWS:
                    raise InvalidInput(f"{reason} ({size - read} rows)", path=str(path)) from None
                for _ in range(max(size - read, 0)):
                    number += 1
                    yield RejectedRow(number, number, reason, "")

    return Table(path, "parquet", columns, rows(), size_hint=parquet.metadata.num_rows)


def _parquet_row(number: int, record: dict[str, Any]) -> InputRow | RejectedRow:
    problem = text_problem(record)
    if problem:
        return RejectedRow(number, number, problem, "")
    return InputRow(number, number, record)
