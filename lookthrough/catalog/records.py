"""What screening needs to know of a party, as plain records made on demand from the tables."""

from __future__ import annotations

from dataclasses import dataclass, field

from lookthrough.model import Evidence, RelationKind


@dataclass(slots=True, frozen=True)
class Source:
    """Where a fact comes from: the citation, its grade, and the snapshot it was loaded in."""

    citation: str
    evidence: Evidence
    dataset: str
    snapshot_id: str | None = None
    url: str | None = None


@dataclass(slots=True, frozen=True)
class Name:
    value: str
    prop: str
    lang: str | None
    source: Source


@dataclass(slots=True, frozen=True)
class Code:
    kind: str
    value: str
    prop: str
    source: Source


@dataclass(slots=True, frozen=True)
class Listing:
    """One entry of a party on an official list."""

    list: str
    program: str | None
    authority: str | None
    since: str | None
    source: Source


@dataclass(slots=True, frozen=True)
class Edge:
    """A relation between two parties, pointing from the holder/brand to the holder's target."""

    source_id: str
    target_id: str
    kind: RelationKind
    percent: float | None
    start: str | None
    end: str | None
    source: Source


@dataclass(slots=True)
class Party:
    """What screening needs to know of one entity."""

    id: str
    schema: str
    caption: str
    dataset: str
    names: list[Name] = field(default_factory=list)
    codes: list[Code] = field(default_factory=list)
    listings: list[Listing] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)

    @property
    def listed(self) -> bool:
        return bool(self.listings)
