"""Golden tests of the FollowTheMoney JSON-lines adapter."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from lookthrough.catalog import Catalog
from lookthrough.model import Evidence
from lookthrough.sources._ftm_meta import OFFICIAL_PUBLISHERS
from lookthrough.sources.base import LoadReport
from lookthrough.sources.csl import CslJson
from lookthrough.sources.ftm_json import FtmJson

from ..conftest import FIXTURES

FTM = Path("opensanctions_ftm")


def read(path: Path):
    report = LoadReport()
    return list(FtmJson().read(path, report)), report


def objects(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def test_zala_cluster_loads_every_entity_and_ownership(shared_data: Path) -> None:
    path = shared_data / FTM / "zala_aero_cluster.entities.ftm.json"
    entities, report = read(path)
    expected = objects(path)
    assert [e.id for e in entities] == [o["id"] for o in expected] and len(entities) == 91
    assert report.rows_read == 91 and report.rows_rejected == 0
    schemas = Counter(e.schema for e in entities)
    assert schemas == Counter(o["schema"] for o in expected)
    assert schemas["Ownership"] == 14 and schemas["Sanction"] == 41
    ids = {e.id for e in entities}
    for edge in (e for e in entities if e.schema == "Ownership"):
        assert set(edge.get("owner")) | set(edge.get("asset")) <= ids


def test_properties_and_provenance_come_through(shared_data: Path) -> None:
    path = shared_data / FTM / "zala_aero_cluster.entities.ftm.json"
    entities, _ = read(path)
    first, data = entities[0], objects(path)[0]
    assert first.properties() == {k: v for k, v in data["properties"].items()}
    assert first.evidence is Evidence.REPORTED
    assert first.citation.startswith(f"{path.name} line 1, entity {data['id']} (datasets: ")
    assert first.source_url == data["properties"]["sourceUrl"][0]


def test_ownership_edges_reach_the_catalog(shared_data: Path) -> None:
    entities, _ = read(shared_data / FTM / "zala_aero_cluster.entities.ftm.json")
    catalog = Catalog()
    catalog.add_entities(entities)
    edges = [edge for out in catalog.outbound.values() for edge in out]
    owned = [e for e in entities if e.schema == "Ownership"]
    assert len([e for e in edges if e.kind.value in ("ownership", "parent")]) == len(owned)
    assert all(e.source.evidence is Evidence.REPORTED for e in edges)


@pytest.mark.parametrize(
    ("name", "count"),
    [("t1_eu_fsf_sample.entities.ftm.json", 7), ("delta_sample.entities.delta.json", 2)],
)
def test_plain_and_delta_files_load(shared_data: Path, name: str, count: int) -> None:
    path = shared_data / FTM / name
    entities, report = read(path)
    assert len(entities) == count == report.rows_read and report.rows_rejected == 0
    assert FtmJson.detect(path) and not CslJson.detect(path)


def test_bad_lines_are_reported_with_line_and_field() -> None:
    entities, report = read(FIXTURES / "ftm" / "bad.ftm.json")
    reasons = {(r.line, r.field): r.reason for r in report.rejects}
    assert reasons == {
        (2, "schema"): "unknown schema 'Spaceship'",
        (3, "properties.favouriteColour"): "Company has no property 'favouriteColour'",
        (4, None): "invalid JSON: Unterminated string starting at (column 65)",
        (6, "op"): "delta operation 'DEL' cannot be applied to a whole-file load",
        (7, "id"): "entity zala-aero already appeared on line 1",
        (8, "properties.name"): "values of 'name' must be text or a list of text",
    }
    assert all(r.path == "bad.ftm.json" for r in report.rejects)
    assert [e.id for e in entities] == ["zala-aero", "kalashnikov", "own-1"]
    assert report.rows_read == 9 == len(entities) + report.rows_rejected  # the blank line 5 is no row
    [edge] = [e for e in entities if e.schema == "Ownership"]
    assert edge.get("owner") == ["kalashnikov"] and edge.get("percentage") == ["51"]


def test_a_line_that_is_no_object_is_a_reject_naming_file_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "entities.ftm.json"
    first = '{"id": "a", "schema": "Person", "properties": {"name": ["A"]}}'
    last = '{"id": "b", "schema": "Company"}'
    lines = [first, "[1, 2]", '"text"', "null", '{"op": "ADD", "entity": 3}', last]
    path.write_text("\n".join(lines) + "\n")
    entities, report = read(path)
    assert [e.id for e in entities] == ["a", "b"]
    assert [(r.path, r.line, r.field, r.reason) for r in report.rejects] == [
        ("entities.ftm.json", 2, "entity", "entity is not a JSON object but a list"),
        ("entities.ftm.json", 3, "entity", "entity is not a JSON object but text"),
        ("entities.ftm.json", 4, "entity", "entity is not a JSON object but null"),
        ("entities.ftm.json", 5, "entity", "entity is not a JSON object but a number"),
    ]
    assert report.rows_read == 6 == len(entities) + report.rows_rejected
    assert report.rejects[0].raw == "[1, 2]"


def _read_whole(path: Path) -> tuple[list, LoadReport]:
    """The file read as decoded text in one piece (the path an encoding given with --encoding takes)."""
    source = FtmJson()
    source.encoding = "utf-8"
    report = LoadReport()
    return list(source.read(path, report)), report


def _outcome(entities: list, report: LoadReport) -> tuple:
    kept = [(e.id, e.schema, e.statements, e.meta) for e in entities]
    return kept, [(r.path, r.line, r.field, r.reason, r.raw) for r in report.rejects], report.rows_read


@pytest.mark.parametrize("name", ["zala_aero_cluster.entities.ftm.json", "bad.ftm.json"])
def test_a_file_read_line_by_line_gives_what_its_whole_text_gives(shared_data: Path, name: str) -> None:
    path = FIXTURES / "ftm" / name if name.startswith("bad") else shared_data / FTM / name
    streamed, whole = read(path), _read_whole(path)
    assert _outcome(*streamed) == _outcome(*whole)
    assert len(streamed[0]) + streamed[1].rows_rejected == streamed[1].rows_read > 0


def test_csl_json_is_not_taken_for_ftm() -> None:
    assert not FtmJson.detect(FIXTURES / "csl" / "consolidated.json")
    assert not FtmJson.detect(FIXTURES / "csl" / "bad" / "consolidated.csv")


def test_a_json_object_without_schema_is_not_ftm(tmp_path: Path) -> None:
    path = tmp_path / "things.jsonl"
    path.write_text('{"id": "1", "name": "not an entity"}\n')
    assert not FtmJson.detect(path)


def test_export_metadata_is_kept(shared_data: Path) -> None:
    path = shared_data / FTM / "zala_aero_cluster.entities.ftm.json"
    entities, _ = read(path)
    by_id = {e.id: e for e in entities}
    data = next(o for o in objects(path) if o["id"] == "NK-aU5ybkbRFJucf8YMwsJvDw")
    meta = by_id[data["id"]].meta
    assert meta is not None and meta.datasets == sorted(data["datasets"])
    assert meta.referents == sorted(data["referents"]) and "ofac-45937" in meta.referents
    assert (meta.first_seen, meta.last_seen, meta.last_change) == (
        data["first_seen"], data["last_seen"], data["last_change"]
    )  # fmt: skip


def test_a_sanction_only_official_lists_state_is_an_official_listing(shared_data: Path) -> None:
    entities, _ = read(shared_data / FTM / "zala_aero_cluster.entities.ftm.json")
    sanctions = [e for e in entities if e.schema == "Sanction"]
    official = [e for e in sanctions if e.evidence is Evidence.OFFICIAL]
    assert official and all(set(e.meta.datasets) <= set(OFFICIAL_PUBLISHERS) for e in official)
    assert {"us_ofac_sdn", "eu_fsf"} <= {d for e in official for d in e.meta.datasets}
    assert all("official list, published by" in s.citation for e in official for s in e.statements)
    reported = [e for e in sanctions if e.evidence is Evidence.REPORTED]
    assert reported and all(not set(e.meta.datasets) <= set(OFFICIAL_PUBLISHERS) for e in reported)
    people = [e for e in entities if e.schema == "Person"]
    assert all(e.evidence is Evidence.REPORTED for e in people)


def test_an_opensanctions_export_is_named_by_its_folder(tmp_path: Path) -> None:
    assert FtmJson.dataset_for(tmp_path / "zala" / "entities.ftm.json") == "ftm_import:zala"
    assert FtmJson.dataset_for(tmp_path / "zala" / "holdings.ftm.json") == "ftm_import:holdings"


@pytest.mark.parametrize(
    ("extra", "field"),
    [({"datasets": "us_ofac_sdn"}, "datasets"), ({"referents": [1]}, "referents"),
     ({"first_seen": "yesterday"}, "first_seen")],
)  # fmt: skip
def test_bad_export_metadata_names_its_field(tmp_path: Path, extra: dict, field: str) -> None:
    path = tmp_path / "one.ftm.json"
    path.write_text(json.dumps({"id": "a", "schema": "Person", "properties": {"name": ["A"]}, **extra}))
    entities, report = read(path)
    assert not entities and [(r.line, r.field) for r in report.rejects] == [(1, field)]
