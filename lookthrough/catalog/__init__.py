"""The loaded lists: parties, their names, codes, listings and relations, as tables."""

from lookthrough.catalog.builder import INTERVALS, PARTY_ROOTS, is_party
from lookthrough.catalog.catalog import Catalog
from lookthrough.catalog.records import Code, Edge, Listing, Name, Party, Source

__all__ = [
    "INTERVALS",
    "PARTY_ROOTS",
    "Catalog",
    "Code",
    "Edge",
    "Listing",
    "Name",
    "Party",
    "Source",
    "is_party",
]
