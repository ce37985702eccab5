"""One CSL entry, read the same way from the CSV and the JSON download."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lookthrough.encoding import field_problem, json_raw
from lookthrough.exc import SourceError
from lookthrough.sources._csl_ids import Identifier, parse_csv_ids
from lookthrough.sources._values import joined, text

COLUMNS = (
    "_id", "source", "entity_number", "type", "programs", "name", "title", "addresses",
    "federal_register_notice", "start_date", "end_date", "standard_order", "license_requirement",
    "license_policy", "call_sign", "vessel_type", "gross_tonnage", "gross_registered_tonnage",
    "vessel_flag", "vessel_owner", "remarks", "source_list_url", "alt_names", "citizenships",
    "dates_of_birth", "nationalities", "places_of_birth", "source_information_url", "ids",
)  # fmt: skip
"""The current column layout of consolidated.csv; the JSON uses the same names ('id' for '_id')."""
LIST_FIELDS = ("programs", "alt_names", "citizenships", "dates_of_birth", "nationalities", "places_of_birth")
SCALAR_FIELDS = tuple(c for c in COLUMNS if c not in (*LIST_FIELDS, "addresses", "ids"))
ADDRESS_PARTS = ("address", "city", "state", "postal_code", "country")
_COUNTRY = re.compile(r"^[A-Z]{2}$")


@dataclass
class Record:
    """One CSL entry with its place in the file; cells are cleaned, multi-valued cells split."""

    path: str
    line: int
    raw: str
    fields: dict[str, str] = field(default_factory=dict)
    lists: dict[str, list[str]] = field(default_factory=dict)
    addresses: list[tuple[str, str | None]] = field(default_factory=list)
    ids: list[Identifier] = field(default_factory=list)

    def get(self, key: str) -> str | None:
        return self.fields.get(key)

    def many(self, key: str) -> list[str]:
        return self.lists.get(key, [])

    def error(self, reason: str, field: str | None = None) -> SourceError:
        return SourceError(reason, path=self.path, line=self.line, field=field)


def _split(cell: str | None) -> list[str]:
    return [t for t in (text(p) for p in (cell or "").split("; ")) if t]


def from_csv(path: str, line: int, header: list[str], row: list[str]) -> Record:
    """A record from one CSV row whose length matches the header."""
    cells = dict(zip(header, row, strict=True))
    record = Record(path, line, ",".join(row))
    record.fields = {k: v for k in SCALAR_FIELDS if (v := text(cells.get(k)))}
    record.lists = {k: _split(cells.get(k)) for k in LIST_FIELDS}
    for address in _split(cells.get("addresses")):
        last = address.rsplit(", ", 1)[-1]
        record.addresses.append((address, last if _COUNTRY.match(last) else None))
    record.ids = parse_csv_ids(cells.get("ids") or "")
    return record


def from_json(path: str, line: int, item: Any) -> Record:
    """A record from one element of the JSON `results` array; raises SourceError naming the field."""
    if not isinstance(item, dict):
        raise SourceError("entry is not a JSON object", path=path, line=line)
    if found := field_problem(item):
        raise SourceError(found[1], path=path, line=line, field=found[0])
    record = Record(path, line, json_raw(item))
    for key in SCALAR_FIELDS:
        value = _scalar(record, item.get("id" if key == "_id" else key), key)
        if value:
            record.fields[key] = value
    record.lists = {k: _strings(record, item.get(k), k) for k in LIST_FIELDS}
    for index, address in enumerate(_objects(record, item.get("addresses"), "addresses")):
        parts = [_scalar(record, address.get(p), f"addresses[{index}].{p}") for p in ADDRESS_PARTS]
        full = joined(parts)
        if full:
            record.addresses.append((full, parts[-1]))
    for index, ident in enumerate(_objects(record, item.get("ids"), "ids")):
        kind = _scalar(record, ident.get("type"), f"ids[{index}].type")
        number = _scalar(record, ident.get("number"), f"ids[{index}].number")
        if not kind:
            raise record.error("identifier has no type", f"ids[{index}].type")
        record.ids.append(Identifier(kind, number or "", _scalar(record, ident.get("country"), "ids")))
    return record


def _scalar(record: Record, value: Any, key: str) -> str | None:
    if value is None or isinstance(value, str | int | float):
        return text(value)
    raise record.error(f"expected text, found {type(value).__name__}", key)


def _strings(record: Record, value: Any, key: str) -> list[str]:
    if value is None or isinstance(value, str):
        return _split(value)
    if not isinstance(value, list):
        raise record.error(f"expected a list, found {type(value).__name__}", key)
    return [t for i, v in enumerate(value) if (t := _scalar(record, v, f"{key}[{i}]"))]


def _objects(record: Record, value: Any, key: str) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise record.error("expected a list of objects", key)
    return value
