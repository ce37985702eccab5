"""Screen names and codes against the catalog: match, then find the listed party behind."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from lookthrough.catalog import Catalog, Listing, Party
from lookthrough.exc import InvalidInput
from lookthrough.graph import Finding, LookThrough
from lookthrough.identifiers import detect
from lookthrough.matching.matcher import Matcher
from lookthrough.matching.result import Match
from lookthrough.screening.parallel import ordered_map
from lookthrough.screening.reader import InputRow, RejectedRow, Table
from lookthrough.screening.result import Hit, ListEntry, RowResult, Status, Step
from lookthrough.sources.curated import DATASET as BUILTIN

Tick = Callable[[int], None]
Row = TypeVar("Row")
SEEN_LIMIT = 100_000
"""Distinct queries remembered in one run; hits are small, so this is a few hundred MB at most."""


@dataclass
class Tally:
    """Rows in = rows out (hit + clear + error) + rows rejected."""

    rows_in: int = 0
    hit: int = 0
    clear: int = 0
    error: int = 0
    rejected: int = 0
    rejects: list[RejectedRow] = field(default_factory=list)

    @property
    def rows_out(self) -> int:
        return self.hit + self.clear + self.error


class Screener:
    """Turns matches into hits: a listed party, the lists, and the path to it."""

    def __init__(
        self,
        catalog: Catalog,
        matcher: Matcher,
        threshold: float | None = None,
        lookthrough: LookThrough | None = None,
    ) -> None:
        self.catalog = catalog
        self.matcher = matcher
        self.threshold = matcher.threshold if threshold is None else threshold
        self._lookthrough = lookthrough
        self._seen: dict[tuple[str, tuple[tuple[str, str], ...]], list[Hit]] = {}

    @property
    def lookthrough(self) -> LookThrough:
        """The relation graph and policies, built on first use."""
        if self._lookthrough is None:
            self._lookthrough = LookThrough(self.catalog)
        return self._lookthrough

    def screen(self, name: str | None, codes: Iterable[tuple[str, str]] = ()) -> list[Hit]:
        """Hits for one name and/or codes, strongest first, one per listed party.
        Holdings files repeat issuers row after row: a repeated query is answered once."""
        key = (name or "", tuple(codes))
        known = self._seen.get(key)
        if known is None:
            if len(self._seen) >= SEEN_LIMIT:
                self._seen.clear()
            known = self._seen[key] = self._screen(name, key[1])
        return known

    def _screen(self, name: str | None, codes: Iterable[tuple[str, str]]) -> list[Hit]:
        hits: dict[str, Hit] = {}
        for match in self.matcher.match(name, codes, limit=10, describe_from=self.threshold):
            if match.score < self.threshold:
                continue
            for hit in self.hits_for(match):
                key = self.catalog.cluster_of(hit.entity_id)
                if key not in hits or _rank(hit) > _rank(hits[key]):
                    hits[key] = hit
        return sorted(hits.values(), key=lambda h: (-h.score, h.entity_id))

    def hits_for(self, match: Match) -> list[Hit]:
        """The matched party itself if it is listed, then the listed parties behind it."""
        same = self.catalog.cluster(match.entity_id)
        listings = [entry for pid in same for entry in self.catalog.parties[pid].listings]
        findings = self.lookthrough.findings(match.entity_id)
        if not listings and not findings:
            return []
        party = self.catalog.parties[match.entity_id]
        start = Step.start(party, "matched" if match.score < 1 else "identical", _first_source(party))
        hits = [self._hit(match, party, listings, [start], "listed", same)] if listings else []
        return hits + [self._behind(match, start, finding) for finding in findings]

    def _behind(self, match: Match, start: Step, finding: Finding) -> Hit:
        """A look-through hit: the listed party `finding` reached, with the path to it."""
        listed = self.catalog.parties[finding.party_id]
        same = self.catalog.cluster(finding.party_id)
        listings = [entry for pid in same for entry in self.catalog.parties[pid].listings]
        path = [start] + [
            Step.along(self.catalog.parties[link.above_party], link.edge, link.label, link.percent)
            for link in finding.path
        ]
        hit = self._hit(match, listed, listings, path, finding.policy.name, same)
        hit.aggregate = finding.aggregate
        hit.aggregate_percent = finding.aggregate.percent if finding.aggregate else None
        hit.basis = finding.policy.citation
        return hit

    def _hit(
        self,
        match: Match,
        party: Party,
        listings: list[Listing],
        path: list[Step],
        rule: str,
        same: list[str],
    ) -> Hit:
        entries = [ListEntry.of(listing) for listing in one_per_list(listings)]
        cited = {listing.source.citation for listing in listings}
        sources = sorted(cited | {s.source for s in path if s.source})
        return Hit(
            entity_id=party.id,
            name=party.caption,
            score=match.score,
            matched_name=match.matched_name,
            match=match.algorithm,
            rule=rule,
            lists=entries,
            path=path,
            sources=sources,
            features=match.features,
            same_as=[pid for pid in same if pid != party.id],
        )

    def screen_table(
        self,
        table: Table,
        name_column: str,
        id_columns: list[str],
        tally: Tally,
        tick: Tick | None = None,
        workers: int = 1,
    ) -> Iterator[RowResult]:
        """Screen every row of `table`, over `workers` forked processes when above one;
        unreadable rows are counted in `tally.rejects`."""
        check_columns(table, name_column, id_columns)
        if workers > 1:
            assert self.lookthrough is not None  # build the graph once, before the workers fork

        def screen_one(row: InputRow) -> RowResult:
            return self.screen_row(row, name_column, id_columns)

        return screen_counted(screen_one, table.rows, tally, tick, workers)

    def screen_row(self, row: InputRow, name_column: str, id_columns: list[str]) -> RowResult:
        name = _text(row.fields.get(name_column))
        codes = [code for column in id_columns for code in detect(_text(row.fields.get(column)))]
        if not name and not codes:
            where = f"field {name_column!r}" + (
                f" and {', '.join(map(repr, id_columns))}" if id_columns else ""
            )
            return RowResult(
                row.number, row.line, row.fields, Status.ERROR, error=f"line {row.line}: {where} empty"
            )
        hits = self.screen(name, codes)
        return RowResult(row.number, row.line, row.fields, Status.HIT if hits else Status.CLEAR, hits)


def screen_counted(
    screen: Callable[[Row], RowResult],
    rows: Iterable[Row | RejectedRow],
    tally: Tally,
    tick: Tick | None,
    workers: int,
) -> Iterator[RowResult]:
    """`screen` every readable row, in order, over `workers` processes; every row read is
    counted in `tally` as a result of its status or as a reject."""

    def readable() -> Iterator[Row]:
        for item in rows:
            tally.rows_in += 1
            if isinstance(item, RejectedRow):
                tally.rejected += 1
                tally.rejects.append(item)
                if tick:
                    tick(1)
            else:
                yield item

    for result in ordered_map(screen, readable(), workers):
        setattr(tally, result.status.value, getattr(tally, result.status.value) + 1)
        if tick:
            tick(1)
        yield result


def one_per_list(listings: list[Listing]) -> list[Listing]:
    """One entry per list and programme across the entries of a party: the same NS-CMIC
    listing read from OFAC's file and from the built-in data is one listing. The entry that
    states since when is kept, then the one from an official file; every citation stays in
    the hit's sources."""
    chosen: dict[tuple[str, str | None], Listing] = {}
    for listing in sorted(listings, key=lambda x: (x.since is None, x.source.dataset == BUILTIN)):
        chosen.setdefault((listing.list, listing.program), listing)
    return [listing for listing in listings if chosen.get((listing.list, listing.program)) is listing]


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


def _rank(hit: Hit) -> tuple[float, bool]:
    """The better of two hits on one party: the higher score, then the direct listing."""
    return (hit.score, hit.rule == "listed")


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _first_source(party: Party) -> str | None:
    return party.names[0].source.citation if party.names else None
