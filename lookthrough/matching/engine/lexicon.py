"""What the index knows of a query's words: number, rarity and spelling neighbours, each
worked out once per process and kept in arrays (a file's names share most of their words), so a
batch's words are looked up with a few numpy gathers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from lookthrough.matching.background import distinctiveness
from lookthrough.matching.engine import _kernel
from lookthrough.matching.engine.build import MIN_FUZZY_LENGTH, TWO_EDITS_LENGTH
from lookthrough.matching.engine.data import IndexData
from lookthrough.matching.engine.strings import StringTable
from lookthrough.names.legal_forms import FORM_TOKENS
from lookthrough.names.vocabulary import CANONICAL

FUZZY_FLOOR = 0.6
"""Spelling variants below this similarity do not pair (a two-letter typo in a six-letter word
is 67% alike)."""
NEIGHBOURS = 10
"""Spelling neighbours kept per word, most similar first."""
REMEMBERED = 300_000
"""Words remembered before the memory starts afresh: keeps a long run's memory flat."""
MAX_WORD = 64
SYMBOL_SIMILARITY = {"num:": 1.0, "name:": 1.0, "sym:": 1.0, "nick:": 0.85, "cons:": 0.8}
"""How alike two words sharing a name symbol count (names/symbols.py): a number however written,
one name in two spellings or scripts, one particle (bin, ibn) are the same word (1.0 counts as
met exactly); a short form and its name, and a consonant skeleton (Arabic, Hebrew) less."""
SYMBOL_NEIGHBOURS = 12
"""Listed words kept per symbol, commonest first (a common name has dozens of spellings)."""


class _Grow:
    """A numpy array that doubles when full."""

    def __init__(self, dtype: type[np.generic]) -> None:
        self.values: NDArray[Any] = np.zeros(1024, dtype=dtype)
        self.size = 0

    def extend(self, items: NDArray[Any] | Sequence[float]) -> None:
        count = len(items)
        while self.size + count > len(self.values):
            self.values = np.concatenate([self.values, np.zeros_like(self.values)])
        self.values[self.size : self.size + count] = items
        self.size += count

    def view(self) -> NDArray[Any]:
        return self.values[: self.size]


