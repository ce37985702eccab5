"""Many readings of many queries as one set of arrays, the form the kernel takes."""

from __future__ import annotations

import itertools
from array import array
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from lookthrough.matching.engine import _kernel
from lookthrough.matching.engine.forms import FormBits
from lookthrough.matching.engine.lexicon import Lexicon
from lookthrough.matching.engine.readings import ORGANISATIONS, Reading


@dataclass(frozen=True)
class QueryBatch:
    """Per reading: words (vocabulary numbers, weights), pairs of neighbouring words run
    together, spelling neighbours of each, and the name run together in order and by word."""

    tok_off: NDArray[np.int64]
    toks: NDArray[np.int32]
    weights: NDArray[np.float32]
    numeric: NDArray[np.uint8]
    text_off: NDArray[np.int64]
    text_blob: NDArray[np.uint8]
    """Each word's own letters (UTF-8), to measure it against listed words it was not paired with."""
    pair_off: NDArray[np.int64]
    pairs: NDArray[np.int32]
    nb_off: NDArray[np.int64]
    nb_words: NDArray[np.int32]
    nb_sims: NDArray[np.float32]
    pair_nb_off: NDArray[np.int64]
    pair_nb_words: NDArray[np.int32]
    pair_nb_sims: NDArray[np.float32]
    people: NDArray[np.int8]
    compact_off: NDArray[np.int64]
    compact_blob: NDArray[np.uint8]
    sorted_off: NDArray[np.int64]
    sorted_blob: NDArray[np.uint8]
    forms: NDArray[np.int64]
    compact_hash: NDArray[np.uint64]
    initials_hash: NDArray[np.uint64]
    readings: list[Reading]

    def __len__(self) -> int:
        return len(self.readings)


class BatchBuilder:
    """Collects readings, then turns them into a QueryBatch with a few array operations."""

    def __init__(self, lexicon: Lexicon, bits: FormBits) -> None:
        self.lexicon = lexicon
        self.bits = bits
        self.readings: list[Reading] = []

    def add(self, reading: Reading) -> int:
        """Add one reading; its position in the batch."""
        self.readings.append(reading)
        return len(self.readings) - 1

    def finish(self) -> QueryBatch:
        lexicon, readings = self.lexicon, self.readings
        tokens: list[str] = []
        symbols: list[str] = []
        people: list[bool] = []
        pairs: list[str] = []
        tok_counts = array("q")
        pair_left = array("q")
        for reading in readings:
            words = reading.form.tokens
            pair_left.extend(range(len(tokens), len(tokens) + len(words) - 1))
            tokens.extend(words)
            symbols.extend(_symbols(reading))
            people.extend([reading.people != ORGANISATIONS] * len(words))
            pairs.extend([a + b for a, b in itertools.pairwise(words)])
            tok_counts.append(len(words))
        counts = _np(tok_counts, np.int64)
        slots = lexicon.slots(tokens, symbols=symbols, people=people)
        pair_slots = self._pair_slots(pairs, lexicon.ids.view()[slots], _np(pair_left, np.int64))
        nb_off, nb_words, nb_sims = lexicon.neighbours(slots)
        pnb_off, pnb_words, pnb_sims = lexicon.neighbours(pair_slots)
        text_off, text_blob = _packed([t.encode() for t in tokens])
        compact = [r.form.compact.encode() for r in readings]
        by_word = ["".join(sorted(r.form.tokens)).encode() for r in readings]
        compact_off, compact_blob = _packed(compact)
        sorted_off, sorted_blob = _packed(by_word)
        return QueryBatch(
            tok_off=_offsets(counts),
            toks=lexicon.ids.view()[slots].astype(np.int32),
            weights=lexicon.weights.view()[slots].astype(np.float32),
            numeric=lexicon.numeric.view()[slots].astype(np.uint8),
            text_off=text_off,
            text_blob=text_blob,
            pair_off=_offsets(np.maximum(counts - 1, 0)),
            pairs=lexicon.ids.view()[pair_slots].astype(np.int32),
            nb_off=nb_off,
            nb_words=nb_words,
            nb_sims=nb_sims,
            pair_nb_off=pnb_off,
            pair_nb_words=pnb_words,
            pair_nb_sims=pnb_sims,
            people=np.fromiter((r.people for r in readings), dtype=np.int8, count=len(readings)),
            compact_off=compact_off,
            compact_blob=compact_blob,
            sorted_off=sorted_off,
            sorted_blob=sorted_blob,
            forms=np.fromiter(
                (self.bits.mask(r.form.forms) for r in readings), dtype=np.int64, count=len(readings)
            ),
            compact_hash=_kernel.hash_many(compact),
            initials_hash=_kernel.hash_many([r.form.initials.encode() for r in readings]),
            readings=readings,
        )

    def _pair_slots(
        self, pairs: list[str], token_ids: NDArray[np.int32], left: NDArray[np.int64]
    ) -> NDArray[np.int64]:
        """Slots of words run together from two neighbours. Only a pair with a word the index
        lacks is looked up by spelling: 'sense tme' may be a typo of 'sensetime'; 'china
        trading', of two known words, is no typo of anything."""
        if not pairs:
            return np.zeros(0, dtype=np.int64)
        unknown = (token_ids[left] < 0) | (token_ids[left + 1] < 0)
        slots = np.zeros(len(pairs), dtype=np.int64)
        for spelled in (True, False):
            chosen = np.nonzero(unknown == spelled)[0]
            if len(chosen):
                words = [pairs[i] for i in chosen.tolist()]
                slots[chosen] = self.lexicon.slots(words, spelled=spelled, edits=1)
        return slots


CONSONANT_SCRIPTS = ("arabic", "hebrew")
"""Scripts written without short vowels: only their words meet others by consonants alone."""


def _symbols(reading: Reading) -> list[str]:
    """The name symbols of a reading's words ('' each where it has none); consonant symbols
    only for a name written in Arabic or Hebrew script (Hamid and Ahmed share 'hmd')."""
    form = reading.form
    if len(form.symbols) != len(form.tokens):
        return [""] * len(form.tokens)
    if form.script in CONSONANT_SCRIPTS:
        return list(form.symbols)
    return [" ".join(s for s in marks.split() if not s.startswith("cons:")) for marks in form.symbols]


def _offsets(counts: NDArray[np.int64]) -> NDArray[np.int64]:
    offsets = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    return offsets


def _np(values: array[int] | array[float], dtype: type[np.generic]) -> NDArray[Any]:
    if not len(values):
        return np.zeros(0, dtype=dtype)
    return np.frombuffer(values, dtype=dtype).copy()


def _packed(items: list[bytes]) -> tuple[NDArray[np.int64], NDArray[np.uint8]]:
    offsets = np.zeros(len(items) + 1, dtype=np.int64)
    np.cumsum(np.fromiter(map(len, items), dtype=np.int64, count=len(items)), out=offsets[1:])
    blob = np.frombuffer(b"".join(items), dtype=np.uint8).copy() if items else np.zeros(0, np.uint8)
    return offsets, blob
