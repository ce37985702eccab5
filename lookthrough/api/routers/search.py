"""Search, and one entity with its neighbours, its sources and its other ids."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.responses import RedirectResponse
from followthemoney import model, registry

from lookthrough.api.auth import ListReader, ServiceDep
from lookthrough.api.convert import detail, entity_fields, search_result
from lookthrough.api.directory import Directory, Record, scope
from lookthrough.api.finder import Query as SearchQuery
from lookthrough.api.finder import facets
from lookthrough.api.nested import neighbours, nest
from lookthrough.api.schemas import (
    CHANGED_SINCE,
    AdjacentResultsResponse,
    EntityAdjacentResponse,
    EntityDetail,
    EntityResponse,
    ErrorResponse,
    SearchResponse,
    Text,
    TotalSpec,
)
from lookthrough.api.service import Service

router = APIRouter(tags=["Data access"])
MAX_PAGE = 500
MAX_OFFSET = 9_499
"""yente's window: offset + limit stay within the first 10,000 results."""
Many = Annotated[list[Text], Query(max_length=100)]
REDIRECT: dict[int | str, dict[str, Any]] = {
    308: {"description": "The id was merged into another; follow to the canonical id"}
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorResponse}}


class Facet(StrEnum):
    DATASETS = "datasets"
    SCHEMA = "schema"
    COUNTRIES = "countries"
    IDENTIFIERS = "identifiers"
    TOPICS = "topics"
    GENDERS = "genders"


class FilterOp(StrEnum):
    OR = "OR"
    AND = "AND"


@router.get("/search", response_model=SearchResponse, response_model_by_alias=True,
            responses={**NOT_FOUND, 400: {"model": ErrorResponse}})  # fmt: skip
@router.get("/search/{dataset}", response_model=SearchResponse, response_model_by_alias=True,
            responses={**NOT_FOUND, 400: {"model": ErrorResponse}})  # fmt: skip
def search(
    service: ServiceDep,
    _: ListReader,
    dataset: str = "default",
    q: Annotated[
        Text, Query(max_length=1000, title="A name, words of an address, an ISIN, LEI or USCC")
    ] = "",
    schema: Annotated[Text, Query(title="Kind of entity (FtM schema) results must be")] = "Thing",
    include_dataset: Many = [],  # noqa: B006  (FastAPI copies defaults)
    exclude_dataset: Many = [],  # noqa: B006
    exclude_schema: Many = [],  # noqa: B006
    changed_since: Annotated[str | None, Query(pattern=CHANGED_SINCE)] = None,
    countries: Many = [],  # noqa: B006
    topics: Many = [],  # noqa: B006
    datasets: Many = [],  # noqa: B006
    filter: Annotated[
        list[Text], Query(max_length=100, title="field:value, e.g. properties.birthDate:1965")
    ] = [],  # noqa: B006
    limit: Annotated[int, Query(ge=0, le=MAX_PAGE)] = 10,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    sort: Many = [],  # noqa: B006
    target: bool | None = None,
    fuzzy: bool = False,
    simple: bool = False,
    facets_: Annotated[list[Facet], Query(alias="facets")] = [Facet.COUNTRIES, Facet.TOPICS, Facet.DATASETS],  # noqa: B006
    filter_op: FilterOp = FilterOp.OR,
) -> SearchResponse:
    """Entities whose names, addresses or codes contain the words of `q` (or resemble them, for
    names and codes), listed or not, with totals and facet counts over every result."""
    directory = service.directory()
    if model.get(schema) is None:
        raise HTTPException(400, f"Invalid schema: {schema}")
    wanted = {"countries": countries, "topics": topics, "datasets": datasets}
    for item in filter:
        name, sep, value = item.partition(":")
        if not sep:
            raise HTTPException(400, f"Invalid filter: {item!r} (use field:value)")
        wanted.setdefault(name, []).append(value)
    if target is not None:
        wanted["target"] = [str(target).lower()]
    query = SearchQuery(
        q=q, schema=schema, scope=scope(directory, dataset), include=set(include_dataset),
        exclude=set(exclude_dataset), exclude_schema=set(exclude_schema), changed_since=changed_since,
        filters={k: v for k, v in wanted.items() if v}, all_of=filter_op is FilterOp.AND, sort=sort,
    )  # fmt: skip
    found = service.finder().search(query)
    limit = min(limit, MAX_OFFSET + MAX_PAGE - offset)
    page = [search_result(service.catalog, record, score) for record, score in found[offset : offset + limit]]
    return SearchResponse(
        limit=limit, offset=offset, total=TotalSpec(value=len(found), relation="eq"), results=page,
        facets=facets(found, [f.value for f in facets_]),  # type: ignore[arg-type]
    )  # fmt: skip


