"""The hostile-input corpus: each case of the 97-case trial (issue 12) made at test time, small,
and replayed through the public commands and calls with the exact clean behaviour asserted."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from lookthrough.cli import app


@pytest.fixture
def cli(tmp_path: Path):
    """Run `lookthrough ARGS --db <tmp>`; returns the result (stdout and stderr apart)."""
    runner = CliRunner()
    db = str(tmp_path / "hostile.duckdb")

    def run(*args: str):
        return runner.invoke(app, [*args, "--db", db], catch_exceptions=True)

    return run


def no_traceback(result) -> None:
    """The command ended on purpose: an exit code, never an uncaught exception."""
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
