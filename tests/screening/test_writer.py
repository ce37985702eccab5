"""CSV and the rejects file: every cell a spreadsheet could run as a formula is quoted."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from lookthrough.screening.reader import RejectedRow
from lookthrough.screening.result import RowResult, Status
from lookthrough.screening.writer import safe_cell, write_csv, write_rejects

# OWASP "CSV Injection": = + - @ and tab or carriage return can start a formula.
CELLS = [
    ('=HYPERLINK("http://example.com")', '\'=HYPERLINK("http://example.com")'),
    ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("-1,250.50", "-1,250.50"),
    ("+44", "+44"),
    ("1e-5", "1e-5"),
    ("Hikvision = camera maker", "Hikvision = camera maker"),
    ("", ""),
    (12, 12),
    (None, None),
]


@pytest.mark.parametrize(("value", "written"), CELLS)
def test_safe_cell_quotes_what_could_start_a_formula(value, written) -> None:
    assert safe_cell(value) == written


def test_csv_output_quotes_formulas_in_input_and_hits() -> None:
    rows = [RowResult(1, 2, {"holding": "=1+1", "value": "-300"}, Status.CLEAR)]
    out = io.StringIO()
    assert len(list(write_csv(rows, out, ["holding", "value"]))) == 1
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["input_holding"] == "'=1+1" and row["input_value"] == "-300"


def test_rejects_file_quotes_the_raw_line(tmp_path: Path) -> None:
    path = tmp_path / "h.csv.rejects.csv"
    write_rejects([RejectedRow(3, 4, "expected 2 fields, found 3", "@cmd,1,2")], path, Path("h.csv"))
    [_header, row] = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert row == ["h.csv", "3", "4", "expected 2 fields, found 3", "'@cmd,1,2"]
