"""Streamed UTF-8 list files: a byte that does not decode stops the load with its line."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import IO

from lookthrough.exc import SourceAbort


@contextmanager
def utf8_or_abort(name: str, binary: Callable[[], AbstractContextManager[IO[bytes]]]) -> Iterator[None]:
    """Turn a UnicodeDecodeError met while reading `name` as text into SourceAbort naming the line.

    A text stream decodes ahead in chunks, so the line it stopped at is not the bad byte's:
    `binary` reopens the file's bytes to find that line."""
    try:
        yield
    except UnicodeDecodeError as error:
        with binary() as raw:
            line, byte = _first_bad(raw)
        where = f"byte 0x{byte:02x}" if byte is not None else error.reason
        raise SourceAbort(f"not valid UTF-8 ({where}); fix the file", path=name, line=line) from None


def _first_bad(raw: IO[bytes]) -> tuple[int | None, int | None]:
    """(line, byte) of the first byte that does not decode; a UTF-8 sequence never holds a newline."""
    for number, line in enumerate(raw, 1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as problem:
            return number, line[problem.start]
    return None, None
