"""Storage backends, chosen by the database URL."""

from __future__ import annotations

from lookthrough import settings
from lookthrough.exc import StoreError
from lookthrough.store.base import SnapshotWriter, Store


def open_store(url: str | None = None) -> Store:
    """Open the database at `url` (default: LOOKTHROUGH_DB), creating and migrating it."""
    target = url or settings.db_url()
    if target.startswith(("postgresql://", "postgres://")):
        from lookthrough.store.postgres import PostgresStore

        return PostgresStore(target)
    if "://" in target and not target.startswith("duckdb://"):
        raise StoreError(f"unsupported database URL {target!r}; use a DuckDB file path or postgresql://")
    from lookthrough.store.duckdb import DuckDBStore

    return DuckDBStore(target)


__all__ = ["SnapshotWriter", "Store", "open_store"]
