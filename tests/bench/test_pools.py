"""Protocols on indexes of their own, and each protocol's recall read against its own negatives."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pytest

from bench import pools
from bench.cases import EvalSet, ListedName, Query
from bench.holdout import build_holdout
from bench.ofac import sdn_names
from bench.outcome import Outcome
from bench.persons import person_holdout


@dataclass
class _Scored:
    """The part of bench.quality.Scored that a view touches (that module needs nomenklatura)."""

    outcomes: list[Outcome]


def _evalset() -> EvalSet:
    main = [ListedName("sdn-1", "ACME TRADING", "name", "Organization")]
    un = [ListedName("un-1", "SADDAM HUSSEIN", "name", "Person")]
    queries = [
        Query("ACME TRADNG", "sdn-1", "perturbation", "typo"),
        Query("Acme Robotics", None, "negative", "oui"),
        Query("صدام حسين", "un-1", "un_script", "arabic"),
        Query("لانا نسيبة", None, "negative_script", "ar_AA"),
    ]
    return EvalSet(main, queries, side={"un_script": un, "negative_script": un})


def test_queries_meet_the_index_of_their_category():
    evalset = _evalset()
    assert [len(positions) for _, positions in evalset.partitions()] == [2, 2]
    assert evalset.index_of(evalset.queries[3])[0].entity_id == "un-1"
    assert evalset.index_of(evalset.queries[1]) is evalset.names


def test_a_view_keeps_one_pool_and_calls_its_negatives_negative():
    evalset = _evalset()
    runs = [_Scored([Outcome("sdn-1", 0.9), Outcome(None, 0.0), Outcome("un-1", 0.8), Outcome("un-1", 0.6)])]
    main, [main_run] = pools.view(evalset, runs)  # type: ignore[arg-type]
    assert [q.category for q in main.queries] == ["perturbation", "negative"]
    assert main_run.outcomes == runs[0].outcomes[:2]
    script, [script_run] = pools.view(evalset, runs, "negative_script")  # type: ignore[arg-type]
    assert [q.category for q in script.queries] == ["un_script", "negative"]
    assert script.names[0].entity_id == "un-1"
    assert script_run.outcomes == runs[0].outcomes[2:]


def test_a_hold_out_can_be_limited_to_some_entries():
    names = [
        ListedName("p", "DOE, John", "name", "Person"),
        ListedName("p", "DOE, Johnny", "alias", "Person"),
        ListedName("c", "ACME", "name", "Organization"),
        ListedName("c", "ACME TRADING", "alias", "Organization"),
    ]
    kept, queries = build_holdout(names, 5, 1, category="person", eligible=lambda n: n.person)
    assert [(q.text, q.target, q.category) for q in queries] == [("DOE, Johnny", "p", "person")]
    assert len(kept) == 3


@cache
def _names() -> list[ListedName]:
    return sdn_names()


@pytest.mark.shared_data
def test_person_holdout_masks_2000_aliases_of_individuals(shared_data):
    kept, queries = person_holdout(_names())
    people = {n.entity_id for n in _names() if n.person}
    assert len(queries) == 2000 and all(q.target in people for q in queries)
    assert {q.kind for q in queries} == {"variant", "unrelated"}
    assert len(kept) <= len(_names()) - 2000  # same-key copies of an alias go too
