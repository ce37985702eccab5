"""A leaked token is revoked while the server holds the DuckDB file, without stopping it; the
commands that cannot open the file say so plainly, never with a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from fastapi.testclient import TestClient

from lookthrough.api import create_app
from lookthrough.review import Role, create_token, tokens
from lookthrough.review.revocations import apply_requests, request_revocation
from lookthrough.workspace import Workspace

COMMAND = str(Path(sys.executable).with_name("lookthrough"))


def lookthrough(*args: str) -> subprocess.CompletedProcess[str]:
    """The command line in a process of its own, as a user runs it beside the server."""
    return subprocess.run([COMMAND, *args], capture_output=True, text=True, timeout=120, check=False)


def test_token_revoke_while_the_server_holds_the_database(tmp_path):
    db = str(tmp_path / "served.duckdb")
    workspace = Workspace(db)
    token, secret = create_token(workspace.store, "leaked", Role.VIEWER)
    headers = {"Authorization": f"Bearer {secret}"}
    with TestClient(create_app(workspace=workspace)) as client:
        assert client.get("/runs", headers=headers).status_code == 200
        revoked = lookthrough("token", "revoke", token.id, "--db", db)
        assert revoked.returncode == 0 and f"token {token.id} revoked by the running server" in revoked.stdout
        # At once, not after the token cache expires.
        assert client.get("/runs", headers=headers).status_code == 401
        listed = lookthrough("token", "list", "--db", db)
        assert listed.returncode == 1 and "Traceback" not in listed.stderr
        assert (
            "error: cannot open database" in listed.stderr
            and "a server holds this DuckDB file" in listed.stderr
        )
        rejects = lookthrough("rejects", "some-snapshot", "--db", db)
        assert rejects.returncode == 1 and "Traceback" not in rejects.stderr
        assert "a server holds this DuckDB file" in rejects.stderr
    [after] = tokens(workspace.store)
    assert after.revoked_at is not None
    workspace.close()


def test_requests_for_unknown_tokens_are_dropped(tmp_path):
    workspace = Workspace(str(tmp_path / "db.duckdb"), builtin=False)
    token, _ = create_token(workspace.store, "a", Role.VIEWER)
    request_revocation(workspace.store.url, "no-such-token")
    request_revocation(workspace.store.url, token.id)
    assert apply_requests(workspace.store) == [token.id]
    assert apply_requests(workspace.store) == []
    assert not list(tmp_path.glob("*.revoke*"))
    workspace.close()
