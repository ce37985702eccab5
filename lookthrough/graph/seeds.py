"""The parties a rule starts from: every party with a listing its selector accepts.

A catalog of millions of names holds hundreds of thousands of listings but only a few hundred
distinct (list, program, authority, dataset) fours, and a selector reads nothing else: each
four is judged once and the listings are picked by array, so no listing record is made on the
way (making one per listing cost most of a one-row `screen`'s start at scale)."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from lookthrough.catalog import Catalog
from lookthrough.graph.policy import ListSelector


def _codes(column: pa.ChunkedArray | pa.Array) -> tuple[np.ndarray, list[str | None]]:
    """Each value's number among the column's distinct values (nulls their own), and those values.
    (`to_numpy` would import pandas, a third of a second at every start.)"""
    encoded = pc.dictionary_encode(column, null_encoding="encode")
    if isinstance(encoded, pa.ChunkedArray):
        encoded = encoded.combine_chunks()
    indices = encoded.indices  # no nulls (they are encoded): read from the buffer as it lies
    width = np.dtype(indices.type.to_pandas_dtype())
    start = indices.offset
    codes = np.frombuffer(indices.buffers()[1], dtype=width)[start : start + len(indices)]
    return codes.astype(np.int64), encoded.dictionary.to_pylist()


def seed_nodes(catalog: Catalog, selector: ListSelector) -> set[str]:
    """Cluster ids of every party with at least one listing that `selector` accepts."""
    t = catalog.tables
    if t.listings.num_rows == 0:
        return set()
    datasets = t.sources.column("dataset").take(t.listings.column("source"))
    columns = [_codes(t.listings.column(name)) for name in ("list", "program", "authority")]
    columns.append(_codes(datasets))
    key = np.zeros(t.listings.num_rows, dtype=np.int64)
    for codes, values in columns:  # one number per distinct four (mixed radix)
        key = key * max(len(values), 1) + codes
    fours, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    verdicts = np.fromiter(
        (selector.accepts(*(values[codes[k]] for codes, values in columns)) for k in first.tolist()),
        dtype=bool,
        count=len(fours),
    )
    owners = np.repeat(np.arange(len(catalog), dtype=np.int64), np.diff(t.listing_off))
    chosen = np.unique(owners[verdicts[inverse.reshape(-1)]])
    return {catalog.id_at(int(rep)) for rep in np.unique(t.cluster_rep[chosen]).tolist()}
