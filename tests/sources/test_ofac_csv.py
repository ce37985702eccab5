"""Golden tests of the OFAC legacy CSV adapters against real list files."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import pytest

from lookthrough.sources import get_source
from lookthrough.sources.base import LoadReport
from lookthrough.sources.ofac_csv import OfacConsolidatedCsv, OfacSdnCsv

from ..conftest import FIXTURES


def rows_of(path: Path) -> list[list[str]]:
    text = path.read_bytes().decode("latin-1").rstrip("\r\n\x1a")
    return list(csv.reader(io.StringIO(text)))


def read(cls, path: Path):
    report = LoadReport()
    entities = list(cls().read(path, report))
    return entities, report


def parties(entities):
    return {e.id: e for e in entities if e.schema not in ("Sanction", "Ownership", "UnknownLink")}


def test_consolidated_list_loads_every_entry(shared_data: Path) -> None:
    folder = shared_data / "ofac" / "non_sdn_consolidated_2025-12"
    entities, report = read(OfacConsolidatedCsv, folder / "cons_prim.csv")
    found = parties(entities)
    assert len(found) == len(rows_of(folder / "cons_prim.csv")) == 442
    assert report.rows_rejected == 0
    for name in ("cons_prim.csv", "cons_alt.csv", "cons_add.csv", "cons_comments.csv"):
        assert report.files[name].rows == len(rows_of(folder / name))


def test_hikvision_entry_carries_codes_aliases_and_listing(shared_data: Path) -> None:
    folder = shared_data / "ofac" / "non_sdn_consolidated_2025-12"
    entities, _ = read(OfacConsolidatedCsv, folder / "cons_prim.csv")
    hik = parties(entities)["us_ofac_cons-30946"]
    assert hik.schema == "Company"
    assert hik.get("isinCode") == ["CNE100000PM8"]
    assert hik.get("uscCode") == ["91330000733796106P"]
    assert hik.get("ticker") == ["002415 CN"]
    assert {"HIKVISION", "HANGZHOU HIKVISION DIGITAL TECHNOLOGY"} <= set(hik.get("alias"))
    assert "cons_prim.csv line" in hik.citation
    sanction = next(e for e in entities if e.schema == "Sanction" and e.get("entity") == [hik.id])
    assert sanction.get("program") == ["CMIC-EO13959"]
    assert sanction.get("listingDate") == ["2021-06-03"]
    assert "NS-CMIC" in sanction.first("publisher")


def test_cetc_address_is_attached_to_cetc(shared_data: Path) -> None:
    folder = shared_data / "ofac" / "non_sdn_consolidated_2025-12"
    entities, _ = read(OfacConsolidatedCsv, folder / "cons_prim.csv")
    cetc = parties(entities)["us_ofac_cons-30936"]
    assert cetc.get("address") == ["No. 27, Wanshou Road, Haidian District, Beijing 100846, China"]
    assert "CETC" in cetc.get("weakAlias")  # "a.k.a. 'CETC'" in the remarks: a weak AKA
    assert cetc.get("uscCode") == ["91110000710929498G"]


def test_sdn_full_set_joins_all_four_files(shared_data: Path) -> None:
    folder = shared_data / "ofac" / "sdn_full_set_2021-07"
    entities, report = read(OfacSdnCsv, folder / "sdn.csv")
    found = parties(entities)
    assert len(found) == len(rows_of(folder / "sdn.csv")) == 8976
    aliases = sum(
        len(e.get("alias")) + len(e.get("weakAlias")) + len(e.get("previousName")) for e in found.values()
    )
    alt_rows = len(rows_of(folder / "alt.csv"))
    assert report.rows_rejected == 0
    # every alt.csv row became a name (remarks add some more a.k.a.'s on top)
    assert aliases >= alt_rows
    bnc = found["us_ofac_sdn-306"]
    assert "NATIONAL BANK OF CUBA" in bnc.get("alias")
    assert "Zweierstrasse 35, Zurich CH-8022, Switzerland" in bnc.get("address")
    schemas = Counter(e.schema for e in found.values())
    assert schemas["Person"] > 4000 and schemas["Vessel"] > 300


def test_linked_to_becomes_an_association(shared_data: Path) -> None:
    """OFAC's "Linked To:" is an association between listed parties, not ownership or control."""
    folder = shared_data / "ofac" / "sdn_2024-05-03"
    entities, _ = read(OfacSdnCsv, folder / "sdn.csv")
    links = [e for e in entities if e.schema == "UnknownLink"]
    assert len(links) > 5000
    names = parties(entities)
    hamas_links = [e for e in links if names[e.first("object")].caption == "HAMAS"]
    assert hamas_links and all(e.first("role") == "associated with" for e in hamas_links)


