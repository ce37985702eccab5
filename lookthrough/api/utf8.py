"""Refuse a query string or form body whose percent-escapes are not UTF-8 text.

The framework decodes them with every bad byte replaced by U+FFFD: 'Soci%E9t%E9' (Latin-1, as
old clients send it) would be searched as 'Soci�t�' and could miss the listed party without a
word. A JSON body with a lone surrogate is refused the same way (app.unicode_error)."""

from __future__ import annotations

from urllib.parse import unquote_to_bytes

from starlette.types import Message, Receive, Scope, Send

from lookthrough.api.asgi import HttpMiddleware, refuse

FORM = b"application/x-www-form-urlencoded"


def not_utf8(encoded: bytes) -> bool:
    """Whether a percent-encoded query string or form body decodes to something other than UTF-8."""
    try:
        unquote_to_bytes(encoded.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


class Utf8Only(HttpMiddleware):
    """ASGI middleware: 400 for a query string or an url-encoded form body that is not UTF-8.

    A form body is read whole before the application sees it (BodyLimit, outside, bounds it)."""

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not_utf8(scope.get("query_string") or b""):
            await refuse(send, 400, "the query string is not UTF-8 text; percent-encode it from UTF-8")
            return
        if not dict(scope["headers"]).get(b"content-type", b"").lower().startswith(FORM):
            await self.app(scope, receive, send)
            return
        messages = await _whole(receive)
        if not_utf8(b"".join(m.get("body", b"") for m in messages)):
            await refuse(send, 400, "the form body is not UTF-8 text; percent-encode it from UTF-8")
            return

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)


async def _whole(receive: Receive) -> list[Message]:
    """Every message of the request body (or up to the client's disconnect)."""
    messages = [await receive()]
    while messages[-1]["type"] == "http.request" and messages[-1].get("more_body", False):
        messages.append(await receive())
    return messages
