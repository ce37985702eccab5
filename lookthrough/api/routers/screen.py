"""Batch screening: upload a file, follow its progress, download the results."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import Response

from lookthrough.api.auth import Reviewer, ServiceDep, Viewer
from lookthrough.api.convert import run_model
from lookthrough.api.schemas import ErrorResponse, RunModel
from lookthrough.review import DOWNLOADS, execute, plan_run

router = APIRouter(tags=["Batch screening"])


@router.post("/screen", response_model=RunModel, status_code=202, responses={400: {"model": ErrorResponse}})
async def screen(
    request: Request,
    background: BackgroundTasks,
    file: Annotated[UploadFile, File(description="CSV, XLSX, Parquet or JSON lines")],
    name_column: Annotated[str, Form(description="Column holding the name")],
    service: ServiceDep,
    principal: Reviewer,
    id_columns: Annotated[str, Form(description="Columns with ISIN/LEI/USCC codes, comma-separated")] = "",
    input_format: Annotated[str | None, Form(description="csv, xlsx, parquet or jsonl")] = None,
    threshold: Annotated[float | None, Form()] = None,
) -> RunModel:
    """Start screening an uploaded file in the background; poll `GET /screen/{id}` for progress."""
    run = plan_run(
        service.workspace,
        file.filename or "upload",
        await file.read(),
        name_column=name_column,
        id_columns=[c.strip() for c in id_columns.split(",") if c.strip()],
        file_format=input_format or None,
        threshold=threshold,
        created_by=principal.name,
    )
    background.add_task(execute, service.workspace, run.id)
    return run_model(run, str(request.base_url).rstrip("/"))


@router.get("/screen/{run_id}", response_model=RunModel, responses={404: {"model": ErrorResponse}})
def status(run_id: str, request: Request, service: ServiceDep, _: Viewer) -> RunModel:
    """A run's status, progress (rows screened of rows in the file) and download links."""
    return run_model(service.ledger.run(run_id), str(request.base_url).rstrip("/"))


@router.get("/screen/{run_id}/results.{fmt}", responses={404: {"model": ErrorResponse}})
def results(run_id: str, fmt: str, service: ServiceDep, _: Viewer) -> Response:
    """A finished run's results as jsonl, csv, parquet, xlsx or html (the report, shown in the browser)."""
    if fmt not in DOWNLOADS:
        raise HTTPException(404, f"no such format {fmt!r}; use one of {', '.join(DOWNLOADS)}")
    content = service.ledger.output(run_id, fmt)
    name = json.dumps(f"{run_id}.{fmt}")
    how = "inline" if fmt == "html" else "attachment"
    disposition = {"Content-Disposition": f"{how}; filename={name}"}
    return Response(content, media_type=DOWNLOADS[fmt], headers=disposition)
