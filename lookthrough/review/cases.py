"""A run's hits as cases: one case per listed party reached from a screened row, across its lists.

The catalog already merges entries that share a strong code (ISIN, LEI, USCC). Official lists
often carry one organisation as separate entries with no shared code (the UN, UK and OFAC
entries of one company); hits on such entries from the same row, with the same name once case,
spacing and punctuation are folded, are one case with all their listings. People are merged
only when the catalog merges them: namesakes are common, and each needs its own decision.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any

from lookthrough.catalog import Catalog
from lookthrough.identifiers import detect
from lookthrough.model.schema import is_a
from lookthrough.review.fingerprint import Content, content, fingerprint, hit_key
from lookthrough.review.model import Case, Run
from lookthrough.screening.result import Hit, RowResult


def folded(name: str) -> str:
    """A name with case, spacing and punctuation folded away."""
    text = unicodedata.normalize("NFKC", name).casefold()
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


def parties(catalog: Catalog, hits: list[Hit]) -> list[list[Hit]]:
    """The hits of one row grouped by party, strongest hit first in each group."""
    groups: dict[str, list[Hit]] = {}
    for hit in hits:
        party = catalog.parties.get(hit.entity_id)
        person = party is None or is_a(party.schema, "Person")
        key = f"id:{hit.entity_id}" if person else f"name:{folded(hit.name)}"
        groups.setdefault(key, []).append(hit)
    return list(groups.values())


def merged_content(catalog: Catalog, hits: list[Hit]) -> Content:
    """The listed entries' content across the hits of one party."""
    values: dict[str, set[str]] = {}
    for hit in hits:
        for prop, found in content(catalog, hit).items():
            values.setdefault(prop, set()).update(found)
    return {prop: sorted(found) for prop, found in sorted(values.items())}


def cases_of(catalog: Catalog, run: Run, results: Iterable[RowResult]) -> list[Case]:
    """One case per party of each row; rows naming the same party the same way share a case."""
    cases: dict[str, Case] = {}
    for result in results:
        query = str(result.input.get(run.name_column) or "").strip()
        codes = [c for column in run.id_columns for c in detect(str(result.input.get(column) or ""))]
        for group in parties(catalog, result.hits):
            first = group[0]
            key = hit_key(query, codes, first.entity_id)
            if key in cases:
                continue
            found = merged_content(catalog, group)
            cases[key] = Case(
                run.id,
                key,
                result.row,
                result.line,
                query,
                first.entity_id,
                first.name,
                first.score,
                first.rule,
                fingerprint(found),
                found,
                first.to_dict(),
                input={name: _plain(value) for name, value in result.input.items()},
                members=[hit.to_dict() for hit in group[1:]],
                keys=[hit_key(query, codes, hit.entity_id) for hit in group],
            )
    return list(cases.values())


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)
