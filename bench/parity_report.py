"""Write bench/RESULTS-parity.md: accuracy per parity table for lookthrough and logic-v2, misses."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bench import machine
from bench.tables import pct, table

if TYPE_CHECKING:
    from bench.parity import Ranked, Scored

TARGET = 0.95
"""Issue 11: accuracy on the parity tables at least logic-v2's in the same run and at least 0.95."""


@dataclass
class Report:
    """What one parity run measured, and how it was asked for."""

    command: str
    name: str
    threshold: float
    lv2_threshold: float
    tables: dict[str, list[Scored]]
    ranking: list[Ranked]

    def decided(self, rows: Iterable[Scored] | None = None) -> list[Scored]:
        every = rows if rows is not None else (s for r in self.tables.values() for s in r)
        return [s for s in every if s.case.expected != "undecided"]

    def undecided(self) -> list[Scored]:
        return [s for rows in self.tables.values() for s in rows if s.case.expected == "undecided"]

    def ours_right(self, s: Scored) -> bool:
        return (s.ours >= self.threshold) == (s.case.expected == "match")

    def theirs_right(self, s: Scored) -> bool:
        return (s.theirs >= self.lv2_threshold) == (s.case.expected == "match")


def _share(rows: list[Scored], right: Callable[[Scored], bool]) -> float:
    return sum(map(right, rows)) / len(rows) if rows else float("nan")


def _cells(report: Report, rows: list[Scored]) -> list[str]:
    positives = [s for s in rows if s.case.expected == "match"]
    negatives = [s for s in rows if s.case.expected == "no_match"]
    cells = []
    for right in (report.ours_right, report.theirs_right):
        cells += [pct(_share(rows, right)), pct(_share(positives, right)), pct(_share(negatives, right))]
    return cells


def _header(report: Report, first: list[str]) -> list[str]:
    ours, theirs = f"{report.name} @ {report.threshold:.2f}", f"logic-v2 @ {report.lv2_threshold:.2f}"
    return [*first, ours, "… on matches", "… on non-matches", theirs, "… on matches", "… on non-matches"]


def per_table(report: Report) -> list[str]:
    rows = []
    for name, scored in report.tables.items():
        decided = report.decided(scored)
        origin = scored[0].case.origin.repo if scored else ""
        counts = [f"{len(decided)}", f"{len(scored) - len(decided)}"]
        rows.append([f"`{name}`", origin, *counts, *_cells(report, decided)])
    every = report.decided()
    total = sum(len(r) for r in report.tables.values())
    rows.append(["**all tables**", "", f"{len(every)}", f"{total - len(every)}", *_cells(report, every)])
    return table(_header(report, ["table", "peer", "rows", "undecided"]), rows)


def per_group(report: Report, key: Callable[[Scored], str], label: str) -> list[str]:
    groups: dict[str, list[Scored]] = defaultdict(list)
    for s in report.decided():
        groups[key(s)].append(s)
    rows = [[g, f"{len(groups[g])}", *_cells(report, groups[g])] for g in sorted(groups)]
    return table(_header(report, [label, "rows"]), rows)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def miss_rows(report: Report, right: Callable[[Scored], bool]) -> list[str]:
    rows = [
        [
            f"[{_cell(s.case.id)}]({s.case.origin.url})",
            _cell(s.case.query),
            _cell(" / ".join(s.case.names)),
            s.case.expected,
            f"{s.ours:.2f}",
            f"{s.theirs:.2f}",
            s.case.category,
            _cell(s.case.note),
        ]
        for s in report.decided()
        if not right(s)
    ]
    header = ["row", "query", "candidate", "expected", report.name, "logic-v2", "category", "note"]
    return [f"{len(rows)} rows.", "", *table(header, rows)]


def ranking(report: Report) -> list[str]:
    rows = [
        [
            f"[{_cell(r.case.id)}]({r.case.origin.url})",
            _cell(r.case.better),
            _cell(r.case.worse),
            _cell(r.case.candidate),
            f"{r.ours[0]:.2f} / {r.ours[1]:.2f}" + ("" if r.ours[0] > r.ours[1] else " ✗"),
            f"{r.theirs[0]:.2f} / {r.theirs[1]:.2f}" + ("" if r.theirs[0] > r.theirs[1] else " ✗"),
        ]
        for r in report.ranking
    ]
    return table(["case", "better", "worse", "candidate", report.name, "logic-v2"], rows)


