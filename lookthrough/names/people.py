"""People's names read as people's names: which word is the given name, which the family name.

- 'PUTIN, Vladimir Vladimirovich' is inverted: the words before the comma are the family name;
  the words are put back in the order the name is spoken ('vladimir vladimirovich putin').
- Lists write family names in capitals ('Vladimir Vladimirovich PUTIN', 'KIM Jong Un').
- Patronymics end in -ovich, -evna, -ogly … ('Vladimirovich'); in an Arabic nasab the name after
  bin/ibn is the father's ('Usama bin Muhammad').
- Particles (bin, al, van, de, von …) are kept as words, marked so they weigh little.
- One letter is an initial ('V. Putin').
- In Chinese, Japanese and Korean the family name comes first.
A role is left empty ('') where the name does not tell.
"""

from __future__ import annotations

from lookthrough.names.legal_forms import FORM_TOKENS, SPELLED_OUT

GIVEN, FAMILY, PATRONYMIC, PARTICLE, INITIAL = "given", "family", "patronymic", "particle", "initial"
ROLES = (GIVEN, FAMILY, PATRONYMIC, PARTICLE, INITIAL, "")

ARABIC_PARTICLES = frozenset(
    {"al", "el", "ul", "ud", "ad", "ash", "bin", "ibn", "bint", "ben", "abu", "abou", "ould"}
)
"""Particles of Arabic names (al-, bin, ibn, abu …) as the lists spell them."""
NASAB = frozenset({"bin", "ibn", "bint", "ben", "ould"})
"""'son of', 'daughter of': the next word is the father's name."""
EUROPEAN_PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "da", "di", "du", "del", "della", "dos", "das", "do", "la", "le",
     "ter", "ten", "zu", "vom", "zum", "zur", "y", "e"}
)  # fmt: skip
"""Particles of European names ('van der Berg', 'de la Cruz', 'Silva e Sousa'): particles only
between two other words, so 'Le Duc Anh' and 'Da Silva' keep their first word as a name."""
PARTICLES = ARABIC_PARTICLES | EUROPEAN_PARTICLES
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
NOT_GIVEN_NAMES = SUFFIXES | FORM_TOKENS.keys() | SPELLED_OUT.keys()
"""What may follow a comma without the name being inverted: 'Smith, Jr.', 'Acme, Ltd.'."""
MAX_INVERTED_WORDS = 6
PATRONYMIC_ENDINGS = (
    "vich",
    "vych",
    "ovna",
    "evna",
    "ivna",
    "ichna",
    "ogly",
    "oglu",
    "ogli",
    "kyzy",
    "qizi",
    "kizi",
)
"""Russian, Ukrainian and Belarusian -ovich/-evna, Turkic -oglu/-kyzy (as transliterated)."""


def is_patronymic(token: str) -> bool:
    return len(token) > 5 and token.endswith(PATRONYMIC_ENDINGS)


def inversion(text: str) -> tuple[str, str] | None:
    """('PUTIN', 'Vladimir Vladimirovich') for 'PUTIN, Vladimir Vladimirovich'; None when the name
    is not written family name first (no comma, several, or only 'Jr.' after it)."""
    if text.count(",") != 1:
        return None
    family, given = (part.strip() for part in text.split(","))
    if not family or not given:
        return None
    words = [w.strip(".").lower() for w in given.replace(".", ". ").split()]
    if set(words) <= NOT_GIVEN_NAMES or len(words) + len(family.split()) > MAX_INVERTED_WORDS + 2:
        return None
    return family, given


def is_capitalised(word: str) -> bool:
    """A word written in capitals ('PUTIN', 'AL-ASAD'), as lists write family names; not 'V.'."""
    return word.isupper() and len(word.rstrip(".")) >= 2


def form_roles(tokens: list[str], *, family_part: bool = False, given_part: bool = False) -> list[str]:
    """Roles that the words themselves show: particles, initials, patronymics; '' elsewhere.
    Words of a family name (before the comma of an inverted name) are family names; in the
    given names after that comma, any word but the first may be a patronymic."""
    roles = [FAMILY if family_part else ""] * len(tokens)
    if PARTICLES.isdisjoint(tokens) and not any(len(t) == 1 or is_patronymic(t) for t in tokens):
        return roles  # most names: nothing in the words themselves
    last = len(tokens) - 1
    patronymics = [i for i, t in enumerate(tokens) if is_patronymic(t)]
    for i, token in enumerate(tokens):
        if token in PARTICLES and _is_particle(token, i, last, family_part):
            roles[i] = PARTICLE
        elif len(token) == 1 and token.isalpha() and not family_part:
            roles[i] = INITIAL
        elif (
            not family_part
            and i in patronymics
            and ((given_part and i > 0) or _is_patronymic_position(i, last, patronymics))
        ):
            roles[i] = PATRONYMIC
    # 'Usama bin Muhammad bin Awad ...': the father's names; in the given names of an inverted
    # name the last word after 'bin' is one too (the family name stands before the comma)
    for i in range(1, last + 1 if given_part else last):
        if tokens[i - 1] in NASAB and roles[i - 1] == PARTICLE and roles[i] == "" and not family_part:
            roles[i] = PATRONYMIC
    return roles


def _is_particle(token: str, position: int, last: int, family_part: bool) -> bool:
    if position == last:
        return False
    if family_part or token in {"al", "el"}:
        return True
    return position > 0


def _is_patronymic_position(position: int, last: int, patronymics: list[int]) -> bool:
    # 'Roman Abramovich': a family name; 'Roman Arkadyevich Abramovich': the middle one.
    if position == 0 or last < 2:
        return False
    return position != last or len(patronymics) == 1


def person_roles(tokens: list[str], capitals: list[bool], *, inverted_at: int | None = None) -> list[str]:
    """The role of each word of a Latin-script person's name. `capitals` says which words were
    written in capitals; `inverted_at` is where the family name starts in a name put back in order."""
    if inverted_at is not None:
        given = form_roles(tokens[:inverted_at], given_part=True)
        given = [r or GIVEN for r in given]
        return given + form_roles(tokens[inverted_at:], family_part=True)
    roles = form_roles(tokens)
    if any(capitals) and not all(capitals):
        return [_by_case(role, capital) for role, capital in zip(roles, capitals, strict=True)]
    return _by_patronymic(roles)


def _by_case(role: str, capital: bool) -> str:
    if role and not (capital and role == PATRONYMIC):
        return role
    return FAMILY if capital else GIVEN


def _by_patronymic(roles: list[str]) -> list[str]:
    """'Vladimir Vladimirovich Putin' and 'Putin Vladimir Vladimirovich': the patronymic follows
    the given name; the family name is the remaining word at the other end."""
    if PATRONYMIC not in roles or len(roles) < 3:
        return roles
    at = roles.index(PATRONYMIC)
    found = list(roles)
    if at == len(roles) - 1:  # family name first
        found[0] = found[0] or FAMILY
        for i in range(1, at):
            found[i] = found[i] or GIVEN
    else:
        for i in range(at):
            found[i] = found[i] or GIVEN
        for i in range(at + 1, len(roles)):
            found[i] = found[i] or FAMILY
    return found


def family_first(count: int) -> list[str]:
    """Roles of a Chinese, Japanese or Korean name: family name, then the given name."""
    if count < 2:
        return [""] * count
    return [FAMILY] + [GIVEN] * (count - 1)
