"""name_v1: rare-word alignment scored by a logistic model over explainable features.

Two names are aligned word by word (exactly, run together, or within a small edit
distance), each word weighted by how rare it is across the loaded lists. A handful of
features describe the alignment; a logistic model trained on other official lists
(`bench/train_name_v1.py`) turns them into the probability that both names mean the same party.
Each feature's contribution (weight x value) is part of every explanation.
"""

from __future__ import annotations

import json
import math
import operator
from importlib.resources import files

from lookthrough.matching.compare.coverage import coverage
from lookthrough.matching.compare.forms import legal_form_agreement, legal_form_mismatch
from lookthrough.matching.compare.generic import generic_overlap
from lookthrough.matching.compare.initials import acronym_match
from lookthrough.matching.compare.numbers import number_mismatch
from lookthrough.matching.compare.spelling import spelling_similarity
from lookthrough.matching.compare.tokens import Alignment, align
from lookthrough.matching.name_v1.index import IndexedName
from lookthrough.matching.name_v1.query import Query
from lookthrough.matching.result import Feature

NAME = "name_v1"

FEATURES: dict[str, str] = {
    # name: what it says, in the words explanations use. The sign each weight may take is in
    # SIGNS: evidence for a match only adds, evidence against only subtracts.
    "query_covered": "share of the query's word weight found in the listed name",
    "listed_covered": "share of the listed name's word weight found in the query",
    "both_covered": "share of both names' word weight that met (weighted Dice)",
    "less_covered": "the lower of the two shares above: how well the weaker side is explained",
    "shared_weight": "rarity weight the names share, up to three rare words' worth",
    "query_missing": "rarity weight of the query's words that found no partner",
    "listed_missing": "rarity weight of the listed name's words that found no partner",
    "spelling_similarity": "character similarity of the names written without spaces",
    "fuzzy_share": "share of the met weight that met only approximately (spelling variants)",
    "all_fuzzy": "no word met exactly, only approximately",
    "weakest_pair": "how little alike the least similar pair of words is (1 - similarity)",
    "rarest_unmatched": "rarity of the rarest word left without a partner",
    "single_words": "both names are a single word",
    "short_name": "the shorter name has at most five letters",
    "legal_form_mismatch": "both names state legal forms that cannot be the same kind of body",
    "legal_form_agreement": "both names state the same legal form",
    "number_mismatch": "both names contain numbers and share none",
    "generic_overlap": "the names share only words many companies use, and the listed name has more",
    "acronym": "one name is the initials of the other",
    "person": "the listed name is a person's",
    "person_partial": "a person's name where one name is a subset of the other",
}

SIGNS: dict[str, int] = {
    "query_covered": 1, "listed_covered": 1, "both_covered": 1, "less_covered": 1, "shared_weight": 1,
    "query_missing": -1, "listed_missing": -1, "spelling_similarity": 1, "fuzzy_share": -1,
    "all_fuzzy": -1, "weakest_pair": -1, "rarest_unmatched": -1, "single_words": -1, "short_name": -1,
    "legal_form_mismatch": -1, "legal_form_agreement": 1, "number_mismatch": -1, "generic_overlap": -1,
    "acronym": 1,
    "person": 0, "person_partial": 0,
}  # fmt: skip
"""+1: the weight is at least 0; -1: at most 0; 0: free (context, not evidence)."""

_MODEL = json.loads((files(__package__) / "weights.json").read_text(encoding="utf-8"))
WEIGHTS: dict[str, float] = _MODEL["weights"]
BIAS: float = _MODEL["bias"]
THRESHOLD: float = _MODEL["threshold"]
"""Default hit threshold, chosen on the evaluation in bench/ (see docs/matching.md)."""


def vector(query: Query, candidate: IndexedName) -> tuple[tuple[float, ...], Alignment]:
    """The feature values of one comparison, in FEATURES order, and the alignment behind them."""
    form = candidate.form
    qf = query.form
    alignment = align(query, candidate)
    cov = coverage(alignment)
    less = min(cov.query, cov.listed)
    values = (
        cov.query,
        cov.listed,
        cov.both,
        less,
        min(cov.shared, 3.0) / 3.0,
        min(cov.query_missing, 3.0) / 3.0,
        min(cov.listed_missing, 3.0) / 3.0,
        spelling_similarity(qf, form),
        cov.fuzzy_share,
        float(bool(alignment.pairs) and not alignment.exact),
        1.0 - alignment.weakest,
        cov.rarest_unmatched,
        float(len(qf.tokens) == 1 and len(form.tokens) == 1),
        float(min(len(qf.compact), len(form.compact)) <= 5),
        float(legal_form_mismatch(qf, form)),
        float(legal_form_agreement(qf, form)),
        float(number_mismatch(qf, form)),
        float(not candidate.person and generic_overlap(alignment)),
        float(acronym_match(qf, form)),
        float(candidate.person),
        float(candidate.person and less < 1.0 <= max(cov.query, cov.listed)),
    )
    return values, alignment


_ORDER = tuple(FEATURES)
_WEIGHTS = tuple(WEIGHTS[name] for name in _ORDER)


def features(query: Query, candidate: IndexedName) -> tuple[dict[str, float], Alignment]:
    """The feature vector of one comparison by name, and the word alignment behind it."""
    values, alignment = vector(query, candidate)
    return dict(zip(_ORDER, values, strict=True)), alignment


def probability(values: tuple[float, ...]) -> float:
    logit = BIAS + sum(map(operator.mul, _WEIGHTS, values))
    return 1.0 / (1.0 + math.exp(-logit))


def evaluate(query: Query, candidate: IndexedName) -> float:
    """Probability that query and candidate name the same party."""
    return probability(vector(query, candidate)[0])


def describe(query: Query, candidate: IndexedName) -> list[Feature]:
    """Each feature that played a part, with its weight and a plain reading."""
    values, alignment = features(query, candidate)
    described = []
    for name, value in values.items():
        if value and WEIGHTS[name]:
            detail = FEATURES[name]
            if name == "query_covered":  # the first feature shown says which words met
                detail += f" ({alignment.describe()})"
            described.append(Feature(name, value, WEIGHTS[name], detail))
    return described


def score(query: Query, candidate: IndexedName) -> tuple[float, list[Feature]]:
    """Probability that query and candidate name the same party, with each feature's part in it."""
    return evaluate(query, candidate), describe(query, candidate)


def documentation() -> dict[str, str]:
    """Each feature's published explanation, by name."""
    return dict(FEATURES)


def coefficients() -> dict[str, float]:
    """Each feature's weight in the model, by name."""
    return dict(WEIGHTS)
