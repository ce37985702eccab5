"""The ways a screened name is read: as an organisation's and as a person's, with and without
its bracketed parts, and with unknown words split into known ones."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from lookthrough.names import NameForm, analyze, variants

ANY, ORGANISATIONS, PEOPLE = -1, 0, 1
MAX_CHARACTERS = 512
"""A longer name is matched on its first 512 characters (the row says so)."""
MAX_WORDS = 32
"""A name of more words is matched on its first 32."""


class Vocabulary(Protocol):
    """What readings need of an index's words."""

    def knows(self, text: str) -> bool: ...

    def split(self, token: str) -> tuple[str, str] | None: ...


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


def readings(name: str, words: Vocabulary) -> list[Reading]:
    """Every reading of `name` against an index's `words`."""
    found: list[Reading] = []
    for variant in variants(capped(name)[0]):
        as_org = _limit(analyze(variant, holding=True))
        if not as_org.tokens:
            continue
        if as_org.forms:  # a legal form ('Co. Ltd.', 'GmbH'): an organisation's name, read as one
            kinds = [(as_org, ORGANISATIONS)]
        else:
            as_person = _limit(analyze(variant, organization=False))
            # One reading when both read alike: the person's, which carries the name symbols.
            kinds = (
                [(as_person, ANY)]
                if as_person.tokens == as_org.tokens
                else [(as_org, ORGANISATIONS), (as_person, PEOPLE)]
            )
        for form, people in kinds:
            found.append(Reading(form, people))
            split = resegment(form, words, organization=people != PEOPLE)
            if split is not None:
                found.append(Reading(split, people))
    return found


def _limit(form: NameForm) -> NameForm:
    if len(form.tokens) <= MAX_WORDS:
        return form
    return NameForm(
        form.original, form.tokens[:MAX_WORDS], form.forms, form.script, form.symbols[:MAX_WORDS],
        form.roles[:MAX_WORDS],
    )  # fmt: skip


def resegment(form: NameForm, words: Vocabulary, *, organization: bool = True) -> NameForm | None:
    """The name with each unknown word split into two known ones ('smiletechnologies' ->
    'smile technology', 'bankmelli' -> 'bank melli'), or None if no word splits."""
    found: list[str] = []
    changed = False
    for token in form.tokens:
        split = (
            None if len(token) < 6 or len(token) > 2 * MAX_WORDS or words.knows(token) else words.split(token)
        )
        changed = changed or split is not None
        found.extend(split or (token,))
    if not changed:
        return None
    again = _limit(analyze(" ".join(found), organization=organization))
    return again if again.tokens != form.tokens else None