class Lexicon:
    """Query words looked up in one index: each distinct word gets a slot, whose vocabulary
    number, weight, digits flag and spelling neighbours sit in arrays."""

    def __init__(self, data: IndexData) -> None:
        self.data = data
        self.speller = _kernel.Speller(
            data.spell_table, data.spell_starts, data.spell_off, data.spell_blob, data.spell_word
        )
        self._numbers: dict[str, int] = {}
        self._extras = StringTable.build(_split_words(data))
        self._reset()

    def _reset(self) -> None:
        self._slots: dict[tuple[str, bool, int, str, bool], int] = {}
        self.ids = _Grow(np.int32)
        self.weights = _Grow(np.float32)
        self.numeric = _Grow(np.uint8)
        self.nb_start = _Grow(np.int64)
        self.nb_count = _Grow(np.int64)
        self.nb_words = _Grow(np.int32)
        self.nb_sims = _Grow(np.float32)

    def slots(
        self,
        words: list[str],
        *,
        spelled: bool = True,
        edits: int = 2,
        symbols: Sequence[str] | None = None,
        people: Sequence[bool] | None = None,
    ) -> NDArray[np.int64]:
        """The slot of each word (looked up the first time it is seen), with its spelling
        neighbours (within `edits` deletions each side) unless `spelled` is False and the index
        has the word, and the listed words that share one of its name `symbols` (aligned with
        `words`; '' for none); a word of a person's name (`people`) also has the symbols the
        index's listed people give it. Slots are kept per look-up, so a word's neighbours never
        depend on which names the process met before (a token here may be a run-together pair
        there)."""
        if len(self._slots) + len(words) > REMEMBERED:
            self._reset()
        marks = symbols if symbols is not None else [""] * len(words)
        persons = people if people is not None else [False] * len(words)
        keys = [(w, spelled, edits, m, p) for w, m, p in zip(words, marks, persons, strict=True)]
        known = self._slots
        missing = [k for k in dict.fromkeys(keys) if k not in known]
        if missing:
            self._add(missing)
        return np.fromiter((known[k] for k in keys), dtype=np.int64, count=len(keys))

    def number(self, text: str) -> int:
        """The word's number in the vocabulary, or -1."""
        known = self._numbers.get(text)
        if known is None:
            if len(self._numbers) >= REMEMBERED:
                self._numbers.clear()
            known = self._numbers[text] = self.data.words.position(text)
        return known

    def knows(self, text: str) -> bool:
        return self.number(text) >= 0

    def split(self, token: str) -> tuple[str, str] | None:
        """The token cut into two words the index knows (or abbreviations and legal forms),
        each at least three letters: 'bankmelli' -> ('bank', 'melli'); None if none fits."""
        cut = _kernel.first_split(token.encode(), self.data.words.lookups(), self._extras.lookups(), 3)
        if cut < 0 or _short_form(token[cut:]):
            return None  # 'reysas' is no 'rey' + 'sas', though the index has 'sas'
        return token[:cut], token[cut:]

    def _add(self, keys: list[tuple[str, bool, int, str, bool]]) -> None:
        data = self.data
        words = [k[0] for k in keys]
        numbers = data.words.find(words)
        known = numbers >= 0
        weights = np.zeros(len(words), dtype=np.float32)
        weights[known] = np.asarray(data.word_weight)[numbers[known]]
        for position in np.nonzero(~known)[0].tolist():
            weights[position] = distinctiveness(words[position])
        near = self.speller.near
        starts: list[int] = []
        counts: list[int] = []
        found_words: list[int] = []
        found_sims: list[float] = []
        position = self.nb_words.size
        for key, number in zip(keys, numbers.tolist(), strict=True):
            word, spelled, edits, symbols, person = key
            if person and number >= 0:  # what listed people's names say of this word
                listed = [s for s in data.symbols_of_word(number) if not s.startswith("cons:")]
                symbols = " ".join(dict.fromkeys([*symbols.split(), *listed]))
            self._slots[key] = len(self._slots)
            self._numbers.setdefault(word, number)
            two_edits = TWO_EDITS_LENGTH if edits >= 2 else MAX_WORD + 1
            found: Sequence[int]
            similarity: Sequence[float]
            found, similarity = (
                near(word.encode(), two_edits, FUZZY_FLOOR, NEIGHBOURS, number)
                if len(word) >= MIN_FUZZY_LENGTH and (spelled or number < 0)
                else ((), ())
            )
            if symbols:
                found, similarity = self._with_symbols(found, similarity, symbols, number)
            starts.append(position)
            counts.append(len(found))
            position += len(found)
            found_words.extend(found)
            found_sims.extend(similarity)
        self.nb_start.extend(starts)
        self.nb_count.extend(counts)
        self.nb_words.extend(found_words)
        self.nb_sims.extend(found_sims)
        self.ids.extend(numbers)
        self.weights.extend(weights)
        self.numeric.extend(np.fromiter((w.isdigit() for w in words), dtype=np.uint8, count=len(words)))

    def _with_symbols(
        self, found: Sequence[int], similarity: Sequence[float], symbols: str, number: int
    ) -> tuple[list[int], list[float]]:
        """Spelling neighbours and the listed words sharing a name symbol, each once at its
        highest similarity, most similar first (ties: lower word number)."""
        best = dict(zip(found, similarity, strict=True))
        for symbol in symbols.split():
            alike = next((v for k, v in SYMBOL_SIMILARITY.items() if symbol.startswith(k)), 0.0)
            for word in self.data.words_of_symbol(symbol)[:SYMBOL_NEIGHBOURS].tolist():
                if word != number and best.get(word, 0.0) < alike:
                    best[word] = alike
        ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))
        return [w for w, _ in ranked], [s for _, s in ranked]

    def neighbours(
        self, slots: NDArray[np.int64]
    ) -> tuple[NDArray[np.int64], NDArray[np.int32], NDArray[np.float32]]:
        """The spelling neighbours of words in these slots, as CSR arrays (offsets, words, sims)."""
        counts = self.nb_count.view()[slots]
        offsets = np.zeros(len(slots) + 1, dtype=np.int64)
        np.cumsum(counts, out=offsets[1:])
        starts = self.nb_start.view()[slots]
        positions = np.repeat(starts - offsets[:-1], counts) + np.arange(offsets[-1], dtype=np.int64)
        return offsets, self.nb_words.view()[positions], self.nb_sims.view()[positions]


SPLIT_FORMS = frozenset({"inc", "ltd", "llc", "plc", "jsc"})
"""Three-letter legal forms a run-together token may end in; other three-letter forms end too
many words ('Reysas' is no 'Rey SAS', 'Tikva' no 'Tik VA')."""


def _short_form(word: str) -> bool:
    """A legal form too short to end a run-together word (see SPLIT_FORMS)."""
    return word in FORM_TOKENS and len(word) < 4 and word not in SPLIT_FORMS


def _split_words(data: IndexData) -> list[str]:
    """Words a run-together token may be cut into besides the index's own: abbreviations of
    words it has ('tech' for 'technology') and legal forms of four letters or more, or common
    English ones ('acmeltd')."""
    found = [spelled for spelled, word in CANONICAL.items() if data.words.position(word) >= 0]
    forms = [f for f in FORM_TOKENS if not _short_form(f)]
    return sorted({*found, *forms})
