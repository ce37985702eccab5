"""Open Ownership's Beneficial Ownership Data Standard (BODS): entities and who owns them.

Reads BODS 0.4 (records) and 0.2/0.3 (statements), as a JSON array or JSON lines; a statement
rejected from an array is named by its number and the line and column where it starts. Companies
and their shareholdings become Company and Ownership entities; control without shares becomes
a link. Natural persons are not imported: lookthrough does not profile people, and a person
here could not be tied to a listed person without doing so. See docs/relations.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lookthrough.encoding import json_raw, physical_lines
from lookthrough.exc import SourceAbort, SourceError
from lookthrough.model import Entity, RelationKind, link, ownership
from lookthrough.model.schema import schema_props
from lookthrough.sources import register
from lookthrough.sources._bods_statement import Statement, parse_statement
from lookthrough.sources._json_array import iter_elements
from lookthrough.sources._relation import parse_date, strong_code
from lookthrough.sources.base import LoadReport, Source, sniff_text

SCHEMAS = {"registeredEntity": "Company", "state": "PublicBody", "stateBody": "PublicBody"}


@register
class Bods(Source):
    name = "bods"
    dataset = "bods"
    per_file = True
    title = "Beneficial Ownership Data Standard (BODS) statements"

    @classmethod
    def detect(cls, path: Path) -> bool:
        if path.suffix.lower() not in (".json", ".jsonl") or not path.is_file():
            return False
        head = sniff_text(path)
        return ('"statementID"' in head or '"statementId"' in head) and (
            '"statementType"' in head or '"recordType"' in head
        )

    def read(self, path: Path, report: LoadReport) -> Iterator[Entity]:
        statements = self._current(list(self._statements(path, report)), report)
        kinds = {s.key: s.kind for s in statements}
        people = sum(1 for s in statements if s.kind == "person")
        if people:
            report.warn(
                f"{path.name}: {people} person statements not imported (lookthrough does not profile people)"
            )
        for statement in statements:
            try:
                if statement.kind == "entity":
                    yield self._entity(path, statement)
                elif statement.kind == "relationship":
                    yield from self._relationship(path, statement, kinds, report)
            except SourceError as error:
                report.reject(error, json_raw(statement.raw, 500))

    def __init__(self) -> None:
        super().__init__()
        self.cut: str | None = None

    def incomplete(self, path: Path, report: LoadReport) -> list[str]:
        """A JSON array that does not parse whole, or JSON lines whose last line is cut short."""
        return [self.cut] if self.cut else []

    def _statements(self, path: Path, report: LoadReport) -> Iterator[Statement]:
        for number, line, column, where, data in self._objects(path, report):
            report.row(path.name)
            try:
                yield parse_statement(data, number, where, path.name, line, column)
            except SourceError as error:
                report.reject(error, json_raw(data, 500))

    def _current(self, statements: list[Statement], report: LoadReport) -> list[Statement]:
        """The latest statement of each record (0.4), less those a later one replaces (0.2/0.3)."""
        replaced = {old for s in statements for old in s.replaces}
        latest: dict[str, Statement] = {}
        for s in statements:
            known = latest.get(s.key)
            if s.id not in replaced and (known is None or s.date >= known.date):
                latest[s.key] = s
        kept = sorted(latest.values(), key=lambda s: s.number)
        if len(kept) < len(statements):
            report.warn(
                f"{len(statements) - len(kept)} statements superseded by later statements of the same record"
            )
        return kept

    def _template(self, path: Path, s: Statement) -> Entity:
        """An entity carrying the statement's citation and evidence to what it states."""
        publisher = ((s.raw.get("publicationDetails") or {}).get("publisher") or {}).get("name") or "BODS"
        source = s.raw.get("source") or {}
        citation = f"{publisher}: BODS statement {s.id} ({path.name} {s.where})"
        if source.get("description"):
            citation += f"; source: {source['description']}"
        return Entity(f"bods-{s.key}", "LegalEntity", dataset=self.into, citation=citation,
                      evidence=s.evidence, source_url=source.get("url"))  # fmt: skip

    def _entity(self, path: Path, s: Statement) -> Entity:
        template = self._template(path, s)
        kind = s.details.get("entityType")
        kind = kind.get("type") if isinstance(kind, dict) else kind
        entity = Entity(template.id, SCHEMAS.get(str(kind), "LegalEntity"), dataset=self.into,
                        citation=template.citation, evidence=template.evidence,
                        source_url=template.source_url)  # fmt: skip
        entity.add("name", s.details.get("name"))
        for alias in s.details.get("alternateNames") or []:
            entity.add("alias", alias)
        for identifier in s.details.get("identifiers") or []:
            if isinstance(identifier, dict) and identifier.get("id"):
                _add_identifier(entity, identifier)
        for listing in (s.details.get("publicListing") or {}).get("securitiesListings") or []:
            security = listing.get("security") or {}
            if security.get("idScheme") == "isin" and "isinCode" in _props(entity):
                entity.add("isinCode", security.get("id"))
        return entity

    def _relationship(
        self, path: Path, s: Statement, kinds: dict[str, str], report: LoadReport
    ) -> Iterator[Entity]:
        subject, _ = s.reference("subject")
        party, hint = s.reference("interestedParty")
        if subject is None or kinds.get(subject) != "entity":
            raise s.error("subject names no entity statement in this file", path.name, "subject")
        if party is None:
            report.warn(f"{s.where}: interested party not specified; nothing to follow")
            return
        if (hint or kinds.get(party)) == "person":
            return
        if kinds.get(party) != "entity":
            raise s.error(
                "interestedParty names no entity statement in this file", path.name, "interestedParty"
            )
        yield from self._interests(path, s, f"bods-{party}", f"bods-{subject}")

    def _interests(self, path: Path, s: Statement, owner: str, asset: str) -> Iterator[Entity]:
        template = self._template(path, s)
        control: list[str] = []
        starts: set[str] = set()
        for interest in s.details.get("interests") or [{}]:
            start, end = self._dates(path, s, interest)
            if interest.get("type") == "shareholding" and interest.get("directOrIndirect") != "indirect":
                if (start or "") in starts:
                    continue
                starts.add(start or "")
                edge = ownership(owner, asset, like=template, percent=_exact(interest.get("share")),
                                 start=start, end=end)  # fmt: skip
                edge.add("summary", _range(interest.get("share")))
                yield edge
            else:
                # Control, or an indirect holding whose chain is stated elsewhere: a link, not a stake.
                control.append(str(interest.get("type") or "interest not stated"))
        if control:
            edge = link(asset, owner, like=template, kind=RelationKind.LINKED)
            edge.add("role", "interested party: " + ", ".join(sorted(set(control))))
            yield edge

    def _dates(self, path: Path, s: Statement, interest: dict[str, Any]) -> tuple[str | None, str | None]:
        found = []
        for field in ("startDate", "endDate"):
            try:
                found.append(parse_date(interest.get(field)))
            except ValueError as error:
                raise s.error(str(error), path.name, field) from None
        start, end = found
        if end is None and s.closed and s.date:
            end = s.date[:10]
        return start, end

    def _objects(self, path: Path, report: LoadReport) -> Iterator[tuple[int, int, int | None, str, Any]]:
        """(number, line, column, where, decoded object) of each statement: a JSON array or JSON lines."""
        text = self.text(path)
        if text.lstrip().startswith("["):
            yield from self._array(text, path, report)
            return
        number = 0
        lines = physical_lines(text)
        for line, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            number += 1
            data, problem = _json(raw)
            if problem is None:
                yield number, line, None, f"line {line}", data
                continue
            report.row(path.name)
            report.reject(SourceError(problem, path=path.name, line=line), raw.strip()[:4000])
            if line == len(lines) and not raw.endswith(("\n", "\r")):
                self.cut = f"{path.name} ends inside a record (line {line})"

    def _array(self, text: str, path: Path, report: LoadReport) -> Iterator[tuple[int, int, int, str, Any]]:
        """The statements of a JSON array, each with the line and column where it starts. The
        array is read up to an element that does not decode; that one and the rest are one reject."""
        try:
            for number, (line, column, item) in enumerate(iter_elements(text, path.name), start=1):
                yield number, line, column, f"statement {number}", item
        except SourceAbort as error:
            report.row(path.name)
            report.reject(SourceError(error.reason, path=path.name, line=error.line))
            self.cut = f"{path.name} is not one whole JSON array: line {error.line}, {error.reason}"


