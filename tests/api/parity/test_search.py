"""yente's tests/test_search.py, against lookthrough with the zala fixture."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from lookthrough.api import create_app
from lookthrough.sources.load import load_path
from lookthrough.workspace import Workspace

from .conftest import ZAKHAROV, assert_entity_shape, es_internal


def search(client, path="/search/zala", **params):
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_search_zakharov(client):
    found = search(client, q="alexander zakharov")["results"]
    assert found and found[0]["id"] == ZAKHAROV
    assert_entity_shape(found[0])
    assert found[0]["first_seen"] is not None and found[0]["last_seen"] is not None
    assert "sanctions" not in found[0]["datasets"] and "default" not in found[0]["datasets"]


def test_search_no_query(client):
    assert len(search(client)["results"]) > 9


@es_internal("`invalid/query` is a syntax error of Elasticsearch's query-string language; lookthrough "
             "takes `q` as plain words and has no query language to get wrong")  # fmt: skip
def test_search_invalid_query(client):
    assert client.get("/search/zala", params={"q": "invalid/query"}).status_code == 400


def test_search_invalid_query_simple(client):
    assert client.get("/search/zala", params={"q": "invalid/query", "simple": "true"}).status_code == 200


def test_search_missing_dataset(client):
    assert client.get("/search/banana").status_code == 404


def test_search_filter_schema(client):
    assert client.get("/search/zala", params={"q": "angela merkel", "schema": "Banana"}).status_code == 400
    assert search(client, q="angela merkel", schema="Vessel")["results"] == []
    assert search(client, q="alexander zakharov", schema="Person")["results"]


def test_search_filter_exclude_schema(client):
    total = search(client, q="moscow")["total"]["value"]
    assert total > 5
    assert search(client, q="moscow", exclude_schema="Address")["total"]["value"] < total


def test_search_filter_exclude_dataset(client):
    assert search(client, q="alexander zakharov")["total"]["value"] > 0
    assert search(client, q="alexander zakharov", exclude_dataset="zala")["total"]["value"] == 0


def test_search_filter_include_dataset(client):
    assert search(client, q="alexander zakharov", include_dataset="mx_senators")["total"]["value"] == 0
    assert search(client, q="alexander zakharov", include_dataset="zala")["total"]["value"] > 0
    both = search(client, q="alexander zakharov", include_dataset="zala", exclude_dataset="zala")
    assert both["total"]["value"] == 0


def test_search_filter_changed_since(client):
    assert search(client, q="alexander zakharov", changed_since="2099-01-01T00:00")["total"]["value"] == 0
    assert search(client, q="alexander zakharov", changed_since="2020-01-01")["total"]["value"] > 0


def test_search_filter_countries(client):
    assert search(client, q="alexander zakharov", countries="ru")["results"]
    assert search(client, q="alexander zakharov", countries="ke")["results"] == []
    assert search(client, q="alexander zakharov", countries=["ke", "ru"])["results"]
    assert search(client, q="alexander zakharov", countries=["ke", "ru"], filter_op="AND")["results"] == []


def test_search_filter_property(client):
    assert search(client, q="alexander zakharov", filter="properties.birthDate:1972-01-26§")["results"] == []
    found = search(client, q="alexander zakharov", filter="properties.birthDate:1965-09-21")["results"]
    assert [r["id"] for r in found] == [ZAKHAROV]


def test_search_facet_datasets(client):
    names = [c["name"] for c in search(client)["facets"]["datasets"]["values"]]
    assert "zala" in names and "parteispenden" not in names


def test_search_facet_countries(client):
    names = [
        c["name"]
        for c in search(client, q="alexander zakharov", countries="ru")["facets"]["countries"]["values"]
    ]
    assert "ru" in names and "ke" not in names and "lb" not in names


def test_search_facet_topics(client):
    assert search(client, topics="sanction")["total"]["value"] > 0
    assert "sanction" in [c["name"] for c in search(client)["facets"]["topics"]["values"]]


def test_search_facet_schema(client):
    assert search(client, schema="Address")["total"]["value"] > 0
    assert "Address" in [c["name"] for c in search(client, facets="schema")["facets"]["schema"]["values"]]


def test_search_facet_parameter(client):
    assert set(search(client)["facets"]) == {"topics", "datasets", "countries"}
    assert set(search(client, facets=["schema", "topics"])["facets"]) == {"schema", "topics"}


def test_search_no_targets(client):
    assert search(client, schema="LegalEntity", target="true")["results"]
    assert search(client, schema="LegalEntity", target="false")["results"]


def test_search_sorted(client):
    seen = [r["first_seen"] for r in search(client, sort="first_seen:desc")["results"]]
    assert seen == sorted(seen, reverse=True)


def test_search_zakharov_scope(zala_folder, tmp_path):
    # yente adds an empty dataset `zulu`; an empty list is refused here (a list that loads nothing
    # must not look like "no match"), so zulu holds one unrelated entity.
    (tmp_path / "zulu").mkdir()
    zulu = tmp_path / "zulu" / "entities.ftm.json"
    zulu.write_text(json.dumps({"id": "z-1", "schema": "Company", "properties": {"name": ["Zulu Ltd"]}}))
    workspace = Workspace(":memory:", builtin=False)
    for path in (zala_folder / "zala" / "entities.ftm.json", zulu):
        assert load_path(workspace.store, path)[0].ok
    with TestClient(create_app(workspace=workspace, loopback=True)) as client:
        zala = search(client, "/search/zala", q="alexander zakharov")["results"]
        assert any(r["id"] == ZAKHAROV for r in zala)
        assert search(client, "/search/zulu", q="alexander zakharov")["results"] == []
        assert [r["id"] for r in search(client, "/search/zulu", q="zulu")["results"]] == ["z-1"]
    workspace.close()


def test_search_limit(client):
    assert search(client, q="alexander zakharov", limit=0)["results"] == []


def test_search_offset(client):
    data = search(client, q="alexander zakharov", offset=100)
    assert data["results"] == [] and data["offset"] == 100


def test_search_paging_is_real(client):
    everything = search(client, limit=500)
    first, second = search(client, limit=5), search(client, limit=5, offset=5)
    ids = [r["id"] for r in everything["results"]]
    assert [r["id"] for r in first["results"] + second["results"]] == ids[:10]
    assert first["total"]["value"] == everything["total"]["value"] == len(ids) > 10


def test_search_range_offset(client):
    assert client.get("/search/default", params={"offset": 9999, "q": "putin"}).status_code == 422


def test_search_range_limit(client):
    assert client.get("/search/zala", params={"limit": 10000, "q": "zakharov"}).status_code == 422
    data = search(client, limit=500, q="zakharov")
    assert data["limit"] < 10000 and data["offset"] == 0


@pytest.mark.parametrize("q", ["", "zala"])
def test_search_empty_and_plain_queries_answer(client, q):
    assert search(client, q=q)["total"]["value"] > 0
