"""The shape of screening output: one RowResult per input row, with its hits."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from lookthrough.catalog import Edge, Listing, Party
from lookthrough.graph import Aggregate
from lookthrough.matching.result import Feature


class Status(StrEnum):
    HIT = "hit"
    CLEAR = "clear"
    ERROR = "error"
    UNATTRIBUTABLE = "unattributable"
    """A device whose maker cannot be told (e.g. a randomised MAC address): never clear."""


@dataclass(slots=True)
class ListEntry:
    list: str
    program: str | None
    since: str | None
    citation: str
    authority: str | None
    evidence: str
    snapshot: str | None

    @classmethod
    def of(cls, listing: Listing) -> ListEntry:
        s = listing.source
        return cls(
            listing.list,
            listing.program,
            listing.since,
            s.citation,
            listing.authority,
            s.evidence.value,
            s.snapshot_id,
        )


@dataclass(slots=True)
class Step:
    """One step of a path: a party, and the relation that led to it from the step before."""

    entity_id: str
    name: str
    relation: str
    percent: float | None
    source: str | None
    evidence: str | None = None
    date: str | None = None
    until: str | None = None
    dataset: str | None = None

    @classmethod
    def start(cls, party: Party, how: str, source: str | None) -> Step:
        return cls(party.id, party.caption, how, None, source)

    @classmethod
    def along(cls, party: Party, edge: Edge, relation: str, percent: float | None = None) -> Step:
        """The step to `party` over `edge`: its share, dates, evidence grade and source."""
        s = edge.source
        return cls(
            party.id,
            party.caption,
            relation,
            percent,
            s.citation,
            s.evidence.value,
            edge.start,
            edge.end,
            s.dataset,
        )


@dataclass(slots=True)
class Hit:
    """A listed party behind the screened row, how it was reached and on what evidence."""

    entity_id: str
    name: str
    score: float
    matched_name: str
    match: str
    rule: str
    lists: list[ListEntry]
    path: list[Step]
    sources: list[str]
    features: list[Feature] = field(default_factory=list)
    same_as: list[str] = field(default_factory=list)
    aggregate_percent: float | None = None
    aggregate: Aggregate | None = None
    basis: str | None = None
    """The document the rule rests on, for look-through hits."""
    _plain: dict[str, Any] | None = field(default=None, init=False, repr=False, compare=False)
    _json: str | None = field(default=None, init=False, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The hit as JSON values; made once, as device rows share their makers' hits (read-only)."""
        if self._plain is None:
            self._plain = plain(self)
            self._plain["score"] = round(self.score, 4)
        return self._plain

    def to_json(self) -> str:
        """The hit as JSON text, encoded once for the many rows that share it."""
        if self._json is None:
            self._json = json.dumps(self.to_dict(), ensure_ascii=False)
        return self._json


@dataclass(slots=True)
class RowResult:
    row: int
    line: int
    input: dict[str, Any]
    status: Status
    hits: list[Hit] = field(default_factory=list)
    error: str | None = None
    device: dict[str, Any] | None = None
    """For device inventories: the MAC address as read and what the IEEE registry says of it."""
    warnings: list[str] = field(default_factory=list)
    """What was wrong in a row that could still be screened (e.g. an ISIN failing its check digit)."""

    def to_dict(self) -> dict[str, Any]:
        data = {
            "row": self.row,
            "line": self.line,
            "input": {k: _jsonable(v) for k, v in self.input.items()},
            "status": self.status.value,
            "hits": [h.to_dict() for h in self.hits],
            "error": self.error,
        }
        if self.device is not None:
            data["device"] = self.device
        if self.warnings:
            data["warnings"] = self.warnings
        return data

    def to_json(self) -> str:
        """`to_dict()` as JSON text, each shared hit encoded only once."""
        head = json.dumps(
            {"row": self.row, "line": self.line, "input": {k: _jsonable(v) for k, v in self.input.items()},
             "status": self.status.value}, ensure_ascii=False,
        )  # fmt: skip
        tail: dict[str, Any] = {"error": self.error}
        if self.device is not None:
            tail["device"] = self.device
        if self.warnings:
            tail["warnings"] = self.warnings
        hits = ", ".join(h.to_json() for h in self.hits)
        return f'{head[:-1]}, "hits": [{hits}], {json.dumps(tail, ensure_ascii=False)[1:]}'


def plain(value: Any) -> Any:
    """Dataclasses and lists as plain JSON values (asdict's deep copies are slow)."""
    if hasattr(value, "__dataclass_fields__"):
        return {name: plain(getattr(value, name)) for name in value.__dataclass_fields__ if name[0] != "_"}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)
