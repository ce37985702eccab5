"""Exposure adds up values by list, rule and group; a value that is not a number is counted, not guessed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lookthrough.report import Exposure, parse_value
from lookthrough.report.exposure import Unreadable

VALUES = [
    ("1234.5", Decimal("1234.5")),
    ("1,250,000.50", Decimal("1250000.50")),
    ("(5,000)", Decimal("-5000")),
    ("-12", Decimal("-12")),
    (" 300 000 ", Decimal("300000")),
    (2500, Decimal("2500")),
    (12.25, Decimal("12.25")),
    ("", None),
    (None, None),
]


@pytest.mark.parametrize(("raw", "value"), VALUES)
def test_values_read_as_numbers(raw, value) -> None:
    assert parse_value(raw) == value


@pytest.mark.parametrize("raw", ["abc", "USD 100", "1.234,56", "1,23", "12%", float("nan"), True, "1e5"])
def test_values_that_are_not_plain_numbers_are_refused(raw) -> None:
    with pytest.raises(Unreadable):
        parse_value(raw)


def row(number: int, value: str, portfolio: str, *hits: tuple[str, list[str]]) -> dict:
    found = [{"rule": rule, "lists": [{"list": name} for name in lists]} for rule, lists in hits]
    return {"row": number, "line": number + 1, "status": "hit" if hits else "clear",
            "input": {"market_value": value, "portfolio": portfolio}, "hits": found}  # fmt: skip


def test_exposure_by_list_rule_and_group() -> None:
    exposure = Exposure("market_value", ["portfolio"])
    exposure.add(row(1, "1,000", "Global", ("listed", ["SDN", "UN"])))
    exposure.add(row(2, "500", "Global", ("ofac_50", ["SDN"]), ("ofac_50", ["SDN"])))
    exposure.add(row(3, "2,000", "Asia"))
    exposure.add(row(4, "n/a", "Asia", ("listed", ["UN"])))
    assert (exposure.total.rows, exposure.total.value) == (4, Decimal(3500))
    assert (exposure.flagged.rows, exposure.flagged.value) == (3, Decimal(1500))
    assert {k: (m.rows, m.value) for k, m in exposure.by_list.items()} == {
        "SDN": (2, Decimal(1500)), "UN": (2, Decimal(1000)),
    }  # fmt: skip
    assert {k: m.value for k, m in exposure.by_rule.items()} == {"listed": 1000, "ofac_50": 500}
    assert exposure.unreadable == 1 and exposure.examples == [(4, 5, "n/a")]
    groups = {k: (g.total.value, g.flagged.value) for k, g in exposure.by_group["portfolio"].items()}
    assert groups == {"Global": (1500, 1500), "Asia": (2000, 0)}
    by_list, _by_rule, by_portfolio = exposure.charts()
    assert [(b.label, b.amount, b.width) for b in by_list.bars] == [
        ("SDN", 1500, 1.0),
        ("UN", 1000, 1000 / 1500),
    ]
    assert by_list.bars[0].share == pytest.approx(1500 / 3500)
    assert [(b.label, b.amount, b.total) for b in by_portfolio.bars] == [
        ("Global", 1500, 1500),
        ("Asia", 0, 2000),
    ]


def test_without_a_value_column_rows_are_counted() -> None:
    exposure = Exposure()
    exposure.add(row(1, "x", "A", ("listed", ["SDN"])))
    exposure.add(row(2, "y", "A"))
    [by_list, _by_rule] = exposure.charts()
    assert [(b.label, b.amount, b.share) for b in by_list.bars] == [("SDN", 1, 0.5)]
    assert exposure.unreadable == 0


def test_many_bars_fold_into_others() -> None:
    exposure = Exposure()
    for number in range(20):
        exposure.add(row(number, "1", "A", ("listed", [f"list {number:02}"])))
    bars = exposure.charts()[0].bars
    assert len(bars) == 12 and bars[-1].label == "9 others" and bars[-1].rows == 9
