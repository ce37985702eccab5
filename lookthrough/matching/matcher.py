"""Find the parties a name or code refers to: codes first, then names through the index."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from types import ModuleType

from lookthrough.catalog import Catalog
from lookthrough.identifiers import TYPES
from lookthrough.matching import get_algorithm
from lookthrough.matching.index import IndexedName, NameIndex
from lookthrough.matching.query import Query, resegment
from lookthrough.matching.result import Feature, Match
from lookthrough.model.schema import is_a
from lookthrough.names import NameForm, analyze, variants

CANDIDATES = 10
MIN_COVERAGE = 0.0


class Matcher:
    """Scores queries against every party of a catalog with one algorithm."""

    def __init__(self, catalog: Catalog, index: NameIndex, algorithm: str) -> None:
        self.catalog = catalog
        self.index = index
        self.algorithm: ModuleType = get_algorithm(algorithm)

    @classmethod
    def build(cls, catalog: Catalog, algorithm: str) -> Matcher:
        entries = (
            (party.id, name.value, name.prop, is_a(party.schema, "Person"))
            for party in catalog.parties.values()
            for name in party.names
        )
        return cls(catalog, NameIndex.build(entries), algorithm)

    def __getstate__(self) -> dict[str, object]:
        return {"catalog": self.catalog, "index": self.index, "algorithm": self.algorithm.NAME}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.catalog = state["catalog"]  # type: ignore[assignment]
        self.index = state["index"]  # type: ignore[assignment]
        self.algorithm = get_algorithm(str(state["algorithm"]))

    @property
    def threshold(self) -> float:
        return float(self.algorithm.THRESHOLD)

    def match(
        self,
        name: str | None,
        codes: Iterable[tuple[str, str]] = (),
        *,
        limit: int = 5,
        describe_from: float = 0.0,
    ) -> list[Match]:
        """Best matches for a name and/or codes, best first (all scores, no threshold).
        Name matches scoring below `describe_from` come without features: describing
        them is a fifth of the cost of a query, wasted where only hits are shown."""
        found: dict[str, Match] = {}
        for match in self._by_code(codes):
            found[match.entity_id] = match
        if name and name.strip():
            for match in self._by_name(name, limit, describe_from):
                known = found.get(match.entity_id)
                if known is None or (known.score < 1.0 and match.score > known.score):
                    found[match.entity_id] = match
                elif known.score >= 1.0:
                    known.features.extend(match.features)
        return sorted(found.values(), key=lambda m: (-m.score, m.entity_id))[:limit]

    def _by_code(self, codes: Iterable[tuple[str, str]]) -> list[Match]:
        matches = []
        for kind, value in codes:
            kind_type = TYPES[kind]
            for entity_id in sorted(self.catalog.by_code(kind, value)):
                strong = kind_type.strong
                feature = Feature(
                    f"{kind}_match",
                    1.0,
                    1.0 if strong else 0.0,
                    f"{kind_type.label} {value} is stated for this party"
                    + ("" if strong else " (not unique on its own; supports a name match only)"),
                )
                if strong:
                    party = self.catalog.parties[entity_id]
                    matches.append(Match(entity_id, 1.0, party.caption, f"{kind}_exact", [feature]))
        return matches

    def _by_name(self, name: str, limit: int, describe_from: float = 0.0) -> list[Match]:
        best: dict[str, tuple[float, Query, IndexedName]] = {}
        for query, candidate in self.pairs(name):
            score = self.algorithm.evaluate(query, candidate)
            current = best.get(candidate.entity_id)
            if current is None or score > current[0]:
                best[candidate.entity_id] = (score, query, candidate)
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))[:limit]
        # Features are described only for the matches returned: most comparisons are discarded.
        return [
            Match(
                entity_id,
                score,
                cand.form.original,
                self.algorithm.NAME,
                self.algorithm.describe(query, cand) if score >= describe_from else [],
            )
            for entity_id, (score, query, cand) in ranked
        ]

    def pairs(self, name: str) -> Iterator[tuple[Query, IndexedName]]:
        """Every (prepared query, listed name) comparison the blocking index proposes for `name`."""
        for query, people in self._queries(name):
            for name_id, bound in self.index.candidates(query.form, CANDIDATES):
                if bound < MIN_COVERAGE:
                    break
                candidate = self.index.names[name_id]
                if people is None or candidate.person is people:
                    yield query, candidate

    def _queries(self, name: str) -> list[tuple[Query, bool | None]]:
        """Prepared forms of a name: read as an organisation's name and, where that differs
        (legal forms, business words), as a person's; each meets listed names of its kind."""
        prepared: list[tuple[Query, bool | None]] = []
        for variant in variants(name):
            as_org = analyze(variant, holding=True)
            as_person = analyze(variant, organization=False)
            if not as_org.tokens:
                continue
            kinds: list[tuple[NameForm, bool | None]]
            if as_person.tokens == as_org.tokens:
                kinds = [(as_org, None)]
            else:
                kinds = [(as_org, False), (as_person, True)]
            for form, people in kinds:
                prepared.append((Query.prepare(form, self.index), people))
                split = resegment(form, self.index, organization=people is not True)
                if split is not None:
                    prepared.append((Query.prepare(split, self.index), people))
        return prepared
