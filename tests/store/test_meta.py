"""What FtM exports say of an entity as a whole is kept by both backends, current snapshots only."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest

from lookthrough.sources.load import load_path
from lookthrough.store import open_store

SERVER = os.environ.get("LOOKTHROUGH_TEST_POSTGRES")
ENTITY = {
    "id": "NK-1", "schema": "Person", "properties": {"name": ["Alexander Zakharov"]},
    "datasets": ["us_ofac_sdn", "eu_fsf"], "referents": ["ofac-45937"],
    "first_seen": "2022-02-24T18:00:25", "last_seen": "2026-04-29T12:53:04",
    "last_change": "2025-01-02T03:04:05",
}  # fmt: skip


@pytest.fixture(params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request, tmp_path):
    if request.param == "duckdb":
        yield str(tmp_path / "meta.duckdb")
        return
    if not SERVER:
        pytest.skip("no PostgreSQL server given (set LOOKTHROUGH_TEST_POSTGRES)")
    import psycopg

    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(SERVER, autocommit=True) as con:
        con.execute(f'CREATE SCHEMA "{schema}"')
    joiner = "&" if "?" in SERVER else "?"
    yield f"{SERVER}{joiner}options={quote(f'-csearch_path={schema}')}"
    with psycopg.connect(SERVER, autocommit=True) as con:
        con.execute(f'DROP SCHEMA "{schema}" CASCADE')


def write(folder: Path, entity: dict) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / "entities.ftm.json"
    path.write_text(json.dumps(entity) + "\n")
    return path


def test_metadata_and_times_of_current_snapshots(url, tmp_path):
    store = open_store(url)
    try:
        load_path(store, write(tmp_path / "zala", ENTITY))
        [(entity_id, meta)] = list(store.current_meta())
        assert entity_id == "NK-1" and meta.datasets == ["eu_fsf", "us_ofac_sdn"]
        assert meta.referents == ["ofac-45937"] and meta.last_change == "2025-01-02T03:04:05"
        statement = store.entity("NK-1").statements[0]
        assert (statement.first_seen, statement.last_seen) == ("2022-02-24T18:00:25", "2026-04-29T12:53:04")
        # A newer export replaces the old snapshot: only its metadata is current.
        newer = {**ENTITY, "referents": ["ofac-45937", "gb-hmt-1"], "first_seen": "2024-01-01T00:00:00"}
        load_path(store, write(tmp_path / "zala", newer))
        [(_, meta)] = list(store.current_meta())
        assert meta.referents == ["gb-hmt-1", "ofac-45937"]
        # The earliest sighting is kept across snapshots.
        assert store.entity("NK-1").statements[0].first_seen == "2022-02-24T18:00:25"
    finally:
        store.close()
