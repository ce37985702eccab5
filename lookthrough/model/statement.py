"""A statement: one value of one property of one entity, with where it came from."""

from __future__ import annotations

from dataclasses import dataclass

from lookthrough.model.evidence import Evidence


@dataclass(slots=True, frozen=True)
class Statement:
    """One value, traceable to its snapshot and the document that states it.

    Mirrors followthemoney's Statement, plus `citation` (the document and place in it)
    and `evidence` (how strong that document is).
    """

    entity_id: str
    schema: str
    prop: str
    value: str
    dataset: str
    citation: str
    evidence: Evidence = Evidence.OFFICIAL
    source_url: str | None = None
    lang: str | None = None
    original_value: str | None = None
    snapshot_id: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None
