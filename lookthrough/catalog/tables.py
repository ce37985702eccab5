"""The catalog as tables: Arrow for text, numpy for numbers; saved once, memory-mapped after.

Parties are rows in id order; each child table (names, codes, countries, listings) is grouped by
party with an offsets array, so a party's details are a slice. Ids, codes and relations are
found through hash tables and offset arrays, never through a Python object per party.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.ipc as ipc
from numpy.typing import NDArray

from lookthrough.catalog.builder import Columns
from lookthrough.catalog.clusters import clusters
from lookthrough.matching.engine.data import mapped
from lookthrough.matching.engine.strings import StringTable

FORMAT = 1
TABLES = ("parties", "names", "codes", "countries", "listings", "edges", "sources")
STRING_TABLES = ("ids", "code_keys")
CODE_SEPARATOR = "\x1f"


@dataclass
class CatalogTables:
    """Every table and array of a catalog."""

    parties: pa.Table
    names: pa.Table
    codes: pa.Table
    countries: pa.Table
    listings: pa.Table
    edges: pa.Table
    sources: pa.Table
    name_off: NDArray[np.int64]
    code_off: NDArray[np.int64]
    country_off: NDArray[np.int64]
    listing_off: NDArray[np.int64]
    edge_source: NDArray[np.int32]
    edge_target: NDArray[np.int32]
    out_off: NDArray[np.int64]
    out_edges: NDArray[np.int32]
    in_off: NDArray[np.int64]
    in_edges: NDArray[np.int32]
    ids: StringTable
    id_row: NDArray[np.int32]
    code_keys: StringTable
    code_key_off: NDArray[np.int64]
    code_key_rows: NDArray[np.int32]
    cluster_rep: NDArray[np.int32]
    cluster_off: NDArray[np.int64]
    cluster_rows: NDArray[np.int32]

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, pa.Table):
                with (
                    pa.OSFile(str(folder / f"{f.name}.arrow"), "wb") as sink,
                    ipc.new_file(sink, value.schema) as out,
                ):
                    out.write_table(value)
            elif isinstance(value, StringTable):
                for part, array in value.arrays().items():
                    np.save(folder / f"{f.name}.{part}.npy", array, allow_pickle=False)
            else:
                np.save(folder / f"{f.name}.npy", np.ascontiguousarray(value), allow_pickle=False)
        (folder / "catalog.json").write_text(json.dumps({"format": FORMAT}), "utf-8")

    @classmethod
    def open(cls, folder: Path) -> CatalogTables:
        """Map saved tables in (no copy: pages are read as they are used)."""
        if json.loads((folder / "catalog.json").read_text("utf-8")).get("format") != FORMAT:
            raise ValueError("catalog files of another layout")
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name in TABLES:
                values[f.name] = ipc.open_file(pa.memory_map(str(folder / f"{f.name}.arrow"))).read_all()
            elif f.name in STRING_TABLES:
                parts = [mapped(folder / f"{f.name}.{p}.npy") for p in ("hashes", "offsets", "blob")]
                values[f.name] = StringTable(parts[0], parts[1], parts[2])
            else:
                values[f.name] = mapped(folder / f"{f.name}.npy")
        return cls(**values)


def build_tables(columns: Columns) -> CatalogTables:
    """Tables from the builder's columns."""
    n = len(columns.ids)
    names, name_off = _grouped(columns.names, n)
    codes, code_off = _grouped(columns.codes, n)
    countries, country_off = _grouped(columns.countries, n)
    listings, listing_off = _grouped(columns.listings, n)
    edges = _arrow(columns.edges, percent=pa.float64())
    rows = columns.rows
    edge_source = np.fromiter((rows.get(i, -1) for i in columns.edges["source_id"]), np.int32)
    edge_target = np.fromiter((rows.get(i, -1) for i in columns.edges["target_id"]), np.int32)
    out_off, out_edges = _csr(edge_source, n)
    in_off, in_edges = _csr(edge_target, n)
    ids = StringTable.build(columns.ids)
    id_row = np.zeros(len(ids), dtype=np.int32)
    if n:
        id_row[ids.find(columns.ids)] = np.arange(n, dtype=np.int32)
    code_keys, code_key_off, code_key_rows = _code_index(columns)
    rep = clusters(columns)
    cluster_off, cluster_rows = _csr(rep, n, keep=lambda counts: counts > 1)
    source_columns = ("citation", "evidence", "dataset", "snapshot_id", "url")
    sources = pa.table(
        {name: [key[i] for key in columns.source_list] for i, name in enumerate(source_columns)},
        schema=pa.schema([(c, pa.string()) for c in source_columns]),
    )
    parties = pa.table(
        {"id": columns.ids, "schema": columns.schema, "caption": columns.caption, "dataset": columns.dataset},
        schema=pa.schema([(c, pa.string()) for c in ("id", "schema", "caption", "dataset")]),
    )
    return CatalogTables(
        parties, names, codes, countries, listings, edges, sources, name_off, code_off, country_off,
        listing_off, edge_source, edge_target, out_off, out_edges, in_off, in_edges, ids, id_row,
        code_keys, code_key_off, code_key_rows, rep, cluster_off, cluster_rows,
    )  # fmt: skip


