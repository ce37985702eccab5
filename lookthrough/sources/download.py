"""Fetch the official list files and load them; a failed download never touches the store's data."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path

import httpx

from lookthrough import __version__, settings
from lookthrough.model import Snapshot, SnapshotStatus
from lookthrough.sources import all_sources
from lookthrough.sources.base import LoadReport, Source
from lookthrough.sources.load import LoadResult, Progress, load_source
from lookthrough.store import Store


def make_client() -> httpx.Client:
    return httpx.Client(
        timeout=float(settings.get("HTTP_TIMEOUT")),
        follow_redirects=True,
        headers={"User-Agent": f"lookthrough/{__version__} (+sanctions screening)"},
    )


def fetch(client: httpx.Client, cls: type[Source], folder: Path) -> Path:
    """Download every file of one source into `folder`; returns the main file's path."""
    for download in cls.downloads:
        target = folder / download.name
        with client.stream("GET", download.url) as response:
            response.raise_for_status()
            with target.open("wb") as handle:
                for chunk in response.iter_bytes():
                    handle.write(chunk)
    return folder / cls.downloads[0].name


def download_official(
    store: Store,
    *,
    client: httpx.Client | None = None,
    progress: Progress | None = None,
    force: bool = False,
) -> list[LoadResult]:
    """Download and load every list that publishes official URLs, one snapshot each."""
    results = []
    own_client = client is None
    http = client or make_client()
    try:
        for cls in all_sources():
            if not cls.downloads:
                continue
            if progress:
                progress(f"downloading {cls.title}")
            with tempfile.TemporaryDirectory(prefix="lookthrough-") as tmp:
                try:
                    main = fetch(http, cls, Path(tmp))
                except (httpx.HTTPError, OSError) as error:
                    results.append(_failed_download(store, cls, error))
                    continue
                results.append(load_source(store, cls, main, origin=cls.downloads[0].url, force=force))
    finally:
        if own_client:
            http.close()
    return results


def _failed_download(store: Store, cls: type[Source], error: Exception) -> LoadResult:
    now = datetime.now(UTC).replace(tzinfo=None)
    snapshot = Snapshot(
        id=f"{cls.dataset}-{now:%Y%m%dT%H%M%S%f}-download",
        dataset=cls.dataset,
        source=cls.name,
        title=cls.title,
        origin=cls.downloads[0].url,
        retrieved_at=now,
        sha256="",
        status=SnapshotStatus.FAILED,
        error=f"download failed: {error}",
    )
    store.record_failure(snapshot)
    return LoadResult(snapshot, LoadReport())
