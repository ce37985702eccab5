"""The OFAC SDN names of the issue's protocol: the 2024-05-03 entries plus the 2025-12 aliases."""

from __future__ import annotations

from pathlib import Path

from bench.cases import ListedName
from bench.paths import ALT, SDN, data_file
from lookthrough.sources.base import LoadReport
from lookthrough.sources.ofac_csv import ALT_FIELDS, MAIN_FIELDS, clean, read_rows

SCHEMAS = {"individual": "Person", "vessel": "Vessel", "aircraft": "Airplane"}
ALIAS_PROPS = {"aka": "alias", "fka": "previousName", "nka": "alias"}


def read_primary(path: Path) -> dict[str, ListedName]:
    """Each entry's primary name, by ent_num."""
    found: dict[str, ListedName] = {}
    for _line, row in read_rows(path, MAIN_FIELDS, LoadReport()):
        ent_num, name = row[0].strip(), clean(row[1])
        if name and ent_num not in found:
            schema = SCHEMAS.get((clean(row[2]) or "").lower(), "Organization")
            found[ent_num] = ListedName(f"sdn-{ent_num}", name, "name", schema)
    return found


def read_aliases(path: Path, primary: dict[str, ListedName]) -> list[ListedName]:
    """Aliases whose ent_num is an entry of `primary` (the newer file also lists later entries)."""
    aliases = []
    for _line, row in read_rows(path, ALT_FIELDS, LoadReport()):
        entry, name = primary.get(row[0].strip()), clean(row[3])
        if entry and name:
            prop = ALIAS_PROPS.get((clean(row[2]) or "aka").lower(), "alias")
            aliases.append(ListedName(entry.entity_id, name, prop, entry.schema))
    return aliases


def sdn_names() -> list[ListedName]:
    """About 32,600 names for 14,965 entries: primary names first, then the aliases in file order."""
    primary = read_primary(data_file(SDN))
    return [*primary.values(), *read_aliases(data_file(ALT), primary)]
