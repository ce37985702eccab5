"""The ways a screened name is read: as an organisation's and as a person's, with and without
its bracketed parts, and with unknown words split into known ones."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lookthrough.names import NameForm, analyze, variants
from lookthrough.names.legal_forms import FORM_TOKENS
from lookthrough.names.vocabulary import canonical

ANY, ORGANISATIONS, PEOPLE = -1, 0, 1
MAX_CHARACTERS = 512
"""A longer name is matched on its first 512 characters (the row says so)."""
MAX_WORDS = 32
"""A name of more words is matched on its first 32."""


@dataclass(frozen=True, slots=True)
class Reading:
    """One analysed form of a query and the kind of listed names it may meet."""

    form: NameForm
    people: int
    """ANY, ORGANISATIONS (names of organisations only) or PEOPLE (persons only)."""


def capped(name: str) -> tuple[str, bool]:
    """The part of a name used for matching, and whether it was cut: work stays linear and
    bounded whatever the input's length."""
    if len(name) <= MAX_CHARACTERS:
        return name, False
    return name[:MAX_CHARACTERS], True


def readings(name: str, knows: Callable[[str], bool]) -> list[Reading]:
    """Every reading of `name`; `knows` says whether the index has a word."""
    found: list[Reading] = []
    for variant in variants(capped(name)[0]):
        as_org = _limit(analyze(variant, holding=True))
        if not as_org.tokens:
            continue
        as_person = _limit(analyze(variant, organization=False))
        kinds = (
            [(as_org, ANY)]
            if as_person.tokens == as_org.tokens
            else [(as_org, ORGANISATIONS), (as_person, PEOPLE)]
        )
        for form, people in kinds:
            found.append(Reading(form, people))
            split = resegment(form, knows, organization=people != PEOPLE)
            if split is not None:
                found.append(Reading(split, people))
    return found


def _limit(form: NameForm) -> NameForm:
    if len(form.tokens) <= MAX_WORDS:
        return form
    return NameForm(form.original, form.tokens[:MAX_WORDS], form.forms, form.script)


def resegment(form: NameForm, knows: Callable[[str], bool], *, organization: bool = True) -> NameForm | None:
    """The name with each unknown word split into two known ones ('smiletechnologies' ->
    'smile technology', 'bankmelli' -> 'bank melli'), or None if no word splits."""
    words: list[str] = []
    changed = False
    for token in form.tokens:
        split = None if knows(token) else _split(token, knows)
        changed = changed or split is not None
        words.extend(split or (token,))
    if not changed:
        return None
    again = _limit(analyze(" ".join(words), organization=organization))
    return again if again.tokens != form.tokens else None


def _split(token: str, knows: Callable[[str], bool]) -> tuple[str, str] | None:
    if len(token) > 2 * MAX_WORDS:
        return None  # a run of letters this long is no two words
    for cut in range(3, len(token) - 2):
        left, right = token[:cut], token[cut:]
        if _known(left, knows) and _known(right, knows):
            return left, right
    return None


def _known(word: str, knows: Callable[[str], bool]) -> bool:
    return knows(word) or knows(canonical(word)) or word in FORM_TOKENS
