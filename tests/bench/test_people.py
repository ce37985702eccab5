"""Unlisted person names for the person and script protocols: reproducible, spread, never listed."""

from __future__ import annotations

import csv
from collections import Counter

from bench import people
from bench.people import draw, latin_negatives, person_key, script_negatives, unlisted


def test_a_locale_draws_the_same_distinct_names_for_a_seed():
    names = draw("en_US", 50, 11)
    assert names == draw("en_US", 50, 11)
    assert len(set(names)) == 50
    assert all(len(n.split()) == 2 for n in names)


def test_family_name_first_where_the_locale_writes_it_so():
    assert all(" " not in n for n in draw("zh_CN", 5, 1))
    assert all(len(n.split(" ")) == 2 for n in draw("ja_JP", 5, 1))


def test_latin_negatives_spread_over_every_locale():
    pairs = latin_negatives([], size=240)
    assert len(pairs) == 240
    assert set(Counter(locale for locale, _ in pairs).values()) == {10}


def test_script_negatives_lean_like_the_un_names():
    locales = Counter(locale for locale, _ in script_negatives([], size=400))
    arabic = sum(locales[loc] for loc in people.SCRIPTS["arabic"])
    cyrillic = sum(locales[loc] for loc in people.SCRIPTS["cyrillic"])
    assert (arabic, cyrillic) == (200, 120)


def test_a_listed_name_in_any_word_order_is_dropped_and_written_out(tmp_path):
    assert person_key("HASSAN, Ali") == person_key("Ali Hassan") == "ali hassan"
    dropped = tmp_path / "dropped.csv"
    kept = unlisted([("en_PK", "Ali Hassan"), ("en_US", "Jodi Castro")], ["HASSAN, Ali"], dropped)
    assert kept == [("en_US", "Jodi Castro")]
    with dropped.open(encoding="utf-8") as handle:
        assert list(csv.reader(handle))[1] == ["en_PK", "Ali Hassan", "HASSAN, Ali"]
