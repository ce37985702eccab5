"""CPU time of the match step per query, by how many queries go to the engine at once.

    PYTHONPATH=. .venv/bin/python -m bench.match_batch --lists ../shared/data

What the server's batching of concurrent /match requests saves (lookthrough/api/batching.py):
the 20 names of `bench.api_load`, matched as the server matches them (`Screener.match_keys`) in
batches of 1, 2, 5, 10 and 20, median CPU time per query over the rounds. Without `--lists`,
the built-in data only."""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from bench.api_load import NAMES, prepare
from lookthrough.workspace import Workspace

SIZES = (1, 2, 5, 10, 20)


def per_query(screener: object, size: int, rounds: int, passes: int) -> float:
    """Median CPU milliseconds per query, matching the names `size` at a time."""
    keys = [(name, (), ()) for name in NAMES]
    costs = []
    for _ in range(rounds):
        start = time.process_time()
        for _ in range(passes):
            for first in range(0, len(keys), size):
                screener.match_keys(keys[first : first + size])  # type: ignore[attr-defined]
        costs.append((time.process_time() - start) / (passes * len(keys)) * 1000)
    return statistics.median(costs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--lists", type=Path, help="also load the official lists as bench.api_load does")
    parser.add_argument("--rounds", type=int, default=7, help="timed rounds; the median is reported")
    parser.add_argument("--passes", type=int, default=10, help="passes over the 20 names per round")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="lookthrough-match-batch-"))
    db = str(folder / "bench.duckdb")
    prepare(db, args.lists or folder)
    workspace = Workspace(db)
    try:
        screener = workspace.screener()
        per_query(screener, len(NAMES), 1, 1)  # builds the index's caches before timing
        single = per_query(screener, 1, args.rounds, args.passes)
        print("queries per engine call | CPU per query (median) | against one at a time")
        for size in SIZES:
            cost = single if size == 1 else per_query(screener, size, args.rounds, args.passes)
            print(f"{size} | {cost:.3f} ms | {cost / single:.2f}")
    finally:
        workspace.close()


if __name__ == "__main__":
    main()
