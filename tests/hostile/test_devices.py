"""Hostile inventory files for `devices`: damaged bytes in lease files are rejected, not replaced."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from .conftest import no_traceback


def test_a_lease_file_with_bytes_that_are_not_utf8_balances_and_writes_its_rejects(
    cli, tmp_path: Path
) -> None:
    path = tmp_path / "dnsmasq.leases"
    path.write_bytes(
        b"duid 00:01:00:01:2c:a1:b2:c3:52:54:00:12:34:56\n"
        b"1763600000 00:bc:99:11:22:33 10.0.0.11 cam-lobby *\n"
        b"1763600000 00:bc:99:11:22:34 10.0.0.12 cam-\x9bgate *\n"
        b"1763600000 ac:cc:8e:01:02:03 10.0.0.14 * *\n"
    )
    out = tmp_path / "out.jsonl"
    result = cli("devices", str(path), "-o", str(out))
    no_traceback(result)
    assert result.exit_code == 0, result.output
    assert "3 records read: 1 hit, 1 clear, 0 error, 0 unattributable, 1 rejected" in result.stderr
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["line"], r["status"]) for r in written] == [(2, "hit"), (4, "clear")]
    assert "\ufffd" not in out.read_text(encoding="utf-8")
    with (tmp_path / "out.jsonl.rejects.csv").open(encoding="utf-8", newline="") as handle:
        [reject] = list(csv.DictReader(handle))
    assert (reject["file"], reject["row"], reject["line"]) == ("dnsmasq.leases", "2", "3")
    assert reject["reason"] == "field 'hostname': not valid UTF-8 (byte 0x9b)"
    assert reject["raw"] == "1763600000 00:bc:99:11:22:34 10.0.0.12 cam-\\x9bgate *"
