"""Speed on everything loaded: build, memory, cold start, batch throughput, single-query latency."""

from __future__ import annotations

import gc
import json
import multiprocessing
import pickle
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

from bench import batch
from bench.adapter import Lookthrough
from bench.cases import ListedName
from bench.paths import work_dir


@dataclass(frozen=True)
class SpeedPlan:
    """How much to time: the issue's million names, or a few thousand for the smoke run."""

    names: int = 1_000_000
    block: int = 100_000
    repeats: int = 3
    latency: int = 2000
    baseline_names: int = 2000
    logic_v2_names: int = 150
    workers: int = 2
    """logic-v2 has rare queries that take tens of seconds, so the smoke run leaves it out (0 names)."""


FULL = SpeedPlan()
SMOKE = SpeedPlan(names=2000, block=1000, repeats=1, latency=200, baseline_names=200, logic_v2_names=0)


@dataclass
class Figures:
    """Measured figures, each a list of repeats; the report shows medians."""

    values: dict[str, list[float]] = field(default_factory=dict)

    def add(self, key: str, value: float) -> None:
        self.values.setdefault(key, []).append(value)

    def median(self, key: str) -> float:
        return statistics.median(self.values[key]) if self.values.get(key) else float("nan")


def _rss() -> int:
    gc.collect()
    return int(psutil.Process().memory_info().rss)


def _build_probe(names: list[ListedName], algorithm: str, path: str) -> dict[str, float]:
    """In a fresh interpreter: build the screener, measure time and RSS growth, pickle it."""
    before = _rss()
    started = time.perf_counter()
    screener = Lookthrough.build(names, algorithm)
    seconds = time.perf_counter() - started
    after = _rss()
    Path(path).write_bytes(pickle.dumps(screener.matcher, protocol=pickle.HIGHEST_PROTOCOL))
    return {
        "build_s": seconds,
        "rss_mb": (after - before) / 2**20,
        "pickle_mb": Path(path).stat().st_size / 2**20,
    }


COLD_START = """
import json, pickle, sys, time
started = time.perf_counter()
import lookthrough.matching.matcher
imported = time.perf_counter()
with open(sys.argv[1], "rb") as handle:
    pickle.load(handle)
print(json.dumps({"import_s": imported - started, "unpickle_s": time.perf_counter() - imported}))
"""
"""A new interpreter that imports lookthrough and unpickles the index, timing both."""


def cold_start(path: Path) -> dict[str, float]:
    """Import and unpickle times in a brand-new interpreter (nothing imported beforehand)."""
    done = subprocess.run(
        [sys.executable, "-c", COLD_START, str(path)], capture_output=True, text=True, check=True
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _fresh(task: Callable[..., dict[str, float]], *args: Any) -> dict[str, float]:
    """Run a probe in a spawned interpreter, so no cache or arena of this one helps it."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        result: dict[str, float] = pool.apply(task, args)
        return result


def build_and_load(names: list[ListedName], algorithm: str, plan: SpeedPlan, figures: Figures) -> Path:
    """Index build, RSS delta and pickled size, then cold start, each repeated in fresh processes."""
    path = work_dir() / f"index-{algorithm}.pickle"
    for _ in range(plan.repeats):
        for key, value in _fresh(_build_probe, names, algorithm, str(path)).items():
            figures.add(key, value)
        for key, value in cold_start(path).items():
            figures.add(key, value)
    return path


def throughput(screener: Lookthrough, texts: Sequence[str], plan: SpeedPlan, figures: Figures) -> None:
    """Screen all texts in blocks on `plan.workers` cores; each block is new names, never repeats."""
    started = time.perf_counter()
    for start in range(0, len(texts), plan.block):
        block = texts[start : start + plan.block]
        tick = time.perf_counter()
        batch.screen_many(screener, block, plan.workers)
        figures.add("block_names_per_s", len(block) / (time.perf_counter() - tick))
    figures.add("total_s", time.perf_counter() - started)


def latency(match: Callable[[str], object], texts: Sequence[str]) -> tuple[float, float]:
    """p50 and p99 of single-query wall time, in milliseconds."""
    times = []
    for text in texts:
        tick = time.perf_counter()
        match(text)
        times.append((time.perf_counter() - tick) * 1000)
    times.sort()
    return times[len(times) // 2], times[min(len(times) - 1, int(len(times) * 0.99))]
