"""Hostile input files for `screen`: encodings, depth, surrogates, damaged Parquet, stray CRs."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.screening.test_binary_tables import corrupt_parquet

from .conftest import no_traceback

HOLDINGS = "name,isin\n杭州海康威视数字技术股份有限公司,\n浙江大华技术股份有限公司,\n索尼集团公司,\n"


def hits(result) -> list[tuple[str, list[str]]]:
    return [
        (r["status"], [h["entity_id"] for h in r["hits"]])
        for r in map(json.loads, result.stdout.splitlines())
    ]


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
def test_a_chinese_file_in_any_encoding_gives_the_hits_of_its_utf8_twin(
    cli, tmp_path: Path, encoding
) -> None:
    twin, other = tmp_path / "utf8.csv", tmp_path / f"{encoding}.csv"
    twin.write_text(HOLDINGS, encoding="utf-8")
    other.write_bytes(HOLDINGS.encode(encoding))
    expected = hits(cli("screen", str(twin), "-n", "name"))
    assert expected[:2] == [("hit", ["lt-hikvision"]), ("hit", ["lt-dahua"])]
    assert hits(cli("screen", str(other), "-n", "name")) == expected


def test_big5_names_hit_like_their_utf8_twin(cli, tmp_path: Path) -> None:
    text = "name\n杭州海康威視數字技術股份有限公司\n浙江大華技術股份有限公司\n"
    twin, big5 = tmp_path / "utf8.csv", tmp_path / "big5.csv"
    twin.write_text(text, encoding="utf-8")
    big5.write_bytes(text.encode("big5"))
    assert hits(cli("screen", str(big5), "-n", "name")) == hits(cli("screen", str(twin), "-n", "name"))


def test_an_ambiguous_encoding_stops_naming_the_file_and_encoding_fixes_it(cli, tmp_path: Path) -> None:
    path = tmp_path / "short.csv"
    path.write_bytes("name\n海康威视\n".encode("gb18030"))
    refused = cli("screen", str(path), "-n", "name")
    no_traceback(refused)
    assert refused.exit_code == 2
    assert f"error: {path}: cannot tell the text encoding" in refused.stderr
    accepted = cli("screen", str(path), "-n", "name", "--encoding", "gb18030")
    assert hits(accepted) == [("hit", ["lt-hikvision"])]


def test_jsonl_nested_100k_deep_loses_no_row(cli, tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text(
        '{"name": "' + "[" * 5 + '"}\n{"name": ' + "[" * 100_000 + "]" * 100_000 + '}\n{"name": "Sony"}\n'
    )
    result = cli("screen", str(path), "-n", "name", "-o", str(tmp_path / "out.jsonl"))
    no_traceback(result)
    assert result.exit_code == 0
    assert "3 rows read: 0 hit, 2 clear, 0 error, 1 rejected" in result.stderr
    rejects = (tmp_path / "out.jsonl.rejects.csv").read_text(encoding="utf-8")
    assert "not valid JSON: nested too deeply" in rejects


def test_a_lone_surrogate_in_the_input_is_rejected_not_a_crash(cli, tmp_path: Path, monkeypatch) -> None:
    # Screening to stdout writes the rejects file into the working directory: make that tmp_path.
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    path = tmp_path / "s.jsonl"
    path.write_text('{"name": "Acme \\ud800"}\n{"name": "Sony"}\n')
    for form in ("jsonl", "csv", "table"):
        result = cli("screen", str(path), "-n", "name", "-f", form)
        no_traceback(result)
        assert result.exit_code == 0, form
        assert "2 rows read: 0 hit, 1 clear, 0 error, 1 rejected" in result.stderr
        rejects = (work / "s.jsonl.rejects.csv").read_text(encoding="utf-8").splitlines()
        assert len(rejects) == 2 and rejects[1].startswith("s.jsonl,1,1,"), form
        assert "holds a lone surrogate" in rejects[1], form


def test_a_lone_surrogate_on_the_command_line_is_no_crash(cli) -> None:
    for args in (["explain", "Acme \ud800"], ["explain", "Acme", "--id", "CNE\udcff"]):
        result = cli(*args)
        no_traceback(result)
        assert result.exit_code == 2 and "a lone surrogate" in result.output


def test_a_corrupt_parquet_page_balances_rows(cli, tmp_path: Path) -> None:
    path = tmp_path / "bad.parquet"
    corrupt_parquet(path, rows=300, group=100)
    result = cli("screen", str(path), "-n", "name", "-o", str(tmp_path / "out.jsonl"))
    no_traceback(result)
    assert result.exit_code == 0
    assert "300 rows read: 0 hit, 200 clear, 0 error, 100 rejected" in result.stderr


def test_a_parquet_file_that_is_not_one_is_refused(cli, tmp_path: Path) -> None:
    path = tmp_path / "fake.parquet"
    pq.write_table(pa.Table.from_pylist([{"name": "Sony"}]), path)
    path.write_bytes(path.read_bytes()[:-12])
    result = cli("screen", str(path), "-n", "name")
    no_traceback(result)
    assert result.exit_code == 2 and "fake.parquet: cannot read the Parquet file" in result.stderr


def test_stray_cr_and_unclosed_quote_reject_their_rows(cli, tmp_path: Path) -> None:
    path = tmp_path / "cr.csv"
    path.write_bytes(b'name\r\nAcme\rCorp\r\nSony\r\n"Open quote\r\nToshiba\r\n')
    result = cli("screen", str(path), "-n", "name", "-o", str(tmp_path / "out.jsonl"))
    no_traceback(result)
    assert "3 rows read: 0 hit, 1 clear, 0 error, 2 rejected" in result.stderr
