"""Exposure: how much of a file (by value, or by rows) sits with listed parties, by list, rule and group."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from lookthrough.exc import InvalidInput

GROUP_LIMIT = 10_000
"""Distinct values kept per group column; the rest are added up as "(other)"."""
SHOWN = 12
"""Bars per chart; smaller ones are added up in one bar."""
EXAMPLES = 20
"""Unreadable values quoted in the report (all are counted)."""
NUMBER = re.compile(r"[+-]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\.[0-9]+)?")
EMPTY = "(empty)"


class Unreadable(ValueError):
    """A value that is not a plain number."""


def parse_value(raw: Any) -> Decimal | None:
    """A market value as a number: 1234.5, "1,234.50", "(1,234)" (negative); None when empty."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, bool):
        raise Unreadable(str(raw))
    if isinstance(raw, int | float):
        if isinstance(raw, float) and not math.isfinite(raw):
            raise Unreadable(str(raw))
        return Decimal(str(raw))
    text = str(raw).strip().replace("\u00a0", "").replace(" ", "")
    negative = text.startswith("(") and text.endswith(")")
    text = text[1:-1] if negative else text
    if not NUMBER.fullmatch(text):
        raise Unreadable(str(raw))
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise Unreadable(str(raw)) from None
    return -value if negative else value


@dataclass(slots=True)
class Measure:
    """Rows, and the sum of their values."""

    rows: int = 0
    value: Decimal = Decimal(0)

    def add(self, value: Decimal | None) -> None:
        self.rows += 1
        if value is not None:
            self.value += value


@dataclass(slots=True)
class Group:
    """One value of a group column (a portfolio, a fund): all its rows, and those with hits."""

    total: Measure = field(default_factory=Measure)
    flagged: Measure = field(default_factory=Measure)


@dataclass(slots=True)
class Bar:
    """One bar of a chart: an amount, its share of the whole, and (for groups) the group's total."""

    label: str
    amount: Decimal
    rows: int
    share: float | None
    width: float
    """Bar length as a share (0-1) of the longest bar."""
    total: Decimal | None = None
    total_width: float = 0.0


@dataclass(slots=True)
class Chart:
    key: str
    title: str
    caption: str
    bars: list[Bar]


