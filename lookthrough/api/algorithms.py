"""The algorithms `/match` accepts: lookthrough's own, and yente's names.

`best`, `default` and `name_v1` score with lookthrough's name_v1 (with look-through). yente's
names (logic-v2, logic-v1, name-based, name-qualified, regression-v1, ofac) are scored by
nomenklatura's own implementation when the `yente` extra is installed: lookthrough finds the
candidates and their look-through paths, nomenklatura scores each one as yente would. Without
nomenklatura, those names are answered by name_v1 and the `x-algorithm` header says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from lookthrough.exc import InvalidInput
from lookthrough.matching import ALGORITHMS

OWN = "name_v1"
BEST = "best"
OWN_NAMES = (BEST, "default", *ALGORITHMS)
YENTE_NAMES = ("logic-v2", "logic-v1", "name-based", "name-qualified", "regression-v1", "ofac")


@dataclass(frozen=True)
class Choice:
    """An algorithm named in a request: which one scores, and nomenklatura's class if any."""

    asked: str
    used: str
    scorer: Any | None = None

    @property
    def nomenklatura(self) -> bool:
        return self.scorer is not None


@cache
def _nomenklatura() -> dict[str, Any]:
    try:
        from nomenklatura.matching import ALGORITHMS as NK_ALGORITHMS
    except ImportError:
        return {}
    return {a.NAME: a for a in NK_ALGORITHMS if a.NAME in YENTE_NAMES}


def choose(name: str) -> Choice:
    """The algorithm for a request's `algorithm` parameter; 400 for a name nobody knows."""
    clean = name.strip().lower()
    if clean in OWN_NAMES:
        return Choice(name, OWN)
    if clean not in YENTE_NAMES:
        known = ", ".join((*OWN_NAMES, *YENTE_NAMES))
        raise InvalidInput(f"Invalid algorithm: {name} (use one of: {known})")
    scorer = _nomenklatura().get(clean)
    return Choice(name, clean if scorer else OWN, scorer)


def check_config(choice: Choice, config: dict[str, Any]) -> None:
    """Refuse configuration keys the chosen algorithm does not have (yente does the same)."""
    known: dict[str, Any] = choice.scorer.CONFIG if choice.scorer else {}
    for key in config:
        if key not in known:
            raise InvalidInput(f"Invalid configuration parameter: {key} for algorithm {choice.used}")


def listed() -> list[tuple[str, Any | None]]:
    """(name, nomenklatura class or None) of every algorithm a request may name."""
    found = _nomenklatura()
    return [(OWN, None), *((name, found[name]) for name in YENTE_NAMES if name in found)]
