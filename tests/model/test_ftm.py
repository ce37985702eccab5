"""FollowTheMoney compatibility: entities round-trip through FtM JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from followthemoney.exc import InvalidData

from lookthrough.model import Entity, Evidence, from_ftm, listing, ownership, to_ftm


def test_round_trip_keeps_properties() -> None:
    entity = Entity("x-1", "Company", dataset="d", citation="doc p.1")
    entity.add("name", "Hangzhou Hikvision Digital Technology Co., Ltd.")
    entity.add("name", "杭州海康威视数字技术股份有限公司", lang="zho")
    entity.add("isinCode", "CNE100000PM8")
    data = to_ftm(entity)
    back = from_ftm(json.loads(json.dumps(data)), dataset="d", citation="c")
    assert back.properties() == entity.properties()
    assert data["lookthrough:citations"] == ["doc p.1"]


def test_unknown_property_is_refused() -> None:
    entity = Entity("x", "Person", dataset="d", citation="c")
    with pytest.raises(KeyError):
        entity.add("isinCode", "CNE100000PM8")
    with pytest.raises(InvalidData):
        from_ftm(
            {"id": "y", "schema": "Person", "properties": {"isinCode": ["X"]}}, dataset="d", citation="c"
        )


def test_relations_are_ftm_interval_entities() -> None:
    owner = Entity("cetc", "Company", dataset="d", citation="c")
    asset = Entity("hik", "Company", dataset="d", citation="c")
    edge = ownership(owner, asset, like=owner, percent=39.6, citation="filing", evidence=Evidence.FILING)
    assert edge.schema == "Ownership" and edge.get("percentage") == ["39.6"]
    assert edge.statements[0].evidence is Evidence.FILING and edge.statements[0].citation == "filing"
    sanction = listing(
        asset, list_title="NS-CMIC", program="CMIC-EO13959", authority="OFAC", since="2021-06-03"
    )
    assert to_ftm(sanction)["properties"]["entity"] == ["hik"]


def test_reads_opensanctions_entities(shared_data: Path) -> None:
    path = shared_data / "opensanctions_ftm" / "zala_aero_cluster.entities.ftm.json"
    entities = [
        from_ftm(json.loads(line), dataset="os", citation="zala") for line in path.read_text().splitlines()
    ]
    assert len(entities) == 91
    assert sum(e.schema == "Ownership" for e in entities) == 14
