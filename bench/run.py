"""python -m bench.run [--smoke | --quality-only]: evaluate the matcher and the baselines, write results."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from bench import evalset as evalsets
from bench import parity, parity_report, pools, quality, report, speed, speed_baselines, targets
from bench.adapter import Lookthrough
from bench.loaded import Loaded, load_everything
from bench.million import distinct_names
from bench.negatives import vendors
from bench.paths import RESULTS, work_dir


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
    """Build and load in fresh processes, then throughput, latency and the baselines on `loaded`."""
    bases = [n.name for n in loaded.names] + vendors()
    texts = distinct_names(bases, plan.names)
    figures = speed.Figures()
    log(f"building the index {plan.repeats}× in fresh processes ({len(loaded.names):,} names)")
    path = speed.build_and_load(loaded.names, args.algorithm, plan, figures)
    screener = Lookthrough(__import__("pickle").loads(path.read_bytes()))
    log(f"screening {len(texts):,} distinct names on {plan.workers} cores")
    speed.throughput(screener, texts, plan, figures)
    p50, p99 = speed.latency(screener.match, texts[-plan.latency :])
    figures.add("p50_ms", p50)
    figures.add("p99_ms", p99)
    log("timing the baselines on the same index")
    speed_baselines.jaro_winkler_speed(loaded.names, texts, plan, figures)
    speed_baselines.logic_v2_speed(loaded.names, texts, plan, figures)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    notes = [f"- Index: {len(loaded.names):,} names of {len({n.entity_id for n in loaded.names}):,} entries."]
    notes += [f"  - {k}: {v}" for k, v in loaded.lists.items()]
    notes += [
        f"- Batch: {len(texts):,} names screened, all distinct ({len(set(texts)):,} unique), made from the "
        f"loaded names and the OUI vendors with random edits; blocks of {plan.block:,}, {plan.workers} "
        f"forked workers; total {figures.median('total_s'):,.0f} s. Baselines: {plan.repeats}× "
        f"{plan.baseline_names:,} (Jaro-Winkler) and {plan.repeats}× {plan.logic_v2_names:,} names "
        "(logic-v2) of the same list, medians.",
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
        plan = speed.SpeedPlan(**{**plan.__dict__, "names": args.names, "block": min(plan.block, args.names)})
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
