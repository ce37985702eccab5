"""Look-through over the catalog: every enabled policy, one finding per listed party."""

from __future__ import annotations

from datetime import date

from lookthrough import settings
from lookthrough.catalog import Catalog
from lookthrough.graph.finding import Finding, Outcome
from lookthrough.graph.graph import Graph
from lookthrough.graph.ownership import Ownership
from lookthrough.graph.policy import Kind, Policy, configured
from lookthrough.graph.related import related


def as_of_date() -> str:
    """The date relations and rules are judged on: LOOKTHROUGH_AS_OF, or today."""
    return (settings.as_of() or date.today()).isoformat()


class LookThrough:
    """Finds the listed parties behind a party, under the policies in force on one date."""

    def __init__(self, catalog: Catalog, policies: list[Policy] | None = None, as_of: str | None = None):
        self.as_of = as_of or as_of_date()
        self.graph = Graph(catalog, self.as_of)
        self.policies = configured(self.as_of) if policies is None else policies
        self.rules = {p.name: Ownership(self.graph, p) for p in self.policies if p.kind is Kind.THRESHOLD}
        self._cache: dict[str, list[Finding]] = {}

    def findings(self, entity_id: str) -> list[Finding]:
        """The listed parties behind `entity_id`, each once, under the strongest rule that finds it."""
        node = self.graph.node(entity_id)
        if node not in self.graph.up:
            return []
        cached = self._cache.get(node)
        if cached is None:
            cached = self._cache[node] = self._find(node)
        return cached

    def _find(self, node: str) -> list[Finding]:
        chosen: dict[str, tuple[tuple[int, int], Finding]] = {}
        for index, policy in enumerate(self.policies):
            for finding in self._evaluate(policy, node):
                rank = (_strength(finding), index)
                known = chosen.get(finding.node)
                if finding.node != node and (known is None or rank < known[0]):
                    chosen[finding.node] = (rank, finding)
        return [finding for _rank, finding in sorted(chosen.values(), key=lambda item: item[0])]

    def _evaluate(self, policy: Policy, node: str) -> list[Finding]:
        if policy.kind is Kind.RELATED:
            return related(self.graph, policy, node)
        return self.rules[policy.name].findings(node)


def _strength(finding: Finding) -> int:
    """A threshold met outranks one undetermined, which outranks a plain relation."""
    if finding.aggregate is None:
        return 2
    return 0 if finding.aggregate.outcome is Outcome.MET else 1
