"""A hit's ownership drawing: every counted holder a branch, shares on the arrows, the listed party marked."""

from __future__ import annotations

from lookthrough.graph import OFAC_50, RELATED
from lookthrough.report import draw
from lookthrough.screening.result import plain
from tests.graph.builders import World


def ofac_hit(world: World, screened: str, listed: str) -> dict:
    """The hit a screener makes from a finding, as JSON values."""
    catalog = world.catalog()
    finding = next(f for f in world.look(OFAC_50).findings(screened) if f.party_id == listed)
    path = [{"entity_id": screened, "name": catalog.parties[screened].caption, "relation": "identical",
             "percent": None, "source": None}]  # fmt: skip
    for link in finding.path:
        party = catalog.parties[link.above_party]
        path.append({"entity_id": party.id, "name": party.caption, "relation": link.label,
                     "percent": link.percent, "source": link.edge.source.citation})  # fmt: skip
    return {"entity_id": listed, "name": catalog.parties[listed].caption, "rule": "ofac_50", "path": path,
            "aggregate": plain(finding.aggregate), "basis": OFAC_50.citation}  # fmt: skip


def two_owners() -> World:
    w = World()
    w.listed("X")
    w.listed("Y")
    w.company("E", "Northwind Logistics AG")
    w.owns("X", "E", 30)
    w.owns("Y", "E", 25)
    return w


def test_two_owners_are_two_branches_with_their_shares_and_sources() -> None:
    drawing = draw(ofac_hit(two_owners(), "E", "Y"))
    assert sorted((a.owner.key, a.owned.key, a.label) for a in drawing.arrows) == [
        ("X", "E", "30%"), ("Y", "E", "25%"),
    ]  # fmt: skip
    roles = {n.key: n.roles for n in drawing.nodes}
    assert roles == {"E": ["screened"], "X": ["also-listed"], "Y": ["listed"]}
    assert {a.source for a in drawing.arrows} == {"filing: X holds 30% of E", "filing: Y holds 25% of E"}
    assert "Source (company filing): filing: Y holds 25% of E" in next(
        a.hover for a in drawing.arrows if a.owner.key == "Y"
    )
    rule = drawing.rule
    assert (rule.title, rule.outcome, rule.share, rule.threshold, rule.holders) == (
        "OFAC 50 Percent Rule", "met", "55%", 50.0, 2,
    )  # fmt: skip
    screened = next(n for n in drawing.nodes if n.key == "E")
    owners = [n for n in drawing.nodes if n.key != "E"]
    assert all(n.y < screened.y for n in owners) and owners[0].x != owners[1].x


def test_a_stake_of_unknown_size_makes_the_rule_undetermined() -> None:
    w = World()
    w.listed("X")
    w.listed("Y")
    w.company("E")
    w.owns("X", "E", 30)
    w.owns("Y", "E", None)
    drawing = draw(ofac_hit(w, "E", "X"))
    assert drawing.rule.outcome == "undetermined" and drawing.rule.share == "30–100%"
    assert sorted(a.label for a in drawing.arrows) == ["30%", "share unknown"]


def test_a_chain_through_a_blocked_company_is_drawn_level_by_level() -> None:
    w = World()
    w.listed("X")
    w.company("A")
    w.company("B")
    w.owns("X", "A", 60)
    w.owns("A", "B", 50)
    drawing = draw(ofac_hit(w, "B", "X"))
    levels = {n.key: n.level for n in drawing.nodes}
    assert levels == {"B": 0, "A": 1, "X": 2}
    assert next(a for a in drawing.arrows if a.owner.key == "A").counted == "meets the rule (60%)"


def test_a_listed_party_itself_and_a_related_path() -> None:
    start = {"entity_id": "acme", "name": "Acme", "relation": "identical", "percent": None}
    listed = {"entity_id": "acme", "name": "Acme", "rule": "listed", "path": [start]}
    drawing = draw(listed)
    assert [(n.key, n.roles) for n in drawing.nodes] == [
        ("acme", ["screened", "listed"])
    ] and not drawing.arrows
    related = {"entity_id": "hik", "name": "Hikvision", "rule": RELATED.name, "path": [
        {"entity_id": "ezviz", "name": "EZVIZ", "relation": "matched", "percent": None},
        {"entity_id": "hik", "name": "Hikvision", "relation": "subsidiary of", "percent": None,
         "source": "annual report 2023", "evidence": "company filing"},
    ]}  # fmt: skip
    drawing = draw(related)
    [arrow] = drawing.arrows
    assert (arrow.owner.key, arrow.owned.key, arrow.label, arrow.source) == (
        "hik", "ezviz", "share unknown", "annual report 2023",
    )  # fmt: skip
    assert drawing.rule.title == RELATED.title


def test_results_written_before_stakes_still_draw_every_holder() -> None:
    hit = ofac_hit(two_owners(), "E", "Y")
    del hit["aggregate"]["stakes"]
    drawing = draw(hit)
    assert sorted((a.owner.key, a.label) for a in drawing.arrows) == [("X", "30%"), ("Y", "25%")]
