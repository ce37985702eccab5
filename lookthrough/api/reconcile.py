"""The reconciliation service API (W3C Entity Reconciliation Community Group, v0.2), as OpenRefine
and yente speak it: a manifest, batches of queries answered through /match, data extension,
and suggestions of entities, types and properties."""

from __future__ import annotations

from typing import Any

from followthemoney import model, registry
from followthemoney.schema import Schema
from pydantic import BaseModel, Field, RootModel, ValidationError

from lookthrough.api.directory import Directory
from lookthrough.api.schemas import EntityExample, ScoredEntityResponse, Text
from lookthrough.exc import InvalidInput

SUGGESTIONS = 5
MATCHABLE = sorted((s for s in model.schemata.values() if s.matchable), key=lambda s: s.name)
WITH_PARENTS = {parent for schema in MATCHABLE for parent in schema.schemata}
"""Matchable schemata and those they inherit from (Thing:country is a property of a Person)."""


class ReconType(BaseModel):
    id: str = Field(..., examples=["Person"])
    name: str = Field(..., examples=["People"])
    description: str | None = None

    @classmethod
    def of(cls, schema: Schema) -> ReconType:
        return cls(id=schema.name, name=schema.plural, description=schema.description or schema.label)


class ReconProperty(BaseModel):
    id: str = Field(..., examples=["Person:birthDate"])
    name: str = Field(..., examples=["Birth date"])
    description: str | None = None


class ReconCandidate(BaseModel):
    id: str
    name: str
    description: str | None = None
    type: list[ReconType]
    score: float | None = None
    match: bool | None = None


class ReconResult(BaseModel):
    result: list[ReconCandidate]


class PropertyValue(BaseModel):
    pid: Text
    v: Text | list[Text]


class ReconQuery(BaseModel):
    query: Text | None = None
    type: Text | list[Text] | None = None
    limit: int = Field(5, ge=1, le=100)
    properties: list[PropertyValue] = []


ReconBatch = RootModel[dict[Text, ReconQuery]]


class ExtendSetting(BaseModel):
    limit: int = Field(0, ge=0)
    render: str = Field("caption", pattern="^(caption|raw)$")


class ExtendProperty(BaseModel):
    id: Text
    settings: ExtendSetting = ExtendSetting(limit=0, render="caption")


class ExtendQuery(BaseModel):
    ids: list[Text] = Field(..., max_length=100)
    properties: list[ExtendProperty]


class SuggestResponse(BaseModel):
    code: str = "/api/status/ok"
    status: str = "200 OK"
    prefix: str
    result: list[ReconCandidate] | list[ReconType] | list[ReconProperty]


def parse(kind: type[BaseModel], text: str, what: str) -> Any:
    """A JSON form field as its model; 400 naming what was wrong."""
    try:
        return kind.model_validate_json(text)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top)"
        raise InvalidInput(f"{what}: {where}: {first['msg']}") from None


def example(query: ReconQuery) -> EntityExample:
    """A reconciliation query as a /match query entity (type, name and property values)."""
    kind = (query.type[0] if query.type else None) if isinstance(query.type, list) else query.type
    schema = model.get(kind or "Thing")
    if schema is None or not (schema.matchable or schema.name == "Thing"):
        raise InvalidInput(f"Invalid type: {kind}")
    properties: dict[str, Any] = {"name": [query.query]} if query.query else {}
    for given in query.properties:
        prop = model.get_qname(given.pid) or schema.get(given.pid.rpartition(":")[2])
        if prop is not None:
            values = given.v if isinstance(given.v, list) else [given.v]
            properties.setdefault(prop.name, []).extend(values)
    return EntityExample(id=None, schema=schema.name, properties=properties)


def candidate(result: ScoredEntityResponse) -> ReconCandidate:
    schema = model.get(result.schema_)
    types = [ReconType.of(schema)] if schema else []
    return ReconCandidate(id=result.id, name=result.caption, description=schema.label if schema else None,
                          type=types, score=result.score, match=result.match)  # fmt: skip


def extend(directory: Directory, query: ExtendQuery) -> dict[str, Any]:
    """The asked properties of each id, as captions (`Russia`) or raw values (`ru`)."""
    meta: dict[str, dict[str, str]] = {}
    rows: dict[str, dict[str, list[dict[str, str]]]] = {i: {} for i in query.ids}
    for entity_id in query.ids:
        if directory.identity.canonical(entity_id) != entity_id:
            raise InvalidInput(f"Please give the canonical id of {entity_id}, not a referent")
        record = directory.merged(entity_id)
        schema = model.get(record.schema) if record else None
        for asked in query.properties:
            prop = schema.get(asked.id) if schema else None
            if record is None or prop is None:
                continue
            meta.setdefault(asked.id, {"id": prop.name, "name": prop.label})
            values = record.properties.get(prop.name, [])
            values = values[: asked.settings.limit] if asked.settings.limit else values
            if asked.settings.render == "caption":
                values = [prop.type.caption(v) or v for v in values]
            rows[entity_id][asked.id] = [{"str": v} for v in values]
    return {"meta": list(meta.values()), "rows": rows}


def suggest_types(prefix: str) -> list[ReconType]:
    return [ReconType.of(s) for s in MATCHABLE if _starts(prefix, s.name, s.label)][:SUGGESTIONS]


def suggest_properties(prefix: str) -> list[ReconProperty]:
    found = []
    for prop in model.properties:
        if prop.schema not in WITH_PARENTS or prop.hidden or prop.type == registry.entity:
            continue
        if _starts(prefix, prop.name, prop.label):
            found.append(ReconProperty(id=prop.qname, name=prop.label, description=prop.description))
    return found[:SUGGESTIONS]


def extend_properties(kind: str, limit: int) -> list[dict[str, str]]:
    """The properties a type offers for data extension, its featured ones first."""
    schema = model.get(kind)
    if schema is None:
        raise InvalidInput(f"Invalid type: {kind}")
    featured = [schema.get(name) for name in schema.featured]
    rest = [p for p in schema.properties.values() if p.name not in schema.featured]
    props = [p for p in (*featured, *rest) if p is not None and not p.hidden and p.type != registry.entity]
    chosen = props[:limit] if limit > 0 else props
    return sorted(({"id": p.name, "name": p.label} for p in chosen), key=lambda p: p["name"])


def _starts(prefix: str, *labels: str | None) -> bool:
    text = prefix.lower().strip()
    return bool(text) and any(label and label.lower().strip().startswith(text) for label in labels)
