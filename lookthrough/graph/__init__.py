"""Look-through over ownership, brand, subsidiary and link relations between listed parties."""

from lookthrough.graph.finding import Aggregate, Finding, Holder, Outcome, Stake
from lookthrough.graph.graph import Graph, Link
from lookthrough.graph.lookthrough import LookThrough, as_of_date
from lookthrough.graph.policy import (
    BIS_AFFILIATES,
    OFAC_50,
    POLICIES,
    RELATED,
    ListSelector,
    Method,
    Policy,
    configured,
)
from lookthrough.graph.share import Share

__all__ = [
    "BIS_AFFILIATES",
    "OFAC_50",
    "POLICIES",
    "RELATED",
    "Aggregate",
    "Finding",
    "Graph",
    "Holder",
    "Link",
    "ListSelector",
    "LookThrough",
    "Method",
    "Outcome",
    "Policy",
    "Share",
    "Stake",
    "as_of_date",
    "configured",
]
