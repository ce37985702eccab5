"""Legal forms of organisations (Co. Ltd., GmbH, OOO, S.A., 有限公司 …).

Multi-word forms in many languages come from rigour's org-type tables (built from
ISO 20275 and OCCRP's list); the token table below adds the short forms they leave
alone ("co", "corp", "company") so that "Huawei Technologies Company" and
"Huawei Technologies Co., Ltd." compare on "huawei technology".
"""

from __future__ import annotations

import re
from functools import lru_cache

from rigour.names import extract_org_types, replace_org_types_compare

# Generic forms rigour substitutes, plus tokens it leaves in place.
FORM_TOKENS: dict[str, str] = {
    "llc": "llc", "jsc": "jsc", "lp": "lp", "llp": "llp", "plc": "plc", "gp": "gp",
    "co": "co", "coltd": "llc", "company": "co", "cos": "co", "companies": "co",
    "corp": "corp", "corporation": "corp", "inc": "llc", "incorporated": "llc",
    "ltd": "llc", "limited": "llc", "pvt": "llc", "pte": "llc", "pty": "llc", "bhd": "llc",
    "sdn": "llc", "gmbh": "llc", "ag": "jsc", "sa": "jsc", "nv": "jsc", "bv": "llc",
    "spa": "jsc", "srl": "llc", "sarl": "llc", "kk": "jsc", "oy": "jsc", "ab": "jsc",
    "as": "jsc", "asa": "jsc", "ooo": "llc", "oao": "jsc", "zao": "jsc", "pao": "jsc",
    "ao": "jsc", "tov": "llc", "fzco": "llc", "fze": "llc", "fzc": "llc", "lllp": "lp",
    "sas": "jsc", "sae": "jsc", "se": "jsc", "kg": "lp", "ohg": "gp", "kgaa": "lp",
    "cv": "jsc", "sab": "jsc", "ltda": "llc", "eirl": "llc", "eireli": "llc", "private": "llc",
    "pt": "jsc", "uab": "llc", "sia": "llc", "too": "llc", "soe": "soe", "ngo": "ngo", "coop": "coop",
    "pjsfc": "jsc", "afk": "jsc", "ak": "jsc", "nk": "jsc", "gmk": "jsc",
    "gyo": "reit",  # Turkish: Gayrimenkul Yatirim Ortakligi, a real-estate investment trust
}  # fmt: skip

# A few words are legal forms only when they end a name ("ABC Company", not "Company of Heroes").
TRAILING_ONLY = frozenset(
    {"co", "company", "corp", "corporation", "cos", "companies", "as", "ab", "se", "sa", "private", "too",
     "gyo"}
)  # fmt: skip
LEADING = frozenset(
    {"ooo", "oao", "zao", "pao", "ao", "jsc", "ojsc", "cjsc", "pjsc", "llc", "tov", "too", "pt", "uab",
     "sia", "as", "ab", "soe", "nk", "ak", "afk", "gmk", "pjsfc"}
)  # fmt: skip
"""Short forms that open a name ('OOO Gazprom Export', 'PT Bank Mandiri'). Any other short word
opening a name is a name word even where it is a form elsewhere: 'AG Barr', 'KB Financial'."""
LEADING_ONLY = frozenset({"nk", "ak", "gmk"})
"""Russian abbreviations that are forms only where they open a name: 'NK Rosneft' (oil company),
'AK Alrosa' (joint-stock company), 'GMK Norilsk Nickel' (mining and metals company)."""


SPELLED_OUT: dict[str, str] = {
    "co": "company", "corp": "corporation", "ltd": "limited", "inc": "incorporated",
    "jt": "joint", "stk": "stock", "pvt": "private", "pte": "private",
}  # fmt: skip
"""Abbreviations inside legal forms, spelled out so 'Joint Stock Co' reads as 'Joint Stock Company'."""

SPLIT_SUFFIXES = ("ltd", "llc", "gmbh", "dmcc", "fzco", "fze", "pjsc", "ojsc", "cjsc", "jsc", "plc")
SPLIT_PREFIXES = ("ooo", "oao")
"""Not 'zao': Zaozhuang and Zaoyang are places."""


RUN_ON = re.compile(
    r"(?<=[a-z]{3})(AG|SA|SE|NV|BV|AB|AS|KG|GmbH|Ltd|LTD|LLC|Inc|INC|Corp|CORP|PLC|LLP|SpA|SRL|SARL|Oy|Oyj|JSC|PJSC)\b"
)
"""A legal form run into a name in capitals after small letters ('SiemensAG', 'AcmeLtd')."""
_CASE_CHANGE = re.compile(r"[a-z][A-Z]")
_DOTTED_LETTERS = re.compile(r"\.\w\.")
_DOTTED_ENDS = (" zrt.", " nyrt.", " bt.")
"""Dotted forms that read as forms only with their dots ('d.o.o.', 'Sp. z o.o.', 'Zrt.')."""


def _has_dotted_form(folded: str) -> bool:
    return _DOTTED_LETTERS.search(folded) is not None or folded.endswith(_DOTTED_ENDS)


def split_run_on(text: str) -> str:
    """'SiemensAG' -> 'Siemens AG': only where the case changes, so 'Bag' and 'Saga' stay whole."""
    last = text[text.rfind(" ") + 1 :]  # a form ends a name
    if last.isupper() or last.islower() or _CASE_CHANGE.search(last) is None:
        return text
    return text[: len(text) - len(last)] + RUN_ON.sub(r" \1", last)


