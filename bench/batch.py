"""Screen many names on several cores: forked workers share the built screener copy-on-write."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from typing import Any

from bench.adapter import Ranked, Screener

CHUNK = 250
_screener: Screener | None = None
_limit = 5
_task: Callable[[Any], Any] | None = None


def _screen(chunk: Sequence[str]) -> list[Ranked]:
    assert _screener is not None
    return [_screener.match(text, _limit) for text in chunk]


def screen_many(screener: Screener, texts: Sequence[str], workers: int = 2, limit: int = 5) -> list[Ranked]:
    """Ranked matches for every text, in order; `workers` forked processes when above one."""
    global _screener, _limit
    _screener, _limit = screener, limit
    chunks = [texts[i : i + CHUNK] for i in range(0, len(texts), CHUNK)]
    if workers <= 1:
        return [r for chunk in chunks for r in _screen(chunk)]
    # fork, not spawn: the workers inherit the built index instead of unpickling a copy each.
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return [r for part in pool.imap(_screen, chunks) for r in part]


def _run(chunk: Sequence[Any]) -> list[Any]:
    assert _task is not None
    return [_task(item) for item in chunk]


def fork_map(
    task: Callable[[Any], Any], items: Sequence[Any], workers: int = 2, chunk: int = 50
) -> list[Any]:
    """`task` over `items` in forked workers, in order; the task may be a closure (it is never pickled)."""
    global _task
    _task = task
    chunks = [items[i : i + chunk] for i in range(0, len(items), chunk)]
    if workers <= 1:
        return [r for part in chunks for r in _run(part)]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return [r for part in pool.imap(_run, chunks) for r in part]
