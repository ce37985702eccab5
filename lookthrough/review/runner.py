"""Screen an uploaded file as a run: progress as it goes, its hits as cases, every output kept."""

from __future__ import annotations

import io
import re
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path, PurePath

from lookthrough.exc import InvalidInput, Located, LookthroughError
from lookthrough.report.exposure import require_columns
from lookthrough.review.cases import cases_of
from lookthrough.review.ledger import Ledger, now
from lookthrough.review.model import Run, RunStatus
from lookthrough.review.recovery import heartbeat
from lookthrough.screening.reader import input_format, open_table
from lookthrough.screening.result import RowResult
from lookthrough.screening.screener import Tally
from lookthrough.screening.table import screen_table
from lookthrough.screening.writer import write_csv, write_jsonl, write_parquet
from lookthrough.screening.xlsx import write_xlsx
from lookthrough.store.sql import lock_for
from lookthrough.workspace import Workspace

DOWNLOADS = {
    "jsonl": "application/x-ndjson",
    "csv": "text/csv",
    "parquet": "application/vnd.apache.parquet",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "html": "text/html; charset=utf-8",
}
"""Every format a run's results can be downloaded in, with its media type."""
PROGRESS_EVERY = 0.25
"""Seconds between progress writes, so a large file is not slowed by them."""


def plan_run(
    workspace: Workspace,
    filename: str,
    data: bytes,
    *,
    name_column: str,
    id_columns: list[str] | None = None,
    file_format: str | None = None,
    threshold: float | None = None,
    created_by: str,
    previous_run: str | None = None,
    value_column: str | None = None,
    group_columns: list[str] | None = None,
) -> Run:
    """Record a run and its input; `execute` screens it (at once or in the background)."""
    safe = PurePath(filename.replace("\\", "/")).name or "upload"
    input_format(Path(safe), file_format)
    with lock_for(workspace.store):
        snapshots = [s.id for s in workspace.store.snapshots()]
    run = Run(
        id=f"run-{now():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}",
        filename=safe,
        name_column=name_column,
        id_columns=id_columns or [],
        input_format=file_format,
        threshold=threshold,
        created_at=now(),
        created_by=created_by,
        previous_run=previous_run,
        snapshots=snapshots,
        status=RunStatus.QUEUED,
        value_column=value_column or None,
        group_columns=group_columns or [],
    )
    return Ledger(workspace.store).create_run(run, data)


def execute(workspace: Workspace, run_id: str) -> Run:
    """Screen a planned run; a run that fails says why, naming the file, line and field."""
    ledger = Ledger(workspace.store)
    run = ledger.run(run_id)
    run.status = RunStatus.RUNNING
    ledger.update_run(run)
    try:
        # The heartbeat tells a server starting later that this run is alive (see recovery).
        with heartbeat(workspace.store, run.id):
            results = _screen(workspace, ledger, run)
            _keep_outputs(ledger, run, results)
        run.status = RunStatus.DONE
    except LookthroughError as error:
        run.status, run.error = RunStatus.FAILED, error.detail
    except Exception as error:
        # A background run has nobody to raise to: the failure is recorded on the run itself.
        run.status, run.error = RunStatus.FAILED, scrub(f"{type(error).__name__}: {error}", run.filename)
    run.finished_at = now()
    ledger.update_run(run)
    return run


TEMPORARY = re.compile(r"\S*lookthrough-run-[^/\s]*/input\.\w+")


def scrub(message: str, filename: str) -> str:
    """A message with the server's temporary copy of an upload named as the upload."""
    return TEMPORARY.sub(filename, message)


def _screen(workspace: Workspace, ledger: Ledger, run: Run) -> list[RowResult]:
    with lock_for(workspace.store):
        if workspace.catalog().fingerprint != workspace.store.fingerprint():
            workspace.refresh()
        screener = workspace.screener(run.threshold)
    tally = Tally()
    kind = input_format(Path(run.filename), run.input_format)
    with tempfile.TemporaryDirectory(prefix="lookthrough-run-") as folder:
        # A name of our own: an uploaded name may be longer than the file system allows.
        path = Path(folder) / f"input.{kind}"
        path.write_bytes(ledger.input(run.id))
        try:
            table = open_table(path, kind)
            if table.columns:
                require_columns(table.columns, run.value_column, run.group_columns, run.filename)
            run.rows_total = table.size_hint
            rows = screen_table(screener, table, run.name_column, run.id_columns, tally)
            results = list(_progress(ledger, run, rows))
        except Located as error:
            # Name the file as uploaded, not the temporary copy it was read from.
            raise InvalidInput(error.reason, path=run.filename, line=error.line, field=error.field) from None
        except OSError as error:
            # An error of the copy names the server's temporary folder, which is nobody's business.
            reason = f"cannot read the upload: {error.strerror or error}"
            raise InvalidInput(reason, path=run.filename) from None
    run.tally = {
        "rows_in": tally.rows_in,
        "hit": tally.hit,
        "clear": tally.clear,
        "error": tally.error,
        "rejected": tally.rejected,
    }
    ledger.add_hits(cases_of(screener.catalog, run, results))
    return results


def _progress(ledger: Ledger, run: Run, rows: Iterator[RowResult]) -> Iterator[RowResult]:
    last = time.monotonic()
    for result in rows:
        run.rows_done += 1
        if time.monotonic() - last > PROGRESS_EVERY:
            ledger.update_run(run)
            last = time.monotonic()
        yield result


def _keep_outputs(ledger: Ledger, run: Run, results: list[RowResult]) -> None:
    from lookthrough.report import write_html
    from lookthrough.report.source import about_run

    columns = list(dict.fromkeys(key for result in results for key in result.input))
    text = io.StringIO()
    for _ in write_jsonl(results, text):
        pass
    ledger.save_output(run.id, "jsonl", text.getvalue().encode())
    text = io.StringIO()
    for _ in write_csv(results, text, columns):
        pass
    ledger.save_output(run.id, "csv", text.getvalue().encode())
    binary = io.BytesIO()
    for _ in write_parquet(results, binary, columns):
        pass
    ledger.save_output(run.id, "parquet", binary.getvalue())
    binary = io.BytesIO()
    for _ in write_xlsx(results, binary, columns, title=run.filename, value_column=run.value_column,
                        group_columns=run.group_columns):  # fmt: skip
        pass
    ledger.save_output(run.id, "xlsx", binary.getvalue())
    text = io.StringIO()
    for _ in write_html(results, text, about_run(ledger.store, run), run.value_column, run.group_columns):
        pass
    ledger.save_output(run.id, "html", text.getvalue().encode())


def tally_text(run: Run) -> str:
    t = run.tally
    return ", ".join(f"{t.get(k, 0)} {k}" for k in ("hit", "clear", "error", "rejected"))
