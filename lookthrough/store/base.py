"""What every storage backend offers: snapshots in, current statements out."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from lookthrough.model import Entity, EntityMeta, Snapshot, Statement
from lookthrough.sources.base import Reject

if TYPE_CHECKING:
    from lookthrough.store.sql import Tx


class SnapshotWriter(ABC):
    """Collects one snapshot's entities and rejects inside a transaction."""

    entity_count: int = 0
    statement_count: int = 0

    @abstractmethod
    def add(self, entity: Entity) -> None:
        """Stage one entity's statements."""

    @abstractmethod
    def add_rejects(self, rejects: Iterable[Reject]) -> None:
        """Record rejected records alongside the snapshot."""


class Store(ABC):
    """A database of snapshots; only current snapshots are used for screening."""

    url: str

    @abstractmethod
    def write_snapshot(self, snapshot: Snapshot) -> AbstractContextManager[SnapshotWriter]:
        """Open a transaction for `snapshot`; on clean exit it becomes the current one."""

    @abstractmethod
    def record_failure(self, snapshot: Snapshot) -> None:
        """Keep a failed or refused snapshot's provenance (and no statements)."""

    @abstractmethod
    def snapshots(self, *, include_history: bool = False) -> list[Snapshot]:
        """Current snapshots, or every snapshot ever attempted."""

    def current(self, dataset: str) -> Snapshot | None:
        for snapshot in self.snapshots():
            if snapshot.dataset == dataset:
                return snapshot
        return None

    @abstractmethod
    def current_statements(self) -> Iterator[Statement]:
        """Every statement of every current snapshot, grouped by entity id."""

    @abstractmethod
    def entity(self, entity_id: str) -> Entity | None:
        """One entity from the current snapshots."""

    @abstractmethod
    def current_meta(self) -> Iterator[tuple[str, EntityMeta]]:
        """(entity id, what its FtM export said of it) for every entity of the current snapshots
        that came with such metadata (datasets, referents, first/last seen, last change)."""

    @abstractmethod
    def rejects(self, snapshot_id: str) -> list[Reject]:
        """The records a snapshot's load rejected."""

    @abstractmethod
    def close(self) -> None: ...

    def transaction(self) -> AbstractContextManager[Tx]:
        """A transaction for the review tables; statements use `:name` parameters.

        The default serves DuckDB; other backends override it."""
        from lookthrough.store.sql import duckdb_transaction

        return duckdb_transaction(self)

    def fingerprint(self) -> str:
        """Changes whenever the set of current snapshots changes (for caches)."""
        return ",".join(sorted(s.id for s in self.snapshots()))
