"""Write bench/RESULTS-portfolio.md: per fund and split, per rule; the false hits and the misses."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bench import machine
from bench.portfolio_data import FUNDS
from bench.portfolio_metrics import Figures, JudgedHit, Outcome, misses, tally
from bench.tables import table

SPLITS = (("fit", "fitting part"), ("heldout", "held-out part (never fit on)"))


@dataclass
class Run:
    """One benchmark run: how it was asked for, what it loaded, and every judged row."""

    command: str
    lists: list[str]
    outcomes: list[Outcome]
    threshold: float
    seconds: float


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} = {part / whole:.3f}" if whole else "n/a"


def _num(value: float | None, style: str = "{:.3f}") -> str:
    return "n/a" if value is None else style.format(value)


def summary_rows(figures: dict[str, Figures]) -> list[list[str]]:
    rows = []
    for group, f in figures.items():
        rows.append([
            group, f"{f.rows:,}", f"{f.rows_flagged:,}", f"{f.rows_right:,}", f"{f.rows_wrong_only:,}",
            _num(f.row_precision()), f"{f.count('true') + f.count('false'):,}",
            f"{f.count('true'):,}", f"{f.count('false'):,}", _num(f.precision()),
            _share(f.listed_found, f.listed), _share(f.controlled_found, f.controlled),
            _num(f.false_per_1000(), "{:.1f}"), f"{f.rows_false:,}", f"{f.unresolved}",
        ])  # fmt: skip
    return rows


SUMMARY = [
    "fund", "rows", "rows hit", "rows hit rightly", "rows hit only falsely", "row precision",
    "hits judged", "true", "false", "precision", "recall (a) listed", "recall (b) controlled",
    "false hits / 1,000 rows", "rows with a false hit", "rows (u)",
]  # fmt: skip


def rule_rows(f: Figures) -> list[list[str]]:
    return [
        [rule, f"{f.count('true', rule):,}", f"{f.count('false', rule):,}",
         f"{f.count('unjudged', rule):,}", _num(f.precision(rule))]
        for rule in f.rules()
    ]  # fmt: skip


def split_section(title: str, outcomes: Sequence[Outcome]) -> list[str]:
    by_fund = tally(outcomes, lambda o: o.label.fund)
    by_fund = {k: by_fund[k] for k in [*(f.key for f in FUNDS), "all"] if k in by_fund}
    lines = [f"## {title}", "", *table(SUMMARY, summary_rows(by_fund)), ""]
    lines += ["Per rule (all funds):", ""]
    lines += table(["rule", "true", "false", "on (u) rows", "precision"], rule_rows(by_fund["all"]))
    return [*lines, ""]


def listing(outcomes: Sequence[Outcome]) -> list[str]:
    """Every false hit and every miss, with the matched name and the score."""
    false_rows = [
        [h.fund, str(h.row), h.name, h.rule, f"{h.headline} ({h.entity_id})", h.matched_name,
         f"{h.score:.2f}"]
        for o in outcomes for h in o.hits if h.verdict == "false"
    ]  # fmt: skip
    lines = [f"## False hits ({len(false_rows)})", ""]
    lines += table(["fund", "row", "holding", "rule", "headline", "matched name", "score"], false_rows)
    miss_rows = []
    for o in misses(outcomes):
        miss_rows.append([o.label.fund, str(o.label.row), o.label.name, o.label.label, o.label.split,
                          _best(o.hits), _best(o.nearest, right_only=True)])  # fmt: skip
    lines += ["", f"## Misses ({len(miss_rows)})", ""]
    header = ["fund", "row", "holding", "label", "split", "best hit", f"best right candidate at {NEAR:.1f}"]
    return lines + table(header, miss_rows) + [""]


NEAR = 0.2
"""The threshold at which a miss's candidates are looked up again, to show how near it came."""


def _best(hits: Sequence[JudgedHit], right_only: bool = False) -> str:
    chosen = [h for h in hits if h.verdict == "true" or not right_only]
    best = max(chosen, key=lambda h: h.score, default=None)
    if best is None:
        return "none"
    return f"{best.headline} via {best.matched_name!r} ({best.score:.2f}, {best.rule}, {best.verdict})"


def render(run: Run) -> str:
    splits = {key: [o for o in run.outcomes if o.label.split == key] for key, _ in SPLITS}
    lines = [
        "# Real-portfolio benchmark (issue 17)",
        "",
        f"Written by `{run.command}`; do not edit by hand. Labels and sources: bench/portfolios/README.md.",
        "",
        "Funds:",
        "",
        *[f"- `{f.key}`: {f.title}" for f in FUNDS],
        "",
        "Lists loaded into a fresh database:",
        "",
        *[f"- {line}" for line in run.lists],
        "",
        f"Threshold {run.threshold:.2f}; {len(run.outcomes):,} rows screened in {run.seconds:.0f} s.",
        "A hit is true when its party (or an entry clustered with it) is one the row's label names",
        "(the issuer itself for (a), a listed controller for (b)) and the name did not match some",
        "other listed party on the way; a look-through hit that starts at the matched issuer itself",
        "and reaches its listed owners is true as well. Every hit on a (c) row is false; hits on",
        "(u) rows are not judged. Recall (a) counts (a) rows whose issuer itself was hit; recall (b)",
        "counts (b) rows where a listed controller was reached. False hits per 1,000 rows count",
        "every false hit over the judged (non-u) rows.",
        "",
    ]
    for key, title in SPLITS:
        lines += split_section(f"{title.capitalize()}: {key}", splits[key])
    lines += split_section("Both parts", run.outcomes)
    lines += listing(run.outcomes)
    lines += ["## Provenance", "", f"- Date: {machine.now()}", f"- Machine: {machine.machine()}"]
    lines += [
        f"- Code: {machine.code_version()}",
        f"- Built-in curated dataset sha256: `{machine.curated_checksum()}`",
    ]
    return "\n".join(lines) + "\n"
