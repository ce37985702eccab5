"""Scripts (`names/scripts.py`): which library reads a name is decided by its script."""

from __future__ import annotations

import pytest

from lookthrough.names.scripts import is_abjad, name_script


@pytest.mark.parametrize(
    ("name", "script"),
    [
        ("Vladimir Putin", "latin"),
        ("Łukasz Świątek", "latin"),
        ("Владимир Путин", "cyrillic"),
        ("Αλέξανδρος", "greek"),
        ("Հայաստան", "armenian"),
        ("საქართველო", "georgian"),
        ("محمد علي", "arabic"),
        ("علی خامنه‌ای", "arabic"),  # Persian is written in Arabic script
        ("משה", "hebrew"),
        ("김정은", "korean"),
        ("山田太郎", "cjk"),  # kanji alone: read as Chinese (variants() adds the Japanese reading)
        ("鈴木いちろう", "japanese"),  # kanji with kana: Japanese
        ("トヨタ自動車株式会社", "japanese"),
        ("华为技术有限公司", "cjk"),
        ("สมชาย", "thai"),
        ("ሰላም", "other"),
    ],
)
def test_name_script(name: str, script: str) -> None:
    assert name_script(name) == script


@pytest.mark.parametrize(
    ("word", "expected"), [("محمد", True), ("משה", True), ("mhmd", False), ("Путин", False)]
)
def test_is_abjad(word: str, expected: bool) -> None:
    assert is_abjad(word) is expected
