"""Script-level clean-up (`names/text.py`): Unicode forms, transliteration, punctuation, brackets."""

from __future__ import annotations

import pytest

from lookthrough.names.text import join_words, nfkc, split_brackets, to_latin, tokenize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ＳＥＮＳＥＴＩＭＥ", "SENSETIME"),
        ("ＨＵＡＷＥＩ\u3000ＣＯ．，ＬＴＤ．", "HUAWEI CO.,LTD."),
        ("ＺＴＥ（ＨＫ）", "ZTE(HK)"),
        ("Ｓａ＇ｉｄ", "Sa'id"),
        ("ﬁnance", "finance"),  # ligature from PDF-extracted lists
    ],
)
def test_nfkc_folds_full_width_and_compatibility_forms(raw: str, expected: str) -> None:
    assert nfkc(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("BANK MELLAT", "bank mellat"),
        ("Газпром", "gazprom"),
        ("ПАО Сбербанк", "pao sberbank"),
        ("Naftogaz України", "naftogaz ukrainy"),  # only the non-ASCII word is transliterated
        ("Τράπεζα Πειραιώς", "trapeza peiraios"),
        ("Հայաստան", "hayastan"),
        # Arabic is written without short vowels: ICU gives the consonant skeleton.
        ("حزب الله", "hzb allh"),
        ("Łukasz Świątek", "lukasz swiatek"),
        ("Türkiye İş Bankası", "turkiye is bankasi"),
        ("Nguyễn Văn Thành", "nguyen van thanh"),
    ],
)
def test_to_latin_casefolds_and_transliterates(raw: str, expected: str) -> None:
    assert to_latin(raw) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("u.s.a.", "usa"),
        ("j.p. morgan chase & co.", "jp morgan chase & co."),
        ("p.j.s.c. gazprom", "pjsc gazprom"),
        ("cemex s.a. de c.v.", "cemex sa de cv"),
        ("sa'id", "said"),
        ("al-qa'ida", "al-qaida"),
        ("o’neill", "oneill"),
        ("st. petersburg", "st. petersburg"),  # an abbreviation, not an acronym
    ],
)
def test_join_words_closes_dotted_acronyms_and_apostrophes(text: str, expected: str) -> None:
    assert join_words(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hikvision digital technology co.,ltd.", ["hikvision", "digital", "technology", "co", "ltd"]),
        ("johnson & johnson", ["johnson", "&", "johnson"]),
        ("abc+def", ["abc", "+", "def"]),
        ("almaz-antey", ["almaz", "antey"]),
        ("ooo «romashka»", ["ooo", "romashka"]),
    ],
)
def test_tokenize_splits_on_punctuation_and_keeps_ampersand(text: str, expected: list[str]) -> None:
    assert tokenize(text) == expected


@pytest.mark.parametrize(
    ("name", "outer", "inner"),
    [
        (
            "China Electronics Technology Group Corporation (CETC)",
            "China Electronics Technology Group Corporation",
            ["CETC"],
        ),
        ("Hikvision (Hong Kong) Ltd", "Hikvision Ltd", ["Hong Kong"]),
        ("ZTE Corp (HK) [Shenzhen]", "ZTE Corp", ["HK", "Shenzhen"]),
        ("Huawei ( )", "Huawei", []),
        ("Bank Melli Iran", "Bank Melli Iran", []),
    ],
)
def test_split_brackets(name: str, outer: str, inner: list[str]) -> None:
    assert split_brackets(name) == (outer, inner)
