"""The default backend: an embedded DuckDB file."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import asdict
from datetime import date, datetime
from functools import lru_cache
from operator import attrgetter
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa

from lookthrough.exc import StoreError
from lookthrough.model import Entity, EntityMeta, Evidence, Snapshot, SnapshotStatus, SourceFile, Statement
from lookthrough.sources._relation import name_key
from lookthrough.sources.base import Reject
from lookthrough.store.base import SnapshotWriter, Store
from lookthrough.store.migrations import MIGRATIONS

STATEMENT_COLUMNS = (
    "snapshot_id", "entity_id", "schema", "prop", "value", "dataset", "citation",
    "evidence", "source_url", "lang", "original_value", "first_seen", "last_seen", "seq",
)  # fmt: skip
SNAPSHOT_COLUMNS = (
    "id", "dataset", "source", "title", "origin", "retrieved_at", "published", "sha256",
    "files", "status", "entity_count", "statement_count", "reject_count", "error",
)  # fmt: skip
META_COLUMNS = ("snapshot_id", "entity_id", "datasets", "referents", "first_seen", "last_seen", "last_change")
BATCH = 100_000
"""Statements appended to the transaction at a time."""
APPEND_MEMORY = 256
"""MiB of DuckDB's buffer pool, beyond what it already holds, while a snapshot is appended
(see `_appending`)."""
EXTRA_STEPS: dict[int, tuple[str, ...]] = {
    # An ART index of millions of one key: too unselective for DuckDB to scan by, it cost the
    # GLEIF load 3 s at commit, 6 s and 1 GB at checkpoint, and 250 MB of file.
    7: ("DROP INDEX IF EXISTS statements_snapshot",),
}
"""Migration steps only DuckDB takes."""
ROW_COLUMNS = (
    "entity_id", "schema", "prop", "value", "citation", "source_url", "lang", "original_value",
)  # fmt: skip
"""The columns a buffered statement row holds, all text or None so that the garbage collector
stops tracking the tuple; evidence (an enum member, tracked), the snapshot, dataset, times and
order are added apart."""
_ROW = attrgetter(*ROW_COLUMNS)
_EVIDENCE = attrgetter("evidence")
ROW_TYPE = pa.struct([(c, pa.string()) for c in ROW_COLUMNS])
SEEN_TYPE = pa.struct([("first_seen", pa.timestamp("us")), ("last_seen", pa.timestamp("us"))])
UNSEEN = (None, None)
"""First and last seen of an entity its source does not date: the snapshot's time, set in SQL."""
INSERT_ROWS = f"""INSERT INTO statements ({", ".join(STATEMENT_COLUMNS)})
    SELECT $snapshot, entity_id, schema, prop, value, $dataset, citation, evidence, source_url, lang,
           original_value, coalesce(first_seen, $seen), coalesce(last_seen, $seen), seq FROM batch"""
META_TYPES = [pa.string()] * 4 + [pa.timestamp("us")] * 3


def _arrow(rows: list[tuple[Any, ...]], types: list[pa.DataType]) -> list[pa.Array]:
    """Rows as Arrow columns, one conversion per column."""
    columns = zip(*rows, strict=True) if rows else [[] for _ in types]
    return [pa.array(column, type=kind) for column, kind in zip(columns, types, strict=True)]


