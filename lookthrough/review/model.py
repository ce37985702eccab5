"""The review workflow's records: runs, the hits they raised, and decisions on them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class Verdict(StrEnum):
    """What a reviewer decided about a hit."""

    MATCH = "match"
    FALSE_POSITIVE = "false_positive"
    ESCALATE = "escalate"


class State(StrEnum):
    """Where a hit stands, derived from the decision log, never stored."""

    OPEN = "open"
    """Nobody has decided on it yet."""
    ESCALATED = "escalated"
    """Referred upwards; stays in the queue until someone decides match or false positive."""
    DECIDED = "decided"
    """Decided, and the listed entry behind it has not changed since."""
    REOPENED = "reopened"
    """Decided once, but the listed entry changed since; back in the queue with what changed."""


class RunStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


@dataclass(slots=True)
class Run:
    """One screening of one uploaded file; its hits are the run's case list."""

    id: str
    filename: str
    name_column: str
    id_columns: list[str]
    input_format: str | None
    threshold: float | None
    created_at: datetime
    created_by: str
    previous_run: str | None
    snapshots: list[str]
    status: RunStatus
    rows_total: int | None = None
    rows_done: int = 0
    tally: dict[str, int] = field(default_factory=dict)
    error: str | None = None
    finished_at: datetime | None = None

    @property
    def progress(self) -> float | None:
        """Share of rows screened, when the total is known."""
        if self.status is RunStatus.DONE:
            return 1.0
        return min(self.rows_done / self.rows_total, 1.0) if self.rows_total else None


@dataclass(slots=True)
class Decision:
    """One entry of the audit log: who decided what about a hit, when and why."""

    id: str
    hit_key: str
    run_id: str
    entity_id: str
    fingerprint: str
    content: dict[str, list[str]]
    verdict: Verdict
    reviewer: str
    reason: str
    decided_at: datetime


@dataclass(slots=True)
class Case:
    """A hit of a run, with the state the decision log gives it."""

    run_id: str
    hit_key: str
    row: int
    line: int
    query: str
    entity_id: str
    name: str
    score: float
    rule: str
    fingerprint: str
    content: dict[str, list[str]]
    hit: dict[str, Any]
    state: State = State.OPEN
    latest: Decision | None = None
    changes: list[str] = field(default_factory=list)
    """For a reopened hit: what changed in the listed entry since the decision."""

    @property
    def in_queue(self) -> bool:
        return self.state is not State.DECIDED
