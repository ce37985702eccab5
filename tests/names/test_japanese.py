"""Japanese names (`names/japanese.py`): Hepburn, long vowels short, as passports and lists write them."""

from __future__ import annotations

import pytest

from lookthrough.names.japanese import reads_fully, romanize, set_aside_forms


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("山田太郎", ("yamada", "taro")),  # not 'tarou'
        ("田中花子", ("tanaka", "hanako")),
        ("安倍晋三", ("abe", "shinzo")),  # not 'shinzou'
        ("麻原彰晃", ("asahara", "shoko")),  # the UN list's ASAHARA Shoko
        ("井上", ("inoue",)),  # a vowel that is not long stays
        ("大阪", ("osaka",)),
    ],
)
def test_romanize(text: str, words: tuple[str, ...]) -> None:
    assert romanize(text) == words


def test_unknown_kanji_are_left_out() -> None:
    assert reads_fully("山田太郎")
    assert not reads_fully("習近平")  # UniDic has no Japanese reading for every character
    assert "?" not in "".join(romanize("習近平"))


def test_legal_forms_are_set_aside() -> None:
    assert set_aside_forms("トヨタ自動車株式会社") == "トヨタ自動車 jsc "
