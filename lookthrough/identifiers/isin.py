"""ISIN, the International Securities Identification Number (ISO 6166)."""

from __future__ import annotations

import re

from rigour.ids import ISIN as RigourISIN

from lookthrough.identifiers.common import IdentifierType


class ISIN(IdentifierType):
    name = "isin"
    label = "ISIN"
    props = ("isinCode",)
    strong = True
    shape = re.compile(r"[A-Z]{2}[A-Z0-9]{9}[0-9]")

    def validate(self, value: str) -> bool:
        """Check to see if this is a valid ISIN, check digit included."""
        return RigourISIN.is_valid(value)
