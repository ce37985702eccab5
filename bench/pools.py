"""One run seen by negative pool: each protocol's recall beside the false alerts of negatives like
its queries (company names for the issue-4 protocols, person names for issue 11's)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from bench.cases import EvalSet
from bench.persons import POOLS

if TYPE_CHECKING:
    # Typing only: bench.quality imports nomenklatura, which the test extras do not install.
    from bench.quality import Scored

MAIN = "negative"
"""The issue-4 protocols' negatives: unlisted manufacturer names."""


def pool_of(category: str) -> str:
    """The negatives category whose false alerts a category's recall is read against."""
    if category in POOLS.values():
        return category
    return POOLS.get(category, MAIN)


def view(evalset: EvalSet, runs: list[Scored], pool: str = MAIN) -> tuple[EvalSet, list[Scored]]:
    """The queries of one pool's protocols and its negatives (as category 'negative'), on the
    index they are screened against, with each screener's outcomes for them."""
    keep = [i for i, q in enumerate(evalset.queries) if pool_of(q.category) == pool]
    queries = [evalset.queries[i] for i in keep]
    queries = [replace(q, category=MAIN) if q.category == pool else q for q in queries]
    names = evalset.names if pool == MAIN else evalset.side[pool]
    side = evalset.side if pool == MAIN else {}
    seen = EvalSet(names, queries, evalset.notes if pool == MAIN else {}, side)
    return seen, [replace(r, outcomes=[r.outcomes[i] for i in keep]) for r in runs]
