"""The scale benchmark at a tiny size: the generator writes a list every adapter step accepts,
and the pipeline (load, build, one-row screen, single queries, report) runs end to end."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from bench.ftm_generate import Written, generate
from bench.ftm_pools import Pools, build_pools, roles
from bench.paths import CONS
from bench.scale import SMOKE, run
from bench.scale_report import report
from bench.scale_stats import name_stats

VENDORS = ["Hangzhou Hikvision Digital Technology Co.,Ltd.", "Apple, Inc.", "Cisco Systems, Inc",
           "Shenzhen Bilian Electronic Co.，Ltd", "Samsung Electronics Co.,Ltd"]  # fmt: skip


@cache
def _pools(shared: Path) -> Pools:
    return build_pools([shared / CONS], VENDORS)


def test_person_names_split_into_given_and_family_names() -> None:
    assert roles("Person", ["LOYA", "PLANCARTE", "Dionicio"], "LOYA PLANCARTE, Dionicio") == [
        "family", "family", "given"
    ]  # fmt: skip
    assert roles("Person", ["Lyubov", "Mikhailovna", "KABAEVA"], "Lyubov Mikhailovna KABAEVA") == [
        "given", "given", "family"
    ]  # fmt: skip
    assert roles("Organization", ["JSC", "SME", "BANK", "2"], "JSC SME BANK 2") == [
        "keep",
        "org",
        "org",
        "number",
    ]


def test_the_generator_writes_the_names_asked_for_deterministically(
    shared_data: Path, tmp_path: Path
) -> None:
    pools = _pools(shared_data)
    first = generate(tmp_path / "a.ftm.json", 3000, pools, seed=3, keep_names=True)
    second = generate(tmp_path / "b.ftm.json", 3000, pools, seed=3)
    assert first.names == 3000 == second.names == sum(len(p) for p in first.by_party)
    assert (tmp_path / "a.ftm.json").read_bytes() == (tmp_path / "b.ftm.json").read_bytes()
    assert first.parties < first.entities  # listings and links beside the parties
    real = name_stats([[text for _, text in t.names] for t in pools.templates])
    made = name_stats(first.by_party)
    assert abs(made.words_per_name - real.words_per_name) < 0.25 * real.words_per_name
    assert abs(made.names_per_party - real.names_per_party) < 0.35 * real.names_per_party
    listed = {name for t in pools.templates for _, name in t.names}
    assert sum(name in listed for party in first.by_party for name in party) < 0.05 * first.names


def test_the_scale_pipeline_runs_end_to_end(shared_data: Path, tmp_path: Path) -> None:
    figures = run(SMOKE, tmp_path, _pools(shared_data))
    written = figures.written
    assert isinstance(written, Written) and written.names == SMOKE.names
    assert f"entities {written.entities}," in figures.load_output and "rejected 0" in figures.load_output
    for key in ("load_s", "build_s", "model_mb", "one_row_s", "p50_ms", "p99_ms", "rss_after_mb"):
        assert figures.median(key) > 0, key
    assert 0 < figures.median("hits") <= SMOKE.queries
    text = report(SMOKE, figures, (1.0, 1.0, 1.0), (1.0, 1.0, 1.0))
    assert "| single query p99 |" in text and "Heaps' law" in text


@pytest.fixture(autouse=True)
def _builtin_off(monkeypatch: pytest.MonkeyPatch) -> None:
    # The commands run in fresh processes with the user's settings; the built-in data is left out.
    monkeypatch.setenv("LOOKTHROUGH_BUILTIN", "0")
