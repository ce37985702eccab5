"""DHCP lease files: ISC dhcpd's dhcpd.leases and dnsmasq's dnsmasq.leases."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lookthrough.devices.inventory import Device
from lookthrough.screening.reader import RejectedRow

_OPEN = re.compile(r"^\s*(lease6?|ia-na|ia-ta|ia-pd)\s+(\S+)\s*\{")
_HARDWARE = re.compile(r"^\s*hardware\s+ethernet\s+([^;\s]+)\s*;")
_HOSTNAME = re.compile(r'^\s*client-hostname\s+"([^"]*)"\s*;')
_STATE = re.compile(r"^\s*binding\s+state\s+(\w+)\s*;")
_ENDS = re.compile(r"^\s*ends\s+(.+?)\s*;")


def _lines(path: Path) -> list[str]:
    return path.read_bytes().decode("utf-8", errors="replace").splitlines()


def read_dhcpd(path: Path) -> Iterator[Device | RejectedRow]:
    """One device per lease block, in file order (the file is a journal: later blocks renew)."""
    lines = _lines(path)
    number, block, start = 0, None, 0
    for line_no, line in enumerate(lines, start=1):
        if block is None:
            opened = _OPEN.match(line)
            if opened:
                block, start = {"lease": opened.group(2), "kind": opened.group(1)}, line_no
            continue
        if line.strip() == "}":
            number += 1
            yield _lease(number, start, block)
            block = None
            continue
        for key, pattern in (("mac", _HARDWARE), ("hostname", _HOSTNAME), ("state", _STATE), ("ends", _ENDS)):
            found = pattern.match(line)
            if found:
                block[key] = found.group(1)
    if block is not None:
        raw = "\n".join(lines[start - 1 :])
        yield RejectedRow(number + 1, start, "lease block is not closed with '}'", raw[:500])


def _lease(number: int, line: int, block: dict[str, str]) -> Device:
    ip_key = "ip" if block["kind"] in ("lease", "lease6") else "ia"
    fields = {ip_key: block["lease"], **{k: v for k, v in block.items() if k not in ("lease", "kind")}}
    return Device(number, line, fields, mac=block.get("mac"))


def read_dnsmasq(path: Path) -> Iterator[Device | RejectedRow]:
    """One device per lease line: expiry, MAC, IP, hostname, client id ('*' for none)."""
    number = 0
    for line_no, line in enumerate(_lines(path), start=1):
        parts = line.split()
        if not parts or parts[0] == "duid":
            continue  # the server's own DUID, not a device
        number += 1
        if len(parts) != 5:
            yield RejectedRow(number, line_no, f"expected 5 fields, found {len(parts)}", line)
            continue
        expiry, hardware, ip, hostname, client = parts
        given = {"expires": expiry, "mac": hardware, "ip": ip, "hostname": hostname, "client_id": client}
        fields: dict[str, str | None] = {k: (None if v == "*" else v) for k, v in given.items()}
        if ":" in ip:
            # A DHCPv6 lease: the second field is the IAID, not a MAC address.
            fields["iaid"], fields["mac"] = fields.pop("mac"), None
        yield Device(number, line_no, fields, mac=fields["mac"])
