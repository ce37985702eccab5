"""The loaded lists in memory: parties, their names, codes, listings and relations."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby

from lookthrough.identifiers import BY_PROP, TYPES
from lookthrough.model import Entity, Evidence, RelationKind, Statement
from lookthrough.model.schema import NAME_PROPS, is_a
from lookthrough.names import analyze

INTERVALS = ("Sanction", "Ownership", "UnknownLink")
PARTY_ROOTS = ("LegalEntity", "Vessel", "Airplane")
"""Schemata that can be named, listed and owned; others (Address, Passport, Family …)
describe parties and are not screened against."""
STRONG = frozenset(name for name, kind in TYPES.items() if kind.strong)


@dataclass(slots=True, frozen=True)
class Source:
    """Where a fact comes from: the citation, its grade, and the snapshot it was loaded in."""

    citation: str
    evidence: Evidence
    dataset: str
    snapshot_id: str | None = None
    url: str | None = None

    @classmethod
    def of(cls, statement: Statement) -> Source:
        return cls(
            statement.citation,
            statement.evidence,
            statement.dataset,
            statement.snapshot_id,
            statement.source_url,
        )


@dataclass(slots=True, frozen=True)
class Name:
    value: str
    prop: str
    lang: str | None
    source: Source


@dataclass(slots=True, frozen=True)
class Code:
    kind: str
    value: str
    prop: str
    source: Source


@dataclass(slots=True, frozen=True)
class Listing:
    """One entry of a party on an official list."""

    list: str
    program: str | None
    authority: str | None
    since: str | None
    source: Source


@dataclass(slots=True, frozen=True)
class Edge:
    """A relation between two parties, pointing from the holder/brand to the holder's target."""

    source_id: str
    target_id: str
    kind: RelationKind
    percent: float | None
    start: str | None
    end: str | None
    source: Source


@dataclass(slots=True)
class Party:
    """What screening needs to know of one entity."""

    id: str
    schema: str
    caption: str
    dataset: str
    names: list[Name] = field(default_factory=list)
    codes: list[Code] = field(default_factory=list)
    listings: list[Listing] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)

    @property
    def listed(self) -> bool:
        return bool(self.listings)


