"""ISIN, the International Securities Identification Number (ISO 6166)."""

from __future__ import annotations

from rigour.ids import ISIN as RigourISIN

from lookthrough.identifiers.common import IdentifierType


class ISIN(IdentifierType):
    name = "isin"
    label = "ISIN"
    props = ("isinCode",)
    strong = True

    def validate(self, value: str) -> bool:
        """Check to see if this is a valid ISIN, check digit included."""
        return RigourISIN.is_valid(value)
