"""People's names through the engine: the same name in another script or spelling meets its
listed form through name symbols, and a person's listed name is also indexed without its
patronymics and particles."""

from __future__ import annotations

import pytest

from lookthrough.catalog import Catalog
from lookthrough.matching.engine.batch import _symbols
from lookthrough.matching.engine.build import SHORT, short_form
from lookthrough.matching.engine.lexicon import Lexicon
from lookthrough.matching.engine.readings import PEOPLE, Reading
from lookthrough.matching.matcher import Matcher
from lookthrough.model import Entity
from lookthrough.names import analyze

PEOPLE_LISTED = {
    "p-ali": "Mohamed Ali",
    "p-hassan": "Ahmed Hassan",
    "p-putin": "PUTIN, Vladimir Vladimirovich",
    "p-rotenberg": "Arkadij Romanovich Rotenberg",
    "p-doe": "Theodore Doe",
    "p-yusuf": "Muhammad Yusuf",
}


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    parties = []
    for entity_id, name in PEOPLE_LISTED.items():
        party = Entity(entity_id, "Person", dataset="test", citation="test")
        party.add("name", name)
        parties.append(party)
    filler = Entity("o-filler", "Company", dataset="test", citation="test")
    filler.add("name", "Hamid Trading Company")
    catalog = Catalog()
    catalog.add_entities([*parties, filler])
    return Matcher.build(catalog, "name_v2")


def top(matcher: Matcher, query: str) -> tuple[str, float]:
    found = matcher.match(query, limit=1)
    return (found[0].entity_id, found[0].score) if found else ("", 0.0)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("محمد علي", "p-ali"),  # Arabic script
        ("أحمد حسن", "p-hassan"),
        ("Ротенберг Аркадий", "p-rotenberg"),  # Cyrillic, family name first, no patronymic
        ("VLADIMIR PUTIN", "p-putin"),  # without the patronymic
        ("VLADIMR PUTIN", "p-putin"),  # and with a typo
        ("Ted Doe", "p-doe"),  # a short form of the given name
    ],
)
def test_a_persons_name_in_another_script_or_form_hits(matcher: Matcher, query: str, expected: str) -> None:
    entity_id, score = top(matcher, query)
    assert entity_id == expected
    assert score >= matcher.threshold


def test_a_different_person_stays_clear(matcher: Matcher) -> None:
    for query in ("Mohamed Salah", "Ahmed Zewail", "Vladimir Nabokov", "Ted Hughes"):
        assert top(matcher, query)[1] < matcher.threshold, query


def test_a_symbol_brings_the_listed_spellings_as_exact_neighbours(matcher: Matcher) -> None:
    data = matcher.names.data
    lexicon = Lexicon(data)
    listed = analyze("Mohamed", organization=False, listed=True)
    symbol = next(s for s in listed.symbols[0].split() if s.startswith("name:"))
    slots = lexicon.slots(["mhmd"], symbols=[symbol])
    _, words, sims = lexicon.neighbours(slots)
    found = dict(zip([data.words[int(w)] for w in words], sims.tolist(), strict=True))
    assert found["mohamed"] == 1.0
    assert lexicon.neighbours(lexicon.slots(["mhmd"]))[1].size == 0  # no symbol, no neighbour


def test_consonant_symbols_count_only_for_names_written_without_vowels() -> None:
    latin = analyze("Hamid Karim", organization=False, listed=True)
    arabic = analyze("حميد كريم", organization=False)
    assert any(s.startswith("cons:") for marks in latin.symbols for s in marks.split())
    assert not any(s.startswith("cons:") for marks in _symbols(Reading(latin, PEOPLE)) for s in marks.split())
    assert any(s.startswith("cons:") for marks in _symbols(Reading(arabic, PEOPLE)) for s in marks.split())


def test_a_screened_latin_name_is_read_without_the_names_corpus_a_listed_one_with_it() -> None:
    # The corpus costs seconds to load; a Latin word the index has gets its listed symbols.
    assert not any(s.startswith("name:") for s in analyze("Vladimir Putin", organization=False).symbols)
    listed = analyze("Vladimir Putin", organization=False, listed=True)
    assert any(s.startswith("name:") for s in listed.symbols[0].split())


def test_a_listed_word_brings_its_listed_symbols_to_a_screened_persons_name(matcher: Matcher) -> None:
    # 'mohamed' and 'muhammad' share rigour's name symbol in the listed names: a screened
    # person's 'mohamed' meets 'muhammad' as the same name, a company's only by its letters.
    data = matcher.names.data
    lexicon = Lexicon(data)

    def neighbours(person: bool) -> dict[str, float]:
        _, words, sims = lexicon.neighbours(lexicon.slots(["mohamed"], symbols=[""], people=[person]))
        return dict(zip([data.words[int(w)] for w in words], sims.tolist(), strict=True))

    assert neighbours(True).get("muhammad") == 1.0
    assert neighbours(False).get("muhammad", 0.0) < 1.0


def test_a_persons_short_form_leaves_out_patronymics_and_particles(matcher: Matcher) -> None:
    short = short_form(analyze("PUTIN, Vladimir Vladimirovich", organization=False))
    assert short is not None and short.tokens == ("vladimir", "putin")
    assert short_form(analyze("Theodore Doe", organization=False)) is None
    data = matcher.names.data
    shorts = [data.text(n) for n in range(data.names) if data.name_variant[n] == SHORT]
    assert "PUTIN, Vladimir Vladimirovich" in shorts
