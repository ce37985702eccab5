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
    """Groups ('category:kind') screened against an index of their own instead of `names`."""

    def digest(self) -> str:
        """sha256 over every name and query: the key under which baseline results are cached."""
        rows = [f"{n.entity_id}|{n.name}|{n.prop}|{n.schema}" for n in self.names]
        rows += [f"{q.text}|{q.target}|{q.category}|{q.kind}" for q in self.queries]
        return sha256_text(*rows)

    def schemas(self) -> dict[str, str]:
        return {n.entity_id: n.schema for n in self.names}

    def write_queries(self, path: Path) -> None:
        """Save the queries as JSON lines, for reading and for diffing between runs."""
        with path.open("w", encoding="utf-8") as handle:
            for query in self.queries:
                handle.write(json.dumps(asdict(query), ensure_ascii=False) + "\n")
