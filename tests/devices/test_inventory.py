"""Inventory files: asset lists, nmap XML and lease files, each record kept or rejected with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from lookthrough.devices import Columns, Device, open_inventory
from lookthrough.devices.inventory import detect_format
from lookthrough.exc import InvalidInput
from lookthrough.screening.reader import RejectedRow
from tests.conftest import FIXTURES

DEVICES = FIXTURES / "devices"
COLUMNS = Columns(mac="MAC Address", vendor="Make", model="Model", hostname="Host", ip="IP")


def rows(path: Path, columns: Columns | None = None, forced: str | None = None) -> list[Device | RejectedRow]:
    return list(open_inventory(path, forced, columns).rows)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("assets.csv", "assets"),
        ("scan.xml", "nmap"),
        ("dhcpd.leases", "dhcpd"),
        ("dnsmasq.leases", "dnsmasq"),
    ],
)
def test_format_is_told_by_content(name: str, kind: str) -> None:
    assert detect_format(DEVICES / name) == kind


def test_asset_list_with_chosen_columns() -> None:
    found = rows(DEVICES / "assets.csv", COLUMNS)
    devices = [r for r in found if isinstance(r, Device)]
    assert [(d.line, d.mac, d.vendor, d.model) for d in devices[:3]] == [
        (2, "00:BC:99:11:22:33", None, "DS-2CD2143G2-I"),
        (3, "0C-A6-4C-44-55-66", None, "C6N"),
        (4, "3cef.8c77.8899", "Dahua", "IPC-HFW2431S"),
    ]
    [rejected] = [r for r in found if isinstance(r, RejectedRow)]
    assert (rejected.line, rejected.reason) == (8, "expected 5 fields, found 6")


def test_a_named_column_that_is_missing_stops_with_file_and_field() -> None:
    with pytest.raises(InvalidInput) as caught:
        rows(DEVICES / "assets.csv", Columns(mac="mac_addr", chosen={"mac"}))
    assert caught.value.field == "mac_addr" and "the columns are: MAC Address" in caught.value.detail


def test_nmap_hosts_with_and_without_mac() -> None:
    found = rows(DEVICES / "scan.xml")
    assert [(d.line, d.mac, d.vendor, d.fields["ip"], d.fields["hostname"]) for d in found] == [
        (4, "00:BC:99:11:22:33", "Hangzhou Hikvision Digital Technology", "10.0.0.11", "cam-lobby"),
        (9, "AC:CC:8E:01:02:03", "Axis Communications AB", "10.0.0.14", None),
        (13, None, None, "192.0.2.7", None),
    ]


def test_broken_nmap_xml_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.xml"
    path.write_text('<?xml version="1.0"?>\n<nmaprun>\n<host><address addr="1" addrtype="mac">\n</nmaprun>\n')
    with pytest.raises(InvalidInput) as caught:
        rows(path)
    assert caught.value.line == 4 and caught.value.path == str(path)


def test_dhcpd_lease_blocks_and_an_unclosed_one() -> None:
    found = rows(DEVICES / "dhcpd.leases")
    devices = [r for r in found if isinstance(r, Device)]
    assert [(d.line, d.mac, d.fields["ip"], d.fields.get("hostname")) for d in devices] == [
        (5, "00:bc:99:11:22:33", "10.0.0.11", "cam-lobby"),
        (12, "3c:ef:8c:77:88:99", "10.0.0.13", None),
    ]
    [rejected] = [r for r in found if isinstance(r, RejectedRow)]
    assert (rejected.line, rejected.reason) == (18, "lease block is not closed with '}'")


def test_dnsmasq_leases_v4_v6_and_a_short_line() -> None:
    found = rows(DEVICES / "dnsmasq.leases")
    devices = [r for r in found if isinstance(r, Device)]
    assert [(d.line, d.mac, d.fields["ip"], d.fields["hostname"]) for d in devices] == [
        (2, "00:bc:99:11:22:33", "10.0.0.11", "cam-lobby"),
        (3, "ac:cc:8e:01:02:03", "10.0.0.14", None),
        (4, None, "2001:db8::14", "cam-yard"),
    ]
    [rejected] = [r for r in found if isinstance(r, RejectedRow)]
    assert (rejected.line, rejected.reason) == (5, "expected 5 fields, found 4")
