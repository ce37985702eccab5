"""What the kernel measures of each (query, listed name) alignment, by column of its output."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

COLUMNS = (
    "query_total",  # rarity weight of the query's words
    "listed_total",  # rarity weight of the listed name's words
    "query_met",  # query weight that found a partner, times the partner's similarity
    "listed_met",
    "shared",  # the lesser side's weight of each pair, times its similarity
    "fuzzy",  # weight (both sides) met only as spelling variants
    "query_rarest_left",  # rarity of the rarest query word without a partner
    "listed_rarest_left",
    "weakest",  # similarity of the least alike pair (1 when all exact or none)
    "pairs",  # pairs of words that met
    "exact",  # of them, exactly
    "joined",  # of them, two words run together on one side
    "spelled",  # of them, spelling variants
    "generic_overlap",  # pairs only of words common among company names, listed words left over
    "number_mismatch",  # both names have numbers and share none
    "spelling",  # similarity of the names written without spaces
    "spelling_by_word",  # the same with each name's words in alphabetical order
    "query_left",  # rarity weight left without a partner on the query side
    "listed_left",
    "bound",  # share of the query's weight the candidate could explain (blocking estimate)
)
INDEX = {name: i for i, name in enumerate(COLUMNS)}


@dataclass(frozen=True)
class Comparisons:
    """A set of (query reading, listed name) comparisons: the kernel's statistics plus what
    is known of each side, one row per comparison."""

    stats: NDArray[np.float32]
    query_words: NDArray[np.int64]
    query_length: NDArray[np.int64]
    query_forms: NDArray[np.int64]
    query_compact: NDArray[np.uint64]
    query_initials: NDArray[np.uint64]
    listed_words: NDArray[np.int64]
    listed_length: NDArray[np.int64]
    listed_forms: NDArray[np.int64]
    listed_compact: NDArray[np.uint64]
    listed_initials: NDArray[np.uint64]
    person: NDArray[np.bool_]
    prop: NDArray[np.uint8]
    variant: NDArray[np.uint8]
    loose_forms: int
    query_countries: NDArray[np.uint64]
    """[comparisons, WORDS]: the countries the row states (its country column), as bits."""
    query_hinted: NDArray[np.uint64]
    """[comparisons, WORDS]: countries only hinted at (an ISIN's prefix), as bits."""
    listed_countries: NDArray[np.uint64]
    """[comparisons, WORDS]: the countries the listed party states, as bits."""

    def column(self, name: str) -> NDArray[np.float32]:
        values: NDArray[np.float32] = self.stats[:, INDEX[name]]
        return values

    def __len__(self) -> int:
        return len(self.stats)
