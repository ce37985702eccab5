"""A hit's ownership as a drawing: every counted holder, owners above what they own, shares on the arrows.

A threshold rule's hit (OFAC 50%) draws every stake the aggregate counted, so two owners of
30% and 25% are two branches; other hits draw their path. Coordinates are worked out here,
the SVG is written by the `_ownership.html` template.
"""

from __future__ import annotations

import unicodedata
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from lookthrough.graph import POLICIES

BOX_W, BOX_H, GAP_X, GAP_Y, MARGIN = 240, 52, 30, 64, 12
NAME_WIDTH = 28
"""Name length shown in a box, in half-width characters (a Chinese character counts two)."""


@dataclass(slots=True)
class Node:
    key: str
    name: str
    entity_id: str
    roles: list[str] = field(default_factory=list)
    """screened, listed (the hit's listed party), also-listed, holder."""
    note: str = ""
    level: int = 0
    x: float = 0
    y: float = 0

    @property
    def label(self) -> str:
        return shorten(self.name, NAME_WIDTH)

    @property
    def listed(self) -> bool:
        return "listed" in self.roles or "also-listed" in self.roles


@dataclass(slots=True)
class Arrow:
    """A relation drawn from the owner (above) down to what it owns, brands or is linked to."""

    owner: Node
    owned: Node
    relation: str
    percent: float | None
    source: str
    evidence: str
    counted: str = ""
    date: str | None = None
    until: str | None = None

    @property
    def label(self) -> str:
        if self.percent is not None:
            return f"{self.percent:g}%"
        return "share unknown" if self.relation in ("owned by", "subsidiary of") else self.relation

    @property
    def points(self) -> tuple[float, float, float, float]:
        return (self.owner.x + BOX_W / 2, self.owner.y + BOX_H, self.owned.x + BOX_W / 2, self.owned.y)

    @property
    def middle(self) -> tuple[float, float]:
        x1, y1, x2, y2 = self.points
        return ((x1 + x2) / 2, (y1 + y2) / 2)

    @property
    def head(self) -> str:
        """The arrowhead at the owned box, as SVG polygon points."""
        x1, y1, x2, y2 = self.points
        length = max(((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5, 1.0)
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        back_x, back_y = x2 - 9 * ux, y2 - 9 * uy
        corners = ((x2, y2), (back_x - 4 * uy, back_y + 4 * ux), (back_x + 4 * uy, back_y - 4 * ux))
        return " ".join(f"{x:.1f},{y:.1f}" for x, y in corners)

    @property
    def hover(self) -> str:
        share = f" {self.percent:g}%" if self.percent is not None else " (share not stated)"
        dates = f", {self.date or '?'} – {self.until or ''}" if self.date or self.until else ""
        grade = f" ({self.evidence})" if self.evidence else ""
        said = f"{self.owned.name} {self.relation} {self.owner.name}{share}{dates}"
        return f"{said}. Source{grade}: {self.source}"


@dataclass(slots=True)
class Rule:
    """The rule behind a hit and whether its test was met, from the hit's aggregate."""

    name: str
    title: str
    outcome: str | None
    share: str
    threshold: float | None
    holders: int
    basis: str | None
    depth_limited: bool = False
    stakes_cut: bool = False


@dataclass(slots=True)
class Drawing:
    nodes: list[Node]
    arrows: list[Arrow]
    width: float
    height: float
    rule: Rule
    note: str = ""
    box: tuple[int, int] = (BOX_W, BOX_H)


def shorten(text: str, width: int) -> str:
    """`text` cut to `width` half-width columns, with an ellipsis when cut."""
    used, out = 0, list[str]()
    for char in text:
        used += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
        if used > width - 1:
            return "".join(out) + "…"
        out.append(char)
    return text


def draw(hit: Mapping[str, Any]) -> Drawing:
    """The drawing of one hit (as `Hit.to_dict()` gives it)."""
    builder = _Builder(hit)
    aggregate = hit.get("aggregate")
    if aggregate and aggregate.get("stakes"):
        builder.stakes(aggregate)
    else:
        builder.path()
        if aggregate:
            builder.holders(aggregate)
    builder.mark()
    return builder.finish(_rule(hit))


class _Builder:
    def __init__(self, hit: Mapping[str, Any]) -> None:
        self.hit = hit
        self.steps: list[Mapping[str, Any]] = list(hit.get("path") or [])
        self.nodes: dict[str, Node] = {}
        self.alias: dict[str, str] = {}
        self.arrows: list[Arrow] = []
        self.note = ""
        start = self.steps[0] if self.steps else {"entity_id": hit["entity_id"], "name": hit["name"]}
        self.screened = self.node(start["entity_id"], start["name"])
        self.screened.roles.append("screened")

    def node(self, key: str, name: str, entity_id: str | None = None) -> Node:
        key = self.alias.get(key, key)
        found = self.nodes.get(key)
        if found is None:
            found = self.nodes[key] = Node(key, name, entity_id or key)
        return found

    def stakes(self, aggregate: Mapping[str, Any]) -> None:
        node = aggregate.get("node")
        if node:
            # The aggregate speaks of party clusters; the path names the entry that was matched.
            self.nodes[node] = self.nodes.pop(self.screened.key)
            self.screened.key = node
            self.alias[self.screened.entity_id] = node
        for stake in aggregate["stakes"]:
            self.alias[stake["holder_id"]] = stake["holder"]
            owner = self.node(stake["holder"], stake["holder_name"], stake["holder_id"])
            owned = self.node(stake["held"], stake["held_name"])
            if stake.get("listed") and "also-listed" not in owner.roles:
                owner.roles.append("also-listed")
            owner.note = owner.note or stake.get("counted", "")
            self.arrows.append(
                Arrow(
                    owner,
                    owned,
                    stake["relation"],
                    stake.get("percent"),
                    stake["source"],
                    stake["evidence"],
                    counted=stake.get("counted", ""),
                    date=stake.get("date"),
                    until=stake.get("until"),
                )
            )
        if aggregate.get("stakes_cut"):
            self.note = "Only the first stakes are drawn: the ownership web is wider."

    def path(self) -> None:
        below = self.screened
        for step in self.steps[1:]:
            above = self.node(step["entity_id"], step["name"])
            self.arrows.append(
                Arrow(above, below, step["relation"], step.get("percent"), step.get("source") or "not stated",
                      step.get("evidence") or "", "", step.get("date"), step.get("until"))
            )  # fmt: skip
            below = above

    def holders(self, aggregate: Mapping[str, Any]) -> None:
        """Results written before stakes were recorded: the direct holders, without their sources."""
        drawn = {(a.owner.key, a.owned.key) for a in self.arrows}
        for holder in aggregate.get("holders") or []:
            owner = self.node(holder["entity_id"], holder["name"])
            if (owner.key, self.screened.key) not in drawn:
                source = "not recorded in these results"
                self.arrows.append(Arrow(owner, self.screened, "owned by", holder.get("percent"), source, "",
                                         holder.get("counted", "")))  # fmt: skip

    def mark(self) -> None:
        """The hit's listed party: the end of its path (or the screened party itself)."""
        end = self.steps[-1]["entity_id"] if len(self.steps) > 1 else None
        listed = self.node(end, self.hit["name"]) if end else self.screened
        if "listed" not in listed.roles:
            listed.roles.append("listed")
        if "also-listed" in listed.roles:
            listed.roles.remove("also-listed")

    def finish(self, rule: Rule) -> Drawing:
        levels = _levels(self.screened.key, self.arrows)
        top = max(levels.values(), default=0)
        rows: dict[int, list[Node]] = {}
        for node in self.nodes.values():
            node.level = levels.get(node.key, 0)
            rows.setdefault(node.level, []).append(node)
        widest = max(len(row) for row in rows.values())
        width = widest * BOX_W + (widest - 1) * GAP_X + 2 * MARGIN
        for level, row in rows.items():
            used = len(row) * BOX_W + (len(row) - 1) * GAP_X
            for index, node in enumerate(row):
                node.x = (width - used) / 2 + index * (BOX_W + GAP_X)
                node.y = MARGIN + (top - level) * (BOX_H + GAP_Y)
        height = (top + 1) * BOX_H + top * GAP_Y + 2 * MARGIN
        return Drawing(list(self.nodes.values()), self.arrows, width, height, rule, self.note)


def _levels(start: str, arrows: list[Arrow]) -> dict[str, int]:
    """How many relations up from the screened party each node first appears (cycles end there)."""
    up: dict[str, list[str]] = {}
    for arrow in arrows:
        up.setdefault(arrow.owned.key, []).append(arrow.owner.key)
    levels = {start: 0}
    queue = deque([start])
    while queue:
        key = queue.popleft()
        for above in up.get(key, []):
            if above not in levels:
                levels[above] = levels[key] + 1
                queue.append(above)
    return levels


def _rule(hit: Mapping[str, Any]) -> Rule:
    name = hit.get("rule") or "listed"
    policy = POLICIES.get(name)
    title = policy.title if policy else ("Listed itself" if name == "listed" else name)
    aggregate = hit.get("aggregate")
    if not aggregate:
        return Rule(name, title, None, "", None, 0, hit.get("basis"))
    percent = aggregate.get("percent")
    share = f"{percent:g}%" if percent is not None else f"{aggregate['at_least']:g}–{aggregate['at_most']:g}%"
    return Rule(
        name,
        title,
        aggregate.get("outcome"),
        share,
        aggregate.get("threshold"),
        len(aggregate.get("holders") or []),
        hit.get("basis"),
        bool(aggregate.get("depth_limited")),
        bool(aggregate.get("stakes_cut")),
    )
