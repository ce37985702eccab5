"""The 'related' rule: brands, subsidiaries and stated links up to a listed party."""

from __future__ import annotations

from dataclasses import replace

from lookthrough.graph import RELATED
from lookthrough.model import RelationKind
from tests.graph.builders import NS_CMIC, World


def surveillance_group() -> World:
    w = World()
    w.listed("cetc", NS_CMIC, "CMIC-EO13959")
    w.listed("hik", NS_CMIC, "CMIC-EO13959")
    w.company("ezviz", "EZVIZ")
    w.owns("cetc", "hik", None, kind=RelationKind.PARENT)
    w.brand("ezviz", "hik")
    return w


def test_brand_leads_to_its_listed_owner_and_on_to_the_listed_parent() -> None:
    findings = surveillance_group().look(RELATED).findings("ezviz")
    assert [(f.party_id, [link.label for link in f.path]) for f in findings] == [
        ("hik", ["brand of"]),
        ("cetc", ["brand of", "subsidiary of"]),
    ]
    assert findings[0].aggregate is None


def test_hops_limit_how_far_the_rule_goes() -> None:
    findings = surveillance_group().look(replace(RELATED, hops=1)).findings("ezviz")
    assert [f.party_id for f in findings] == ["hik"]


def test_minority_stake_does_not_make_a_company_related() -> None:
    w = World()
    w.listed("L", NS_CMIC)
    w.company("minor")
    w.company("major")
    w.company("unstated")
    w.owns("L", "minor", 10)
    w.owns("L", "major", 51)
    w.owns("L", "unstated", None)
    look = w.look(RELATED)
    assert look.findings("minor") == []
    assert [f.party_id for f in look.findings("major")] == ["L"]
    assert [f.party_id for f in look.findings("unstated")] == ["L"]


def test_links_are_followed_only_in_the_direction_stated() -> None:
    w = World()
    w.listed("L", NS_CMIC)
    w.company("front")
    w.brand("front", "L", kind=RelationKind.LINKED)
    look = w.look(RELATED)
    assert [(f.party_id, f.path[0].label) for f in look.findings("front")] == [("L", "linked to")]
    w2 = World()
    w2.company("front")
    w2.listed("L", NS_CMIC)
    w2.brand("L", "front", kind=RelationKind.LINKED)
    assert w2.look(RELATED).findings("front") == []


def test_cycles_of_brands_end() -> None:
    w = World()
    w.listed("L", NS_CMIC)
    w.company("a")
    w.company("b")
    w.brand("a", "b")
    w.brand("b", "a")
    w.brand("b", "L")
    assert [f.party_id for f in w.look(RELATED).findings("a")] == ["L"]


def test_an_association_a_list_states_is_not_followed() -> None:
    # OFAC's "Linked To:" (PETRO CHINA PARS -> IRGC): a hit on one is not a hit on the other.
    w = World()
    w.listed("irgc", NS_CMIC)
    w.company("pars")
    w.brand("pars", "irgc", kind=RelationKind.ASSOCIATE)
    assert w.look(RELATED).findings("pars") == []
