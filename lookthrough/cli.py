"""The `lookthrough` command: update lists, show them, screen files, explain a score."""

from __future__ import annotations

import json
import sys
from collections import deque
from contextlib import ExitStack
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table as RichTable

from lookthrough import __version__, settings
from lookthrough.encoding import has_surrogate
from lookthrough.exc import FileAccessError, InvalidInput, InvalidSetting, LookthroughError, StoreError
from lookthrough.identifiers import detect
from lookthrough.model.ftm import to_ftm
from lookthrough.progress import LazyProgress
from lookthrough.report import ListInfo
from lookthrough.report.exposure import require_columns
from lookthrough.screening.explain import explain as explain_name
from lookthrough.screening.output import Output, write_output
from lookthrough.screening.parallel import choose_workers
from lookthrough.screening.reader import open_table
from lookthrough.screening.screener import Tally
from lookthrough.screening.table import screen_table
from lookthrough.screening.writer import (
    describe_lists,
    describe_path,
    rejects_path,
    write_jsonl,
    write_rejects,
)
from lookthrough.sources.download import download_official
from lookthrough.sources.load import LoadResult, load_path
from lookthrough.workspace import Workspace

app = typer.Typer(help=__doc__, no_args_is_help=True)
# Wide, unwrapped output when piped, so messages and tables stay whole in logs.
# List data is printed as it is: no rich markup ("[lt-hikvision]" is an id, not a style).
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 200, markup=False, highlight=False)
err = Console(
    stderr=True, soft_wrap=True, width=None if sys.stderr.isatty() else 200, markup=False, highlight=False
)
DbOption = Annotated[str | None, typer.Option("--db", help="Database path (default: LOOKTHROUGH_DB).")]
ValueOption = Annotated[
    str | None, typer.Option(help="Column with each row's value (e.g. market value): exposure adds it up.")
]
GroupOption = Annotated[
    list[str] | None, typer.Option(help="Column to break exposure down by, e.g. portfolio (repeatable).")
]
EncodingOption = Annotated[
    str | None,
    typer.Option(help="Text encoding of the file (e.g. gb18030, big5, cp1252); detected when not given."),
]


def fail(error: LookthroughError | OSError) -> None:
    if isinstance(error, OSError):
        error = FileAccessError.of(error)
    err.print(f"error: {error.detail}", style="bold red")
    if isinstance(error, StoreError) and "lock" in error.detail:
        err.print("(a server holds this DuckDB file: stop it first, or use PostgreSQL for a shared server; "
                  "`token revoke` works while it runs)")  # fmt: skip
    raise typer.Exit(2 if isinstance(error, InvalidInput | InvalidSetting) else 1)


def _threshold(value: float | None) -> float | None:
    """--threshold: a score from 0 to 1 (NaN, negative and larger values are refused)."""
    try:
        return None if value is None else settings.unit_score(value)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None


def _text(value: Any) -> Any:
    """An argument must be text: a lone surrogate (an undecodable byte in the shell) is refused."""
    values = value if isinstance(value, list) else [value]
    if any(isinstance(v, str) and has_surrogate(v) for v in values):
        raise typer.BadParameter(
            "holds a byte that is not text in the terminal's encoding (a lone surrogate)"
        )
    return value


ThresholdOption = Annotated[
    float | None,
    typer.Option(help="Score (0 to 1) at or above which a name match is a hit.", callback=_threshold),
]


@app.callback()
def configure(
    config: Annotated[
        Path | None,
        typer.Option(
            "--config", help="Settings file (TOML); default LOOKTHROUGH_CONFIG or ./lookthrough.toml."
        ),
    ] = None,
) -> None:
    """Read and check the settings once, before any command runs."""
    settings.use_config(config)
    try:
        settings.current()
    except LookthroughError as error:
        fail(error)


