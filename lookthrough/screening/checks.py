"""Checks on a row's own values, so that nothing in it is ignored without a word.

An ID column value with the form of an ISIN, LEI or USCC that fails its check digit is not
matched as a code: the row says so in `warnings` and is still screened on its name. When the
name is empty too, nothing valid is left to screen and the row is an `error`, never `clear`.
"""

from __future__ import annotations

from lookthrough.identifiers import problems
from lookthrough.screening.reader import InputRow


def code_warnings(row: InputRow, id_columns: list[str]) -> list[str]:
    """One warning per ID field whose value is a mistyped ISIN, LEI or USCC."""
    found = []
    for column in id_columns:
        value = row.fields.get(column)
        for problem in problems("" if value is None else str(value)):
            found.append(f"line {row.line}, field {column!r}: {problem}; it was not matched as a code")
    return found


def valid_codes(row: InputRow, id_columns: list[str]) -> list[str]:
    """The ID fields holding a value that is not a mistyped strong code."""
    return [c for c in id_columns if _text(row.fields.get(c)) and not problems(_text(row.fields.get(c)))]


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()
