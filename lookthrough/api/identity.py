"""Which ids stand for one party: entries of different lists the catalog links, OFAC's SDN and
non-SDN entries of one record, and the ids an FtM export says were merged into an entity."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from lookthrough.catalog import Catalog

OFAC_ENTRY = re.compile(r"^us_ofac_(?:sdn|cons)-(\d+)$")
"""OFAC numbers each record once across its SDN and consolidated (non-SDN) lists: the same
`ent_num` on both lists is one party (e.g. Sberbank, 17018)."""


class HasReferents(Protocol):
    referents: list[str]


@dataclass
class Identity:
    """Groups of ids that are one party; the smallest id of a group is its canonical id."""

    groups: dict[str, list[str]] = field(default_factory=dict)
    canonical_of: dict[str, str] = field(default_factory=dict)
    merged_away: dict[str, str] = field(default_factory=dict)
    """Ids known only as an FtM referent -> the id of the entity they were merged into."""
    aliases: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    """Canonical id -> the ids merged into it."""

    @classmethod
    def build(cls, catalog: Catalog, records: Mapping[str, HasReferents]) -> Identity:
        parent: dict[str, str] = {}

        def root(node: str) -> str:
            while parent.get(node, node) != node:
                parent[node] = parent.get(parent[node], parent[node])
                node = parent[node]
            return node

        def join(ids: Iterable[str]) -> None:
            first, *rest = sorted(ids)
            for other in rest:
                a, b = root(first), root(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)

        for ids in _linked(catalog, records):
            join(ids)
        identity = cls()
        members: dict[str, list[str]] = defaultdict(list)
        for node in parent:
            members[root(node)].append(node)
        for rep, ids in members.items():
            group = sorted({rep, *ids})
            for node in group:
                identity.canonical_of[node] = group[0]
            identity.groups[group[0]] = group
        for entity_id, record in records.items():
            for referent in record.referents:
                if referent not in records:
                    identity.merged_away[referent] = identity.canonical(entity_id)
                    identity.aliases[identity.canonical(entity_id)].append(referent)
        return identity

    def canonical(self, entity_id: str) -> str:
        """The id the API answers for this id (itself unless it is one of a group)."""
        found = self.canonical_of.get(entity_id)
        if found is not None:
            return found
        return self.merged_away.get(entity_id, entity_id)

    def members(self, entity_id: str) -> list[str]:
        """Every id of the same party that is an entity of its own, itself included."""
        return self.groups.get(self.canonical(entity_id), [entity_id])

    def referents(self, entity_id: str) -> list[str]:
        """The other ids of the same party: its other entries, and the ids merged into it."""
        merged = self.aliases.get(self.canonical(entity_id), [])
        return sorted({*self.members(entity_id), *merged} - {entity_id})


def _linked(catalog: Catalog, records: Mapping[str, HasReferents]) -> Iterable[list[str]]:
    """Sets of ids that are one party."""
    for entity_id in catalog.parties:
        same = catalog.cluster(entity_id)
        if len(same) > 1 and same[0] == entity_id:
            yield same
    ofac: dict[str, list[str]] = defaultdict(list)
    for entity_id in catalog.parties:
        number = OFAC_ENTRY.match(entity_id)
        if number:
            ofac[number.group(1)].append(entity_id)
    yield from (ids for ids in ofac.values() if len(ids) > 1)
    for entity_id, record in records.items():
        known = [r for r in record.referents if r in records]
        if known:
            yield [entity_id, *known]
