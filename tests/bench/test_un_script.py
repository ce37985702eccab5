"""The UN original-script protocol: Latin names indexed, each name in another script a query."""

from __future__ import annotations

from collections import Counter

import pytest

from bench.un_script import build_un_script, script_of, un_parties
from lookthrough.model import Entity


@pytest.mark.parametrize(
    ("name", "script"),
    [
        ("صدام حسين التكريتي", "arabic"),
        ("Умаров Доку Хаматович", "cyrillic"),
        ("金正恩", "han"),
        ("SADDAM HUSSEIN AL-TIKRITI", None),
        ("Ṣaddām", None),
        ("محمد Ali", None),  # mixed: neither protocol's query nor an index name
    ],
)
def test_script_of(name, script):
    assert script_of(name) == script


def _party(entity_id: str, *names: str) -> Entity:
    party = Entity(entity_id, "Person", dataset="un", citation="test")
    for name in names:
        party.add("name", name)
    return party


def test_latin_names_are_indexed_and_other_scripts_queried():
    names, queries = build_un_script(
        [
            _party("un-1", "SADDAM HUSSEIN AL-TIKRITI", "صدام حسين التكريتي"),
            _party("un-2", "Умаров Доку"),  # no Latin name: nothing to reach
        ]
    )
    assert [(n.entity_id, n.name) for n in names] == [("un-1", "SADDAM HUSSEIN AL-TIKRITI")]
    [query] = queries
    assert (query.text, query.target, query.category, query.kind) == (
        "صدام حسين التكريتي", "un-1", "un_script", "arabic",
    )  # fmt: skip


@pytest.mark.shared_data
def test_the_un_list_gives_386_original_script_names(shared_data):
    names, queries = build_un_script(un_parties())
    assert len({n.entity_id for n in names}) == 1003
    assert Counter(q.kind for q in queries) == {"arabic": 371, "cyrillic": 11, "han": 4}
