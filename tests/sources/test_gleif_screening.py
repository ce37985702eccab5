"""GLEIF end to end: LEI and relationship files loaded with a list, then a subsidiary screened by
its legal name and by its LEI reaches the listed ultimate parent, every step cited to its record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import lookthrough
from lookthrough.cli import app

from ..conftest import FIXTURES

runner = CliRunner()
GLEIF = FIXTURES / "gleif"
# The group on the SDN list, as OFAC lists such parties: its LEI in the entry's remarks.
LISTED = GLEIF / "listed" / "sdn.csv"
GROUP, SUBSIDIARY, VISION = (
    "gleif-30030000000000010143",
    "gleif-30030000000000010240",
    "gleif-30030000000000010628",
)
VISION_LEI = "30030000000000010628"
MEANING = "not a shareholding, percentage unknown"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("LOOKTHROUGH_BUILTIN", "0")
    path = str(tmp_path / "gleif.duckdb")
    for source in (GLEIF / "lei2-golden-copy.csv", GLEIF / "rr-golden-copy.csv", LISTED):
        result = runner.invoke(app, ["update", "--from", str(source), "--db", path])
        assert result.exit_code == 0, result.output
    return path


def rr_line(citation: str) -> str:
    """The RR-CDF record a citation names, as 'file line N'."""
    assert citation.startswith("GLEIF relationship records (RR-CDF golden copy), "), citation
    return citation.split(", ")[1].split(":")[0]


def check_hit(hit: dict, how: str) -> None:
    assert hit["entity_id"] == "us_ofac_sdn-99001" and hit["same_as"] == [GROUP]
    assert [entry["program"] for entry in hit["lists"]] == ["RUSSIA-EO14024"]
    # GLEIF states the ultimate parent in a record of its own: the shortest path is that record.
    child, top = hit["path"]
    assert (child["entity_id"], child["relation"]) == (VISION, how)
    assert (top["entity_id"], top["relation"], top["percent"]) == (GROUP, "subsidiary of", None)
    assert rr_line(top["source"]) == "rr-golden-copy.csv line 9"
    assert "is ultimately consolidated by" in top["source"] and MEANING in top["source"]
    assert (top["evidence"], top["date"], top["dataset"]) == ("company filing", "2020-07-01", "gleif_rr")
    # Consolidation is no stated share: the 50% rule cannot be decided, never read as 0 or 100%.
    aggregate = hit["aggregate"]
    assert hit["rule"] == "ofac_50" and aggregate["outcome"] == "undetermined"
    assert hit["aggregate_percent"] is None and aggregate["percent"] is None
    # The chain child -> direct parent -> ultimate parent, each step its own RR record.
    chain = {(s["held"], s["holder"]): s for s in aggregate["stakes"]}
    assert set(chain) == {(VISION, GROUP), (VISION, SUBSIDIARY), (SUBSIDIARY, GROUP)}
    direct, above = chain[(VISION, SUBSIDIARY)], chain[(SUBSIDIARY, GROUP)]
    assert rr_line(direct["source"]) == "rr-golden-copy.csv line 8"
    assert rr_line(above["source"]) == "rr-golden-copy.csv line 2"
    for step in (direct, above):
        assert "is directly consolidated by (accounting consolidation" in step["source"]
        assert MEANING in step["source"] and step["percent"] is None
    assert (direct["counted"], above["counted"]) == ("may meet the rule (0–100%)", "listed")


def test_the_python_api_reaches_the_listed_parent_by_name_and_by_lei(db: str) -> None:
    model = lookthrough.open(db)
    [by_name] = model.screen("Example Vision Intelligence Co Ltd")
    [by_lei] = model.screen("", codes=[VISION_LEI])
    check_hit(by_name.to_dict(), "matched")
    check_hit(by_lei.to_dict(), "identical")
    assert by_lei.match == "lei_exact" and by_lei.score == 1.0


def test_the_screen_command_reaches_it_from_a_name_column_and_an_lei_column(db: str, tmp_path: Path) -> None:
    holdings = tmp_path / "holdings.csv"
    text = f"holding,lei\nExample Vision Intelligence Co Ltd,\n,{VISION_LEI}\nSony Group Corp,\n"
    holdings.write_text(text)
    output = tmp_path / "hits.jsonl"
    args = ["screen", str(holdings), "-n", "holding", "-i", "lei", "-o", str(output), "--db", db]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in output.read_text().splitlines()]
    assert [r["status"] for r in rows] == ["hit", "hit", "clear"]
    check_hit(rows[0]["hits"][0], "matched")
    check_hit(rows[1]["hits"][0], "identical")


def test_a_branch_reaches_the_parent_of_its_head_office(db: str) -> None:
    """A branch reports only its head office; the path goes on through the office's parent."""
    [hit] = lookthrough.open(db).screen("Example Digital Technology (UK) Branch")
    path = hit.to_dict()["path"]
    assert [s["entity_id"] for s in path] == ["gleif-30030000000000010337", SUBSIDIARY, GROUP]
    branch, office = path[1:]
    assert rr_line(branch["source"]) == "rr-golden-copy.csv line 4"
    assert "international branch of" in branch["source"] and "no shares are held" in branch["source"]
    assert rr_line(office["source"]) == "rr-golden-copy.csv line 2" and MEANING in office["source"]


def test_with_the_related_rule_alone_the_path_is_the_same(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOOKTHROUGH_POLICIES", "related")
    [hit] = lookthrough.open(db).screen("", codes=[VISION_LEI])
    found = hit.to_dict()
    assert found["rule"] == "related" and found["aggregate"] is None
    assert [(s["entity_id"], s["percent"]) for s in found["path"]] == [(VISION, None), (GROUP, None)]
    assert MEANING in found["path"][1]["source"]


def test_explain_says_what_each_step_means(db: str) -> None:
    result = runner.invoke(app, ["explain", "Example Vision Intelligence Co Ltd", "--limit", "1", "--db", db])
    assert result.exit_code == 0, result.output
    [step] = [line.strip() for line in result.output.splitlines() if line.strip().startswith("step: ")]
    group = "示例电子科技集团有限公司"
    assert step.startswith(f"step: {group} [subsidiary of, from 2020-07-01] (company filing; ")
    assert "rr-golden-copy.csv line 9" in step and "ultimately consolidated by" in step and MEANING in step
