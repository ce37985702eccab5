"""USCC, China's Unified Social Credit Code (GB 32100-2015)."""

from __future__ import annotations

import re

from rigour.ids import USCC as RigourUSCC

from lookthrough.identifiers.common import IdentifierType


class USCC(IdentifierType):
    name = "uscc"
    label = "USCC"
    props = ("uscCode",)
    strong = True
    shape = re.compile(r"[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}")

    def validate(self, value: str) -> bool:
        """Check to see if this is a valid 18-character USCC, check character included."""
        return RigourUSCC.is_valid(value)
