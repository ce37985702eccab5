"""Screen a whole table: rows in batches, each distinct query matched once, results streamed
in input order as they are ready (memory stays flat however many rows there are)."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from itertools import islice

from lookthrough.exc import InvalidInput
from lookthrough.identifiers import detect
from lookthrough.matching.engine.readings import MAX_CHARACTERS, capped
from lookthrough.matching.result import Match
from lookthrough.screening.checks import code_warnings, valid_codes
from lookthrough.screening.parallel import ordered_map
from lookthrough.screening.reader import InputRow, RejectedRow, Table
from lookthrough.screening.result import RowResult, Status
from lookthrough.screening.screener import Key, Screener, Tally, Tick, count

BATCH = 2_000
"""Rows screened together: enough to amortise a batch, few enough to keep memory small."""
CUT_NOTE = f"name longer than {MAX_CHARACTERS} characters: matched on its first {MAX_CHARACTERS}"


def screen_table(
    screener: Screener,
    table: Table,
    name_column: str,
    id_columns: list[str],
    tally: Tally,
    tick: Tick | None = None,
    workers: int = 1,
    country_columns: Sequence[str] = (),
) -> Iterator[RowResult]:
    """Screen every row of `table`, over `workers` forked processes when above one; unreadable
    rows are counted in `tally.rejects`. `country_columns` say where each row's party is; an
    ISIN's country prefix counts too (both are evidence for or against a name match)."""
    check_columns(table, name_column, [*id_columns, *country_columns])
    screener.prepare()  # the relation graph, built once (before any worker forks)
    pending: deque[tuple[list[InputRow], list[Key], list[Key]]] = deque()

    def batches() -> Iterator[list[Key]]:
        for rows in _batches(table.rows, tally, tick):
            keys = [row_key(row, name_column, id_columns, country_columns) for row in rows]
            new = [k for k in dict.fromkeys(keys) if (k[0] or k[1]) and not screener.knows(k)]
            pending.append((rows, keys, new))
            yield new

    def match(keys: list[Key]) -> list[list[Match]]:
        return screener.match_keys(keys) if keys else []

    for matches in ordered_map(match, batches(), workers, chunk=1):
        rows, row_keys, keys = pending.popleft()
        screener.remember(keys, matches)
        for row, key in zip(rows, row_keys, strict=True):
            result = _result(screener, row, key, name_column, id_columns)
            count(tally, result, tick)
            yield result


def row_key(
    row: InputRow, name_column: str, id_columns: list[str], country_columns: Sequence[str] = ()
) -> Key:
    name = _text(row.fields.get(name_column))
    codes = tuple(code for column in id_columns for code in detect(_text(row.fields.get(column))))
    stated = [_text(row.fields.get(column)) for column in country_columns]
    return capped(name)[0], codes, tuple(dict.fromkeys(c for c in stated if c))


def _result(
    screener: Screener, row: InputRow, key: Key, name_column: str, id_columns: list[str]
) -> RowResult:
    name, codes, _ = key
    warnings = code_warnings(row, id_columns)
    if not name and (not codes or (warnings and not valid_codes(row, id_columns))):
        # Nothing valid to screen is an error, never a "clear": say what was missing or wrong.
        where = f"field {name_column!r}" + (f" and {', '.join(map(repr, id_columns))}" if id_columns else "")
        error = f"line {row.line}: {where} empty"
        if warnings:
            error = "; ".join(w.replace("; it was not matched as a code", "") for w in warnings)
            error += "; nothing else to screen"
        return RowResult(row.number, row.line, row.fields, Status.ERROR, error=error)
    hits = screener.screen_many([key])[0]
    if len(_text(row.fields.get(name_column))) > MAX_CHARACTERS:
        warnings.append(f"line {row.line}, field {name_column!r}: {CUT_NOTE}")
    return RowResult(
        row.number, row.line, row.fields, Status.HIT if hits else Status.CLEAR, hits, warnings=warnings
    )


def _batches(
    rows: Iterator[InputRow | RejectedRow], tally: Tally, tick: Tick | None
) -> Iterator[list[InputRow]]:
    """Readable rows in batches; rejected ones counted as they pass."""

    def readable() -> Iterator[InputRow]:
        for item in rows:
            tally.rows_in += 1
            if isinstance(item, RejectedRow):
                tally.rejected += 1
                tally.rejects.append(item)
                if tick:
                    tick(1)
            else:
                yield item

    source = readable()
    while batch := list(islice(source, BATCH)):
        yield batch


def check_columns(table: Table, name_column: str, id_columns: list[str]) -> None:
    if table.format == "jsonl" and not table.columns:
        return
    for column in (name_column, *id_columns):
        if column not in table.columns:
            raise InvalidInput(
                f"no such column; the columns are: {', '.join(table.columns)}",
                path=str(table.path),
                line=1 if table.format in ("csv", "xlsx") else None,
                field=column,
            )


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()
