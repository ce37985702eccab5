"""The curated dataset's registries: the documents it cites and the lists it records."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from lookthrough.exc import SourceError
from lookthrough.model import Evidence
from lookthrough.sources._curated_yaml import Record, as_text
from lookthrough.sources.base import LoadReport

CITATION_FIELDS = ("id", "evidence", "publisher", "title", "date")
CITATION_KEYS = frozenset({*CITATION_FIELDS, "url", "federal_register", "document", "read_at", "note"})
LIST_FIELDS = ("id", "title", "authority", "url")
LIST_KEYS = frozenset({*LIST_FIELDS, "program"})


@dataclass(frozen=True)
class Citation:
    """One public document; every fact of the dataset names one of these."""

    id: str
    evidence: Evidence
    publisher: str
    title: str
    date: str
    url: str | None = None
    federal_register: str | None = None
    document: str | None = None

    def text(self, at: str | None = None) -> str:
        """How the statement cites it: publisher, title, date, FR cite and the place in it."""
        parts = [f'{self.publisher}, "{self.title}", {self.date}']
        parts += [p for p in (self.federal_register, self.document, at) if p]
        return "; ".join(parts)


@dataclass(frozen=True)
class ListDef:
    """An official list as listings name it (publisher, authority, default program)."""

    id: str
    title: str
    authority: str
    url: str
    program: str | None = None


def check_keys(record: Record, allowed: frozenset[str], what: str) -> None:
    """Refuse keys the format does not know, so a misspelt field is not silently ignored."""
    for key in record:
        if key not in allowed:
            raise record.error(f"unknown key in {what}", key)


def required(record: Record, names: tuple[str, ...]) -> dict[str, str]:
    """The named fields as text; raises SourceError naming the first one missing."""
    values = {}
    for name in names:
        value = record.get(name)
        if value is None or not as_text(value):
            raise record.error(f"{name} is missing", name)
        values[name] = as_text(value)
    return values


def optional(record: Record, name: str) -> str | None:
    value = record.get(name)
    return as_text(value) if value is not None and as_text(value) else None


def parse_citation(record: Record) -> Citation:
    check_keys(record, CITATION_KEYS, "a citation")
    values = required(record, CITATION_FIELDS)
    try:
        grade = Evidence.parse(values["evidence"])
    except ValueError as error:
        raise record.error(str(error), "evidence") from None
    return Citation(
        id=values["id"],
        evidence=grade,
        publisher=values["publisher"],
        title=values["title"],
        date=values["date"],
        url=optional(record, "url"),
        federal_register=optional(record, "federal_register"),
        document=optional(record, "document"),
    )


def parse_list(record: Record) -> ListDef:
    check_keys(record, LIST_KEYS, "a list")
    values = required(record, LIST_FIELDS)
    return ListDef(
        id=values["id"],
        title=values["title"],
        authority=values["authority"],
        url=values["url"],
        program=optional(record, "program"),
    )


def records(data: Record, key: str) -> Iterator[Record]:
    """The mappings under `key`; anything else there is a SourceError."""
    items = data.get(key)
    if not isinstance(items, list):
        raise data.error(f"expected a list under {key!r}", key)
    for item in items:
        if not isinstance(item, Record):
            raise data.error(f"every item under {key!r} must be a mapping", key)
        yield item


Item = TypeVar("Item", Citation, ListDef)


def registry(data: Record, key: str, parse: Callable[[Record], Item], report: LoadReport) -> dict[str, Item]:
    """Parse each mapping under `key` into an id -> item table; bad or repeated ids are rejected."""
    table: dict[str, Item] = {}
    for record in records(data, key):
        report.row(record.path)
        try:
            item = parse(record)
        except SourceError as error:
            report.reject(error)
            continue
        if item.id in table:
            report.reject(record.error(f"duplicate id {item.id!r}", "id"))
            continue
        table[item.id] = item
    return table
