"""Refuse request bodies over the configured size before reading them into memory."""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from lookthrough import settings

UPLOAD_PATHS = ("/screen", "/review/upload")


def limit_for(path: str) -> int:
    """Bytes a request to `path` may carry: uploads get more than everything else."""
    if path.rstrip("/") in UPLOAD_PATHS:
        return int(float(settings.get("MAX_UPLOAD_MB")) * 1024 * 1024)
    return int(float(settings.get("MAX_REQUEST_KB")) * 1024)


class TooLarge(Exception):
    """The body grew past its limit while it was being received."""


class BodyLimit:
    """ASGI middleware: 413 for a declared or streamed body larger than the path allows."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = limit_for(scope["path"])
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _refuse(send, limit)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > limit:
                raise TooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except TooLarge:
            await _refuse(send, limit)


async def _refuse(send: Send, limit: int) -> None:
    body = json.dumps({"detail": f"request body larger than {limit} bytes"}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})
