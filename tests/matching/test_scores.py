"""Trained weights keep their signs, and every score is fully explained by its features."""

from __future__ import annotations

import math

import pytest

from lookthrough.matching import name_v1, name_v2
from lookthrough.matching.matcher import Matcher


def test_every_feature_has_a_weight_a_sign_and_a_reading() -> None:
    assert set(name_v1.FEATURES) == set(name_v1.WEIGHTS) == set(name_v1.SIGNS)
    assert all(name_v1.FEATURES.values())


@pytest.mark.parametrize("feature", sorted(name_v1.SIGNS))
def test_weights_keep_the_sign_evidence_allows(feature: str) -> None:
    # Evidence for a match may only add to the score, evidence against only subtract.
    sign = name_v1.SIGNS[feature]
    assert name_v1.WEIGHTS[feature] * sign >= 0 or sign == 0


QUERIES = [
    "Hangzhou Hikvision Digital Technology",
    "Hikvsion",
    "DAHUA TECHNOLOGY",
    "Sense Time",
    "海康威视",
    "China Electronics Corporation",
    "Technology Co Ltd",
    "Xinjiang Public Security Bureau",
]


@pytest.fixture(scope="module")
def by_algorithm(builtin: Matcher) -> dict[str, Matcher]:
    return {"name_v1": Matcher.build(builtin.catalog, "name_v1"), "name_v2": builtin}


@pytest.mark.parametrize("algorithm", ["name_v1", "name_v2"])
@pytest.mark.parametrize("query", QUERIES)
def test_score_is_the_sum_of_the_features_it_shows(
    by_algorithm: dict[str, Matcher], algorithm: str, query: str
) -> None:
    matcher = by_algorithm[algorithm]
    model = matcher.algorithm
    weights = model.coefficients() if hasattr(model, "coefficients") else name_v1.WEIGHTS
    bias = model.bias if hasattr(model, "bias") else name_v1.BIAS
    matches = matcher.match(query, limit=3)
    assert matches
    for match in matches:
        shown = {f.name: f for f in match.features}
        assert all(shown[name].weight == pytest.approx(weights[name]) for name in shown)
        expected = 1 / (1 + math.exp(-(bias + sum(f.weight * f.value for f in match.features))))
        if algorithm == "name_v2" and _weak_alias_alone(shown):
            expected = min(expected, matcher.threshold * name_v2.WEAK_ALONE)
        assert match.score == pytest.approx(expected, abs=1e-9)
        assert all(f.detail for f in match.features)


def _weak_alias_alone(shown: dict) -> bool:
    weak, country = shown.get("weak_alias"), shown.get("country_match")
    return bool(weak and weak.value > 0) and not (country and country.value > 0)


def test_explanation_names_the_words_that_met(builtin: Matcher) -> None:
    [match] = builtin.match("Hangzhou Hikvsion Digital Technology", limit=1)
    [both] = [f for f in match.features if f.name == "query_covered"]
    assert both.value > 0.9
    described = " ".join(f.detail for f in match.features)
    assert "hikvsion~hikvision" in described
