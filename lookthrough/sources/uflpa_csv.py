"""UFLPA Entity List as a CSV table: the layout lookthrough accepts for a machine-readable copy.

DHS publishes the list only as a web page and as the appendix of each Federal Register notice,
so the shipped data carries the entries it could source (lookthrough/data/curated/uflpa.yaml).
A copy transcribed from those notices loads with `lookthrough update --from uflpa.csv` when it
has this header (UTF-8, comma-separated, aliases separated by ';'):

    name,aliases,address,country,list_section,federal_register_notice,added_date,notice_url

`list_section` is the UFLPA list the entry is on (e.g. '2(d)(2)(B)(ii)'); `added_date` is ISO.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

from lookthrough.exc import SourceAbort, SourceError
from lookthrough.model import Entity
from lookthrough.sources import register
from lookthrough.sources._complete import rows_incomplete, text_incomplete
from lookthrough.sources._dates import parse_day
from lookthrough.sources._party import ListInfo, Listing, Party, build
from lookthrough.sources._utf8 import utf8_or_abort
from lookthrough.sources.base import LoadReport, Source, csv_header

COLUMNS = (
    "name",
    "aliases",
    "address",
    "country",
    "list_section",
    "federal_register_notice",
    "added_date",
    "notice_url",
)
INFO = ListInfo(
    dataset="us_dhs_uflpa",
    title="UFLPA Entity List",
    authority="US Department of Homeland Security, Forced Labor Enforcement Task Force (FLETF)",
    url="https://www.dhs.gov/uflpa-entity-list",
)


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


@register
class UflpaCsv(Source):
    name = "uflpa_csv"
    dataset = INFO.dataset
    title = INFO.title

    @classmethod
    def detect(cls, path: Path) -> bool:
        return csv_header(path)[:3] == ["name", "aliases", "address"] and "list_section" in csv_header(path)

    def read(self, path: Path, report: LoadReport) -> Iterator[Entity]:
        seen: set[str] = set()
        with (
            utf8_or_abort(path.name, lambda: path.open("rb")),
            path.open(encoding="utf-8-sig", newline="") as handle,
        ):
            reader = csv.DictReader(handle)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise SourceAbort(f"missing columns: {', '.join(missing)}", path=path.name, line=1)
            for row in reader:
                report.row(path.name)
                line = reader.line_num
                try:
                    party = self.party(path.name, line, row, seen)
                    yield from build(party, INFO, row.get("federal_register_notice") or "UFLPA Entity List")
                except SourceError as error:
                    report.reject(error, ",".join(str(v) for v in row.values()))

    def party(self, name: str, line: int, row: dict[str, str], seen: set[str]) -> Party:
        entry = (row.get("name") or "").strip()
        party = Party(_key(entry), "Company", name, line)
        if not entry:
            raise party.error("entry has no name", "name")
        if party.key in seen:
            raise party.error(f"second entry named {entry!r}", "name")
        added = (row.get("added_date") or "").strip()
        if added and not parse_day(added):
            raise party.error(f"{added!r} is not a date (use YYYY-MM-DD)", "added_date")
        seen.add(party.key)
        party.add("name", entry)
        for alias in (row.get("aliases") or "").split(";"):
            party.add("alias", alias.strip())
        party.add("address", row.get("address"))
        party.add("country", row.get("country"))
        values = [
            (p, v)
            for p, v in (
                ("authorityId", row.get("federal_register_notice")),
                ("sourceUrl", row.get("notice_url")),
            )
            if v
        ]
        section = (row.get("list_section") or "").strip()
        party.listings.append(Listing(f"section {section}" if section else None, parse_day(added), values))
        return party

    def incomplete(self, path: Path, report: LoadReport) -> list[str]:
        """Reasons the file looks cut short or partial; empty when whole."""
        return text_incomplete(path) + rows_incomplete(path, report)
