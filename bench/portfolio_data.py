"""The real-portfolio evaluation set: published fund holdings files and their hand labels."""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from bench.paths import REPO

FOLDER = REPO / "bench" / "portfolios"
LABELS = FOLDER / "labels.csv"
LABEL_FIELDS = (
    "fund", "row", "name", "ticker", "country", "label", "entity_ids",
    "controllers", "rule", "reason", "source", "split",
)  # fmt: skip
CLASSES = ("a", "b", "c", "u")
"""a: the issuer itself is on a loaded list; b: controlled or owned by a listed party (sourced);
c: neither; u: unresolved (a listed group's name, no ownership source read), left out of the figures."""
DEFAULT_RULE = "no-candidate"
"""Rows absent from labels.csv: no candidate at threshold 0.2 and no exact name-key match, so (c)."""
HELD_OUT_SHARE = 3  # of 10: rows whose issuer hashes into 0-2 are held out, never fitted on


@dataclass(frozen=True)
class Fund:
    """One holdings file and which of its columns hold what."""

    key: str
    title: str
    path: Path
    name: str = "name"
    ticker: str = "ticker"
    isin: str | None = None
    country: str | None = None


FUNDS = (
    Fund("vwo-2025-11", "Vanguard FTSE Emerging Markets ETF (VWO)", FOLDER / "vwo-2025-11.csv"),
    Fund(
        "iemg-2020-03",
        "iShares Core MSCI Emerging Markets ETF (IEMG)",
        FOLDER / "iemg-2020-03.csv",
        isin="isin",
        country="country",
    ),
)


@dataclass(frozen=True)
class Holding:
    """One row of a fund file: every field as written, under the file's own column names."""

    fund: str
    row: int
    fields: dict[str, str] = field(hash=False)

    def value(self, column: str | None) -> str:
        return (self.fields.get(column) or "").strip() if column else ""


@dataclass(frozen=True)
class Label:
    """A hand label for one holding, with the reason and the source behind it."""

    fund: str
    row: int
    name: str
    label: str
    entity_ids: tuple[str, ...]
    controllers: tuple[str, ...]
    rule: str
    reason: str
    source: str
    split: str

    @property
    def expected(self) -> frozenset[str]:
        """Every listed party a hit on this row may rightly name."""
        return frozenset(self.entity_ids) | frozenset(self.controllers)


def read_fund(fund: Fund, limit: int | None = None) -> list[Holding]:
    """The holdings of `fund` in file order; `row` is the file's own row number."""
    with fund.path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    holdings = [Holding(fund.key, int(r["row"]), r) for r in rows]
    return holdings[:limit] if limit else holdings


def split_of(name: str) -> str:
    """'heldout' for about 30% of issuers, 'fit' for the rest: a fixed hash of the name, so a
    repeated issuer (two share classes, a renamed row) always falls on the same side."""
    key = " ".join(name.upper().split())
    bucket = int(hashlib.sha256(key.encode()).hexdigest(), 16) % 10
    return "heldout" if bucket < HELD_OUT_SHARE else "fit"


def label_for(holding: Holding, labels: dict[tuple[str, int], Label], name_column: str = "name") -> Label:
    """The row's hand label, or the default (c) label of a row that no screen found a candidate for."""
    found = labels.get((holding.fund, holding.row))
    if found is not None:
        return found
    name = holding.value(name_column)
    return Label(holding.fund, holding.row, name, "c", (), (), DEFAULT_RULE, "", "", split_of(name))


def _ids(text: str) -> tuple[str, ...]:
    return tuple(t for t in (p.strip() for p in text.split(";")) if t)


def read_labels(path: Path = LABELS) -> dict[tuple[str, int], Label]:
    """The labels by (fund, row); a row with an unknown class or a missing id stops with its line."""
    found: dict[tuple[str, int], Label] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for line, r in enumerate(csv.DictReader(handle), start=2):
            if r["label"] not in CLASSES:
                raise ValueError(f"{path.name} line {line}: label {r['label']!r} is not one of {CLASSES}")
            ids, controllers = _ids(r["entity_ids"]), _ids(r["controllers"])
            if (r["label"] == "a" and not ids) or (r["label"] == "b" and not controllers):
                raise ValueError(f"{path.name} line {line}: a positive label names no listed party")
            key = (r["fund"], int(r["row"]))
            if key in found:
                raise ValueError(f"{path.name} line {line}: {key} is labelled twice")
            found[key] = Label(
                r["fund"], int(r["row"]), r["name"], r["label"], ids, controllers,
                r["rule"], r["reason"], r["source"], r["split"],
            )  # fmt: skip
    return found
