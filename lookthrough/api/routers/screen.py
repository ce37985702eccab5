"""Batch screening: upload a file, follow its progress, download the results."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, BackgroundTasks, File, Form, Request, UploadFile
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from lookthrough.api.auth import Reviewer, ServiceDep, Viewer
from lookthrough.api.convert import run_model
from lookthrough.api.schemas import ErrorResponse, RunModel
from lookthrough.review import DOWNLOADS, execute, plan_run

router = APIRouter(tags=["Batch screening"])
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorResponse}}


@router.post(
    "/screen",
    response_model=RunModel,
    status_code=202,
    responses={400: {"model": ErrorResponse}, 413: {"model": ErrorResponse}},
)
async def screen(
    request: Request,
    background: BackgroundTasks,
    file: Annotated[UploadFile, File(description="CSV, XLSX, Parquet or JSON lines")],
    name_column: Annotated[str, Form(min_length=1, description="Column holding the name")],
    service: ServiceDep,
    principal: Reviewer,
    id_columns: Annotated[str, Form(description="Columns with ISIN/LEI/USCC codes, comma-separated")] = "",
    input_format: Annotated[
        Literal["csv", "xlsx", "parquet", "jsonl"] | None, Form(description="Else told by the file name")
    ] = None,
    threshold: Annotated[float | None, Form(ge=0, le=1, allow_inf_nan=False)] = None,
) -> RunModel:
    """Start screening an uploaded file in the background; poll `GET /screen/{id}` for progress."""
    data = await file.read()
    # Recording the upload writes it to the database: a worker thread, not the event loop.
    run = await run_in_threadpool(
        lambda: plan_run(
            service.workspace,
            file.filename or "upload",
            data,
            name_column=name_column,
            id_columns=[c.strip() for c in id_columns.split(",") if c.strip()],
            file_format=input_format,
            threshold=threshold,
            created_by=principal.name,
        )
    )
    background.add_task(execute, service.workspace, run.id)
    return run_model(run, str(request.base_url).rstrip("/"))


@router.get("/screen/{run_id}", response_model=RunModel, responses=NOT_FOUND)
def status(run_id: str, request: Request, service: ServiceDep, _: Viewer) -> RunModel:
    """A run's status, progress (rows screened of rows in the file) and download links."""
    return run_model(service.ledger.run(run_id), str(request.base_url).rstrip("/"))


def _download(fmt: str) -> Callable[..., Response]:
    def results(run_id: str, service: ServiceDep, _: Viewer) -> Response:
        content = service.ledger.output(run_id, fmt)
        name = json.dumps(f"{run_id}.{fmt}")
        return Response(
            content,
            media_type=DOWNLOADS[fmt],
            # The HTML report opens in the browser; the other formats are files to keep.
            headers={
                "Content-Disposition": f"{'inline' if fmt == 'html' else 'attachment'}; filename={name}"
            },
        )

    results.__doc__ = f"A finished run's results as {fmt} (404 until the run is done)."
    return results


# One route per format, so each is described with its own media type (the HTML report is HTML).
for _fmt, _media in DOWNLOADS.items():
    router.add_api_route(
        f"/screen/{{run_id}}/results.{_fmt}",
        _download(_fmt),
        methods=["GET"],
        name=f"results_{_fmt}",
        response_class=Response,
        responses={
            200: {"content": {_media.split(";")[0]: {}}, "description": f"The results ({_fmt})"},
            **NOT_FOUND,
        },
    )
