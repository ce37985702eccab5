"""What look-through finds: a listed party behind the screened one, the path, and the share."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from lookthrough.graph.graph import Link
from lookthrough.graph.policy import Policy


class Outcome(StrEnum):
    MET = "met"
    """The stated stakes alone reach the threshold."""
    UNDETERMINED = "undetermined"
    """Stakes of unknown size could reach the threshold; the sources do not say."""


@dataclass(slots=True)
class Holder:
    """A direct stake counted towards the aggregate: who holds it, how much, and why it counts."""

    entity_id: str
    name: str
    percent: float | None
    counted: str


@dataclass(slots=True)
class Aggregate:
    """The share that counted parties hold in the screened party, as a threshold rule adds it up."""

    percent: float | None
    """The aggregate when every counted stake is stated; None when any is of unknown size."""
    at_least: float
    at_most: float
    threshold: float
    outcome: Outcome
    method: str
    holders: list[Holder] = field(default_factory=list)
    depth_limited: bool = False
    """True when chains longer than the depth limit were cut, so the share may be higher."""


@dataclass(slots=True)
class Finding:
    """One listed party reached from the screened party under one policy."""

    policy: Policy
    node: str
    party_id: str
    path: list[Link]
    aggregate: Aggregate | None = None
