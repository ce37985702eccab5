"""Names that meet only on words any company might use ("China", "Zhejiang", "Technology")."""

from __future__ import annotations

from lookthrough.matching.background import distinctiveness
from lookthrough.matching.compare.tokens import Alignment

GENERIC = 0.7
"""Distinctiveness below which a word is common among company names in general: used by
roughly 20 or more of the 15,000 IEEE registrants (places, "digital", "vision", "cloud")."""


def generic_overlap(alignment: Alignment) -> bool:
    """Every word the names share is generic while the listed name keeps words the query
    lacks: 'China Electronics Corporation' against China Electronics Technology Group."""
    if not alignment.pairs or not alignment.listed_left:
        return False
    return all(
        distinctiveness(word) < GENERIC for _, listed, _, _, _ in alignment.pairs for word in listed.split()
    )
