"""Search over every current entity: words of names, addresses and identifiers, fuzzy names and
codes through the matcher, filters as yente takes them, facet counts, sorting and paging."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from followthemoney import model, registry
from normality import normalize

from lookthrough.api.directory import Directory, Record
from lookthrough.exc import InvalidInput
from lookthrough.identifiers import detect
from lookthrough.matching.matcher import Matcher

TEXT_TYPES = ("name", "address", "identifier", "string", "email", "phone")
FACETS = {"datasets": "Data sources", "countries": "Countries", "topics": "Topics",
          "schema": "Entity types", "identifiers": "Identifiers", "genders": "Genders"}  # fmt: skip
WORD_WEIGHT = 0.5
SORTABLE = ("caption", "first_seen", "last_seen", "last_change", "score", "_score")


def words(text: str) -> list[str]:
    """Lower-case ASCII words, as names and addresses are compared for search."""
    return (normalize(text, ascii=True) or "").split()


@dataclass
class Query:
    """A search request, parsed: the text, the scope and every filter."""

    q: str = ""
    schema: str = "Thing"
    scope: set[str] | None = None
    include: set[str] = field(default_factory=set)
    exclude: set[str] = field(default_factory=set)
    exclude_schema: set[str] = field(default_factory=set)
    changed_since: str | None = None
    filters: dict[str, list[str]] = field(default_factory=dict)
    all_of: bool = False
    """`filter_op=AND`: a record must have every value asked for in a field, not just one."""
    sort: list[str] = field(default_factory=list)

    def allows(self, record: Record) -> bool:
        found = model.get(record.schema)
        datasets = set(record.datasets)
        if found is None or not found.is_a(self.schema) or record.schema in self.exclude_schema:
            return False
        if (self.scope is not None and not datasets & self.scope) or datasets & self.exclude:
            return False
        if (self.include and not datasets & self.include) or (
            self.changed_since and (record.last_change or "") < self.changed_since
        ):
            return False
        return all(self._passes(record, name, wanted) for name, wanted in self.filters.items())

    def _passes(self, record: Record, name: str, wanted: list[str]) -> bool:
        have = set(field_values(record, name))
        return set(wanted) <= have if self.all_of else bool(have & set(wanted))


def field_values(record: Record, name: str) -> list[str]:
    """The values of a facet or filter field of a record (`countries`, `properties.birthDate`…)."""
    if name.startswith("properties."):
        return record.properties.get(name.removeprefix("properties."), [])
    if name == "datasets":
        return record.datasets
    if name == "schema":
        return [record.schema]
    if name == "target":
        return [str(record.target).lower()]
    if name == "topics":
        return record.properties.get("topics", [])
    kind = {"countries": "country", "identifiers": "identifier", "genders": "gender"}.get(name)
    if kind is None:
        raise InvalidInput(f"Invalid filter field: {name}")
    return record.values(kind)


class Finder:
    """A word index over a directory, built on first use."""

    def __init__(self, directory: Directory, matcher: Matcher) -> None:
        self.directory = directory
        self.matcher = matcher

    @cached_property
    def index(self) -> dict[str, set[str]]:
        index: dict[str, set[str]] = defaultdict(set)
        for record in self.directory.records.values():
            for kind in TEXT_TYPES:
                for value in record.values(kind):
                    for word in words(value):
                        index[word].add(record.id)
        return index

    def search(self, query: Query) -> list[tuple[Record, float]]:
        """Every record the query finds and its filters let through, best first."""
        if not query.q.strip():
            found: Iterable[tuple[str, float]] = ((i, 0.0) for i in self.directory.records)
        else:
            found = self._scored(query.q).items()
        records = self.directory.records
        results = [(records[i], s) for i, s in found if i in records and query.allows(records[i])]
        return sort(results, query.sort)

    def _scored(self, text: str) -> dict[str, float]:
        asked = list(dict.fromkeys(words(text)))
        hits: Counter[str] = Counter()
        for word in asked:
            hits.update(self.index.get(word, ()))
        # Half the score is the share of the words found, half the matcher's score for a party
        # (names spelled differently, word order, ISIN/LEI/USCC codes): words alone rank lower.
        scores = {i: WORD_WEIGHT * n / len(asked) for i, n in hits.items()} if asked else {}
        named: dict[str, float] = {}
        for match in self.matcher.match(text, detect(text), limit=50):
            canonical = self.directory.identity.canonical(match.entity_id)
            named[canonical] = max(named.get(canonical, 0.0), match.score)
        for entity_id, score in named.items():
            scores[entity_id] = scores.get(entity_id, 0.0) + (1 - WORD_WEIGHT) * score
        return scores


def sort(results: list[tuple[Record, float]], keys: list[str]) -> list[tuple[Record, float]]:
    """Best score first (targets first among equals), or by `field:asc|desc` keys."""
    ordered = sorted(results, key=lambda r: (-r[1], not r[0].target, r[0].caption, r[0].id))
    for key in reversed(keys):
        name, _, direction = key.partition(":")
        if name not in SORTABLE:
            raise InvalidInput(f"Invalid sort field: {name} (use one of: {', '.join(SORTABLE)})")
        if name in ("score", "_score"):
            continue
        present = [r for r in ordered if getattr(r[0], name)]
        absent = [r for r in ordered if not getattr(r[0], name)]
        present.sort(key=lambda r: getattr(r[0], name), reverse=direction.lower() == "desc")
        ordered = present + absent
    return ordered


def facets(results: list[tuple[Record, float]], names: Iterable[str]) -> dict[str, dict[str, object]]:
    """Counts of each facet's values over every result (not just the page)."""
    out: dict[str, dict[str, object]] = {}
    for name in names:
        counts = Counter(v for record, _ in results for v in set(field_values(record, name)))
        values = [{"name": v, "label": label(name, v), "count": n} for v, n in counts.most_common(50)]
        out[name] = {"label": FACETS[name], "values": values}
    return out


def label(facet: str, value: str) -> str:
    if facet == "countries":
        return registry.country.caption(value) or value
    if facet == "topics":
        return registry.topic.caption(value) or value
    if facet == "genders":
        return registry.gender.caption(value) or value
    if facet == "schema":
        found = model.get(value)
        return found.label if found else value
    return value
