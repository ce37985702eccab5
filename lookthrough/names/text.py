"""Script-level clean-up: Unicode forms, transliteration, punctuation, tokens."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rigour.text import ascii_text

_DOTTED_ACRONYM = re.compile(r"\b\w(?:\.\w)+\.?(?!\w)")
_APOSTROPHES = re.compile(r"[’'`ʼ‘´]")
_QUIET = frozenset("’'`ʼ‘´")
_SEPARATORS = re.compile(r"[^\w&+]+|_")
_BRACKETED = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]")
_SLASHED_FORMS = re.compile(r"\b(a|s)\s*/\s*(s|a)\b")
_CO_OP = re.compile(r"\bco-(?=op)")


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


@lru_cache(maxsize=200_000)
def latin_token(token: str) -> str:
    """One word in ASCII (ICU transliteration via rigour), cached: words repeat a lot."""
    return ascii_text(token).lower()


def to_latin(text: str) -> str:
    """Casefolded ASCII text; only non-ASCII words pay for transliteration."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    return " ".join(latin_token(word) if not word.isascii() else word for word in folded.split())


def join_words(text: str) -> str:
    """'u.s.a.' -> 'usa' and "sa'id" -> 'said', before legal forms like 's.a.' are looked for."""
    # Each pattern only runs where its characters occur: most names have none of them.
    if not _QUIET.isdisjoint(text):
        text = _APOSTROPHES.sub("", text)
    # 'A/S', 'S/A' are legal forms in one word; 'Co-operative' is not 'Company operative'.
    if "/" in text:
        text = _SLASHED_FORMS.sub(r"\1\2", text)
    if "co-" in text:
        text = _CO_OP.sub("co", text)
    if "." in text:
        text = _DOTTED_ACRONYM.sub(lambda m: m.group(0).replace(".", ""), text)
    return text


def tokenize(text: str) -> list[str]:
    """Words of a casefolded name, '&' kept as a word."""
    return [t for t in _SEPARATORS.split(text.replace("&", " & ").replace("+", " + ")) if t]


def split_brackets(name: str) -> tuple[str, list[str]]:
    """'CHINA ELECTRONICS ... (CETC)' -> ('CHINA ELECTRONICS ...', ['CETC'])."""
    inner = [a or b for a, b in _BRACKETED.findall(name)]
    outer = " ".join(_BRACKETED.sub(" ", name).split())
    return outer, [i.strip() for i in inner if i.strip()]
