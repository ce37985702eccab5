"""Entities with their neighbours nested, as yente's `/entities/{id}` and `/adjacent` give them:
one edge away (sanctions, ownerships, addresses, family), and through an edge entity (an
Ownership) to the party on its other side. A set of ids on the path stops cycles."""

from __future__ import annotations

from typing import Any

from followthemoney import model, registry
from followthemoney.property import Property

from lookthrough.api.convert import entity_fields
from lookthrough.api.directory import Directory, Record

Nested = dict[str, Any]


def neighbours(directory: Directory, record: Record, only: Property | None = None) -> list[tuple[str, str]]:
    """(property of `record`, id) of every entity one edge away, in a stable order; with `only`,
    just those under that property."""
    found: list[tuple[str, str]] = []
    schema = model.get(record.schema)
    for prop_name, source_id in directory.inbound.get(record.id, []):
        source = directory.get(source_id)
        prop = model.get(source.schema).get(prop_name) if source else None  # type: ignore[union-attr]
        if prop is not None and prop.reverse is not None and (only is None or prop.reverse.name == only.name):
            found.append((prop.reverse.name, source_id))
    for prop_name, values in record.properties.items():
        prop = schema.get(prop_name) if schema else None
        if prop is not None and prop.type == registry.entity and (only is None or prop.name == only.name):
            found.extend((prop_name, value) for value in values)
    return list(dict.fromkeys(found))


def nest(directory: Directory, record: Record, page: list[tuple[str, str]] | None = None) -> Nested:
    """`record` with the entities one edge away nested (or only the page of them given), and the
    far side of each edge entity (the company behind an Ownership)."""
    adjacent = page if page is not None else neighbours(directory, record)
    fetched = {record.id} | {i for _, i in adjacent if directory.get(i)}
    for _, other_id in adjacent:
        other = directory.get(other_id)
        if other is not None and _is_edge(other):
            fetched |= {i for _, i in neighbours(directory, other) if directory.get(i)}
    return _nest(directory, record, fetched, set(), adjacent, page is None)


def _nest(
    directory: Directory,
    record: Record,
    fetched: set[str],
    path: set[str],
    adjacent: list[tuple[str, str]],
    keep_ids: bool,
) -> Nested:
    """yente's rules: values on the path stay plain ids; entities pointing here are nested only
    near the root; ids of entities not fetched are kept when nothing was paged away."""
    data = entity_fields(record)
    below = path | {record.id}
    linked: dict[str, list[Any]] = {}
    for prop_name, other_id in adjacent:
        other = directory.get(other_id)
        if other_id in path:
            continue
        if other is None or other_id not in fetched:
            if keep_ids and prop_name in record.properties:
                linked.setdefault(prop_name, []).append(other_id)
            continue
        inner = [(p, i) for p, i in neighbours(directory, other) if len(below) <= 1 or p in other.properties]
        linked.setdefault(prop_name, []).append(_nest(directory, other, fetched, below, inner, keep_ids))
    data["properties"] = {**record.properties, **linked}
    return data


def _is_edge(record: Record) -> bool:
    schema = model.get(record.schema)
    return bool(schema and schema.edge)
