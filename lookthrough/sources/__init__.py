"""Official list adapters, registered by name like plugins."""

from __future__ import annotations

import pkgutil
from importlib import import_module
from importlib.metadata import entry_points
from pathlib import Path

from lookthrough.exc import InvalidInput
from lookthrough.sources.base import Download, LoadReport, Reject, Source

NOT_ADAPTERS = frozenset({"base", "load", "download"})
"""Modules of this package that hold machinery, not list adapters."""

SOURCES: dict[str, type[Source]] = {}


def register(cls: type[Source]) -> type[Source]:
    """Class decorator that makes an adapter available to `update` and `--format`."""
    SOURCES[cls.name] = cls
    return cls


_loaded = False


def _load_plugins() -> None:
    """Import every adapter module shipped here, then third-party ones registered under the
    `lookthrough.sources` entry-point group: built-ins register exactly like plugins."""
    for info in pkgutil.iter_modules(__path__):
        if info.name not in NOT_ADAPTERS and not info.name.startswith("_"):
            import_module(f"{__name__}.{info.name}")
    for point in entry_points(group="lookthrough.sources"):
        register(point.load())
    global _loaded
    _loaded = True


def get_source(name: str) -> type[Source]:
    if not _loaded:
        _load_plugins()
    try:
        return SOURCES[name]
    except KeyError:
        known = ", ".join(sorted(SOURCES))
        raise InvalidInput(f"unknown format {name!r}; known formats: {known}") from None


def all_sources() -> list[type[Source]]:
    if not _loaded:
        _load_plugins()
    return list(SOURCES.values())


def detect_source(path: Path) -> type[Source] | None:
    """The adapter whose main file `path` is, or None."""
    for cls in all_sources():
        if cls.detect(path):
            return cls
    return None


__all__ = [
    "SOURCES",
    "Download",
    "LoadReport",
    "Reject",
    "Source",
    "all_sources",
    "detect_source",
    "get_source",
    "register",
]
