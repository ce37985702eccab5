"""The review tables: runs, their hits and outputs, and the append-only decision log."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from lookthrough.exc import NotFound
from lookthrough.review.fingerprint import changes
from lookthrough.review.model import Case, Decision, Run, RunStatus, State, Verdict
from lookthrough.store import Store
from lookthrough.store.sql import Row

RUN_COLUMNS = (
    "id",
    "filename",
    "name_column",
    "id_columns",
    "input_format",
    "threshold",
    "created_at",
    "created_by",
    "previous_run",
    "snapshots",
    "status",
    "rows_total",
    "rows_done",
    "tally",
    "error",
    "finished_at",
)
HIT_COLUMNS = (
    "run_id",
    "hit_key",
    "row_number",
    "line",
    "query",
    "entity_id",
    "name",
    "score",
    "rule",
    "fingerprint",
    "content",
    "hit",
)
DECISION_COLUMNS = (
    "id",
    "hit_key",
    "run_id",
    "entity_id",
    "fingerprint",
    "content",
    "verdict",
    "reviewer",
    "reason",
    "decided_at",
)
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
        values = _run_values(run)
        with self.store.transaction() as tx:
            tx.execute(_insert("review_runs", RUN_COLUMNS), values)
            tx.execute("INSERT INTO review_inputs VALUES (:id, :content)", {"id": run.id, "content": content})
        return run

    def update_run(self, run: Run) -> None:
        """Record a run's status and progress (runs are working records, not the audit log)."""
        values = _run_values(run)
        sets = ", ".join(f"{c} = :{c}" for c in RUN_COLUMNS[10:])
        with self.store.transaction() as tx:
            tx.execute(f"UPDATE review_runs SET {sets} WHERE id = :id", values)

    def run(self, run_id: str) -> Run:
        with self.store.transaction() as tx:
            row = tx.one(f"SELECT {', '.join(RUN_COLUMNS)} FROM review_runs WHERE id = :id", {"id": run_id})
        if row is None:
            raise NotFound(f"no run {run_id!r}")
        return _run(row)

    def runs(self, limit: int = 100) -> list[Run]:
        sql = f"SELECT {', '.join(RUN_COLUMNS)} FROM review_runs ORDER BY created_at DESC, id LIMIT :limit"
        with self.store.transaction() as tx:
            return [_run(row) for row in tx.query(sql, {"limit": limit})]

    def last_run(self) -> Run | None:
        """The newest run that finished."""
        sql = f"""SELECT {", ".join(RUN_COLUMNS)} FROM review_runs WHERE status = 'done'
                  ORDER BY created_at DESC, id DESC LIMIT 1"""
        with self.store.transaction() as tx:
            row = tx.one(sql)
        return _run(row) if row else None

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
                tx.execute(sql, _hit_values(case))

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
        sql = f"""SELECT {", ".join("h." + c for c in HIT_COLUMNS)} FROM review_hits h
                  JOIN review_runs r ON r.id = h.run_id {where}
                  ORDER BY r.created_at DESC, h.run_id, h.row_number, h.score DESC"""
        with self.store.transaction() as tx:
            rows = tx.query(sql, {"run": run_id} if run_id else None)
        seen: dict[str, Case] = {}
        for row in rows:
            seen.setdefault(row[1], _case(row))
        found = sorted(seen.values(), key=lambda c: (c.row, -c.score))
        return self._with_state(found)

    def queue(self) -> list[Case]:
        """Hits waiting for a reviewer: open, escalated or reopened."""
        return [case for case in self.cases() if case.in_queue]

    def case(self, run_id: str, hit_key: str) -> Case:
        sql = f"SELECT {', '.join(HIT_COLUMNS)} FROM review_hits WHERE run_id = :run AND hit_key = :key"
        with self.store.transaction() as tx:
            row = tx.one(sql, {"run": run_id, "key": hit_key})
        if row is None:
            raise NotFound(f"no hit {hit_key!r} in run {run_id!r}")
        return self._with_state([_case(row)])[0]

    def decide(self, case: Case, verdict: Verdict, reviewer: str, reason: str) -> Decision:
        """Append a decision on `case`, recording the listed entry's content the reviewer saw."""
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
        )
        values = {c: getattr(decision, c) for c in DECISION_COLUMNS}
        values["content"] = json.dumps(decision.content, ensure_ascii=False)
        values["verdict"] = decision.verdict.value
        sql = _insert("review_decisions", DECISION_COLUMNS)
        with self.store.transaction() as tx:
            tx.execute(sql, values)
        return decision

    def trail(self, hit_key: str) -> list[Decision]:
        """Every decision ever made on this hit, oldest first."""
        return self.decisions([hit_key]).get(hit_key, [])

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
            decision = _decision(row)
            found.setdefault(decision.hit_key, []).append(decision)
        return found

    def _with_state(self, cases: list[Case]) -> list[Case]:
        logs = self.decisions(sorted({c.hit_key for c in cases}))
        for case in cases:
            trail = logs.get(case.hit_key)
            if trail:
                apply_state(case, trail[-1])
        return cases


def apply_state(case: Case, latest: Decision) -> None:
    """A decision holds while the listed entry is as the reviewer saw it."""
    case.latest = latest
    if latest.fingerprint != case.fingerprint:
        case.state = State.REOPENED
        case.changes = changes(latest.content, case.content)
    elif latest.verdict is Verdict.ESCALATE:
        case.state = State.ESCALATED
    else:
        case.state = State.DECIDED


def _run_values(run: Run) -> dict[str, Any]:
    values = {c: getattr(run, c) for c in RUN_COLUMNS}
    values.update(
        id_columns=json.dumps(run.id_columns),
        snapshots=json.dumps(run.snapshots),
        status=run.status.value,
        tally=json.dumps(run.tally),
    )
    return values


def _run(row: Row) -> Run:
    v = dict(zip(RUN_COLUMNS, row, strict=True))
    v.update(
        id_columns=json.loads(v["id_columns"]),
        snapshots=json.loads(v["snapshots"]),
        status=RunStatus(v["status"]),
        tally=json.loads(v["tally"] or "{}"),
    )
    return Run(**v)


def _hit_values(case: Case) -> dict[str, Any]:
    return {
        "run_id": case.run_id,
        "hit_key": case.hit_key,
        "row_number": case.row,
        "line": case.line,
        "query": case.query,
        "entity_id": case.entity_id,
        "name": case.name,
        "score": case.score,
        "rule": case.rule,
        "fingerprint": case.fingerprint,
        "content": json.dumps(case.content, ensure_ascii=False),
        "hit": json.dumps(case.hit, ensure_ascii=False),
    }


def _case(row: Row) -> Case:
    (run_id, key, number, line, query, entity_id, name, score, rule, fp, content, hit) = row
    return Case(
        run_id,
        key,
        number,
        line,
        query,
        entity_id,
        name,
        score,
        rule,
        fp,
        json.loads(content),
        json.loads(hit),
    )


def _decision(row: Row) -> Decision:
    v = dict(zip(DECISION_COLUMNS, row, strict=True))
    v.update(content=json.loads(v["content"]), verdict=Verdict(v["verdict"]))
    return Decision(**v)
