"""A decision survives list updates and re-screens, and returns when the listed entry changes."""

from __future__ import annotations

from lookthrough.review import Ledger, State, Verdict, execute, plan_run, rescreen
from lookthrough.sources.load import load_path
from tests.review.lists import write_holdings, write_list


def first_run(workspace, tmp_path):
    data = write_holdings(tmp_path).read_bytes()
    run = plan_run(
        workspace, "holdings.csv", data, name_column="holding", id_columns=["isin"], created_by="alice"
    )
    return execute(workspace, run.id)


def case_for(ledger, run_id, entity_id):
    return next(c for c in ledger.cases(run_id) if c.entity_id == entity_id)


def test_a_run_becomes_a_case_list(workspace, tmp_path):
    run = first_run(workspace, tmp_path)
    assert run.status.value == "done" and run.error is None
    assert run.tally == {"rows_in": 4, "hit": 3, "clear": 1, "error": 0, "rejected": 0}
    cases = Ledger(workspace.store).cases(run.id)
    assert {c.entity_id for c in cases} == {"acme", "borealis", "lt-hikvision"}
    assert all(c.state is State.OPEN for c in cases)


def test_false_positive_stays_quiet_through_an_update_of_the_same_list(workspace, tmp_path):
    ledger = Ledger(workspace.store)
    run = first_run(workspace, tmp_path)
    ledger.decide(case_for(ledger, run.id, "acme"), Verdict.FALSE_POSITIVE, "alice", "a different Acme")
    # The same list loaded again as a new snapshot, and another entry of it changed.
    results = load_path(workspace.store, write_list(tmp_path, borealis_program="Test program B"))
    assert results[0].snapshot.status.value == "current"
    comparison = rescreen(workspace, created_by="bob")
    assert comparison.previous.id == run.id
    acme = case_for(ledger, comparison.run.id, "acme")
    assert acme.state is State.DECIDED and acme.latest.reviewer == "alice"
    assert [c.after.entity_id for c in comparison.changed] == ["borealis"]
    assert comparison.changed[0].changes == [
        "added listing: Test authority / Test program B",
        "removed listing: Test authority / Test program A",
    ]
    assert comparison.new == [] and comparison.removed == []
    assert "acme" not in {c.entity_id for c in ledger.queue()}


def test_decision_returns_when_the_listed_entry_changes(workspace, tmp_path):
    ledger = Ledger(workspace.store)
    run = first_run(workspace, tmp_path)
    ledger.decide(case_for(ledger, run.id, "acme"), Verdict.FALSE_POSITIVE, "alice", "a different Acme")
    load_path(workspace.store, write_list(tmp_path, acme_alias="Acme Vision Technology"))
    comparison = rescreen(workspace, created_by="bob")
    acme = case_for(ledger, comparison.run.id, "acme")
    assert acme.state is State.REOPENED
    assert acme.changes == ["added alias: Acme Vision Technology"]
    assert acme.latest.verdict is Verdict.FALSE_POSITIVE
    assert "acme" in {c.entity_id for c in ledger.queue()}
    assert [c.after.entity_id for c in comparison.changed] == ["acme"]


def test_rescreen_reports_removed_and_new_hits(workspace, tmp_path):
    first_run(workspace, tmp_path)
    (tmp_path / "holdings.csv").write_text("holding\nBorealis Optics Holding\nAcme Surveillance Systems\n")
    # A run over another file, then re-screened: the removed row's hit goes, none is new.
    data = (tmp_path / "holdings.csv").read_bytes()
    second = execute(
        workspace, plan_run(workspace, "holdings.csv", data, name_column="holding", created_by="a").id
    )
    load_path(workspace.store, write_list(tmp_path, acme_alias="Acme Vision Technology"))
    comparison = rescreen(workspace, second.id, created_by="bob")
    assert comparison.removed == [] and comparison.new == []
    assert [c.after.entity_id for c in comparison.changed] == ["acme"]


def test_rescreen_without_a_run_says_so(tmp_path):
    from lookthrough.exc import NotFound
    from lookthrough.workspace import Workspace

    ws = Workspace(str(tmp_path / "empty.duckdb"))
    try:
        rescreen(ws, created_by="bob")
    except NotFound as error:
        assert "no finished run" in error.detail
    else:
        raise AssertionError("expected NotFound")
    finally:
        ws.close()
