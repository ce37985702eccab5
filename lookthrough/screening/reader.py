"""Read the rows to screen from CSV, XLSX, Parquet or JSON lines, keeping line numbers.

Every row of the file comes out as an InputRow or a RejectedRow that says why, so rows in =
rows out + rows rejected; a file that cannot be read at all raises InvalidInput naming it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lookthrough.encoding import has_surrogate, value_problem
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


def open_table(path: Path, forced: str | None = None, encoding: str | None = None) -> Table:
    """Open `path` for screening; raises InvalidInput naming the file if it is unusable.
    `encoding` applies to text formats (CSV, JSON lines); without it the encoding is detected."""
    if not path.is_file():
        raise InvalidInput("no such file", path=str(path))
    kind = input_format(path, forced)
    if kind in ("csv", "jsonl"):
        from lookthrough.screening import text_tables

        return (
            text_tables.open_csv(path, encoding) if kind == "csv" else text_tables.open_jsonl(path, encoding)
        )
    from lookthrough.screening import binary_tables

    return binary_tables.open_xlsx(path) if kind == "xlsx" else binary_tables.open_parquet(path)


def check_unique(columns: list[str], path: Path) -> None:
    seen = set()
    for column in columns:
        if column in seen:
            raise InvalidInput("the header names this column twice", path=str(path), line=1, field=column)
        seen.add(column)


def text_problem(fields: dict[str, Any]) -> str | None:
    """Why a row's values cannot be screened or written out: lone surrogates (which JSON can
    escape but no file can hold) or values nested deeper than any table needs."""
    for column, value in fields.items():
        if isinstance(column, str) and has_surrogate(column):
            shown = column.encode("utf-8", "backslashreplace").decode()
            return f"column name {shown!r} holds a lone surrogate"
        problem = value_problem(value)
        if problem:
            return f"field {column!r}: {problem}"
    return None
