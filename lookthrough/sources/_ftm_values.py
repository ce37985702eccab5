"""An FtM object as an entity, built as `model.from_ftm` builds it (the values followthemoney's
EntityProxy keeps, in its order) without making a proxy per entity, and cleaning each distinct
value of a property type once: a list of millions of entities repeats its countries, dates and
topics endlessly. tests/sources/test_ftm_values.py holds the two equal."""

from __future__ import annotations

from typing import Any

from followthemoney import registry
from followthemoney.schema import Schema
from followthemoney.types.common import PropertyType
from followthemoney.util import sanitize_text

from lookthrough.model import Entity, Evidence, Statement

CACHE_LIMIT = 50_000
"""Cleaned values remembered per property type and format (forgotten all at once past this)."""
_MISSING = object()


class _Context:
    """What a type's cleaning reads of the entity it cleans for: its id and schema."""

    __slots__ = ("id", "schema")

    def __init__(self, entity_id: str | None, schema: Schema) -> None:
        self.id = entity_id
        self.schema = schema


class Cleaner:
    """Values cleaned as EntityProxy.add cleans them (sanitised text, then the type's own
    cleaning), remembered for every type whose cleaning does not depend on the entity."""

    def __init__(self) -> None:
        self.cache: dict[tuple[PropertyType, str | None], dict[str, str | None]] = {}

    def clean(self, ptype: PropertyType, fmt: str | None, raw: str, context: _Context) -> str | None:
        if ptype is registry.entity:  # an entity may not name itself: the answer depends on it
            text = sanitize_text(raw)
            return None if text is None else ptype.clean_text(text, format=fmt, proxy=context)  # type: ignore[arg-type]
        known = self.cache.get((ptype, fmt))
        if known is None:
            known = self.cache[(ptype, fmt)] = {}
        found = known.get(raw, _MISSING)
        if found is _MISSING:
            text = sanitize_text(raw)
            found = None if text is None else ptype.clean_text(text, format=fmt)
            if len(known) >= CACHE_LIMIT:
                known.clear()
            known[raw] = found
        return found  # type: ignore[return-value]


def proxy_values(
    cleaner: Cleaner, schema: Schema, entity_id: str, properties: dict[str, Any]
) -> dict[str, list[str]]:
    """The values `EntityProxy(schema, {"id": entity_id, "properties": properties}, cleaned=False)`
    keeps, by property; `properties` holds text or lists of text of the schema's properties."""
    context = _Context(sanitize_text(entity_id), schema)
    kept: dict[str, list[str]] = {}
    size = 0
    for name, given in properties.items():
        prop = schema.properties[name]
        if prop.stub:  # a reverse property: the proxy leaves it out
            continue
        ptype, fmt, limit = prop.type, prop.format, prop.type.total_size
        for raw in [given] if isinstance(given, str) else given:
            value = cleaner.clean(ptype, fmt, raw, context)
            if value is None:
                continue
            if limit is not None and size + len(value) > limit:
                continue
            size += len(value)
            values = kept.setdefault(name, [])
            if value not in values:
                values.append(value)
    return kept


def entity_from_values(
    schema: str,
    entity_id: str,
    values: dict[str, list[str]],
    *,
    dataset: str,
    citation: str,
    evidence: Evidence,
) -> Entity:
    """The entity `from_ftm` makes of the values `proxy_values` kept."""
    urls = values.get("sourceUrl")
    source_url = urls[0] if urls else None
    entity = Entity(entity_id, schema, dataset=dataset, citation=citation, evidence=evidence,
                    source_url=source_url)  # fmt: skip
    seen: set[tuple[str, str]] = set()
    statements = entity.statements
    for prop, texts in values.items():
        for value in texts:
            text = value.strip()
            if not text or (prop, text) in seen:
                continue
            seen.add((prop, text))
            statements.append(
                Statement(entity_id, schema, prop, text, dataset, citation, evidence, source_url)
            )
    return entity


def entity_from_ftm(
    cleaner: Cleaner,
    schema: Schema,
    entity_id: str,
    properties: dict[str, Any],
    *,
    dataset: str,
    citation: str,
    evidence: Evidence,
) -> Entity:
    """The entity `from_ftm` makes of a checked FtM object (schema known, every property the
    schema's, every value text or a list of text)."""
    values = proxy_values(cleaner, schema, entity_id, properties)
    return entity_from_values(schema.name, entity_id, values, dataset=dataset, citation=citation,
                              evidence=evidence)  # fmt: skip
