"""The blocking index: rare words open candidates, typos and run-together words still meet,
generic words never open a long list, and the index survives pickling (Spark broadcasts it)."""

from __future__ import annotations

import pickle

import pytest

from lookthrough.matching.name_v1.deletions import deletions
from lookthrough.matching.name_v1.index import NameIndex
from lookthrough.names import analyze

LISTED = [
    ("hikvision", "Hangzhou Hikvision Digital Technology Co., Ltd.", "name", False),
    ("dahua", "Zhejiang Dahua Technology Co., Ltd.", "name", False),
    ("sensetime", "SenseTime Group Limited", "name", False),
    ("megvii", "Beijing Megvii Technology Co., Ltd.", "name", False),
    ("cetc", "China Electronics Technology Group Corporation", "name", False),
    ("habbash", "George Habbash", "name", True),
] + [(f"filler-{i}", f"Filler{i} Technology Co Ltd", "name", False) for i in range(300)]


@pytest.fixture(scope="module")
def index() -> NameIndex:
    return NameIndex.build(LISTED)


def top(index: NameIndex, query: str, limit: int = 5) -> list[str]:
    return [index.names[name_id].entity_id for name_id, _ in index.candidates(analyze(query), limit)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Hangzhou Hikvision", "hikvision"),
        ("HIKVISION", "hikvision"),
        ("Hikvsion", "hikvision"),  # transposition: one edit
        ("Hikvisoin Digital", "hikvision"),
        ("Hikkvission", "hikvision"),  # two edits in a long word
        ("zhejiang dahau technology", "dahua"),
        ("Sense Time", "sensetime"),  # split word meets the joined one
        ("SenseTime Grp", "sensetime"),
        ("Megvii Tech", "megvii"),
        ("China Electronics Technology", "cetc"),
        ("Habbash George", "habbash"),
    ],
)
def test_query_finds_its_listed_name_first(index: NameIndex, query: str, expected: str) -> None:
    assert top(index, query)[0] == expected


def test_candidates_never_exceed_the_limit(index: NameIndex) -> None:
    # A query of generic words only opens through its rarest word: here all 300 fillers.
    assert len(index.candidates(analyze("Technology Co Ltd"), 10)) == 10
    assert len(index.candidates(analyze("Hikvision Dahua Megvii SenseTime"), 2)) == 2


def test_common_words_only_raise_candidates_a_rare_word_opened(index: NameIndex) -> None:
    found = top(index, "Dahua Technology", 500)
    assert found == ["dahua"]  # not the 300 other names that share "technology"


def test_bound_is_the_share_of_query_weight_found(index: NameIndex) -> None:
    [(_, bound)] = index.candidates(analyze("Hikvision Unheardofword"), 1)
    assert 0.0 < bound < 1.0
    [(_, whole)] = index.candidates(analyze("Hangzhou Hikvision"), 1)
    assert whole == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("word", "one_edit", "two_edits"),
    [("dahua", "daua", None), ("hikvision", "hikvison", "hkvison"), ("megvii", "megvi", "mgvi")],
)
def test_deletion_neighbourhood(word: str, one_edit: str, two_edits: str | None) -> None:
    found = deletions(word)
    assert one_edit in found
    if two_edits:
        assert two_edits in found
    else:
        assert all(len(d) == len(word) - 1 for d in found)  # short words: one edit only


def test_similar_words_come_with_their_similarity(index: NameIndex) -> None:
    [(word, similarity)] = index.similar("hikvsion")
    assert word == "hikvision" and 0.8 < similarity < 1.0
    assert index.similar("qqqqqqq") == ()


def test_pickled_index_answers_the_same(index: NameIndex) -> None:
    copy = pickle.loads(pickle.dumps(index))
    for query in ("Hikvsion", "Sense Time", "George Habbash", "Technology"):
        assert copy.candidates(analyze(query), 10) == index.candidates(analyze(query), 10)


def test_deletion_index_finds_words_within_two_edits_and_pickles_small() -> None:
    from lookthrough.matching.name_v1.deletions import DeletionIndex

    words = ["hikvision", "dahua", "megvii", "sensetime"]
    near = DeletionIndex.build((w, w) for w in words)
    assert "hikvision" in near.near("hkivsion")  # transposition + deletion
    assert "dahua" in near.near("dahau")
    assert near.near("zzzzzzzz") == set()
    copy = pickle.loads(pickle.dumps(near))
    assert copy.near("megvi") == near.near("megvi") == {"megvii"}
    assert len(pickle.dumps(near)) < 40 * len(near) + (1 << 20) * 10  # integers, not strings
