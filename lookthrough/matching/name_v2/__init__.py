"""name_v2: rare-word alignment scored by a logistic model over explainable features, computed
for whole batches by the compiled engine (`matching/engine`).

Two names are aligned word by word (exactly, run together, or within a small edit distance),
each word weighted by how rare it is across the loaded lists. The features below describe the
alignment; a logistic model fitted on lists disjoint from every evaluation
(`bench/train_name_v2.py`) turns them into the probability that both names mean the same party.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from lookthrough.matching.engine.build import OUTER
from lookthrough.matching.engine.stats import Comparisons
from lookthrough.matching.types import AGAINST, CONTEXT, FOR, ScoringAlgorithm, feature, ratio
from lookthrough.model.schema import NAME_PROPS

NAME = "name_v2"
WEAK_ALIAS = NAME_PROPS.index("weakAlias")
WEAK_ALONE = 0.98
"""A weak alias matched on its own scores at most this share of the threshold."""
Values = Any  # numpy arrays, one value per comparison


def _covered(c: Comparisons) -> tuple[Values, Values]:
    return ratio(c.column("query_met"), c.column("query_total")), ratio(
        c.column("listed_met"), c.column("listed_total")
    )


@feature(FOR)
def query_covered(c: Comparisons) -> Values:
    """share of the query's word weight found in the listed name"""
    return _covered(c)[0]


@feature(FOR)
def listed_covered(c: Comparisons) -> Values:
    """share of the listed name's word weight found in the query"""
    return _covered(c)[1]


@feature(FOR)
def both_covered(c: Comparisons) -> Values:
    """share of both names' word weight that met (weighted Dice)"""
    met = c.column("query_met") + c.column("listed_met")
    return ratio(met, c.column("query_total") + c.column("listed_total"))


@feature(FOR)
def less_covered(c: Comparisons) -> Values:
    """the lower of the two shares above: how well the weaker side is explained"""
    query, listed = _covered(c)
    return np.minimum(query, listed)


@feature(FOR)
def shared_weight(c: Comparisons) -> Values:
    """rarity weight the names share, up to three rare words' worth"""
    return np.minimum(c.column("shared"), 3.0) / 3.0


@feature(AGAINST)
def query_missing(c: Comparisons) -> Values:
    """rarity weight of the query's words that found no partner"""
    return np.minimum(c.column("query_total") - c.column("query_met"), 3.0) / 3.0


@feature(AGAINST)
def listed_missing(c: Comparisons) -> Values:
    """rarity weight of the listed name's words that found no partner"""
    return np.minimum(c.column("listed_total") - c.column("listed_met"), 3.0) / 3.0


@feature(FOR)
def spelling_similarity(c: Comparisons) -> Values:
    """character similarity of the names written without spaces"""
    direct = c.column("spelling").astype(np.float64)
    single = (c.query_words == 1) & (c.listed_words == 1)
    return np.where(single, direct, np.maximum(direct, c.column("spelling_by_word")))


@feature(AGAINST)
def fuzzy_share(c: Comparisons) -> Values:
    """share of the met weight that met only approximately (spelling variants)"""
    return ratio(c.column("fuzzy"), c.column("query_met") + c.column("listed_met"))


@feature(AGAINST)
def all_fuzzy(c: Comparisons) -> Values:
    """no word met exactly, only approximately"""
    exact = c.column("exact") + c.column("joined")
    return ((c.column("pairs") > 0) & (exact == 0)).astype(np.float64)


@feature(AGAINST)
def weakest_pair(c: Comparisons) -> Values:
    """how little alike the least similar pair of words is (1 - similarity)"""
    return 1.0 - c.column("weakest").astype(np.float64)


@feature(AGAINST)
def rarest_unmatched(c: Comparisons) -> Values:
    """rarity of the rarest word left without a partner"""
    return np.maximum(c.column("query_rarest_left"), c.column("listed_rarest_left")).astype(np.float64)


@feature(AGAINST)
def single_words(c: Comparisons) -> Values:
    """both names are a single word"""
    return ((c.query_words == 1) & (c.listed_words == 1)).astype(np.float64)


@feature(AGAINST)
def short_name(c: Comparisons) -> Values:
    """the shorter name has at most five letters"""
    return (np.minimum(c.query_length, c.listed_length) <= 5).astype(np.float64)


@feature(AGAINST)
def legal_form_mismatch(c: Comparisons) -> Values:
    """both names state legal forms that cannot be the same kind of body"""
    strict_query = c.query_forms & ~c.loose_forms
    strict_listed = c.listed_forms & ~c.loose_forms
    return ((strict_query != 0) & (strict_listed != 0) & ((strict_query & strict_listed) == 0)).astype(
        np.float64
    )


