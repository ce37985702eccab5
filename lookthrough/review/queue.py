"""The queue as a reviewer filters it: by run, list, rule, score, state and assignee."""

from __future__ import annotations

from dataclasses import dataclass

from lookthrough.review.ledger import Ledger
from lookthrough.review.model import Case, State

EVERY_STATE = "all"


@dataclass(slots=True)
class Filter:
    """What to show; with no state, the queue (every case still waiting for someone)."""

    run: str | None = None
    list: str | None = None
    rule: str | None = None
    min_score: float | None = None
    state: str | None = None
    assignee: str | None = None

    def matches(self, case: Case) -> bool:
        if self.state is None and not case.in_queue:
            return False
        if self.state not in (None, EVERY_STATE) and case.state.value != self.state:
            return False
        if self.list and self.list not in case.lists:
            return False
        if self.rule and not any(hit["rule"] == self.rule for hit in case.hits):
            return False
        if self.min_score is not None and case.score < self.min_score:
            return False
        return not self.assignee or case.assignee == self.assignee


@dataclass(slots=True)
class Facets:
    """The values each filter can take, from the cases at hand."""

    runs: list[tuple[str, str]]
    lists: list[str]
    rules: list[str]
    states: list[str]


def select(ledger: Ledger, chosen: Filter) -> tuple[list[Case], Facets]:
    """The cases the filter lets through, and the facets of all cases it looked at."""
    cases = ledger.cases(chosen.run)
    facets = Facets(
        runs=sorted({(c.run_id, c.filename) for c in cases}, reverse=True),
        lists=sorted({name for c in cases for name in c.lists}),
        rules=sorted({hit["rule"] for c in cases for hit in c.hits}),
        states=[EVERY_STATE, *(s.value for s in State)],
    )
    return [case for case in cases if chosen.matches(case)], facets
