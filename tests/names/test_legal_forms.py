"""Legal forms (`names/legal_forms.py`): set aside as generic codes, whatever the language or spelling."""

from __future__ import annotations

import pytest

from lookthrough.names import analyze
from lookthrough.names.legal_forms import set_aside_written_forms, spell_out, split_forms, split_run_on


def reading(name: str) -> tuple[str, tuple[str, ...]]:
    form = analyze(name)
    return form.key, form.forms


@pytest.mark.parametrize(
    ("name", "key", "forms"),
    [
        (
            "Hangzhou Hikvision Digital Technology Co., Ltd.",
            "hangzhou hikvision digital technology",
            ("co", "llc"),
        ),
        ("Megvii Technology Limited", "megvii technology", ("llc",)),
        ("ZTE Corporation", "zte", ("corp",)),
        ("Ernst & Young LLP", "ernst young", ("llp",)),
        ("HSBC Holdings PLC", "hsbc holding", ("jsc",)),
        ("Petronas Carigali Sdn Bhd", "petronas carigali", ("llc",)),
        ("Mahan Air General Trading L.L.C.", "mahan air general trading", ("llc",)),
        ("Robert Bosch GmbH", "robert bosch", ("llc",)),
        ("Henkel AG & Co. KGaA", "henkel", ("co", "jsc", "lp")),
        ("OOO Stroigazmontazh", "stroigazmontazh", ("llc",)),
        ("AO Kontsern Radioelektronnye Tekhnologii", "kontsern radioelektronnye tekhnologii", ("jsc",)),
        ("PAO Sberbank", "sberbank", ("jsc",)),
        ("ООО «Газпром экспорт»", "gazprom eksport", ("llc",)),
        ("Банк ВТБ (публичное акционерное общество)", "bank vtb", ("jsc",)),
        ("Cemex S.A. de C.V.", "cemex", ("jsc",)),
        ("Construtora Norberto Odebrecht Ltda.", "construtora norberto odebrecht", ("llc",)),
        ("Leonardo S.p.A.", "leonardo", ("jsc",)),
        ("DAF Trucks B.V.", "daf trucks", ("llc",)),
        ("Nokia Oyj", "nokia", ("jsc",)),
        ("Türk Telekomünikasyon A.Ş.", "turk telekomunikasyon", ("jsc",)),
        ("Sony Group Corporation K.K.", "sony group", ("corp", "jsc")),
    ],
)
def test_legal_forms_are_set_aside(name: str, key: str, forms: tuple[str, ...]) -> None:
    assert reading(name) == (key, forms)


@pytest.mark.parametrize(
    ("name", "key", "forms"),
    [
        ("Limited Liability Company Sabina", "sabina", ("llc",)),
        ("Public Joint Stock Company Gazprom", "gazprom", ("jsc",)),
        ("Obshchestvo s Ogranichennoy Otvetstvennostyu Stroigazmontazh", "stroigazmontazh", ("llc",)),
        ("TOVARYSTVO Z OBMEZHENOYU VIDPOVIDALNISTYU MOTOR SICH", "motor sich", ("llc",)),
        ("ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО ГАЗПРОМ", "gazprom", ("jsc",)),
        ("Акционерное общество «Концерн Калашников»", "kontsern kalashnikov", ("jsc",)),
        ("Banco de Venezuela Sociedad Anónima", "banco venezuela", ("jsc",)),
        (
            "Hangzhou Hikvision Digital Technology Company Limited",
            "hangzhou hikvision digital technology",
            ("co", "llc"),
        ),
    ],
)
def test_spelled_out_forms(name: str, key: str, forms: tuple[str, ...]) -> None:
    assert reading(name) == (key, forms)


@pytest.mark.parametrize(
    ("name", "key", "forms"),
    [
        ("Agorltd", "agor", ("llc",)),
        ("SiemensGmbH", "siemens", ("llc",)),
        ("Hikvision Digital Tech Coltd", "hikvision digital technology", ("llc",)),
        ("OOORomashka", "romashka", ("llc",)),
    ],
)
def test_forms_run_into_a_word(name: str, key: str, forms: tuple[str, ...]) -> None:
    assert reading(name) == (key, forms)


@pytest.mark.parametrize(
    ("name", "key", "forms"),
    [
        ("Joint Company Stock Severniy Press", "severniy press", ("co", "jsc")),
        ("Foreign Trade Bank Joint Stock Company", "foreign trade bank", ("jsc",)),
        ("Aktsionernoye Obshchestvo Rosoboronexport", "rosoboronexport", ("co", "jsc")),
        # Turkish real-estate investment trusts: 'Gayrimenkul Yatirim Ortakligi', or GYO
        ("TREND GAYRIMENKUL YATIRIM ORTAKLIGI A.S.", "trend investment", ("jsc", "reit")),
        ("Is Gayrimenkul Yatirim Ortakligi AS", "is investment", ("jsc", "reit")),
        ("TREND GYO", "trend", ("reit",)),
    ],
)
def test_scattered_form_words(name: str, key: str, forms: tuple[str, ...]) -> None:
    assert reading(name) == (key, forms)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        # 'Company' and 'Corporation' are forms only at the end of a name.
        ("Company of Heroes", "company heroes"),
        ("Corporation for Public Broadcasting", "corporation public broadcasting"),
        # A name made only of a form keeps it: it is all there is to compare.
        ("Company", "company"),
    ],
)
def test_form_words_that_are_the_name(name: str, key: str) -> None:
    assert reading(name) == (key, ())