class DuckDBWriter(SnapshotWriter):
    """Buffers statements as plain rows and appends them to the open transaction in Arrow
    batches. Rows are tuples taken in C (attrgetter) and turned into columns by Arrow (a struct
    array, flattened): a Python loop per value costs more than the database's own work."""

    def __init__(self, con: duckdb.DuckDBPyConnection, snapshot: Snapshot) -> None:
        self.con = con
        self.snapshot = snapshot
        self.rows: list[tuple[Any, ...]] = []
        self.seen: list[tuple[datetime | None, datetime | None]] = []
        self.evidence: list[Evidence] = []
        self.meta: list[tuple[Any, ...]] = []
        self.entity_count = 0
        self.statement_count = 0
        self.flushed = 0

    def add(self, entity: Entity) -> None:
        self.entity_count += 1
        statements = entity.statements
        if entity.meta is None:
            seen: tuple[datetime | None, datetime | None] = UNSEEN
        else:
            seen = seen_times(entity, self.snapshot)
            self.meta.append(meta_row(self.snapshot.id, entity.id, entity.meta))
        self.rows.extend(map(_ROW, statements))
        self.evidence.extend(map(_EVIDENCE, statements))
        self.seen.extend([seen] * len(statements))
        self.statement_count += len(statements)
        if len(self.rows) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if self.meta:
            meta = pa.Table.from_arrays(_arrow(self.meta, META_TYPES), names=list(META_COLUMNS))  # noqa: F841
            self.con.execute("INSERT INTO entity_meta SELECT * FROM meta")
            self.meta = []
        if not self.rows:
            return
        seq = pa.array(np.arange(self.flushed, self.flushed + len(self.rows), dtype=np.int64))
        columns = pa.array(self.rows, type=ROW_TYPE).flatten()
        seen = pa.array(self.seen, type=SEEN_TYPE).flatten()
        evidence = pa.array(self.evidence, type=pa.string())
        batch = pa.Table.from_arrays(  # noqa: F841  (read by DuckDB by name)
            [*columns, evidence, *seen, seq],
            names=[*ROW_COLUMNS, "evidence", "first_seen", "last_seen", "seq"],
        )
        params = {"snapshot": self.snapshot.id, "dataset": self.snapshot.dataset,
                  "seen": self.snapshot.retrieved_at}  # fmt: skip
        self.con.execute(INSERT_ROWS, params)
        self.flushed += len(self.rows)
        self.rows = []
        self.seen = []
        self.evidence = []

    def add_rejects(self, rejects: Iterable[Reject]) -> None:
        rows = [(self.snapshot.id, r.path, r.line, r.field, r.reason, r.raw) for r in rejects]
        if rows:
            types = [pa.string(), pa.string(), pa.int64(), pa.string(), pa.string(), pa.string()]
            names = ["snapshot_id", "path", "line", "field", "reason", "raw"]
            rejected = pa.Table.from_arrays(_arrow(rows, types), names=names)  # noqa: F841
            self.con.execute(f"INSERT INTO rejects ({', '.join(names)}) SELECT * FROM rejected")


