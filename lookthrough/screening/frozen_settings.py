"""What screening depends on besides the lists, fixed once: algorithm, threshold, the date rules
are judged on and the look-through policies with their parameters.

Read from arguments or the LOOKTHROUGH_* settings when a model is built, then kept in its
manifest: a process that opens the model reads none of its own settings.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date
from typing import Any

from lookthrough import settings
from lookthrough.exc import InvalidInput, InvalidModel
from lookthrough.graph.policy import Policy, chosen


@dataclass(frozen=True)
class FrozenSettings:
    """The screening settings a model was built with."""

    algorithm: str
    threshold: float
    as_of: str
    """The date (YYYY-MM-DD) relations and rules are judged on."""
    policies: str
    """Look-through rules in order of precedence, comma-separated (as LOOKTHROUGH_POLICIES)."""
    bis_affiliates: str
    max_depth: int
    related_hops: int
    related_min_percent: float

    @classmethod
    def resolve(
        cls,
        algorithm: str,
        default_threshold: float,
        *,
        threshold: float | None = None,
        as_of: str | date | None = None,
        policies: str | list[str] | None = None,
        bis_affiliates: str | None = None,
    ) -> FrozenSettings:
        """Each value as given, else from the LOOKTHROUGH_* settings, else its default (the
        algorithm's own threshold; today)."""
        current = settings.current()
        chosen_threshold = threshold if threshold is not None else current.threshold
        frozen = cls(
            algorithm=algorithm,
            threshold=_score(default_threshold if chosen_threshold is None else chosen_threshold),
            as_of=_date(as_of if as_of is not None else current.as_of or date.today()),
            policies=",".join(policies) if isinstance(policies, list) else (policies or current.policies),
            bis_affiliates=(bis_affiliates or current.bis_affiliates).strip().lower(),
            max_depth=current.max_depth,
            related_hops=current.related_hops,
            related_min_percent=float(current.related_min_percent),
        )
        if frozen.bis_affiliates not in ("auto", "on", "off"):
            raise InvalidInput(f"bis_affiliates is auto, on or off, not {frozen.bis_affiliates!r}")
        frozen.rules()  # an unknown policy name stops the build, not the first screening
        return frozen

    def rules(self) -> list[Policy]:
        """The look-through policies in force on `as_of`, with their parameters."""
        return chosen(
            self.policies,
            self.as_of,
            max_depth=self.max_depth,
            hops=self.related_hops,
            min_percent=self.related_min_percent,
            bis_affiliates=self.bis_affiliates,
        )

    def to_dict(self) -> dict[str, Any]:
        """The settings, and the rules they put in force with every parameter (for the record)."""
        applied = [
            {"name": p.name, "title": p.title, "threshold": p.threshold, "method": p.method.value,
             "max_depth": p.max_depth, "hops": p.hops, "min_percent": p.min_percent, "citation": p.citation}
            for p in self.rules()
        ]  # fmt: skip
        return {**asdict(self), "rules_in_force": applied}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FrozenSettings:
        try:
            values = {f.name: data[f.name] for f in fields(cls)}
            return cls(**values)
        except (KeyError, TypeError) as error:
            raise InvalidModel(f"the model's settings are incomplete ({error})") from None


def _score(value: float) -> float:
    try:
        return settings.unit_score(float(value))
    except ValueError as error:
        raise InvalidInput(str(error)) from None


def _date(value: str | date) -> str:
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise InvalidInput(f"as_of {value!r} is not an ISO date (YYYY-MM-DD)") from None
