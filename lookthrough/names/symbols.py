"""Name symbols: what makes two differently written words the same name.

A symbol string holds one or more symbols separated by spaces; two words whose symbol strings
share a symbol are the same name, whatever their spelling or script:

- `name:<id>`: a person's name in rigour's names corpus (Wikidata given and family names, with
  OpenSanctions' own additions), e.g. محمد, Mohamed and Muhammad share `name:Q5837762`;
  `name:ko-<surname>` links the usual spellings of a Korean surname (Lee, Yi, Ri; names/korean.py).
- `sym:<id>`: a name particle of one meaning in several spellings and scripts (bin, ben, ibn, بن).
- `nick:<formal name>`: a short form and the name it is short for (Ted, Theodore: `nick:theodore`),
  from the `nicknames` package (carltonnorthern/nicknames, Apache-2.0).
- `num:<n>`: a number, written in digits or words ('44', 'fourty-four').

A word is looked up once per process: the cache keeps the lookups of a screening run.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from lookthrough.names.korean import surname_symbols
from lookthrough.names.numbers import number_symbol

MIN_NAME_LENGTH = 3
"""Shorter Latin words (initials, 'al', 'le') carry no name symbol: too many names share them."""
_CACHE_LIMIT = 500_000
_cache: dict[str, str] = {}


@cache
def _nicknamer() -> Any:
    from nicknames import NickNamer

    return NickNamer()


@cache
def _rigour() -> tuple[Any, Any]:
    from rigour.names import NameTypeTag, analyze_names

    return analyze_names, NameTypeTag.PER


def shared(a: str, b: str) -> str | None:
    """The first symbol two symbol strings share, or None."""
    if not a or not b:
        return None
    common = set(a.split()) & set(b.split())
    return min(common) if common else None


def nickname_symbols(word: str) -> list[str]:
    """'ted' -> ['nick:edmund', 'nick:edward', 'nick:theodore']; 'theodore' -> ['nick:theodore']."""
    namer = _nicknamer()
    found = {f"nick:{formal}" for formal in namer.canonicals_of(word) if " " not in formal}
    if namer.nicknames_of(word):
        found.add(f"nick:{word}")
    return sorted(found)


def _tagged(parts: Iterable[Any], spans: Iterable[Any], count: int) -> list[set[str]]:
    found: list[set[str]] = [set() for _ in range(count)]
    for span in spans:
        if len(span.parts) != 1:
            continue
        category = span.symbol.category.value
        if category == "NAME":
            found[span.parts[0].index].add(f"name:{span.symbol.id}")
        elif category == "SYMBOL":
            found[span.parts[0].index].add(f"sym:{span.symbol.id.lower()}")
    return found


def _rigour_symbols(words: Sequence[str]) -> list[set[str]]:
    """Rigour's NAME and SYMBOL symbols of each word, in one call for all of them where rigour
    reads them as as many parts, else one call a word."""
    analyze_names, person = _rigour()
    names = analyze_names(person, [" ".join(words)], consolidate=False, phonetics=False, numerics=False)
    for name in names:
        if len(name.parts) == len(words):
            return _tagged(name.parts, name.spans, len(words))
    if len(words) == 1:
        return [set()]
    return [_rigour_symbols([word])[0] for word in words]


def _symbols(word: str, found: set[str]) -> str:
    symbols = set(found) if len(word) >= MIN_NAME_LENGTH or not word.isascii() else set()
    if word.isascii():
        symbols.update(nickname_symbols(word))
        korean = surname_symbols().get(word)
        if korean:
            symbols.update(korean.split())
    number = number_symbol(word)
    if number:
        symbols.add(number)
    return " ".join(sorted(symbols))


def person_symbols(words: Sequence[str]) -> list[str]:
    """The symbol string of each word of a person's name ('' where none)."""
    missing = sorted({w for w in words if w not in _cache and not w.isdigit()})
    if missing:
        if len(_cache) > _CACHE_LIMIT:
            _cache.clear()
        for word, found in zip(missing, _rigour_symbols(missing), strict=True):
            _cache[word] = _symbols(word, found)
    return [_cache[w] if w in _cache else number_symbol(w) for w in words]


def organisation_symbols(tokens: Sequence[str]) -> list[str]:
    """An organisation's words carry number symbols only: 'Brigade 44' -> ['', 'num:44']."""
    return [number_symbol(t) for t in tokens]