def _arrow(table: dict[str, list[Any]], **types: pa.DataType) -> pa.Table:
    schema = pa.schema(
        [
            (name, types.get(name, pa.int32() if name in ("party", "source") else pa.string()))
            for name in table
        ]
    )
    return pa.table(table, schema=schema)


def _grouped(table: dict[str, list[Any]], parties: int) -> tuple[pa.Table, NDArray[np.int64]]:
    """The rows of a child table grouped by party (source order kept within a party), without
    the party column, and the offsets of each party's rows."""
    party = np.asarray(table["party"], dtype=np.int64)
    order = np.argsort(party, kind="stable")
    arrow = _arrow({k: v for k, v in table.items() if k != "party"})
    if len(order) and not np.all(order[1:] > order[:-1]):
        arrow = arrow.take(pa.array(order))
    offsets = np.zeros(parties + 1, dtype=np.int64)
    np.cumsum(np.bincount(party, minlength=parties)[:parties], out=offsets[1:])
    return arrow, offsets


def _csr(owner: NDArray[np.int32], n: int, keep: Any = None) -> tuple[NDArray[np.int64], NDArray[np.int32]]:
    """For each of n rows, the positions whose owner it is (in position order)."""
    valid = np.nonzero(owner >= 0)[0]
    counts = np.bincount(owner[valid], minlength=n)[:n] if n else np.zeros(0, np.int64)
    if keep is not None:
        chosen = keep(counts)
        valid = valid[chosen[owner[valid]]]
        counts = np.where(chosen, counts, 0)
    order = valid[np.argsort(owner[valid], kind="stable")]
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    return offsets, order.astype(np.int32)


def _code_index(columns: Columns) -> tuple[StringTable, NDArray[np.int64], NDArray[np.int32]]:
    """Parties by code ('isin' + value): a hash table of codes and, per code, its party rows."""
    keys = [
        f"{kind}{CODE_SEPARATOR}{value}"
        for kind, value in zip(columns.codes["kind"], columns.codes["value"], strict=True)
    ]
    table = StringTable.build(keys)
    if not keys:
        return table, np.zeros(1, np.int64), np.zeros(0, np.int32)
    position = table.find(keys).astype(np.int64)
    pairs = np.unique((position << 32) | np.asarray(columns.codes["party"], dtype=np.int64))
    offsets = np.zeros(len(table) + 1, dtype=np.int64)
    np.cumsum(np.bincount(pairs >> 32, minlength=len(table)), out=offsets[1:])
    return table, offsets, (pairs & 0xFFFFFFFF).astype(np.int32)
