"""Screen rows in forked worker processes, in input order, a bounded window at a time.

Fork, not spawn: each worker inherits the built index and graph copy-on-write instead of
unpickling its own copy. Only the command line uses this; a server thread must not fork.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

CHUNK = 200
WINDOW = 8
"""Chunks in flight per worker: enough to keep workers busy, few enough to bound memory."""
AUTO_MIN_ROWS = 2_000
"""Below this many rows, starting workers costs more than it saves."""

_task: Callable[[Any], Any] | None = None


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def choose_workers(requested: int, rows: int | None) -> int:
    """`requested` processes, or for 0 one per core when the table is large enough."""
    if not can_fork():
        return 1
    if requested > 0:
        return requested
    if rows is not None and rows < AUTO_MIN_ROWS:
        return 1
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def _run(chunk: list[Any]) -> list[Any]:
    assert _task is not None
    return [_task(item) for item in chunk]


def ordered_map(
    task: Callable[[Item], Result], items: Iterable[Item], workers: int, chunk: int = CHUNK
) -> Iterator[Result]:
    """`task(item)` for every item, in order, across `workers` forked processes, `chunk` items
    sent to a worker at a time."""
    global _task
    if workers <= 1:
        yield from map(task, items)
        return
    _task = task
    source = iter(items)
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        while True:
            window = _window(source, workers, chunk)
            if not window:
                break
            for part in pool.imap(_run, window):
                yield from part


def _window(source: Iterator[Item], workers: int, size: int) -> list[list[Item]]:
    chunks = []
    for _ in range(workers * WINDOW):
        chunk = list(islice(source, size))
        if not chunk:
            break
        chunks.append(chunk)
    return chunks
