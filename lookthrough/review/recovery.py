"""Runs a stopped server left unfinished: each running run beats a heartbeat into its row, and on
start-up every run that is still queued or running with no recent beat is marked failed, saying
why, with any partial hits and outputs removed (decisions, append-only, are never touched)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from lookthrough.review.ledger import now
from lookthrough.store import Store

BEAT_SECONDS = 30.0
STALE_AFTER = timedelta(minutes=10)
"""A run with no heartbeat for this long has no live server behind it (PostgreSQL, where several
servers share a database). A DuckDB file has one server at a time: all its unfinished runs are."""
UNFINISHED = "('queued', 'running')"


def beat(store: Store, run_id: str) -> None:
    with store.transaction() as tx:
        tx.execute("UPDATE review_runs SET heartbeat = :now WHERE id = :id", {"now": now(), "id": run_id})


@contextmanager
def heartbeat(store: Store, run_id: str, every: float = BEAT_SECONDS) -> Iterator[None]:
    """Beat for `run_id` every `every` seconds until the block ends."""
    stop = threading.Event()

    def beating() -> None:
        while True:
            beat(store, run_id)
            if stop.wait(every):
                return

    thread = threading.Thread(target=beating, name=f"heartbeat-{run_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=every + 5)


def shared(store: Store) -> bool:
    """Whether other servers may use this database at the same time (PostgreSQL)."""
    return store.url.startswith(("postgresql://", "postgres://"))


def recover(store: Store) -> list[str]:
    """Mark every run left unfinished by a stopped server failed, with the reason; their ids."""
    cutoff = now() - STALE_AFTER if shared(store) else None
    stale = "" if cutoff is None else " AND coalesce(heartbeat, created_at) < :cutoff"
    with store.transaction() as tx:
        rows = tx.query(
            f"SELECT id, status, rows_done, rows_total FROM review_runs WHERE status IN {UNFINISHED}{stale}",
            {"cutoff": cutoff},
        )
        for run_id, status, done, total in rows:
            of = f" of {total}" if total is not None else ""
            reason = (
                f"interrupted: the server stopped while this run was {status} ({done}{of} rows screened); "
                "nothing of it was kept, upload the file again"
            )
            tx.execute("DELETE FROM review_hits WHERE run_id = :id", {"id": run_id})
            tx.execute("DELETE FROM review_outputs WHERE run_id = :id", {"id": run_id})
            tx.execute(
                """UPDATE review_runs SET status = 'failed', error = :reason, finished_at = :now
                   WHERE id = :id""",
                {"reason": reason, "now": now(), "id": run_id},
            )
    return [row[0] for row in rows]
