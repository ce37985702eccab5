"""The baselines' speed on the same index and names: Jaro-Winkler brute force and logic-v2 on its top 20."""

from __future__ import annotations

import time
from collections.abc import Sequence

from bench import batch
from bench.baselines.jaro_winkler import JaroWinklerScan
from bench.baselines.logic_v2 import NEGATIVE_SCHEMA, LogicV2Rescorer
from bench.cases import ListedName
from bench.speed import Figures, SpeedPlan, latency


def _slices(texts: Sequence[str], size: int, repeats: int) -> list[Sequence[str]]:
    return [texts[i * size : (i + 1) * size] for i in range(repeats)]


def jaro_winkler_speed(
    names: list[ListedName], texts: Sequence[str], plan: SpeedPlan, figures: Figures
) -> None:
    """Batch names/s of the scan on all cores, and its single-query latency."""
    scan = JaroWinklerScan(names)
    for part in _slices(texts, plan.baseline_names, plan.repeats):
        tick = time.perf_counter()
        scan.top_names(part, plan.workers)
        figures.add("jw_names_per_s", len(part) / (time.perf_counter() - tick))
    p50, p99 = latency(scan.match, texts[-plan.latency // 4 :])
    figures.add("jw_p50_ms", p50)
    figures.add("jw_p99_ms", p99)


def logic_v2_speed(names: list[ListedName], texts: Sequence[str], plan: SpeedPlan, figures: Figures) -> None:
    """Names/s of scan + logic-v2 on all cores, and logic-v2's candidate pairs per second per core."""
    if not plan.logic_v2_names:
        return
    scan, rescorer = JaroWinklerScan(names), LogicV2Rescorer(names)

    def screen(text: str) -> tuple[int, float]:
        candidates = [e for e, _ in scan.match(text, limit=20)]
        tick = time.perf_counter()
        rescorer.score(text, NEGATIVE_SCHEMA, candidates)
        return len(candidates), time.perf_counter() - tick

    def pipeline(text: str) -> object:
        return rescorer.score(text, NEGATIVE_SCHEMA, [e for e, _ in scan.match(text, limit=20)])

    offset = plan.baseline_names * plan.repeats
    for part in _slices(texts[offset:], plan.logic_v2_names, plan.repeats):
        tick = time.perf_counter()
        counts = batch.fork_map(screen, list(part), plan.workers, chunk=5)
        figures.add("lv2_names_per_s", len(part) / (time.perf_counter() - tick))
        # Rescoring time alone, summed over workers: the per-core rate of logic-v2 itself.
        figures.add("lv2_pairs_per_s_core", sum(n for n, _ in counts) / sum(s for _, s in counts))
    p50, p99 = latency(pipeline, texts[-plan.latency // 20 :])
    figures.add("lv2_p50_ms", p50)
    figures.add("lv2_p99_ms", p99)
