"""Name and identifier matching; algorithms are versioned and kept side by side."""

from __future__ import annotations

from types import ModuleType

from lookthrough.exc import InvalidInput
from lookthrough.matching import name_v1

ALGORITHMS: dict[str, ModuleType] = {name_v1.NAME: name_v1}


def get_algorithm(name: str) -> ModuleType:
    try:
        return ALGORITHMS[name]
    except KeyError:
        raise InvalidInput(f"unknown algorithm {name!r}; known: {', '.join(ALGORITHMS)}") from None


__all__ = ["ALGORITHMS", "get_algorithm"]
