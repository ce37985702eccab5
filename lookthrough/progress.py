"""A progress bar on stderr that only appears when a run lasts more than about a second."""

from __future__ import annotations

import time
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeRemainingColumn

DELAY = 1.0


class LazyProgress:
    """Counts work; shows a rich bar once `DELAY` seconds have passed."""

    def __init__(self, description: str, total: int | None, *, enabled: bool = True) -> None:
        self.description = description
        self.total = total
        self.enabled = enabled
        self.done = 0
        self.started = time.monotonic()
        self.bar: Progress | None = None
        self.task: TaskID | None = None

    def __enter__(self) -> LazyProgress:
        return self

    def tick(self, count: int = 1) -> None:
        self.done += count
        if self.bar is None:
            if not self.enabled or time.monotonic() - self.started < DELAY:
                return
            self.bar = Progress(
                TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                console=Console(stderr=True), transient=True,
            )  # fmt: skip
            self.bar.start()
            self.task = self.bar.add_task(self.description, total=self.total, completed=self.done)
        elif self.task is not None and self.done % 200 == 0:
            self.bar.update(self.task, completed=self.done)

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self.bar is not None:
            self.bar.stop()
