"""yente's tests/test_base.py and test_app.py: health, readiness, catalog, algorithms, updates."""

from __future__ import annotations

import json

import pytest

from .conftest import not_ported


def test_healthz_and_readyz(client):
    assert client.get("/healthz").json()["status"] == "ok"
    assert client.get("/readyz").json()["status"] == "ok"


def test_catalog(client):
    response = client.get("/catalog")
    assert response.status_code == 200
    data = response.json()
    datasets = {d["name"]: d for d in data["datasets"]}
    assert (
        "zala" in data["current"] and datasets["zala"]["load"] is True and datasets["zala"]["index_current"]
    )
    assert datasets["zala"]["entity_count"] == 91 and not data["index_stale"]
    # Datasets the imported entities come from are named too (they scope /match and /search).
    assert datasets["us_ofac_sdn"]["load"] is False and datasets["us_ofac_sdn"]["entity_count"] > 0
    assert client.get("/manifest").json() == data


def test_catalog_etag(client):
    response = client.get("/catalog")
    etag = response.headers["etag"]
    assert response.headers["cache-control"] == "public, max-age=300"
    unchanged = client.get("/catalog", headers={"If-None-Match": etag})
    assert unchanged.status_code == 304 and unchanged.headers["etag"] == etag and unchanged.content == b""
    assert client.get("/catalog", headers={"If-None-Match": '"stale"'}).status_code == 200
    assert client.get("/catalog", headers={"If-None-Match": "*"}).status_code == 304


def test_algorithms(client):
    data = client.get("/algorithms").json()
    names = [a["name"] for a in data["algorithms"]]
    assert data["best"] == "name_v2" and data["default"] == "best" and "name_v2" in names
    ours = next(a for a in data["algorithms"] if a["name"] == "name_v2")
    assert "country_match" in ours["docs"]["features"]  # name_v2's own features, documented
    pytest.importorskip("nomenklatura", reason="yente's algorithms come with the `yente` extra")
    assert len(names) > 3 and "logic-v1" in names
    logic_v2 = next(a for a in data["algorithms"] if a["name"] == "logic-v2")
    assert logic_v2["docs"]["config"]["nm_number_mismatch"] is not None


def test_updatez(client, monkeypatch):
    assert client.get("/updatez").status_code == 405
    monkeypatch.setenv("LOOKTHROUGH_UPDATE_TOKEN", "")
    assert client.post("/updatez", params={"token": ""}).status_code == 403
    monkeypatch.setenv("LOOKTHROUGH_UPDATE_TOKEN", "test")
    assert client.post("/updatez", params={"sync": "true"}).status_code == 403
    assert client.post("/updatez", params={"token": "test", "sync": "true"}).status_code == 200


def test_match_without_content_type_header(client):
    query = {"queries": {"q1": {"schema": "Person", "properties": {"name": ["Vladimir Putin"]}}}}
    assert client.post("/match/zala", content=json.dumps(query)).status_code == 200


def test_max_url_length(client):
    response = client.get("/search/zala", params={"q": "a" * 20_000})
    assert response.status_code == 414 and response.json() == {"detail": "Request URI too long"}
    assert client.get("/search/zala", params={"q": "acme"}).status_code == 200


@not_ported("the front page is ReDoc with subresource integrity; lookthrough serves /docs "
             "(Swagger UI, from FastAPI) and its review pages at /")  # fmt: skip
def test_redoc_has_sri(client):
    assert 'crossorigin="anonymous"' in client.get("/").text
