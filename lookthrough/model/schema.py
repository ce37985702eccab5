"""FollowTheMoney schema lookups, and the property groups lookthrough relies on."""

from __future__ import annotations

from functools import cache
from typing import Any


def _model() -> Any:
    # followthemoney takes about a second to import; screening from a cached index never needs it.
    from followthemoney import model

    return model


NAME_PROPS = ("name", "alias", "weakAlias", "previousName", "abbreviation")
"""Properties whose values are names of the entity, strongest first."""

IDENTIFIER_PROPS = (
    "isinCode",
    "leiCode",
    "uscCode",
    "ticker",
    "registrationNumber",
    "taxNumber",
    "innCode",
    "ogrnCode",
    "swiftBic",
    "imoNumber",
    "idNumber",
    "passportNumber",
)
"""Properties that identify an entity by a code rather than a name."""

PARTY_SCHEMATA = ("LegalEntity", "Company", "Organization", "PublicBody", "Person")


@cache
def schema_props(schema: str) -> frozenset[str]:
    """Names of the properties an FtM schema allows; raises KeyError if unknown."""
    found = _model().get(schema)
    if found is None:
        raise KeyError(f"unknown FollowTheMoney schema {schema!r}")
    return frozenset(found.properties)


@cache
def is_a(schema: str, parent: str) -> bool:
    """True if `schema` is `parent` or extends it."""
    found = _model().get(schema)
    return found is not None and found.is_a(parent)


@cache
def entity_props(schema: str) -> frozenset[str]:
    """Properties of `schema` whose values are the ids of other entities."""
    found = _model().get(schema)
    if found is None:
        return frozenset()
    return frozenset(p.name for p in found.properties.values() if p.type.name == "entity")
