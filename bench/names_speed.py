"""How long `lookthrough.names.analyze` takes per name, the way screening calls it.

Each name is analysed once with every cache cleared first (the cost of a name never seen), as
an organisation (holding suffixes stripped) and as a person, after one warm-up pass over other
names so that libraries and tables are loaded (their one-off load times are reported apart).
Names: 20,000 IEEE MA-L registrants (real company names, ASCII), and up to 20,000 OFAC SDN names of
individuals (primary names and aliases; about 15,000). Reports the median of five runs per
reading, in microseconds of this process's CPU time per name (the machine's other work does not
count); the person reading also with the per-word symbol lookups of
an earlier run kept, as in a long screening run.

    python -m bench.names_speed [--names 20000] [--output bench/RESULTS-names.md]
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench.negatives import vendors
from bench.ofac import sdn_names
from bench.paths import REPO

RUNS = 5


def _clear(words: bool) -> None:
    import importlib

    for module, cached in [("analyze", "analyze"), ("analyze", "_words"), ("text", "latin_token")]:
        getattr(importlib.import_module(f"lookthrough.names.{module}"), cached).cache_clear()
    if not words:
        return
    # The code before name symbols has no symbols module: measured for comparison.
    with contextlib.suppress(ModuleNotFoundError):
        importlib.import_module("lookthrough.names.symbols")._cache.clear()


def _timed(names: list[str], call: Callable[[str], object], *, words: bool = True) -> float:
    """Median over RUNS of the microseconds per name, caches cleared before each run (with
    `words` False, the per-word symbol lookups are kept: words seen in an earlier run)."""
    runs = []
    for _ in range(RUNS):
        _clear(words)
        start = time.process_time()
        for name in names:
            call(name)
        runs.append((time.process_time() - start) / len(names) * 1e6)
    return statistics.median(runs)


def _people(count: int) -> list[str]:
    names = [n.name for n in sdn_names() if n.schema == "Person"]
    return list(dict.fromkeys(names))[:count]


def measure(count: int) -> list[tuple[str, str, float]]:
    from lookthrough.names import analyze

    companies = vendors()
    warm, companies = companies[-2000:], companies[:count]
    people = _people(count)
    started = time.process_time()
    for name in warm + people[:50]:
        analyze(name, holding=True)
        analyze(name, organization=False)
    loaded = (time.process_time() - started) * 1e6
    return [
        ("warm-up (libraries and tables loaded)", "-", loaded),
        (
            "companies, as organisation",
            f"{len(companies):,}",
            _timed(companies, lambda n: analyze(n, holding=True)),
        ),
        (
            "companies, as person",
            f"{len(companies):,}",
            _timed(companies, lambda n: analyze(n, organization=False)),
        ),
        ("people, as organisation", f"{len(people):,}", _timed(people, lambda n: analyze(n, holding=True))),
        ("people, as person", f"{len(people):,}", _timed(people, lambda n: analyze(n, organization=False))),
        (
            "companies, as person, words seen before",
            f"{len(companies):,}",
            _timed(companies, lambda n: analyze(n, organization=False), words=False),
        ),
        (
            "people, as person, words seen before",
            f"{len(people):,}",
            _timed(people, lambda n: analyze(n, organization=False), words=False),
        ),
    ]


def render(rows: list[tuple[str, str, float]], command: str) -> str:
    lines = [
        "# Name analysis speed (`lookthrough.names.analyze`)",
        "",
        "Written by `python -m bench.names_speed`; do not edit by hand. " + (__doc__ or "").split("\n\n")[1],
        "",
        "| names | count | µs per name (median of 5) |",
        "|---|---|---|",
        *(f"| {label} | {count} | {value:,.1f} |" for label, count, value in rows),
        "",
        f"Command: `{command}`",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.names_speed", description=__doc__)
    parser.add_argument("--names", type=int, default=20_000, help="names of each kind")
    parser.add_argument("--output", type=Path, help="write the table here (markdown)")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    rows = measure(args.names)
    command = "python -m bench.names_speed " + " ".join(sys.argv[1:] if argv is None else argv)
    text = render(rows, command.strip())
    print(text)
    if args.output:
        (args.output if args.output.is_absolute() else REPO / args.output).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
