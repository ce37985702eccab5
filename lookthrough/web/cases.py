"""The case pages: the queue with its filters, a case with everything needed to decide, decisions."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from lookthrough.api.auth import Principal, ServiceDep
from lookthrough.api.service import Service
from lookthrough.catalog import Catalog
from lookthrough.exc import InvalidInput, LookthroughError, NotPermitted
from lookthrough.report import draw
from lookthrough.review import Case, Verdict
from lookthrough.review.profile import profile
from lookthrough.review.queue import Filter, select
from lookthrough.review.workflow import approver_role, assign, can_approve, decide, four_eyes_score, reviewers
from lookthrough.web.pages import CSRF, PageReviewer, PageViewer, page

router = APIRouter(prefix="/review", include_in_schema=False)
DECISIONS = [Verdict.MATCH, Verdict.FALSE_POSITIVE, Verdict.ESCALATE]
JUDGEMENTS = [Verdict.APPROVE, Verdict.RETURN]


@router.get("/queue")
def queue(
    request: Request,
    service: ServiceDep,
    user: PageViewer,
    run: str = "",
    list: str = "",
    rule: str = "",
    min_score: str = "",
    state: str = "",
    assignee: str = "",
) -> HTMLResponse:
    try:
        score = float(min_score) if min_score.strip() else None
    except ValueError:
        raise HTTPException(400, f"minimum score must be a number, not {min_score!r}") from None
    mine = user.name if assignee == "me" else assignee
    chosen = Filter(run or None, list or None, rule or None, score, state or None, mine or None)
    found, facets = select(service.ledger, chosen)
    shown = {
        "run": run,
        "list": list,
        "rule": rule,
        "min_score": min_score,
        "state": state,
        "assignee": assignee,
    }
    return page(
        request, "queue.html", user, cases=found, facets=facets, shown=shown, people=reviewers(service.ledger)
    )


def _context(service: Service, case: Case, user: Principal, **extra: Any) -> dict[str, Any]:
    score = four_eyes_score()
    return {
        "case": case,
        "trail": service.ledger.trail(case),
        "decisions": DECISIONS,
        "judgements": JUDGEMENTS,
        "can_approve": can_approve(case, user.name, user.role),
        "four_eyes": score,
        "approver_role": approver_role().name.lower(),
        "people": reviewers(service.ledger),
        **extra,
    }


@router.get("/runs/{run_id}/hits/{hit_key}")
def case_page(
    request: Request, run_id: str, hit_key: str, service: ServiceDep, user: PageViewer
) -> HTMLResponse:
    return _answer(request, service, service.ledger.case(run_id, hit_key), user)


def _current_catalog(service: Service) -> Catalog:
    """The catalog of the lists loaded now, as a run would screen against them (a profile must not lag)."""
    workspace = service.workspace
    with service.lock:
        if workspace.catalog().fingerprint != workspace.store.fingerprint():
            workspace.refresh()
        return workspace.catalog()


def _answer(
    request: Request, service: Service, case: Case, user: Principal, refused: LookthroughError | None = None
) -> HTMLResponse:
    """The case page, or to htmx only its decision panel; a refused decision says why."""
    status = refused.status if refused else 200
    context = _context(service, case, user, error=refused.detail if refused else None)
    if request.headers.get("hx-request"):
        return page(request, "_decision.html", user, status, **context)
    entries = profile(_current_catalog(service), service.workspace.store, case.entity_ids)
    drawings = [(hit, draw(hit)) for hit in case.hits if hit is case.hit or hit.get("rule") != "listed"]
    return page(request, "hit.html", user, status, entries=entries, drawings=drawings, **context)


@router.post("/runs/{run_id}/hits/{hit_key}/decide", dependencies=CSRF)
def decide_case(
    request: Request,
    run_id: str,
    hit_key: str,
    verdict: Annotated[str, Form()],
    service: ServiceDep,
    user: PageReviewer,
    reason: Annotated[str, Form()] = "",
) -> Response:
    """Record a decision or an approval; to htmx, answer with the decision panel and its audit trail."""
    if verdict not in {v.value for v in Verdict}:
        raise HTTPException(400, "verdict must be match, false_positive, escalate, approve or return")
    case, refused = service.ledger.case(run_id, hit_key), None
    try:
        decide(service.ledger, case, Verdict(verdict), reviewer=user.name, role=user.role, reason=reason)
    except (InvalidInput, NotPermitted) as error:
        refused = error
    return _answer(request, service, service.ledger.case(run_id, hit_key), user, refused)


@router.post("/runs/{run_id}/hits/{hit_key}/assign", dependencies=CSRF)
def assign_case(
    request: Request,
    run_id: str,
    hit_key: str,
    service: ServiceDep,
    user: PageReviewer,
    assignee: Annotated[str, Form()] = "",
) -> Response:
    case, error = service.ledger.case(run_id, hit_key), None
    try:
        assign(service.ledger, case, assignee, by=user.name, role=user.role)
    except (InvalidInput, NotPermitted) as refused:
        error = refused.detail
    case = service.ledger.case(run_id, hit_key)
    return page(
        request, "_decision.html", user, 400 if error else 200, **_context(service, case, user, error=error)
    )
