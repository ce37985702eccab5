"""`Allow` on a 405 lists every method the path takes, across all the routes that serve it
(Starlette names only those of the first route whose path matched)."""

from __future__ import annotations

from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send


def allowed(routes: list[BaseRoute], scope: Scope) -> list[str]:
    """The methods of every route that matches the path of `scope`, whatever its method."""
    methods: set[str] = set()
    for route in routes:
        match, _ = route.matches({**scope, "method": "GET"})
        found = getattr(route, "methods", None)
        if match is not Match.NONE and found:
            methods |= set(found)
    if "GET" in methods:
        methods.add("HEAD")
    return sorted(methods)


class AllowHeader:
    """ASGI middleware that fills in `Allow` on every 405 answer."""

    def __init__(self, app: ASGIApp, routes: list[BaseRoute]) -> None:
        self.app = app
        self.routes = routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def answer(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 405:
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"allow"]
                headers.append((b"allow", ", ".join(allowed(self.routes, scope)).encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, answer)
