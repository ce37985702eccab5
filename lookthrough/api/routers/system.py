"""What the server holds and how it matches: the catalog of datasets, the algorithms, and a
forced reload of the lists (yente's /catalog, /algorithms and /updatez)."""

from __future__ import annotations

import hashlib
import secrets
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response
from normality import squash_spaces
from starlette.concurrency import run_in_threadpool

from lookthrough import settings
from lookthrough.api.algorithms import BEST, listed, own
from lookthrough.api.auth import ListReader, ServiceDep
from lookthrough.api.directory import public_name
from lookthrough.api.schemas import (
    AlgorithmDocs,
    AlgorithmModel,
    AlgorithmResponse,
    CatalogResponse,
    DatasetModel,
    ErrorResponse,
    FeatureDoc,
    StatusResponse,
)
from lookthrough.api.service import Service
from lookthrough.matching import get_algorithm

router = APIRouter(tags=["System information"])


def catalog_of(service: Service) -> CatalogResponse:
    """Loaded lists (each current snapshot), then the datasets imported entities name."""
    directory = service.directory()
    counts = directory.datasets()
    models: dict[str, DatasetModel] = {}
    for snapshot in service.snapshots():
        name = public_name(snapshot.dataset)
        models[name] = DatasetModel(
            name=name, title=snapshot.title, version=snapshot.id, load=True, index_version=snapshot.id,
            index_current=snapshot.id in directory.fingerprint.split(","), entity_count=counts.get(name, 0),
            updated_at=snapshot.retrieved_at.replace(microsecond=0).isoformat(),
            published=snapshot.published.isoformat() if snapshot.published else None,
        )  # fmt: skip
    for name, count in sorted(counts.items()):
        if name not in models:
            models[name] = DatasetModel(name=name, title=name, version=None, load=False, entity_count=count)
    current = [m.name for m in models.values() if m.load and m.index_current]
    outdated = [m.name for m in models.values() if m.load and not m.index_current]
    return CatalogResponse(datasets=list(models.values()), current=current, outdated=outdated,
                           index_stale=bool(outdated))  # fmt: skip


@router.get("/catalog", response_model=CatalogResponse, responses={304: {"description": "Unchanged"}},
            tags=["Data access"])  # fmt: skip
@router.get("/manifest", response_model=CatalogResponse, include_in_schema=False)
def catalog(request: Request, service: ServiceDep, _: ListReader) -> Response:
    """Every dataset: the loaded lists with their current snapshot, and the datasets that entities
    imported from FtM files come from (`/match/{dataset}` and `/search/{dataset}` take either)."""
    body = catalog_of(service)
    text = body.model_dump_json()
    # Only a cache validator, not a security measure.
    etag = '"' + hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest() + '"'
    headers = {"ETag": etag, "Cache-Control": "public, max-age=300"}
    asked = [tag.strip() for tag in request.headers.get("if-none-match", "").split(",")]
    if etag in asked or "*" in asked:
        return Response(status_code=304, headers=headers)
    return Response(text, media_type="application/json", headers=headers)


@router.get("/algorithms", response_model=AlgorithmResponse)
def algorithms() -> AlgorithmResponse:
    """The algorithms `/match` takes: lookthrough's own (`best`: the one the server's index is
    built for), and yente's names scored by nomenklatura where it is installed."""
    found = []
    for name, scorer in listed():
        if scorer is None:
            ours = get_algorithm(name)
            weights: dict[str, float] = ours.coefficients()
            features = {n: FeatureDoc(description=d, coefficient=weights.get(n, 0.0), url="/docs/matching")
                        for n, d in ours.documentation().items()}  # fmt: skip
            description = squash_spaces(ours.__doc__ or "")
            docs = AlgorithmDocs(name=name, description=description, features=features)
        else:
            features = {n: FeatureDoc(**d.model_dump()) for n, d in scorer.get_feature_docs().items()}
            description = squash_spaces(scorer.__doc__ or "")
            config = {k: v.model_dump(mode="json") for k, v in scorer.CONFIG.items()}
            docs = AlgorithmDocs(name=name, description=description, config=config, features=features)
        found.append(AlgorithmModel(name=name, description=description, features=features, docs=docs))
    return AlgorithmResponse(algorithms=found, default=BEST, best=own())


@router.post("/updatez", response_model=StatusResponse, responses={403: {"model": ErrorResponse}})
async def update(
    service: ServiceDep,
    token: Annotated[str, Query(title="LOOKTHROUGH_UPDATE_TOKEN")] = "",
    sync: Annotated[bool, Query(title="Wait until the index is rebuilt")] = False,
) -> JSONResponse:
    """Check for new list snapshots now and rebuild the index (loads run with `lookthrough
    update`; this makes a running server take them up without waiting). Needs the update token."""
    expected = settings.get("UPDATE_TOKEN").strip()
    if not expected or not secrets.compare_digest(token.strip().encode(), expected.encode()):
        raise HTTPException(403, "Invalid token.")
    if sync:
        await run_in_threadpool(service.reload)
    else:
        service.request_reload()
    return JSONResponse(StatusResponse(status="ok").model_dump())
