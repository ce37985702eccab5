"""Device results as flat CSV: the screening columns plus what the MAC address says."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import IO

from lookthrough.screening.result import RowResult
from lookthrough.screening.writer import CSV_COLUMNS, flat_row, safe_row

DEVICE_COLUMNS = ("mac", "mac_status", "prefix", "registry", "manufacturer", "note", "vendor_not_screened")


def write_device_csv(
    results: Iterable[RowResult], out: IO[str], input_columns: list[str]
) -> Iterator[RowResult]:
    """One CSV line per device; the input columns are those of the first record when unknown."""
    writer: csv.DictWriter[str] | None = None
    for result in results:
        columns = input_columns or list(result.input)
        if writer is None:
            fields = (
                [f"input_{c}" for c in columns] + [f"device_{c}" for c in DEVICE_COLUMNS] + list(CSV_COLUMNS)
            )
            writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
            writer.writeheader()
        row = flat_row(result, columns)
        row.update({f"device_{c}": (result.device or {}).get(c, "") for c in DEVICE_COLUMNS})
        writer.writerow(safe_row(row))
        yield result
