"""Golden tests of the EU Financial Sanctions Files adapters (XML and CSV)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from lookthrough.exc import SourceAbort
from lookthrough.sources import detect_source
from lookthrough.sources.base import LoadReport
from lookthrough.sources.eu_fsf import EuFsfCsv, EuFsfXml
from lookthrough.sources.load import load_path

from ..conftest import FIXTURES

XML = FIXTURES / "eu" / "eu_fsf.xml"
CSV = FIXTURES / "eu" / "eu_fsf.csv"


def read(source, path: Path):
    report = LoadReport()
    entities = list(source.read(path, report))
    return {e.id: e for e in entities}, entities, report


def test_files_are_detected() -> None:
    assert detect_source(XML) is EuFsfXml
    assert detect_source(CSV) is EuFsfCsv


def test_xml_golden_counts() -> None:
    _found, entities, report = read(EuFsfXml(), XML)
    assert Counter(e.schema for e in entities) == {"Person": 1, "Organization": 2, "Sanction": 4}
    assert report.rows_read == 5 == 3 + report.rows_rejected
    reasons = {(r.line, r.field): r.reason for r in report.rejects}
    assert reasons == {
        (55, "nameAlias"): "entry has no name",
        (59, "subjectType"): "unknown subject type 'vessel'",
    }
    assert all(r.path == "eu_fsf.xml" for r in report.rejects)


def test_xml_person() -> None:
    found, _entities, _ = read(EuFsfXml(), XML)
    saddam = found["eu_fsf-13"]
    assert saddam.get("name") == ["Saddam Hussein Al-Tikriti"]
    assert saddam.get("alias") == ["Abu Ali", "صدام حسين التكريتي"]
    assert saddam.get("weakAlias") == ["Abou Ali"]
    assert [s.lang for s in saddam.statements if s.value == "صدام حسين التكريتي"] == ["ara"]
    assert saddam.get("birthDate") == ["1937-04-28"] and saddam.get("nationality") == ["iq"]
    assert saddam.get("birthPlace") == ["al-Awja, near Tikrit, IRAQ"]
    assert saddam.get("passportNumber") == ["A0000001"] and saddam.get("gender") == ["male"]
    assert any("knownExpired" in n for n in saddam.get("notes"))
    assert "EU.27.28" in saddam.citation and "eu_fsf.xml line 3" in saddam.citation


def test_xml_programmes_become_one_listing_each() -> None:
    found, entities, _ = read(EuFsfXml(), XML)
    listings = [e for e in entities if e.schema == "Sanction" and e.get("entity") == ["eu_fsf-137718"]]
    by_program = {s.first("program"): s for s in listings}
    assert set(by_program) == {"UKR", "RUS"}
    ukr = by_program["UKR"]
    assert ukr.get("listingDate") == ["2022-03-15"]
    assert ukr.get("reason") == ["2022/428 (OJ L87I)", "2023/571 (OJ L75 I)"]
    assert ukr.get("authorityId") == ["EU.7808.66"]
    company = found["eu_fsf-137718"]
    assert company.get("address") == ["27 Stromynka Street, 107076, Moscow, RUSSIAN FEDERATION"]
    assert company.get("country") == ["ru"] and company.get("phone") == ["+7 495 534 61 83"]
    assert company.get("taxNumber") == ["7718852163"]
    assert "АО Рособоронэкспорт" in company.get("alias")


def test_csv_gives_the_same_parties_as_the_xml() -> None:
    from_xml, _, _ = read(EuFsfXml(), XML)
    from_csv, entities, report = read(EuFsfCsv(), CSV)
    assert Counter(e.schema for e in entities) == {"Person": 1, "Organization": 2, "Sanction": 4}
    for key in ("eu_fsf-13", "eu_fsf-137718", "eu_fsf-207"):
        assert from_csv[key].get("name") == from_xml[key].get("name")
        assert set(from_csv[key].get("alias")) <= set(from_xml[key].get("alias"))
    assert from_csv["eu_fsf-13"].get("birthDate") == ["1937-04-28"]
    assert from_csv["eu_fsf-137718"].get("taxNumber") == ["7718852163"]
    assert report.rows_read == 17
    reasons = {(r.line, r.field): r.reason for r in report.rejects}
    assert reasons == {(18, None): "expected 118 fields, found 9", (17, "nameAlias"): "entry has no name"}


def test_published_dates() -> None:
    assert EuFsfXml().published(XML) == date(2026, 8, 5)
    assert EuFsfCsv().published(CSV) == date(2026, 8, 5)


def test_whole_files_are_complete_and_cut_ones_are_not(tmp_path: Path) -> None:
    report = LoadReport()
    list(EuFsfXml().read(XML, report))
    assert EuFsfXml().incomplete(XML, report) == []
    cut = tmp_path / "eu_fsf.xml"
    cut.write_bytes(XML.read_bytes()[:3000])
    reasons = EuFsfXml().incomplete(cut, LoadReport())
    assert len(reasons) == 1 and "breaks off" in reasons[0]
    cut_csv = tmp_path / "eu_fsf.csv"
    cut_csv.write_bytes(CSV.read_bytes()[:-7])
    assert "no line end" in EuFsfCsv().incomplete(cut_csv, LoadReport())[0]


def test_loads_as_a_snapshot(store) -> None:
    [result] = load_path(store, XML)
    assert result.ok and result.snapshot.entity_count == 7 and result.snapshot.reject_count == 2


def test_a_byte_that_is_not_utf8_stops_the_csv_with_its_line(tmp_path: Path) -> None:
    # Found by tests/fuzz: such a byte raised UnicodeDecodeError out of the adapter.
    lines = CSV.read_bytes().split(b"\n")
    lines[5] = b"\xff" + lines[5]
    path = tmp_path / "eu_fsf.csv"
    path.write_bytes(b"\n".join(lines))
    assert EuFsfCsv().published(path) == date(2026, 8, 5)  # the date on line 2 is still read
    with pytest.raises(SourceAbort) as caught:
        list(EuFsfCsv().read(path, LoadReport()))
    assert (caught.value.path, caught.value.line) == ("eu_fsf.csv", 6) and "0xff" in str(caught.value)
    path.write_bytes(b"\x80")
    with pytest.raises(SourceAbort, match="not valid UTF-8") as caught:
        list(EuFsfCsv().read(path, LoadReport()))
    assert caught.value.line == 1
