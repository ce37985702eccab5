"""The alias hold-out of issue 4: random aliases taken out of the index and screened back in."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable

from bench.cases import ListedName, Query
from bench.text import jaccard, key, token_share, trigrams

SIZE = 2000
SEED = 4
VARIANT_SHARE = 0.5
VARIANT_JACCARD = 0.5


def _any(_name: ListedName) -> bool:
    return True


def pick_aliases(
    names: list[ListedName], size: int, seed: int, eligible: Callable[[ListedName], bool] = _any
) -> list[ListedName]:
    """`size` distinct aliases at random (of `eligible` entries), never one that only repeats its
    entry's primary name."""
    primary = {n.entity_id: key(n.name) for n in names if n.prop == "name"}
    pool: dict[tuple[str, str], ListedName] = {}
    for n in names:
        k = key(n.name)
        if n.prop != "name" and k and k != primary.get(n.entity_id) and eligible(n):
            pool.setdefault((n.entity_id, k), n)
    return random.Random(seed).sample(list(pool.values()), min(size, len(pool)))


def alias_kind(alias: str, others: list[ListedName]) -> str:
    """'variant' if it shares half its tokens or trigram Jaccard >= 0.5 with another name of its entry."""
    grams = trigrams(alias)
    for other in others:
        if (
            token_share(alias, other.name) >= VARIANT_SHARE
            or jaccard(grams, trigrams(other.name)) >= VARIANT_JACCARD
        ):
            return "variant"
    return "unrelated"


def build_holdout(
    names: list[ListedName],
    size: int = SIZE,
    seed: int = SEED,
    category: str = "holdout",
    eligible: Callable[[ListedName], bool] = _any,
) -> tuple[list[ListedName], list[Query]]:
    """The index with the held-out aliases masked (every same-key copy in the entry), and the queries."""
    chosen = pick_aliases(names, size, seed, eligible)
    masked = {(n.entity_id, key(n.name)) for n in chosen}
    kept = [n for n in names if (n.entity_id, key(n.name)) not in masked]
    by_entity: dict[str, list[ListedName]] = defaultdict(list)
    for n in kept:
        by_entity[n.entity_id].append(n)
    queries = [
        Query(n.name, n.entity_id, category, alias_kind(n.name, by_entity[n.entity_id]), n.prop)
        for n in chosen
    ]
    return kept, queries
