"""Hostile list files for `update`: cut short, stray CRs, other encodings, a full disk."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from lookthrough.store.duckdb import DuckDBStore
from tests.sources.test_load import write_sdn

from .conftest import no_traceback


def test_a_truncated_sdn_is_refused_and_the_good_one_stays(cli, tmp_path: Path) -> None:
    good = write_sdn(tmp_path / "good", 200)
    assert cli("update", "--from", str(good.parent)).exit_code == 0
    for share in (0.7, 0.05):
        cut = tmp_path / f"cut{share}" / "sdn.csv"
        cut.parent.mkdir()
        cut.write_bytes(good.read_bytes()[: int(good.stat().st_size * share)])
        result = cli("update", "--from", str(cut.parent))
        no_traceback(result)
        assert result.exit_code == 1
        assert "refused" in result.stdout and "no end-of-file mark (0x1A)" in result.stdout
        assert "(the current snapshot, if any, stays in use)" in result.stdout
    listed = cli("lists", "--all").stdout
    assert listed.count("current") == 2 and listed.count("refused") == 2  # the built-in data, the good SDN


def test_force_loads_a_cut_file_without_its_cut_record(cli, tmp_path: Path) -> None:
    good = write_sdn(tmp_path / "good", 10)
    cut = tmp_path / "cut" / "sdn.csv"
    cut.parent.mkdir()
    cut.write_bytes(good.read_bytes()[:-30])
    result = cli("update", "--from", str(cut.parent), "--force")
    assert result.exit_code == 0
    assert (
        "rejected: sdn.csv, line 10: the file ends inside this record (no end-of-file mark)" in result.stdout
    )


def test_stray_cr_in_an_ofac_field_rejects_one_record(cli, tmp_path: Path) -> None:
    path = write_sdn(tmp_path / "sdn", 5)
    path.write_bytes(path.read_bytes().replace(b"3,", b"3\r,", 1))
    result = cli("update", "--from", str(path.parent))
    no_traceback(result)
    assert result.exit_code == 0
    assert "rejected: sdn.csv, line 3: a line break (CR) inside an unquoted field" in result.stdout


@pytest.mark.parametrize("encoding", ["latin-1", "gb18030"])
def test_a_csl_file_in_another_encoding_loads(cli, tmp_path: Path, encoding: str) -> None:
    fixture = Path(__file__).parent.parent / "fixtures" / "csl" / "bad" / "consolidated.csv"
    header = fixture.read_text(encoding="utf-8").splitlines()[0]
    columns = [c.strip('"') for c in header.split(",")]
    name = "Société Générale Équipements" if encoding == "latin-1" else "杭州海康威视数字技术股份有限公司"
    source = "Entity List (EL) - Bureau of Industry and Security"
    values = {"_id": "7", "source": source, "entity_number": "7", "type": "Entity", "name": name}
    path = tmp_path / "consolidated.csv"
    path.write_bytes((header + "\n" + ",".join(values.get(c, "") for c in columns) + "\n").encode(encoding))
    result = cli("update", "--from", str(path))
    no_traceback(result)
    assert result.exit_code == 0, result.stdout
    assert "rows read 1, rejected 0, entities 2" in result.stdout


def test_a_full_disk_says_so_and_keeps_the_snapshot(cli, tmp_path: Path, monkeypatch) -> None:
    def full(self, snapshot, writer):
        raise OSError(errno.ENOSPC, "No space left on device")

    assert cli("lists").exit_code == 0  # the built-in data is loaded before the disk fills
    monkeypatch.setattr(DuckDBStore, "_promote", full)
    result = cli("update", "--from", str(write_sdn(tmp_path / "sdn", 5).parent))
    no_traceback(result)
    assert result.exit_code == 1
    assert "failed" in result.stdout and "no space left on device" in result.stdout
    assert "cannot rollback" not in result.stdout


def test_a_full_disk_for_the_output_is_a_clean_error(cli, tmp_path: Path, monkeypatch) -> None:
    import lookthrough.screening.output as output_module

    path = tmp_path / "in.csv"
    path.write_text("name\nSony\n")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output_module, "write_jsonl", full)
    result = cli("screen", str(path), "-n", "name", "-o", str(tmp_path / "out.jsonl"))
    no_traceback(result)
    assert result.exit_code == 1 and "error: no space left on device" in result.stderr


def test_a_full_disk_for_the_optional_index_cache_does_not_stop_screen(
    cli, tmp_path: Path, monkeypatch
) -> None:
    import numpy

    path = tmp_path / "in.csv"
    path.write_text("name\nSony\n")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(numpy, "save", full)  # writing the index arrays beside the database
    result = cli("screen", str(path), "-n", "name")
    assert result.exit_code == 0, result.output
    assert not list(tmp_path.rglob("*.partial*"))
