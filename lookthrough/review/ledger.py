"""The review tables: runs, their hits and outputs, and the append-only decision log."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime

from lookthrough.exc import NotFound
from lookthrough.review.model import Assignment, Case, Decision, Run, Verdict
from lookthrough.review.records import (
    ASSIGNMENT_COLUMNS,
    DECISION_COLUMNS,
    HIT_COLUMNS,
    PROGRESS_COLUMNS,
    RUN_COLUMNS,
    case_record,
    decision_record,
    hit_values,
    run_record,
    run_values,
)
from lookthrough.review.state import derive
from lookthrough.store import Store

REPLACED = "SELECT previous_run FROM review_runs WHERE previous_run IS NOT NULL AND status = 'done'"


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _insert(table: str, columns: Iterable[str]) -> str:
    """An INSERT of named parameters, one per column."""
    names = list(columns)
    return f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join(':' + c for c in names)})"


class Ledger:
    """Reads and appends review records in a store; decisions are only ever added."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def create_run(self, run: Run, content: bytes) -> Run:
        values = run_values(run)
        with self.store.transaction() as tx:
            tx.execute(_insert("review_runs", RUN_COLUMNS), values)
            tx.execute("INSERT INTO review_inputs VALUES (:id, :content)", {"id": run.id, "content": content})
        return run

    def update_run(self, run: Run) -> None:
        """Record a run's status and progress (runs are working records, not the audit log)."""
        values = run_values(run)
        sets = ", ".join(f"{c} = :{c}" for c in PROGRESS_COLUMNS)
        with self.store.transaction() as tx:
            tx.execute(f"UPDATE review_runs SET {sets} WHERE id = :id", values)

    def run(self, run_id: str) -> Run:
        with self.store.transaction() as tx:
            row = tx.one(f"SELECT {', '.join(RUN_COLUMNS)} FROM review_runs WHERE id = :id", {"id": run_id})
        if row is None:
            raise NotFound(f"no run {run_id!r}")
        return run_record(row)

    def runs(self, limit: int = 100) -> list[Run]:
        sql = f"SELECT {', '.join(RUN_COLUMNS)} FROM review_runs ORDER BY created_at DESC, id LIMIT :limit"
        with self.store.transaction() as tx:
            return [run_record(row) for row in tx.query(sql, {"limit": limit})]

    def last_run(self) -> Run | None:
        """The newest run that finished."""
        sql = f"""SELECT {", ".join(RUN_COLUMNS)} FROM review_runs WHERE status = 'done'
                  ORDER BY created_at DESC, id DESC LIMIT 1"""
        with self.store.transaction() as tx:
            row = tx.one(sql)
        return run_record(row) if row else None

    def input(self, run_id: str) -> bytes:
        with self.store.transaction() as tx:
            row = tx.one("SELECT content FROM review_inputs WHERE run_id = :id", {"id": run_id})
        if row is None:
            raise NotFound(f"no input stored for run {run_id!r}")
        return bytes(row[0])

    def add_hits(self, cases: list[Case]) -> None:
        sql = _insert("review_hits", HIT_COLUMNS)
        with self.store.transaction() as tx:
            for case in cases:
                tx.execute(sql, hit_values(case))

    def save_output(self, run_id: str, format: str, content: bytes) -> None:
        with self.store.transaction() as tx:
            tx.execute(
                "INSERT INTO review_outputs VALUES (:run, :format, :content)",
                {"run": run_id, "format": format, "content": content},
            )

    def output(self, run_id: str, format: str) -> bytes:
        sql = "SELECT content FROM review_outputs WHERE run_id = :run AND format = :format"
        with self.store.transaction() as tx:
            row = tx.one(sql, {"run": run_id, "format": format})
        if row is None:
            raise NotFound(f"run {run_id!r} has no {format} output (yet)")
        return bytes(row[0])

    def cases(self, run_id: str | None = None) -> list[Case]:
        """The hits of one run, or of every run a re-screen has not replaced, with their state.

        A hit raised by several runs appears once, as the newest run raised it."""
        where = "WHERE run_id = :run" if run_id else f"WHERE r.id NOT IN ({REPLACED})"
        sql = f"""SELECT {", ".join("h." + c for c in HIT_COLUMNS)}, r.filename FROM review_hits h
                  JOIN review_runs r ON r.id = h.run_id {where}
                  ORDER BY r.created_at DESC, h.run_id, h.row_number, h.score DESC"""
        with self.store.transaction() as tx:
            rows = tx.query(sql, {"run": run_id} if run_id else None)
        seen: dict[str, Case] = {}
        for row in rows:
            seen.setdefault(row[1], case_record(row))
        found = sorted(seen.values(), key=lambda c: (c.row, -c.score))
        return self._with_state(found)

    def queue(self) -> list[Case]:
        """Hits waiting for a reviewer: open, escalated, awaiting approval, returned or reopened."""
        return [case for case in self.cases() if case.in_queue]

    def case(self, run_id: str, hit_key: str) -> Case:
        sql = f"""SELECT {", ".join("h." + c for c in HIT_COLUMNS)}, r.filename FROM review_hits h
                  JOIN review_runs r ON r.id = h.run_id WHERE h.run_id = :run AND h.hit_key = :key"""
        with self.store.transaction() as tx:
            row = tx.one(sql, {"run": run_id, "key": hit_key})
        if row is None:
            raise NotFound(f"no hit {hit_key!r} in run {run_id!r}")
        return self._with_state([case_record(row)])[0]

    def newest_case(self, hit_key: str) -> Case:
        """The case with this key as the newest run raised it."""
        sql = """SELECT h.run_id FROM review_hits h JOIN review_runs r ON r.id = h.run_id
                 WHERE h.hit_key = :key ORDER BY r.created_at DESC, h.run_id DESC LIMIT 1"""
        with self.store.transaction() as tx:
            row = tx.one(sql, {"key": hit_key})
        if row is None:
            raise NotFound(f"no case {hit_key!r}; `lookthrough cases` lists them")
        return self.case(row[0], hit_key)

    def decide(
        self,
        case: Case,
        verdict: Verdict,
        reviewer: str,
        reason: str,
        *,
        role: str | None = None,
        approves: str | None = None,
        needs_approval: bool = False,
    ) -> Decision:
        """Append a decision on `case`, recording the listed entry's content the reviewer saw.

        This only appends; who may decide what (four eyes) is `workflow.decide`'s to check."""
        decision = Decision(
            id=uuid.uuid4().hex,
            hit_key=case.hit_key,
            run_id=case.run_id,
            entity_id=case.entity_id,
            fingerprint=case.fingerprint,
            content=case.content,
            verdict=verdict,
            reviewer=reviewer,
            reason=reason,
            decided_at=now(),
            role=role,
            approves=approves,
            needs_approval=needs_approval,
        )
        values = {c: getattr(decision, c) for c in DECISION_COLUMNS}
        values["content"] = json.dumps(decision.content, ensure_ascii=False)
        values["verdict"] = decision.verdict.value
        sql = _insert("review_decisions", DECISION_COLUMNS)
        with self.store.transaction() as tx:
            tx.execute(sql, values)
        return decision

    def trail(self, case: Case | str) -> list[Decision]:
        """Every decision ever made on this case (on any of its entries' keys), oldest first."""
        keys = [case] if isinstance(case, str) else case.keys or [case.hit_key]
        return _in_order(d for trail in self.decisions(keys).values() for d in trail)

    def assign(self, case: Case, assignee: str, assigned_by: str) -> Assignment:
        """Append an assignment of `case` (an empty assignee releases it)."""
        made = Assignment(case.hit_key, assignee, assigned_by, now())
        values = {"id": uuid.uuid4().hex, **{c: getattr(made, c) for c in ASSIGNMENT_COLUMNS[1:]}}
        with self.store.transaction() as tx:
            tx.execute(_insert("review_assignments", ASSIGNMENT_COLUMNS), values)
        return made

    def assignments(self, keys: list[str]) -> dict[str, Assignment]:
        """The newest assignment of each key that has one."""
        if not keys:
            return {}
        marks = ", ".join(f":k{i}" for i in range(len(keys)))
        sql = f"""SELECT {", ".join(ASSIGNMENT_COLUMNS[1:])} FROM review_assignments
                  WHERE hit_key IN ({marks}) ORDER BY assigned_at, id"""
        with self.store.transaction() as tx:
            rows = tx.query(sql, {f"k{i}": key for i, key in enumerate(keys)})
        return {row[0]: Assignment(*row) for row in rows}

    def decisions(self, keys: list[str]) -> dict[str, list[Decision]]:
        if not keys:
            return {}
        marks = ", ".join(f":k{i}" for i in range(len(keys)))
        sql = f"""SELECT {", ".join(DECISION_COLUMNS)} FROM review_decisions
                  WHERE hit_key IN ({marks}) ORDER BY decided_at, id"""
        with self.store.transaction() as tx:
            rows = tx.query(sql, {f"k{i}": key for i, key in enumerate(keys)})
        found: dict[str, list[Decision]] = {}
        for row in rows:
            decision = decision_record(row)
            found.setdefault(decision.hit_key, []).append(decision)
        return found

    def _with_state(self, cases: list[Case]) -> list[Case]:
        keys = sorted({key for c in cases for key in c.keys})
        logs, assigned = self.decisions(keys), self.assignments(keys)
        for case in cases:
            derive(case, _in_order(d for key in case.keys for d in logs.get(key, [])))
            made = [assigned[key] for key in case.keys if key in assigned]
            newest = max(made, key=lambda a: a.assigned_at) if made else None
            case.assignee = (newest.assignee or None) if newest else None
        return cases


def _in_order(decisions: Iterable[Decision]) -> list[Decision]:
    return sorted(decisions, key=lambda d: (d.decided_at, d.id))
