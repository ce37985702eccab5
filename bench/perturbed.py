"""Perturbations of real listed names, a fixed number per kind, each expected to find its entry."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Callable

from bench import perturb
from bench.cases import ListedName, Query
from bench.text import core_key, key, tokens

PER_KIND = 280
SEED = 4
Edit = Callable[[ListedName, random.Random], str | None]


def vocabulary(names: list[ListedName]) -> frozenset[str]:
    """Words of three letters or more that at least three listed names use."""
    counts = Counter(t for n in names for t in set(tokens(n.name)))
    return frozenset(t for t, c in counts.items() if c >= 3 and len(t) >= 3 and t.isalpha())


def edits(names: list[ListedName]) -> dict[str, tuple[Edit, bool]]:
    """Each kind's edit, and whether it applies to organisations only."""
    vocab = vocabulary(names)

    def join_split(n: ListedName, rng: random.Random) -> str | None:
        split = perturb.split_word(n.name, rng, vocab)
        return split if split and rng.random() < 0.5 else perturb.join_words(n.name, rng) or split

    return {
        "typo": (lambda n, rng: perturb.typo(n.name, rng), False),
        "token_order": (lambda n, rng: perturb.token_order(n.name, rng, n.person), False),
        "legal_form_drop": (lambda n, rng: perturb.legal_form_drop(n.name, rng), True),
        "legal_form_swap": (lambda n, rng: perturb.legal_form_swap(n.name, rng), True),
        "abbreviation": (lambda n, rng: perturb.abbreviation(n.name, rng), True),
        "join_split": (join_split, True),
        "holding_suffix": (lambda n, rng: perturb.holding_suffix(n.name, rng), True),
    }


def unambiguous(names: list[ListedName]) -> list[ListedName]:
    """Names whose key belongs to one entry only (else 'the right entry' would be ill-defined)."""
    owners: dict[str, set[str]] = defaultdict(set)
    for n in names:
        owners[key(n.name)].add(n.entity_id)
    return [n for n in names if len(owners[key(n.name)]) == 1 and n.schema in ("Person", "Organization")]


def core_owners(names: list[ListedName]) -> dict[str, set[str]]:
    """Entries by name with legal forms set aside: 'NAI LOGISTICS B.V.' and 'NAI LOGISTICS LIMITED'
    are two entries, so a query 'NAI LOGISTICS' cannot tell them apart."""
    owners: dict[str, set[str]] = defaultdict(set)
    for n in names:
        owners[core_key(n.name)].add(n.entity_id)
    return owners


def build_perturbations(names: list[ListedName], per_kind: int = PER_KIND, seed: int = SEED) -> list[Query]:
    """`per_kind` queries of each kind, none equal to a listed name or ambiguous without legal forms."""
    taken = {key(n.name) for n in names}
    owners = core_owners(names)
    sources = unambiguous(names)
    queries: list[Query] = []
    for kind, (edit, orgs_only) in edits(names).items():
        rng = random.Random(f"{seed}-{kind}")
        pool = [n for n in sources if n.schema == "Organization" or not orgs_only]
        rng.shuffle(pool)
        found = 0
        for n in pool:
            text = edit(n, rng)
            if found >= per_kind:
                break
            if text and key(text) and key(text) not in taken and owners[core_key(text)] <= {n.entity_id}:
                taken.add(key(text))
                queries.append(Query(text, n.entity_id, "perturbation", kind, n.name))
                found += 1
    return queries
