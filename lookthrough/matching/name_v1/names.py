"""name_v1's own engine: the pure-Python blocking index and scorer, kept runnable beside
name_v2 so that scores stored under name_v1 can be reproduced and compared."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from types import ModuleType

from lookthrough.matching import name_v1
from lookthrough.matching.engine.countries import Where
from lookthrough.matching.engine.readings import capped
from lookthrough.matching.name_v1.index import IndexedName, NameIndex
from lookthrough.matching.name_v1.query import Query, resegment
from lookthrough.matching.result import Match
from lookthrough.names import NameForm, analyze, variants

CANDIDATES = 10

Entry = tuple[str, str, str, bool]


class NameMatcherV1:
    """Names matched one at a time through name_v1's object index."""

    def __init__(self, index: NameIndex) -> None:
        self.index = index

    @property
    def algorithm(self) -> ModuleType:
        """name_v1's module (a property: a module cannot be pickled with the saved model)."""
        return name_v1

    @classmethod
    def build(cls, entries: Iterable[Entry]) -> NameMatcherV1:
        return cls(NameIndex.build(entries))

    @property
    def threshold(self) -> float:
        return float(name_v1.THRESHOLD)

    def match_names(
        self,
        names: Sequence[str],
        limit: int = 5,
        describe_from: float = 0.0,
        min_score: float = 0.0,
        countries: Sequence[Where] | None = None,
    ) -> list[list[Match]]:
        """name_v1 reads names only: `countries` are not part of its model."""
        found = [self.match_name(name, limit, describe_from) for name in names]
        return [[m for m in matches if m.score >= min_score] for matches in found]

    def match_name(self, name: str, limit: int, describe_from: float = 0.0) -> list[Match]:
        best: dict[str, tuple[float, Query, IndexedName]] = {}
        for query, candidate in self.pairs(name):
            score = name_v1.evaluate(query, candidate)
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
                name_v1.NAME,
                name_v1.describe(query, cand) if score >= describe_from else [],
            )
            for entity_id, (score, query, cand) in ranked
        ]

    def pairs(self, name: str) -> Iterator[tuple[Query, IndexedName]]:
        """Every (prepared query, listed name) comparison the blocking index proposes for `name`."""
        for query, people in self._queries(capped(name)[0]):
            for name_id, _bound in self.index.candidates(query.form, CANDIDATES):
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