@app.command()
def update(
    source: Annotated[
        Path | None, typer.Option("--from", help="Load this file or folder instead of downloading.")
    ] = None,
    format: Annotated[
        str | None, typer.Option("--format", help="Force the list format (see `lookthrough formats`).")
    ] = None,
    strict: Annotated[bool, typer.Option(help="Refuse a load that rejected any record.")] = False,
    force: Annotated[
        bool,
        typer.Option(help="Load even if unchanged, much smaller than the current snapshot, or cut short."),
    ] = False,
    encoding: EncodingOption = None,
    db: DbOption = None,
) -> None:
    """Load official lists as new snapshots (download them when no --from is given)."""
    try:
        workspace = Workspace(db)
        if source is None:
            results = download_official(workspace.store, progress=lambda m: err.print(m), force=force)
        else:
            results = load_path(workspace.store, source, forced_format=format, strict=strict, force=force,
                                origin=str(source), progress=lambda m: err.print(m),
                                encoding=encoding)  # fmt: skip
    except (LookthroughError, OSError) as error:
        fail(error)
        return
    for result in results:
        _report_load(result)
    if results and results[0].skipped:
        err.print(f"not a known list format, skipped: {', '.join(results[0].skipped)}")
    if not all(r.ok for r in results):
        raise typer.Exit(1)


def _report_load(result: LoadResult) -> None:
    s, report = result.snapshot, result.report
    if result.unchanged:
        out.print(f"{s.title}: unchanged (sha256 {s.sha256[:12]}), snapshot {s.id} stays current")
        return
    out.print(f"{s.title}: {s.status.value}, snapshot {s.id}")
    out.print(f"  rows read {report.rows_read}, rejected {report.rows_rejected}, entities {s.entity_count}, "
              f"statements {s.statement_count}, published {s.published or 'not stated'}")  # fmt: skip
    for reject in report.rejects[:10]:
        out.print(f"  rejected: {reject}", highlight=False)
    if len(report.rejects) > 10:
        out.print(f"  … {len(report.rejects) - 10} more; `lookthrough rejects {s.id}` lists them all")
    for warning in report.warnings[:5]:
        out.print(f"  warning: {warning}", highlight=False)
    if len(report.warnings) > 5:
        out.print(f"  … {len(report.warnings) - 5} more warnings")
    if s.error:
        out.print(f"  {s.error} (the current snapshot, if any, stays in use)", style="red")


