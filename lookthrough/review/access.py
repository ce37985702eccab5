"""Who may do what: API tokens, stored only as hashes, each with a role."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum

from lookthrough.exc import InvalidInput, NotFound
from lookthrough.review.ledger import now
from lookthrough.store import Store

PREFIX = "lt_"


class Role(IntEnum):
    """Each role can do what the ones below it can."""

    VIEWER = 1
    """Match, search, read runs and decisions."""
    REVIEWER = 2
    """Also upload files, record decisions and assign cases."""
    APPROVER = 3
    """Also approve or return other reviewers' decisions (four eyes)."""
    ADMIN = 4
    """Also manage tokens."""

    @classmethod
    def named(cls, name: str) -> Role:
        try:
            return cls[name.upper()]
        except KeyError:
            raise InvalidInput(f"unknown role {name!r}; use viewer, reviewer, approver or admin") from None


@dataclass(slots=True)
class Token:
    """A token's record; the secret itself is shown once at creation and never stored."""

    id: str
    name: str
    role: Role
    created_at: datetime
    revoked_at: datetime | None = None


def digest(secret: str) -> str:
    # Tokens are 256 random bits, so a plain SHA-256 is enough: there is nothing to brute-force.
    return hashlib.sha256(secret.encode()).hexdigest()


def create_token(store: Store, name: str, role: Role) -> tuple[Token, str]:
    """A new token for `name` (a reviewer or a service); returns the record and the secret."""
    if not name.strip():
        raise InvalidInput("a token needs a name (the reviewer or service it is for)")
    secret = PREFIX + secrets.token_urlsafe(32)
    token = Token(uuid.uuid4().hex[:12], name.strip(), role, now())
    with store.transaction() as tx:
        tx.execute(
            "INSERT INTO api_tokens VALUES (:id, :name, :role, :hash, :created, NULL)",
            {
                "id": token.id,
                "name": token.name,
                "role": role.name.lower(),
                "hash": digest(secret),
                "created": token.created_at,
            },
        )
    return token, secret


def revoke_token(store: Store, token_id: str) -> None:
    with store.transaction() as tx:
        if (
            tx.one("SELECT id FROM api_tokens WHERE id = :id AND revoked_at IS NULL", {"id": token_id})
            is None
        ):
            raise NotFound(f"no active token {token_id!r}")
        tx.execute("UPDATE api_tokens SET revoked_at = :now WHERE id = :id", {"now": now(), "id": token_id})


def tokens(store: Store) -> list[Token]:
    with store.transaction() as tx:
        rows = tx.query(
            "SELECT id, name, role, created_at, revoked_at FROM api_tokens ORDER BY created_at, id"
        )
    return [Token(i, n, Role.named(r), c, v) for i, n, r, c, v in rows]


def authenticate(store: Store, secret: str) -> Token | None:
    """The active token whose hash matches `secret`, if any."""
    sql = "SELECT id, name, role, created_at FROM api_tokens WHERE token_hash = :hash AND revoked_at IS NULL"
    with store.transaction() as tx:
        row = tx.one(sql, {"hash": digest(secret)})
    return Token(row[0], row[1], Role.named(row[2]), row[3]) if row else None


def active(store: Store, token_id: str) -> bool:
    """Whether a token (say, behind a page session) is still valid."""
    with store.transaction() as tx:
        row = tx.one("SELECT id FROM api_tokens WHERE id = :id AND revoked_at IS NULL", {"id": token_id})
    return row is not None
