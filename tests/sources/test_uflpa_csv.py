"""The UFLPA Entity List CSV layout, and the UFLPA entries of the shipped curated dataset."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from lookthrough.builtin import builtin_path
from lookthrough.exc import SourceAbort
from lookthrough.sources import detect_source
from lookthrough.sources.base import LoadReport
from lookthrough.sources.curated import CuratedYaml
from lookthrough.sources.uflpa_csv import UflpaCsv

from ..conftest import FIXTURES

CSV = FIXTURES / "uflpa" / "uflpa.csv"


def test_csv_layout_loads_with_rejects() -> None:
    assert detect_source(CSV) is UflpaCsv
    report = LoadReport()
    entities = list(UflpaCsv().read(CSV, report))
    assert Counter(e.schema for e in entities) == {"Company": 3, "Sanction": 3}
    assert {(r.line, r.field): r.reason for r in report.rejects} == {
        (5, "name"): "entry has no name",
        (6, "added_date"): "'January 2025' is not a date (use YYYY-MM-DD)",
    }
    found = {e.id: e for e in entities}
    hongyuan = found["us_dhs_uflpa-hongyuan-green-energy-co-ltd"]
    assert hongyuan.get("alias") == ["HY Solar", "Hoyuan Green Energy Co. Ltd."] and hongyuan.get(
        "country"
    ) == ["cn"]
    [listing] = [e for e in entities if e.schema == "Sanction" and e.get("entity") == [hongyuan.id]]
    assert listing.get("program") == ["section 2(d)(2)(B)(v)"] and listing.get("listingDate") == [
        "2025-01-15"
    ]
    assert listing.get("authorityId") == ["90 FR 3899"]


def test_cut_csv_is_incomplete(tmp_path: Path) -> None:
    assert UflpaCsv().incomplete(CSV, LoadReport()) == []
    cut = tmp_path / "uflpa.csv"
    cut.write_bytes(CSV.read_bytes()[:-3])
    assert UflpaCsv().incomplete(cut, LoadReport())


def test_curated_uflpa_entries_cite_a_notice_or_the_list() -> None:
    entities = list(CuratedYaml().read(builtin_path(), LoadReport()))
    uflpa = [e for e in entities if e.schema == "Sanction" and e.first("publisher") == "UFLPA Entity List"]
    assert len(uflpa) == 16
    assert all("UFLPA" in e.citation or "Uyghur" in e.citation for e in uflpa)
    bayi = next(e for e in entities if e.id == "lt-baowu-bayi")
    assert bayi.get("name") == ["Baowu Group Xinjiang Bayi Iron and Steel Co., Ltd."]


def test_a_byte_that_is_not_utf8_stops_the_csv_with_its_line(tmp_path: Path) -> None:
    # Found by tests/fuzz: such a byte raised UnicodeDecodeError out of the adapter.
    path = tmp_path / "uflpa.csv"
    path.write_bytes(CSV.read_bytes() + b"Bad \x80 Entity,,,,,\n")
    line = CSV.read_bytes().count(b"\n") + 1
    with pytest.raises(SourceAbort) as caught:
        list(UflpaCsv().read(path, LoadReport()))
    assert (caught.value.path, caught.value.line) == ("uflpa.csv", line) and "0x80" in str(caught.value)
