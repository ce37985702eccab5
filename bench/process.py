"""Run a command as a user would and watch it: wall time, CPU time and the peak memory of the
whole process tree (a parent and its forked workers), sampled as it runs."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

SAMPLE_EVERY = 0.2


@dataclass(frozen=True)
class Watched:
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    output: str


def _tree_rss(process: psutil.Process) -> int:
    total = 0
    for member in [process, *process.children(recursive=True)]:
        try:
            total += member.memory_info().rss
        except psutil.NoSuchProcess:
            continue
    return total


def watch(args: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> Watched:
    """Run `args` to the end; fails loudly if it fails."""
    started = time.perf_counter()
    with subprocess.Popen(
        args,
        env={**os.environ, **(env or {})},
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    ) as child:
        handle = psutil.Process(child.pid)
        peak, cpu = 0, 0.0
        while child.poll() is None:
            try:
                peak = max(peak, _tree_rss(handle))
                cpu = max(cpu, _tree_cpu(handle))
            except psutil.NoSuchProcess:
                break
            time.sleep(SAMPLE_EVERY)
        output = child.stdout.read() if child.stdout else ""
    seconds = time.perf_counter() - started
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:4])} … failed ({child.returncode}):\n{output[-2000:]}")
    return Watched(seconds, cpu, peak / 2**20, output)


def _tree_cpu(process: psutil.Process) -> float:
    total = 0.0
    for member in [process, *process.children(recursive=True)]:
        try:
            times = member.cpu_times()
            total += times.user + times.system
        except psutil.NoSuchProcess:
            continue
    return total


def lookthrough(*args: str, db: Path, env: dict[str, str] | None = None) -> Watched:
    """`lookthrough ARGS --db DB` in a fresh interpreter."""
    return watch([sys.executable, "-m", "lookthrough", *args, "--db", str(db)], env)
