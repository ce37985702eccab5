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
