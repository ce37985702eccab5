"""DHCP lease files: ISC dhcpd's dhcpd.leases and dnsmasq's dnsmasq.leases.

Both daemons write ASCII (dhcpd escapes other bytes as octal), so a byte that is not UTF-8 is
damage: its record is rejected naming the line and field, never read with the byte replaced.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lookthrough.devices.inventory import Device
from lookthrough.screening.reader import RejectedRow

_OPEN = re.compile(r"^\s*(lease6?|ia-na|ia-ta|ia-pd)\s+(\S+)\s*\{")
_HARDWARE = re.compile(r"^\s*hardware\s+ethernet\s+([^;\s]+)\s*;")
_HOSTNAME = re.compile(r'^\s*client-hostname\s+"([^"]*)"\s*;')
_STATE = re.compile(r"^\s*binding\s+state\s+(\w+)\s*;")
_ENDS = re.compile(r"^\s*ends\s+(.+?)\s*;")
_FIELDS = (("mac", _HARDWARE), ("hostname", _HOSTNAME), ("state", _STATE), ("ends", _ENDS))
_DNSMASQ = ("expires", "mac", "ip", "hostname", "client_id")
DHCPD_FIELDS = ("ip", "ia", "mac", "hostname", "state", "ends")
DNSMASQ_FIELDS = (*_DNSMASQ, "iaid")
"""Every record of a reader has the same fields (None when absent): a CSV output takes its
columns from the first record and must not lose a field a later one has."""
RAW_LIMIT = 500


@dataclass(frozen=True, slots=True)
class _Line:
    """A line as text, with undecodable bytes kept as surrogates so the patterns still see its
    shape; `bad` says why its bytes are not UTF-8 (None when they are); `raw` shows them as \\xNN."""

    text: str
    bad: str | None
    raw: str


def _lines(path: Path) -> list[_Line]:
    data = path.read_bytes().removeprefix(codecs.BOM_UTF8)
    return [_line(raw) for raw in data.splitlines()]  # bytes split on \n, \r\n and \r only


def _line(raw: bytes) -> _Line:
    try:
        text = raw.decode("utf-8")
        return _Line(text, None, text)
    except UnicodeDecodeError as problem:
        bad = f"not valid UTF-8 (byte 0x{raw[problem.start]:02x})"
        return _Line(raw.decode("utf-8", "surrogateescape"), bad, raw.decode("utf-8", "backslashreplace"))


def read_dhcpd(path: Path) -> Iterator[Device | RejectedRow]:
    """One device per lease block, in file order (the file is a journal: later blocks renew)."""
    lines = _lines(path)
    number, block, start, damage = 0, None, 0, None
    for line_no, line in enumerate(lines, start=1):
        if block is None:
            opened = _OPEN.match(line.text)
            if opened:
                block, start = {"lease": opened.group(2), "kind": opened.group(1)}, line_no
                damage = _damage(line, line_no, start, "ia" if opened.group(1).startswith("ia") else "ip")
            elif line.bad and not line.text.lstrip().startswith("#"):
                # Perhaps a lease whose opening line is damaged: shown, not skipped.
                number += 1
                yield RejectedRow(number, line_no, f"{line.bad} outside any lease block", line.raw)
            continue
        if line.text.strip() == "}":
            number += 1
            raw = _raw(lines, start, line_no)
            yield RejectedRow(number, start, damage, raw) if damage else _lease(number, start, block)
            block = None
            continue
        damage = damage or _damage(line, line_no, start, _read_statement(line.text, block))
    if block is not None:
        raw = _raw(lines, start, len(lines))
        yield RejectedRow(number + 1, start, "lease block is not closed with '}'", raw)


def _read_statement(text: str, block: dict[str, str]) -> str:
    """Keep what a line of a lease block says, if it is a field we read; the field's name
    (else the statement's first word)."""
    for key, pattern in _FIELDS:
        found = pattern.match(text)
        if found:
            block[key] = found.group(1)
            return key
    return (text.split() or ["?"])[0]


def _damage(line: _Line, line_no: int, start: int, field: str) -> str | None:
    """Why a block is rejected for this line's bytes, naming the line and field; None if sound."""
    if not line.bad:
        return None
    place = f"line {line_no}, " if line_no != start else ""
    return f"{place}field {field!r}: {line.bad}"


def _raw(lines: list[_Line], first: int, last: int) -> str:
    return "\n".join(line.raw for line in lines[first - 1 : last])[:RAW_LIMIT]


def _lease(number: int, line: int, block: dict[str, str]) -> Device:
    fields: dict[str, str | None] = dict.fromkeys(DHCPD_FIELDS)
    fields["ia" if block["kind"].startswith("ia") else "ip"] = block["lease"]
    fields.update((k, v) for k, v in block.items() if k in DHCPD_FIELDS)
    return Device(number, line, fields, mac=block.get("mac"))


def read_dnsmasq(path: Path) -> Iterator[Device | RejectedRow]:
    """One device per lease line: expiry, MAC, IP, hostname, client id ('*' for none)."""
    number = 0
    for line_no, line in enumerate(_lines(path), start=1):
        parts = line.text.split()
        if not parts or parts[0] == "duid":
            continue  # the server's own DUID, not a device
        number += 1
        if line.bad:
            yield RejectedRow(number, line_no, _dnsmasq_damage(parts, line.bad), line.raw)
            continue
        if len(parts) != len(_DNSMASQ):
            yield RejectedRow(number, line_no, f"expected 5 fields, found {len(parts)}", line.raw)
            continue
        given = zip(_DNSMASQ, parts, strict=True)
        fields: dict[str, str | None] = {k: (None if v == "*" else v) for k, v in given} | {"iaid": None}
        if ":" in parts[2]:
            # A DHCPv6 lease: the second field is the IAID, not a MAC address.
            fields["iaid"], fields["mac"] = fields["mac"], None
        yield Device(number, line_no, fields, mac=fields["mac"])


def _dnsmasq_damage(parts: list[str], bad: str) -> str:
    """Why a line with undecodable bytes is rejected, naming the field when the line has all five."""
    damaged = next(i for i, part in enumerate(parts) if _has_escape(part))
    if len(parts) == len(_DNSMASQ):
        return f"field {_DNSMASQ[damaged]!r}: {bad}"
    return f"field {damaged + 1} of {len(parts)} (expected 5): {bad}"


def _has_escape(text: str) -> bool:
    """Whether `text` holds a byte that surrogateescape kept (U+DC80 to U+DCFF)."""
    return any("\udc80" <= char <= "\udcff" for char in text)
