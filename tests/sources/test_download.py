"""`update` without a path: official files fetched over HTTP, loaded as snapshots; a failed
download or a broken file never replaces the current snapshot."""

from __future__ import annotations

from pathlib import Path

import httpx

from lookthrough.sources.download import download_official
from lookthrough.sources.ofac_csv import OfacConsolidatedCsv


def serving(files: dict[str, bytes]) -> httpx.Client:
    """A client whose requests reach these files by URL, and a 503 for every other URL."""

    def answer(request: httpx.Request) -> httpx.Response:
        body = files.get(str(request.url))
        return httpx.Response(200, content=body) if body is not None else httpx.Response(503)

    return httpx.Client(transport=httpx.MockTransport(answer))


def test_download_loads_what_arrives_and_keeps_the_good_snapshot(store, shared_data: Path) -> None:
    folder = shared_data / "ofac" / "non_sdn_consolidated_2025-12"
    files = {d.url: (folder / d.name).read_bytes() for d in OfacConsolidatedCsv.downloads}
    first = {r.snapshot.source: r for r in download_official(store, client=serving(files))}
    loaded = first["ofac_cons_csv"].snapshot
    assert loaded.status.value == "current" and loaded.entity_count == 1258
    assert loaded.origin == OfacConsolidatedCsv.downloads[0].url
    # Every other list's URL answered 503: recorded as failed, nothing current for them.
    failed = [r.snapshot for name, r in first.items() if name != "ofac_cons_csv"]
    assert failed and all(s.status.value == "failed" and "503" in (s.error or "") for s in failed)

    # Next day the server is down: the snapshot from the first download stays current.
    again = {r.snapshot.source: r for r in download_official(store, client=serving({}))}
    assert again["ofac_cons_csv"].snapshot.status.value == "failed"
    assert store.current(OfacConsolidatedCsv.dataset).id == loaded.id

    # Then a truncated file arrives: refused, still the first snapshot.
    cut = dict(files)
    prim = OfacConsolidatedCsv.downloads[0].url
    cut[prim] = b"\n".join(files[prim].splitlines()[:40]) + b"\n"
    third = {r.snapshot.source: r for r in download_official(store, client=serving(cut))}
    assert third["ofac_cons_csv"].snapshot.status.value == "refused"
    assert store.current(OfacConsolidatedCsv.dataset).id == loaded.id
