"""Each request reads the settings once and sees that one reading throughout."""

from __future__ import annotations

from starlette.types import Receive, Scope, Send

from lookthrough import settings
from lookthrough.api.asgi import HttpMiddleware


class RequestSettings(HttpMiddleware):
    """ASGI middleware: hold the settings for the whole of an HTTP request (see settings.held)."""

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        with settings.held():
            await self.app(scope, receive, send)
