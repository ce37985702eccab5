"""Revoking a token while a server holds the DuckDB file: the command line leaves the request in a
file beside the database, and the server applies it within a second (and forgets the token at
once). Only revocations travel this way: the file can take access away, never grant it."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from lookthrough.exc import NotFound
from lookthrough.review.access import revoke_token
from lookthrough.store import Store

log = logging.getLogger(__name__)
SUFFIX = ".revoke"
CHECK_SECONDS = 1.0
"""How often a server looks for revocation requests."""


def requests_file(url: str) -> Path | None:
    """Where revocation requests for the database at `url` go (DuckDB files only)."""
    path = url.removeprefix("duckdb://")
    if path == ":memory:" or "://" in path:
        return None
    return Path(path + SUFFIX)


def is_locked(error: Exception) -> bool:
    """Whether opening a DuckDB file failed because another process (a server) holds it."""
    text = str(error)
    return "Could not set lock" in text or "Conflicting lock" in text


def request_revocation(url: str, token_id: str) -> Path:
    """Leave a request for the running server to revoke `token_id`; returns the file."""
    path = requests_file(url)
    if path is None:
        raise NotFound("revocation requests are only for a DuckDB file")
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(descriptor, "a", encoding="utf-8") as handle:
        handle.write(token_id.strip() + "\n")
    return path


def revoked_by_server(url: str, wait: float = 5.0) -> bool:
    """Whether a running server took up the requests within `wait` seconds."""
    path = requests_file(url)
    if path is None:
        return True
    pending = (path, path.with_name(path.name + ".applying"))
    deadline = time.monotonic() + wait
    while any(p.exists() for p in pending) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not any(p.exists() for p in pending)


def apply_requests(store: Store) -> list[str]:
    """Revoke every token requested beside the database; the ids that were revoked."""
    path = requests_file(store.url)
    if path is None or not path.exists():
        return []
    taken = path.with_name(path.name + ".applying")
    path.replace(taken)  # requests written from now on go to a new file
    revoked = []
    for token_id in dict.fromkeys(taken.read_text(encoding="utf-8", errors="replace").split()):
        try:
            revoke_token(store, token_id)
            revoked.append(token_id)
        except NotFound:
            log.warning("revocation request for %r: no such active token", token_id)
    taken.unlink()
    return revoked
