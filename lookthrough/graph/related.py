"""The 'related' rule: listed parties a few relations up from the screened party."""

from __future__ import annotations

from collections import deque

from lookthrough.graph.finding import Finding
from lookthrough.graph.graph import Graph, Link
from lookthrough.graph.policy import Policy
from lookthrough.model import RelationKind


def related(graph: Graph, policy: Policy, start: str) -> list[Finding]:
    """Every listed party within `policy.hops` relations above `start`, each by its shortest path.

    Brands, subsidiaries and control are followed; a shareholding only when its share is unstated
    or at least `policy.min_percent`. An association a list states ("Linked To" on OFAC's list:
    neither ownership nor control) is not: the associated party is listed for itself, and a hit on
    one must not read as a hit on the other.

    A breadth-first walk with a set of visited parties (as yente's nested search keeps one),
    so a cycle of relations is walked once and the walk always ends.
    """
    found: list[Finding] = []
    queue: deque[tuple[str, list[Link]]] = deque([(start, [])])
    visited = {start}
    up, minimum = graph.up, policy.min_percent
    while queue:
        node, path = queue.popleft()
        if len(path) >= policy.hops:
            continue
        for link in up.get(node, ()):
            above = link.above
            if link.edge.kind is RelationKind.ASSOCIATE or above in visited:
                continue
            if link.stake and link.percent is not None and link.percent < minimum:
                continue
            visited.add(above)
            step = [*path, link]
            if graph.is_listed(above):
                found.append(Finding(policy, above, listed_entry(graph, link), step))
            queue.append((above, step))
    return found


def listed_entry(graph: Graph, link: Link) -> str:
    """The listed entry to name: the one the relation names, if listed, else one of its cluster."""
    named = graph.catalog.parties[link.above_party]
    if named.listed:
        return named.id
    cluster = graph.catalog.cluster(link.above)
    return next(pid for pid in cluster if graph.catalog.parties[pid].listed)
