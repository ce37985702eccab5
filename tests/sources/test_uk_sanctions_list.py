"""Golden tests of the FCDO UK Sanctions List adapters (XML, CSV and ODS)."""

from __future__ import annotations

import io
import struct
import zipfile
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lookthrough.cli import app
from lookthrough.exc import SourceAbort
from lookthrough.model import SnapshotStatus
from lookthrough.sources import detect_source
from lookthrough.sources.base import LoadReport
from lookthrough.sources.load import load_path
from lookthrough.sources.uk_sanctions_list import UkSanctionsListCsv, UkSanctionsListOds, UkSanctionsListXml

from ..conftest import FIXTURES
from .uk_ods import ods_bytes, uk_rows, write_uk_ods

XML = FIXTURES / "uk_sanctions_list" / "UK-Sanctions-List.xml"
CSV = FIXTURES / "uk_sanctions_list" / "UK-Sanctions-List.csv"


def read(source, path: Path):
    report = LoadReport()
    entities = list(source.read(path, report))
    return {e.id: e for e in entities}, entities, report


def test_files_are_detected() -> None:
    assert detect_source(XML) is UkSanctionsListXml
    assert detect_source(CSV) is UkSanctionsListCsv


def test_xml_golden_counts_and_rejects() -> None:
    _, entities, report = read(UkSanctionsListXml(), XML)
    assert Counter(e.schema for e in entities) == {"Person": 1, "Organization": 1, "Vessel": 1, "Sanction": 3}
    assert report.rows_read == 5 and report.rows_rejected == 2
    reasons = {(r.line, r.field): r.reason for r in report.rejects}
    assert reasons == {
        (91, "IndividualEntityShip"): "unknown IndividualEntityShip None",
        (96, "UniqueID"): "designation has no UniqueID",
    }


def test_xml_individual() -> None:
    found, entities, _ = read(UkSanctionsListXml(), XML)
    akhund = found["gb_fcdo_sanctions-AFG0006"]
    assert akhund.get("name") == ["MOHAMMAD HASSAN AKHUND"]
    assert akhund.get("alias") == ["Mohammad Hassan Akhund", "Haji Mohammad Hassan", "محمد حسن آخوند"]
    assert akhund.get("weakAlias") == ["Hassan"]
    assert [s.lang for s in akhund.statements if s.value == "محمد حسن آخوند"] == ["pus"]
    assert akhund.get("birthDate") == ["1945", "1958-03-01"]
    assert akhund.get("passportNumber") == ["P04581926"] and akhund.get("idNumber") == ["12345"]
    assert akhund.get("nationality") == ["af"] and akhund.get("gender") == ["male"]
    assert akhund.get("birthPlace") == ["Lakhi village, Afghanistan"]
    assert akhund.get("title") == ["Mullah", "Haji"]
    [sanction] = [e for e in entities if e.schema == "Sanction" and e.get("entity") == [akhund.id]]
    assert sanction.get("program") == ["The Afghanistan (Sanctions) (EU Exit) Regulations 2020"]
    assert sanction.get("listingDate") == ["2001-01-25"] and sanction.get("unscId") == ["TAi.002"]
    assert sanction.get("provisions") == ["Asset freeze", "Travel Ban"]
    assert sanction.get("authorityId") == ["AFG0006", "7172"]


def test_xml_entity_and_ship() -> None:
    found, _, _ = read(UkSanctionsListXml(), XML)
    company = found["gb_fcdo_sanctions-RUS0270"]
    assert company.get("registrationNumber") == ["1027700000000"]
    assert company.get("legalForm") == ["Public Joint Stock Company"]
    assert "parent company: State Corporation Example" in company.get("notes")
    assert company.get("address") == ["24 Example Street, Moscow, 119991, Russia"] and company.get(
        "country"
    ) == ["ru"]
    assert company.get("email") == ["info@example.ru"] and company.get("website") == ["www.example.ru"]
    ship = found["gb_fcdo_sanctions-DPR0075"]
    assert (
        ship.get("imoNumber") == ["9562233"]
        and ship.get("flag") == ["km"]
        and ship.get("pastFlags") == ["in"]
    )
    assert ship.get("buildDate") == ["2011"] and ship.get("alias") == ["Jal Vahini"]


def test_csv_gives_the_same_parties() -> None:
    from_xml, _, _ = read(UkSanctionsListXml(), XML)
    from_csv, entities, report = read(UkSanctionsListCsv(), CSV)
    assert Counter(e.schema for e in entities) == {"Person": 1, "Organization": 1, "Vessel": 1, "Sanction": 3}
    for key in ("AFG0006", "RUS0270", "DPR0075"):
        xml_party, csv_party = from_xml[f"gb_fcdo_sanctions-{key}"], from_csv[f"gb_fcdo_sanctions-{key}"]
        for prop in ("name", "alias", "weakAlias", "birthDate", "imoNumber", "registrationNumber"):
            assert sorted(csv_party.get(prop)) == sorted(xml_party.get(prop)), (key, prop)
    assert report.rows_read == 10
    reasons = {(r.line, r.field): r.reason for r in report.rejects}
    assert reasons == {
        (12, None): "expected 58 fields, found 5",
        (11, "IndividualEntityShip"): "unknown IndividualEntityShip None",
    }


