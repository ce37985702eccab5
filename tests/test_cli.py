"""The command line, end to end, with CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lookthrough.cli import app

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path, shared_data: Path) -> str:
    path = str(tmp_path / "cli.duckdb")
    result = runner.invoke(
        app, ["update", "--from", str(shared_data / "ofac/non_sdn_consolidated_2025-12"), "--db", path]
    )
    assert result.exit_code == 0, result.output
    return path


def test_update_and_lists(db: str) -> None:
    result = runner.invoke(app, ["lists", "--db", db])
    assert result.exit_code == 0
    assert "us_ofac_cons" in result.output and "current" in result.output


def test_screen_jsonl_shape(db: str, tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text(
        "holding,isin\n"
        "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO LTD,CNE100000PM8\n"
        "Sony Group Corp,JP3435000009\n"
    )
    output = tmp_path / "out.jsonl"
    result = runner.invoke(
        app, ["screen", str(path), "-n", "holding", "-i", "isin", "-o", str(output), "--db", db]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in output.read_text().splitlines()]
    assert [r["status"] for r in rows] == ["hit", "clear"]
    hit = rows[0]["hits"][0]
    assert set(hit) >= {"entity_id", "name", "score", "lists", "path", "sources"}
    assert set(hit["lists"][0]) >= {"list", "program", "since", "citation"}
    assert set(hit["path"][0]) >= {"entity_id", "name", "relation", "percent", "source"}
    assert rows[0]["input"] == {
        "holding": "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO LTD",
        "isin": "CNE100000PM8",
    }
    assert "2 rows read: 1 hit, 1 clear, 0 error, 0 rejected" in result.output


def test_screen_csv_and_rejects_file(db: str, tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text('holding\nMegvii Technology Ltd\n"bad,"row",x\n')
    output = tmp_path / "out.csv"
    result = runner.invoke(
        app, ["screen", str(path), "-n", "holding", "-f", "csv", "-o", str(output), "--db", db]
    )
    assert result.exit_code == 0, result.output
    lines = output.read_text().splitlines()
    assert lines[0].startswith("input_holding,row,line,status") and len(lines) == 2
    rejects = (tmp_path / "out.csv.rejects.csv").read_text().splitlines()
    assert rejects[0] == "file,row,line,reason,raw" and "h.csv,2,3" in rejects[1]


def test_missing_column_exits_nonzero_naming_file_and_field(db: str, tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text("holding\nX\n")
    result = runner.invoke(app, ["screen", str(path), "-n", "name", "--db", db])
    assert result.exit_code == 2
    assert "h.csv, line 1, field 'name': no such column" in result.output


def test_explain_shows_features(db: str) -> None:
    result = runner.invoke(app, ["explain", "Hangzhou Hikvision Digital Tech", "--db", db])
    assert result.exit_code == 0, result.output
    assert "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD." in result.output
    assert "query_covered" in result.output and "HIT" in result.output
    as_json = runner.invoke(app, ["explain", "Hikvision", "--json", "--db", db])
    data = json.loads(as_json.output)
    best = data["candidates"][0]
    # The built-in dataset and OFAC's list hold the same party; either entry may come first.
    same_party = {best["entity_id"], *(i for h in best["hits"] for i in h["same_as"])}
    assert "us_ofac_cons-30946" in same_party
    assert best["features"]


def test_update_from_missing_path_fails_clearly(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["update", "--from", str(tmp_path / "nope"), "--db", str(tmp_path / "x.duckdb")]
    )
    assert result.exit_code == 2 and "no such file or folder" in result.output


def test_export_writes_ftm_json_lines(db: str, tmp_path: Path) -> None:
    output = tmp_path / "export.jsonl"
    result = runner.invoke(app, ["export", "-o", str(output), "--db", db])
    assert result.exit_code == 0
    entities = [json.loads(line) for line in output.read_text().splitlines()]
    hik = next(e for e in entities if e["id"] == "us_ofac_cons-30946")
    assert hik["schema"] == "Company" and hik["properties"]["isinCode"] == ["CNE100000PM8"]


@pytest.fixture
def owners_db(tmp_path: Path) -> str:
    from tests.review.lists import write_owners

    path = str(tmp_path / "owners.duckdb")
    result = runner.invoke(app, ["update", "--from", str(write_owners(tmp_path)), "--db", path])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def holdings(tmp_path: Path) -> Path:
    from tests.review.lists import OWNER_HOLDINGS

    path = tmp_path / "holdings.csv"
    path.write_text(OWNER_HOLDINGS + '"=HYPERLINK(""http://x"")",,1,Asia Fund\n', encoding="utf-8")
    return path


def test_screen_writes_xlsx_parquet_and_the_html_report(
    owners_db: str, holdings: Path, tmp_path: Path
) -> None:
    import pyarrow.parquet as pq
    from openpyxl import load_workbook

    base = ["screen", str(holdings), "-n", "holding", "--db", owners_db]
    xlsx, parquet, html = tmp_path / "r.xlsx", tmp_path / "r.parquet", tmp_path / "r.html"
    columns = ["--value-column", "market_value", "--group-column", "portfolio"]
    for fmt, path in (("xlsx", xlsx), ("parquet", parquet), ("html", html)):
        result = runner.invoke(app, [*base, "-f", fmt, "-o", str(path), *columns])
        assert result.exit_code == 0, result.output
    book = load_workbook(xlsx)
    assert (
        book.sheetnames == ["summary", "hits", "errors"]
        and book["hits"]["A2"].value == "Northwind Logistics AG"
    )
    assert not [c for sheet in book for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert pq.read_table(parquet).num_rows == 5
    text = html.read_text(encoding="utf-8")
    assert (
        "Exposure by portfolio" in text and "5</strong>rows read" in text and "Northwind Logistics AG" in text
    )
    refused = runner.invoke(app, [*base, "-f", "xlsx"])
    assert refused.exit_code == 2 and "name the file to write with --output" in refused.output
    missing = runner.invoke(app, [*base, "-f", "html", "--value-column", "mv"])
    assert missing.exit_code == 2 and "field 'mv': no such column" in missing.output


def test_report_from_a_results_file_and_from_a_run(owners_db: str, holdings: Path, tmp_path: Path) -> None:
    results = tmp_path / "results.jsonl"
    screened = runner.invoke(
        app, ["screen", str(holdings), "-n", "holding", "-o", str(results), "--db", owners_db]
    )
    assert screened.exit_code == 0, screened.output
    page = tmp_path / "report.html"
    made = runner.invoke(app, ["report", str(results), "-o", str(page), "--value-column", "market_value",
                               "--db", owners_db])  # fmt: skip
    assert made.exit_code == 0, made.output
    assert "55% held in aggregate" in page.read_text(encoding="utf-8")
    review = runner.invoke(app, ["review", str(holdings), "-n", "holding", "--value-column", "market_value",
                                 "--group-column", "portfolio", "--db", owners_db])  # fmt: skip
    run_id = review.output.split()[1].rstrip(":")
    from_run = runner.invoke(app, ["report", run_id, "--db", owners_db])
    assert from_run.exit_code == 0, from_run.output
    assert "Exposure by portfolio" in from_run.output
    nothing = runner.invoke(app, ["report", "run-nope", "-o", str(tmp_path / "x.html"), "--db", owners_db])
    assert nothing.exit_code == 1 and "no run 'run-nope'" in nothing.output
    assert not (tmp_path / "x.html").exists()
    typo = runner.invoke(app, ["report", "resluts.jsonl", "--db", owners_db])
    assert typo.exit_code == 2 and "resluts.jsonl: no such results file" in typo.output


def test_cases_and_decide_with_four_eyes(owners_db: str, holdings: Path, monkeypatch) -> None:
    review = runner.invoke(app, ["review", str(holdings), "-n", "holding", "--db", owners_db])
    assert review.exit_code == 0, review.output
    secrets = {}
    for name, role in (("alice", "reviewer"), ("carol", "approver")):
        made = runner.invoke(app, ["token", "create", name, "--role", role, "--db", owners_db])
        secrets[name] = made.stdout.strip().splitlines()[-1]
    listed = runner.invoke(app, ["cases", "--rule", "ofac_50", "--db", owners_db])
    assert listed.exit_code == 0 and "Volkov Holdings Ltd" in listed.output
    from lookthrough.review import Ledger
    from lookthrough.workspace import Workspace

    workspace = Workspace(owners_db)
    key = next(c.hit_key for c in Ledger(workspace.store).cases() if c.name == "Volkov Holdings Ltd")
    workspace.close()
    monkeypatch.setenv("LOOKTHROUGH_FOUR_EYES_SCORE", "0.5")
    monkeypatch.setenv("LOOKTHROUGH_TOKEN", secrets["alice"])
    decided = runner.invoke(
        app, ["decide", key, "match", "--reason", "both owners on the SDN list", "--db", owners_db]
    )
    assert decided.exit_code == 0 and "the case is now pending" in decided.output
    own = runner.invoke(app, ["decide", key, "approve", "--reason", "ok", "--db", owners_db])
    assert own.exit_code == 1 and "approving needs the approver role" in own.output
    monkeypatch.setenv("LOOKTHROUGH_TOKEN", secrets["carol"])
    approved = runner.invoke(app, ["decide", key, "approve", "--reason", "checked", "--db", owners_db])
    assert approved.exit_code == 0 and "the case is now decided" in approved.output
    done = runner.invoke(app, ["cases", "--state", "decided", "--db", owners_db])
    assert key in done.output
