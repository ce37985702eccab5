"""Query-by-example matching with yente's request, parameters and response."""

from __future__ import annotations

from functools import cache, partial
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from lookthrough import settings
from lookthrough.api.algorithms import YENTE_NAMES, Choice, check_config, choose
from lookthrough.api.auth import ListReader, ServiceDep
from lookthrough.api.directory import Directory, scope
from lookthrough.api.matching import CANDIDATE_FLOOR, Filters, Request, answer
from lookthrough.api.params import described, reader
from lookthrough.api.schemas import (
    CHANGED_SINCE,
    EntityMatchQuery,
    EntityMatchResponse,
    ErrorResponse,
    FeatureDoc,
)
from lookthrough.screening.screener import Screener

router = APIRouter(tags=["Matching"])
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


@router.post(
    "/match/{dataset}",
    summary="Query by example matcher",
    response_model=EntityMatchResponse,
    response_model_by_alias=True,
    responses={400: {"model": ErrorResponse}, 404: {"model": ErrorResponse}},
    openapi_extra=described(MatchParams),
)
async def match(
    body: EntityMatchQuery,
    dataset: str,
    service: ServiceDep,
    _: ListReader,
    params: Annotated[MatchParams, Depends(reader(MatchParams))],
) -> Response:
    """Match entities given as FtM examples, keyed by ids of the caller's choosing; each result is
    a listed party (or the party of the query's kind a look-through rule reaches) with its lists,
    the path to it, and the source of every step."""
    if len(body.queries) > int(settings.get("MAX_BATCH")):
        raise HTTPException(400, f"Too many queries in one batch (limit: {settings.get('MAX_BATCH')})")
    choice = choose(params.algorithm)
    check_config(choice, body.config)
    base = service.cached()
    if base is None:
        base = await run_in_threadpool(service.screener)
    directory = service.cached_directory()
    if directory is None:
        directory = await run_in_threadpool(service.directory)
    chosen = base.threshold if params.threshold is None else params.threshold
    floor = min(params.cutoff, chosen, CANDIDATE_FLOOR if choice.nomenklatura else 1.0)
    p = params
    filters = Filters(
        scope=scope(directory, dataset), include=set(p.include_dataset), exclude=set(p.exclude_dataset),
        topics=set(p.topics), exclude_schema=set(p.exclude_schema), changed_since=p.changed_since,
        exclude_ids={directory.identity.canonical(i) for i in p.exclude_entity_ids},
    )  # fmt: skip
    request = Request(
        choice, filters, chosen, min(params.cutoff, chosen), params.limit, body.weights, dict(body.config)
    )
    screener = Screener(base.catalog, base.matcher, floor, base.lookthrough)
    work = partial(_respond, screener, directory, body, request)
    size = sum(len(str(v)) for q in body.queries.values() for v in q.properties.values())
    result = (
        work() if size <= INLINE_CHARACTERS and not choice.nomenklatura else await run_in_threadpool(work)
    )
    # The response is built from the model above; serialising it directly spares FastAPI's
    # second validation of the same data (a fifth of a one-query request's time).
    return Response(
        result.model_dump_json(by_alias=True),
        media_type="application/json",
        headers={"x-batch-size": str(len(result.responses)), "x-algorithm": choice.used},
    )


def _respond(
    screener: Screener, directory: Directory, body: EntityMatchQuery, request: Request
) -> EntityMatchResponse:
    responses = {key: answer(screener, directory, example, request) for key, example in body.queries.items()}
    return EntityMatchResponse(responses=responses, matcher=_feature_docs(screener, request.choice),
                               limit=request.limit)  # fmt: skip


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
