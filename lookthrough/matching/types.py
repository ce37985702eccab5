"""The contract every scoring algorithm keeps: a stable name, a threshold, and features as data.

A feature is a small function over a set of comparisons whose docstring is its published
explanation (shown by `explain`, the review page and the API's /algorithms), with the sign its
weight may take: evidence for a match only adds, evidence against only subtracts.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.resources import files
from typing import Any, ClassVar

import numpy as np
from numpy.typing import NDArray

from lookthrough.matching.engine.stats import Comparisons

FOR, AGAINST, CONTEXT = 1, -1, 0


@dataclass(frozen=True)
class FeatureDef:
    """One feature: its name, the sign its weight may take, and how it is measured."""

    name: str
    sign: int
    measure: Callable[[Comparisons], NDArray[Any]]

    @property
    def description(self) -> str:
        return (self.measure.__doc__ or "").strip()


def feature(sign: int) -> Callable[[Callable[[Comparisons], Any]], FeatureDef]:
    """Declare a feature function; its docstring is what explanations say of it."""

    def wrap(measure: Callable[[Comparisons], Any]) -> FeatureDef:
        if not (measure.__doc__ or "").strip():
            raise TypeError(f"feature {measure.__name__} needs a docstring: it is its published explanation")
        return FeatureDef(measure.__name__, sign, measure)

    return wrap


class ScoringAlgorithm:
    """A logistic model over named features, its weights fitted and kept in a JSON file."""

    NAME: ClassVar[str]
    FEATURES: ClassVar[Sequence[FeatureDef]]
    WEIGHTS_FILE: ClassVar[str] = "weights.json"
    PACKAGE: ClassVar[str]

    def __init__(self) -> None:
        model = json.loads((files(self.PACKAGE) / self.WEIGHTS_FILE).read_text(encoding="utf-8"))
        self.model: dict[str, Any] = model
        self.weights = np.array([float(model["weights"].get(f.name, 0.0)) for f in self.FEATURES])
        self.bias = float(model["bias"])
        self.threshold = float(model["threshold"])

    @property
    def THRESHOLD(self) -> float:
        return self.threshold

    def matrix(self, comparisons: Comparisons) -> NDArray[np.float64]:
        """Feature values, one row per comparison, one column per feature."""
        if not len(comparisons):
            return np.zeros((0, len(self.FEATURES)))
        return np.column_stack([np.asarray(f.measure(comparisons), dtype=np.float64) for f in self.FEATURES])

    def probability(self, matrix: NDArray[np.float64]) -> NDArray[np.float64]:
        """Probability that each comparison names the same party."""
        logit = self.bias + matrix @ self.weights
        result: NDArray[np.float64] = 1.0 / (1.0 + np.exp(-logit))
        return result

    def documentation(self) -> dict[str, str]:
        """Each feature's published explanation, by name."""
        return {f.name: f.description for f in self.FEATURES}

    def coefficients(self) -> dict[str, float]:
        """Each feature's weight in the model, by name."""
        return {f.name: float(w) for f, w in zip(self.FEATURES, self.weights, strict=True)}


def ratio(top: NDArray[Any], bottom: NDArray[Any]) -> NDArray[np.float64]:
    """top / bottom, 0 where bottom is 0."""
    out = np.zeros(len(top), dtype=np.float64)
    np.divide(top, bottom, out=out, where=bottom > 0)
    return out


def logistic(logit: float) -> float:
    return 1.0 / (1.0 + math.exp(-logit))
