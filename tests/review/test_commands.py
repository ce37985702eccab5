"""The review commands: review, rescreen after update, and token management."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from lookthrough.cli import app
from tests.review.lists import write_holdings, write_list

runner = CliRunner()


def test_review_update_rescreen(tmp_path):
    db = str(tmp_path / "cli.duckdb")
    assert runner.invoke(app, ["update", "--from", str(write_list(tmp_path)), "--db", db]).exit_code == 0
    holdings = write_holdings(tmp_path)
    first = runner.invoke(app, ["review", str(holdings), "-n", "holding", "-i", "isin", "--db", db])
    assert first.exit_code == 0, first.output
    assert "4 rows, 3 hits, 3 waiting for review" in first.output
    changed = write_list(tmp_path, acme_alias="Acme Vision Technology")
    assert runner.invoke(app, ["update", "--from", str(changed), "--db", db]).exit_code == 0
    result = runner.invoke(app, ["rescreen", "--db", db])
    assert result.exit_code == 0, result.output
    assert "0 new, 1 changed, 0 removed, 2 unchanged" in result.output
    assert "added alias: Acme Vision Technology" in result.output
    summary = json.loads(runner.invoke(app, ["rescreen", "--json", "--db", db]).output)
    assert summary["changed"] == [] and summary["unchanged"] == 3


def test_review_of_a_bad_column_names_file_line_and_field(tmp_path):
    result = runner.invoke(
        app, ["review", str(write_holdings(tmp_path)), "-n", "name", "--db", str(tmp_path / "x.duckdb")]
    )
    assert result.exit_code == 2
    assert "holdings.csv, line 1, field 'name': no such column" in result.output


def test_rescreen_with_no_run(tmp_path):
    result = runner.invoke(app, ["rescreen", "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 1 and "no finished run" in result.output


def test_tokens_create_list_revoke(tmp_path):
    db = str(tmp_path / "t.duckdb")
    made = runner.invoke(app, ["token", "create", "alice", "--role", "reviewer", "--db", db])
    assert made.exit_code == 0 and made.stdout.strip().splitlines()[-1].startswith("lt_")
    listed = runner.invoke(app, ["token", "list", "--db", db]).output
    token_id = listed.split("alice")[0].split()[-2].strip("│ ")
    assert "reviewer" in listed
    assert runner.invoke(app, ["token", "revoke", token_id, "--db", db]).exit_code == 0
    assert runner.invoke(app, ["token", "revoke", token_id, "--db", db]).exit_code == 1
    assert runner.invoke(app, ["token", "create", "bob", "--role", "owner", "--db", db]).exit_code == 2


def test_serve_help():
    result = runner.invoke(app, ["serve", "--help"])
    assert result.exit_code == 0 and "--port" in result.output
