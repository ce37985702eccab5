"""The catalog's relations as they stand on one date, between parties merged across lists.

Like followthemoney's graph.py, it keeps nodes and edges both ways; a node is a party
cluster (the same party on several lists is one node). Every relation points *up*, from
the party screened towards the party behind it: from an asset to its owner, from a
subsidiary to its parent, from a brand to the company it belongs to.
"""

from __future__ import annotations

import gc
import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import NamedTuple

from lookthrough.catalog import Catalog, Edge, Listing
from lookthrough.graph.policy import ListSelector
from lookthrough.graph.seeds import seed_nodes
from lookthrough.model import RelationKind

log = logging.getLogger(__name__)

STAKES = frozenset({RelationKind.OWNERSHIP, RelationKind.PARENT})
RELATION_LABELS = {
    RelationKind.OWNERSHIP: "owned by",
    RelationKind.PARENT: "subsidiary of",
    RelationKind.BRAND: "brand of",
    RelationKind.LINKED: "linked to",
}


class Link(NamedTuple):
    """One relation followed upward: `below` is held, branded or linked by `above`."""

    below: str
    above: str
    edge: Edge
    percent: float | None
    stake: bool
    """Whether this link is a shareholding (ownership or parent), not a brand or a link."""
    above_party: str
    """The id of the party on the upper side, as the source names it."""

    @property
    def label(self) -> str:
        return RELATION_LABELS[self.edge.kind]


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building millions of small objects: they hold no
    cycles, and each collection would walk every object already alive (a quarter of the time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def is_current(edge: Edge, as_of: str) -> bool:
    """Whether the relation holds on `as_of`; partial dates ('2019', '2019-05') cover their period."""
    if edge.start and as_of[: len(edge.start)] < edge.start:
        return False
    return not (edge.end and as_of[: len(edge.end)] > edge.end)


def _order(link: Link) -> tuple[bool, str, str]:
    return (not link.stake, link.above, link.below)


def _preference(link: Link) -> tuple[bool, str, int, float, str, str]:
    """Among parallel statements of one relation, prefer a stated share, then the newest, then the
    strongest evidence; the rest breaks ties so that input order never decides."""
    edge = link.edge
    return (
        link.percent is not None,
        edge.start or "",
        -edge.source.evidence.rank,
        link.percent if link.percent is not None else -1.0,
        edge.source.citation,
        edge.end or "",
    )


class Graph:
    """Links between party clusters, for the relations current on `as_of`.

    `up` holds every link from a node; `owners` and `holdings` the shareholdings, both ways.
    """

    def __init__(self, catalog: Catalog, as_of: str | None = None) -> None:
        self.catalog = catalog
        self.as_of = as_of or date.today().isoformat()
        self.up: dict[str, list[Link]] = defaultdict(list)
        self.owners: dict[str, list[Link]] = defaultdict(list)
        self.holdings: dict[str, list[Link]] = defaultdict(list)
        self.dangling: list[Edge] = []
        self.not_current = 0
        self.invalid_percent = 0
        self._build(catalog.all_edges())
        self._listed = {catalog.cluster_of(entity_id) for entity_id in catalog.listed_ids()}

    def _build(self, edges: Iterable[Edge]) -> None:
        with paused_gc():
            best: dict[tuple[str, str, bool, str], Link] = {}
            link_of = self._link
            for edge in edges:
                link = link_of(edge)
                if link is None:
                    continue
                # Enum members hash in Python code; their plain values keep this loop fast.
                key = (link.below, link.above, link.stake, "" if link.stake else edge.kind._value_)
                known = best.get(key)
                if known is None or _preference(link) > _preference(known):
                    best[key] = link
            self._index(best.values())
        if self.dangling:
            log.warning("%d relations name a party that is not loaded; they are not followed",
                        len(self.dangling))  # fmt: skip

    def _index(self, links: Iterable[Link]) -> None:
        up, owners, holdings = self.up, self.owners, self.holdings
        for link in links:
            up[link.below].append(link)
            if link.stake:
                owners[link.below].append(link)
                holdings[link.above].append(link)
        # Sorted, so that every walk over the graph visits links in one fixed order.
        for table in (up, owners, holdings):
            for found in table.values():
                if len(found) > 1:
                    found.sort(key=_order)

    def _link(self, edge: Edge) -> Link | None:
        parties = self.catalog.parties
        if edge.source_id not in parties or edge.target_id not in parties:
            self.dangling.append(edge)
            return None
        if (edge.start or edge.end) and not is_current(edge, self.as_of):
            self.not_current += 1
            return None
        stake = edge.kind is RelationKind.OWNERSHIP or edge.kind is RelationKind.PARENT
        lower, upper = (edge.target_id, edge.source_id) if stake else (edge.source_id, edge.target_id)
        below, above = self.catalog.cluster_of(lower), self.catalog.cluster_of(upper)
        if below == above:
            return None
        percent = edge.percent
        if percent is not None and not 0 <= percent <= 100:
            # An impossible share is kept as a relation of unknown size, never guessed.
            self.invalid_percent += 1
            percent = None
        return Link(below, above, edge, percent, stake, upper)

    def node(self, entity_id: str) -> str:
        return self.catalog.cluster_of(entity_id)

    def is_listed(self, node: str) -> bool:
        return node in self._listed

    def listings(self, node: str) -> list[Listing]:
        """Every listing of every entry of the party."""
        return [entry for pid in self.catalog.cluster(node) for entry in self.catalog.parties[pid].listings]

    def seeds(self, selector: ListSelector) -> set[str]:
        """Nodes with at least one listing that `selector` accepts."""
        return seed_nodes(self.catalog, selector)
