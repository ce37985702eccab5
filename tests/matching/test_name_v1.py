"""name_v1: trained weights keep their signs, and every score is fully explained by its features."""

from __future__ import annotations

import math

import pytest

from lookthrough.matching import name_v1
from lookthrough.matching.matcher import Matcher


def test_every_feature_has_a_weight_a_sign_and_a_reading() -> None:
    assert set(name_v1.FEATURES) == set(name_v1.WEIGHTS) == set(name_v1.SIGNS)
    assert all(name_v1.FEATURES.values())


@pytest.mark.parametrize("feature", sorted(name_v1.SIGNS))
def test_weights_keep_the_sign_evidence_allows(feature: str) -> None:
    # Evidence for a match may only add to the score, evidence against only subtract.
    sign = name_v1.SIGNS[feature]
    assert name_v1.WEIGHTS[feature] * sign >= 0 or sign == 0


@pytest.mark.parametrize(
    "query",
    [
        "Hangzhou Hikvision Digital Technology",
        "Hikvsion",
        "DAHUA TECHNOLOGY",
        "Sense Time",
        "海康威视",
        "China Electronics Corporation",
        "Technology Co Ltd",
        "Xinjiang Public Security Bureau",
    ],
)
def test_score_is_the_sum_of_the_features_it_shows(builtin: Matcher, query: str) -> None:
    for match in builtin.match(query, limit=3):
        logit = name_v1.BIAS + sum(f.weight * f.value for f in match.features)
        assert match.score == pytest.approx(1 / (1 + math.exp(-logit)), abs=1e-9)
        assert all(f.detail for f in match.features)


def test_explanation_names_the_words_that_met(builtin: Matcher) -> None:
    [match] = builtin.match("Hangzhou Hikvsion Digital Technology", limit=1)
    [both] = [f for f in match.features if f.name == "query_covered"]
    assert both.value > 0.9
    described = " ".join(f.detail for f in match.features)
    assert "hikvsion~hikvision" in described
