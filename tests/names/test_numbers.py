"""Numbers (`names/numbers.py`): number words as digits, and number symbols."""

from __future__ import annotations

import pytest

from lookthrough.names.numbers import has_number_words, number_symbol, number_words_to_digits


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (["brigade", "fourty", "four"], ["brigade", "44"]),  # nomenklatura's model case, misspelt
        (["brigade", "forty", "four"], ["brigade", "44"]),
        (["battalion", "twenty", "one"], ["battalion", "21"]),
        (["sea", "pony", "one"], ["sea", "pony", "one"]),  # 'one' alone stays a word
        (["hikvision", "digital"], ["hikvision", "digital"]),
    ],
)
def test_number_words_to_digits(tokens: list[str], expected: list[str]) -> None:
    assert number_words_to_digits(tokens) == expected


def test_has_number_words() -> None:
    assert has_number_words(["brigade", "forty"])
    assert not has_number_words(["brigade", "44"])


@pytest.mark.parametrize(("token", "symbol"), [("44", "num:44"), ("007", "num:7"), ("pony", "")])
def test_number_symbol(token: str, symbol: str) -> None:
    assert number_symbol(token) == symbol
