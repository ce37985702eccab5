"""yente's tests/test_entity.py, against lookthrough with the zala fixture. yente runs its nesting
tests on a fixture of party donations (a donor, two addresses, Payments to parties); zala has
the same shapes: Zakharov, his Address, and Ownerships (edge entities) of his companies."""

from __future__ import annotations

from .conftest import ZAKHAROV, assert_entity_shape, by_id

ROOT = f"/entities/{ZAKHAROV}"


def get(client, path, **params):
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_entity_404(client):
    assert client.get("/entities/banana").status_code == 404


def test_entity_fetch(client):
    data = get(client, ROOT)
    assert_entity_shape(data)
    assert data["id"] == ZAKHAROV and data["schema"] == "Person" and "zala" in data["datasets"]
    assert len(data["referents"]) > 5 and "ofac-45937" in data["referents"]
    assert isinstance(data["properties"]["birthDate"][0], str)
    sanction = data["properties"]["sanctions"][0]
    assert isinstance(sanction, dict) and sanction["schema"] == "Sanction"
    assert_entity_shape(sanction)


def test_merged_id_redirects_to_the_canonical_one(client):
    response = client.get("/entities/ofac-45937", follow_redirects=False)
    assert response.status_code == 308 and response.headers["location"] == ROOT
    assert client.get("/entities/ofac-45937").json()["id"] == ZAKHAROV
    adjacent = client.get("/entities/ofac-45937/adjacent", follow_redirects=False)
    assert adjacent.status_code == 308 and adjacent.headers["location"] == f"{ROOT}/adjacent"


def test_entity_not_nested(client):
    props = get(client, ROOT, nested="false")["properties"]
    assert props["addressEntity"] and all(isinstance(a, str) for a in props["addressEntity"])
    assert "ownershipOwner" not in props and "sanctions" not in props


def test_entity_nested(client):
    props = get(client, ROOT)["properties"]
    [address] = props["addressEntity"]
    assert address["schema"] == "Address" and address["properties"]["full"]
    ownerships = props["ownershipOwner"]
    assert len(ownerships) == 10 and {o["schema"] for o in ownerships} == {"Ownership"}
    for ownership in ownerships:
        # The edge still points at the root by id, and nests the company on its other side.
        assert ownership["properties"]["owner"] == [ZAKHAROV]
        assert all(a["schema"] in ("Company", "Organization") for a in ownership["properties"]["asset"])
    # Nested on an edge entity: both sides.
    edge = get(client, f"/entities/{ownerships[0]['id']}")
    assert edge["schema"] == "Ownership"
    assert [o["id"] for o in edge["properties"]["owner"]] == [ZAKHAROV]
    assert edge["properties"]["asset"][0]["schema"] == "Company"


def test_adjacent(client):
    data = get(client, f"{ROOT}/adjacent")
    assert data["entity"]["caption"] and data["entity"]["id"] == ZAKHAROV
    adjacent = data["adjacent"]
    assert (
        adjacent["addressEntity"]["total"]["value"] == 1
        and adjacent["addressEntity"]["results"][0]["schema"] == "Address"
    )
    ownerships = adjacent["ownershipOwner"]
    assert ownerships["total"]["value"] == 10 and ownerships["limit"] == 10 and ownerships["offset"] == 0
    first = ownerships["results"][0]
    assert (
        first["properties"]["owner"] == [ZAKHAROV] and first["properties"]["asset"][0]["schema"] == "Company"
    )
    sanctions = adjacent["sanctions"]
    assert sanctions["total"]["value"] == 13 and len(sanctions["results"]) == 10
    # Adjacent on an edge entity: its owner, nested, but not what lies beyond it.
    edge = get(client, f"/entities/{first['id']}/adjacent")["adjacent"]
    [owner] = edge["owner"]["results"]
    assert owner["id"] == ZAKHAROV and "ownershipOwner" not in owner["properties"]
    assert all(isinstance(a, str) for a in owner["properties"]["addressEntity"])


def test_adjacent_limit_and_offset(client):
    everything = get(client, f"{ROOT}/adjacent")["adjacent"]["ownershipOwner"]["results"]
    first = get(client, f"{ROOT}/adjacent", limit=1)["adjacent"]
    assert [o["id"] for o in first["ownershipOwner"]["results"]] == [everything[0]["id"]]
    assert first["ownershipOwner"]["total"]["value"] == 10 and first["ownershipOwner"]["limit"] == 1
    # The far side of an edge entity is not paged.
    assert first["ownershipOwner"]["results"][0]["properties"]["asset"][0]["schema"] == "Company"
    second = get(client, f"{ROOT}/adjacent", limit=1, offset=1)["adjacent"]["ownershipOwner"]
    assert [o["id"] for o in second["results"]] == [everything[1]["id"]] and second["offset"] == 1


def test_adjacent_prop(client):
    assert client.get(f"{ROOT}/adjacent/address").status_code == 404
    assert client.get(f"{ROOT}/adjacent/banana").status_code == 404
    data = get(client, f"{ROOT}/adjacent/addressEntity")
    assert data["limit"] == 10 and data["offset"] == 0 and data["total"]["value"] == 1
    assert data["results"][0]["schema"] == "Address"
    owned = get(client, f"{ROOT}/adjacent/ownershipOwner")
    assert owned["total"]["value"] == 10 and len(owned["results"]) == 10
    by_id(owned["results"], owned["results"][3]["id"])


def test_adjacent_prop_limit_and_offset(client):
    everything = get(client, f"{ROOT}/adjacent/sanctions", limit=20)["results"]
    page = get(client, f"{ROOT}/adjacent/sanctions", limit=1, offset=1)
    assert page["limit"] == 1 and page["offset"] == 1 and page["total"]["value"] == 13
    assert [s["id"] for s in page["results"]] == [everything[1]["id"]]
