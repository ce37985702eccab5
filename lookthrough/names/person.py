"""A person's name in any script to Latin words, each with its role and symbols.

Every word is kept (particles too: 'Le Duc Anh' keeps Lê). Scripts are read by the library
that reads them best: Japanese by cutlet, Korean by ICU with the lists' conventions, Thai by
PyThaiNLP, Chinese by pypinyin, the rest by ICU through rigour. Arabic, Persian and Hebrew
are written without short vowels, so ICU's letters ('mhmd') rarely equal a Latin spelling:
those words meet Latin ones through rigour's name symbols, looked up on the word as written.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from lookthrough.names import japanese, korean, thai
from lookthrough.names.chinese import chinese_tokens, person_pinyin
from lookthrough.names.people import FAMILY, PARTICLE, family_first, inversion, is_capitalised, person_roles
from lookthrough.names.scripts import is_abjad
from lookthrough.names.symbols import compound_symbols, person_symbols
from lookthrough.names.text import join_words, to_latin, tokenize

_CAPITALS = re.compile(r"[^\W\d_a-z]{2}")
"""Two capitals in a row: a word may be written in capitals (any script's capitals)."""
ARTICLE = "ال"
"""Arabic's definite article, written joined to the next word ('التكريتي', al-Tikriti)."""
AYN = "ع"


class PersonWords(NamedTuple):
    """A person's name as Latin words with their roles and symbols, all aligned."""

    tokens: tuple[str, ...]
    roles: tuple[str, ...]
    symbols: tuple[str, ...]


def read_person(text: str, script: str, *, corpus: bool = True) -> PersonWords:
    """Read `text` (a name in `script`, see names/scripts.py) as a person's name; `corpus`: see
    `person_symbols`."""
    if script == "japanese":
        tokens = list(japanese.romanize(text))
        return _finish(tokens, family_first(len(tokens)), tokens)
    if script == "korean":
        return _korean(text)
    if script == "cjk":
        raw = person_pinyin(text) or chinese_tokens(text, organization=False)[0]
        tokens = [p for t in raw for p in tokenize(join_words(to_latin(t)))]
        return _finish(tokens, family_first(len(tokens)), tokens)
    if script == "thai":
        tokens = [p for chunk in text.split() for p in tokenize(thai.romanize(chunk))]
        roles = ["given", "family"] if len(tokens) == 2 else [""] * len(tokens)
        return _finish(tokens, roles, tokens)
    return _alphabetic(text, corpus)


def _korean(text: str) -> PersonWords:
    tokens: list[str] = []
    roles: list[str] = []
    for chunk in text.split():
        if not korean.has_hangul(chunk):
            words = tokenize(join_words(to_latin(chunk)))
            tokens.extend(words)
            roles.extend("" for _ in words)
        elif not tokens:
            pairs = korean.person_words(chunk)
            tokens.extend(t for t, _ in pairs)
            roles.extend(r for _, r in pairs)
        else:
            words = korean.given_words(chunk)
            tokens.extend(words)
            roles.extend("given" for _ in words)
    return _finish(tokens, roles, tokens)


def _alphabetic(text: str, corpus: bool = True) -> PersonWords:
    """Latin, Cyrillic, Greek, Arabic, Hebrew …: inversion, capitals, particles, patronymics."""
    inverted = inversion(text)
    parts = [inverted[1], inverted[0]] if inverted else [text]
    tokens: list[str] = []
    sources: list[str] = []
    capitals: list[bool] = []
    starts: list[int] = []
    # Capitals only tell family names in a name written in both cases ('KIM Jong Un').
    both_cases = _CAPITALS.search(text) is not None and not text.isupper()
    for part in parts:
        starts.append(len(tokens))
        if text.isascii():  # one pass over the words as written, capitals kept
            written = tokenize(join_words(part))
            words = [w.lower() for w in written]
            tokens.extend(words)
            sources.extend(words)
            capitals.extend(both_cases and is_capitalised(w) for w in written)
            continue
        for chunk in part.split():
            capital = both_cases and is_capitalised(chunk)
            for token, source in _chunk_words(chunk):
                tokens.append(token)
                sources.append(source)
                capitals.append(capital)
    roles = person_roles(tokens, capitals, inverted_at=starts[1] if inverted else None)
    found = _finish(tokens, roles, sources, corpus)
    if text.isascii() or not any(map(is_abjad, sources)):
        return found
    compounds = compound_symbols(sources)
    symbols = tuple(f"{s} {c}".strip() for s, c in zip(found.symbols, compounds, strict=True))
    return found._replace(symbols=symbols)


def _chunk_words(chunk: str) -> list[tuple[str, str]]:
    """(Latin word, the word its symbols are looked up on) for one space-separated chunk: a word
    in another script is looked up as written (its name symbols are richer than its letters')."""
    if chunk.isascii():
        return [(t, t) for t in tokenize(join_words(to_latin(chunk)))]
    found: list[tuple[str, str]] = []
    letters = "".join(c for c in chunk if c.isalpha())
    if is_abjad(chunk) and letters.startswith(ARTICLE) and len(letters) > 4 and letters != "الله":
        found.append(("al", "al"))
        letters = letters[len(ARTICLE) :]
    words = tokenize(join_words(to_latin(letters if is_abjad(chunk) else chunk)))
    if len(words) == 1 and letters.startswith(AYN) and words[0][0] not in "aeiou":
        words = ["a" + words[0]]  # ICU drops an opening ʿayn, which Latin lists write 'A' (Abd, Ali)
    if len(words) == 1:
        return [*found, (words[0], letters.casefold())]
    return found + [(t, t) for t in words]


def _finish(tokens: list[str], roles: list[str], sources: list[str], corpus: bool = True) -> PersonWords:
    symbols = person_symbols(sources, corpus=corpus)
    if PARTICLE in roles:
        symbols = [_particle_symbols(s) if r == PARTICLE else s for s, r in zip(symbols, roles, strict=True)]
    for i, token in enumerate(tokens):
        if token.endswith(FEMININE_ENDINGS) and (roles[i] == FAMILY or len(tokens) == 1):
            symbols[i] = _apart_from_masculine(token, symbols[i], corpus)
    return PersonWords(tuple(tokens), tuple(roles), tuple(symbols))


FEMININE_ENDINGS = ("ina", "yna", "ova", "eva", "ëva")
"""Slavic family names' feminine forms (Putina, Ivanova): another person's name than the
masculine form, which rigour's corpus groups with it."""


def _apart_from_masculine(token: str, symbols: str, corpus: bool) -> str:
    """A feminine family name without the symbols it shares with its masculine form."""
    (masculine,) = person_symbols([token[:-1]], corpus=corpus)
    drop = set(masculine.split())
    return " ".join(s for s in symbols.split() if s not in drop)


def _particle_symbols(symbols: str) -> str:
    """A particle keeps only its particle symbols ('bin' = 'ibn' = 'بن'), not the names it spells."""
    return " ".join(s for s in symbols.split() if s.startswith("sym:"))
