"""Golden tests of the GLEIF golden-copy adapters: LEI records, relationships, reporting exceptions."""

from __future__ import annotations

import zipfile
from collections import Counter
from pathlib import Path

import pytest

from lookthrough.exc import SourceAbort
from lookthrough.model import Evidence
from lookthrough.sources import detect_source
from lookthrough.sources.base import LoadReport
from lookthrough.sources.gleif import GleifExceptionCsv, GleifLeiCsv, GleifRelationshipCsv
from lookthrough.sources.load import load_path

from ..conftest import FIXTURES

LEI = FIXTURES / "gleif" / "lei2-golden-copy.csv"
RR = FIXTURES / "gleif" / "rr-golden-copy.csv"
REPEX = FIXTURES / "gleif" / "repex-golden-copy.csv"
GROUP = "gleif-30030000000000010143"
SUBSIDIARY, BRANCH, FUND, VISION = (
    "gleif-30030000000000010240",
    "gleif-30030000000000010337",
    "gleif-30030000000000010434",
    "gleif-30030000000000010628",
)


def read(source, path: Path):
    report = LoadReport()
    entities = list(source.read(path, report))
    return entities, report


def reasons(report: LoadReport) -> dict[tuple[int | None, str | None], str]:
    return {(r.line, r.field): r.reason for r in report.rejects}


def test_files_are_detected_plain_and_zipped(tmp_path: Path) -> None:
    assert detect_source(LEI) is GleifLeiCsv
    assert detect_source(RR) is GleifRelationshipCsv
    assert detect_source(REPEX) is GleifExceptionCsv
    zipped = tmp_path / "lei2-golden-copy.csv.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.write(LEI, "20260620-0000-gleif-goldencopy-lei2-golden-copy.csv")
    assert detect_source(zipped) is GleifLeiCsv
    entities, report = read(GleifLeiCsv(), zipped)
    assert len(entities) == 5 and report.rows_read == 7


def test_lei_records() -> None:
    entities, report = read(GleifLeiCsv(), LEI)
    found = {e.id: e for e in entities}
    assert Counter(e.schema for e in entities) == {"Company": 5}
    assert report.rows_read == 7 and reasons(report) == {
        (6, "LEI"): "'549300BADCHECKDIGIT1' is not a valid LEI",
        (7, "Entity.LegalName"): "record has no legal name",
    }
    group = found[GROUP]
    assert group.get("name") == ["示例电子科技集团有限公司"] and group.statements[0].lang == "zho"
    assert group.get("alias") == [
        "Example Electronics Technology Group Co., Ltd.",
        "SHILI DIANZI KEJI JITUAN YOUXIAN GONGSI",
    ]
    assert group.get("previousName") == ["示例电子科技集团公司"]
    assert group.get("leiCode") == ["30030000000000010143"] and group.get("registrationNumber") == [
        "91110000000000000X"
    ]
    assert group.get("country") == ["cn"] and group.get("jurisdiction") == ["cn"]
    assert group.get("address") == ["万寿路27号, 北京, CN-BJ, 100846, CN"]
    assert group.get("incorporationDate") == ["2002-03-01"]
    assert group.evidence is Evidence.FILING and "line 2 (LEI 30030000000000010143)" in group.citation
    assert found[FUND].get("status") == ["INACTIVE"] and "LEI registration RETIRED" in found[FUND].get(
        "notes"
    )


def test_relationships_are_parent_links_with_their_meaning() -> None:
    entities, report = read(GleifRelationshipCsv(), RR)
    assert Counter(e.schema for e in entities) == {"Ownership": 5, "UnknownLink": 1}
    assert report.rows_read == 8 and reasons(report) == {
        (6, "Relationship.EndNode.NodeID"): "'NOT-AN-LEI' is not a valid LEI",
        (7, None): "expected 54 fields, found 2",
    }
    direct, ultimate, branch, fund, *below = entities
    assert direct.get("owner") == [GROUP] and direct.get("asset") == [SUBSIDIARY]
    assert direct.get("ownershipType") == ["parent"] and direct.get("percentage") == []
    assert direct.get("startDate") == ["2016-05-01"] and direct.get("role") == ["IS_DIRECTLY_CONSOLIDATED_BY"]
    assert "not a shareholding, percentage unknown" in direct.citation
    assert "not a shareholding" in direct.first("summary")
    assert ultimate.get("role") == ["IS_ULTIMATELY_CONSOLIDATED_BY"]
    assert branch.get("owner") == [SUBSIDIARY] and "same legal person" in branch.citation
    assert fund.get("subject") == [FUND] and fund.get("object") == [SUBSIDIARY]
    # INACTIVE without an end date: ended by the record's last update.
    assert fund.get("endDate") == ["2026-06-20"] and "status INACTIVE" in fund.citation
    # A grandchild states its direct parent and, apart, the ultimate one above that parent.
    assert [(e.first("asset"), e.first("owner"), e.first("role")) for e in below] == [
        (VISION, SUBSIDIARY, "IS_DIRECTLY_CONSOLIDATED_BY"),
        (VISION, GROUP, "IS_ULTIMATELY_CONSOLIDATED_BY"),
    ]
    assert all(e.evidence is Evidence.FILING for e in entities)


