"""The IEEE registry of MAC address blocks (MA-L, MA-M, MA-S), as the pymanuf package ships it.

pymanuf is rebuilt monthly from the IEEE Registration Authority's public CSV files (MA-L,
MA-M, MA-S, IAB, CID); it is MIT-licensed and has no table of its own making. We read its
data file rather than its lookup function so that every answer says which block matched.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from importlib.resources import files

from lookthrough.identifiers import Mac

PACKAGE = "pymanuf"
SIZES = (36, 28, 24)
"""Block sizes in bits, longest first: an MA-S block lies inside an MA-L the IEEE keeps."""
IAB_OUIS = frozenset({0x0050C2, 0x40D855})
"""The two MA-L blocks the IEEE carved its old Individual Address Blocks (IAB) from."""
IEEE_ITSELF = "IEEE Registration Authority"
"""Holder of the MA-L blocks the IEEE divides into MA-M and MA-S: not a maker."""


@dataclass(frozen=True, slots=True)
class Assignment:
    """One IEEE assignment: the block, its size, the registry it belongs to, and its holder."""

    prefix: str
    bits: int
    registry: str
    organization: str
    source: str

    @property
    def citation(self) -> str:
        return (
            f"IEEE Registration Authority, {self.registry} assignment {self.prefix} to "
            f"{self.organization!r} (public listing as shipped in {self.source})"
        )


class Registry:
    """Longest-prefix lookup of MAC addresses in the IEEE assignments."""

    def __init__(self, text: str, source: str) -> None:
        self.source = source
        self.blocks: dict[int, dict[int, str]] = {bits: {} for bits in SIZES}
        for line in text.splitlines():
            self._add(line)

    @classmethod
    @cache
    def shipped(cls) -> Registry:
        """The registry in the installed pymanuf package (read once)."""
        text = (files(PACKAGE) / "manuf.txt").read_text(encoding="utf-8")
        return cls(text, f"{PACKAGE} {version(PACKAGE)}")

    def _add(self, line: str) -> None:
        if not line.strip() or line.startswith("#"):
            return
        block, _, organization = (part.strip() for part in line.partition("\t"))
        address, _, size = block.partition("/")
        bits = int(size) if size else 24
        if bits in self.blocks and organization:
            value = int(address.replace(":", "").ljust(12, "0"), 16)
            self.blocks[bits][value >> (48 - bits)] = organization

    def lookup(self, mac: Mac) -> Assignment | None:
        """The smallest block that holds `mac`, or None when no assignment covers it."""
        for bits in SIZES:
            organization = self.blocks[bits].get(mac.prefix(bits))
            if organization is not None and organization != IEEE_ITSELF:
                return Assignment(_prefix(mac, bits), bits, _registry(mac, bits), organization, self.source)
        return None

    def __len__(self) -> int:
        return sum(len(block) for block in self.blocks.values())


def _registry(mac: Mac, bits: int) -> str:
    if bits == 24:
        return "MA-L"
    if bits == 28:
        return "MA-M"
    return "IAB" if mac.prefix(24) in IAB_OUIS else "MA-S"


def _prefix(mac: Mac, bits: int) -> str:
    digits = f"{mac.prefix(bits):0{bits // 4}X}"
    return "-".join(digits[i : i + 2] for i in range(0, len(digits), 2))
