"""The HTTP service: a yente-compatible /match, search, entities, batch screening and review."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.middleware.sessions import SessionMiddleware

from lookthrough import __version__, settings
from lookthrough.api.auth import forget_tokens
from lookthrough.api.limits import BodyLimit
from lookthrough.api.methods import AllowHeader
from lookthrough.api.openapi import strict_openapi
from lookthrough.api.request_settings import RequestSettings
from lookthrough.api.routers import health, match, reconcile, review, screen, search, system
from lookthrough.api.service import Service
from lookthrough.api.utf8 import Utf8Only
from lookthrough.exc import LookthroughError, StoreError
from lookthrough.review.revocations import CHECK_SECONDS, apply_requests, requests_file
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


async def unicode_error(request: Request, error: Exception) -> JSONResponse:
    """Text that is not valid Unicode (a lone surrogate) is the client's fault, never a 500."""
    return JSONResponse({"detail": f"text is not valid Unicode: {error}"}, status_code=400)


async def watch_revocations(service: Service) -> None:
    """Apply `lookthrough token revoke` requests left beside a DuckDB file this server holds."""
    path = requests_file(service.workspace.store.url)
    while path is not None:
        await asyncio.sleep(CHECK_SECONDS)
        if path.exists():
            await run_in_threadpool(apply_requests, service.workspace.store)
            forget_tokens()


def create_app(
    db: str | None = None, *, workspace: Workspace | None = None, loopback: bool = False
) -> FastAPI:
    """The application for the database at `db` (default LOOKTHROUGH_DB), or an open workspace.
    `loopback`: the server listens on loopback only (list lookups then need no token, see auth)."""
    service = Service(workspace or Workspace(db))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await run_in_threadpool(service.start)
        watcher = asyncio.create_task(watch_revocations(service))
        yield
        watcher.cancel()
        if workspace is None:
            service.close()

    app = FastAPI(
        title="lookthrough",
        version=__version__,
        description="Who is really behind this name, and is that party on an official restricted list?",
        lifespan=lifespan,
        # yente's clients do not always say their body is JSON; it is read as JSON all the same.
        strict_content_type=False,
    )
    app.state.service = service
    app.state.loopback = loopback
    handled: set[type[Exception]] = {LookthroughError, *HANDLERS}
    for exc_class in handled:
        app.add_exception_handler(exc_class, lookthrough_error)
    app.add_exception_handler(UnicodeError, unicode_error)
    routers = (health, system, match, search, reconcile, screen, review)
    for module in routers:
        app.include_router(module.router)
    mount(app)
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.get("SECRET_KEY") or secrets.token_urlsafe(32),
        session_cookie="lookthrough_session",
        same_site="strict",
        https_only=False,
        max_age=8 * 3600,
    )
    app.openapi = lambda: strict_openapi(app)  # type: ignore[method-assign]
    app.add_middleware(AllowHeader, routes=app.router.routes)
    app.add_middleware(Utf8Only)  # inside BodyLimit, which bounds the form body it reads whole
    app.add_middleware(BodyLimit)
    app.add_middleware(RequestSettings)
    return app