def set_aside_written_forms(text: str) -> str:
    """Casefolded text with legal forms that only read as such with their accents and dots
    ('Sp. z o.o.', 'd.o.o.', 'Zrt.', 'Société Anonyme', 'Anonim Şirketi', 'Gesellschaft mit
    beschränkter Haftung') written as rigour's generic codes, before transliteration and
    punctuation would hide them. A short first word stays a name word ('A.G. Barr')."""
    folded = text.casefold()
    if folded.isascii() and ("." not in folded or not _has_dotted_form(folded)):
        return folded
    first = folded.split(" ", 1)[0]
    for span, code in extract_org_types(folded, generic=True):
        generic = code.lower()
        if generic not in FORM_TOKENS or (span == first and len(span.replace(".", "")) <= 3):
            continue
        if _read_without_marks(span):
            continue  # 'Co., Ltd.', 'S.A.': the words are read as forms without their dots too
        at = folded.find(span, 1 if folded.startswith(span) and span == first else 0)
        if at >= 0:
            folded = f"{folded[:at]} {generic} {folded[at + len(span) :]}"
    return folded


@lru_cache(maxsize=4096)
def _read_without_marks(span: str) -> bool:
    plain = " ".join(span.replace(".", "").split())
    if not plain.isascii():
        return False
    words = spell_out(plain.split())
    return all(w in FORM_TOKENS for w in words) or replace_org_types_compare(
        " ".join(words), generic=True
    ) != " ".join(words)


def spell_out(tokens: list[str]) -> list[str]:
    """Spell out abbreviated legal-form words and split off forms run into a name ('agorltd')."""
    found: list[str] = []
    for token in tokens:
        found.extend(_split_form(token))
    return [SPELLED_OUT.get(t, t) for t in found]


@lru_cache(maxsize=200_000)
def _split_form(token: str) -> tuple[str, ...]:
    for suffix in SPLIT_SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            return (token[: -len(suffix)], suffix)
    for prefix in SPLIT_PREFIXES:
        if token.startswith(prefix) and len(token) - len(prefix) >= 4:
            return (prefix, token[len(prefix) :])
    return (token,)


def leading_name_word(tokens: list[str]) -> bool:
    """The first word is short, not an opening form, and so part of the name ('AG Barr')."""
    return len(tokens) > 1 and len(tokens[0]) <= 3 and tokens[0] not in LEADING


def replace_forms(tokens: list[str]) -> list[str]:
    """Casefolded words with multi-word legal forms rewritten to rigour's generic codes,
    a short first word that is part of the name left alone."""
    keep = tokens[:1] if leading_name_word(tokens) else []
    rest = replace_org_types_compare(" ".join(tokens[len(keep) :]), generic=True)
    return keep + rest.split()


FORM_WORDS: dict[str, str] = {
    "joint": "jsc", "stock": "jsc", "aktsionernoe": "jsc", "aktsionernoye": "jsc", "obshchestvo": "co",
    "otkrytoe": "jsc", "zakrytoe": "jsc", "publichnoe": "jsc", "liability": "llc",
    "ogranichennoi": "llc", "ogranichennoy": "llc", "otvetstvennostyu": "llc", "tovarystvo": "llc",
    "obmezhenoyu": "llc", "vidpovidalnistyu": "llc", "spolka": "llc", "ograniczona": "llc",
    "odpowiedzialnoscia": "llc", "gayrimenkul": "reit", "ortakligi": "reit",
    "limited": "llc", "company": "co", "closed": "jsc", "open": "jsc", "public": "jsc",
}  # fmt: skip
"""Words of legal-form phrases; two or more of them in a name, in any order, are its legal form
('Joint Company Stock Severniy Press' is still a joint stock company)."""
ONLY_IN_FORMS = frozenset(list(FORM_WORDS)[:-4])
"""The ones that mean nothing outside a legal form (not 'limited', 'company', 'open' …)."""


def split_forms(tokens: list[str], *, named_first: bool = False) -> tuple[list[str], list[str]]:
    """Separate legal-form tokens from the core of a name: (core, forms). With `named_first`
    the first word is a name word whatever it looks like.

    A name made only of forms keeps them as its core, so "Company" still says something.
    """
    if named_first:
        return _split_after_first(tokens)
    original = tokens
    only = sum(t in ONLY_IN_FORMS for t in tokens)
    if only >= 2 or (only and sum(t in FORM_WORDS for t in tokens) >= 2):
        scattered = [FORM_WORDS[t] for t in tokens if t in FORM_WORDS]
        tokens = [t for t in tokens if t not in FORM_WORDS]
    else:
        scattered = []
    # Which positions are followed by legal forms only, worked out in one pass from the end.
    trailing = [True] * (len(tokens) + 1)
    for position in range(len(tokens) - 1, -1, -1):
        trailing[position] = trailing[position + 1] and tokens[position] in FORM_TOKENS
    core: list[str] = []
    forms: list[str] = list(scattered)
    for position, token in enumerate(tokens):
        form = FORM_TOKENS.get(token)
        if (
            form is not None
            and (token not in LEADING_ONLY or position == 0)
            and (token not in TRAILING_ONLY or trailing[position + 1] or (position == 0 and token in LEADING))
        ):
            forms.append(form)
        else:
            core.append(token)
    if not core:
        return original, []
    return core, sorted(set(forms))


def _split_after_first(tokens: list[str]) -> tuple[list[str], list[str]]:
    rest, forms = split_forms(tokens[1:])
    if not forms and all(t in FORM_TOKENS for t in rest):  # 'KB Inc': the rest is all form
        rest, forms = [], sorted({FORM_TOKENS[t] for t in rest})
    return [tokens[0], *rest], forms
