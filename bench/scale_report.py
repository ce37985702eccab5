"""bench/RESULTS-scale.md: the scale figures against issue 10's targets, and how the generated
list's token statistics compare with the real lists'."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from bench.machine import code_version, machine, now
from bench.scale_stats import NameStats, vocabulary_at

if TYPE_CHECKING:
    from bench.scale import ScaleFigures, ScalePlan

TARGETS = (
    # key, label, unit, target (at most), note
    ("load_s", "load: `lookthrough update --from` into a fresh DuckDB", "s", None, ""),
    ("build_s", "build: `Workspace.load_or_build()` in a fresh process", "s", None, ""),
    ("load_build_s", "load + build", "s", 300.0, "issue 10: loads and indexes in ≤ 5 minutes"),
    ("build_peak_mb", "build: peak RSS of the process", "MB", 2048.0, "issue 10: the index takes ≤ 2 GB"),
    ("build_rss_delta_mb", "build: RSS after the build minus before", "MB", None, ""),
    ("model_mb", "model on disk (catalog + index, memory-mapped)", "MB", None, ""),
    ("load_peak_mb", "load: peak RSS of the process", "MB", None, ""),
    ("one_row_s", "`lookthrough screen` of one row, fresh process (wall)", "s", 2.0, "issue 10: ≤ 2 s"),
    ("one_row_peak_mb", "`screen` of one row: peak RSS", "MB", None, ""),
    ("open_s", "map the saved model in (import + open)", "s", None, ""),
    ("p50_ms", "single query p50", "ms", None, ""),
    ("p99_ms", "single query p99", "ms", 20.0, "issue 10: ≤ 20 ms at 2M names"),
    ("max_ms", "single query, slowest", "ms", None, ""),
    ("rss_after_mb", "RSS of the query process after the queries", "MB", 2048.0, "index RAM ≤ 2 GB"),
)


def _value(figures: ScaleFigures, key: str) -> float:
    if key == "load_build_s":
        return figures.median("load_s") + figures.median("build_s")
    return figures.median(key)


def _fmt(value: float) -> str:
    if math.isnan(value):
        return "–"
    return f"{value:,.0f}" if value >= 100 else f"{value:,.2f}" if value < 10 else f"{value:,.1f}"


def figure_rows(figures: ScaleFigures) -> list[str]:
    rows = ["| figure | value | repeats | target | met |", "|---|---|---|---|---|"]
    for key, label, unit, target, note in TARGETS:
        value = _value(figures, key)
        repeats = len(figures.values.get(key, [])) or 1
        met = "" if target is None else ("yes" if value <= target else "**no**")
        goal = f"≤ {_fmt(target)} {unit} ({note})" if target is not None else ""
        rows.append(f"| {label} | {_fmt(value)} {unit} | {repeats} | {goal} | {met} |")
    return rows


def stats_rows(real: NameStats, generated: NameStats) -> list[str]:
    at = generated.names
    rows = [
        "| statistic | real lists (+ IEEE share) | generated |",
        "|---|---|---|",
        f"| parties / names | {real.parties:,} / {real.names:,} | "
        f"{generated.parties:,} / {generated.names:,} |",
        f"| names per party (mean, p90) | {real.names_per_party:.2f}, {real.names_per_party_p90} | "
        f"{generated.names_per_party:.2f}, {generated.names_per_party_p90} |",
        f"| words per name (mean, p99) | {real.words_per_name:.2f}, {real.words_per_name_p99} | "
        f"{generated.words_per_name:.2f}, {generated.words_per_name_p99} |",
        f"| characters per name (mean) | {real.chars_per_name:.1f} | {generated.chars_per_name:.1f} |",
        f"| names with a non-Latin letter | {real.not_latin:.1%} | {generated.not_latin:.1%} |",
        f"| ten commonest words' share of all words | {real.top10:.1%} | {generated.top10:.1%} |",
        f"| distinct words (vocabulary) | {real.vocabulary:,} | {generated.vocabulary:,} |",
        f"| distinct words at {at:,} names | {vocabulary_at(real, at):,} (Heaps' law, extrapolated) "
        f"| {generated.vocabulary:,} |",
        f"| Heaps' exponent beta (upper half of the growth) | {real.heaps()[1]:.2f} | "
        f"{generated.heaps()[1]:.2f} |",
        f"| words seen once, share of vocabulary | {real.once:.1%} | {generated.once:.1%} |",
    ]
    common = min(real.names, generated.names)
    for stats, label in ((real, "real"), (generated, "generated")):
        point = max((p for p in stats.growth if p[0] <= common), default=None)
        if point:
            rows.append(f"| vocabulary of the {label} list at {point[0]:,} names | {point[1]:,} | |")
    return rows


def report(
    plan: ScalePlan, figures: ScaleFigures, before: tuple[float, ...], after: tuple[float, ...]
) -> str:
    written = figures.written
    assert written is not None and figures.real is not None and figures.generated is not None
    lines = [
        "# Scale: a 2,000,000-name list loaded, indexed and screened (issue 10)",
        "",
        f"Command: `python -m bench.scale --names {plan.names} --queries {plan.queries} "
        f"--repeats {plan.repeats} --build-repeats {plan.build_repeats}` ({now()}, code {code_version()}).",
        f"Machine: {machine()}; load average {before[0]:.1f} / {before[1]:.1f} / {before[2]:.1f} "
        f"(1/5/15 min) before the run and {after[0]:.1f} / {after[1]:.1f} / {after[2]:.1f} after "
        "(the 2 cores are shared: other jobs ran meanwhile).",
        "",
        f"The list: {written.names:,} names of {written.parties:,} parties ({written.persons:,} persons), "
        f"{written.entities:,} FtM entities with listings and links, {figures.list_mb:,.0f} MB of JSON lines "
        "(`python -m bench.ftm_generate`, seeded).",
        "",
        *figure_rows(figures),
        "",
        "Single queries: "
        f"{plan.queries:,} names (a quarter listed names as they are, a half with one to three real-world "
        "edits, a quarter IEEE registrants), `Matcher.match` one at a time in one process after the model "
        f"is mapped; {_fmt(figures.median('hits'))} of them hit.",
        "",
        "## The generated list against the real ones",
        "",
        *stats_rows(figures.real, figures.generated),
        "",
        "## Load",
        "",
        "```",
        figures.load_output.strip()[-3000:],
        "```",
    ]
    return "\n".join(lines) + "\n"
