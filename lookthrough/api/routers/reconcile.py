"""OpenRefine's reconciliation API over the loaded lists (see `api/reconcile.py`)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from followthemoney import model
from starlette.concurrency import run_in_threadpool

from lookthrough import settings
from lookthrough.api.algorithms import choose
from lookthrough.api.auth import ListReader, ServiceDep
from lookthrough.api.directory import scope
from lookthrough.api.finder import Query as SearchQuery
from lookthrough.api.matching import CANDIDATE_FLOOR, Filters, answer, understand
from lookthrough.api.matching import Request as MatchRequest
from lookthrough.api.reconcile import (
    MATCHABLE,
    ExtendQuery,
    ReconBatch,
    ReconCandidate,
    ReconResult,
    ReconType,
    SuggestResponse,
    candidate,
    example,
    extend,
    extend_properties,
    parse,
    suggest_properties,
    suggest_types,
)
from lookthrough.api.schemas import ErrorResponse, Text
from lookthrough.api.service import Service
from lookthrough.exc import InvalidInput
from lookthrough.screening.screener import Screener

router = APIRouter(prefix="/reconcile/{dataset}", tags=["Reconciliation"])
ERRORS: dict[int | str, dict[str, Any]] = {400: {"model": ErrorResponse}, 404: {"model": ErrorResponse}}
Prefix = Annotated[Text, Query(max_length=200, description="What the user has typed so far")]


Algorithm = Annotated[Text, Query(description="As for /match: best, or one of yente's names")]


@router.get("", responses=ERRORS)
def manifest(
    request: Request, dataset: str, service: ServiceDep, _: ListReader,
    queries: Annotated[Text | None, Query(description="A batch of queries (JSON), instead of POST")] = None,
    algorithm: Algorithm = "best",
) -> Any:  # fmt: skip
    """The service manifest OpenRefine reads (or, with `queries`, their results)."""
    if queries:
        return _reconcile(service, dataset, queries, algorithm)
    scope(service.directory(), dataset)
    base = str(request.base_url).rstrip("/")
    here = f"{base}/reconcile/{dataset}"
    keep = f"?{request.url.query}" if request.url.query else ""
    return {
        "versions": ["0.2"],
        "name": f"lookthrough: {dataset}",
        "identifierSpace": f"{base}/entities/",
        "schemaSpace": "https://followthemoney.tech/explorer/schemata/",
        "view": {"url": f"{base}/entities/{{{{id}}}}"},
        "batchSize": 10,
        "suggest": {kind: {"service_url": here, "service_path": f"/suggest/{kind}{keep}"}
                    for kind in ("entity", "type", "property")},
        "extend": {
            "propose_properties": {"service_url": here, "service_path": f"/extend/property{keep}"},
            "property_settings": [
                {"name": "limit", "label": "Limit", "type": "number", "default": 0,
                 "help_text": "Values per row at most (0 for all)."},
                {"name": "render", "label": "Values", "type": "select", "default": "caption",
                 "choices": [{"id": "caption", "name": "Readable (Russia)"},
                             {"id": "raw", "name": "Codes (ru)"}],
                 "help_text": "Readable values or FtM codes."},
            ],
        },
        "defaultTypes": [ReconType.of(s).model_dump() for s in MATCHABLE],
    }  # fmt: skip


@router.post("", responses=ERRORS)
async def reconcile(
    dataset: str, service: ServiceDep, _: ListReader,
    queries: Annotated[Text | None, Form(description="A batch of queries, JSON")] = None,
    extend_: Annotated[Text | None, Form(alias="extend", description="A data extension, JSON")] = None,
    algorithm: Algorithm = "best",
) -> Any:  # fmt: skip
    """Answer a batch of reconciliation queries, or a data extension request."""
    if extend_ and extend_.strip():
        asked = parse(ExtendQuery, extend_, "extend")
        return await run_in_threadpool(lambda: extend(service.directory(), asked))
    if not queries:
        raise InvalidInput("No queries or extend request provided.")
    return await run_in_threadpool(_reconcile, service, dataset, queries, algorithm)


def _reconcile(service: Service, dataset: str, text: str, algorithm: str) -> dict[str, ReconResult]:
    """Each query answered as /match answers it, candidates down to a lower score (OpenRefine
    shows them with their scores; `match` says which reach the threshold)."""
    batch: dict[str, Any] = parse(ReconBatch, text, "queries").root
    if len(batch) > int(settings.get("MAX_BATCH")):
        raise InvalidInput(f"Too many queries in one batch (limit: {settings.get('MAX_BATCH')})")
    directory, base, choice = service.directory(), service.screener(), choose(algorithm)
    screener = Screener(base.catalog, base.matcher, CANDIDATE_FLOOR, base.lookthrough)
    found = {}
    for key, query in batch.items():
        request = MatchRequest(choice, Filters(scope=scope(directory, dataset)),
                               base.threshold, CANDIDATE_FLOOR, query.limit)  # fmt: skip
        matches = answer(screener, directory, understand(example(query)), request)
        found[key] = ReconResult(result=[candidate(r) for r in matches.results])
    return found


@router.get("/suggest/entity", response_model=SuggestResponse, responses=ERRORS)
def suggest_entity(
    dataset: str, service: ServiceDep, _: ListReader, prefix: Prefix = "",
    limit: Annotated[int, Query(ge=0, le=500)] = 10,
) -> SuggestResponse:  # fmt: skip
    """Entities whose names start like `prefix` (or resemble it)."""
    results: list[ReconCandidate] = []
    if prefix.strip():
        query = SearchQuery(q=prefix, scope=scope(service.directory(), dataset))
        for record, _score in service.finder().search(query)[:limit]:
            schema = model[record.schema]
            results.append(ReconCandidate(id=record.id, name=record.caption, description=schema.label,
                                          type=[ReconType.of(schema)]))  # fmt: skip
    return SuggestResponse(prefix=prefix, result=results)


@router.get("/suggest/type", response_model=SuggestResponse)
def suggest_type(dataset: str, _: ListReader, prefix: Prefix = "") -> SuggestResponse:
    """Types (FtM schemata) whose names start like `prefix`."""
    return SuggestResponse(prefix=prefix, result=suggest_types(prefix))


@router.get("/suggest/property", response_model=SuggestResponse)
def suggest_property(dataset: str, _: ListReader, prefix: Prefix = "") -> SuggestResponse:
    """Properties whose names start like `prefix`."""
    return SuggestResponse(prefix=prefix, result=suggest_properties(prefix))


@router.get("/extend/property", responses=ERRORS)
def propose_properties(
    dataset: str, _: ListReader, type: Annotated[Text, Query()] = "Thing",
    limit: Annotated[int, Query(ge=0, le=500)] = 0,
) -> dict[str, Any]:  # fmt: skip
    """Properties a type offers for data extension."""
    return {"limit": limit, "type": type, "properties": extend_properties(type, limit)}
