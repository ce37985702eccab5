"""From a raw name to the compared form (`names/analyze.py`): the whole pipeline, the compact form,
the person reading and bracketed variants."""

from __future__ import annotations

import pytest

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
