"""Look-through speed: N screened names against a graph of M relations (issue 5).

Builds a synthetic catalog the way Catalog.build leaves it (parties, listings, edges), then
times the graph and policy build and the look-through of every screened name, hits included.
Name matching is not timed here: each query is a name the matcher has already resolved.

    .venv/bin/python -m bench.lookthrough_speed --names 1000000 --relations 1000000 --repeat 3
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import resource
import statistics
import time
from collections import defaultdict

from lookthrough.catalog import Catalog, Edge, Listing, Party, Source
from lookthrough.graph import LookThrough, configured
from lookthrough.matching.result import Match
from lookthrough.model import Evidence, RelationKind
from lookthrough.screening.screener import Screener

SDN = "OFAC Specially Designated Nationals and Blocked Persons List (SDN)"
OTHER = "Entity List (EL) - Bureau of Industry and Security"
KINDS = [RelationKind.OWNERSHIP] * 6 + [RelationKind.PARENT, RelationKind.BRAND, RelationKind.LINKED]


def synthetic(parties: int, relations: int, listed: float, seed: int) -> Catalog:
    """A random ownership graph: about one owner per party, some cycles, 1 in 100 listed."""
    rng = random.Random(seed)
    catalog = Catalog()
    source = Source("synthetic", Evidence.FILING, "bench")
    for i in range(parties):
        catalog.parties[f"p{i}"] = Party(f"p{i}", "Company", f"Party {i}", "bench")
    for i in rng.sample(range(parties), int(parties * listed)):
        title = SDN if rng.random() < 0.5 else OTHER
        catalog.parties[f"p{i}"].listings.append(Listing(title, "X", "bench", None, source))
    catalog.outbound, catalog.inbound = defaultdict(list), defaultdict(list)
    for _ in range(relations):
        a, b = rng.randrange(parties), rng.randrange(parties)
        kind = rng.choice(KINDS)
        percent = (
            rng.choice([None, 10.0, 25.0, 30.0, 50.0, 60.0, 100.0])
            if kind is RelationKind.OWNERSHIP
            else None
        )
        edge = Edge(f"p{a}", f"p{b}", kind, percent, None, None, source)
        catalog.outbound[edge.source_id].append(edge)
        catalog.inbound[edge.target_id].append(edge)
    return catalog


_SCREENER: Screener | None = None


def _look(names: list[str]) -> int:
    assert _SCREENER is not None
    return sum(len(_SCREENER.hits_for(Match(entity_id, 1.0, entity_id, "bench"))) for entity_id in names)


def run(catalog: Catalog, names: list[str], workers: int) -> tuple[float, float, int]:
    """(seconds to build, seconds to look through every name, hits found)."""
    global _SCREENER
    started = time.perf_counter()
    look = LookThrough(catalog, configured("2026-11-22"), as_of="2026-11-22")
    built = time.perf_counter()
    _SCREENER = Screener(catalog, None, threshold=0.5, lookthrough=look)  # type: ignore[arg-type]
    if workers == 1:
        hits = _look(names)
    else:
        # Forked workers share the built graph copy-on-write; each takes a slice of the names.
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            hits = sum(pool.map(_look, [names[i::workers] for i in range(workers)]))
    return built - started, time.perf_counter() - built, hits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=1_000_000)
    parser.add_argument("--relations", type=int, default=1_000_000)
    parser.add_argument("--parties", type=int, default=1_000_000)
    parser.add_argument("--listed", type=float, default=0.01, help="share of parties that are listed")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=1, help="processes for the look-through phase")
    args = parser.parse_args()
    catalog = synthetic(args.parties, args.relations, args.listed, seed=5)
    rng = random.Random(7)
    names = [f"p{rng.randrange(args.parties)}" for _ in range(args.names)]
    rounds = [run(catalog, names, args.workers) for _ in range(args.repeat)]
    build, look = statistics.median(r[0] for r in rounds), statistics.median(r[1] for r in rounds)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"parties {args.parties:,}, relations {args.relations:,}, names {args.names:,}, "
          f"runs {args.repeat}, workers {args.workers}")  # fmt: skip
    print(
        f"graph and policies built: median {build:.2f} s (runs: {', '.join(f'{r[0]:.2f}' for r in rounds)})"
    )
    print(
        f"look-through of all names: median {look:.2f} s (runs: {', '.join(f'{r[1]:.2f}' for r in rounds)})"
    )
    print(f"total median {build + look:.2f} s; {args.names / look:,.0f} names/s; hits {rounds[0][2]:,}")
    print(f"peak memory {peak:,.0f} MiB")


if __name__ == "__main__":
    main()
