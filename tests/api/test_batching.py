"""/match requests that arrive together are matched in one engine batch, answer exactly what each
would alone, and an error stays with the request that caused it."""

from __future__ import annotations

import asyncio
import gc
import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest

from lookthrough.api import create_app
from lookthrough.review import Role, create_token
from lookthrough.screening.screener import Screener
from lookthrough.workspace import Workspace

NAMES = ["Hangzhou Hikvision Digital Technology", "Zhejiang Dahua Technology", "Hangzhou EZVIZ Network",
         "Plain Bakery GmbH", "Sense Time Group", "Hikvsion Digital"]  # fmt: skip


@pytest.fixture
def served() -> Iterator[tuple[Any, dict[str, str]]]:
    workspace = Workspace(":memory:")
    _token, secret = create_token(workspace.store, "viewer-1", Role.VIEWER)
    yield create_app(workspace=workspace), {"Authorization": f"Bearer {secret}"}
    workspace.close()


def body(name: str) -> dict[str, Any]:
    return {"queries": {"q": {"schema": "Company", "properties": {"name": [name]}}}}


class Answer:
    """What the application sent for one request."""

    def __init__(self) -> None:
        self.status_code = 0
        self.body = b""

    def json(self) -> Any:
        return json.loads(self.body)


async def post(app: Any, headers: dict[str, str], payload: dict[str, Any], params: dict[str, Any]) -> Answer:
    """One POST to /match straight into the ASGI application, as a server hands it over (no
    client library in between, whose own awaits would spread the requests over several turns)."""
    content = json.dumps(payload).encode()
    query = urlencode(params).encode()
    pairs = [(b"content-type", b"application/json"), (b"content-length", str(len(content)).encode())]
    pairs += [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
             "scheme": "http", "path": "/match/default", "raw_path": b"/match/default",
             "query_string": query, "root_path": "", "headers": pairs, "client": ("127.0.0.1", 1),
             "server": ("127.0.0.1", 80)}  # fmt: skip
    messages = [{"type": "http.request", "body": content, "more_body": False}]
    answer = Answer()

    async def receive() -> dict[str, Any]:
        return messages.pop() if messages else {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            answer.status_code = message["status"]
        elif message["type"] == "http.response.body":
            answer.body += message.get("body", b"")

    try:
        await app(scope, receive, send)
    except RuntimeError:  # re-raised after the 500 was sent, for the server to log
        if answer.status_code != 500:
            raise
    return answer


async def _together(
    app: Any,
    headers: dict[str, str],
    bodies: list[dict[str, Any]],
    params: list[dict],
    calls: list | None = None,
) -> list:
    """Start the app, send every body at once, and (once they are answered) each again alone.
    A first request, alone, has the token checked and remembered (a store read in a worker
    thread, which would otherwise spread the first requests over several turns); `calls` is
    cleared after it."""
    async with app.router.lifespan_context(app):
        await post(app, headers, body("Warm Up Trading Ltd"), {})
        if calls is not None:
            calls.clear()
        pairs = list(zip(bodies, params, strict=True))
        at_once = await asyncio.gather(*(post(app, headers, b, p) for b, p in pairs))
        alone = [await post(app, headers, b, p) for b, p in pairs]
        return [at_once, alone]


@pytest.fixture
def engine_calls(monkeypatch) -> list[list[str]]:
    """The names of every engine call the screener makes."""
    calls: list[list[str]] = []
    real = Screener.match_keys

    def recorded(self: Screener, keys: Any) -> Any:
        calls.append([name for name, _, _ in keys])
        return real(self, keys)

    monkeypatch.setattr(Screener, "match_keys", recorded)
    return calls


def test_concurrent_requests_share_one_engine_call_and_answer_as_alone(served, engine_calls):
    app, headers = served
    at_once, alone = asyncio.run(
        _together(app, headers, [body(n) for n in NAMES], [{}] * len(NAMES), engine_calls)
    )
    assert [r.status_code for r in at_once] == [200] * len(NAMES)
    assert engine_calls[0] == NAMES  # one batch, in arrival order, then one call per request alone
    assert engine_calls[1:] == [[n] for n in NAMES]
    assert [r.json() for r in at_once] == [r.json() for r in alone]
    assert at_once[0].json()["responses"]["q"]["results"][0]["id"] == "lt-hikvision"
    assert at_once[3].json()["responses"]["q"]["results"] == []  # the bakery stays clear
    assert list(app.state.service.batcher.sizes)[1:] == [len(NAMES)] + [1] * len(NAMES)  # after the warm-up


def test_a_name_asked_twice_at_once_is_matched_once(served, engine_calls):
    app, headers = served
    twice = [body(NAMES[0]), body(NAMES[0]), body(NAMES[1])]
    at_once, _alone = asyncio.run(_together(app, headers, twice, [{}] * 3, engine_calls))
    assert engine_calls[0] == [NAMES[0], NAMES[1]]
    assert at_once[0].json() == at_once[1].json()


def test_requests_with_other_thresholds_are_matched_apart(served, engine_calls):
    app, headers = served
    params = [{}, {"threshold": 0.9, "cutoff": 0.9}, {}]
    at_once, alone = asyncio.run(_together(app, headers, [body(n) for n in NAMES[:3]], params, engine_calls))
    assert sorted(engine_calls[:2], key=len) == [[NAMES[1]], [NAMES[0], NAMES[2]]]
    assert [r.json() for r in at_once] == [r.json() for r in alone]


def test_an_engine_error_stays_with_its_request(served, monkeypatch):
    app, headers = served
    real = Screener.match_keys

    def failing(self: Screener, keys: Any) -> Any:
        if any(name == "Poison Pill Ltd" for name, _, _ in keys):
            raise RuntimeError("the engine failed on this name")
        return real(self, keys)

    monkeypatch.setattr(Screener, "match_keys", failing)
    names = [NAMES[0], "Poison Pill Ltd", NAMES[1]]
    at_once, _alone = asyncio.run(_together(app, headers, [body(n) for n in names], [{}] * 3))
    first, poisoned, third = at_once
    assert poisoned.status_code == 500
    assert first.status_code == third.status_code == 200
    assert first.json()["responses"]["q"]["results"][0]["id"] == "lt-hikvision"


def test_the_served_index_is_set_aside_from_the_garbage_collector(served):
    """Full collections would otherwise walk every object of the index, stalling all requests."""
    app, _headers = served

    async def started() -> int:
        async with app.router.lifespan_context(app):
            return gc.get_freeze_count()

    try:
        assert asyncio.run(started()) > 10_000
    finally:
        gc.unfreeze()


def test_a_queue_left_by_a_stopped_loop_does_not_hold_the_next_request():
    """A server loop that stopped mid-turn leaves queued queries no flush will take; a request on
    the next loop is matched all the same (a test client starts a loop per run)."""
    from lookthrough.api.batching import MatchBatcher

    workspace = Workspace(":memory:")
    try:
        screener = workspace.screener()
        batcher = MatchBatcher()
        stopped = asyncio.new_event_loop()
        stopped.run_until_complete(_queue_without_turn(batcher, screener))
        stopped.close()
        assert batcher._queue  # left behind: its flush never ran
        asked = batcher.match(screener, [("Hangzhou Hikvision Digital Technology", (), ())])
        found = asyncio.run(asyncio.wait_for(asked, 30))
        assert found[0][0].entity_id == "lt-hikvision"
    finally:
        workspace.close()


async def _queue_without_turn(batcher: Any, screener: Screener) -> None:
    """Queue a query, then take the flush the batcher scheduled off the loop, as a stop would."""
    loop = asyncio.get_running_loop()
    waiting = asyncio.ensure_future(batcher.match(screener, [("Zhejiang Dahua Technology", (), ())]))
    await asyncio.sleep(0)  # the task queues its query and schedules the flush
    for handle in list(loop._ready):  # the flush, not yet run
        handle.cancel()
    waiting.cancel()
