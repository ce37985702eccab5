"""Turn the current statements into the catalog's columns, entity by entity, in one pass."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from lookthrough.identifiers import BY_PROP
from lookthrough.model import RelationKind, Statement
from lookthrough.model.schema import NAME_PROPS, is_a

INTERVALS = ("Sanction", "Ownership", "UnknownLink")
PARTY_ROOTS = ("LegalEntity", "Vessel", "Airplane")
"""Schemata that can be named, listed and owned; others (Address, Passport, Family …)
describe parties and are not screened against."""
COUNTRY_PROPS = ("country", "jurisdiction", "nationality")

Row = tuple[Any, ...]
"""A statement as (entity_id, schema, prop, value, dataset, citation, evidence, source_url,
lang, snapshot_id): the columns the catalog reads, as stores give them."""


def is_party(schema: str) -> bool:
    return any(is_a(schema, root) for root in PARTY_ROOTS)


def statement_row(s: Statement) -> Row:
    return (s.entity_id, s.schema, s.prop, s.value, s.dataset, s.citation, s.evidence.value,
            s.source_url, s.lang, s.snapshot_id)  # fmt: skip


@dataclass
class Columns:
    """The catalog's columns as Python lists, before they become tables."""

    ids: list[str] = field(default_factory=list)
    schema: list[str] = field(default_factory=list)
    caption: list[str] = field(default_factory=list)
    dataset: list[str] = field(default_factory=list)
    names: dict[str, list[Any]] = field(
        default_factory=lambda: _table("party", "value", "prop", "lang", "source")
    )
    codes: dict[str, list[Any]] = field(
        default_factory=lambda: _table("party", "kind", "value", "prop", "source")
    )
    countries: dict[str, list[Any]] = field(default_factory=lambda: _table("party", "value"))
    listings: dict[str, list[Any]] = field(
        default_factory=lambda: _table("party", "list", "program", "authority", "since", "source")
    )
    edges: dict[str, list[Any]] = field(
        default_factory=lambda: _table("source_id", "target_id", "kind", "percent", "start", "end", "source")
    )
    sources: dict[tuple[str, str, str, str | None, str | None], int] = field(default_factory=dict)
    """(citation, evidence, dataset, snapshot id, url) -> source number."""
    source_list: list[tuple[str, str, str, str | None, str | None]] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)


def _table(*names: str) -> dict[str, list[Any]]:
    return {name: [] for name in names}


class CatalogBuilder:
    """Reads statement rows sorted by entity id; parties first, their intervals after."""

    def __init__(self) -> None:
        self.columns = Columns()
        self._pending: list[list[Row]] = []

    def add_rows(self, rows: Iterable[Row]) -> None:
        group: list[Row] = []
        for row in rows:
            if group and row[0] != group[0][0]:
                self._entity(group)
                group = []
            group.append(row)
        if group:
            self._entity(group)

    def finish(self) -> Columns:
        for group in self._pending:
            self._interval(group)
        self._pending = []
        return self.columns

    def _source(self, row: Row) -> int:
        key = (row[5], row[6], row[4], row[9], row[7])
        found = self.columns.sources.get(key)
        if found is None:
            found = self.columns.sources[key] = len(self.columns.source_list)
            self.columns.source_list.append(key)
        return found

    def _entity(self, group: list[Row]) -> None:
        schema = group[0][1]
        if schema in INTERVALS:
            self._pending.append(group)
        elif is_party(schema):
            self._party(group)

    def _party(self, group: list[Row]) -> None:
        c = self.columns
        entity_id = group[0][0]
        row_number = c.rows.get(entity_id)
        if row_number is None:
            row_number = c.rows[entity_id] = len(c.ids)
            c.ids.append(entity_id)
            c.schema.append(group[0][1])
            c.caption.append("")
            c.dataset.append(group[0][4])
        names: list[tuple[int, str, str, str | None, int]] = []
        for row in group:
            prop = row[2]
            if prop in NAME_PROPS:
                names.append((NAME_PROPS.index(prop), row[3], prop, row[8], self._source(row)))
            elif prop in BY_PROP:
                kind = BY_PROP[prop]
                cleaned = kind.clean(row[3])
                if cleaned:
                    _append(c.codes, row_number, kind.name, cleaned, prop, self._source(row))
            elif prop in COUNTRY_PROPS:
                _append(c.countries, row_number, row[3])
        names.sort(key=lambda n: n[0])  # strongest property first, source order within it
        for _, value, prop, lang, source in names:
            _append(c.names, row_number, value, prop, lang, source)
        if names and not c.caption[row_number]:
            c.caption[row_number] = names[0][1]
        elif not c.caption[row_number]:
            c.caption[row_number] = entity_id

    def _interval(self, group: list[Row]) -> None:
        props: dict[str, list[str]] = defaultdict(list)
        for row in group:
            props[row[2]].append(row[3])
        source = self._source(group[0])
        schema = group[0][1]
        if schema == "Sanction":
            self._listing(props, source)
        elif schema == "Ownership":
            parent = "parent" in props.get("ownershipType", [])
            kind = RelationKind.PARENT if parent else RelationKind.OWNERSHIP
            self._edge(props, "owner", "asset", kind, source)
        elif schema == "UnknownLink":
            roles = " ".join(props.get("role", [])).lower()
            kind = (
                RelationKind.BRAND
                if "brand" in roles
                else RelationKind.ASSOCIATE
                if "associated" in roles
                else RelationKind.LINKED
            )
            self._edge(props, "subject", "object", kind, source)

    def _listing(self, props: dict[str, list[str]], source: int) -> None:
        for entity_id in props.get("entity", []):
            row_number = self.columns.rows.get(entity_id)
            if row_number is None:
                continue
            _append(
                self.columns.listings,
                row_number,
                _first(props, "publisher") or _first(props, "authority") or self._dataset(source),
                _first(props, "program"),
                _first(props, "authority"),
                _first(props, "listingDate") or _first(props, "startDate"),
                source,
            )

    def _dataset(self, source: int) -> str:
        return self.columns.source_list[source][2]

    def _edge(
        self, props: dict[str, list[str]], from_prop: str, to_prop: str, kind: RelationKind, source: int
    ) -> None:
        percent = _percent(_first(props, "percentage"))
        for source_id in props.get(from_prop, []):
            for target_id in props.get(to_prop, []):
                _append(self.columns.edges, source_id, target_id, kind.value, percent,
                        _first(props, "startDate"), _first(props, "endDate"), source)  # fmt: skip


def _append(table: dict[str, list[Any]], *values: Any) -> None:
    for column, value in zip(table.values(), values, strict=True):
        column.append(value)


def _first(props: dict[str, list[str]], prop: str) -> str | None:
    values = props.get(prop)
    return values[0] if values else None


def _percent(text: str | None) -> float | None:
    if not text:
        return None
    try:
        return float(text.strip().rstrip("%"))
    except ValueError:
        return None
