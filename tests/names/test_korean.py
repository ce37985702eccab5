"""Korean names (`names/korean.py`): Hangul as the lists write it, surnames in their usual spellings."""

from __future__ import annotations

import pytest

from lookthrough.names.korean import given_words, person_words, surname_symbols, surnames, syllable


@pytest.mark.parametrize(
    ("char", "latin"),
    [
        ("정", "jong"),  # ㅈ as j, ŏ without its breve
        ("은", "un"),
        ("최", "choe"),  # ㅊ as ch
        ("룡", "ryong"),  # an initial ㄹ stays r, as the North writes it
        ("리", "ri"),
        ("봉", "pong"),
        ("김", "kim"),
    ],
)
def test_syllable(char: str, latin: str) -> None:
    assert syllable(char) == latin


@pytest.mark.parametrize(
    ("name", "words"),
    [
        # The UN and OFAC lists' spellings of DPRK officials
        ("김정은", [("kim", "family"), ("jong", "given"), ("un", "given")]),
        ("리영호", [("ri", "family"), ("yong", "given"), ("ho", "given")]),
        ("최룡해", [("choe", "family"), ("ryong", "given"), ("hae", "given")]),
        ("박봉주", [("pak", "family"), ("pong", "given"), ("ju", "given")]),
        ("이민호", [("lee", "family"), ("min", "given"), ("ho", "given")]),
        ("남궁민", [("namkung", "family"), ("min", "given")]),  # a two-syllable surname
    ],
)
def test_person_words(name: str, words: list[tuple[str, str]]) -> None:
    assert person_words(name) == words


def test_given_words() -> None:
    assert given_words("정은") == ["jong", "un"]


@pytest.mark.parametrize(
    ("spelling", "symbol"),
    [("lee", "name:ko-lee"), ("ri", "name:ko-lee"), ("yi", "name:ko-lee"), ("park", "name:ko-park"),
     ("pak", "name:ko-park"), ("choi", "name:ko-choi"), ("choe", "name:ko-choi")],
)  # fmt: skip
def test_surname_spellings_share_a_symbol(spelling: str, symbol: str) -> None:
    assert symbol in surname_symbols()[spelling].split()


def test_surname_table_rows() -> None:
    table = surnames()
    assert table["김"] == ("kim", "kim", ("kim", "gim"))
    assert all(written in spellings for written, _, spellings in table.values())
