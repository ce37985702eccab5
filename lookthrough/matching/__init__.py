"""Name and identifier matching; algorithms are versioned and kept side by side."""

from __future__ import annotations

from functools import cache
from typing import Any

from lookthrough.exc import InvalidInput

DEFAULT = "name_v2"
ALGORITHMS = ("name_v1", "name_v2")
"""name_v1: the first model, on its pure-Python index; name_v2: the compiled engine."""


@cache
def get_algorithm(name: str) -> Any:
    """The algorithm called `name`: NAME, THRESHOLD and its features (see matching.types)."""
    if name == "name_v1":
        from lookthrough.matching import name_v1

        return name_v1
    if name == "name_v2":
        from lookthrough.matching.name_v2 import NameV2

        return NameV2()
    raise InvalidInput(f"unknown algorithm {name!r}; known: {', '.join(ALGORITHMS)}")


__all__ = ["ALGORITHMS", "DEFAULT", "get_algorithm"]
