"""nmap's XML output (-oX), read from a file the user already has; nothing here runs nmap."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from lookthrough.devices.inventory import Device
from lookthrough.exc import InvalidInput
from lookthrough.screening.reader import RejectedRow


def read(path: Path) -> Iterator[Device | RejectedRow]:
    """One device per <host>: its MAC address and the vendor nmap printed beside it."""
    # No entity expansion and no network: the file may come from anywhere.
    events = etree.iterparse(str(path), events=("end",), tag="host", resolve_entities=False, no_network=True)
    number = 0
    try:
        for _event, host in events:
            number += 1
            yield _device(number, host)
            host.clear()
    except etree.XMLSyntaxError as error:
        raise InvalidInput(f"not well-formed XML: {error.msg}", path=str(path), line=error.lineno) from error


def _device(number: int, host: etree._Element) -> Device:
    fields: dict[str, str | None] = {"mac": None, "vendor": None, "ip": None, "hostname": None}
    for address in host.iter("address"):
        kind = address.get("addrtype")
        if kind == "mac":
            fields["mac"], fields["vendor"] = address.get("addr"), address.get("vendor")
        elif kind in ("ipv4", "ipv6") and fields["ip"] is None:
            fields["ip"] = address.get("addr")
    name = host.find("hostnames/hostname")
    if name is not None:
        fields["hostname"] = name.get("name")
    status = host.find("status")
    fields["state"] = status.get("state") if status is not None else None
    return Device(number, host.sourceline or 0, fields, fields["mac"], fields["vendor"])
