"""Write bench/RESULTS.md: the evaluation set, quality tables, speed figures, targets, provenance."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from bench import examples, machine, metrics, pools, tables
from bench.cases import EvalSet
from bench.paths import RESULTS
from bench.persons import PERSON_NEGATIVE, SCRIPT_NEGATIVE
from bench.quality import Scored
from bench.speed import Figures

SPEED_ROWS = (
    ("batch throughput, names/s (`screen`, end to end)", "batch_names_per_s", "jw_names_per_s",
     "lv2_names_per_s", "{:,.0f}"),
    ("… on the first names, beside name_v1 (names/s)", "subset_names_per_s", "", "", "{:,.0f}"),
    ("… name_v1 on the same names (names/s)", "v1_names_per_s", "", "", "{:,.0f}"),
    ("peak memory of `screen`, all rows (MB, process tree)", "peak_rss_mb", "", "", "{:,.0f}"),
    ("peak memory of `screen`, a tenth of the rows (MB)", "peak_rss_small_mb", "", "", "{:,.0f}"),
    ("`screen` of one row, fresh process, model on disk (s)", "one_row_s", "", "", "{:.2f}"),
    ("single query p50, ms", "p50_ms", "jw_p50_ms", "lv2_p50_ms", "{:.2f}"),
    ("single query p99, ms", "p99_ms", "jw_p99_ms", "lv2_p99_ms", "{:.2f}"),
    ("… name_v1 p50 / p99, ms", "v1_p50_ms", "", "", "{:.2f}"),
    ("… name_v1 p99, ms", "v1_p99_ms", "", "", "{:.2f}"),
    ("a 1,000,000-character name, ms", "long_name_ms", "", "", "{:.1f}"),
    ("model build (catalog + index), s", "build_s", "", "", "{:.1f}"),
    ("model memory, RSS delta MB", "rss_mb", "", "", "{:,.0f}"),
    ("model on disk, MB", "model_mb", "", "", "{:,.0f}"),
    ("cold start: import and map the model, s", "open_s", "", "", "{:.2f}"),
    ("cold start: first query after it, s", "first_query_s", "", "", "{:.3f}"),
    ("logic-v2 candidate pairs/s per core", "", "", "lv2_pairs_per_s_core", "{:,.0f}"),
)  # fmt: skip


@dataclass
class Run:
    """Everything one run measured, and how it was asked for."""

    command: str
    evalset: EvalSet
    runs: list[Scored]
    speed: Figures | None = None
    speed_notes: list[str] = field(default_factory=list)
    parity: list[str] = field(default_factory=list)
    """The parity tables' summary (bench.parity), scored in the same run."""


def _cell(figures: Figures, key: str, style: str) -> str:
    if not key or not figures.values.get(key):
        return ""
    return style.format(figures.median(key)) + f" ({len(figures.values[key])}×)"


def speed_section(run: Run) -> list[str]:
    if run.speed is None:
        return ["## Speed", "", "Not measured in this mode (`--quality-only`)."]
    rows = [[label, *(_cell(run.speed, k, style) for k in keys)] for label, *keys, style in SPEED_ROWS]
    ratio = run.speed.median("batch_names_per_s")
    rows.append(
        [
            "throughput ratio (ours ÷ baseline)",
            "1",
            *(f"{ratio / run.speed.median(k):,.1f}×" for k in ("jw_names_per_s", "lv2_names_per_s")),
        ]
    )
    lines = ["## Speed (everything loaded)", "", *run.speed_notes, ""]
    return lines + tables.table(
        ["figure", run.runs[0].name, "Jaro-Winkler scan", "JW top 20 + logic-v2"], rows
    )


def provenance(run: Run) -> list[str]:
    lines = [
        "## Provenance",
        "",
        f"- Command: `{run.command}`",
        f"- Date: {machine.now()}",
        f"- Machine: {machine.machine()}",
    ]
    lines += [f"- Code: {machine.code_version()}", f"- Evaluation set sha256: `{run.evalset.digest()}`"]
    lines += [
        f"- Built-in curated dataset sha256: `{machine.curated_checksum()}`",
        "",
        "Shared data files (sha256):",
        "",
    ]
    return lines + [f"- `{name}` `{digest}`" for name, digest in machine.data_checksums()]


def render(run: Run, targets: list[str], targets_11: list[str] | None = None) -> str:
    evalset, runs = pools.view(run.evalset, run.runs)
    ours = runs[0]
    lines = [
        "# Name matcher benchmark (issues 4 and 11)",
        "",
        "Written by `python -m bench.run`; do not edit by hand.",
        "",
    ]
    lines += ["## Evaluation set", "", *tables.counts(evalset), ""]
    lines += [f"- {k}: {v}" for k, v in evalset.notes.items()]
    lines += ["", "## At each matcher's own threshold", "", *tables.at_chosen(evalset, runs), ""]
    lines += ["## At a fixed false-alert rate", "", *tables.at_rates(evalset, runs), ""]
    for scored in runs:
        lines += [f"## Threshold sweep: {scored.name}", "", *tables.sweep(evalset, scored), ""]
    lines += [
        *coverage(evalset, runs),
        "",
        *speed_section(run),
        "",
        "## Targets of issue 4",
        "",
        *targets,
        "",
    ]
    lines += [f"## Misses of {ours.name} at {ours.thresholds[0]:.2f} (first few per group)", ""]
    lines += [*examples.misses(evalset, ours.outcomes, ours.thresholds[0]), ""]
    for pool, title, intro in PROTOCOLS_11:
        lines += protocol_section(run, pool, title, intro)
    if run.parity:
        lines += ["## Parity with the peers' test cases (issue 11)", "", *run.parity, ""]
    if targets_11:
        lines += ["## Targets of issue 11", "", *targets_11, ""]
    return "\n".join([*lines, *provenance(run)]) + "\n"


