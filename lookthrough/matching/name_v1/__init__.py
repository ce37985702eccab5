"""name_v1: rare-word alignment plus run-together spelling, with a legal-form check.

The score is mostly the weighted share of words the two names have in common
(exactly, run together, or within a small edit distance), each word weighted
by how rare it is across the loaded lists; the spelling of the whole name
without spaces makes up the rest.
"""

from __future__ import annotations

from lookthrough.matching.compare.compact import compact_similarity
from lookthrough.matching.compare.forms import legal_form_mismatch
from lookthrough.matching.compare.tokens import align, weighted_overlap
from lookthrough.matching.index import IndexedName, NameIndex
from lookthrough.matching.result import Feature
from lookthrough.names import NameForm

NAME = "name_v1"
THRESHOLD = 0.80
"""Default hit threshold (see docs/matching.md for how it was chosen)."""

WORDS = 0.75
SPELLING = 0.25
FORM_PENALTY = 0.05


def score(query: NameForm, candidate: IndexedName, index: NameIndex) -> tuple[float, list[Feature]]:
    """Score one candidate name against the query, with the features behind it."""
    alignment = align(query, candidate.form)
    words = weighted_overlap(alignment, index.weight)
    spelling = compact_similarity(query, candidate.form)
    features = [
        Feature("rare_words_shared", words, WORDS, alignment.describe()),
        Feature(
            "spelling_similarity", spelling, SPELLING, f"{query.compact!r} vs {candidate.form.compact!r}"
        ),
    ]
    total = WORDS * words + SPELLING * spelling
    if legal_form_mismatch(query, candidate.form):
        total -= FORM_PENALTY
        detail = f"{'/'.join(query.forms)} vs {'/'.join(candidate.form.forms)}"
        features.append(Feature("legal_form_mismatch", 1.0, -FORM_PENALTY, detail))
    return max(0.0, min(1.0, total)), features