def test_reporting_exceptions_are_notes_on_the_entity() -> None:
    entities, report = read(GleifExceptionCsv(), REPEX)
    assert [e.id for e in entities] == [GROUP, GROUP]
    assert entities[0].get("notes") == [
        "GLEIF reporting exception: no direct accounting consolidation parent reported (NATURAL_PERSONS)"
    ]
    assert reasons(report) == {(4, "LEI"): "'XYZ' is not a valid LEI"}


def test_cut_files_are_incomplete(tmp_path: Path) -> None:
    assert GleifLeiCsv().incomplete(LEI, LoadReport()) == []
    cut = tmp_path / "lei2-golden-copy.csv"
    cut.write_bytes(LEI.read_bytes()[:1500])
    assert "no line end" in GleifLeiCsv().incomplete(cut, LoadReport())[0]
    zipped = tmp_path / "rr.csv.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.write(RR, "rr.csv")
    assert GleifRelationshipCsv().incomplete(zipped, LoadReport()) == []
    cut_zip = tmp_path / "rr-cut.csv.zip"
    cut_zip.write_bytes(zipped.read_bytes()[:400])
    assert "not a whole ZIP archive" in GleifRelationshipCsv().incomplete(cut_zip, LoadReport())[0]


def test_a_legal_name_reaches_its_parent_through_the_store(store) -> None:
    for path in (LEI, RR, REPEX):
        [result] = load_path(store, path)
        assert result.ok, result.snapshot.error
    subsidiary = store.entity(SUBSIDIARY)
    assert subsidiary is not None and subsidiary.first("name") == "Example Digital Technology Co., Ltd."
    group = store.entity(GROUP)
    assert any("reporting exception" in n for n in group.get("notes"))


@pytest.mark.parametrize("zipped", [False, True], ids=["csv", "zip"])
def test_a_byte_that_is_not_utf8_stops_the_load_with_its_line(tmp_path: Path, zipped: bool) -> None:
    # Found by tests/fuzz: such a byte raised UnicodeDecodeError out of the adapter.
    lines = RR.read_bytes().split(b"\n")
    lines[2] = b"\xff" + lines[2]
    path = tmp_path / RR.name
    path.write_bytes(b"\n".join(lines))
    if zipped:
        with zipfile.ZipFile(tmp_path / "rr.zip", "w") as archive:
            archive.write(path, RR.name)
        path = tmp_path / "rr.zip"
    with pytest.raises(SourceAbort) as caught:
        list(GleifRelationshipCsv().read(path, LoadReport()))
    assert (caught.value.path, caught.value.line) == (path.name, 3) and "0xff" in str(caught.value)


@pytest.mark.parametrize("damage", ["deflate stream", "first byte"])
def test_a_damaged_zip_stops_the_load_with_its_line(tmp_path: Path, damage: str) -> None:
    # Found by tests/fuzz: zlib.error, and OSError from a negative offset, came out of the adapter.
    path = tmp_path / "lei2.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(LEI, LEI.name)
    content = bytearray(path.read_bytes())
    if damage == "deflate stream":
        content[200] ^= 0xFF
    else:
        del content[0]  # every offset in the directory now points one byte too far
    path.write_bytes(bytes(content))
    with pytest.raises(SourceAbort, match="cannot read the file") as caught:
        list(GleifLeiCsv().read(path, LoadReport()))
    assert caught.value.path == "lei2.zip" and caught.value.line is not None


def test_a_zip_of_an_unsupported_version_stops_the_load(tmp_path: Path) -> None:
    # Found by a five-minute fuzz run: zipfile's NotImplementedError came out of the adapter.
    path = tmp_path / "lei2.zip"
    with zipfile.ZipFile(path, "w") as archive:
        member = zipfile.ZipInfo(LEI.name)
        member.extract_version = member.create_version = 64  # zip 6.4: beyond what Python reads
        archive.writestr(member, LEI.read_bytes())
    with pytest.raises(SourceAbort, match="cannot read the file") as caught:
        list(GleifLeiCsv().read(path, LoadReport()))
    assert caught.value.path == "lei2.zip"
