"""The DuckDB writer appends statements, export metadata and rejects in Arrow batches: every
statement written comes back, in order, however the batches fall."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import lookthrough.store.duckdb as duckdb_store
from lookthrough.sources.base import LoadReport
from lookthrough.sources.ftm_json import FtmJson
from lookthrough.sources.load import load_path
from lookthrough.store import open_store

from ..conftest import FIXTURES


def _entity(k: int) -> dict:
    return {"id": f"e{k}", "schema": "Company", "datasets": ["us_ofac_sdn"],
            "first_seen": "2022-02-24T18:00:25", "last_seen": f"2026-04-{1 + k % 28:02d}T12:00:00",
            "properties": {"name": [f"Company {k}", f"Firm {k}"], "country": ["ru"]}}  # fmt: skip


@pytest.mark.parametrize("batch", [1, 3, 1000])
def test_every_statement_comes_back_in_order_whatever_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    monkeypatch.setattr(duckdb_store, "BATCH", batch)
    path = tmp_path / "entities.ftm.json"
    lines = [json.dumps(_entity(k)) for k in range(7)] + ["[1]", json.dumps({"id": "x", "schema": "Nope"})]
    path.write_text("\n".join(lines) + "\n")
    expected = list(FtmJson().read(path, LoadReport()))
    store = open_store(str(tmp_path / "lists.duckdb"))
    try:
        [result] = load_path(store, path)
        assert result.ok and result.report.rows_read == 9 == len(expected) + result.report.rows_rejected
        # Two names and a country each.
        assert result.snapshot.statement_count == sum(len(e.statements) for e in expected) == 7 * 3
        stored = [(s.entity_id, s.prop, s.value) for s in store.current_statements()]
        assert stored == [(s.entity_id, s.prop, s.value) for e in expected for s in e.statements]
        assert store.entity("e5").statements[0].last_seen == "2026-04-06T12:00:00"
        meta = dict(store.current_meta())
        assert sorted(meta) == [f"e{k}" for k in range(7)] and meta["e0"].datasets == ["us_ofac_sdn"]
        rejects = store.rejects(result.snapshot.id)
        assert [(r.line, r.field) for r in rejects] == [(8, "entity"), (9, "schema")]
    finally:
        store.close()


def _gib(limit: str) -> float:
    number, unit = limit.split()
    return float(number) * {"MiB": 2**-10, "GiB": 1, "TiB": 2**10}[unit]


def test_undated_statements_take_the_snapshot_time_and_settings_come_back(tmp_path: Path) -> None:
    """Entities their source does not date are stored with the snapshot's time; the load's one
    thread and capped memory are the store's again afterwards, worked or not, and stay put."""
    lei = FIXTURES / "gleif" / "lei2-golden-copy.csv"
    store = open_store(str(tmp_path / "lists.duckdb"))
    settings = "SELECT current_setting('threads'), current_setting('memory_limit')"
    threads, limit = store.con.execute(settings).fetchone()
    try:
        [result] = load_path(store, lei)
        assert result.ok
        rows = store.con.execute(
            """SELECT DISTINCT s.first_seen = p.retrieved_at AND s.last_seen = p.retrieved_at, s.evidence
               FROM statements s JOIN snapshots p ON s.snapshot_id = p.id"""
        ).fetchall()
        assert rows == [(True, "company filing")]
        after = store.con.execute(settings).fetchone()
        # DuckDB shows the limit rounded down to 0.1 GiB.
        assert after[0] == threads and abs(_gib(after[1]) - _gib(limit)) < 0.11
        (tmp_path / "lei2-golden-copy.csv").write_text(
            lei.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8"
        )
        [refused] = load_path(store, tmp_path / "lei2-golden-copy.csv")
        assert not refused.ok and refused.snapshot.error
        assert store.con.execute(settings).fetchone() == after
        assert load_path(store, lei, force=True)[0].ok
        assert store.con.execute(settings).fetchone() == after
    finally:
        store.close()


def test_statements_are_indexed_by_entity_not_snapshot(tmp_path: Path) -> None:
    """Migration 7 drops the snapshot index of a store made before it; new stores never keep it."""
    path = str(tmp_path / "lists.duckdb")
    indexes = "SELECT index_name FROM duckdb_indexes() WHERE table_name = 'statements'"
    store = open_store(path)
    assert store.con.execute(indexes).fetchall() == [("statements_entity",)]
    store.con.execute("CREATE INDEX statements_snapshot ON statements (snapshot_id)")
    store.con.execute("DELETE FROM schema_version WHERE version = 7")
    store.close()
    store = open_store(path)
    try:
        assert store.con.execute(indexes).fetchall() == [("statements_entity",)]
    finally:
        store.close()
