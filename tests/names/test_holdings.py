"""Listing suffixes (`names/holdings.py`): share classes, exchange lines and depositary receipts
that holdings files append to issuer names."""

from __future__ import annotations

import pytest

from lookthrough.names import analyze
from lookthrough.names.holdings import strip_listing_suffixes


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("HIKVISION-A", "HIKVISION"),
        ("ZTE CORP-H", "ZTE CORP"),
        ("BYD CO LTD-H", "BYD CO LTD"),
        ("ROYAL DUTCH SHELL PLC-B", "ROYAL DUTCH SHELL PLC"),
        ("Zhejiang Dahua Technology Co Ltd A Shares", "Zhejiang Dahua Technology Co Ltd"),
        ("ZTE Corp H Shares", "ZTE Corp"),
        ("Berkshire Hathaway Inc. Class B", "Berkshire Hathaway Inc."),
        ("Megvii Class B ADR", "Megvii"),
        ("Baidu Inc ADR", "Baidu Inc"),
        ("NetEase Inc ADS", "NetEase Inc"),
        ("ALIBABA GROUP HOLDING-SP ADR", "ALIBABA GROUP HOLDING"),
        ("Alibaba Group Holding Ltd Sponsored ADR", "Alibaba Group Holding Ltd"),
        ("Sberbank Russia PJSC-Sponsored ADR", "Sberbank Russia PJSC"),
        ("Samsung Electronics Co Ltd GDR", "Samsung Electronics Co Ltd"),
        ("SBERBANK OF RUSSIA ORD SHS", "SBERBANK OF RUSSIA"),
        ("Gazprom Common Stock", "Gazprom"),
        ("Volkswagen AG Pref Shares", "Volkswagen AG"),
        # From the published holdings in bench/portfolios:
        ("ZTE CORP H", "ZTE CORP"),
        ("ZTE CORP A", "ZTE CORP"),
        ("SURGUTNEFTEGAZ PREF", "SURGUTNEFTEGAZ"),
        ("Mechel PJSC Preference Shares", "Mechel PJSC"),
        ("PJSC GAZPROM ADR CDI", "PJSC GAZPROM"),
        ("MECHEL ADR REPRESENTING", "MECHEL"),
    ],
)
def test_suffixes_are_stripped(name: str, expected: str) -> None:
    assert strip_listing_suffixes(name) == expected


@pytest.mark.parametrize(
    "name",
    [
        "Class Technologies Inc",
        "Stock Yards Bancorp",
        "B Communications Ltd",
        "Coca-Cola Co",
        "Class A Shares",  # nothing but a suffix: kept rather than emptied
        "Vitamin A",  # a letter after a word that is no legal form
        "Hepatitis B Foundation Inc",
    ],
)
def test_names_that_only_look_like_suffixes_are_kept(name: str) -> None:
    assert strip_listing_suffixes(name) == name


@pytest.mark.parametrize(
    ("holding", "key", "forms"),
    [
        ("HIKVISION DIGITAL TECHNOLOGY CO LTD-A", "hikvision digital technology", ("co", "llc")),
        ("ZTE CORP-H", "zte", ("corp",)),
        ("Gazprom PJSC ADR", "gazprom", ("jsc",)),
        ("MEGVII TECH LTD Class B", "megvii technology", ("llc",)),
    ],
)
def test_holding_reading(holding: str, key: str, forms: tuple[str, ...]) -> None:
    form = analyze(holding, holding=True)
    assert (form.key, form.forms) == (key, forms)


def test_suffixes_are_only_stripped_for_holdings() -> None:
    assert analyze("HIKVISION-A").key == "hikvision a"
    assert analyze("HIKVISION-A", holding=True).key == "hikvision"


@pytest.mark.parametrize(
    ("name", "issuer"),
    [
        ("BAIDU INC - SPON ADR", "BAIDU INC"),  # Bloomberg's abbreviation of sponsored ADR
        ("LUKOIL PJSC-SPON ADR", "LUKOIL PJSC"),
        ("Novatek PJSC-Spons GDR Reg S", "Novatek PJSC"),
        ("X5 Retail Group NV-Regs GDR", "X5 Retail Group NV"),
    ],
)
def test_depositary_receipt_tranches(name: str, issuer: str) -> None:
    assert strip_listing_suffixes(name) == issuer
