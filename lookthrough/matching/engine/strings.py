"""A table of strings found by hash: words of the index, ids of listed parties.

Stored as three arrays (sorted 64-bit hashes, offsets, UTF-8 bytes) that can be saved and
memory-mapped, instead of a dict of millions of Python strings that every process rebuilds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from lookthrough.matching.engine import _kernel


@dataclass
class StringTable:
    """Strings in hash order: position i holds the string whose hash is hashes[i]."""

    hashes: NDArray[np.uint64]
    offsets: NDArray[np.int64]
    blob: NDArray[np.uint8]
    _text: bytes | None = field(default=None, repr=False, compare=False)
    _strings: _kernel.Strings | None = field(default=None, repr=False, compare=False)

    @classmethod
    def build(cls, strings: Iterable[str]) -> StringTable:
        """A table of the distinct strings given, in hash order (then byte order on a clash)."""
        encoded = sorted({s.encode() for s in strings})
        hashes = _kernel.hash_many(encoded)
        order = np.argsort(hashes, kind="stable")
        return cls.of_bytes([encoded[i] for i in order], hashes[order])

    @classmethod
    def of_bytes(cls, encoded: Sequence[bytes], hashes: NDArray[np.uint64] | None = None) -> StringTable:
        """A table of byte strings kept in the order given (which must be hash order)."""
        lengths = np.fromiter((len(b) for b in encoded), dtype=np.int64, count=len(encoded))
        offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        blob = np.frombuffer(b"".join(encoded), dtype=np.uint8) if encoded else np.zeros(0, np.uint8)
        found = _kernel.hash_many(list(encoded)) if hashes is None else hashes
        return cls(found.astype(np.uint64), offsets, blob)

    def __len__(self) -> int:
        return len(self.hashes)

    def lookups(self) -> _kernel.Strings:
        """The compiled look-up over this table (made once)."""
        return self._lookups()

    def _lookups(self) -> _kernel.Strings:
        if self._strings is None:
            self._strings = _kernel.Strings(self.hashes, self.offsets, self.blob)
        return self._strings

    def find(self, strings: Sequence[str]) -> NDArray[np.int32]:
        """Positions of the strings, -1 for those not in the table."""
        return self._lookups().find_many([s.encode() for s in strings])

    def position(self, string: str) -> int:
        return self._lookups().find(string.encode())

    def __getitem__(self, position: int) -> str:
        if self._text is None:  # one copy of the bytes: slicing it is far cheaper than the map
            self._text = self.blob.tobytes()
        return self._text[self.offsets[position] : self.offsets[position + 1]].decode()

    def __getstate__(self) -> dict[str, object]:
        return {"hashes": self.hashes, "offsets": self.offsets, "blob": self.blob}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(**state)  # type: ignore[misc]

    def arrays(self) -> dict[str, NDArray[np.generic]]:
        return {"hashes": self.hashes, "offsets": self.offsets, "blob": self.blob}
