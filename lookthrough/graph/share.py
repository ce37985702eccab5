"""Shares as intervals: a stated stake is exact, a stake of unknown size lies anywhere in 0–100%."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

PLACES = 9
"""Sums are rounded to this many decimals so that 33.3 + 16.7 meets a 50% threshold."""


@dataclass(frozen=True, slots=True)
class Share:
    """A percentage known to lie between `low` and `high` (equal when it is known exactly)."""

    low: float
    high: float

    @classmethod
    def of(cls, percent: float | None) -> Share:
        """The share a relation states; None (not stated) stays unknown, never 0."""
        return UNKNOWN if percent is None else cls(percent, percent)

    @property
    def exact(self) -> float | None:
        """The value when it is known exactly, else None."""
        return self.low if self.low == self.high else None

    @property
    def empty(self) -> bool:
        return self.high == 0

    def of_share(self, weight: Share) -> Share:
        """This stake counted at `weight` percent (a chain multiplies its stakes)."""
        return Share(self.low * weight.low / 100, self.high * weight.high / 100)

    def __str__(self) -> str:
        if self.exact is not None:
            return f"{self.exact:g}%"
        return f"{self.low:g}–{self.high:g}%"


UNKNOWN = Share(0.0, 100.0)
NONE = Share(0.0, 0.0)
FULL = Share(100.0, 100.0)


def total(shares: Iterable[Share]) -> Share:
    """The sum of several stakes, capped at 100%; the order they come in never matters."""
    items = list(shares)
    # fsum is exactly rounded, so the result does not depend on the order of the stakes.
    low = round(math.fsum(s.low for s in items), PLACES)
    high = round(math.fsum(s.high for s in items), PLACES)
    return Share(min(low, 100.0), min(high, 100.0))
