"""Query-by-example matching with yente's request and response shapes."""

from __future__ import annotations

from functools import partial
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Response
from starlette.concurrency import run_in_threadpool

from lookthrough import settings
from lookthrough.api.auth import ServiceDep, Viewer
from lookthrough.api.convert import example_terms, scored
from lookthrough.api.schemas import (
    EntityMatches,
    EntityMatchQuery,
    EntityMatchResponse,
    ErrorResponse,
    FeatureDoc,
    TotalSpec,
)
from lookthrough.catalog import Catalog
from lookthrough.matching import ALGORITHMS
from lookthrough.model.schema import is_a
from lookthrough.screening.result import Hit
from lookthrough.screening.screener import Screener

router = APIRouter(tags=["Matching"])
INLINE_QUERIES = 4
ALL_DATASETS = ("default", "all", "sanctions")
"""Dataset names that mean every loaded list, as yente clients commonly ask."""


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
    _: Viewer,
    limit: Annotated[int, Query(ge=1, le=100, title="Number of results to return")] = 5,
    threshold: Annotated[float | None, Query(title="Score at or above which a result is a match")] = None,
    cutoff: Annotated[float, Query(title="Lower bound of score for results to be returned at all")] = 0.5,
    algorithm: Annotated[str, Query(title="Matching algorithm (lookthrough has name_v1)")] = "best",
) -> Response:
    """Match entities given as FtM examples, keyed by ids of the caller's choosing; each result is
    a listed party with its lists, the look-through path to it, and the source of every step."""
    if len(body.queries) > int(settings.get("MAX_BATCH")):
        raise HTTPException(400, f"Too many queries in one batch (limit: {settings.get('MAX_BATCH')})")
    if not body.queries:
        raise HTTPException(400, "No queries provided.")
    cached = service.cached()
    base = cached if cached is not None else await run_in_threadpool(service.screener)
    if algorithm not in (*ALGORITHMS, "best", "default") and algorithm != base.matcher.algorithm.NAME:
        raise HTTPException(400, f"Unknown algorithm: {algorithm}")
    allowed = _datasets(base.catalog, dataset)
    floor = cutoff if threshold is None else min(cutoff, threshold)
    work = partial(_respond, Screener(base.catalog, base.matcher, floor, base.lookthrough), body, allowed,
                   base.threshold if threshold is None else threshold, limit)  # fmt: skip
    # A few queries are answered on the event loop, where a thread hop would cost more than the
    # match; larger batches go to a worker thread so they do not hold up other requests.
    result = work() if len(body.queries) <= INLINE_QUERIES else await run_in_threadpool(work)
    # The response is built from the model above; serialising it directly spares FastAPI's
    # second validation of the same data (a fifth of a one-query request's time).
    return Response(
        result.model_dump_json(by_alias=True),
        media_type="application/json",
        headers={"x-batch-size": str(len(result.responses))},
    )


def _respond(
    screener: Screener, body: EntityMatchQuery, allowed: set[str] | None, threshold: float, limit: int
) -> EntityMatchResponse:
    responses = {}
    for key, example in body.queries.items():
        hits = _hits(screener, example.schema_, *example_terms(example.properties), allowed)
        results = [scored(screener.catalog, hit, threshold) for hit in hits[:limit]]
        total = TotalSpec(value=len(hits), relation="eq")
        responses[key] = EntityMatches(status=200, results=results, total=total, query=example)
    return EntityMatchResponse(responses=responses, matcher=_feature_docs(screener), limit=limit)


def _datasets(catalog: Catalog, dataset: str) -> set[str] | None:
    if dataset in ALL_DATASETS:
        return None
    if not any(party.dataset == dataset for party in catalog.parties.values()):
        raise HTTPException(404, f"No such dataset: {dataset}")
    return {dataset}


def _hits(
    screener: Screener, schema: str, names: list[str], codes: list[tuple[str, str]], allowed: set[str] | None
) -> list[Hit]:
    """The best hit per listed party over every name of the query."""
    if not is_a(schema, "Thing"):
        raise HTTPException(400, f"Cannot parse example entity: unknown schema {schema!r}")
    best: dict[str, Hit] = {}
    queries: list[str | None] = list(names) or [None]
    for name in queries:
        for hit in screener.screen(name, codes):
            key = screener.catalog.cluster_of(hit.entity_id)
            if _compatible(screener.catalog, hit, schema, allowed) and (
                key not in best or hit.score > best[key].score
            ):
                best[key] = hit
    return sorted(best.values(), key=lambda h: (-h.score, h.entity_id))


def _compatible(catalog: Catalog, hit: Hit, schema: str, allowed: set[str] | None) -> bool:
    """A person query meets people and an organisation query organisations, as in yente; judged
    on the party the name matched (a company's listed owner may well be a person)."""
    if allowed is not None:
        lists = {catalog.parties[m].dataset for m in catalog.cluster(hit.entity_id)}
        if not allowed & lists:
            return False
    matched = catalog.parties[hit.path[0].entity_id if hit.path else hit.entity_id].schema
    if is_a(schema, "Person"):
        return matched in ("Person", "LegalEntity")
    return schema in ("LegalEntity", "Thing") or not is_a(matched, "Person")


def _feature_docs(screener: Screener) -> dict[str, FeatureDoc]:
    """Each feature's description and weight, published as the algorithm states them."""
    algorithm = screener.matcher.algorithm
    described: dict[str, str] = algorithm.documentation()
    weights: dict[str, float] = algorithm.coefficients()
    return {
        name: FeatureDoc(description=text, coefficient=weights.get(name, 0.0), url="/docs/matching")
        for name, text in described.items()
    }
