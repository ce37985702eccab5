"""Each request reads the settings once and sees that one reading throughout."""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from lookthrough import settings


class RequestSettings:
    """ASGI middleware: hold the settings for the whole of an HTTP request (see settings.held)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        with settings.held():
            await self.app(scope, receive, send)
