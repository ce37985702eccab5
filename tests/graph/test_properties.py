"""Properties of the aggregation on random graphs (hypothesis), cycles included."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from lookthrough.graph import OFAC_50, Method, Outcome
from tests.graph.builders import World

MULTIPLY = replace(OFAC_50, name="multiply", method=Method.MULTIPLY)
NODES = [f"n{i}" for i in range(6)]
percents = st.one_of(st.none(), st.integers(0, 100).map(float), st.floats(0, 100, allow_nan=False))


@st.composite
def graphs(draw: st.DrawFn, unknown: bool = True) -> tuple[list[str], list[tuple[str, str, float | None]]]:
    seeds = draw(st.lists(st.sampled_from(NODES), min_size=1, max_size=3, unique=True))
    pairs = draw(
        st.lists(st.tuples(st.sampled_from(NODES), st.sampled_from(NODES)), max_size=14, unique=True)
    )
    share = percents if unknown else st.integers(0, 100).map(float)
    stakes = [(a, b, draw(share)) for a, b in pairs if a != b]
    return seeds, stakes


def build(seeds: list[str], stakes: list[tuple[str, str, float | None]]) -> World:
    w = World()
    for node in NODES:
        if node in seeds:
            w.listed(node)
        else:
            w.company(node)
    for owner, asset, percent in stakes:
        w.owns(owner, asset, percent)
    return w


def shares(world: World, policy=OFAC_50, order: list[int] | None = None) -> dict[str, tuple[float, float]]:
    from lookthrough.graph import LookThrough

    look = LookThrough(world.catalog(order), [policy], as_of="2026-01-01")
    return {node: (s.low, s.high) for node, s in look.rules[policy.name].shares.items()}


@settings(max_examples=150, deadline=None)
@given(graphs(), st.sampled_from([OFAC_50, MULTIPLY]))
def test_shares_stay_between_zero_and_one_hundred(graph, policy) -> None:
    for low, high in shares(build(*graph), policy).values():
        assert 0 <= low <= high <= 100


@settings(max_examples=100, deadline=None)
@given(graphs(), st.sampled_from([OFAC_50, MULTIPLY]), st.randoms(use_true_random=False))
def test_order_of_relations_never_changes_the_answer(graph, policy, random) -> None:
    world = build(*graph)
    order = list(range(len(world.entities)))
    random.shuffle(order)
    assert shares(world, policy, order) == shares(world, policy)


@settings(max_examples=100, deadline=None)
@given(graphs(), st.data())
def test_forgetting_a_share_only_widens_the_answer(graph, data) -> None:
    seeds, stakes = graph
    known = [i for i, s in enumerate(stakes) if s[2] is not None]
    if not known:
        return
    i = data.draw(st.sampled_from(known))
    vaguer = [*stakes[:i], (stakes[i][0], stakes[i][1], None), *stakes[i + 1 :]]
    before, after = shares(build(seeds, stakes)), shares(build(seeds, vaguer))
    for node, (low, high) in before.items():
        new_low, new_high = after.get(node, (0.0, 0.0))
        assert new_low <= low and new_high >= high


@settings(max_examples=100, deadline=None)
@given(graphs())
def test_a_stake_of_unknown_size_held_by_a_listed_party_is_never_cleared(graph) -> None:
    seeds, stakes = graph
    look = build(seeds, stakes).look(OFAC_50, as_of="2026-01-01")
    for owner, asset, percent in stakes:
        if percent is None and owner in seeds and asset not in seeds:
            assert look.findings(asset), f"{asset} has an unknown stake held by listed {owner}"


def blocked_by_definition(seeds: list[str], stakes: list[tuple[str, str, float | None]]) -> set[str]:
    """OFAC's rule read literally: repeat until nothing changes (the oracle)."""
    blocked = set(seeds)
    while True:
        grown = blocked | {
            node
            for node in NODES
            if sum(p or 0 for o, a, p in stakes if a == node and o in blocked) >= 50 - 1e-9
        }
        if grown == blocked:
            return blocked
        blocked = grown


@settings(max_examples=200, deadline=None)
@given(graphs(unknown=False))
def test_blocked_parties_match_the_rule_read_literally(graph) -> None:
    seeds, stakes = graph
    look = build(seeds, stakes).look(OFAC_50, as_of="2026-01-01")
    met = {
        node
        for node in NODES
        if any(f.aggregate and f.aggregate.outcome is Outcome.MET for f in look.findings(node))
    }
    assert met - set(seeds) == blocked_by_definition(seeds, stakes) - set(seeds)
