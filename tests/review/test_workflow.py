"""Four eyes, assignment and queue filters: the same rules whoever asks (page, API, command line)."""

from __future__ import annotations

import pytest

from lookthrough.exc import InvalidInput, InvalidSetting, NotPermitted, StoreError
from lookthrough.review import Ledger, Role, State, Verdict, create_token, execute, plan_run
from lookthrough.review.queue import Filter, select
from lookthrough.review.workflow import assign, can_approve, decide, decide_signed
from tests.review.lists import write_holdings


@pytest.fixture
def ledger(workspace, tmp_path) -> Ledger:
    data = write_holdings(tmp_path).read_bytes()
    execute(workspace, plan_run(workspace, "holdings.csv", data, name_column="holding", created_by="a").id)
    return Ledger(workspace.store)


def case_of(ledger: Ledger, entity_id: str):
    return next(c for c in ledger.cases() if c.entity_id == entity_id)


@pytest.fixture
def four_eyes(monkeypatch):
    monkeypatch.setenv("LOOKTHROUGH_FOUR_EYES_SCORE", "0.8")


def test_a_match_waits_for_a_second_person_with_the_approver_role(ledger, four_eyes) -> None:
    case = case_of(ledger, "acme")
    made = decide(ledger, case, Verdict.MATCH, reviewer="alice", role=Role.REVIEWER, reason="same firm")
    assert made.needs_approval and made.role == "reviewer"
    case = case_of(ledger, "acme")
    assert case.state is State.PENDING and case.pending is not None and case.in_queue
    with pytest.raises(NotPermitted, match="someone other than"):
        decide(ledger, case, Verdict.APPROVE, reviewer="alice", role=Role.ADMIN, reason="mine")
    with pytest.raises(NotPermitted, match="needs the approver role"):
        decide(ledger, case, Verdict.APPROVE, reviewer="bob", role=Role.REVIEWER, reason="ok")
    decide(ledger, case, Verdict.APPROVE, reviewer="carol", role=Role.APPROVER, reason="checked the filing")
    case = case_of(ledger, "acme")
    assert case.state is State.DECIDED and not case.in_queue
    trail = ledger.trail(case)
    assert [(d.verdict, d.reviewer) for d in trail] == [(Verdict.MATCH, "alice"), (Verdict.APPROVE, "carol")]
    assert trail[1].approves == trail[0].id


def test_four_eyes_role_admin_leaves_approvals_to_admins(ledger, four_eyes, monkeypatch) -> None:
    monkeypatch.setenv("LOOKTHROUGH_FOUR_EYES_ROLE", "admin")
    decide(
        ledger, case_of(ledger, "acme"), Verdict.MATCH, reviewer="alice", role=Role.REVIEWER, reason="same"
    )
    case = case_of(ledger, "acme")
    assert case.state is State.PENDING
    assert not can_approve(case, "carol", Role.APPROVER) and not can_approve(case, "alice", Role.ADMIN)
    assert can_approve(case, "dave", Role.ADMIN)
    with pytest.raises(NotPermitted, match="approving needs the admin role; carol has the approver role"):
        decide(ledger, case, Verdict.APPROVE, reviewer="carol", role=Role.APPROVER, reason="checked")
    assert case_of(ledger, "acme").state is State.PENDING  # the refusal recorded nothing
    decide(ledger, case, Verdict.APPROVE, reviewer="dave", role=Role.ADMIN, reason="checked the filing")
    assert case_of(ledger, "acme").state is State.DECIDED
    # An admin's own decision waits for another admin too.
    decide(ledger, case_of(ledger, "borealis"), Verdict.FALSE_POSITIVE, reviewer="dave", role=Role.ADMIN,
           reason="other firm")  # fmt: skip
    with pytest.raises(NotPermitted, match="someone other than"):
        decide(
            ledger, case_of(ledger, "borealis"), Verdict.APPROVE, reviewer="dave", role=Role.ADMIN, reason="x"
        )
    decide(
        ledger, case_of(ledger, "borealis"), Verdict.RETURN, reviewer="erin", role=Role.ADMIN, reason="look"
    )
    assert case_of(ledger, "borealis").state is State.RETURNED
    trail = ledger.trail(case_of(ledger, "acme"))
    assert [(d.verdict, d.reviewer, d.role) for d in trail] == [
        (Verdict.MATCH, "alice", "reviewer"), (Verdict.APPROVE, "dave", "admin")
    ]  # fmt: skip


