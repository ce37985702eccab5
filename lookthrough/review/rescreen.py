"""Screen the last run's file again after a list update and say what moved."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lookthrough.exc import NotFound
from lookthrough.review.fingerprint import changes
from lookthrough.review.ledger import Ledger
from lookthrough.review.model import Case, Run
from lookthrough.review.runner import execute, plan_run
from lookthrough.workspace import Workspace


@dataclass
class Changed:
    """A hit both runs raised, whose listed entry changed in between."""

    before: Case
    after: Case
    changes: list[str]


@dataclass
class Comparison:
    """New, changed and removed hits of a run against the run before it."""

    previous: Run
    run: Run
    new: list[Case] = field(default_factory=list)
    changed: list[Changed] = field(default_factory=list)
    removed: list[Case] = field(default_factory=list)
    unchanged: int = 0

    def lines(self) -> list[str]:
        """One line per new, changed or removed hit, the changes indented below."""
        out = [f"new: row {c.row} {c.query!r} -> {c.name} ({c.score:.2f}, {c.rule})" for c in self.new]
        for item in self.changed:
            c = item.after
            out.append(f"changed: row {c.row} {c.query!r} -> {c.name} [{c.state.value}]")
            out += [f"    {line}" for line in item.changes]
        out += [f"removed: row {c.row} {c.query!r} -> {c.name}" for c in self.removed]
        return out

    def summary(self) -> dict[str, Any]:
        """The comparison as JSON values."""

        def brief(case: Case) -> dict[str, Any]:
            return {
                "hit_key": case.hit_key,
                "row": case.row,
                "query": case.query,
                "entity_id": case.entity_id,
                "name": case.name,
                "score": round(case.score, 4),
                "state": case.state.value,
            }

        return {
            "run": self.run.id,
            "previous": self.previous.id,
            "unchanged": self.unchanged,
            "new": [brief(c) for c in self.new],
            "removed": [brief(c) for c in self.removed],
            "changed": [{**brief(i.after), "changes": i.changes} for i in self.changed],
        }


def rescreen(workspace: Workspace, run_id: str | None = None, *, created_by: str) -> Comparison:
    """Screen the input of `run_id` (default: the last finished run) against the current lists."""
    ledger = Ledger(workspace.store)
    previous = ledger.run(run_id) if run_id else ledger.last_run()
    if previous is None:
        raise NotFound("no finished run to screen again; screen a file for review first")
    run = plan_run(
        workspace,
        previous.filename,
        ledger.input(previous.id),
        name_column=previous.name_column,
        id_columns=previous.id_columns,
        file_format=previous.input_format,
        threshold=previous.threshold,
        created_by=created_by,
        previous_run=previous.id,
    )
    return compare(ledger, previous, execute(workspace, run.id))


def compare(ledger: Ledger, previous: Run, run: Run) -> Comparison:
    before = {c.hit_key: c for c in ledger.cases(previous.id)}
    after = {c.hit_key: c for c in ledger.cases(run.id)}
    result = Comparison(previous, run)
    for key, case in after.items():
        old = before.get(key)
        if old is None:
            result.new.append(case)
        elif old.fingerprint != case.fingerprint:
            result.changed.append(Changed(old, case, changes(old.content, case.content)))
        else:
            result.unchanged += 1
    result.removed = [case for key, case in before.items() if key not in after]
    return result
