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
        return RigourLEI.is_valid(value)
