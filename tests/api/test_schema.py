"""Schemathesis against the running server: every operation, with valid and invalid inputs, must
answer as its OpenAPI description says (statuses, content types, bodies, headers), never 5xx."""

from __future__ import annotations

import os
import socket
import threading
import time

import pytest
import schemathesis
import uvicorn
from hypothesis import HealthCheck, settings

from lookthrough.api import create_app
from lookthrough.review import Role, create_token
from lookthrough.workspace import Workspace

EXAMPLES = int(os.environ.get("LOOKTHROUGH_SCHEMATHESIS_EXAMPLES", "15"))
"""Examples per operation in CI; `make fuzz` runs many more."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve() -> tuple[str, str]:
    """A server on a loopback port for this module, and an admin token for it (schemathesis reads
    the description when the module is collected)."""
    workspace = Workspace(":memory:")
    _token, secret = create_token(workspace.store, "schemathesis", Role.ADMIN)
    port = free_port()
    config = uvicorn.Config(create_app(workspace=workspace), host="127.0.0.1", port=port, log_level="error")
    server = uvicorn.Server(config)
    threading.Thread(target=server.run, daemon=True).start()
    deadline = time.monotonic() + 60
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", secret


# A request the description allows may still be refused with 400 for what no JSON Schema can
# say: a setting of one algorithm given to another, a reconciliation batch that is not JSON. Each
# such operation documents its 400.
# A request too large for the server's limits (URL over 16 KiB) is refused for that, with 414,
# before anything in it is looked at.
# A multipart form has no null: schemathesis sends a "null" part for one, which is the text
# "null", a valid string, so the upload's negative cases cannot be told from positive ones.
CONFIG = schemathesis.config.SchemathesisConfig.from_dict(
    {
        "operations": [
            {
                "include-path": "/screen",
                "include-method": "POST",
                "checks": {"negative_data_rejection": {"enabled": False}},
            }
        ],
        "checks": {
            "positive_data_acceptance": {
                "expected-statuses": ["2xx", "3xx", 400, 401, 403, 404, 409, 413, 414]
            },
            "negative_data_rejection": {
                "expected-statuses": [400, 401, 403, 404, 405, 406, 409, 413, 414, 415, 422, 428, 429, "5xx"]
            },
        },
    }
)
BASE, SECRET = serve()
schema = schemathesis.openapi.from_url(f"{BASE}/openapi.json", config=CONFIG)


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@pytest.mark.slow
def test_api_answers_as_its_description_says(case):
    case.call_and_validate(headers={"Authorization": f"Bearer {SECRET}"}, timeout=60)
