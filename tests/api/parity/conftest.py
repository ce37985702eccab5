"""yente's own API tests, ported: a TestClient on create_app() over yente's zala fixture
(OpenSanctions' cluster around Zala Aero and A. Zakharov), loaded as the dataset `zala`.

Where yente's behaviour rests on Elasticsearch itself (query-string syntax, a fuzziness switch)
or on yente's own front page, the test is kept and marked `xfail(strict=True)` with the reason,
so the list of differences is executable: a difference that disappears fails the suite."""

from __future__ import annotations

import re
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from followthemoney import model
from followthemoney.dataset.util import dataset_name_check

from lookthrough.api import create_app
from lookthrough.sources.load import load_path
from lookthrough.workspace import Workspace
from tests.conftest import shared_data_path

ZAKHAROV = "NK-aU5ybkbRFJucf8YMwsJvDw"
ZALA_FILE = Path("opensanctions_ftm") / "zala_aero_cluster.entities.ftm.json"
ISO_SECONDS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$")
ENTITY_KEYS = {"id", "caption", "schema", "properties", "datasets", "referents", "target",
               "first_seen", "last_seen", "last_change"}  # fmt: skip
ES_INTERNALS = "yente's behaviour here comes from Elasticsearch: "


def es_internal(why: str) -> pytest.MarkDecorator:
    """A yente expectation that rests on Elasticsearch, not on the API (a listed miss)."""
    return pytest.mark.xfail(strict=True, reason=ES_INTERNALS + why)


def not_ported(why: str) -> pytest.MarkDecorator:
    """A yente expectation about yente itself rather than its API (a listed miss)."""
    return pytest.mark.xfail(strict=True, reason="yente's own: " + why)


@pytest.fixture(scope="session")
def zala_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = shared_data_path() / ZALA_FILE
    if not source.is_file():
        pytest.skip("yente's zala fixture not found beside the repository (set LOOKTHROUGH_SHARED_DATA)")
    folder = tmp_path_factory.mktemp("datasets")
    (folder / "zala").mkdir()
    # Named as OpenSanctions names its exports, so it loads as the dataset `zala`, as in yente.
    shutil.copy(source, folder / "zala" / "entities.ftm.json")
    return folder


@pytest.fixture(scope="session")
def zala(zala_folder: Path) -> Workspace:
    workspace = Workspace(":memory:")
    [result] = load_path(workspace.store, zala_folder / "zala" / "entities.ftm.json")
    assert result.ok and result.snapshot.dataset == "ftm_import:zala"
    yield workspace
    workspace.close()


@pytest.fixture(scope="session")
def client(zala: Workspace) -> TestClient:
    """yente needs no key on a self-hosted server; neither does lookthrough on loopback."""
    with TestClient(create_app(workspace=zala, loopback=True)) as test_client:
        yield test_client


def assert_entity_shape(data: dict[str, Any]) -> None:
    """What yente's clients may rely on in every entity, nested ones included."""
    assert not ENTITY_KEYS - data.keys(), sorted(data.keys())
    assert isinstance(data["id"], str) and data["id"] and isinstance(data["caption"], str) and data["caption"]
    assert data["schema"] in model.schemata
    for prop, values in data["properties"].items():
        assert isinstance(prop, str) and isinstance(values, list), (prop, values)
        for value in values:
            if isinstance(value, dict):
                assert_entity_shape(value)
            else:
                assert isinstance(value, str), (prop, value)
    assert all(dataset_name_check(name) for name in data["datasets"])
    assert all(isinstance(r, str) for r in data["referents"]) and isinstance(data["target"], bool)
    for key in ("first_seen", "last_seen", "last_change"):
        if data[key] is not None:
            assert ISO_SECONDS.match(data[key]), data[key]
            assert datetime.fromisoformat(data[key]).isoformat() == data[key]


def by_id(entities: list[dict[str, Any]], entity_id: str) -> dict[str, Any]:
    found = [e for e in entities if isinstance(e, dict) and e["id"] == entity_id]
    assert len(found) == 1, (entity_id, entities)
    return found[0]
