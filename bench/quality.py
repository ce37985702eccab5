"""Run each screener over every query of an evaluation set and keep what it answered."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from normality import ascii_text
from rigour.text.scripts import text_scripts

from bench import batch
from bench.adapter import Lookthrough, Ranked
from bench.baselines.jaro_winkler import TOP, JaroWinklerScan, TopNames
from bench.baselines.logic_v2 import NEGATIVE_SCHEMAS, LogicV2Rescorer, query_schema
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
    ranked: list[Ranked] = [[] for _ in evalset.queries]
    build = 0.0
    for names, positions in evalset.partitions():
        built = time.perf_counter()
        screener = Lookthrough.build(names, algorithm)
        build += time.perf_counter() - built
        found = batch.screen_many(screener, [evalset.queries[p].text for p in positions], workers)
        for position, result in zip(positions, found, strict=True):
            ranked[position] = result
    outcomes = [Outcome.of(q, r) for q, r in zip(evalset.queries, ranked, strict=True)]
    done = time.perf_counter()
    extra = {"build_seconds": build, "screen_seconds": done - started - build}
    return Scored(screener.name, (screener.threshold,), outcomes, done - started, extra)


def _latin(text: str) -> str | None:
    """A query written in another script, transliterated (normality, through ICU); None for Latin."""
    return ascii_text(text) if text_scripts(text) - {"Latin"} else None


def _top_names(evalset: EvalSet, workers: int) -> dict[str, Any]:
    """Each query's top names by Jaro-Winkler; for logic-v2, a query in another script also gets
    the top names of its transliteration (as yente's index holds transliterated names)."""
    started = time.perf_counter()
    tops: list[TopNames] = [[] for _ in evalset.queries]
    latin: dict[int, TopNames] = {}
    for names, positions in evalset.partitions():
        scan = JaroWinklerScan(names)
        found = scan.top_names([evalset.queries[p].text for p in positions], workers)
        for position, top in zip(positions, found, strict=True):
            tops[position] = top
        other = [(p, t) for p in positions if (t := _latin(evalset.queries[p].text))]
        found = scan.top_names([t for _, t in other], workers) if other else []
        latin.update((p, top) for (p, _), top in zip(other, found, strict=True))
    return {"tops": tops, "latin": latin, "seconds": time.perf_counter() - started}


def _schema(evalset: EvalSet, schemas: dict[str, str], position: int) -> str:
    query = evalset.queries[position]
    return query_schema(schemas.get(query.target or "") or NEGATIVE_SCHEMAS.get(query.category))


def _logic_v2(evalset: EvalSet, tops: Sequence[TopNames], workers: int) -> dict[str, Any]:
    """logic-v2 on each query's candidate entries (from `tops`), against its own index."""
    schemas = evalset.schemas()
    started = time.perf_counter()
    ranked: list[Ranked] = [[] for _ in evalset.queries]
    pairs = 0
    for names, positions in evalset.partitions():
        scan, rescorer = JaroWinklerScan(names), LogicV2Rescorer(names)

        def score(
            position: int, scan: JaroWinklerScan = scan, rescorer: LogicV2Rescorer = rescorer
        ) -> Ranked:
            candidates = [e for e, _ in scan.rank(tops[position])]
            query = evalset.queries[position].text
            return rescorer.score(query, _schema(evalset, schemas, position), candidates)

        for position, result in zip(positions, batch.fork_map(score, positions, workers), strict=True):
            ranked[position] = result
        pairs += sum(len(scan.rank(tops[p])) for p in positions)
    return {"ranked": ranked, "seconds": time.perf_counter() - started, "pairs": pairs}


def run_baselines(evalset: EvalSet, workers: int = 2, refresh: bool = False) -> list[Scored]:
    """Jaro-Winkler brute force, then logic-v2 on its top 20 candidates (both cached on disk);
    each query against the index its group is screened against."""
    digest = evalset.digest()
    jw = cached("jaro-winkler", digest, lambda: _top_names(evalset, workers), refresh)
    tops: list[TopNames] = [[(int(p), float(s)) for p, s in row] for row in jw["tops"]]
    # logic-v2's candidates for a query in another script: the best names of the query as
    # written or transliterated (JSON keys are strings).
    candidates = list(tops)
    for position, row in jw["latin"].items():
        both = {p: s for p, s in [*tops[int(position)], *((int(p), float(s)) for p, s in row)]}
        candidates[int(position)] = sorted(both.items(), key=lambda c: (-c[1], c[0]))[:TOP]
    scans = {id(names): JaroWinklerScan(names) for names, _ in evalset.partitions()}
    jw_outcomes = [
        Outcome.of(q, scans[id(evalset.index_of(q))].rank(t))
        for q, t in zip(evalset.queries, tops, strict=True)
    ]
    lv = cached("logic-v2", digest, lambda: _logic_v2(evalset, candidates, workers), refresh)
    lv_outcomes = [
        Outcome.of(q, [(e, float(s)) for e, s in r])
        for q, r in zip(evalset.queries, lv["ranked"], strict=True)
    ]
    return [
        Scored(
            JaroWinklerScan.name,
            (JaroWinklerScan.threshold,),
            jw_outcomes,
            jw["seconds"],
            {"cached": jw["cached"]},
        ),
        Scored(
            LogicV2Rescorer.name,
            (0.70, 0.80),
            lv_outcomes,
            lv["seconds"],
            {"cached": lv["cached"], "pairs": lv["pairs"]},
        ),
    ]
