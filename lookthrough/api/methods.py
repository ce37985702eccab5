"""`Allow` on a 405 lists every method the path takes, across all the routes that serve it
(Starlette names only those of the first route whose path matched)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property
from typing import Any

from starlette.routing import compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from lookthrough.api.asgi import HttpMiddleware


def _flatten(routes: list[Any], prefix: str = "") -> Iterator[tuple[str, set[str]]]:
    """(path, methods) of every route, including those of routers included into others."""
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            context = getattr(route, "include_context", None)
            yield from _flatten(inner.routes, prefix + (getattr(context, "prefix", "") or ""))
        elif getattr(route, "path", None) is not None and getattr(route, "methods", None):
            yield prefix + route.path, set(route.methods)


class AllowHeader(HttpMiddleware):
    """ASGI middleware that fills in `Allow` on every 405 answer."""

    def __init__(self, app: ASGIApp, routes: list[Any]) -> None:
        super().__init__(app)
        self.routes = routes

    @cached_property
    def table(self) -> list[tuple[re.Pattern[str], set[str]]]:
        return [(compile_path(path)[0], methods) for path, methods in _flatten(self.routes)]

    def allowed(self, path: str) -> list[str]:
        methods = {m for pattern, found in self.table if pattern.match(path) for m in found}
        if "GET" in methods:
            methods.add("HEAD")
        return sorted(methods)

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def answer(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 405:
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"allow"]
                headers.append((b"allow", ", ".join(self.allowed(scope["path"])).encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, answer)