def undecided(report: Report) -> list[str]:
    rows = [
        [
            *map(_cell, (s.case.id, s.case.query, s.case.candidate)),
            f"{s.ours:.2f}",
            f"{s.theirs:.2f}",
            s.case.note,
        ]
        for s in report.undecided()
    ]
    return table(["row", "query", "candidate", report.name, "logic-v2", "why not judged"], rows)


def accuracy(report: Report) -> tuple[float, float]:
    """Share of decided rows right: lookthrough's, logic-v2's."""
    every = report.decided()
    return _share(every, report.ours_right), _share(every, report.theirs_right)


def targets(report: Report) -> list[str]:
    ours, theirs = accuracy(report)
    met = ours >= max(theirs, TARGET)
    goal = f"≥ logic-v2's ({pct(theirs)}) and ≥ {pct(TARGET)}"
    return table(
        ["target", "goal", report.name, ""],
        [["accuracy on the parity tables (decided rows)", goal, pct(ours), "met" if met else "missed"]],
    )


def provenance(report: Report) -> list[str]:
    commits = sorted({(s.case.origin.repo, s.case.origin.commit) for r in report.tables.values() for s in r})
    lines = ["## Provenance", "", f"- Command: `{report.command}`", f"- Date: {machine.now()}"]
    lines += [f"- Code: {machine.code_version()}"]
    return lines + [f"- Peer snapshot: {repo} at `{commit}`" for repo, commit in commits]


INTRO = """Name pairs taken from the peers' own test files (nomenklatura's logic-v2 model cases, its
name comparison tests and OFAC-parity fixtures; watchman's similarity and cross-script tests),
each with the outcome the peer asserts or, where the peer records only a score, the outcome read
as documented in `tests/matching/parity/README.md` (which also says where every row comes from).
Both matchers score every row in the same run: lookthrough through `Matcher.match`, the call
`explain` and `/match` make, on a catalog holding only the row's candidate, at its algorithm's
default threshold; logic-v2 through `LogicV2.compare` on two entities of the row's schema, as
nomenklatura's tests call it, at 0.70. *Undecided* rows (a given name alone, a name part with no
counterpart) are listed but not counted."""


def render(report: Report) -> str:
    lines = ["# Parity with the peers' test cases (issue 11)", "", "Written by `python -m bench.parity`;"]
    lines += ["do not edit by hand.", "", INTRO, "", "## Accuracy per table", "", *per_table(report), ""]
    lines += ["## Targets of issue 11 (parity tables)", "", *targets(report), ""]
    by_category = per_group(report, lambda s: s.case.category, "category")
    by_basis = per_group(report, lambda s: s.case.basis, "basis")
    lines += ["## By category (what a row exercises)", "", *by_category, ""]
    lines += ["## By how the outcome was read", "", *by_basis, ""]
    lines += ["## Ranking cases (logic-v2's test_model_ranking.py: the better query must score higher)", ""]
    lines += [*ranking(report), "", f"## Misses of {report.name}", ""]
    lines += [*miss_rows(report, report.ours_right), ""]
    lines += ["## Misses of logic-v2", "", *miss_rows(report, report.theirs_right), ""]
    lines += ["## Undecided rows (not counted)", "", *undecided(report), "", *provenance(report)]
    return "\n".join(lines) + "\n"


def summary(report: Report) -> str:
    lines = []
    every = [s for rows in report.tables.values() for s in rows]
    for name, scored in [*report.tables.items(), ("all tables", every)]:
        rows = report.decided(scored)
        ours, theirs = _share(rows, report.ours_right), _share(rows, report.theirs_right)
        lines.append(f"{name}: {len(rows)} rows, {report.name} {pct(ours)}, logic-v2 {pct(theirs)}")
    return "\n".join(lines)
