"""The shape of screening output: one RowResult per input row, with its hits."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

import orjson

from lookthrough.catalog import Edge, Listing
from lookthrough.graph import Aggregate
from lookthrough.matching.result import Feature, Match


class Named(Protocol):
    """Anything with a party's id and display name (a Party record, or a brief of one)."""

    @property
    def id(self) -> str: ...

    @property
    def caption(self) -> str: ...


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
    def start(cls, party: Named, how: str, source: str | None) -> Step:
        return cls(party.id, party.caption, how, None, source)

    @classmethod
    def along(cls, party: Named, edge: Edge, relation: str, percent: float | None = None) -> Step:
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
    """A listed party behind the screened row, how it was reached and on what evidence.
    Hits on one party share their lists, path and sources (read-only)."""

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
    _json: bytes | None = field(default=None, init=False, repr=False, compare=False)
    _template: HitTemplate | None = field(default=None, init=False, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The hit as JSON values; made once, as device rows share their makers' hits (read-only)."""
        if self._plain is None:
            self._plain = plain(self)
            self._plain["score"] = round(self.score, 4)
        return self._plain

    def to_json(self) -> bytes:
        """The hit as JSON, encoded once; what every hit on the same party shares is encoded
        once per run (`HitTemplate`), only the score and its features per hit."""
        if self._json is None:
            template = self._template
            if template is None:
                self._json = orjson.dumps(self.to_dict())
            else:
                head = orjson.dumps(
                    {"entity_id": self.entity_id, "name": self.name, "score": round(self.score, 4),
                     "matched_name": self.matched_name, "match": self.match}
                )  # fmt: skip
                features = orjson.dumps(self.features)  # dataclasses, encoded natively
                middle, tail = template.encoded(self.path[0].relation)
                self._json = b"".join((head[:-1], b",", middle, b',"features":', features, b",", tail, b"}"))
        return self._json


@dataclass(slots=True)
class HitTemplate:
    """What every hit on one listed party (by one rule and path) shares, made once per run."""

    entity_id: str
    name: str
    rule: str
    lists: list[ListEntry]
    paths: dict[str, list[Step]]
    """The path, by how the first step was reached: 'matched' or 'identical' (a score of 1)."""
    sources: list[str]
    same_as: list[str]
    aggregate_percent: float | None = None
    aggregate: Aggregate | None = None
    basis: str | None = None
    _encoded: dict[str, tuple[bytes, bytes]] = field(default_factory=dict, repr=False)

    def hit(self, match: Match) -> Hit:
        """The hit a match on this party makes."""
        how = "matched" if match.score < 1 else "identical"
        hit = Hit(self.entity_id, self.name, match.score, match.matched_name, match.algorithm, self.rule,
                  self.lists, self.paths[how], self.sources, match.features, self.same_as,
                  self.aggregate_percent, self.aggregate, self.basis)  # fmt: skip
        hit._template = self
        return hit

    def encoded(self, how: str) -> tuple[bytes, bytes]:
        """The JSON of the shared fields before the features, and after them."""
        found = self._encoded.get(how)
        if found is None:
            # Dataclasses and enums are encoded natively, as `plain` would spell them.
            middle = orjson.dumps(
                {"rule": self.rule, "lists": self.lists, "path": self.paths[how], "sources": self.sources}
            )
            tail = orjson.dumps({"same_as": self.same_as, "aggregate_percent": self.aggregate_percent,
                                 "aggregate": self.aggregate, "basis": self.basis})  # fmt: skip
            found = self._encoded[how] = (middle[1:-1], tail[1:-1])
        return found


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
        return self.to_json_bytes().decode()

    def to_json_bytes(self) -> bytes:
        given: dict[str, Any] = {k: _jsonable(v) for k, v in self.input.items()}
        status = self.status.value
        fields: dict[str, Any] = {"row": self.row, "line": self.line, "input": given, "status": status}
        try:
            head = orjson.dumps(fields)
        except orjson.JSONEncodeError:  # text no encoding can hold, e.g. a lone surrogate from JSON input
            fields["input"] = {k: _printable(v) for k, v in given.items()}
            head = orjson.dumps(fields)
        tail: dict[str, Any] = {"error": self.error}
        if self.device is not None:
            tail["device"] = self.device
        if self.warnings:
            tail["warnings"] = self.warnings
        hits = b",".join(h.to_json() for h in self.hits)
        return b"".join((head[:-1], b',"hits":[', hits, b"],", orjson.dumps(tail)[1:]))


def plain(value: Any) -> Any:
    """Dataclasses and lists as plain JSON values (asdict's deep copies are slow)."""
    if hasattr(value, "__dataclass_fields__"):
        return {name: plain(getattr(value, name)) for name in value.__dataclass_fields__ if name[0] != "_"}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def _printable(value: Any) -> Any:
    """Text with characters UTF-8 cannot hold shown as U+FFFD."""
    if isinstance(value, str):
        return value.encode("utf-8", "replace").decode("utf-8")
    return value if value is None or isinstance(value, int | float | bool) else _printable(str(value))


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)
