"""Every device-inventory reader, fed damaged files: InvalidInput naming the file, or every record
numbered once with its line, kept as a device or rejected."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lookthrough.devices import Device, open_inventory
from lookthrough.exc import InvalidInput
from lookthrough.screening.reader import RejectedRow

from .conftest import FIXTURES, damaged

SEEDS = {
    "assets": FIXTURES / "devices" / "assets.csv",
    "nmap": FIXTURES / "devices" / "scan.xml",
    "dhcpd": FIXTURES / "devices" / "dhcpd.leases",
    "dnsmasq": FIXTURES / "devices" / "dnsmasq.leases",
}


def exercise(path: Path, kind: str | None) -> None:
    """Read `path` whole as `kind` (None: told by content), as `lookthrough devices` does."""
    try:
        rows = list(open_inventory(path, kind).rows)
    except InvalidInput as error:
        assert path.name in str(error)
        return
    assert [r.number for r in rows] == list(range(1, len(rows) + 1))
    assert all(isinstance(r, Device | RejectedRow) for r in rows)
    assert all(r.line >= 1 for r in rows)
    for row in rows:
        if isinstance(row, Device):
            json.dumps(row.fields, default=str).encode("utf-8")  # every kept value can be written out


@pytest.mark.parametrize("kind", sorted(SEEDS))
@given(data=st.data(), told=st.booleans())
def test_inventory_reader(kind: str, data: st.DataObject, told: bool) -> None:
    seed = SEEDS[kind]
    with tempfile.TemporaryDirectory() as root:
        path = Path(root) / seed.name
        path.write_bytes(data.draw(damaged(seed.read_bytes())))
        exercise(path, None if told else kind)