PROTOCOLS_11 = (
    (
        PERSON_NEGATIVE,
        "Person names: individuals' aliases held out (issue 11)",
        "The company hold-out's protocol on OFAC SDN individuals only: their aliases, drawn with the "
        "same seed, masked from the SDN index and screened back in. False alerts are those of "
        "unlisted person names in Latin script (`bench/people.py`: given and family names of "
        "Faker's lists for 24 countries and languages, combined at random with a fixed seed; "
        "any equal to a listed name in any word order dropped), screened against the same index.",
    ),
    (
        SCRIPT_NEGATIVE,
        "Names in their original script: the UN list (issue 11)",
        "The UN Consolidated List's names in their original script (NAME_ORIGINAL_SCRIPT and "
        "non-Latin aliases, read by lookthrough's UN adapter), each screened against the Latin "
        "names of every UN entry. False alerts are those of unlisted person names written in "
        "Arabic (half), Cyrillic (three tenths) and Chinese, Japanese, Korean, Hebrew, Greek, "
        "Armenian, Georgian and Thai scripts, screened against the same index.",
    ),
)


def protocol_section(run: Run, pool: str, title: str, intro: str) -> list[str]:
    """One issue-11 protocol: its queries and index, recall at each threshold and rate, misses."""
    evalset, runs = pools.view(run.evalset, run.runs, pool)
    if not evalset.queries:
        return []
    ours = runs[0]
    lines = [f"## {title}", "", intro, "", *tables.counts(evalset), ""]
    lines += [f"### At each matcher's own threshold ({pool})", "", *tables.at_chosen(evalset, runs), ""]
    lines += [f"### At a fixed false-alert rate ({pool})", "", *tables.at_rates(evalset, runs), ""]
    lines += [f"### Threshold sweep: {ours.name} ({pool})", "", *tables.sweep(evalset, ours), ""]
    lines += [f"### Misses of {ours.name} at {ours.thresholds[0]:.2f} (first few per group)", ""]
    return [*lines, *examples.misses(evalset, ours.outcomes, ours.thresholds[0]), ""]


def coverage(evalset: EvalSet, runs: list[Scored]) -> list[str]:
    """How often the right entry is among the candidates each screener returns at all."""
    held = metrics.groups(evalset.queries).get("holdout", [])
    ours, jw = runs[0], runs[1] if len(runs) > 1 else None
    lines = ["## Candidates", ""]
    found = tables.pct(metrics.candidate_recall(evalset.queries, ours.outcomes, held))
    lines.append(f"- {ours.name}: right entry among its top 5 for {found} of held-out aliases.")
    if jw:
        missing = 1 - metrics.candidate_recall(evalset.queries, jw.outcomes, held)
        lines.append(
            f"- Jaro-Winkler scan: right entry not among its top 20 names for {tables.pct(missing)} "
            "of held-out aliases (the issue quotes about 30%)."
        )
    return lines + [
        f"- {r.name}: {r.seconds:.1f} s for the whole set (every protocol)"
        + (" (cached result)." if r.extra.get("cached") else ".")
        for r in runs
    ]


def summary(run: Run) -> str:
    """A few lines for the terminal: each screener's recall per head group and false alerts,
    then the issue-11 protocols against their own negatives."""
    lines = []
    for pool, heads in (
        (pools.MAIN, tables.HEAD_GROUPS),
        (PERSON_NEGATIVE, ("person",)),
        (SCRIPT_NEGATIVE, ("un_script",)),
    ):
        evalset, runs = pools.view(run.evalset, run.runs, pool)
        for scored in runs:
            for threshold in scored.thresholds:
                p = metrics.point(evalset.queries, scored.outcomes, threshold)
                parts = [f"{g} {tables.pct(p.recall.get(g, math.nan))}" for g in heads]
                lines.append(
                    f"{scored.name} @ {threshold:.2f}: "
                    + ", ".join(parts)
                    + f", false alerts ({pool}) {tables.pct(p.false_alerts)}"
                )
    return "\n".join(lines)


OTHER = (
    ("RESULTS-lookthrough.md", "python -m bench.lookthrough_speed and python -m bench.devices_speed"),
    ("RESULTS-api.md", "python -m bench.api_load"),
    ("RESULTS-portfolio.md", "python -m bench.portfolio"),
    ("RESULTS-spark.md", "python -m bench.spark_speed"),
)


def other_benchmarks() -> str:
    """The look-through, device and API figures, each from its own benchmark's last run,
    so every figure is in one file; their headings move one level down."""
    parts = ["", "# Other benchmarks", ""]
    for name, command in OTHER:
        path = RESULTS.parent / name
        if not path.exists():
            parts += [f"`{name}` not written yet: run `{command}`.", ""]
            continue
        parts += [f"_Copied from `bench/{name}`, written by `{command}`._", ""]
        fenced = False
        for line in path.read_text().splitlines():
            fenced ^= line.startswith("```")
            parts.append("#" + line if line.startswith("#") and not fenced else line)
        parts.append("")
    return "\n".join(parts) + "\n"


def refresh_other_benchmarks() -> None:
    """Copy the other benchmarks' latest figures into RESULTS.md again, leaving the matcher's
    figures above them as `python -m bench.run` wrote them."""
    text = RESULTS.read_text(encoding="utf-8")
    head = text.split("\n# Other benchmarks\n", 1)[0].rstrip("\n") + "\n"
    RESULTS.write_text(head + other_benchmarks(), encoding="utf-8")


if __name__ == "__main__":
    # python -m bench.report: after rerunning the look-through, device or API benchmark.
    refresh_other_benchmarks()
