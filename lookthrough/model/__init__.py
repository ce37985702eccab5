"""The data model: FtM-compatible entities made of cited statements."""

from lookthrough.model.entity import Entity, EntityMeta
from lookthrough.model.evidence import Evidence
from lookthrough.model.ftm import from_ftm, to_ftm
from lookthrough.model.relation import RelationKind, link, listing, ownership
from lookthrough.model.snapshot import Snapshot, SnapshotStatus, SourceFile
from lookthrough.model.statement import Statement

__all__ = [
    "Entity",
    "EntityMeta",
    "Evidence",
    "RelationKind",
    "Snapshot",
    "SnapshotStatus",
    "SourceFile",
    "Statement",
    "from_ftm",
    "link",
    "listing",
    "ownership",
    "to_ftm",
]
