"""From a raw name to the compared form (`names/analyze.py`): the whole pipeline, the compact form,
the person reading and bracketed variants."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lookthrough.names import NameForm, analyze, variants


def test_name_form() -> None:
    form = analyze("Hangzhou Hikvision Digital Technology Co., Ltd.")
    assert form == NameForm(
        "Hangzhou Hikvision Digital Technology Co., Ltd.",
        ("hangzhou", "hikvision", "digital", "technology"),
        ("co", "llc"),
        "latin",
        ("", "", "", ""),
        ("", "", "", ""),
    )
    assert form.key == "hangzhou hikvision digital technology"
    assert form.compact == "hangzhouhikvisiondigitaltechnology"
    assert form.initials == "hhdt"


# The examples of docs/matching.md, "From a raw name to the compared form".
@pytest.mark.parametrize(
    ("name", "key", "forms", "script"),
    [
        ("ＳＥＮＳＥＴＩＭＥ", "sensetime", (), "latin"),
        ("Газпром", "gazprom", (), "cyrillic"),
        ("U.S.A.", "usa", (), "latin"),
        ("Sa'id", "said", (), "latin"),
        (
            "Hangzhou Hikvision Digital Technology Co., Ltd.",
            "hangzhou hikvision digital technology",
            ("co", "llc"),
            "latin",
        ),
        ("杭州海康威视数字技术股份有限公司", "hangzhou haikang weishi digital technology", ("jsc",), "cjk"),
        (
            "ＨＵＡＷＥＩ\u3000ＴＥＣＨＮＯＬＯＧＩＥＳ\u3000ＣＯ．，ＬＴＤ．",
            "huawei technology",
            ("co", "llc"),
            "latin",
        ),
        ("ОАО «Беларуськалий»", "belaruskaly", ("jsc",), "cyrillic"),
    ],
)
def test_analyze(name: str, key: str, forms: tuple[str, ...], script: str) -> None:
    form = analyze(name)
    assert (form.key, form.forms, form.script) == (key, forms, script)


@pytest.mark.parametrize(
    ("split", "joined"),
    [
        ("Sense Time", "SenseTime"),
        ("SENSE TIME GROUP LIMITED", "SenseTime Group Ltd"),
        ("Cloud Walk Technology", "CloudWalk Technology Co., Ltd."),
        ("Mega Fon", "MegaFon PJSC"),
        ("Rosoboron Export", "Rosoboronexport OAO"),
        ("Hai Kang Wei Shi", "海康威视"),
        ("Xi Jinping", "习近平"),
    ],
)
def test_run_together_words_meet_on_the_compact_form(split: str, joined: str) -> None:
    a, b = analyze(split), analyze(joined)
    assert a.tokens != b.tokens
    assert a.compact == b.compact


@pytest.mark.parametrize(
    ("name", "as_organization", "as_person"),
    [
        (
            "Hangzhou Hikvision Digital Technology Co., Ltd.",
            "hangzhou hikvision digital technology",
            "hangzhou hikvision digital technology co ltd",
        ),
        ("Huawei Technologies", "huawei technology", "huawei technologies"),
        ("Henry Co", "henry", "henry co"),  # Co: a Chinese-Filipino surname
        ("Pao Yue-kong", "yue kong", "pao yue kong"),
        ("Ao Jun", "jun", "ao jun"),
        ("Park Se Ri", "park ri", "park se ri"),
    ],
)
def test_person_reading_keeps_what_the_organisation_reading_removes(
    name: str, as_organization: str, as_person: str
) -> None:
    person = analyze(name, organization=False)
    assert analyze(name).key == as_organization
    assert (person.key, person.forms) == (as_person, ())


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Vladimir Vladimirovich PUTIN", "vladimir vladimirovich putin"),
        ("Владимир Владимирович Путин", "vladimir vladimirovich putin"),
        ("KIM Jong Un", "kim jong un"),
        ("Usama bin Muhammad bin Awad BIN LADIN", "usama bin muhammad bin awad bin ladin"),
        ("Sa'id Jan 'Abd al-Salam", "said jan abd al salam"),
    ],
)
def test_person_names(name: str, key: str) -> None:
    assert analyze(name, organization=False).key == key


@pytest.mark.parametrize(
    ("name", "compact"),
    [
        ("Le Duc Anh", "leducanh"),  # Lê, a Vietnamese surname, is not the particle 'le'
        ("Maria da Silva", "mariadasilva"),
        ("李中华", "lizhonghua"),  # the given name 中华 stays pinyin, not 'china'
        ("刘发展", "liufazhan"),  # not 'liu development'
    ],
)
def test_person_reading_keeps_every_word(name: str, compact: str) -> None:
    assert analyze(name, organization=False).compact == compact


CETC = "China Electronics Technology Group Corporation (CETC)"


@pytest.mark.parametrize(
    ("name", "listed", "expected"),
    [
        (CETC, False, [CETC, "China Electronics Technology Group Corporation"]),
        (CETC, True, [CETC, "China Electronics Technology Group Corporation", "CETC"]),
        (
            "IRGC (Islamic Revolutionary Guard Corps)",
            True,
            ["IRGC (Islamic Revolutionary Guard Corps)", "IRGC", "Islamic Revolutionary Guard Corps"],
        ),
        # Places and legal forms in brackets say where or what a firm is, not who.
        ("Hikvision (Hong Kong) Ltd", True, ["Hikvision (Hong Kong) Ltd", "Hikvision Ltd"]),
        ("Hikvision (USA) Inc.", True, ["Hikvision (USA) Inc.", "Hikvision Inc."]),
        (
            "Huawei Technologies Co Ltd (Shenzhen)",
            True,
            ["Huawei Technologies Co Ltd (Shenzhen)", "Huawei Technologies Co Ltd"],
        ),
        ("Sberbank (PJSC)", True, ["Sberbank (PJSC)", "Sberbank"]),
        ("(CETC)", True, ["(CETC)"]),
    ],
)
def test_variants(name: str, listed: bool, expected: list[str]) -> None:
    assert variants(name, listed=listed) == expected


# What NameForm carries for a person's name in each script: tokens, roles, and which symbols.
@pytest.mark.parametrize(
    ("name", "script", "tokens", "roles", "symbol"),
    [
        ("PUTIN, Vladimir Vladimirovich", "latin", ("vladimir", "vladimirovich", "putin"),
         ("given", "patronymic", "family"), "name:KHUYLO"),
        ("Usama bin Laden", "latin", ("usama", "bin", "laden"), ("", "particle", ""), "sym:bin"),
        ("Ted Doe", "latin", ("ted", "doe"), ("", ""), "nick:theodore"),
        ("محمد علي", "arabic", ("mhmd", "aly"), ("", ""), "name:Q5837762"),
        ("משה", "hebrew", ("msh",), ("",), "name:Q20220089"),
        ("Ротенберг Аркадий", "cyrillic", ("rotenberg", "arkady"), ("", ""), "name:Q37462366"),
        ("Αλέξανδρος", "greek", ("alexandros",), ("",), "name:Q923"),
        ("김정은", "korean", ("kim", "jong", "un"), ("family", "given", "given"), "name:ko-kim"),
        ("习近平", "cjk", ("xi", "jinping"), ("family", "given"), ""),
        ("สมชาย", "thai", ("somchai",), ("",), "name:Q134284495"),
    ],
)  # fmt: skip
def test_person_name_form(
    name: str, script: str, tokens: tuple[str, ...], roles: tuple[str, ...], symbol: str
) -> None:
    form = analyze(name, organization=False, listed=True)
    assert (form.script, form.tokens, form.roles) == (script, tokens, roles)
    assert len(form.symbols) == len(form.tokens)
    assert not symbol or any(symbol in s.split() for s in form.symbols)
    # Screened, a Latin name is read without rigour's corpus (its symbols come from the index);
    # a name in another script is read with it either way.
    screened = analyze(name, organization=False)
    assert screened.tokens == form.tokens
    corpus = [s for marks in form.symbols for s in marks.split() if s.startswith(("name:Q", "sym:"))]
    unscreened = [s for marks in screened.symbols for s in marks.split() if s in corpus]
    assert unscreened == ([] if script == "latin" else corpus)


@pytest.mark.parametrize(
    ("name", "tokens", "symbols"),
    [
        ("Brigade Fourty-four", ("brigade", "44"), ("", "num:44")),
        ("Brigade 44", ("brigade", "44"), ("", "num:44")),
        ("Huawei Technologies Co., Ltd.", ("huawei", "technology"), ("", "")),
    ],
)
def test_organisation_name_form(name: str, tokens: tuple[str, ...], symbols: tuple[str, ...]) -> None:
    form = analyze(name)
    assert (form.tokens, form.symbols, form.roles) == (tokens, symbols, ("",) * len(tokens))


def test_older_callers_build_forms_without_symbols() -> None:
    form = NameForm("Huawei", ("huawei",), (), "latin")
    assert (form.symbols, form.roles) == ((), ())


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("山田太郎", ["山田太郎", "yamada taro"]),  # kanji alone: Chinese, and a Japanese reading
        ("田中花子", ["田中花子", "tanaka hanako"]),
        ("海康威视", ["海康威视"]),  # no Japanese reading for every character
        ("中国工商银行股份有限公司", ["中国工商银行股份有限公司"]),  # too long for a person's name
    ],
)
def test_japanese_reading_of_kanji_names(name: str, expected: list[str]) -> None:
    assert variants(name) == expected


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40), st.booleans())
def test_every_name_gives_aligned_words(name: str, organization: bool) -> None:
    form = analyze(name, organization=organization)
    assert len(form.symbols) == len(form.roles) == len(form.tokens)
    assert all(t for t in form.tokens)
