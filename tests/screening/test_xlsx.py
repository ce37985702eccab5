"""XLSX output: summary, hits and errors sheets, frozen headers and filters, no formulas, no lost text."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from lookthrough.catalog import Listing, Source
from lookthrough.model import Evidence
from lookthrough.screening.result import Hit, ListEntry, RowResult, Status, Step
from lookthrough.screening.xlsx import MAX_CELL, write_xlsx

COLUMNS = ["holding", "market_value", "portfolio"]


def hit(name: str = "Acme Surveillance Systems Ltd") -> Hit:
    source = Source("test list, entry acme", Evidence.OFFICIAL, "testlist")
    entry = ListEntry.of(Listing("Test list", "Test program A", "Test authority", "2020-01-01", source))
    step = Step("acme", name, "identical", None, "test list, entry acme")
    return Hit("acme", name, 0.97, name, "name_v1", "listed", [entry], [step], ["test list, entry acme"])


def results() -> list[RowResult]:
    return [
        RowResult(1, 2, {"holding": "Acme Surveillance", "market_value": "1,000.50", "portfolio": "A"},
                  Status.HIT, [hit()]),
        RowResult(2, 3, {"holding": "=HYPERLINK(\"http://x\")", "market_value": "200", "portfolio": "B"},
                  Status.CLEAR),
        RowResult(3, 4, {"holding": "", "market_value": "n/a", "portfolio": "B"}, Status.ERROR,
                  error="line 4: field 'holding' empty"),
        RowResult(4, 5, {"holding": "bell\x07" + "x" * 40_000, "market_value": "", "portfolio": "B"},
                  Status.HIT, [hit()]),
    ]  # fmt: skip


def test_workbook_has_summary_hits_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    passed = list(write_xlsx(results(), path, COLUMNS, title="h.csv", value_column="market_value"))
    assert len(passed) == 4
    book = load_workbook(path)
    assert book.sheetnames == ["summary", "hits", "errors"]
    hits, errors = book["hits"], book["errors"]
    assert hits.freeze_panes == "A2" and hits.auto_filter.ref == "A1:O3"
    header = [c.value for c in hits[1]]
    assert header[:3] == COLUMNS and "listed party" in header and hits[1][0].font.bold
    first = [c.value for c in hits[2]]
    assert first[:2] == ["Acme Surveillance", 1000.5] and "Acme Surveillance Systems Ltd" in first
    assert [c.value for c in errors[2]][-1] == "line 4: field 'holding' empty"
    summary = {row[0]: row[1:] for row in book["summary"].iter_rows(values_only=True) if row and row[0]}
    assert summary["hits by list"][0] == "rows" and summary["Test list"][:2] == (2, 1000.5)
    assert summary["values not read as numbers (left out of the sums)"][0] == 1


def test_no_cell_is_a_formula_and_nothing_is_silently_lost(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    list(write_xlsx(results(), path, COLUMNS))
    book = load_workbook(path)
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    errors_sheet = [c.value for c in book["errors"][2]]
    assert errors_sheet[2] == "" or errors_sheet[2] is None
    long = book["hits"].cell(row=3, column=1).value
    assert long.startswith("bell\\x07xxx") and len(long) <= MAX_CELL and "more characters cut" in long


def test_formula_like_input_is_quoted(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    rows = [
        RowResult(1, 2, {"holding": "=1+1", "market_value": "@x", "portfolio": "-3+4"}, Status.HIT, [hit()])
    ]
    list(write_xlsx(rows, path, COLUMNS))
    values = [c.value for c in load_workbook(path)["hits"][2]][:3]
    assert values == ["'=1+1", "'@x", "'-3+4"]
