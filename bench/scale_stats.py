"""Token statistics of a list's names, to compare the generated list with the real ones.

Parties are taken in a random order with their names together, as a list grows; words are the
lowercased `\\w+` runs of a name. The vocabulary's growth is fitted with Heaps' law
V(n) = K * n^beta on the real lists and extrapolated to the generated list's size.
"""

from __future__ import annotations

import math
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class NameStats:
    parties: int
    names: int
    names_per_party: float
    names_per_party_p90: int
    words_per_name: float
    words_per_name_p99: int
    chars_per_name: float
    not_latin: float
    """Share of names with a letter outside the Latin script."""
    vocabulary: int
    once: float
    """Share of the vocabulary seen once (hapax legomena)."""
    top10: float
    """Share of all word occurrences taken by the ten commonest words."""
    growth: tuple[tuple[int, int], ...]
    """(names, vocabulary) as the list grows."""

    def heaps(self) -> tuple[float, float]:
        """(K, beta) of V(n) = K n^beta, fitted (least squares, log-log) on the growth from an
        eighth of the names on: the exponent falls as a list grows, so the start is left out."""
        points = [(math.log(n), math.log(v)) for n, v in self.growth if n * 8 >= self.names]
        mean_x = sum(x for x, _ in points) / len(points)
        mean_y = sum(y for _, y in points) / len(points)
        beta = sum((x - mean_x) * (y - mean_y) for x, y in points) / sum((x - mean_x) ** 2 for x, _ in points)
        return math.exp(mean_y - beta * mean_x), beta


def _percentile(values: Sequence[int], share: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def name_stats(parties: Sequence[Sequence[str]], seed: int = 0, points: int = 8) -> NameStats:
    """Statistics of the names of `parties` (each a list of its names)."""
    order = list(range(len(parties)))
    random.Random(seed).shuffle(order)
    total = sum(len(p) for p in parties)
    marks = sorted({max(1, int(total / 2**k)) for k in range(points)})
    counts: Counter[str] = Counter()
    growth, words_per, chars, foreign, seen = [], [], [], 0, 0
    for index in order:
        for name in parties[index]:
            words = [w.lower() for w in WORD.findall(name)]
            counts.update(words)
            words_per.append(len(words))
            chars.append(len(name))
            foreign += any(c.isalpha() and not c.isascii() and not _latin(c) for c in name)
            seen += 1
            if marks and seen >= marks[0]:
                growth.append((seen, len(counts)))
                marks.pop(0)
    occurrences = sum(counts.values()) or 1
    per_party = [len(p) for p in parties]
    return NameStats(
        parties=len(parties),
        names=total,
        names_per_party=total / max(1, len(parties)),
        names_per_party_p90=_percentile(per_party, 0.9),
        words_per_name=sum(words_per) / max(1, total),
        words_per_name_p99=_percentile(words_per, 0.99),
        chars_per_name=sum(chars) / max(1, total),
        not_latin=foreign / max(1, total),
        vocabulary=len(counts),
        once=sum(1 for c in counts.values() if c == 1) / max(1, len(counts)),
        top10=sum(c for _, c in counts.most_common(10)) / occurrences,
        growth=tuple(growth),
    )


def _latin(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN")


def vocabulary_at(stats: NameStats, names: int) -> int:
    """The vocabulary the list would have at `names` names by Heaps' law."""
    k, beta = stats.heaps()
    return round(k * names**beta)
