"""Device inventories the user already has: asset lists, nmap XML, dhcpd and dnsmasq leases.

Nothing here scans a network or watches traffic: every reader takes a file. Each reader
yields one Device per record (with its line) or a RejectedRow for a record it cannot read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lookthrough.exc import InvalidInput
from lookthrough.screening.reader import RejectedRow, open_table
from lookthrough.sources.base import sniff_text

FORMATS = ("assets", "nmap", "dhcpd", "dnsmasq")
_DHCPD = re.compile(r"^\s*lease6?\s+\S+\s*\{", re.MULTILINE)
_DNSMASQ = re.compile(r"^\d+ \S+ \S+ \S+ \S+$")


@dataclass(slots=True)
class Device:
    """One record of an inventory: what the file says, and the fields that attribute it."""

    number: int
    line: int
    fields: dict[str, Any]
    mac: str | None = None
    vendor: str | None = None
    model: str | None = None


@dataclass
class Columns:
    """Which columns of an asset list hold what (chosen with --mac-column and the like)."""

    mac: str = "mac"
    vendor: str = "vendor"
    model: str = "model"
    hostname: str = "hostname"
    ip: str = "ip"
    chosen: set[str] = field(default_factory=set)
    """Columns the user named explicitly: these must exist."""


@dataclass
class Inventory:
    path: Path
    format: str
    rows: Iterator[Device | RejectedRow]
    size_hint: int | None = None


def detect_format(path: Path) -> str:
    """nmap XML, dhcpd.leases or dnsmasq leases by content; anything else is an asset list."""
    head = sniff_text(path, 8192).lstrip("\ufeff")
    if "<nmaprun" in head:
        return "nmap"
    if _DHCPD.search(head):
        return "dhcpd"
    lines = [line.strip() for line in head.splitlines() if line.strip() and not line.startswith("duid ")]
    if lines and _DNSMASQ.match(lines[0]):
        return "dnsmasq"
    return "assets"


def open_inventory(path: Path, forced: str | None = None, columns: Columns | None = None) -> Inventory:
    """Open an inventory file; raises InvalidInput naming the file when it cannot be used."""
    if not path.is_file():
        raise InvalidInput("no such file", path=str(path))
    kind = forced or detect_format(path)
    if kind not in FORMATS:
        raise InvalidInput(f"unknown inventory format {kind!r}; use one of {', '.join(FORMATS)}")
    if kind == "assets":
        return _assets(path, columns or Columns())
    from lookthrough.devices import leases, nmap

    reader = {"nmap": nmap.read, "dhcpd": leases.read_dhcpd, "dnsmasq": leases.read_dnsmasq}[kind]
    return Inventory(path, kind, reader(path))


def _assets(path: Path, columns: Columns) -> Inventory:
    table = open_table(path)
    names = {c.lower(): c for c in table.columns}
    resolved: dict[str, str] = {}
    for role in ("mac", "vendor", "model", "hostname", "ip"):
        wanted = getattr(columns, role)
        found = wanted if wanted in table.columns else names.get(wanted.lower())
        if found is not None:
            resolved[role] = found
        elif role in columns.chosen:
            raise InvalidInput(f"no such column; the columns are: {', '.join(table.columns)}",
                               path=str(path), line=1, field=wanted)  # fmt: skip
    if not {"mac", "vendor", "model"} & set(resolved) and table.columns:
        raise InvalidInput("no MAC, vendor or model column; name one with --mac-column, --vendor-column "
                           "or --model-column", path=str(path), line=1)  # fmt: skip

    def rows() -> Iterator[Device | RejectedRow]:
        for row in table.rows:
            if isinstance(row, RejectedRow):
                yield row
                continue
            values = {role: _text(row.fields.get(column)) for role, column in resolved.items()}
            yield Device(row.number, row.line, row.fields, values.get("mac"), values.get("vendor"),
                         values.get("model"))  # fmt: skip

    return Inventory(path, "assets", rows(), table.size_hint)


def _text(value: object) -> str | None:
    text = "" if value is None else str(value).strip()
    return text or None
