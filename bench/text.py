"""The harness's own, deliberately simple name normalisation (independent of lookthrough.names)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from normality import ascii_text

SPLIT = re.compile(r"[^a-z0-9]+")
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

# fmt: off
LEGAL_WORDS = frozenset({
    "co", "ltd", "limited", "inc", "incorporated", "corp", "corporation", "company", "llc", "llp",
    "lp", "plc", "gmbh", "ag", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "oy", "ab", "as",
    "pte", "pvt", "jsc", "cjsc", "ojsc", "pjsc", "ooo", "oao", "zao", "pao", "ao", "kg", "kft",
    "doo", "sl", "fze", "fzco", "fzc", "bhd", "sdn", "tbk", "pt", "group", "holding", "holdings",
})
# fmt: on
"""Legal-form words (and 'group'/'holdings') set aside when deciding that two names are the same."""


@lru_cache(maxsize=200_000)
def tokens(name: str) -> tuple[str, ...]:
    """NFKC, casefold, ASCII transliteration, split on anything not a letter or digit."""
    text = unicodedata.normalize("NFKC", name).casefold()
    latin = ascii_text(text) or ""
    return tuple(t for t in SPLIT.split(latin.lower()) if t)


def key(name: str) -> str:
    return " ".join(tokens(name))


def core_key(name: str) -> str:
    """The key without legal-form words: 'Acme Co., Ltd.' and 'ACME LIMITED' agree."""
    words = [t for t in tokens(name) if t not in LEGAL_WORDS]
    return " ".join(words or tokens(name))


def trigrams(name: str) -> frozenset[str]:
    padded = f" {key(name)} "
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def token_share(query: str, other: str) -> float:
    """Share of the query's distinct tokens that the other name also has."""
    mine = set(tokens(query))
    return len(mine & set(tokens(other))) / len(mine) if mine else 0.0


def has_cjk(name: str) -> bool:
    return bool(CJK.search(name))
