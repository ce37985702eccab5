"""The review pages: runs, the queue, a hit with its explanation and path, decisions and trail."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import (
    APIRouter,
    BackgroundTasks,
    Depends,
    FastAPI,
    File,
    Form,
    HTTPException,
    Request,
    UploadFile,
)
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from lookthrough.api.auth import Principal, ServiceDep
from lookthrough.exc import LookthroughError
from lookthrough.review import DOWNLOADS, Role, Verdict, execute, plan_run
from lookthrough.web.session import SignIn, check_csrf, csrf_token, page_user, sign_in
from lookthrough.web.templating import ENV, STATIC

router = APIRouter(prefix="/review", include_in_schema=False)
templates = Jinja2Templates(env=ENV)
PageViewer = Annotated[Principal, Depends(page_user(Role.VIEWER))]
PageReviewer = Annotated[Principal, Depends(page_user(Role.REVIEWER))]
CSRF = [Depends(check_csrf)]


def page(
    request: Request, name: str, user: Principal | None, status: int = 200, **context: Any
) -> HTMLResponse:
    """Render a template with the user, their rights and the session's CSRF token."""
    can_decide = bool(user and user.role >= Role.REVIEWER)
    context.update(user=user, csrf=csrf_token(request), can_decide=can_decide)
    return templates.TemplateResponse(request, name, context, status_code=status)


@router.get("/login")
def login_form(request: Request) -> HTMLResponse:
    return page(request, "login.html", None)


@router.post("/login", dependencies=CSRF)
def login(request: Request, token: Annotated[str, Form()], service: ServiceDep) -> Response:
    if sign_in(request, service, token) is None:
        return page(request, "login.html", None, 401, error="unknown or revoked token")
    return RedirectResponse("/review/", status_code=303)


@router.post("/logout", dependencies=CSRF)
def logout(request: Request) -> Response:
    request.session.clear()
    return RedirectResponse("/review/login", status_code=303)


@router.get("/")
def runs(request: Request, service: ServiceDep, user: PageViewer) -> HTMLResponse:
    return page(request, "runs.html", user, runs=service.ledger.runs(), snapshots=service.snapshots())


@router.post("/upload", dependencies=CSRF)
async def upload(
    request: Request,
    background: BackgroundTasks,
    file: Annotated[UploadFile, File()],
    name_column: Annotated[str, Form()],
    service: ServiceDep,
    user: PageReviewer,
    id_columns: Annotated[str, Form()] = "",
) -> Response:
    try:
        run = plan_run(
            service.workspace,
            file.filename or "upload",
            await file.read(),
            name_column=name_column.strip(),
            id_columns=[c.strip() for c in id_columns.split(",") if c.strip()],
            created_by=user.name,
        )
    except LookthroughError as error:
        context = {"runs": service.ledger.runs(), "snapshots": service.snapshots(), "error": error.detail}
        return page(request, "runs.html", user, 400, **context)
    background.add_task(execute, service.workspace, run.id)
    return RedirectResponse(f"/review/runs/{run.id}", status_code=303)


@router.get("/runs/{run_id}")
def run(request: Request, run_id: str, service: ServiceDep, user: PageViewer) -> HTMLResponse:
    found, cases = service.ledger.run(run_id), service.ledger.cases(run_id)
    return page(request, "run.html", user, run=found, cases=cases, downloads=DOWNLOADS)


@router.get("/runs/{run_id}/progress")
def progress(request: Request, run_id: str, service: ServiceDep, user: PageViewer) -> HTMLResponse:
    found = service.ledger.run(run_id)
    response = page(request, "_progress.html", user, run=found)
    if found.status.value in ("done", "failed"):
        # Tell htmx to reload the page so the finished run shows its hits.
        response.headers["HX-Refresh"] = "true"
    return response


@router.get("/queue")
def queue(request: Request, service: ServiceDep, user: PageViewer) -> HTMLResponse:
    return page(request, "queue.html", user, cases=service.ledger.queue())


@router.get("/runs/{run_id}/hits/{hit_key}")
def hit(request: Request, run_id: str, hit_key: str, service: ServiceDep, user: PageViewer) -> HTMLResponse:
    case, trail = service.ledger.case(run_id, hit_key), service.ledger.trail(hit_key)
    return page(request, "hit.html", user, case=case, trail=trail, verdicts=list(Verdict))


@router.post("/runs/{run_id}/hits/{hit_key}/decide", dependencies=CSRF)
def decide(
    request: Request,
    run_id: str,
    hit_key: str,
    verdict: Annotated[str, Form()],
    service: ServiceDep,
    user: PageReviewer,
    reason: Annotated[str, Form()] = "",
) -> Response:
    """Record a decision; to htmx, answer with the decision panel and its updated audit trail."""
    case = service.ledger.case(run_id, hit_key)
    error = None
    if verdict not in {v.value for v in Verdict}:
        raise HTTPException(400, "verdict must be match, false_positive or escalate")
    if not reason.strip():
        error = "give a reason for the decision"
    else:
        service.ledger.decide(case, Verdict(verdict), user.name, reason.strip()[:4000])
        case = service.ledger.case(run_id, hit_key)
    trail = service.ledger.trail(hit_key)
    name = "_decision.html" if request.headers.get("hx-request") else "hit.html"
    context = {"case": case, "trail": trail, "verdicts": list(Verdict), "error": error}
    return page(request, name, user, 400 if error else 200, **context)


async def _to_sign_in(request: Request, error: Exception) -> RedirectResponse:
    return RedirectResponse("/review/login", status_code=303)


def mount(app: FastAPI) -> None:
    """Add the review pages, their static files, and the redirect to sign in."""
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_exception_handler(SignIn, _to_sign_in)
