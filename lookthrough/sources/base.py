"""The base of every list adapter, and the report a load fills in."""

from __future__ import annotations

import csv
import io
import re
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import ClassVar

from lookthrough.encoding import read_text
from lookthrough.exc import SourceAbort, SourceError
from lookthrough.model import Entity


@dataclass(frozen=True)
class Download:
    """One official file to fetch; `name` is the file name it is saved under."""

    url: str
    name: str


@dataclass
class Reject:
    """A record that could not be used, with where it was and why."""

    path: str
    line: int | None
    field: str | None
    reason: str
    raw: str = ""

    @classmethod
    def from_error(cls, error: SourceError, raw: str = "") -> Reject:
        return cls(error.path or "", error.line, error.field, error.reason, raw)

    def __str__(self) -> str:
        return str(SourceError(self.reason, path=self.path, line=self.line, field=self.field))


@dataclass(frozen=True)
class Reference:
    """A party a record refers to in another list: by its id, or by a name alone.
    After the read, `load` checks each against what is loaded and warns of those that join nothing."""

    path: str
    line: int
    field: str
    value: str
    by_id: bool


@dataclass
class FileCount:
    rows: int = 0
    rejected: int = 0


@dataclass
class LoadReport:
    """Counts for one load: every row read is either used or rejected, never dropped."""

    files: dict[str, FileCount] = field(default_factory=dict)
    rejects: list[Reject] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    entities: int = 0

    def row(self, path: str) -> None:
        counted = self.files.get(path)  # not setdefault: that makes a FileCount on every row
        if counted is None:
            counted = self.files[path] = FileCount()
        counted.rows += 1

    def reject(self, error: SourceError, raw: str = "") -> None:
        name = error.path or ""
        self.files.setdefault(name, FileCount()).rejected += 1
        self.rejects.append(Reject.from_error(error, raw))

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    @property
    def rows_read(self) -> int:
        return sum(c.rows for c in self.files.values())

    @property
    def rows_rejected(self) -> int:
        return sum(c.rejected for c in self.files.values())


class Source(ABC):
    """An adapter for one official list format.

    Subclasses implement `detect` (is this file mine?) and `read` (yield its entities), and
    `incomplete` where the format can tell a file cut short from a whole one.
    """

    name: ClassVar[str]
    """Registry key, used by `--format`."""
    dataset: ClassVar[str]
    """Dataset a load of this source becomes a snapshot of."""
    title: ClassVar[str]
    """Human name of the list."""
    downloads: ClassVar[tuple[Download, ...]] = ()
    """Official files `lookthrough update` fetches when online."""
    per_file: ClassVar[bool] = False
    """A user's own files (FtM, relations, BODS): each file name is a dataset of its own, so
    loading a second file never replaces the first, and reloading a file updates it."""

    def __init__(self) -> None:
        self.into = self.dataset
        """The dataset this reader's entities belong to (see `dataset_for`)."""
        self.encoding: str | None = None
        """Text encoding given with `update --encoding`; None detects it (see `text`)."""
        self.references: list[Reference] = []
        """Parties the file names by id or by name alone (see Reference)."""

    @classmethod
    def dataset_for(cls, path: Path) -> str:
        """The dataset a load of `path` is a snapshot of."""
        if not cls.per_file:
            return cls.dataset
        stem = re.sub(r"[^a-z0-9]+", "_", path.name.lower().split(".")[0]).strip("_") or "file"
        return f"{cls.dataset}:{stem}"

    @classmethod
    @abstractmethod
    def detect(cls, path: Path) -> bool:
        """Whether `path` is the main file of this format."""

    @abstractmethod
    def read(self, path: Path, report: LoadReport) -> Iterator[Entity]:
        """Yield the entities in `path`, rejecting bad records into `report`."""

    def companions(self, path: Path) -> list[Path]:
        """Other files read together with the main file (e.g. OFAC's alt.csv)."""
        return []

    def published(self, path: Path) -> date | None:
        """Publication date the file itself states, if any."""
        return None

    def incomplete(self, path: Path, report: LoadReport) -> list[str]:
        """Reasons the file looks cut short or partial; empty when whole."""
        return []

    def text(self, path: Path) -> str:
        """A list file's text, in `self.encoding` or the one detected; SourceAbort if neither is sure."""
        return read_text(path, self.encoding, error=SourceAbort, name=path.name)


def sniff_text(path: Path, size: int = 4096) -> str:
    """The start of a file as text, for format detection; never raises on bad bytes."""
    try:
        with path.open("rb") as handle:
            return handle.read(size).decode("utf-8", errors="replace")
    except OSError:
        return ""


def csv_header(path: Path) -> list[str]:
    """The first CSV row of a file, lower-cased, or [] if it cannot be read."""
    text = sniff_text(path)
    if not text or "\x00" in text:
        return []  # binary files (xlsx, parquet) have no CSV header
    try:
        first = next(csv.reader(io.StringIO(text.lstrip("\ufeff"))), [])
    except csv.Error:
        return []
    return [c.strip().lower() for c in first]
