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
class Stake:
    """One counted shareholding behind the screened party, as its source states it."""

    held: str
    """The node (party cluster) whose shares are held."""
    held_name: str
    holder: str
    """The node of the holder."""
    holder_id: str
    """The holder's entry as the relation names it."""
    holder_name: str
    percent: float | None
    relation: str
    counted: str
    """Why the holder counts: listed, or meets (or may meet) the rule itself."""
    listed: bool
    source: str
    evidence: str
    date: str | None = None
    until: str | None = None


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
    node: str | None = None
    """The screened party's node, where the stakes end."""
    stakes: list[Stake] = field(default_factory=list)
    """Every counted stake from the screened party up to the listed parties: the ownership drawn."""
    stakes_cut: bool = False
    """True when there were more stakes than are kept (STAKE_LIMIT)."""


@dataclass(slots=True)
class Finding:
    """One listed party reached from the screened party under one policy."""

    policy: Policy
    node: str
    party_id: str
    path: list[Link]
    aggregate: Aggregate | None = None
