"""Turn lookthrough's parties, hits and review records into API responses."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict
from typing import Any

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
from lookthrough.catalog import Catalog, Edge, Party
from lookthrough.identifiers import BY_PROP
from lookthrough.model.schema import NAME_PROPS
from lookthrough.review import DOWNLOADS, Case, Decision, Run
from lookthrough.screening.result import Hit, ListEntry


def properties(catalog: Catalog, party: Party) -> dict[str, list[Any]]:
    """FtM properties of a party as screening knows it: names, codes, countries, topics."""
    props: dict[str, list[Any]] = defaultdict(list)
    for name in party.names:
        props[name.prop].append(name.value)
    for code in party.codes:
        props[code.prop].append(code.value)
    if party.countries:
        props["country"] = sorted(set(party.countries))
    if any(catalog.parties[m].listed for m in catalog.cluster(party.id) if m in catalog.parties):
        props["topics"] = ["sanction"]
    return dict(props)


def entity_fields(catalog: Catalog, party: Party) -> dict[str, Any]:
    same = catalog.cluster(party.id)
    return {
        "id": party.id,
        "caption": party.caption,
        "schema": party.schema,
        "properties": properties(catalog, party),
        "datasets": sorted({catalog.parties[m].dataset for m in same if m in catalog.parties}),
        "referents": [m for m in same if m != party.id],
        "target": party.listed,
    }


def scored(catalog: Catalog, hit: Hit, threshold: float) -> ScoredEntityResponse:
    """A hit as a yente match result, keeping its lists, path, sources and rule."""
    plain = hit.to_dict()
    return ScoredEntityResponse(
        **entity_fields(catalog, catalog.parties[hit.entity_id]),
        score=plain["score"],
        match=hit.score >= threshold,
        features={f.name: round(f.value, 4) for f in hit.features},
        explanations={
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


def search_result(catalog: Catalog, party: Party, score: float) -> SearchResult:
    listings = [entry for m in catalog.cluster(party.id) for entry in catalog.parties[m].listings]
    return SearchResult(
        **entity_fields(catalog, party),
        score=round(score, 4),
        listed=bool(listings),
        lists=[ListEntryModel(**asdict(ListEntry.of(entry))) for entry in listings],
    )


def detail(catalog: Catalog, party: Party, full: dict[str, list[str]] | None) -> EntityDetail:
    """An entity with every name, identifier, listing and relation, each with its source."""
    base = entity_fields(catalog, party)
    if full:
        base["properties"] = {**full, **base["properties"]}
    return EntityDetail(
        **base,
        names=[
            NameModel(
                value=n.value,
                prop=n.prop,
                lang=n.lang,
                source=n.source.citation,
                evidence=n.source.evidence.value,
            )
            for n in party.names
        ],
        identifiers=[
            IdentifierModel(
                kind=c.kind,
                value=c.value,
                prop=c.prop,
                source=c.source.citation,
                evidence=c.source.evidence.value,
            )
            for c in party.codes
        ],
        lists=[ListEntryModel(**asdict(ListEntry.of(entry))) for entry in party.listings],
        relations=[_relation(catalog, e, "outbound") for e in catalog.outbound.get(party.id, [])]
        + [_relation(catalog, e, "inbound") for e in catalog.inbound.get(party.id, [])],
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


def example_terms(props: dict[str, str | list[Any]]) -> tuple[list[str], list[tuple[str, str]]]:
    """The names and identifier codes a yente query entity states."""
    values = {
        prop: [str(v) for v in (raw if isinstance(raw, list) else [raw]) if v] for prop, raw in props.items()
    }
    names = [v.strip() for prop in NAME_PROPS for v in values.get(prop, []) if v.strip()]
    codes: list[tuple[str, str]] = []
    for prop, found in values.items():
        kind = BY_PROP.get(prop)
        if kind is not None:
            codes += [(kind.name, cleaned) for cleaned in map(kind.clean, found) if cleaned]
    return names, codes


def run_model(run: Run, base: str) -> RunModel:
    return RunModel(
        id=run.id,
        filename=run.filename,
        status=run.status.value,
        created_at=run.created_at,
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
        decided_at=decision.decided_at,
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
