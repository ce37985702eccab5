"""python -m bench.parity: lookthrough and nomenklatura's logic-v2 on the peers' parity tables.

Every decided row of tests/matching/parity/ is scored by both in the same run: lookthrough at
its algorithm's default threshold through the call `explain` and `/match` make, on a catalog of
the row's candidate alone; logic-v2 as nomenklatura's own tests call it (LogicV2.compare of two
entities of the row's schema) at yente's threshold 0.70. Writes bench/RESULTS-parity.md.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

from followthemoney import EntityProxy, model
from nomenklatura.matching import LogicV2

from bench import parity_report
from bench.parity_score import PairScorer
from bench.parity_tables import PairCase, RankCase, pair_tables, rank_cases, write_known_misses
from bench.paths import REPO

RESULTS = REPO / "bench" / "RESULTS-parity.md"
LOGIC_V2_THRESHOLD = 0.70
"""yente's default match threshold, and the bound nomenklatura's model-case tests assert."""


def _proxy(schema: str, names: tuple[str, ...]) -> EntityProxy:
    proxy = model.make_entity(schema)
    # nomenklatura caches name analysis by entity id: distinct names need distinct ids.
    proxy.id = "parity-" + hashlib.sha1("\0".join((schema, *names)).encode()).hexdigest()
    proxy.add("name", names[0])
    for alias in names[1:]:
        proxy.add("alias", alias)
    return proxy


class LogicV2Scorer:
    """nomenklatura's logic-v2 on one pair, as its test_model_cases.py calls it."""

    name = "nomenklatura logic-v2"
    threshold = LOGIC_V2_THRESHOLD

    def __init__(self) -> None:
        self.config = LogicV2.default_config()

    def score(self, query: str, names: tuple[str, ...], schema: str) -> float:
        return float(LogicV2.compare(_proxy(schema, (query,)), _proxy(schema, names), self.config).score)


@dataclass(frozen=True)
class Scored:
    """One row with both scores."""

    case: PairCase
    ours: float
    theirs: float


@dataclass(frozen=True)
class Ranked:
    """One ranking case with both scorers' (better, worse) scores."""

    case: RankCase
    ours: tuple[float, float]
    theirs: tuple[float, float]


def score_tables(ours: PairScorer, theirs: LogicV2Scorer) -> dict[str, list[Scored]]:
    """Every row of every pair table (undecided ones too, reported apart) scored by both."""
    return {
        table: [
            Scored(c, ours.score(c.query, c.names, c.schema), theirs.score(c.query, c.names, c.schema))
            for c in cases
        ]
        for table, cases in pair_tables().items()
    }


def score_ranking(ours: PairScorer, theirs: LogicV2Scorer) -> list[Ranked]:
    found = []
    for c in rank_cases():
        names = (c.candidate,)
        pair_ours = (ours.score(c.better, names, c.schema), ours.score(c.worse, names, c.schema))
        pair_theirs = (theirs.score(c.better, names, c.schema), theirs.score(c.worse, names, c.schema))
        found.append(Ranked(c, pair_ours, pair_theirs))
    return found


def misses(tables: dict[str, list[Scored]], ranking: list[Ranked], threshold: float) -> list[str]:
    """Ids of the decided rows and ranking cases lookthrough gets wrong."""
    wrong = [
        s.case.id
        for rows in tables.values()
        for s in rows
        if s.case.expected != "undecided" and (s.ours >= threshold) != (s.case.expected == "match")
    ]
    return wrong + [r.case.id for r in ranking if not r.ours[0] > r.ours[1]]


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.parity", description=__doc__)
    parser.add_argument("--algorithm", help="lookthrough algorithm (default: LOOKTHROUGH_ALGORITHM)")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the results")
    parser.add_argument(
        "--known-misses",
        action="store_true",
        help="also rewrite tests/matching/parity/known_misses.csv (the parity tests' xfails) for it",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    command = "python -m bench.parity " + " ".join(sys.argv[1:] if argv is None else argv)
    ours, theirs = PairScorer(args.algorithm), LogicV2Scorer()
    tables, ranking = score_tables(ours, theirs), score_ranking(ours, theirs)
    report = parity_report.Report(
        command.strip(), ours.name, ours.threshold, theirs.threshold, tables, ranking
    )
    args.output.write_text(parity_report.render(report), encoding="utf-8")
    print(parity_report.summary(report))
    if args.known_misses:
        write_known_misses(ours.algorithm, misses(tables, ranking, ours.threshold))
    return 0


if __name__ == "__main__":
    sys.exit(main())
