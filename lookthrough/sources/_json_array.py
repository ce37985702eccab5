"""Read a JSON array element by element (a top-level one, or one under a key of the top-level
object), keeping the line and column where each element starts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from lookthrough.exc import SourceAbort

_WHITESPACE = " \t\r\n"


class _Cursor:
    """A position in JSON text that knows its line number."""

    def __init__(self, text: str, name: str) -> None:
        self.text = text
        self.name = name
        self.pos = 0
        self.line = 1
        self.decoder = json.JSONDecoder()

    def skip(self) -> str:
        """Skip whitespace; the next character, or '' at the end."""
        while self.pos < len(self.text) and self.text[self.pos] in _WHITESPACE:
            if self.text[self.pos] == "\n":
                self.line += 1
            self.pos += 1
        return self.text[self.pos : self.pos + 1]

    @property
    def column(self) -> int:
        """The column (1 = first character of its line) of the current position."""
        return self.pos - self.text.rfind("\n", 0, self.pos)

    def expect(self, char: str) -> None:
        if self.skip() != char:
            found = self.text[self.pos : self.pos + 1] or "end of file"
            raise SourceAbort(f"expected {char!r}, found {found!r}", path=self.name, line=self.line)
        self.pos += 1

    def value(self) -> Any:
        """Decode the JSON value that starts here."""
        self.skip()
        try:
            value, end = self.decoder.raw_decode(self.text, self.pos)
        except json.JSONDecodeError as error:
            reason = f"invalid JSON: {error.msg} (column {error.colno})"
            raise SourceAbort(reason, path=self.name, line=error.lineno) from None
        except RecursionError:
            raise SourceAbort("invalid JSON: nested too deeply", path=self.name, line=self.line) from None
        self.line += self.text.count("\n", self.pos, end)
        self.pos = end
        return value


def iter_array(text: str, key: str, name: str) -> Iterator[tuple[int, Any]]:
    """(line, element) for each element of the array under `key` in the top-level object."""
    cursor = _Cursor(text.lstrip("\ufeff"), name)
    cursor.expect("{")
    seen = False
    while cursor.skip() != "}":
        found = cursor.value()
        cursor.expect(":")
        if found == key:
            seen = True
            yield from ((line, element) for line, _column, element in _elements(cursor))
        else:
            cursor.value()
        if cursor.skip() == ",":
            cursor.pos += 1
    cursor.expect("}")
    if cursor.skip():
        raise SourceAbort("text after the end of the JSON object", path=name, line=cursor.line)
    if not seen:
        raise SourceAbort(f"the file has no {key!r} array", path=name, line=cursor.line)


def iter_elements(text: str, name: str) -> Iterator[tuple[int, int, Any]]:
    """(line, column, element) for each element of a top-level array; SourceAbort at the line of
    the element that does not decode, or of anything else that is not one whole array."""
    cursor = _Cursor(text.lstrip("\ufeff"), name)
    yield from _elements(cursor)
    if cursor.skip():
        raise SourceAbort("text after the end of the JSON array", path=name, line=cursor.line)


def _elements(cursor: _Cursor) -> Iterator[tuple[int, int, Any]]:
    cursor.expect("[")
    number = 0
    while cursor.skip() != "]":
        if not cursor.skip():
            raise SourceAbort("the file ends inside the array", path=cursor.name, line=cursor.line)
        number += 1
        line, column = cursor.line, cursor.column
        try:
            value = cursor.value()
        except SourceAbort as error:
            # Name the element that broke: where it starts, and where the decoder stopped.
            reason = f"element {number} (column {column}): {error.reason}"
            if error.line != line:
                reason += f", on line {error.line}"
            raise SourceAbort(reason, path=cursor.name, line=line) from None
        yield line, column, value
        if cursor.skip() == ",":
            cursor.pos += 1
        elif cursor.skip() != "]":
            found = cursor.text[cursor.pos : cursor.pos + 1] or "end of file"
            raise SourceAbort(f"expected ',' or ']' after element {number}, found {found!r}",
                              path=cursor.name, line=cursor.line)  # fmt: skip
    cursor.pos += 1
