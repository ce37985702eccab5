"""Words by their deletion neighbourhood (SymSpell's idea), kept in one sorted integer array.

Two names' words within two edits share a string made by deleting up to two letters from
each. Millions of such strings in a dict would take over a gigabyte and many seconds to
unpickle; here each is a 32-bit checksum packed with the word's number into one 64-bit
integer, sorted, and found through a table of where each run of leading checksum bits
starts. A checksum collision only proposes a word the caller then measures and drops, so it
costs time, never a wrong answer.
"""

from __future__ import annotations

import zlib
from array import array
from collections.abc import Iterable

TWO_EDITS_LENGTH = 6
"""Words this long may differ by two edits (a typo and a transposition) and still be found."""
WORD_BITS = 24
"""Room for 16 million distinct words beside each checksum."""
MAX_BUCKET_BITS = 20
"""Leading checksum bits the start table is indexed by, at most: a few entries per bucket,
and for a small vocabulary (the built-in data alone) a table no bigger than it needs."""


def deletions(word: str) -> set[str]:
    """The word with one letter removed, in every position; with two removed as well for long words."""
    once = {word[:i] + word[i + 1 :] for i in range(len(word))}
    if len(word) < TWO_EDITS_LENGTH:
        return once
    return once | {d[:i] + d[i + 1 :] for d in once for i in range(len(d))}


def _checksum(key: str) -> int:
    return zlib.crc32(key.encode())


class DeletionIndex:
    """Vocabulary words reachable from a word's deletions."""

    def __init__(self, words: list[str], packed: array[int], starts: array[int] | None = None) -> None:
        self.words = words
        self.packed = packed
        self.starts = _starts(packed) if starts is None else starts
        self.shift = 33 - len(self.starts).bit_length()  # 32 - the table's bucket bits

    @classmethod
    def build(cls, spellings: Iterable[tuple[str, str]]) -> DeletionIndex:
        """Index (spelling, word) pairs: each spelling and its deletions lead to the word."""
        words: list[str] = []
        numbers: dict[str, int] = {}
        packed: set[int] = set()
        for spelling, word in spellings:
            number = numbers.setdefault(word, len(words))
            if number == len(words):
                words.append(word)
            packed.update((_checksum(key) << WORD_BITS) | number for key in (spelling, *deletions(spelling)))
        return cls(words, array("q", sorted(packed)))

    def near(self, word: str) -> set[str]:
        """Indexed words sharing a deletion with `word` (candidates within two edits, plus
        the odd checksum collision)."""
        found: set[str] = set()
        packed, starts, words = self.packed, self.starts, self.words
        mask, shift = (1 << WORD_BITS) - 1, self.shift
        for key in (word, *deletions(word)):
            checksum = _checksum(key)
            bucket = checksum >> shift
            for position in range(starts[bucket], starts[bucket + 1]):
                value = packed[position]
                if value >> WORD_BITS == checksum:
                    found.add(words[value & mask])
        return found

    def __len__(self) -> int:
        return len(self.packed)


def _starts(packed: array[int]) -> array[int]:
    """Position of the first entry of each bucket, and one past the last at the end."""
    bits = min(MAX_BUCKET_BITS, max(1, len(packed).bit_length()))
    starts = array("q", bytes(8 * ((1 << bits) + 1)))
    shift = WORD_BITS + 32 - bits
    for value in packed:
        starts[(value >> shift) + 1] += 1
    for bucket in range(1 << bits):
        starts[bucket + 1] += starts[bucket]
    return starts
