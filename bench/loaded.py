"""'Everything loaded' for the speed runs: the SDN names of the protocol plus every other list an
adapter reads today, loaded through lookthrough.sources.load into an in-memory store."""

from __future__ import annotations

from dataclasses import dataclass, field

from bench.cases import ListedName
from bench.curated import curated_entities
from bench.ofac import sdn_names
from bench.paths import CONS, OTHER_LISTS, data_file
from lookthrough.catalog import Catalog
from lookthrough.exc import LookthroughError
from lookthrough.sources.load import load_path
from lookthrough.store import open_store


@dataclass
class Loaded:
    """All names to index, and what each list contributed (or why it is missing)."""

    names: list[ListedName]
    lists: dict[str, str] = field(default_factory=dict)


def _catalog_names(catalog: Catalog) -> list[ListedName]:
    return [ListedName(p.id, n.value, n.prop, p.schema) for p in catalog.parties.values() for n in p.names]


def load_everything() -> Loaded:
    """SDN 2024-05-03 + 2025-12 aliases, the consolidated list, CSL sample, UN, UK, curated dataset."""
    names = sdn_names()
    lists = {"OFAC SDN 2024-05-03 + alt 2025-12": f"{len(names):,} names"}
    store = open_store(":memory:")
    for relative in (CONS, *OTHER_LISTS):
        try:
            # The shared CSL sample ends mid-record; the bench loads the samples as they are.
            results = load_path(store, data_file(relative), force=True)
            lists[relative] = (
                ", ".join(f"{r.snapshot.source}: {r.report.entities:,} entities" for r in results if r.ok)
                or "failed"
            )
        except LookthroughError as error:
            lists[relative] = f"not loaded ({error})"
    others = _catalog_names(Catalog.build(store.current_statements()))
    store.close()
    curated = curated_entities() or []
    catalog = Catalog()
    catalog.add_entities(curated)
    curated_names = _catalog_names(catalog)
    lists["built-in curated dataset"] = (
        f"{len(curated_names):,} names" if curated else "not in the package yet"
    )
    return Loaded([*names, *others, *curated_names], lists)
