"""Where a report's rows come from: a review run, or a results file that `screen` wrote."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from lookthrough.exc import InvalidInput
from lookthrough.report.document import About, ListInfo, Report
from lookthrough.report.exposure import require_columns
from lookthrough.review.ledger import Ledger
from lookthrough.review.model import Run
from lookthrough.store import Store

REQUIRED = ("row", "input", "status", "hits")


def read_results(lines: Iterable[str], name: str) -> Iterator[dict[str, Any]]:
    """The rows of a JSON-lines results file; a line that is not one names its file and line."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise InvalidInput(f"not JSON: {error.msg}", path=name, line=number) from None
        if not isinstance(row, dict):
            raise InvalidInput("not a JSON object (one result row per line)", path=name, line=number)
        for key in REQUIRED:
            if key not in row:
                raise InvalidInput("missing; is this a results file from `lookthrough screen`?",
                                   path=name, line=number, field=key)  # fmt: skip
        yield row


def lists_of(store: Store, snapshot_ids: Iterable[str]) -> list[ListInfo]:
    """The snapshots named, with their dates, in the order they were loaded."""
    known = {s.id: s for s in store.snapshots(include_history=True)}

    def loaded(snapshot_id: str) -> tuple[str, str]:
        found = known.get(snapshot_id)
        return (found.retrieved_at.isoformat() if found else "~", snapshot_id)

    wanted = sorted(set(snapshot_ids), key=loaded)
    return [ListInfo.of(known[i]) if i in known else ListInfo.unknown(i) for i in wanted]


def about_run(store: Store, run: Run) -> About:
    """What a run's report says of it: its file, who ran it when, its lists and tally."""
    codes = f", codes in {', '.join(run.id_columns)}" if run.id_columns else ""
    when = f"{run.created_at:%Y-%m-%d %H:%M} UTC"
    origin = f"Run {run.id} by {run.created_by}, {when}; name column {run.name_column}{codes}"
    return About(run.filename, origin, lists_of(store, run.snapshots), tally=run.tally)


def report_run(
    store: Store,
    run_id: str,
    out: IO[str],
    value_column: str | None = None,
    group_columns: list[str] | None = None,
) -> None:
    """The report of a review run, from the results it kept; columns default to the run's own."""
    ledger = Ledger(store)
    run = ledger.run(run_id)
    about = about_run(store, run)
    columns = group_columns if group_columns is not None else run.group_columns
    text = ledger.output(run.id, "jsonl").decode("utf-8")
    with Report(about, value_column or run.value_column, columns) as report:
        for row in read_results(text.splitlines(), f"{run.id}.jsonl"):
            report.add(row)
        _check_columns(report, value_column, columns)
        report.write(out)


def report_file(
    store: Store | None,
    path: Path,
    out: IO[str],
    value_column: str | None = None,
    group_columns: list[str] | None = None,
) -> None:
    """The report of a results file; its lists are the snapshots its hits cite."""
    note = (
        "A results file does not record every list it was screened against: "
        "these are the snapshots its hits cite."
    )
    about = About(path.name, f"Results file {path.name}", lists_note=note)
    with Report(about, value_column, group_columns or []) as report, path.open(encoding="utf-8") as handle:
        for row in read_results(handle, path.name):
            report.add(row)
        _check_columns(report, value_column, group_columns or [])
        if store is not None:
            about.lists = lists_of(store, report.snapshots)
        else:
            about.lists = [ListInfo.unknown(s) for s in sorted(report.snapshots)]
        report.write(out)


def report_of(
    store: Store,
    source: str,
    out: IO[str],
    value_column: str | None = None,
    group_columns: list[str] | None = None,
) -> None:
    """The report of `source`: a results file if one is there, else a review run of that id."""
    path = Path(source)
    if path.is_file():
        report_file(store, path, out, value_column, group_columns)
    elif source.startswith("run-"):
        report_run(store, source, out, value_column, group_columns)
    else:
        raise InvalidInput("no such results file, and not a run id (run-…; `lookthrough cases` shows them)",
                           path=source)  # fmt: skip


def _check_columns(report: Report, value_column: str | None, group_columns: list[str]) -> None:
    if report.columns:
        require_columns(list(report.columns), value_column, group_columns)
