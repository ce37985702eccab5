"""The public surface of each package, pinned so changes are deliberate."""

from __future__ import annotations

import lookthrough.model
import lookthrough.names
import lookthrough.sources


def test_model_exports() -> None:
    assert set(lookthrough.model.__all__) == {
        "Entity", "Evidence", "RelationKind", "Snapshot", "SnapshotStatus", "SourceFile",
        "Statement", "from_ftm", "link", "listing", "ownership", "to_ftm",
    }  # fmt: skip


def test_names_exports() -> None:
    assert set(lookthrough.names.__all__) == {"NameForm", "analyze", "variants"}


def test_sources_exports() -> None:
    assert {"Source", "register", "get_source", "detect_source"} <= set(lookthrough.sources.__all__)
