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
