"""Runs as case lists, the queue of open hits, decisions and each hit's audit trail."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request

from lookthrough.api.auth import Reviewer, ServiceDep, Viewer
from lookthrough.api.convert import case_model, decision_model, run_model
from lookthrough.api.schemas import CaseModel, DecisionModel, DecisionRequest, ErrorResponse, RunModel
from lookthrough.review import Verdict
from lookthrough.review.workflow import decide as decide_case

router = APIRouter(tags=["Review"])
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorResponse}}
TRAIL = "/runs/{run_id}/hits/{hit_key}/decisions"


@router.get("/runs", response_model=list[RunModel])
def runs(request: Request, service: ServiceDep, _: Viewer) -> list[RunModel]:
    """Screening runs, newest first."""
    base = str(request.base_url).rstrip("/")
    return [run_model(run, base) for run in service.ledger.runs()]


@router.get("/runs/{run_id}/hits", response_model=list[CaseModel], responses=NOT_FOUND)
def run_hits(run_id: str, service: ServiceDep, _: Viewer) -> list[CaseModel]:
    """Every hit of a run, with its state (open, escalated, decided, reopened)."""
    service.ledger.run(run_id)
    return [case_model(case) for case in service.ledger.cases(run_id)]


@router.get("/queue", response_model=list[CaseModel])
def queue(service: ServiceDep, _: Viewer) -> list[CaseModel]:
    """Hits waiting for a decision: open, escalated, or reopened because the listed entry changed."""
    return [case_model(case) for case in service.ledger.queue()]


@router.get(TRAIL, response_model=list[DecisionModel], responses=NOT_FOUND)
def trail(run_id: str, hit_key: str, service: ServiceDep, _: Viewer) -> list[DecisionModel]:
    """The audit trail of a hit: every decision ever made on it, oldest first."""
    service.ledger.case(run_id, hit_key)
    return [decision_model(d) for d in service.ledger.trail(hit_key)]


@router.post(
    TRAIL,
    response_model=DecisionModel,
    status_code=201,
    responses={**NOT_FOUND, 400: {"model": ErrorResponse}},
)
def decide(
    run_id: str, hit_key: str, body: DecisionRequest, service: ServiceDep, principal: Reviewer
) -> DecisionModel:
    """Record a decision (match, false_positive or escalate) with its reason; the reviewer is the
    token's holder and the time is the server's."""
    try:
        verdict = Verdict(body.verdict)
    except ValueError:
        raise HTTPException(400, f"verdict must be one of {', '.join(Verdict)}") from None
    case = service.ledger.case(run_id, hit_key)
    made = decide_case(
        service.ledger, case, verdict, reviewer=principal.name, role=principal.role, reason=body.reason
    )
    return decision_model(made)
