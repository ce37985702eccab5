"""The 'related' rule: listed parties a few relations up from the screened party."""

from __future__ import annotations

from collections import deque

from lookthrough.graph.finding import Finding
from lookthrough.graph.graph import Graph, Link
from lookthrough.graph.policy import Policy


def follows(link: Link, policy: Policy) -> bool:
    """Brands and links always; a shareholding only when its share is unstated or a majority."""
    return not link.stake or link.percent is None or link.percent >= policy.min_percent


def related(graph: Graph, policy: Policy, start: str) -> list[Finding]:
    """Every listed party within `policy.hops` relations above `start`, each by its shortest path.

    A breadth-first walk with a set of visited parties (as yente's nested search keeps one),
    so a cycle of relations is walked once and the walk always ends.
    """
    found: list[Finding] = []
    queue: deque[tuple[str, list[Link]]] = deque([(start, [])])
    visited = {start}
    while queue:
        node, path = queue.popleft()
        if len(path) >= policy.hops:
            continue
        for link in graph.up.get(node, ()):
            if link.above in visited or not follows(link, policy):
                continue
            visited.add(link.above)
            step = [*path, link]
            if graph.is_listed(link.above):
                found.append(Finding(policy, link.above, listed_entry(graph, link), step))
            queue.append((link.above, step))
    return found


def listed_entry(graph: Graph, link: Link) -> str:
    """The listed entry to name: the one the relation names, if listed, else one of its cluster."""
    named = graph.catalog.parties[link.above_party]
    if named.listed:
        return named.id
    cluster = graph.catalog.cluster(link.above)
    return next(pid for pid in cluster if graph.catalog.parties[pid].listed)
