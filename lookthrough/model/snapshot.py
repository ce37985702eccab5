"""A snapshot: one load of one list, with its provenance."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class SnapshotStatus(StrEnum):
    LOADING = "loading"
    CURRENT = "current"
    SUPERSEDED = "superseded"
    FAILED = "failed"
    REFUSED = "refused"


@dataclass(slots=True)
class SourceFile:
    """One file that went into a snapshot."""

    name: str
    sha256: str
    size: int


@dataclass(slots=True)
class Snapshot:
    """Provenance of one load: what, from where, when, and its fingerprint."""

    id: str
    dataset: str
    source: str
    title: str
    origin: str
    retrieved_at: datetime
    sha256: str
    files: list[SourceFile] = field(default_factory=list)
    published: date | None = None
    status: SnapshotStatus = SnapshotStatus.LOADING
    entity_count: int = 0
    statement_count: int = 0
    reject_count: int = 0
    error: str | None = None
