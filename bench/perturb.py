"""Edits that real-world data makes to listed names; each returns None where it does not apply."""

from __future__ import annotations

import itertools
import random
import re
import string

LONG_WORD = re.compile(r"[A-Za-z]{6,}")
WORD = re.compile(r"[A-Za-z]{2,}")
# fmt: off
PLAIN_WORDS = frozenset({
    "and", "of", "for", "the", "de", "la", "el", "al", "company", "joint", "stock", "limited",
    "liability", "corporation", "public", "open", "closed",
})
# fmt: on
"""Words a typo or a join would leave as they are: edits go to the name's own words."""

LEGAL_GROUPS: tuple[tuple[str, ...], ...] = (
    ("CO., LTD.", "CO. LTD.", "CO LTD", "COMPANY LIMITED", "CO., LIMITED"),
    ("LTD.", "LTD", "LIMITED"),
    ("LLC", "L.L.C.", "LIMITED LIABILITY COMPANY", "OOO"),
    ("JSC", "JOINT STOCK COMPANY", "AO"),
    ("OJSC", "OPEN JOINT STOCK COMPANY", "OAO"),
    ("CJSC", "CLOSED JOINT STOCK COMPANY", "ZAO"),
    ("PJSC", "PUBLIC JOINT STOCK COMPANY", "PAO"),
    ("INC.", "INC", "INCORPORATED"),
    ("S.A.", "SA", "SOCIEDAD ANONIMA"),
    ("S.A.R.L.", "SARL"),
    ("S.R.L.", "SRL"),
    ("GMBH", "G.M.B.H."),
    ("PLC", "P.L.C.", "PUBLIC LIMITED COMPANY"),
    ("PTE. LTD.", "PTE LTD", "PRIVATE LIMITED"),
    ("SDN. BHD.", "SDN BHD"),
    ("B.V.", "BV"),
    ("FZE", "F.Z.E."),
    ("FZCO", "FZ CO"),
    ("LLP", "L.L.P."),
)
"""Equivalent spellings of one legal form; a 'swap' trades one for another of its group."""

ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("TECHNOLOGY", "TECH"), ("TECHNOLOGIES", "TECH"), ("CORPORATION", "CORP"),
    ("INTERNATIONAL", "INTL"), ("COMPANY", "CO"), ("INDUSTRIES", "INDS"), ("INDUSTRIAL", "IND"),
    ("MANUFACTURING", "MFG"), ("ENGINEERING", "ENG"), ("DEVELOPMENT", "DEV"), ("ASSOCIATION", "ASSN"),
    ("BROTHERS", "BROS"), ("SERVICES", "SVCS"), ("MANAGEMENT", "MGMT"), ("DEPARTMENT", "DEPT"),
    ("NATIONAL", "NATL"), ("INSTITUTE", "INST"), ("UNIVERSITY", "UNIV"), ("ELECTRONICS", "ELECS"),
    ("ENTERPRISES", "ENTERPR"), ("INVESTMENT", "INVT"), ("TRADING", "TRDG"), ("SHIPPING", "SHPG"),
    ("GROUP", "GRP"), ("HOLDINGS", "HLDGS"), ("LABORATORY", "LAB"), ("COMMUNICATIONS", "COMMS"),
    ("AND", "&"),
)  # fmt: skip
"""Long and short forms as company registers and market-data vendors write them."""

HOLDING_SUFFIXES = (
    "-A",
    " - A",
    "-H",
    " CLASS A",
    " CLASS B",
    "-CL B",
    " ADR",
    "-SP ADR",
    " (ADR)",
    " A SHARES",
    "-GDR",
    " ORD",
)
"""Share-class and listing suffixes as fund holdings reports print them."""


def _match_case(text: str, like: str) -> str:
    return text.upper() if like.isupper() else text


def _edit(word: str, rng: random.Random) -> str:
    letters = string.ascii_uppercase if word.isupper() else string.ascii_lowercase
    i = rng.randrange(len(word))
    op = rng.choice(("substitute", "delete", "insert", "transpose"))
    if op == "substitute":
        return word[:i] + rng.choice(letters.replace(word[i], "")) + word[i + 1 :]
    if op == "delete":
        return word[:i] + word[i + 1 :]
    if op == "insert":
        return word[:i] + rng.choice(letters) + word[i:]
    j = min(i + 1, len(word) - 1) if i < len(word) - 1 else i - 1
    a, b = sorted((i, j))
    return word[:a] + word[b] + word[a] + word[b + 1 :]


