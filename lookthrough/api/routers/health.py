"""Liveness and readiness."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from lookthrough.api.auth import ServiceDep
from lookthrough.api.schemas import ReadyResponse, StatusResponse

router = APIRouter(tags=["System information"])


@router.get("/healthz", response_model=StatusResponse)
def healthz() -> StatusResponse:
    """The server is up."""
    return StatusResponse(status="ok")


@router.get("/readyz", response_model=ReadyResponse, responses={503: {"model": ReadyResponse}})
def readyz(service: ServiceDep) -> JSONResponse:
    """Ready only when at least one list snapshot is loaded (a server with no lists must not
    answer "no match")."""
    snapshots = [s.id for s in service.snapshots()]
    status = "ok" if snapshots else "no list snapshot loaded"
    body = ReadyResponse(status=status, snapshots=snapshots)
    return JSONResponse(body.model_dump(), status_code=200 if snapshots else 503)
