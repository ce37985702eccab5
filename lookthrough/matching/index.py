"""A blocking index over every loaded name: words, run-together word pairs, and
typo-tolerant word lookup through character trigrams of the vocabulary."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from rapidfuzz.distance import Levenshtein

from lookthrough.names import NameForm, analyze, variants

MIN_FUZZY_LENGTH = 4
FUZZY_SIMILARITY = 0.75
COMMON_SHARE = 0.02
"""Words in more than this share of names do not open candidates on their own."""


@dataclass(slots=True, frozen=True)
class IndexedName:
    entity_id: str
    form: NameForm
    prop: str
    person: bool


def trigrams(token: str) -> set[str]:
    padded = f"^{token}$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def joined_pairs(tokens: tuple[str, ...]) -> list[str]:
    return [a + b for a, b in pairwise(tokens)]


class NameIndex:
    """Names by word; built once per set of loaded snapshots and pickled with the catalog."""

    def __init__(self) -> None:
        self.names: list[IndexedName] = []
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.idf: dict[str, float] = {}
        self.grams: dict[str, list[str]] = defaultdict(list)
        self.max_idf = 1.0
        self.common_df = 0
        self._similar: dict[str, tuple[tuple[str, float], ...]] = {}

    @classmethod
    def build(cls, entries: Iterable[tuple[str, str, str, bool]]) -> NameIndex:
        """Index (entity_id, name, prop, is_person) tuples."""
        index = cls()
        seen: set[tuple[str, str]] = set()
        for entity_id, name, prop, person in entries:
            for variant in variants(name):
                form = analyze(variant, organization=not person)
                if not form.tokens or (entity_id, form.key) in seen:
                    continue
                seen.add((entity_id, form.key))
                index._add(IndexedName(entity_id, form, prop, person))
        index._finish()
        return index

    def _add(self, entry: IndexedName) -> None:
        name_id = len(self.names)
        self.names.append(entry)
        for key in {*entry.form.tokens, *joined_pairs(entry.form.tokens)}:
            self.postings[key].append(name_id)

    def _finish(self) -> None:
        total = max(len(self.names), 1)
        df = Counter({key: len(ids) for key, ids in self.postings.items()})
        self.idf = {key: math.log((total + 1) / (count + 0.5)) for key, count in df.items()}
        self.max_idf = math.log((total + 1) / 0.5)
        self.common_df = max(50, int(total * COMMON_SHARE))
        for key in self.postings:
            if len(key) >= MIN_FUZZY_LENGTH:
                for gram in trigrams(key):
                    self.grams[gram].append(key)
        self.postings = dict(self.postings)
        self.grams = dict(self.grams)

    def weight(self, token: str) -> float:
        """Inverse document frequency; a word no list uses is as rare as can be."""
        return self.idf.get(token, self.max_idf)

    def similar(self, token: str) -> tuple[tuple[str, float], ...]:
        """Vocabulary words within a small edit distance of `token` (cached)."""
        cached = self._similar.get(token)
        if cached is not None:
            return cached
        found: list[tuple[str, float]] = []
        if len(token) >= MIN_FUZZY_LENGTH:
            grams = trigrams(token)
            shared: Counter[str] = Counter()
            for gram in grams:
                shared.update(self.grams.get(gram, ()))
            need = max(1, len(grams) // 3)
            for word, count in shared.items():
                if count >= need and word != token:
                    similarity = Levenshtein.normalized_similarity(token, word)
                    if similarity >= FUZZY_SIMILARITY:
                        found.append((word, similarity))
        result = tuple(sorted(found, key=lambda p: -p[1])[:8])
        self._similar[token] = result
        return result

    def candidates(self, form: NameForm, limit: int = 100) -> list[tuple[int, float]]:
        """Name ids sharing rare enough words with `form`, best overlap first."""
        scores: dict[int, float] = defaultdict(float)
        keys = self.query_keys(form)
        rare = [k for k in keys if len(self.postings.get(k[0], ())) <= self.common_df]
        for key, similarity in rare or keys:
            weight = self.weight(key) * similarity
            for name_id in self.postings.get(key, ()):
                scores[name_id] += weight
        ranked = sorted(scores.items(), key=lambda p: -p[1])
        return ranked[:limit]

    def query_keys(self, form: NameForm) -> list[tuple[str, float]]:
        keys: dict[str, float] = {}
        for token in (*form.tokens, *joined_pairs(form.tokens)):
            if token in self.postings:
                keys[token] = 1.0
            for word, similarity in self.similar(token):
                keys[word] = max(keys.get(word, 0.0), similarity)
        return list(keys.items())

    def __getstate__(self) -> dict[str, object]:
        return {k: getattr(self, k) for k in ("names", "postings", "idf", "grams", "max_idf", "common_df")}

    def __setstate__(self, state: dict[str, object]) -> None:
        for key, value in state.items():
            setattr(self, key, value)
        self._similar = {}
