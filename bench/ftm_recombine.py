"""Recombine a real party into a new one: every word of its names replaced by a word of the same
role and script, the same word by the same word across its aliases, so aliases stay related
as the real ones are (a spelling variant stays a variant, a transliteration a transliteration).

New words are drawn by their real frequency, or, for a share of draws, coined from pieces of two
real words and reused by a Pitman-Yor process: the vocabulary keeps growing with the list as a
real one does (Heaps' law) instead of stopping at the few tens of thousands of words the shared
lists hold.
"""

from __future__ import annotations

import itertools
import random
import string
from collections import Counter

from normality import ascii_text
from rapidfuzz.distance import Levenshtein

from bench.ftm_pools import KEEP, NUMBER, ORG, PARTS, Pools, Template, roles, script

MIN_VARIANT = 4
"""Words shorter than this are never taken for spelling variants of one another."""


class Vocabulary:
    """Words of one role and script: real ones by frequency, coined ones by a Pitman-Yor process."""

    def __init__(self, counts: Counter[str], rng: random.Random, coin: float, discount: float,
                 strength: float) -> None:  # fmt: skip
        self.words = list(counts)
        self.weights = list(itertools.accumulate(counts.values()))
        self.rng = rng
        self.coin, self.discount, self.strength = coin, discount, strength
        self.known = set(self.words)
        self.drawn: list[str] = []
        self.coined = 0

    def real(self) -> str:
        return self.rng.choices(self.words, cum_weights=self.weights)[0]

    def draw(self) -> str:
        if self.rng.random() >= self.coin:
            return self.real()
        seats = len(self.drawn)
        if (
            not seats
            or self.rng.random() * (self.strength + seats) < self.strength + self.discount * self.coined
        ):
            word = self.new_word()
            self.coined += 1
        else:
            word = self.rng.choice(self.drawn)
        self.drawn.append(word)
        return word

    def new_word(self) -> str:
        """The head of one real word joined to the tail of another, never a real word."""
        for _ in range(20):
            head, tail = self.real(), self.real()
            if len(head) < 2 or len(tail) < 2:
                continue
            word = head[: self.rng.randint(1, len(head) - 1)] + tail[self.rng.randint(1, len(tail) - 1) :]
            if 3 <= len(word) <= 16 and word not in self.known:
                self.known.add(word)
                return word
        return self.real()


def typo(word: str, edits: int, rng: random.Random) -> str:
    """`word` after `edits` random letter edits (substitution, deletion, insertion, transposition)."""
    letters = string.ascii_lowercase if word.isascii() else word
    for _ in range(edits):
        if len(word) < 3:
            break
        i = rng.randrange(1, len(word) - 1)
        kind = rng.randrange(4)
        if kind == 0:
            word = word[:i] + rng.choice(letters) + word[i + 1 :]
        elif kind == 1:
            word = word[:i] + word[i + 1 :]
        elif kind == 2:
            word = word[:i] + rng.choice(letters) + word[i:]
        else:
            word = word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]
    return word


def cased(word: str, like: str) -> str:
    """`word` written in the case of `like` (UPPER, Title or lower)."""
    if like.isupper():
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def digits(word: str, rng: random.Random) -> str:
    return "".join(str(rng.randrange(10)) if c.isdigit() else c for c in word)


class Recombiner:
    """New names for a template, drawn from the pools."""

    def __init__(self, pools: Pools, rng: random.Random, coin: float = 0.18, discount: float = 0.8,
                 strength: float = 200.0) -> None:  # fmt: skip
        self.rng = rng
        self.vocabularies = {
            key: Vocabulary(counts, rng, coin, discount, strength) for key, counts in pools.words.items()
        }
        # A role with no word in a script (a family name in Hangul, say) draws from its Latin pool.
        latin = {role: words for (role, script), words in self.vocabularies.items() if script == "latin"}
        self.fallback = {role: latin[role] for role, _ in pools.words if role in latin}

    def vocabulary(self, role: str, writing: str) -> Vocabulary:
        found = self.vocabularies.get((role, writing))
        return found if found is not None else self.fallback[role if role in self.fallback else ORG]

    def names(self, template: Template) -> list[tuple[str, str]]:
        """The template's names with every word replaced, one replacement per distinct word."""
        split = []
        first_role: dict[str, str] = {}
        for prop, text in template.names:
            parts = PARTS.split(text)
            found = roles(template.schema, parts[1::2], text)
            for word, role in zip(parts[1::2], found, strict=True):
                first_role.setdefault(word.lower(), role)
            split.append((prop, parts, found))
        chosen = self._choose(first_role)
        names = []
        for prop, parts, found in split:
            for k, role in enumerate(found):
                word = parts[2 * k + 1]
                if role != KEEP and first_role[word.lower()] != KEEP:
                    parts[2 * k + 1] = cased(chosen[word.lower()], word)
            names.append((prop, "".join(parts)))
        return names

    def _choose(self, words: dict[str, str]) -> dict[str, str]:
        """A replacement for each distinct word: other scripts first, so a Latin word that
        transliterates one of them gets the transliteration of its replacement; a spelling variant
        of a word already replaced gets as many edits of that replacement."""
        chosen: dict[str, str] = {}
        for word in sorted(words, key=lambda w: (script(w) == "latin", w)):
            role = words[word]
            if role == NUMBER:
                chosen[word] = digits(word, self.rng)
            elif role != KEEP:
                chosen[word] = self._related(word, chosen) or self.vocabulary(role, script(word)).draw()
        return chosen

    def _related(self, word: str, chosen: dict[str, str]) -> str | None:
        if len(word) < MIN_VARIANT:
            return None
        writing = script(word)
        for other, replacement in chosen.items():
            if len(other) < MIN_VARIANT:
                continue
            if script(other) == writing:
                edits = Levenshtein.distance(word, other, score_cutoff=2)
                if edits <= 2 and edits * 3 <= len(word):
                    return typo(replacement, edits, self.rng)
            elif writing == "latin":
                spelled = ascii_text(other).lower()
                if Levenshtein.normalized_similarity(word, spelled) >= 0.75:
                    return ascii_text(replacement).lower() or None
        return None
