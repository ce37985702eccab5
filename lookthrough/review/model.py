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
    APPROVE = "approve"
    """A second reviewer confirms a match or false positive (four eyes)."""
    RETURN = "return"
    """A second reviewer sends a match or false positive back for a new decision."""

    @property
    def is_approval(self) -> bool:
        return self in (Verdict.APPROVE, Verdict.RETURN)

    @property
    def is_final(self) -> bool:
        """Match and false positive close a case; under four eyes only once approved."""
        return self in (Verdict.MATCH, Verdict.FALSE_POSITIVE)


class State(StrEnum):
    """Where a hit stands, derived from the decision log, never stored."""

    OPEN = "open"
    """Nobody has decided on it yet."""
    ESCALATED = "escalated"
    """Referred upwards; stays in the queue until someone decides match or false positive."""
    PENDING = "pending"
    """Decided match or false positive, waiting for a second reviewer's approval (four eyes)."""
    RETURNED = "returned"
    """A second reviewer sent the decision back; it needs a new one."""
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
    value_column: str | None = None
    """The column with each row's value (e.g. market value) that the report adds up."""
    group_columns: list[str] = field(default_factory=list)
    """Columns the report breaks exposure down by (e.g. portfolio)."""

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
    role: str | None = None
    """The reviewer's role when they decided."""
    approves: str | None = None
    """For an approval or a return: the id of the decision it judges."""
    needs_approval: bool = False
    """Whether four eyes applied when it was made (the rule then in force, kept with it)."""


@dataclass(slots=True)
class Assignment:
    """Who a case is assigned to; the newest assignment of a case holds."""

    hit_key: str
    assignee: str
    assigned_by: str
    assigned_at: datetime


@dataclass(slots=True)
class Case:
    """A listed party reached from a screened row, across its lists, with the state the log gives it."""

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
    input: dict[str, Any] = field(default_factory=dict)
    """The screened row's fields (ISIN, portfolio, value …)."""
    members: list[dict[str, Any]] = field(default_factory=list)
    """Hits on entries of the same party on other lists, merged into this case."""
    keys: list[str] = field(default_factory=list)
    """The hit keys of every merged entry: decisions made on any of them belong to this case."""
    filename: str = ""
    state: State = State.OPEN
    latest: Decision | None = None
    pending: Decision | None = None
    """The match or false positive waiting for approval, when four eyes applies."""
    assignee: str | None = None
    changes: list[str] = field(default_factory=list)
    """For a reopened hit: what changed in the listed entry since the decision."""

    @property
    def in_queue(self) -> bool:
        return self.state is not State.DECIDED

    @property
    def hits(self) -> list[dict[str, Any]]:
        """The hit and those merged into it, one per entry of the party."""
        return [self.hit, *self.members]

    @property
    def lists(self) -> list[str]:
        """Every list the party is on, across its entries."""
        return sorted({entry["list"] for hit in self.hits for entry in hit.get("lists", [])})

    @property
    def entity_ids(self) -> list[str]:
        return [hit["entity_id"] for hit in self.hits]
