"""Score a parity row with lookthrough: the call `explain` and `/match` make (Matcher.match), on a
catalog that holds only the row's candidate."""

from __future__ import annotations

from lookthrough import settings
from lookthrough.catalog import Catalog
from lookthrough.matching import get_algorithm
from lookthrough.matching.matcher import Matcher
from lookthrough.model import Entity


class PairScorer:
    """lookthrough's score for a query against one listed party, one small catalog per party."""

    def __init__(self, algorithm: str | None = None) -> None:
        self.algorithm = algorithm or settings.get("ALGORITHM")
        self.name = str(get_algorithm(self.algorithm).NAME)
        self.threshold = float(get_algorithm(self.algorithm).THRESHOLD)
        self._matchers: dict[tuple[tuple[str, ...], str], Matcher] = {}

    def matcher(self, names: tuple[str, ...], schema: str) -> Matcher:
        """A matcher over a catalog of one party with these names (built once, then reused)."""
        key = (names, schema)
        if key not in self._matchers:
            party = Entity("parity-candidate", schema, dataset="parity", citation="parity table row")
            party.add("name", names[0])
            for alias in names[1:]:
                party.add("alias", alias)
            catalog = Catalog()
            catalog.add_entities([party])
            self._matchers[key] = Matcher.build(catalog, self.algorithm)
        return self._matchers[key]

    def score(self, query: str, names: tuple[str, ...], schema: str) -> float:
        """The party's score for `query` (0.0 where the index proposes it no candidate name)."""
        found = self.matcher(names, schema).match(query, limit=1)
        return found[0].score if found else 0.0

    def hits(self, query: str, names: tuple[str, ...], schema: str) -> bool:
        return self.score(query, names, schema) >= self.threshold
