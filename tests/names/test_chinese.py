"""Chinese names (`names/chinese.py`): traditional to simplified, legal forms set aside, business
words in English, the rest segmented and written in pinyin."""

from __future__ import annotations

import pytest

from lookthrough.names import analyze
from lookthrough.names.chinese import chinese_tokens, has_cjk, person_pinyin, pinyin_business_words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("华为", True),
        ("華為", True),
        ("Huawei", False),
        ("삼성전자", False),  # Hangul goes through ICU, not pinyin
    ],
)
def test_has_cjk(text: str, expected: bool) -> None:
    assert has_cjk(text) is expected


@pytest.mark.parametrize(
    ("name", "tokens", "forms"),
    [
        (
            "杭州海康威视数字技术股份有限公司",
            ["hangzhou", "haikang", "weishi", "digital", "technology"],
            ["jsc"],
        ),
        ("华为技术有限公司", ["huawei", "technology"], ["llc"]),
        ("中国船舶集团有限公司", ["china", "chuanbo", "group"], ["llc"]),
        ("海康威视", ["haikang", "weishi"], []),
    ],
)
def test_chinese_tokens(name: str, tokens: list[str], forms: list[str]) -> None:
    assert chinese_tokens(name) == (tokens, forms)


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("杭州海康威視數字技術股份有限公司", "杭州海康威视数字技术股份有限公司"),
        ("華為技術有限公司", "华为技术有限公司"),
        ("中興通訊股份有限公司", "中兴通讯股份有限公司"),
        ("商湯科技", "商汤科技"),
    ],
)
def test_traditional_reads_as_simplified(traditional: str, simplified: str) -> None:
    assert analyze(traditional).tokens == analyze(simplified).tokens


@pytest.mark.parametrize(
    ("name", "key", "forms"),
    [
        ("北京旷视科技有限公司", "beijing kuangshi technology", ("llc",)),
        ("上海商汤智能科技有限公司", "shanghai shangtang intelligent technology", ("llc",)),
        ("浪潮集团有限公司", "langchao group", ("llc",)),
        ("美亚柏科信息股份有限公司", "meiya baike information", ("jsc",)),
        ("中兴通讯股份有限公司", "zhongxing communication", ("jsc",)),
        ("中国工商银行股份有限公司", "china gongshang bank", ("jsc",)),
        ("新疆维吾尔自治区公安厅", "xinjiang uighur autonomous region public security department", ()),
        ("华为 Technologies 有限公司", "huawei technology", ("llc",)),  # mixed scripts
        ("华为技术有限公司（深圳）", "huawei technology shenzhen", ("llc",)),
    ],
)
def test_business_words_in_english_and_the_rest_in_pinyin(
    name: str, key: str, forms: tuple[str, ...]
) -> None:
    form = analyze(name)
    assert (form.key, form.forms, form.script) == (key, forms, "cjk")


@pytest.mark.parametrize(
    ("chinese", "english"),
    [
        ("华为技术有限公司", "Huawei Technologies Co., Ltd."),
        ("浙江大华技术股份有限公司", "Zhejiang Dahua Technology Co., Ltd."),
        ("中国电子科技集团有限公司", "China Electronics Technology Group Corporation"),
        ("华为投资控股有限公司", "Huawei Investment & Holding Co., Ltd."),
        ("新疆维吾尔自治区公安厅", "Xinjiang Uyghur Autonomous Region Public Security Department"),
        ("海康威视", "Hai Kang Wei Shi"),
        ("中国电子科技集团公司", "China Electronics Technology Group Corporation"),  # 集团 is 'group'
    ],
)
def test_chinese_and_english_names_meet(chinese: str, english: str) -> None:
    assert analyze(chinese).compact == analyze(english).compact


def test_pinyin_syllables_are_not_stopwords() -> None:
    # Hytera's 海能达: 'da' is a syllable of the name, not the Portuguese particle.
    assert analyze("海能达通信股份有限公司").tokens == ("haineng", "da", "communication")


@pytest.mark.parametrize(
    ("pinyin", "chinese"),
    [
        # the case: a company name written out in pinyin, legal form included
        ("Hangzhou Haikang Weishi Shuzi Jishu Gufen Youxian Gongsi", "杭州海康威视数字技术股份有限公司"),
        ("Huawei Jishu Youxian Gongsi", "华为技术有限公司"),
        ("Beijing Kuangshi Keji Youxian Gongsi", "北京旷视科技有限公司"),
        ("Zhejiang Dahua Jishu Gufen Youxian Gongsi", "浙江大华技术股份有限公司"),
        ("Huawei Touzi Konggu Youxiangongsi", "华为投资控股有限公司"),  # syllables run together
    ],
)
def test_pinyin_names_read_as_their_characters(pinyin: str, chinese: str) -> None:
    a, b = analyze(pinyin), analyze(chinese)
    assert (a.tokens, a.forms) == (b.tokens, b.forms)


def test_pinyin_business_words_only_in_company_names() -> None:
    # Without a pinyin company form, 'keji' is left as written.
    assert pinyin_business_words(["keji", "lab"]) == ["keji", "lab"]
    assert pinyin_business_words(["dajiang", "keji", "youxian", "gongsi"]) == ["dajiang", "technology", "llc"]


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("习近平", ["xi", "jinping"]),
        ("李中华", ["li", "zhonghua"]),  # 中华 stays pinyin, not 'China'
        ("欧阳修", ["ouyang", "xiu"]),  # a two-character surname
        ("習近平", ["xi", "jinping"]),  # traditional characters
        ("中国工商银行股份有限公司", None),  # too long for a person's name
    ],
)
def test_person_pinyin(name: str, words: list[str] | None) -> None:
    assert person_pinyin(name) == words
