"""Write screening results as JSON lines, flat CSV, Parquet, or a readable table; and the rejects.

XLSX is in `xlsx.py` and the HTML report in `lookthrough.report`; every spreadsheet cell goes
through `safe_cell` first.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from lookthrough.screening.reader import RejectedRow
from lookthrough.screening.result import Hit, RowResult

OUTPUT_FORMATS = ("jsonl", "csv", "xlsx", "parquet", "html", "table")
BINARY_FORMATS = ("xlsx", "parquet")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet may read as the start of a formula (OWASP, "CSV Injection")."""
PLAIN_NUMBER = re.compile(r"[+-]?[0-9][0-9,]*(\.[0-9]+)?([eE][+-]?[0-9]+)?")
PARQUET_BATCH = 10_000
PARQUET_INTS = ("row", "line", "hit_count")
CSV_COLUMNS = (
    "row", "line", "status", "hit_count", "entity_id", "name", "score", "matched_name", "rule",
    "lists", "path", "sources", "other_hits", "error",
)  # fmt: skip


def safe_cell(value: Any) -> Any:
    """A text cell a spreadsheet would take for a formula, quoted with a leading apostrophe.

    Plain numbers ("-12.5") stay as they are: they cannot call anything. defusedcsv does much
    the same for CSV only, but leaves tab and CR alone and rewrites "|" inside values."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def safe_row(row: dict[str, Any]) -> dict[str, Any]:
    return {key: safe_cell(value) for key, value in row.items()}


def write_jsonl(results: Iterable[RowResult], out: IO[str]) -> Iterator[RowResult]:
    for result in results:
        out.write(result.to_json() + "\n")
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
        error=result.error or "; ".join(f"warning: {w}" for w in result.warnings),
    )
    return row


def write_csv(results: Iterable[RowResult], out: IO[str], input_columns: list[str]) -> Iterator[RowResult]:
    writer = csv.DictWriter(out, fieldnames=[f"input_{c}" for c in input_columns] + list(CSV_COLUMNS))
    writer.writeheader()
    for result in results:
        writer.writerow(safe_row(flat_row(result, input_columns)))
        yield result


def write_parquet(
    results: Iterable[RowResult], out: str | Path | IO[bytes], input_columns: list[str]
) -> Iterator[RowResult]:
    """The flat CSV columns as a Parquet table, plus every hit in full as JSON (`hits_json`)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema(input_columns)
    batch: list[dict[str, Any]] = []
    with pq.ParquetWriter(out, schema) as writer:
        for result in results:
            batch.append(parquet_row(result, input_columns))
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema))
                batch = []
            yield result
        writer.write_table(pa.Table.from_pylist(batch, schema))


def parquet_columns(input_columns: list[str]) -> list[str]:
    """The columns of the Parquet output (and of data frames): the CSV's, then `hits_json`."""
    return [f"input_{c}" for c in input_columns] + list(CSV_COLUMNS) + ["hits_json"]


def parquet_schema(input_columns: list[str]) -> Any:
    """The Arrow schema of the Parquet output: whole numbers for row, line and hit_count, text else."""
    import pyarrow as pa

    names = parquet_columns(input_columns)
    return pa.schema([(n, pa.int64() if n in PARQUET_INTS else pa.string()) for n in names])


def parquet_row(result: RowResult, input_columns: list[str]) -> dict[str, Any]:
    """`flat_row` as the Parquet output holds it: every value but the numbers as text."""
    flat = flat_row(result, input_columns).items()
    row = {k: v if k in PARQUET_INTS else ("" if v is None else str(v)) for k, v in flat}
    row["hits_json"] = json.dumps([h.to_dict() for h in result.hits], ensure_ascii=False)
    return row


def rejects_path(output: Path | None, input_path: Path) -> Path:
    """Rejects go beside the output; writing to stdout, into the current directory after the input."""
    base = output if output is not None else Path(input_path.name)
    return base.with_name(base.name + ".rejects.csv")


def write_rejects(rejects: list[RejectedRow], path: Path, source: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "row", "line", "reason", "raw"])
        for r in rejects:
            writer.writerow([safe_cell(v) for v in (source.name, r.number, r.line, r.reason, r.raw)])
