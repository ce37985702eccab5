"""The Jinja2 environment shared by the review pages and the HTML report."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from lookthrough.report.ownership import shorten

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
REPORT_TEMPLATES = HERE.parent / "report" / "templates"
STATIC = HERE / "static"

STATE_LABELS = {
    "open": "open",
    "escalated": "escalated",
    "pending": "awaiting approval",
    "returned": "returned for a new decision",
    "decided": "decided",
    "reopened": "reopened: the listed entry changed",
}
VERDICT_LABELS = {
    "match": "match",
    "false_positive": "false positive",
    "escalate": "escalate",
    "approve": "approve",
    "return": "return to reviewer",
}
ROLE_LABELS = {
    "screened": "screened",
    "listed": "listed: this hit",
    "also-listed": "listed",
}


def percent(value: float | None) -> str:
    return "" if value is None else f"{value:g}%"


def amount(value: Decimal | int, by_value: bool = True) -> str:
    """A sum of values with thousands separators, or a count of rows."""
    return f"{value:,.2f}" if by_value else f"{int(value):,}"


def share(value: float | None) -> str:
    return "" if value is None else f"{100 * value:.1f}%"


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader([TEMPLATES, REPORT_TEMPLATES]), autoescape=select_autoescape(["html", "svg"])
    )
    env.filters.update(percent=percent, amount=amount, share=share, shorten=shorten)
    env.globals.update(state_labels=STATE_LABELS, verdict_labels=VERDICT_LABELS, role_labels=ROLE_LABELS)
    return env


ENV = environment()
