"""The parity tables themselves: every row readable, traceable to its origin, named once."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from bench.parity_tables import (
    KNOWN_MISSES,
    PAIR_COLUMNS,
    TABLES,
    TableError,
    pair_tables,
    rank_cases,
    read_pairs,
)


def test_every_table_reads_and_names_its_origin():
    tables = pair_tables()
    assert set(tables) == {
        "nomenklatura_logic_v2",
        "nomenklatura_name_tests",
        "nomenklatura_ofac_fixtures",
        "watchman_cross_script",
        "watchman_similarity",
    }
    for cases in tables.values():
        assert cases
        assert all(c.origin.url.startswith("https://github.com/") for c in cases)
    assert rank_cases()


def test_row_ids_are_unique():
    ids = Counter(c.id for cases in pair_tables().values() for c in cases)
    ids.update(c.id for c in rank_cases())
    assert [i for i, n in ids.items() if n > 1] == []


def test_known_misses_name_existing_rows():
    ids = {c.id for cases in pair_tables().values() for c in cases} | {c.id for c in rank_cases()}
    with KNOWN_MISSES.open(encoding="utf-8", newline="") as handle:
        listed = [f"{r['table']}:{r['origin_case']}" for r in csv.DictReader(handle)]
    assert [m for m in listed if m not in ids] == []


def test_readme_cites_every_table_and_licence():
    readme = (TABLES / "README.md").read_text(encoding="utf-8")
    for name in [*pair_tables(), "nomenklatura_logic_v2_ranking"]:
        assert f"`{name}.csv`" in readme
    assert "MIT" in readme and "Apache-2.0" in readme


def _write(path: Path, **changes: str) -> Path:
    row = dict.fromkeys(PAIR_COLUMNS, "x") | {
        "expected": "match",
        "basis": "asserted",
        "origin_commit": "0" * 40,
    }
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, PAIR_COLUMNS)
        writer.writeheader()
        writer.writerow(row | changes)
    return path


def test_a_good_row_reads(tmp_path):
    [case] = read_pairs(_write(tmp_path / "good.csv", candidate_aliases="A; B"))
    assert case.names == ("x", "A", "B")
    assert case.id == "good:x"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"expected": "maybe"}, "expected"),
        ({"basis": "hunch"}, "basis"),
        ({"origin_commit": "HEAD"}, "origin_commit"),
        ({"query": " "}, "query"),
        ({"origin_repo": ""}, "origin_repo"),
    ],
)
def test_a_bad_row_is_named_by_file_line_and_field(tmp_path, changes, field):
    with pytest.raises(TableError, match=rf"bad\.csv, line 2, field '{field}'"):
        read_pairs(_write(tmp_path / "bad.csv", **changes))
