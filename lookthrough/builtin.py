"""The curated dataset shipped inside the package, loaded into every fresh database."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from lookthrough.exc import StoreError
from lookthrough.sources.curated import CuratedYaml
from lookthrough.sources.load import LoadResult, load_source
from lookthrough.store import Store

CURATED_SOURCE = "curated"


def builtin_path() -> Path:
    return Path(str(files("lookthrough") / "data" / "curated"))


def ensure_builtin(store: Store) -> LoadResult | None:
    """Load the shipped dataset if this database lacks it or holds an older version."""
    path = builtin_path()
    if not path.exists():
        return None
    # Only the curated adapter is imported: every command starts here, and the others load slowly.
    result = load_source(store, CuratedYaml, path, origin="built-in dataset (lookthrough package)")
    if not result.ok:
        # The shipped data failing to load is a defect, never a silent "no match".
        raise StoreError(f"the built-in dataset did not load: {result.snapshot.error}")
    return None if result.unchanged else result
