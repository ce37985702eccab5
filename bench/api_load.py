"""Load-test `/match` with one query per request: a real server, wrk from another process.

    .venv/bin/python -m bench.api_load --rate 200 --duration 60 --repeat 3

Starts the API under uvicorn on a loopback port over a database holding the built-in data and
the official lists beside the repository (when present), makes a viewer token, then runs wrk
(Debian package `wrk`) with `bench/api_match.lua`, which paces each connection so the run
holds the target rate. Prints one line per run, the median over runs and the load average."""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
LISTS = Path(os.environ.get("LOOKTHROUGH_SHARED_DATA", REPO.parent / "shared" / "data"))
NAMES = [
    "Hangzhou Hikvision Digital Technology", "Zhejiang Dahua Technology", "Hangzhou EZVIZ Network",
    "SenseTime Group", "Megvii Technology", "iFlytek", "Meiya Pico", "China Electronics Technology Group",
    "Sony Group Corp", "Toyota Motor Corp", "Apple Inc", "Nestle SA", "Rosneft Oil Company",
    "Sberbank of Russia", "Huawei Technologies", "Bank Melli Iran", "Plain Bakery GmbH",
    "Northern Lights Shipping", "Al Qaida", "Islamic Revolutionary Guard Corps",
]  # fmt: skip
"""Listed, look-through, unlisted and unknown names, one per request in turn."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def lookthrough(*args: str, db: str) -> str:
    command = [str(Path(sys.executable).with_name("lookthrough")), *args, "--db", db]
    return subprocess.run(command, check=False, capture_output=True, text=True).stdout


def prepare(db: str, lists: Path) -> str:
    """Load the lists (unchanged ones are skipped) and make a viewer token."""
    for folder in ("ofac", "csl", "uk", "bis"):
        if (lists / folder).is_dir():
            lookthrough("update", "--from", str(lists / folder), db=db)
    return lookthrough("token", "create", "bench", "--role", "viewer", db=db).strip().splitlines()[-1]


def serve(db: str, port: int) -> subprocess.Popen[bytes]:
    """One uvicorn process (a DuckDB file is opened by one process) and wait until ready."""
    command = [sys.executable, "-m", "uvicorn", "--factory", "lookthrough.api:create_app", "--host",
               "127.0.0.1", "--port", str(port), "--log-level", "warning", "--no-access-log"]  # fmt: skip
    server = subprocess.Popen(command, env={**os.environ, "LOOKTHROUGH_DB": db})
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as response:
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise SystemExit("the server did not become ready")


def warm(port: int, token: str, bodies: list[str]) -> None:
    """The look-through graph is built on first use; a few requests build it before timing."""
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}
    for body in bodies * 3:
        url = f"http://127.0.0.1:{port}/match/default"
        request = urllib.request.Request(url, data=body.encode(), method="POST", headers=headers)
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()


def run_wrk(port: int, env: dict[str, str], args: argparse.Namespace) -> dict[str, int]:
    command = ["wrk", "-t", str(args.threads), "-c", str(args.connections), "-d", f"{args.duration}s",
               "--timeout", "5s", "-s", str(HERE / "api_match.lua"), f"http://127.0.0.1:{port}"]  # fmt: skip
    done = subprocess.run(command, env={**os.environ, **env}, check=True, capture_output=True, text=True)
    found = re.search(r"RESULT (.*)", done.stdout)
    if found is None:
        raise SystemExit(f"wrk printed no result:\n{done.stdout}")
    return {key: int(value) for key, value in (pair.split("=") for pair in found.group(1).split())}


def calibrate(port: int, env: dict[str, str], args: argparse.Namespace) -> int:
    """The pause per connection that holds the target rate, given the latency under that load.

    wrk waits for each response before pausing, so a connection's cycle is latency + pause; a
    short run at the first guess measures the latency to take off."""
    cycle = args.connections * 1000 / args.rate
    pause = max(0.0, cycle - args.service_ms)
    trial = argparse.Namespace(**{**vars(args), "duration": 10})
    achieved = summarise(run_wrk(port, {**env, "LT_DELAY_MS": str(int(pause))}, trial))[0]
    measured = args.connections * 1000 / achieved - pause
    print(f"calibration: {achieved:.1f} req/s with a {pause:.0f} ms pause, {measured:.1f} ms per request")
    return int(max(0.0, cycle - measured))


def cpu_seconds(pid: int) -> float:
    """CPU time a process has used: what a request costs, however busy the machine is."""
    user, system = cpu_split(pid)
    return user + system


def cpu_split(pid: int) -> tuple[float, float]:
    """(user, system) CPU seconds of a process. System time is mostly the kernel's loopback TCP
    work of each response (waking the load tool), which varies with the machine, not the code."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    tick = os.sysconf("SC_CLK_TCK")
    return int(fields[11]) / tick, int(fields[12]) / tick


def summarise(result: dict[str, int]) -> tuple[float, float, float, float, int]:
    """Achieved rate, p50, p90 and p99 in ms, and the error count of one wrk run."""
    rate = result["requests"] / (result["duration_us"] / 1e6)
    errors = sum(value for key, value in result.items() if key.startswith("errors_"))
    return rate, result["p50_us"] / 1000, result["p90_us"] / 1000, result["p99_us"] / 1000, errors


def describe(label: str, figures: tuple[float, ...]) -> str:
    rate, p50, p90, p99, errors = figures
    return (
        f"{label}: {rate:.1f} req/s, p50 {p50:.1f} ms, p90 {p90:.1f} ms, p99 {p99:.1f} ms, errors {errors:g}"
    )


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--rate", type=float, default=200, help="target requests per second")
    parser.add_argument("--duration", type=int, default=60, help="seconds per run")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the median is reported")
    parser.add_argument("--connections", type=int, default=20, help="wrk connections")
    parser.add_argument("--threads", type=int, default=1, help="wrk threads")
    parser.add_argument("--service-ms", type=float, default=2.0, help="first guess at the latency")
    parser.add_argument("--db", help="database (default: a fresh one in a temporary folder)")
    parser.add_argument("--lists", type=Path, default=LISTS, help="folder of official list files")
    return parser.parse_args()


def main() -> None:
    args = arguments()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (apt-get install wrk)")
    folder = Path(tempfile.mkdtemp(prefix="lookthrough-api-load-"))
    db = args.db or str(folder / "bench.duckdb")
    token = prepare(db, args.lists)
    bodies = [
        json.dumps({"queries": {"q": {"schema": "Company", "properties": {"name": [n]}}}}) for n in NAMES
    ]
    (folder / "bodies.jsonl").write_text("\n".join(bodies) + "\n")
    env = {"LT_BODIES": str(folder / "bodies.jsonl"), "LT_TOKEN": token}
    port = free_port()
    server = serve(db, port)
    try:
        warm(port, token, bodies)
        env["LT_DELAY_MS"] = str(calibrate(port, env, args))
        runs = []
        for number in range(1, args.repeat + 1):
            before = cpu_split(server.pid)
            result = run_wrk(port, env, args)
            user, system = (
                (after - start) / result["requests"] * 1000
                for after, start in zip(cpu_split(server.pid), before, strict=True)
            )
            runs.append(summarise(result))
            load = os.getloadavg()[0]
            print(
                describe(f"run {number}", runs[-1]),
                f"server CPU {user + system:.2f} ms/request (user {user:.2f}, system {system:.2f}),",
                f"load {load:.2f}",
                flush=True,
            )
        print(
            describe(f"median of {len(runs)}", tuple(statistics.median(c) for c in zip(*runs, strict=True)))
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
