"""Streaming XML reading shared by list adapters: records one at a time, memory kept flat."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from lxml import etree
from lxml.etree import _Element as Element

from lookthrough.exc import SourceAbort
from lookthrough.sources.base import sniff_text


def local(el: Element) -> str:
    """The element's tag without its namespace."""
    return str(etree.QName(el).localname)


def top_records(path: Path, tag: str, other: Callable[[Element], None] | None = None) -> Iterator[Element]:
    """Children of the root named `tag`, streamed; nested copies (history blocks) are skipped.

    Other children of the root go to `other` before they are freed. A broken file stops the
    load with its line."""
    try:
        with path.open("rb") as handle:
            for _event, el in etree.iterparse(handle, events=("end",)):
                parent = el.getparent()
                if parent is None or parent.getparent() is not None:
                    continue  # inside a record, or the root itself: kept until its record ends
                if local(el) == tag:
                    yield el
                elif other is not None:
                    other(el)
                release(el)
    except etree.XMLSyntaxError as error:
        raise SourceAbort(f"invalid XML: {error.msg}", path=path.name, line=error.lineno) from None


def release(el: Element) -> None:
    """Free a parsed record and the siblings before it, so memory stays flat on big files."""
    el.clear()
    parent = el.getparent()
    while parent is not None and el.getprevious() is not None:
        del parent[0]


def root_attribute(path: Path, name: str) -> str | None:
    """An attribute of the root element, read from the start of the file."""
    with path.open("rb") as handle:
        for _event, root in etree.iterparse(handle, events=("start",)):
            value = root.get(name)
            return str(value) if value is not None else None
    return None


def raw(el: Element, limit: int = 4000) -> str:
    """The record as XML text, for the rejects table."""
    return str(etree.tostring(el, encoding="unicode"))[:limit]


def head_has(path: Path, *markers: str, size: int = 4096) -> bool:
    """Whether the start of the file holds every marker (format detection)."""
    text = sniff_text(path, size) if path.is_file() else ""
    return all(m in text for m in markers)
