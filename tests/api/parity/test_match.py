"""yente's tests/test_match.py, against lookthrough with the zala fixture."""

from __future__ import annotations

from datetime import datetime, timedelta
from unittest import mock

import pytest

from .conftest import ZAKHAROV, assert_entity_shape, es_internal

QUERY_ZAKHAROV = {
    "schema": "Person",
    "properties": {
        "name": ["Alexander Vyacheslavovich ZAKHAROV"],
        "birthDate": ["1965"],
        "country": "Russia",
    },
}
MANY_NAMES = {
    "schema": "Person",
    "properties": {
        "name": [
            "Alexander Vyacheslavovich ZAKHAROV", "Aleksandr Vyacheslavovich Zakharov",
            "Александр Вячеславович Захаров", "Александр ЗАХАРОВ", "Захаров Александр Вячеславович",
            "Zakharov Aleksandr Vyacheslavovich", "Aleksandr Vjačeslavovič Zacharov",
        ]
    },
}  # fmt: skip


def results(client, query, **params):
    response = client.post("/match/zala", json={"queries": {"q": query}}, params=params)
    assert response.status_code == 200, response.text
    return response.json()["responses"]["q"]


def test_match_zakharov(client):
    response = client.post("/match/zala", json={"queries": {k: QUERY_ZAKHAROV for k in ("vv", "xx", "zz")}})
    assert response.status_code == 200, response.text
    answer = response.json()["responses"]["vv"]
    assert answer["query"]["schema"] == "Person"
    # The echoed query is cleaned as FtM cleans it: a country code, the date as text.
    assert answer["query"]["properties"]["country"] == ["ru"]
    assert answer["query"]["properties"]["birthDate"] == ["1965"]
    assert answer["total"]["value"] > 0
    assert answer["results"][0]["id"] == ZAKHAROV
    assert_entity_shape(answer["results"][0])


def test_match_zakharov_name_based_mode(client):
    body = {"queries": {"vv": QUERY_ZAKHAROV}}
    assert client.post("/match/zala", json=body, params={"algorithm": "neural-net"}).status_code == 400
    answer = results(client, QUERY_ZAKHAROV, algorithm="name-based")
    assert answer["query"]["properties"]["country"] == ["ru"] and answer["total"]["value"] > 0
    top = answer["results"][0]
    assert top["id"] == ZAKHAROV and top["score"] > 0.70
    assert_entity_shape(top)


def test_match_no_schema(client):
    response = client.post("/match/zala", json={"queries": {"fail": {"properties": {"name": "Banana"}}}})
    assert response.status_code == 422, response.text
    batch = {
        "fail": {"schema": "xxx", "properties": {"name": "Banana"}},
        "ok1": {"schema": "Person", "properties": {"name": ["Vladimir Putin"]}},
        "ok2": {"schema": "Person", "properties": {"name": ["John Doe"]}},
    }
    assert client.post("/match/zala", json={"queries": batch}).status_code == 400


@pytest.mark.parametrize("algorithm", ["logic-v1", "best"])
def test_match_many_names(client, algorithm):
    found = results(client, MANY_NAMES, algorithm=algorithm)["results"]
    assert found
    again = results(client, MANY_NAMES, algorithm=algorithm, fuzzy="false")["results"]
    assert len(again) == len(found)


def test_match_exclude_dataset(client):
    assert results(client, QUERY_ZAKHAROV, algorithm="name-based", exclude_dataset="zala")["results"] == []


def test_match_include_dataset(client):
    none = results(client, QUERY_ZAKHAROV, algorithm="name-based",
                   include_dataset=["ae_local_terrorists", "mx_governors"])  # fmt: skip
    assert none["results"] == []
    some = results(
        client, QUERY_ZAKHAROV, algorithm="name-based", include_dataset=["zala", "ae_local_terrorists"]
    )
    assert some["results"]
    both = results(client, QUERY_ZAKHAROV, algorithm="name-based",
                   include_dataset=["zala", "mx_governors"], exclude_dataset="zala")  # fmt: skip
    assert both["results"] == []


def test_match_logic_v2_with_algorithm_config(client):
    pytest.importorskip("nomenklatura", reason="yente's algorithms come with the `yente` extra")
    from nomenklatura.matching.logic_v2.model import LogicV2

    body = {"queries": {"vv": QUERY_ZAKHAROV}, "config": {"nm_number_mismatch": 0.4}}
    with mock.patch.object(LogicV2, "compare", wraps=LogicV2.compare) as compare:
        response = client.post("/match/zala", json=body, params={"algorithm": "logic-v2"})
    assert response.status_code == 200, response.text
    assert compare.called and compare.call_args.kwargs["config"].config["nm_number_mismatch"] == 0.4
    assert response.headers["x-algorithm"] == "logic-v2"
    bad = {"queries": {"vv": QUERY_ZAKHAROV}, "config": {"invalid_option": 0.4}}
    assert client.post("/match/zala", json=bad, params={"algorithm": "logic-v2"}).status_code == 400


def test_filter_topic(client):
    assert results(client, QUERY_ZAKHAROV, algorithm="name-based", topics="crime.cyber")["results"] == []
    assert results(client, QUERY_ZAKHAROV, algorithm="name-based", topics="sanction")["results"]


