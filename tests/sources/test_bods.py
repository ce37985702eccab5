"""BODS 0.4 and 0.2 statements: companies and shareholdings in, people and bad records out."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from lookthrough.catalog import Catalog
from lookthrough.model import RelationKind
from lookthrough.sources.base import LoadReport
from lookthrough.sources.bods import Bods
from lookthrough.sources.relations_csv import RelationsCsv
from tests.conftest import FIXTURES

V04 = FIXTURES / "bods" / "example-0.4.json"
V02 = FIXTURES / "bods" / "example-0.2.jsonl"


def read(path) -> tuple[Catalog, LoadReport, list]:
    report = LoadReport()
    entities = list(Bods().read(path, report))
    catalog = Catalog()
    catalog.add_entities(entities)
    return catalog, report, entities


def edges(catalog: Catalog):
    return sorted(
        (e.source_id, e.target_id, e.kind, e.percent, e.start, e.end)
        for found in catalog.outbound.values()
        for e in found
    )


@pytest.mark.parametrize(
    ("path", "schemas", "rows", "rejected"),
    [
        (V04, {"Company": 2, "Ownership": 1, "UnknownLink": 1}, 8, 2),
        (V02, {"Company": 2, "Ownership": 1}, 7, 2),
    ],
)
def test_golden_counts(path: Path, schemas: dict[str, int], rows: int, rejected: int) -> None:
    _, report, entities = read(path)
    assert Counter(e.schema for e in entities) == schemas
    assert (report.rows_read, report.rows_rejected) == (rows, rejected)


def test_detected_by_its_keys() -> None:
    assert Bods.detect(V04) and Bods.detect(V02)
    assert not Bods.detect(FIXTURES / "relations" / "relations.csv")
    assert not RelationsCsv.detect(V04)


def test_bods_04_latest_statement_of_a_record_wins() -> None:
    catalog, report, _ = read(V04)
    meridian = catalog.parties["bods-c359f58d2977"]
    assert meridian.caption == "Meridian Camera Components Ltd" and meridian.schema == "Company"
    assert {c.value for c in meridian.codes} == {"01234567"}
    assert [c.value for c in catalog.parties["bods-5f2a8e1c0b44"].codes] == ["5493001KJTIIGC8Y1R12"]
    assert edges(catalog) == [
        ("bods-5f2a8e1c0b44", "bods-c359f58d2977", RelationKind.OWNERSHIP, 60.0, "2023-11-15", None),
        ("bods-c359f58d2977", "bods-5f2a8e1c0b44", RelationKind.LINKED, None, None, None),
    ]
    [stake] = catalog.inbound["bods-c359f58d2977"][:1]
    assert stake.source.evidence.value == "company filing"
    assert stake.source.citation.startswith("Example Register: BODS statement 5eab5c83")
    assert stake.source.url == "https://example.org/register/01234567"
    assert any("superseded" in w for w in report.warnings)


def test_people_are_not_imported() -> None:
    catalog, report, entities = read(V04)
    assert not any(e.schema == "Person" for e in entities)
    assert "bods-8e41d7a9c2f0" not in catalog.parties
    assert any("1 person statements not imported" in w for w in report.warnings)


def test_bad_statements_are_rejected_with_place_and_field() -> None:
    _, report, _ = read(V04)
    assert sorted((r.field, r.reason) for r in report.rejects) == [
        ("interestedParty", "statement 7 (column 3): interestedParty names no entity statement in this file"),
        ("recordDetails", "statement 8 (column 3): recordDetails is not an object"),
    ]
    assert sorted(r.line for r in report.rejects) == [90, 99]  # the lines where they open
    assert report.rows_read == 8


def test_bods_02_replaced_statements_and_unknown_owners() -> None:
    catalog, report, _ = read(V02)
    assert edges(catalog) == [
        ("bods-e2-0001", "bods-e1-0001", RelationKind.OWNERSHIP, 75.0, "2020-04-01", None)
    ]
    assert catalog.inbound["bods-e1-0001"][0].source.evidence.value == "reported"
    reasons = sorted((r.line, r.field, r.reason.split(": ", 1)[-1]) for r in report.rejects)
    assert reasons[0][:2] == (6, "startDate") and "'2020-02-30' is not a date" in reasons[0][2]
    assert reasons[1][0] == 7 and "Expecting value" in reasons[1][2]
    assert any("interested party not specified" in w for w in report.warnings)
    assert report.rows_read == 7


def test_a_one_line_array_names_each_rejected_statement_by_its_column(tmp_path) -> None:
    entity = '{"statementID": "e1", "statementType": "entityStatement", "name": "Alpha"}'
    path = tmp_path / "minified.json"
    path.write_text(f'[{entity},{{"statementType": "entityStatement"}},\n 17, {entity}]')
    _, report, entities = read(path)
    assert [(r.line, r.field, r.reason) for r in report.rejects] == [
        (1, "statementID", "statement 2 (column 77): statementID is missing"),
        (2, None, "statement 3 (column 2): not a JSON object"),
    ]
    assert report.rows_read == 4 and len(entities) == 1  # statement 4 repeats statement 1's record
    assert str(report.rejects[0]).startswith("minified.json, line 1, field 'statementID': statement 2")


def test_an_array_element_that_does_not_decode_is_named_by_where_it_starts(tmp_path) -> None:
    path = tmp_path / "broken.json"
    path.write_text(
        '[\n  {"statementID": "e1", "statementType": "entityStatement", "name": "Alpha"},\n'
        '  {"statementID": "e2",\n   "name": "Beta" "statementType": "entityStatement"}\n]\n'
    )
    source, report = Bods(), LoadReport()
    entities = list(source.read(path, report))
    [reject] = report.rejects
    assert (reject.path, reject.line) == ("broken.json", 3)
    assert reject.reason == (
        "element 2 (column 3): invalid JSON: Expecting ',' delimiter (column 19), on line 4"
    )
    assert report.rows_read == 2 and [e.caption for e in entities] == ["Alpha"]
    assert source.incomplete(path, report) == [
        f"broken.json is not one whole JSON array: line 3, {reject.reason}"
    ]


def test_a_lone_surrogate_rejects_its_statement_naming_the_field(tmp_path) -> None:
    path = tmp_path / "surrogate.json"
    path.write_text('[{"statementID": "e1", "statementType": "entityStatement", "name": "Al\\ud800pha"}]')
    _, report, entities = read(path)
    [reject] = report.rejects
    assert (reject.line, reject.field) == (1, "name")
    assert reject.reason == (
        "statement 1 (column 2): holds a lone surrogate (an escape such as \\ud800 that is no character)"
    )
    assert "\\ud800" in reject.raw and entities == []


def test_json_lines_opened_with_a_bracket_are_a_broken_array_named_by_line(tmp_path) -> None:
    """Found by fuzzing: the reject of an array that is not one named no line."""
    entity = '{"statementID": "e%d", "statementType": "entityStatement", "name": "Alpha"}'
    path = tmp_path / "statements.jsonl"
    path.write_text("[" + entity % 1 + "\n" + entity % 2 + "\n")
    source, report = Bods(), LoadReport()
    assert [e.caption for e in source.read(path, report)] == ["Alpha"]
    assert [str(r) for r in report.rejects] == [
        "statements.jsonl, line 2: expected ',' or ']' after element 1, found '{'"
    ]
    assert source.incomplete(path, report)
