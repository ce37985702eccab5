"""Thai names (`names/thai.py`): the Royal Thai General System."""

from __future__ import annotations

import pytest

from lookthrough.names.thai import romanize


@pytest.mark.parametrize(
    ("word", "latin"),
    [("สมชาย", "somchai"), ("ประยุทธ์", "prayut"), ("จันทร์โอชา", "chanocha"), ("ทักษิณ", "thaksin")],
)
def test_romanize(word: str, latin: str) -> None:
    assert romanize(word) == latin
