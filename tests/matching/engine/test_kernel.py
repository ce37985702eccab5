"""The compiled kernel: its string similarities agree with rapidfuzz's, the deletion look-up
finds typos and only near words, a run-together word splits where both halves are known."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import OSA, Indel

from lookthrough.matching.engine import _kernel
from lookthrough.matching.engine.build import MIN_FUZZY_LENGTH
from lookthrough.matching.engine.data import pack
from lookthrough.matching.engine.strings import StringTable

# Short alphabets make repeats and near misses common; long strings take the multi-word paths.
TEXT = st.text(alphabet="abcde", max_size=140) | st.text(alphabet="abcdefghijklmnopqrstuvwxyz", max_size=80)


@settings(max_examples=400, deadline=None)
@given(TEXT, TEXT)
def test_similarities_equal_rapidfuzz(a: str, b: str) -> None:
    assert _kernel.osa(a.encode(), b.encode()) == OSA.normalized_similarity(a, b)
    assert abs(_kernel.indel(a.encode(), b.encode()) - Indel.normalized_similarity(a, b)) < 1e-12
    expected = max(OSA.normalized_similarity(a, b), Indel.normalized_similarity(a, b))
    assert abs(_kernel.spelling_similarity(a.encode(), b.encode()) - expected) < 1e-6


def speller(words: list[str]) -> tuple[_kernel.Speller, list[str]]:
    offsets, blob = pack(words)
    table = _kernel.deletion_entries(offsets, blob, MIN_FUZZY_LENGTH, 6)
    starts = _kernel.bucket_starts(table, max(1, (len(table) - 1).bit_length()))
    owners = np.arange(len(words), dtype=np.int32)
    return _kernel.Speller(table, starts, offsets, blob, owners), words


def near(words: list[str], token: str) -> list[tuple[str, float]]:
    found, vocabulary = speller(words)
    ids, sims = found.near(token.encode(), 6, 0.6, 10, -1)
    return [(vocabulary[i], round(s, 3)) for i, s in zip(ids, sims, strict=True)]


def test_a_typo_finds_its_word_and_only_near_words() -> None:
    words = ["hikvision", "dahua", "sensetime", "megvii", "hikrobot", "vision"]
    assert near(words, "hikvsion") == [("hikvision", 0.889)]  # a swap is one edit
    assert near(words, "hikkvission") == [("hikvision", 0.818)]  # two letters too many
    assert near(words, "dahau") == [("dahua", 0.8)]
    assert near(words, "xyzzy") == []


def test_neighbours_come_most_similar_first_then_by_word() -> None:
    assert near(["bank", "banks", "bak", "bonk"], "bank") == [
        ("bank", 1.0),
        ("banks", 0.8),
        ("bonk", 0.75),
    ]


def test_a_run_together_word_splits_where_both_halves_are_words() -> None:
    words = StringTable.build(["bank", "melli", "smile", "technology"]).lookups()
    extras = StringTable.build(["tech"]).lookups()
    assert _kernel.first_split(b"bankmelli", words, extras, 3) == 4
    assert _kernel.first_split(b"smiletech", words, extras, 3) == 5
    assert _kernel.first_split(b"bankmellix", words, extras, 3) == -1


def test_a_string_table_finds_what_it_holds() -> None:
    table = StringTable.build(["hikvision", "dahua", "海康威视"])
    assert [table[i] for i in table.find(["dahua", "海康威视", "hikvision"])] == [
        "dahua",
        "海康威视",
        "hikvision",
    ]
    assert table.position("sony") == -1
