"""Answer one yente query: screen its names and codes, keep results of a fitting schema that pass
the filters, one per party, scored by the chosen algorithm."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from followthemoney import ValueEntity, model

from lookthrough.api.algorithms import Choice
from lookthrough.api.convert import scored
from lookthrough.api.directory import Directory, Record
from lookthrough.api.example import clean_example, compatible, countries, terms
from lookthrough.api.schemas import EntityExample, EntityMatches, FeatureResult, TotalSpec
from lookthrough.screening.result import Hit
from lookthrough.screening.screener import Key, Screener

CANDIDATE_FLOOR = 0.4
"""Name-match score down to which candidates are handed to a nomenklatura algorithm to score."""


@dataclass
class Filters:
    """What a request lets through: datasets, topics, schemata, freshness and excluded ids."""

    scope: set[str] | None = None
    include: set[str] = field(default_factory=set)
    exclude: set[str] = field(default_factory=set)
    topics: set[str] = field(default_factory=set)
    exclude_schema: set[str] = field(default_factory=set)
    changed_since: str | None = None
    exclude_ids: set[str] = field(default_factory=set)

    def allows(self, record: Record) -> bool:
        datasets = set(record.datasets)
        if self.scope is not None and not datasets & self.scope:
            return False
        if (self.include and not datasets & self.include) or datasets & self.exclude:
            return False
        if self.topics and not self.topics & set(record.properties.get("topics", [])):
            return False
        if record.schema in self.exclude_schema or record.id in self.exclude_ids:
            return False
        return not self.changed_since or (record.last_change or "") >= self.changed_since


@dataclass
class Request:
    """The parts of a /match request every query of the batch shares."""

    choice: Choice
    filters: Filters
    threshold: float
    cutoff: float
    limit: int
    weights: dict[str, float] = field(default_factory=dict)
    config: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Understood:
    """A query entity as it was understood: cleaned, and the screening queries it asks."""

    example: EntityExample
    query: ValueEntity
    keys: list[Key]


def understand(example: EntityExample) -> Understood:
    """Clean a query entity and say what it asks: each of its names with its codes and countries
    (or the codes alone when it has no name)."""
    query = clean_example(example.schema_, example.properties)
    names, codes = terms(query)
    where = tuple(countries(query))
    asked: list[str] = list(names) or ([""] if codes else [])
    return Understood(example, query, [(name, tuple(codes), where) for name in asked])


def answer(
    screener: Screener, directory: Directory, understood: Understood, request: Request
) -> EntityMatches:
    """The results for one query entity, best first, and the query as it was understood."""
    query = understood.query
    best: dict[str, tuple[float, Hit, Record, Any]] = {}
    for hits in screener.screen_many(understood.keys):
        for hit in hits:
            record = _result(directory, query.schema.name, hit)
            if record is None or not request.filters.allows(record):
                continue
            score, explained = _score(request, query, record, hit)
            known = best.get(record.id)
            if known is None or score > known[0]:
                best[record.id] = (score, _with_lists(hit, known[1] if known else None), record, explained)
            else:
                _with_lists(known[1], hit)
    ranked = sorted((v for v in best.values() if v[0] >= request.cutoff), key=lambda v: (-v[0], v[2].id))
    results = [scored(record, hit, score, request.threshold, explained)
               for score, hit, record, explained in ranked[: request.limit]]  # fmt: skip
    example = understood.example
    echoed = EntityExample(id=example.id, schema=query.schema.name, properties=dict(query.properties))
    return EntityMatches(
        status=200, results=results, total=TotalSpec(value=len(ranked), relation="eq"), query=echoed
    )


def _result(directory: Directory, schema: str, hit: Hit) -> Record | None:
    """The entity to answer with: the listed party, or the matched one when the listed party is of
    a kind the query cannot meet (a company owned by a listed person, for a Company query)."""
    matched_id = hit.path[0].entity_id if hit.path else hit.entity_id
    matched = directory.get(matched_id)
    if matched is None or not compatible(schema, matched.schema):
        return None
    listed = directory.merged(directory.identity.canonical(hit.entity_id))
    if listed is not None and compatible(schema, listed.schema):
        return listed
    return directory.merged(directory.identity.canonical(matched_id))


def _score(request: Request, query: ValueEntity, record: Record, hit: Hit) -> tuple[float, Any]:
    """lookthrough's score, or nomenklatura's for a yente algorithm name."""
    scorer = request.choice.scorer
    if scorer is None:
        return hit.score, None
    from nomenklatura.matching.types import ScoringConfig

    candidate = ValueEntity(model[record.schema], {"id": record.id, "properties": record.properties})
    config = ScoringConfig(weights=request.weights, config=request.config)
    result = scorer.compare(query=query, result=candidate, config=config)
    explained = {
        name: FeatureResult(detail=r.detail, score=r.score, query=r.query, candidate=r.candidate)
        for name, r in result.explanations.items()
    }
    return float(result.score), explained


def _with_lists(hit: Hit, other: Hit | None) -> Hit:
    """`hit`, also carrying the list entries of `other` (another entry of the same party)."""
    if other is not None:
        known = {(e.list, e.program) for e in hit.lists}
        hit.lists.extend(e for e in other.lists if (e.list, e.program) not in known)
        hit.sources = sorted(set(hit.sources) | set(other.sources))
    return hit