def test_published_dates() -> None:
    assert UkSanctionsListXml().published(XML) == date(2026, 9, 2)
    assert UkSanctionsListCsv().published(CSV) == date(2026, 9, 2)


def test_cut_files_are_incomplete(tmp_path: Path) -> None:
    assert UkSanctionsListXml().incomplete(XML, LoadReport()) == []
    cut = tmp_path / "UK-Sanctions-List.xml"
    cut.write_bytes(XML.read_bytes()[:2500])
    assert "breaks off" in UkSanctionsListXml().incomplete(cut, LoadReport())[0]
    cut_csv = tmp_path / "UK-Sanctions-List.csv"
    cut_csv.write_bytes(CSV.read_bytes()[:-1])
    assert "no line end" in UkSanctionsListCsv().incomplete(cut_csv, LoadReport())[0]


def test_loads_as_a_snapshot(store) -> None:
    [result] = load_path(store, XML)
    assert result.ok and result.snapshot.entity_count == 6 and result.snapshot.reject_count == 2


def test_a_byte_that_is_not_utf8_stops_the_csv_with_its_line(tmp_path: Path) -> None:
    # Found by tests/fuzz: such a byte raised UnicodeDecodeError out of the adapter.
    lines = CSV.read_bytes().split(b"\n")
    lines[3] = lines[3][:10] + b"\xc3" + lines[3][10:]
    path = tmp_path / "UK-Sanctions-List.csv"
    path.write_bytes(b"\n".join(lines))
    with pytest.raises(SourceAbort) as caught:
        list(UkSanctionsListCsv().read(path, LoadReport()))
    assert (caught.value.path, caught.value.line) == ("UK-Sanctions-List.csv", 4)
    assert "0xc3" in str(caught.value)


@pytest.fixture
def ods(tmp_path: Path) -> Path:
    return write_uk_ods(tmp_path)


def statements(source, path: Path) -> dict[str, set[tuple[str, str, str | None]]]:
    return {e.id: {(s.prop, s.value, s.lang) for s in e.statements} for e in source.read(path, LoadReport())}


def test_ods_is_detected(ods: Path, tmp_path: Path) -> None:
    assert detect_source(ods) is UkSanctionsListOds
    other = tmp_path / "other" / "holdings.ods"
    other.parent.mkdir()
    other.write_bytes(ods_bytes([["Name", "ISIN"], ["ACME", "US0000000000"]]))
    assert detect_source(other) is None
    renamed = tmp_path / "UK-Sanctions-List.csv.ods"
    renamed.write_bytes(CSV.read_bytes())  # text, not an ODS archive
    assert not UkSanctionsListOds.detect(renamed)


def test_ods_golden_counts_and_rejects(ods: Path) -> None:
    _, entities, report = read(UkSanctionsListOds(), ods)
    assert Counter(e.schema for e in entities) == {"Person": 1, "Organization": 1, "Vessel": 1, "Sanction": 3}
    assert report.rows_read == 10 and report.rows_rejected == 2
    reasons = {(r.line, r.field): r.reason for r in report.rejects}
    assert reasons == {
        (13, None): "expected 58 fields, found 60",  # a stray value in column 60, past the header
        (12, "IndividualEntityShip"): "unknown IndividualEntityShip None",
    }
    assert all(r.path == "UK_Sanctions_List.ods" for r in report.rejects)


def test_ods_rows_give_what_the_csv_rows_give(ods: Path) -> None:
    # Date and number cells come back as the CSV writes them ('14/04/2026', '7172'), so every
    # statement of every party and listing is the CSV's.
    assert statements(UkSanctionsListOds(), ods) == statements(UkSanctionsListCsv(), CSV)


def test_ods_header_is_found_with_or_without_the_blank_row(tmp_path: Path) -> None:
    path = write_uk_ods(tmp_path, blank_row=False, report_date=date(2026, 9, 2))
    _, entities, report = read(UkSanctionsListOds(), path)
    assert len(entities) == 6 and report.rows_read == 10
    assert {r.line for r in report.rejects} == {11, 12}  # a row higher than with the blank row
    assert UkSanctionsListOds().published(path) == date(2026, 9, 2)  # 'Report Date:' and a date cell


def test_ods_published_date(ods: Path, tmp_path: Path) -> None:
    assert UkSanctionsListOds().published(ods) == date(2026, 9, 2)
    undated = tmp_path / "undated.ods"
    undated.write_bytes(ods_bytes(uk_rows()[2:]))
    assert UkSanctionsListOds().published(undated) is None


