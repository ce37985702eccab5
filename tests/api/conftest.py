"""A TestClient on create_app() over a fresh in-memory database, and a token per role."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from lookthrough.api import create_app
from lookthrough.review import Role, create_token
from lookthrough.workspace import Workspace


@pytest.fixture
def workspace() -> Workspace:
    ws = Workspace(":memory:")
    yield ws
    ws.close()


@pytest.fixture
def client(workspace) -> TestClient:
    with TestClient(create_app(workspace=workspace)) as test_client:
        yield test_client


@pytest.fixture
def tokens(workspace) -> dict[str, dict[str, str]]:
    """Authorization headers for a viewer, a reviewer and an admin."""
    made = {}
    for role in Role:
        _token, secret = create_token(workspace.store, f"{role.name.lower()}-1", role)
        made[role.name.lower()] = {"Authorization": f"Bearer {secret}"}
    return made
