"""One case per listed party of a screened row, across its lists; decisions made before still apply."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from lookthrough.review import Ledger, State, Verdict, execute, plan_run
from lookthrough.review.cases import folded
from lookthrough.review.fingerprint import hit_key
from lookthrough.sources.load import load_path
from lookthrough.workspace import Workspace

KOMID = "Korea Mining Development Trading Corporation"


def entries() -> list[dict]:
    """One organisation on three lists with no shared code, and two namesake people on two lists."""

    def party(entity_id: str, schema: str, name: str, publisher: str) -> list[dict]:
        listing = {"entity": [entity_id], "publisher": [publisher], "program": ["DPRK"],
                   "sourceUrl": [f"https://lists.example.org/{entity_id}"]}  # fmt: skip
        return [
            {"id": entity_id, "schema": schema, "properties": {"name": [name], "country": ["kp"]}},
            {"id": f"{entity_id}-listing", "schema": "Sanction", "properties": listing},
        ]

    return [
        *party("un-komid", "Company", KOMID.upper(), "UN Security Council Consolidated List"),
        *party("uk-komid", "Company", KOMID, "UK Sanctions List"),
        *party("sdn-komid", "Company", f"{KOMID.upper()}.", "OFAC SDN List"),
        *party("un-kim", "Person", "Kim Chol", "UN Security Council Consolidated List"),
        *party("uk-kim", "Person", "KIM Chol", "UK Sanctions List"),
    ]


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    path = tmp_path / "dprk.ftm.json"
    path.write_text("".join(json.dumps(e) + "\n" for e in entries()), encoding="utf-8")
    ws = Workspace(str(tmp_path / "cases.duckdb"))
    assert all(r.ok for r in load_path(ws.store, path))
    yield ws
    ws.close()


def screened(workspace: Workspace, text: str) -> str:
    run = plan_run(workspace, "h.csv", text.encode(), name_column="holding", created_by="a")
    return execute(workspace, run.id).id


def test_an_organisation_on_three_lists_is_one_case_with_every_listing(workspace) -> None:
    run_id = screened(workspace, f"holding,isin,market_value\n{KOMID},,125000\n")
    [case] = Ledger(workspace.store).cases(run_id)
    assert len(case.hits) == 3 and len(case.keys) == 3
    assert case.lists == ["OFAC SDN List", "UK Sanctions List", "UN Security Council Consolidated List"]
    assert case.input == {"holding": KOMID, "isin": "", "market_value": "125000"}
    assert sorted(case.entity_ids) == ["sdn-komid", "uk-komid", "un-komid"]


def test_namesake_people_stay_separate_cases(workspace) -> None:
    run_id = screened(workspace, "holding\nKim Chol\n")
    found = Ledger(workspace.store).cases(run_id)
    assert sorted(c.entity_id for c in found) == ["uk-kim", "un-kim"]


def test_a_decision_recorded_on_one_entry_still_holds_for_the_merged_case(workspace) -> None:
    ledger = Ledger(workspace.store)
    run_id = screened(workspace, f"holding\n{KOMID}\n")
    [case] = ledger.cases(run_id)
    assert case.keys == [hit_key(KOMID, [], entity_id) for entity_id in case.entity_ids]
    # Before cases spanned lists, each entry was a case of its own, with its own key.
    older = replace(case, hit_key=case.keys[2], keys=[case.keys[2]])
    ledger.decide(older, Verdict.FALSE_POSITIVE, "alice", "a different company")
    [again] = ledger.cases(screened(workspace, f"holding\n{KOMID}\n"))
    assert again.state is State.DECIDED and [d.reason for d in ledger.trail(again)] == ["a different company"]


@pytest.mark.parametrize(
    ("a", "b"),
    [(KOMID.upper(), f"{KOMID}."), ("Hangzhou  Hikvision, Ltd", "HANGZHOU HIKVISION LTD"), ("ＡＢＣ", "abc")],
)
def test_folded_names(a, b) -> None:
    assert folded(a) == folded(b)
