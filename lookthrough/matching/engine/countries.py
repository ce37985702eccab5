"""Countries as bits, so a query's country and a listed party's countries compare with one AND."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

WORDS = 5
"""64-bit words per set: room for every code FtM knows (281 today; more share the last bit)."""


@cache
def country_code(value: str) -> str | None:
    """An ISO-style code for a country name or code ('China', 'CN', 'Russian Federation'), or None."""
    from lookthrough.sources._values import country_code as clean

    return clean(value)


@cache
def known_codes() -> tuple[str, ...]:
    """Every country code FtM knows, in a fixed order (the bits of an index are this order)."""
    from followthemoney.types import registry

    return tuple(sorted(registry.country.names))


class Where(NamedTuple):
    """What a row says of where its party is: countries it states (a country column, a query's
    country), evidence for and against a name match; and countries only hinted (an ISIN's
    prefix: a depositary receipt's ISIN is of the depositary's country), evidence for only."""

    stated: tuple[str, ...] = ()
    hinted: tuple[str, ...] = ()


@dataclass(frozen=True)
class CountryBits:
    """The country codes of an index, each with its bit."""

    codes: tuple[str, ...]

    @cached_property
    def _bits(self) -> dict[str, int]:
        last = WORDS * 64 - 1
        return {code: min(position, last) for position, code in enumerate(self.codes)}

    def mask(self, values: Iterable[str]) -> NDArray[np.uint64]:
        """The set of countries named by `values` (names or codes; unknown ones are left out)."""
        found = np.zeros(WORDS, dtype=np.uint64)
        for value in values:
            code = country_code(value)
            bit = self._bits.get(code) if code else None
            if bit is not None:
                found[bit // 64] |= np.uint64(1) << np.uint64(bit % 64)
        return found

    def masks(self, rows: Sequence[Iterable[str]]) -> NDArray[np.uint64]:
        found = np.zeros((len(rows), WORDS), dtype=np.uint64)
        for position, values in enumerate(rows):
            if values:
                found[position] = self.mask(values)
        return found
