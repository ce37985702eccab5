"""Tokens are stored hashed, carry a role, and stop working when revoked."""

from __future__ import annotations

import pytest

from lookthrough.exc import InvalidInput, NotFound
from lookthrough.review import Role, authenticate, create_token, revoke_token, tokens


def test_token_is_stored_only_as_a_hash(store):
    _token, secret = create_token(store, "alice", Role.REVIEWER)
    with store.transaction() as tx:
        rows = tx.query("SELECT token_hash FROM api_tokens")
    assert secret not in str(rows) and len(rows[0][0]) == 64
    assert authenticate(store, secret).name == "alice"
    assert authenticate(store, secret + "x") is None
    assert [t.role for t in tokens(store)] == [Role.REVIEWER]


def test_revoked_token_no_longer_authenticates(store):
    token, secret = create_token(store, "svc", Role.VIEWER)
    revoke_token(store, token.id)
    assert authenticate(store, secret) is None
    with pytest.raises(NotFound):
        revoke_token(store, token.id)


def test_roles_are_ordered_and_named():
    assert Role.ADMIN > Role.REVIEWER > Role.VIEWER
    assert Role.named("Reviewer") is Role.REVIEWER
    with pytest.raises(InvalidInput, match="unknown role"):
        Role.named("owner")
