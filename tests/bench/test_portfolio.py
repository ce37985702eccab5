"""The real-portfolio benchmark: fund files and labels agree, hits are judged as the labels say,
and the smoke run screens a few dozen rows through the public screening interface."""

from __future__ import annotations

from collections import Counter
from functools import cache

import pytest

from bench import portfolio, portfolio_report
from bench.portfolio_data import FUNDS, Label, read_fund, read_labels, split_of
from bench.portfolio_metrics import Figures, judge
from lookthrough.screening.result import Hit, Step


@cache
def _labels() -> dict[tuple[str, int], Label]:
    return read_labels()


def test_fund_files_number_their_rows_in_order() -> None:
    for fund in FUNDS:
        rows = read_fund(fund)
        assert [h.row for h in rows] == list(range(1, len(rows) + 1))
        assert all(h.value(fund.name) for h in rows), fund.key
    assert {f.key: len(read_fund(f)) for f in FUNDS} == {"vwo-2025-11": 6012, "iemg-2020-03": 2509}


def test_every_label_names_a_row_of_its_fund_and_a_reason() -> None:
    names = {(f.key, h.row): h.value(f.name) for f in FUNDS for h in read_fund(f)}
    for key, label in _labels().items():
        assert names[key] == label.name, key
        assert label.reason, key
        assert label.split == split_of(label.name), key
        if label.label in ("a", "b"):
            assert label.source, key


def test_the_held_out_part_is_about_a_third_and_keeps_one_name_on_one_side() -> None:
    sides = Counter(split_of(h.value(f.name)) for f in FUNDS for h in read_fund(f))
    assert 0.25 < sides["heldout"] / sum(sides.values()) < 0.35
    assert split_of("Mechel PJSC") == split_of("  mechel   pjsc ")


def test_labels_cover_the_issue_cases() -> None:
    labels = _labels()
    assert labels[("vwo-2025-11", 5133)].controllers == ("lt-cetc",)  # CETC Chips
    assert labels[("vwo-2025-11", 4993)].entity_ids == ("lt-cetc-digital",)
    assert labels[("vwo-2025-11", 62)].label == "c"  # PetroChina is not PETRO CHINA PARS
    assert labels[("iemg-2020-03", 439)].entity_ids == ("us_ofac_sdn-34644",)  # AK ALROSA
    assert Counter(label.label for label in labels.values())["a"] >= 70


def _hit(entity_id: str, rule: str, path: list[str]) -> Hit:
    steps = [Step(p, p, "matched" if i == 0 else "subsidiary of", None, None) for i, p in enumerate(path)]
    return Hit(entity_id, entity_id, 0.9, path[0], "name_v1", rule, [], steps, [])


def _label(label: str, ids: tuple[str, ...] = (), controllers: tuple[str, ...] = ()) -> Label:
    return Label("f", 1, "x", label, ids, controllers, "", "", "", "fit")


@pytest.mark.parametrize(
    ("label", "hit", "verdict"),
    [
        (_label("a", ("A",)), _hit("A", "listed", ["A"]), "true"),
        (_label("a", ("A",)), _hit("B", "listed", ["B"]), "false"),
        (_label("a", ("A",)), _hit("OWNER", "related", ["A", "OWNER"]), "true"),  # the issuer's owner
        (_label("b", (), ("P",)), _hit("P", "related", ["SUB", "P"]), "true"),
        (
            _label("b", (), ("P",)),
            _hit("P", "related", ["SIBLING", "P"]),
            "false",
        ),  # matched another listed party
        (_label("c"), _hit("A", "listed", ["A"]), "false"),
        (_label("u"), _hit("A", "listed", ["A"]), "unjudged"),
    ],
)
def test_judge(label: Label, hit: Hit, verdict: str) -> None:
    listed = {"A", "B", "SIBLING", "P", "OWNER"}
    outcome = judge(label, [hit], lambda i: i, lambda i: i in listed)
    assert [h.verdict for h in outcome.hits] == [verdict]


def test_figures_on_a_hand_counted_example() -> None:
    figures = Figures()
    listed = {"A", "B"}
    figures.add(judge(_label("a", ("A",)), [_hit("A", "listed", ["A"]), _hit("B", "listed", ["B"])],
                      lambda i: i, lambda i: i in listed))  # fmt: skip
    figures.add(judge(_label("c"), [_hit("B", "listed", ["B"])], lambda i: i, lambda i: i in listed))
    figures.add(judge(_label("a", ("B",)), [], lambda i: i, lambda i: i in listed))
    assert (figures.count("true"), figures.count("false")) == (1, 2)
    assert figures.precision() == pytest.approx(1 / 3)
    assert (figures.listed, figures.listed_found) == (2, 1)
    assert (figures.rows_right, figures.rows_wrong_only) == (1, 1)
    assert figures.false_per_1000() == pytest.approx(2000 / 3)


@pytest.mark.shared_data
def test_smoke_run_screens_and_judges(shared_data) -> None:
    result = portfolio.run(smoke=True)
    by_row = {(o.label.fund, o.label.row): o for o in result.outcomes}
    assert 40 <= len(result.outcomes) <= 150
    digital = by_row[("vwo-2025-11", 4993)]  # CETC Digital: listed itself, and CETC behind it
    assert digital.found_listed and any(
        h.entity_id == "lt-cetc" and h.verdict == "true" for h in digital.hits
    )
    assert by_row[("vwo-2025-11", 5421)].found_controller  # EZVIZ -> Hikvision
    assert all(h.verdict != "true" for o in result.outcomes if o.label.label == "c" for h in o.hits)
    text = portfolio_report.render(result)
    assert "## Held-out part" in text and "## Misses" in text and "python -m bench.portfolio --smoke" in text
