"""Assemble the evaluation set of one run: index names, hold-out, perturbations, Chinese, negatives,
and issue 11's person and original-script protocols on indexes of their own."""

from __future__ import annotations

import random
from dataclasses import dataclass

from bench import curated, holdout, negatives, people, persons, perturbed
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
    person_holdout: int = persons.SIZE
    person_negatives: int = people.SIZE


FULL = Sizes()
SMOKE = Sizes(entities=1000, holdout=40, per_kind=6, negatives=120, person_holdout=40, person_negatives=120)


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
    notes["unlisted person names (issue 11)"] = people.source()
    return EvalSet(kept, queries + issue_11(names, sizes, seed, listed, side), notes, side)


def issue_11(
    names: list[ListedName], sizes: Sizes, seed: int, listed: list[str], side: dict[str, list[ListedName]]
) -> list[Query]:
    """The person hold-out and the UN original-script names, each with its own index (in `side`)
    and its own unlisted person names as negatives."""
    person_index, queries = persons.person_holdout(names, sizes.person_holdout, seed)
    un_index, script_queries, un_names = persons.script_protocol(
        listed, sizes.person_negatives, dropped_to=work_dir() / "negatives_script_dropped.csv"
    )
    queries += persons.person_negatives(
        [*listed, *un_names], sizes.person_negatives, dropped_to=work_dir() / "negatives_person_dropped.csv"
    )
    for category, negative in persons.POOLS.items():
        side[category] = side[negative] = person_index if category == persons.PERSON else un_index
    return queries + script_queries
