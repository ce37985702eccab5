"""XLSX and Parquet input: a damaged file gives rows and rejects that balance, or a clean error."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from openpyxl import Workbook

from lookthrough.exc import InvalidInput
from lookthrough.screening.reader import InputRow, RejectedRow, open_table


def corrupt_parquet(path: Path, rows: int = 3000, group: int = 1000, damaged: int = 1) -> None:
    """A Parquet file whose row group `damaged` (0-based) has an overwritten data page."""
    records = [{"name": f"Company {i}", "isin": "X"} for i in range(rows)]
    pq.write_table(pa.Table.from_pylist(records), path, row_group_size=group, compression="none")
    data = bytearray(path.read_bytes())
    start = pq.ParquetFile(path).metadata.row_group(damaged).column(0).data_page_offset
    data[start + 30 : start + 200] = b"\xff" * 170
    path.write_bytes(bytes(data))


def test_a_corrupt_parquet_page_rejects_its_rows_and_keeps_the_others(tmp_path: Path) -> None:
    path = tmp_path / "bad.parquet"
    corrupt_parquet(path)
    rows = list(open_table(path).rows)
    kept = [r for r in rows if isinstance(r, InputRow)]
    rejected = [r for r in rows if isinstance(r, RejectedRow)]
    assert (len(rows), len(kept), len(rejected)) == (3000, 2000, 1000)
    assert [r.number for r in rows] == list(range(1, 3001))
    assert kept[1000].fields["name"] == "Company 2000"
    assert rejected[0].number == 1001 and rejected[0].reason.startswith(
        "row group 2 cannot be read past its row 0"
    )


def test_a_parquet_file_cut_short_is_refused_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "cut.parquet"
    pq.write_table(pa.Table.from_pylist([{"name": "a"}]), path)
    path.write_bytes(path.read_bytes()[:-20])
    with pytest.raises(InvalidInput, match=r"cut\.parquet: cannot read the Parquet file"):
        open_table(path)


def test_a_workbook_cut_short_is_refused_naming_it(tmp_path: Path) -> None:
    book = Workbook()
    for i in range(2000):
        book.active.append([f"Company {i}", "X"])
    path = tmp_path / "cut.xlsx"
    book.save(path)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(InvalidInput, match=r"cut\.xlsx: cannot read the workbook"):
        list(open_table(path).rows)
