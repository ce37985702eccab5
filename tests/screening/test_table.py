"""Screening a table: results stream as rows are read, a long name is cut and says so, and the
output is the same byte for byte whatever the hash seed or number of workers."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from lookthrough.screening.reader import InputRow, Table
from lookthrough.screening.screener import Screener, Tally
from lookthrough.screening.table import BATCH, screen_table
from lookthrough.workspace import Workspace


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Workspace(":memory:").screener()


def test_results_stream_while_the_table_is_still_being_read(screener: Screener) -> None:
    read = 0

    def rows() -> Iterator[InputRow]:
        nonlocal read
        for number in range(1, 10 * BATCH + 1):
            read += 1
            yield InputRow(
                number,
                number + 1,
                {"name": "Hangzhou Hikvision Digital Technology" if number % 7 else "Sony"},
            )

    results = screen_table(screener, Table(Path("rows.csv"), "csv", ["name"], rows()), "name", [], Tally())
    first = next(results)
    assert first.status.value == "hit" and read <= BATCH
    assert sum(1 for _ in results) == 10 * BATCH - 1


def test_a_megabyte_name_is_screened_on_its_first_512_characters_and_says_so(screener: Screener) -> None:
    name = "Hangzhou Hikvision Digital Technology " + "x" * 1_000_000  # junk: not a hit, but no hang
    rows = iter([InputRow(1, 2, {"name": name})])
    started = time.perf_counter()
    [result] = screen_table(screener, Table(Path("long.csv"), "csv", ["name"], rows), "name", [], Tally())
    assert time.perf_counter() - started < 1.0  # 100 ms on a quiet machine (bench/RESULTS.md)
    assert result.status.value == "clear"
    assert result.warnings == [
        "line 2, field 'name': name longer than 512 characters: matched on its first 512"
    ]


def screen_output(folder: Path, seed: str, workers: str, names: Path, db: Path) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed, "LOOKTHROUGH_DB": str(db)}
    done = subprocess.run(
        [sys.executable, "-m", "lookthrough", "screen", str(names), "-n", "name", "--workers", workers,
         "-o", str(folder / f"out-{seed}-{workers}.jsonl")],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return (folder / f"out-{seed}-{workers}.jsonl").read_bytes()


@pytest.mark.slow
def test_the_same_input_gives_the_same_bytes_whatever_the_seed_or_workers(
    tmp_path: Path, shared_data: Path
) -> None:
    from lookthrough.sources.load import load_path

    db = tmp_path / "lists.duckdb"
    workspace = Workspace(str(db))
    load_path(workspace.store, shared_data / "ofac" / "non_sdn_consolidated_2025-12", origin="test")
    workspace.close()
    primary = shared_data / "ofac" / "non_sdn_consolidated_2025-12" / "cons_prim.csv"
    lines = primary.read_text(encoding="latin-1").splitlines()
    listed = [line.split(",")[1].strip('"') for line in lines if line.count(",") > 2]
    names = tmp_path / "names.csv"
    edits = [
        lambda n: n,
        lambda n: n[:-2],
        lambda n: n.replace("A", "E"),
        lambda n: " ".join(n.split()[::-1]),
    ]
    rows = [edit(name) for edit in edits for name in listed[:900]]
    names.write_text("name\n" + "\n".join(f'"{r}"' for r in rows) + "\n", encoding="utf-8")
    first = screen_output(tmp_path, "1", "1", names, db)
    assert first.count(b'"status":"hit"') > 500
    assert screen_output(tmp_path, "2", "1", names, db) == first
    assert screen_output(tmp_path, "3", "2", names, db) == first