@pytest.mark.parametrize(
    ("name", "key", "forms"),
    [
        ("Reliance Industries Pvt. Ltd.", "reliance industry", ("llc",)),
        ("Infosys Private Limited", "infosys", ("llc",)),
        ("Keppel Corporation Pte. Ltd.", "keppel", ("corp", "llc")),
        ("TPG Private Equity", "tpg private equity", ()),  # 'private' is a form only before one
    ],
)
def test_private_limited(name: str, key: str, forms: tuple[str, ...]) -> None:
    assert reading(name) == (key, forms)


@pytest.mark.parametrize(
    ("name", "key", "forms"),
    [
        # a short word opening a name is part of it, unless it is a form that opens names
        ("AG Barr PLC", "ag barr", ("jsc",)),
        ("KB Financial Group Inc.", "kb financial group", ("llc",)),
        ("SA Power Networks", "sa power network", ()),
        ("AT&T Inc.", "at t", ("llc",)),
        ("PT Bank Mandiri", "bank mandiri", ("jsc",)),
        ("OOO Gazprom Export", "gazprom export", ("llc",)),
        ("AO Kronshtadt", "kronshtadt", ("jsc",)),
        ("AB Volvo", "volvo", ("jsc",)),
        ("Zaozhuang Mining Group Co Ltd", "zaozhuang mining group", ("co", "llc")),  # a place, not ZAO
        ("Novo Nordisk A/S", "novo nordisk", ("jsc",)),
        ("PETROLEO BRASILEIRO S/A", "petroleo brasileiro", ("jsc",)),
        ("Federal State Unitary Enterprise Rosmorport", "rosmorport", ("soe",)),
        # Russian abbreviations as holdings files write them
        ("NK ROSNEFT", "rosneft", ("jsc",)),
        ("AK ALROSA", "alrosa", ("jsc",)),
        ("Sistema AFK PAO", "sistema", ("jsc",)),
        ("SISTEMA PJSFC", "sistema", ("jsc",)),
        ("Samsung NK Corp", "samsung nk", ("corp",)),  # a form only where it opens the name
    ],
)
def test_forms_at_the_start_and_slashed(name: str, key: str, forms: tuple[str, ...]) -> None:
    assert reading(name) == (key, forms)


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (["joint", "stk", "co"], ["joint", "stock", "company"]),
        (["agorltd"], ["agor", "limited"]),
        (["rosneftpjsc"], ["rosneft", "pjsc"]),
        (["ooostroigaz"], ["ooo", "stroigaz"]),
        (["oooh"], ["oooh"]),  # too short to hold a name after the prefix
    ],
)
def test_spell_out(tokens: list[str], expected: list[str]) -> None:
    assert spell_out(tokens) == expected


@pytest.mark.parametrize(
    ("tokens", "core", "forms"),
    [
        (["mahan", "air", "co"], ["mahan", "air"], ["co"]),
        (["co", "operative", "bank"], ["co", "operative", "bank"], []),
        (["llc"], ["llc"], []),
    ],
)
def test_split_forms(tokens: list[str], core: list[str], forms: list[str]) -> None:
    assert split_forms(tokens) == (core, forms)


@pytest.mark.parametrize(
    ("name", "key", "forms"),
    [
        # the run-on and accented forms, each as rigour's tables know it
        ("SiemensAG", "siemens", ("jsc",)),
        ("AcmeLtd", "acme", ("llc",)),
        ("FABERLIC EUROPE Sp. z o.o.", "faberlic europe", ("llc",)),
        ("Elektro Slovenija d.o.o.", "elektro slovenija", ("llc",)),
        ("Société Anonyme des Bières", "bieres", ("jsc",)),
        ("Kromberg Gesellschaft mit beschränkter Haftung", "kromberg", ("llc",)),
        (
            "Aselsan Elektronik Sanayi ve Ticaret Anonim Şirketi",
            "aselsan electronic industry trade",  # Turkish business words as the English ones
            ("jsc",),
        ),
        ("MOL Magyar Olajipari Zrt.", "mol magyar olajipari", ("jsc",)),
        ("Hrvatska elektroprivreda d.d.", "hrvatska elektroprivreda", ("jsc",)),
        ("Siemens Aktiengesellschaft", "siemens", ("jsc",)),
    ],
)
def test_forms_written_with_accents_dots_or_run_on(name: str, key: str, forms: tuple[str, ...]) -> None:
    assert reading(name) == (key, forms)


@pytest.mark.parametrize(
    "name",
    ["Saga Bag", "Bagasse", "SAGA", "Dassault Aviation"],  # no change of case before the letters
)
def test_words_that_only_end_like_a_form_stay_whole(name: str) -> None:
    assert split_run_on(name) == name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Foo d.o.o.", "foo  llc "),
        ("Hangzhou Co., Ltd.", "hangzhou co., ltd."),  # read as forms without their dots as well
        ("A.G. Barr p.l.c.", "a.g. barr p.l.c."),
        ("Cisco Systems", "cisco systems"),
    ],
)
def test_set_aside_written_forms(text: str, expected: str) -> None:
    assert set_aside_written_forms(text) == expected
