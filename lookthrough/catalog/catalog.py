"""The loaded lists as one catalog: parties by id, their names, codes, listings and relations.

Backed by tables (memory-mapped once built); a Party record is made only when asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from lookthrough.catalog.builder import CatalogBuilder, Row, is_party, statement_row
from lookthrough.catalog.records import Code, Edge, Listing, Name, Party, Source
from lookthrough.catalog.tables import CODE_SEPARATOR, CatalogTables, build_tables
from lookthrough.model import Entity, Evidence, RelationKind, Statement
from lookthrough.model.schema import is_a

PARTIES_REMEMBERED = 50_000
"""Party records kept once made (hits repeat the same parties row after row)."""


class Catalog:
    """All current parties, indexed by id and by code, with relation edges both ways."""

    def __init__(self, tables: CatalogTables | None = None, fingerprint: str = "") -> None:
        self.fingerprint = fingerprint
        self._rows: list[Row] = []
        self._use(tables or build_tables(CatalogBuilder().finish()))

    def __getstate__(self) -> dict[str, Any]:
        return {"tables": self.tables, "fingerprint": self.fingerprint}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.fingerprint = state["fingerprint"]
        self._rows = []
        self._use(state["tables"])

    def _use(self, tables: CatalogTables) -> None:
        self.tables = tables
        self.parties = PartyMap(self)
        self.outbound = EdgeMap(self, outbound=True)
        self.inbound = EdgeMap(self, outbound=False)
        self._party_ids: list[str] | None = None
        self._row_of: dict[str, int] = {}
        self._captions: Any = None
        self._listings_at = lru_cache(maxsize=PARTIES_REMEMBERED)(self._make_listings)
        self.party_at = lru_cache(maxsize=PARTIES_REMEMBERED)(self._make_party)
        self._source_at = lru_cache(maxsize=PARTIES_REMEMBERED)(self._make_source)
        self._stake: np.ndarray[Any, np.dtype[np.bool_]] | None = None

    @classmethod
    def build(cls, statements: Iterable[Statement], fingerprint: str = "") -> Catalog:
        """Build from statements sorted by entity id (as Store.current_statements gives them)."""
        return cls.from_rows((statement_row(s) for s in statements), fingerprint)

    @classmethod
    def from_rows(cls, rows: Iterable[Row], fingerprint: str = "") -> Catalog:
        """Build from statement rows sorted by entity id (Store.current_statement_rows)."""
        builder = CatalogBuilder()
        builder.add_rows(rows)
        return cls(build_tables(builder.finish()), fingerprint)

    @classmethod
    def open(cls, folder: Path, fingerprint: str = "") -> Catalog:
        return cls(CatalogTables.open(folder), fingerprint)

    def save(self, folder: Path) -> None:
        self.tables.save(folder)

    def add_entities(self, entities: Iterable[Entity]) -> None:
        """Add entities not (yet) in a store, e.g. in tests and benchmarks (rebuilds the tables)."""
        rows = [statement_row(s) for entity in entities for s in entity.statements]
        self._rows = sorted(self._rows + rows, key=lambda r: r[0])
        builder = CatalogBuilder()
        builder.add_rows(self._rows)
        self._use(build_tables(builder.finish()))

    # --- look-ups -----------------------------------------------------------------------

    def row(self, entity_id: str) -> int:
        """The party's row, or -1 if no such party is loaded."""
        known = self._row_of.get(entity_id)
        if known is None:
            position = self.tables.ids.position(entity_id)
            known = int(self.tables.id_row[position]) if position >= 0 else -1
            if len(self._row_of) >= PARTIES_REMEMBERED:
                self._row_of.clear()
            self._row_of[entity_id] = known
        return known

    def id_at(self, row: int) -> str:
        return self._ids()[row]

    def _ids(self) -> list[str]:
        """Every party's id by row (read from the table once)."""
        if self._party_ids is None:
            self._party_ids = self.tables.parties.column("id").to_pylist()
        return self._party_ids

    def by_code(self, kind: str, value: str) -> set[str]:
        t = self.tables
        position = t.code_keys.position(f"{kind}{CODE_SEPARATOR}{value}")
        if position < 0:
            return set()
        rows = t.code_key_rows[t.code_key_off[position] : t.code_key_off[position + 1]]
        return {self.id_at(int(r)) for r in rows}

    def cluster_of(self, entity_id: str) -> str:
        """The id that stands for every entry of the same party across lists."""
        row = self.row(entity_id)
        return entity_id if row < 0 else self.id_at(int(self.tables.cluster_rep[row]))

    def cluster(self, entity_id: str) -> list[str]:
        """Every entry of the same party, itself included."""
        row = self.row(entity_id)
        if row < 0:
            return [entity_id]
        t = self.tables
        rep = int(t.cluster_rep[row])
        members = t.cluster_rows[t.cluster_off[rep] : t.cluster_off[rep + 1]]
        return sorted(self.id_at(int(m)) for m in members) if len(members) else [entity_id]

    def caption(self, entity_id: str) -> str:
        """The party's display name (its strongest name), without making the whole record."""
        row = self.row(entity_id)
        if row < 0:
            return entity_id
        if self._captions is None:
            self._captions = self.tables.parties.column("caption").combine_chunks()
        caption: str = self._captions[row].as_py()
        return caption

    def listings_of(self, entity_id: str) -> list[Listing]:
        """The entry's own listings, without making the whole record."""
        row = self.row(entity_id)
        t = self.tables
        if row < 0 or t.listing_off[row] == t.listing_off[row + 1]:
            return []
        return self._listings_at(row)

    def _make_listings(self, row: int) -> list[Listing]:
        t, source = self.tables, self._source_at
        return [Listing(i["list"], i["program"], i["authority"], i["since"], source(i["source"]))
                for i in _rows(t.listings, t.listing_off, row)]  # fmt: skip

    def first_citation(self, entity_id: str) -> str | None:
        """The citation of the party's strongest name: where the party itself comes from."""
        row = self.row(entity_id)
        t = self.tables
        if row < 0 or t.name_off[row] == t.name_off[row + 1]:
            return None
        number = t.names.column("source")[int(t.name_off[row])].as_py()
        return self._source_at(number).citation

    def has_listings(self, entity_id: str) -> bool:
        """Whether this entry itself is on a list (not its cluster)."""
        row = self.row(entity_id)
        return row >= 0 and self.tables.listing_off[row + 1] > self.tables.listing_off[row]

    def listed_ids(self) -> list[str]:
        """Ids of every party with at least one listing."""
        rows = np.nonzero(np.diff(self.tables.listing_off) > 0)[0]
        return [self.id_at(int(r)) for r in rows]

    def all_listings(self) -> Iterator[tuple[str, Listing]]:
        """Every listing with the id of its party, read column by column (no party is made)."""
        t = self.tables
        columns = {name: t.listings.column(name).to_pylist() for name in t.listings.column_names}
        owners = np.repeat(np.arange(len(self), dtype=np.int64), np.diff(t.listing_off)).tolist()
        source = self._source_at
        for k, row in enumerate(owners):
            listing = Listing(columns["list"][k], columns["program"][k], columns["authority"][k],
                              columns["since"][k], source(columns["source"][k]))  # fmt: skip
            yield self.id_at(row), listing

    def listed(self) -> Iterator[Party]:
        return (self.parties[i] for i in self.listed_ids())

    def party_countries(self) -> dict[str, list[str]]:
        """The countries each party states (country, jurisdiction, nationality), by id."""
        t = self.tables
        values = t.countries.column("value").to_pylist()
        offsets = t.country_off.tolist()
        return {
            self.id_at(row): values[offsets[row] : offsets[row + 1]]
            for row in np.nonzero(np.diff(t.country_off) > 0)[0].tolist()
        }

    def datasets(self) -> set[str]:
        return set(self.tables.parties.column("dataset").unique().to_pylist())

    def is_organization(self, party: Party) -> bool:
        return is_a(party.schema, "Organization") or party.schema == "LegalEntity"

    def names(self) -> Iterator[tuple[str, str, str, bool]]:
        """(party id, name, property, is a person) for every name, party by party."""
        t = self.tables
        values = t.names.column("value").to_pylist()
        props = t.names.column("prop").to_pylist()
        schemata = t.parties.column("schema").to_pylist()
        person = {s: is_a(s, "Person") for s in set(schemata)}
        offsets = t.name_off.tolist()
        for row, schema in enumerate(schemata):
            entity_id = self.id_at(row)
            for k in range(offsets[row], offsets[row + 1]):
                yield entity_id, values[k], props[k], person[schema]

    def __len__(self) -> int:
        return int(self.tables.parties.num_rows)

    # --- records ------------------------------------------------------------------------

    def _make_source(self, number: int) -> Source:
        return self._sources([number])[number]

    def _make_party(self, row: int) -> Party:
        t = self.tables
        record = t.parties.slice(row, 1).to_pylist()[0]
        party = Party(record["id"], record["schema"], record["caption"], record["dataset"])
        source = self._source_at
        for item in _rows(t.names, t.name_off, row):
            party.names.append(Name(item["value"], item["prop"], item["lang"], source(item["source"])))
        for item in _rows(t.codes, t.code_off, row):
            party.codes.append(Code(item["kind"], item["value"], item["prop"], source(item["source"])))
        party.countries.extend(item["value"] for item in _rows(t.countries, t.country_off, row))
        for item in _rows(t.listings, t.listing_off, row):
            party.listings.append(Listing(item["list"], item["program"], item["authority"], item["since"],
                                          source(item["source"])))  # fmt: skip
        return party

    def edges_towards_listed(self) -> tuple[list[int], int]:
        """The relations that can lead, directly or through others, to a listed party (the
        only ones look-through can follow to a hit), and how many name a party not loaded.
        Worked out on the arrays, so a million relations of unlisted companies cost no objects."""
        t = self.tables
        if not t.edges.num_rows:
            return [], 0
        lower, upper = self._ends(np.arange(t.edges.num_rows))
        loaded = (lower >= 0) & (upper >= 0)
        numbers = np.nonzero(loaded)[0]
        rep = np.asarray(t.cluster_rep)
        below, above = rep[lower[numbers]], rep[upper[numbers]]
        reaches = np.zeros(len(self), dtype=bool)
        reaches[rep[np.nonzero(np.diff(t.listing_off) > 0)[0]]] = True
        while True:  # each round adds the parties one step further down: ends within chain length
            fresh = reaches[above] & ~reaches[below]
            if not fresh.any():
                break
            reaches[below[fresh]] = True
        return numbers[reaches[above]].tolist(), int(len(loaded) - len(numbers))

    def stake_edges(self) -> np.ndarray[Any, np.dtype[np.bool_]]:
        """For each relation, whether it is a shareholding (ownership or parent); read once."""
        if self._stake is None:
            kinds = np.asarray(self.tables.edges.column("kind").to_pylist(), dtype=object)
            self._stake = np.isin(kinds, [RelationKind.OWNERSHIP.value, RelationKind.PARENT.value])
        return self._stake

    def _ends(self, numbers: np.ndarray[Any, Any]) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
        """The rows of each relation's lower party (held, branded, linked) and upper one (-1 where
        a party is not loaded): a shareholding points from owner to held, other links upward."""
        t, stake = self.tables, self.stake_edges()[numbers]
        source, target = np.asarray(t.edge_source)[numbers], np.asarray(t.edge_target)[numbers]
        return np.where(stake, target, source), np.where(stake, source, target)

    def relations_from(self, entity_id: str, chosen: np.ndarray[Any, np.dtype[np.bool_]]) -> list[int]:
        """The relations stated from any entry of the party's cluster (it is their source), among
        those `chosen` marks, in number order."""
        row = self.row(entity_id)
        if row < 0:
            return []
        t = self.tables
        rep = int(t.cluster_rep[row])
        members: list[int] = t.cluster_rows[t.cluster_off[rep] : t.cluster_off[rep + 1]].tolist()
        rows = members or [row]
        found = [t.out_edges[t.out_off[r] : t.out_off[r + 1]] for r in rows]
        numbers = np.unique(np.concatenate(found)) if found else np.zeros(0, np.int64)
        return [int(n) for n in numbers if chosen[n]]

    def edge_ends(self, numbers: list[int]) -> tuple[list[str], list[str]]:
        """For relations between loaded parties, the party below (held, branded, linked) and the
        one above, each as its cluster's id; worked out on the arrays in one step."""
        lower, upper = self._ends(np.asarray(numbers, dtype=np.int64))
        rep = np.asarray(self.tables.cluster_rep)
        lower, upper = rep[lower], rep[upper]
        ids = self._ids()
        return [ids[r] for r in lower.tolist()], [ids[r] for r in upper.tolist()]

    def edges_at(self, numbers: Iterable[int]) -> Iterator[Edge]:
        """The relations numbered `numbers`, in that order: taken from the table in one step and
        their sources made in one batch (a look-up per edge cost seconds at a million)."""
        wanted = list(numbers)
        if not wanted:
            return iter(())
        return self._edges(self.tables.edges.take(pa.array(wanted, type=pa.int64())))

    def all_edges(self) -> Iterator[Edge]:
        """Every relation, in load order (one batch conversion, not one look-up per edge)."""
        return self._edges(self.tables.edges)

    def _edges(self, edges: pa.Table) -> Iterator[Edge]:
        columns = {name: edges.column(name).to_pylist() for name in edges.column_names}
        sources = self._sources(columns["source"])
        kinds = {kind.value: kind for kind in RelationKind}
        for k in range(edges.num_rows):
            yield Edge(columns["source_id"][k], columns["target_id"][k], kinds[columns["kind"][k]],
                       columns["percent"][k], columns["start"][k], columns["end"][k],
                       sources[columns["source"][k]])  # fmt: skip

    def _sources(self, numbers: list[int]) -> dict[int, Source]:
        """The sources numbered `numbers`, made from one take of the sources table."""
        distinct = sorted(set(numbers))
        if not distinct:
            return {}
        picked = self.tables.sources.take(pa.array(distinct, type=pa.int64()))
        rows = zip(*(picked.column(name).to_pylist() for name in picked.column_names), strict=True)
        return {
            number: Source(citation, Evidence(evidence), dataset, snapshot, url)
            for number, (citation, evidence, dataset, snapshot, url) in zip(distinct, rows, strict=True)
        }


