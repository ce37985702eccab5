"""Time `lookthrough update --from` on a generated GLEIF golden copy, with peak and sampled memory.

    python -m bench.gleif_load --leis 3000000 --relations 500000

Generates the files (bench.gleif_generate) unless they exist, then loads the LEI file and the
relationship file into a fresh DuckDB store through the CLI, each in its own process, sampling
that process's resident memory every second. Writes bench/RESULTS-lists.md.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

import psutil

from bench.gleif_generate import generate

RESULTS = Path(__file__).with_name("RESULTS-lists.md")


def run(command: list[str]) -> tuple[float, float, list[float], str]:
    """Wall seconds, CPU seconds, memory samples (MB, one a second) and output of one command."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    watched = psutil.Process(process.pid)
    samples: list[float] = []
    cpu = 0.0
    while process.poll() is None:
        try:
            samples.append(watched.memory_info().rss / 1e6)
            times = watched.cpu_times()
            cpu = times.user + times.system
        except psutil.NoSuchProcess:
            break
        time.sleep(1)
    output = process.stdout.read() if process.stdout else ""
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{output}")
    return time.perf_counter() - start, cpu, samples, output


def profile(samples: list[float]) -> str:
    """Memory at 10%, 50% and 90% of the run, and the peak: flat memory keeps these close."""
    if not samples:
        return "-"
    at = [samples[min(len(samples) - 1, int(len(samples) * f))] for f in (0.1, 0.5, 0.9)]
    return f"{at[0]:.0f} / {at[1]:.0f} / {at[2]:.0f} MB, peak {max(samples):.0f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--leis", type=int, default=3_000_000)
    parser.add_argument("--relations", type=int, default=500_000)
    parser.add_argument("--out", type=Path, default=Path("bench/output/gleif"))
    args = parser.parse_args()
    lei_path, rr_path = args.out / "lei2-golden-copy.csv", args.out / "rr-golden-copy.csv"
    if not (lei_path.exists() and rr_path.exists()):
        generate(args.out, args.leis, args.relations)
    db = args.out / "gleif.duckdb"
    db.unlink(missing_ok=True)
    cli = [str(Path(sys.executable).with_name("lookthrough"))]
    rows = []
    for label, path in (("LEI records", lei_path), ("relationship records", rr_path)):
        seconds, cpu, samples, output = run([*cli, "update", "--from", str(path), "--db", str(db)])
        tally = "; ".join(x.strip() for x in output.strip().splitlines()[1:3])
        rows.append((label, path.stat().st_size / 1e6, seconds, cpu, profile(samples), tally))
    lines = [
        "# GLEIF golden copy: load into the store",
        "",
        f"Command: `python -m bench.gleif_load --leis {args.leis} --relations {args.relations}` "
        f"({os.cpu_count()} cores; each load is `lookthrough update --from FILE` in its own process).",
        "",
        "| file | size | load time (wall) | CPU time | memory at 10% / 50% / 90% of the run | tally |",
        "|---|---|---|---|---|---|",
    ]
    lines += [
        f"| {label} | {size:.0f} MB | {secs / 60:.1f} min ({secs:.0f} s) | {cpu:.0f} s | {mem} | {tally} |"
        for label, size, secs, cpu, mem, tally in rows
    ]
    lines += [
        "",
        f"Total: {sum(r[2] for r in rows) / 60:.1f} min for {args.leis:,} LEIs "
        f"and {args.relations:,} relationships.",
        "",
        "Building the in-memory index and screening over these parties is the lead's part (catalog rewrite); "
        "not measured here.",
    ]
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
