"""The index as arrays: what a build writes, what a process maps in, what the kernel reads."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from lookthrough.matching.engine import _kernel
from lookthrough.matching.engine.strings import StringTable

FORMAT = 2
"""Version of the files' layout; an index written in another layout is rebuilt, not read."""
MANIFEST = "manifest.json"
STRING_TABLES = ("words", "entities", "symbols")


@dataclass
class IndexData:
    """Every array of a built index. Words are the vocabulary (words and run-together pairs of
    neighbouring words); names are the listed names as analysed, one row per distinct form."""

    words: StringTable
    word_weight: NDArray[np.float32]
    word_generic: NDArray[np.uint8]
    word_numeric: NDArray[np.uint8]
    post_off: NDArray[np.int64]
    post_names: NDArray[np.int32]
    spell_off: NDArray[np.int64]
    spell_blob: NDArray[np.uint8]
    spell_word: NDArray[np.int32]
    spell_table: NDArray[np.uint64]
    spell_starts: NDArray[np.int64]
    symbols: StringTable
    """Name symbols (names/symbols.py): one name however spelled or written ('name:Q5837762'
    for Mohamed, Muhammad and محمد)."""
    symbol_off: NDArray[np.int64]
    symbol_words: NDArray[np.int32]
    """For each symbol, the listed words that carry it, commonest first (CSR with symbol_off)."""
    word_symbol_off: NDArray[np.int64]
    word_symbols: NDArray[np.int32]
    """For each word, the symbols it carries in listed people's names (CSR with word_symbol_off)."""
    entities: StringTable
    entity_countries: NDArray[np.uint64]
    """The countries each listed party states (its country, jurisdiction, nationality), as bits."""
    name_entity: NDArray[np.int32]
    name_tok_off: NDArray[np.int64]
    name_toks: NDArray[np.int32]
    name_pair_off: NDArray[np.int64]
    name_pairs: NDArray[np.int32]
    name_total: NDArray[np.float32]
    name_person: NDArray[np.uint8]
    name_prop: NDArray[np.uint8]
    name_variant: NDArray[np.uint8]
    """WHOLE, OUTER (without its bracketed part) or INNER (the bracketed part), see build.py."""
    name_forms: NDArray[np.int64]
    name_compact_hash: NDArray[np.uint64]
    name_initials_hash: NDArray[np.uint64]
    compact_off: NDArray[np.int64]
    compact_blob: NDArray[np.uint8]
    sorted_off: NDArray[np.int64]
    sorted_blob: NDArray[np.uint8]
    text_off: NDArray[np.int64]
    text_blob: NDArray[np.uint8]
    meta: dict[str, Any] = field(default_factory=dict)
    """max_idf, common_df, form codes, counts and the format version."""
    _texts: bytes | None = field(default=None, repr=False, compare=False)

    def kernel(self) -> _kernel.Index:
        """The compiled index over these arrays (no copy)."""
        return _kernel.Index(
            self.post_off, self.post_names, self.word_weight, self.word_generic, self.word_numeric,
            self.words.offsets, self.words.blob, self.name_tok_off, self.name_toks, self.name_pair_off,
            self.name_pairs, self.name_total, self.name_person, self.compact_off, self.compact_blob,
            self.sorted_off, self.sorted_blob,
        )  # fmt: skip

    @property
    def names(self) -> int:
        return len(self.name_total)

    def text(self, name: int) -> str:
        """The listed name as it was written (the variant indexed, e.g. without brackets)."""
        if self._texts is None:
            self._texts = self.text_blob.tobytes()
        return self._texts[self.text_off[name] : self.text_off[name + 1]].decode()

    def words_of_symbol(self, symbol: str) -> NDArray[np.int32]:
        """The listed words that carry `symbol`, commonest first (none if no word does)."""
        position = self.symbols.position(symbol)
        if position < 0:
            return self.symbol_words[0:0]
        return self.symbol_words[self.symbol_off[position] : self.symbol_off[position + 1]]

    def symbols_of_word(self, word: int) -> list[str]:
        """The name symbols a listed word carries (none for a word the index lacks)."""
        if word < 0:
            return []
        start, end = int(self.word_symbol_off[word]), int(self.word_symbol_off[word + 1])
        return [self.symbols[int(p)] for p in self.word_symbols[start:end]]

    def tokens(self, name: int) -> list[str]:
        start, end = int(self.name_tok_off[name]), int(self.name_tok_off[name + 1])
        return [self.words[int(w)] for w in self.name_toks[start:end]]

    def save(self, folder: Path) -> None:
        """Write every array as .npy and the rest as JSON into `folder` (created)."""
        folder.mkdir(parents=True, exist_ok=True)
        for name, value in self._arrays().items():
            np.save(folder / f"{name}.npy", np.ascontiguousarray(value), allow_pickle=False)
        (folder / MANIFEST).write_text(json.dumps({**self.meta, "format": FORMAT}, indent=1), "utf-8")

    @classmethod
    def open(cls, folder: Path) -> IndexData:
        """Map a saved index in: arrays are read from disk as they are used, shared by processes."""
        meta = json.loads((folder / MANIFEST).read_text("utf-8"))
        if meta.get("format") != FORMAT:
            raise ValueError(f"index layout {meta.get('format')} is not {FORMAT}")

        def load(name: str) -> Any:
            return mapped(folder / f"{name}.npy")

        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name in ("meta", "_texts"):
                continue
            if f.name in STRING_TABLES:
                values[f.name] = StringTable(
                    *(load(f"{f.name}.{part}") for part in ("hashes", "offsets", "blob"))
                )
            else:
                values[f.name] = load(f.name)
        return cls(**values, meta=meta)

    def _arrays(self) -> dict[str, NDArray[Any]]:
        found: dict[str, NDArray[Any]] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, StringTable):
                found.update({f"{f.name}.{k}": v for k, v in value.arrays().items()})
            elif isinstance(value, np.ndarray):
                found[f.name] = value
        return found


def pack(strings: list[str]) -> tuple[NDArray[np.int64], NDArray[np.uint8]]:
    """Strings as (offsets, UTF-8 bytes), in the order given."""
    encoded = [s.encode() for s in strings]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum(np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded)), out=offsets[1:])
    blob = np.frombuffer(b"".join(encoded), dtype=np.uint8).copy() if encoded else np.zeros(0, np.uint8)
    return offsets, blob


def mapped(path: Path) -> NDArray[Any]:
    """A saved array mapped from disk, as a plain read-only ndarray over the mapping (numpy's
    memmap subclass makes every element access a Python call)."""
    array: NDArray[Any] = np.load(path, mmap_mode="r", allow_pickle=False).view(np.ndarray)
    return array
