"""Policies: which lists start them, and when the BIS rule is in force."""

from __future__ import annotations

import pytest

from lookthrough.catalog import Listing, Source
from lookthrough.graph import BIS_AFFILIATES, OFAC_50, POLICIES
from lookthrough.graph.policy import configured
from lookthrough.model import Evidence


def entry(title: str, dataset: str = "other", program: str | None = None) -> Listing:
    return Listing(title, program, None, None, Source("cite", Evidence.OFFICIAL, dataset))


@pytest.mark.parametrize(
    ("title", "dataset", "blocking"),
    [
        ("OFAC Specially Designated Nationals and Blocked Persons List (SDN)", "x", True),
        ("Specially Designated Nationals (SDN) - Treasury Department", "us_trade_csl", True),
        ("anything", "us_ofac_sdn", True),
        ("Non-SDN Chinese Military-Industrial Complex Companies List (NS-CMIC)", "us_ofac_cons", False),
        (
            "Non-Specially Designated Nationals and Blocked Persons Chinese Military-Industrial Complex List",
            "x",
            False,
        ),
        ("Sectoral Sanctions Identifications List (SSI)", "us_ofac_cons", False),
        ("Entity List (EL) - Bureau of Industry and Security", "us_trade_csl", False),
    ],
)
def test_ofac_rule_starts_from_the_sdn_list_only(title: str, dataset: str, blocking: bool) -> None:
    assert OFAC_50.lists(entry(title, dataset)) is blocking


@pytest.mark.parametrize(
    ("title", "selected"),
    [
        ("Entity List (EL) - Bureau of Industry and Security", True),
        ("Military End User (MEU) List - Bureau of Industry and Security", True),
        ("Military-Intelligence End User (MIEU)", False),
        ("Denied Persons List (DPL) - Bureau of Industry and Security", False),
    ],
)
def test_bis_rule_starts_from_entity_and_meu_lists(title: str, selected: bool) -> None:
    assert BIS_AFFILIATES.lists(entry(title)) is selected


@pytest.mark.parametrize(
    ("day", "in_force"),
    [
        ("2025-09-28", False),
        ("2025-09-29", True),
        ("2025-11-09", True),
        ("2025-11-10", False),
        ("2026-06-01", False),
        ("2026-11-09", False),
        ("2026-11-10", True),
    ],
)
def test_bis_rule_is_suspended_between_the_recorded_dates(day: str, in_force: bool) -> None:
    assert BIS_AFFILIATES.in_force(day) is in_force


def test_settings_choose_policies_and_bis_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    assert [p.name for p in configured("2026-06-01")] == ["ofac_50", "related"]
    monkeypatch.setenv("LOOKTHROUGH_BIS_AFFILIATES", "on")
    assert [p.name for p in configured("2026-06-01")] == ["ofac_50", "bis_affiliates", "related"]
    monkeypatch.setenv("LOOKTHROUGH_POLICIES", "related")
    monkeypatch.setenv("LOOKTHROUGH_RELATED_HOPS", "1")
    [related] = configured("2026-06-01")
    assert related.hops == 1


def test_every_policy_cites_its_basis() -> None:
    for policy in POLICIES.values():
        assert policy.citation and policy.note and policy.title
