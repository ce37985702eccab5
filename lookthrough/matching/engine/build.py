"""Build the index arrays from listed names, in one pass and a few numpy sorts."""

from __future__ import annotations

import itertools
import math
from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from lookthrough.matching.background import distinctiveness
from lookthrough.matching.engine import _kernel
from lookthrough.matching.engine.countries import CountryBits, known_codes
from lookthrough.matching.engine.data import IndexData, pack
from lookthrough.matching.engine.forms import FormBits
from lookthrough.matching.engine.strings import StringTable
from lookthrough.model.schema import NAME_PROPS
from lookthrough.names import NameForm, analyze, variants
from lookthrough.names.vocabulary import CANONICAL

MIN_FUZZY_LENGTH = 4
"""Shorter words are only met exactly."""
TWO_EDITS_LENGTH = 6
"""Words this long may differ by two edits (a typo and a transposition) and still be found."""
COMMON_SHARE = 0.02
"""Words in more than this share of names add nothing to a candidate's standing."""
GENERIC = 0.7
"""Distinctiveness below which a word is common among company names in general: used by
roughly 20 or more of the 15,000 IEEE registrants (places, "digital", "vision", "cloud")."""

WHOLE, OUTER, INNER, SHORT = 0, 1, 2, 3
"""Which part of a listed name a form is: the whole, the name without its bracketed part
('PJSC VTB BANK' of 'PJSC VTB BANK (KIEV)'), the bracketed part ('CETC'), or a person's name
without patronymics and particles ('Vladimir Putin' of 'PUTIN, Vladimir Vladimirovich')."""
SET_ASIDE = ("patronymic", "particle")
"""Parts of a person's name that a short form leaves out (people are mostly named without them)."""

Entry = tuple[str, str, str, bool]
"""(entity id, name, property, is a person)."""


def prop_code(prop: str) -> int:
    """The name property as a small number: name, alias, weakAlias, previousName, abbreviation."""
    return NAME_PROPS.index(prop) if prop in NAME_PROPS else len(NAME_PROPS)


