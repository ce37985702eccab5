"""Relations and listings as FtM interval entities (Ownership, UnknownLink, Sanction)."""

from __future__ import annotations

import hashlib
from enum import StrEnum

from lookthrough.model.entity import Entity
from lookthrough.model.evidence import Evidence


class RelationKind(StrEnum):
    """The kinds of link look-through follows, with their FtM encoding."""

    OWNERSHIP = "ownership"  # Ownership: owner holds `percentage` of asset
    PARENT = "parent"  # Ownership with ownershipType "parent": asset is a subsidiary
    BRAND = "brand"  # UnknownLink role "brand of": subject is a brand/trade name of object
    LINKED = (
        "linked"  # UnknownLink role "linked to": a stated tie of business (a brand's maker, a contractor)
    )
    ASSOCIATE = (
        "associate"  # UnknownLink role "associated with": a list's "Linked To" (no ownership or control)
    )


LINK_ROLES = {
    RelationKind.BRAND: "brand of",
    RelationKind.LINKED: "linked to",
    RelationKind.ASSOCIATE: "associated with",
}


def derived_id(prefix: str, *parts: str) -> str:
    """A stable id for an entity that the source does not number itself."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]
    return f"{prefix}-{digest}"


def _interval(schema: str, prefix: str, parts: tuple[str, ...], like: Entity) -> Entity:
    return Entity(
        derived_id(prefix, *parts),
        schema,
        dataset=like.dataset,
        citation=like.citation,
        evidence=like.evidence,
        source_url=like.source_url,
    )


def listing(
    listed: Entity,
    *,
    list_title: str,
    program: str | None,
    authority: str,
    since: str | None = None,
    source_url: str | None = None,
    reason: str | None = None,
) -> Entity:
    """A Sanction entity saying `listed` is on `list_title` under `program`."""
    sanction = _interval("Sanction", f"{listed.id}-listing", (list_title, program or ""), listed)
    sanction.add("entity", listed.id)
    sanction.add("publisher", list_title)
    sanction.add("authority", authority)
    sanction.add("program", program)
    sanction.add("listingDate", since)
    sanction.add("sourceUrl", source_url or listed.source_url)
    sanction.add("reason", reason)
    return sanction


def ownership(
    owner: Entity | str,
    asset: Entity | str,
    *,
    like: Entity,
    percent: float | None = None,
    kind: RelationKind = RelationKind.OWNERSHIP,
    start: str | None = None,
    end: str | None = None,
    citation: str | None = None,
    evidence: Evidence | None = None,
) -> Entity:
    """An Ownership entity: `owner` holds `percent` of `asset` (None = unknown share)."""
    owner_id = owner if isinstance(owner, str) else owner.id
    asset_id = asset if isinstance(asset, str) else asset.id
    edge = _interval("Ownership", "own", (owner_id, asset_id, kind.value, start or ""), like)
    if citation:
        edge.citation = citation
    if evidence:
        edge.evidence = evidence
    edge.add("owner", owner_id)
    edge.add("asset", asset_id)
    edge.add("percentage", None if percent is None else f"{percent:g}")
    edge.add("ownershipType", "parent" if kind is RelationKind.PARENT else None)
    edge.add("startDate", start)
    edge.add("endDate", end)
    return edge


def link(
    subject: Entity | str,
    obj: Entity | str,
    *,
    like: Entity,
    kind: RelationKind = RelationKind.LINKED,
    citation: str | None = None,
    evidence: Evidence | None = None,
    start: str | None = None,
) -> Entity:
    """An UnknownLink entity: `subject` is a brand of / linked to `obj`."""
    subject_id = subject if isinstance(subject, str) else subject.id
    object_id = obj if isinstance(obj, str) else obj.id
    edge = _interval("UnknownLink", "link", (subject_id, object_id, kind.value), like)
    if citation:
        edge.citation = citation
    if evidence:
        edge.evidence = evidence
    edge.add("subject", subject_id)
    edge.add("object", object_id)
    edge.add("role", LINK_ROLES[kind])
    edge.add("startDate", start)
    return edge
