"""The benchmark harness: builders give the documented counts, metrics compute what a hand count gives."""

from __future__ import annotations

import math
import random
from collections import Counter
from functools import cache

import pytest

from bench import metrics, perturb
from bench.cases import ListedName, Query
from bench.holdout import alias_kind, build_holdout
from bench.listed import exclusion_names
from bench.negatives import brand_of, build_negatives
from bench.ofac import sdn_names
from bench.outcome import Outcome
from bench.perturbed import PER_KIND, build_perturbations
from bench.text import core_key, key, tokens


@cache
def _names() -> list[ListedName]:
    return sdn_names()


@cache
def _holdout() -> tuple[list[ListedName], list[Query]]:
    return build_holdout(_names())


@pytest.mark.shared_data
def test_sdn_names_match_the_issue(shared_data):
    names = _names()
    assert len(names) == 32_612
    assert len({n.entity_id for n in names}) == 14_965


@pytest.mark.shared_data
def test_holdout_masks_2000_aliases(shared_data):
    kept, queries = _holdout()
    assert len(queries) == 2000
    assert {q.kind for q in queries} == {"variant", "unrelated"}
    masked = {(q.target, key(q.text)) for q in queries}
    assert not any((n.entity_id, key(n.name)) in masked for n in kept)
    assert build_holdout(_names())[1] == queries  # fixed seed


@pytest.mark.shared_data
def test_perturbations_fill_every_kind(shared_data):
    kept, _ = _holdout()
    queries = build_perturbations(kept)
    assert Counter(q.kind for q in queries) == {k: PER_KIND for k in Counter(q.kind for q in queries)}
    assert len(queries) == 7 * PER_KIND
    assert not {key(q.text) for q in queries} & {key(n.name) for n in kept}


@pytest.mark.shared_data
def test_negatives_are_5000_unlisted_vendors(shared_data, tmp_path):
    listed = exclusion_names([n.name for n in _names()])
    dropped = tmp_path / "dropped.csv"
    negatives = build_negatives(listed, dropped_to=dropped)
    assert len(negatives) == len(set(negatives)) == 5000
    listed_keys = {core_key(n) for n in listed}
    assert not any(core_key(n) in listed_keys or brand_of(n) for n in negatives)
    assert "Hangzhou Hikvision Digital Technology Co.,Ltd." in dropped.read_text(encoding="utf-8")


def test_tokens_are_simple_and_script_blind():
    assert tokens("Hangzhou HIKVISION Digital-Technology Co., Ltd.") == (
        "hangzhou", "hikvision", "digital", "technology", "co", "ltd",
    )  # fmt: skip
    assert tokens("Ｓｅｎｓｅ Time") == ("sense", "time")
    assert core_key("ACME CO., LTD.") == core_key("Acme Limited") == "acme"


@pytest.mark.parametrize(
    ("alias", "others", "kind"),
    [
        ("BANK MELLI", ["BANK MELLI IRAN"], "variant"),  # shares 2 of 2 tokens
        ("AERO-CARIBBEAN", ["AEROCARIBBEAN"], "variant"),  # trigram Jaccard >= 0.5
        ("NATIONAL BANK OF CUBA", ["BANCO NACIONAL DE CUBA"], "unrelated"),
    ],
)
def test_alias_kind(alias, others, kind):
    names = [ListedName("e", o, "name", "Organization") for o in others]
    assert alias_kind(alias, names) == kind


@pytest.mark.parametrize(
    ("edit", "name", "expected"),
    [
        (perturb.legal_form_drop, "TRILIANCE PETROCHEMICAL CO. LTD.", "TRILIANCE PETROCHEMICAL"),
        (perturb.legal_form_drop, "KORDEX AO", "KORDEX"),
        (perturb.legal_form_drop, "BANCO NACIONAL DE CUBA", None),
        (perturb.join_words, "SENSE TIME", "SENSETIME"),
        (perturb.abbreviation, "ACME TECHNOLOGY", "ACME TECH"),
    ],
)
def test_perturbations(edit, name, expected):
    assert edit(name, random.Random(0)) == expected


def test_legal_form_swap_keeps_the_form_equivalent():
    swapped = perturb.legal_form_swap("SKYPARTS LLC", random.Random(1))
    assert swapped is not None and swapped.rsplit(" ", 3)[-1] in ("L.L.C.", "OOO", "COMPANY")


def _example() -> tuple[list[Query], list[Outcome]]:
    queries = [Query(f"p{i}", f"e{i}", "holdout", "variant") for i in range(4)]
    queries += [Query(f"n{i}", None, "negative", "oui") for i in range(4)]
    outcomes = [
        Outcome("e0", 0.95, 0.95),  # hit at any threshold up to 0.95
        Outcome("e1", 0.75, 0.75),  # hit up to 0.75
        Outcome("x", 0.90, 0.40),  # wrong entry first: never a hit
        Outcome(None, 0.0),  # nothing found
        Outcome("x", 0.85), Outcome("x", 0.70), Outcome("x", 0.30), Outcome(None, 0.0),
    ]  # fmt: skip
    return queries, outcomes


def test_metrics_on_a_hand_checked_example():
    queries, outcomes = _example()
    at = metrics.point(queries, outcomes, 0.80)
    assert at.recall["holdout"] == 0.25 and at.false_alerts == 0.25
    at = metrics.point(queries, outcomes, 0.70)
    assert at.recall["holdout:variant"] == 0.5 and at.false_alerts == 0.5
    positions = metrics.groups(queries)["holdout"]
    assert metrics.candidate_recall(queries, outcomes, positions) == 0.75
    assert math.isnan(metrics.recall(queries, outcomes, [], 0.5))


def test_threshold_for_a_false_alert_rate():
    queries, outcomes = _example()
    negatives = [o.top_score for o in outcomes[4:]]
    assert metrics.threshold_for_rate(negatives, 0.25) == 0.7001  # only 0.85 still alerts
    assert metrics.threshold_for_rate(negatives, 0.0) == 0.8501
    rates = metrics.at_rates(queries, outcomes, (0.25,))
    assert rates[0.25].recall["holdout"] == 0.5 and rates[0.25].false_alerts == 0.25


def test_api_cpu_bench_runs_requests_through_the_app(capsys, monkeypatch, tmp_path):
    """The in-process /match bench: one short round, every request answered 200."""
    from bench import api_cpu

    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    monkeypatch.setattr("sys.argv", ["api_cpu", "--rounds", "1", "--per-round", "1"])
    api_cpu.main()
    assert "CPU per request: median" in capsys.readouterr().out


def test_match_batch_bench_prints_a_row_per_batch_size(capsys, monkeypatch, tmp_path):
    """The batch-size bench over the built-in data: one short round, one row per size."""
    from bench import match_batch

    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    monkeypatch.setattr("sys.argv", ["match_batch", "--rounds", "1", "--passes", "1"])
    match_batch.main()
    rows = [line for line in capsys.readouterr().out.splitlines() if " ms | " in line]
    assert [int(row.split(" | ")[0]) for row in rows] == list(match_batch.SIZES)
    assert rows[0].endswith("| 1.00")
