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


@pytest.mark.parametrize("algorithm", ["name_v1", "name_v2"])
def test_each_algorithm_saves_its_model_and_a_later_process_reads_it(tmp_path: Path, algorithm: str) -> None:
    db = str(tmp_path / "w.duckdb")
    built = Workspace(db, algorithm=algorithm).load_or_build()
    path = Workspace(db, algorithm=algorithm).model_path()
    assert path is not None and path.exists()
    read = Workspace(db, algorithm=algorithm).load_or_build()
    query = "Hikvision Digital Technology"
    assert [(m.entity_id, m.score) for m in read.match(query)] == [
        (m.entity_id, m.score) for m in built.match(query)
    ]
    assert read.match(query)[0].entity_id == "lt-hikvision"