@dataclass
class Catalog:
    """All current parties, indexed by id and by code, with relation edges both ways."""

    parties: dict[str, Party] = field(default_factory=dict)
    outbound: dict[str, list[Edge]] = field(default_factory=lambda: defaultdict(list))
    inbound: dict[str, list[Edge]] = field(default_factory=lambda: defaultdict(list))
    codes: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))
    fingerprint: str = ""
    _clusters: dict[str, str] = field(default_factory=dict)
    _members: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, statements: Iterable[Statement], fingerprint: str = "") -> Catalog:
        """Build from statements sorted by entity id (as Store.current_statements gives them)."""
        catalog = cls(fingerprint=fingerprint)
        pending: list[tuple[str, list[Statement]]] = []
        for entity_id, group in groupby(statements, key=lambda s: s.entity_id):
            items = list(group)
            if items[0].schema in INTERVALS:
                pending.append((entity_id, items))
            elif is_party(items[0].schema):
                catalog._add_party(entity_id, items)
        for _entity_id, items in pending:
            catalog._add_interval(items)
        catalog._link_same_parties()
        return catalog

    def add_entities(self, entities: Iterable[Entity]) -> None:
        """Add entities not (yet) in a store, e.g. in tests and benchmarks."""
        intervals = []
        for entity in entities:
            if entity.schema in INTERVALS:
                intervals.append(entity.statements)
            elif is_party(entity.schema):
                self._add_party(entity.id, entity.statements)
        for statements in intervals:
            self._add_interval(statements)
        self._link_same_parties()

    def _link_same_parties(self) -> None:
        """Group entries of different lists that share a strong code (ISIN, LEI, USCC)."""
        parent: dict[str, str] = {}

        def root(node: str) -> str:
            while parent.get(node, node) != node:
                node = parent[node]
            return node

        for ids in self._same_party_groups():
            first, *rest = sorted(ids)
            for other in rest:
                a, b = root(first), root(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)
        self._clusters = {node: root(node) for node in parent}
        members: dict[str, list[str]] = defaultdict(list)
        for node, rep in self._clusters.items():
            members[rep].append(node)
        for rep in list(members):
            if rep not in members[rep]:
                members[rep].append(rep)
        self._members = {rep: sorted(ids) for rep, ids in members.items()}

    def _same_party_groups(self) -> Iterable[set[str]]:
        """Entries that are one party: a strong code in common, or a registration number
        under the same name (a weak code alone may repeat across registries)."""
        for (kind, _value), ids in self.codes.items():
            if kind in STRONG and len(ids) > 1:
                yield ids
        registered: dict[tuple[str, str], set[str]] = defaultdict(set)
        for (kind, value), ids in self.codes.items():
            if kind == "registration" and len(ids) > 1:
                for party_id in ids:
                    for name in {analyze(n.value).key for n in self.parties[party_id].names}:
                        registered[(value, name)].add(party_id)
        yield from (ids for ids in registered.values() if len(ids) > 1)

    def cluster_of(self, entity_id: str) -> str:
        """The id that stands for every entry of the same party across lists."""
        return self._clusters.get(entity_id, entity_id)

    def cluster(self, entity_id: str) -> list[str]:
        """Every entry of the same party, itself included."""
        return self._members.get(self.cluster_of(entity_id), [entity_id])

    def _add_party(self, entity_id: str, statements: list[Statement]) -> None:
        first = statements[0]
        party = self.parties.get(entity_id) or Party(entity_id, first.schema, "", first.dataset)
        for s in statements:
            if s.prop in NAME_PROPS:
                party.names.append(Name(s.value, s.prop, s.lang, Source.of(s)))
            elif s.prop in BY_PROP:
                kind = BY_PROP[s.prop]
                cleaned = kind.clean(s.value)
                if cleaned:
                    party.codes.append(Code(kind.name, cleaned, s.prop, Source.of(s)))
                    self.codes[(kind.name, cleaned)].add(entity_id)
            elif s.prop in ("country", "jurisdiction", "nationality"):
                party.countries.append(s.value)
        party.names.sort(key=lambda n: NAME_PROPS.index(n.prop))
        party.caption = party.names[0].value if party.names else entity_id
        self.parties[entity_id] = party

    def _add_interval(self, statements: list[Statement]) -> None:
        props: dict[str, list[str]] = defaultdict(list)
        for s in statements:
            props[s.prop].append(s.value)
        source = Source.of(statements[0])
        schema = statements[0].schema
        if schema == "Sanction":
            self._add_listing(props, source)
        elif schema == "Ownership":
            kind = (
                RelationKind.PARENT if "parent" in props.get("ownershipType", []) else RelationKind.OWNERSHIP
            )
            self._add_edge(props, "owner", "asset", kind, source)
        elif schema == "UnknownLink":
            roles = " ".join(props.get("role", [])).lower()
            kind = RelationKind.BRAND if "brand" in roles else RelationKind.LINKED
            self._add_edge(props, "subject", "object", kind, source)

    def _add_listing(self, props: dict[str, list[str]], source: Source) -> None:
        for entity_id in props.get("entity", []):
            party = self.parties.get(entity_id)
            if party is None:
                continue
            party.listings.append(
                Listing(
                    list=_first(props, "publisher") or _first(props, "authority") or source.dataset,
                    program=_first(props, "program"),
                    authority=_first(props, "authority"),
                    since=_first(props, "listingDate") or _first(props, "startDate"),
                    source=source,
                )
            )

    def _add_edge(
        self, props: dict[str, list[str]], from_prop: str, to_prop: str, kind: RelationKind, source: Source
    ) -> None:
        percent = _percent(_first(props, "percentage"))
        for source_id in props.get(from_prop, []):
            for target_id in props.get(to_prop, []):
                edge = Edge(
                    source_id,
                    target_id,
                    kind,
                    percent,
                    _first(props, "startDate"),
                    _first(props, "endDate"),
                    source,
                )
                self.outbound[source_id].append(edge)
                self.inbound[target_id].append(edge)

    def by_code(self, kind: str, value: str) -> set[str]:
        return self.codes.get((kind, value), set())

    def listed(self) -> Iterator[Party]:
        return (p for p in self.parties.values() if p.listed)

    def is_organization(self, party: Party) -> bool:
        return is_a(party.schema, "Organization") or party.schema == "LegalEntity"


def is_party(schema: str) -> bool:
    return any(is_a(schema, root) for root in PARTY_ROOTS)


def _first(props: dict[str, list[str]], prop: str) -> str | None:
    values = props.get(prop)
    return values[0] if values else None


def _percent(text: str | None) -> float | None:
    if not text:
        return None
    try:
        return float(text.strip().rstrip("%"))
    except ValueError:
        return None
