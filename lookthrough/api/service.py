"""What every request shares: the workspace, its screener, and when to rebuild it."""

from __future__ import annotations

import gc
import logging
import time

from fastapi import Request

from lookthrough import settings
from lookthrough.api.batching import MatchBatcher
from lookthrough.api.directory import Directory
from lookthrough.api.finder import Finder
from lookthrough.catalog import Catalog
from lookthrough.model import Snapshot
from lookthrough.names.analyze import preload
from lookthrough.review import Ledger
from lookthrough.review.recovery import recover
from lookthrough.screening.screener import Screener
from lookthrough.store.sql import lock_for
from lookthrough.workspace import Workspace

log = logging.getLogger(__name__)


class Service:
    """One workspace per server; the index is rebuilt when the set of current snapshots changes."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.lock = lock_for(workspace.store)
        self._screener: Screener | None = None
        self._directory: Directory | None = None
        self._finder: Finder | None = None
        self._checked = 0.0
        self._fingerprint = ""
        self.batcher = MatchBatcher()

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
                settle()
        return self._screener

    @property
    def catalog(self) -> Catalog:
        return self.screener().catalog

    def cached_directory(self) -> Directory | None:
        """The directory if it is as current as the cached screener (cheap enough for the event loop)."""
        screener, directory = self.cached(), self._directory
        if (
            screener is not None
            and directory is not None
            and directory.fingerprint == screener.catalog.fingerprint
        ):
            return directory
        return None

    def directory(self) -> Directory:
        """Every current entity as the API shows it; rebuilt when the catalog is (reads the store)."""
        catalog = self.screener().catalog
        with self.lock:
            if self._directory is None or self._directory.fingerprint != catalog.fingerprint:
                self._directory = Directory.build(self.workspace.store, catalog)
                settle()
            return self._directory

    def finder(self) -> Finder:
        """Search over the current directory (its word index is built on first use)."""
        directory, screener = self.directory(), self.screener()
        with self.lock:
            if self._finder is None or self._finder.directory is not directory:
                self._finder = Finder(directory, screener.matcher)
            return self._finder

    def start(self) -> None:
        """Mark runs a stopped server left unfinished as failed; build the index and the directory,
        and load the name readers of other scripts, before the first request."""
        for run_id in recover(self.workspace.store):
            log.warning("run %s was interrupted by a server stop; marked failed", run_id)
        self.directory()
        preload()

    def reload(self) -> None:
        """Check for new snapshots now, and rebuild what changed."""
        self.request_reload()
        self.directory()

    def request_reload(self) -> None:
        """Make the next request check for new snapshots, whenever the last check was."""
        self._checked = 0.0

    def close(self) -> None:
        self.workspace.close()


def settle() -> None:
    """Set what a (re)build left alive aside from the garbage collector. A served index is a
    million or more long-lived objects; left in the collector's oldest generation, every full
    collection walks them all, stopping every request for most of a second every few seconds
    under load. A rebuild unfreezes the old set first, so the collection can free it."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


async def get_service(request: Request) -> Service:
    service: Service = request.app.state.service
    return service
