"""Look-through rules as named policies: which lists they start from, and how they count.

Every policy carries the citation of the rule it implements, shown with each hit it makes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cached_property

from lookthrough import settings
from lookthrough.catalog import Listing
from lookthrough.exc import InvalidInput


class Method(StrEnum):
    """How a share held through a chain of companies counts."""

    BLOCKED = "blocked"
    """OFAC's reading: a company that meets the threshold counts as listed itself, and its own
    stakes then count in full (OFAC FAQ 401, examples 1-3)."""
    MULTIPLY = "multiply"
    """Economic look-through: stakes are multiplied along the chain (60% of 60% is 36%)."""


class Kind(StrEnum):
    THRESHOLD = "threshold"
    RELATED = "related"


@dataclass(frozen=True)
class ListSelector:
    """Which listings start a rule: by dataset id, or by a pattern on the list, program or authority."""

    datasets: frozenset[str] = frozenset()
    pattern: str | None = None
    everything: bool = False

    @cached_property
    def _regex(self) -> re.Pattern[str] | None:
        return re.compile(self.pattern, re.IGNORECASE) if self.pattern else None

    def __call__(self, listing: Listing) -> bool:
        return self.accepts(listing.list, listing.program, listing.authority, listing.source.dataset)

    def accepts(self, list_name: str, program: str | None, authority: str | None, dataset: str) -> bool:
        """Whether a listing on `list_name` (program, authority) from `dataset` starts the rule."""
        if self.everything or dataset in self.datasets:
            return True
        regex = self._regex
        texts = (list_name, program or "", authority or "")
        return regex is not None and any(regex.search(text) for text in texts)


@dataclass(frozen=True)
class Policy:
    """One look-through rule, with its parameters and the document it rests on."""

    name: str
    title: str
    kind: Kind
    lists: ListSelector
    citation: str
    note: str
    threshold: float = 50.0
    method: Method = Method.BLOCKED
    max_depth: int = 10
    hops: int = 3
    min_percent: float = 50.0
    effective: str | None = None
    suspended: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    def in_force(self, as_of: str) -> bool:
        """Whether the rule applies on `as_of` (after it took effect, outside any suspension)."""
        if self.effective and as_of < self.effective:
            return False
        return not any(start <= as_of <= end for start, end in self.suspended)


OFAC_50 = Policy(
    name="ofac_50",
    title="OFAC 50 Percent Rule",
    kind=Kind.THRESHOLD,
    # Blocked persons are the entries of the SDN list. The non-SDN lists (NS-CMIC, SSI, NS-MBS,
    # NS-PLC) do not block property; OFAC says its 50 percent rule does not apply to entities
    # listed solely under E.O. 13959, i.e. the NS-CMIC list.
    lists=ListSelector(
        datasets=frozenset({"us_ofac_sdn"}),
        pattern=r"(?<!non-)(?<!non )\bspecially designated nationals\b",
    ),
    citation=(
        "OFAC, Revised Guidance on Entities Owned by Persons Whose Property and Interests in "
        "Property Are Blocked (13 Aug 2014, 79 FR 47726); OFAC FAQs 398, 399 and 401 "
        "(https://ofac.treasury.gov/faqs/401)"
    ),
    note=(
        "An entity owned 50% or more in the aggregate, directly or indirectly, by one or more "
        "blocked persons (SDN list) is itself blocked. Ownership only, not control (FAQ 398); stakes "
        "of all blocked persons are added up (FAQ 399); an entity that meets the rule counts as "
        "blocked, so its own stakes count in full (FAQ 401)."
    ),
)

BIS_AFFILIATES = Policy(
    name="bis_affiliates",
    title="BIS Affiliates Rule (Entity List and MEU List, 50% ownership)",
    kind=Kind.THRESHOLD,
    lists=ListSelector(pattern=r"\bentity list\b|\bmilitary end[- ]users?\b"),
    citation=(
        "BIS, Expansion of End-User Controls To Cover Affiliates of Certain Listed Entities, interim "
        "final rule, 90 FR 47201 (FR Doc. 2025-19001), effective 29 Sep 2025 (15 CFR 744.11(a)(1)); "
        "suspended from 10 Nov 2025 through 9 Nov 2026 by BIS final rule (90 FR, issue 216), "
        "after the White House fact sheet of 1 Nov 2025"
    ),
    note=(
        "A foreign entity owned 50% or more, directly or indirectly, individually or in the "
        "aggregate, by Entity List or MEU List parties is subject to the same restrictions; BIS "
        "designed the standard to be consistent with OFAC's practice. Suspended 10 Nov 2025 - 9 Nov "
        "2026; the suspension ends on that date unless BIS extends it, so check for later BIS action."
    ),
    effective="2025-09-29",
    suspended=(("2025-11-10", "2026-11-09"),),
)

RELATED = Policy(
    name="related",
    title="Related to a listed party",
    kind=Kind.RELATED,
    lists=ListSelector(everything=True),
    citation="lookthrough: a chain of relations, each stated by the cited source of its step",
    note=(
        "The screened party is a brand, a subsidiary (majority-owned, or owned in a share the "
        "sources do not state) or a stated link of a listed party, within a few steps. Not a legal "
        "test: it shows who is behind a name."
    ),
)

POLICIES: dict[str, Policy] = {p.name: p for p in (OFAC_50, BIS_AFFILIATES, RELATED)}


def configured(as_of: str) -> list[Policy]:
    """The policies the LOOKTHROUGH_* settings enable on `as_of`, in order of precedence."""
    names = [n.strip() for n in settings.get("POLICIES").split(",") if n.strip()]
    unknown = [n for n in names if n not in POLICIES]
    if unknown:
        raise InvalidInput(f"unknown look-through policy {unknown[0]!r}; known: {', '.join(POLICIES)}")
    depth, hops = int(settings.get("MAX_DEPTH")), int(settings.get("RELATED_HOPS"))
    chosen = []
    for name in names:
        policy = replace(POLICIES[name], max_depth=depth, hops=hops,
                         min_percent=float(settings.get("RELATED_MIN_PERCENT")))  # fmt: skip
        if _enabled(policy, as_of):
            chosen.append(policy)
    return chosen


def _enabled(policy: Policy, as_of: str) -> bool:
    if policy.name == BIS_AFFILIATES.name:
        mode = settings.get("BIS_AFFILIATES").strip().lower()
        if mode in ("on", "off"):
            return mode == "on"
    return policy.in_force(as_of)
