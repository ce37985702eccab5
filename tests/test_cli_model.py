"""`lookthrough model build` and `model show`, with CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from lookthrough.cli import app
from lookthrough.screening.frozen import ScreeningModel

runner = CliRunner()


def test_model_build_freezes_the_settings_given_and_show_prints_them(tmp_path: Path) -> None:
    db, target = str(tmp_path / "m.duckdb"), tmp_path / "model"
    given = ["--threshold", "0.7", "--as-of", "2025-10-15", "--policies", "ofac_50,bis_affiliates"]
    result = runner.invoke(app, ["model", "build", str(target), "--db", db, *given])
    assert result.exit_code == 0, result.output
    model = ScreeningModel.open(target)
    assert f"model {model.key} saved in {target}" in result.output
    assert (
        "name_v2, threshold 0.7, as of 2025-10-15, rules in force: ofac_50, bis_affiliates" in result.output
    )
    assert "lookthrough_curated: snapshot" in result.output
    shown = runner.invoke(app, ["model", "show", str(target)])
    assert shown.exit_code == 0 and json.loads(shown.output)["key"] == model.key


def test_model_build_and_show_refuse_bad_input(tmp_path: Path) -> None:
    db = str(tmp_path / "m.duckdb")
    bad = runner.invoke(app, ["model", "build", str(tmp_path / "x"), "--db", db, "--as-of", "2025-9-30"])
    assert bad.exit_code == 2 and "as_of '2025-9-30' is not an ISO date" in bad.output
    unknown = runner.invoke(app, ["model", "build", str(tmp_path / "x"), "--db", db, "--policies", "ofac_5"])
    assert unknown.exit_code == 2 and "unknown look-through policy 'ofac_5'" in unknown.output
    assert not (tmp_path / "x").exists()
    missing = runner.invoke(app, ["model", "show", str(tmp_path)])
    assert missing.exit_code == 1 and "not a saved screening model" in missing.output