def typo(name: str, rng: random.Random) -> str | None:
    """One or two random edits inside one word of six letters or more."""
    words = [w for w in LONG_WORD.finditer(name) if w.group().lower() not in PLAIN_WORDS]
    if not words:
        return None
    found = rng.choice(words)
    word = found.group()
    for _ in range(rng.choice((1, 2))):
        word = _edit(word, rng)
    return name[: found.start()] + word + name[found.end() :]


def token_order(name: str, rng: random.Random, person: bool) -> str | None:
    """'SURNAME, Given' as 'Given SURNAME' for people; otherwise two neighbouring words swapped."""
    if person and "," in name:
        family, _, given = name.partition(",")
        return f"{given.strip()} {family.strip()}" if given.strip() else None
    words = name.split()
    if len(words) < 2:
        return None
    if person:
        return " ".join(reversed(words))
    i = rng.randrange(len(words) - 1)
    words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)


FORM_PATTERNS = [
    (re.compile(r"[\s,]+" + re.escape(form) + r"\s*$", re.IGNORECASE), form, group)
    for form, group in sorted(((f, g) for g in LEGAL_GROUPS for f in g), key=lambda p: -len(p[0]))
]
"""Longest forms first, so 'CO., LTD.' wins over 'LTD.'."""

ABBREVIATION_PATTERNS = [
    (
        re.compile(r"(?<![A-Za-z])" + re.escape(this) + (r"\.?(?![A-Za-z])" if this.isalpha() else ""), re.I),
        that,
    )
    for long, short in ABBREVIATIONS
    for this, that in ((long, short), (short, long))
]


def _legal_form_at_end(name: str) -> tuple[str, str, tuple[str, ...]] | None:
    """(name without the form, the form, its group) for a name that ends in a known legal form."""
    for pattern, form, group in FORM_PATTERNS:
        found = pattern.search(name)
        if found:
            return name[: found.start()], form, group
    return None


def legal_form_drop(name: str, rng: random.Random) -> str | None:
    """The name without its trailing legal form."""
    found = _legal_form_at_end(name)
    return found[0] if found and found[0].strip() else None


def legal_form_swap(name: str, rng: random.Random) -> str | None:
    """The trailing legal form written another way (Co., Ltd. -> Company Limited, LLC -> OOO)."""
    found = _legal_form_at_end(name)
    if not found:
        return None
    stem, form, group = found
    other = rng.choice([g for g in group if g.casefold() != form.casefold()])
    return f"{stem}{',' if rng.random() < 0.5 else ''} {_match_case(other, name)}"


def abbreviation(name: str, rng: random.Random) -> str | None:
    """One word abbreviated or spelled out (Technology <-> Tech, Corporation <-> Corp, And <-> &)."""
    options = [
        (f.start(), f.end(), that) for pattern, that in ABBREVIATION_PATTERNS for f in pattern.finditer(name)
    ]
    if not options:
        return None
    start, end, text = rng.choice(options)
    return name[:start] + _match_case(text, name) + name[end:]


def join_words(name: str, rng: random.Random) -> str | None:
    """Two neighbouring words run together ('SENSE TIME' -> 'SENSETIME')."""
    words = [w for w in WORD.finditer(name) if w.group().lower() not in PLAIN_WORDS]
    pairs = [(a, b) for a, b in itertools.pairwise(words) if name[a.end() : b.start()] == " "]
    if not pairs:
        return None
    a, b = rng.choice(pairs)
    return name[: a.end()] + name[b.start() :]


def split_word(name: str, rng: random.Random, vocabulary: frozenset[str]) -> str | None:
    """A long word split where both halves are words the lists use ('PETROCHEMICAL' -> 'PETRO CHEMICAL')."""
    splits = []
    for found in LONG_WORD.finditer(name):
        word = found.group()
        for i in range(3, len(word) - 2):
            if word[:i].lower() in vocabulary and word[i:].lower() in vocabulary:
                splits.append(found.start() + i)
    if not splits:
        return None
    cut = rng.choice(splits)
    return name[:cut] + " " + name[cut:]


def holding_suffix(name: str, rng: random.Random) -> str | None:
    """A share-class or depositary-receipt suffix as in holdings data ('-A', 'CLASS B', 'ADR')."""
    return name.rstrip(" .") + _match_case(rng.choice(HOLDING_SUFFIXES), name)
