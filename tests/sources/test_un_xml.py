"""Golden tests of the UN Security Council Consolidated List XML adapter."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from lookthrough.exc import SourceAbort
from lookthrough.model import SnapshotStatus
from lookthrough.sources import detect_source
from lookthrough.sources.base import LoadReport
from lookthrough.sources.load import load_path
from lookthrough.sources.un_xml import UnConsolidatedXml

from ..conftest import FIXTURES, shared_data_path

UN = Path("un") / "UN_consolidated_2026-02-27.xml"
NAMES = ("alias", "weakAlias", "previousName")


def read(path: Path):
    report = LoadReport()
    return list(UnConsolidatedXml().read(path, report)), report


@pytest.fixture(scope="module")
def un():
    path = shared_data_path() / UN
    if not path.is_file():
        pytest.skip("official list snapshots not found")
    entities, report = read(path)
    records = list(etree.parse(str(path)).iter("INDIVIDUAL", "ENTITY"))
    return {e.id: e for e in entities}, entities, report, records


def test_every_record_loads(un) -> None:
    _, entities, report, records = un
    kinds = Counter(r.tag for r in records)
    schemas = Counter(e.schema for e in entities)
    assert schemas["Person"] == kinds["INDIVIDUAL"] == 730
    assert schemas["Organization"] == kinds["ENTITY"] == 273
    assert schemas["Sanction"] == len(records)
    assert report.rows_read == len(records) and report.rows_rejected == 0
    names = Counter(prop for e in entities for prop in ("name", *NAMES) for _ in e.get(prop))
    assert names == {"name": 1380, "alias": 2108, "weakAlias": 615, "previousName": 19}


def test_aliases_belong_to_their_record(un) -> None:
    found, _, _, records = un
    for record in records:
        entity = found[f"un_sc_sanctions-{record.findtext('DATAID')}"]
        listed = {
            " ".join(a.split()) for a in record.xpath("*[contains(name(), '_ALIAS')]/ALIAS_NAME/text()")
        }
        names = {n for prop in NAMES for n in entity.get(prop)}
        assert names == {a for a in listed if a}, record.findtext("REFERENCE_NUMBER")


def test_alias_quality_decides_the_name_kind(un) -> None:
    found, *_ = un
    kakolele = found["un_sc_sanctions-6907994"]
    assert kakolele.get("alias") == ["FRANK KAKORERE", "FRANK KAKORERE BWAMBALE", "AIGLE BLANC"]
    hassan = found["un_sc_sanctions-6908994"]
    assert {"ABU WAQAS", "MARABOU"} <= set(hassan.get("weakAlias"))
    assert hassan.get("passportNumber") == ["AB850901", "AB187304"]
    assert hassan.get("nationality") == ["tz"]
    adf = found["un_sc_sanctions-6908402"]
    assert adf.get("alias") == ["Allied Democratic Forces"] and "NALU" in adf.get("previousName")


def test_person_details_and_listing(un) -> None:
    found, entities, _, _ = un
    kakolele = found["un_sc_sanctions-6907994"]
    assert kakolele.get("address") == ["Kinshasa, Democratic Republic of the Congo (as of June 2016)"]
    assert kakolele.get("position") == ["FARDC General"] and kakolele.get("gender") == ["male"]
    assert "UN_consolidated_2026-02-27.xml line 42 (CDi.002)" in kakolele.citation
    [sanction] = [e for e in entities if e.schema == "Sanction" and e.get("entity") == [kakolele.id]]
    assert sanction.get("unscId") == ["CDi.002"] and sanction.get("program") == ["DRC"]
    assert sanction.get("listingDate") == ["2005-11-01"]


def test_original_script_name_is_a_name(un) -> None:
    found, *_ = un
    [saddam] = [e for e in found.values() if "صدام حسين التكريتي" in e.get("name")]
    assert saddam.schema == "Person" and len(saddam.get("name")) == 2


def test_dates_with_a_time_zone_offset_still_give_the_day(un) -> None:
    _, entities, report, records = un
    offset = next(r for r in records if len(r.findtext("LISTED_ON")) > 10)
    party = f"un_sc_sanctions-{offset.findtext('DATAID')}"
    [sanction] = [e for e in entities if e.schema == "Sanction" and e.get("entity") == [party]]
    assert sanction.get("listingDate") == [offset.findtext("LISTED_ON")[:10]]
    assert report.warnings == []


def test_published_is_the_generation_date(shared_data: Path) -> None:
    assert UnConsolidatedXml().published(shared_data / UN) == date(2026, 2, 27)


def test_malformed_records_are_reported_with_line_and_field() -> None:
    path = FIXTURES / "un" / "bad_consolidated.xml"
    entities, report = read(path)
    reasons = {(r.line, r.field): r.reason for r in report.rejects}
    assert reasons == {
        (16, "DATAID"): "record has no DATAID",
        (22, "DATAID"): "second record with DATAID 6907993",
        (31, "FIRST_NAME"): "record has no name",
    }
    parties = {e.id: e for e in entities if e.schema != "Sanction"}
    assert set(parties) == {"un_sc_sanctions-6907993", "un_sc_sanctions-6908402"}
    assert report.rows_read == 5 == len(parties) + report.rows_rejected
    assert parties["un_sc_sanctions-6907993"].get("birthDate") == ["1971"]
    assert parties["un_sc_sanctions-6908402"].get("notes") == ["listed on: 30 June 2014"]
    assert report.warnings == [
        "bad_consolidated.xml line 38: LISTED_ON '30 June 2014' is not a date; kept as a note"
    ]
    assert UnConsolidatedXml().published(path) == date(2026, 2, 27)


def test_broken_xml_stops_the_load_with_its_line(tmp_path: Path, store) -> None:
    path = tmp_path / "consolidated.xml"
    path.write_text((FIXTURES / "un" / "bad_consolidated.xml").read_text().replace("</INDIVIDUALS>", ""))
    with pytest.raises(SourceAbort, match=r"consolidated\.xml, line \d+: invalid XML"):
        read(path)
    [result] = load_path(store, path)
    assert result.snapshot.status is SnapshotStatus.FAILED


def test_detection(tmp_path: Path) -> None:
    assert detect_source(FIXTURES / "un" / "bad_consolidated.xml") is UnConsolidatedXml
    other = tmp_path / "other.xml"
    other.write_text("<?xml version='1.0'?><LIST/>")
    assert not UnConsolidatedXml.detect(other)
