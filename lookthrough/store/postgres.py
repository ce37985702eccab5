"""A PostgreSQL backend for a shared review server (psycopg 3), with the same migrations."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from typing import Any

import psycopg
from psycopg_pool import ConnectionPool

from lookthrough.exc import StoreError
from lookthrough.model import Entity, EntityMeta, Snapshot, SnapshotStatus
from lookthrough.model.statement import Statement
from lookthrough.sources.base import Reject
from lookthrough.store.base import SnapshotWriter, Store
from lookthrough.store.duckdb import (
    META_COLUMNS,
    SNAPSHOT_COLUMNS,
    STATEMENT_COLUMNS,
    _meta,
    _snapshot,
    _statement,
    meta_row,
    seen_times,
)
from lookthrough.store.migrations import MIGRATIONS
from lookthrough.store.sql import Tx, spell

BATCH = 50_000
MIGRATION_LOCK = 7_140_211
"""Advisory lock key, so two servers starting at once migrate one after the other."""

EXTRA_STEPS: dict[int, tuple[str, ...]] = {
    3: (
        """CREATE FUNCTION lookthrough_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
           BEGIN
               RAISE EXCEPTION 'the audit log % is append-only: % refused', TG_TABLE_NAME, TG_OP;
           END $$""",
        """CREATE TRIGGER review_decisions_append_only
           BEFORE UPDATE OR DELETE ON review_decisions
           FOR EACH ROW EXECUTE FUNCTION lookthrough_append_only()""",
        """CREATE TRIGGER review_decisions_no_truncate
           BEFORE TRUNCATE ON review_decisions
           FOR EACH STATEMENT EXECUTE FUNCTION lookthrough_append_only()""",
    ),
    6: (
        """CREATE TRIGGER review_assignments_append_only
           BEFORE UPDATE OR DELETE ON review_assignments
           FOR EACH ROW EXECUTE FUNCTION lookthrough_append_only()""",
        """CREATE TRIGGER review_assignments_no_truncate
           BEFORE TRUNCATE ON review_assignments
           FOR EACH STATEMENT EXECUTE FUNCTION lookthrough_append_only()""",
    ),
}
"""What only PostgreSQL can enforce, applied with the numbered migration it belongs to."""

STATEMENTS_SQL = f"""SELECT {", ".join("s." + c for c in STATEMENT_COLUMNS)}
    FROM statements s JOIN snapshots p ON s.snapshot_id = p.id WHERE p.status = 'current'"""


class PostgresWriter(SnapshotWriter):
    """Streams statements into the open transaction with COPY."""

    def __init__(self, con: psycopg.Connection[Any], snapshot: Snapshot) -> None:
        self.con = con
        self.snapshot = snapshot
        self.rows: list[tuple[Any, ...]] = []
        self.meta: list[tuple[Any, ...]] = []
        self.entity_count = 0
        self.statement_count = 0

    def add(self, entity: Entity) -> None:
        self.entity_count += 1
        first, last = seen_times(entity, self.snapshot)
        if entity.meta is not None:
            self.meta.append(meta_row(self.snapshot.id, entity.id, entity.meta))
        for offset, s in enumerate(entity.statements):
            self.rows.append(
                (
                    self.snapshot.id,
                    s.entity_id,
                    s.schema,
                    s.prop,
                    s.value,
                    self.snapshot.dataset,
                    s.citation,
                    s.evidence.value,
                    s.source_url,
                    s.lang,
                    s.original_value,
                    first,
                    last,
                    self.statement_count + offset,
                )
            )
        self.statement_count += len(entity.statements)
        if len(self.rows) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if self.meta:
            with self.con.cursor() as cur:
                cur.executemany(f"INSERT INTO entity_meta VALUES ({', '.join(['%s'] * 7)})", self.meta)
            self.meta = []
        with (
            self.con.cursor() as cur,
            cur.copy(f"COPY statements ({', '.join(STATEMENT_COLUMNS)}) FROM STDIN") as copy,
        ):
            for row in self.rows:
                copy.write_row(row)
        self.rows = []

    def add_rejects(self, rejects: Iterable[Reject]) -> None:
        rows = [(self.snapshot.id, r.path, r.line, r.field, r.reason, r.raw) for r in rejects]
        if rows:
            with self.con.cursor() as cur:
                cur.executemany("INSERT INTO rejects VALUES (%s, %s, %s, %s, %s, %s)", rows)


class PostgresStore(Store):
    """Snapshots, statements and the review tables in a PostgreSQL database."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self.pool = ConnectionPool(
                url, min_size=1, max_size=8, kwargs={"autocommit": True}, open=True, timeout=10
            )
            self.pool.wait(timeout=10)
            self._migrate()
        except (psycopg.Error, OSError, TimeoutError) as error:
            raise StoreError(f"cannot open database {_safe(url)}: {error}") from error

    def _migrate(self) -> None:
        with self.pool.connection() as con, con.transaction():
            con.execute("SELECT pg_advisory_xact_lock(%s)", [MIGRATION_LOCK])
            con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = con.execute("SELECT max(version) FROM schema_version").fetchone()
            current = (row[0] if row else None) or 0
            for version, _title, steps in MIGRATIONS:
                if version > current:
                    for step in (*steps, *EXTRA_STEPS.get(version, ())):
                        con.execute(step.encode())
                    con.execute("INSERT INTO schema_version VALUES (%s)", [version])

    @contextmanager
    def transaction(self) -> Iterator[Tx]:
        with self.pool.connection() as con, con.transaction(), con.cursor() as cur:
            yield Tx(cur, "pyformat")

    @contextmanager
    def write_snapshot(self, snapshot: Snapshot) -> Iterator[PostgresWriter]:
        with self.pool.connection() as con, con.transaction():
            writer = PostgresWriter(con, snapshot)
            yield writer
            writer.flush()
            self._promote(con, snapshot, writer)

    def _promote(self, con: psycopg.Connection[Any], snapshot: Snapshot, writer: PostgresWriter) -> None:
        previous = self.current(snapshot.dataset)
        if previous is not None:
            con.execute(
                """UPDATE statements AS n SET first_seen = LEAST(n.first_seen, o.first_seen)
                   FROM statements AS o
                   WHERE n.snapshot_id = %s AND o.snapshot_id = %s AND o.entity_id = n.entity_id
                     AND o.prop = n.prop AND o.value = n.value""",
                [snapshot.id, previous.id],
            )
            con.execute(
                "UPDATE snapshots SET status = %s WHERE id = %s",
                [SnapshotStatus.SUPERSEDED.value, previous.id],
            )
        snapshot.status = SnapshotStatus.CURRENT
        snapshot.entity_count = writer.entity_count
        snapshot.statement_count = writer.statement_count
        _insert_snapshot(con, snapshot)

    def record_failure(self, snapshot: Snapshot) -> None:
        with self.pool.connection() as con:
            _insert_snapshot(con, snapshot)

    def snapshots(self, *, include_history: bool = False) -> list[Snapshot]:
        where = "" if include_history else "WHERE status = 'current'"
        sql = f"SELECT {', '.join(SNAPSHOT_COLUMNS)} FROM snapshots {where} ORDER BY retrieved_at, id"
        with self.pool.connection() as con:
            return [_snapshot(row) for row in con.execute(sql).fetchall()]

    def current_statements(self) -> Iterator[Statement]:
        # A named (server-side) cursor streams millions of rows without holding them all.
        with self.pool.connection() as con, con.transaction(), con.cursor(name="statements") as cur:
            cur.execute(STATEMENTS_SQL + " ORDER BY s.entity_id, s.snapshot_id, s.seq")
            while rows := cur.fetchmany(BATCH):
                yield from (_statement(row) for row in rows)

    def entity(self, entity_id: str) -> Entity | None:
        sql = spell(STATEMENTS_SQL + " AND s.entity_id = :id ORDER BY s.snapshot_id, s.seq", "pyformat")
        with self.pool.connection() as con:
            rows = con.execute(sql, {"id": entity_id}).fetchall()
        return Entity.from_statements([_statement(r) for r in rows]) if rows else None

    def current_meta(self) -> Iterator[tuple[str, EntityMeta]]:
        sql = f"""SELECT {", ".join("m." + c for c in META_COLUMNS)} FROM entity_meta m
                  JOIN snapshots p ON m.snapshot_id = p.id WHERE p.status = 'current'"""
        with self.pool.connection() as con, con.transaction(), con.cursor(name="meta") as cur:
            cur.execute(sql)
            while rows := cur.fetchmany(BATCH):
                yield from (_meta(row) for row in rows)

    def rejects(self, snapshot_id: str) -> list[Reject]:
        with self.pool.connection() as con:
            sql = "SELECT path, line, field, reason, raw FROM rejects WHERE snapshot_id = %s ORDER BY 1, 2"
            rows = con.execute(sql, [snapshot_id]).fetchall()
        return [Reject(*row) for row in rows]

    def close(self) -> None:
        self.pool.close()


def _insert_snapshot(con: psycopg.Connection[Any], snapshot: Snapshot) -> None:
    values = [
        snapshot.id,
        snapshot.dataset,
        snapshot.source,
        snapshot.title,
        snapshot.origin,
        snapshot.retrieved_at,
        snapshot.published,
        snapshot.sha256,
        json.dumps([asdict(f) for f in snapshot.files]),
        snapshot.status.value,
        snapshot.entity_count,
        snapshot.statement_count,
        snapshot.reject_count,
        snapshot.error,
    ]
    marks = ", ".join("%s" for _ in values)
    con.execute(f"INSERT INTO snapshots ({', '.join(SNAPSHOT_COLUMNS)}) VALUES ({marks})", values)


def _safe(url: str) -> str:
    """The URL without its password, for error messages."""
    return psycopg.conninfo.make_conninfo(url, password="***") if "@" in url else url
