"""How strong the support for a fact is; shown with every explanation."""

from __future__ import annotations

from enum import StrEnum


class Evidence(StrEnum):
    """Grade of the document a fact rests on, strongest first."""

    OFFICIAL = "official listing"
    FILING = "company filing"
    REPORTED = "reported"

    @property
    def rank(self) -> int:
        return list(Evidence).index(self)

    @classmethod
    def parse(cls, value: str) -> Evidence:
        """Accept the value or its short name ('official', 'filing', 'reported')."""
        text = value.strip().lower()
        for grade in cls:
            if text in (grade.value, grade.name.lower()):
                return grade
        raise ValueError(f"unknown evidence grade {value!r}; use one of {[g.name.lower() for g in cls]}")
