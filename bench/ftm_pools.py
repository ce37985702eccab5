"""Real entries and name parts for the scale generator: every listed party of the shared lists,
read through lookthrough's own adapters, and the IEEE registrants' company names.

A party's names become a template (schema, names, identifiers, listings); its words feed pools
by role (given name, family name, organisation word) and script, counted as often as they occur.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lookthrough.model import Entity
from lookthrough.model.schema import IDENTIFIER_PROPS, NAME_PROPS
from lookthrough.names.legal_forms import FORM_TOKENS
from lookthrough.sources.base import LoadReport
from lookthrough.sources.load import discover

PARTS = re.compile(r"(\w+)")
"""Words and what lies between them: `PARTS.split(name)` alternates separators and words."""
PARTICLES = frozenset(
    {"al", "el", "ul", "ud", "bin", "ibn", "bint", "abu", "abd", "de", "del", "da", "dos", "van",
     "von", "der", "la", "le", "y", "e", "mc", "st"}
)  # fmt: skip
"""Words of personal names kept as they are: they tie names together, they are not a name."""
FORM_WORDS = frozenset(FORM_TOKENS) | frozenset(
    {"joint", "stock", "limited", "liability", "company", "open", "closed", "public", "private",
     "society", "obshchestvo", "aktsionernoe", "otvetstvennostyu", "ogranichennoi", "ogranichennoy",
     "publichnoe", "zakrytoe", "otkrytoe", "and", "of", "for", "the", "in", "on", "to", "a", "s",
     "de", "la", "el", "al", "y", "et", "und", "des", "du", "di", "da", "do", "del"}
)  # fmt: skip
"""Legal forms and function words of organisation names, kept as they are."""
PARTY_SCHEMATA = ("Person", "Organization", "Company", "LegalEntity", "Vessel", "Airplane")
COUNTRY_PROPS = ("country", "nationality", "jurisdiction", "flag")
GIVEN, FAMILY, ORG, KEEP, NUMBER = "given", "family", "org", "keep", "number"


def script(word: str) -> str:
    """The writing system of a word: 'latin' or the Unicode script name of its first letter."""
    for char in word:
        if char.isalpha():
            if char.isascii():
                return "latin"
            name = unicodedata.name(char, "")
            first = name.split(" ")[0]
            return "latin" if first == "LATIN" else first.lower()
    return "latin"


def roles(schema: str, words: Sequence[str], text: str) -> list[str]:
    """What each word of a name is: given or family name, organisation word, kept or number."""
    if schema != "Person":
        return [
            NUMBER if any(c.isdigit() for c in w) else KEEP if w.lower() in FORM_WORDS else ORG for w in words
        ]
    if "," in text:
        before = len(PARTS.findall(text.split(",", 1)[0]))
        family = set(range(before))
    elif any(w.isupper() and len(w) > 1 for w in words) and any(not w.isupper() for w in words):
        family = {i for i, w in enumerate(words) if w.isupper() and len(w) > 1}
    else:
        family = {len(words) - 1}
    return [
        NUMBER if any(c.isdigit() for c in w)
        else KEEP if w.lower() in PARTICLES
        else FAMILY if i in family
        else GIVEN
        for i, w in enumerate(words)
    ]  # fmt: skip


@dataclass
class Template:
    """One real party as a pattern: its kind, names, identifiers, countries and listings."""

    schema: str
    dataset: str
    names: list[tuple[str, str]]
    codes: list[tuple[str, str]] = field(default_factory=list)
    countries: list[tuple[str, str]] = field(default_factory=list)
    gender: str | None = None
    born: bool = False
    programs: list[tuple[str, str]] = field(default_factory=list)
    """(program, authority) of each listing."""
    links: int = 0
    """Relations this party is the subject of (associates, owners)."""


@dataclass
class Pools:
    """Words by (role, script) with their counts, and the templates they come from."""

    words: dict[tuple[str, str], Counter[str]] = field(default_factory=dict)
    templates: list[Template] = field(default_factory=list)
    vendors: list[Template] = field(default_factory=list)

    def count(self, schema: str, text: str) -> None:
        words = PARTS.findall(text)
        for word, role in zip(words, roles(schema, words, text), strict=True):
            if role in (GIVEN, FAMILY, ORG):
                form = word.lower() if script(word) == "latin" else word
                self.words.setdefault((role, script(word)), Counter())[form] += 1


def _template(entity: Entity) -> Template | None:
    names = [(s.prop, s.value) for s in entity.statements if s.prop in NAME_PROPS]
    if not names:
        return None
    return Template(
        schema=entity.schema,
        dataset=entity.dataset,
        names=names,
        codes=[(s.prop, s.value) for s in entity.statements if s.prop in IDENTIFIER_PROPS],
        countries=[(s.prop, s.value) for s in entity.statements if s.prop in COUNTRY_PROPS],
        gender=entity.first("gender"),
        born=entity.has("birthDate"),
    )


def read_entities(paths: Iterable[Path]) -> Iterable[Entity]:
    """Every entity of the list files or folders, as lookthrough's adapters read them."""
    for path in paths:
        found, _skipped = discover(path)
        for cls, main in found:
            source = cls()
            source.into = cls.dataset_for(main)
            yield from source.read(main, LoadReport())


def build_pools(paths: Iterable[Path], vendor_names: Iterable[str]) -> Pools:
    """Templates and word pools of every listed party of `paths` and of the vendor names."""
    pools = Pools()
    by_id: dict[str, Template] = {}
    programs: list[tuple[str, str, str]] = []
    subjects: Counter[str] = Counter()
    for entity in read_entities(paths):
        if entity.schema == "Sanction":
            for party in entity.get("entity"):
                programs.append((party, entity.first("program") or "", entity.first("authority") or ""))
        elif entity.schema in ("UnknownLink", "Ownership"):
            subjects.update(entity.get("subject") + entity.get("owner"))
        elif entity.schema in PARTY_SCHEMATA and (template := _template(entity)):
            by_id[entity.id] = template
            pools.templates.append(template)
    for party, program, authority in programs:
        if party in by_id:
            by_id[party].programs.append((program, authority))
    for party, links in subjects.items():
        if party in by_id:
            by_id[party].links = links
    for template in pools.templates:
        for _prop, text in template.names:
            pools.count(template.schema, text)
    for name in vendor_names:
        pools.vendors.append(Template("Company", "ieee_oui", [("name", name)]))
        pools.count("Company", name)
    return pools
