"""/match/{dataset} takes and returns what yente does; results explain themselves."""

from __future__ import annotations

import pytest

HIKVISION = {
    "schema": "Company",
    "properties": {"name": ["Hangzhou Hikvision Digital Technology"], "jurisdiction": ["cn"]},
}
YENTE_RESULT_KEYS = {"id", "caption", "schema", "properties", "datasets", "referents", "target", "first_seen",
                     "last_seen", "last_change", "score", "features", "match"}  # fmt: skip


def test_yente_style_query_names_hikvision(client, tokens):
    body = {
        "weights": {},
        "queries": {
            "q1": HIKVISION,
            "q2": {"schema": "Company", "properties": {"name": "Plain Bakery GmbH"}},
        },
    }
    response = client.post(
        "/match/default", json=body, params={"algorithm": "best"}, headers=tokens["viewer"]
    )
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"responses", "matcher", "limit"} and response.headers["x-batch-size"] == "2"
    q1 = data["responses"]["q1"]
    assert q1["status"] == 200 and q1["query"]["properties"]["name"] == [
        "Hangzhou Hikvision Digital Technology"
    ]
    top = q1["results"][0]
    assert set(top) >= YENTE_RESULT_KEYS
    assert top["caption"] == "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD." and top["schema"] == "Company"
    assert top["match"] is True and top["target"] is True
    assert "sanction" in top["properties"]["topics"]
    assert {"Entity List (15 CFR Part 744, Supplement No. 4)", "FCC Covered List"} <= {
        e["list"] for e in top["lists"]
    }
    assert top["path"][0]["entity_id"] == "lt-hikvision" and top["sources"]
    assert set(top["features"]) <= set(data["matcher"]) and top["explanations"]
    assert data["responses"]["q2"]["results"] == [] and data["responses"]["q2"]["total"] == {
        "value": 0,
        "relation": "eq",
    }


def test_look_through_result_carries_its_path_and_rule(client, tokens):
    body = {"queries": {"ezviz": {"schema": "Company", "properties": {"name": ["Hangzhou EZVIZ Network"]}}}}
    result = client.post("/match/default", json=body, headers=tokens["viewer"]).json()["responses"]["ezviz"][
        "results"
    ][0]
    assert result["id"] == "lt-hikvision" and result["rule"] != "listed"
    assert [step["entity_id"] for step in result["path"]] == ["lt-ezviz", "lt-hikvision"]
    assert all(step["source"] for step in result["path"])


def test_isin_alone_is_a_match(client, tokens):
    body = {"queries": {"a": {"schema": "Company", "properties": {"isinCode": ["CNE100000PM8"]}}}}
    results = client.post("/match/default", json=body, headers=tokens["viewer"]).json()["responses"]["a"][
        "results"
    ]
    assert results[0]["id"] == "lt-hikvision" and results[0]["score"] == 1.0


def test_threshold_decides_match_not_inclusion(client, tokens):
    body = {"queries": {"a": HIKVISION}}
    result = client.post(
        "/match/default", json=body, params={"threshold": 0.999}, headers=tokens["viewer"]
    ).json()
    assert result["responses"]["a"]["results"][0]["match"] is False


def test_person_query_does_not_meet_companies(client, tokens):
    body = {
        "queries": {
            "a": {"schema": "Person", "properties": {"name": ["Hangzhou Hikvision Digital Technology"]}}
        }
    }
    assert (
        client.post("/match/default", json=body, headers=tokens["viewer"]).json()["responses"]["a"]["results"]
        == []
    )


@pytest.mark.parametrize(
    ("path", "body", "status", "detail"),
    [
        ("/match/nope", {"queries": {"a": HIKVISION}}, 404, "No such dataset: nope"),
        # The spec says a batch has at least one query, so schema-driven clients know it too.
        ("/match/default", {"queries": {}}, 422, "at least 1 item"),
        ("/match/default", {"queries": {"a": {"schema": "Spaceship", "properties": {"name": ["x"]}}}}, 400,
         "unknown schema 'Spaceship'"),
        ("/match/default", {"queries": {str(i): HIKVISION for i in range(101)}}, 400, "Too many queries"),
    ],
)  # fmt: skip
def test_bad_requests_say_what_is_wrong(client, tokens, path, body, status, detail):
    response = client.post(path, json=body, headers=tokens["viewer"])
    assert response.status_code == status and detail in str(response.json()["detail"])


def test_dataset_restricts_results(client, tokens):
    body = {"queries": {"a": HIKVISION}}
    assert client.post("/match/lookthrough_curated", json=body, headers=tokens["viewer"]).json()["responses"][
        "a"
    ]["results"]


def test_match_needs_a_token_unless_reads_are_open(client, tokens, monkeypatch):
    body = {"queries": {"a": HIKVISION}}
    assert client.post("/match/default", json=body).status_code == 401
    assert (
        client.post("/match/default", json=body, headers={"Authorization": "Bearer lt_wrong"}).status_code
        == 401
    )
    apikey = {"Authorization": "ApiKey " + tokens["viewer"]["Authorization"].split()[1]}
    assert client.post("/match/default", json=body, headers=apikey).status_code == 200
    monkeypatch.setenv("LOOKTHROUGH_OPEN_READS", "1")
    assert client.post("/match/default", json=body).status_code == 200


def test_request_size_is_limited(client, tokens, monkeypatch):
    monkeypatch.setenv("LOOKTHROUGH_MAX_REQUEST_KB", "1")
    body = {"queries": {"a": {"schema": "Company", "properties": {"name": ["x" * 2000]}}}}
    response = client.post("/match/default", json=body, headers=tokens["viewer"])
    assert response.status_code == 413 and "larger than 1024 bytes" in response.json()["detail"]


def test_openapi_documents_match(client):
    spec = client.get("/openapi.json").json()
    assert "/match/{dataset}" in spec["paths"] and "EntityMatchResponse" in spec["components"]["schemas"]
