"""Search by name or code, and fetch one entity with the sources of everything said about it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from lookthrough.api.auth import ServiceDep, Viewer
from lookthrough.api.convert import detail, search_result
from lookthrough.api.schemas import EntityDetail, ErrorResponse, SearchResponse, TotalSpec
from lookthrough.identifiers import detect

router = APIRouter(tags=["Data access"])


@router.get("/search", response_model=SearchResponse, response_model_by_alias=True)
@router.get("/search/{dataset}", response_model=SearchResponse, response_model_by_alias=True)
def search(
    q: Annotated[str, Query(min_length=1, max_length=500, title="A name, or an ISIN, LEI or USCC")],
    service: ServiceDep,
    _: Viewer,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    dataset: str = "default",
) -> SearchResponse:
    """Parties whose names or codes resemble `q`, best first, listed or not."""
    screener = service.screener()
    matches = screener.matcher.match(q, detect(q), limit=limit)
    results = [
        search_result(screener.catalog, screener.catalog.parties[m.entity_id], m.score) for m in matches
    ]
    return SearchResponse(limit=limit, total=TotalSpec(value=len(results), relation="eq"), results=results)


@router.get(
    "/entities/{entity_id}",
    response_model=EntityDetail,
    response_model_by_alias=True,
    responses={404: {"model": ErrorResponse}},
)
def entity(entity_id: str, service: ServiceDep, _: Viewer) -> EntityDetail:
    """One party: its names, identifiers, lists and relations, each with its source."""
    catalog = service.catalog
    party = catalog.parties.get(entity_id)
    if party is None:
        raise HTTPException(404, f"No such entity: {entity_id}")
    with service.lock:
        full = service.workspace.store.entity(entity_id)
    return detail(catalog, party, full.properties() if full else None)
