"""Entries of different lists that are one party: a strong code in common (ISIN, LEI, USCC),
or a registration number under the same name (a weak code alone may repeat across registries)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import numpy as np
from numpy.typing import NDArray

from lookthrough.catalog.builder import Columns
from lookthrough.identifiers import TYPES
from lookthrough.names import analyze

STRONG = frozenset(name for name, kind in TYPES.items() if kind.strong)


def clusters(columns: Columns) -> NDArray[np.int32]:
    """For each party row, the row that stands for its whole cluster: the one whose id sorts first."""
    parent: dict[int, int] = {}
    ids = columns.ids

    def root(node: int) -> int:
        while parent.get(node, node) != node:
            node = parent[node]
        return node

    for group in _groups(columns):
        first, *rest = sorted(group, key=ids.__getitem__)
        for other in rest:
            a, b = root(first), root(other)
            if a != b:
                low, high = (a, b) if ids[a] < ids[b] else (b, a)
                parent[high] = low
    rep = np.arange(len(ids), dtype=np.int32)
    for node in parent:
        rep[node] = root(node)
    return rep


def _groups(columns: Columns) -> Iterator[set[int]]:
    codes = columns.codes
    by_code: dict[tuple[str, str], set[int]] = defaultdict(set)
    for party, kind, value in zip(codes["party"], codes["kind"], codes["value"], strict=True):
        by_code[(kind, value)].add(party)
    for (kind, _value), parties in by_code.items():
        if kind in STRONG and len(parties) > 1:
            yield parties
    shared = {key for key, parties in by_code.items() if key[0] == "registration" and len(parties) > 1}
    if not shared:
        return
    names = columns.names
    keys: dict[int, set[str]] = defaultdict(set)
    wanted = {p for key in shared for p in by_code[key]}
    for party, value in zip(names["party"], names["value"], strict=True):
        if party in wanted:
            keys[party].add(analyze(value).key)
    registered: dict[tuple[str, str], set[int]] = defaultdict(set)
    for key in shared:
        for party in by_code[key]:
            for name in keys[party]:
                registered[(key[1], name)].add(party)
    yield from (parties for parties in registered.values() if len(parties) > 1)
