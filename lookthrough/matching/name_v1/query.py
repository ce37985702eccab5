"""A query prepared once against an index: its words' rarity and their spelling neighbours."""

from __future__ import annotations

from dataclasses import dataclass

from lookthrough.matching.name_v1.index import NameIndex
from lookthrough.names import NameForm, analyze
from lookthrough.names.legal_forms import FORM_TOKENS
from lookthrough.names.vocabulary import canonical


@dataclass(slots=True, frozen=True)
class Query:
    """An analysed name plus what every comparison needs to know about its words."""

    form: NameForm
    weights: tuple[float, ...]
    total: float
    neighbours: tuple[dict[str, float], ...]
    """Per word: vocabulary words within a small edit distance, with their similarity."""

    @classmethod
    def prepare(cls, form: NameForm, index: NameIndex) -> Query:
        weights = tuple(index.rarity(t) for t in form.tokens)
        neighbours = tuple(dict(index.similar(t)) for t in form.tokens)
        return cls(form, weights, sum(weights), neighbours)


def resegment(form: NameForm, index: NameIndex, *, organization: bool = True) -> NameForm | None:
    """The name with each unknown word split into two known ones ('smiletechnologies' ->
    'smile technology', 'bankmelli' -> 'bank melli'), or None if no word splits."""
    words: list[str] = []
    changed = False
    for token in form.tokens:
        split = None if token in index.postings else _split(token, index)
        changed = changed or split is not None
        words.extend(split or (token,))
    if not changed:
        return None
    again = analyze(" ".join(words), organization=organization)
    return again if again.tokens != form.tokens else None


def _split(token: str, index: NameIndex) -> tuple[str, str] | None:
    for cut in range(3, len(token) - 2):
        left, right = token[:cut], token[cut:]
        if _known(left, index) and _known(right, index):
            return left, right
    return None


def _known(word: str, index: NameIndex) -> bool:
    return word in index.postings or canonical(word) in index.postings or word in FORM_TOKENS
