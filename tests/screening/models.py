"""A small database with look-through to screen against, and holdings that exercise every kind
of result (listed, look-through, code only, empty, mistyped code, long name, repeats)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lookthrough.sources.load import load_path
from lookthrough.workspace import Workspace
from tests.conftest import FIXTURES

HOLDINGS: list[dict[str, Any]] = [
    {"holding": "HANGZHOU HIKVISION DIGITAL-A", "isin": "CNE100000PM8", "quantity": 402000,
     "value": 1658250.5},
    {"holding": "SONY GROUP CORP", "isin": "JP3435000009", "quantity": 41200, "value": None},
    {"holding": "Northwind Optics", "isin": None, "quantity": None, "value": 12.25},
    {"holding": "Meridian Camera Holding AG", "isin": "", "quantity": 7, "value": 0.0},
    {"holding": "Hangzhou EZVIZ Software", "isin": None, "quantity": 1, "value": 1.0},
    {"holding": "", "isin": "CNE100000PM9", "quantity": 2, "value": 2.0},
    {"holding": "SENSETIME GROUP INC", "isin": "US0378331006", "quantity": 3, "value": 3.0},
    {"holding": "", "isin": "CNE100001120", "quantity": 4, "value": 4.0},
    {"holding": "海康威视", "isin": None, "quantity": 5, "value": 5.0},
    {"holding": "=HYPERLINK(\"x\")", "isin": None, "quantity": 6, "value": 6.0},
    {"holding": "CHINA ELECTRONICS TECHNOLOGY GROUP CORP " + "x" * 600, "isin": None, "quantity": 8,
     "value": 8.0},
    {"holding": "HANGZHOU HIKVISION DIGITAL-A", "isin": "CNE100000PM8", "quantity": 9, "value": 9.0},
    {"holding": "  Zhejiang Dahua Technology  ", "isin": None, "quantity": 10, "value": 10.0},
]  # fmt: skip


def make_db(folder: Path) -> Path:
    """The built-in data and the relations fixture (a brand and owners of Hikvision)."""
    db = folder / "lists.duckdb"
    workspace = Workspace(str(db))
    load_path(workspace.store, FIXTURES / "relations" / "relations.csv", origin="test")
    workspace.close()
    return db


def write_holdings(folder: Path) -> tuple[Path, Path]:
    """HOLDINGS as a Parquet file (typed columns, nulls) and as a CSV file."""
    import csv

    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([("holding", pa.string()), ("isin", pa.string()), ("quantity", pa.int64()),
                        ("value", pa.float64())])  # fmt: skip
    parquet = folder / "holdings.parquet"
    pq.write_table(pa.Table.from_pylist(HOLDINGS, schema), parquet, row_group_size=4)
    text = folder / "holdings.csv"
    with text.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(HOLDINGS[0]))
        writer.writeheader()
        writer.writerows(HOLDINGS)
    return parquet, text
