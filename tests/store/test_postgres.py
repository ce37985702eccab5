"""The PostgreSQL backend against a real server: snapshots, statements, rejects, review tables."""

from __future__ import annotations

import os
import uuid
from urllib.parse import quote

import pytest

from lookthrough.exc import StoreError
from lookthrough.review import Ledger, State, Verdict, execute, plan_run, rescreen
from lookthrough.sources.load import load_path
from lookthrough.store import open_store
from lookthrough.store.migrations import latest_version
from lookthrough.workspace import Workspace
from tests.review.lists import write_holdings, write_list

SERVER = os.environ.get("LOOKTHROUGH_TEST_POSTGRES")
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not SERVER, reason="no PostgreSQL server given (set LOOKTHROUGH_TEST_POSTGRES)"),
]


@pytest.fixture
def url():
    """A URL whose connections work in a fresh schema of their own, dropped afterwards."""
    import psycopg

    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(SERVER, autocommit=True) as con:
        con.execute(f'CREATE SCHEMA "{schema}"')
    joiner = "&" if "?" in SERVER else "?"
    yield f"{SERVER}{joiner}options={quote(f'-csearch_path={schema}')}"
    with psycopg.connect(SERVER, autocommit=True) as con:
        con.execute(f'DROP SCHEMA "{schema}" CASCADE')


def test_migrations_and_the_builtin_data(url):
    workspace = Workspace(url)
    try:
        with workspace.store.transaction() as tx:
            assert tx.one("SELECT max(version) FROM schema_version") == (latest_version(),)
        hits = workspace.screener().screen("Hangzhou Hikvision Digital Technology")
        assert hits[0].entity_id == "lt-hikvision"
        assert workspace.store.entity("lt-hikvision").caption.startswith("HANGZHOU HIKVISION")
    finally:
        workspace.close()
    again = open_store(url)
    assert [s.dataset for s in again.snapshots()] == ["lookthrough_curated"]
    again.close()


def test_rejects_and_failed_loads_are_kept(url, tmp_path):
    store = open_store(url)
    try:
        bad = tmp_path / "bad.ftm.json"
        bad.write_text('{"id": "a", "schema": "Company", "properties": {"name": ["A Ltd"]}}\n{"id": \n')
        result = load_path(store, bad)[0]
        assert result.snapshot.status.value == "current"
        assert [r.line for r in store.rejects(result.snapshot.id)] == [2]
        # The same file name again (a new version of it), now empty: refused, the good one stays.
        (tmp_path / "again").mkdir()
        empty = tmp_path / "again" / "bad.ftm.json"
        empty.write_text('{"id": \n')
        failed = load_path(store, empty, forced_format="ftm_json")[0]
        assert failed.snapshot.status.value == "refused"
        assert store.current("ftm_import:bad").id == result.snapshot.id
    finally:
        store.close()


def test_decisions_survive_updates_and_the_log_is_append_only(url, tmp_path):
    workspace = Workspace(url)
    try:
        load_path(workspace.store, write_list(tmp_path))
        data = write_holdings(tmp_path).read_bytes()
        run = execute(workspace, plan_run(workspace, "h.csv", data, name_column="holding", created_by="a").id)
        ledger = Ledger(workspace.store)
        acme = next(c for c in ledger.cases(run.id) if c.entity_id == "acme")
        ledger.decide(acme, Verdict.FALSE_POSITIVE, "alice", "another Acme")
        load_path(workspace.store, write_list(tmp_path, borealis_program="Test program B"))
        quiet = next(
            c for c in ledger.cases(rescreen(workspace, created_by="b").run.id) if c.entity_id == "acme"
        )
        assert quiet.state is State.DECIDED
        load_path(workspace.store, write_list(tmp_path, acme_alias="Acme Vision Technology"))
        back = next(
            c for c in ledger.cases(rescreen(workspace, created_by="b").run.id) if c.entity_id == "acme"
        )
        assert back.state is State.REOPENED and back.changes == ["added alias: Acme Vision Technology"]
        # The server itself refuses changes to the log, whatever the code above it does.
        import psycopg

        with (
            workspace.store.pool.connection() as con,
            pytest.raises(psycopg.errors.RaiseException, match="append-only"),
        ):
            con.execute("UPDATE review_decisions SET verdict = 'match'")
        with (
            workspace.store.pool.connection() as con,
            pytest.raises(psycopg.errors.RaiseException, match="append-only"),
        ):
            con.execute("DELETE FROM review_decisions")
        with pytest.raises(StoreError, match="append-only"), workspace.store.transaction() as tx:
            tx.execute("DELETE FROM review_decisions")
        assert len(ledger.trail(acme.hit_key)) == 1
    finally:
        workspace.close()


def test_unreachable_server_is_a_clear_error():
    with pytest.raises(StoreError, match="cannot open database"):
        open_store("postgresql://nobody:secret@127.0.0.1:1/none?connect_timeout=1")


def test_four_eyes_and_assignments_on_postgres(url, tmp_path, monkeypatch):
    from lookthrough.review import Role
    from lookthrough.review.workflow import assign, decide

    monkeypatch.setenv("LOOKTHROUGH_FOUR_EYES_SCORE", "0.5")
    workspace = Workspace(url)
    try:
        load_path(workspace.store, write_list(tmp_path))
        data = write_holdings(tmp_path).read_bytes()
        run = execute(workspace, plan_run(workspace, "h.csv", data, name_column="holding", created_by="a",
                                          value_column=None, group_columns=["isin"]).id)  # fmt: skip
        ledger = Ledger(workspace.store)
        assert ledger.run(run.id).group_columns == ["isin"]
        acme = next(c for c in ledger.cases(run.id) if c.entity_id == "acme")
        assert acme.input["holding"] == "Acme Surveillance Systems" and acme.keys == [acme.hit_key]
        decide(ledger, acme, Verdict.MATCH, reviewer="alice", role=Role.REVIEWER, reason="same")
        acme = ledger.case(run.id, acme.hit_key)
        assert acme.state is State.PENDING
        decide(ledger, acme, Verdict.APPROVE, reviewer="carol", role=Role.APPROVER, reason="ok")
        assert ledger.case(run.id, acme.hit_key).state is State.DECIDED
        assign(ledger, acme, "", by="carol", role=Role.APPROVER)
        import psycopg

        with (
            workspace.store.pool.connection() as con,
            pytest.raises(psycopg.errors.RaiseException, match="append-only"),
        ):
            con.execute("DELETE FROM review_assignments")
    finally:
        workspace.close()
