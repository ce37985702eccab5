"""Speed on everything loaded, as a user meets it: build, cold start, a file of names screened
end to end by the command line (workers, output, memory), single-query latency, long input."""

from __future__ import annotations

import csv
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bench import process
from bench.paths import work_dir


@dataclass(frozen=True)
class SpeedPlan:
    """How much to time: the issue's million names, or a few thousand for the smoke run."""

    names: int = 1_000_000
    small: int = 100_000
    """A second, smaller file: memory must not grow with the number of rows."""
    repeats: int = 3
    latency: int = 2000
    baseline_names: int = 2000
    logic_v2_names: int = 150
    v1_names: int = 20_000
    """name_v1 screens this many of the same names (it is too slow for a million)."""
    workers: int = 2
    """logic-v2 has rare queries that take tens of seconds, so the smoke run leaves it out (0 names)."""


FULL = SpeedPlan()
SMOKE = SpeedPlan(
    names=4000, small=2000, repeats=1, latency=200, baseline_names=200, logic_v2_names=0, v1_names=500
)


@dataclass
class Figures:
    """Measured figures, each a list of repeats; the report shows medians."""

    values: dict[str, list[float]] = field(default_factory=dict)

    def add(self, key: str, value: float) -> None:
        self.values.setdefault(key, []).append(value)

    def median(self, key: str) -> float:
        return statistics.median(self.values[key]) if self.values.get(key) else float("nan")


BUILD = """
import json, sys, time, psutil
from lookthrough.workspace import Workspace
process = psutil.Process()
before = process.memory_info().rss
started = time.perf_counter()
workspace = Workspace(sys.argv[1], algorithm=sys.argv[2])
matcher = workspace.load_or_build()
print(json.dumps({"build_s": time.perf_counter() - started,
                  "rss_mb": (process.memory_info().rss - before) / 2**20}))
"""
"""A new interpreter that builds (and saves) the catalog and index of a database."""

COLD = """
import json, sys, time
started = time.perf_counter()
from lookthrough.workspace import Workspace
matcher = Workspace(sys.argv[1], algorithm=sys.argv[2]).load_or_build()
opened = time.perf_counter()
matcher.match("Hangzhou Hikvision Digital Technology")
print(json.dumps({"open_s": opened - started, "first_query_s": time.perf_counter() - opened}))
"""
"""A new interpreter that maps a saved model in and answers one query."""


def _python(script: str, *args: str) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def model_size_mb(db: Path) -> float:
    folder = Path(str(db) + ".cache")
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


def build_and_open(db: Path, algorithm: str, plan: SpeedPlan, figures: Figures, prefix: str = "") -> None:
    """Build in a fresh process (the saved model removed first), then map it in fresh processes."""
    for _ in range(plan.repeats):
        _forget_model(db)
        for key, value in _python(BUILD, str(db), algorithm).items():
            figures.add(prefix + key, value)
        for key, value in _python(COLD, str(db), algorithm).items():
            figures.add(prefix + key, value)
    figures.add(prefix + "model_mb", model_size_mb(db))


def _forget_model(db: Path) -> None:
    import shutil

    shutil.rmtree(Path(str(db) + ".cache"), ignore_errors=True)


def write_names(texts: Sequence[str], path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["name"])
        out.writerows([t] for t in texts)
    return path


def screen_file(db: Path, names: Path, workers: int, algorithm: str) -> process.Watched:
    """`lookthrough screen` of a whole file to JSON lines, as a user runs it."""
    output = names.with_suffix(".jsonl")
    watched = process.lookthrough(
        "screen", str(names), "--name-column", "name", "--workers", str(workers), "--output", str(output),
        db=db, env={"LOOKTHROUGH_ALGORITHM": algorithm},
    )  # fmt: skip
    output.unlink(missing_ok=True)
    return watched


def throughput(db: Path, texts: Sequence[str], plan: SpeedPlan, figures: Figures) -> None:
    """Names per second and peak memory of `screen` on every name, then on a tenth of them (the
    memory of the two runs shows whether it grows with the rows), and name_v1 on a subset."""
    folder = work_dir("speed")
    for _ in range(plan.repeats):
        run = screen_file(db, write_names(texts, folder / "names.csv"), plan.workers, "name_v2")
        figures.add("batch_names_per_s", len(texts) / run.seconds)
        figures.add("peak_rss_mb", run.peak_rss_mb)
    small = screen_file(db, write_names(texts[: plan.small], folder / "small.csv"), plan.workers, "name_v2")
    figures.add("peak_rss_small_mb", small.peak_rss_mb)
    one = screen_file(db, write_names(texts[:1], folder / "one.csv"), 1, "name_v2")
    figures.add("one_row_s", one.seconds)
    subset = write_names(texts[: plan.v1_names], folder / "subset.csv")
    for algorithm, key in (("name_v2", "subset_names_per_s"), ("name_v1", "v1_names_per_s")):
        screen_file(db, write_names(texts[:10], folder / "warm.csv"), 1, algorithm)  # build its index
        run = screen_file(db, subset, plan.workers, algorithm)
        figures.add(key, plan.v1_names / run.seconds)


def latency(match: Callable[[str], object], texts: Sequence[str]) -> tuple[float, float]:
    """p50 and p99 of single-query wall time, in milliseconds."""
    times = []
    for text in texts:
        tick = time.perf_counter()
        match(text)
        times.append((time.perf_counter() - tick) * 1000)
    times.sort()
    return times[len(times) // 2], times[min(len(times) - 1, int(len(times) * 0.99))]


def long_input_ms(match: Callable[[str], object]) -> float:
    """One query of a million characters (words and one endless word), in milliseconds."""
    text = "Hangzhou Hikvision Digital Technology " * 20_000 + "x" * 200_000
    tick = time.perf_counter()
    match(text[:1_000_000])
    return (time.perf_counter() - tick) * 1000
