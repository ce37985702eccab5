"""A listed party as the newer list adapters read it, and how it becomes cited entities.

Each adapter only parses its format into a `Party`; turning that into FtM entities (schema
fallbacks, country codes, partial dates, one Sanction per programme, links) is done once here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lookthrough.exc import SourceError
from lookthrough.model import Entity, RelationKind, link, listing
from lookthrough.model.schema import schema_props
from lookthrough.sources._values import add_country
from lookthrough.sources.ofac_csv import add_safely

DATE_PROPS = frozenset({"birthDate", "deathDate", "incorporationDate", "buildDate"})
_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
COUNTRY_PROPS = frozenset({"country", "nationality", "citizenship", "jurisdiction", "flag", "pastFlags"})


@dataclass
class Listing:
    """One programme the party is listed under, with what the list says of that listing."""

    program: str | None
    since: str | None = None
    values: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Party:
    """One entry of a list, parsed but not yet made into entities."""

    key: str
    schema: str
    path: str
    line: int | None
    values: list[tuple[str, str, str | None]] = field(default_factory=list)
    listings: list[Listing] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    """(key of another party of the same list, why) for relations the list states."""

    def add(self, prop: str, value: str | None, lang: str | None = None) -> None:
        cleaned = " ".join(value.split()) if value else ""
        if cleaned:
            self.values.append((prop, cleaned, lang))

    def error(self, reason: str, field: str | None = None) -> SourceError:
        return SourceError(reason, path=self.path, line=self.line, field=field)

    def has_name(self) -> bool:
        return any(prop == "name" for prop, _, _ in self.values)


@dataclass
class ListInfo:
    """What every entity of one list cites."""

    dataset: str
    title: str
    authority: str
    url: str

    def cite(self, party: Party, ref: str) -> str:
        where = f" line {party.line}" if party.line else ""
        return f"{self.title}, {party.path}{where} ({ref})"


def build(party: Party, info: ListInfo, ref: str) -> list[Entity]:
    """The party entity and its listings; links are made by `links_of` once all parties are known."""
    entity = Entity(
        f"{info.dataset}-{party.key}",
        party.schema,
        dataset=info.dataset,
        citation=info.cite(party, ref),
        source_url=info.url,
    )
    for prop, value, lang in party.values:
        put(entity, prop, value, lang)
    out = [entity]
    merged: dict[str, Listing] = {}
    for item in party.listings:
        known = merged.setdefault(item.program or "", Listing(item.program, item.since))
        if item.since and (not known.since or item.since < known.since):
            known.since = item.since
        known.values.extend(item.values)
    for item in merged.values():
        sanction = listing(
            entity,
            list_title=info.title,
            program=item.program,
            authority=info.authority,
            since=item.since,
            source_url=info.url,
        )
        for prop, value in item.values:
            put(sanction, prop, value)
        out.append(sanction)
    return out


def links_of(party: Party, info: ListInfo, known: set[str]) -> tuple[list[Entity], list[str]]:
    """'Linked to' relations to other parties of the list, and the keys that name no party."""
    edges, missing = [], []
    like = Entity(
        f"{info.dataset}-{party.key}",
        party.schema,
        dataset=info.dataset,
        citation=info.cite(party, party.key),
        source_url=info.url,
    )
    for target, why in party.links:
        if target not in known:
            missing.append(target)
            continue
        # A list's own "associated with" (its link between two entries): no ownership or control.
        edge = link(like, f"{info.dataset}-{target}", like=like, kind=RelationKind.ASSOCIATE)
        edge.add("summary", why)
        edges.append(edge)
    return edges, missing


def put(entity: Entity, prop: str, value: str, lang: str | None = None) -> None:
    """Add a value where the schema has room for it; otherwise keep it as a labelled note."""
    if prop in COUNTRY_PROPS:
        add_country(entity, prop, value)
    elif prop in DATE_PROPS and not _PARTIAL_DATE.match(value):
        entity.add("notes", f"{prop}: {value}")
    elif prop in ("name", "alias", "weakAlias", "previousName") and lang:
        target = prop if prop in schema_props(entity.schema) else "alias"
        if target in schema_props(entity.schema):
            entity.add(target, value, lang=lang)
        else:
            entity.add("notes", f"{prop}: {value}")
    else:
        add_safely(entity, prop, value)
