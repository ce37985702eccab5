"""Korean names in Hangul, written as the lists write them: 김정은 -> 'kim jong un'.

Each syllable goes through ICU's BGN/PCGN transform (McCune-Reischauer), then as the North's
official romanisation spells it, which the sanctions lists follow: no breves (ŏ, ŭ -> o, u),
ㅈ as j, ㅊ as ch, and an initial ㄹ kept as r (Ri, Ryong). A person's surname, the first
syllable (or one of the two-syllable surnames), is looked up in a cited table that gives its
usual spellings (이 Lee, Yi, Ri; 박 Park, Pak) so that those spellings meet as one name symbol.
An organisation's name is read whole by ICU's Revised Romanization, as before.
"""

from __future__ import annotations

import csv
from functools import cache, lru_cache
from pathlib import Path

from lookthrough.names.scripts import HANGUL

_SYLLABLES = range(0xAC00, 0xD7A4)
_RIEUL = 5
"""Index of ㄹ among the initial consonants of a Hangul syllable."""
_CHIEUT, _JIEUT = 14, 12
DOUBLE_SURNAMES = frozenset({"남궁", "황보", "제갈", "선우", "독고", "사공", "서문", "동방"})
"""Two-syllable surnames (Wikipedia, 'List of Korean surnames': compound surnames)."""
SURNAMES_PATH = Path(__file__).resolve().parent.parent / "data" / "names" / "korean_surnames.csv"
_FOLD = str.maketrans({"ŏ": "o", "ŭ": "u", "’": "", "'": "", "ʼ": ""})


@cache
def _bgn() -> object:
    import icu

    return icu.Transliterator.createInstance("NFD; ko-ko_Latn/BGN")


@lru_cache(maxsize=4096)
def syllable(char: str) -> str:
    """One Hangul syllable in the North's spelling of McCune-Reischauer ('정' -> 'jong')."""
    code = ord(char)
    if code not in _SYLLABLES:
        return char
    latin: str = _bgn().transliterate(char)  # type: ignore[attr-defined]
    initial = (code - 0xAC00) // 588
    if initial == _RIEUL and latin.startswith("n"):  # BGN writes the South's initial-sound rule
        latin = "r" + latin[1:]
    elif initial == _JIEUT and latin.startswith("ch"):
        latin = "j" + latin[2:]
    elif initial == _CHIEUT:
        latin = "ch" + latin[3:]  # ch' -> ch
    return latin.translate(_FOLD)


@cache
def surnames() -> dict[str, tuple[str, str, tuple[str, ...]]]:
    """Hangul surname -> (as written, canonical spelling, every usual spelling)."""
    found: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    text = SURNAMES_PATH.read_text(encoding="utf-8")
    for row in csv.reader(line for line in text.splitlines() if line and not line.startswith("#")):
        hangul, written, canonical, spellings = row
        found[hangul] = (written, canonical, tuple(spellings.split()))
    return found


@cache
def surname_symbols() -> dict[str, str]:
    """Latin spelling -> the symbols of the Korean surnames it writes ('ri' -> 'name:ko-lee')."""
    found: dict[str, set[str]] = {}
    for _written, canonical, spellings in surnames().values():
        for spelling in spellings:
            found.setdefault(spelling, set()).add(f"name:ko-{canonical}")
    return {spelling: " ".join(sorted(symbols)) for spelling, symbols in found.items()}


def has_hangul(text: str) -> bool:
    return HANGUL.search(text) is not None


def person_words(word: str) -> list[tuple[str, str]]:
    """(token, role) of a person's name written as one Hangul word: surname, then one token per
    given-name syllable, as lists write 'Kim Jong Un'."""
    head = 2 if word[:2] in DOUBLE_SURNAMES else 1
    surname, given = word[:head], word[head:]
    found: list[tuple[str, str]] = []
    if surname in surnames():
        found.append((surnames()[surname][0], "family"))
    else:
        found.append(("".join(syllable(c) for c in surname), "family"))
    found.extend((syllable(c), "given") for c in given if ord(c) in _SYLLABLES)
    return found


def given_words(word: str) -> list[str]:
    """A Hangul word that is not the first of a name: one token per syllable."""
    return [syllable(c) for c in word if ord(c) in _SYLLABLES]
