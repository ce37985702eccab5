"""How one name scores against its best candidates, feature by feature."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lookthrough.catalog import Party
from lookthrough.matching.result import Match
from lookthrough.names import NameForm, analyze
from lookthrough.screening.result import Hit
from lookthrough.screening.screener import Screener


@dataclass
class Candidate:
    """One candidate party: its match, whether that reaches the threshold, and the hit it makes."""

    match: Match
    party: Party
    reaches_threshold: bool
    hits: list[Hit]


@dataclass
class Explanation:
    query: str
    form: NameForm | None
    algorithm: str
    threshold: float
    candidates: list[Candidate]


def explain(
    screener: Screener, name: str | None, codes: Iterable[tuple[str, str]] = (), *, limit: int = 5
) -> Explanation:
    matches = screener.matcher.match(name, list(codes), limit=limit)
    candidates = [
        Candidate(
            match,
            screener.catalog.parties[match.entity_id],
            match.score >= screener.threshold,
            screener.hits_for(match) if match.score >= screener.threshold else [],
        )
        for match in matches
    ]
    return Explanation(
        query=name or "",
        form=analyze(name, holding=True) if name else None,
        algorithm=screener.matcher.algorithm.NAME,
        threshold=screener.threshold,
        candidates=candidates,
    )
