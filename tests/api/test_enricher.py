"""nomenklatura's YenteEnricher, unchanged, against a running lookthrough server: it finds
Hikvision and expands its relations (owners, subsidiaries, sanctions) from the nested record."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

pytest.importorskip(
    "nomenklatura", reason="nomenklatura comes with the `yente` extra (make test installs it)"
)

import uvicorn
from followthemoney import Dataset, StatementEntity
from nomenklatura.cache import Cache
from nomenklatura.db import Session, get_engine
from nomenklatura.enrich.yente import YenteEnricher

from lookthrough.api import create_app
from lookthrough.review import Role, create_token
from lookthrough.workspace import Workspace


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server() -> Iterator[tuple[str, str]]:
    """A real server on a loopback port (the enricher speaks HTTP), and a viewer token."""
    workspace = Workspace(":memory:")
    _token, secret = create_token(workspace.store, "enricher", Role.VIEWER)
    port = free_port()
    config = uvicorn.Config(create_app(workspace=workspace), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert running.started, "the server did not start"
    yield f"http://127.0.0.1:{port}/", secret
    running.should_exit = True
    thread.join(timeout=10)
    workspace.close()


def test_enricher_finds_hikvision_and_expands_its_relations(server, tmp_path):
    api, secret = server
    dataset = Dataset.make({"name": "holdings", "title": "Holdings"})
    session = Session(get_engine(f"sqlite:///{tmp_path / 'cache.sqlite'}"))
    enricher = YenteEnricher(dataset, Cache(session, dataset, create=True), {"api": api, "api_key": secret})
    holding = StatementEntity.from_data(
        dataset,
        {"id": "h1", "schema": "Company", "properties": {"name": ["Hangzhou Hikvision Digital Technology"]}},
    )
    matches = list(enricher.match(holding))
    hikvision = next(m for m in matches if m.id == "lt-hikvision")
    assert hikvision.schema.name == "Company" and "CNE100000PM8" in hikvision.get("isinCode")
    assert "sanction" in hikvision.get("topics")
    expanded = {e.id: e for e in enricher.expand(holding, hikvision)}
    schemata = {e.schema.name for e in expanded.values()}
    assert {"Company", "Ownership", "Sanction"} <= schemata
    owners = {o for e in expanded.values() if e.schema.name == "Ownership" for o in e.get("owner")}
    assert "lt-cetc" in owners and "lt-cetc" in expanded  # the state-owned parent, as an entity
    owned = {a for e in expanded.values() if e.schema.name == "Ownership" for a in e.get("asset")}
    assert "lt-ezviz" in owned and expanded["lt-ezviz"].caption
    sanctions = [e for e in expanded.values() if e.schema.name == "Sanction"]
    assert sanctions and all(e.get("entity") == ["lt-hikvision"] for e in sanctions)


def test_results_carry_what_nomenklatura_scores_on(server, tmp_path):
    """Results carry every property (identifiers, jurisdiction), so nomenklatura's own scoring of a
    result against the query weighs them, as it does with yente's."""
    from nomenklatura.matching import LogicV2
    from nomenklatura.matching.types import ScoringConfig

    api, secret = server
    dataset = Dataset.make({"name": "holdings", "title": "Holdings"})
    session = Session(get_engine(f"sqlite:///{tmp_path / 'cache.sqlite'}"))
    enricher = YenteEnricher(dataset, Cache(session, dataset, create=True), {"api": api, "api_key": secret})
    data = {
        "name": ["Hangzhou Hikvision Digital Technology"],
        "isinCode": ["CNE100000PM8"],
        "jurisdiction": ["cn"],
    }
    holding = StatementEntity.from_data(dataset, {"id": "h2", "schema": "Company", "properties": data})
    hikvision = next(m for m in enricher.match(holding) if m.id == "lt-hikvision")
    assert LogicV2.compare(holding, hikvision, ScoringConfig.defaults()).score > 0.9
