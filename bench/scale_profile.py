"""Where a model build spends its time and memory, phase by phase, through the public interfaces
`Workspace.load_or_build()` calls (store rows, catalog builder and tables, name entries, name
analysis, index arrays, saving).

    python -m bench.scale_profile bench/output/scale/scale.duckdb

Each phase's wall and CPU time and the process's RSS after it; the peak RSS of the process at
the end. Analysis is timed on its own (`collect`) and again inside `build_index`, so the index
arrays' share is the difference.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psutil

from lookthrough.catalog import Catalog
from lookthrough.catalog.builder import CatalogBuilder
from lookthrough.catalog.tables import build_tables
from lookthrough.matching.engine.build import build_index, collect
from lookthrough.store import open_store

Phase = tuple[str, float, float, float]
"""(name, wall seconds, CPU seconds, RSS after in MB)."""


def _timed(phases: list[Phase], name: str, work: Callable[[], Any]) -> Any:
    process = psutil.Process()
    cpu, wall = time.process_time(), time.perf_counter()
    result = work()
    phases.append((name, time.perf_counter() - wall, time.process_time() - cpu,
                   process.memory_info().rss / 2**20))  # fmt: skip
    return result


class _Counted:
    """Rows passed through as they come, counted."""

    def __init__(self, rows: Iterator[tuple[Any, ...]]) -> None:
        self.rows, self.count = rows, 0

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        for row in self.rows:
            self.count += 1
            yield row


def profile(db: Path) -> tuple[list[Phase], float, dict[str, int]]:
    """Phases of a build of `db`'s current snapshots, the peak RSS (MB) and the sizes seen."""
    phases: list[Phase] = []
    store = open_store(str(db))
    builder = CatalogBuilder()
    counted = _Counted(store.current_statement_rows())
    _timed(phases, "catalog: read statement rows, group them into columns", lambda: builder.add_rows(counted))
    sizes = {"statements": counted.count}
    tables = _timed(phases, "catalog: tables (Arrow, CSR, clusters)", lambda: build_tables(builder.finish()))
    catalog = Catalog(tables, store.fingerprint())
    entries = _timed(phases, "index: name entries from the catalog", lambda: list(catalog.names()))
    sizes |= {"parties": len(catalog), "names": len(entries)}
    found = _timed(phases, "index: analyse names (collect)", lambda: collect(entries))
    sizes |= {"index names": len(found.texts), "words": len(found.words)}
    del found
    data = _timed(phases, "index: build_index (analysis again + arrays)", lambda: build_index(entries))
    folder = Path(tempfile.mkdtemp(prefix="scale-profile-"))
    try:
        _timed(
            phases,
            "save catalog + index",
            lambda: (catalog.save(folder / "catalog"), data.save(folder / "names")),
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    store.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return phases, peak, sizes


def table(phases: list[Phase], peak: float, sizes: dict[str, int]) -> str:
    lines = ["| phase | wall | CPU | RSS after |", "|---|---|---|---|"]
    lines += [f"| {name} | {wall:.1f} s | {cpu:.1f} s | {rss:,.0f} MB |" for name, wall, cpu, rss in phases]
    lines += ["", f"Peak RSS {peak:,.0f} MB; " + ", ".join(f"{k} {v:,}" for k, v in sizes.items()) + "."]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("db", type=Path)
    args = parser.parse_args()
    print(table(*profile(args.db)))


if __name__ == "__main__":
    main()