@dataclass
class _Collector:
    """Columns of the names as they are analysed; words numbered in order of first sight."""

    words: dict[str, int] = field(default_factory=dict)
    entities: dict[str, int] = field(default_factory=dict)
    toks: array[int] = field(default_factory=lambda: array("i"))
    tok_off: array[int] = field(default_factory=lambda: array("q", [0]))
    pairs: array[int] = field(default_factory=lambda: array("i"))
    pair_off: array[int] = field(default_factory=lambda: array("q", [0]))
    entity: array[int] = field(default_factory=lambda: array("i"))
    person: array[int] = field(default_factory=lambda: array("B"))
    prop: array[int] = field(default_factory=lambda: array("B"))
    variant: array[int] = field(default_factory=lambda: array("B"))
    forms: list[tuple[str, ...]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    compact: list[str] = field(default_factory=list)
    by_word: list[str] = field(default_factory=list)
    initials: list[str] = field(default_factory=list)
    symbols: dict[str, set[int]] = field(default_factory=dict)
    """Each name symbol (names/symbols.py) and the words that carry it."""

    def word(self, text: str) -> int:
        number = self.words.get(text)
        if number is None:
            number = self.words[text] = len(self.words)
        return number

    def add(self, entity: int, text: str, prop: str, person: bool, form: NameForm, variant: int) -> None:
        tokens = form.tokens
        self.toks.extend(self.word(t) for t in tokens)
        self.tok_off.append(len(self.toks))
        if len(form.symbols) == len(tokens):
            for token, symbols in zip(tokens, form.symbols, strict=True):
                for symbol in symbols.split():
                    self.symbols.setdefault(symbol, set()).add(self.word(token))
        self.pairs.extend(self.word(a + b) for a, b in itertools.pairwise(tokens))
        self.pair_off.append(len(self.pairs))
        self.entity.append(entity)
        self.person.append(int(person))
        self.prop.append(prop_code(prop))
        self.variant.append(variant)
        self.forms.append(form.forms)
        self.texts.append(text)
        self.compact.append(form.compact)
        self.by_word.append("".join(sorted(tokens)))
        self.initials.append(form.initials)


def collect(entries: Iterable[Entry]) -> _Collector:
    """Analyse every listed name (and its variants); one row per distinct form of an entity.
    Entries of one entity are expected together, as a catalog gives them."""
    found = _Collector()
    current, seen = None, set[str]()
    for entity_id, name, prop, person in entries:
        if entity_id != current:
            current, seen = entity_id, set()
        entity = found.entities.setdefault(entity_id, len(found.entities))
        for position, variant in enumerate(variants(name, listed=True)):
            form = analyze(variant, organization=not person, listed=True)
            if form.tokens and form.key not in seen:
                seen.add(form.key)
                found.add(entity, variant, prop, person, form, min(position, INNER))
            short = short_form(form) if person else None
            if short is not None and short.key not in seen:
                seen.add(short.key)
                found.add(entity, variant, prop, person, short, SHORT)
    return found


def short_form(form: NameForm) -> NameForm | None:
    """A person's name without its patronymics and particles, if it has any and two words are
    left; None otherwise."""
    if len(form.roles) != len(form.tokens):
        return None
    kept = [i for i, role in enumerate(form.roles) if role not in SET_ASIDE]
    if len(kept) == len(form.tokens) or len(kept) < 2:
        return None
    pick = [form.tokens[i] for i in kept], [form.symbols[i] for i in kept], [form.roles[i] for i in kept]
    return NameForm(form.original, tuple(pick[0]), form.forms, form.script, tuple(pick[1]), tuple(pick[2]))


def build_index(entries: Iterable[Entry], countries: Mapping[str, Sequence[str]] | None = None) -> IndexData:
    """The index of every (entity, name) entry, with the countries each entity states."""
    found = collect(entries)
    temp_words = list(found.words)
    words = StringTable.build(temp_words)
    final = words.find(temp_words) if temp_words else np.zeros(0, np.int32)
    toks = final[np.frombuffer(found.toks, dtype=np.int32)] if len(found.toks) else np.zeros(0, np.int32)
    pairs = final[np.frombuffer(found.pairs, dtype=np.int32)] if len(found.pairs) else np.zeros(0, np.int32)
    tok_off = np.frombuffer(found.tok_off, dtype=np.int64).copy()
    pair_off = np.frombuffer(found.pair_off, dtype=np.int64).copy()
    entities = StringTable.build(found.entities)
    entity_final = entities.find(list(found.entities)) if found.entities else np.zeros(0, np.int32)
    name_entity = (
        entity_final[np.frombuffer(found.entity, dtype=np.int32)]
        if len(found.entity)
        else (np.zeros(0, np.int32))
    )
    n_names = len(found.texts)
    bits = CountryBits(known_codes()) if countries else CountryBits(())
    entity_ids = [entities[i] for i in range(len(entities))]
    entity_countries = bits.masks([(countries or {}).get(e, ()) for e in entity_ids])
    post_off, post_names = _postings(len(words), toks, tok_off, pairs, pair_off)
    df = np.diff(post_off)
    max_idf = math.log((n_names + 1) / 0.5)
    idf = np.log((n_names + 1) / (df + 0.5)) if len(df) else np.zeros(0)
    texts = [
        bytes(words.blob[a:b]).decode()
        for a, b in zip(words.offsets[:-1].tolist(), words.offsets[1:].tolist(), strict=True)
    ]
    distinct = np.fromiter((distinctiveness(w) for w in texts), dtype=np.float64, count=len(texts))
    weight = (idf / max_idf * distinct).astype(np.float32)
    name_total = _sums(weight[toks], tok_off).astype(np.float32)
    spell_off, spell_blob, spell_word = _spellings(texts, toks)
    spell_table = _kernel.deletion_entries(spell_off, spell_blob, MIN_FUZZY_LENGTH, TWO_EDITS_LENGTH)
    symbols, symbol_off, symbol_words = _symbols(found.symbols, final, df)
    word_symbol_off, word_symbols = _by_word(symbol_off, symbol_words, len(words))
    forms = FormBits.of(f for name_forms in found.forms for f in name_forms)
    compact_off, compact_blob = pack(found.compact)
    sorted_off, sorted_blob = pack(found.by_word)
    text_off, text_blob = pack(found.texts)
    return IndexData(
        words=words,
        word_weight=weight,
        word_generic=(distinct < GENERIC).astype(np.uint8),
        word_numeric=np.fromiter((w.isdigit() for w in texts), dtype=np.uint8, count=len(texts)),
        post_off=post_off,
        post_names=post_names,
        spell_off=spell_off,
        spell_blob=spell_blob,
        spell_word=spell_word,
        spell_table=spell_table,
        spell_starts=_kernel.bucket_starts(spell_table, max(1, min(24, (len(spell_table) - 1).bit_length()))),
        symbols=symbols,
        symbol_off=symbol_off,
        symbol_words=symbol_words,
        word_symbol_off=word_symbol_off,
        word_symbols=word_symbols,
        entities=entities,
        entity_countries=entity_countries,
        name_entity=name_entity.astype(np.int32),
        name_tok_off=tok_off,
        name_toks=toks.astype(np.int32),
        name_pair_off=pair_off,
        name_pairs=pairs.astype(np.int32),
        name_total=name_total,
        name_person=np.frombuffer(found.person, dtype=np.uint8).copy(),
        name_prop=np.frombuffer(found.prop, dtype=np.uint8).copy(),
        name_variant=np.frombuffer(found.variant, dtype=np.uint8).copy(),
        name_forms=np.fromiter((forms.mask(f) for f in found.forms), dtype=np.int64, count=n_names),
        name_compact_hash=_kernel.hash_many([c.encode() for c in found.compact]),
        name_initials_hash=_kernel.hash_many([i.encode() for i in found.initials]),
        compact_off=compact_off,
        compact_blob=compact_blob,
        sorted_off=sorted_off,
        sorted_blob=sorted_blob,
        text_off=text_off,
        text_blob=text_blob,
        meta={
            "max_idf": max_idf,
            "common_df": max(50, int(n_names * COMMON_SHARE)),
            "form_codes": forms.codes,
            "country_codes": list(bits.codes),
            "names": n_names,
            "words": len(words),
            "entities": len(entities),
        },
    )


def _postings(
    n_words: int,
    toks: NDArray[np.int32],
    tok_off: NDArray[np.int64],
    pairs: NDArray[np.int32],
    pair_off: NDArray[np.int64],
) -> tuple[NDArray[np.int64], NDArray[np.int32]]:
    """For each word, the names holding it (each name once, in name order), as CSR arrays."""
    name_of_tok = np.repeat(np.arange(len(tok_off) - 1, dtype=np.int64), np.diff(tok_off))
    name_of_pair = np.repeat(np.arange(len(pair_off) - 1, dtype=np.int64), np.diff(pair_off))
    keys = np.concatenate(
        [(toks.astype(np.int64) << 32) | name_of_tok, (pairs.astype(np.int64) << 32) | name_of_pair]
    )
    keys = np.unique(keys)
    word = (keys >> 32).astype(np.int64)
    post_off = np.zeros(n_words + 1, dtype=np.int64)
    np.cumsum(np.bincount(word, minlength=n_words), out=post_off[1:])
    return post_off, (keys & 0xFFFFFFFF).astype(np.int32)


def _symbols(
    found: Mapping[str, set[int]], final: NDArray[np.int32], df: NDArray[np.int64]
) -> tuple[StringTable, NDArray[np.int64], NDArray[np.int32]]:
    """The name symbols as a table and, for each, its words (as CSR arrays): the spellings most
    listed names use first, so a query meets the common ones when it keeps only a few."""
    table = StringTable.build(sorted(found))
    order = table.find(sorted(found)) if found else np.zeros(0, np.int32)
    by_position: list[list[int]] = [[] for _ in range(len(table))]
    for symbol, position in zip(sorted(found), order.tolist(), strict=True):
        words = final[np.fromiter(found[symbol], dtype=np.int64, count=len(found[symbol]))]
        by_position[position] = sorted(words.tolist(), key=lambda w: (-int(df[w]), w))
    offsets = np.zeros(len(table) + 1, dtype=np.int64)
    np.cumsum(np.fromiter(map(len, by_position), dtype=np.int64, count=len(table)), out=offsets[1:])
    words = np.fromiter(itertools.chain.from_iterable(by_position), dtype=np.int32, count=int(offsets[-1]))
    return table, offsets, words


def _by_word(
    symbol_off: NDArray[np.int64], symbol_words: NDArray[np.int32], n_words: int
) -> tuple[NDArray[np.int64], NDArray[np.int32]]:
    """The symbols each word carries (CSR over words), from the words each symbol has."""
    symbol_of = np.repeat(np.arange(len(symbol_off) - 1, dtype=np.int64), np.diff(symbol_off))
    order = np.lexsort((symbol_of, symbol_words))
    offsets = np.zeros(n_words + 1, dtype=np.int64)
    np.cumsum(np.bincount(symbol_words, minlength=n_words), out=offsets[1:])
    return offsets, symbol_of[order].astype(np.int32)


def _sums(values: NDArray[np.float32], offsets: NDArray[np.int64]) -> NDArray[np.float64]:
    totals = np.zeros(len(offsets) - 1, dtype=np.float64)
    if len(values):
        cumulative = np.concatenate([[0.0], np.cumsum(values, dtype=np.float64)])
        totals = cumulative[offsets[1:]] - cumulative[offsets[:-1]]
    return totals


def _spellings(
    texts: list[str], toks: NDArray[np.int32]
) -> tuple[NDArray[np.int64], NDArray[np.uint8], NDArray[np.int32]]:
    """Words a typo may be of (single words of listed names, 4+ letters), each with the longer
    spellings that normalise to it ('technologies' for 'technology'): a typo in either finds it."""
    longer: dict[str, list[str]] = {}
    for spelled, word in CANONICAL.items():
        if " " not in word:
            longer.setdefault(word, []).append(spelled)
    strings: list[str] = []
    owners: list[int] = []
    for word_id in np.unique(toks).tolist():
        word = texts[word_id]
        if len(word) < MIN_FUZZY_LENGTH:
            continue
        for spelling in (word, *longer.get(word, ())):
            if len(spelling) >= MIN_FUZZY_LENGTH:
                strings.append(spelling)
                owners.append(word_id)
    offsets, blob = pack(strings)
    return offsets, blob, np.array(owners, dtype=np.int32)
