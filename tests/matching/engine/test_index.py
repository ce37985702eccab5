"""The index as arrays: built from listed names, saved once, mapped from disk by every later
process, and matching exactly as it did before it was saved."""

from __future__ import annotations

import mmap
import pickle
from pathlib import Path

import numpy as np
import pytest

from lookthrough.matching import get_algorithm
from lookthrough.matching.engine.build import build_index
from lookthrough.matching.engine.data import FORMAT, IndexData
from lookthrough.matching.engine.engine import NameEngine
from lookthrough.matching.engine.lexicon import Lexicon
from lookthrough.workspace import Workspace

LISTED = [
    ("hikvision", "Hangzhou Hikvision Digital Technology Co., Ltd.", "name", False),
    ("hikvision", "海康威视", "alias", False),
    ("dahua", "Zhejiang Dahua Technology Co., Ltd.", "name", False),
    ("sensetime", "SenseTime Group Limited", "name", False),
    ("cetc", "China Electronics Technology Group Corporation (CETC)", "name", False),
    ("habbash", "George Habbash", "name", True),
] + [(f"filler-{i}", f"Filler{i} Technology Co Ltd", "name", False) for i in range(300)]
QUERIES = [
    "Hikvsion Digital",
    "海康威视",
    "Sense Time",
    "CETC",
    "Habbash George",
    "Technology Co Ltd",
    "Sony",
]


def is_mapped(array: np.ndarray) -> bool:
    """Read from a file mapping, not a copy in memory."""
    base = array
    while isinstance(base, np.ndarray) and base.base is not None:
        base = base.base
    return isinstance(base, mmap.mmap) and not array.flags.writeable


def engine(data: IndexData) -> NameEngine:
    return NameEngine(data, get_algorithm("name_v2"))


def answers(found: NameEngine) -> list[list[tuple[str, float, str]]]:
    return [[(m.entity_id, m.score, m.matched_name) for m in row] for row in found.match_names(QUERIES, 5)]


@pytest.fixture(scope="module")
def data() -> IndexData:
    return build_index(LISTED)


def test_each_distinct_form_of_a_name_is_indexed_once(data: IndexData) -> None:
    assert (data.meta["entities"], data.names) == (305, 308)
    # the CETC entry is indexed whole, without its brackets, and by its bracketed short name
    cetc = [data.text(n) for n in range(data.names) if data.entities[int(data.name_entity[n])] == "cetc"]
    assert cetc == [
        "China Electronics Technology Group Corporation (CETC)",
        "China Electronics Technology Group Corporation",
        "CETC",
    ]


def test_saved_and_mapped_the_index_answers_exactly_as_built(data: IndexData, tmp_path: Path) -> None:
    data.save(tmp_path / "index")
    mapped = IndexData.open(tmp_path / "index")
    assert is_mapped(mapped.post_names) and is_mapped(mapped.words.blob)
    assert answers(engine(mapped)) == answers(engine(data))


def test_a_pickled_engine_answers_the_same(data: IndexData) -> None:
    built = engine(data)
    assert answers(pickle.loads(pickle.dumps(built))) == answers(built)


def test_a_word_meets_the_same_spelling_neighbours_whatever_came_before(data: IndexData) -> None:
    # "filler1" is looked up as a word of its own (two edits) and as "filler" + "1" run
    # together (one edit, no spelling when both words are known): neither look-up may leak
    # into the other.
    def neighbours(lexicon: Lexicon, spelled: bool, edits: int) -> list[int]:
        slots = lexicon.slots(["filler1"], spelled=spelled, edits=edits)
        return sorted(lexicon.neighbours(slots)[1].tolist())

    modes = [(True, 2), (True, 1), (False, 1), (False, 2)]
    fresh = {mode: neighbours(Lexicon(data), *mode) for mode in modes}
    assert fresh[True, 2] != fresh[False, 1]
    for first in modes:
        lexicon = Lexicon(data)
        neighbours(lexicon, *first)
        assert {mode: neighbours(lexicon, *mode) for mode in modes} == fresh


def test_an_engine_answers_a_name_as_a_fresh_one_does_whatever_it_met_before(data: IndexData) -> None:
    warmed = engine(data)
    warmed.match_names(["Sensetime", "Sense Time Group", "Hikvision", "Hik Vision Digital"], 5)
    assert answers(warmed) == answers(engine(data))


def test_an_index_of_nothing_answers_nothing() -> None:
    assert engine(build_index([])).match_names(["Hikvision", ""], 5) == [[], []]


def test_a_file_of_another_layout_is_not_read(data: IndexData, tmp_path: Path) -> None:
    data.save(tmp_path / "index")
    manifest = tmp_path / "index" / "manifest.json"
    manifest.write_text(manifest.read_text().replace(f'"format": {FORMAT}', '"format": 0'))
    with pytest.raises(ValueError, match="layout"):
        IndexData.open(tmp_path / "index")


def test_the_workspace_saves_the_model_once_and_maps_it_after(tmp_path: Path) -> None:
    db = str(tmp_path / "w.duckdb")
    first = Workspace(db)
    path = first.model_path()
    assert path is not None and not path.exists()
    built = first.load_or_build()
    assert (path / "names" / "manifest.json").exists() and (path / "catalog" / "parties.arrow").exists()
    later = Workspace(db).load_or_build()
    assert is_mapped(later.names.data.post_names)  # type: ignore[attr-defined]
    for query in ("Hikvsion", "海康威视", "China Electronics Corporation"):
        assert [(m.entity_id, m.score) for m in later.match(query)] == [
            (m.entity_id, m.score) for m in built.match(query)
        ]
