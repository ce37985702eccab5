"""/healthz says the server runs; /readyz that it has lists to screen against."""

from __future__ import annotations

from fastapi.testclient import TestClient

from lookthrough.api import create_app
from lookthrough.builtin import ensure_builtin
from lookthrough.workspace import Workspace


def test_ready_only_with_a_snapshot():
    ws = Workspace(":memory:", builtin=False)
    with TestClient(create_app(workspace=ws)) as client:
        assert client.get("/healthz").json() == {"status": "ok"}
        response = client.get("/readyz")
        assert response.status_code == 503 and response.json()["snapshots"] == []
        ensure_builtin(ws.store)
        ready = client.get("/readyz")
        assert ready.status_code == 200 and ready.json()["snapshots"][0].startswith("lookthrough_curated-")
    ws.close()
