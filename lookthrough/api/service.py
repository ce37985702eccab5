"""What every request shares: the workspace, its screener, and when to rebuild it."""

from __future__ import annotations

import time

from fastapi import Request

from lookthrough import settings
from lookthrough.catalog import Catalog
from lookthrough.model import Snapshot
from lookthrough.review import Ledger
from lookthrough.screening.screener import Screener
from lookthrough.store.sql import lock_for
from lookthrough.workspace import Workspace


class Service:
    """One workspace per server; the index is rebuilt when the set of current snapshots changes."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.lock = lock_for(workspace.store)
        self._screener: Screener | None = None
        self._checked = 0.0
        self._fingerprint = ""

    @property
    def ledger(self) -> Ledger:
        return Ledger(self.workspace.store)

    def snapshots(self) -> list[Snapshot]:
        with self.lock:
            return self.workspace.store.snapshots()

    def cached(self) -> Screener | None:
        """The screener if no check for new snapshots is due (cheap enough for the event loop)."""
        every = float(settings.get("REFRESH_SECONDS"))
        if self._screener is not None and time.monotonic() - self._checked < every:
            return self._screener
        return None

    def screener(self) -> Screener:
        """The current screener; checks for new snapshots at most every REFRESH_SECONDS."""
        cached = self.cached()
        if cached is not None:
            return cached
        with self.lock:
            self._checked = time.monotonic()
            current = self.workspace.store.fingerprint()
            if self._screener is None or current != self._fingerprint:
                self.workspace.refresh()
                self._screener = self.workspace.screener()
                self._fingerprint = current
        return self._screener

    @property
    def catalog(self) -> Catalog:
        return self.screener().catalog

    def close(self) -> None:
        self.workspace.close()


async def get_service(request: Request) -> Service:
    service: Service = request.app.state.service
    return service
