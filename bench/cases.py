"""What an evaluation is made of: listed names to index, and queries with their expected answer."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench.paths import sha256_text


@dataclass(frozen=True, slots=True)
class ListedName:
    """One name of one listed entry, as the screener indexes it."""

    entity_id: str
    name: str
    prop: str
    schema: str

    @property
    def person(self) -> bool:
        return self.schema == "Person"


@dataclass(frozen=True, slots=True)
class Query:
    """A name to screen; `target` is the entry it should find (None for a negative)."""

    text: str
    target: str | None
    category: str
    kind: str
    source: str = ""


@dataclass
class EvalSet:
    """The index names and every query of one evaluation run, with notes on how they were built."""

    names: list[ListedName]
    queries: list[Query]
    notes: dict[str, str] = field(default_factory=dict)
    side: dict[str, list[ListedName]] = field(default_factory=dict)
    """Groups ('category:kind') or whole categories screened against an index of their own
    instead of `names`; keys that share one list share one index."""

    def digest(self) -> str:
        """sha256 over every name and query: the key under which baseline results are cached."""
        rows = [f"{n.entity_id}|{n.name}|{n.prop}|{n.schema}" for n in self.names]
        rows += [f"{q.text}|{q.target}|{q.category}|{q.kind}" for q in self.queries]
        for key in sorted(self.side):
            rows += [f"{key}|{n.entity_id}|{n.name}|{n.prop}|{n.schema}" for n in self.side[key]]
        return sha256_text(*rows)

    def index_of(self, query: Query) -> list[ListedName]:
        """The names a query is screened against: its group's or category's own, else `names`."""
        group = f"{query.category}:{query.kind}"
        return self.side.get(group) or self.side.get(query.category) or self.names

    def partitions(self) -> list[tuple[list[ListedName], list[int]]]:
        """Query positions by the index they are screened against, the main index first."""
        found: dict[int, tuple[list[ListedName], list[int]]] = {id(self.names): (self.names, [])}
        for position, query in enumerate(self.queries):
            names = self.index_of(query)
            found.setdefault(id(names), (names, []))[1].append(position)
        return [part for part in found.values() if part[1]]

    def schemas(self) -> dict[str, str]:
        return {n.entity_id: n.schema for names in (self.names, *self.side.values()) for n in names}

    def write_queries(self, path: Path) -> None:
        """Save the queries as JSON lines, for reading and for diffing between runs."""
        with path.open("w", encoding="utf-8") as handle:
            for query in self.queries:
                handle.write(json.dumps(asdict(query), ensure_ascii=False) + "\n")
