"""Golden tests of the FCDO UK Sanctions List adapters (XML and CSV)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from lookthrough.exc import SourceAbort
from lookthrough.sources import detect_source
from lookthrough.sources.base import LoadReport
from lookthrough.sources.load import load_path
from lookthrough.sources.uk_sanctions_list import UkSanctionsListCsv, UkSanctionsListXml

from ..conftest import FIXTURES

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
