"""python -m bench.portfolio [--smoke]: screen published fund holdings against the OFAC lists
and the built-in data, judge every hit against the hand labels, write bench/RESULTS-portfolio.md."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from bench import portfolio_report
from bench.paths import CONS, REPO, data_file, work_dir
from bench.portfolio_data import FUNDS, Holding, Label, label_for, read_fund, read_labels
from bench.portfolio_lists import open_lists
from bench.portfolio_metrics import Outcome, judge
from lookthrough.identifiers import detect
from lookthrough.screening.result import Hit
from lookthrough.screening.screener import Screener
from lookthrough.sources.load import load_path
from lookthrough.workspace import Workspace

RESULTS = REPO / "bench" / "RESULTS-portfolio.md"


def screen_holding(screener: Screener, row: dict[str, str]) -> list[Hit]:
    """Screen one holding as a user would give it: the name, the ISIN as a code, and the fund's
    country column where it has one (iShares' `country`; Vanguard's file has none, and the
    `country_guess` a copying repository added is not the fund's and is left out)."""
    codes = detect((row.get("isin") or "").strip())
    countries = [row["country"]] if row.get("country") else []
    return screener.screen((row.get("name") or "").strip() or None, codes, countries)


def holdings(smoke: bool, labels: dict[tuple[str, int], Label]) -> Iterator[tuple[Holding, Label]]:
    """Every row of every fund with its label; for --smoke a fixed few dozen rows whose labels
    rest on the consolidated list or the built-in data only (the smoke run loads no SDN)."""
    for fund in FUNDS:
        for holding in read_fund(fund):
            label = label_for(holding, labels)
            if not smoke or _in_smoke(label):
                yield holding, label


def _in_smoke(label: Label) -> bool:
    ids = (*label.entity_ids, *label.controllers)
    if label.label in ("a", "b"):
        return not any(i.startswith("us_ofac_sdn-") for i in ids)
    return label.rule == "hand-checked" and label.row % 25 == 0


def smoke_lists() -> tuple[Workspace, list[str]]:
    """The consolidated list and the built-in data only, in memory: seconds, for the test suite."""
    ws = Workspace(":memory:", builtin=True)
    notes = [
        f"{r.snapshot.title}: {r.snapshot.entity_count:,} entities"
        for r in load_path(ws.store, data_file(CONS))
    ]
    ws.refresh()
    return ws, [*notes, "built-in curated dataset"]


def run(smoke: bool = False, db: Path | None = None, limit: int | None = None) -> portfolio_report.Run:
    """Screen the funds and judge every row; `limit` keeps the first rows (for tests)."""
    started = time.monotonic()
    if smoke:
        ws, notes = smoke_lists()
    else:
        ws, notes = open_lists(db)
    screener, near = ws.screener(), ws.screener(threshold=portfolio_report.NEAR)
    catalog = screener.catalog
    cluster = catalog.cluster_of

    def is_listed(entity_id: str) -> bool:
        return any(catalog.parties[p].listings for p in catalog.cluster(entity_id) if p in catalog.parties)

    labels = read_labels()
    outcomes: list[Outcome] = []
    for holding, label in holdings(smoke, labels):
        if limit is not None and len(outcomes) >= limit:
            break
        outcome = judge(label, screen_holding(screener, holding.fields), cluster, is_listed)
        if outcome.missed:
            nearest = judge(label, screen_holding(near, holding.fields), cluster, is_listed).hits
            outcome = replace(outcome, nearest=nearest)
        outcomes.append(outcome)
    ws.close()
    command = "python -m bench.portfolio" + (" --smoke" if smoke else "")
    return portfolio_report.Run(command, notes, outcomes, screener.threshold, time.monotonic() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.portfolio", description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="a few dozen rows, consolidated list only")
    parser.add_argument("--output", type=Path, help="where to write the results (markdown)")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    result = run(smoke=args.smoke)
    output = args.output or (work_dir() / "RESULTS-portfolio-smoke.md" if args.smoke else RESULTS)
    output.write_text(portfolio_report.render(result), encoding="utf-8")
    print(f"wrote {output.name}: {len(result.outcomes):,} rows in {result.seconds:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
