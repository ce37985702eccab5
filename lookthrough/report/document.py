"""The standalone HTML report: lists and snapshot dates, exposure charts, every hit with its ownership.

Rows stream through once: exposure is added up as they pass and the flagged rows are spooled
to a temporary file, so memory stays flat however large the file; the page is then written
out from the spool. Everything is inline (CSS, SVG): the file opens offline.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import IO, Any

from lookthrough.model import Snapshot
from lookthrough.report.exposure import Exposure
from lookthrough.report.ownership import Drawing, draw
from lookthrough.screening.result import RowResult

SPOOL_BYTES = 8 * 1024 * 1024
"""Flagged rows kept in memory before the spool moves to disk."""


@dataclass(slots=True)
class ListInfo:
    """One list snapshot a report rests on."""

    title: str
    dataset: str
    snapshot: str
    published: str
    retrieved: str
    entries: int | None

    @classmethod
    def of(cls, s: Snapshot) -> ListInfo:
        published = s.published.isoformat() if s.published else "not stated"
        return cls(s.title, s.dataset, s.id, published, f"{s.retrieved_at:%Y-%m-%d %H:%M}", s.entity_count)

    @classmethod
    def unknown(cls, snapshot_id: str) -> ListInfo:
        return cls("(not in this database)", snapshot_id.split("-")[0], snapshot_id, "?", "?", None)


@dataclass(slots=True)
class About:
    """What the report is of: a title, where the rows came from, and the lists screened against."""

    title: str
    origin: str
    lists: list[ListInfo] = field(default_factory=list)
    lists_note: str = ""
    tally: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class HitView:
    hit: Mapping[str, Any]
    drawing: Drawing


@dataclass(slots=True)
class RowView:
    row: Mapping[str, Any]
    hits: list[HitView]


class Report:
    """Collects rows (as `RowResult.to_dict()` gives them) and writes the report."""

    def __init__(self, about: About, value_column: str | None = None, group_columns: Iterable[str] = ()):
        self.about = about
        self.exposure = Exposure(value_column, group_columns)
        self.snapshots: set[str] = set()
        self.columns: dict[str, None] = {}
        self.statuses: dict[str, int] = {}
        # Closed by `close` (or leaving a `with` block): rows are added and written in separate calls.
        self._spool: IO[str] = tempfile.SpooledTemporaryFile(SPOOL_BYTES, mode="w+", encoding="utf-8")  # noqa: SIM115

    def __enter__(self) -> Report:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self._spool.close()

    def add(self, row: Mapping[str, Any]) -> None:
        self.exposure.add(row)
        status = str(row.get("status"))
        self.statuses[status] = self.statuses.get(status, 0) + 1
        self.columns.update(dict.fromkeys(row.get("input") or {}))
        if status != "clear":
            self._spool.write(json.dumps(row, ensure_ascii=False) + "\n")
            for hit in row.get("hits") or []:
                self.snapshots.update(e["snapshot"] for e in hit.get("lists", []) if e.get("snapshot"))

    def rows(self) -> Iterator[RowView]:
        """The flagged rows, read back from the spool, each hit with its drawing."""
        self._spool.seek(0)
        for line in self._spool:
            row = json.loads(line)
            yield RowView(row, [HitView(hit, draw(hit)) for hit in row.get("hits") or []])

    def write(self, out: IO[str]) -> None:
        """Write the page, streaming it from the template."""
        from lookthrough.web.templating import ENV

        template = ENV.get_template("report.html")
        context = {
            "about": self.about,
            "exposure": self.exposure,
            "charts": self.exposure.charts(),
            "statuses": self.statuses,
            "rows": self.rows(),
            "made": f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        }
        for chunk in template.generate(context):
            out.write(chunk)


def write_html(
    results: Iterable[RowResult],
    out: IO[str],
    about: About,
    value_column: str | None = None,
    group_columns: Iterable[str] = (),
    tally: Any = None,
) -> Iterator[RowResult]:
    """The report as a writer: pass results through, write the page when they end.

    `tally` (the screening's) is read at the end, for the rows read and rejected."""
    with Report(about, value_column, group_columns) as report:
        for result in results:
            report.add(result.to_dict())
            yield result
        if tally is not None:
            about.tally = {k: getattr(tally, k) for k in ("rows_in", "hit", "clear", "error", "rejected")}
        report.write(out)
