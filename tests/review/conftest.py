from __future__ import annotations

import pytest

from lookthrough.sources.load import load_path
from lookthrough.workspace import Workspace
from tests.review.lists import write_list


@pytest.fixture
def workspace(tmp_path) -> Workspace:
    """A fresh database with the built-in data and the small test list loaded."""
    ws = Workspace(str(tmp_path / "review.duckdb"))
    assert all(r.ok for r in load_path(ws.store, write_list(tmp_path)))
    yield ws
    ws.close()