@feature(FOR)
def legal_form_agreement(c: Comparisons) -> Values:
    """both names state the same legal form"""
    return ((c.query_forms & c.listed_forms) != 0).astype(np.float64)


@feature(AGAINST)
def number_mismatch(c: Comparisons) -> Values:
    """both names contain numbers and share none"""
    return c.column("number_mismatch").astype(np.float64)


@feature(AGAINST)
def generic_overlap(c: Comparisons) -> Values:
    """the names share only words many companies use, and the listed name has more"""
    return (c.column("generic_overlap") > 0) & ~c.person


@feature(FOR)
def acronym(c: Comparisons) -> Values:
    """one name is the initials of the other"""
    query_short = (c.query_words == 1) & (c.query_length >= 2) & (c.listed_words >= 2)
    listed_short = (c.listed_words == 1) & (c.listed_length >= 2) & (c.query_words >= 2)
    return (
        (query_short & (c.query_compact == c.listed_initials))
        | (listed_short & (c.listed_compact == c.query_initials))
    ).astype(np.float64)


@feature(AGAINST)
def listed_rarest_left(c: Comparisons) -> Values:
    """rarity of the rarest word of the listed name left without a partner: a distinctive word the
    query lacks ('Pars' in PETRO CHINA PARS against PetroChina)"""
    return c.column("listed_rarest_left").astype(np.float64)


@feature(AGAINST)
def listed_without_brackets(c: Comparisons) -> Values:
    """the query met the listed name only without its bracketed part, which may say which branch
    or country it is ('PJSC VTB BANK (KIEV)' met as 'PJSC VTB BANK')"""
    return (c.variant == OUTER).astype(np.float64)


@feature(AGAINST)
def weak_alias(c: Comparisons) -> Values:
    """the listed name is one the list itself calls weak (OFAC's a.k.a.s in single quotes, the
    UN's low-quality aliases: nicknames, common acronyms); on its own such a name is no hit, only
    with the party's country or a code"""
    return (c.prop == WEAK_ALIAS).astype(np.float64)


@feature(FOR)
def country_match(c: Comparisons) -> Values:
    """the row's country (its country column, or its ISIN's country) is one the listed party states"""
    either = c.query_countries | c.query_hinted
    return ((either & c.listed_countries) != 0).any(axis=1).astype(np.float64)


@feature(AGAINST)
def country_mismatch(c: Comparisons) -> Values:
    """the row states a country (its country column) and the listed party states only others; an
    ISIN's country alone never counts against (a depositary receipt's ISIN is of another country)"""
    either = c.query_countries | c.query_hinted
    stated = (c.query_countries != 0).any(axis=1) & (c.listed_countries != 0).any(axis=1)
    return (stated & ~((either & c.listed_countries) != 0).any(axis=1)).astype(np.float64)


@feature(CONTEXT)
def person(c: Comparisons) -> Values:
    """the listed name is a person's"""
    return c.person.astype(np.float64)


@feature(CONTEXT)
def person_partial(c: Comparisons) -> Values:
    """a person's name where one name is a subset of the other"""
    query, listed = _covered(c)
    return (c.person & (np.minimum(query, listed) < 1.0) & (np.maximum(query, listed) >= 1.0)).astype(
        np.float64
    )


class NameV2(ScoringAlgorithm):
    """name_v2: rare-word alignment, computed in batches by the compiled engine."""

    NAME = NAME
    PACKAGE = __name__
    FEATURES = (
        query_covered, listed_covered, both_covered, less_covered, shared_weight, query_missing,
        listed_missing, spelling_similarity, fuzzy_share, all_fuzzy, weakest_pair, rarest_unmatched,
        single_words, short_name, legal_form_mismatch, legal_form_agreement, number_mismatch,
        generic_overlap, acronym, person, person_partial, listed_rarest_left, listed_without_brackets,
        weak_alias, country_match, country_mismatch,
    )  # fmt: skip

    def probability(self, matrix: Values) -> Values:
        """The model's probability, held below the threshold where a weak alias alone matched:
        a weak alias is no hit unless the row's country is the party's (OFAC FAQ 124)."""
        found = super().probability(matrix)
        alone = (matrix[:, self.WEAK] > 0) & (matrix[:, self.COUNTRY] == 0)
        return np.where(alone, np.minimum(found, self.threshold * WEAK_ALONE), found)

    @property
    def WEAK(self) -> int:
        return self.FEATURES.index(weak_alias)

    @property
    def COUNTRY(self) -> int:
        return self.FEATURES.index(country_match)
