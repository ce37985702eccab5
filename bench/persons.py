"""The protocols of issue 11, each on its own index with unlisted person names as negatives:

- `person`: the company protocol's alias hold-out, on individuals only: aliases of OFAC SDN
  individuals masked from the SDN index and screened back in (kinds variant / unrelated);
- `un_script`: the UN list's names in their original script (NAME_ORIGINAL_SCRIPT and non-Latin
  aliases) screened against the Latin names of every UN entry (kinds by script).

Their false alerts are counted on `negative_person` (Latin-script person names) and
`negative_script` (person names in the scripts the lists use), see bench/people.py.
"""

from __future__ import annotations

from pathlib import Path

from bench import holdout, people, un_script
from bench.cases import ListedName, Query

PERSON = "person"
PERSON_NEGATIVE = "negative_person"
SCRIPT = un_script.CATEGORY
SCRIPT_NEGATIVE = "negative_script"
POOLS = {PERSON: PERSON_NEGATIVE, SCRIPT: SCRIPT_NEGATIVE}
"""Each protocol's category and the category of the negatives its false alerts are counted on."""
SIZE = holdout.SIZE


def person_holdout(
    names: list[ListedName], size: int = SIZE, seed: int = holdout.SEED
) -> tuple[list[ListedName], list[Query]]:
    """The SDN index with `size` individuals' aliases masked, and those aliases as queries."""
    return holdout.build_holdout(names, size, seed, category=PERSON, eligible=lambda n: n.person)


def person_negatives(
    listed: list[str], size: int = people.SIZE, seed: int = people.SEED, dropped_to: Path | None = None
) -> list[Query]:
    pairs = people.latin_negatives(listed, size, seed, dropped_to)
    return [Query(name, None, PERSON_NEGATIVE, locale) for locale, name in pairs]


def script_protocol(
    listed: list[str], size: int = people.SIZE, seed: int = people.SEED, dropped_to: Path | None = None
) -> tuple[list[ListedName], list[Query], list[str]]:
    """The UN Latin index, the original-script queries and their negatives, and every UN name
    (for the other protocols' exclusion lists)."""
    parties = un_script.un_parties()
    names, queries = un_script.build_un_script(parties)
    every = [s.value for p in parties for s in p.statements if s.prop in un_script.NAME_PROPS]
    pairs = people.script_negatives([*listed, *every], size, seed, dropped_to)
    return names, queries + [Query(name, None, SCRIPT_NEGATIVE, locale) for locale, name in pairs], every
