"""Every current entity as yente shows it: all FtM properties, datasets, referents and times,
links in both directions, and which ids stand for one party across lists."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby

from followthemoney import model, registry
from followthemoney.property import Property

from lookthrough.api.identity import Identity
from lookthrough.catalog import Catalog
from lookthrough.exc import NotFound
from lookthrough.model import EntityMeta, Statement
from lookthrough.store import Store

ALL_DATASETS = ("default", "all", "sanctions")
"""Dataset names that mean every loaded list, as yente clients commonly ask."""


def scope(directory: Directory, dataset: str) -> set[str] | None:
    """The datasets a `/match/{dataset}` or `/search/{dataset}` covers (None: all); 404 if unknown."""
    if dataset in ALL_DATASETS:
        return None
    if dataset not in directory.datasets():
        raise NotFound(f"No such dataset: {dataset}")
    return {dataset}


def public_name(dataset: str) -> str:
    """A dataset as the API names it: a user's own file `ftm_import:zala` is `zala`."""
    return dataset.rpartition(":")[2]


def seconds(stamp: str | None) -> str | None:
    """An ISO time to the second, without offset, as yente writes it."""
    return stamp[:19] if stamp else None


@dataclass(slots=True)
class Record:
    """One entity with everything the API shows of it."""

    id: str
    schema: str
    caption: str
    properties: dict[str, list[str]]
    datasets: list[str]
    referents: list[str] = field(default_factory=list)
    first_seen: str | None = None
    last_seen: str | None = None
    last_change: str | None = None
    target: bool = False

    def values(self, type_name: str) -> list[str]:
        """Every value of the properties of one FtM type (country, name, ...)."""
        schema = model.get(self.schema)
        props = schema.properties if schema else {}
        return [v for p, vs in self.properties.items() if p in props and props[p].type.name == type_name
                for v in vs]  # fmt: skip


@dataclass
class Directory:
    """The current entities by id, with the links between them and their identities."""

    records: dict[str, Record] = field(default_factory=dict)
    inbound: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    """Entity id -> (property of the referring entity, its id), for every entity-typed value."""
    identity: Identity = field(default_factory=Identity)
    fingerprint: str = ""
    _datasets: dict[str, int] | None = None
    _merged: dict[str, Record | None] = field(default_factory=dict)

    @classmethod
    def build(cls, store: Store, catalog: Catalog) -> Directory:
        """Read the current snapshots once: statements, export metadata, and the catalog's parties."""
        directory = cls(fingerprint=catalog.fingerprint)
        metas: dict[str, list[EntityMeta]] = defaultdict(list)
        for entity_id, meta in store.current_meta():
            metas[entity_id].append(meta)
        for _id, group in groupby(store.current_statements(), key=lambda s: s.entity_id):
            record = _record(list(group), metas.get(_id, []), catalog)
            if record is not None:
                directory.add(record)
        directory.identity = Identity.build(catalog, directory.records)
        directory.datasets()  # counted here, in the building thread, not on a request's event loop
        return directory

    def add(self, record: Record) -> None:
        self.records[record.id] = record
        schema = model.get(record.schema)
        if schema is None:
            return
        for prop_name, values in record.properties.items():
            prop = schema.get(prop_name)
            if prop is not None and prop.type == registry.entity:
                for value in values:
                    self.inbound[value].append((prop_name, record.id))

    def get(self, entity_id: str) -> Record | None:
        return self.records.get(entity_id)

    def merged(self, entity_id: str) -> Record | None:
        """The record of a party with what its other entries (same party, other lists) state."""
        known = self._merged.get(entity_id)
        if known is None:
            known = self._merged[entity_id] = self._merge(entity_id)
        return known

    def _merge(self, entity_id: str) -> Record | None:
        members = [self.records[m] for m in self.identity.members(entity_id) if m in self.records]
        if not members:
            return None
        first = next((m for m in members if m.id == entity_id), members[0])
        if len(members) == 1:
            return first
        properties: dict[str, list[str]] = {}
        for member in members:
            for prop, values in member.properties.items():
                known = properties.setdefault(prop, [])
                known.extend(v for v in values if v not in known)
        return Record(
            id=first.id,
            schema=first.schema,
            caption=first.caption,
            properties=properties,
            datasets=sorted({d for m in members for d in m.datasets}),
            referents=self.identity.referents(first.id),
            first_seen=min((m.first_seen for m in members if m.first_seen), default=None),
            last_seen=max((m.last_seen for m in members if m.last_seen), default=None),
            last_change=max((m.last_change for m in members if m.last_change), default=None),
            target=any(m.target for m in members),
        )

    def datasets(self) -> dict[str, int]:
        """Every dataset name the API knows, with its number of entities."""
        if self._datasets is None:
            counts: dict[str, int] = defaultdict(int)
            for record in self.records.values():
                for name in record.datasets:
                    counts[name] += 1
            self._datasets = dict(counts)
        return self._datasets


def _record(statements: list[Statement], metas: Iterable[EntityMeta], catalog: Catalog) -> Record | None:
    first = statements[0]
    schema = model.get(first.schema)
    if schema is None:
        return None
    properties: dict[str, list[str]] = {}
    for s in statements:
        known = properties.setdefault(s.prop, [])
        value = code(schema.get(s.prop), s.value)
        if value not in known:
            known.append(value)
    meta = list(metas)
    party = catalog.parties.get(first.entity_id)
    listed = bool(party) and any(catalog.parties[m].listed for m in catalog.cluster(first.entity_id)
                                 if m in catalog.parties)  # fmt: skip
    if listed and "sanction" not in properties.get("topics", []):
        # An entry on an official list is what FtM calls the topic "sanction".
        properties.setdefault("topics", []).append("sanction")
    risky = registry.topic.RISKS.intersection(properties.get("topics", []))
    return Record(
        id=first.entity_id,
        schema=schema.name,
        caption=party.caption if party else _caption(schema.caption, properties) or schema.label,
        properties=properties,
        datasets=sorted({public_name(s.dataset) for s in statements} | {d for m in meta for d in m.datasets}),
        referents=sorted({r for m in meta for r in m.referents}),
        first_seen=seconds(min((m.first_seen for m in meta if m.first_seen), default=None)
                           or min((s.first_seen for s in statements if s.first_seen), default=None)),
        last_seen=seconds(max((m.last_seen for m in meta if m.last_seen), default=None)
                          or max((s.last_seen for s in statements if s.last_seen), default=None)),
        # A value first seen in the newest snapshot is the latest change to the entity.
        last_change=seconds(max((m.last_change for m in meta if m.last_change), default=None)
                            or max((s.first_seen for s in statements if s.first_seen), default=None)),
        target=bool(risky),
    )  # fmt: skip


CODED = frozenset({"country", "gender", "date", "language", "topic"})
"""FtM types whose values the API gives as codes (`ru`, `male`, `1965-09-21`), as yente does."""


def code(prop: Property | None, value: str) -> str:
    """A value as FtM's code (`Russia` -> `ru`, `Male` -> `male`); a value FtM cannot read stays as
    it is, never dropped."""
    if prop is None or prop.type.name not in CODED:
        return value
    return _cleaned(prop.type.name, value)


@lru_cache(maxsize=65_536)
def _cleaned(type_name: str, value: str) -> str:
    # Not fuzzy: a guessed code (fuzzy reads "Zzzland" as Iceland) would be a fact nobody stated.
    kind = registry.get(type_name)
    return (kind.clean(value) if kind is not None else None) or value


def _caption(props: list[str], properties: dict[str, list[str]]) -> str | None:
    for prop in props:
        if properties.get(prop):
            return properties[prop][0]
    return None
