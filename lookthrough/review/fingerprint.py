"""What a decision was about: the listed entry's content, fingerprinted so a change shows."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

from lookthrough.catalog import Catalog
from lookthrough.screening.result import Hit

Content = dict[str, list[str]]


def content(catalog: Catalog, hit: Hit) -> Content:
    """The listed party's names, codes, countries and listings, as sorted values per property.

    Snapshot ids and load times are left out: reloading the same list changes nothing."""
    values: dict[str, set[str]] = defaultdict(set)
    for member in catalog.cluster(hit.entity_id):
        party = catalog.parties.get(member)
        if party is None:
            continue
        for name in party.names:
            values[name.prop].add(name.value)
        for code in party.codes:
            values[code.prop].add(code.value)
        values["country"].update(party.countries)
    for entry in hit.lists:
        values["listing"].add(" / ".join(p for p in (entry.list, entry.program, entry.since) if p))
    return {prop: sorted(found) for prop, found in sorted(values.items()) if found}


def fingerprint(found: Content) -> str:
    """A short, stable digest of a listed entry's content."""
    text = json.dumps(found, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def changes(before: Content, after: Content) -> list[str]:
    """What was added to or removed from a listed entry, one line per value."""
    lines = []
    for prop in sorted(set(before) | set(after)):
        old, new = set(before.get(prop, ())), set(after.get(prop, ()))
        lines += [f"added {prop}: {value}" for value in sorted(new - old)]
        lines += [f"removed {prop}: {value}" for value in sorted(old - new)]
    return lines


def hit_key(query: str, codes: Iterable[tuple[str, str]], entity_id: str) -> str:
    """The same screened name (and codes) against the same listed party, across runs."""
    folded = " ".join(unicodedata.normalize("NFKC", query).casefold().split())
    text = json.dumps([folded, sorted(f"{k}:{v}" for k, v in codes), entity_id], ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:20]
