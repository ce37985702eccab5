"""A user's own relations CSV: every row becomes a cited relation or a located reject."""

from __future__ import annotations

from pathlib import Path

import pytest

from lookthrough.catalog import Catalog
from lookthrough.model import RelationKind
from lookthrough.sources.base import LoadReport
from lookthrough.sources.load import load_path
from lookthrough.sources.relations_csv import RelationsCsv
from tests.conftest import FIXTURES

GOOD = FIXTURES / "relations" / "relations.csv"
BAD = FIXTURES / "relations" / "bad.csv"


def read(path: Path) -> tuple[Catalog, LoadReport]:
    report = LoadReport()
    catalog = Catalog()
    catalog.add_entities(RelationsCsv().read(path, report))
    return catalog, report


def edges(catalog: Catalog) -> list[tuple[str, str, RelationKind, float | None, str | None, str | None]]:
    names = {pid: p.caption for pid, p in catalog.parties.items()}
    return sorted(
        (
            names.get(e.source_id, e.source_id),
            names.get(e.target_id, e.target_id),
            e.kind,
            e.percent,
            e.start,
            e.end,
        )
        for found in catalog.outbound.values()
        for e in found
    )


def test_detected_by_its_columns() -> None:
    assert RelationsCsv.detect(GOOD) and RelationsCsv.detect(BAD)
    assert not RelationsCsv.detect(FIXTURES / "ofac_bad" / "sdn.csv")


def test_every_row_becomes_a_relation_pointing_the_right_way() -> None:
    catalog, report = read(GOOD)
    assert (report.rows_read, report.rows_rejected) == (5, 0)
    assert edges(catalog) == [
        ("Meridian Camera Holding AG", "Northwind Optics", RelationKind.OWNERSHIP, 60.0, "2021-01-01", None),
        ("Meridian Camera Holding AG", "Old Lens GmbH", RelationKind.OWNERSHIP, 100.0, "2015", "2019-06"),
        (
            "Northwind Optics",
            "Hangzhou Hikvision Digital Technology Co Ltd",
            RelationKind.BRAND,
            None,
            None,
            None,
        ),
        ("Northwind Optics", "Lumen Trading LLC", RelationKind.LINKED, None, "2020-03", None),
        ("us_ofac_sdn-99999", "Old Lens GmbH", RelationKind.PARENT, None, None, None),
    ]


def test_citation_and_evidence_are_the_users_own() -> None:
    catalog, _ = read(GOOD)
    by_cite = {e.source.citation: e.source for found in catalog.outbound.values() for e in found}
    filing = by_cite["test fixture: annual report 2023 p. 4 (relations.csv line 3)"]
    assert filing.evidence.value == "company filing" and filing.url == "https://example.org/report"
    assert by_cite["test fixture: press report (relations.csv line 5)"].evidence.value == "reported"


def test_a_code_joins_the_party_on_the_official_list(store, shared_data: Path) -> None:
    load_path(store, shared_data / "ofac" / "non_sdn_consolidated_2025-12")
    load_path(store, GOOD)
    catalog = Catalog.build(store.current_statements())
    hik = catalog.cluster("us_ofac_cons-30946")
    assert len(hik) == 2 and any(pid.startswith("rel-") for pid in hik)


@pytest.mark.parametrize(
    ("line", "field", "reason"),
    [
        (2, "relation", "unknown relation 'partner of'"),
        (3, "percent", "150 is not between 0 and 100"),
        (4, "start", "'2020-13-01' is not a date"),
        (5, "end", "ends (2020) before it starts (2021)"),
        (6, "citation", "empty"),
        (8, "relation", "the same relation is stated on line 7"),
        (9, "percent", "a share applies to ownership, not to 'brand'"),
        (10, "evidence", "unknown evidence grade 'rumour'"),
    ],
)
def test_bad_rows_are_rejected_with_line_and_field(line: int, field: str, reason: str) -> None:
    _, report = read(BAD)
    [reject] = [r for r in report.rejects if r.line == line]
    assert reject.field == field and reject.reason.startswith(reason)
    assert reject.path == "bad.csv"


def test_rows_in_equal_relations_out_plus_rejects() -> None:
    catalog, report = read(BAD)
    relations = sum(len(found) for found in catalog.outbound.values())
    assert report.rows_read == 9 == relations + report.rows_rejected


def test_a_party_that_joins_nothing_is_warned_with_file_line_and_field(store, shared_data, tmp_path) -> None:
    load_path(store, shared_data / "ofac" / "non_sdn_consolidated_2025-12")
    listed = store.entity("us_ofac_cons-30946").caption
    path = tmp_path / "mine.csv"
    path.write_text(
        "subject,object,relation,citation,object_id\n"
        f'Northwind Optics,"{listed.lower()}",brand of,annual report p. 3,\n'
        "Old Lens GmbH,Blocked Holdings,subsidiary of,press report,us_ofac_sdn-99999\n"
        "Meridian AG,Northwind Optics,owns,register extract,\n"
        f'Lumen Trading,"{listed}",brand of,annual report p. 4,CNE100000PM8\n'
    )
    [result] = load_path(store, path)
    assert result.ok and result.report.rows_rejected == 0
    assert result.report.warnings == [
        f"mine.csv, line 2, field 'object': {listed.lower()!r} is the name of the listed party "
        "us_ofac_cons-30946 but the row gives no object_id, so it names a party of its own that joins "
        "nothing on the lists; give object_id to join the listed one",
        "mine.csv, line 3, field 'object_id': no loaded list holds 'us_ofac_sdn-99999'; the relation is "
        "kept, and followed once a list with that party is loaded",
    ]
