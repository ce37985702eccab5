"""Read the rows to screen from CSV, XLSX, Parquet or JSON lines, keeping line numbers."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lookthrough.exc import InvalidInput

FORMATS = ("csv", "xlsx", "parquet", "jsonl")
_SUFFIXES = {".csv": "csv", ".tsv": "csv", ".txt": "csv", ".xlsx": "xlsx", ".parquet": "parquet",
             ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl"}  # fmt: skip


@dataclass(slots=True)
class InputRow:
    """One row of the input: its number (1 = first data row), file line, and fields."""

    number: int
    line: int
    fields: dict[str, Any]


@dataclass(slots=True)
class RejectedRow:
    """A row that could not even be read into fields."""

    number: int
    line: int
    reason: str
    raw: str


@dataclass
class Table:
    """An input file opened for reading: its columns and a stream of rows."""

    path: Path
    format: str
    columns: list[str] = field(default_factory=list)
    rows: Iterator[InputRow | RejectedRow] = field(default_factory=lambda: iter(()))
    size_hint: int | None = None


def input_format(path: Path, forced: str | None = None) -> str:
    if forced:
        if forced not in FORMATS:
            raise InvalidInput(f"unknown input format {forced!r}; use one of {', '.join(FORMATS)}")
        return forced
    found = _SUFFIXES.get(path.suffix.lower())
    if found is None:
        raise InvalidInput(
            f"cannot tell the format from the file name; pass --input-format ({', '.join(FORMATS)})",
            path=str(path),
        )
    return found


def open_table(path: Path, forced: str | None = None) -> Table:
    """Open `path` for screening; raises InvalidInput naming the file if it is unusable."""
    if not path.is_file():
        raise InvalidInput("no such file", path=str(path))
    kind = input_format(path, forced)
    opener = {"csv": _csv, "xlsx": _xlsx, "parquet": _parquet, "jsonl": _jsonl}[kind]
    return opener(path)


def _decode(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Spreadsheet exports on Windows are often cp1252; every byte maps, so nothing is lost.
        return raw.decode("cp1252", errors="replace")


def _csv(path: Path) -> Table:
    text = _decode(path)
    lines = text.splitlines(keepends=True)
    dialect: Any = csv.excel_tab if path.suffix.lower() == ".tsv" else csv.excel
    reader = csv.reader(lines, dialect)
    header = next(reader, None)
    if not header or not any(h.strip() for h in header):
        raise InvalidInput("the file has no header row", path=str(path), line=1)
    columns = [h.strip() for h in header]
    _check_unique(columns, path)

    def rows() -> Iterator[InputRow | RejectedRow]:
        number = 0
        line = reader.line_num + 1
        for values in reader:
            if not any(v.strip() for v in values):
                line = reader.line_num + 1
                continue
            number += 1
            if len(values) != len(columns):
                raw = "".join(lines[line - 1 : reader.line_num]).rstrip("\r\n")
                reason = f"expected {len(columns)} fields, found {len(values)}"
                yield RejectedRow(number, line, reason, raw)
            else:
                yield InputRow(number, line, dict(zip(columns, values, strict=True)))
            line = reader.line_num + 1

    return Table(path, "csv", columns, rows(), size_hint=max(len(lines) - 1, 0))


def _check_unique(columns: list[str], path: Path) -> None:
    seen = set()
    for column in columns:
        if column in seen:
            raise InvalidInput("the header names this column twice", path=str(path), line=1, field=column)
        seen.add(column)


def _xlsx(path: Path) -> Table:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a broken file
        raise InvalidInput(f"cannot read the workbook: {error}", path=str(path)) from error
    sheet = book.worksheets[0]
    values = sheet.iter_rows(values_only=True)
    header = next(values, None)
    if not header:
        raise InvalidInput("the first sheet has no header row", path=str(path), line=1)
    columns = [str(h).strip() if h is not None else f"column_{i + 1}" for i, h in enumerate(header)]
    _check_unique(columns, path)

    def rows() -> Iterator[InputRow | RejectedRow]:
        number = 0
        for line, row in enumerate(values, start=2):
            if all(v is None or str(v).strip() == "" for v in row):
                continue
            number += 1
            cells = ["" if v is None else v for v in row]
            cells += [""] * (len(columns) - len(cells))
            yield InputRow(number, line, dict(zip(columns, cells[: len(columns)], strict=True)))
        book.close()

    return Table(path, "xlsx", columns, rows(), size_hint=sheet.max_row - 1 if sheet.max_row else None)


def _parquet(path: Path) -> Table:
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except Exception as error:  # pyarrow raises ArrowInvalid/OSError for a broken file
        raise InvalidInput(f"cannot read the Parquet file: {error}", path=str(path)) from error
    columns = list(parquet.schema_arrow.names)

    def rows() -> Iterator[InputRow | RejectedRow]:
        number = 0
        for batch in parquet.iter_batches():
            for record in batch.to_pylist():
                number += 1
                yield InputRow(number, number, record)

    return Table(path, "parquet", columns, rows(), size_hint=parquet.metadata.num_rows)


def _jsonl(path: Path) -> Table:
    text = _decode(path)
    lines = text.splitlines()
    columns: list[str] = []
    for raw in lines:
        try:
            first = json.loads(raw)
        except ValueError:
            continue
        if isinstance(first, dict):
            columns = list(first)
            break

    def rows() -> Iterator[InputRow | RejectedRow]:
        number = 0
        for line, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            number += 1
            try:
                record = json.loads(raw)
            except ValueError as error:
                yield RejectedRow(number, line, f"not valid JSON: {error}", raw)
                continue
            if not isinstance(record, dict):
                yield RejectedRow(number, line, "not a JSON object", raw)
                continue
            yield InputRow(number, line, record)

    return Table(path, "jsonl", columns, rows(), size_hint=len(lines))
