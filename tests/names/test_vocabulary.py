"""Word equivalences (`names/vocabulary.py`): abbreviations, spellings and plurals meet on one word."""

from __future__ import annotations

import pytest

from lookthrough.names import analyze
from lookthrough.names.vocabulary import canonical


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("tech", "technology"),
        ("technologies", "technology"),
        ("intl", "international"),
        ("uyghur", "uighur"),
        ("centre", "center"),
        ("&", "and"),
        ("sanayi", "industry"),  # Turkish business words, as the English ones
        ("ticaret", "trade"),
        ("hikvision", "hikvision"),  # words outside the table are left alone
    ],
)
def test_canonical(token: str, expected: str) -> None:
    assert canonical(token) == expected


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("Huawei Tech Co", "Huawei Technologies Company"),
        ("Hikvision Digital Tech Co Ltd", "Hikvision Digital Technology Co., Ltd."),
        ("ZTE Corp", "ZTE Corporation"),
        ("Shanghai Intl Trading", "Shanghai International Trading"),
        ("Intl Business Machines Corp", "International Business Machines Corporation"),
        ("Natl Univ of Defense Tech", "National University of Defense Technology"),
        (
            "Univ of Electronic Science and Tech of China",
            "University of Electronic Science and Technology of China",
        ),
        ("Reliance Inds Ltd", "Reliance Industries Ltd"),
        ("BAE Sys plc", "BAE Systems plc"),
        ("Alibaba Grp Hldgs", "Alibaba Group Holdings"),
        ("Kaspersky Lab", "Kaspersky Labs"),
        ("Barclays Bk PLC", "Barclays Bank PLC"),
        ("Siemens Mgmt Svcs", "Siemens Management Services"),
        ("Xinjiang Uygur Autonomous Region", "Xinjiang Uyghur Autonomous Region"),
        ("L&T Infotech", "L&T Information Technology"),
    ],
)
def test_abbreviations_meet_the_full_word(short: str, long: str) -> None:
    a, b = analyze(short), analyze(long)
    assert (a.key, a.forms) == (b.key, b.forms)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("The Boeing Company", "boeing"),
        ("Bank of China", "bank china"),
        ("Banco Nacional de Cuba", "banco nacional cuba"),
        ("Xinjiang Production and Construction Corps", "xinjiang production construction corps"),
        ("Petróleos de Venezuela, S.A.", "petroleos venezuela"),
    ],
)
def test_stopwords_are_not_compared(name: str, key: str) -> None:
    assert analyze(name).key == key
