"""Request and response shapes: yente's for /match and /search, lookthrough's own fields added."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field


def _unicode(value: str) -> str:
    """Refuse text that is not valid Unicode (a lone surrogate such as \\ud800 in JSON)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("text must be valid Unicode (it holds a lone surrogate)") from None
    return value


def _unicode_values(values: Any) -> Any:
    for value in values if isinstance(values, list) else [values]:
        if isinstance(value, str):
            _unicode(value)
    return values


Text = Annotated[str, AfterValidator(_unicode)]
"""Text from a request: valid Unicode only."""
Value = Annotated[str | int | float | list[Any], AfterValidator(_unicode_values)]
SECONDS = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$"
Score = Annotated[float, Field(ge=0.0, le=1.0, allow_inf_nan=False)]
"""A score between 0 and 1 (NaN, negative and larger values are refused with 422)."""
CHANGED_SINCE = r"^\d{4}-\d{2}-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?)?$"
Seconds = Annotated[str | None, Field(pattern=SECONDS, examples=["2026-01-01T12:00:00"])]
"""A time as yente writes it: UTC, to the second, without offset."""


class ErrorResponse(BaseModel):
    detail: str = Field(..., examples=["Detailed error message"])


class EntityExample(BaseModel):
    """A query entity, as yente takes it: an FtM schema and its properties."""

    model_config = ConfigDict(populate_by_name=True)

    id: Text | None = Field(None, examples=["my-entity-id"])
    schema_: Text = Field(..., examples=["Company"], alias="schema")
    properties: dict[Text, Value] = Field(
        ..., examples=[{"name": ["Hangzhou Hikvision Digital Technology"], "jurisdiction": ["cn"]}]
    )


class EntityMatchQuery(BaseModel):
    """A batch of query entities keyed by ids of the caller's choosing."""

    weights: dict[Text, float] = Field({}, examples=[{}])
    config: dict[Text, str | int | float | bool | None] = Field(
        {}, description="Settings of a nomenklatura algorithm (yente's)", examples=[{}]
    )
    queries: dict[Text, EntityExample] = Field(..., min_length=1)


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
    properties: dict[str, list[Any]] = Field(
        ..., description="FtM properties; related entities appear nested as entities where asked for",
        examples=[{"name": ["Hikvision"]}],
    )  # fmt: skip
    datasets: list[str] = Field([], examples=[["lookthrough_curated"]])
    referents: list[str] = Field([], examples=[[]])
    target: bool = False
    first_seen: Seconds = None
    last_seen: Seconds = None
    last_change: Seconds = None


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


class SearchFacetItem(BaseModel):
    name: str = Field(..., examples=["ru"])
    label: str = Field(..., examples=["Russia"])
    count: int = Field(1, examples=[42])


class SearchFacet(BaseModel):
    label: str = Field(..., examples=["Countries"])
    values: list[SearchFacetItem]


class SearchResponse(BaseModel):
    limit: int
    offset: int = 0
    total: TotalSpec
    results: list[SearchResult]
    facets: dict[str, SearchFacet] = {}


class AdjacentResultsResponse(BaseModel):
    """One property's related entities, a page at a time."""

    limit: int
    offset: int = 0
    total: TotalSpec
    results: list[str | EntityResponse] = []


class EntityAdjacentResponse(BaseModel):
    entity: EntityResponse
    adjacent: dict[str, AdjacentResultsResponse]


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
    status: Literal["queued", "running", "done", "failed"]
    created_at: AwareDatetime
    created_by: str
    previous_run: str | None
    rows_total: int | None
    rows_done: int
    progress: float | None
    tally: dict[str, int]
    error: str | None
    downloads: dict[str, str]


VerdictName = Literal["match", "false_positive", "escalate", "approve", "return"]
"""A decision on a case; approve and return answer a decision awaiting a second person's approval."""


class DecisionModel(BaseModel):
    id: str
    hit_key: str
    run_id: str
    entity_id: str
    verdict: VerdictName
    reviewer: str
    reason: str
    decided_at: AwareDatetime
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
    verdict: VerdictName = Field(..., examples=["false_positive"])
    reason: Text = Field(
        ...,
        min_length=1,
        max_length=4000,
        pattern=r"\S",
        description="Why; not blank (the audit log keeps it for good)",
        examples=["different company, same words"],
    )


class DatasetModel(BaseModel):
    """A dataset the server knows: a loaded list, or one an imported FtM file names its entities by."""

    name: str = Field(..., examples=["us_ofac_sdn"])
    title: str
    version: str | None = Field(None, description="The current snapshot's id")
    load: bool = Field(..., description="Loaded as a list of its own (else only named by imported entities)")
    index_version: str | None = None
    index_current: bool = False
    entity_count: int = 0
    updated_at: Seconds = None
    published: str | None = None


class CatalogResponse(BaseModel):
    datasets: list[DatasetModel]
    current: list[str]
    outdated: list[str]
    index_stale: bool = False


class AlgorithmDocs(BaseModel):
    name: str
    description: str | None = None
    config: dict[str, dict[str, Any]] = {}
    features: dict[str, FeatureDoc] = {}


class AlgorithmModel(BaseModel):
    name: str
    description: str | None = None
    features: dict[str, FeatureDoc] = Field({}, deprecated=True, description="Use `docs` instead")
    docs: AlgorithmDocs


class AlgorithmResponse(BaseModel):
    algorithms: list[AlgorithmModel]
    default: str
    best: str