def _json(text: str) -> tuple[Any, str | None]:
    """(the decoded value, None) or (None, why the text is not JSON)."""
    try:
        return json.loads(text), None
    except ValueError as error:
        return None, f"not valid JSON: {error}"
    except RecursionError:
        return None, "not valid JSON: nested too deeply"


def _props(entity: Entity) -> frozenset[str]:
    return schema_props(entity.schema)


def _add_identifier(entity: Entity, identifier: dict[str, Any]) -> None:
    value = str(identifier["id"])
    code = strong_code(value)
    if code and code[0] in _props(entity):
        entity.add(*code)
    elif "registrationNumber" in _props(entity):
        entity.add("registrationNumber", value)


def _exact(share: Any) -> float | None:
    """The share when BODS states it exactly (or as a range of one value); else unknown."""
    if not isinstance(share, dict):
        return None
    if isinstance(share.get("exact"), int | float):
        return float(share["exact"])
    low, high = share.get("minimum"), share.get("maximum")
    return float(low) if isinstance(low, int | float) and low == high else None


def _range(share: Any) -> str | None:
    """A share stated only as a range, kept in words (the rules treat it as unknown)."""
    if not isinstance(share, dict) or _exact(share) is not None:
        return None
    low = share.get("minimum", share.get("exclusiveMinimum"))
    high = share.get("maximum", share.get("exclusiveMaximum"))
    return f"share between {low}% and {high}% (BODS range)" if low is not None or high is not None else None
