"""Very long names through /match, /reconcile and /search: a clean answer in bounded time (names
are matched on their first 512 characters), and /healthz answers while such a request runs.

Each request runs in a thread so that a hang fails the test after TIMEOUT seconds instead of
stopping the suite."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any

import anyio
import httpx
import pytest

from lookthrough.api.finder import Finder
from lookthrough.screening.screener import Screener

TIMEOUT = 15.0
CUT = 512
# Hikvision, then Dahua only after the first 512 characters: matched, the name meets Hikvision alone.
LONG = ("Hikvision" + "-" * (CUT - 9) + " Dahua ").ljust(1000, "-")
HUGE = LONG.ljust(1_000_000, "-")


def in_time(call: Callable[[], httpx.Response]) -> httpx.Response:
    """The response to `call`, which must come within TIMEOUT seconds."""
    answered: list[httpx.Response] = []
    worker = threading.Thread(target=lambda: answered.append(call()), daemon=True)
    worker.start()
    worker.join(TIMEOUT)
    assert not worker.is_alive(), f"no answer within {TIMEOUT} seconds"
    [response] = answered
    return response


def match(client, headers, name: str) -> httpx.Response:
    query = {"schema": "Company", "properties": {"name": [name]}}
    return client.post(
        "/match/default", json={"queries": {"q": query}}, params={"cutoff": 0.1}, headers=headers
    )


def reconcile(client, headers, name: str) -> httpx.Response:
    queries = json.dumps({"q0": {"query": name, "type": "Company"}})
    return client.post("/reconcile/default", data={"queries": queries}, headers=headers)


def matched(response: httpx.Response) -> list[tuple[str, float]]:
    assert response.status_code == 200, response.text[:500]
    return [(r["id"], r["score"]) for r in response.json()["responses"]["q"]["results"]]


def reconciled(response: httpx.Response) -> list[tuple[str, float, bool]]:
    assert response.status_code == 200, response.text[:500]
    return [(r["id"], r["score"], r["match"]) for r in response.json()["q0"]["result"]]


@pytest.mark.parametrize("name", [LONG, HUGE], ids=["1000 letters", "1 MB"])
def test_match_answers_a_long_name_as_its_first_512_characters(client, tokens, name):
    viewer = tokens["viewer"]
    found = matched(in_time(lambda: match(client, viewer, name)))
    assert found == matched(match(client, viewer, name[:CUT]))
    assert found[0][0] == "lt-hikvision"
    # Read whole, the name would meet Dahua as well and Hikvision much less well.
    whole = matched(match(client, viewer, "Hikvision Dahua"))
    assert whole != found and whole[0][1] < found[0][1]


@pytest.mark.parametrize("name", [LONG, HUGE], ids=["1000 letters", "1 MB"])
def test_reconcile_answers_a_long_name_as_its_first_512_characters(client, tokens, name):
    viewer = tokens["viewer"]
    found = reconciled(in_time(lambda: reconcile(client, viewer, name)))
    assert found == reconciled(reconcile(client, viewer, name[:CUT]))
    assert found[0][0] == "lt-hikvision" and found[0][2] is True


def test_search_reads_every_word_of_a_1000_character_query(client, tokens):
    viewer = tokens["viewer"]
    response = in_time(lambda: client.get("/search/default", params={"q": LONG}, headers=viewer))
    assert response.status_code == 200, response.text[:500]
    ids = [r["id"] for r in response.json()["results"]]
    # The fuzzy name match is on the first 512 characters; the word search finds Dahua past them.
    assert ids[0] == "lt-hikvision" and "lt-dahua" in ids
    refused = client.get("/search/default", params={"q": LONG + "-"}, headers=viewer)
    assert refused.status_code == 422 and refused.json()["detail"][0]["type"] == "too_long"


def test_search_refuses_a_1_mb_query_with_414(client):
    # No HTTP client builds such a URL (httpx refuses to): it is sent to the app as a server would.
    status, body = anyio.run(_get, client.app, "/search/default", b"q=" + HUGE.encode())
    assert status == 414 and json.loads(body) == {"detail": "Request URI too long"}


async def _get(app: Any, path: str, query: bytes) -> tuple[int, bytes]:
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "path": path, "raw_path": path.encode(), "root_path": "", "query_string": query,
        "headers": [(b"host", b"testserver")], "client": ("127.0.0.1", 1), "server": ("testserver", 80),
    }  # fmt: skip
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(scope, receive, send)
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


def held(monkeypatch, cls: type, method: str) -> tuple[threading.Event, threading.Event]:
    """Make `cls.method` do its work, then wait for `release`: the request stays in flight."""
    working, release = threading.Event(), threading.Event()
    real = getattr(cls, method)

    def holding(self, *args, **kwargs):
        result = real(self, *args, **kwargs)
        working.set()
        release.wait(TIMEOUT)
        return result

    monkeypatch.setattr(cls, method, holding)
    return working, release


@pytest.mark.parametrize(
    "path, cls, method",
    [
        ("/match", Screener, "screen_many"),
        ("/reconcile", Screener, "screen_many"),
        ("/search", Finder, "search"),
    ],
)
def test_healthz_answers_while_a_long_name_is_screened(client, tokens, monkeypatch, path, cls, method):
    viewer = tokens["viewer"]
    send = {
        "/match": lambda: match(client, viewer, HUGE),
        "/reconcile": lambda: reconcile(client, viewer, HUGE),
        "/search": lambda: client.get("/search/default", params={"q": LONG}, headers=viewer),
    }[path]
    working, release = held(monkeypatch, cls, method)
    answered: list[httpx.Response] = []
    request = threading.Thread(target=lambda: answered.append(send()), daemon=True)
    request.start()
    try:
        assert working.wait(TIMEOUT), f"{path} never reached its work"
        health = in_time(lambda: client.get("/healthz"))
        assert health.status_code == 200 and health.json() == {"status": "ok"}
        assert request.is_alive() and not answered  # the long request was still in flight
    finally:
        release.set()
    request.join(TIMEOUT)
    assert not request.is_alive() and answered[0].status_code == 200
