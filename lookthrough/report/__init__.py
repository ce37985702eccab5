"""Reports for the analyst: exposure by list, rule and group as charts, and each hit's ownership drawn.

`lookthrough.report.source` makes the report of a review run or of a results file.
"""

from lookthrough.report.document import About, ListInfo, Report, write_html
from lookthrough.report.exposure import Exposure, parse_value
from lookthrough.report.ownership import Drawing, draw

__all__ = ["About", "Drawing", "Exposure", "ListInfo", "Report", "draw", "parse_value", "write_html"]
