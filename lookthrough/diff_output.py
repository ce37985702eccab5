"""Writing a list diff as a readable table, JSON lines or a flat CSV (one row per changed value)."""

from __future__ import annotations

import csv
import json
from typing import TextIO

from rich.console import Console
from rich.table import Table

from lookthrough.diff import ListDiff
from lookthrough.screening.writer import safe_cell

DIFF_FORMATS = ("table", "jsonl", "csv")
CSV_COLUMNS = ("change", "entity_id", "name", "field", "added", "removed")


def write_diff(result: ListDiff, fmt: str, handle: TextIO, console: Console) -> None:
    if fmt == "jsonl":
        for change in result.changes:
            handle.write(json.dumps(change.to_dict(), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for row in csv_rows(result):
            writer.writerow([safe_cell(value) for value in row])  # a list file may hold "=..." too
    else:
        console.print(table(result))


def csv_rows(result: ListDiff) -> list[tuple[str, ...]]:
    """One row per added or removed value; an entry added or removed whole also gets a row of its own."""
    rows: list[tuple[str, ...]] = []
    for c in result.changes:
        if c.change != "changed":
            rows.append((c.change, c.entity_id, c.name, "", "", ""))
        for aspect in sorted(c.added.keys() | c.removed.keys()):
            for value in c.added.get(aspect, []):
                rows.append((c.change, c.entity_id, c.name, aspect, value, ""))
            for value in c.removed.get(aspect, []):
                rows.append((c.change, c.entity_id, c.name, aspect, "", value))
    return rows


def table(result: ListDiff) -> Table:
    shown = Table(
        "change", "entity", "name", "what changed", title=f"{result.before.id} -> {result.after.id}"
    )
    for c in result.changes:
        parts = [f"+{a}: {'; '.join(v)}" for a, v in c.added.items()] if c.change == "changed" else []
        parts += [f"-{a}: {'; '.join(v)}" for a, v in c.removed.items()] if c.change == "changed" else []
        if c.change != "changed":
            parts = [f"{a}: {len(v)}" for a, v in (c.added or c.removed).items()]
        shown.add_row(c.change, c.entity_id, c.name, "\n".join(parts))
    return shown
