"""Input files of every supported format, and the errors bad ones give."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from openpyxl import Workbook

from lookthrough.exc import InvalidInput
from lookthrough.screening.reader import InputRow, RejectedRow, open_table
from lookthrough.screening.table import check_columns

ROWS = [{"name": "Hikvision", "isin": "CNE100000PM8"}, {"name": "Sony", "isin": "JP3435000009"}]


def names(table) -> list[str]:
    return [r.fields["name"] for r in table.rows if isinstance(r, InputRow)]


def test_csv_keeps_line_numbers_across_quoted_newlines(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text('name,isin\n"Hik\nvision",X\nSony,Y\n')
    rows = list(open_table(path).rows)
    assert [(r.number, r.line) for r in rows] == [(1, 2), (2, 4)]


def test_csv_in_cp1252_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes("name\nSoci\xe9t\xe9 G\xe9n\xe9rale\n".encode("latin-1"))
    assert names(open_table(path)) == ["Société Générale"]


def test_xlsx(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["name", "isin"])
    for row in ROWS:
        sheet.append([row["name"], row["isin"]])
    path = tmp_path / "a.xlsx"
    book.save(path)
    table = open_table(path)
    assert table.columns == ["name", "isin"]
    assert [r.line for r in table.rows] == [2, 3]


def test_parquet(tmp_path: Path) -> None:
    path = tmp_path / "a.parquet"
    pq.write_table(pa.Table.from_pylist(ROWS), path)
    assert names(open_table(path)) == ["Hikvision", "Sony"]


def test_jsonl_rejects_bad_lines_with_their_number(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(ROWS[0]) + "\n{broken\n[1, 2]\n" + json.dumps(ROWS[1]) + "\n")
    rows = list(open_table(path).rows)
    rejected = [r for r in rows if isinstance(r, RejectedRow)]
    assert [(r.line, r.reason.split(":")[0]) for r in rejected] == [
        (2, "not valid JSON"),
        (3, "not a JSON object"),
    ]
    assert len(rows) == 4


def test_missing_column_names_file_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("holding,isin\nX,Y\n")
    with pytest.raises(InvalidInput) as caught:
        check_columns(open_table(path), "name", [])
    assert str(caught.value).endswith(
        "a.csv, line 1, field 'name': no such column; the columns are: holding, isin"
    )


@pytest.mark.parametrize("content", ["", "\n\n"])
def test_csv_without_header_is_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "empty.csv"
    path.write_text(content)
    with pytest.raises(InvalidInput, match="no header row"):
        open_table(path)


def test_duplicate_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "dup.csv"
    path.write_text("name,name\na,b\n")
    with pytest.raises(InvalidInput, match="field 'name': the header names this column twice"):
        open_table(path)


def test_unknown_extension_asks_for_format(tmp_path: Path) -> None:
    path = tmp_path / "a.dat"
    path.write_text("x")
    with pytest.raises(InvalidInput, match="--input-format"):
        open_table(path)
