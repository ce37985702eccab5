"""Legal forms of organisations (Co. Ltd., GmbH, OOO, S.A., 有限公司 …).

Multi-word forms in many languages come from rigour's org-type tables (built from
ISO 20275 and OCCRP's list); the token table below adds the short forms they leave
alone ("co", "corp", "company") so that "Huawei Technologies Company" and
"Huawei Technologies Co., Ltd." compare on "huawei technology".
"""

from __future__ import annotations

from rigour.names import replace_org_types_compare

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
    "cv": "jsc", "sab": "jsc", "ltda": "llc", "eirl": "llc", "eireli": "llc",
}  # fmt: skip

# A few words are legal forms only when they end a name ("ABC Company", not "Company of Heroes").
TRAILING_ONLY = frozenset(
    {"co", "company", "corp", "corporation", "cos", "companies", "as", "ab", "se", "sa"}
)


def replace_forms(text: str) -> str:
    """Casefolded text with multi-word legal forms rewritten to rigour's generic codes."""
    return replace_org_types_compare(text, generic=True)


def split_forms(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Separate legal-form tokens from the core of a name: (core, forms).

    A name made only of forms keeps them as its core, so "Company" still says something.
    """
    core: list[str] = []
    forms: list[str] = []
    for position, token in enumerate(tokens):
        form = FORM_TOKENS.get(token)
        trailing = all(t in FORM_TOKENS for t in tokens[position + 1 :])
        if form is not None and (token not in TRAILING_ONLY or trailing):
            forms.append(form)
        else:
            core.append(token)
    if not core:
        return tokens, []
    return core, sorted(set(forms))
