"""CPU time of one `/match` request inside the application, without HTTP or a load tool.

    .venv/bin/python -m bench.api_cpu --rounds 7

Builds the app over the built-in data (with `--lists FOLDER`, also the official lists that
`bench.api_load` loads), then sends the 20 names of `bench.api_load` straight to the ASGI
application with a viewer token (no socket, no client library) and prints the median CPU time
per request over the rounds. Run it from two checkouts back to back to compare code; CPU time
depends far less than wall time on how busy the shared machine is."""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.api_load import LISTS, NAMES, prepare
from lookthrough.api import create_app

PATH = "/match/default"


def scope(body: bytes, token: str) -> dict[str, Any]:
    """An HTTP/1.1 POST of a JSON body to /match with a bearer token, as uvicorn passes it on."""
    headers = [(b"host", b"127.0.0.1"), (b"content-type", b"application/json"),
               (b"content-length", str(len(body)).encode()),
               (b"authorization", f"Bearer {token}".encode())]  # fmt: skip
    return {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
        "scheme": "http", "path": PATH, "raw_path": PATH.encode(), "query_string": b"",
        "root_path": "", "headers": headers, "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80),
    }  # fmt: skip


async def request(app: Any, body: bytes, token: str) -> None:
    """One request through the whole middleware stack; anything but 200 stops the bench."""
    messages = [{"type": "http.request", "body": body, "more_body": False}]
    statuses: list[int] = []

    async def receive() -> dict[str, Any]:
        return messages.pop() if messages else {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            statuses.append(message["status"])

    await app(scope(body, token), receive, send)
    if statuses != [200]:
        raise SystemExit(f"{PATH} answered {statuses}")


async def rounds_of(app: Any, bodies: list[bytes], token: str, count: int) -> None:
    for _ in range(count):
        for body in bodies:
            await request(app, body, token)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--rounds", type=int, default=7, help="timed rounds; the median is reported")
    parser.add_argument("--per-round", type=int, default=10, help="passes over the 20 names per round")
    parser.add_argument("--lists", type=Path, help=f"also load the official lists as api_load does ({LISTS})")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="lookthrough-api-cpu-"))
    db = str(folder / "bench.duckdb")
    token = prepare(db, args.lists or folder)  # an empty folder: the built-in data only
    app = create_app(db)
    bodies = [
        json.dumps({"queries": {"q": {"schema": "Company", "properties": {"name": [n]}}}}).encode()
        for n in NAMES
    ]
    asyncio.run(rounds_of(app, bodies, token, 3))  # builds the look-through graph and warms caches
    costs = []
    for _ in range(args.rounds):
        start = time.process_time()
        asyncio.run(rounds_of(app, bodies, token, args.per_round))
        costs.append((time.process_time() - start) / (args.per_round * len(bodies)) * 1000)
    runs = " ".join(f"{cost:.3f}" for cost in costs)
    print(f"CPU per request: median {statistics.median(costs):.3f} ms (rounds: {runs})")


if __name__ == "__main__":
    main()