def _found(service: Service, entity_id: str, route: str) -> Record | RedirectResponse:
    """The record of `entity_id`, a 308 to the canonical id of a merged one, or 404."""
    directory = service.directory()
    canonical = directory.identity.canonical(entity_id)
    if canonical != entity_id:
        return RedirectResponse(route.format(id=canonical), status_code=308)
    record = directory.merged(entity_id)
    if record is None:
        raise HTTPException(404, f"No such entity: {entity_id}")
    return record


EntityId = Annotated[Text, Path(description="Id of the entity", examples=["lt-hikvision"])]


@router.get("/entities/{entity_id}", response_model=EntityDetail, response_model_by_alias=True,
            responses={**REDIRECT, **NOT_FOUND})  # fmt: skip
def entity(
    entity_id: EntityId,
    service: ServiceDep,
    _: ListReader,
    nested: Annotated[bool, Query(title="Nest related entities (sanctions, owners, addresses …)")] = True,
) -> EntityDetail | RedirectResponse:
    """One entity with every property (related entities nested), and lookthrough's account of it:
    names, identifiers, lists and relations, each with its source and evidence grade. An id that
    was merged into another answers 308 with the canonical id."""
    found = _found(service, entity_id, "/entities/{id}")
    if isinstance(found, RedirectResponse):
        return found
    properties = nest(service.directory(), found)["properties"] if nested else found.properties
    return detail(service.catalog, found, properties)


@router.get("/entities/{entity_id}/adjacent", response_model=EntityAdjacentResponse,
            response_model_by_alias=True, responses={**REDIRECT, **NOT_FOUND})  # fmt: skip
def adjacent(
    entity_id: EntityId,
    service: ServiceDep,
    _: ListReader,
    limit: Annotated[int, Query(ge=0, le=MAX_PAGE, title="Entities per property")] = 10,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> EntityAdjacentResponse | RedirectResponse:
    """The entities related to one, per property, a page at a time."""
    found = _found(service, entity_id, "/entities/{id}/adjacent")
    if isinstance(found, RedirectResponse):
        return found
    directory = service.directory()
    schema = model.get(found.schema)
    pages = {
        name: _page(directory, found, name, limit, offset)
        for name, prop in (schema.properties.items() if schema else [])
        if prop.type == registry.entity
    }
    return EntityAdjacentResponse(
        entity=EntityResponse(**entity_fields(found)),
        adjacent={name: page for name, page in pages.items() if page.total.value},
    )


@router.get("/entities/{entity_id}/adjacent/{property_name}", response_model=AdjacentResultsResponse,
            response_model_by_alias=True, responses={**REDIRECT, **NOT_FOUND})  # fmt: skip
def adjacent_by_property(
    entity_id: EntityId,
    property_name: Annotated[Text, Path(examples=["ownershipOwner", "sanctions"])],
    service: ServiceDep,
    _: ListReader,
    limit: Annotated[int, Query(ge=0, le=MAX_PAGE, title="Entities to return")] = 10,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> AdjacentResultsResponse | RedirectResponse:
    """The entities related to one under one property, a page at a time."""
    found = _found(service, entity_id, "/entities/{id}/adjacent/" + property_name)
    if isinstance(found, RedirectResponse):
        return found
    schema = model.get(found.schema)
    prop = schema.get(property_name) if schema else None
    if prop is None or prop.type != registry.entity:
        raise HTTPException(404, f"No such property: {property_name}")
    return _page(service.directory(), found, property_name, limit, offset)


def _page(
    directory: Directory, record: Record, name: str, limit: int, offset: int
) -> AdjacentResultsResponse:
    schema = model.get(record.schema)
    prop = schema.get(name) if schema else None
    everything = [(p, i) for p, i in neighbours(directory, record, prop) if directory.get(i)]
    page = everything[offset : offset + limit]
    nested = nest(directory, record, page)["properties"].get(name, []) if page else []
    total = TotalSpec(value=len(everything), relation="eq")
    return AdjacentResultsResponse(limit=limit, offset=offset, total=total, results=nested)
