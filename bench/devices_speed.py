"""Device screening speed: an inventory of N rows, read, attributed, screened and written (issue 5).

Makes an asset list with MAC addresses from real IEEE blocks (Hikvision, Dahua, Ezviz, Axis and
others), randomised and malformed ones, then times `DeviceScreener` over it with the built-in
dataset, output written as JSON lines. The catalog and index are built before the clock starts,
as a saved database's cache would have them.

    .venv/bin/python -m bench.devices_speed --rows 100000 --repeat 5
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import tempfile
import time
from pathlib import Path

from lookthrough.builtin import ensure_builtin
from lookthrough.catalog import Catalog
from lookthrough.devices import DeviceScreener, DeviceTally, Registry, open_inventory
from lookthrough.devices.inventory import Columns
from lookthrough.matching.matcher import Matcher
from lookthrough.screening.screener import Screener
from lookthrough.screening.writer import write_jsonl
from lookthrough.store import open_store

MAKERS = ("Hikvision", "Dahua", "Ezviz", "Axis")


def prefixes(registry: Registry) -> dict[str, list[int]]:
    """Real MA-L prefixes by maker, and a sample of every other maker's."""
    found: dict[str, list[int]] = {m: [] for m in (*MAKERS, "other")}
    for prefix, organization in registry.blocks[24].items():
        maker = next((m for m in MAKERS if m.lower() in organization.lower()), "other")
        if not prefix >> 17 & 1:  # a universally administered prefix
            found[maker].append(prefix)
    return found


def inventory(path: Path, rows: int, registry: Registry, seed: int, makers: int) -> None:
    rng = random.Random(seed)
    blocks = prefixes(registry)
    # An estate buys from a few hundred makers, not from every holder of an IEEE block.
    blocks["other"] = rng.sample(blocks["other"], makers)
    kinds = ["Hikvision"] * 25 + ["Dahua"] * 10 + ["Ezviz"] * 5 + ["Axis"] * 10 + ["other"] * 35
    kinds += ["local"] * 10 + ["malformed"] * 5
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["mac", "vendor", "model", "hostname", "ip"])
        for i in range(rows):
            kind = rng.choice(kinds)
            if kind == "local":
                value = (rng.getrandbits(48) | 1 << 41) & ~(1 << 40)
            else:
                value = rng.choice(blocks.get(kind, blocks["other"])) << 24 | rng.getrandbits(24)
            mac = ":".join(f"{value:012X}"[j : j + 2] for j in range(0, 12, 2))
            mac = mac[:-3] if kind == "malformed" else mac
            vendor = kind if kind in MAKERS and rng.random() < 0.3 else ""
            writer.writerow([mac, vendor, "", f"device-{i}", f"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}"])


def run(screener: DeviceScreener, path: Path, out: Path, workers: int) -> tuple[float, DeviceTally]:
    tally = DeviceTally()
    started = time.perf_counter()
    found = open_inventory(path, None, Columns())
    with out.open("w", encoding="utf-8") as handle:
        for _ in write_jsonl(screener.screen_inventory(found, tally, workers=workers), handle):
            pass
    return time.perf_counter() - started, tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--makers", type=int, default=300, help="other makers' prefixes in the inventory")
    parser.add_argument(
        "--workers", type=int, nargs="+", default=[1, 2], help="process counts to time, in turn"
    )
    args = parser.parse_args()
    store = open_store(":memory:")
    ensure_builtin(store)
    catalog = Catalog.build(store.current_statements())
    screener = Screener(catalog, Matcher.build(catalog, "name_v1"))
    with tempfile.TemporaryDirectory() as folder:
        path, out = Path(folder) / "inventory.csv", Path(folder) / "out.jsonl"
        inventory(path, args.rows, Registry.shipped(), seed=5, makers=args.makers)
        for workers in args.workers:
            # Rounds alternate with the other process counts' would be fairer on a busy
            # machine; each count's runs are consecutive here so its median is its own.
            rounds = [run(DeviceScreener(screener), path, out, workers) for _ in range(args.repeat)]
            times = [r[0] for r in rounds]
            tally, median = rounds[0][1], statistics.median(times)
            runs = ", ".join(f"{t:.2f}" for t in times)
            print(f"workers {workers}: rows {args.rows:,}, runs {args.repeat}: median {median:.2f} s "
                  f"(runs: {runs}); {args.rows / median:,.0f} rows/s")  # fmt: skip
            print(f"  hit {tally.hit:,}, clear {tally.clear:,}, error {tally.error:,}, "
                  f"unattributable {tally.unattributable:,}, rejected {tally.rejected:,}")  # fmt: skip


if __name__ == "__main__":
    main()
