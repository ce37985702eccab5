"""Evaluation and benchmark harness for the name matcher (issue 4): real list data only.

    python -m bench.run                 # quality + speed + baselines -> bench/RESULTS.md
    python -m bench.run --quality-only  # the tuning loop (~1 min) -> bench/output/RESULTS-quality.md
    python -m bench.run --smoke         # tiny subset -> bench/output/RESULTS-smoke.md
    python -m bench.portfolio           # real fund holdings, hand labels -> bench/RESULTS-portfolio.md
    python -m bench.parity              # the peers' test cases, with logic-v2 -> bench/RESULTS-parity.md

The shared list snapshots are read from LOOKTHROUGH_SHARED_DATA (default: ../shared/data beside
the repository). Queries, dropped negatives and cached baseline results go to bench/output/.
"""
