"""The report states the lists it was screened against with their dates: published, retrieved, and
the snapshot, whether written by `screen --format html`, for a review run or from a results file."""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lookthrough.cli import app
from lookthrough.model import Snapshot
from lookthrough.report.source import report_file, report_run
from lookthrough.review import execute, plan_run
from lookthrough.sources.load import load_path
from lookthrough.workspace import Workspace
from tests.conftest import FIXTURES
from tests.review.lists import OWNER_HOLDINGS, write_owners

from .test_source import results_file

UN_PUBLISHED = "2026-02-27"
"""The dateGenerated of the UN fixture: the list's own date, as the report must give it."""


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    ws = Workspace(str(tmp_path / "report.duckdb"))
    assert all(r.ok for r in load_path(ws.store, write_owners(tmp_path)))
    assert all(r.ok for r in load_path(ws.store, FIXTURES / "un" / "bad_consolidated.xml"))
    yield ws
    ws.close()


def stated(page: str) -> list[tuple[str, ...]]:
    """The rows of the report's table of lists: title, dataset, published, retrieved, entries, snapshot."""
    section = re.search(r'<section id="lists">(.*?)</section>', page, re.S)
    assert section, "the report has no section of lists"
    rows = re.findall(r'<tr class="list">(.*?)</tr>', section.group(1), re.S)
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", row, re.S) for row in rows]
    return [tuple(html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in row) for row in cells]


def expected(snapshot: Snapshot) -> tuple[str, ...]:
    published = snapshot.published.isoformat() if snapshot.published else "not stated"
    retrieved = f"{snapshot.retrieved_at:%Y-%m-%d %H:%M}"
    return (snapshot.title, snapshot.dataset, published, retrieved, str(snapshot.entity_count), snapshot.id)


def test_screen_html_states_every_current_list_with_its_dates(workspace, tmp_path) -> None:
    holdings, out = tmp_path / "holdings.csv", tmp_path / "report.html"
    holdings.write_text(OWNER_HOLDINGS, encoding="utf-8")
    snapshots = workspace.store.snapshots()
    workspace.close()  # the command opens the database itself
    db = str(tmp_path / "report.duckdb")
    result = CliRunner().invoke(app, ["screen", str(holdings), "-n", "holding", "-f", "html", "-o", str(out),
                                      "--db", db])  # fmt: skip
    assert result.exit_code == 0, result.output
    lists = stated(out.read_text(encoding="utf-8"))
    assert lists == [expected(s) for s in snapshots] and len(lists) == 3  # curated, owners, UN
    un = next(row for row in lists if row[1] == "un_sc_sanctions")
    assert un[2] == UN_PUBLISHED


def test_run_report_states_the_run_lists_with_their_dates(workspace) -> None:
    run = plan_run(workspace, "holdings.csv", OWNER_HOLDINGS.encode(), name_column="holding", created_by="a")
    execute(workspace, run.id)
    out = io.StringIO()
    report_run(workspace.store, run.id, out)
    by_id = {s.id: s for s in workspace.store.snapshots()}
    assert stated(out.getvalue()) == [expected(by_id[i]) for i in by_id]
    assert UN_PUBLISHED in {row[2] for row in stated(out.getvalue())}


def test_results_file_report_states_the_lists_its_hits_cite(workspace, tmp_path) -> None:
    path = results_file(workspace, tmp_path)
    owners = workspace.store.current("ftm_import:owners")
    assert owners is not None
    out = io.StringIO()
    report_file(workspace.store, path, out)
    lists = stated(out.getvalue())
    assert expected(owners) in lists and all(row[3] != "?" for row in lists)
    assert "un_sc_sanctions" not in {row[1] for row in lists}  # no hit cites it
    # Without the database, the snapshots are named but their dates cannot be told.
    bare = io.StringIO()
    report_file(None, path, bare)
    assert {row[5] for row in stated(bare.getvalue())} == {row[5] for row in lists}
    assert {row[2:4] for row in stated(bare.getvalue())} == {("?", "?")}
