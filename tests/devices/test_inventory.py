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


def test_dnsmasq_bytes_that_are_not_utf8_reject_their_line_naming_the_field(tmp_path: Path) -> None:
    path = tmp_path / "dnsmasq.leases"
    path.write_bytes(
        b"1763600000 00:bc:99:11:22:33 10.0.0.11 caf\xe9 *\n"
        b"1763600000 ac:cc:8e:01:02:03 10.0.0.14 * *\n"
        b"1763600000 ac:cc:8e:\xff 10.0.0.15\n"
    )
    found = rows(path, forced="dnsmasq")
    assert [(type(r).__name__, r.number, r.line) for r in found] == [
        ("RejectedRow", 1, 1), ("Device", 2, 2), ("RejectedRow", 3, 3),
    ]  # fmt: skip
    first, _, third = found
    assert first.reason == "field 'hostname': not valid UTF-8 (byte 0xe9)"
    assert first.raw == "1763600000 00:bc:99:11:22:33 10.0.0.11 caf\\xe9 *"  # the byte shown, not replaced
    assert third.reason == "field 2 of 3 (expected 5): not valid UTF-8 (byte 0xff)"


def test_dhcpd_bytes_that_are_not_utf8_reject_their_lease_naming_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "dhcpd.leases"
    good = b"lease 10.0.0.13 {\n  hardware ethernet 3c:ef:8c:77:88:99;\n}\n"
    path.write_bytes(
        b"# comment in latin-1: g\xe9r\xe9\n"
        b"lease 10.0.0.11 {\n  hardware ethernet 00:bc:99:11:22:33;\n"
        b'  client-hostname "cam-h\xf4tel";\n}\n'
        + good
        + b"lease 10.0.0.\xff {\n  hardware ethernet 00:bc:99:11:22:44;\n}\n"
        + b"le\xffse 10.0.0.12 {\n"
    )
    found = rows(path)
    assert [(type(r).__name__, r.number, r.line) for r in found] == [
        ("RejectedRow", 1, 2), ("Device", 2, 6), ("RejectedRow", 3, 9), ("RejectedRow", 4, 12),
    ]  # fmt: skip
    hotel, _, opener, keyword = found
    assert hotel.reason == "line 4, field 'hostname': not valid UTF-8 (byte 0xf4)"
    assert 'client-hostname "cam-h\\xf4tel";' in hotel.raw
    assert opener.reason == "field 'ip': not valid UTF-8 (byte 0xff)"
    assert keyword.reason == "not valid UTF-8 (byte 0xff) outside any lease block"


def test_a_byte_order_mark_is_not_part_of_the_first_lease(tmp_path: Path) -> None:
    path = tmp_path / "dnsmasq.leases"
    path.write_bytes(b"\xef\xbb\xbf1763600000 00:bc:99:11:22:33 10.0.0.11 cam *\n")
    [device] = rows(path)
    assert isinstance(device, Device) and device.fields["expires"] == "1763600000"


@pytest.mark.parametrize("name", ["dhcpd.leases", "dnsmasq.leases"])
def test_every_lease_has_the_same_fields(name: str) -> None:
    """A CSV output takes its columns from the first record: none may have a field it lacks."""
    devices = [r for r in rows(DEVICES / name) if isinstance(r, Device)]
    assert len({tuple(d.fields) for d in devices}) == 1
