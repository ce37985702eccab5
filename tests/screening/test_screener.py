"""Screening against the real NS-CMIC list: codes and names reach the listed party."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lookthrough.catalog import Catalog
from lookthrough.matching.matcher import Matcher
from lookthrough.screening.reader import open_table
from lookthrough.screening.result import Status
from lookthrough.screening.screener import Screener, Tally
from lookthrough.screening.table import screen_table
from lookthrough.sources.load import load_path


@pytest.fixture
def screener(store, shared_data: Path) -> Screener:
    load_path(store, shared_data / "ofac" / "non_sdn_consolidated_2025-12")
    catalog = Catalog.build(store.current_statements())
    return Screener(catalog, Matcher.build(catalog, "name_v2"))


def test_hikvision_by_name_and_isin_reports_ns_cmic_with_citation(screener: Screener) -> None:
    [hit] = screener.screen("HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO LTD", [("isin", "CNE100000PM8")])
    assert hit.entity_id == "us_ofac_cons-30946"
    assert hit.score == 1.0
    [listing] = hit.lists
    assert listing.program == "CMIC-EO13959"
    assert "NS-CMIC" in listing.list
    assert listing.citation.startswith("OFAC Consolidated (non-SDN) Sanctions List, cons_prim.csv line")
    assert listing.evidence == "official listing"
    assert hit.path[0].entity_id == hit.entity_id and hit.sources


def test_isin_alone_is_a_hit(screener: Screener) -> None:
    [hit] = screener.screen(None, [("isin", "CNE100000PM8")])
    assert hit.match == "isin_exact"
    assert any(f.name == "isin_match" for f in hit.features)


def test_sony_is_clear(screener: Screener) -> None:
    assert screener.screen("Sony Group Corp", [("isin", "JP3435000009")]) == []


def test_generic_words_alone_never_hit(screener: Screener) -> None:
    assert screener.screen("Technology Co Ltd") == []


def test_table_screening_counts_every_row(screener: Screener, tmp_path: Path) -> None:
    path = tmp_path / "holdings.csv"
    path.write_text(
        "name,isin\n"
        "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO LTD,CNE100000PM8\n"
        "Sony Group Corp,JP3435000009\n"
        ",\n"
        "broken,row,with,extra\n"
        ",JP3633400001\n"
    )
    tally = Tally()
    results = list(screen_table(screener, open_table(path), "name", ["isin"], tally))
    assert [r.status for r in results] == [Status.HIT, Status.CLEAR, Status.CLEAR]
    assert tally.rows_in == 4 and tally.rows_out == 3 and tally.rejected == 1
    assert tally.rejects[0].line == 5 and "expected 2 fields, found 4" in tally.rejects[0].reason


def test_row_without_name_or_code_is_an_error(screener: Screener, tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text("name,isin\n  ,not-a-code\n")
    tally = Tally()
    [result] = screen_table(screener, open_table(path), "name", ["isin"], tally)
    assert result.status is Status.ERROR
    assert result.error == "line 2: field 'name' and 'isin' empty"
    assert tally.error == 1 and tally.rows_out == 1


def _screener(world) -> Screener:
    catalog = world.catalog()
    return Screener(catalog, Matcher.build(catalog, "name_v2"))


def test_unlisted_subsidiary_is_a_look_through_hit_with_the_path() -> None:
    from tests.graph.builders import World

    w = World()
    w.listed("x", program="SDGT").add("name", "Blocked Holdings Group")
    w.company("h", "Meridian Sixty Trading Ltd")
    w.owns("x", "h", 60)
    [hit] = _screener(w).screen("Meridian Sixty Trading Ltd")
    assert (hit.entity_id, hit.rule, hit.aggregate_percent) == ("x", "ofac_50", 60)
    assert [(s.entity_id, s.percent) for s in hit.path] == [("h", None), ("x", 60)]
    assert hit.path[0].relation in ("matched", "identical") and hit.path[1].relation == "owned by"
    assert hit.path[1].evidence == "company filing" and hit.path[1].source in hit.sources
    assert hit.basis and "FAQ" in hit.basis
    assert hit.to_dict()["aggregate"]["outcome"] == "met"
    # The JSON written for every row (shared parts encoded once per party) says the same.
    assert json.loads(hit.to_json()) == json.loads(json.dumps(hit.to_dict()))


def test_listed_party_keeps_its_direct_hit_and_gains_its_owner_once() -> None:
    from tests.graph.builders import World

    w = World()
    w.listed("x").add("name", "Blocked Holdings Group")
    w.listed("e").add("name", "Meridian Sixty Trading Ltd")
    w.owns("x", "e", 75)
    hits = _screener(w).screen("Meridian Sixty Trading Ltd")
    assert sorted((h.entity_id, h.rule) for h in hits) == [("e", "listed"), ("x", "ofac_50")]


def test_forked_workers_give_the_serial_answer_in_order(screener: Screener, tmp_path: Path) -> None:
    names = ["HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO LTD", "Sony Group Corp", "Megvii Technology", "Acme"]
    lines = ["name,isin"]
    for i in range(700):  # several chunks of work, with a broken row now and then
        name = f"{names[i % 4]} {i % 7 or ''}"
        lines.append(f"{name},,extra" if i % 97 == 5 else f"{name},")
    path = tmp_path / "many.csv"
    path.write_text("\n".join(lines) + "\n")

    def run(workers: int) -> tuple[list[tuple[int, str, list[str]]], Tally]:
        tally = Tally()
        rows = screen_table(screener, open_table(path), "name", ["isin"], tally, workers=workers)
        return [(r.row, r.status.value, [h.entity_id for h in r.hits]) for r in rows], tally

    serial, serial_tally = run(1)
    forked, forked_tally = run(2)
    assert forked == serial
    assert forked_tally.rows_in == 700 == forked_tally.rows_out + forked_tally.rejected
    assert forked_tally.rejected == serial_tally.rejected == 8
    assert sum(1 for _, status, _ in forked if status == "hit") > 100


def test_one_party_on_two_sources_is_one_hit_with_each_listing_once(store, shared_data: Path) -> None:
    from lookthrough.builtin import ensure_builtin

    ensure_builtin(store)
    load_path(store, shared_data / "ofac" / "non_sdn_consolidated_2025-12")
    catalog = Catalog.build(store.current_statements())
    screener = Screener(catalog, Matcher.build(catalog, "name_v2"))
    # SenseTime: no ISIN on either entry; the same registration number under the same name.
    [hit] = screener.screen("SENSETIME GROUP INC-CL B")
    assert {hit.entity_id, *hit.same_as} == {"lt-sensetime", "us_ofac_cons-33114"}
    programs = [(entry.list, entry.program) for entry in hit.lists]
    assert len(programs) == len(set(programs))
    [ns_cmic] = [entry for entry in hit.lists if entry.program == "CMIC-EO13959"]
    assert ns_cmic.since == "2021-12-10"
    cited = " ".join(hit.sources)
    assert "cons_prim.csv" in cited and "Department of Defense" in cited
