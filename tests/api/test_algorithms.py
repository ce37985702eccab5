"""Which algorithm answers: lookthrough's own for `best` (the one the server's index is built for),
nomenklatura's for yente's names when it is installed, lookthrough's own (and the header saying so)
when it is not; other names, and lookthrough's other algorithm, are refused."""

from __future__ import annotations

import pytest

from lookthrough.api import algorithms
from lookthrough.exc import InvalidInput

HIKVISION = {
    "queries": {"a": {"schema": "Company", "properties": {"name": ["Hangzhou Hikvision Digital Technology"]}}}
}


@pytest.mark.parametrize("name", ["best", "default", "name_v2", "BEST "])
def test_own_names(name):
    choice = algorithms.choose(name)
    assert algorithms.own() == "name_v2"  # the default
    assert choice.used == "name_v2" and not choice.nomenklatura


def test_the_algorithm_the_server_is_not_built_for_is_refused(monkeypatch):
    with pytest.raises(InvalidInput, match="this server scores with name_v2"):
        algorithms.choose("name_v1")
    monkeypatch.setenv("LOOKTHROUGH_ALGORITHM", "name_v1")
    assert algorithms.choose("best").used == "name_v1"
    with pytest.raises(InvalidInput, match="this server scores with name_v1"):
        algorithms.choose("name_v2")


def test_unknown_names_are_refused():
    with pytest.raises(InvalidInput, match="Invalid algorithm: neural-net"):
        algorithms.choose("neural-net")


def test_yente_names_without_nomenklatura_fall_back_and_say_so(client, tokens, monkeypatch):
    monkeypatch.setattr(algorithms, "_nomenklatura", lambda: {})
    assert algorithms.choose("logic-v2").used == "name_v2"
    response = client.post(
        "/match/default", json=HIKVISION, params={"algorithm": "logic-v2"}, headers=tokens["viewer"]
    )
    assert response.status_code == 200 and response.headers["x-algorithm"] == "name_v2"
    assert response.json()["responses"]["a"]["results"][0]["id"] == "lt-hikvision"
    assert [a["name"] for a in client.get("/algorithms").json()["algorithms"]] == ["name_v2"]


def test_yente_names_with_nomenklatura_score_with_it(client, tokens):
    pytest.importorskip("nomenklatura", reason="yente's algorithms come with the `yente` extra")
    response = client.post(
        "/match/default", json=HIKVISION, params={"algorithm": "name-based"}, headers=tokens["viewer"]
    )
    assert response.status_code == 200 and response.headers["x-algorithm"] == "name-based"
    top = response.json()["responses"]["a"]["results"][0]
    assert top["id"] == "lt-hikvision" and top["lists"] and top["explanations"]
    assert set(top["explanations"]) <= set(response.json()["matcher"])  # nomenklatura's features
