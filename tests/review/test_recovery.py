"""A run a stopped server left unfinished is marked failed on the next start, saying why; a live
run's heartbeat keeps a second server (PostgreSQL) from taking it for dead."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from fastapi.testclient import TestClient

from lookthrough.api import create_app
from lookthrough.review import Ledger, RunStatus, execute, plan_run
from lookthrough.review.ledger import now
from lookthrough.review.recovery import beat, heartbeat, recover
from tests.review.lists import HOLDINGS


def interrupted(workspace, status: RunStatus = RunStatus.RUNNING):
    run = plan_run(workspace, "h.csv", HOLDINGS.encode(), name_column="holding", created_by="a")
    run.status, run.rows_total, run.rows_done = status, 4, 2
    Ledger(workspace.store).update_run(run)
    return run


def test_a_start_marks_unfinished_runs_failed_with_the_reason(workspace):
    running, queued = interrupted(workspace), interrupted(workspace, RunStatus.QUEUED)
    done = execute(workspace, plan_run(workspace, "h.csv", HOLDINGS.encode(), name_column="holding",
                                       created_by="a").id)  # fmt: skip
    with TestClient(create_app(workspace=workspace)):
        pass
    ledger = Ledger(workspace.store)
    for run in (running, queued):
        after = ledger.run(run.id)
        assert after.status is RunStatus.FAILED and after.finished_at is not None
        assert after.error.startswith("interrupted: the server stopped while this run was")
    assert "2 of 4 rows screened" in ledger.run(running.id).error
    assert ledger.run(done.id).status is RunStatus.DONE and ledger.cases(done.id)


def test_partial_hits_of_an_interrupted_run_are_removed(workspace):
    run = interrupted(workspace)
    finished = execute(workspace, plan_run(workspace, "h.csv", HOLDINGS.encode(), name_column="holding",
                                           created_by="a").id)  # fmt: skip
    ledger = Ledger(workspace.store)
    ledger.add_hits([replace(case, run_id=run.id) for case in ledger.cases(finished.id)])
    assert ledger.cases(run.id)
    assert recover(workspace.store) == [run.id]
    assert ledger.cases(run.id) == [] and ledger.cases(finished.id)


def test_a_shared_database_spares_runs_with_a_recent_heartbeat(workspace, monkeypatch):
    alive, dead = interrupted(workspace), interrupted(workspace)
    beat(workspace.store, alive.id)
    with workspace.store.transaction() as tx:
        old = now() - timedelta(hours=1)
        tx.execute(
            "UPDATE review_runs SET heartbeat = :t, created_at = :t WHERE id = :id", {"t": old, "id": dead.id}
        )
    monkeypatch.setattr("lookthrough.review.recovery.shared", lambda store: True)
    assert recover(workspace.store) == [dead.id]
    assert Ledger(workspace.store).run(alive.id).status is RunStatus.RUNNING


def test_a_heartbeat_beats_while_the_block_runs(workspace):
    run = interrupted(workspace)
    with heartbeat(workspace.store, run.id, every=0.05):
        pass
    with workspace.store.transaction() as tx:
        assert tx.one("SELECT heartbeat FROM review_runs WHERE id = :id", {"id": run.id})[0] is not None
