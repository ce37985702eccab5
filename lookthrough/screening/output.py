"""Choose the writer for an output format: results pass through it, row by row."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lookthrough.exc import InvalidInput
from lookthrough.screening.result import RowResult
from lookthrough.screening.writer import BINARY_FORMATS, OUTPUT_FORMATS, write_csv, write_jsonl, write_parquet


@dataclass(slots=True)
class Output:
    """Where and how to write: the format, the file (None: stdout), and what the report adds up."""

    format: str
    path: Path | None
    title: str
    columns: list[str]
    value_column: str | None = None
    group_columns: list[str] = field(default_factory=list)
    lists: list[Any] = field(default_factory=list)
    """The list snapshots screened against (`report.ListInfo`), for the HTML report."""

    def check(self) -> None:
        if self.format not in OUTPUT_FORMATS:
            raise InvalidInput(
                f"unknown output format {self.format!r}; use one of {', '.join(OUTPUT_FORMATS)}"
            )
        if self.format in BINARY_FORMATS and self.path is None:
            raise InvalidInput(f"{self.format} is a binary format: name the file to write with --output")


def write_output(
    results: Iterable[RowResult], output: Output, stack: ExitStack, tally: Any = None
) -> Iterator[RowResult]:
    """`results`, written as they pass in `output.format` ("table" passes them on unwritten)."""
    output.check()
    if output.format == "parquet":
        assert output.path is not None
        return write_parquet(results, output.path, output.columns)
    if output.format == "xlsx":
        from lookthrough.screening.xlsx import write_xlsx

        assert output.path is not None
        return write_xlsx(
            results,
            output.path,
            output.columns,
            title=output.title,
            value_column=output.value_column,
            group_columns=output.group_columns,
            tally=tally,
        )
    if output.format == "table":
        return iter(results)
    path = output.path
    handle = stack.enter_context(path.open("w", encoding="utf-8", newline="")) if path else sys.stdout
    if output.format == "jsonl":
        return write_jsonl(results, handle)
    if output.format == "csv":
        return write_csv(results, handle, output.columns)
    from lookthrough.report import About, write_html

    about = About(output.title, f"Screened from {output.title} with lookthrough screen", output.lists)
    return write_html(results, handle, about, output.value_column, output.group_columns, tally)