@app.command()
def lists(
    history: Annotated[
        bool, typer.Option("--all", help="Show every load, not only current snapshots.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Show the loaded list snapshots with their counts, dates and fingerprints."""
    try:
        workspace = Workspace(db)
    except LookthroughError as error:
        fail(error)
        return
    table = RichTable(
        "dataset", "snapshot", "status", "entities", "rejects", "published", "retrieved", "sha256", "origin"
    )
    for s in workspace.store.snapshots(include_history=history):
        published = str(s.published or "-")
        retrieved = f"{s.retrieved_at:%Y-%m-%d %H:%M}"
        counts = (str(s.entity_count), str(s.reject_count))
        table.add_row(s.dataset, s.id, s.status.value, *counts, published, retrieved, s.sha256[:12], s.origin)
    out.print(table)


@app.command()
def diff(
    list_name: Annotated[
        str | None, typer.Option("--list", help="Dataset to compare, as `lists` shows it.")
    ] = None,
    before: Annotated[
        str | None, typer.Option("--from", help="Older snapshot id (default: the one before --to).")
    ] = None,
    after: Annotated[
        str | None, typer.Option("--to", help="Newer snapshot id (default: the list's current one).")
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="Output: table, jsonl or csv.")] = "table",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Entries added, removed and changed between two snapshots of a list."""
    from lookthrough.diff import diff_lists
    from lookthrough.diff_output import DIFF_FORMATS, write_diff

    if format not in DIFF_FORMATS:
        fail(InvalidInput(f"unknown output format {format!r}; use one of {', '.join(DIFF_FORMATS)}"))
    try:
        result = diff_lists(Workspace(db).store, list_name, before, after)
    except LookthroughError as error:
        fail(error)
        return
    with ExitStack() as stack:
        handle = stack.enter_context(output.open("w", encoding="utf-8", newline="")) if output else sys.stdout
        write_diff(
            result,
            format,
            handle,
            out if output is None else Console(file=handle, width=200, markup=False, highlight=False),
        )
    err.print(f"{result.dataset}: {result.before.id} -> {result.after.id}: {result.count('added')} added, "
              f"{result.count('removed')} removed, {result.count('changed')} changed")  # fmt: skip


@app.command()
def rejects(
    snapshot: Annotated[str, typer.Argument(help="Snapshot id, as `lists --all` shows it.")],
    db: DbOption = None,
) -> None:
    """List the records a load rejected, with file, line, field and reason."""
    try:
        found = Workspace(db).store.rejects(snapshot)
    except LookthroughError as error:
        fail(error)
        return
    for reject in found:
        out.print(str(reject), highlight=False)


@app.command()
def screen(
    input: Annotated[Path, typer.Argument(help="CSV, XLSX, Parquet or JSON-lines file to screen.")],
    name_column: Annotated[str, typer.Option("--name-column", "-n", help="Column holding the name.")],
    id_column: Annotated[
        list[str] | None,
        typer.Option("--id-column", "-i", help="Column with ISIN/LEI/USCC codes (repeatable)."),
    ] = None,
    country_column: Annotated[
        list[str] | None,
        typer.Option(
            "--country-column",
            help="Column with the party's country (name or code; repeatable): evidence for or against "
            "a name match. An ISIN's country counts too.",
        ),
    ] = None,
    format: Annotated[
        str,
        typer.Option("--format", "-f", help="Output: jsonl, csv, xlsx, parquet, html (the report) or table."),
    ] = "jsonl",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Output file (default: stdout; xlsx and parquet need one)."),
    ] = None,
    input_format: Annotated[
        str | None, typer.Option(help="Input format if the file name does not tell.")
    ] = None,
    threshold: ThresholdOption = None,
    workers: Annotated[
        int | None,
        typer.Option(min=0, help="Processes to screen with; 0: one per core for large files."),
    ] = None,
    value_column: ValueOption = None,
    group_column: GroupOption = None,
    encoding: EncodingOption = None,
    db: DbOption = None,
) -> None:
    """Screen every row of a file; exit 0 when the run completes, hits or not."""
    try:
        workspace = Workspace(db)
        table = open_table(input, input_format, encoding)
        lists = [ListInfo.of(s) for s in workspace.store.snapshots()] if format == "html" else []
        target = Output(format, output, input.name, table.columns, value_column, group_column or [], lists)
        target.check()
        if table.columns:
            require_columns(table.columns, value_column, group_column or [], str(input))
        screener = workspace.screener(threshold)
        tally = Tally()
        with ExitStack() as stack:
            bar = stack.enter_context(LazyProgress(f"screening {input.name}", table.size_hint))
            processes = choose_workers(settings.workers() if workers is None else workers, table.size_hint)
            results = screen_table(screener, table, name_column, id_column or [], tally, bar.tick, processes,
                                   country_column or [])  # fmt: skip
            written = write_output(results, target, stack, tally)
            # Results stream to the output as they come; only the rows a table prints are kept.
            if format == "table":
                _print_hits([r for r in written if r.status.value != "clear" or r.warnings])
            else:
                deque(written, maxlen=0)
    except (LookthroughError, OSError) as error:
        fail(error)
        return
    _summarise(tally, input, output)


def _print_hits(flagged: list[Any]) -> None:
    table = RichTable("row", "input", "status", "listed party", "score", "lists", "path", show_lines=True)
    for r in flagged:
        name = " / ".join(str(v) for v in r.input.values() if v not in ("", None))
        if not r.hits:
            table.add_row(str(r.row), name, r.status.value, r.error or "; ".join(r.warnings), "", "", "")
        for hit in r.hits:
            table.add_row(
                str(r.row), name, "hit", hit.name, f"{hit.score:.2f}", describe_lists(hit), describe_path(hit)
            )
    out.print(table)


def _summarise(tally: Tally, input: Path, output: Path | None) -> None:
    err.print(f"{tally.rows_in} rows read: {tally.hit} hit, {tally.clear} clear, {tally.error} error, "
              f"{tally.rejected} rejected")  # fmt: skip
    if tally.rejects:
        path = rejects_path(output, input)
        write_rejects(tally.rejects, path, input)
        err.print(f"rejected rows written to {path}")


@app.command()
def explain(
    name: Annotated[str, typer.Argument(help="The name to explain.", callback=_text)],
    code: Annotated[
        list[str] | None, typer.Option("--id", help="An ISIN, LEI or USCC to match as well.", callback=_text)
    ] = None,
    limit: Annotated[int, typer.Option(min=1, help="How many candidates to show.")] = 5,
    threshold: ThresholdOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
    db: DbOption = None,
) -> None:
    """Show how NAME scores against its best candidates, feature by feature."""
    try:
        workspace = Workspace(db)
        codes = [c for value in code or [] for c in detect(value)]
        result = explain_name(workspace.screener(threshold), name, codes, limit=limit)
    except LookthroughError as error:
        fail(error)
        return
    if as_json:
        typer.echo(json.dumps(_explanation_json(result), ensure_ascii=False, indent=2))
        return
    words, forms = (list(result.form.tokens), list(result.form.forms)) if result.form else ([], [])
    out.print(f"query {result.query!r} -> words {words}, legal forms {forms}")
    out.print(f"algorithm {result.algorithm}, hit threshold {result.threshold:.2f}")
    if not result.candidates:
        out.print("no candidate shares a word or code with this name")
    for rank, c in enumerate(result.candidates, 1):
        verdict = (
            "HIT"
            if c.hits
            else ("reaches threshold, not listed" if c.reaches_threshold else "below threshold")
        )
        out.print(
            f"\n{rank}. {c.party.caption} [{c.party.id}] score {c.match.score:.3f} - {verdict}",
            highlight=False,
        )
        out.print(f"   matched name: {c.match.matched_name}", highlight=False)
        for line in c.match.explain():
            out.print(f"   {line}", highlight=False)
        for listing in c.party.listings:
            where = f"{listing.list} / {listing.program or '-'} since {listing.since or '?'}"
            why = f"{listing.source.evidence.value}; {listing.source.citation}"
            out.print(f"   listed: {where} ({why})", highlight=False)
        for hit in c.hits:
            out.print(f"   path: {describe_path(hit)}", highlight=False)
            # Each step's source says what the relation means (a GLEIF consolidation is no
            # shareholding), which the path's short labels cannot.
            for step in hit.path[1:]:
                out.print(f"   step: {_step_text(step)}", highlight=False)
            if hit.rule != "listed":
                out.print(f"   rule: {hit.rule}{_aggregate_text(hit)} ({hit.basis})", highlight=False)


def _step_text(step: Any) -> str:
    share = f" {step.percent:g}%" if step.percent is not None else ""
    period = [f"{word} {day}" for word, day in (("from", step.date), ("until", step.until)) if day]
    return f"{step.name} [{', '.join([step.relation + share, *period])}] ({step.evidence}; {step.source})"


def _aggregate_text(hit: Any) -> str:
    a = hit.aggregate
    if a is None:
        return ""
    share = f"{a.percent:g}%" if a.percent is not None else f"{a.at_least:g}-{a.at_most:g}%"
    return f", {share} held in aggregate, threshold {a.threshold:g}% {a.outcome.value}"


@app.command()
def devices(
    inventory: Annotated[
        Path, typer.Argument(help="Asset list (CSV, XLSX, Parquet, JSON lines), nmap XML, or DHCP leases.")
    ],
    format: Annotated[str, typer.Option("--format", "-f", help="Output: jsonl or csv.")] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Output file (default: stdout).")
    ] = None,
    input_format: Annotated[
        str | None, typer.Option(help="assets, nmap, dhcpd or dnsmasq, if the content does not tell.")
    ] = None,
    mac_column: Annotated[str | None, typer.Option(help="Asset-list column with the MAC address.")] = None,
    vendor_column: Annotated[str | None, typer.Option(help="Asset-list column with the vendor.")] = None,
    model_column: Annotated[str | None, typer.Option(help="Asset-list column with the model.")] = None,
    hostname_column: Annotated[str | None, typer.Option(help="Asset-list column with the hostname.")] = None,
    ip_column: Annotated[str | None, typer.Option(help="Asset-list column with the IP address.")] = None,
    threshold: ThresholdOption = None,
    workers: Annotated[
        int | None,
        typer.Option(min=0, help="Processes to screen with (default 1: one process is faster here)."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Screen a device inventory you already have: MAC prefix -> maker -> listed party behind it."""
    from lookthrough.devices import Columns, DeviceScreener, DeviceTally, open_inventory, write_device_csv

    if format not in ("jsonl", "csv"):
        fail(InvalidInput(f"unknown output format {format!r}; use jsonl or csv"))
    chosen = {"mac": mac_column, "vendor": vendor_column, "model": model_column,
              "hostname": hostname_column, "ip": ip_column}  # fmt: skip
    columns = Columns(**{k: v for k, v in chosen.items() if v}, chosen={k for k, v in chosen.items() if v})
    tally = DeviceTally()
    try:
        found = open_inventory(inventory, input_format, columns)
        screener = DeviceScreener(Workspace(db).screener(threshold))
        with ExitStack() as stack:
            handle = (
                stack.enter_context(output.open("w", encoding="utf-8", newline="")) if output else sys.stdout
            )
            bar = stack.enter_context(LazyProgress(f"screening {inventory.name}", found.size_hint))
            # One process by default: a device costs microseconds, less than sending it to a worker.
            processes = choose_workers(workers, found.size_hint) if workers else 1
            results = screener.screen_inventory(found, tally, bar.tick, workers=processes)
            written = (
                write_jsonl(results, handle) if format == "jsonl" else write_device_csv(results, handle, [])
            )
            for _ in written:
                pass
    except (LookthroughError, OSError) as error:
        fail(error)
        return
    err.print(f"{tally.rows_in} records read: {tally.hit} hit, {tally.clear} clear, {tally.error} error, "
              f"{tally.unattributable} unattributable, {tally.rejected} rejected")  # fmt: skip
    if tally.rejects:
        path = rejects_path(output, inventory)
        write_rejects(tally.rejects, path, inventory)
        err.print(f"rejected records written to {path}")


def _explanation_json(result: Any) -> dict[str, Any]:
    return {
        "query": result.query,
        "tokens": list(result.form.tokens) if result.form else [],
        "algorithm": result.algorithm,
        "threshold": result.threshold,
        "candidates": [
            {
                "entity_id": c.party.id,
                "name": c.party.caption,
                "score": round(c.match.score, 4),
                "matched_name": c.match.matched_name,
                "features": [asdict(f) for f in c.match.features],
                "hits": [h.to_dict() for h in c.hits],
            }
            for c in result.candidates
        ],
    }


@app.command()
def export(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Export every current entity as FollowTheMoney JSON lines."""
    from itertools import groupby

    from lookthrough.model import Entity

    workspace = Workspace(db)
    with ExitStack() as stack:
        handle = stack.enter_context(output.open("w", encoding="utf-8")) if output else sys.stdout
        for _id, group in groupby(workspace.store.current_statements(), key=lambda s: s.entity_id):
            entity = Entity.from_statements(list(group))
            handle.write(json.dumps(to_ftm(entity), ensure_ascii=False) + "\n")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    db: DbOption = None,
) -> None:
    """Run the HTTP API (yente-compatible /match) and the review pages (/review/)."""
    import uvicorn

    from lookthrough.api import create_app
    from lookthrough.api.auth import loopback_only

    try:
        # On loopback alone, list lookups answer without a token, as self-hosted yente does.
        application = create_app(db, loopback=loopback_only(host))
    except LookthroughError as error:
        fail(error)
        return
    uvicorn.run(application, host=host, port=port, log_level="warning")


@app.command()
def review(
    input: Annotated[Path, typer.Argument(help="CSV, XLSX, Parquet or JSON-lines file to screen.")],
    name_column: Annotated[str, typer.Option("--name-column", "-n", help="Column holding the name.")],
    id_column: Annotated[
        list[str] | None,
        typer.Option("--id-column", "-i", help="Column with ISIN/LEI/USCC codes (repeatable)."),
    ] = None,
    input_format: Annotated[
        str | None, typer.Option(help="Input format if the file name does not tell.")
    ] = None,
    reviewer: Annotated[str, typer.Option(help="Name recorded as the run's author.")] = "cli",
    value_column: ValueOption = None,
    group_column: GroupOption = None,
    db: DbOption = None,
) -> None:
    """Screen a file as a review run: its hits become a case list with decisions kept."""
    from lookthrough.review import Ledger, execute, plan_run

    try:
        workspace = Workspace(db)
        if not input.is_file():
            raise InvalidInput("no such file", path=str(input))
        run = plan_run(workspace, input.name, input.read_bytes(), name_column=name_column,
                       id_columns=id_column or [], file_format=input_format, created_by=reviewer,
                       value_column=value_column, group_columns=group_column)  # fmt: skip
        run = execute(workspace, run.id)
    except LookthroughError as error:
        fail(error)
        return
    if run.error:
        fail(InvalidInput(run.error))
    cases = Ledger(workspace.store).cases(run.id)
    waiting = sum(c.in_queue for c in cases)
    out.print(
        f"run {run.id}: {run.tally.get('rows_in', 0)} rows, {len(cases)} hits, {waiting} waiting for review"
    )


@app.command()
def rescreen(
    run: Annotated[str | None, typer.Option(help="Run to screen again (default: the last one).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
    db: DbOption = None,
) -> None:
    """Screen the last run's file again (after `update`): report new, changed and removed hits."""
    from lookthrough.review import rescreen as rescreen_run

    try:
        result = rescreen_run(Workspace(db), run, created_by="cli")
    except LookthroughError as error:
        fail(error)
        return
    if result.run.error:
        fail(InvalidInput(result.run.error))
    if as_json:
        typer.echo(json.dumps(result.summary(), ensure_ascii=False, indent=2))
        return
    counts = f"{len(result.new)} new, {len(result.changed)} changed, {len(result.removed)} removed"
    out.print(f"run {result.run.id} against {result.previous.id}: {counts}, {result.unchanged} unchanged")
    for line in result.lines():
        out.print(f"  {line}", highlight=False)


@app.command()
def report(
    source: Annotated[
        str, typer.Argument(help="A review run id, or a results file from `screen` (JSON lines).")
    ],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="HTML file to write (default: stdout).")
    ] = None,
    value_column: ValueOption = None,
    group_column: GroupOption = None,
    db: DbOption = None,
) -> None:
    """Write the standalone HTML report: lists, exposure charts, each hit's ownership drawn."""
    from lookthrough.report.source import report_of

    try:
        workspace = Workspace(db)
        with ExitStack() as stack:
            handle = stack.enter_context(output.open("w", encoding="utf-8")) if output else sys.stdout
            report_of(workspace.store, source, handle, value_column, group_column)
    except LookthroughError as error:
        if output is not None:
            output.unlink(missing_ok=True)
        fail(error)
        return
    if output is not None:
        err.print(f"report written to {output}")


@app.command()
def cases(
    run: Annotated[str | None, typer.Option(help="Only this run's cases.")] = None,
    list_name: Annotated[str | None, typer.Option("--list", help="Only cases on this list.")] = None,
    rule: Annotated[str | None, typer.Option(help="Only hits under this rule (listed, ofac_50, …).")] = None,
    min_score: Annotated[float | None, typer.Option(help="Only cases scoring at least this.")] = None,
    state: Annotated[
        str | None, typer.Option(help="open, escalated, pending, returned, decided, reopened or all.")
    ] = None,
    assignee: Annotated[str | None, typer.Option(help="Only cases assigned to this reviewer.")] = None,
    db: DbOption = None,
) -> None:
    """List cases (by default the queue: those waiting for someone), with the keys `decide` takes."""
    from lookthrough.review import Ledger
    from lookthrough.review.queue import Filter, select

    try:
        chosen = Filter(run, list_name, rule, min_score, state, assignee)
        found, _facets = select(Ledger(Workspace(db).store), chosen)
    except LookthroughError as error:
        fail(error)
        return
    columns = (
        "case",
        "run / file",
        "row",
        "screened",
        "listed party",
        "lists",
        "score",
        "rule",
        "state",
        "assigned",
    )
    table = RichTable(*columns)
    for c in found:
        where = f"{c.run_id}\n{c.filename}"
        table.add_row(c.hit_key, where, str(c.row), c.query, c.name, "; ".join(c.lists),
                      f"{c.score:.2f}", c.rule, c.state.value, c.assignee or "")  # fmt: skip
    out.print(table)


@app.command()
def decide(
    case: Annotated[str, typer.Argument(help="The case key, as `cases` lists it.")],
    verdict: Annotated[str, typer.Argument(help="match, false_positive, escalate; approve or return.")],
    reason: Annotated[str, typer.Option(help="Why: what you compared and found.")],
    run: Annotated[str | None, typer.Option(help="The run the case is in (default: the newest).")] = None,
    db: DbOption = None,
) -> None:
    """Record a decision on a case in the audit log, signed by LOOKTHROUGH_TOKEN's holder."""
    from lookthrough.review.workflow import decide_signed

    try:
        made, found = decide_signed(Workspace(db).store, settings.get("TOKEN"), case, verdict, reason, run)
    except LookthroughError as error:
        fail(error)
        return
    out.print(f"decision {made.id}: {made.verdict.value} on {found.hit_key} by {made.reviewer}; "
              f"the case is now {found.state.value}")  # fmt: skip


token_app = typer.Typer(help="Create, list and revoke API tokens (stored hashed).", no_args_is_help=True)
app.add_typer(token_app, name="token")


@token_app.command("create")
def token_create(
    name: Annotated[str, typer.Argument(help="Who or what the token is for (recorded on decisions).")],
    role: Annotated[str, typer.Option(help="viewer, reviewer, approver or admin.")] = "viewer",
    db: DbOption = None,
) -> None:
    """Make a token and print it once; only its hash is kept."""
    from lookthrough.review import Role, create_token

    try:
        token, secret = create_token(Workspace(db).store, name, Role.named(role))
    except LookthroughError as error:
        fail(error)
        return
    err.print(f"token {token.id} for {token.name} ({role}); shown once, keep it safe:")
    typer.echo(secret)


@token_app.command("revoke")
def token_revoke(
    token_id: Annotated[str, typer.Argument(help="Token id, as `token list` shows it.")],
    db: DbOption = None,
) -> None:
    """Revoke a token at once (also while a server holds the DuckDB file: the server applies it)."""
    from lookthrough.review import revoke_token
    from lookthrough.review.revocations import is_locked, request_revocation, revoked_by_server

    try:
        revoke_token(Workspace(db).store, token_id)
    except StoreError as error:
        if not is_locked(error):
            fail(error)
            return
        url = db or settings.db_url()
        request_revocation(url, token_id)
        if revoked_by_server(url):
            out.print(f"token {token_id} revoked by the running server")
        else:
            err.print(f"token {token_id}: revocation left for the server holding the database; "
                      "it takes it up within a second of running (no server answered yet)")  # fmt: skip
        return
    except LookthroughError as error:
        fail(error)
        return
    out.print(f"token {token_id} revoked")


@token_app.command("list")
def token_list(db: DbOption = None) -> None:
    """List tokens: id, name, role, created, revoked."""
    from lookthrough.review import tokens

    try:
        found = tokens(Workspace(db).store)
    except LookthroughError as error:
        fail(error)
        return
    table = RichTable("id", "name", "role", "created", "revoked")
    for t in found:
        revoked = f"{t.revoked_at:%Y-%m-%d %H:%M}" if t.revoked_at else ""
        table.add_row(t.id, t.name, t.role.name.lower(), f"{t.created_at:%Y-%m-%d %H:%M}", revoked)
    out.print(table)


@app.command()
def formats() -> None:
    """List the official list formats `update --format` accepts."""
    from lookthrough.sources import all_sources

    for cls in all_sources():
        out.print(f"{cls.name:20} {cls.title}", highlight=False)


@app.command()
def version() -> None:
    """Print the version."""
    out.print(__version__)


# The `model` and `spark-screen` commands live beside this module and register on `app`.
from lookthrough import cli_model  # noqa: E402, F401


def main() -> None:
    app()
