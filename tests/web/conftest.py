from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from lookthrough.api import create_app
from lookthrough.review import Role, create_token
from lookthrough.workspace import Workspace

HOLDINGS = b"holding\nHangzhou Hikvision Digital Technology\nPlain Bakery GmbH\nHangzhou EZVIZ Network\n"


@pytest.fixture
def workspace() -> Workspace:
    ws = Workspace(":memory:")
    yield ws
    ws.close()


@pytest.fixture
def secrets_by_role(workspace) -> dict[str, str]:
    return {
        role.name.lower(): create_token(workspace.store, f"{role.name.lower()}-1", role)[1] for role in Role
    }


@pytest.fixture
def client(workspace) -> TestClient:
    with TestClient(create_app(workspace=workspace)) as test_client:
        yield test_client