class DuckDBStore(Store):
    """Snapshots and statements in one DuckDB file (or in memory for ':memory:')."""

    def __init__(self, url: str) -> None:
        self.url = url
        path = url.removeprefix("duckdb://")
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = duckdb.connect(path)
        except duckdb.Error as error:
            raise StoreError(f"cannot open database {path}: {error}") from error
        self.con.execute("SET enable_progress_bar = false")
        # Read once: DuckDB shows the limit rounded down, so reading it back each load would
        # lower it by 0.1 GiB a time.
        settings = self.con.execute("SELECT current_setting('threads'), current_setting('memory_limit')")
        self.settings: tuple[int, str] = settings.fetchone()  # type: ignore[assignment]
        self._migrate()

    def _migrate(self) -> None:
        self.con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        current = (row[0] if row else None) or 0
        for version, _title, steps in MIGRATIONS:
            if version <= current:
                continue
            self.con.begin()
            for step in (*steps, *EXTRA_STEPS.get(version, ())):
                self.con.execute(step)
            self.con.execute("INSERT INTO schema_version VALUES (?)", [version])
            self.con.commit()

    @contextmanager
    def write_snapshot(self, snapshot: Snapshot) -> Iterator[DuckDBWriter]:
        writer = DuckDBWriter(self.con, snapshot)
        self.con.begin()
        try:
            with _appending(self.con, *self.settings):
                yield writer
                writer.flush()
            # The commit builds the index entries in memory, and the checkpoint after it must
            # hold the index whole: both under DuckDB's own limit, not the append's.
            self._promote(snapshot, writer)
            self.con.commit()
        except BaseException:
            # A commit that failed (e.g. on a full disk) has already ended the transaction: a
            # second error from the rollback must not hide the first.
            with suppress(duckdb.Error):
                self.con.rollback()
            raise

    def _promote(self, snapshot: Snapshot, writer: DuckDBWriter) -> None:
        previous = self.current(snapshot.dataset)
        if previous is not None:
            self.con.execute(
                """UPDATE statements AS n SET first_seen = LEAST(n.first_seen, o.first_seen)
                   FROM statements AS o
                   WHERE n.snapshot_id = ? AND o.snapshot_id = ? AND o.entity_id = n.entity_id
                     AND o.prop = n.prop AND o.value = n.value""",
                [snapshot.id, previous.id],
            )
            self.con.execute(
                "UPDATE snapshots SET status = ? WHERE id = ?",
                [SnapshotStatus.SUPERSEDED.value, previous.id],
            )
        snapshot.status = SnapshotStatus.CURRENT
        snapshot.entity_count = writer.entity_count
        snapshot.statement_count = writer.statement_count
        self._insert_snapshot(snapshot)

    def _insert_snapshot(self, snapshot: Snapshot) -> None:
        values = [
            snapshot.id, snapshot.dataset, snapshot.source, snapshot.title, snapshot.origin,
            snapshot.retrieved_at, snapshot.published, snapshot.sha256,
            json.dumps([asdict(f) for f in snapshot.files]), snapshot.status.value,
            snapshot.entity_count, snapshot.statement_count, snapshot.reject_count, snapshot.error,
        ]  # fmt: skip
        marks = ", ".join("?" for _ in values)
        self.con.execute(f"INSERT INTO snapshots VALUES ({marks})", values)

    def record_failure(self, snapshot: Snapshot) -> None:
        self._insert_snapshot(snapshot)

    def snapshots(self, *, include_history: bool = False) -> list[Snapshot]:
        where = "" if include_history else "WHERE status = 'current'"
        cols = ", ".join(SNAPSHOT_COLUMNS)
        rows = self.con.execute(f"SELECT {cols} FROM snapshots {where} ORDER BY retrieved_at, id").fetchall()
        return [_snapshot(row) for row in rows]

    def current_statements(self) -> Iterator[Statement]:
        cursor = self.con.execute(
            f"""SELECT {", ".join("s." + c for c in STATEMENT_COLUMNS)}
                FROM statements s JOIN snapshots p ON s.snapshot_id = p.id
                WHERE p.status = 'current' ORDER BY s.entity_id, s.snapshot_id, s.seq"""
        )
        while rows := cursor.fetchmany(BATCH):
            for row in rows:
                yield _statement(row)

    def current_statement_rows(self) -> Iterator[tuple[Any, ...]]:
        cursor = self.con.execute(
            """SELECT s.entity_id, s.schema, s.prop, s.value, s.dataset, s.citation, s.evidence,
                      s.source_url, s.lang, s.snapshot_id
               FROM statements s JOIN snapshots p ON s.snapshot_id = p.id
               WHERE p.status = 'current' ORDER BY s.entity_id, s.snapshot_id, s.seq"""
        )
        while rows := cursor.fetchmany(BATCH):
            yield from rows

    def entity(self, entity_id: str) -> Entity | None:
        rows = self.con.execute(
            f"""SELECT {", ".join("s." + c for c in STATEMENT_COLUMNS)}
                FROM statements s JOIN snapshots p ON s.snapshot_id = p.id
                WHERE p.status = 'current' AND s.entity_id = ? ORDER BY s.snapshot_id, s.seq""",
            [entity_id],
        ).fetchall()
        return Entity.from_statements([_statement(r) for r in rows]) if rows else None

    def existing(self, entity_ids: Iterable[str]) -> set[str]:
        wanted = sorted(set(entity_ids))
        rows = self.con.execute(
            """SELECT DISTINCT s.entity_id FROM statements s JOIN snapshots p ON s.snapshot_id = p.id
               WHERE p.status = 'current' AND s.entity_id IN (SELECT unnest(?))""",
            [wanted],
        ).fetchall()
        return {row[0] for row in rows}

    def listed_names(self, names: Iterable[str], *, besides: str) -> dict[str, str]:
        keys = {name_key(n): n for n in names}
        rows = self.con.execute(
            """SELECT s.value, s.entity_id FROM statements s JOIN snapshots p ON s.snapshot_id = p.id
               WHERE p.status = 'current' AND p.dataset <> ? AND s.prop IN ('name', 'alias')
                 AND regexp_replace(trim(lower(s.value)), '\\s+', ' ', 'g') IN (SELECT unnest(?))
                 AND s.entity_id IN (
                     SELECT t.value FROM statements t JOIN snapshots q ON t.snapshot_id = q.id
                     WHERE q.status = 'current' AND t.schema = 'Sanction' AND t.prop = 'entity')
               ORDER BY s.entity_id""",
            [besides, sorted({" ".join(n.lower().split()) for n in keys.values()})],
        ).fetchall()
        found: dict[str, str] = {}
        for value, entity_id in rows:
            if name_key(value) in keys:
                found.setdefault(name_key(value), entity_id)
        return found

    def current_meta(self) -> Iterator[tuple[str, EntityMeta]]:
        cursor = self.con.execute(
            f"""SELECT {", ".join("m." + c for c in META_COLUMNS)} FROM entity_meta m
                JOIN snapshots p ON m.snapshot_id = p.id WHERE p.status = 'current'"""
        )
        while rows := cursor.fetchmany(BATCH):
            yield from (_meta(row) for row in rows)

    def rejects(self, snapshot_id: str) -> list[Reject]:
        rows = self.con.execute(
            "SELECT path, line, field, reason, raw FROM rejects WHERE snapshot_id = ? ORDER BY path, line",
            [snapshot_id],
        ).fetchall()
        return [Reject(*row) for row in rows]

    def close(self) -> None:
        self.con.close()


