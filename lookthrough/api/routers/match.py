"""Query-by-example matching with yente's request, parameters and response."""

from __future__ import annotations

from functools import partial
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Response
from starlette.concurrency import run_in_threadpool

from lookthrough import settings
from lookthrough.api.algorithms import YENTE_NAMES, Choice, check_config, choose
from lookthrough.api.auth import ListReader, ServiceDep
from lookthrough.api.directory import Directory, scope
from lookthrough.api.matching import CANDIDATE_FLOOR, Filters, Request, answer
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
Names = Annotated[list[str], Query(max_length=50)]


@router.post(
    "/match/{dataset}",
    summary="Query by example matcher",
    response_model=EntityMatchResponse,
    response_model_by_alias=True,
    responses={400: {"model": ErrorResponse}, 404: {"model": ErrorResponse}},
)
async def match(
    body: EntityMatchQuery,
    dataset: str,
    service: ServiceDep,
    _: ListReader,
    limit: Annotated[int, Query(ge=0, le=MAX_MATCHES, title="Number of results to return")] = 5,
    threshold: Annotated[
        float | None,
        Query(ge=0, le=1, allow_inf_nan=False, title="Score at or above which a result is a match"),
    ] = None,
    cutoff: Annotated[
        float, Query(ge=0, le=1, allow_inf_nan=False, title="Results scoring below it are left out")
    ] = 0.5,
    algorithm: Annotated[
        str, Query(title=f"best (lookthrough's name_v1) or yente's: {', '.join(YENTE_NAMES)}")
    ] = "best",
    include_dataset: Names = [],  # noqa: B006  (FastAPI copies defaults)
    exclude_dataset: Names = [],  # noqa: B006
    exclude_schema: Names = [],  # noqa: B006
    topics: Names = [],  # noqa: B006
    changed_since: Annotated[str | None, Query(pattern=CHANGED_SINCE)] = None,
    exclude_entity_ids: Names = [],  # noqa: B006
    fuzzy: Annotated[
        bool, Query(title="Accepted for yente's clients; lookthrough always matches fuzzily")
    ] = False,
) -> Response:
    """Match entities given as FtM examples, keyed by ids of the caller's choosing; each result is
    a listed party (or the party of the query's kind a look-through rule reaches) with its lists,
    the path to it, and the source of every step."""
    if len(body.queries) > int(settings.get("MAX_BATCH")):
        raise HTTPException(400, f"Too many queries in one batch (limit: {settings.get('MAX_BATCH')})")
    choice = choose(algorithm)
    check_config(choice, body.config)
    base = service.cached()
    if base is None:
        base = await run_in_threadpool(service.screener)
    directory = service.cached_directory()
    if directory is None:
        directory = await run_in_threadpool(service.directory)
    chosen = base.threshold if threshold is None else threshold
    floor = min(cutoff, chosen, CANDIDATE_FLOOR if choice.nomenklatura else 1.0)
    filters = Filters(
        scope=scope(directory, dataset), include=set(include_dataset), exclude=set(exclude_dataset),
        topics=set(topics), exclude_schema=set(exclude_schema), changed_since=changed_since,
        exclude_ids={directory.identity.canonical(i) for i in exclude_entity_ids},
    )  # fmt: skip
    request = Request(choice, filters, chosen, min(cutoff, chosen), limit, body.weights, dict(body.config))
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
    if choice.scorer is not None:
        return {
            name: FeatureDoc(**doc.model_dump()) for name, doc in choice.scorer.get_feature_docs().items()
        }
    algorithm = screener.matcher.algorithm
    described: dict[str, str] = getattr(algorithm, "FEATURES", {})
    weights: dict[str, float] = getattr(algorithm, "WEIGHTS", {})
    return {
        name: FeatureDoc(description=text, coefficient=weights.get(name, 0.0), url="/docs/matching")
        for name, text in described.items()
    }
