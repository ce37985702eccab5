"""LEI, the Legal Entity Identifier (ISO 17442)."""

from __future__ import annotations

import re

from rigour.ids import LEI as RigourLEI

from lookthrough.identifiers.common import IdentifierType


class LEI(IdentifierType):
    name = "lei"
    label = "LEI"
    props = ("leiCode",)
    strong = True
    shape = re.compile(r"[A-Z0-9]{18}[0-9]{2}")

    def validate(self, value: str) -> bool:
        """Check to see if this is a valid LEI (20 characters, ISO 7064 mod 97-10)."""
        # A clean code is checked here: through stdnum it costs 7 us, and GLEIF has millions.
        if _CLEAN.fullmatch(value):
            return int(value.translate(_BASE10)) % 97 == 1
        return RigourLEI.is_valid(value)


_CLEAN = re.compile(r"[0-9A-Z]{20}")
_BASE10 = str.maketrans({chr(c): str(c - 55) for c in range(ord("A"), ord("Z") + 1)})
"""Letters as ISO 7064 reads them: A=10 ... Z=35."""
