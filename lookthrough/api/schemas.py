"""Request and response shapes: yente's for /match and /search, lookthrough's own fields added."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ErrorResponse(BaseModel):
    detail: str = Field(..., examples=["Detailed error message"])


class EntityExample(BaseModel):
    """A query entity, as yente takes it: an FtM schema and its properties."""

    model_config = ConfigDict(populate_by_name=True)

    id: str | None = Field(None, examples=["my-entity-id"])
    schema_: str = Field(..., examples=["Company"], alias="schema")
    properties: dict[str, str | list[Any]] = Field(
        ..., examples=[{"name": ["Hangzhou Hikvision Digital Technology"], "jurisdiction": ["cn"]}]
    )


class EntityMatchQuery(BaseModel):
    """A batch of query entities keyed by ids of the caller's choosing."""

    weights: dict[str, float] = Field({}, examples=[{}])
    config: dict[str, Any] = Field({}, examples=[{}])
    queries: dict[str, EntityExample]


class TotalSpec(BaseModel):
    value: int = Field(..., examples=[1])
    relation: str = Field("eq", examples=["eq"])


class FeatureResult(BaseModel):
    """One feature's value and what it measured (yente's `explanations`)."""

    detail: str | None
    score: float
    query: str | None = None
    candidate: str | None = None


class EntityResponse(BaseModel):
    """An entity as yente returns it."""

    model_config = ConfigDict(populate_by_name=True)

    id: str = Field(..., examples=["lt-hikvision"])
    caption: str = Field(..., examples=["HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD."])
    schema_: str = Field(..., examples=["Company"], alias="schema")
    properties: dict[str, list[Any]] = Field(..., examples=[{"name": ["Hikvision"]}])
    datasets: list[str] = Field([], examples=[["lookthrough_curated"]])
    referents: list[str] = Field([], examples=[[]])
    target: bool = False
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    last_change: datetime | None = None


class ListEntryModel(BaseModel):
    list: str
    program: str | None = None
    since: str | None = None
    citation: str
    authority: str | None = None
    evidence: str
    snapshot: str | None = None


class StepModel(BaseModel):
    """One step of a look-through path, with its source."""

    entity_id: str
    name: str
    relation: str
    percent: float | None = None
    source: str | None = None
    evidence: str | None = None
    date: str | None = None
    until: str | None = None
    dataset: str | None = None


class ScoredEntityResponse(EntityResponse):
    """A yente match result plus lookthrough's explanation: lists, path, sources and rule."""

    score: float = Field(..., examples=[0.99])
    features: dict[str, float] = Field({}, examples=[{"query_covered": 1.0}])
    explanations: dict[str, FeatureResult] = {}
    match: bool = False
    matched_name: str | None = None
    rule: str = Field("listed", examples=["listed", "ofac_50", "related"])
    lists: list[ListEntryModel] = []
    path: list[StepModel] = []
    sources: list[str] = []
    aggregate_percent: float | None = None
    basis: str | None = None


class EntityMatches(BaseModel):
    status: int = Field(200, examples=[200])
    results: list[ScoredEntityResponse]
    total: TotalSpec
    query: EntityExample


class FeatureDoc(BaseModel):
    description: str | None
    coefficient: float
    url: str


class EntityMatchResponse(BaseModel):
    responses: dict[str, EntityMatches]
    matcher: dict[str, FeatureDoc]
    limit: int = Field(..., examples=[5])


class SearchResult(EntityResponse):
    score: float
    listed: bool
    lists: list[ListEntryModel] = []


class SearchResponse(BaseModel):
    limit: int
    offset: int = 0
    total: TotalSpec
    results: list[SearchResult]
    facets: dict[str, Any] = {}


class NameModel(BaseModel):
    value: str
    prop: str
    lang: str | None = None
    source: str
    evidence: str


class IdentifierModel(BaseModel):
    kind: str
    value: str
    prop: str
    source: str
    evidence: str


class RelationModel(BaseModel):
    """A relation of the entity, pointing from holder or brand to what it holds or belongs to."""

    direction: str = Field(..., examples=["outbound", "inbound"])
    kind: str
    other_id: str
    other_caption: str
    percent: float | None = None
    start: str | None = None
    end: str | None = None
    source: str
    evidence: str
    dataset: str


class EntityDetail(EntityResponse):
    """An entity with its names, identifiers, listings and relations, each with its source."""

    names: list[NameModel] = []
    identifiers: list[IdentifierModel] = []
    lists: list[ListEntryModel] = []
    relations: list[RelationModel] = []


class StatusResponse(BaseModel):
    status: str = "ok"


class ReadyResponse(BaseModel):
    status: str
    snapshots: list[str]


class RunModel(BaseModel):
    """A screening run and its progress."""

    id: str
    filename: str
    status: str
    created_at: datetime
    created_by: str
    previous_run: str | None
    rows_total: int | None
    rows_done: int
    progress: float | None
    tally: dict[str, int]
    error: str | None
    downloads: dict[str, str]


class DecisionModel(BaseModel):
    id: str
    hit_key: str
    run_id: str
    entity_id: str
    verdict: str
    reviewer: str
    reason: str
    decided_at: datetime
    fingerprint: str


class CaseModel(BaseModel):
    run_id: str
    hit_key: str
    row: int
    line: int
    query: str
    entity_id: str
    name: str
    score: float
    rule: str
    state: str
    changes: list[str]
    latest: DecisionModel | None
    hit: dict[str, Any]


class DecisionRequest(BaseModel):
    verdict: str = Field(..., examples=["false_positive"])
    reason: str = Field(..., min_length=1, max_length=4000, examples=["different company, same words"])
