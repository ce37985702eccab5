"""The IEEE registry as pymanuf ships it: the smallest block wins, and each answer cites it."""

from __future__ import annotations

import pytest

from lookthrough.devices import Registry
from lookthrough.identifiers import Mac


@pytest.mark.parametrize(
    ("mac", "registry", "prefix", "organization"),
    [
        ("00:BC:99:12:34:56", "MA-L", "00-BC-99", "Hangzhou Hikvision Digital Technology Co.,Ltd."),
        ("24:B1:05:00:00:01", "MA-L", "24-B1-05", "Prama Hikvision India Private Limited"),
        ("0C:A6:4C:00:00:01", "MA-L", "0C-A6-4C", "Hangzhou Ezviz Software Co.,Ltd."),
        ("3C:EF:8C:00:00:01", "MA-L", "3C-EF-8C", "Zhejiang Dahua Technology Co., Ltd."),
        ("AC:CC:8E:00:00:01", "MA-L", "AC-CC-8E", "Axis Communications AB"),
        ("00:55:DA:1F:00:01", "MA-M", "00-55-DA-1", "KoolPOS Inc."),
        ("8C:1F:64:05:E1:23", "MA-S", "8C-1F-64-05-E", "Pramac GmbH"),
        ("00:50:C2:00:00:01", "IAB", "00-50-C2-00-0", "T.L.S. Corp."),
    ],
)
def test_smallest_assigned_block_answers(mac: str, registry: str, prefix: str, organization: str) -> None:
    found = Registry.shipped().lookup(Mac.parse(mac))
    assert found is not None
    assert (found.registry, found.prefix, found.organization) == (registry, prefix, organization)
    assert found.citation.startswith(f"IEEE Registration Authority, {registry} assignment {prefix}")
    assert "pymanuf" in found.citation


def test_blocks_the_ieee_keeps_for_itself_name_no_maker() -> None:
    registry = Registry(
        "70:B3:D5\t\tIEEE Registration Authority\n70:B3:D5:00:10:00/36\tSOREDI touch\n", "test"
    )
    assert registry.lookup(Mac.parse("70:B3:D5:00:10:01")).organization == "SOREDI touch"
    assert registry.lookup(Mac.parse("70:B3:D5:FF:00:01")) is None


def test_the_shipped_registry_covers_all_three_block_sizes() -> None:
    blocks = Registry.shipped().blocks
    assert len(blocks[24]) > 30_000 and len(blocks[28]) > 5_000 and len(blocks[36]) > 10_000
