"""Relations between curated entities: ownership, parent, brand and other cited links."""

from __future__ import annotations

from lookthrough.model import Entity, RelationKind, link, ownership
from lookthrough.sources._curated_build import Registry
from lookthrough.sources._curated_refs import check_keys, optional
from lookthrough.sources._curated_yaml import Record

# Which two keys name the ends of each kind, in FtM's words.
ENDS = {
    RelationKind.OWNERSHIP: ("owner", "asset"),
    RelationKind.PARENT: ("owner", "asset"),
    RelationKind.BRAND: ("subject", "object"),
    RelationKind.LINKED: ("subject", "object"),
}
COMMON_KEYS = frozenset({"kind", "cite", "at", "summary", "date", "start", "end"})


def relation_kind(record: Record) -> RelationKind:
    text = optional(record, "kind")
    try:
        return RelationKind(text or "")
    except ValueError:
        known = ", ".join(k.value for k in RelationKind)
        raise record.error(f"kind must be one of {known}", "kind") from None


def ends(record: Record, kind: RelationKind, known: set[str]) -> tuple[str, str]:
    """The ids at both ends; a relation to an entity the dataset lacks is refused."""
    found = []
    for key in ENDS[kind]:
        entity_id = optional(record, key)
        if entity_id is None:
            raise record.error(f"a {kind.value} relation needs {key!r}", key)
        if entity_id not in known:
            raise record.error(f"no entity {entity_id!r} in the dataset", key)
        found.append(entity_id)
    return found[0], found[1]


def relation(record: Record, registry: Registry, known: set[str]) -> Entity:
    """One cited relation as an FtM Ownership or UnknownLink entity."""
    kind = relation_kind(record)
    allowed = COMMON_KEYS | set(ENDS[kind]) | ({"percent"} if kind is RelationKind.OWNERSHIP else set())
    check_keys(record, frozenset(allowed), f"a {kind.value} relation")
    source, target = ends(record, kind, known)
    citation, text = registry.cite(record)
    carrier = registry.carrier(source, "LegalEntity", record)
    if kind in (RelationKind.OWNERSHIP, RelationKind.PARENT):
        edge = ownership(source, target, like=carrier, kind=kind, percent=percent(record),
                         start=optional(record, "start"), end=optional(record, "end"),
                         citation=text, evidence=citation.evidence)  # fmt: skip
    else:
        edge = link(source, target, like=carrier, kind=kind, citation=text, evidence=citation.evidence,
                    start=optional(record, "start"))  # fmt: skip
        edge.add("endDate", optional(record, "end"))
    edge.add("summary", optional(record, "summary"))
    edge.add("date", optional(record, "date"))
    return edge


def percent(record: Record) -> float | None:
    text = optional(record, "percent")
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        raise record.error(f"{text!r} is not a number", "percent") from None
    if not 0 < value <= 100:
        raise record.error("a share is more than 0 and at most 100 percent", "percent")
    return value
