"""Output writers' peak memory and time as rows grow: XLSX (write-only), the HTML report, CSV (issue 16).

Each run is a fresh process writing N synthetic result rows (one in 20 a hit: half listed, half an
OFAC 50% hit with two owners and their stakes) to a temporary file; it reports the peak resident
memory above what the process held before writing, and the time. Flat memory means the writer
streams: the peak should not grow with N.

    .venv/bin/python -m bench.outputs --rows 50000 200000 --repeat 3
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

FORMATS = ("xlsx", "html", "csv")
COLUMNS = ["holding", "isin", "market_value", "portfolio"]


def rows(count: int) -> Iterator[object]:
    from lookthrough.catalog import Listing, Source
    from lookthrough.graph import Aggregate, Outcome, Stake
    from lookthrough.model import Evidence
    from lookthrough.screening.result import Hit, ListEntry, RowResult, Status, Step

    source = Source("OFAC SDN list, entry 1", Evidence.OFFICIAL, "us_ofac_sdn", "snap-1")
    entry = ListEntry.of(Listing("OFAC SDN", "RUSSIA-EO14024", "OFAC", "2022-04-06", source))
    stakes = [Stake("E", "Northwind", o, o, o, p, "owned by", "listed", True, f"filing {o}", "company filing")
              for o, p in (("X", 30.0), ("Y", 25.0))]  # fmt: skip
    aggregate = Aggregate(55.0, 55.0, 55.0, 50.0, Outcome.MET, "blocked", node="E", stakes=stakes)
    listed = Hit("X", "Volkov Holdings", 0.97, "Volkov Holdings", "name_v1", "listed", [entry],
                 [Step("X", "Volkov Holdings", "identical", None, "entry 1")], ["entry 1"])  # fmt: skip
    path = [Step("E", "Northwind", "matched", None, "register"),
            Step("X", "Volkov Holdings", "owned by", 30.0, "filing X")]  # fmt: skip
    owned = Hit("X", "Volkov Holdings", 0.93, "Northwind", "name_v1", "ofac_50", [entry], path, ["filing X"],
                aggregate=aggregate, aggregate_percent=55.0)  # fmt: skip
    for number in range(1, count + 1):
        value = f"{number * 13 % 100000}.50"
        fields = {"holding": f"Company {number} Ltd", "isin": f"XS{number:010d}", "market_value": value,
                  "portfolio": f"Fund {number % 40}"}  # fmt: skip
        hits = [listed if number % 40 == 0 else owned] if number % 20 == 0 else []
        yield RowResult(number, number + 1, fields, Status.HIT if hits else Status.CLEAR, hits)


def measure(fmt: str, count: int) -> dict[str, float]:
    """Write `count` rows in `fmt` in this process; peak memory above the start, and seconds."""
    from contextlib import ExitStack

    from lookthrough.report import ListInfo  # noqa: F401  (imports done before the baseline)
    from lookthrough.screening.output import Output, write_output
    from lookthrough.screening.xlsx import write_xlsx  # noqa: F401

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with tempfile.TemporaryDirectory() as folder, ExitStack() as stack:
        output = Output(fmt, Path(folder) / f"out.{fmt}", "bench.csv", COLUMNS, "market_value", ["portfolio"])
        start = time.perf_counter()
        for _ in write_output(rows(count), output, stack):
            pass
        stack.close()
        seconds = time.perf_counter() - start
        size = output.path.stat().st_size if output.path else 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"peak_mb": (peak - before) / 1024, "seconds": seconds, "file_mb": size / 2**20}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[50_000, 200_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--one", nargs=2, metavar=("FORMAT", "ROWS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one[0], int(args.one[1]))))
        return
    print("| format | rows | peak memory above start (MB, median) | seconds (median) | file (MB) |")
    print("|---|---:|---:|---:|---:|")
    for fmt in FORMATS:
        for count in args.rows:
            command = [sys.executable, "-m", "bench.outputs", "--one", fmt, str(count)]
            runs = [json.loads(subprocess.check_output(command)) for _ in range(args.repeat)]
            peak = statistics.median(r["peak_mb"] for r in runs)
            seconds = statistics.median(r["seconds"] for r in runs)
            size = runs[0]["file_mb"]
            print(f"| {fmt} | {count:,} | {peak:.1f} | {seconds:.1f} | {size:.1f} |", flush=True)


if __name__ == "__main__":
    main()
