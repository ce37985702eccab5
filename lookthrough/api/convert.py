"""Turn lookthrough's parties, hits and review records into API responses."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from lookthrough.api.directory import Record
from lookthrough.api.schemas import (
    CaseModel,
    DecisionModel,
    EntityDetail,
    FeatureResult,
    IdentifierModel,
    ListEntryModel,
    NameModel,
    RelationModel,
    RunModel,
    ScoredEntityResponse,
    SearchResult,
)
from lookthrough.catalog import Catalog, Edge, Name
from lookthrough.review import DOWNLOADS, Case, Decision, Run
from lookthrough.screening.result import Hit, ListEntry


def entity_fields(record: Record) -> dict[str, Any]:
    """The fields yente gives every entity, from the API's record of it."""
    return {
        "id": record.id,
        "caption": record.caption,
        "schema": record.schema,
        "properties": record.properties,
        "datasets": record.datasets,
        "referents": record.referents,
        "target": record.target,
        "first_seen": record.first_seen,
        "last_seen": record.last_seen,
        "last_change": record.last_change,
    }


def scored(
    record: Record,
    hit: Hit,
    score: float,
    threshold: float,
    explained: dict[str, FeatureResult] | None = None,
) -> ScoredEntityResponse:
    """A hit as a yente match result, keeping its lists, path, sources and rule."""
    plain = hit.to_dict()
    return ScoredEntityResponse(
        **entity_fields(record),
        score=round(score, 4),
        match=score >= threshold,
        features={f.name: round(f.value, 4) for f in hit.features},
        explanations=explained
        if explained is not None
        else {
            f.name: FeatureResult(detail=f.detail, score=round(f.value, 4), candidate=hit.matched_name)
            for f in hit.features
        },
        matched_name=hit.matched_name,
        rule=hit.rule,
        lists=plain["lists"],
        path=plain["path"],
        sources=hit.sources,
        aggregate_percent=hit.aggregate_percent,
        basis=hit.basis,
    )


def search_result(catalog: Catalog, record: Record, score: float) -> SearchResult:
    parties = [catalog.parties[m] for m in catalog.cluster(record.id) if m in catalog.parties]
    listings = [entry for party in parties for entry in party.listings]
    return SearchResult(
        **entity_fields(record),
        score=round(score, 4),
        listed=bool(listings),
        lists=[ListEntryModel(**asdict(ListEntry.of(entry))) for entry in listings],
    )


def detail(catalog: Catalog, record: Record, properties: dict[str, list[Any]]) -> EntityDetail:
    """An entity with every name, identifier, listing and relation, each with its source."""
    parties = [catalog.parties[m] for m in [record.id, *record.referents] if m in catalog.parties]
    return EntityDetail(
        **{**entity_fields(record), "properties": properties},
        names=[_name(n) for party in parties for n in party.names],
        identifiers=[
            IdentifierModel(
                kind=c.kind,
                value=c.value,
                prop=c.prop,
                source=c.source.citation,
                evidence=c.source.evidence.value,
            )
            for party in parties
            for c in party.codes
        ],
        lists=[ListEntryModel(**asdict(ListEntry.of(e))) for party in parties for e in party.listings],
        relations=[_relation(catalog, e, "outbound") for p in parties for e in catalog.outbound.get(p.id, [])]
        + [_relation(catalog, e, "inbound") for p in parties for e in catalog.inbound.get(p.id, [])],
    )


def _name(name: Name) -> NameModel:
    return NameModel(
        value=name.value,
        prop=name.prop,
        lang=name.lang,
        source=name.source.citation,
        evidence=name.source.evidence.value,
    )


def _relation(catalog: Catalog, edge: Edge, direction: str) -> RelationModel:
    other_id = edge.target_id if direction == "outbound" else edge.source_id
    other = catalog.parties.get(other_id)
    return RelationModel(
        direction=direction,
        kind=edge.kind.value,
        other_id=other_id,
        other_caption=other.caption if other else other_id,
        percent=edge.percent,
        start=edge.start,
        end=edge.end,
        source=edge.source.citation,
        evidence=edge.source.evidence.value,
        dataset=edge.source.dataset,
    )


def utc(stamp: datetime) -> datetime:
    """A stored time (UTC, kept without offset) with its offset, as the API states times."""
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)


def run_model(run: Run, base: str) -> RunModel:
    return RunModel(
        id=run.id,
        filename=run.filename,
        status=run.status.value,
        created_at=utc(run.created_at),
        created_by=run.created_by,
        previous_run=run.previous_run,
        rows_total=run.rows_total,
        rows_done=run.rows_done,
        progress=run.progress,
        tally=run.tally,
        error=run.error,
        downloads={fmt: f"{base}/screen/{run.id}/results.{fmt}" for fmt in DOWNLOADS},
    )


def decision_model(decision: Decision) -> DecisionModel:
    return DecisionModel(
        id=decision.id,
        hit_key=decision.hit_key,
        run_id=decision.run_id,
        entity_id=decision.entity_id,
        verdict=decision.verdict.value,
        reviewer=decision.reviewer,
        reason=decision.reason,
        decided_at=utc(decision.decided_at),
        fingerprint=decision.fingerprint,
    )


def case_model(case: Case) -> CaseModel:
    return CaseModel(
        run_id=case.run_id,
        hit_key=case.hit_key,
        row=case.row,
        line=case.line,
        query=case.query,
        entity_id=case.entity_id,
        name=case.name,
        score=case.score,
        rule=case.rule,
        state=case.state.value,
        changes=case.changes,
        latest=decision_model(case.latest) if case.latest else None,
        hit=case.hit,
    )
