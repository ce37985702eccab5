"""Find the parties a name or code refers to: codes first, then names through the name engine."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from lookthrough.catalog import Catalog
from lookthrough.identifiers import TYPES
from lookthrough.matching import get_algorithm
from lookthrough.matching.engine.countries import Where
from lookthrough.matching.result import Feature, Match

Codes = Sequence[tuple[str, str]]
NOT_COUNTRIES = frozenset({"XS", "XA", "XB", "XC", "XD", "XF", "EU", "QS", "QT"})
"""ISIN prefixes of international and supranational issues: they say nothing of a country."""


def isin_countries(codes: Codes) -> tuple[str, ...]:
    """The countries ISINs' first two letters name (CN for CNE100000PM8; none for XS, EU …)."""
    return tuple(dict.fromkeys(v[:2] for kind, v in codes if kind == "isin" and v[:2] not in NOT_COUNTRIES))


class NameMatcher(Protocol):
    """What the matcher needs of a name engine."""

    @property
    def algorithm(self) -> Any:
        """The scoring algorithm (its NAME, THRESHOLD and features)."""

    @property
    def threshold(self) -> float: ...

    def match_names(
        self,
        names: Sequence[str],
        limit: int = 5,
        describe_from: float = 0.0,
        min_score: float = 0.0,
        countries: Sequence[Where] | None = None,
    ) -> list[list[Match]]: ...


def name_entries(catalog: Catalog) -> Iterable[tuple[str, str, str, bool]]:
    """(party id, name, property, is a person) for every name of every party, party by party."""
    return catalog.names()


def build_names(catalog: Catalog, algorithm: str) -> NameMatcher:
    """The name engine of `algorithm` over every name in the catalog."""
    if algorithm == "name_v1":
        from lookthrough.matching.name_v1.names import NameMatcherV1

        return NameMatcherV1.build(name_entries(catalog))
    from lookthrough.matching.engine.build import build_index
    from lookthrough.matching.engine.engine import NameEngine

    index = build_index(name_entries(catalog), countries=catalog.party_countries())
    return NameEngine(index, get_algorithm(algorithm))


class Matcher:
    """Scores queries against every party of a catalog with one algorithm."""

    def __init__(self, catalog: Catalog, names: NameMatcher) -> None:
        self.catalog = catalog
        self.names = names

    @classmethod
    def build(cls, catalog: Catalog, algorithm: str) -> Matcher:
        return cls(catalog, build_names(catalog, algorithm))

    @property
    def algorithm(self) -> Any:
        return self.names.algorithm

    @property
    def threshold(self) -> float:
        return float(self.names.threshold)

    def match(
        self,
        name: str | None,
        codes: Codes = (),
        *,
        limit: int = 5,
        describe_from: float = 0.0,
        min_score: float = 0.0,
        countries: Sequence[str] = (),
    ) -> list[Match]:
        """Best matches for a name and/or codes, best first, scoring at least `min_score`;
        `countries`: where the row says the party is (evidence for or against)."""
        return self.match_many(
            [(name, codes)], limit=limit, describe_from=describe_from, min_score=min_score,
            countries=[countries],
        )[0]  # fmt: skip

    def match_many(
        self,
        queries: Sequence[tuple[str | None, Codes]],
        *,
        limit: int = 5,
        describe_from: float = 0.0,
        min_score: float = 0.0,
        countries: Sequence[Sequence[str]] | None = None,
    ) -> list[list[Match]]:
        """`match` for many queries at once: names go to the engine in one batch.
        Name matches scoring below `describe_from` come without features."""
        named = [i for i, (name, _) in enumerate(queries) if name and name.strip()]
        where = [
            Where(tuple(countries[i]) if countries else (), isin_countries(queries[i][1])) for i in named
        ]
        texts = [str(queries[i][0]) for i in named]
        by_name = self.names.match_names(texts, limit, describe_from, min_score, where)
        names = dict(zip(named, by_name, strict=True))
        return [
            self._combine(self._by_code(codes), names.get(i, []), limit)
            for i, (_, codes) in enumerate(queries)
        ]

    @staticmethod
    def _combine(by_code: list[Match], by_name: list[Match], limit: int) -> list[Match]:
        found = {match.entity_id: match for match in by_code}
        for match in by_name:
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
            if not kind_type.strong:
                continue
            for entity_id in sorted(self.catalog.by_code(kind, value)):
                feature = Feature(
                    f"{kind}_match", 1.0, 1.0, f"{kind_type.label} {value} is stated for this party"
                )
                party = self.catalog.parties[entity_id]
                matches.append(Match(entity_id, 1.0, party.caption, f"{kind}_exact", [feature]))
        return matches
