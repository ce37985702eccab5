"""Screen names and codes against the catalog: match, then find the listed party behind."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from lookthrough.catalog import Catalog, Listing
from lookthrough.graph import Finding, LookThrough
from lookthrough.matching.matcher import Matcher
from lookthrough.matching.result import Match
from lookthrough.screening.parallel import ordered_map
from lookthrough.screening.reader import RejectedRow, Table
from lookthrough.screening.result import Hit, HitTemplate, ListEntry, RowResult, Step
from lookthrough.sources.curated import DATASET as BUILTIN

Tick = Callable[[int], None]
Row = TypeVar("Row")
Key = tuple[str, tuple[tuple[str, str], ...], tuple[str, ...]]
"""A query as screened: the name, the codes, and the countries the row names."""
SEEN_LIMIT = 20_000
"""Distinct queries remembered in one run (holdings files repeat issuers row after row); each
answer keeps its hits' explanations, so this is a few tens of MB at most."""
CANDIDATES = 10


@dataclass(frozen=True, slots=True)
class Brief:
    """A party as a hit names it: its id and display name."""

    id: str
    caption: str


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
        self._seen: dict[Key, list[Hit]] = {}
        self._templates: dict[str, list[HitTemplate]] = {}

    @property
    def lookthrough(self) -> LookThrough:
        """The relation graph and policies (build it first with `prepare()`, e.g. before forking)."""
        return self.prepare()

    def prepare(self) -> LookThrough:
        """Build the relation graph and policies now, if not built yet."""
        if self._lookthrough is None:
            self._lookthrough = LookThrough(self.catalog)
        return self._lookthrough

    def screen(
        self, name: str | None, codes: Iterable[tuple[str, str]] = (), countries: Iterable[str] = ()
    ) -> list[Hit]:
        """Hits for one name and/or codes, strongest first, one per listed party; `countries`:
        where the row says the party is (evidence for or against a name match). Holdings files
        repeat issuers row after row: a repeated query is answered once."""
        return self.screen_many([(name or "", tuple(codes), tuple(countries))])[0]

    def screen_many(self, keys: Sequence[Key]) -> list[list[Hit]]:
        """`screen` for many queries, the names matched in one batch."""
        missing = [k for k in dict.fromkeys(keys) if k not in self._seen]
        if missing:
            self.remember(missing, self.match_keys(missing))
        return [self._seen[k] for k in keys]

    def screen_table(
        self,
        table: Table,
        name_column: str,
        id_columns: list[str],
        tally: Tally,
        tick: Tick | None = None,
        workers: int = 1,
        country_columns: Sequence[str] = (),
    ) -> Iterator[RowResult]:
        """Screen every row of `table` (see `screening.table.screen_table`)."""
        from lookthrough.screening.table import screen_table

        return screen_table(self, table, name_column, id_columns, tally, tick, workers, country_columns)

    def knows(self, key: Key) -> bool:
        """Whether the answer to this query is remembered."""
        return key in self._seen

    def match_keys(self, keys: Sequence[Key]) -> list[list[Match]]:
        """Matches at or above the threshold for each query (the part forked workers do)."""
        return self.matcher.match_many(
            [(name or None, codes) for name, codes, _ in keys],
            limit=CANDIDATES,
            describe_from=self.threshold,
            min_score=self.threshold,
            countries=[where for _, _, where in keys],
        )

    def remember(self, keys: Sequence[Key], matches: Sequence[list[Match]]) -> None:
        """Turn each query's matches into hits and keep them for the rest of the run."""
        if len(self._seen) + len(keys) > SEEN_LIMIT:
            self._seen.clear()
        for key, found in zip(keys, matches, strict=True):
            self._seen[key] = self._hits(found)

    def _hits(self, matches: list[Match]) -> list[Hit]:
        hits: dict[str, Hit] = {}
        for match in matches:
            if match.score < self.threshold:
                continue
            for hit in self.hits_for(match):
                key = self.catalog.cluster_of(hit.entity_id)
                if key not in hits or _rank(hit) > _rank(hits[key]):
                    hits[key] = hit
        # The party the name matched heads the row; the listed parties behind it follow.
        return sorted(hits.values(), key=lambda h: (-h.score, h.rule != "listed", h.entity_id))

    def hits_for(self, match: Match) -> list[Hit]:
        """The matched party itself if it is listed, then the listed parties behind it."""
        templates = self._templates.get(match.entity_id)
        if templates is None:
            templates = self._templates[match.entity_id] = self._make_templates(match.entity_id)
        return [template.hit(match) for template in templates]

    def _make_templates(self, entity_id: str) -> list[HitTemplate]:
        """What every hit on this party shares, worked out once per run (from the catalog's
        columns: no full party record is needed for a hit)."""
        catalog = self.catalog
        same = catalog.cluster(entity_id)
        listings = [entry for pid in same for entry in catalog.listings_of(pid)]
        findings = self.lookthrough.findings(entity_id)
        if not listings and not findings:
            return []
        party = Brief(entity_id, catalog.caption(entity_id))
        source = catalog.first_citation(entity_id)
        starts = {how: Step.start(party, how, source) for how in ("matched", "identical")}
        found = [self._template(party, listings, starts, [], "listed", same)] if listings else []
        return found + [self._behind(starts, finding) for finding in findings]

    def _behind(self, starts: dict[str, Step], finding: Finding) -> HitTemplate:
        """A look-through hit: the listed party `finding` reached, with the path to it."""
        catalog = self.catalog
        listed = Brief(finding.party_id, catalog.caption(finding.party_id))
        same = catalog.cluster(finding.party_id)
        listings = [entry for pid in same for entry in catalog.listings_of(pid)]
        above = [Brief(link.above_party, catalog.caption(link.above_party)) for link in finding.path]
        steps = [
            Step.along(party, link.edge, link.label, link.percent)
            for party, link in zip(above, finding.path, strict=True)
        ]
        template = self._template(listed, listings, starts, steps, finding.policy.name, same)
        template.aggregate = finding.aggregate
        template.aggregate_percent = finding.aggregate.percent if finding.aggregate else None
        template.basis = finding.policy.citation
        return template

    def _template(
        self,
        party: Brief,
        listings: list[Listing],
        starts: dict[str, Step],
        steps: list[Step],
        rule: str,
        same: list[str],
    ) -> HitTemplate:
        entries = [ListEntry.of(listing) for listing in one_per_list(listings)]
        cited = {listing.source.citation for listing in listings}
        sources = sorted(cited | {s.source for s in [*starts.values(), *steps] if s.source})
        return HitTemplate(
            entity_id=party.id,
            name=party.caption,
            rule=rule,
            lists=entries,
            paths={how: [start, *steps] for how, start in starts.items()},
            sources=sources,
            same_as=[pid for pid in same if pid != party.id],
        )


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
        count(tally, result, tick)
        yield result


def count(tally: Tally, result: RowResult, tick: Tick | None) -> None:
    setattr(tally, result.status.value, getattr(tally, result.status.value) + 1)
    if tick:
        tick(1)


def one_per_list(listings: list[Listing]) -> list[Listing]:
    """One entry per list and programme across the entries of a party: the same NS-CMIC
    listing read from OFAC's file and from the built-in data is one listing. The entry that
    states since when is kept, then the one from an official file; every citation stays in
    the hit's sources."""
    chosen: dict[tuple[str, str | None], Listing] = {}
    for listing in sorted(listings, key=lambda x: (x.since is None, x.source.dataset == BUILTIN)):
        chosen.setdefault((listing.list, listing.program), listing)
    return [listing for listing in listings if chosen.get((listing.list, listing.program)) is listing]


def _rank(hit: Hit) -> tuple[float, bool]:
    """The better of two hits on one party: the higher score, then the direct listing."""
    return (hit.score, hit.rule == "listed")
