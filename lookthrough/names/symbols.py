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
- `cons:<consonants>`: the consonants of a person's name word, as Arabic and Hebrew write a
  name (short vowels unwritten, doubled letters once): التكريتي and Tikriti share `cons:tkrt`.
  Weaker than the others: it is only evidence between a word written in Arabic or Hebrew script
  and a Latin one (Hamid and Ahmed share `cons:hmd` too).

A word is looked up once per process: the cache keeps the lookups of a screening run.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from typing import Any

from lookthrough.names.korean import surname_symbols
from lookthrough.names.numbers import number_symbol
from lookthrough.names.text import to_latin, tokenize

MIN_NAME_LENGTH = 3
"""Shorter Latin words (initials, 'al', 'le') carry no name symbol: too many names share them."""
_CACHE_LIMIT = 500_000
_cache: dict[tuple[str, bool], str] = {}


@cache
def _nicknamer() -> Any:
    from nicknames import NickNamer

    return NickNamer()


@cache
def _rigour() -> tuple[Any, Any]:
    from rigour.names import NameTypeTag, analyze_names

    return analyze_names, NameTypeTag.PER


STRENGTH = ("name:", "num:", "sym:", "nick:", "cons:")
"""Kinds of symbol from the strongest evidence that two words are one name to the weakest."""


def shared(a: str, b: str) -> str | None:
    """The strongest symbol two symbol strings share (a name before a nickname, a consonant
    symbol last), or None."""
    if not a or not b:
        return None
    common = set(a.split()) & set(b.split())
    if not common:
        return None
    return min(common, key=_strength)


def _strength(symbol: str) -> tuple[int, str]:
    kind = next((i for i, prefix in enumerate(STRENGTH) if symbol.startswith(prefix)), len(STRENGTH))
    return kind, symbol


def nickname_symbols(word: str) -> list[str]:
    """'ted' -> ['nick:edmund', 'nick:edward', 'nick:theodore']; 'theodore' -> ['nick:theodore']."""
    namer = _nicknamer()
    found = {f"nick:{formal}" for formal in namer.canonicals_of(word) if " " not in formal}
    if namer.nicknames_of(word):
        found.add(f"nick:{word}")
    return sorted(found)


_DIGRAPHS = (("kh", "x"), ("gh", "G"), ("sh", "S"), ("th", "T"), ("dh", "D"), ("ph", "f"))
_SOUNDS = str.maketrans({"q": "k", "c": "k", "g": "j", "v": "w"})
_VOWELS = str.maketrans("", "", "aeiouyw")
MIN_CONSONANTS = 3


@lru_cache(maxsize=100_000)
def consonants(word: str) -> str:
    """'cons:tkrt' for 'tikriti' and for ICU's 'tkryty' (التكريتي): the word without vowels or
    the letters Arabic and Hebrew use for long vowels, doubled letters once, a final h dropped;
    '' when fewer than three consonants are left or the word is not Latin letters."""
    if not word.isascii() or not word.isalpha():
        return ""
    for digraph, letter in _DIGRAPHS:
        word = word.replace(digraph, letter)
    bare = word.translate(_SOUNDS).translate(_VOWELS)
    single = "".join(c for i, c in enumerate(bare) if i == 0 or c != bare[i - 1]).removesuffix("h")
    return f"cons:{single}" if len(single) >= MIN_CONSONANTS else ""


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


def _symbols(word: str, found: set[str] | frozenset[str]) -> str:
    symbols = set(found) if len(word) >= MIN_NAME_LENGTH or not word.isascii() else set()
    latin = word if word.isascii() else "".join(tokenize(to_latin(word)))
    skeleton = consonants(latin)
    if skeleton:
        symbols.add(skeleton)
    if word.isascii():
        symbols.update(nickname_symbols(word))
        korean = surname_symbols().get(word)
        if korean:
            symbols.update(korean.split())
    number = number_symbol(word)
    if number:
        symbols.add(number)
    return " ".join(sorted(symbols))


def person_symbols(words: Sequence[str], *, corpus: bool = True) -> list[str]:
    """The symbol string of each word of a person's name ('' where none). `corpus`: look Latin
    words up in rigour's names corpus too (words in other scripts always are). The corpus costs
    seconds to load in a process, and a Latin query word meets a listed Latin spelling by its
    letters anyway: listed names are read with it, screened Latin names without it."""
    keys = [(w, corpus or not w.isascii()) for w in words]
    missing = sorted({k for k in keys if k not in _cache and not k[0].isdigit()})
    if missing:
        if len(_cache) > _CACHE_LIMIT:
            _cache.clear()
        looked_up = [k[0] for k in missing if k[1]]
        tagged = dict(zip(looked_up, _rigour_symbols(looked_up), strict=True)) if looked_up else {}
        for word, deep in missing:
            _cache[word, deep] = _symbols(word, tagged.get(word, frozenset()) if deep else frozenset())
    return [_cache[k] if k in _cache else number_symbol(k[0]) for k in keys]


def compound_symbols(words: Sequence[str]) -> list[str]:
    """Name symbols of names written in two words, given to each of the words: عبد الله (the
    Latin lists' Abdullah, Abd Allah) gives both its words Abdullah's symbols."""
    analyze_names, person = _rigour()
    found = [""] * len(words)
    for name in analyze_names(person, [" ".join(words)], consolidate=False, phonetics=False, numerics=False):
        if len(name.parts) != len(words):
            continue
        for span in name.spans:
            if len(span.parts) > 1 and span.symbol.category.value == "NAME":
                for part in span.parts:
                    found[part.index] = f"{found[part.index]} name:{span.symbol.id}".strip()
    return found


def organisation_symbols(tokens: Sequence[str]) -> list[str]:
    """An organisation's words carry number symbols only: 'Brigade 44' -> ['', 'num:44']."""
    return [number_symbol(t) for t in tokens]
