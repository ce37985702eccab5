"""Assemble the evaluation set of one run: index names, hold-out, perturbations, Chinese, negatives."""

from __future__ import annotations

import random
from dataclasses import dataclass

from bench import curated, holdout, negatives, perturbed
from bench.cases import EvalSet, ListedName, Query
from bench.listed import exclusion_names
from bench.ofac import sdn_names
from bench.paths import work_dir


@dataclass(frozen=True)
class Sizes:
    """How big each part is: the issue's sizes, or a tiny subset for the smoke run."""

    entities: int | None = None
    holdout: int = holdout.SIZE
    per_kind: int = perturbed.PER_KIND
    negatives: int = negatives.SIZE


FULL = Sizes()
SMOKE = Sizes(entities=1000, holdout=40, per_kind=6, negatives=120)


def subset(names: list[ListedName], entities: int, seed: int) -> list[ListedName]:
    """The names of `entities` entries drawn at random (for the smoke run)."""
    ids = sorted({n.entity_id for n in names})
    keep = set(random.Random(seed).sample(ids, min(entities, len(ids))))
    return [n for n in names if n.entity_id in keep]


def build(sizes: Sizes = FULL, seed: int = holdout.SEED) -> EvalSet:
    """Every query of the run and the (masked) index they are screened against."""
    names = sdn_names()
    if sizes.entities:
        names = subset(names, sizes.entities, seed)
    kept, queries = holdout.build_holdout(names, sizes.holdout, seed)
    notes = {}
    side = {}
    entities = curated.curated_entities()
    if entities is None:
        notes["chinese"] = "pending: the curated dataset (source 'curated') is not in the package yet"
    else:
        # Added before the perturbations, so a perturbed name that a curated entry shares
        # (the same party on two lists) is left out as ambiguous.
        chinese_names, chinese = curated.build_chinese(entities)
        kept, queries = [*kept, *chinese_names], [*queries, *chinese]
        side["chinese:variants"], variants = curated.build_chinese_variants(entities)
        queries += variants
    queries += perturbed.build_perturbations(kept, sizes.per_kind, seed)
    listed = exclusion_names([n.name for n in [*names, *kept]])
    dropped = work_dir() / "negatives_dropped.csv"
    vendor_names = negatives.build_negatives(listed, sizes.negatives, seed, dropped_to=dropped)
    queries += [Query(v, None, "negative", "oui") for v in vendor_names]
    return EvalSet(kept, queries, notes, side)
