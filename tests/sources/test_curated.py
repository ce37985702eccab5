"""The curated dataset shipped in the package, and the loader that refuses uncited data."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from lookthrough.builtin import builtin_path
from lookthrough.catalog import Catalog
from lookthrough.cli import app
from lookthrough.model import Entity, Evidence
from lookthrough.sources.base import LoadReport
from lookthrough.sources.curated import CuratedYaml
from lookthrough.sources.load import load_path, load_source
from lookthrough.store import Store

from ..conftest import FIXTURES, REPO

runner = CliRunner()
BAD = FIXTURES / "curated_bad"
RULE_2019 = "84 FR 54002"
COMPANIES_2019 = (
    "lt-dahua", "lt-hikvision", "lt-iflytek", "lt-megvii",
    "lt-sensetime", "lt-meiya-pico", "lt-yitu", "lt-yixin",
)  # fmt: skip


@pytest.fixture(scope="module")
def shipped() -> tuple[list[Entity], LoadReport]:
    report = LoadReport()
    return list(CuratedYaml().read(builtin_path(), report)), report


@pytest.fixture(scope="module")
def catalog(shipped: tuple[list[Entity], LoadReport]) -> Catalog:
    built = Catalog()
    built.add_entities(shipped[0])
    return built


def test_shipped_dataset_loads_with_zero_rejects(shipped: tuple[list[Entity], LoadReport]) -> None:
    entities, report = shipped
    assert report.rejects == [] and report.warnings == []
    assert report.rows_read > 200 and len(entities) > 100
    ids = [e.id for e in entities]
    assert len(ids) == len(set(ids))


def test_every_record_written_in_the_files_loads(shipped: tuple[list[Entity], LoadReport]) -> None:
    entities, report = shipped
    folder = builtin_path()
    files = yaml.safe_load((folder / "index.yaml").read_text(encoding="utf-8"))["entities"]
    written = [yaml.safe_load((folder / name).read_text(encoding="utf-8")) for name in files]
    records = [record for data in written for record in data.get("entities") or []]
    schemas = Counter(e.schema for e in entities)
    relations = schemas.pop("Ownership", 0) + schemas.pop("UnknownLink", 0)
    assert schemas.pop("Sanction") == sum(len(r.get("listings") or []) for r in records)
    assert sum(schemas.values()) == len(records)
    assert relations == sum(len(data.get("relations") or []) for data in written)
    assert report.rows_rejected == 0


def test_every_statement_is_cited(shipped: tuple[list[Entity], LoadReport]) -> None:
    for entity in shipped[0]:
        for statement in entity.statements:
            assert statement.citation and statement.evidence in Evidence, statement


def test_bad_records_are_refused_with_file_line_and_field() -> None:
    report = LoadReport()
    entities = list(CuratedYaml().read(BAD, report))
    refused = {(r.path, r.line, r.field): r.reason for r in report.rejects}
    assert refused[("entities.yaml", 8, "cite")].startswith("not cited")
    assert "unknown citation 'nowhere'" in refused[("entities.yaml", 9, "cite")]
    assert "not a valid ISIN" in refused[("entities.yaml", 12, "isinCode")]
    assert refused[("entities.yaml", 19, "cite")].startswith("not cited")  # an uncited listing
    assert refused[("entities.yaml", 22, "id")] == "duplicate entity id 'lt-good'"
    assert refused[("entities.yaml", 37, "asset")] == "no entity 'lt-missing' in the dataset"
    assert refused[("entities.yaml", 39, "cite")].startswith("not cited")  # an uncited relation
    assert refused[("citations.yaml", 12, "id")] == "duplicate id 'rule'"
    assert "unknown evidence grade" in refused[("citations.yaml", 18, "evidence")]
    # The good parts of the file still load: rows in = rows used + rows rejected.
    good = next(e for e in entities if e.id == "lt-good")
    assert good.get("name") == ["Good Example Technology Co., Ltd."]
    assert [e.schema for e in entities] == ["Company", "Sanction"]
    assert report.rows_rejected == len(report.rejects) == 12


def test_a_load_of_bad_data_records_the_rejects(store: Store) -> None:
    [result] = load_path(store, BAD)
    assert result.ok and result.snapshot.reject_count == 12
    assert any(r.field == "asset" for r in store.rejects(result.snapshot.id))


def test_a_misspelt_section_stops_the_load(store: Store, tmp_path: Path) -> None:
    copy = tmp_path / "curated"
    shutil.copytree(BAD, copy)
    text = (copy / "entities.yaml").read_text().replace("relations:", "relation:")
    (copy / "entities.yaml").write_text(text)
    result = load_source(store, CuratedYaml, copy)
    assert not result.ok and "entities.yaml" in (result.snapshot.error or "")
    assert "field 'relation'" in (result.snapshot.error or "")


@pytest.mark.parametrize("key", ["entities", "citations"])
def test_an_index_naming_a_missing_file_stops_the_load(store: Store, tmp_path: Path, key: str) -> None:
    # Found by a five-minute fuzz run: FileNotFoundError came out of the adapter.
    copy = tmp_path / "curated"
    shutil.copytree(BAD, copy)
    index = (copy / "index.yaml").read_text()
    (copy / "index.yaml").write_text(index.replace(f"{key}.yaml", "gone.yaml"))
    result = load_source(store, CuratedYaml, copy)
    error = result.snapshot.error or ""
    assert not result.ok and "index.yaml, line" in error and f"field '{key}'" in error
    assert "'gone.yaml', which is no file beside it" in error


def test_detects_the_folder_and_its_index_only(tmp_path: Path) -> None:
    assert CuratedYaml.detect(builtin_path()) and CuratedYaml.detect(builtin_path() / "index.yaml")
    assert not CuratedYaml.detect(builtin_path() / "citations.yaml")
    (tmp_path / "index.yaml").write_text("dataset: something_else\n")
    assert not CuratedYaml.detect(tmp_path)


def test_reloads_when_a_file_changes(store: Store, tmp_path: Path) -> None:
    copy = tmp_path / "curated"
    shutil.copytree(builtin_path(), copy)
    first = load_source(store, CuratedYaml, copy)
    assert first.ok and load_source(store, CuratedYaml, copy).unchanged
    assert load_source(store, CuratedYaml, copy / "index.yaml").unchanged  # the same files either way
    with (copy / "telecom_889.yaml").open("a", encoding="utf-8") as handle:
        handle.write("\n# a reviewed edit\n")
    again = load_source(store, CuratedYaml, copy)
    assert again.ok and not again.unchanged and again.snapshot.id != first.snapshot.id


def listings_of(catalog: Catalog, entity_id: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for entry in catalog.parties[entity_id].listings:
        found.setdefault(entry.list, []).append(entry.source.citation)
    return found


@pytest.mark.parametrize("entity_id", [*COMPANIES_2019, "lt-xuar-psb"])
def test_covers_the_2019_rule_with_an_official_citation(catalog: Catalog, entity_id: str) -> None:
    party = catalog.parties[entity_id]
    entries = [e for e in party.listings if e.list.startswith("Entity List")]
    assert entries and entries[0].since == "2019-10-09"
    assert RULE_2019 in entries[0].source.citation and entries[0].source.evidence is Evidence.OFFICIAL


@pytest.mark.parametrize("entity_id", ["lt-huawei", "lt-zte", "lt-hytera", "lt-hikvision", "lt-dahua"])
def test_covers_the_889_and_fcc_makers(catalog: Catalog, entity_id: str) -> None:
    found = listings_of(catalog, entity_id)
    assert "NDAA FY2019 Section 889" in found and "FCC Covered List" in found
    assert all("Public Law 115-232" in c for c in found["NDAA FY2019 Section 889"])


def test_cetc_is_on_ns_cmic_and_1260h_with_its_uscc(catalog: Catalog) -> None:
    found = listings_of(catalog, "lt-cetc")
    assert "DoD Section 1260H list" in found
    assert "Non-SDN Chinese Military-Industrial Complex Companies List (NS-CMIC)" in found
    assert ("uscc", "91110000710929498G") in {(c.kind, c.value) for c in catalog.parties["lt-cetc"].codes}


def test_evidence_grades_are_kept_apart(catalog: Catalog) -> None:
    owners = {(e.source_id, e.percent): e for e in catalog.inbound["lt-hikvision"]}
    assert owners[("lt-cetc", 42.0)].source.evidence is Evidence.REPORTED
    assert owners[("lt-cetc-hik-group", 36.4808)].source.evidence is Evidence.FILING
    assert owners[("lt-cetc", None)].source.evidence is Evidence.OFFICIAL  # the 1260H parent name
    names = {n.value: n.source.evidence for n in catalog.parties["lt-hikvision"].names}
    assert names["杭州海康威视数字技术股份有限公司"] is Evidence.FILING
    assert names["HIKVISION"] is Evidence.OFFICIAL
    assert names["Hangzhou Hikvision Digital Technology Company"] is Evidence.OFFICIAL
    assert catalog.parties["lt-yixin"].names[0].source.evidence is Evidence.REPORTED
    grades = Counter(e.source.evidence for p in catalog.parties.values() for e in p.listings)
    assert set(grades) == {Evidence.OFFICIAL}


def test_shares_ofac_codes_so_the_entries_cluster(store: Store, shared_data: Path) -> None:
    load_source(store, CuratedYaml, builtin_path())
    load_path(store, shared_data / "ofac" / "non_sdn_consolidated_2025-12")
    catalog = Catalog.build(store.current_statements())
    for curated, ofac in (
        ("lt-hikvision", 30946),
        ("lt-cetc", 30936),
        ("lt-meiya-pico", 33896),
        ("lt-leon-technology", 33894),
    ):
        assert f"us_ofac_cons-{ofac}" in catalog.cluster(curated)


@pytest.mark.parametrize("name", ["海康威视", "Hangzhou Hikvision Digital Technology"])
def test_explain_reaches_hikvision_through_the_shipped_names(tmp_path: Path, name: str) -> None:
    result = runner.invoke(app, ["explain", name, "--json", "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 0, result.output
    best = json.loads(result.output)["candidates"][0]
    assert best["entity_id"] == "lt-hikvision" and best["hits"]


def test_screen_example_holdings_on_a_fresh_database(tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    args = ["screen", str(REPO / "examples" / "holdings.csv"), "--name-column", "holding",
            "--id-column", "isin", "-o", str(output), "--db", str(tmp_path / "fresh.duckdb")]  # fmt: skip
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    rows = {r["input"]["holding"]: r for r in map(json.loads, output.read_text().splitlines())}
    flagged = {h: {hit["entity_id"] for hit in r["hits"]} for h, r in rows.items() if r["status"] == "hit"}
    assert flagged["HANGZHOU HIKVISION DIGITAL-A"] == {"lt-hikvision"}
    assert flagged["ZHEJIANG DAHUA TECHNOLOGY-A"] == {"lt-dahua"}
    assert flagged["XIAMEN MEIYA PICO INFORMATI-A"] == {"lt-meiya-pico"}
    assert flagged["SENSETIME GROUP INC"] == {"lt-sensetime"}
    assert flagged["CHINA ELECTRONICS TECHNOLOGY GROUP CORP"] == {"lt-cetc"}
    for clear in ("SONY GROUP CORP", "TOYOTA MOTOR CORP", "APPLE INC", "NESTLE SA-REG", "ASML HOLDING NV"):
        assert rows[clear]["status"] == "clear"


@pytest.mark.parametrize(
    ("holding", "listed", "path"),
    [
        ("中电科芯片技术股份有限公司", "lt-cetc", ["lt-cetc-chips", "lt-cetc"]),  # filing: actual controller
        ("CETC Potevio Science & Technology Co., Ltd. Class A", "lt-cetc", ["lt-cetc-potevio", "lt-cetc"]),
        ("国睿科技股份有限公司", "lt-cetc-14th-institute", ["lt-glarun", "lt-cetc-14th-institute"]),
        ("烽火通信科技股份有限公司", "lt-fiberhome", ["lt-fiberhome-telecom", "lt-fiberhome"]),
    ],
)
def test_a_holding_in_a_listed_subsidiary_is_a_look_through_hit(
    holding: str, listed: str, path: list[str]
) -> None:
    from lookthrough.workspace import Workspace

    hits = Workspace(":memory:", builtin=True).screener().screen(holding)
    found = {h.entity_id: [s.entity_id for s in h.path] for h in hits}
    assert found.get(listed) == path, found


def test_cetc_subsidiaries_cite_filings_and_the_1260h_lists(catalog: Catalog) -> None:
    edges = {(e.source_id, e.source.evidence) for e in catalog.inbound["lt-cetc-chips"]}
    assert edges == {("lt-cetc", Evidence.FILING)}
    for entity_id in ("lt-cetc-cyberspace", "lt-cetc-digital", "lt-cetc-potevio", "lt-phenix-optical"):
        assert "DoD Section 1260H list" in listings_of(catalog, entity_id), entity_id
    assert not catalog.parties["lt-glarun"].listings  # on the 2025 list, not on that of 2026


# Chinese names (issue 13, "Curated data"): each cited, legal and short, simplified and traditional.
S2HK = "traditional form derived with OpenCC (s2hk)"
T2S = "simplified form derived with OpenCC (t2s)"


@pytest.mark.parametrize(
    ("entity_id", "name", "evidence", "cited"),
    [
        ("lt-megvii", "旷视科技有限公司", Evidence.FILING, "招股说明书"),
        ("lt-megvii", "旷视科技", Evidence.REPORTED, "机器之心"),
        ("lt-sensetime", "商汤集团股份有限公司", Evidence.FILING, "Application Proof"),
        ("lt-sensetime", "商湯集團股份有限公司", Evidence.FILING, "Annual Report 2022"),
        ("lt-sensetime", "商汤科技", Evidence.REPORTED, "侨报网"),
        ("lt-yitu", "依图科技", Evidence.REPORTED, "机器之心"),
        ("lt-yitu-limited", "依图科技有限公司", Evidence.REPORTED, "企业上市法商研究院"),
        ("lt-yixin", "颐信科技有限公司", Evidence.REPORTED, "侨报网"),
        ("lt-huawei", "华为技术有限公司", Evidence.REPORTED, "Wikipedia"),
        ("lt-huawei", "華為技術有限公司", Evidence.REPORTED, "Wikipedia"),
        ("lt-huawei-holding", "华为投资控股有限公司", Evidence.REPORTED, "21世纪经济报道"),
        ("lt-zte", "中興通訊股份有限公司", Evidence.FILING, "202505"),
        ("lt-cloudwalk", "云从科技集团股份有限公司", Evidence.FILING, "688327"),
        ("lt-netposa", "东方网力科技股份有限公司", Evidence.FILING, "300367"),
        ("lt-leon-technology", "立昂技术股份有限公司", Evidence.FILING, "300603"),
        ("lt-xinjiang-sailing", "新疆熙菱信息技术股份有限公司", Evidence.FILING, "300588"),
        ("lt-beijing-geling-shentong", "北京格灵深瞳信息技术股份有限公司", Evidence.FILING, "688207"),
        ("lt-suzhou-keda", "苏州科达科技股份有限公司", Evidence.FILING, "603660"),
        ("lt-mps-institute-forensic-science", "公安部物证鉴定中心", Evidence.REPORTED, "FiveBy"),
        ("lt-xinjiang-tangli", "湯立科技", Evidence.REPORTED, "BusinessFocus"),
        ("lt-fiberhome", "烽火科技集团有限公司", Evidence.FILING, "600498"),
    ],
)
def test_curated_companies_carry_cited_chinese_names(
    catalog: Catalog, entity_id: str, name: str, evidence: Evidence, cited: str
) -> None:
    names = {n.value: n.source for n in catalog.parties[entity_id].names}
    assert name in names, sorted(names)
    assert names[name].evidence is evidence and cited in names[name].citation, names[name]


def test_derived_character_forms_say_so_and_are_what_opencc_gives(
    shipped: tuple[list[Entity], LoadReport],
) -> None:
    import opencc

    convert = {S2HK: opencc.OpenCC("s2hk").convert, T2S: opencc.OpenCC("t2s").convert}
    derived = 0
    for entity in shipped[0]:
        chinese = [s for s in entity.statements if s.lang == "zho"]
        for statement in chinese:
            how = next((h for h in convert if h in statement.citation), None)
            if how is None:
                continue
            derived += 1
            # The form rests on a name the same document gives in the other script.
            document = statement.citation.split(f"; {how}")[0]
            sources = {s.value for s in chinese if s.citation == document}
            assert statement.value in {convert[how](v) for v in sources}, statement
            assert statement.value not in sources
    assert derived > 50


def test_documented_traditional_forms_agree_with_the_converter(catalog: Catalog) -> None:
    import opencc

    s2hk = opencc.OpenCC("s2hk").convert
    # The companies' own Hong Kong filings: SenseTime's annual report, ZTE's H-share announcement.
    for entity_id, simplified, traditional in (
        ("lt-sensetime", "商汤集团股份有限公司", "商湯集團股份有限公司"),
        ("lt-zte", "中兴通讯股份有限公司", "中興通訊股份有限公司"),
    ):
        names = {n.value: n.source for n in catalog.parties[entity_id].names}
        assert S2HK not in names[traditional].citation  # a filing shows it; not derived
        assert s2hk(simplified) == traditional


def test_leon_is_on_ns_cmic_with_its_ofac_codes(catalog: Catalog) -> None:
    found = listings_of(catalog, "lt-leon-technology")
    assert "Non-SDN Chinese Military-Industrial Complex Companies List (NS-CMIC)" in found
    codes = {(c.kind, c.value) for c in catalog.parties["lt-leon-technology"].codes}
    assert ("uscc", "916501002999341738") in codes and ("isin", "CNE100002Q17") in codes


@pytest.fixture(scope="module")
def screener():
    from lookthrough.workspace import Workspace

    return Workspace(":memory:", builtin=True).screener()


@pytest.mark.parametrize(
    ("holding", "listed"),
    [
        ("旷视科技", "lt-megvii"),
        ("曠視科技有限公司", "lt-megvii"),
        ("商汤科技", "lt-sensetime"),
        ("商湯集團股份有限公司", "lt-sensetime"),
        ("依图科技", "lt-yitu"),
        ("颐信科技", "lt-yixin"),
        ("华为技术有限公司", "lt-huawei"),
        ("華為技術有限公司", "lt-huawei"),
        ("华为投资控股有限公司", "lt-huawei-holding"),
        ("中興通訊股份有限公司", "lt-zte"),
        ("云从科技", "lt-cloudwalk"),
        ("东方网力", "lt-netposa"),
        ("立昂技术", "lt-leon-technology"),
        ("新疆熙菱信息技术股份有限公司", "lt-xinjiang-sailing"),
        ("格灵深瞳", "lt-beijing-geling-shentong"),
        ("苏州科达科技股份有限公司", "lt-suzhou-keda"),
        ("公安部物证鉴定中心", "lt-mps-institute-forensic-science"),
        ("美亚柏科", "lt-meiya-pico"),
    ],
)
def test_screening_a_chinese_name_hits_the_curated_party(screener, holding: str, listed: str) -> None:
    hits = screener.screen(holding)
    direct = {h.entity_id: h.score for h in hits if h.rule == "listed"}
    # The party is hit for its own listing, and nothing ranks above it.
    assert listed in direct and direct[listed] == max(h.score for h in hits), hits