def test_a_four_eyes_role_other_than_approver_or_admin_is_refused(ledger, four_eyes, monkeypatch) -> None:
    monkeypatch.setenv("LOOKTHROUGH_FOUR_EYES_ROLE", "reviewer")  # reviewers approving one another
    with pytest.raises(InvalidSetting, match=r"LOOKTHROUGH_FOUR_EYES_ROLE='reviewer'.*'approver' or 'admin'"):
        decide(
            ledger, case_of(ledger, "acme"), Verdict.MATCH, reviewer="alice", role=Role.REVIEWER, reason="x"
        )
    assert case_of(ledger, "acme").state is State.OPEN and ledger.trail(case_of(ledger, "acme")) == []


def test_a_returned_decision_needs_a_new_one(ledger, four_eyes) -> None:
    case = case_of(ledger, "acme")
    decide(ledger, case, Verdict.FALSE_POSITIVE, reviewer="alice", role=Role.REVIEWER, reason="other Acme")
    decide(ledger, case_of(ledger, "acme"), Verdict.RETURN, reviewer="carol", role=Role.APPROVER,
           reason="the address matches")  # fmt: skip
    assert case_of(ledger, "acme").state is State.RETURNED
    with pytest.raises(InvalidInput, match="no decision on this case is waiting"):
        decide(
            ledger, case_of(ledger, "acme"), Verdict.APPROVE, reviewer="carol", role=Role.APPROVER, reason="x"
        )


def test_below_the_score_or_escalating_needs_no_approval(ledger, monkeypatch) -> None:
    assert case_of(ledger, "acme").score < 1
    monkeypatch.setenv("LOOKTHROUGH_FOUR_EYES_SCORE", "1")
    decide(
        ledger, case_of(ledger, "acme"), Verdict.MATCH, reviewer="alice", role=Role.REVIEWER, reason="same"
    )
    assert case_of(ledger, "acme").state is State.DECIDED
    monkeypatch.setenv("LOOKTHROUGH_FOUR_EYES_SCORE", "0")
    decide(
        ledger,
        case_of(ledger, "borealis"),
        Verdict.ESCALATE,
        reviewer="alice",
        role=Role.REVIEWER,
        reason="?",
    )
    assert case_of(ledger, "borealis").state is State.ESCALATED


def test_the_rule_in_force_when_deciding_is_kept_with_the_decision(ledger, four_eyes, monkeypatch) -> None:
    decide(
        ledger, case_of(ledger, "acme"), Verdict.MATCH, reviewer="alice", role=Role.REVIEWER, reason="same"
    )
    monkeypatch.delenv("LOOKTHROUGH_FOUR_EYES_SCORE")
    assert case_of(ledger, "acme").state is State.PENDING


def test_viewers_cannot_decide_and_a_reason_is_required(ledger) -> None:
    case = case_of(ledger, "acme")
    with pytest.raises(NotPermitted):
        decide(ledger, case, Verdict.MATCH, reviewer="v", role=Role.VIEWER, reason="x")
    with pytest.raises(InvalidInput, match="give a reason"):
        decide(ledger, case, Verdict.MATCH, reviewer="alice", role=Role.REVIEWER, reason="  ")


def test_cases_are_assigned_to_reviewers_and_assignments_are_kept(ledger, workspace) -> None:
    create_token(workspace.store, "alice", Role.REVIEWER)
    create_token(workspace.store, "vera", Role.VIEWER)
    case = case_of(ledger, "acme")
    assign(ledger, case, "alice", by="carol", role=Role.APPROVER)
    assert case_of(ledger, "acme").assignee == "alice"
    with pytest.raises(InvalidInput, match="holds no active reviewer token"):
        assign(ledger, case, "vera", by="carol", role=Role.APPROVER)
    assign(ledger, case, "", by="alice", role=Role.REVIEWER)
    assert case_of(ledger, "acme").assignee is None
    with workspace.store.transaction() as tx:
        assert tx.one("SELECT count(*) FROM review_assignments")[0] == 2
    with pytest.raises(StoreError, match="append-only"), workspace.store.transaction() as tx:
        tx.execute("DELETE FROM review_assignments")


