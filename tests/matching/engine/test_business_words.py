"""Business words in another language count as the English ones do: two Turkish firms that share
only 'Enerji Uretim Sanayi ve Ticaret' (energy production industry and trade) or the REIT form
'Gayrimenkul Yatirim Ortakligi' are not one party; the same firm written otherwise still is."""

from __future__ import annotations

import pytest

from lookthrough.catalog import Catalog
from lookthrough.matching.matcher import Matcher
from lookthrough.model import Entity

LISTED = {  # as OFAC's SDN list names them
    "alan": ["ALAN ENERJI URETIM SANAYI VE TICARET ANONIM SIRKETI"],
    "trend": ["TREND GYO", "TREND GAYRIMENKUL YATIRIM ORTAKLIGI A.S."],
    "ra": ["RA HAVACILIK LOJISTIK VE TASIMACILIK TICARET LIMITED"],
}


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    parties = []
    for entity_id, (name, *aliases) in LISTED.items():
        party = Entity(entity_id, "Company", dataset="test", citation="test")
        party.add("name", name)
        for alias in aliases:
            party.add("alias", alias)
        parties.append(party)
    catalog = Catalog()
    catalog.add_entities(parties)
    return Matcher.build(catalog, "name_v2")


def best(matcher: Matcher, query: str) -> tuple[str, float]:
    found = matcher.match(query, limit=1)
    return (found[0].entity_id, found[0].score) if found else ("", 0.0)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Alan Enerji Uretim Sanayi ve Ticaret A.S.", "alan"),
        ("Trend GYO", "trend"),
        ("Trend Gayrimenkul Yatirim Ortakligi AS", "trend"),
    ],
)
def test_the_same_firm_hits(matcher: Matcher, query: str, expected: str) -> None:
    entity_id, score = best(matcher, query)
    assert entity_id == expected and score >= matcher.threshold


@pytest.mark.parametrize(
    "query",
    [
        "Margun Enerji Uretim Sanayi VE Ticaret AS",
        "Vakif Gayrimenkul Yatirim Ortakligi AS",
        "Is Gayrimenkul Yatirim Ortakligi AS",
        "Reysas Tasimacilik ve Lojistik Ticaret AS",
    ],
)
def test_firms_sharing_only_business_words_stay_clear(matcher: Matcher, query: str) -> None:
    assert best(matcher, query)[1] < matcher.threshold


def test_a_word_is_not_cut_into_a_name_and_a_short_legal_form() -> None:
    from lookthrough.matching.engine.build import build_index
    from lookthrough.matching.engine.lexicon import Lexicon

    data = build_index(
        [("rey", "REY INVESTMENT COMPANY", "name", False), ("sas", "Alpha SAS Beta", "name", False),
         ("acme", "Acme Trading", "name", False)]
    )  # fmt: skip
    lexicon = Lexicon(data)
    assert lexicon.split("reysas") is None  # Reysas is a name, not 'Rey' + SAS
    assert lexicon.split("acmeltd") == ("acme", "ltd")
    assert lexicon.split("acmetrading") == ("acme", "trading")
