"""One party on two lists is one result: Sberbank is on OFAC's SDN list and its non-SDN lists
under one ent_num (17018); its other entry's id redirects to the one the API answers with."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from lookthrough.api import create_app
from lookthrough.sources.load import load_path
from lookthrough.workspace import Workspace

FILES = {"sdn": "ofac/sdn_2024-05-03/sdn.csv", "cons": "ofac/non_sdn_consolidated_2025-12/cons_prim.csv"}


def sberbank_only(shared_data: Path, tmp_path: Path) -> list[Path]:
    """Each official file cut down to Sberbank's rows (small enough to load in a moment)."""
    paths = []
    for folder, name in FILES.items():
        (tmp_path / folder).mkdir()
        rows = [
            r for r in (shared_data / name).read_bytes().splitlines(keepends=True) if r.startswith(b"17018,")
        ]
        path = tmp_path / folder / Path(name).name
        path.write_bytes(b"".join(rows))
        paths.append(path)
    return paths


def test_sberbank_on_two_ofac_lists_is_one_result(shared_data, tmp_path):
    workspace = Workspace(":memory:", builtin=False)
    for path in sberbank_only(shared_data, tmp_path):
        # cut down on purpose (no end mark): loaded with force, as a user would say so
        assert all(r.ok for r in load_path(workspace.store, path, force=True))
    query = {"queries": {"a": {"schema": "Company", "properties": {"name": ["Sberbank of Russia"]}}}}
    with TestClient(create_app(workspace=workspace, loopback=True)) as client:
        [result] = client.post("/match/default", json=query).json()["responses"]["a"]["results"]
        assert result["id"] == "us_ofac_cons-17018" and result["referents"] == ["us_ofac_sdn-17018"]
        assert set(result["datasets"]) == {"us_ofac_sdn", "us_ofac_cons"}
        lists = {entry["list"] for entry in result["lists"]}
        assert any("SDN" in name for name in lists) and any(
            "SSI" in name or "NS-MBS" in name for name in lists
        )
        other = client.get("/entities/us_ofac_sdn-17018", follow_redirects=False)
        assert other.status_code == 308 and other.headers["location"] == "/entities/us_ofac_cons-17018"
        record = client.get("/entities/us_ofac_cons-17018").json()
        assert {entry["list"] for entry in record["lists"]} == lists
    workspace.close()


def test_values_are_ftm_codes_not_labels(shared_data, tmp_path):
    """OFAC's file says `Male` and `Russia`; the API gives FtM's codes, as yente does."""
    workspace = Workspace(":memory:", builtin=False)
    path = tmp_path / "sdn" / "sdn.csv"
    path.parent.mkdir()
    rows = (shared_data / FILES["sdn"]).read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(r for r in rows if r.startswith(b"35096,")))  # PUTIN, Vladimir Vladimirovich
    assert all(r.ok for r in load_path(workspace.store, path, force=True))  # one row, cut on purpose
    with TestClient(create_app(workspace=workspace, loopback=True)) as client:
        [found] = client.get("/search", params={"q": "Putin"}).json()["results"]
        props = found["properties"]
        assert props["gender"] == ["male"] and "ru" in props["nationality"]
        assert all(len(c) == 2 for c in props.get("country", []) + props["nationality"])
    workspace.close()
