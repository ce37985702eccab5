"""MAC addresses in every common form; invalid ones with the reason."""

from __future__ import annotations

import pytest

from lookthrough.identifiers import InvalidMac, Mac


@pytest.mark.parametrize(
    "text",
    [
        "00:BC:99:12:34:56",
        "00-bc-99-12-34-56",
        "00bc.9912.3456",
        "00BC99123456",
        "00bc99123456",
        " 00:Bc:99:12:34:56 ",
        "0:bc:99:12:34:56",
    ],
)
def test_common_forms_read_the_same(text: str) -> None:
    assert str(Mac.parse(text)) == "00:BC:99:12:34:56"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("00:BC:99:12:34", "has 10 hex digits; a MAC address has 12"),
        ("00:BC:99:12:34:56:78", "has 14 hex digits; a MAC address has 12"),
        ("00:BC:99-12:34:56", "mixes separators"),
        ("00:BC:99:12:34:5G", "contains 'G', which is not a hex digit or separator"),
        ("00 BC 99 12 34 56", "contains ' ', which is not a hex digit or separator"),
        ("00bc9.9123.456", "its groups are not in a known form"),
        ("00:00:00:00:00:00", "all zeros"),
        ("FF:FF:FF:FF:FF:FF", "a group (multicast or broadcast) address"),
        ("01:00:5E:00:00:FB", "a group (multicast or broadcast) address"),
    ],
)
def test_invalid_addresses_say_why(text: str, reason: str) -> None:
    with pytest.raises(InvalidMac) as caught:
        Mac.parse(text)
    assert str(caught.value).startswith(reason)


@pytest.mark.parametrize(
    ("text", "local"),
    [
        ("00:BC:99:12:34:56", False),
        ("DA:A1:19:00:11:22", True),
        ("02:00:00:00:00:01", True),
        ("3C:22:FB:01:02:03", False),
    ],
)
def test_locally_administered_bit(text: str, local: bool) -> None:
    assert Mac.parse(text).locally_administered is local


def test_prefixes_of_ieee_block_sizes() -> None:
    mac = Mac.parse("8C:1F:64:05:E1:23")
    assert (f"{mac.prefix(24):06X}", f"{mac.prefix(28):07X}", f"{mac.prefix(36):09X}") == (
        "8C1F64",
        "8C1F640",
        "8C1F6405E",
    )
