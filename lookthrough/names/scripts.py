"""Which writing system a word is in, so each script is read by the library that reads it best."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
THAI = re.compile(r"[\u0e00-\u0e7f]")
ABJAD = re.compile(r"[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
"""Arabic, Persian and Hebrew letters: written without short vowels, read through name symbols."""
HEBREW = re.compile(r"[\u0590-\u05ff\ufb1d-\ufb4f]")

SCRIPTS = (
    "latin", "cjk", "japanese", "korean", "thai", "arabic", "hebrew", "cyrillic", "greek",
    "armenian", "georgian", "other",
)  # fmt: skip
_NAMED = {"CYRILLIC": "cyrillic", "GREEK": "greek", "ARMENIAN": "armenian", "GEORGIAN": "georgian"}


def name_script(text: str) -> str:
    """The script that decides how a whole name is read: Japanese when it holds kana (a name
    in kanji and kana is Japanese, kanji alone is read as Chinese), then Korean, Chinese, Thai,
    Arabic (Persian too), Hebrew, the scripts ICU transliterates well, else Latin."""
    if text.isascii():
        return "latin"
    if KANA.search(text):
        return "japanese"
    if HANGUL.search(text):
        return "korean"
    if HAN.search(text):
        return "cjk"
    if THAI.search(text):
        return "thai"
    if ABJAD.search(text):
        return "hebrew" if HEBREW.search(text) else "arabic"
    return _alphabet(text)


@lru_cache(maxsize=50_000)
def _alphabet(text: str) -> str:
    for char in text:
        if char.isalpha() and not char.isascii():
            first = unicodedata.name(char, "").split(" ", 1)[0]
            if first != "LATIN":
                return _NAMED.get(first, "other")
    return "latin"


def is_abjad(word: str) -> bool:
    """An Arabic, Persian or Hebrew word."""
    return ABJAD.search(word) is not None