def _rows(table: Any, offsets: Any, row: int) -> list[dict[str, Any]]:
    start, end = int(offsets[row]), int(offsets[row + 1])
    if start == end:
        return []
    rows: list[dict[str, Any]] = table.slice(start, end - start).to_pylist()
    return rows


class PartyMap(Mapping[str, Party]):
    """Parties by id, made from the tables when first asked for."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    def __getitem__(self, entity_id: str) -> Party:
        row = self.catalog.row(entity_id)
        if row < 0:
            raise KeyError(entity_id)
        party: Party = self.catalog.party_at(row)
        return party

    def __contains__(self, entity_id: object) -> bool:
        return isinstance(entity_id, str) and self.catalog.row(entity_id) >= 0

    def __iter__(self) -> Iterator[str]:
        return (self.catalog.id_at(row) for row in range(len(self.catalog)))

    def __len__(self) -> int:
        return len(self.catalog)


class EdgeMap(Mapping[str, list[Edge]]):
    """Relations by the id of the party they start from (outbound) or lead to (inbound),
    relations naming a party that is not loaded included."""

    def __init__(self, catalog: Catalog, *, outbound: bool) -> None:
        self.catalog = catalog
        self.outbound = outbound
        self._unloaded: dict[str, list[int]] | None = None

    def _arrays(self) -> tuple[Any, Any, Any]:
        t = self.catalog.tables
        if self.outbound:
            return t.out_off, t.out_edges, t.edge_source
        return t.in_off, t.in_edges, t.edge_target

    def _dangling(self) -> dict[str, list[int]]:
        """Edges from (or to) an id no loaded party has, by that id."""
        if self._unloaded is None:
            _, _, ends = self._arrays()
            column = "source_id" if self.outbound else "target_id"
            found: dict[str, list[int]] = {}
            numbers = np.nonzero(np.asarray(ends) < 0)[0].tolist()
            if numbers:
                ids = self.catalog.tables.edges.column(column).to_pylist()
                for number in numbers:
                    found.setdefault(ids[number], []).append(number)
            self._unloaded = found
        return self._unloaded

    def __getitem__(self, entity_id: str) -> list[Edge]:
        row = self.catalog.row(entity_id)
        offsets, edges, _ = self._arrays()
        if row >= 0 and offsets[row] < offsets[row + 1]:
            numbers = [int(e) for e in edges[offsets[row] : offsets[row + 1]]]
        else:
            numbers = self._dangling().get(entity_id, [])
        if not numbers:
            raise KeyError(entity_id)
        return list(self.catalog.edges_at(numbers))

    def __iter__(self) -> Iterator[str]:
        offsets, _, _ = self._arrays()
        yield from (self.catalog.id_at(int(r)) for r in np.nonzero(np.diff(offsets) > 0)[0])
        yield from self._dangling()

    def __len__(self) -> int:
        offsets, _, _ = self._arrays()
        return int(np.count_nonzero(np.diff(offsets) > 0)) + len(self._dangling())


__all__ = ["Catalog", "Code", "Edge", "Listing", "Name", "Party", "Source", "is_party"]
