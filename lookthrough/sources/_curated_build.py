"""Turn the curated dataset's entity records into cited entities and listings."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lookthrough.exc import SourceError
from lookthrough.identifiers import BY_PROP
from lookthrough.model import Entity, Evidence, listing
from lookthrough.model.schema import NAME_PROPS, PARTY_SCHEMATA, entity_props, schema_props
from lookthrough.sources._curated_refs import Citation, ListDef, check_keys, optional, records
from lookthrough.sources._curated_yaml import Record, as_text
from lookthrough.sources.base import LoadReport

BLOCK_KEYS = frozenset({"cite", "at"})
ENTITY_KEYS = frozenset({"id", "schema", "facts", "listings"})
LISTING_KEYS = frozenset({"list", "cite", "at", "since", "since_cite", "since_at", "program", "reason"})


@dataclass
class Registry:
    """What every record is checked against: documents, lists, and the dataset name."""

    citations: dict[str, Citation]
    lists: dict[str, ListDef]
    dataset: str

    def cite(self, record: Record, key: str = "cite", at: str = "at") -> tuple[Citation, str]:
        """The citation a record names under `key`, and its text; uncited facts are refused."""
        ident = optional(record, key)
        if ident is None:
            raise record.error("not cited: every fact needs a citation id", key)
        citation = self.citations.get(ident)
        if citation is None:
            raise record.error(f"unknown citation {ident!r} (not in the citation registry)", key)
        return citation, citation.text(optional(record, at))

    def carrier(self, entity_id: str, schema: str, record: Record) -> Entity:
        """An empty entity whose default citation is the record's, for the model's helpers."""
        citation, text = self.cite(record)
        return self.carrier_for(entity_id, schema, citation, text)

    def carrier_for(self, entity_id: str, schema: str, citation: Citation, text: str) -> Entity:
        return Entity(
            entity_id,
            schema,
            dataset=self.dataset,
            citation=text,
            evidence=citation.evidence,
            source_url=citation.url,
        )


def party(record: Record, registry: Registry) -> Entity:
    """The entity a record describes, without its facts yet."""
    entity_id, schema = optional(record, "id"), optional(record, "schema")
    if not entity_id:
        raise record.error("id is missing", "id")
    if schema not in PARTY_SCHEMATA:
        raise record.error(f"schema must be one of {', '.join(PARTY_SCHEMATA)}", "schema")
    check_keys(record, ENTITY_KEYS, "an entity")
    return Entity(entity_id, schema, dataset=registry.dataset, citation="")


def add_block(entity: Entity, block: Record, registry: Registry) -> None:
    """Add one block of facts that all rest on the same citation."""
    citation, text = registry.cite(block)
    staged: list[tuple[str, str, str | None]] = []
    for prop, raw in block.items():
        if prop in BLOCK_KEYS:
            continue
        staged.extend((prop, value, lang) for value, lang in values(block, prop, raw))
    if not staged:
        raise block.error("the block states no facts", "cite")
    for prop, value, lang in staged:
        check_value(entity, block, prop, value)
        entity.add(prop, value, lang=lang, citation=text, evidence=citation.evidence, source_url=citation.url)


def values(block: Record, prop: str, raw: Any) -> Iterator[tuple[str, str | None]]:
    """(value, language) pairs from a scalar, a {value, lang} mapping, or a list of either."""
    for item in raw if isinstance(raw, list) else [raw]:
        if isinstance(item, Record):
            value, lang = optional(item, "value"), optional(item, "lang")
            if value is None or set(item) - {"value", "lang"}:
                raise item.error("a value mapping holds `value` and optionally `lang`", prop)
            yield value, lang
        elif item is None or not as_text(item):
            raise block.error("empty value", prop)
        else:
            yield as_text(item), None


def check_value(entity: Entity, block: Record, prop: str, value: str) -> None:
    if prop not in schema_props(entity.schema):
        raise block.error(f"{entity.schema} has no property {prop!r}", prop)
    if prop in entity_props(entity.schema):
        raise block.error("links between entities go under `relations`", prop)
    kind = BY_PROP.get(prop)
    if kind is not None and kind.strong and kind.clean(value) is None:
        raise block.error(f"{value!r} is not a valid {kind.label}", prop)


def add_facts(entity: Entity, record: Record, registry: Registry, report: LoadReport) -> None:
    """Add every fact block; a bad block is rejected and the others still count."""
    if "facts" not in record:
        raise record.error("an entity needs facts (at least a cited name)", "facts")
    for block in records(record, "facts"):
        report.row(block.path)
        try:
            add_block(entity, block, registry)
        except SourceError as error:
            report.reject(error)
    if not any(entity.has(prop) for prop in NAME_PROPS):
        raise record.error("the entity has no cited name", "facts")
    entity.citation = next(s.citation for s in entity.names())


def sanction(entity: Entity, record: Record, registry: Registry) -> Entity:
    """One listing of `entity` on an official list, as a cited Sanction entity."""
    check_keys(record, LISTING_KEYS, "a listing")
    list_id = optional(record, "list")
    found = registry.lists.get(list_id or "")
    if found is None:
        raise record.error(f"unknown list {list_id!r} (not in the list registry)", "list")
    citation, text = registry.cite(record)
    if "since_cite" in record:
        # All of a listing's statements share one citation, so that every reader of the
        # listing sees the same source; the document that dates it is named inside it.
        first, first_text = registry.cite(record, "since_cite", "since_at")
        if first.evidence is not Evidence.OFFICIAL:
            raise record.error("a listing can only be dated by an official document", "since_cite")
        text = f"{text}; first listed in: {first_text}"
    carrier = registry.carrier_for(entity.id, entity.schema, citation, text)
    return listing(
        carrier,
        list_title=found.title,
        program=optional(record, "program") or found.program,
        authority=found.authority,
        since=optional(record, "since"),
        source_url=citation.url or found.url,
        reason=optional(record, "reason"),
    )


def listings(entity: Entity, record: Record, registry: Registry, report: LoadReport) -> Iterator[Entity]:
    """The entity's listings; a bad or repeated one is rejected."""
    if "listings" not in record:
        return
    seen: set[str] = set()
    for item in records(record, "listings"):
        report.row(item.path)
        try:
            built = sanction(entity, item, registry)
            if built.id in seen:
                raise item.error("the entity is already listed on this list and program", "list")
        except SourceError as error:
            report.reject(error)
            continue
        seen.add(built.id)
        yield built