def test_orphan_aliases_are_rejected_with_file_and_line(shared_data: Path, tmp_path: Path) -> None:
    # The 2025-12 alt.csv is newer than the 2024-05 sdn.csv: its new ent_nums have no entry.
    (tmp_path / "sdn.csv").write_bytes((shared_data / "ofac/sdn_2024-05-03/sdn.csv").read_bytes())
    (tmp_path / "alt.csv").write_bytes(
        (shared_data / "ofac/sdn_add_alt_comments_2025-12/alt.csv").read_bytes()
    )
    _, report = read(OfacSdnCsv, tmp_path / "sdn.csv")
    alt_rows = rows_of(tmp_path / "alt.csv")
    known = {r[0] for r in rows_of(tmp_path / "sdn.csv")}
    orphans = [r for r in alt_rows if r[0] not in known]
    assert report.files["alt.csv"].rejected == len(orphans) > 0
    first = report.rejects[0]
    assert first.path == "alt.csv" and first.field == "ent_num" and first.line > 0
    assert "has no entry in sdn.csv" in first.reason


def test_malformed_rows_are_reported_not_dropped() -> None:
    entities, report = read(OfacSdnCsv, FIXTURES / "ofac_bad" / "sdn.csv")
    found = parties(entities)
    assert set(found) == {"us_ofac_sdn-36", "us_ofac_sdn-306"}
    reasons = {(r.path, r.line, r.field): r.reason for r in report.rejects}
    assert reasons[("sdn.csv", 2, None)] == "expected 12 fields, found 5"
    assert reasons[("sdn.csv", 3, "ent_num")] == "ent_num is not a number"
    assert reasons[("sdn.csv", 5, "SDN_Name")] == "entry has no name"
    assert reasons[("alt.csv", 2, "ent_num")] == "ent_num 999 has no entry in sdn.csv"
    assert report.rows_read == report.files["sdn.csv"].rows + report.files["alt.csv"].rows
    assert report.files["sdn.csv"].rows == 5 and report.files["sdn.csv"].rejected == 3


@pytest.mark.parametrize(
    ("name", "expected"),
    [("sdn.csv", "ofac_sdn_csv"), ("SDN.CSV", "ofac_sdn_csv"), ("cons_prim.csv", "ofac_cons_csv")],
)
def test_detection_by_name_and_content(tmp_path: Path, name: str, expected: str) -> None:
    path = tmp_path / name
    path.write_text('36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\x1a')
    assert get_source(expected).detect(path)
    other = tmp_path / "notes.csv"
    other.write_text("hello,world\n")
    assert not get_source(expected).detect(other)


NAME_PROPS = ("alias", "weakAlias", "previousName")


def programmes(path: Path) -> int:
    """Programme tags in the Program column ("SDGT] [IRGC" is two): one listing each."""
    return sum(len([p for p in row[3].split("] [") if p.strip() != "-0-"]) for row in rows_of(path))


# Golden counts per real copy: rows of each file, parties by schema, listings, "Linked To"
# associations, and aliases (alt.csv names and the remarks' a.k.a.'s).
GOLDEN = [
    (
        OfacSdnCsv, "sdn_full_set_2021-07/sdn.csv",
        {"sdn.csv": 8976, "alt.csv": 11910, "add.csv": 13837, "sdn_comments.csv": 5},
        {"Person": 4620, "Organization": 3673, "Vessel": 406, "Airplane": 277}, 10759, 3401, 14349,
    ),
    (
        OfacSdnCsv, "sdn_2024-05-03/sdn.csv", {"sdn.csv": 14965},
        {"Organization": 6880, "Person": 6854, "Vessel": 851, "Airplane": 376, "Company": 4},
        17382, 6367, 3666,
    ),
    (
        OfacConsolidatedCsv, "non_sdn_consolidated_2025-12/cons_prim.csv",
        {"cons_prim.csv": 442, "cons_alt.csv": 1073, "cons_add.csv": 574, "cons_comments.csv": 10},
        {"Organization": 310, "Person": 79, "Company": 53}, 534, 282, 1218,
    ),
]  # fmt: skip


@pytest.mark.parametrize(("cls", "main", "files", "schemas", "listings", "links", "aliases"), GOLDEN)
def test_golden_counts(
    shared_data: Path, cls, main: str, files: dict, schemas: dict, listings: int, links: int, aliases: int
) -> None:
    path = shared_data / "ofac" / main
    entities, report = read(cls, path)
    assert {name: count.rows for name, count in report.files.items()} == files
    assert all(len(rows_of(path.parent / name)) == rows for name, rows in files.items())
    assert report.rows_rejected == 0
    found = parties(entities)
    assert Counter(e.schema for e in found.values()) == schemas
    assert sum(schemas.values()) == files[path.name]  # one party per entry
    kinds = Counter(e.schema for e in entities)
    assert kinds["Sanction"] == listings == programmes(path)
    assert kinds["UnknownLink"] == links
    assert sum(len(e.get(prop)) for e in found.values() for prop in NAME_PROPS) == aliases
