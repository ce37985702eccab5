"""python -m bench.run [--smoke | --quality-only]: evaluate the matcher and the baselines, write results."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from bench import evalset as evalsets
from bench import parity, parity_report, pools, quality, report, speed, speed_baselines, targets
from bench.lists_db import lists_db
from bench.loaded import Loaded, load_everything
from bench.million import distinct_names
from bench.negatives import vendors
from bench.paths import RESULTS, work_dir
from lookthrough.workspace import Workspace


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--smoke", action="store_true", help="tiny subset, a minute; writes bench/output/RESULTS-smoke.md"
    )
    mode.add_argument(
        "--quality-only",
        action="store_true",
        help="quality only, for tuning; writes bench/output/RESULTS-quality.md",
    )
    parser.add_argument("--algorithm", default="name_v1", help="lookthrough matching algorithm to evaluate")
    parser.add_argument("--workers", type=int, default=2, help="processes to screen with")
    parser.add_argument("--names", type=int, help="names to screen for batch throughput (default 1,000,000)")
    parser.add_argument(
        "--refresh-baselines", action="store_true", help="recompute the cached baseline results"
    )
    parser.add_argument("--output", type=Path, help="where to write the results (markdown)")
    return parser.parse_args(argv)


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def measure_speed(
    args: argparse.Namespace, plan: speed.SpeedPlan, loaded: Loaded
) -> tuple[speed.Figures, list[str]]:
    """Build and cold start in fresh processes, the command line end to end on a file of names,
    latency and long input in this process, then the baselines on the same lists."""
    bases = [n.name for n in loaded.names] + vendors()
    texts = distinct_names(bases, plan.names)
    figures = speed.Figures()
    db = lists_db("smoke.duckdb", smoke=True) if args.smoke else lists_db()
    log(f"building the model {plan.repeats}× in fresh processes ({db.name})")
    speed.build_and_open(db, args.algorithm, plan, figures)
    log(f"screening {len(texts):,} distinct names end to end on {plan.workers} cores")
    speed.throughput(db, texts, plan, figures)
    matcher = Workspace(str(db), algorithm=args.algorithm).load_or_build()
    for key, value in zip(
        ("p50_ms", "p99_ms"), speed.latency(matcher.match, texts[-plan.latency :]), strict=True
    ):
        figures.add(key, value)
    figures.add("long_name_ms", speed.long_input_ms(matcher.match))
    v1 = Workspace(str(db), algorithm="name_v1").load_or_build()
    for key, value in zip(
        ("v1_p50_ms", "v1_p99_ms"), speed.latency(v1.match, texts[-plan.latency :]), strict=True
    ):
        figures.add(key, value)
    log("timing the baselines on the same lists")
    speed_baselines.jaro_winkler_speed(loaded.names, texts, plan, figures)
    speed_baselines.logic_v2_speed(loaded.names, texts, plan, figures)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    names = matcher.names.data.meta["names"] if hasattr(matcher.names, "data") else "?"
    notes = [
        f"- Index: {names:,} distinct name forms of {len(matcher.catalog):,} parties (every list below)."
    ]
    notes += [f"  - {k}: {v}" for k, v in loaded.lists.items()]
    notes += [
        f"- Batch: `lookthrough screen` of a CSV of {len(texts):,} distinct names (made from the loaded "
        f"names and the OUI vendors with random edits) to JSON lines, {plan.workers} forked workers, in a "
        f"fresh process; {plan.repeats}×, medians. Peak memory is the whole process tree's. name_v1 "
        f"screens the first {plan.v1_names:,} of the same names the same way (beside name_v2 on them). "
        f"Baselines: {plan.repeats}× {plan.baseline_names:,} (Jaro-Winkler) and {plan.repeats}× "
        f"{plan.logic_v2_names:,} names (logic-v2) of the same lists.",
        "- Latency: one process, names not screened before by it; build and cold start in fresh processes.",
        f"- Load average (1, 5, 15 min) when the timings ended: {load} on {os.cpu_count()} cores; "
        "above the core count, other work on the machine shared the cores.",
    ]
    return figures, notes


def parity_tables(algorithm: str) -> tuple[list[str], tuple[float, float]]:
    """The parity tables' accuracy per table (bench.parity), and overall: ours, logic-v2's."""
    ours, theirs = parity.PairScorer(algorithm), parity.LogicV2Scorer()
    scored = parity_report.Report(
        "", ours.name, ours.threshold, theirs.threshold, parity.score_tables(ours, theirs), []
    )
    lines = ["Details and misses: `bench/RESULTS-parity.md` (`python -m bench.parity`).", ""]
    return lines + parity_report.per_table(scored), parity_report.accuracy(scored)


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    command = "python -m bench.run " + " ".join(sys.argv[1:] if argv is None else argv)
    sizes, plan = (evalsets.SMOKE, speed.SMOKE) if args.smoke else (evalsets.FULL, speed.FULL)
    if args.names:
        plan = speed.SpeedPlan(**{**plan.__dict__, "names": args.names, "small": min(plan.small, args.names)})
    log("building the evaluation set")
    evalset = evalsets.build(sizes)
    evalset.write_queries(work_dir() / ("queries-smoke.jsonl" if args.smoke else "queries.jsonl"))
    log(f"screening {len(evalset.queries):,} queries with {args.algorithm}")
    runs = [quality.run_lookthrough(evalset, args.algorithm, args.workers)]
    log("baselines (cached on disk by the evaluation set's sha256)")
    runs += quality.run_baselines(evalset, args.workers, args.refresh_baselines)
    log("parity tables: lookthrough and logic-v2 on the peers' test cases")
    parity_lines, accuracy = parity_tables(args.algorithm)
    figures: speed.Figures | None = None
    notes: list[str] = []
    if not args.quality_only:
        log("loading every list for the speed runs" if not args.smoke else "speed on the smoke index")
        loaded = (
            Loaded(evalset.names, {"smoke subset of the evaluation index": ""})
            if args.smoke
            else load_everything()
        )
        figures, notes = measure_speed(args, plan, loaded)
    run = report.Run(command.strip(), evalset, runs, figures, notes, parity_lines)
    output = args.output or (
        work_dir() / "RESULTS-smoke.md"
        if args.smoke
        else work_dir() / "RESULTS-quality.md"
        if args.quality_only
        else RESULTS
    )
    main, main_runs = pools.view(evalset, runs)
    text = report.render(
        run, targets.check(main, main_runs[0], figures), targets.check_issue_11(evalset, runs, accuracy)
    )
    if output == RESULTS:
        text += report.other_benchmarks()
    output.write_text(text, encoding="utf-8")
    log(f"wrote {output.name}")
    print(report.summary(run))
    return 0


if __name__ == "__main__":
    sys.exit(main())
