"""Snapshots: a load replaces the current one only when it is complete and plausible."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lookthrough.exc import InvalidInput
from lookthrough.model import SnapshotStatus
from lookthrough.sources.load import discover, load_path

from ..conftest import FIXTURES

GOOD = '36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'


def write_sdn(folder: Path, rows: int, start: int = 1) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    lines = "".join(
        GOOD.replace("36,", f"{i},").replace("AIRLINES", f"AIRLINES {i}") for i in range(start, start + rows)
    )
    path = folder / "sdn.csv"
    path.write_text(lines + "\x1a", encoding="latin-1")
    return path


def test_snapshot_records_provenance(store, tmp_path: Path) -> None:
    path = write_sdn(tmp_path / "a", 3)
    [result] = load_path(store, path)
    snap = result.snapshot
    assert result.ok and snap.status is SnapshotStatus.CURRENT
    assert snap.entity_count == 6  # 3 entries + 3 listings
    assert len(snap.sha256) == 64 and snap.files[0].name == "sdn.csv"
    assert store.current("us_ofac_sdn").id == snap.id


def test_same_file_again_is_unchanged(store, tmp_path: Path) -> None:
    path = write_sdn(tmp_path / "a", 3)
    first = load_path(store, path)[0]
    again = load_path(store, path)[0]
    assert again.unchanged and again.snapshot.id == first.snapshot.id
    assert len(store.snapshots(include_history=True)) == 1


def test_much_smaller_list_is_refused_and_old_snapshot_stays(store, tmp_path: Path) -> None:
    good = load_path(store, write_sdn(tmp_path / "a", 10))[0]
    shrunk = load_path(store, write_sdn(tmp_path / "b", 2))[0]
    assert shrunk.snapshot.status is SnapshotStatus.REFUSED and not shrunk.ok
    assert "pass --force" in shrunk.snapshot.error
    assert store.current("us_ofac_sdn").id == good.snapshot.id
    forced = load_path(store, tmp_path / "b" / "sdn.csv", force=True)[0]
    assert forced.ok and store.current("us_ofac_sdn").id == forced.snapshot.id


def test_failed_load_leaves_no_statements(store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = load_path(store, write_sdn(tmp_path / "a", 4))[0]
    before = list(store.current_statements())

    from lookthrough.sources import ofac_csv

    def explode(*args, **kwargs):
        raise OSError("disk went away mid-load")

    monkeypatch.setattr(ofac_csv.OfacLegacyCsv, "_addresses", explode)
    failed = load_path(store, write_sdn(tmp_path / "b", 5, start=100))[0]
    assert failed.snapshot.status is SnapshotStatus.FAILED
    assert "disk went away" in failed.snapshot.error
    assert store.current("us_ofac_sdn").id == good.snapshot.id
    assert list(store.current_statements()) == before
    history = {s.id: s.status for s in store.snapshots(include_history=True)}
    assert history[failed.snapshot.id] is SnapshotStatus.FAILED


def test_strict_refuses_a_load_with_rejects(store) -> None:
    [result] = load_path(store, FIXTURES / "ofac_bad" / "sdn.csv", strict=True)
    assert result.snapshot.status is SnapshotStatus.REFUSED
    assert store.current("us_ofac_sdn") is None


def test_rejects_are_stored_with_the_snapshot(store) -> None:
    [result] = load_path(store, FIXTURES / "ofac_bad" / "sdn.csv")
    assert result.ok and result.snapshot.reject_count == 4
    stored = store.rejects(result.snapshot.id)
    assert [(r.path, r.line) for r in stored][:2] == [("alt.csv", 2), ("sdn.csv", 2)]


def test_first_seen_survives_an_update(store, tmp_path: Path) -> None:
    load_path(store, write_sdn(tmp_path / "a", 3))
    first = {(s.entity_id, s.prop, s.value): s.first_seen for s in store.current_statements()}
    load_path(store, write_sdn(tmp_path / "b", 4))
    later = {(s.entity_id, s.prop, s.value): (s.first_seen, s.last_seen) for s in store.current_statements()}
    key = ("us_ofac_sdn-1", "name", "AEROCARIBBEAN AIRLINES 1")
    assert later[key][0] == first[key] and later[key][1] > first[key]


def test_folder_discovery_lists_what_it_skips(tmp_path: Path) -> None:
    write_sdn(tmp_path / "lists", 2)
    (tmp_path / "lists" / "README.txt").write_text("notes")
    found, skipped = discover(tmp_path)
    assert [(cls.name, path.name) for cls, path in found] == [("ofac_sdn_csv", "sdn.csv")]
    assert skipped == ["lists/README.txt"]


def test_unknown_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "mystery.bin"
    path.write_bytes(b"\x00\x01")
    with pytest.raises(InvalidInput, match=r"mystery\.bin: format not recognised"):
        discover(path)


def test_real_consolidated_list_loads(store, shared_data: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cons"
    shutil.copytree(shared_data / "ofac" / "non_sdn_consolidated_2025-12", folder)
    [result] = load_path(store, folder)
    assert result.ok and result.report.rows_rejected == 0
    assert store.entity("us_ofac_cons-30946").first("isinCode") == "CNE100000PM8"


def test_each_own_file_is_its_own_dataset(store, tmp_path: Path) -> None:
    """A user's FtM or relations files never replace one another; a new version of one does."""
    first, second = tmp_path / "holdings_a.ftm.json", tmp_path / "holdings_b.ftm.json"
    first.write_text('{"id": "a", "schema": "Company", "properties": {"name": ["Alpha Ltd"]}}\n')
    second.write_text('{"id": "b", "schema": "Company", "properties": {"name": ["Beta Ltd"]}}\n')
    [one] = load_path(store, first)
    [two] = load_path(store, second)
    assert (one.snapshot.dataset, two.snapshot.dataset) == ("ftm_import:holdings_a", "ftm_import:holdings_b")
    assert {s.entity_id for s in store.current_statements()} >= {"a", "b"}
    first.write_text('{"id": "a2", "schema": "Company", "properties": {"name": ["Alpha Two Ltd"]}}\n')
    [again] = load_path(store, first)
    assert again.snapshot.dataset == "ftm_import:holdings_a"
    ids = {s.entity_id for s in store.current_statements()}
    assert "a2" in ids and "b" in ids and "a" not in ids
