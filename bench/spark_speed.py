"""python -m bench.spark_speed [--names N] [--repeats R] [--smoke]: Spark local mode on one and
two cores against `lookthrough screen`, the model's shipping, and the DataFrame API; writes
bench/RESULTS-spark.md (the smoke run: bench/output/RESULTS-spark-smoke.md).

Every run is a fresh process, one at a time (the machine's 2 cores are shared). Names are made
as bench.run makes them: every listed name once, then random variants, all distinct.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from bench import process
from bench.lists_db import lists_db
from bench.million import distinct_names
from bench.negatives import vendors
from bench.paths import REPO, WORK, work_dir
from bench.report import refresh_other_benchmarks
from lookthrough.screening.frozen import ScreeningModel

ROW_GROUP = 20_000
"""Row groups of the input file: Spark splits a Parquet file by row group."""


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.spark_speed", description=__doc__)
    parser.add_argument("--names", type=int, default=1_000_000, help="names to screen")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each configuration")
    parser.add_argument("--smoke", action="store_true", help="the consolidated list only, a few names")
    return parser.parse_args(argv)


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def child(*args: str) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-m", "bench.spark_job", *args], capture_output=True, text=True,
                          check=False, cwd=REPO)  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"bench.spark_job {args[0]} failed:\n{done.stderr[-3000:]}")
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def timed_child(*args: str) -> dict[str, float]:
    started = time.perf_counter()
    figures = child(*args)
    figures["wall_s"] = time.perf_counter() - started
    return figures


def differing_rows(one: Path, other: Path) -> int:
    """Rows whose status, hits or scores differ between two outputs (Spark's file order aside)."""
    columns = ["row", "status", "hit_count", "entity_id", "score", "rule", "hits_json"]
    ours = pq.read_table(one, columns=columns).sort_by("row").to_pylist()
    theirs = pq.read_table(other, columns=columns).sort_by("row").to_pylist()
    return sum(a != b for a, b in zip(ours, theirs, strict=True)) + abs(len(ours) - len(theirs))


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    command = "python -m bench.spark_speed " + " ".join(sys.argv[1:] if argv is None else argv)
    folder = work_dir("spark")
    db = lists_db("smoke.duckdb", smoke=True) if args.smoke else lists_db()
    log(f"building the model of {db.name}")
    started = time.perf_counter()
    model = ScreeningModel.build(str(db))
    model.save(folder / "model")
    build_s = time.perf_counter() - started
    bases = [name for _, name, _, _ in model.matcher.catalog.names()] + vendors()
    names = distinct_names(bases, args.names)
    source = folder / "names.parquet"
    pq.write_table(pa.table({"name": names}), source, row_group_size=ROW_GROUP)
    log(f"{len(names):,} names in {source.name}; {args.repeats} runs of each configuration")
    runs: dict[str, list[float]] = {}
    differ: dict[str, list[float]] = {}
    for repeat in range(args.repeats):
        for workers in ("1", "2"):
            log(f"run {repeat + 1}: lookthrough screen --workers {workers}")
            out = folder / f"cli-{workers}.parquet"
            given = ("-n", "name", "-f", "parquet", "-o", str(out), "--workers", workers)
            watched = process.lookthrough("screen", str(source), *given, db=db)
            runs.setdefault(f"cli_{workers}", []).append(watched.seconds)
        for cores in ("1", "2"):
            log(f"run {repeat + 1}: Spark local[{cores}]")
            out = folder / f"spark-{cores}"
            figures = timed_child("spark", f"local[{cores}]", str(source), str(folder / "model"), str(out))
            runs.setdefault(f"spark_{cores}_job", []).append(figures["job_s"])
            runs.setdefault(f"spark_{cores}_wall", []).append(figures["wall_s"])
            differ.setdefault(f"spark_{cores}", []).append(differing_rows(folder / "cli-1.parquet", out))
        differ.setdefault("cli_2", []).append(
            differing_rows(folder / "cli-1.parquet", folder / "cli-2.parquet")
        )
        for workers in ("1", "2"):
            log(f"run {repeat + 1}: screen_frame workers={workers}")
            figures = child("frame", workers, str(source), str(folder / "model"))
            runs.setdefault(f"frame_{workers}", []).append(figures["frame_s"])
        log(f"run {repeat + 1}: shipping the model")
        for key, value in child("ship", "local[2]", str(folder / "model")).items():
            runs.setdefault(f"ship_{key}", []).append(float(value))
        # Written after every round: a round stopped half-way leaves the figures of those before.
        report = write_report(args, command, len(names), build_s, runs, differ, repeat + 1)
        target = WORK / "RESULTS-spark-smoke.md" if args.smoke else REPO / "bench" / "RESULTS-spark.md"
        target.write_text(report, encoding="utf-8")
        log(f"written to {target.relative_to(REPO)} ({repeat + 1} rounds)")
    if not args.smoke:
        refresh_other_benchmarks()  # and copied into bench/RESULTS.md
    return 0


def write_report(
    args: argparse.Namespace,
    command: str,
    count: int,
    build_s: float,
    runs: dict[str, list[float]],
    differ: dict[str, list[float]],
    rounds: int,
) -> str:
    def median(key: str) -> float:
        return statistics.median(runs[key])

    def rate(key: str) -> float:
        return count / median(key)

    def cell(key: str) -> str:
        values = ", ".join(f"{v:.1f}" for v in runs[key])
        return f"{median(key):.1f} s ({values}) | {rate(key):,.0f}"

    rows = [
        ("`lookthrough screen --workers 1` (one core)", "cli_1"),
        ("`lookthrough screen --workers 2`", "cli_2"),
        ("Spark `local[1]`, job", "spark_1_job"),
        ("Spark `local[2]`, job", "spark_2_job"),
        ("Spark `local[1]`, whole process (JVM start included)", "spark_1_wall"),
        ("Spark `local[2]`, whole process (JVM start included)", "spark_2_wall"),
        ("`model.screen_frame(table)`, one process", "frame_1"),
        ("`model.screen_frame(table, workers=2)`", "frame_2"),
    ]
    scaling = median("spark_1_job") / median("spark_2_job")
    per_core = rate("spark_1_job") / rate("cli_1")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    lines = [
        "# Spark and the DataFrame API: speed (issue 15)",
        "",
        "```sh",
        command,
        "```",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on the project's machine: {os.cpu_count()} shared "
        f"cores, Python {sys.version.split()[0]}, PySpark {_pyspark_version()}, Java from Debian. Load "
        f"average when it ended: {load}.",
        "",
        f"- Lists: every shared list (`bench/lists_db.py`{' smoke' if args.smoke else ''}); the model "
        f"was built and saved in {build_s:.1f} s.",
        f"- Input: {count:,} distinct names (every listed name once, then random variants, as "
        f"`bench.run` makes them) in one Parquet file of {ROW_GROUP:,}-row groups. Each configuration "
        f"ran {rounds}× in a fresh process, one at a time; medians, every run in brackets.",
        "- The command line writes Parquet (`--format parquet`) as Spark does; its time is the whole "
        "process. Spark's job time runs from a started session to the written output (row numbering, "
        "shipping, screening, writing); the whole-process time adds the JVM's start.",
        "- Rows whose status, hits or scores differ from `lookthrough screen --workers 1`'s, per round: "
        f"Spark `local[1]` {_counts(differ['spark_1'])}, Spark `local[2]` {_counts(differ['spark_2'])}; "
        f"and the command line's own `--workers 2` {_counts(differ['cli_2'])} (of {count:,} rows).",
        "",
        "| run | median (runs) | names/s |",
        "|---|---|---|",
        *(f"| {label} | {cell(key)} |" for label, key in rows),
        "",
        "| figure | measured | goal |",
        "|---|---|---|",
        f"| Spark `local[2]` ÷ `local[1]` (job) | {scaling:.2f}× | ≥ 1.7× |",
        f"| Spark `local[1]` per core ÷ command line on one core | {per_core:.0%} | ≥ 80% |",
        f"| `screen_frame` one process ÷ command line one process | {rate('frame_1') / rate('cli_1'):.0%} | "
        "100% |",
        f"| `screen_frame` workers=2 ÷ command line workers=2 | {rate('frame_2') / rate('cli_2'):.0%} | "
        "100% |",
        f"| model shipped (addFile + first one-row job − the same job after − mapping in) | "
        f"{median('ship_first_job_s') - median('ship_warm_job_s') - median('ship_open_s'):.2f} s for "
        f"{median('ship_model_mb'):.0f} MB | once per application |",
        f"| model mapped in by a Python worker (open + look-through graph) | {median('ship_open_s'):.2f} s | "
        "once per worker |",
    ]
    lines += ["", "Each round ran every configuration back to back; the ratios within a round:", ""]
    head = "| round | Spark `local[2]` ÷ `local[1]` | Spark `local[1]` ÷ CLI one core | CLI `--workers 2` ÷ "
    lines += [head + "`--workers 1` | `screen_frame` ÷ CLI, one process |", "|---|---|---|---|---|"]
    for i in range(rounds):
        cli_1, cli_2 = runs["cli_1"][i], runs["cli_2"][i]
        spark_1, spark_2, frame_1 = runs["spark_1_job"][i], runs["spark_2_job"][i], runs["frame_1"][i]
        lines.append(f"| {i + 1} | {spark_1 / spark_2:.2f}× | {cli_1 / spark_1:.0%} | {cli_1 / cli_2:.2f}× | "
                     f"{cli_1 / frame_1:.0%} |")  # fmt: skip
    return "\n".join(lines) + "\n"


def _counts(values: list[float]) -> str:
    return ", ".join(f"{v:,.0f}" for v in values)


def _pyspark_version() -> str:
    import pyspark

    return str(pyspark.__version__)


if __name__ == "__main__":
    raise SystemExit(main())
