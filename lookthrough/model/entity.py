"""An entity as a bag of statements, in FollowTheMoney's terms."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from lookthrough.model.evidence import Evidence
from lookthrough.model.schema import NAME_PROPS, schema_props
from lookthrough.model.statement import Statement


@dataclass(slots=True)
class EntityMeta:
    """What an FtM export says about an entity as a whole, beside its properties: the datasets
    it comes from, the ids merged into it, and when it was first seen, last seen and changed."""

    datasets: list[str] = field(default_factory=list)
    referents: list[str] = field(default_factory=list)
    first_seen: str | None = None
    last_seen: str | None = None
    last_change: str | None = None


class Entity:
    """A FtM entity whose every value is a Statement carrying its citation."""

    __slots__ = ("citation", "dataset", "evidence", "id", "meta", "schema", "source_url", "statements")

    def __init__(
        self,
        entity_id: str,
        schema: str,
        *,
        dataset: str,
        citation: str,
        evidence: Evidence = Evidence.OFFICIAL,
        source_url: str | None = None,
    ) -> None:
        schema_props(schema)  # fail fast on an unknown schema
        self.id = entity_id
        self.schema = schema
        self.dataset = dataset
        self.citation = citation
        self.evidence = evidence
        self.source_url = source_url
        self.statements: list[Statement] = []
        self.meta: EntityMeta | None = None

    def add(
        self,
        prop: str,
        value: Any,
        *,
        lang: str | None = None,
        original_value: str | None = None,
        citation: str | None = None,
        evidence: Evidence | None = None,
        source_url: str | None = None,
    ) -> None:
        """Add one value; empty values are ignored, unknown properties are a bug."""
        if value is None:
            return
        text = str(value).strip()
        if not text:
            return
        if prop not in schema_props(self.schema):
            raise KeyError(f"{self.schema} has no property {prop!r}")
        for s in self.statements:  # a loop, not any(): this runs for every value loaded
            if s.prop == prop and s.value == text:
                return
        self.statements.append(
            Statement(
                self.id,
                self.schema,
                prop,
                text,
                self.dataset,
                citation or self.citation,
                evidence or self.evidence,
                source_url or self.source_url,
                lang,
                original_value,
            )
        )

    def add_all(self, prop: str, values: Iterable[Any], **kwargs: Any) -> None:
        for value in values:
            self.add(prop, value, **kwargs)

    def get(self, prop: str) -> list[str]:
        return [s.value for s in self.statements if s.prop == prop]

    def first(self, prop: str) -> str | None:
        for s in self.statements:
            if s.prop == prop:
                return s.value
        return None

    def has(self, prop: str) -> bool:
        return any(s.prop == prop for s in self.statements)

    @property
    def caption(self) -> str:
        """The name to show: the first primary name, else any name, else the id."""
        for prop in NAME_PROPS:
            value = self.first(prop)
            if value:
                return value
        return self.id

    def names(self) -> Iterator[Statement]:
        """Every name-like statement, primary names first."""
        for prop in NAME_PROPS:
            for s in self.statements:
                if s.prop == prop:
                    yield s

    def properties(self) -> dict[str, list[str]]:
        props: dict[str, list[str]] = {}
        for s in self.statements:
            props.setdefault(s.prop, []).append(s.value)
        return props

    @classmethod
    def from_statements(cls, statements: list[Statement]) -> Entity:
        """Rebuild an entity from stored statements (all of one entity id)."""
        first = statements[0]
        entity = cls(
            first.entity_id,
            first.schema,
            dataset=first.dataset,
            citation=first.citation,
            evidence=first.evidence,
            source_url=first.source_url,
        )
        entity.statements = list(statements)
        return entity

    def __repr__(self) -> str:
        return f"<Entity {self.schema}:{self.id} {self.caption!r}>"
