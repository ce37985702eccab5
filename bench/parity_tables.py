"""The parity tables: name pairs from the peers' own test files, each with its outcome and origin.

The tables live in tests/matching/parity/ (one CSV per peer and test area; README.md there says
where every row comes from and how an outcome was read). Both the parity tests and
`python -m bench.parity` read them through this module.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from bench.paths import REPO

TABLES = REPO / "tests" / "matching" / "parity"
RANKING = "nomenklatura_logic_v2_ranking"
KNOWN_MISSES = TABLES / "known_misses.csv"
EXPECTED = ("match", "no_match", "undecided")
BASES = ("asserted", "feature", "score", "judged")
PAIR_COLUMNS = (
    "query",
    "candidate",
    "candidate_aliases",
    "schema",
    "expected",
    "basis",
    "category",
    "peer_score",
    "peer_threshold",
    "origin_repo",
    "origin_file",
    "origin_commit",
    "origin_case",
    "note",
)
RANK_COLUMNS = (
    "better",
    "worse",
    "candidate",
    "schema",
    "category",
    "origin_repo",
    "origin_file",
    "origin_commit",
    "origin_case",
    "note",
)
COMMIT = re.compile(r"[0-9a-f]{40}")


class TableError(ValueError):
    """A parity table row that cannot be used, named by file, line and field."""

    def __init__(self, path: Path, line: int, field: str, message: str) -> None:
        super().__init__(f"{path.name}, line {line}, field {field!r}: {message}")


@dataclass(frozen=True)
class Origin:
    """Where a row comes from: repository, file, commit and the case within the file."""

    repo: str
    file: str
    commit: str
    case: str

    @property
    def url(self) -> str:
        return f"https://github.com/{self.repo}/blob/{self.commit}/{self.file}"


@dataclass(frozen=True)
class PairCase:
    """A query, the listed party it is compared with, and the outcome the peer asserts."""

    table: str
    query: str
    candidate: str
    aliases: tuple[str, ...]
    schema: str
    expected: str
    basis: str
    category: str
    peer_score: str
    peer_threshold: str
    origin: Origin
    note: str

    @property
    def id(self) -> str:
        return f"{self.table}:{self.origin.case}"

    @property
    def names(self) -> tuple[str, ...]:
        """The candidate's names: its name first, then its aliases."""
        return (self.candidate, *self.aliases)


@dataclass(frozen=True)
class RankCase:
    """Two queries against one listed name; the peer asserts that `better` scores higher."""

    better: str
    worse: str
    candidate: str
    schema: str
    category: str
    origin: Origin
    note: str

    @property
    def id(self) -> str:
        return f"{RANKING}:{self.origin.case}"


def _rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != columns:
            raise TableError(path, 1, "header", f"expected columns {', '.join(columns)}")
        rows = [(line, row) for line, row in enumerate(reader, start=2)]
    for line, row in rows:
        for field in ("origin_repo", "origin_file", "origin_case", "schema", "category"):
            if not (row[field] or "").strip():
                raise TableError(path, line, field, "empty")
        if not COMMIT.fullmatch(row["origin_commit"]):
            raise TableError(path, line, "origin_commit", "not a 40-digit commit")
    return rows


def _origin(row: dict[str, str]) -> Origin:
    return Origin(row["origin_repo"], row["origin_file"], row["origin_commit"], row["origin_case"])


def read_pairs(path: Path) -> list[PairCase]:
    """Every row of one pair table, checked: a bad row raises TableError naming it."""
    cases = []
    for line, row in _rows(path, PAIR_COLUMNS):
        for field, allowed in (("expected", EXPECTED), ("basis", BASES)):
            if row[field] not in allowed:
                raise TableError(path, line, field, f"{row[field]!r} is not one of {', '.join(allowed)}")
        if not row["query"].strip() or not row["candidate"].strip():
            raise TableError(path, line, "query" if not row["query"].strip() else "candidate", "empty")
        aliases = tuple(a.strip() for a in row["candidate_aliases"].split(";") if a.strip())
        cases.append(
            PairCase(
                path.stem,
                row["query"],
                row["candidate"],
                aliases,
                row["schema"],
                row["expected"],
                row["basis"],
                row["category"],
                row["peer_score"],
                row["peer_threshold"],
                _origin(row),
                row["note"],
            )
        )
    return cases


def pair_tables(folder: Path = TABLES) -> dict[str, list[PairCase]]:
    """Each pair table by name (the file's stem), in file-name order."""
    paths = sorted(p for p in folder.glob("*.csv") if p.stem not in (RANKING, KNOWN_MISSES.stem))
    return {p.stem: read_pairs(p) for p in paths}


def rank_cases(folder: Path = TABLES) -> list[RankCase]:
    path = folder / f"{RANKING}.csv"
    return [
        RankCase(
            row["better"],
            row["worse"],
            row["candidate"],
            row["schema"],
            row["category"],
            _origin(row),
            row["note"],
        )
        for _line, row in _rows(path, RANK_COLUMNS)
    ]


def known_misses(algorithm: str, path: Path = KNOWN_MISSES) -> set[str]:
    """Ids of the rows `algorithm` gets wrong today (the parity tests mark them xfail)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["algorithm"] == algorithm]
    return {f"{r['table']}:{r['origin_case']}" for r in rows}


def write_known_misses(algorithm: str, missed: list[str], path: Path = KNOWN_MISSES) -> None:
    """Replace `algorithm`'s rows of the known-miss list, keeping other algorithms' rows."""
    with path.open(encoding="utf-8", newline="") as handle:
        kept = [r for r in csv.DictReader(handle) if r["algorithm"] != algorithm]
    columns = ("algorithm", "table", "origin_case")
    fresh = [dict(zip(columns, (algorithm, *m.split(":", 1)), strict=True)) for m in missed]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(kept + fresh)
