"""Device screening end to end: Hikvision, Ezviz and Dahua devices flagged with paths, Axis cleared."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lookthrough.builtin import ensure_builtin
from lookthrough.catalog import Catalog
from lookthrough.cli import app
from lookthrough.devices import Device, DeviceScreener, DeviceTally, open_inventory, write_device_csv
from lookthrough.graph import LookThrough
from lookthrough.matching.matcher import Matcher
from lookthrough.screening.result import RowResult, Status
from lookthrough.screening.screener import Screener
from tests.devices.test_inventory import COLUMNS, DEVICES


@pytest.fixture(scope="module")
def device_screener() -> DeviceScreener:
    from lookthrough.store import open_store

    store = open_store(":memory:")
    ensure_builtin(store)
    catalog = Catalog.build(store.current_statements())
    # A date inside the BIS Affiliates Rule's suspension, so the answer does not depend on today.
    look = LookThrough(catalog, as_of="2026-06-01")
    return DeviceScreener(Screener(catalog, Matcher.build(catalog, "name_v2"), lookthrough=look))


@pytest.fixture(scope="module")
def results(device_screener: DeviceScreener) -> tuple[list[RowResult], DeviceTally]:
    tally = DeviceTally()
    found = list(
        device_screener.screen_inventory(open_inventory(DEVICES / "assets.csv", None, COLUMNS), tally)
    )
    return found, tally


def by_host(results) -> dict[str, RowResult]:
    return {r.input["Host"]: r for r in results[0]}


@pytest.mark.parametrize(
    ("host", "status", "listed"),
    [
        ("cam-lobby", Status.HIT, "lt-hikvision"),
        ("cam-stairs", Status.HIT, "lt-hikvision"),
        ("cam-gate", Status.HIT, "lt-dahua"),
        ("cam-yard", Status.CLEAR, None),
        ("cam-broken", Status.ERROR, None),
        ("tablet-07", Status.UNATTRIBUTABLE, None),
    ],
)
def test_each_device_gets_its_verdict(results, host: str, status: Status, listed: str | None) -> None:
    result = by_host(results)[host]
    assert result.status is status
    assert [h.entity_id for h in result.hits] == ([listed] if listed else [])
    assert all(h.path[0].relation.startswith("MAC prefix") for h in result.hits)


def test_hit_path_starts_with_the_ieee_assignment(results) -> None:
    lobby = by_host(results)["cam-lobby"]
    first = lobby.hits[0].path[0]
    assert first.relation == "MAC prefix 00-BC-99 (MA-L)"
    assert first.source.startswith("IEEE Registration Authority, MA-L assignment 00-BC-99")
    assert first.evidence == "official listing" and first.source in lobby.hits[0].sources
    assert lobby.device["manufacturer"] == "Hangzhou Hikvision Digital Technology Co.,Ltd."


def test_ezviz_prefix_reaches_hikvision_through_cited_relations(results) -> None:
    # Built-in data only: the IEEE registrant is a party of its own, linked to the EZVIZ brand.
    stairs = by_host(results)["cam-stairs"]
    [hit] = [h for h in stairs.hits if h.path[0].relation.startswith("MAC prefix")]
    assert hit.rule == "related" and hit.entity_id == "lt-hikvision"
    relations = [step.relation for step in hit.path]
    assert relations[0] == "MAC prefix 0C-A6-4C (MA-L)" and relations[1] in ("matched", "identical")
    assert relations[2:] == ["linked to", "subsidiary of"]
    assert [step.entity_id for step in hit.path][1:] == ["lt-ezviz-software", "lt-ezviz", "lt-hikvision"]
    assert all(step.source for step in hit.path)
    assert "EZVIZ Cloud Platform Services Agreement" in hit.path[2].source


def test_malformed_mac_is_reported_not_dropped(results) -> None:
    broken = by_host(results)["cam-broken"]
    assert broken.error == "line 6: MAC address '00:BC:99:12:34': has 10 hex digits; a MAC address has 12"
    assert broken.device["mac_status"] == "invalid"


def test_randomised_mac_is_never_clear(results) -> None:
    tablet = by_host(results)["tablet-07"]
    assert tablet.device["mac_status"] == "locally administered" and "randomised" in tablet.device["note"]


def test_rows_in_equal_rows_out_plus_rejects(results) -> None:
    found, tally = results
    assert tally.rows_in == 7 == tally.rows_out + tally.rejected
    assert (tally.hit, tally.clear, tally.error, tally.unattributable, tally.rejected) == (3, 1, 1, 1, 1)
    assert len(found) == tally.rows_out


def test_devices_command_writes_jsonl_and_csv(tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "d.duckdb")
    out = tmp_path / "out.jsonl"
    flags = ["--mac-column", "MAC Address", "--vendor-column", "Make", "--model-column", "Model"]
    result = runner.invoke(app, ["devices", str(DEVICES / "assets.csv"), *flags, "-o", str(out), "--db", db])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["status"] for r in rows] == ["hit", "hit", "hit", "clear", "error", "unattributable"]
    assert set(rows[0]) >= {"row", "line", "input", "status", "hits", "error", "device"}
    assert "7 records read: 3 hit, 1 clear, 1 error, 1 unattributable, 1 rejected" in result.output
    assert (tmp_path / "out.jsonl.rejects.csv").read_text().count("\n") == 2
    csv_out = tmp_path / "out.csv"
    result = runner.invoke(
        app, ["devices", str(DEVICES / "scan.xml"), "-f", "csv", "-o", str(csv_out), "--db", db]
    )
    assert result.exit_code == 0, result.output
    with csv_out.open(encoding="utf-8") as handle:
        table = list(csv.DictReader(handle))
    assert [(r["input_mac"], r["device_manufacturer"], r["status"]) for r in table] == [
        ("00:BC:99:11:22:33", "Hangzhou Hikvision Digital Technology Co.,Ltd.", "hit"),
        ("AC:CC:8E:01:02:03", "Axis Communications AB", "clear"),
        ("", "", "unattributable"),
    ]


def test_unknown_column_stops_with_a_message(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "devices",
            str(DEVICES / "assets.csv"),
            "--mac-column",
            "mac_addr",
            "--db",
            str(tmp_path / "x.duckdb"),
        ],
    )
    assert result.exit_code == 2 and "field 'mac_addr'" in result.output


def test_forked_workers_give_the_serial_answer_in_order(
    device_screener: DeviceScreener, tmp_path: Path
) -> None:
    rows = (DEVICES / "assets.csv").read_text(encoding="utf-8").splitlines()
    big = tmp_path / "big.csv"
    big.write_text("\n".join([rows[0], *(rows[1:] * 60)]) + "\n", encoding="utf-8")

    def run(workers: int) -> tuple[list[str], DeviceTally]:
        tally = DeviceTally()
        found = device_screener.screen_inventory(open_inventory(big, None, COLUMNS), tally, workers=workers)
        return [r.to_json() for r in found], tally

    serial, serial_tally = run(1)
    forked, forked_tally = run(2)
    assert forked == serial and len(serial) > 200
    assert (forked_tally.rows_in, forked_tally.rejected) == (serial_tally.rows_in, serial_tally.rejected)
    assert forked_tally.rows_in == forked_tally.rows_out + forked_tally.rejected


def test_the_registry_wins_over_the_vendor_text(shared_data: Path, tmp_path: Path) -> None:
    """An Axis camera whose inventory says 'Axis' must not become the SDN entry 'Z AXIS LLC'."""
    from lookthrough.sources.load import load_path
    from lookthrough.store import open_store

    store = open_store(":memory:")
    folder = tmp_path / "sdn"
    folder.mkdir()
    (folder / "sdn.csv").write_bytes((shared_data / "ofac" / "sdn_2024-05-03" / "sdn.csv").read_bytes())
    [loaded] = load_path(store, folder)
    assert loaded.ok
    catalog = Catalog.build(store.current_statements())
    screener = DeviceScreener(Screener(catalog, Matcher.build(catalog, "name_v1"), threshold=0.5))
    by_vendor = screener.screen_device(Device(1, 2, {}, mac=None, vendor="Z Axis"))
    assert "us_ofac_sdn-47535" in {h.entity_id for h in by_vendor.hits}  # the vendor text alone does reach it
    axis = screener.screen_device(Device(2, 3, {}, mac="00:40:8C:12:34:56", vendor="Z Axis"))
    assert axis.status is Status.CLEAR and axis.hits == []
    assert axis.device["manufacturer"] == "Axis Communications AB"
    assert axis.device["vendor_not_screened"] == (
        "the vendor text 'Z Axis' was not screened: the MAC prefix names the maker"
    )


def test_device_csv_keeps_fields_the_first_lease_lacks(tmp_path: Path) -> None:
    """The first dnsmasq lease is IPv4 (no IAID), the first dhcpd block has no state: later ones
    that have them keep them in the CSV output."""
    dhcpd = tmp_path / "dhcpd.leases"
    dhcpd.write_text(
        "lease 10.0.0.13 {\n  hardware ethernet 3c:ef:8c:77:88:99;\n}\n"
        'lease 10.0.0.11 {\n  binding state active;\n  client-hostname "cam-lobby";\n}\n'
    )
    found = {}
    for path in (DEVICES / "dnsmasq.leases", dhcpd):
        out = tmp_path / f"{path.name}.csv"
        result = CliRunner().invoke(
            app, ["devices", str(path), "-f", "csv", "-o", str(out), "--db", str(tmp_path / "d.duckdb")]
        )
        assert result.exit_code == 0, result.output
        with out.open(encoding="utf-8", newline="") as handle:
            found[path.name] = list(csv.DictReader(handle))
    assert [r["input_iaid"] for r in found["dnsmasq.leases"]] == ["", "", "1234567"]
    assert [(r["input_hostname"], r["input_state"]) for r in found["dhcpd.leases"]] == [
        ("", ""), ("cam-lobby", "active"),
    ]  # fmt: skip


def test_device_csv_says_when_the_vendor_text_was_not_screened(device_screener: DeviceScreener) -> None:
    out = io.StringIO()
    mac = "00:40:8C:12:34:56"
    device = Device(1, 2, {"mac": mac, "vendor": "Axis"}, mac=mac, vendor="Axis")
    list(write_device_csv([device_screener.screen_device(device)], out, []))
    [row] = csv.DictReader(io.StringIO(out.getvalue()))
    assert row["device_vendor_not_screened"].startswith("the vendor text 'Axis' was not screened")
