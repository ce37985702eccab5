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
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from typing import Any, NamedTuple

import numpy as np

from lookthrough.catalog import Catalog, Edge, Listing
from lookthrough.model import RelationKind

log = logging.getLogger(__name__)

STAKES = frozenset({RelationKind.OWNERSHIP, RelationKind.PARENT})
RELATION_LABELS = {
    RelationKind.OWNERSHIP: "owned by",
    RelationKind.PARENT: "subsidiary of",
    RelationKind.BRAND: "brand of",
    RelationKind.LINKED: "linked to",
    RelationKind.ASSOCIATE: "associated with",
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

    `up` holds every link from a node, worked out for a node when first asked for (screening one
    name walks up from a few parties; a list of millions of relations is not read for it);
    `owners` and `holdings`, the shareholdings both ways, are built at once (the threshold rules
    start from every listed holder).
    """

    def __init__(self, catalog: Catalog, as_of: str | None = None) -> None:
        self.catalog = catalog
        self.as_of = as_of or date.today().isoformat()
        self.owners: dict[str, list[Link]] = defaultdict(list)
        self.holdings: dict[str, list[Link]] = defaultdict(list)
        self.not_current = 0
        self.invalid_percent = 0
        followed, self.dangling = catalog.edges_towards_listed()
        self.followed = np.zeros(catalog.tables.edges.num_rows, dtype=bool)
        self.followed[followed] = True
        self.stake = catalog.stake_edges()
        self._stake_up: dict[str, list[Link]] = defaultdict(list)
        held = [n for n in followed if self.stake[n]]
        self._index(self.links(held))
        self.up = UpLinks(self)
        self._listed: dict[str, bool] = {}
        if self.dangling:
            log.warning("%d relations name a party that is not loaded; they are not followed",
                        self.dangling)  # fmt: skip

    def links(self, numbers: list[int]) -> list[Link]:
        """The links of these relations, one per (below, above, shareholding or kind): among
        parallel statements of one relation, the preferred (see `_preference`)."""
        below, above = self.catalog.edge_ends(numbers)
        with paused_gc():
            best: dict[tuple[str, str, bool, str], Link] = {}
            link_of = self._link
            for edge, low, high in zip(self.catalog.edges_at(numbers), below, above, strict=True):
                link = link_of(edge, low, high)
                if link is None:
                    continue
                # Enum members hash in Python code; their plain values keep this loop fast.
                key = (link.below, link.above, link.stake, "" if link.stake else edge.kind._value_)
                known = best.get(key)
                if known is None or _preference(link) > _preference(known):
                    best[key] = link
        return list(best.values())

    def _index(self, links: Iterable[Link]) -> None:
        for link in links:
            self._stake_up[link.below].append(link)
            self.owners[link.below].append(link)
            self.holdings[link.above].append(link)
        # Sorted, so that every walk over the graph visits links in one fixed order.
        for table in (self._stake_up, self.owners, self.holdings):
            for found in table.values():
                if len(found) > 1:
                    found.sort(key=_order)

    def up_links(self, node: str) -> list[Link]:
        """Every link from `node`: its shareholdings, and the brands, subsidiaries and ties its
        entries state (relations whose lower party is in the node's cluster)."""
        numbers = self.catalog.relations_from(node, self.followed & ~self.stake)
        found = [*self._stake_up.get(node, ()), *self.links(numbers)]
        found.sort(key=_order)
        return found

    def _link(self, edge: Edge, below: str, above: str) -> Link | None:
        """The link of one relation between loaded parties; `below` and `above` are the clusters
        of its lower and upper party (Catalog.edge_ends)."""
        if (edge.start or edge.end) and not is_current(edge, self.as_of):
            self.not_current += 1
            return None
        stake = edge.kind is RelationKind.OWNERSHIP or edge.kind is RelationKind.PARENT
        upper = edge.source_id if stake else edge.target_id
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
        """Whether any entry of the party is on a list (worked out when first asked)."""
        known = self._listed.get(node)
        if known is None:
            entries = self.catalog.cluster(node)
            known = self._listed[node] = any(self.catalog.has_listings(pid) for pid in entries)
        return known

    def listings(self, node: str) -> list[Listing]:
        """Every listing of every entry of the party."""
        return [entry for pid in self.catalog.cluster(node) for entry in self.catalog.parties[pid].listings]

    def seeds(self, selects: Callable[[Listing], bool]) -> Seeds:
        """Nodes with at least one listing that `selects` accepts."""
        return Seeds(self, selects)


class UpLinks(Mapping[str, list[Link]]):
    """`Graph.up`: the links from each node, worked out when first asked for and kept."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self._known: dict[str, list[Link]] = {}

    def get(self, node: str, default: Any = None) -> Any:
        found = self._known.get(node)
        if found is None:
            found = self._known[node] = self.graph.up_links(node)
        return found or default

    def __getitem__(self, node: str) -> list[Link]:
        found = self.get(node)
        if not found:
            raise KeyError(node)
        return list(found)

    def __contains__(self, node: object) -> bool:
        return isinstance(node, str) and bool(self.get(node))

    def __iter__(self) -> Iterator[str]:
        # Every node with a link: the lower ends of the relations followed (all read, so slow).
        graph = self.graph
        numbers = np.nonzero(graph.followed)[0].tolist()
        below, _ = graph.catalog.edge_ends(numbers)
        return iter(sorted(node for node in set(below) if node in self))

    def __len__(self) -> int:
        return sum(1 for _ in self)


class Seeds:
    """The listed parties a rule starts from. Only those holding stakes in others start the
    rule's reckoning, so only they are found up front; any other party is judged when a rule
    asks about it (a list of millions of entries need not be read to screen one name)."""

    def __init__(self, graph: Graph, selects: Callable[[Listing], bool]) -> None:
        self.graph = graph
        self.selects = selects
        self._known: dict[str, bool] = {}
        self.holding = {node for node in graph.holdings if node in self}

    def __contains__(self, node: object) -> bool:
        if not isinstance(node, str):
            return False
        known = self._known.get(node)
        if known is None:
            known = self._known[node] = self.graph.is_listed(node) and any(
                self.selects(entry) for entry in self.graph.listings(node)
            )
        return known

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self.holding))

    def __len__(self) -> int:
        return len(self.holding)
