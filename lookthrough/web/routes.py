"""The review pages: sign-in, runs and uploads, a run's report; cases are in `cases.py`."""

from __future__ import annotations

import io
import json
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, FastAPI, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from lookthrough.api.auth import ServiceDep
from lookthrough.exc import LookthroughError
from lookthrough.report.source import report_run
from lookthrough.review import DOWNLOADS, execute, plan_run
from lookthrough.web import cases
from lookthrough.web.pages import CSRF, PageReviewer, PageViewer, page
from lookthrough.web.session import SignIn, sign_in
from lookthrough.web.templating import STATIC

router = APIRouter(prefix="/review", include_in_schema=False)


def _columns(text: str) -> list[str]:
    return [c.strip() for c in text.split(",") if c.strip()]


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
    value_column: Annotated[str, Form()] = "",
    group_columns: Annotated[str, Form()] = "",
) -> Response:
    try:
        run = plan_run(
            service.workspace,
            file.filename or "upload",
            await file.read(),
            name_column=name_column.strip(),
            id_columns=_columns(id_columns),
            created_by=user.name,
            value_column=value_column.strip() or None,
            group_columns=_columns(group_columns),
        )
    except LookthroughError as error:
        context = {"runs": service.ledger.runs(), "snapshots": service.snapshots(), "error": error.detail}
        return page(request, "runs.html", user, 400, **context)
    background.add_task(execute, service.workspace, run.id)
    return RedirectResponse(f"/review/runs/{run.id}", status_code=303)


@router.get("/runs/{run_id}")
def run(request: Request, run_id: str, service: ServiceDep, user: PageViewer) -> HTMLResponse:
    found, found_cases = service.ledger.run(run_id), service.ledger.cases(run_id)
    return page(request, "run.html", user, run=found, cases=found_cases, downloads=DOWNLOADS)


@router.get("/runs/{run_id}/progress")
def progress(request: Request, run_id: str, service: ServiceDep, user: PageViewer) -> HTMLResponse:
    found = service.ledger.run(run_id)
    response = page(request, "_progress.html", user, run=found)
    if found.status.value in ("done", "failed"):
        # Tell htmx to reload the page so the finished run shows its hits.
        response.headers["HX-Refresh"] = "true"
    return response


@router.get("/runs/{run_id}/report")
def report(
    run_id: str,
    service: ServiceDep,
    user: PageViewer,
    value_column: str = "",
    group_column: Annotated[list[str] | None, Query()] = None,
) -> Response:
    """The run's standalone report, shown in the browser; columns default to those of the upload."""
    out = io.StringIO()
    groups = [c for raw in group_column or [] for c in _columns(raw)] or None
    report_run(service.workspace.store, run_id, out, value_column.strip() or None, groups)
    name = json.dumps(f"{run_id}-report.html")
    headers = {"Content-Disposition": f"inline; filename={name}"}
    return HTMLResponse(out.getvalue(), headers=headers)


async def _to_sign_in(request: Request, error: Exception) -> RedirectResponse:
    return RedirectResponse("/review/login", status_code=303)


def mount(app: FastAPI) -> None:
    """Add the review pages, their static files, and the redirect to sign in."""
    app.include_router(router)
    app.include_router(cases.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_exception_handler(SignIn, _to_sign_in)