def test_id_pass_through(client):
    answer = results(client, {**MANY_NAMES, "id": "zakharov"})
    assert answer["query"]["schema"] == "Person" and answer["query"]["id"] == "zakharov"


def test_match_name_without_spaces(client):
    # yente needs a character n-gram sub-field of its index for this; lookthrough's matcher finds it.
    query = {"schema": "Person", "properties": {"name": ["alexandervyacheslavovichzakharov", "foo bar"]}}
    found = results(client, query)["results"]
    assert found and found[0]["id"] == ZAKHAROV


def test_fuzzy_names(client):
    query = {"schema": "Person", "properties": {"name": "Aiexandvr Zakharom"}}
    found = results(client, query, threshold=0.2, cutoff=0.2, algorithm="logic-v2")["results"]
    assert found and found[0]["id"] == ZAKHAROV


@es_internal("with yente's MATCH_FUZZY off, Elasticsearch retrieves no candidate for a misspelt name")
def test_fuzzy_names_off(client):
    query = {"schema": "Person", "properties": {"name": "Aiexandvr Zakharom"}}
    assert results(client, query, threshold=0.2, algorithm="best", fuzzy="false")["results"] == []


def test_match_numeric_property_value(client):
    query = {"schema": "Person", "properties": {"name": ["Alexander Zakharov"], "birthDate": [1965]}}
    assert "1965" in results(client, query)["query"]["properties"]["birthDate"]


def test_exclude_entity_ids(client):
    assert results(client, QUERY_ZAKHAROV)["results"][0]["id"] == ZAKHAROV
    assert results(client, QUERY_ZAKHAROV, exclude_entity_ids=[ZAKHAROV])["results"] == []
    # A referent (an id merged into the entity) excludes the entity too.
    assert results(client, QUERY_ZAKHAROV, exclude_entity_ids=["ofac-45937"])["results"] == []


def test_limit_up_to_500(client):
    assert (
        client.post("/match/zala", json={"queries": {"q": QUERY_ZAKHAROV}}, params={"limit": 500}).status_code
        == 200
    )
    assert (
        client.post("/match/zala", json={"queries": {"q": QUERY_ZAKHAROV}}, params={"limit": 501}).status_code
        == 422
    )


def test_person_query_from_name_parts(client):
    query = {"schema": "Person", "properties": {"firstName": ["Alexander"], "lastName": ["Zakharov"]}}
    found = results(client, query)["results"]
    assert found and found[0]["id"] == ZAKHAROV


def test_company_query_never_returns_a_person(client):
    query = {"schema": "Company", "properties": {"name": ["Alexander Vyacheslavovich Zakharov"]}}
    assert all(r["schema"] != "Person" for r in results(client, query, cutoff=0.1)["results"])


def test_results_carry_every_property_as_ftm_codes(client):
    top = results(client, QUERY_ZAKHAROV)["results"][0]
    assert top["properties"]["birthDate"] == ["1965-09-21"] and top["properties"]["gender"] == ["male"]
    assert {"nationality", "innCode", "addressEntity", "topics"} <= set(top["properties"])
    assert top["first_seen"] and top["last_change"] and "zala" in top["datasets"]


ZALA_AERO = {"schema": "LegalEntity", "properties": {"name": ["Zala Aero"]}}


def test_match_exclude_schema(client):
    def schemata(**params):
        return [r["schema"] for r in results(client, ZALA_AERO, cutoff=0.3, limit=20, **params)["results"]]

    # A LegalEntity query for Zala Aero meets a Person (Zakharov) and a Company (CST).
    assert sorted(schemata()) == ["Company", "Person"]
    assert schemata(exclude_schema="Person") == ["Company"]
    assert schemata(exclude_schema="Company") == ["Person"]
    assert schemata(exclude_schema=["Person", "Company"]) == []
    answer = results(client, ZALA_AERO, cutoff=0.3, exclude_schema="Person")
    assert answer["total"]["value"] == 1  # the total counts only what the filter lets through


def test_match_filter_changed_since(client):
    # changed_since keeps what last changed at or after it, to the day, hour, minute or second.
    last = results(client, QUERY_ZAKHAROV)["results"][0]["last_change"]
    changed = datetime.fromisoformat(last)
    kept = ("2020-01-01", last[:10], last[:13], last[:16], last)
    for since in kept:
        found = results(client, QUERY_ZAKHAROV, changed_since=since)["results"]
        assert [r["id"] for r in found] == [ZAKHAROV], since
    later = [
        (changed + step).isoformat()[:width]
        for step, width in ((timedelta(days=1), 10), (timedelta(hours=1), 13), (timedelta(minutes=1), 16))
    ]
    for since in (*later, (changed + timedelta(seconds=1)).isoformat(), "2099-01-01T00:00"):
        answer = results(client, QUERY_ZAKHAROV, changed_since=since)
        assert answer["results"] == [] and answer["total"]["value"] == 0, since
    body = {"queries": {"q": QUERY_ZAKHAROV}}
    for bad in ("yesterday", "2026-04-24 10:57", last + "Z"):
        assert client.post("/match/zala", json=body, params={"changed_since": bad}).status_code == 422, bad
