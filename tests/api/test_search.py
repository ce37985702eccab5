"""/search finds parties by name or code; /entities gives names, identifiers, lists, relations."""

from __future__ import annotations


def test_search_by_name_and_by_code(client, tokens):
    by_name = client.get("/search", params={"q": "Dahua Technology"}, headers=tokens["viewer"]).json()
    assert by_name["results"][0]["id"] == "lt-dahua" and by_name["results"][0]["listed"] is True
    by_code = client.get("/search", params={"q": "CNE100000PM8"}, headers=tokens["viewer"]).json()
    assert by_code["results"][0]["id"] == "lt-hikvision"


def test_entity_with_sources(client, tokens):
    data = client.get("/entities/lt-hikvision", headers=tokens["viewer"]).json()
    assert data["caption"] == "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD."
    assert any(n["lang"] == "zho" or "海康威视" in n["value"] for n in data["names"])
    assert {"kind": "isin", "value": "CNE100000PM8"}.items() <= next(
        i for i in data["identifiers"] if i["kind"] == "isin"
    ).items()
    assert all(entry["citation"] for entry in data["lists"])
    ezviz = next(r for r in data["relations"] if r["other_id"] == "lt-ezviz")
    assert ezviz["source"] and ezviz["evidence"] == "company filing"


def test_unknown_entity_is_404(client, tokens):
    response = client.get("/entities/nope", headers=tokens["viewer"])
    assert response.status_code == 404 and response.json() == {"detail": "No such entity: nope"}
