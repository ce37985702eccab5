"""FollowTheMoney JSON lines: one entity per line, or the delta form {"op": "ADD", "entity": {...}}.

Relations arrive as their own entities (Ownership, UnknownLink, Sanction, Directorship, Family)
and are kept as they are, with each entity's `datasets`, `referents`, `first_seen`, `last_seen`
and `last_change`. These files usually come from an aggregator such as OpenSanctions, so their
facts are graded REPORTED: the official document behind each one is not in the file; a Sanction
stated only by official lists (by their known publishers, see `_ftm_meta`) is an official listing.
An OpenSanctions export `<dataset>/entities.ftm.json` is loaded as that dataset.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lookthrough.encoding import physical_lines
from lookthrough.exc import SourceError
from lookthrough.model import Entity, from_ftm
from lookthrough.sources import register
from lookthrough.sources._ftm_meta import grade, read_meta
from lookthrough.sources.base import LoadReport, Source

DELTA_OPS = frozenset({"ADD", "MOD"})
_FIRST_LINE_LIMIT = 1 << 20


def first_object(path: Path) -> dict[str, Any] | None:
    """The first non-blank line as a JSON object, or None if it is not one (or too long to sniff)."""
    try:
        with path.open("rb") as handle:
            for raw in iter(lambda: handle.readline(_FIRST_LINE_LIMIT), b""):
                if raw.strip():
                    data = json.loads(raw.decode("utf-8-sig"))
                    return data if isinstance(data, dict) else None
    except (OSError, ValueError):
        return None
    return None


def unwrap(data: Any) -> tuple[str | None, Any]:
    """(delta op or None, entity object) of one decoded line."""
    if isinstance(data, dict) and "op" in data and "entity" in data and "schema" not in data:
        return str(data["op"]), data["entity"]
    return None, data


def problem(data: Any) -> tuple[str, str] | None:
    """(field, reason) for the first field of an FtM object that makes it unusable."""
    if not isinstance(data, dict):
        return None  # from_ftm says so itself
    if not isinstance(data.get("id"), str) or not data["id"]:
        return "id", "entity has no 'id'"
    from followthemoney import model  # FtM loads its whole schema model: only when FtM is read

    schema = model.get(data.get("schema") or "")
    if schema is None:
        return "schema", f"unknown schema {data.get('schema')!r}"
    properties = data.get("properties") or {}
    if not isinstance(properties, dict):
        return "properties", "'properties' is not an object"
    for prop, values in properties.items():
        if prop not in schema.properties:
            return f"properties.{prop}", f"{schema.name} has no property {prop!r}"
        if not _all_text(values):
            return f"properties.{prop}", f"values of {prop!r} must be text or a list of text"
    return None


def _all_text(values: Any) -> bool:
    return isinstance(values, str) or (isinstance(values, list) and all(isinstance(v, str) for v in values))


@register
class FtmJson(Source):
    name = "ftm_json"
    dataset = "ftm_import"
    per_file = True
    title = "FollowTheMoney entities (JSON lines)"

    @classmethod
    def dataset_for(cls, path: Path) -> str:
        """OpenSanctions names every export `entities.ftm.json`: its folder names the dataset."""
        if path.name.lower().split(".")[0] == "entities" and path.parent.name:
            return super().dataset_for(path.parent / f"{path.parent.name}.json")
        return super().dataset_for(path)

    @classmethod
    def detect(cls, path: Path) -> bool:
        if not path.is_file():
            return False
        op, entity = unwrap(first_object(path))
        return (
            isinstance(entity, dict)
            and "schema" in entity
            and "id" in entity
            and (op is None or op.isupper())
        )

    def __init__(self) -> None:
        super().__init__()
        self.cut: str | None = None

    def incomplete(self, path: Path, report: LoadReport) -> list[str]:
        """A last line that is not whole JSON and has no line end: the file was cut there."""
        return [self.cut] if self.cut else []

    def read(self, path: Path, report: LoadReport) -> Iterator[Entity]:
        seen: dict[str, int] = {}
        lines = physical_lines(self.text(path))
        for line, raw in enumerate(lines, 1):
            if not raw.strip():
                continue
            report.row(path.name)
            try:
                entity = self.entity(path.name, line, raw, seen)
            except SourceError as error:
                report.reject(error, raw.strip()[:4000])
                if line == len(lines) and not raw.endswith(("\n", "\r")):
                    self.cut = f"{path.name} ends inside a record (line {line})"
            else:
                yield entity

    def entity(self, name: str, line: int, raw: str, seen: dict[str, int]) -> Entity:
        """The entity on one line, or SourceError naming the file, line and field."""
        try:
            op, data = unwrap(json.loads(raw.strip()))
        except json.JSONDecodeError as error:
            raise SourceError(
                f"invalid JSON: {error.msg} (column {error.colno})", path=name, line=line
            ) from None
        except RecursionError:
            raise SourceError("invalid JSON: nested too deeply", path=name, line=line) from None
        if op is not None and op not in DELTA_OPS:
            raise SourceError(
                f"delta operation {op!r} cannot be applied to a whole-file load",
                path=name,
                line=line,
                field="op",
            )
        entity = self.convert(name, line, data)
        if entity.id in seen:
            raise SourceError(
                f"entity {entity.id} already appeared on line {seen[entity.id]}",
                path=name,
                line=line,
                field="id",
            )
        seen[entity.id] = line
        return entity

    def convert(self, name: str, line: int, data: Any) -> Entity:
        """One FtM object as an entity citing its line; SourceError names the bad field."""
        datasets = data.get("datasets") if isinstance(data, dict) else None
        origin = (
            f" (datasets: {', '.join(map(str, datasets))})" if isinstance(datasets, list) and datasets else ""
        )
        entity_id = data.get("id") if isinstance(data, dict) else None
        found = problem(data)
        if found is not None:
            raise SourceError(found[1], path=name, line=line, field=found[0])
        meta = read_meta(data, name, line)
        evidence, note = grade(data["schema"], meta)
        from followthemoney.exc import InvalidData

        try:
            entity = from_ftm(
                data,
                dataset=self.into,
                citation=f"{name} line {line}, entity {entity_id}{origin}" + (f"; {note}" if note else ""),
                evidence=evidence,
            )
        # FtM builds a proxy from untrusted values; whatever it refuses is this record's fault.
        except (InvalidData, KeyError, TypeError, ValueError) as error:
            raise SourceError(str(error), path=name, line=line) from None
        entity.meta = meta
        return entity
