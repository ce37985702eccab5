"""Write screening results as JSON lines, flat CSV, or a readable table; and the rejects."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from lookthrough.screening.reader import RejectedRow
from lookthrough.screening.result import Hit, RowResult

OUTPUT_FORMATS = ("jsonl", "csv", "table")
CSV_COLUMNS = (
    "row", "line", "status", "hit_count", "entity_id", "name", "score", "matched_name", "rule",
    "lists", "path", "sources", "other_hits", "error",
)  # fmt: skip


def write_jsonl(results: Iterable[RowResult], out: IO[str]) -> Iterator[RowResult]:
    for result in results:
        out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        yield result


def describe_lists(hit: Hit) -> str:
    return "; ".join(
        " / ".join(p for p in (e.list, e.program, f"since {e.since}" if e.since else None) if p)
        for e in hit.lists
    )


def describe_path(hit: Hit) -> str:
    parts = []
    for step in hit.path:
        share = f" {step.percent:g}%" if step.percent is not None else ""
        parts.append(f"{step.name} [{step.relation}{share}]")
    return " -> ".join(parts)


def flat_row(result: RowResult, input_columns: list[str]) -> dict[str, Any]:
    """One CSV line per input row: the input, then the best hit, then the others in brief."""
    row: dict[str, Any] = {f"input_{c}": result.input.get(c, "") for c in input_columns}
    best = result.hits[0] if result.hits else None
    row.update(
        row=result.row,
        line=result.line,
        status=result.status.value,
        hit_count=len(result.hits),
        entity_id=best.entity_id if best else "",
        name=best.name if best else "",
        score=f"{best.score:.4f}" if best else "",
        matched_name=best.matched_name if best else "",
        rule=best.rule if best else "",
        lists=describe_lists(best) if best else "",
        path=describe_path(best) if best else "",
        sources=" | ".join(best.sources) if best else "",
        other_hits="; ".join(f"{h.name} ({h.score:.2f})" for h in result.hits[1:]),
        error=result.error or "",
    )
    return row


def write_csv(results: Iterable[RowResult], out: IO[str], input_columns: list[str]) -> Iterator[RowResult]:
    writer = csv.DictWriter(out, fieldnames=[f"input_{c}" for c in input_columns] + list(CSV_COLUMNS))
    writer.writeheader()
    for result in results:
        writer.writerow(flat_row(result, input_columns))
        yield result


def rejects_path(output: Path | None, input_path: Path) -> Path:
    """Rejects go beside the output, or beside the input when writing to stdout."""
    base = output if output is not None else Path(input_path.name)
    return base.with_name(base.name + ".rejects.csv")


def write_rejects(rejects: list[RejectedRow], path: Path, source: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "row", "line", "reason", "raw"])
        for r in rejects:
            writer.writerow([source.name, r.number, r.line, r.reason, r.raw])
