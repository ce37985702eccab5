"""Where and from what a run was made: machine, code version, data checksums."""

from __future__ import annotations

import os
import platform
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import psutil

from bench.paths import ALT, CONS, OTHER_LISTS, OUI, REPO, SDN, data_root, sha256_file, sha256_text


def cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown CPU"


def machine() -> str:
    memory = psutil.virtual_memory().total / 2**30
    python = f"Python {platform.python_version()}, {platform.system()}"
    return f"{os.cpu_count()} cores ({cpu_model()}), {memory:.0f} GiB RAM, {python}"


def code_version() -> str:
    """The commit, and whether the matcher's code differs from it (the lead edits it in place)."""

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=False)
        return done.stdout.strip()

    dirty = git("status", "--porcelain", "lookthrough")
    return git("rev-parse", "--short", "HEAD") + (
        " + uncommitted changes under lookthrough/" if dirty else ""
    )


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")


def data_checksums() -> list[tuple[str, str]]:
    """sha256 of every shared-data file the run reads (paths relative to the data folder)."""
    root = data_root()
    files = [SDN, ALT, OUI, *OTHER_LISTS]
    files += [str(p.relative_to(root)) for p in sorted((root / CONS).glob("*.csv"))]
    files += [str(p.relative_to(root)) for p in sorted((root / "us_lists").glob("*.csv"))]
    return [(f, sha256_file(root / f)) for f in files if (root / f).exists()]


def curated_checksum() -> str:
    """One sha256 over the built-in curated dataset's files (it changes as it is written)."""
    folder = REPO / "lookthrough" / "data" / "curated"
    files = sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []
    return sha256_text(*(f"{p.relative_to(folder)}:{sha256_file(p)}" for p in files)) if files else "absent"
