"""FollowTheMoney JSON lines: one entity per line, or the delta form {"op": "ADD", "entity": {...}}.

Relations arrive as their own entities (Ownership, UnknownLink, Sanction, Directorship, Family)
and are kept as they are, with each entity's `datasets`, `referents`, `first_seen`, `last_seen`
and `last_change`. These files usually come from an aggregator such as OpenSanctions, so their
facts are graded REPORTED: the official document behind each one is not in the file; a Sanction
stated only by official lists (by their known publishers, see `_ftm_meta`) is an official listing.
An OpenSanctions export `<dataset>/entities.ftm.json` is loaded as that dataset.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import orjson

from lookthrough.encoding import BOMS, physical_lines
from lookthrough.exc import SourceError
from lookthrough.model import Entity, EntityMeta, Evidence
from lookthrough.sources import register
from lookthrough.sources._ftm_meta import grade, read_meta
from lookthrough.sources._ftm_values import Cleaner, entity_from_values, proxy_values
from lookthrough.sources.base import LoadReport, Source

DELTA_OPS = frozenset({"ADD", "MOD"})
_FIRST_LINE_LIMIT = 1 << 20
_CHUNK = 1 << 24
_DEEP = 512
"""A line with more brackets than this may nest deeper than the json module reads (it stops
near Python's recursion limit, orjson at 1024): it is read by the json module alone."""
_DIGITS = bytes.maketrans(b"123456789", b"000000000")
_LONG_NUMBER = b"0" * 19
"""orjson reads an integer past 64 bits as a float where the json module keeps it whole: a line
with a run of 19 digits is read by the json module (found in the bytes with every digit made 0)."""
_JSON_KINDS: dict[type, str] = {
    list: "a list", str: "text", int: "a number", float: "a number", bool: "true or false", type(None): "null"
}  # fmt: skip


class Prepared(NamedTuple):
    """A line's entity, checked and cleaned, before it is built."""

    entity_id: str
    schema: str
    values: dict[str, list[str]]
    citation: str
    evidence: Evidence
    meta: EntityMeta


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
        return "entity", f"entity is not a JSON object but {_JSON_KINDS.get(type(data), 'a value')}"
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


def streamable(path: Path) -> bool:
    """Whether the file is plain UTF-8 text (no byte-order mark, no NUL, lines ending in LF),
    so that reading it line by line gives the lines `physical_lines` gives of its whole text."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    line_feed = carriage_return = False
    with path.open("rb") as handle:
        start = handle.read(4)
        if any(start.startswith(mark) for mark, _codec in BOMS):
            return False
        handle.seek(0)
        for chunk in iter(lambda: handle.read(_CHUNK), b""):
            if b"\x00" in chunk:
                return False
            line_feed = line_feed or b"\n" in chunk
            carriage_return = carriage_return or b"\r" in chunk
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                return False
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return line_feed or not carriage_return


def parse(text: str, raw: bytes | None = None) -> Any:
    """One line's JSON (`raw`: the same line as UTF-8 bytes, if at hand) as the json module reads
    it: orjson reads the bytes where it reads documents alike, many times faster; whatever it
    refuses gets the json module's answer or error."""
    shallow = raw is not None and raw.count(b"[") + raw.count(b"{") <= _DEEP
    if raw is not None and shallow and _LONG_NUMBER not in raw.translate(_DIGITS):
        try:
            return orjson.loads(raw)
        except orjson.JSONDecodeError:
            pass
    return json.loads(text.strip())


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
        self.cleaner = Cleaner()

    def incomplete(self, path: Path, report: LoadReport) -> list[str]:
        """A last line that is not whole JSON and has no line end: the file was cut there."""
        return [self.cut] if self.cut else []

    def lines(self, path: Path) -> Iterator[tuple[str, bytes | None]]:
        """The file's lines with their endings (and their bytes where read from a plain UTF-8
        file, one by one: memory stays flat however large it is), else the lines of its whole
        text decoded as `Source.text` does."""
        if self.encoding is None and streamable(path):
            with path.open("rb") as handle:
                for data in handle:
                    yield data.decode("utf-8"), data
        else:
            yield from ((text, None) for text in physical_lines(self.text(path)))

    def read(self, path: Path, report: LoadReport) -> Iterator[Entity]:
        seen: dict[str, int] = {}
        for line, raw, outcome in self.decoded(path):
            report.row(path.name)
            try:
                if isinstance(outcome, SourceError):
                    raise outcome
                entity = self.build(path.name, line, outcome)
                if entity.id in seen:
                    raise SourceError(f"entity {entity.id} already appeared on line {seen[entity.id]}",
                                      path=path.name, line=line, field="id")  # fmt: skip
            except SourceError as error:
                report.reject(error, raw.strip()[:4000])
                # Only the last line can lack a line end.
                if not raw.endswith(("\n", "\r")):
                    self.cut = f"{path.name} ends inside a record (line {line})"
            else:
                seen[entity.id] = line
                yield entity

    def decoded(self, path: Path) -> Iterator[tuple[int, str, Prepared | SourceError]]:
        """(line, text, what it holds) for every line that is not blank, in file order."""
        for line, (raw, data) in enumerate(self.lines(path), 1):
            if raw.strip():
                try:
                    yield line, raw, self.prepare(path.name, line, raw, data)
                except SourceError as error:
                    yield line, raw, error

    def prepare(self, name: str, line: int, raw: str, data: bytes | None = None) -> Prepared:
        """The checked, cleaned content of one line, or SourceError naming the file, line and field."""
        try:
            op, found = unwrap(parse(raw, data))
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
        return self.convert(name, line, found)

    def convert(self, name: str, line: int, data: Any) -> Prepared:
        """One FtM object's id, schema, cleaned values, citation, grade and export metadata;
        SourceError names the bad field."""
        found = problem(data)
        if found is not None:
            raise SourceError(found[1], path=name, line=line, field=found[0])
        datasets = data.get("datasets")
        origin = (
            f" (datasets: {', '.join(map(str, datasets))})" if isinstance(datasets, list) and datasets else ""
        )
        entity_id: str = data["id"]
        meta = read_meta(data, name, line)
        evidence, note = grade(data["schema"], meta)
        from followthemoney import model  # FtM loads its whole schema model: only when FtM is read
        from followthemoney.exc import InvalidData

        schema = model.get(data["schema"])
        assert schema is not None  # `problem` found it
        try:
            values = proxy_values(self.cleaner, schema, entity_id, data.get("properties") or {})
        # FtM cleans untrusted values; whatever it refuses is this record's fault.
        except (InvalidData, KeyError, TypeError, ValueError) as error:
            raise SourceError(str(error), path=name, line=line) from None
        citation = f"{name} line {line}, entity {entity_id}{origin}" + (f"; {note}" if note else "")
        return Prepared(entity_id, schema.name, values, citation, evidence, meta)

    def build(self, name: str, line: int, prepared: Prepared) -> Entity:
        """The entity of a prepared line, with its export metadata."""
        entity = entity_from_values(prepared.schema, prepared.entity_id, prepared.values, dataset=self.into,
                                    citation=prepared.citation, evidence=prepared.evidence)  # fmt: skip
        entity.meta = prepared.meta
        return entity
