"""A mistyped ISIN, LEI or USCC is never ignored in silence: the row warns, or is an error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lookthrough.cli import app
from lookthrough.screening.checks import code_warnings
from lookthrough.screening.reader import InputRow

runner = CliRunner()


@pytest.mark.parametrize(
    ("value", "warned"),
    [
        ("US0378331005", False),
        ("US0378331006", True),
        ("CNE100000PM9", True),
        ("5493001KJTIIGC8Y1R13", True),
        ("5493001KJTIIGC8Y1R12", False),
        ("ACME-123", False),
        ("", False),
    ],
)
def test_only_mistyped_codes_are_warned(value: str, warned: bool) -> None:
    found = code_warnings(InputRow(1, 2, {"isin": value}), ["isin"])
    assert bool(found) is warned
    if warned:
        label = "LEI" if len(value) == 20 else "ISIN"
        assert found == [
            f"line 2, field 'isin': {value!r} is not a valid {label} (it fails the check digit); "
            "it was not matched as a code"
        ]


def test_a_bad_isin_warns_and_the_name_is_still_screened(tmp_path: Path) -> None:
    path = tmp_path / "holdings.csv"
    path.write_text(
        "holding,isin\n"
        "Hangzhou Hikvision Digital Technology,CNE100000PM9\n"
        ",US0378331006\n"
        "Sony Group,JP3435000009\n"
    )
    result = runner.invoke(
        app, ["screen", str(path), "-n", "holding", "-i", "isin", "--db", str(tmp_path / "d")]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["status"] for r in rows] == ["hit", "error", "clear"]
    assert rows[0]["warnings"] == [
        "line 2, field 'isin': 'CNE100000PM9' is not a valid ISIN (it fails the check digit); "
        "it was not matched as a code"
    ]
    assert rows[1]["error"] == (
        "line 3, field 'isin': 'US0378331006' is not a valid ISIN (it fails the check digit); "
        "nothing else to screen"
    )
    assert "warnings" not in rows[2]
    assert "3 rows read: 1 hit, 1 clear, 1 error, 0 rejected" in result.stderr