class Exposure:
    """Adds up rows as they stream past; a row with a hit counts once per list and once per rule."""

    def __init__(self, value_column: str | None = None, group_columns: Iterable[str] = ()) -> None:
        self.value_column = value_column
        self.group_columns = list(group_columns)
        self.total = Measure()
        self.flagged = Measure()
        self.errors = 0
        self.by_list: dict[str, Measure] = {}
        self.by_rule: dict[str, Measure] = {}
        self.by_group: dict[str, dict[str, Group]] = {c: {} for c in self.group_columns}
        self.missing = 0
        self.unreadable = 0
        self.examples: list[tuple[int, int, str]] = []

    def add(self, row: Mapping[str, Any]) -> None:
        """Count one result row, as `RowResult.to_dict()` gives it."""
        fields = row.get("input") or {}
        value = self._value(row, fields)
        hits = row.get("hits") or []
        self.total.add(value)
        if row.get("status") == "error":
            self.errors += 1
        if hits:
            self.flagged.add(value)
            for name in sorted({e["list"] for h in hits for e in h.get("lists", [])}):
                self.by_list.setdefault(name, Measure()).add(value)
            for rule in sorted({h["rule"] for h in hits}):
                self.by_rule.setdefault(rule, Measure()).add(value)
        for column in self.group_columns:
            group = self._group(column, fields.get(column))
            group.total.add(value)
            if hits:
                group.flagged.add(value)

    def _value(self, row: Mapping[str, Any], fields: Mapping[str, Any]) -> Decimal | None:
        if self.value_column is None:
            return None
        raw = fields.get(self.value_column)
        try:
            value = parse_value(raw)
        except Unreadable:
            self.unreadable += 1
            if len(self.examples) < EXAMPLES:
                self.examples.append((int(row.get("row") or 0), int(row.get("line") or 0), str(raw)))
            return None
        if value is None:
            self.missing += 1
        return value

    def _group(self, column: str, raw: Any) -> Group:
        groups = self.by_group[column]
        label = EMPTY if raw is None or str(raw).strip() == "" else str(raw).strip()
        if label not in groups and len(groups) >= GROUP_LIMIT:
            label = "(other)"
        return groups.setdefault(label, Group())

    @property
    def by_value(self) -> bool:
        return self.value_column is not None

    def amount(self, measure: Measure) -> Decimal:
        return measure.value if self.by_value else Decimal(measure.rows)

    def charts(self) -> list[Chart]:
        """Exposure by list, by rule and by each group column, largest first."""
        unit = f"sum of {self.value_column}" if self.by_value else "rows"
        whole = self.amount(self.total)
        charts = [
            Chart("list", "Exposure by list", f"{unit} of rows with a hit on each list",
                  self._bars(self.by_list, whole)),
            Chart("rule", "Exposure by rule", f"{unit} of rows with a hit under each rule",
                  self._bars(self.by_rule, whole)),
        ]  # fmt: skip
        for column, groups in self.by_group.items():
            charts.append(
                Chart(f"group-{column}", f"Exposure by {column}",
                      f"{unit} with hits (dark) of each {column}'s total (light)", self._groups(groups))
            )  # fmt: skip
        return charts

    def _bars(self, measures: Mapping[str, Measure], whole: Decimal) -> list[Bar]:
        items = sorted(measures.items(), key=lambda item: (-self.amount(item[1]), item[0]))
        items = _fold(items, lambda a, b: Measure(a.rows + b.rows, a.value + b.value), Measure())
        longest = max((abs(self.amount(m)) for _, m in items), default=Decimal(0))
        return [
            Bar(label, self.amount(m), m.rows, _share(self.amount(m), whole), _ratio(self.amount(m), longest))
            for label, m in items
        ]

    def _groups(self, groups: Mapping[str, Group]) -> list[Bar]:
        def rank(item: tuple[str, Group]) -> tuple[Decimal, Decimal, str]:
            return (-self.amount(item[1].flagged), -self.amount(item[1].total), item[0])

        ranked = sorted(groups.items(), key=rank)
        merged = _fold(
            ranked,
            lambda a, b: Group(
                Measure(a.total.rows + b.total.rows, a.total.value + b.total.value),
                Measure(a.flagged.rows + b.flagged.rows, a.flagged.value + b.flagged.value),
            ),
            Group(),
        )
        longest = max((abs(self.amount(g.total)) for _, g in merged), default=Decimal(0))
        bars = []
        for label, g in merged:
            flagged, total = self.amount(g.flagged), self.amount(g.total)
            bar = Bar(label, flagged, g.flagged.rows, _share(flagged, total), _ratio(flagged, longest))
            bar.total, bar.total_width = total, _ratio(total, longest)
            bars.append(bar)
        return bars


def _fold(items: list[tuple[str, Any]], merge: Any, start: Any) -> list[tuple[str, Any]]:
    """The largest SHOWN - 1 items, and the rest added up in one."""
    if len(items) <= SHOWN:
        return items
    rest = start
    for _label, item in items[SHOWN - 1 :]:
        rest = merge(rest, item)
    return [*items[: SHOWN - 1], (f"{len(items) - SHOWN + 1} others", rest)]


def _share(part: Decimal, whole: Decimal) -> float | None:
    return float(part / whole) if whole else None


def _ratio(part: Decimal, longest: Decimal) -> float:
    return float(abs(part) / longest) if longest else 0.0


def require_columns(
    columns: list[str], value_column: str | None, group_columns: Iterable[str], path: str | None = None
) -> None:
    """A named column the rows do not have is an error, not an empty chart."""
    for column in [c for c in (value_column, *group_columns) if c]:
        if column not in columns:
            known = ", ".join(columns)
            raise InvalidInput(f"no such column; the columns are: {known}", path=path, field=column)
