"""A list file cut short or partial never becomes current without --force: each adapter's
`incomplete` says why, and `load` records the refusal and keeps the previous snapshot."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook

from lookthrough.model import SnapshotStatus
from lookthrough.sources.base import LoadReport, Source
from lookthrough.sources.bis_dpl import COLUMNS as DPL_COLUMNS
from lookthrough.sources.bis_dpl import BisDeniedPersons
from lookthrough.sources.bods import Bods
from lookthrough.sources.csl import CslCsv
from lookthrough.sources.ftm_json import FtmJson
from lookthrough.sources.load import load_path
from lookthrough.sources.ofac_csv import OfacSdnCsv
from lookthrough.sources.relations_csv import RelationsCsv
from lookthrough.sources.uk_ofsi import OfsiConsolidatedXlsx
from lookthrough.sources.un_xml import UnConsolidatedXml

from ..conftest import FIXTURES
from .test_load import write_sdn


def reasons(cls: type[Source], path: Path) -> tuple[list[str], LoadReport]:
    source, report = cls(), LoadReport()
    for _ in source.read(path, report):
        pass
    return source.incomplete(path, report), report


def test_sdn_cut_mid_record_is_refused_and_the_good_snapshot_stays(store, tmp_path: Path) -> None:
    good = write_sdn(tmp_path / "good", 100)
    [first] = load_path(store, good)
    cut = tmp_path / "cut" / "sdn.csv"
    cut.parent.mkdir()
    cut.write_bytes(good.read_bytes()[: int(good.stat().st_size * 0.7)])
    [second] = load_path(store, cut)
    assert second.snapshot.status is SnapshotStatus.REFUSED
    assert "sdn.csv has no end-of-file mark (0x1A)" in second.snapshot.error
    assert "sdn.csv ends inside a record" not in second.snapshot.error  # the main file names its mark
    assert "pass --force" in second.snapshot.error
    assert store.current("us_ofac_sdn").id == first.snapshot.id
    assert [s.status for s in store.snapshots(include_history=True)] == [
        SnapshotStatus.CURRENT,
        SnapshotStatus.REFUSED,
    ]


def test_sdn_cut_short_with_no_earlier_snapshot_is_refused(store, tmp_path: Path) -> None:
    good = write_sdn(tmp_path / "good", 1000)
    cut = tmp_path / "cut" / "sdn.csv"
    cut.parent.mkdir()
    cut.write_bytes(good.read_bytes()[:10_000])
    [result] = load_path(store, cut)
    assert result.snapshot.status is SnapshotStatus.REFUSED
    assert store.current("us_ofac_sdn") is None


def test_force_loads_it_but_never_the_record_cut_mid_field(store, tmp_path: Path) -> None:
    good = write_sdn(tmp_path / "good", 10)
    cut = tmp_path / "cut" / "sdn.csv"
    cut.parent.mkdir()
    cut.write_bytes(good.read_bytes()[: good.read_bytes().index(b"AIRLINES 5") + 4])
    [result] = load_path(store, cut, force=True)
    assert result.ok
    assert store.entity("us_ofac_sdn-4") is not None and store.entity("us_ofac_sdn-5") is None
    [reject] = result.report.rejects
    assert (reject.line, reject.reason) == (5, "the file ends inside this record (no end-of-file mark)")
    assert any(
        "loaded with --force although sdn.csv has no end-of-file mark" in w for w in result.report.warnings
    )


def test_a_companion_cut_mid_record_is_refused(tmp_path: Path) -> None:
    write_sdn(tmp_path, 3)
    (tmp_path / "alt.csv").write_bytes(b'1,1,"aka","ALPHA",-0- \r\n2,2,"aka","BET')
    found, report = reasons(OfacSdnCsv, tmp_path / "sdn.csv")
    assert found == ["alt.csv ends inside a record"]
    assert report.rows_read == 3 + 2 and report.rows_rejected == 1


def test_missing_aliases_and_addresses_are_warned(tmp_path: Path) -> None:
    found, report = reasons(OfacSdnCsv, write_sdn(tmp_path, 3))
    assert found == []
    assert report.warnings[:2] == [
        "alt.csv is not beside sdn.csv: aliases are missing from this load",
        "add.csv is not beside sdn.csv: addresses are missing from this load",
    ]


def test_stray_cr_in_an_ofac_field_rejects_that_row_only(tmp_path: Path) -> None:
    path = write_sdn(tmp_path, 3)
    data = path.read_bytes().replace(b"2,", b"2\r,", 1).replace(b"AIRLINES 3", b"AIRLINES\r3")
    path.write_bytes(data)
    entities = list(OfacSdnCsv().read(path, report := LoadReport()))
    assert [(r.line, r.reason) for r in report.rejects] == [
        (2, "a line break (CR) inside an unquoted field; quote the field or remove the CR")
    ]
    names = sorted(e.caption for e in entities if e.schema != "Sanction")
    assert names == ["AEROCARIBBEAN AIRLINES 1", "AEROCARIBBEAN AIRLINES 3"]


def test_un_xml_cut_short_fails_and_one_without_a_section_is_partial(store, tmp_path: Path) -> None:
    source = FIXTURES / "un" / "bad_consolidated.xml"
    cut = tmp_path / "consolidated.xml"
    cut.write_bytes(source.read_bytes()[: source.stat().st_size // 2])
    [result] = load_path(store, cut, forced_format="un_xml")
    assert result.snapshot.status is SnapshotStatus.FAILED
    assert result.snapshot.error.startswith("consolidated.xml, line ")
    text = source.read_text(encoding="utf-8")
    start, end = text.index("<ENTITIES"), text.index("</ENTITIES>") + len("</ENTITIES>")
    cut.write_text(text[:start] + text[end:], encoding="utf-8")
    assert reasons(UnConsolidatedXml, cut)[0] == ["consolidated.xml has no <ENTITIES> section"]


def test_xlsx_with_a_damaged_part_is_partial(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["Last Updated", "10/04/2025"])
    book.active.append(["Name 6", "Group Type", "Alias Type", "Regime", "Listed On", "Group ID"])
    book.active.append(["ACME", "Entity", "Primary name", "Russia", "01/01/2020", "1"])
    path = tmp_path / "ConList.xlsx"
    book.save(path)
    assert reasons(OfsiConsolidatedXlsx, path)[0] == []
    data = bytearray(path.read_bytes())
    offset = data.index(b"docProps/app.xml") + 40  # inside that part's compressed bytes
    data[offset : offset + 8] = b"\x00" * 8
    path.write_bytes(bytes(data))
    found = OfsiConsolidatedXlsx().incomplete(path, LoadReport())
    assert found and found[0].startswith("ConList.xlsx")


def test_csl_csv_cut_mid_record_is_partial(shared_data: Path) -> None:
    # The shared sample itself ends inside the quoted remarks of its last record.
    found, _ = reasons(CslCsv, shared_data / "csl" / "csl_sample_2023-11-30.csv")
    assert found == ["csl_sample_2023-11-30.csv ends inside a record (line 4233)"]


def test_dpl_cut_mid_record_is_partial(tmp_path: Path) -> None:
    path = tmp_path / "dpl.txt"
    whole = "\t".join(DPL_COLUMNS) + "\n" + "\t".join(["ACME", *["x"] * 11]) + "\n"
    path.write_text(whole + "BETA\tsome street")
    assert reasons(BisDeniedPersons, path)[0] == ["dpl.txt ends inside a record (line 3)"]
    path.write_text(whole)
    assert reasons(BisDeniedPersons, path)[0] == []


@pytest.mark.parametrize("cls", [FtmJson, Bods])
def test_json_lines_cut_mid_record_are_partial(tmp_path: Path, cls: type[Source]) -> None:
    path = tmp_path / "cut.jsonl"
    one = {"id": "a", "schema": "Company", "properties": {"name": ["Alpha"]}}
    if cls is Bods:
        one = {"statementID": "s1", "statementType": "entityStatement", "name": "Alpha"}
    path.write_text(json.dumps(one) + "\n" + json.dumps(one)[:20])
    assert reasons(cls, path)[0] == ["cut.jsonl ends inside a record (line 2)"]


def test_bods_array_that_does_not_parse_whole_is_partial(tmp_path: Path) -> None:
    path = tmp_path / "cut.json"
    path.write_text('[{"statementID": "s1", "statementType": "entityStatement"}, {"statem')
    [reason] = reasons(Bods, path)[0]
    assert reason == (
        "cut.json is not one whole JSON array: line 1, element 2 (column 61): "
        "invalid JSON: Unterminated string starting at (column 62)"
    )


def test_relations_csv_cut_mid_record_is_partial(tmp_path: Path) -> None:
    path = tmp_path / "rel.csv"
    path.write_text('subject,object,relation,citation\nA,B,owns,"report p. 1"\nC,D,owns,"report p')
    assert reasons(RelationsCsv, path)[0] == ["rel.csv ends inside a record (line 3)"]


def test_latin1_and_gb18030_csl_files_load(tmp_path: Path) -> None:
    header = (FIXTURES / "csl" / "bad" / "consolidated.csv").read_text(encoding="utf-8").splitlines()[0]
    columns = [c.strip('"') for c in header.split(",")]
    row = dict.fromkeys(columns, "")
    row.update(_id="1", source="Entity List (EL) - Bureau of Industry and Security", entity_number="1",
               type="Entity", name="杭州海康威视数字技术股份有限公司", alt_names="Hikvision")  # fmt: skip
    text = header + "\n" + ",".join(row[c] for c in columns) + "\n"
    for encoding, name in (("gb18030", row["name"]), ("latin-1", "Société Générale")):
        path = tmp_path / f"{encoding}.csv"
        path.write_bytes(text.replace(row["name"], name).encode(encoding))
        entities = list(CslCsv().read(path, report := LoadReport()))
        assert report.rows_rejected == 0 and entities[0].caption == name


def test_copy_of_real_sdn_with_its_mark_loads(store, shared_data: Path, tmp_path: Path) -> None:
    folder = tmp_path / "sdn"
    shutil.copytree(shared_data / "ofac" / "sdn_full_set_2021-07", folder)
    [result] = load_path(store, folder)
    assert result.ok
    # sdn_comments.csv of this set lacks the mark (it was trimmed by hand) but ends with a whole record.
    assert (
        "sdn_comments.csv: no end-of-file mark (0x1A), but its last record is whole" in result.report.warnings
    )
