"""The cached index is reused only by the same code over the same snapshots."""

from __future__ import annotations

from pathlib import Path

import pytest

from lookthrough import workspace
from lookthrough.workspace import Workspace


def test_cache_is_reused_by_the_same_code_and_rebuilt_after_a_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "w.duckdb")
    first = Workspace(db)
    path = first.model_path()
    assert path is not None
    first.load_or_build()  # builds and writes the model
    assert path.exists()
    assert Workspace(db).model_path() == path

    monkeypatch.setattr(workspace, "code_fingerprint", lambda: "other code")
    changed = Workspace(db)
    assert changed.model_path() != path
    changed.load_or_build()
    assert changed.model_path().exists()  # type: ignore[union-attr]
    assert not path.exists()  # the stale index is cleared away
