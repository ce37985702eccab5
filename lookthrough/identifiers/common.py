"""The shared shape of an identifier type: clean, validate, compare."""

from __future__ import annotations

import re
from typing import ClassVar

_SPACES = re.compile(r"[\s\-./]+")


class IdentifierType:
    """One kind of code (ISIN, LEI, ...) and the FtM properties that carry it."""

    name: ClassVar[str]
    label: ClassVar[str]
    props: ClassVar[tuple[str, ...]]
    strong: ClassVar[bool] = False
    """Strong codes are globally unique: a match is a hit on its own."""

    def clean(self, value: str) -> str | None:
        """Canonical form for comparison, or None if the value cannot be this type."""
        text = _SPACES.sub("", value.strip()).upper()
        return text if text and self.validate(text) else None

    def validate(self, value: str) -> bool:
        """Check to see if this is a valid code of this type."""
        return bool(value)

    def compare(self, left: str, right: str) -> bool:
        a, b = self.clean(left), self.clean(right)
        return a is not None and a == b