@contextmanager
def _appending(con: duckdb.DuckDBPyConnection, threads: int, limit: str) -> Iterator[None]:
    """One thread and a capped buffer pool while a snapshot's statements are appended; then
    `threads` and `limit` (the store's) again.

    With two threads the inserts ran as parallel batch inserts at twice the CPU of one (GLEIF:
    75 s against 33 s for 21 million statements); and the pool kept every block written cached
    (900 MB), though the load never reads them again. The cap is set above what DuckDB already
    holds, which it may not be able to give up. Both settings are the database's, not the
    connection's: loads run alone (`update`, the built-in dataset at start)."""
    held = con.execute("SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory()").fetchone()
    con.execute("SET threads = 1")
    con.execute(f"SET memory_limit = '{int(held[0] if held else 0) // 2**20 + APPEND_MEMORY}MiB'")
    # Set back, not RESET: RESET memory_limit leaves the pool at the cap (DuckDB 1.5), and a
    # checkpoint that then cannot hold the index fails fatally.
    restore = (f"SET threads = {int(threads)}", f"SET memory_limit = '{limit}'")
    try:
        yield
    except BaseException:
        with suppress(duckdb.Error):  # the load's own error is the one to report
            for step in restore:
                con.execute(step)
        raise
    for step in restore:
        con.execute(step)


def seen_times(entity: Entity, snapshot: Snapshot) -> tuple[datetime, datetime]:
    """When an entity's facts were first and last seen: as its FtM export says, else now."""
    meta = entity.meta
    first = meta.first_seen if meta is not None and meta.first_seen else None
    last = meta.last_seen if meta is not None and meta.last_seen else None
    seen = snapshot.retrieved_at
    return (_timestamp(first) if first else seen, _timestamp(last) if last else seen)


@lru_cache(maxsize=1 << 16)
def _timestamp(text: str) -> datetime:
    return datetime.fromisoformat(text)


@lru_cache(maxsize=1 << 12)
def _names(values: tuple[str, ...]) -> str:
    """Datasets as stored (a few lists repeat over millions of entities)."""
    return json.dumps(list(values))


def meta_row(snapshot_id: str, entity_id: str, meta: EntityMeta) -> tuple[Any, ...]:
    times = (meta.first_seen, meta.last_seen, meta.last_change)
    return (snapshot_id, entity_id, _names(tuple(meta.datasets)), json.dumps(meta.referents),
            *(_timestamp(t) if t else None for t in times))  # fmt: skip


def _meta(row: tuple[Any, ...]) -> tuple[str, EntityMeta]:
    _snapshot_id, entity_id, datasets, referents, *times = row
    return entity_id, EntityMeta(json.loads(datasets), json.loads(referents), *map(_iso, times))


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _statement(row: tuple[Any, ...]) -> Statement:
    (snapshot_id, entity_id, schema, prop, value, dataset, citation, evidence,
     source_url, lang, original_value, first_seen, last_seen, _seq) = row  # fmt: skip
    return Statement(
        entity_id=entity_id, schema=schema, prop=prop, value=value, dataset=dataset,
        citation=citation, evidence=Evidence(evidence), source_url=source_url, lang=lang,
        original_value=original_value, snapshot_id=snapshot_id,
        first_seen=_iso(first_seen), last_seen=_iso(last_seen),
    )  # fmt: skip


def _snapshot(row: tuple[Any, ...]) -> Snapshot:
    values = dict(zip(SNAPSHOT_COLUMNS, row, strict=True))
    published = values["published"]
    return Snapshot(
        id=values["id"], dataset=values["dataset"], source=values["source"], title=values["title"],
        origin=values["origin"], retrieved_at=values["retrieved_at"], sha256=values["sha256"],
        files=[SourceFile(**f) for f in json.loads(values["files"])],
        published=published if isinstance(published, date) else None,
        status=SnapshotStatus(values["status"]), entity_count=values["entity_count"],
        statement_count=values["statement_count"], reject_count=values["reject_count"],
        error=values["error"],
    )  # fmt: skip
