"""Japanese names in kana and kanji, in Hepburn as the lists write them: 山田太郎 -> 'yamada taro'.

cutlet (MIT) segments the text with MeCab (fugashi) over UniDic (unidic-lite) and writes each
word in Hepburn. Long vowels are written short ('Tarō', 'Tarou' -> 'taro', 'Shinzō' -> 'shinzo'),
as passports and the sanctions lists spell them: each word is read from UniDic's pronunciation,
where a long vowel is a mark ('タロー'), rather than from its spelling in kana ('タロウ').
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

LEGAL_FORMS: dict[str, str] = {
    "株式会社": "jsc", "有限会社": "llc", "合同会社": "llc", "合資会社": "lp", "合名会社": "gp",
}  # fmt: skip
"""The kinds of company of Japan's Companies Act (会社法) and its predecessor's yūgen kaisha,
as generic codes: written joined to the name ('トヨタ自動車株式会社'), so split off first."""
_FORMS = re.compile("|".join(LEGAL_FORMS))


@cache
def _cutlet() -> Any:
    # Imported on first use: the dictionary takes a moment to open, and only Japanese needs it.
    import cutlet

    return cutlet.Cutlet(system="hepburn")


def _reading(katsu: Any, node: Any) -> str:
    pron = getattr(node.feature, "pron", None)
    if node.is_unk or not pron or pron == "*" or not node.surface.strip():
        return str(katsu.romaji_word(node))
    import jaconv

    return str(katsu.map_kana(jaconv.kata2hira(pron.replace("ー", ""))))


@lru_cache(maxsize=20_000)
def romanize(text: str) -> tuple[str, ...]:
    """The words of a Japanese text in Hepburn, long vowels short; an unknown word (a kanji
    UniDic does not know) is left out rather than guessed."""
    katsu = _cutlet()
    words = []
    for node in katsu.tagger(text):
        latin = _reading(katsu, node).lower()
        if latin and "?" not in latin and any(c.isalnum() for c in latin):
            words.append(latin)
    return tuple(words)


def set_aside_forms(text: str) -> str:
    """'トヨタ自動車株式会社' -> 'トヨタ自動車 jsc ': legal forms as generic codes, apart from the name."""
    return _FORMS.sub(lambda m: f" {LEGAL_FORMS[m.group(0)]} ", text)


def reads_fully(text: str) -> bool:
    """Every character of a kanji name has a Japanese reading (no '??' from cutlet)."""
    katsu = _cutlet()
    return all(not node.is_unk for node in katsu.tagger(text) if node.surface.strip())
