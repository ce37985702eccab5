"""CSV, TSV and JSON-lines input: decoded by `lookthrough.encoding`, read row by row, and a row
that cannot be read is rejected with its line while the rows after it are still read."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lookthrough.encoding import FIELD_LIMIT, csv_problem, physical_lines, read_text
from lookthrough.exc import InvalidInput
from lookthrough.screening.reader import InputRow, RejectedRow, Table, check_unique, text_problem

RAW_LIMIT = 10_000
"""Characters of a rejected record kept for the rejects file."""


def open_csv(path: Path, encoding: str | None = None) -> Table:
    csv.field_size_limit(FIELD_LIMIT)
    lines = physical_lines(read_text(path, encoding))
    dialect: Any = csv.excel_tab if path.suffix.lower() == ".tsv" else csv.excel
    reader = csv.reader(lines, dialect, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise InvalidInput(f"the header row is not valid CSV: {error}", path=str(path), line=1) from None
    if not header or not any(h.strip() for h in header):
        raise InvalidInput("the file has no header row", path=str(path), line=1)
    columns = [h.strip() for h in header]
    check_unique(columns, path)

    def rows() -> Iterator[InputRow | RejectedRow]:
        number = 0
        line = reader.line_num + 1
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                number += 1
                yield RejectedRow(
                    number,
                    line,
                    _csv_reason(error, line, reader.line_num),
                    _raw(lines, line, reader.line_num),
                )
                line = reader.line_num + 1
                continue
            if any(v.strip() for v in values):
                number += 1
                if len(values) != len(columns):
                    reason = f"expected {len(columns)} fields, found {len(values)}"
                    yield RejectedRow(number, line, reason, _raw(lines, line, reader.line_num))
                else:
                    yield InputRow(number, line, dict(zip(columns, values, strict=True)))
            line = reader.line_num + 1

    return Table(path, "csv", columns, rows(), size_hint=max(len(lines) - 1, 0))


def _csv_reason(error: csv.Error, first: int, last: int) -> str:
    if "unexpected end of data" in str(error):
        return f"the file ends inside a quoted field that opens on line {first}"
    return csv_problem(error) + (f" (lines {first}-{last})" if last > first else "")


def _raw(lines: list[str], first: int, last: int) -> str:
    return "".join(lines[first - 1 : max(last, first)]).rstrip("\r\n")[:RAW_LIMIT]


def open_jsonl(path: Path, encoding: str | None = None) -> Table:
    lines = physical_lines(read_text(path, encoding))
    columns = _keys_of_every_record(lines)

    def rows() -> Iterator[InputRow | RejectedRow]:
        number = 0
        for line, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            number += 1
            record, invalid = _decode(raw)
            if invalid:
                yield RejectedRow(number, line, invalid, raw.rstrip("\r\n")[:RAW_LIMIT])
            elif not isinstance(record, dict):
                yield RejectedRow(number, line, "not a JSON object", raw.rstrip("\r\n")[:RAW_LIMIT])
            elif problem := text_problem(record):
                yield RejectedRow(number, line, problem, _escaped(raw))
            else:
                yield InputRow(number, line, record)

    return Table(path, "jsonl", columns, rows(), size_hint=len(lines))


def _keys_of_every_record(lines: list[str]) -> list[str]:
    """Every key of every readable record, in the order first met: records need not share keys,
    and a column taken from the first record alone would drop later records' other fields."""
    seen: dict[str, None] = {}
    for raw in lines:
        record, _ = _decode(raw) if raw.strip() else (None, None)
        if isinstance(record, dict) and text_problem(record) is None:
            seen.update(dict.fromkeys(map(str, record)))
    return list(seen)


def _decode(raw: str) -> tuple[Any, str | None]:
    """(the JSON value on a line, None), or (None, why it is not JSON)."""
    try:
        return json.loads(raw), None
    except ValueError as error:
        return None, f"not valid JSON: {error}"
    except RecursionError:
        # The C decoder counts its depth and stops cleanly; the line is rejected, not the file.
        return None, "not valid JSON: nested too deeply"


def _escaped(raw: str) -> str:
    return raw.rstrip("\r\n").encode("utf-8", "backslashreplace").decode("utf-8")[:RAW_LIMIT]
