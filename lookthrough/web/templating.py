"""The Jinja2 environment shared by the review pages and the HTML report."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

STATE_LABELS = {
    "open": "open",
    "escalated": "escalated",
    "decided": "decided",
    "reopened": "reopened: the listed entry changed",
}
VERDICT_LABELS = {"match": "match", "false_positive": "false positive", "escalate": "escalate"}


def percent(value: float | None) -> str:
    return "" if value is None else f"{value:g}%"


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    env.filters["percent"] = percent
    env.globals.update(state_labels=STATE_LABELS, verdict_labels=VERDICT_LABELS)
    return env


ENV = environment()
