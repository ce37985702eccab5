"""What every storage backend offers: snapshots in, current statements out."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from lookthrough.model import Entity, EntityMeta, Snapshot, Statement
from lookthrough.sources._relation import name_key
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

    def current_statement_rows(self) -> Iterator[tuple[Any, ...]]:
        """The statements of `current_statements` as rows of the columns the catalog reads
        (entity_id, schema, prop, value, dataset, citation, evidence, source_url, lang,
        snapshot_id); backends answer this without making a Statement per row."""
        for s in self.current_statements():
            yield (s.entity_id, s.schema, s.prop, s.value, s.dataset, s.citation, s.evidence.value,
                   s.source_url, s.lang, s.snapshot_id)  # fmt: skip

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

    def existing(self, entity_ids: Iterable[str]) -> set[str]:
        """Which of these entity ids the current snapshots hold."""
        return {i for i in set(entity_ids) if self.entity(i) is not None}

    def listed_names(self, names: Iterable[str], *, besides: str) -> dict[str, str]:
        """For each name a listed party of the current snapshots bears (compared by `name_key`),
        the id of one such party; parties of the dataset `besides` are left out."""
        wanted = {name_key(n) for n in names}
        named: dict[str, set[str]] = {}
        listed: set[str] = set()
        for s in self.current_statements():
            if s.dataset == besides:
                continue
            if s.prop in ("name", "alias") and name_key(s.value) in wanted:
                named.setdefault(name_key(s.value), set()).add(s.entity_id)
            elif s.schema == "Sanction" and s.prop == "entity":
                listed.add(s.value)
        found = {key: sorted(ids & listed) for key, ids in named.items()}
        return {key: ids[0] for key, ids in found.items() if ids}

    def transaction(self) -> AbstractContextManager[Tx]:
        """A transaction for the review tables; statements use `:name` parameters.

        The default serves DuckDB; other backends override it."""
        from lookthrough.store.sql import duckdb_transaction

        return duckdb_transaction(self)

    def fingerprint(self) -> str:
        """Changes whenever the set of current snapshots changes (for caches)."""
        return ",".join(sorted(s.id for s in self.snapshots()))
