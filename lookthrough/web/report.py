"""A self-contained HTML report of a screening run: every flagged row with its path and sources."""

from __future__ import annotations

from lookthrough.review.model import Run
from lookthrough.screening.result import RowResult
from lookthrough.web.templating import ENV


def render_report(run: Run, results: list[RowResult]) -> str:
    flagged = [r for r in results if r.status.value != "clear"]
    return ENV.get_template("report.html").render(run=run, flagged=flagged, total=len(results))
