"""Answer a /match request: choose the algorithm, screen every query (small requests batched
with concurrent ones on the event loop, larger ones in a worker thread), build the response."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any

from fastapi import HTTPException
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from lookthrough import settings
from lookthrough.api.algorithms import YENTE_NAMES, Choice, check_config, choose
from lookthrough.api.directory import Directory, scope
from lookthrough.api.matching import CANDIDATE_FLOOR, Filters, Request, Understood, answer, understand
from lookthrough.api.schemas import CHANGED_SINCE, EntityMatchQuery, EntityMatchResponse, FeatureDoc
from lookthrough.api.service import Service
from lookthrough.screening.screener import Screener

INLINE_CHARACTERS = 200
"""A request whose names add up to no more is answered on the event loop, where a thread hop
would cost more than the match; anything longer goes to a worker thread."""
MAX_MATCHES = 500
Names = Annotated[list[str], Field(max_length=50)]


class MatchParams(BaseModel):
    """yente's /match parameters (one model: parsed in one go, which is much cheaper)."""

    limit: int = Field(5, ge=0, le=MAX_MATCHES, title="Number of results to return")
    threshold: float | None = Field(
        None, ge=0, le=1, allow_inf_nan=False, title="Score at or above which a result is a match"
    )
    cutoff: float = Field(0.5, ge=0, le=1, allow_inf_nan=False, title="Results scoring below it are left out")
    algorithm: str = Field("best", title=f"best (lookthrough's own) or yente's: {', '.join(YENTE_NAMES)}")
    include_dataset: Names = []
    exclude_dataset: Names = []
    exclude_schema: Names = []
    topics: Names = []
    changed_since: str | None = Field(None, pattern=CHANGED_SINCE)
    exclude_entity_ids: Names = []
    fuzzy: bool = Field(False, title="Accepted for yente's clients; lookthrough always matches fuzzily")


@dataclass(frozen=True)
class Answered:
    """The response, and the algorithm that scored it (a header says so)."""

    response: EntityMatchResponse
    algorithm: str


async def respond(service: Service, body: EntityMatchQuery, dataset: str, params: MatchParams) -> Answered:
    """The answer to each query of the body, by the algorithm the parameters name."""
    if len(body.queries) > int(settings.get("MAX_BATCH")):
        raise HTTPException(400, f"Too many queries in one batch (limit: {settings.get('MAX_BATCH')})")
    choice = choose(params.algorithm)
    check_config(choice, body.config)
    base, directory = await _current(service)
    request = _request(choice, params, base.threshold, directory, dataset, body)
    floor = min(params.cutoff, request.threshold, CANDIDATE_FLOOR if choice.nomenklatura else 1.0)
    screener = Screener(base.catalog, base.matcher, floor, base.lookthrough)
    size = sum(len(str(v)) for q in body.queries.values() for v in q.properties.values())
    if size <= INLINE_CHARACTERS and not choice.nomenklatura:
        understood = {key: understand(example) for key, example in body.queries.items()}
        await service.batcher.prematch(screener, [k for u in understood.values() for k in u.keys])
        result = _respond(screener, directory, understood, request)
    else:
        result = await run_in_threadpool(_understood_and_respond, screener, directory, body, request)
    return Answered(result, choice.used)


async def _current(service: Service) -> tuple[Screener, Directory]:
    """The current screener and directory: from the event loop while no check for new snapshots
    is due, else from a worker thread (a check reads the store)."""
    base = service.cached()
    if base is None:
        base = await run_in_threadpool(service.screener)
    directory = service.cached_directory()
    if directory is None:
        directory = await run_in_threadpool(service.directory)
    return base, directory


def _request(
    choice: Choice, p: MatchParams, default: float, directory: Directory, dataset: str, body: EntityMatchQuery
) -> Request:
    """What every query of the request shares: algorithm, filters, threshold, cutoff, limit."""
    filters = Filters(
        scope=scope(directory, dataset), include=set(p.include_dataset), exclude=set(p.exclude_dataset),
        topics=set(p.topics), exclude_schema=set(p.exclude_schema), changed_since=p.changed_since,
        exclude_ids={directory.identity.canonical(i) for i in p.exclude_entity_ids},
    )  # fmt: skip
    chosen = default if p.threshold is None else p.threshold
    return Request(choice, filters, chosen, min(p.cutoff, chosen), p.limit, body.weights, dict(body.config))


def _respond(
    screener: Screener, directory: Directory, understood: dict[str, Understood], request: Request
) -> EntityMatchResponse:
    responses = {key: answer(screener, directory, query, request) for key, query in understood.items()}
    return EntityMatchResponse(responses=responses, matcher=_feature_docs(screener, request.choice),
                               limit=request.limit)  # fmt: skip


def _understood_and_respond(
    screener: Screener, directory: Directory, body: EntityMatchQuery, request: Request
) -> EntityMatchResponse:
    understood = {key: understand(example) for key, example in body.queries.items()}
    return _respond(screener, directory, understood, request)


def _feature_docs(screener: Screener, choice: Choice) -> dict[str, FeatureDoc]:
    """Each feature's description and weight, published as the algorithm states them."""
    return _documented(choice.scorer or screener.matcher.algorithm)


@cache
def _documented(algorithm: Any) -> dict[str, FeatureDoc]:
    if hasattr(algorithm, "get_feature_docs"):  # nomenklatura's
        return {name: FeatureDoc(**doc.model_dump()) for name, doc in algorithm.get_feature_docs().items()}
    described: dict[str, str] = algorithm.documentation()
    weights: dict[str, float] = algorithm.coefficients()
    return {
        name: FeatureDoc(description=text, coefficient=weights.get(name, 0.0), url="/docs/matching")
        for name, text in described.items()
    }
