"""Queries of concurrent requests matched as one batch.

The engine pays a fixed cost per call (array set-up), small beside a batch of names but most of
a one-name request. Requests that arrive together reach their match step in the same turn of the
event loop; each queues its queries and waits, and the queue is matched once when that turn
ends. A request alone is matched on its own in the next turn, with no timer and no wait."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field

from lookthrough.matching.result import Match
from lookthrough.screening.screener import Key, Screener


@dataclass
class _Waiting:
    screener: Screener
    keys: Sequence[Key]
    answer: asyncio.Future[list[list[Match]]]


@dataclass
class MatchBatcher:
    """Matches what requests queue in one turn of the event loop together, per matcher and
    threshold (requests with other thresholds are matched apart: a threshold decides what the
    engine keeps)."""

    _queue: list[_Waiting] = field(default_factory=list)
    _loop: asyncio.AbstractEventLoop | None = None
    sizes: deque[int] = field(default_factory=lambda: deque(maxlen=1000))
    """Distinct queries per batch, the last thousand batches (what batching achieves under load)."""

    async def prematch(self, screener: Screener, keys: Sequence[Key]) -> None:
        """Match the queries `screener` has not answered yet, batched, and let it remember them."""
        missing = [key for key in dict.fromkeys(keys) if not screener.knows(key)]
        if missing:
            screener.remember(missing, await self.match(screener, missing))

    async def match(self, screener: Screener, keys: Sequence[Key]) -> list[list[Match]]:
        """`screener.match_keys(keys)`, matched with whatever else is queued this turn."""
        loop = asyncio.get_running_loop()
        if loop is not self._loop:  # a loop that stopped before its turn ended left its queue
            self._queue, self._loop = [], loop
        if not self._queue:
            loop.call_soon(self._flush)
        waiting = _Waiting(screener, keys, loop.create_future())
        self._queue.append(waiting)
        return await waiting.answer

    def _flush(self) -> None:
        queue, self._queue = self._queue, []
        groups: dict[tuple[int, float], list[_Waiting]] = {}
        for waiting in queue:
            if not waiting.answer.cancelled():  # a client that went away
                screener = waiting.screener
                groups.setdefault((id(screener.matcher), screener.threshold), []).append(waiting)
        for group in groups.values():
            self._match(group)

    def _match(self, group: list[_Waiting]) -> None:
        unique = list(dict.fromkeys(key for waiting in group for key in waiting.keys))
        try:
            found = dict(zip(unique, group[0].screener.match_keys(unique), strict=True))
        except Exception:  # matched again one by one: the error goes to its own request
            for waiting in group:
                self._alone(waiting)
            return
        self.sizes.append(len(unique))
        for waiting in group:
            waiting.answer.set_result([found[key] for key in waiting.keys])

    @staticmethod
    def _alone(waiting: _Waiting) -> None:
        try:
            waiting.answer.set_result(waiting.screener.match_keys(waiting.keys))
        except Exception as error:  # raised in the request that asked
            waiting.answer.set_exception(error)
