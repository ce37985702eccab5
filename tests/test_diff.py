"""`lookthrough diff`: what changed between two snapshots of a list, on two real SDN editions."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lookthrough.cli import app
from lookthrough.diff import diff_lists, loaded_snapshots
from lookthrough.diff_output import write_diff
from lookthrough.exc import NotFound
from lookthrough.sources.load import load_path
from lookthrough.store import open_store

SDN_2021 = Path("ofac") / "sdn_full_set_2021-07" / "sdn.csv"
SDN_2024 = Path("ofac") / "sdn_2024-05-03" / "sdn.csv"


def edition(shared: Path, source: Path, folder: Path) -> Path:
    """The edition's sdn.csv alone, so both snapshots are read from the same kind of file."""
    folder.mkdir()
    shutil.copy(shared / source, folder / "sdn.csv")
    return folder / "sdn.csv"


@pytest.fixture
def two_editions(shared_data: Path, tmp_path: Path, store):
    for source, name in ((SDN_2021, "2021-07"), (SDN_2024, "2024-05-03")):
        [result] = load_path(store, edition(shared_data, source, tmp_path / name))
        assert result.ok, result.snapshot.error
    return store


@pytest.mark.shared_data
def test_sdn_2021_to_2024(two_editions) -> None:
    result = diff_lists(two_editions, "us_ofac_sdn")
    by_id = {c.entity_id: c for c in result.changes}
    # 8,976 entries in July 2021, 14,965 in May 2024: 6,870 ent_nums are new, 881 are gone.
    assert (result.count("added"), result.count("removed")) == (6870, 881)
    putin = by_id["us_ofac_sdn-35096"]
    assert putin.change == "added" and putin.name == "PUTIN, Vladimir Vladimirovich"
    assert putin.added["programmes"] == ["RUSSIA-EO14024"]
    noriega = by_id["us_ofac_sdn-1572"]
    assert noriega.change == "removed" and noriega.name == "NORIEGA, Manuel Antonio"
    aum = by_id["us_ofac_sdn-4691"]
    assert aum.change == "changed" and aum.removed["programmes"] == ["FTO"] and "programmes" not in aum.added


@pytest.mark.shared_data
def test_cli_diff_formats_and_lists_shows_snapshot_ids(shared_data: Path, tmp_path: Path) -> None:
    db = tmp_path / "diff.duckdb"
    runner = CliRunner()
    for source, name in ((SDN_2021, "2021-07"), (SDN_2024, "2024-05-03")):
        loaded = runner.invoke(
            app, ["update", "--from", str(edition(shared_data, source, tmp_path / name)), "--db", str(db)]
        )
        assert loaded.exit_code == 0, loaded.output
    store = open_store(str(db))
    first, second = (s.id for s in loaded_snapshots(store, "us_ofac_sdn"))
    store.close()
    listed = runner.invoke(app, ["lists", "--all", "--db", str(db)])
    assert first in listed.stdout and second in listed.stdout
    lines = runner.invoke(app, ["diff", "--list", "us_ofac_sdn", "--format", "jsonl", "--db", str(db)])
    assert lines.exit_code == 0, lines.output
    records = [json.loads(line) for line in lines.stdout.splitlines() if line.startswith("{")]
    assert sum(r["change"] == "added" for r in records) == 6870
    flat = runner.invoke(app, ["diff", "--from", first, "--to", second, "--format", "csv", "--db", str(db)])
    rows = list(csv.DictReader(io.StringIO(flat.stdout[flat.stdout.index("change,") :])))
    assert {
        "change": "changed",
        "entity_id": "us_ofac_sdn-4691",
        "name": "AUM SHINRIKYO",
        "field": "programmes",
        "added": "",
        "removed": "FTO",
    } in rows
    backwards = runner.invoke(
        app, ["diff", "--from", second, "--to", first, "--format", "jsonl", "--db", str(db)]
    )
    assert sum('"change": "removed"' in line for line in backwards.stdout.splitlines()) == 6870


def test_diff_needs_two_snapshots(store) -> None:
    with pytest.raises(NotFound):
        diff_lists(store, "us_ofac_sdn")


def test_diff_csv_quotes_a_name_a_spreadsheet_would_run(store, tmp_path: Path) -> None:
    """A list file is input like any other: a name starting '=' must not become a formula."""
    row = '{n},"{name}",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'
    names = {1: "ACME", 2: '=HYPERLINK(""http://example.com"",""x"")', 3: "+1+2"}
    for edition, numbers in (("a", [1]), ("b", [1, 2, 3])):
        folder = tmp_path / edition
        folder.mkdir()
        text = "".join(row.format(n=n, name=names[n]) for n in numbers) + "\x1a"
        (folder / "sdn.csv").write_text(text, encoding="latin-1")
        [result] = load_path(store, folder / "sdn.csv")
        assert result.ok, result.snapshot.error
    out = io.StringIO()
    write_diff(diff_lists(store, "us_ofac_sdn"), "csv", out, None)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert {r["name"] for r in rows if r["change"] == "added"} == {
        '\'=HYPERLINK("http://example.com","x")',
        "'+1+2",
    }
