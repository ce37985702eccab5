"""Every listed name in the shared data that a negative must not equal: SDN, consolidated, US lists."""

from __future__ import annotations

import csv
from collections.abc import Iterator

from bench.paths import CONS, data_file, data_root
from lookthrough.sources.base import LoadReport
from lookthrough.sources.ofac_csv import ALT_FIELDS, MAIN_FIELDS, clean, read_rows

US_LIST_COLUMNS = ("name", "aliases", "Name", "Clean Name", "Alias", "Previous Name", "Parent Name")
"""Columns of the OpenSanctions-transcribed US lists that hold names (aliases are ';'-separated)."""


def consolidated_names() -> Iterator[str]:
    folder = data_file(CONS)
    for file, fields, column in (("cons_prim.csv", MAIN_FIELDS, 1), ("cons_alt.csv", ALT_FIELDS, 3)):
        if (folder / file).exists():
            for _line, row in read_rows(folder / file, fields, LoadReport()):
                name = clean(row[column])
                if name:
                    yield name


def us_list_names() -> Iterator[str]:
    for path in sorted((data_root() / "us_lists").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                for column in US_LIST_COLUMNS:
                    for value in (row.get(column) or "").split(";"):
                        if value.strip():
                            yield value.strip()


def exclusion_names(index_names: list[str]) -> list[str]:
    """The evaluation index's names plus the consolidated list and the US lists in the shared data."""
    return [*index_names, *consolidated_names(), *us_list_names()]
