"""From a raw name to the form every comparison works on."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from lookthrough.names import japanese, thai
from lookthrough.names.chinese import chinese_tokens, pinyin_business_words
from lookthrough.names.holdings import strip_listing_suffixes
from lookthrough.names.legal_forms import (
    leading_name_word,
    replace_forms,
    set_aside_written_forms,
    spell_out,
    split_forms,
    split_run_on,
)
from lookthrough.names.numbers import number_words_to_digits
from lookthrough.names.person import read_person
from lookthrough.names.scripts import HAN, name_script
from lookthrough.names.symbols import organisation_symbols
from lookthrough.names.text import join_words, nfkc, split_brackets, to_latin, tokenize
from lookthrough.names.vocabulary import PLACE_WORDS, STOPWORDS, canonical_parts


@dataclass(frozen=True, slots=True)
class NameForm:
    """A name as compared: core words, legal forms set aside, in one script.

    `symbols` and `roles` are aligned with `tokens` (or empty, from callers that predate them):
    a word's symbols say which other words are the same name in another spelling or script
    (names/symbols.py); its role says what it is in a person's name: 'given', 'family',
    'patronymic', 'particle', 'initial', or '' where the name does not tell (names/people.py).
    """

    original: str
    tokens: tuple[str, ...]
    forms: tuple[str, ...] = ()
    script: str = "latin"
    symbols: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return " ".join(self.tokens)

    @property
    def compact(self) -> str:
        """The words run together, so 'Sense Time' and 'SenseTime' meet."""
        return "".join(self.tokens)

    @property
    def initials(self) -> str:
        return "".join(t[0] for t in self.tokens)


def _core(
    tokens: list[str], organization: bool, *, named_first: bool = False, pinyin: bool = False
) -> tuple[list[str], list[str]]:
    forms: list[str] = []
    if organization:
        tokens, forms = split_forms(tokens, named_first=named_first)
        tokens = [part for t in tokens for part in canonical_parts(t)]
    if pinyin:  # 'da' in Hytera's 'haineng da' is a syllable, not Portuguese 'da'
        return tokens, forms
    kept = [t for t in tokens if t not in STOPWORDS]
    return (kept or tokens), forms


@lru_cache(maxsize=100_000)
def _words(text: str, script: str) -> tuple[str, ...]:
    """The casefolded Latin words of an organisation's name, each script read by its library."""
    if script == "japanese":
        return tuple(w for t in japanese.romanize(japanese.set_aside_forms(text)) for w in tokenize(t))
    if script == "thai":
        return tuple(w for chunk in text.split() for w in tokenize(thai.romanize(chunk)))
    return tuple(tokenize(join_words(to_latin(text))))


def _form(name: str, tokens: list[str], forms: list[str], script: str) -> NameForm:
    blank = ("",) * len(tokens)
    symbols = tuple(organisation_symbols(tokens)) if any(map(str.isdigit, tokens)) else blank
    return NameForm(name, tuple(tokens), tuple(sorted(set(forms))), script, symbols, blank)


@lru_cache(maxsize=100_000)
def analyze(name: str, *, organization: bool = True, holding: bool = False, listed: bool = False) -> NameForm:
    """Normalise one name. `holding` strips share-class suffixes ('-A', 'ADR'); `listed`: a
    listed person's Latin words get their name symbols from rigour's corpus too (see
    `names.symbols.person_symbols`)."""
    text = (name if name.isascii() else nfkc(name)).strip()
    if holding:
        text = strip_listing_suffixes(text)
    script = name_script(text)
    if not organization:
        person = read_person(text, script, corpus=listed)
        return NameForm(name, person.tokens, (), script, person.symbols, person.roles)
    if script == "cjk":  # Han characters without kana (name_script looks for them first)
        raw, cjk_forms = chinese_tokens(text, organization=organization)
        words = [p for t in raw for p in tokenize(join_words(to_latin(t)))]
        tokens, forms = _core(words, organization, pinyin=True)
        return _form(name, tokens, [*forms, *cjk_forms], "cjk")
    folded = set_aside_written_forms(split_run_on(text))
    words = number_words_to_digits(spell_out(list(_words(folded, script))))
    if "gongsi" in folded:
        words = pinyin_business_words(words)
    named_first = leading_name_word(words)
    tokens, forms = _core(replace_forms(words), organization, named_first=named_first)
    return _form(name, tokens, forms, script)


JAPANESE_READING_MAX = 5
"""Kanji names this short may be a Japanese person's name: also read them in Japanese."""


def variants(name: str, *, listed: bool = False) -> list[str]:
    """The name, and the name without bracketed parts ('ZTE Corp (HK)' -> 'ZTE Corp').

    For listed names, a bracketed part that is itself a name ('(CETC)') is kept as well;
    a query's bracketed part is usually a place ('(Hong Kong)') and never stands alone.
    A short name in kanji alone is read as Chinese, and in Japanese as well ('山田太郎' ->
    'yamada taro'), where every character has a Japanese reading.
    """
    text = name if name.isascii() else nfkc(name)  # full-width brackets become ASCII ones
    found = [name]
    if not text.isascii() and _kanji_only(text):
        found.extend(_japanese_reading(text))
    if "(" not in text and "[" not in text:
        return found
    outer, inner = split_brackets(text)
    if inner and outer:
        found.append(outer)
        if listed:
            found.extend(part for part in inner if _names_something(part))
    return found


def _kanji_only(text: str) -> bool:
    compact = "".join(text.split())
    return 2 <= len(compact) <= JAPANESE_READING_MAX and all(HAN.match(c) for c in compact)


def _japanese_reading(text: str) -> list[str]:
    if not japanese.reads_fully(text):
        return []
    reading = " ".join(japanese.romanize(text))
    return [reading] if reading else []


def _names_something(part: str) -> bool:
    form = analyze(part)
    return len(form.compact) >= 4 and not set(form.tokens) <= PLACE_WORDS


PRELOAD = ("Иван Петров", "山田太郎", "海康威视")
"""Names whose reading loads rigour's names corpus, the Japanese readings and the pinyin table."""


def preload() -> None:
    """Load what reading a name in another script needs now. Rigour's names corpus takes seconds
    and holds the interpreter while it loads: a server's first such query would stall every other."""
    for name in PRELOAD:
        for form in variants(name):
            analyze(form, organization=False)
            analyze(form)
