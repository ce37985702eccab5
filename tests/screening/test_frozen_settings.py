"""Frozen settings: given values win over LOOKTHROUGH_* settings, which win over defaults; bad
values stop the build; the rules in force follow the date and the BIS mode."""

from __future__ import annotations

from datetime import date

import pytest

from lookthrough.exc import InvalidInput, InvalidModel
from lookthrough.screening.frozen_settings import FrozenSettings


def test_defaults_are_the_algorithms_threshold_and_today() -> None:
    frozen = FrozenSettings.resolve("name_v2", 0.5)
    assert (frozen.threshold, frozen.as_of) == (0.5, date.today().isoformat())
    assert (frozen.max_depth, frozen.related_hops, frozen.related_min_percent) == (10, 3, 50.0)


def test_given_values_win_over_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOOKTHROUGH_THRESHOLD", "0.8")
    monkeypatch.setenv("LOOKTHROUGH_AS_OF", "2025-10-01")
    monkeypatch.setenv("LOOKTHROUGH_MAX_DEPTH", "4")
    from_settings = FrozenSettings.resolve("name_v2", 0.5)
    assert (from_settings.threshold, from_settings.as_of, from_settings.max_depth) == (0.8, "2025-10-01", 4)
    given = FrozenSettings.resolve("name_v2", 0.5, threshold=0.7, as_of=date(2024, 2, 29))
    assert (given.threshold, given.as_of) == (0.7, "2024-02-29")


@pytest.mark.parametrize(
    ("as_of", "mode", "in_force"),
    [
        ("2025-10-15", "auto", ["ofac_50", "bis_affiliates", "related"]),  # in force
        ("2026-01-15", "auto", ["ofac_50", "related"]),  # suspended 10 Nov 2025 - 9 Nov 2026
        ("2026-01-15", "on", ["ofac_50", "bis_affiliates", "related"]),
        ("2025-10-15", "off", ["ofac_50", "related"]),
        ("2025-09-01", "auto", ["ofac_50", "related"]),  # before it took effect
    ],
)
def test_the_rules_in_force_follow_the_date_and_the_bis_mode(as_of: str, mode: str, in_force: list) -> None:
    frozen = FrozenSettings.resolve("name_v2", 0.5, as_of=as_of, bis_affiliates=mode)
    assert [p.name for p in frozen.rules()] == in_force
    assert [r["name"] for r in frozen.to_dict()["rules_in_force"]] == in_force


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"threshold": 1.5}, "from 0 to 1"),
        ({"threshold": float("nan")}, "from 0 to 1"),
        ({"as_of": "2025-9-30"}, "not an ISO date"),
        ({"policies": "ofac_50,ofac_51"}, "unknown look-through policy 'ofac_51'"),
        ({"bis_affiliates": "maybe"}, "auto, on or off"),
    ],
)
def test_bad_values_stop_the_build(given: dict, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        FrozenSettings.resolve("name_v2", 0.5, **given)


def test_settings_survive_their_record_and_an_incomplete_record_is_refused() -> None:
    frozen = FrozenSettings.resolve("name_v2", 0.5, policies=["related", "ofac_50"])
    assert FrozenSettings.from_dict(frozen.to_dict()) == frozen
    record = frozen.to_dict()
    del record["as_of"]
    with pytest.raises(InvalidModel, match="incomplete"):
        FrozenSettings.from_dict(record)
