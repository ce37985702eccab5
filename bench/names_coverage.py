"""How far the normalisation alone brings a name in its original script to its listed Latin names.

For each original-script name of the UN list (the queries of the un_script protocol), and each
unlisted person name of that protocol's negatives, every word of the person reading
(`analyze(name, organization=False)`) is looked for among the words of the UN list's Latin
names: met by spelling when the Latin word is the same, met by symbol when the two share a name
symbol (`lookthrough.names.symbols.shared`). A name is *covered* by an entry when every one of
its words but particles (al-, bin) meets a word of that entry's names. No scoring, no engine:
the share of queries their own entry covers is what name symbols make possible for the matcher;
the share of negatives some entry covers is the false pairing they risk (also for the person
protocol's unlisted Latin names against the OFAC SDN individuals). Last, the parity tables'
rows name_v2 misses today whose query words all meet the candidate's by spelling or symbol.

    python -m bench.names_coverage
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict

from bench.ofac import sdn_names
from bench.people import latin_negatives, script_negatives
from bench.un_script import build_un_script, un_parties
from lookthrough.names import NameForm

Index = dict[str, set[str]]


def _index(names: list[tuple[str, str, bool]]) -> tuple[Index, Index]:
    """Entries by word and by symbol."""
    from lookthrough.names import analyze

    words: Index = defaultdict(set)
    symbols: Index = defaultdict(set)
    for entity, name, person in names:
        form = analyze(name, organization=not person)
        person_form = analyze(name, organization=False)
        for tokens, marks in ((form.tokens, form.symbols), (person_form.tokens, person_form.symbols)):
            for token, mark in zip(tokens, marks, strict=True):
                words[token].add(entity)
                for symbol in mark.split():
                    symbols[symbol].add(entity)
    return words, symbols


def _met(name: str, words: Index, symbols: Index, *, use_symbols: str) -> list[set[str]]:
    """For each word of the name but particles, the entries it meets; `use_symbols` is ''
    (spelling alone), 'names' (and every symbol but consonants) or 'all'."""
    from lookthrough.names import analyze

    form = analyze(name, organization=False)
    found: list[set[str]] = []
    for token, mark, role in zip(form.tokens, form.symbols, form.roles, strict=True):
        if role == "particle":
            continue  # al-, bin: the lists drop or assimilate them ('Essabar'); they weigh little
        met = set(words.get(token, ()))
        for symbol in mark.split() if use_symbols else ():
            if use_symbols == "all" or not symbol.startswith("cons:"):
                met |= symbols.get(symbol, set())
        found.append(met)
    return found


def _covering(name: str, words: Index, symbols: Index, *, use_symbols: str) -> set[str]:
    """Entries every word of the name (particles aside) meets."""
    met = _met(name, words, symbols, use_symbols=use_symbols)
    return set.intersection(*met) if met else set()


def main() -> int:
    parties = un_parties()
    listed, queries = build_un_script(parties)
    names = [(n.entity_id, n.name, n.schema == "Person") for n in listed]
    words, symbols = _index(names)
    negatives = script_negatives([n.name for n in listed])
    columns = ("names", "how", "count", "words meeting their entry's", "covered by their entry", "by another")
    print("| " + " | ".join(columns) + " |")
    print("|---|---|---|---|---|---|")
    hows = {"": "spelling only", "names": "and symbols but consonants", "all": "and every symbol"}
    for use_symbols, how in hows.items():
        by_kind: Counter[str] = Counter()
        own: Counter[str] = Counter()
        other: Counter[str] = Counter()
        met_words: Counter[str] = Counter()
        all_words: Counter[str] = Counter()
        for query in queries:
            met = _met(query.text, words, symbols, use_symbols=use_symbols)
            found = set.intersection(*met) if met else set()
            by_kind[query.kind] += 1
            own[query.kind] += query.target in found
            other[query.kind] += bool(found - {query.target})
            met_words[query.kind] += sum(query.target in m for m in met)
            all_words[query.kind] += len(met)
        for kind in sorted(by_kind):
            print(
                f"| UN original script: {kind} | {how} | {by_kind[kind]} | "
                f"{met_words[kind] / max(1, all_words[kind]):.1%} | "
                f"{own[kind] / by_kind[kind]:.1%} | {other[kind] / by_kind[kind]:.1%} |"
            )
        covered = sum(bool(_covering(n, words, symbols, use_symbols=use_symbols)) for _, n in negatives)
        share = covered / len(negatives)
        print(f"| unlisted names (negatives) | {how} | {len(negatives)} | n/a | n/a | {share:.1%} |")
    _latin_people(hows)
    _parity_rows()
    return 0


def _latin_people(hows: dict[str, str]) -> None:
    """The person protocol's unlisted Latin names against the OFAC SDN names of individuals."""
    people = [n for n in sdn_names() if n.schema == "Person"]
    words, symbols = _index([(n.entity_id, n.name, True) for n in people])
    negatives = latin_negatives([n.name for n in people])
    for use_symbols, how in hows.items():
        covered = sum(bool(_covering(n, words, symbols, use_symbols=use_symbols)) for _, n in negatives)
        share = covered / len(negatives)
        label = "unlisted Latin names against SDN individuals"
        print(f"| {label} | {how} | {len(negatives)} | n/a | n/a | {share:.1%} |")


def _meets(query: NameForm, candidate: NameForm, symbols: bool) -> bool:
    """Every word of the query but particles meets a word of the candidate, by spelling or (with
    `symbols`) by a symbol, a consonant symbol only between scripts."""
    from lookthrough.names.symbols import shared

    across = query.script != candidate.script
    for token, mark, role in zip(query.tokens, query.symbols, query.roles, strict=True):
        if role == "particle" or token in candidate.tokens:
            continue
        if not symbols:
            return False
        common = (shared(mark, other) for other in candidate.symbols)
        if not any(s and (across or not s.startswith("cons:")) for s in common):
            return False
    return True


def _readings(name: str) -> list[NameForm]:
    from lookthrough.names import analyze, variants

    return [f for v in variants(name) for f in (analyze(v), analyze(v, organization=False))]


def _parity_rows() -> None:
    """Parity rows: the matches name_v2 misses today whose words now meet their candidate's,
    and the non-matches whose words meet only through symbols (the false pairs symbols risk)."""
    from bench.parity_tables import known_misses, pair_tables

    misses = known_misses("name_v2")
    cases = [c for table in pair_tables().values() for c in table]
    missed = [c for c in cases if c.id in misses and c.expected == "match"]
    met = [c for c in missed if _pairs(c.query, c.names, symbols=True)]
    others = [c for c in cases if c.expected == "no_match"]
    risky = [c for c in others if _pairs(c.query, c.names, symbols=True) and not _pairs(c.query, c.names)]
    print("\n| parity rows | count | every query word meets a candidate's |")
    print("|---|---|---|")
    print(f"| matches name_v2 misses today | {len(missed)} | {len(met)} |")
    print(f"| non-matches (met through symbols, not spelling) | {len(others)} | {len(risky)} |")
    for case in risky:
        print(f"| - {case.query} / {case.candidate} ({case.category}) | | |")


def _pairs(query: str, names: tuple[str, ...], *, symbols: bool = False) -> bool:
    return any(_meets(q, f, symbols) for q in _readings(query) for n in names for f in _readings(n))


if __name__ == "__main__":
    sys.exit(main())
