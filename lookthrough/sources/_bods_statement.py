"""One BODS statement, read the same way whether it follows BODS 0.4 or 0.2/0.3."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lookthrough.encoding import field_problem
from lookthrough.exc import SourceError
from lookthrough.model import Evidence

KINDS_BEFORE_04 = {
    "entityStatement": "entity",
    "personStatement": "person",
    "ownershipOrControlStatement": "relationship",
}
# BODS source types: a register or a declaration to one is a filing; research by others is reporting.
FILED = frozenset({"officialRegister", "selfDeclaration", "verified"})


@dataclass
class Statement:
    """A statement with where it is in the file, and the record it speaks of."""

    number: int
    line: int | None
    where: str
    id: str
    kind: str
    key: str
    date: str
    details: dict[str, Any]
    raw: dict[str, Any]
    column: int | None = None
    """Where the statement starts on its line, for a JSON array (whose lines may hold many)."""

    @property
    def closed(self) -> bool:
        return self.raw.get("recordStatus") == "closed"

    @property
    def replaces(self) -> list[str]:
        found = self.raw.get("replacesStatements") or []
        return [str(s) for s in found] if isinstance(found, list) else []

    @property
    def evidence(self) -> Evidence:
        types = set((self.raw.get("source") or {}).get("type") or [])
        return Evidence.FILING if types & FILED else Evidence.REPORTED

    def error(self, reason: str, path: str, field: str) -> SourceError:
        where = _place(self.where, self.column)
        return SourceError(f"{where}: {reason}", path=path, line=self.line, field=field)

    def reference(self, field: str) -> tuple[str | None, str]:
        """(record key, kind hint) that `subject` or `interestedParty` points to; key None if unspecified."""
        value = self.details.get(field)
        if isinstance(value, str):
            return value, ""
        if isinstance(value, dict):
            for name, hint in (
                ("describedByEntityStatement", "entity"),
                ("describedByPersonStatement", "person"),
            ):
                if isinstance(value.get(name), str):
                    return value[name], hint
        return None, ""


def _place(where: str, column: int | None) -> str:
    return where if column is None else f"{where} (column {column})"


def parse_statement(
    data: Any, number: int, where: str, path: str, line: int | None, column: int | None = None
) -> Statement:
    """Read one statement; raises SourceError naming the field that is missing or wrong."""

    def fail(reason: str, field: str | None = None) -> SourceError:
        return SourceError(f"{_place(where, column)}: {reason}", path=path, line=line, field=field)

    if not isinstance(data, dict):
        raise fail("not a JSON object")
    if found := field_problem(data):
        raise fail(found[1], found[0])
    if "recordType" in data:
        kind, key_field, id_field = str(data["recordType"]), "recordId", "statementId"
        details = data.get("recordDetails")
        if not isinstance(details, dict):
            raise fail("recordDetails is not an object", "recordDetails")
    elif "statementType" in data:
        kind = KINDS_BEFORE_04.get(str(data["statementType"]), "")
        key_field = id_field = "statementID"
        details = data
    else:
        raise fail("neither recordType (BODS 0.4) nor statementType (BODS 0.2/0.3)", "recordType")
    if kind not in ("entity", "person", "relationship"):
        raise fail(f"unknown statement type {kind or data.get('statementType')!r}", "statementType")
    for field in (id_field, key_field):
        if not isinstance(data.get(field), str) or not data[field]:
            raise fail(f"{field} is missing", field)
    date = data.get("statementDate")
    return Statement(
        number, line, where, data[id_field], kind, data[key_field], str(date or ""), details, data, column
    )
