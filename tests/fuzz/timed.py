"""Fuzz every target for a fixed time: `python -m tests.fuzz.timed --seconds 300`.

Hypothesis bounds a run by its number of examples, not by time, so each target is run again and
again with a fresh seed (the `fuzz-chunk` profile: 500 examples a run) until its time is spent.
A failing run stops that target; its output is written to `--out` and the exit status is 1.
`--shard 1/2` runs every second target, so two shards use both cores."""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHUNK = 500
"""Examples in one run of one target (the `fuzz-chunk` profile in conftest.py)."""


def targets() -> list[str]:
    """The node ids of every fuzz target, as pytest collects them."""
    out = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", str(HERE)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [line for line in out.splitlines() if "::" in line]


def fuzz(target: str, seconds: float, out: Path) -> tuple[int, float, bool]:
    """Run `target` with fresh seeds until `seconds` are spent: (runs, elapsed, passed)."""
    env = dict(os.environ, HYPOTHESIS_PROFILE="fuzz-chunk")
    start, runs = time.monotonic(), 0
    while time.monotonic() - start < seconds:
        seed = random.SystemRandom().randrange(2**32)
        cmd = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", target]
        done = subprocess.run([*cmd, f"--hypothesis-seed={seed}"], capture_output=True, text=True, env=env)
        runs += 1
        if done.returncode != 0:
            name = target.split("::")[-1].replace("/", "_")
            (out / f"{name}.log").write_text(f"seed {seed}\n{done.stdout}\n{done.stderr}")
            return runs, time.monotonic() - start, False
    return runs, time.monotonic() - start, True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=300.0, help="time for each target")
    parser.add_argument("--shard", default="1/1", help="i/n: run every n-th target from the i-th")
    parser.add_argument("--out", type=Path, default=Path("fuzz-failures"))
    parser.add_argument("--only", nargs="*", default=[], help="run the targets whose id holds one of these")
    args = parser.parse_args()
    index, count = (int(part) for part in args.shard.split("/"))
    args.out.mkdir(parents=True, exist_ok=True)
    failed = 0
    chosen = [t for t in targets() if not args.only or any(part in t for part in args.only)]
    for target in chosen[index - 1 :: count]:
        runs, elapsed, passed = fuzz(target, args.seconds, args.out)
        verdict = "ok" if passed else f"FAILED (see {args.out})"
        print(f"{target}\t{runs} runs\tup to {runs * CHUNK} examples\t{elapsed:.0f} s\t{verdict}")
        sys.stdout.flush()
        failed += not passed
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