def test_queue_filters(ledger, workspace) -> None:
    create_token(workspace.store, "alice", Role.REVIEWER)
    everything, facets = select(ledger, Filter())
    assert {c.entity_id for c in everything} == {"acme", "borealis", "lt-hikvision"}
    assert facets.rules == ["listed"] and "open" in facets.states
    hik = case_of(ledger, "lt-hikvision")
    on_entity_list = next(name for name in hik.lists if name.startswith("Entity List"))
    assert [c.entity_id for c in select(ledger, Filter(list=on_entity_list))[0]] == ["lt-hikvision"]
    assert select(ledger, Filter(rule="ofac_50"))[0] == []
    assert all(c.score >= 0.95 for c in select(ledger, Filter(min_score=0.95))[0])
    decide(
        ledger, case_of(ledger, "acme"), Verdict.MATCH, reviewer="alice", role=Role.REVIEWER, reason="same"
    )
    assert "acme" not in {c.entity_id for c in select(ledger, Filter())[0]}
    assert [c.entity_id for c in select(ledger, Filter(state="decided"))[0]] == ["acme"]
    assign(ledger, case_of(ledger, "borealis"), "alice", by="alice", role=Role.REVIEWER)
    assert [c.entity_id for c in select(ledger, Filter(assignee="alice"))[0]] == ["borealis"]
    assert {c.filename for c in everything} == {"holdings.csv"}


def test_queue_filters_by_run(ledger, workspace) -> None:
    first = ledger.cases()[0].run_id
    data = b"holding\nAcme Surveillance Systems\nZhejiang Dahua Technology\n"
    second = execute(
        workspace, plan_run(workspace, "second.csv", data, name_column="holding", created_by="b").id
    )
    everything, facets = select(ledger, Filter())
    # Acme, raised by both runs, is one case in the queue, as the newer run raised it.
    assert {(c.entity_id, c.run_id) for c in everything} == {
        ("acme", second.id), ("borealis", first), ("lt-hikvision", first), ("lt-dahua", second.id)
    }  # fmt: skip
    assert set(facets.runs) == {(first, "holdings.csv"), (second.id, "second.csv")}
    older, facets = select(ledger, Filter(run=first))
    assert {(c.entity_id, c.run_id) for c in older} == {("acme", first), ("borealis", first),
                                                        ("lt-hikvision", first)}  # fmt: skip
    assert facets.runs == [(first, "holdings.csv")] and "Test authority" in facets.lists
    newer, facets = select(ledger, Filter(run=second.id))
    assert [(c.entity_id, c.filename) for c in newer] == [("acme", "second.csv"), ("lt-dahua", "second.csv")]
    assert "Non-SDN Chinese Military-Industrial Complex Companies List (NS-CMIC)" not in facets.lists
    # The run narrows every other filter; a decision on a case shows in every run that raised it.
    dahua_list = next(name for name in case_of(ledger, "lt-dahua").lists if name.startswith("Entity List"))
    assert [c.entity_id for c in select(ledger, Filter(run=first, list=dahua_list))[0]] == ["lt-hikvision"]
    decide(ledger, newer[0], Verdict.MATCH, reviewer="alice", role=Role.REVIEWER, reason="same firm")
    assert [c.entity_id for c in select(ledger, Filter(run=first))[0]] == ["borealis", "lt-hikvision"]
    for run in (first, second.id):
        assert [c.entity_id for c in select(ledger, Filter(run=run, state="decided"))[0]] == ["acme"]
    nowhere, facets = select(ledger, Filter(run="run-that-never-was", state="all"))
    assert nowhere == [] and facets.runs == [] and facets.lists == []


def test_decide_with_a_token(ledger, workspace) -> None:
    _token, secret = create_token(workspace.store, "dora", Role.REVIEWER)
    key = case_of(ledger, "acme").hit_key
    made, case = decide_signed(workspace.store, secret, key, "false_positive", "another Acme")
    assert made.reviewer == "dora" and case.state is State.DECIDED
    with pytest.raises(InvalidInput, match="LOOKTHROUGH_TOKEN"):
        decide_signed(workspace.store, "lt_nope", key, "match", "x")
    with pytest.raises(InvalidInput, match="unknown verdict"):
        decide_signed(workspace.store, secret, key, "maybe", "x")
