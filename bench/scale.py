"""Scale (issue 10): a 2,000,000-name FtM list loaded, indexed and screened as a user would.

    python -m bench.scale                # the issue's 2,000,000 names; writes bench/RESULTS-scale.md
    python -m bench.scale --names 5000   # a quick run (not written to the results)

Writes the list (bench.ftm_generate), loads it with `lookthrough update --from` into a fresh
DuckDB, builds the model with `Workspace.load_or_build()` in a fresh process, screens one row
with `lookthrough screen` in fresh processes, and times 2,000 single queries in one process.
Every command runs in its own interpreter, watched for wall time and the peak memory of its
process tree (bench.process).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bench import process
from bench.ftm_generate import Written, default_pools, generate, sample_path
from bench.ftm_pools import Pools
from bench.million import _variant
from bench.negatives import vendors
from bench.paths import work_dir
from bench.scale_stats import NameStats, name_stats
from bench.speed import model_size_mb, write_names

RESULTS = Path(__file__).with_name("RESULTS-scale.md")


@dataclass(frozen=True)
class ScalePlan:
    """How big: the issue's two million names, or a few thousand for the smoke run."""

    names: int = 2_000_000
    queries: int = 2000
    repeats: int = 3
    """Cold starts and builds are repeated this many times where affordable (medians reported)."""
    build_repeats: int = 1
    seed: int = 10


SMOKE = ScalePlan(names=5000, queries=100, repeats=1)

BUILD = """
import json, sys, time, psutil
from lookthrough.workspace import Workspace
process = psutil.Process()
before = process.memory_info().rss
started = time.perf_counter()
Workspace(sys.argv[1], algorithm="name_v2").load_or_build()
print(json.dumps({"build_s": time.perf_counter() - started,
                  "rss_delta_mb": (process.memory_info().rss - before) / 2**20}))
"""
"""A new interpreter that builds (and saves) the catalog and index of a database."""

LATENCY = """
import json, sys, time, psutil
started = time.perf_counter()
from lookthrough.workspace import Workspace
matcher = Workspace(sys.argv[1], algorithm="name_v2").load_or_build()
opened = time.perf_counter() - started
mapped = psutil.Process().memory_info().rss
queries = json.load(open(sys.argv[2], encoding="utf-8"))
times, hits = [], 0
for text in queries:
    tick = time.perf_counter()
    found = matcher.match(text)
    times.append((time.perf_counter() - tick) * 1000)
    hits += bool(found) and found[0].score >= matcher.threshold
times.sort()
print(json.dumps({"open_s": opened, "p50_ms": times[len(times) // 2],
                  "p99_ms": times[min(len(times) - 1, int(len(times) * 0.99))], "max_ms": times[-1],
                  "hits": hits, "rss_open_mb": mapped / 2**20,
                  "rss_after_mb": psutil.Process().memory_info().rss / 2**20}))
"""
"""A new interpreter that maps the saved model in and answers single queries one by one."""


@dataclass
class ScaleFigures:
    """Measured figures, each a list of repeats."""

    values: dict[str, list[float]] = field(default_factory=dict)
    written: Written | None = None
    generated: NameStats | None = None
    real: NameStats | None = None
    list_mb: float = 0.0
    load_output: str = ""

    def add(self, key: str, value: float) -> None:
        self.values.setdefault(key, []).append(value)

    def median(self, key: str) -> float:
        return statistics.median(self.values[key]) if self.values.get(key) else float("nan")


def _python(script: str, *args: str) -> tuple[dict[str, float], process.Watched]:
    watched = process.watch([sys.executable, "-c", script, *args])
    result: dict[str, float] = json.loads(watched.output.strip().splitlines()[-1])
    return result, watched


