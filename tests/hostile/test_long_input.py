"""Long input through the public screening call: the readers take a 10 MB field whole; the
screening of it ends in bounded time (names are matched on their first 512 characters).

Each case runs in a forked child so that a hang fails the test after TIMEOUT seconds instead
of stopping the suite."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from lookthrough.screening.reader import InputRow, open_table
from lookthrough.screening.screener import Screener, Tally
from lookthrough.screening.table import screen_table
from lookthrough.workspace import Workspace

TIMEOUT = 15.0


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Workspace(":memory:").screener()


def finishes(screener: Screener, path: Path) -> bool:
    """Whether screening every row of `path` ends within TIMEOUT seconds, rows balanced."""

    def run() -> None:
        tally = Tally()
        results = list(screen_table(screener, open_table(path), "name", [], tally))
        assert tally.rows_in == len(results) + tally.rejected == 2

    child = multiprocessing.get_context("fork").Process(target=run)
    child.start()
    child.join(TIMEOUT)
    if child.is_alive():
        child.kill()
        child.join()
        return False
    return child.exitcode == 0


def test_the_reader_takes_a_ten_megabyte_field_whole(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text("name\n" + "A" * 10_000_000 + "\nSony\n")
    rows = list(open_table(path).rows)
    assert [len(r.fields["name"]) for r in rows if isinstance(r, InputRow)] == [10_000_000, 4]


def test_a_ten_megabyte_word_is_screened_in_bounded_time(screener: Screener, tmp_path: Path) -> None:
    path = tmp_path / "word.csv"
    path.write_text("name\n" + "A" * 10_000_000 + "\nSony\n")
    assert finishes(screener, path)


def test_a_ten_megabyte_name_of_many_words_is_screened_in_bounded_time(screener: Screener, tmp_path) -> None:
    path = tmp_path / "words.csv"
    path.write_text("name\n" + "Hikvision Dahua " * 625_000 + "\nSony\n")
    assert finishes(screener, path)


def test_a_short_file_finishes_well_within_the_bound(screener: Screener, tmp_path: Path) -> None:
    path = tmp_path / "short.csv"
    path.write_text("name\nHikvision\nSony\n")
    assert finishes(screener, path)
