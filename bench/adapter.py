"""The one place the harness touches lookthrough's matcher: build from names, match a name."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Protocol

from bench.cases import ListedName
from lookthrough.catalog import Catalog
from lookthrough.matching.matcher import Matcher
from lookthrough.model import Entity
from lookthrough.model.schema import schema_props

Ranked = list[tuple[str, float]]
Entry = tuple[str, str, str, bool]


class Screener(Protocol):
    """What the harness needs of any matcher: its name, its hit threshold and ranked matches."""

    name: str
    threshold: float

    def match(self, text: str, limit: int = 5) -> Ranked: ...


def entries(names: Iterable[ListedName]) -> list[Entry]:
    """(entity_id, name, prop, is_person) tuples, the form NameIndex.build takes."""
    return [(n.entity_id, n.name, n.prop, n.person) for n in names]


def to_entities(names: Iterable[ListedName]) -> list[Entity]:
    """Minimal catalog entities: one per entry, carrying only its names."""
    grouped: dict[str, list[ListedName]] = defaultdict(list)
    for n in names:
        grouped[n.entity_id].append(n)
    entities = []
    for entity_id, group in grouped.items():
        entity = Entity(entity_id, group[0].schema, dataset="bench", citation="bench evaluation set")
        props = schema_props(entity.schema)
        for n in group:
            entity.add(n.prop if n.prop in props else "alias", n.name)
        entities.append(entity)
    return entities


class Lookthrough:
    """lookthrough's Matcher over a catalog made of the given names only."""

    def __init__(self, matcher: Matcher) -> None:
        self.matcher = matcher
        self.name = str(matcher.algorithm.NAME)
        self.threshold = matcher.threshold

    @classmethod
    def build(cls, names: Iterable[ListedName], algorithm: str = "name_v1") -> Lookthrough:
        catalog = Catalog()
        catalog.add_entities(to_entities(names))
        return cls(Matcher.build(catalog, algorithm))

    def match(self, text: str, limit: int = 5) -> Ranked:
        # Features are described for hits only, as the screener does.
        matches = self.matcher.match(text, limit=limit, describe_from=self.threshold)
        return [(m.entity_id, m.score) for m in matches]

    def forget(self) -> None:
        """Drop caches keyed by whole names, so a repeated name is not timed from memory."""
        from lookthrough.names import analyze

        clear = getattr(analyze, "cache_clear", None)
        if clear:
            clear()
