"""A query entity as FtM cleans it: codes for countries and genders, dates as text, names made
from their parts; and which result schemata a query schema may meet."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from followthemoney import ValueEntity, model, registry
from followthemoney.helpers import combine_names
from followthemoney.schema import Schema

from lookthrough.exc import InvalidInput
from lookthrough.identifiers import BY_PROP
from lookthrough.model.schema import NAME_PROPS

BASE_SCHEMA = "Thing"


def query_schema(name: str) -> Schema:
    """The schema of a query; 400 for one that is unknown or cannot be matched."""
    schema = model.get(name)
    if schema is None:
        raise InvalidInput(f"Cannot parse example entity: unknown schema {name!r}")
    if schema.name != BASE_SCHEMA and not schema.matchable:
        raise InvalidInput(f"Cannot parse example entity: {schema.name} cannot be matched")
    return schema


def clean_example(schema_name: str, properties: dict[str, Any]) -> ValueEntity:
    """The query as an FtM entity: values cleaned leniently, unknown properties left out."""
    schema = query_schema(schema_name)
    entity = ValueEntity(schema, {})
    for prop_name, raw in properties.items():
        prop = schema.get(prop_name)
        if prop is None:
            continue
        for value in _values(raw):
            entity.unsafe_add(prop, value, cleaned=False, fuzzy=True)
    if not entity.get_type_values(registry.name, matchable=True):
        combine_names(entity)
    # An id derived from the content, as yente does (the caller's id is only echoed back).
    entity.id = f"query-{entity.checksum}"
    return entity


def _values(raw: Any) -> Iterable[str]:
    """Text of every value given, numbers included (yente coerces them too)."""
    for value in raw if isinstance(raw, list) else [raw]:
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            text = str(value).strip()
            if text:
                yield text


def terms(entity: ValueEntity) -> tuple[list[str], list[tuple[str, str]]]:
    """The names and identifier codes a cleaned query states."""
    names = [v for prop in NAME_PROPS for v in entity.get(prop, quiet=True)]
    codes: list[tuple[str, str]] = []
    for prop, value in entity.itervalues():
        kind = BY_PROP.get(prop.name)
        cleaned = kind.clean(value) if kind is not None else None
        if kind is not None and cleaned:
            codes.append((kind.name, cleaned))
    return list(dict.fromkeys(names)), codes


COUNTRY_PROPS = ("country", "jurisdiction", "nationality", "citizenship", "mainCountry")


def countries(entity: ValueEntity) -> list[str]:
    """The countries a cleaned query states: evidence for or against a name match."""
    return list(dict.fromkeys(v for prop in COUNTRY_PROPS for v in entity.get(prop, quiet=True)))


def compatible(query: str, result: str) -> bool:
    """Whether a result of schema `result` may answer a query of schema `query` (yente's rule:
    a Company query meets companies and organisations, never a person)."""
    asked, found = model.get(query), model.get(result)
    if asked is None or found is None:
        return False
    if asked.name == BASE_SCHEMA or found.is_a(asked.name):
        return True
    return found in asked.matchable_schemata
