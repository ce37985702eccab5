"""Golden tests of the Consolidated Screening List adapters (CSV and JSON)."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest

from lookthrough.exc import SourceAbort
from lookthrough.model import SnapshotStatus
from lookthrough.sources import detect_source
from lookthrough.sources.base import LoadReport
from lookthrough.sources.csl import CslCsv, CslJson, list_key
from lookthrough.sources.load import load_path

from ..conftest import FIXTURES

SAMPLE = Path("csl") / "csl_sample_2023-11-30.csv"
CSL = FIXTURES / "csl"


def read(cls, path: Path):
    report = LoadReport()
    return list(cls().read(path, report)), report


def parties(entities):
    return {e.id: e for e in entities if e.schema != "Sanction"}


def listing_of(entities, party_id: str):
    [sanction] = [e for e in entities if e.schema == "Sanction" and e.get("entity") == [party_id]]
    return sanction


@pytest.fixture(scope="module")
def sample():
    from ..conftest import shared_data_path

    path = shared_data_path() / SAMPLE
    if not path.is_file():
        pytest.skip("official list snapshots not found")
    entities, report = read(CslCsv, path)
    return path, entities, report


def test_every_entry_of_the_sample_loads(sample) -> None:
    path, entities, report = sample
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header, data = rows[0], rows[1:]
    usable = [r for r in data if len(r) == len(header) and r != header]
    assert len(parties(entities)) == len(usable) == 4226
    assert report.rows_read == len(data) == 4228
    assert report.rows_read == len(usable) + report.rows_rejected
    assert Counter(e.schema for e in entities)["Sanction"] == len(usable)
    schemas = Counter(e.schema for e in parties(entities).values())
    assert schemas == {"LegalEntity": 2039, "Person": 1124, "Organization": 1007, "Company": 53, "Vessel": 3}


def test_repeated_header_and_truncated_last_row_are_rejected(sample) -> None:
    _, _, report = sample
    found = {(r.line, r.reason) for r in report.rejects}
    # The sample is cut inside the quoted remarks of its last record.
    assert found == {(2, "the row repeats the header"), (4233, "the file ends inside a quoted field")}
    assert all(r.path == SAMPLE.name for r in report.rejects)


def test_cmic_entry_carries_codes_and_listing(sample) -> None:
    _, entities, _ = sample
    telecom = parties(entities)["us_trade_csl-cmic-30882"]
    assert telecom.schema == "Company"
    assert telecom.get("uscCode") == ["9111000071093019X7"]
    assert len(telecom.get("isinCode")) == 5 and "CNE1000002V2" in telecom.get("isinCode")
    assert "0728 HK" in telecom.get("ticker")
    assert {"CHINA TELECOM", "CHINA TELECOM CORP LTD"} <= set(telecom.get("alias"))
    assert telecom.get("address") == ["31 Jinrong Street, Xicheng District, Beijing, 100033, CN"]
    assert "csl_sample_2023-11-30.csv line 3" in telecom.citation
    sanction = listing_of(entities, telecom.id)
    assert sanction.first("publisher").startswith("Non-SDN Chinese Military-Industrial Complex")
    assert sanction.get("program") == ["CMIC-EO13959"]
    assert sanction.get("listingDate") == ["2021-06-03"]
    assert "Effective Date (CMIC): 2021-08-02" in sanction.get("provisions")


def test_identifiers_and_addresses_stay_with_their_entry(sample) -> None:
    _, entities, _ = sample
    vtb = parties(entities)["us_trade_csl-ssi-17013"]
    assert len(vtb.get("address")) == 9 and vtb.get("country") == ["ru"]
    assert vtb.get("leiCode") == ["253400V1H6ART1UQ0N98"]
    assert vtb.get("swiftBic") == ["VTBRRUMM"]
    assert vtb.get("taxNumber") == ["7702070139"]
    assert "License: 1000 (RU)" in vtb.get("notes")
    sanction = listing_of(entities, vtb.id)
    assert sanction.get("program") == ["UKRAINE-EO13662", "RUSSIA-EO14024"]
    assert any(
        p.startswith("Executive Order 13662 Directive Determination") for p in sanction.get("provisions")
    )


def test_one_number_on_two_lists_is_two_entries(sample) -> None:
    _, entities, _ = sample
    found = parties(entities)
    assert found["us_trade_csl-ssi-17014"].caption == "JOINT STOCK COMPANY RUSSIAN AGRICULTURAL BANK"
    assert found["us_trade_csl-ns-mbs-list-17014"].caption == "Joint Stock Company Russian Agricultural Bank"


def test_entity_list_entry_has_its_federal_register_notice(sample) -> None:
    _, entities, _ = sample
    [ghoura] = [e for e in parties(entities).values() if e.caption == "Abdul Satar Ghoura"]
    assert ghoura.schema == "LegalEntity" and len(ghoura.get("address")) == 4
    assert set(ghoura.get("country")) == {"af", "pk"}
    sanction = listing_of(entities, ghoura.id)
    assert sanction.get("authorityId") == ["76 FR 71867"]
    assert sanction.get("listingDate") == ["2011-11-21"]
    assert "License policy: Presumption of denial." in sanction.get("provisions")
    assert sanction.get("authority") == ["Bureau of Industry and Security"]


def test_dahua_electronics_keeps_its_flushing_address(sample) -> None:
    _, entities, _ = sample
    [dahua] = [e for e in parties(entities).values() if e.caption == "DAHUA ELECTRONICS CORPORATION"]
    assert dahua.get("address") == ["134-12 59HT AVENUE, FLUSHING, NY, 11355"]
    assert listing_of(entities, dahua.id).first("publisher").startswith("Denied Persons List (DPL)")


def test_json_fixture_loads_every_result() -> None:
    path = CSL / "consolidated.json"
    entities, report = read(CslJson, path)
    results = json.loads(path.read_text())["results"]
    assert len(parties(entities)) == len(results) == report.rows_read == 5 and report.rows_rejected == 0
    found = parties(entities)
    schemas = Counter(e.schema for e in found.values())
    assert schemas == {"LegalEntity": 2, "Company": 1, "Person": 1, "Vessel": 1}
    assert Counter(e.schema for e in entities)["Sanction"] == 5
    vessel = found["us_trade_csl-sdn-4243"]
    assert (
        vessel.schema == "Vessel"
        and vessel.get("flag") == ["pa"]
        and vessel.get("imoNumber") == ["IMO 7406784"]
    )
    person = found["us_trade_csl-sdn-2677"]
    assert person.get("birthDate") == ["1947-04-19"] and person.get("nationality") == ["eg"]
    assert person.get("gender") == ["male"] and not person.has("address")
    assert "consolidated.json line 3 " in found["us_trade_csl-cmic-30882"].citation


def test_json_and_csv_read_the_same_rows_alike(sample) -> None:
    _, csv_entities, _ = sample
    from_csv = parties(csv_entities)
    json_entities, _ = read(CslJson, CSL / "consolidated.json")
    for entity in parties(json_entities).values():
        twin = from_csv[entity.id]
        assert entity.schema == twin.schema
        for prop, values in entity.properties().items():
            assert set(values) <= set(twin.get(prop)), (entity.id, prop)


def test_malformed_csv_rows_are_reported_with_line_and_field() -> None:
    entities, report = read(CslCsv, CSL / "bad" / "consolidated.csv")
    reasons = {(r.line, r.field): r.reason for r in report.rejects}
    assert reasons == {
        (3, None): "the row repeats the header",
        (4, "name"): "entry has no name",
        (5, "type"): "unknown type 'Submarine'",
        (6, None): "expected 29 fields, found 4",
        (7, "_id"): "second entry e06ed73a9f428fa6441fce4688893d159a73e86ba9a2e470d09657e4 on "
        "Denied Persons List (DPL) - Bureau of Industry and Security",
    }
    assert len(parties(entities)) == 1
    assert report.rows_read == 6 == len(parties(entities)) + report.rows_rejected


def test_malformed_json_entries_are_reported_with_line_and_field() -> None:
    entities, report = read(CslJson, CSL / "bad_entries.json")
    reasons = {(r.line, r.field): r.reason for r in report.rejects}
    assert reasons == {
        (4, None): "entry is not a JSON object",
        (18, "name"): "expected text, found dict",
        (27, "ids[0].type"): "identifier has no type",
    }
    assert list(parties(entities)) == ["us_trade_csl-sdn-4249"]
    assert report.rows_read == 4 == 1 + report.rows_rejected


def test_a_lone_surrogate_in_a_json_entry_rejects_that_entry(tmp_path: Path, store) -> None:
    """JSON can escape a lone surrogate that no file or database holds: it was a UnicodeEncodeError."""
    text = (CSL / "consolidated.json").read_text(encoding="utf-8")
    path = tmp_path / "consolidated.json"
    path.write_text(text.replace('"source": "Non-SDN', '"source": "\\ud800Non-SDN', 1), encoding="utf-8")
    entities, report = read(CslJson, path)
    [reject] = report.rejects
    assert (reject.path, reject.line, reject.field) == ("consolidated.json", 3, "source")
    assert reject.reason.startswith("holds a lone surrogate")
    assert '"source": "\\ud800Non-SDN' in reject.raw  # escaped, so the rejects table can store it
    assert "us_trade_csl-cmic-30882" not in parties(entities) and len(parties(entities)) == 4
    [result] = load_path(store, path, forced_format="csl_json")
    assert result.ok and result.report.rows_rejected == 1


def test_truncated_json_stops_the_load(tmp_path: Path, store) -> None:
    path = tmp_path / "consolidated.json"
    path.write_text((CSL / "consolidated.json").read_text()[:3000])
    with pytest.raises(SourceAbort, match=r"consolidated\.json, line \d+: "):
        read(CslJson, path)
    [result] = load_path(store, path, forced_format="csl_json")
    assert result.snapshot.status is SnapshotStatus.FAILED
    assert store.current("us_trade_csl") is None


def test_json_fixture_loads_as_a_snapshot(store) -> None:
    [result] = load_path(store, CSL / "consolidated.json")
    assert result.ok and result.snapshot.dataset == "us_trade_csl"
    assert store.entity("us_trade_csl-cmic-30882").first("uscCode") == "9111000071093019X7"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (CSL / "consolidated.json", "csl_json"),
        (CSL / "bad_entries.json", "csl_json"),
        (CSL / "bad" / "consolidated.csv", "csl_csv"),
        (FIXTURES / "ftm" / "bad.ftm.json", "ftm_json"),
    ],
)
def test_detection(path: Path, expected: str) -> None:
    assert detect_source(path).name == expected


def test_detection_needs_the_csl_columns(tmp_path: Path) -> None:
    other = tmp_path / "consolidated.csv"
    other.write_text("_id,source,name\n1,x,y\n")
    assert not CslCsv.detect(other)
    binary = tmp_path / "list.xlsx"
    binary.write_bytes(b"PK\x03\x04 a\rb\nc")  # a bare carriage return makes the csv module raise
    assert not CslCsv.detect(binary)
    results = tmp_path / "results.json"
    results.write_text('{"results": [{"name": "x"}]}')
    assert not CslJson.detect(results)


@pytest.mark.parametrize(
    ("source", "key"),
    [
        ("Entity List (EL) - Bureau of Industry and Security", "el"),
        ("Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department", "ns-mbs-list"),
        ("Capta List (CAP) - Treasury Department", "cap"),
    ],
)
def test_list_key(source: str, key: str) -> None:
    assert list_key(source) == key
