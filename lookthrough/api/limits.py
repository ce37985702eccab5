"""Refuse request bodies over the configured size before reading them into memory."""

from __future__ import annotations

from starlette.types import Message, Receive, Scope, Send

from lookthrough import settings
from lookthrough.api.asgi import HttpMiddleware, refuse

UPLOAD_PATHS = ("/screen", "/review/upload")


def limit_for(path: str) -> int:
    """Bytes a request to `path` may carry: uploads get more than everything else."""
    if path.rstrip("/") in UPLOAD_PATHS:
        return int(float(settings.get("MAX_UPLOAD_MB")) * 1024 * 1024)
    return int(float(settings.get("MAX_REQUEST_KB")) * 1024)


MAX_URL_LENGTH = 16_384
"""Longest path and query string taken (yente refuses long ones too): 414 beyond it."""


class TooLarge(Exception):
    """The body grew past its limit while it was being received."""


class BodyLimit(HttpMiddleware):
    """ASGI middleware: 414 for an overlong URL; 413 for a declared or streamed (chunked) body
    larger than the path allows, whatever the application made of the cut-off body."""

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        if len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"") > MAX_URL_LENGTH:
            await refuse(send, 414, "Request URI too long")
            return
        limit = limit_for(scope["path"])
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await refuse(send, 413, f"request body larger than {limit} bytes")
            return
        seen = 0
        refused = False

        async def counted() -> Message:
            nonlocal seen, refused
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > limit:
                refused = True
                raise TooLarge
            return message

        async def answer(message: Message) -> None:
            # The application may have caught the error reading the body (a form parser turns it
            # into a 400): the answer is 413 all the same.
            if not refused:
                await send(message)
            elif message["type"] == "http.response.start":
                await refuse(send, 413, f"request body larger than {limit} bytes")

        try:
            await self.app(scope, counted, answer)
        except TooLarge:
            await refuse(send, 413, f"request body larger than {limit} bytes")
