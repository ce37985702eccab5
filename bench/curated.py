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
    """Cross-script: index the non-Chinese names; query each Chinese name of an entity that has both."""
    names: list[ListedName] = []
    queries: list[Query] = []
    for entity in entities:
        pairs = _names(entity)
        latin = [(p, v) for p, v in pairs if not has_cjk(v)]
        schema = "Person" if entity.schema == "Person" else "Organization"
        names += [ListedName(entity.id, v, p, schema) for p, v in latin]
        if latin:
            queries += [
                Query(v, entity.id, "chinese", "cross_script", latin[0][1]) for _, v in pairs if has_cjk(v)
            ]
    return names, queries


LEGAL_FORMS = ("集团股份有限公司", "集团有限公司", "股份有限公司", "有限责任公司", "有限公司", "公司")
SWAPS = {"股份有限公司": "有限公司", "有限公司": "股份有限公司", "有限责任公司": "有限公司"}


def chinese_variants(name: str) -> set[str]:
    """Ways a Chinese name is also written: traditional characters, another or no legal form."""
    import opencc

    traditional = opencc.OpenCC("s2t").convert
    found = {traditional(name)}
    for form in LEGAL_FORMS:
        if name.endswith(form) and len(name) > len(form) + 1:
            stem = name[: -len(form)]
            found |= {stem, traditional(stem)}
            if form in SWAPS:
                found |= {stem + SWAPS[form], traditional(stem + SWAPS[form])}
            break
    return found - {name}


def build_chinese_variants(entities: list[Entity]) -> tuple[list[ListedName], list[Query]]:
    """Script variants: index every name of the built-in dataset (as shipped, both scripts);
    query Chinese names written another way. Variants equal to any listed name are left out."""
    names: list[ListedName] = []
    owners: dict[str, set[str]] = {}
    for entity in entities:
        schema = "Person" if entity.schema == "Person" else "Organization"
        for prop, value in _names(entity):
            names.append(ListedName(entity.id, value, prop, schema))
            owners.setdefault(value, set()).add(entity.id)
    queries: list[Query] = []
    for entity in entities:
        for _, value in _names(entity):
            if has_cjk(value):
                queries += [
                    Query(v, entity.id, "chinese", "variants", value)
                    for v in sorted(chinese_variants(value))
                    if v not in owners
                ]
    return names, queries
