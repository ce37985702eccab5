"""Read one array of a large JSON object element by element, keeping each element's line."""

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
            raise SourceAbort(f"invalid JSON: {error.msg}", path=self.name, line=error.lineno) from None
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
            yield from _elements(cursor)
        else:
            cursor.value()
        if cursor.skip() == ",":
            cursor.pos += 1
    cursor.expect("}")
    if cursor.skip():
        raise SourceAbort("text after the end of the JSON object", path=name, line=cursor.line)
    if not seen:
        raise SourceAbort(f"the file has no {key!r} array", path=name, line=cursor.line)


def _elements(cursor: _Cursor) -> Iterator[tuple[int, Any]]:
    cursor.expect("[")
    while cursor.skip() != "]":
        if not cursor.skip():
            raise SourceAbort("the file ends inside the array", path=cursor.name, line=cursor.line)
        line = cursor.line
        yield line, cursor.value()
        if cursor.skip() == ",":
            cursor.pos += 1
    cursor.pos += 1
