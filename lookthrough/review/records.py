"""The review tables' columns, and their rows as records and back."""

from __future__ import annotations

import json
from typing import Any

from lookthrough.review.model import Case, Decision, Run, RunStatus, Verdict
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
    "value_column",
    "group_columns",
)
PROGRESS_COLUMNS = RUN_COLUMNS[10:16]
"""What a running run updates: status, rows, tally, error, finish time."""
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
    "input",
    "members",
    "member_keys",
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
    "role",
    "approves",
    "needs_approval",
)
ASSIGNMENT_COLUMNS = ("id", "hit_key", "assignee", "assigned_by", "assigned_at")


def run_values(run: Run) -> dict[str, Any]:
    values = {c: getattr(run, c) for c in RUN_COLUMNS}
    values.update(
        id_columns=json.dumps(run.id_columns),
        snapshots=json.dumps(run.snapshots),
        status=run.status.value,
        tally=json.dumps(run.tally),
        group_columns=json.dumps(run.group_columns),
    )
    return values


def run_record(row: Row) -> Run:
    v = dict(zip(RUN_COLUMNS, row, strict=True))
    v.update(
        id_columns=json.loads(v["id_columns"]),
        snapshots=json.loads(v["snapshots"]),
        status=RunStatus(v["status"]),
        tally=json.loads(v["tally"] or "{}"),
        group_columns=json.loads(v["group_columns"] or "[]"),
    )
    return Run(**v)


def hit_values(case: Case) -> dict[str, Any]:
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
        "input": json.dumps(case.input, ensure_ascii=False, default=str),
        "members": json.dumps(case.members, ensure_ascii=False),
        "member_keys": json.dumps(case.keys),
    }


def case_record(row: Row) -> Case:
    (run_id, key, number, line, query, entity_id, name, score, rule, fp, content, hit,
     fields, members, keys, filename) = row  # fmt: skip
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
        input=json.loads(fields or "{}"),
        members=json.loads(members or "[]"),
        # Hits recorded before cases spanned several lists have only their own key.
        keys=json.loads(keys) if keys else [key],
        filename=filename,
    )


def decision_record(row: Row) -> Decision:
    v = dict(zip(DECISION_COLUMNS, row, strict=True))
    v.update(content=json.loads(v["content"]), verdict=Verdict(v["verdict"]))
    v["needs_approval"] = bool(v["needs_approval"])
    return Decision(**v)
