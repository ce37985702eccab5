"""MAC addresses (IEEE EUI-48) in every common written form, and why one is not valid.

Accepted: 00:1A:2B:3C:4D:5E, 00-1A-2B-3C-4D-5E, 001A.2B3C.4D5E (Cisco), 001A2B3C4D5E, in
upper or lower case, and colon forms with one-digit octets (0:1a:2b:3c:4d:5e, as BSD's arp
prints them). netaddr parses these too, but only says "failed to detect EUI version"; an
inventory row needs the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SEPARATED = re.compile(r"^[0-9a-f]{1,2}([:-])[0-9a-f]{1,2}(?:\1[0-9a-f]{1,2}){4}$", re.IGNORECASE)
_CISCO = re.compile(r"^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$", re.IGNORECASE)
_BARE = re.compile(r"^[0-9a-f]{12}$", re.IGNORECASE)
_NOT_ALLOWED = re.compile(r"[^0-9a-f:.\-]", re.IGNORECASE)
FORMS = "aa:bb:cc:dd:ee:ff, aa-bb-cc-dd-ee-ff, aabb.ccdd.eeff or aabbccddeeff"


class InvalidMac(ValueError):
    """A value that is not a device's MAC address; the message says why."""


@dataclass(frozen=True, slots=True)
class Mac:
    """A 48-bit MAC address."""

    value: int

    @classmethod
    def parse(cls, text: str) -> Mac:
        """Read a MAC address in any common form; raises InvalidMac with the reason."""
        raw = text.strip()
        if not raw:
            raise InvalidMac("empty")
        bad = _NOT_ALLOWED.search(raw)
        if bad is not None:
            raise InvalidMac(f"contains {bad.group()!r}, which is not a hex digit or separator")
        if _SEPARATED.match(raw):
            digits = "".join(part.zfill(2) for part in re.split(r"[:-]", raw))
        elif _CISCO.match(raw) or _BARE.match(raw):
            digits = raw.replace(".", "")
        else:
            raise InvalidMac(_shape_problem(raw))
        mac = cls(int(digits, 16))
        if mac.value == 0:
            raise InvalidMac("all zeros: no address")
        if mac.multicast:
            raise InvalidMac("a group (multicast or broadcast) address, not a device's")
        return mac

    @property
    def multicast(self) -> bool:
        """The I/G bit: set for group addresses."""
        return bool(self.value >> 40 & 0x01)

    @property
    def locally_administered(self) -> bool:
        """The U/L bit: set when the address was assigned locally (e.g. randomised), not by a maker."""
        return bool(self.value >> 40 & 0x02)

    def prefix(self, bits: int) -> int:
        """The first `bits` bits, as IEEE assigns blocks (24 = MA-L, 28 = MA-M, 36 = MA-S)."""
        return self.value >> (48 - bits)

    def __str__(self) -> str:
        digits = f"{self.value:012X}"
        return ":".join(digits[i : i + 2] for i in range(0, 12, 2))


def _shape_problem(raw: str) -> str:
    digits = sum(c.isalnum() for c in raw)
    if len({c for c in raw if not c.isalnum()}) > 1:
        return f"mixes separators; write it as {FORMS}"
    if digits != 12:
        return f"has {digits} hex digits; a MAC address has 12"
    return f"its groups are not in a known form ({FORMS})"
