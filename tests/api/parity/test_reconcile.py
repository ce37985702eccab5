"""yente's tests/test_reconcile.py, against lookthrough with the zala fixture."""

from __future__ import annotations

import json

from normality import ascii_text

from .conftest import ZAKHAROV


def test_reconcile_metadata(client):
    data = client.get("/reconcile/zala").json()
    # yente names OpenSanctions' site as its identifier space; lookthrough names its own
    # /entities, where every id it answers with can be looked up.
    assert data["identifierSpace"] == "http://testserver/entities/"
    assert data["versions"] == ["0.2"] and data["schemaSpace"]
    assert len(data["defaultTypes"]) > 3 and "suggest" in data and "extend" in data
    assert client.get("/reconcile/banana").status_code == 404


def test_reconcile_post_query(client):
    queries = {"mutti": {"query": "Alexander ZAKHAROV"}}
    response = client.post("/reconcile/zala", data={"queries": json.dumps(queries)})
    assert response.status_code == 200, response.text
    [first, *_] = response.json()["mutti"]["result"]
    assert first["id"] == ZAKHAROV and first["type"][0]["id"] == "Person" and first["match"] in (True, False)


def test_reconcile_query_with_type_and_properties(client):
    given = [{"pid": "birthDate", "v": "1965"}, {"pid": "Thing:country", "v": "ru"}]
    queries = {"q": {"query": "Alexander Zakharov", "type": "Person", "properties": given}}
    response = client.get("/reconcile/zala", params={"queries": json.dumps(queries)})
    assert response.status_code == 200 and response.json()["q"]["result"][0]["id"] == ZAKHAROV


def test_reconcile_post_extend(client):
    query = {"ids": [ZAKHAROV], "properties": [{"id": "name"}, {"id": "birthDate"}]}
    response = client.post("/reconcile/zala", data={"extend": json.dumps(query)})
    assert response.status_code == 200, response.text
    data = response.json()
    assert [m["id"] for m in data["meta"]] == ["name", "birthDate"]
    names = data["rows"][ZAKHAROV]["name"]
    assert names and "zakharov" in "".join(n["str"] for n in names).lower()


def test_reconcile_extend_renders_captions_or_codes(client):
    asked = [{"id": "country"}, {"id": "nationality", "settings": {"render": "raw"}}]
    row = client.post(
        "/reconcile/zala", data={"extend": json.dumps({"ids": [ZAKHAROV], "properties": asked})}
    )
    values = row.json()["rows"][ZAKHAROV]
    assert {"str": "Russia"} in values["country"] and {"str": "ru"} in values["nationality"]


def test_reconcile_invalid(client):
    queries = {"mutti": {"type": "Banana"}}
    assert client.post("/reconcile/zala", data={"queries": json.dumps(queries)}).status_code == 400
    assert client.post("/reconcile/zala", data={"queries": "{not json"}).status_code == 400
    assert client.post("/reconcile/zala", data={}).status_code == 400


def test_reconcile_suggest_entity(client):
    assert client.get("/reconcile/zala/suggest/entity").json()["result"] == []
    found = client.get("/reconcile/zala/suggest/entity", params={"prefix": "alexander zak"}).json()["result"]
    assert found and found[0]["id"] == ZAKHAROV
    assert (
        "aleksandr" in (ascii_text(found[0]["name"]) or "").lower() or "alexander" in found[0]["name"].lower()
    )
    assert (
        client.get("/reconcile/zala/suggest/entity", params={"prefix": "banana man"}).json()["result"] == []
    )


def test_reconcile_suggest_property(client):
    assert client.get("/reconcile/zala/suggest/property").json()["result"] == []
    found = client.get("/reconcile/zala/suggest/property", params={"prefix": "country"}).json()["result"]
    ids = [r["id"] for r in found]
    assert len(found) > 1 and "LegalEntity:mainCountry" in ids and "Thing:country" in ids
    assert client.get("/reconcile/zala/suggest/property", params={"prefix": "banana"}).json()["result"] == []


def test_reconcile_suggest_type(client):
    assert client.get("/reconcile/zala/suggest/type").json()["result"] == []
    found = client.get("/reconcile/zala/suggest/type", params={"prefix": "organ"}).json()["result"]
    assert [r["id"] for r in found] == ["Organization"]
    assert client.get("/reconcile/zala/suggest/type", params={"prefix": "banana"}).json()["result"] == []


def test_reconcile_extend_properties(client):
    data = client.get("/reconcile/zala/extend/property", params={"limit": 5, "type": "LegalEntity"}).json()
    assert data["type"] == "LegalEntity" and data["limit"] == 5
    ids = [p["id"] for p in data["properties"]]
    assert len(ids) == 5 and "name" in ids and "country" in ids
    assert client.get("/reconcile/zala/extend/property", params={"type": "Banana"}).status_code == 400
