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
    shape: ClassVar[re.Pattern[str] | None] = None
    """The form of a code of this type, check digit aside: a value of this form that fails
    validation is a mistyped code, not some other identifier."""

    def clean(self, value: str) -> str | None:
        """Canonical form for comparison, or None if the value cannot be this type."""
        text = _SPACES.sub("", value.strip()).upper()
        return text if text and self.validate(text) else None

    def validate(self, value: str) -> bool:
        """Check to see if this is a valid code of this type."""
        return bool(value)

    def problem(self, value: str) -> str | None:
        """Why a value of this type's form is still not a valid code, or None."""
        text = _SPACES.sub("", value.strip()).upper()
        if self.shape is None or not self.shape.fullmatch(text) or self.validate(text):
            return None
        return f"{value.strip()!r} is not a valid {self.label} (it fails the check digit)"

    def compare(self, left: str, right: str) -> bool:
        a, b = self.clean(left), self.clean(right)
        return a is not None and a == b
