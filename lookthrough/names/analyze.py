"""From a raw name to the form every comparison works on."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from lookthrough.names.chinese import chinese_tokens, has_cjk
from lookthrough.names.holdings import strip_listing_suffixes
from lookthrough.names.legal_forms import leading_name_word, replace_forms, spell_out, split_forms
from lookthrough.names.text import join_words, nfkc, split_brackets, to_latin, tokenize
from lookthrough.names.vocabulary import PLACE_WORDS, STOPWORDS, canonical_parts


@dataclass(frozen=True, slots=True)
class NameForm:
    """A name as compared: core words, legal forms set aside, in one script."""

    original: str
    tokens: tuple[str, ...]
    forms: tuple[str, ...] = ()
    script: str = "latin"

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
def _words(text: str) -> tuple[str, ...]:
    """The casefolded Latin words of a text: shared by its readings as an organisation's
    name and as a person's, so each name is transliterated and split once."""
    return tuple(tokenize(join_words(to_latin(text))))


@lru_cache(maxsize=100_000)
def analyze(name: str, *, organization: bool = True, holding: bool = False) -> NameForm:
    """Normalise one name. `holding` strips share-class suffixes ('-A', 'ADR')."""
    text = (name if name.isascii() else nfkc(name)).strip()
    if holding:
        text = strip_listing_suffixes(text)
    if has_cjk(text):
        raw, cjk_forms = chinese_tokens(text, organization=organization)
        words = [p for t in raw for p in tokenize(join_words(to_latin(t)))]
        tokens, forms = _core(words, organization, pinyin=True)
        return NameForm(name, tuple(tokens), tuple(sorted({*forms, *cjk_forms})), "cjk")
    words = list(_words(text))
    named_first = False
    if organization:
        words = spell_out(words)
        named_first = leading_name_word(words)
        words = replace_forms(words)
    tokens, forms = _core(words, organization, named_first=named_first)
    return NameForm(name, tuple(tokens), tuple(sorted(set(forms))))


def variants(name: str, *, listed: bool = False) -> list[str]:
    """The name, and the name without bracketed parts ('ZTE Corp (HK)' -> 'ZTE Corp').

    For listed names, a bracketed part that is itself a name ('(CETC)') is kept as well;
    a query's bracketed part is usually a place ('(Hong Kong)') and never stands alone.
    """
    text = name if name.isascii() else nfkc(name)  # full-width brackets become ASCII ones
    if "(" not in text and "[" not in text:
        return [name]
    outer, inner = split_brackets(text)
    found = [name]
    if inner and outer:
        found.append(outer)
        if listed:
            found.extend(part for part in inner if _names_something(part))
    return found


def _names_something(part: str) -> bool:
    form = analyze(part)
    return len(form.compact) >= 4 and not set(form.tokens) <= PLACE_WORDS
