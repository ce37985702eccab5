"""A rule's seeds, found once per distinct listing kind, are the parties whose listings the
rule's selector accepts one by one."""

from __future__ import annotations

from pathlib import Path

import pytest

from lookthrough.catalog import Catalog
from lookthrough.graph.graph import Graph
from lookthrough.graph.policy import BIS_AFFILIATES, OFAC_50, RELATED, ListSelector
from lookthrough.graph.seeds import seed_nodes
from lookthrough.sources.load import load_path

from .builders import ENTITY_LIST, NS_CMIC, World

SELECTORS = [
    OFAC_50.lists, BIS_AFFILIATES.lists, RELATED.lists, ListSelector(datasets=frozenset({"us_ofac_cons"})),
    ListSelector(pattern=r"\bsdgt\b"), ListSelector(pattern="no such list"), ListSelector(),
]  # fmt: skip


def one_by_one(catalog: Catalog, selector: ListSelector) -> set[str]:
    """The seeds as the definition reads: every listing judged on its own."""
    return {catalog.cluster_of(pid) for pid, entry in catalog.all_listings() if selector(entry)}


def test_seeds_of_a_small_world_are_the_parties_listed_as_the_rule_asks() -> None:
    world = World()
    world.listed("sdn-a")
    world.listed("sdn-b", program=None)
    world.listed("cmic", list_title=NS_CMIC, program="CMIC-EO13959")
    world.listed("el", list_title=ENTITY_LIST, program=None)
    world.company("free")
    catalog = world.catalog()
    for selector in SELECTORS:
        assert seed_nodes(catalog, selector) == one_by_one(catalog, selector)
    assert seed_nodes(catalog, ListSelector(pattern="specially designated")) == {"sdn-a", "sdn-b"}
    assert seed_nodes(catalog, BIS_AFFILIATES.lists) == {"el"}
    assert seed_nodes(Catalog(), OFAC_50.lists) == set()


@pytest.mark.parametrize("folder", ["ofac/non_sdn_consolidated_2025-12", "opensanctions_ftm"])
def test_seeds_of_real_lists_are_those_judged_one_by_one(store, shared_data: Path, folder: str) -> None:
    from lookthrough.builtin import ensure_builtin

    ensure_builtin(store)  # the built-in entries merge with some OFAC ones: seeds are clusters
    load_path(store, shared_data / folder)
    catalog = Catalog.build(store.current_statements())
    listed = [pid for pid, _entry in catalog.all_listings()]
    assert listed and (folder == "opensanctions_ftm" or any(catalog.cluster_of(p) != p for p in listed))
    for selector in SELECTORS:
        assert Graph(catalog).seeds(selector) == one_by_one(catalog, selector)
