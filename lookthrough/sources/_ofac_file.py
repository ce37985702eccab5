"""One file of OFAC's legacy CSV layout: its text, whether it ends as OFAC ends its files, and its rows.

OFAC closes every legacy CSV file with an end-of-file byte (0x1A) after the last line. A file
without it was cut short, or edited: the record it ends inside is rejected, and `incomplete`
refuses the load (unless forced) when the main file lacks it or any file ends mid-record.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lookthrough.encoding import FIELD_LIMIT, csv_problem, physical_lines, read_text
from lookthrough.exc import SourceAbort, SourceError
from lookthrough.sources.base import LoadReport

EOF_MARK = "\x1a"


@dataclass
class Ending:
    """How a file ends: with OFAC's mark, and with a whole line."""

    name: str
    marked: bool
    whole: bool


def open_rows(
    path: Path, fields: tuple[str, ...], report: LoadReport, encoding: str | None = None
) -> tuple[Ending, Iterator[tuple[int, list[str]]]]:
    """How the file ends, and its rows with their line numbers; bad rows go to `report`."""
    text = read_text(path, encoding, error=SourceAbort, name=path.name)
    stripped = text.rstrip("\r\n" + EOF_MARK)
    marked = EOF_MARK in text[-3:]
    ending = Ending(path.name, marked, marked or text.endswith(("\n", "\r")))
    lines = physical_lines(stripped)
    cut = None
    if not ending.whole and lines:
        cut = (len(lines), lines.pop())
    return ending, _rows(path, fields, report, lines, cut)


def _rows(
    path: Path,
    fields: tuple[str, ...],
    report: LoadReport,
    lines: list[str],
    cut: tuple[int, str] | None,
) -> Iterator[tuple[int, list[str]]]:
    csv.field_size_limit(FIELD_LIMIT)
    reader = csv.reader(lines, strict=True)
    line = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            report.row(path.name)
            raw = "".join(lines[line - 1 : reader.line_num]).rstrip("\r\n")
            report.reject(SourceError(csv_problem(error), path=path.name, line=line), raw[:4000])
            line = reader.line_num + 1
            continue
        report.row(path.name)
        problem = _problem(row, fields)
        if problem:
            report.reject(SourceError(problem[1], path=path.name, line=line, field=problem[0]), ",".join(row))
        else:
            yield line, row
        line = reader.line_num + 1
    if cut is not None:
        report.row(path.name)
        ends = SourceError(
            "the file ends inside this record (no end-of-file mark)", path=path.name, line=cut[0]
        )
        report.reject(ends, cut[1][:4000])


def _problem(row: list[str], fields: tuple[str, ...]) -> tuple[str | None, str] | None:
    if len(row) != len(fields):
        return None, f"expected {len(fields)} fields, found {len(row)}"
    if not row[0].strip().isdigit():
        return "ent_num", "ent_num is not a number"
    return None


def problems(endings: list[Ending], main: str) -> list[str]:
    """Why the files read look cut short: the main file without its mark, any file ending mid-record."""
    found = []
    for ending in endings:
        if ending.name == main and not ending.marked:
            found.append(
                f"{ending.name} has no end-of-file mark (0x1A), which OFAC writes after the last record"
            )
        elif not ending.whole:
            found.append(f"{ending.name} ends inside a record")
    return found
