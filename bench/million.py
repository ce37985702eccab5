"""A million distinct names to screen, made from real ones: listed names and OUI vendors, each
perturbed at random (typos, word order, legal forms, abbreviations, suffixes), no name twice."""

from __future__ import annotations

import random
from collections.abc import Callable

from bench import perturb

Edit = Callable[[str, random.Random], str | None]
EDITS: tuple[Edit, ...] = (
    perturb.typo,
    lambda name, rng: perturb.token_order(name, rng, False),
    perturb.legal_form_drop,
    perturb.legal_form_swap,
    perturb.abbreviation,
    perturb.join_words,
    perturb.holding_suffix,
)


def _variant(name: str, rng: random.Random) -> str:
    """The name after one to three random edits (those that do not apply are skipped)."""
    for _ in range(rng.randint(1, 3)):
        name = rng.choice(EDITS)(name, rng) or name
    return name


def distinct_names(bases: list[str], count: int, seed: int = 4) -> list[str]:
    """`count` distinct names: every base once as it is, then random variants of random bases."""
    rng = random.Random(seed)
    found = dict.fromkeys(bases[:count])
    tries = 0
    while len(found) < count and tries < count * 20:
        found.setdefault(_variant(rng.choice(bases), rng))
        tries += 1
    names = list(found)
    rng.shuffle(names)
    return names
