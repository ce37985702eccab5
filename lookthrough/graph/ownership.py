"""Threshold rules (OFAC 50%, BIS affiliates): aggregate ownership by listed parties.

The shares are computed for the whole graph at once, round by round: after round r every
party's share counts the chains of up to r shareholdings from a listed party. The rounds stop
when nothing changes or at the depth limit, so cycles always end, and the answer is the least
fixed point of the rule, whatever order the relations come in.
"""

from __future__ import annotations

from collections import deque

from lookthrough.graph.finding import Aggregate, Finding, Holder, Outcome, Stake
from lookthrough.graph.graph import Graph, Link, paused_gc
from lookthrough.graph.policy import Method, Policy
from lookthrough.graph.share import FULL, NONE, UNKNOWN, Share, total

STAKE_LIMIT = 200
"""Most stakes one aggregate keeps for drawing; a wider web is marked as cut."""


class Ownership:
    """One threshold policy evaluated over one graph."""

    def __init__(self, graph: Graph, policy: Policy) -> None:
        self.graph = graph
        self.policy = policy
        self.seeds = graph.seeds(policy.lists)
        self.shares: dict[str, Share] = {}
        self.weights: dict[str, Share] = dict.fromkeys(self.seeds, FULL)
        self.unfinished: set[str] = set()
        with paused_gc():
            self._propagate()

    def _weight(self, node: str, share: Share) -> Share:
        """How much of its own holdings a party passes on to the parties it owns."""
        if node in self.seeds:
            return FULL
        if self.policy.method is Method.MULTIPLY:
            return share
        if share.low >= self.policy.threshold:
            return FULL
        return UNKNOWN if share.high >= self.policy.threshold else NONE

    def _propagate(self) -> None:
        changed = set(self.seeds)
        for _round in range(self.policy.max_depth):
            touched = {link.below for node in changed for link in self.graph.holdings.get(node, ())}
            # All shares of a round are computed from the weights of the round before.
            shares = {node: self._share(node) for node in touched}
            self.shares.update(shares)
            weights = {node: self._weight(node, share) for node, share in shares.items()}
            changed = {node for node, w in weights.items() if w != self.weights.get(node, NONE)}
            self.weights.update((node, weights[node]) for node in changed)
            if not changed:
                return
        self.unfinished = {link.below for node in changed for link in self.graph.holdings.get(node, ())}

    def _share(self, node: str) -> Share:
        parts = []
        for link in self.graph.owners.get(node, ()):
            weight = self.weights.get(link.above, NONE)
            if not weight.empty:
                parts.append(Share.of(link.percent).of_share(weight))
        return total(parts)

    def findings(self, node: str) -> list[Finding]:
        """The listed parties behind `node` under this policy, if its share meets the threshold."""
        share = self.shares.get(node)
        if share is None or share.high < self.policy.threshold:
            return []
        aggregate = self._aggregate(node, share)
        return [
            Finding(self.policy, seed, self._party(seed, path), path, aggregate)
            for seed, path in self._paths(node)
        ]

    def _aggregate(self, node: str, share: Share) -> Aggregate:
        met = share.low >= self.policy.threshold
        holders = [self._holder(link) for link in self._counted(node)]
        stakes = self._stakes(node)
        return Aggregate(
            percent=share.exact,
            at_least=share.low,
            at_most=share.high,
            threshold=self.policy.threshold,
            outcome=Outcome.MET if met else Outcome.UNDETERMINED,
            method=self.policy.method.value,
            holders=holders,
            depth_limited=node in self.unfinished,
            node=node,
            stakes=stakes[:STAKE_LIMIT],
            stakes_cut=len(stakes) > STAKE_LIMIT,
        )

    def _counted(self, node: str) -> list[Link]:
        return [
            link for link in self.graph.owners.get(node, ()) if not self.weights.get(link.above, NONE).empty
        ]

    def _holder(self, link: Link) -> Holder:
        party = self.graph.catalog.parties[link.above_party]
        return Holder(party.id, party.caption, link.percent, self._why(link.above))

    def _stakes(self, start: str) -> list[Stake]:
        """Every counted stake above `start`, breadth first, each once (cycles end at a visited node)."""
        found: list[Stake] = []
        queue: deque[tuple[str, int]] = deque([(start, 0)])
        visited = {start}
        while queue and len(found) <= STAKE_LIMIT:
            node, depth = queue.popleft()
            if depth >= self.policy.max_depth:
                continue
            for link in self._counted(node):
                found.append(self._stake(link))
                if link.above not in visited:
                    visited.add(link.above)
                    queue.append((link.above, depth + 1))
        return found

    def _stake(self, link: Link) -> Stake:
        parties, edge = self.graph.catalog.parties, link.edge
        holder = parties[link.above_party]
        return Stake(
            held=link.below,
            held_name=parties[edge.target_id].caption,
            holder=link.above,
            holder_id=holder.id,
            holder_name=holder.caption,
            percent=link.percent,
            relation=link.label,
            counted=self._why(link.above),
            listed=link.above in self.seeds,
            source=edge.source.citation,
            evidence=edge.source.evidence.value,
            date=edge.start,
            until=edge.end,
        )

    def _why(self, node: str) -> str:
        if node in self.seeds:
            return "listed"
        weight, share = self.weights[node], self.shares.get(node, NONE)
        if self.policy.method is Method.MULTIPLY:
            return f"{share} held by listed parties"
        return f"meets the rule ({share})" if weight == FULL else f"may meet the rule ({share})"

    def _paths(self, start: str) -> list[tuple[str, list[Link]]]:
        """The shortest chain of counted stakes from `start` up to each listed party behind it."""
        found: list[tuple[str, list[Link]]] = []
        queue: deque[tuple[str, list[Link]]] = deque([(start, [])])
        visited = {start}
        while queue:
            node, path = queue.popleft()
            if len(path) >= self.policy.max_depth:
                continue
            for link in self._counted(node):
                if link.above in visited:
                    continue
                visited.add(link.above)
                step = [*path, link]
                if link.above in self.seeds:
                    found.append((link.above, step))
                queue.append((link.above, step))
        return found

    def _party(self, node: str, path: list[Link]) -> str:
        """The listed entry to name: the one the last relation names, if it is itself listed."""
        named = path[-1].above_party
        if self.graph.catalog.parties[named].listed:
            return named
        return next(p for p in self.graph.catalog.cluster(node) if self.graph.catalog.parties[p].listed)
