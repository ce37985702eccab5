"""The algorithms `/match` accepts: lookthrough's own, and yente's names.

`best` and `default` score with the algorithm the server's index is built for
(`LOOKTHROUGH_ALGORITHM`, name_v2 unless set), with look-through; that algorithm's own name works
too, another of lookthrough's is refused (the server holds one index). yente's names (logic-v2,
logic-v1, name-based, name-qualified, regression-v1, ofac) are scored by nomenklatura's own
implementation when the `yente` extra is installed: lookthrough finds the candidates and their
look-through paths, nomenklatura scores each one as yente would. Without nomenklatura, those
names are answered by lookthrough's own and the `x-algorithm` header says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from lookthrough import settings
from lookthrough.exc import InvalidInput
from lookthrough.matching import ALGORITHMS

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


def own() -> str:
    """lookthrough's algorithm the server's index is built for."""
    return str(settings.get("ALGORITHM"))


def choose(name: str) -> Choice:
    """The algorithm for a request's `algorithm` parameter; 400 for a name nobody knows, or for
    one of lookthrough's the server's index is not built for."""
    clean = name.strip().lower()
    if clean in ALGORITHMS and clean != own():
        raise InvalidInput(
            f"Invalid algorithm: {name} (this server scores with {own()}; set LOOKTHROUGH_ALGORITHM "
            f"to serve {clean})"
        )
    if clean in OWN_NAMES:
        return Choice(name, own())
    if clean not in YENTE_NAMES:
        known = ", ".join((BEST, "default", own(), *YENTE_NAMES))
        raise InvalidInput(f"Invalid algorithm: {name} (use one of: {known})")
    scorer = _nomenklatura().get(clean)
    return Choice(name, clean if scorer else own(), scorer)


def check_config(choice: Choice, config: dict[str, Any]) -> None:
    """Refuse configuration keys the chosen algorithm does not have (yente does the same)."""
    known: dict[str, Any] = choice.scorer.CONFIG if choice.scorer else {}
    for key in config:
        if key not in known:
            raise InvalidInput(f"Invalid configuration parameter: {key} for algorithm {choice.used}")


def listed() -> list[tuple[str, Any | None]]:
    """(name, nomenklatura class or None) of every algorithm a request may name."""
    found = _nomenklatura()
    return [(own(), None), *((name, found[name]) for name in YENTE_NAMES if name in found)]
