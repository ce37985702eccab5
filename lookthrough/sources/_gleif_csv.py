"""Reading GLEIF golden-copy CSV files, plain or as the zip GLEIF serves, one row at a time."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from lookthrough.exc import SourceAbort, SourceError
from lookthrough.sources._complete import ZIP_DAMAGE
from lookthrough.sources._utf8 import utf8_or_abort
from lookthrough.sources.base import LoadReport

Row = dict[str, str]


@contextmanager
def open_bytes(path: Path) -> Iterator[IO[bytes]]:
    """The bytes of `path`, or of the one .csv member of a zip archive."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            members = [n for n in archive.namelist() if n.lower().endswith(".csv")]
            if len(members) != 1:
                raise SourceAbort(
                    f"expected one CSV file in the archive, found {len(members)}", path=path.name
                )
            with archive.open(members[0]) as raw:
                yield raw
    else:
        with path.open("rb") as raw:
            yield raw


@contextmanager
def open_text(path: Path) -> Iterator[IO[str]]:
    """The CSV text of `path`, or of the one .csv member of a zip archive."""
    with open_bytes(path) as raw:
        yield io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")


def header_of(path: Path) -> list[str]:
    """The header row, or [] when the file is not a readable CSV (or zipped CSV)."""
    try:
        with open_text(path) as handle:
            return next(csv.reader(io.StringIO(handle.readline())), [])
    except (OSError, UnicodeDecodeError, csv.Error, SourceAbort, *ZIP_DAMAGE):
        return []


def rows(
    path: Path, report: LoadReport, wanted: tuple[str, ...], required: tuple[str, ...]
) -> Iterator[tuple[int, Row]]:
    """(line, {column: value}) for the `wanted` columns that are present; short rows are rejected."""
    line = 1
    name = path.name
    try:
        with utf8_or_abort(path.name, lambda: open_bytes(path)), open_text(path) as handle:
            reader = csv.reader(handle)
            header = next(reader, [])
            missing = [c for c in required if c not in header]
            if missing:
                raise SourceAbort(f"missing columns: {', '.join(missing)}", path=path.name, line=1)
            index = [(c, header.index(c)) for c in wanted if c in header]
            width = len(header)
            line = 2
            for row in reader:
                report.row(name)
                if len(row) != width:
                    error = SourceError(f"expected {width} fields, found {len(row)}", path=name, line=line)
                    report.reject(error, ",".join(row)[:2000])
                else:
                    yield line, {c: row[i] for c, i in index if row[i]}
                line = reader.line_num + 1
    # A damaged zip fails as it is read: a checksum, the deflate stream, its end, an offset before
    # the file's start (OSError, as a failing disk does too), a version or method Python lacks.
    except (OSError, *ZIP_DAMAGE) as error:
        raise SourceAbort(f"cannot read the file: {error}", path=path.name, line=line) from None
