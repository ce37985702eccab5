"""A blocking index over every loaded name: words, run-together word pairs, and
typo-tolerant word lookup through a deletion neighbourhood of the vocabulary."""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from rapidfuzz.distance import OSA

from lookthrough.matching.background import distinctiveness
from lookthrough.matching.name_v1.deletions import DeletionIndex
from lookthrough.names import NameForm, analyze, variants
from lookthrough.names.vocabulary import CANONICAL

MIN_FUZZY_LENGTH = 4
FUZZY_SIMILARITY = 0.65
COMMON_SHARE = 0.02
"""Words in more than this share of names add nothing to a candidate's standing."""
OPENING_DF = 60
"""Words in at most this many names open candidates; commoner ones only raise those open."""


@dataclass(slots=True, frozen=True)
class IndexedName:
    """One listed name as indexed, with the rarity of each of its words."""

    entity_id: str
    form: NameForm
    prop: str
    person: bool
    weights: tuple[float, ...] = ()


def joined_pairs(tokens: tuple[str, ...]) -> list[str]:
    return [a + b for a, b in pairwise(tokens)]


def spellings(vocabulary: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Each indexed word with the spellings that normalise to it ('technology' <- 'technologies'),
    so a typo in the long form still finds the word."""
    longer: dict[str, list[str]] = defaultdict(list)
    for spelled, word in CANONICAL.items():
        if " " not in word:
            longer[word].append(spelled)
    return {w: (w, *longer.get(w, ())) for w in vocabulary if len(w) >= MIN_FUZZY_LENGTH}


class NameIndex:
    """Names by word; built once per set of loaded snapshots and pickled with the catalog."""

    def __init__(self) -> None:
        self.names: list[IndexedName] = []
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.idf: dict[str, float] = {}
        self.near = DeletionIndex.build(())
        self.spellings: dict[str, tuple[str, ...]] = {}
        self.max_idf = 1.0
        self.common_df = 0
        self.by_entity: dict[str, list[int]] = {}
        self.totals: list[float] = []
        self.keys_of: list[frozenset[str]] = []
        self._similar: dict[str, tuple[tuple[str, float], ...]] = {}

    @classmethod
    def build(cls, entries: Iterable[tuple[str, str, str, bool]]) -> NameIndex:
        """Index (entity_id, name, prop, is_person) tuples."""
        index = cls()
        seen: set[tuple[str, str]] = set()
        for entity_id, name, prop, person in entries:
            for variant in variants(name, listed=True):
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
        self.idf = {key: math.log((total + 1) / (len(ids) + 0.5)) for key, ids in self.postings.items()}
        self.max_idf = math.log((total + 1) / 0.5)
        self.common_df = max(50, int(total * COMMON_SHARE))
        self.spellings = spellings(self.postings)
        self.near = DeletionIndex.build(
            (form, word)
            for word, forms in self.spellings.items()
            for form in forms
            if len(form) >= MIN_FUZZY_LENGTH
        )
        self.postings = dict(self.postings)
        self.names = [
            IndexedName(n.entity_id, n.form, n.prop, n.person, tuple(self.rarity(t) for t in n.form.tokens))
            for n in self.names
        ]
        self.totals = [sum(n.weights) for n in self.names]
        self.keys_of = [frozenset((*n.form.tokens, *joined_pairs(n.form.tokens))) for n in self.names]
        by_entity: dict[str, list[int]] = defaultdict(list)
        for name_id, entry in enumerate(self.names):
            by_entity[entry.entity_id].append(name_id)
        self.by_entity = dict(by_entity)

    def weight(self, token: str) -> float:
        """Inverse document frequency; a word no list uses is as rare as can be."""
        return self.idf.get(token, self.max_idf)

    def rarity(self, token: str) -> float:
        """How much a word tells: its inverse document frequency on the lists, scaled to [0, 1]
        so index sizes compare, times how unusual it is among company names in general."""
        return self.idf.get(token, self.max_idf) / self.max_idf * distinctiveness(token)

    def similar(self, token: str) -> tuple[tuple[str, float], ...]:
        """Vocabulary words one edit away on each side of `token` (cached)."""
        cached = self._similar.get(token)
        if cached is not None:
            return cached
        found: dict[str, float] = {}
        if len(token) >= MIN_FUZZY_LENGTH:
            words = self.near.near(token)
            words.discard(token)
            for word in words:
                similarity = max(
                    OSA.normalized_similarity(token, form) for form in self.spellings.get(word, (word,))
                )
                if similarity >= FUZZY_SIMILARITY:
                    found[word] = similarity
        result = tuple(sorted(found.items(), key=lambda p: -p[1])[:8])
        self._similar[token] = result
        return result

    def candidates(self, form: NameForm, limit: int = 100) -> list[tuple[int, float]]:
        """Name ids sharing rare enough words with `form`, with the share of the query's
        word weight they could explain, best first."""
        postings = self.postings
        keys = sorted(self.query_keys(form), key=lambda k: len(postings[k[0]]))
        opening = [k for k in keys if len(postings[k[0]]) <= OPENING_DF] or keys[:1]
        # Rare words open candidates; commoner words only add to those already open.
        scores: dict[int, float] = defaultdict(float)
        for key, weight in opening:
            for name_id in postings[key]:
                scores[name_id] += weight
        for key, weight in keys[len(opening) :]:
            if len(postings[key]) > self.common_df:
                continue
            for name_id in scores:
                if key in self.keys_of[name_id]:
                    scores[name_id] += weight
        total = sum(self.rarity(t) for t in form.tokens) or 1.0
        # Rank by an estimate of the weighted Dice: long names sharing a word wait behind short ones.
        totals = self.totals
        best = heapq.nlargest(limit, scores.items(), key=lambda p: p[1] / (total + totals[p[0]]))
        return [(name_id, min(1.0, score / total)) for name_id, score in best]

    def query_keys(self, form: NameForm) -> list[tuple[str, float]]:
        """Index keys a query can meet, each with the weight it would bring."""
        keys: dict[str, float] = {}
        for token in form.tokens:
            self._key(keys, token, token, 1.0)
            for word, similarity in self.similar(token):
                self._key(keys, word, token, similarity)
        for first, second in pairwise(form.tokens):
            joined = first + second
            weight = self.rarity(first) + self.rarity(second)
            for word, similarity in ((joined, 1.0), *self.similar(joined)):
                if word in self.postings:
                    keys[word] = max(keys.get(word, 0.0), weight * similarity)
        return list(keys.items())

    def _key(self, keys: dict[str, float], key: str, token: str, similarity: float) -> None:
        if key in self.postings:
            keys[key] = max(keys.get(key, 0.0), self.rarity(token) * similarity)

    def __getstate__(self) -> dict[str, object]:
        keep = (
            "names",
            "postings",
            "idf",
            "near",
            "spellings",
            "max_idf",
            "common_df",
            "by_entity",
            "totals",
            "keys_of",
        )
        return {k: getattr(self, k) for k in keep}

    def __setstate__(self, state: dict[str, object]) -> None:
        for key, value in state.items():
            setattr(self, key, value)
        self._similar = {}