def queries(sample: list[str], count: int, seed: int) -> list[str]:
    """Names a user screens: listed names as they are (a quarter), listed names with one to
    three real-world edits (a half), and IEEE registrants' names (a quarter, mostly unlisted)."""
    rng = random.Random(seed)
    listed = rng.sample(sample, min(len(sample), count))
    others = vendors()
    found = []
    for k in range(count):
        base = listed[k % len(listed)]
        if k % 4 == 0:
            found.append(base)
        elif k % 4 == 3:
            found.append(rng.choice(others))
        else:
            found.append(_variant(base, rng))
    return found


def real_stats(pools: Pools) -> NameStats:
    """The shared lists' parties, with IEEE registrants in the share the generator gives them."""
    from bench.ftm_generate import VENDOR_SHARE

    listed = [[text for _, text in t.names] for t in pools.templates]
    count = round(len(listed) * VENDOR_SHARE / (1 - VENDOR_SHARE))
    picked = random.Random(0).sample(pools.vendors, min(count, len(pools.vendors)))
    return name_stats(listed + [[text for _, text in t.names] for t in picked])


def forget(db: Path) -> None:
    for path in (db, db.with_name(db.name + ".wal")):
        path.unlink(missing_ok=True)
    shutil.rmtree(db.with_name(db.name + ".cache"), ignore_errors=True)


def run(plan: ScalePlan, folder: Path, pools: Pools | None = None) -> ScaleFigures:
    """Generate, load, build, cold-start and query at the plan's size, in `folder`."""
    figures = ScaleFigures()
    pools = pools or default_pools()
    figures.real = real_stats(pools)
    listed = folder / "scale_list.ftm.json"
    figures.written = generate(listed, plan.names, pools, plan.seed, keep_names=True)
    figures.generated = name_stats(figures.written.by_party)
    figures.written.by_party = []
    figures.list_mb = listed.stat().st_size / 2**20
    db = folder / "scale.duckdb"
    forget(db)
    load = process.lookthrough("update", "--from", str(listed), db=db)
    figures.load_output = load.output
    figures.add("load_s", load.seconds)
    figures.add("load_peak_mb", load.peak_rss_mb)
    for _ in range(plan.build_repeats):
        shutil.rmtree(db.with_name(db.name + ".cache"), ignore_errors=True)
        built, watched = _python(BUILD, str(db))
        figures.add("build_s", built["build_s"])
        figures.add("build_rss_delta_mb", built["rss_delta_mb"])
        figures.add("build_peak_mb", watched.peak_rss_mb)
    figures.add("model_mb", model_size_mb(db))
    one = write_names(queries(sample_path(listed).read_text("utf-8").split("\n")[:1], 1, plan.seed),
                      folder / "one.csv")  # fmt: skip
    for _ in range(plan.repeats):
        screened = process.lookthrough("screen", str(one), "--name-column", "name", "--format", "jsonl",
                                       db=db)  # fmt: skip
        figures.add("one_row_s", screened.seconds)
        figures.add("one_row_peak_mb", screened.peak_rss_mb)
    sample = [n for n in sample_path(listed).read_text("utf-8").split("\n") if n]
    names = folder / "queries.json"
    names.write_text(json.dumps(queries(sample, plan.queries, plan.seed)), "utf-8")
    timed, _watched = _python(LATENCY, str(db), str(names))
    for key, value in timed.items():
        figures.add(key, value)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--names", type=int, default=ScalePlan.names)
    parser.add_argument("--queries", type=int, default=ScalePlan.queries)
    parser.add_argument("--repeats", type=int, default=ScalePlan.repeats)
    parser.add_argument("--build-repeats", type=int, default=ScalePlan.build_repeats)
    args = parser.parse_args()
    plan = ScalePlan(args.names, args.queries, args.repeats, args.build_repeats)
    before = os.getloadavg()
    figures = run(plan, work_dir("scale"))
    from bench.scale_report import report

    text = report(plan, figures, before, os.getloadavg())
    print(text)
    if plan.names == ScalePlan.names:
        RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
