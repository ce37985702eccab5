"""Unlisted person names, the negatives of the person and script protocols (issue 11).

Source: the given-name and family-name lists of Faker's person providers (the `faker` package on
PyPI, MIT licence; each locale's lists cite where they come from, e.g. the US Census and Social
Security name tables for en_US), one locale per country or language. A name is a locale's given
name and family name drawn at random with a fixed seed, of one gender where the locale tells
genders apart, in the locale's order (family name first in Chinese, Japanese and Korean). So
every name is made of real names, and none is a real individual's record.

Rule (as for the company negatives, conservative): a name whose words, in any order, equal those
of a listed name (bench.text.tokens: NFKC, casefold, ASCII) is dropped and written out with the
listed name it equals.
"""

from __future__ import annotations

import csv
import importlib
import random
from pathlib import Path
from typing import Any

from bench.text import tokens

SIZE = 5000
SEED = 11

LATIN = (
    "en_US", "en_GB", "en_IN", "en_PK", "en_NG", "en_KE", "en_TH", "es_ES", "es_MX", "es_CO",
    "pt_BR", "fr_FR", "fr_DZ", "de_DE", "it_IT", "nl_NL", "pl_PL", "ro_RO", "tr_TR", "az_AZ",
    "uz_UZ", "id_ID", "ha_NG", "sw",
)  # fmt: skip
"""Latin-script locales: countries and languages across the regions the lists cover."""

SCRIPTS = {
    "arabic": ("ar_AA", "ar_SA", "ar_PS", "ar_DZ", "fa_IR"),
    "cyrillic": ("ru_RU", "uk_UA", "bg_BG"),
    "other": ("zh_CN", "ja_JP", "ko_KR", "he_IL", "el_GR", "hy_AM", "ka_GE", "th_TH"),
}
"""Locales written in other scripts, by script: the script protocol's negatives."""

SCRIPT_SHARES = {"arabic": 0.5, "cyrillic": 0.3, "other": 0.2}
"""The UN list's original-script names are nearly all Arabic, a few Cyrillic: negatives lean the same way."""

FAMILY_FIRST = {"zh_CN": "", "ko_KR": "", "ja_JP": " "}
"""Locales that write the family name first, and what goes between the two names."""


def source() -> str:
    """Where this run's person names come from, for the report's notes."""
    from importlib.metadata import version

    return f"faker {version('faker')}, person providers of {len(LATIN)} Latin-script and " + (
        f"{sum(len(v) for v in SCRIPTS.values())} other-script locales (bench/people.py)"
    )


def person_key(name: str) -> str:
    """The name's words in sorted order: 'HASSAN, Ali' and 'Ali Hassan' are the same name."""
    return " ".join(sorted(tokens(name)))


def _pick(faker: Any, kind: str, gender: str) -> str:
    method = getattr(faker, f"{kind}_{gender}", None)
    return str(method() if method else getattr(faker, kind)())


def draw(locale: str, count: int, seed: int) -> list[str]:
    """`count` distinct names of one locale (fewer if its lists run out), reproducible by seed."""
    from faker import Generator

    # Only the locale's person provider: a full Faker loads every provider of every kind.
    faker = Generator()
    faker.add_provider(importlib.import_module(f"faker.providers.person.{locale}").Provider)
    faker.seed_instance(seed)
    rng = random.Random(seed)
    found: dict[str, None] = {}
    for _attempt in range(count * 5):
        gender = rng.choice(("male", "female"))
        given, family = _pick(faker, "first_name", gender), _pick(faker, "last_name", gender)
        joiner = FAMILY_FIRST.get(locale)
        found[f"{family}{joiner}{given}" if joiner is not None else f"{given} {family}"] = None
        if len(found) == count:
            break
    return list(found)


def drawn(locales: tuple[str, ...], size: int, seed: int) -> list[tuple[str, str]]:
    """(locale, name) pairs, `size` in all, spread evenly over the locales."""
    share, extra = divmod(size, len(locales))
    pairs = []
    for i, locale in enumerate(locales):
        pairs += [(locale, name) for name in draw(locale, share + (i < extra), seed + i)]
    return pairs


def unlisted(
    pairs: list[tuple[str, str]], listed_names: list[str], dropped_to: Path | None = None
) -> list[tuple[str, str]]:
    """The pairs whose name is not a listed name in any word order; the dropped ones written out."""
    listed = {person_key(n): n for n in listed_names}
    kept, dropped = [], []
    for locale, name in pairs:
        match = listed.get(person_key(name))
        if match is None:
            kept.append((locale, name))
        else:
            dropped.append((locale, name, match))
    if dropped_to:
        with dropped_to.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(("locale", "name", "equals listed name"))
            writer.writerows(dropped)
    return kept


def latin_negatives(
    listed_names: list[str], size: int = SIZE, seed: int = SEED, dropped_to: Path | None = None
) -> list[tuple[str, str]]:
    """`size` unlisted person names in Latin script, as (locale, name)."""
    return unlisted(drawn(LATIN, size, seed), listed_names, dropped_to)


def script_negatives(
    listed_names: list[str], size: int = SIZE, seed: int = SEED, dropped_to: Path | None = None
) -> list[tuple[str, str]]:
    """`size` unlisted person names in other scripts, as (locale, name), by SCRIPT_SHARES."""
    pairs = []
    for script, locales in SCRIPTS.items():
        pairs += drawn(locales, round(size * SCRIPT_SHARES[script]), seed)
    return unlisted(pairs, listed_names, dropped_to)
