"""The HTTP service: a yente-compatible /match, search, entities, batch screening and review."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.middleware.sessions import SessionMiddleware

from lookthrough import __version__, settings
from lookthrough.api.limits import BodyLimit
from lookthrough.api.routers import health, match, review, screen, search
from lookthrough.api.service import Service
from lookthrough.exc import LookthroughError, StoreError
from lookthrough.web.routes import mount
from lookthrough.workspace import Workspace

HANDLERS: dict[type[Exception], int] = {
    LookthroughError: 500,
    StoreError: 503,
}
"""Errors that carry no HTTP status of their own; the others use their `status`."""


async def lookthrough_error(request: Request, error: Exception) -> JSONResponse:
    """Every lookthrough error as `{"detail": ...}` with its status (yente's ErrorResponse)."""
    assert isinstance(error, LookthroughError)
    status = HANDLERS.get(type(error), error.status)
    return JSONResponse({"detail": error.detail}, status_code=status)


def create_app(db: str | None = None, *, workspace: Workspace | None = None) -> FastAPI:
    """The application for the database at `db` (default LOOKTHROUGH_DB), or an open workspace."""
    service = Service(workspace or Workspace(db))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        service.screener()
        yield
        if workspace is None:
            service.close()

    app = FastAPI(
        title="lookthrough",
        version=__version__,
        description="Who is really behind this name, and is that party on an official restricted list?",
        lifespan=lifespan,
    )
    app.state.service = service
    handled: set[type[Exception]] = {LookthroughError, *HANDLERS}
    for exc_class in handled:
        app.add_exception_handler(exc_class, lookthrough_error)
    for router in (health.router, match.router, search.router, screen.router, review.router):
        app.include_router(router)
    mount(app)
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.get("SECRET_KEY") or secrets.token_urlsafe(32),
        session_cookie="lookthrough_session",
        same_site="strict",
        https_only=False,
        max_age=8 * 3600,
    )
    app.add_middleware(BodyLimit)
    return app
