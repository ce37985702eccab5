"""Golden tests of the BIS Denied Persons List (dpl.txt) adapter."""

from __future__ import annotations

import csv
from pathlib import Path

from lookthrough.sources import detect_source
from lookthrough.sources.base import LoadReport
from lookthrough.sources.bis_dpl import ORDER_KEY, BisDeniedPersons

from ..conftest import FIXTURES

DPL = Path("bis") / "denied_persons_list_2022-09.txt"


def read(path: Path):
    report = LoadReport()
    return list(BisDeniedPersons().read(path, report)), report


def key(row: dict[str, str]) -> tuple[str, ...]:
    return tuple(" ".join(row[k].split()) for k in ORDER_KEY)


def parties(entities):
    return [e for e in entities if e.schema != "Sanction"]


def test_every_denial_order_loads(shared_data: Path) -> None:
    path = shared_data / DPL
    entities, report = read(path)
    with path.open(newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    # One AL NASER AIRLINES row has a doubled space in its FR citation; it is still the same order.
    orders = {key(r) for r in rows}
    assert len(parties(entities)) == len(orders) == 486
    assert report.rows_read == len(rows) == 581 and report.rows_rejected == 0
    addresses = sum(len(e.get("address")) for e in parties(entities))
    places = ("Street_Address", "City", "State", "Postal_Code", "Country")
    expected = {(key(r), tuple(r[k] for k in places)) for r in rows if any(r[k] for k in places)}
    assert addresses == len(expected)


def test_dahua_electronics_is_the_flushing_company(shared_data: Path) -> None:
    entities, _ = read(shared_data / DPL)
    [dahua] = [e for e in parties(entities) if "DAHUA" in e.caption]
    assert dahua.caption == "DAHUA ELECTRONICS CORPORATION"
    assert dahua.get("address") == ["134-12 59HT AVENUE, FLUSHING, NY, 11355"]
    assert "denied_persons_list_2022-09.txt line 140" in dahua.citation
    [sanction] = [e for e in entities if e.schema == "Sanction" and e.get("entity") == [dahua.id]]
    assert sanction.get("listingDate") == ["2017-09-28"] and sanction.get("endDate") == ["2025-11-19"]
    assert sanction.get("authorityId") == ["82 F.R. 46480 10/5/2017"]


def test_rows_of_one_order_share_a_party(shared_data: Path) -> None:
    entities, _ = read(shared_data / DPL)
    [party] = [e for e in parties(entities) if e.caption == "ADVANCED TECH SOLUTIONS"]
    assert party.get("address") == [
        "MOASA SQUARE, TAKRITI BUILDING, FOURTH FLOOR, DAMASCUS, SY",
        "P.O. BOX 25858, DAMASCUS, SY",
    ]
    assert party.get("country") == ["sy"] and "lines 14, 15" in party.citation


def test_malformed_rows_are_reported_with_line_and_field() -> None:
    entities, report = read(FIXTURES / "dpl" / "dpl.txt")
    reasons = {(r.line, r.field): r.reason for r in report.rejects}
    assert reasons == {(3, "Name"): "row has no name", (4, None): "expected 12 fields, found 3"}
    [dahua] = parties(entities)
    assert dahua.get("address") == [
        "134-12 59HT AVENUE, FLUSHING, NY, 11355",
        "P.O. BOX 1, FLUSHING, NY, 11355",
    ]
    assert report.rows_read == 4 == 2 + report.rows_rejected


def test_detection(tmp_path: Path) -> None:
    assert detect_source(FIXTURES / "dpl" / "dpl.txt") is BisDeniedPersons
    other = tmp_path / "dpl.txt"
    other.write_text("Name\tAddress\nX\tY\n")
    assert not BisDeniedPersons.detect(other)
