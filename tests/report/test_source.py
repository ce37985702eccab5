"""The standalone report of a results file or a run: self-contained, with its lists, charts and drawings."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from lookthrough.exc import InvalidInput, NotFound
from lookthrough.report.source import read_results, report_file, report_run
from lookthrough.review import execute, plan_run
from lookthrough.screening.output import Output, write_output
from lookthrough.screening.reader import open_table
from lookthrough.sources.load import load_path
from lookthrough.workspace import Workspace
from tests.review.lists import OWNER_HOLDINGS, write_owners


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    ws = Workspace(str(tmp_path / "report.duckdb"))
    assert all(r.ok for r in load_path(ws.store, write_owners(tmp_path)))
    yield ws
    ws.close()


def results_file(workspace: Workspace, tmp_path: Path) -> Path:
    holdings = tmp_path / "holdings.csv"
    holdings.write_text(OWNER_HOLDINGS, encoding="utf-8")
    table = open_table(holdings)
    path = tmp_path / "results.jsonl"
    from contextlib import ExitStack

    from lookthrough.screening.screener import Tally

    with ExitStack() as stack:
        rows = workspace.screener().screen_table(table, "holding", [], Tally())
        for _ in write_output(rows, Output("jsonl", path, "holdings.csv", table.columns), stack):
            pass
    return path


def self_contained(html: str) -> bool:
    """Nothing the page would fetch: no scripts, stylesheets, images or frames from anywhere."""
    return not re.search(
        r"<(script|link|img|iframe|object|embed)\b|url\(|@import|\bsrc=", html, re.IGNORECASE
    )


def test_report_of_a_results_file(workspace, tmp_path) -> None:
    out = io.StringIO()
    report_file(workspace.store, results_file(workspace, tmp_path), out, "market_value", ["portfolio"])
    html = out.getvalue()
    assert self_contained(html)
    assert html.count('<svg class="chart"') == 3 and html.count('<svg class="graph"') >= 3
    assert "FollowTheMoney entities (JSON lines)" in html and "ftm_import-owners" in html
    assert "55% held in aggregate by 2 counted holders" in html and ">met<" in html
    assert "Global Equity" in html and "Asia Fund" in html and "3,750,000.50" in html
    assert "owners.ftm.json line" in html  # each edge's source, below the drawing and on hover


def test_bad_results_file_names_file_line_and_field(workspace, tmp_path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"row": 1, "input": {}, "status": "clear", "hits": []}\nnot json\n', encoding="utf-8")
    with pytest.raises(InvalidInput, match=r"bad.jsonl, line 2: not JSON"):
        report_file(workspace.store, path, io.StringIO())
    with pytest.raises(InvalidInput, match=r"x.jsonl, line 1, field 'hits': missing"):
        list(read_results(['{"row": 1, "input": {}, "status": "clear"}'], "x.jsonl"))
    good = results_file(workspace, tmp_path)
    with pytest.raises(InvalidInput, match=r"field 'value': no such column"):
        report_file(workspace.store, good, io.StringIO(), "value")


def test_report_of_a_run_uses_its_columns(workspace, tmp_path) -> None:
    run = plan_run(workspace, "holdings.csv", OWNER_HOLDINGS.encode(), name_column="holding", created_by="a",
                   value_column="market_value", group_columns=["portfolio"])  # fmt: skip
    execute(workspace, run.id)
    out = io.StringIO()
    report_run(workspace.store, run.id, out)
    html = out.getvalue()
    assert self_contained(html) and f"Run {run.id} by a" in html and "Exposure by portfolio" in html
    assert "4</strong>rows read" in html
    with pytest.raises(NotFound):
        report_run(workspace.store, "run-nope", io.StringIO())
