"""docs/python.md runs as written: its examples are doctests, run on a new database."""

from __future__ import annotations

import doctest
import shutil
from pathlib import Path

import pandas as pd
import pytest

from .conftest import REPO


def test_the_python_page_runs_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(REPO / "examples" / "holdings.csv", tmp_path / "holdings.csv")
    monkeypatch.chdir(tmp_path)
    with pd.option_context("display.width", 200, "display.max_columns", None):
        failed, attempted = doctest.testfile(
            str(REPO / "docs" / "python.md"),
            module_relative=False,
            optionflags=doctest.NORMALIZE_WHITESPACE,
            verbose=False,
        )
    assert attempted >= 12
    assert failed == 0, "docs/python.md: see the doctest output above"
