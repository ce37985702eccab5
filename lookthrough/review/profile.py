"""The listed party's profile for a case: each official entry's names, codes, addresses and links."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from lookthrough.catalog import Catalog
from lookthrough.model import Entity
from lookthrough.model.schema import IDENTIFIER_PROPS, NAME_PROPS
from lookthrough.store import Store

COUNTRY_PROPS = ("country", "jurisdiction", "mainCountry", "nationality", "citizenship")
LINK_SCHEMES = ("https://", "http://")
"""Only web links are shown: a list file must not be able to put a script link on the page."""


@dataclass(slots=True)
class EntryListing:
    list: str
    program: str | None
    authority: str | None
    since: str | None
    citation: str
    evidence: str
    url: str | None


@dataclass(slots=True)
class Entry:
    """One entry of the party on one list (or in one dataset), as its source states it."""

    entity_id: str
    dataset: str
    schema: str
    name: str
    aliases: list[str] = field(default_factory=list)
    identifiers: list[tuple[str, str]] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    listings: list[EntryListing] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


def profile(catalog: Catalog, store: Store, entity_ids: Iterable[str]) -> list[Entry]:
    """Every entry of the parties behind `entity_ids`, across the lists the catalog merged."""
    members: dict[str, None] = {}
    for entity_id in entity_ids:
        members.update(
            dict.fromkeys(catalog.cluster(entity_id) if entity_id in catalog.parties else [entity_id])
        )
    entries = []
    for member in members:
        entity = store.entity(member)
        if entity is not None:
            entries.append(_entry(catalog, store, entity))
    return entries


def _entry(catalog: Catalog, store: Store, entity: Entity) -> Entry:
    props = entity.properties()
    names = [value for prop in NAME_PROPS for value in props.get(prop, [])]
    entry = Entry(entity.id, entity.dataset, entity.schema, entity.caption)
    entry.aliases = [n for n in dict.fromkeys(names) if n != entity.caption]
    entry.identifiers = [(prop, value) for prop in IDENTIFIER_PROPS for value in props.get(prop, [])]
    entry.addresses = list(dict.fromkeys(props.get("address", []) + _addresses(store, props)))
    entry.countries = list(dict.fromkeys(v for prop in COUNTRY_PROPS for v in props.get(prop, [])))
    entry.notes = props.get("notes", [])
    party = catalog.parties.get(entity.id)
    for listing in party.listings if party else []:
        s = listing.source
        entry.listings.append(EntryListing(listing.list, listing.program, listing.authority, listing.since,
                                           s.citation, s.evidence.value, _link(s.url)))  # fmt: skip
    urls = [s.source_url for s in entity.statements] + [x.url for x in entry.listings]
    entry.links = [url for url in dict.fromkeys(_link(u) for u in urls) if url]
    return entry


def _addresses(store: Store, props: dict[str, list[str]]) -> list[str]:
    """Addresses kept as entities of their own (FtM addressEntity)."""
    found = []
    for address_id in props.get("addressEntity", []):
        address = store.entity(address_id)
        if address is not None:
            found += address.get("full") or [address.caption]
    return found


def _link(url: str | None) -> str | None:
    return url if url and url.lower().startswith(LINK_SCHEMES) else None
