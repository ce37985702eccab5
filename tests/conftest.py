"""Shared fixtures. Each test gets its own in-memory database; the official list snapshots
beside the repository (../shared/data) are used where a test needs real data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lookthrough.store import Store, open_store

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_data_path() -> Path:
    return Path(os.environ.get("LOOKTHROUGH_SHARED_DATA", REPO.parent / "shared" / "data"))


@pytest.fixture
def shared_data() -> Path:
    path = shared_data_path()
    if not path.is_dir():
        pytest.skip(f"official list snapshots not found (set LOOKTHROUGH_SHARED_DATA); looked in {path.name}")
    return path


@pytest.fixture
def store() -> Store:
    db = open_store(":memory:")
    yield db
    db.close()


@pytest.fixture(autouse=True)
def _isolated_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Never touch a user's real database from a test.
    monkeypatch.setenv("LOOKTHROUGH_DB", str(tmp_path / "test.duckdb"))
    monkeypatch.delenv("LOOKTHROUGH_THRESHOLD", raising=False)
