"""How generic a word is among company names in general, not only on the lists.

A word such as "technology" or "systems" says little about which company is meant, even where
the sanctions lists rarely use it. Counts of words in a large set of real company names (see
data/company_words.json for its source) scale a word's weight down by how common it is there.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

BACKGROUND_PATH = Path(__file__).resolve().parent.parent / "data" / "company_words.json"


@cache
def _table() -> tuple[dict[str, int], int]:
    if not BACKGROUND_PATH.exists():
        return {}, 1
    data = json.loads(BACKGROUND_PATH.read_text(encoding="utf-8"))
    return data["counts"], int(data["names"])


def distinctiveness(word: str) -> float:
    """1 for a word no company name commonly uses, falling towards 0 for the commonest words."""
    counts, total = _table()
    count = counts.get(word)
    if not count:
        return 1.0
    return math.log(total / count) / math.log(total)
