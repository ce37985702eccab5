"""Chinese names of the built-in curated dataset, screened against that dataset's other names."""

from __future__ import annotations

from bench.cases import ListedName, Query
from bench.text import has_cjk
from lookthrough.builtin import CURATED_SOURCE, builtin_path
from lookthrough.model import Entity
from lookthrough.model.schema import NAME_PROPS
from lookthrough.sources import SOURCES, all_sources
from lookthrough.sources.base import LoadReport


def curated_entities() -> list[Entity] | None:
    """The shipped dataset read through its own adapter, or None while it does not exist yet."""
    all_sources()
    cls = SOURCES.get(CURATED_SOURCE)
    path = builtin_path()
    if cls is None or not path.exists():
        return None
    return [e for e in cls().read(path, LoadReport()) if any(s.prop in NAME_PROPS for s in e.statements)]


def _names(entity: Entity) -> list[tuple[str, str]]:
    return [(s.prop, s.value) for s in entity.statements if s.prop in NAME_PROPS]


def build_chinese(entities: list[Entity]) -> tuple[list[ListedName], list[Query]]:
    """Index the non-Chinese names; query each Chinese name of an entity that also has one."""
    names: list[ListedName] = []
    queries: list[Query] = []
    for entity in entities:
        pairs = _names(entity)
        latin = [(p, v) for p, v in pairs if not has_cjk(v)]
        schema = "Person" if entity.schema == "Person" else "Organization"
        names += [ListedName(entity.id, v, p, schema) for p, v in latin]
        if latin:
            queries += [
                Query(v, entity.id, "chinese", "curated", latin[0][1]) for _, v in pairs if has_cjk(v)
            ]
    return names, queries
