"""Convert entities to and from FollowTheMoney JSON."""

from __future__ import annotations

from typing import Any

from lookthrough.model.entity import Entity
from lookthrough.model.evidence import Evidence


def to_ftm(entity: Entity) -> dict[str, Any]:
    """The entity as a FtM JSON object, with lookthrough's provenance alongside."""
    return {
        "id": entity.id,
        "schema": entity.schema,
        "properties": entity.properties(),
        "datasets": [entity.dataset],
        "lookthrough:citations": sorted({s.citation for s in entity.statements}),
        "lookthrough:evidence": sorted({s.evidence.value for s in entity.statements}),
    }


def from_ftm(
    data: dict[str, Any],
    *,
    dataset: str,
    citation: str,
    evidence: Evidence = Evidence.OFFICIAL,
) -> Entity:
    """Build an entity from a FtM JSON object; raises InvalidData naming the bad field."""
    from followthemoney import model
    from followthemoney.exc import InvalidData

    if not isinstance(data, dict):
        raise InvalidData("entity is not a JSON object")
    entity_id = data.get("id")
    if not entity_id or not isinstance(entity_id, str):
        raise InvalidData("entity has no 'id'")
    schema = model.get(data.get("schema") or "")
    if schema is None:
        raise InvalidData(f"unknown schema {data.get('schema')!r}")
    properties = data.get("properties") or {}
    if not isinstance(properties, dict):
        raise InvalidData("'properties' is not an object")
    for prop in properties:
        if prop not in schema.properties:
            raise InvalidData(f"{schema.name} has no property {prop!r}")
    proxy = model.get_proxy(data, cleaned=False)
    source_urls = proxy.get("sourceUrl", quiet=True)
    entity = Entity(
        entity_id,
        proxy.schema.name,
        dataset=dataset,
        citation=citation,
        evidence=evidence,
        source_url=source_urls[0] if source_urls else None,
    )
    for prop, value in proxy.itervalues():
        entity.add(prop.name, value)
    return entity
