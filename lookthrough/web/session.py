"""Review-page sessions: sign in with a token, a CSRF token per session, roles checked per page."""

from __future__ import annotations

import secrets
from collections.abc import Callable

from fastapi import HTTPException, Request

from lookthrough.api.auth import Principal, ServiceDep, from_session
from lookthrough.api.service import Service
from lookthrough.review import Role, authenticate
from lookthrough.review.access import active

CSRF_HEADER = "x-csrf-token"


class SignIn(Exception):
    """The page needs a signed-in reviewer; the handler sends the browser to the sign-in page."""


def csrf_token(request: Request) -> str:
    """This session's CSRF token, made on first use."""
    token: str | None = request.session.get("csrf")
    if token is None:
        token = secrets.token_urlsafe(24)
        request.session["csrf"] = token
    return token


async def check_csrf(request: Request) -> None:
    """Unsafe requests must echo the session's CSRF token, in a form field or a header."""
    expected = request.session.get("csrf")
    sent = request.headers.get(CSRF_HEADER)
    if sent is None:
        form = await request.form()
        value = form.get("csrf")
        sent = value if isinstance(value, str) else None
    if not expected or not sent or not secrets.compare_digest(expected, sent):
        raise HTTPException(403, "missing or wrong CSRF token; reload the page and try again")


def sign_in(request: Request, service: Service, secret: str) -> Principal | None:
    token = authenticate(service.workspace.store, secret.strip())
    if token is None:
        return None
    request.session.clear()
    request.session["user"] = {"name": token.name, "role": token.role.name, "token_id": token.id}
    csrf_token(request)
    return Principal(token.name, token.role, token.id)


def page_user(role: Role) -> Callable[..., Principal]:
    """A dependency for pages: the signed-in user if they have `role`, else to the sign-in page."""

    def dependency(request: Request, service: ServiceDep) -> Principal:
        user = from_session(request)
        if user is None or user.token_id is None or not active(service.workspace.store, user.token_id):
            request.session.pop("user", None)
            raise SignIn
        if user.role < role:
            raise HTTPException(403, f"this needs the {role.name.lower()} role")
        return user

    return dependency
