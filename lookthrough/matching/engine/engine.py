"""Match a column of names at once: read each, look the batch up in the compiled index, score
every comparison with the algorithm's features, keep the best per listed party."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from numpy.typing import NDArray

from lookthrough.matching.engine.batch import BatchBuilder, QueryBatch
from lookthrough.matching.engine.countries import WORDS, CountryBits, Where
from lookthrough.matching.engine.data import IndexData
from lookthrough.matching.engine.forms import FormBits
from lookthrough.matching.engine.lexicon import Lexicon
from lookthrough.matching.engine.readings import readings
from lookthrough.matching.engine.stats import Comparisons
from lookthrough.matching.result import Feature, Match
from lookthrough.matching.types import ScoringAlgorithm

CANDIDATES = 10
"""Listed names scored per reading of a query: the best by the blocking estimate."""
OPENING_DF = 60
"""Words in at most this many names open candidates; commoner ones only raise those open."""
WORDS_REMEMBERED = 100_000
"""Listed names whose words are kept decoded for explanations."""


@dataclass(frozen=True)
class Scored:
    """Every comparison of a batch with its score, grouped into the best per query and party."""

    batch: QueryBatch
    reading: NDArray[np.int64]
    name: NDArray[np.int32]
    query: NDArray[np.int64]
    score: NDArray[np.float64]
    matrix: NDArray[np.float64]


class NameEngine:
    """Names matched in batches through the compiled index, scored by one algorithm."""

    def __init__(self, data: IndexData, algorithm: ScoringAlgorithm) -> None:
        self.data = data
        self.algorithm = algorithm
        self.kernel = data.kernel()
        self.lexicon = Lexicon(data)
        self.bits = FormBits(list(data.meta.get("form_codes", [])))
        self.country_bits = CountryBits(tuple(data.meta.get("country_codes", [])))
        self.common_df = int(data.meta.get("common_df", 50))
        self._words_of: dict[int, tuple[str, ...]] = {}

    @property
    def threshold(self) -> float:
        return self.algorithm.threshold

    def __getstate__(self) -> dict[str, object]:
        return {"data": self.data, "algorithm": self.algorithm.NAME}

    def __setstate__(self, state: dict[str, object]) -> None:
        from lookthrough.matching import get_algorithm

        self.__init__(state["data"], get_algorithm(str(state["algorithm"])))  # type: ignore[misc]

    def match_names(
        self,
        names: Sequence[str],
        limit: int = 5,
        describe_from: float = 0.0,
        min_score: float = 0.0,
        countries: Sequence[Where] | None = None,
    ) -> list[list[Match]]:
        """The best `limit` parties for each name scoring at least `min_score`, best first;
        features described for matches scoring at least `describe_from` (describing is wasted
        on what is not shown). `countries`, by name: what the row says of where the party is."""
        scored = self.score(names, countries)
        return self._matches(scored, len(names), limit, describe_from, min_score)

    def score(self, names: Sequence[str], countries: Sequence[Where] | None = None) -> Scored:
        builder = BatchBuilder(self.lexicon, self.bits)
        owners: list[int] = []
        for position, text in enumerate(names):
            for found in readings(text, self.lexicon):
                builder.add(found)
                owners.append(position)
        batch = builder.finish()
        candidates, stats = self.kernel.match(batch, CANDIDATES, OPENING_DF, self.common_df)
        row, column = np.nonzero(candidates >= 0)
        reading = row.astype(np.int64)
        name = candidates[row, column]
        query = np.asarray(owners, dtype=np.int64)[reading] if owners else np.zeros(0, np.int64)
        stated, hinted = (
            (
                self.country_bits.masks([w.stated for w in countries]),
                self.country_bits.masks([w.hinted for w in countries]),
            )
            if countries
            else (np.zeros((len(names), WORDS), np.uint64), np.zeros((len(names), WORDS), np.uint64))
        )
        comparisons = self.comparisons(batch, reading, name, stats[row, column], stated[query], hinted[query])
        matrix = self.algorithm.matrix(comparisons)
        score = self.algorithm.probability(matrix)
        return Scored(batch, reading, name, query, score, matrix)

    def comparisons(
        self,
        batch: QueryBatch,
        reading: NDArray[np.int64],
        name: NDArray[np.int32],
        stats: NDArray[np.float32],
        stated: NDArray[np.uint64],
        hinted: NDArray[np.uint64],
    ) -> Comparisons:
        data = self.data
        query_words = np.diff(batch.tok_off)[reading]
        query_length = np.diff(batch.compact_off)[reading]
        return Comparisons(
            stats=stats,
            query_words=query_words,
            query_length=query_length,
            query_forms=batch.forms[reading],
            query_compact=batch.compact_hash[reading],
            query_initials=batch.initials_hash[reading],
            listed_words=(data.name_tok_off[name + 1] - data.name_tok_off[name]).astype(np.int64),
            listed_length=(data.compact_off[name + 1] - data.compact_off[name]).astype(np.int64),
            listed_forms=np.asarray(data.name_forms[name]),
            listed_compact=np.asarray(data.name_compact_hash[name]),
            listed_initials=np.asarray(data.name_initials_hash[name]),
            person=np.asarray(data.name_person[name]).astype(bool),
            prop=np.asarray(data.name_prop[name]),
            variant=np.asarray(data.name_variant[name]),
            loose_forms=self.bits.loose(),
            query_countries=stated,
            query_hinted=hinted,
            listed_countries=np.asarray(data.entity_countries)[np.asarray(data.name_entity)[name]],
        )

    def _matches(
        self, scored: Scored, queries: int, limit: int, describe_from: float, min_score: float
    ) -> list[list[Match]]:
        found: list[list[Match]] = [[] for _ in range(queries)]
        rows, entities = self.best(scored, limit, min_score)
        described = [row for row in rows if scored.score[row] >= describe_from]
        alignments = self.alignments(scored, described)
        for row, entity in zip(rows, entities, strict=True):
            name = int(scored.name[row])
            alignment = alignments.get(row)
            features = self.describe(scored, row, alignment) if alignment is not None else []
            match = Match(self.data.entities[entity], float(scored.score[row]), self.data.text(name),
                          self.algorithm.NAME, features)  # fmt: skip
            found[int(scored.query[row])].append(match)
        return found

    def best(self, scored: Scored, limit: int, min_score: float) -> tuple[list[int], list[int]]:
        """Rows of the best comparison per (query, party), at most `limit` per query, best first
        (ties: lowest party number, then lowest name number), with their parties."""
        keep = np.nonzero(scored.score >= min_score)[0]
        if not len(keep):
            return [], []
        entity = np.asarray(self.data.name_entity[scored.name[keep]], dtype=np.int64)
        query, score = scored.query[keep], scored.score[keep]
        order = np.lexsort((scored.name[keep], -score, entity, query))
        first = np.ones(len(order), dtype=bool)
        first[1:] = (query[order][1:] != query[order][:-1]) | (entity[order][1:] != entity[order][:-1])
        best = order[first]
        best = best[np.lexsort((entity[best], -score[best], query[best]))]
        grouped = query[best]
        starts = np.ones(len(best), dtype=bool)
        starts[1:] = grouped[1:] != grouped[:-1]
        position = np.arange(len(best))
        rank = position - np.maximum.accumulate(np.where(starts, position, 0))
        chosen = best[rank < limit]
        return keep[chosen].tolist(), entity[chosen].tolist()

    def describe(self, scored: Scored, row: int, alignment: str | None = None) -> list[Feature]:
        """Each feature that played a part in one comparison, with its weight and a plain reading."""
        names, weights, docs = self._published
        described = []
        for position, value in enumerate(scored.matrix[row].tolist()):
            weight = weights[position]
            if value and weight:
                detail = docs[position]
                if position == 0:  # the first feature shown says which words met
                    text = alignment if alignment is not None else self.alignments(scored, [row])[row]
                    detail = f"{detail} ({text})"
                described.append(Feature(names[position], value, weight, detail))
        return described

    @cached_property
    def _published(self) -> tuple[list[str], list[float], list[str]]:
        features = self.algorithm.FEATURES
        return [f.name for f in features], self.algorithm.weights.tolist(), [f.description for f in features]

    def alignments(self, scored: Scored, rows: list[int]) -> dict[int, str]:
        """Which words met which in each of these comparisons, and which were left, worked out
        in one pass of the kernel: 'met: digital, hikvsion~hikvision (0.89); query only: x'."""
        if not rows:
            return {}
        chosen = np.asarray(rows, dtype=np.int64)
        pairs = self.kernel.align_many(scored.batch, scored.reading[chosen], scored.name[chosen])
        return {
            row: self._alignment(scored, row, pairs[k, : int(pairs[k, -1, 0])].tolist())
            for k, row in enumerate(rows)
        }

    def _alignment(self, scored: Scored, row: int, pairs: list[list[float]]) -> str:
        query_words = scored.batch.readings[int(scored.reading[row])].form.tokens
        listed_words = self._listed_words(int(scored.name[row]))
        met: list[str] = []
        used_query, used_listed = [False] * len(query_words), [False] * len(listed_words)
        for first, second, how, similarity in pairs:
            i, j, kind = int(first), int(second), int(how)
            left, right = query_words[i], listed_words[j]
            used_query[i] = used_listed[j] = True
            if kind == 1:
                left = f"{left} {query_words[i + 1]}"
                used_query[i + 1] = True
            elif kind == 2:
                right = f"{right} {listed_words[j + 1]}"
                used_listed[j + 1] = True
            met.append(
                left
                if kind == 0
                else f"{left}~{right} ({similarity:.2f})"
                if kind == 3
                else f"{left}={right}"
            )
        text = f"met: {', '.join(met) or 'none'}"
        if not all(used_query):
            text += "; query only: " + " ".join(
                w for w, used in zip(query_words, used_query, strict=True) if not used
            )
        if not all(used_listed):
            text += "; listed name only: " + " ".join(
                w for w, used in zip(listed_words, used_listed, strict=True) if not used
            )
        return text

    def _listed_words(self, name: int) -> tuple[str, ...]:
        known = self._words_of.get(name)
        if known is None:
            if len(self._words_of) > WORDS_REMEMBERED:
                self._words_of.clear()
            known = self._words_of[name] = tuple(self.data.tokens(name))
        return known
