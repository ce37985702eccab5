"""Golden tests of the UK OFSI Consolidated List (xlsx) adapter."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from lookthrough.sources import detect_source
from lookthrough.sources.base import LoadReport
from lookthrough.sources.uk_ofsi import OfsiConsolidatedXlsx, uk_date

from ..conftest import FIXTURES, shared_data_path

UK = Path("uk") / "ofsi_consolidated_list_2025-04-10.xlsx"


def read(path: Path):
    report = LoadReport()
    return list(OfsiConsolidatedXlsx().read(path, report)), report


def write_xlsx(path: Path, rows: list[list[str]], updated: str = "10/04/2025") -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["Last Updated", updated])
    for row in rows:
        sheet.append([cell or None for cell in row])
    book.save(path)
    return path


@pytest.fixture(scope="module")
def ofsi():
    path = shared_data_path() / UK
    if not path.is_file():
        pytest.skip("official list snapshots not found")
    entities, report = read(path)
    book = load_workbook(path, read_only=True)
    rows = list(book.worksheets[0].iter_rows(min_row=3, values_only=True))
    book.close()
    return {e.id: e for e in entities}, entities, report, rows


def sanction_of(entities, party_id: str):
    [sanction] = [e for e in entities if e.schema == "Sanction" and e.get("entity") == [party_id]]
    return sanction


def test_every_group_is_one_entity(ofsi) -> None:
    _, entities, report, rows = ofsi
    groups = {r[35]: r[28] for r in rows}
    schemas = Counter(e.schema for e in entities if e.schema != "Sanction")
    assert sum(schemas.values()) == len(groups) == 4686
    assert schemas == {"Person": 3662, "Organization": 1009, "Vessel": 15}
    assert Counter(groups.values()) == {"Individual": 3662, "Entity": 1009, "Ship": 15}
    assert report.rows_read == len(rows) == 18796 and report.rows_rejected == 0
    # One listing per regime a Group ID is listed under.
    regimes = {(r[35], r[31]) for r in rows}
    assert sum(1 for e in entities if e.schema == "Sanction") == len(regimes) == 4702
    assert report.warnings == [
        f"{UK.name}: Group ID 16601 has no primary name row",
        f"{UK.name}: Group ID 16789 has no primary name row",
    ]


def test_name_rows_become_names_of_one_party(ofsi) -> None:
    found, entities, _, _ = ofsi
    haq = found["gb_hmt_ofsi-15672"]
    assert haq.schema == "Person" and haq.get("name") == ["Mian Abdul HAQ"]
    assert haq.get("alias") == ["Mian MITHOO", "Mian MITHU", "Mian MITTO", "Mian MITTU"]
    cited = {s.value: s.citation for s in haq.statements if s.prop in ("name", "alias")}
    assert cited["Mian MITHOO"].endswith(f"{UK.name} row 3 (Group ID 15672)")
    assert cited["Mian Abdul HAQ"].endswith("row 7255 (Group ID 15672)")
    assert haq.get("nationality") == ["pk"] and haq.get("gender") == ["male"]
    sanction = sanction_of(entities, haq.id)
    assert sanction.get("program") == ["Global Human Rights"]
    assert sanction.get("authorityId") == ["GHR0086"] and sanction.get("listingDate") == ["2022-12-09"]
    assert sanction.first("reason").startswith("Mian Abdul HAQ is a cleric")


def test_ship_details_come_from_other_information(ofsi) -> None:
    found, entities, _, _ = ofsi
    ship = found["gb_hmt_ofsi-13651"]
    assert ship.schema == "Vessel" and ship.get("name") == ["SAM JONG 2"]
    assert (
        ship.get("imoNumber") == ["7408873"]
        and ship.get("flag") == ["kp"]
        and ship.get("pastFlags") == ["ru"]
    )
    assert {"AKTIVA", "YU_JONG_3"} <= set(ship.get("alias"))
    assert "current owners: Korea Samjong Shipping" in ship.get("notes")
    assert sanction_of(entities, ship.id).get("authorityId") == ["DPR0100"]


def test_entity_address_register_number_and_non_latin_name(ofsi) -> None:
    found, _, _, _ = ofsi
    company = found["gb_hmt_ofsi-16636"]
    assert company.get("address") == ["BUILDING 258/4, PROSPECT SUYINBAI, ALMATY, Kazakhstan"]
    assert company.get("country") == ["kz"]
    assert company.get("registrationNumber") == ["Kazakhstan BIN - 170440031562"]
    [cyrillic] = [s for s in company.statements if s.value == "ТОО ЗАПЧАСТЬ ТРЕЙД"]
    assert cyrillic.prop == "name" and cyrillic.lang == "rus"


def test_published_is_the_last_updated_cell(shared_data: Path) -> None:
    assert OfsiConsolidatedXlsx().published(shared_data / UK) == date(2025, 4, 10)


def test_malformed_rows_are_reported_with_row_and_field(tmp_path: Path) -> None:
    with (FIXTURES / "uk" / "bad_rows.csv").open(newline="") as handle:
        path = write_xlsx(tmp_path / "ConList.xlsx", list(csv.reader(handle)))
    entities, report = read(path)
    reasons = {(r.line, r.field): r.reason for r in report.rejects}
    assert reasons == {
        (5, "Group ID"): "row has no Group ID",
        (6, "Group Type"): "unknown Group Type 'Spaceship'",
        (7, "Name 6"): "row has no name",
        (8, "Group Type"): "Group ID 15672 is Individual on line 3",
    }
    [party] = [e for e in entities if e.schema != "Sanction"]
    assert party.get("name") == ["Mian Abdul HAQ"] and party.get("alias") == ["Mian MITHOO"]
    assert report.rows_read == 6 == 2 + report.rows_rejected
    assert OfsiConsolidatedXlsx().published(path) == date(2025, 4, 10)
    assert detect_source(path) is OfsiConsolidatedXlsx


def test_other_spreadsheets_are_not_detected(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "holdings.xlsx", [["name", "isin"], ["Sony Group Corp", "JP3435000009"]])
    assert not OfsiConsolidatedXlsx.detect(path)
    fake = tmp_path / "broken.xlsx"
    fake.write_text("not a zip")
    assert not OfsiConsolidatedXlsx.detect(fake)


@pytest.mark.parametrize(
    ("text", "iso"),
    [("10/04/2025", "2025-04-10"), ("00/00/1970", "1970"), ("00/05/1970", "1970-05"), ("05/1970", "1970-05")],
)
def test_uk_dates(text: str, iso: str) -> None:
    assert uk_date(text) == iso
