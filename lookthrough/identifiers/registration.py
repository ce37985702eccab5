"""Company registration and tax numbers: unique only within their register."""

from __future__ import annotations

from lookthrough.identifiers.common import IdentifierType


class Registration(IdentifierType):
    name = "registration"
    label = "Registration number"
    props = ("registrationNumber", "taxNumber", "innCode", "ogrnCode", "vatCode", "idNumber")
    strong = False

    def validate(self, value: str) -> bool:
        """Long enough to mean something outside its register."""
        return len(value) >= 5 and any(c.isdigit() for c in value)
