"""Run each screener over every query of an evaluation set and keep what it answered."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from bench import batch
from bench.adapter import Lookthrough
from bench.baselines.jaro_winkler import JaroWinklerScan, TopNames
from bench.baselines.logic_v2 import LogicV2Rescorer, query_schema
from bench.cache import cached
from bench.cases import EvalSet
from bench.outcome import Outcome


@dataclass
class Scored:
    """One screener's outcomes on the evaluation set, and how long it took."""

    name: str
    thresholds: tuple[float, ...]
    outcomes: list[Outcome]
    seconds: float
    extra: dict[str, Any] = field(default_factory=dict)


def run_lookthrough(evalset: EvalSet, algorithm: str = "name_v1", workers: int = 2) -> Scored:
    started = time.perf_counter()
    screener = Lookthrough.build(evalset.names, algorithm)
    built = time.perf_counter()
    ranked = batch.screen_many(screener, [q.text for q in evalset.queries], workers)
    for group, names in evalset.side.items():
        side = Lookthrough.build(names, algorithm)
        for position, query in enumerate(evalset.queries):
            if f"{query.category}:{query.kind}" == group:
                ranked[position] = side.match(query.text)
    outcomes = [Outcome.of(q, r) for q, r in zip(evalset.queries, ranked, strict=True)]
    done = time.perf_counter()
    extra = {"build_seconds": built - started, "screen_seconds": done - built}
    return Scored(screener.name, (screener.threshold,), outcomes, done - started, extra)


def _top_names(evalset: EvalSet, workers: int) -> dict[str, Any]:
    scan = JaroWinklerScan(evalset.names)
    started = time.perf_counter()
    tops = scan.top_names([q.text for q in evalset.queries], workers)
    return {"tops": tops, "seconds": time.perf_counter() - started}


def _logic_v2(evalset: EvalSet, tops: Sequence[TopNames], workers: int) -> dict[str, Any]:
    scan, rescorer, schemas = (
        JaroWinklerScan(evalset.names),
        LogicV2Rescorer(evalset.names),
        evalset.schemas(),
    )

    def score(position: int) -> list[tuple[str, float]]:
        query = evalset.queries[position]
        candidates = [e for e, _ in scan.rank(tops[position])]
        return rescorer.score(query.text, query_schema(schemas.get(query.target or "")), candidates)

    started = time.perf_counter()
    ranked = batch.fork_map(score, list(range(len(evalset.queries))), workers)
    pairs = sum(len(scan.rank(t)) for t in tops)
    return {"ranked": ranked, "seconds": time.perf_counter() - started, "pairs": pairs}


def run_baselines(evalset: EvalSet, workers: int = 2, refresh: bool = False) -> list[Scored]:
    """Jaro-Winkler brute force, then logic-v2 on its top 20 candidates (both cached on disk)."""
    digest = evalset.digest()
    jw = cached("jaro-winkler", digest, lambda: _top_names(evalset, workers), refresh)
    tops: list[TopNames] = [[(int(p), float(s)) for p, s in row] for row in jw["tops"]]
    scan = JaroWinklerScan(evalset.names)
    jw_outcomes = [Outcome.of(q, scan.rank(t)) for q, t in zip(evalset.queries, tops, strict=True)]
    lv = cached("logic-v2", digest, lambda: _logic_v2(evalset, tops, workers), refresh)
    lv_outcomes = [
        Outcome.of(q, [(e, float(s)) for e, s in r])
        for q, r in zip(evalset.queries, lv["ranked"], strict=True)
    ]
    return [
        Scored(scan.name, (scan.threshold,), jw_outcomes, jw["seconds"], {"cached": jw["cached"]}),
        Scored(
            LogicV2Rescorer.name,
            (0.70, 0.80),
            lv_outcomes,
            lv["seconds"],
            {"cached": lv["cached"], "pairs": lv["pairs"]},
        ),
    ]
