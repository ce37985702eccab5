"""Chinese names to comparable Latin tokens: 杭州海康威视数字技术股份有限公司 ->
'hangzhou haikang weishi digital technology' + legal form 'jsc'.

Traditional characters become simplified (OpenCC), legal forms are set aside,
common business words are translated so they meet their English counterparts,
and the rest is segmented into words (rjieba, the Rust port of jieba) and written in pinyin (pypinyin).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

# Longest forms first; the value is the generic code used for all languages.
LEGAL_FORMS: dict[str, str] = {
    "股份有限公司": "jsc",
    "有限责任公司": "llc",
    "有限公司": "llc",
    "总公司": "co",
    "分公司": "co",
    "公司": "co",
}

# Business words and administrative terms, translated as English lists write them.
TERMS: dict[str, str] = {
    "电子科技": "electronics technology",
    "数字技术": "digital technology",
    "信息技术": "information technology",
    "科技": "technology",
    "技术": "technology",
    "信息": "information",
    "集团": "group",
    "数字": "digital",
    "电子": "electronics",
    "网络": "network",
    "通信": "communication",
    "通讯": "communication",
    "智能": "intelligent",
    "软件": "software",
    "系统": "system",
    "视觉": "vision",
    "工业": "industry",
    "国际": "international",
    "控股": "holding",
    "投资": "investment",
    "银行": "bank",
    "发展": "development",
    "研究所": "research institute",
    "研究院": "research institute",
    "研究": "research",
    "大学": "university",
    "学院": "college",
    "警察": "police",
    "公安局": "public security bureau",
    "公安厅": "public security department",
    "公安": "public security",
    "人民政府": "people's government",
    "自治区": "autonomous region",
    "自治州": "autonomous prefecture",
    "维吾尔": "uighur",
    "新疆": "xinjiang",
    "中国": "china",
    "中华": "china",
    "生产建设兵团": "production and construction corps",
    "兵团": "corps",
    "贸易": "trading",
    "实业": "industrial",
    "机器人": "robot",
    "存储": "storage",
    "安防": "security",
    "监控": "surveillance",
    "设备": "equipment",
    "制造": "manufacturing",
    "有限": "limited",
    "股份": "",
}

_TERMS_PATTERN = re.compile("|".join(sorted(map(re.escape, {**LEGAL_FORMS, **TERMS}), key=len, reverse=True)))


@cache
def _converter() -> Any:
    # Imported on first use: the segmenter and pinyin tables take a while to load.
    import opencc

    return opencc.OpenCC("t2s")


def has_cjk(text: str) -> bool:
    return CJK.search(text) is not None


@cache
def _pinyin_words(run: str) -> tuple[str, ...]:
    import rjieba
    from pypinyin import Style, lazy_pinyin

    words = []
    for word in rjieba.cut(run):
        if CJK.search(word):
            words.append("".join(lazy_pinyin(word, style=Style.NORMAL)))
        elif word.strip():
            words.append(word)
    return tuple(words)


COMPOUND_SURNAMES = frozenset(
    {
        "欧阳",
        "司马",
        "诸葛",
        "上官",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "令狐",
        "司徒",
        "夏侯",
        "长孙",
        "宇文",
    }
)
"""Two-character surnames (the commonest of the Hundred Family Surnames, 百家姓)."""


def person_pinyin(text: str) -> list[str] | None:
    """A Chinese person's name of two to four characters as surname and given name in pinyin
    ('习近平' -> ['xi', 'jinping']), as lists write it; None for other texts."""
    from pypinyin import Style, lazy_pinyin

    simplified = _converter().convert(text)
    if not 2 <= len(simplified) <= 4 or not all(CJK.match(c) for c in simplified):
        return None
    head = 2 if simplified[:2] in COMPOUND_SURNAMES and len(simplified) > 2 else 1
    surname, given = simplified[:head], simplified[head:]
    return [
        "".join(lazy_pinyin(surname, style=Style.NORMAL)),
        "".join(lazy_pinyin(given, style=Style.NORMAL)),
    ]


def chinese_tokens(text: str, *, organization: bool = True) -> tuple[list[str], list[str]]:
    """(tokens, legal forms) of a name written in Chinese characters; a person's name is
    only written in pinyin (李中华 is Li Zhonghua, not 'Li China')."""
    simplified = _converter().convert(text)
    if not organization:
        return list(_pinyin_words(simplified)), []
    tokens: list[str] = []
    forms: list[str] = []
    position = 0
    for match in _TERMS_PATTERN.finditer(simplified):
        tokens.extend(_pinyin_words(simplified[position : match.start()]))
        term = match.group(0)
        if term in LEGAL_FORMS:
            forms.append(LEGAL_FORMS[term])
        else:
            tokens.extend(TERMS[term].split())
        position = match.end()
    tokens.extend(_pinyin_words(simplified[position:]))
    return tokens, forms


@cache
def pinyin_terms() -> dict[str, str]:
    """The legal forms and business words of the tables above as written in pinyin, run
    together ('gufenyouxiangongsi' -> 'jsc', 'keji' -> 'technology'), for names spelled out in
    pinyin ('Shenzhen Dajiang Chuangxin Keji Youxian Gongsi')."""
    from pypinyin import Style, lazy_pinyin

    found = {"".join(lazy_pinyin(term, style=Style.NORMAL)): english for term, english in TERMS.items()}
    found.update({"".join(lazy_pinyin(term, style=Style.NORMAL)): form for term, form in LEGAL_FORMS.items()})
    return found


MAX_TERM_SYLLABLES = 6


def pinyin_business_words(tokens: list[str]) -> list[str]:
    """A name in pinyin that ends in a company form ('… Youxian Gongsi') with its business words
    in English and its legal form as a generic code, as its Chinese characters read."""
    if not any("gongsi" in t for t in tokens):
        return tokens
    terms = pinyin_terms()
    found: list[str] = []
    position = 0
    while position < len(tokens):
        for width in range(min(MAX_TERM_SYLLABLES, len(tokens) - position), 0, -1):
            english = terms.get("".join(tokens[position : position + width]))
            if english is not None:
                found.extend(english.split())
                position += width
                break
        else:
            found.append(tokens[position])
            position += 1
    return found
