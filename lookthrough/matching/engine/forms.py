"""Legal forms as bits, so two names' forms compare with one AND."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

LOOSE = frozenset({"co", "corp", "llc"})
"""Forms loose enough to sit beside anything ('co', 'corp', 'llc')."""
BITS = 62
"""Listed forms take bits 0-61 (past that, they share bit 61); bit 62 is any form no listed
name has, so it never agrees with a listed name's."""


@dataclass(frozen=True)
class FormBits:
    """The legal-form codes of an index, each with its bit."""

    codes: list[str]

    @classmethod
    def of(cls, codes: Iterable[str]) -> FormBits:
        return cls(sorted(set(codes)))

    def mask(self, forms: Iterable[str]) -> int:
        found = 0
        for code in forms:
            found |= 1 << self._bit(code)
        return found

    def loose(self) -> int:
        return self.mask(c for c in LOOSE if c in self.codes)

    @cached_property
    def _bits(self) -> dict[str, int]:
        return {code: min(position, BITS - 1) for position, code in enumerate(self.codes)}

    def _bit(self, code: str) -> int:
        return self._bits.get(code, BITS)
