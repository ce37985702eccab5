"""The decision log is append-only, and a decision once recorded is never lost."""

from __future__ import annotations

import pytest

from lookthrough.exc import NotFound, StoreError
from lookthrough.review import Ledger, State, Verdict, execute, plan_run
from tests.review.lists import write_holdings


@pytest.fixture
def run(workspace, tmp_path):
    data = write_holdings(tmp_path).read_bytes()
    return execute(
        workspace, plan_run(workspace, "holdings.csv", data, name_column="holding", created_by="a").id
    )


def test_decisions_are_kept_in_order_with_reviewer_reason_and_time(workspace, run):
    ledger = Ledger(workspace.store)
    case = next(c for c in ledger.cases(run.id) if c.entity_id == "lt-hikvision")
    ledger.decide(case, Verdict.ESCALATE, "alice", "check the subsidiary")
    assert ledger.case(run.id, case.hit_key).state is State.ESCALATED
    ledger.decide(case, Verdict.MATCH, "bob", "same company, same ISIN")
    trail = ledger.trail(case.hit_key)
    assert [(d.verdict, d.reviewer, d.reason) for d in trail] == [
        (Verdict.ESCALATE, "alice", "check the subsidiary"),
        (Verdict.MATCH, "bob", "same company, same ISIN"),
    ]
    assert trail[0].decided_at <= trail[1].decided_at
    assert ledger.case(run.id, case.hit_key).state is State.DECIDED


@pytest.mark.parametrize(
    "sql",
    ["UPDATE review_decisions SET verdict = 'match'", "DELETE FROM review_decisions",
     "TRUNCATE review_decisions", "  drop table review_decisions"],
)  # fmt: skip
def test_the_audit_log_refuses_changes(workspace, run, sql):
    with pytest.raises(StoreError, match="append-only"), workspace.store.transaction() as tx:
        tx.execute(sql)


def test_unknown_run_and_hit_are_not_found(workspace, run):
    ledger = Ledger(workspace.store)
    with pytest.raises(NotFound):
        ledger.run("run-nope")
    with pytest.raises(NotFound):
        ledger.case(run.id, "nope")


def test_a_bad_column_fails_the_run_naming_file_line_and_field(workspace, tmp_path):
    data = write_holdings(tmp_path).read_bytes()
    run = execute(
        workspace, plan_run(workspace, "holdings.csv", data, name_column="company", created_by="a").id
    )
    assert run.status.value == "failed"
    assert run.error.startswith("holdings.csv, line 1, field 'company': no such column")


def test_outputs_are_kept_in_every_format(workspace, run):
    ledger = Ledger(workspace.store)
    assert ledger.output(run.id, "jsonl").count(b"\n") == 4
    assert ledger.output(run.id, "csv").startswith(b"input_holding,input_isin,row,line,status")
    assert ledger.output(run.id, "parquet")[:4] == b"PAR1"
    assert b"Acme Surveillance Systems Ltd" in ledger.output(run.id, "html")
