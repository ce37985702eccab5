"""Who is asking: a token in the Authorization header, or a review-page session."""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from starlette.concurrency import run_in_threadpool

from lookthrough import settings
from lookthrough.api.service import Service, get_service
from lookthrough.review import Role, Token, authenticate
from lookthrough.review.access import digest

ServiceDep = Annotated[Service, Depends(get_service)]
SCHEMES = ("bearer", "apikey")
"""`Bearer`, and `ApiKey` as yente's clients send it."""
SAFE_METHODS = ("GET", "HEAD")
TOKEN_CACHE_SECONDS = 10.0
_TOKENS: dict[str, tuple[Token, float]] = {}


@dataclass(frozen=True, slots=True)
class Principal:
    """The reviewer or service behind a request, and what they may do."""

    name: str
    role: Role
    token_id: str | None = None


async def from_header(request: Request, service: Service) -> Principal | None:
    header = request.headers.get("authorization")
    if not header:
        return None
    scheme, _, secret = header.partition(" ")
    if scheme.lower() not in SCHEMES or not secret.strip():
        raise HTTPException(401, "use 'Authorization: Bearer <token>'", {"WWW-Authenticate": "Bearer"})
    token = await _remembered(service, secret.strip())
    if token is None:
        raise HTTPException(401, "unknown or revoked token", {"WWW-Authenticate": "Bearer"})
    return Principal(token.name, token.role, token.id)


def forget_tokens() -> None:
    """Ask the database again for every token (after revocations)."""
    _TOKENS.clear()


async def _remembered(service: Service, secret: str) -> Token | None:
    """The token behind `secret`, asking the database at most every TOKEN_CACHE_SECONDS.

    A lookup costs a few milliseconds, as much as a match; revocation takes effect within
    that many seconds (at once for `token revoke` and page sessions, which check every request).
    The database is asked from a worker thread: it may be busy, and the event loop must not wait."""
    key = digest(secret)
    now = time.monotonic()
    known = _TOKENS.get(key)
    if known is not None and known[1] > now:
        return known[0]
    token = await run_in_threadpool(authenticate, service.workspace.store, secret)
    if token is not None:
        if len(_TOKENS) > 10_000:
            _TOKENS.clear()
        _TOKENS[key] = (token, now + TOKEN_CACHE_SECONDS)
    return token


def from_session(request: Request) -> Principal | None:
    data = request.session.get("user") if "session" in request.scope else None
    if not data:
        return None
    return Principal(data["name"], Role[data["role"]], data["token_id"])


def loopback_only(host: str) -> bool:
    """Whether a server listening on `host` is reachable from this machine alone."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def open_reads(request: Request) -> bool:
    """Whether list lookups need no token: as set, or (auto) when the server listens on loopback
    only, where just this machine can reach it, as self-hosted yente answers without a key."""
    value = settings.get("OPEN_READS")  # 'auto', '1' or '0': settings reads every boolean spelling
    if value == "auto":
        return bool(getattr(request.app.state, "loopback", False))
    return value == "1"


def require(role: Role, *, lookup: bool = False) -> Callable[..., Awaitable[Principal]]:
    """A dependency that lets a request through only with at least `role`; a `lookup` of the
    lists (not of runs or decisions) may go without a token where reads are open."""

    # Async, so a request is not handed to a worker thread just to check its token (remembered
    # for TOKEN_CACHE_SECONDS, so the database is asked rarely).
    async def dependency(request: Request, service: ServiceDep) -> Principal:
        principal = await from_header(request, service)
        if principal is None and request.method in SAFE_METHODS:
            # A review-page session may read (downloads); changes from pages go through CSRF-checked forms.
            principal = from_session(request)
        if principal is None and lookup and open_reads(request):
            return Principal("anonymous", Role.VIEWER)
        if principal is None:
            raise HTTPException(
                401, "this needs a token: 'Authorization: Bearer <token>'", {"WWW-Authenticate": "Bearer"}
            )
        if principal.role < role:
            raise HTTPException(
                403,
                f"this needs the {role.name.lower()} role; "
                f"{principal.name} is a {principal.role.name.lower()}",
            )
        return principal

    return dependency


ListReader = Annotated[Principal, Depends(require(Role.VIEWER, lookup=True))]
"""Lookups of the lists: /match, /search, /entities, /reconcile, /catalog."""
Viewer = Annotated[Principal, Depends(require(Role.VIEWER))]
Reviewer = Annotated[Principal, Depends(require(Role.REVIEWER))]
