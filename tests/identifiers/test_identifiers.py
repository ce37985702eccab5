"""Identifier cleaning and validation, with codes as lists and holdings files write them."""

from __future__ import annotations

import pytest

from lookthrough.identifiers import TYPES, detect


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("CNE100000PM8", [("isin", "CNE100000PM8")]),  # Hikvision A share (OFAC NS-CMIC)
        (" cne100000pm8 ", [("isin", "CNE100000PM8")]),
        ("CNE100000PM9", []),  # wrong check digit; not a registration number either (no 5+ digit rule hit)
        ("91330000733796106P", [("uscc", "91330000733796106P")]),  # Hikvision USCC
        ("91110000710929498G", [("uscc", "91110000710929498G")]),  # CETC USCC
        ("253400WSS48YWMBUA688", [("lei", "253400WSS48YWMBUA688")]),
        ("JP3435000009", [("isin", "JP3435000009")]),  # Sony
    ],
)
def test_detect(value: str, expected: list[tuple[str, str]]) -> None:
    found = detect(value)
    if expected:
        assert found == expected
    else:
        assert not any(kind in ("isin", "lei", "uscc") for kind, _ in found)


@pytest.mark.parametrize(
    ("kind", "left", "right", "same"),
    [
        ("isin", "CNE100000PM8", "cne 1000 00pm8", True),
        ("ticker", "002415 CN", "002415 cn equity", True),
        ("ticker", "002415 CN", "002415 HK", False),
        ("uscc", "91330000733796106P", "91330000-733796106-P", True),
    ],
)
def test_compare(kind: str, left: str, right: str, same: bool) -> None:
    assert TYPES[kind].compare(left, right) is same


def test_strong_types_are_the_globally_unique_ones() -> None:
    assert {name for name, t in TYPES.items() if t.strong} == {"isin", "lei", "uscc"}
