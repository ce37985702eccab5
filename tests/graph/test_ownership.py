"""Threshold rules on example graphs with hand-checked answers (OFAC FAQ 401 among them)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from lookthrough.graph import OFAC_50, Method, Outcome
from tests.graph.builders import NS_CMIC, World

MULTIPLY = replace(OFAC_50, name="multiply", method=Method.MULTIPLY)


def test_sixty_percent_subsidiary_of_listed_firm_is_a_hit_with_path() -> None:
    w = World()
    w.listed("X")
    w.company("H", "Holding Sixty Ltd")
    w.owns("X", "H", 60)
    [finding] = w.look(OFAC_50).findings("H")
    assert finding.party_id == "X" and finding.aggregate is not None
    assert finding.aggregate.percent == 60 and finding.aggregate.outcome is Outcome.MET
    [step] = finding.path
    assert (step.below, step.above, step.percent, step.label) == ("H", "X", 60, "owned by")
    assert step.edge.source.citation == "filing: X holds 60% of H"
    assert step.edge.source.evidence.value == "company filing"


def test_two_listed_owners_of_thirty_percent_each_meet_it_in_aggregate() -> None:
    w = World()
    w.listed("X")
    w.listed("Y")
    w.company("E")
    w.owns("X", "E", 30)
    w.owns("Y", "E", 30)
    findings = w.look(OFAC_50).findings("E")
    assert sorted(f.party_id for f in findings) == ["X", "Y"]
    aggregate = findings[0].aggregate
    assert aggregate is not None and aggregate.percent == 60
    assert sorted((h.entity_id, h.percent, h.counted) for h in aggregate.holders) == [
        ("X", 30, "listed"),
        ("Y", 30, "listed"),
    ]


def test_thirty_percent_alone_is_not_a_hit() -> None:
    w = World()
    w.listed("X")
    w.company("E")
    w.owns("X", "E", 30)
    assert w.look(OFAC_50).findings("E") == []


# OFAC FAQ 401 examples 1-3, and the counter-example in its commentary (owners below 50%
# do not pass their holdings on), with the aggregate OFAC's reading gives.
FAQ_401 = [
    ("example 1", [("X", "A", 50), ("A", "B", 50)], "B", 50.0),
    ("example 2", [("X", "A", 50), ("X", "B", 50), ("A", "C", 25), ("B", "C", 25)], "C", 50.0),
    ("example 3", [("X", "A", 50), ("X", "B", 10), ("A", "B", 40)], "B", 50.0),
    ("not passed on", [("X", "A", 25), ("X", "B", 25), ("A", "C", 50), ("B", "C", 50)], "C", None),
]


@pytest.mark.parametrize(("case", "stakes", "node", "expected"), FAQ_401, ids=[c[0] for c in FAQ_401])
def test_ofac_faq_401(case: str, stakes, node: str, expected: float | None) -> None:
    w = World()
    w.listed("X")
    for name in sorted({n for s in stakes for n in s[:2]} - {"X"}):
        w.company(name)
    for owner, asset, percent in stakes:
        w.owns(owner, asset, percent)
    findings = w.look(OFAC_50).findings(node)
    if expected is None:
        assert findings == []
    else:
        assert [f.party_id for f in findings] == ["X"]
        assert findings[0].aggregate is not None and findings[0].aggregate.percent == expected


def test_chain_counts_in_full_under_ofac_but_multiplies_under_economic_look_through() -> None:
    w = World()
    w.listed("X")
    w.company("A")
    w.company("B")
    w.owns("X", "A", 60)
    w.owns("A", "B", 60)
    [blocked] = w.look(OFAC_50).findings("B")
    assert blocked.aggregate is not None and blocked.aggregate.percent == 60
    assert [link.above for link in blocked.path] == ["A", "X"]
    assert blocked.aggregate.holders[0].counted == "meets the rule (60%)"
    assert w.look(MULTIPLY).findings("B") == []
    assert w.look(MULTIPLY).findings("A")[0].aggregate.percent == 60


def test_economic_look_through_sums_paths() -> None:
    w = World()
    w.listed("X")
    for name in ("A", "B", "C"):
        w.company(name)
    w.owns("X", "A", 80)
    w.owns("X", "B", 50)
    w.owns("A", "C", 50)  # 40% of C through A
    w.owns("B", "C", 30)  # 15% of C through B
    [finding] = w.look(MULTIPLY).findings("C")
    assert finding.aggregate is not None and finding.aggregate.percent == pytest.approx(55)


@pytest.mark.parametrize(
    ("stakes", "outcome", "percent", "at_least", "at_most"),
    [
        ([("X", None)], Outcome.UNDETERMINED, None, 0, 100),
        ([("X", 30), ("Y", None)], Outcome.UNDETERMINED, None, 30, 100),
        ([("X", 60), ("Y", None)], Outcome.MET, None, 60, 100),
        ([("X", 20), ("Y", 20)], None, None, None, None),
    ],
)
def test_unknown_shares_stay_unknown(stakes, outcome, percent, at_least, at_most) -> None:
    w = World()
    w.listed("X")
    w.listed("Y")
    w.company("E")
    for owner, share in stakes:
        w.owns(owner, "E", share)
    findings = w.look(OFAC_50).findings("E")
    if outcome is None:
        assert findings == []
        return
    aggregate = findings[0].aggregate
    assert aggregate is not None
    assert (aggregate.outcome, aggregate.percent) == (outcome, percent)
    assert (aggregate.at_least, aggregate.at_most) == (at_least, at_most)


def test_cycle_of_cross_holdings_terminates_with_the_least_answer() -> None:
    w = World()
    w.listed("X")
    w.company("A")
    w.company("B")
    w.owns("X", "A", 50)
    w.owns("A", "B", 50)
    w.owns("B", "A", 50)
    look = w.look(OFAC_50)
    assert look.findings("B")[0].aggregate.percent == 50
    assert look.findings("A")[0].aggregate.percent == 100


def test_depth_limit_cuts_long_chains() -> None:
    w = World()
    w.listed("N0")
    for i in range(1, 5):
        w.company(f"N{i}")
        w.owns(f"N{i - 1}", f"N{i}", 100)
    look = w.look(replace(OFAC_50, max_depth=3))
    assert len(look.findings("N3")[0].path) == 3
    assert look.findings("N4") == []


def test_a_share_that_a_longer_chain_could_raise_is_marked_depth_limited() -> None:
    w = World()
    w.listed("X")
    for name in ("A", "B", "E"):
        w.company(name)
    w.owns("X", "E", 60)
    w.owns("X", "A", 100)
    w.owns("A", "B", 100)
    w.owns("B", "E", 30)
    [cut] = w.look(replace(OFAC_50, max_depth=2)).findings("E")
    assert (cut.aggregate.percent, cut.aggregate.depth_limited) == (60, True)
    [whole] = w.look(OFAC_50).findings("E")
    assert (whole.aggregate.percent, whole.aggregate.depth_limited) == (90, False)


def test_only_relations_current_on_the_date_count() -> None:
    w = World()
    w.listed("X")
    w.company("E")
    w.owns("X", "E", 50, start="2015-11-25", end="2023-03-02")
    w.owns("X", "E", 48, start="2015-11-26", end="2023-12-21")
    w.owns("X", "E", 51, start="2015-11-27")
    [finding] = w.look(OFAC_50, as_of="2026-01-01").findings("E")
    assert finding.aggregate.percent == 51
    [earlier] = w.look(OFAC_50, as_of="2023-06").findings("E")
    assert earlier.aggregate.percent == 51  # the newest statement of the same holding wins
    assert w.look(OFAC_50, as_of="2014-01-01").findings("E") == []


def test_a_listed_party_is_also_looked_through_to_its_owners() -> None:
    w = World()
    w.listed("X")
    w.listed("E")
    w.owns("X", "E", 75)
    [finding] = w.look(OFAC_50).findings("E")
    assert finding.party_id == "X"


def test_non_blocking_lists_do_not_start_the_ofac_rule() -> None:
    w = World()
    w.listed("C", NS_CMIC, "CMIC-EO13959")
    w.company("S")
    w.owns("C", "S", 100)
    assert w.look(OFAC_50).findings("S") == []


def test_aggregate_keeps_every_counted_stake_with_its_source_for_drawing() -> None:
    w = World()
    w.listed("X")
    w.listed("Y")
    w.company("E", "Northwind Logistics")
    w.owns("X", "E", 30)
    w.owns("Y", "E", 25)
    findings = w.look(OFAC_50).findings("E")
    assert sorted(f.party_id for f in findings) == ["X", "Y"]
    aggregate = findings[0].aggregate
    assert aggregate is not None and aggregate.percent == 55 and aggregate.node == "E"
    stakes = sorted((s.holder, s.held, s.percent, s.listed, s.source) for s in aggregate.stakes)
    assert stakes == [
        ("X", "E", 30, True, "filing: X holds 30% of E"),
        ("Y", "E", 25, True, "filing: Y holds 25% of E"),
    ]
    assert {s.held_name for s in aggregate.stakes} == {"Northwind Logistics"}


def test_stakes_reach_through_a_blocked_company_and_stop_at_a_cycle() -> None:
    w = World()
    w.listed("X")
    w.company("A")
    w.company("B")
    w.owns("X", "A", 50)
    w.owns("A", "B", 50)
    w.owns("B", "A", 10)
    [finding] = w.look(OFAC_50).findings("B")
    assert finding.aggregate is not None
    stakes = [(s.holder, s.held, s.counted) for s in finding.aggregate.stakes]
    assert stakes[0] == ("A", "B", "meets the rule (60%)")
    assert set(stakes) == {
        ("A", "B", "meets the rule (60%)"),
        ("X", "A", "listed"),
        ("B", "A", "meets the rule (50%)"),
    }
