"""The peers' own name pairs (nomenklatura, watchman) through lookthrough's match call at the
default threshold. Rows lookthrough gets wrong today are strict xfails named by what the row
exercises: when the matcher learns it, the xfail turns into a failure until the row leaves
known_misses.csv (`python -m bench.parity --known-misses` rewrites it)."""

from __future__ import annotations

import pytest

from bench.parity_score import PairScorer
from bench.parity_tables import PairCase, RankCase, known_misses, pair_tables, rank_cases
from lookthrough import settings

ALGORITHM = settings.get("ALGORITHM")
MISSES = known_misses(ALGORITHM)
PAIRS = [c for cases in pair_tables().values() for c in cases if c.expected != "undecided"]


def _param(case: PairCase | RankCase) -> object:
    reason = f"{case.category}: {case.note}" if case.note else case.category
    marks = [pytest.mark.xfail(strict=True, reason=f"{ALGORITHM} misses it today ({reason})")]
    return pytest.param(case, id=case.id, marks=marks if case.id in MISSES else [])


@pytest.fixture(scope="module")
def scorer() -> PairScorer:
    # One small catalog per candidate, built once for the whole module.
    return PairScorer(ALGORITHM)


@pytest.mark.parametrize("case", [_param(c) for c in PAIRS])
def test_pair_outcome(scorer: PairScorer, case: PairCase) -> None:
    score = scorer.score(case.query, case.names, case.schema)
    assert (score >= scorer.threshold) == (case.expected == "match"), (
        f"{case.query!r} against {case.candidate!r} scores {score:.3f} "
        f"(threshold {scorer.threshold}); expected {case.expected}; {case.origin.url}"
    )


@pytest.mark.parametrize("case", [_param(c) for c in rank_cases()])
def test_better_query_scores_higher(scorer: PairScorer, case: RankCase) -> None:
    names = (case.candidate,)
    better = scorer.score(case.better, names, case.schema)
    worse = scorer.score(case.worse, names, case.schema)
    assert better > worse, f"{case.better!r} {better:.3f} vs {case.worse!r} {worse:.3f}"
