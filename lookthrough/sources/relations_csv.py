"""Your own relations as CSV: who owns, controls or brands whom, each row with its citation.

Columns: subject, object, relation, citation (required); percent, start, end, evidence, url,
subject_id, object_id (optional). See docs/relations.md.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lookthrough.encoding import FIELD_LIMIT, csv_problem, physical_lines
from lookthrough.exc import SourceAbort, SourceError
from lookthrough.model import Entity, Evidence, RelationKind, link, ownership
from lookthrough.sources import register
from lookthrough.sources._relation import parse_date, parse_percent, party_id, strong_code
from lookthrough.sources.base import LoadReport, Reference, Source, csv_header

REQUIRED = ("subject", "object", "relation", "citation")
# relation -> (kind, whether the subject is the upper party: owner, parent or brand owner)
RELATIONS: dict[str, tuple[RelationKind, bool]] = {
    "owned by": (RelationKind.OWNERSHIP, False),
    "owns": (RelationKind.OWNERSHIP, True),
    "subsidiary of": (RelationKind.PARENT, False),
    "parent of": (RelationKind.PARENT, True),
    "brand of": (RelationKind.BRAND, False),
    "linked to": (RelationKind.LINKED, False),
}
DATASET = "user_relations"


@dataclass
class Row:
    """One CSV row with where it is, for citations and errors."""

    path: Path
    line: int
    fields: dict[str, str]

    def get(self, column: str) -> str:
        return (self.fields.get(column) or "").strip()

    def error(self, reason: str, column: str | None = None) -> SourceError:
        return SourceError(reason, path=self.path.name, line=self.line, field=column)


@register
class RelationsCsv(Source):
    name = "relations_csv"
    dataset = DATASET
    per_file = True
    title = "Relations CSV (your own ownership, subsidiary, brand and link statements)"

    @classmethod
    def detect(cls, path: Path) -> bool:
        return path.suffix.lower() == ".csv" and set(REQUIRED) <= set(csv_header(path))

    def __init__(self) -> None:
        super().__init__()
        self.cut: str | None = None

    def incomplete(self, path: Path, report: LoadReport) -> list[str]:
        """A last row cut short: no line end, and a quote left open or fields missing."""
        return [self.cut] if self.cut else []

    def read(self, path: Path, report: LoadReport) -> Iterator[Entity]:
        parties: dict[str, Entity] = {}
        seen: dict[tuple[str, ...], int] = {}
        for row in self._rows(path, report):
            report.row(path.name)
            try:
                yield from self._relation(row, parties, seen)
            except SourceError as error:
                report.reject(error, ",".join(row.fields.get(c) or "" for c in row.fields))
        yield from parties.values()

    def _rows(self, path: Path, report: LoadReport) -> Iterator[Row]:
        csv.field_size_limit(FIELD_LIMIT)
        lines = physical_lines(self.text(path))
        reader = csv.reader(lines, strict=True)
        try:
            header = [h.strip().lower() for h in next(reader, [])]
        except csv.Error as error:
            raise SourceAbort(csv_problem(error), path=path.name, line=1) from None
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise SourceAbort(f"missing column {missing[0]!r}", path=path.name, line=1, field=missing[0])
        line = reader.line_num + 1
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                report.row(path.name)
                raw = "".join(lines[line - 1 : reader.line_num]).rstrip("\r\n")[:4000]
                report.reject(SourceError(csv_problem(error), path=path.name, line=line), raw)
                if reader.line_num == len(lines) and not lines[-1].endswith(("\n", "\r")):
                    self.cut = f"{path.name} ends inside a record (line {line})"
            else:
                if any(v.strip() for v in values):
                    yield Row(path, line, dict(zip(header, values, strict=False)))
            line = reader.line_num + 1

    def _relation(
        self, row: Row, parties: dict[str, Entity], seen: dict[tuple[str, ...], int]
    ) -> Iterator[Entity]:
        for column in REQUIRED:
            if not row.get(column):
                raise row.error("empty", column)
        relation = " ".join(row.get("relation").lower().replace("_", " ").split())
        if relation not in RELATIONS:
            raise row.error(f"unknown relation {relation!r}; use one of: {', '.join(RELATIONS)}", "relation")
        kind, subject_above = RELATIONS[relation]
        template = self._template(row)
        subject = self._party(row, "subject", parties, template)
        obj = self._party(row, "object", parties, template)
        upper, lower = (subject, obj) if subject_above else (obj, subject)
        yield self._edge(row, kind, upper, lower, template, seen)

    def _template(self, row: Row) -> Entity:
        """An entity that carries the row's citation, evidence and URL to what it states."""
        try:
            evidence = Evidence.parse(row.get("evidence")) if row.get("evidence") else Evidence.REPORTED
        except ValueError as error:
            raise row.error(str(error), "evidence") from None
        citation = f"{row.get('citation')} ({row.path.name} line {row.line})"
        return Entity(
            f"row-{row.line}",
            "LegalEntity",
            dataset=self.into,
            citation=citation,
            evidence=evidence,
            source_url=row.get("url") or None,
        )

    def _party(self, row: Row, side: str, parties: dict[str, Entity], template: Entity) -> str:
        """The id of the row's subject or object; a party named here is created once."""
        name, ref = row.get(side), row.get(f"{side}_id")
        code = strong_code(ref)
        if ref and code is None:
            # The id of a party already loaded from a list; `load` warns if none holds it.
            self.references.append(Reference(row.path.name, row.line, f"{side}_id", ref, by_id=True))
            return ref
        if not ref:
            self.references.append(Reference(row.path.name, row.line, side, name, by_id=False))
        entity_id = party_id("rel", name, code)
        if entity_id not in parties:
            # A security or company code says the party is a company; a bare name may be a brand.
            schema = "Company" if code else "LegalEntity"
            entity = Entity(entity_id, schema, dataset=self.into, citation=template.citation,
                            evidence=template.evidence, source_url=template.source_url)  # fmt: skip
            entity.add("name", name)
            if code:
                entity.add(*code)
            parties[entity_id] = entity
        elif name != parties[entity_id].caption:
            parties[entity_id].add("alias", name)
        return entity_id

    def _edge(
        self,
        row: Row,
        kind: RelationKind,
        upper: str,
        lower: str,
        template: Entity,
        seen: dict[tuple[str, ...], int],
    ) -> Entity:
        try:
            percent = parse_percent(row.get("percent"))
        except ValueError as error:
            raise row.error(str(error), "percent") from None
        start, end = self._dates(row)
        stake = kind in (RelationKind.OWNERSHIP, RelationKind.PARENT)
        # Statements of one holding at different dates are kept apart; a brand or link is one fact.
        key = (upper, lower, kind.value, (start or "") if stake else "")
        if key in seen:
            raise row.error(f"the same relation is stated on line {seen[key]}", "relation")
        seen[key] = row.line
        if stake:
            return ownership(upper, lower, like=template, percent=percent, kind=kind, start=start, end=end)
        if percent is not None:
            raise row.error(f"a share applies to ownership, not to {kind.value!r}", "percent")
        edge = link(lower, upper, like=template, kind=kind, start=start)
        edge.add("endDate", end)
        return edge

    def _dates(self, row: Row) -> tuple[str | None, str | None]:
        found = []
        for column in ("start", "end"):
            try:
                found.append(parse_date(row.get(column)))
            except ValueError as error:
                raise row.error(str(error), column) from None
        start, end = found
        if start and end and end < start:
            raise row.error(f"ends ({end}) before it starts ({start})", "end")
        return start, end