def test_ods_without_its_header_or_a_column_stops_naming_the_row(tmp_path: Path) -> None:
    rows = uk_rows()
    path = tmp_path / "UK_Sanctions_List.ods"
    path.write_bytes(ods_bytes([rows[0], rows[1], *rows[3:]]))
    with pytest.raises(SourceAbort, match="no header row") as caught:
        list(UkSanctionsListOds().read(path, LoadReport()))
    assert (caught.value.path, caught.value.line) == ("UK_Sanctions_List.ods", 1)
    rows[2] = ["Regime" if h == "Regime Name" else h for h in rows[2]]
    path.write_bytes(ods_bytes(rows))
    with pytest.raises(SourceAbort, match="missing columns: Regime Name") as caught:
        list(UkSanctionsListOds().read(path, LoadReport()))
    assert caught.value.line == 3


def test_ods_blank_rows_are_no_records(tmp_path: Path) -> None:
    rows = uk_rows()
    path = tmp_path / "UK_Sanctions_List.ods"
    path.write_bytes(ods_bytes([*rows[:5], [], ["", "  "], *rows[5:], [], []]))
    _, entities, report = read(UkSanctionsListOds(), path)
    assert len(entities) == 6 and report.rows_read == 10
    assert {r.line for r in report.rejects} == {14, 15}  # numbered as the sheet shows them


def test_ods_cut_short_is_incomplete_and_never_becomes_current(ods: Path, store) -> None:
    assert UkSanctionsListOds().incomplete(ods, LoadReport()) == []
    [first] = load_path(store, ods)
    assert first.ok and first.snapshot.entity_count == 6 and first.snapshot.reject_count == 2
    assert first.snapshot.published == date(2026, 9, 2)
    cut = ods.parent / "cut" / ods.name
    cut.parent.mkdir()
    cut.write_bytes(ods.read_bytes()[: ods.stat().st_size * 2 // 3])
    assert "not a whole ZIP archive" in UkSanctionsListOds().incomplete(cut, LoadReport())[0]
    for force in (False, True):  # a zip without its directory cannot be read, forced or not
        [result] = load_path(store, cut, force=force)  # detected by its published name
        assert not result.ok and result.snapshot.status is SnapshotStatus.FAILED
        assert "UK_Sanctions_List.ods, line 1: cannot read the spreadsheet" in result.snapshot.error
    assert store.current("gb_fcdo_sanctions").id == first.snapshot.id
    renamed = cut.parent / "list.ods"
    cut.rename(renamed)
    assert detect_source(renamed) is None  # any other unreadable .ods is no list of ours


def test_ods_with_no_rows_is_refused(tmp_path: Path, store) -> None:
    path = tmp_path / "UK_Sanctions_List.ods"
    path.write_bytes(ods_bytes(uk_rows()[:3]))  # the date, the blank row, the header: no records
    [result] = load_path(store, path)
    assert result.snapshot.status is SnapshotStatus.REFUSED
    assert result.snapshot.error == "UK Sanctions List: no entries were read"


def test_an_ods_with_a_member_that_will_not_decompress_is_refused_unless_forced(ods: Path, store) -> None:
    # Found by tests/fuzz: a broken deflate stream in styles.xml (which the reader never opens)
    # raised zlib.error out of the completeness check.
    with zipfile.ZipFile(ods) as archive:
        at = archive.getinfo("styles.xml").header_offset
    data = bytearray(ods.read_bytes())
    name_length, extra_length = struct.unpack("<HH", data[at + 26 : at + 30])  # the local file header
    data[at + 30 + name_length + extra_length] = 0xFF  # a first deflate block of the reserved type
    ods.write_bytes(bytes(data))
    [reason] = UkSanctionsListOds().incomplete(ods, LoadReport())
    assert reason.startswith("UK_Sanctions_List.ods: member styles.xml is damaged (Error -3")
    [refused] = load_path(store, ods)
    assert refused.snapshot.status is SnapshotStatus.REFUSED and "pass --force" in refused.snapshot.error
    [forced] = load_path(store, ods, force=True)
    assert forced.ok and forced.snapshot.entity_count == 6


ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(
    "content",
    [
        b"\x80",
        b"PK\x03\x04" + b"\x00" * 40,
        _zip({"mimetype": ODS_MIME, "content.xml": b"\x00<<garbage"}),
        _zip({"mimetype": ODS_MIME}),
        _zip({"content.xml": b"<office:document-content/>"}),
    ],
    ids=["byte", "zip-header", "garbage-content", "no-content", "no-mimetype"],
)
def test_a_damaged_ods_stops_with_a_clean_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "UK_Sanctions_List.ods"
    path.write_bytes(content)
    with pytest.raises(SourceAbort) as caught:
        list(UkSanctionsListOds().read(path, LoadReport()))
    assert (caught.value.path, caught.value.line) == ("UK_Sanctions_List.ods", 1)
    assert UkSanctionsListOds().published(path) is None


def test_update_from_an_ods_file(ods: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "cli.duckdb")
    result = CliRunner().invoke(app, ["update", "--from", str(ods), "--db", db])
    assert result.exit_code == 0, result.output
    assert "UK Sanctions List: current" in result.output
