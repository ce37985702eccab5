"""Count the words of real company names for lookthrough's generic-word weights.

    python -m bench.build_company_words

Source: manufacturer names of the IEEE MA-L registry (the snapshot in the shared data), less the
unlisted names the evaluation screens as negatives, so the benchmark never sees its own test
names. Only counts of words used by at least MIN_COUNT companies are kept, not the names.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

from bench import evalset, negatives
from bench.paths import OUI, data_file, sha256_file
from lookthrough.matching.background import BACKGROUND_PATH
from lookthrough.names import analyze

MIN_COUNT = 3


def main() -> None:
    sets = evalset.build()
    held_out = {q.text for q in sets.queries if q.category == "negative"}
    names = [v for v in negatives.vendors() if v not in held_out]
    counts: Counter[str] = Counter()
    for name in names:
        counts.update(set(analyze(name).tokens))
    kept = {w: c for w, c in sorted(counts.items()) if c >= MIN_COUNT}
    document = {
        "source": "IEEE Registration Authority, MA-L (OUI) public listing: manufacturer names",
        "snapshot_sha256": sha256_file(data_file(OUI)),
        "built": date.today().isoformat(),
        "command": "python -m bench.build_company_words",
        "names": len(names),
        "left_out": "the unlisted names of the benchmark's negative set",
        "min_count": MIN_COUNT,
        "counts": kept,
    }
    BACKGROUND_PATH.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(kept)} words from {len(names)} company names -> {BACKGROUND_PATH.name}")


if __name__ == "__main__":
    main()
