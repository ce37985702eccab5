"""Fit name_v1's weights on official lists other than the OFAC SDN list it is evaluated on.

    python -m lookthrough.matching.name_v1.train DATA_DIR [DATA_DIR ...] --negatives OUI_CSV

Positives pair each alias with the closest other name of the same entry; negatives pair it
with the closest names of other entries, and pair real unlisted company names (one half of
the IEEE registry's manufacturers, chosen by hash; the other half is left for evaluation)
with their closest listed names. Needs scikit-learn (the `bench` extra).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
from datetime import date
from pathlib import Path

from lookthrough.catalog import Catalog
from lookthrough.matching.index import NameIndex
from lookthrough.matching.name_v1 import FEATURES, features
from lookthrough.matching.query import Query
from lookthrough.names import analyze
from lookthrough.sources.load import load_path
from lookthrough.store import open_store

EXCLUDED_LISTS = ("Specially Designated Nationals",)
HARD_NEGATIVES = 3


def training_half(name: str) -> bool:
    """Deterministic split of unlisted names: even hashes train, odd ones evaluate."""
    return hashlib.sha1(name.encode("utf-8")).digest()[0] % 2 == 0


def build_catalog(folders: list[Path]) -> Catalog:
    store = open_store(":memory:")
    for folder in folders:
        load_path(store, folder)
    catalog = Catalog.build(store.current_statements())
    for party_id in [p.id for p in catalog.parties.values() if _excluded(catalog, p.id)]:
        del catalog.parties[party_id]
    return catalog


def _excluded(catalog: Catalog, party_id: str) -> bool:
    party = catalog.parties[party_id]
    if party.dataset == "us_ofac_sdn":
        return True
    return any(any(x in listing.list for x in EXCLUDED_LISTS) for listing in party.listings)


LIST_NEGATIVE_WEIGHT = 0.2
"""Other entries' names teach ranking, but lists repeat parties under near-identical names;
unlisted company names decide false alerts and count fully."""


def examples(
    catalog: Catalog, index: NameIndex, unlisted: list[str]
) -> tuple[list[list[float]], list[int], list[float]]:
    rows: list[list[float]] = []
    labels: list[int] = []
    weights: list[float] = []
    by_entity: dict[str, list[int]] = {}
    for name_id, entry in enumerate(index.names):
        by_entity.setdefault(entry.entity_id, []).append(name_id)
    for entity_id, name_ids in by_entity.items():
        for name_id in name_ids:
            query = Query.prepare(index.names[name_id].form, index)
            same = [features(query, index.names[o], index, name_id)[0] for o in name_ids if o != name_id]
            same = [v for v in same if v["both_covered"] > 0]
            if same:
                rows.append(_vector(max(same, key=lambda v: v["both_covered"])))
                labels.append(1)
                weights.append(1.0)
            added = _negatives(query, entity_id, index, rows, labels)
            weights.extend([LIST_NEGATIVE_WEIGHT] * added)
    for name in unlisted:
        added = _negatives(Query.prepare(analyze(name, holding=True), index), None, index, rows, labels)
        weights.extend([1.0] * added)
    return rows, labels, weights


def _negatives(
    query: Query, entity_id: str | None, index: NameIndex, rows: list[list[float]], labels: list[int]
) -> int:
    scored = []
    for name_id, _ in index.candidates(query.form, 30):
        entry = index.names[name_id]
        if entry.entity_id != entity_id and entry.form.key != query.form.key:
            # Identical names on different entries are ambiguities, not evidence either way.
            scored.append(features(query, entry, index)[0])
    chosen = sorted(scored, key=lambda v: -v["both_covered"])[:HARD_NEGATIVES]
    for values in chosen:
        rows.append(_vector(values))
        labels.append(0)
    return len(chosen)


def _vector(values: dict[str, float]) -> list[float]:
    return [values[name] for name in FEATURES]


def main() -> None:
    from sklearn.linear_model import LogisticRegression

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument(
        "--negatives", type=Path, required=True, help="prefix,vendor CSV of the IEEE registry"
    )
    parser.add_argument("--output", type=Path, default=Path(__file__).with_name("weights.json"))
    args = parser.parse_args()
    catalog = build_catalog(args.folders)
    entries = [
        (p.id, n.value, n.prop, p.schema == "Person") for p in catalog.parties.values() for n in p.names
    ]
    index = NameIndex.build(entries)
    with args.negatives.open(encoding="utf-8") as handle:
        vendors = sorted({row[1] for row in csv.reader(handle) if len(row) > 1 and row[1]} - {"vendor"})
    unlisted = [v for v in vendors if training_half(v)]
    rows, labels, weights = examples(catalog, index, unlisted)
    model = LogisticRegression(C=1.0, max_iter=2000).fit(rows, labels, sample_weight=weights)
    previous = json.loads(args.output.read_text()) if args.output.exists() else {}
    result = {
        "weights": {name: round(float(w), 4) for name, w in zip(FEATURES, model.coef_[0], strict=True)},
        "bias": round(float(model.intercept_[0]), 4),
        "threshold": previous.get("threshold", 0.5),
        "trained_on": {
            "date": date.today().isoformat(),
            "lists": sorted({p.dataset for p in catalog.parties.values()}),
            "names_indexed": len(index.names),
            "positives": sum(labels),
            "negatives": len(labels) - sum(labels),
            "unlisted_names": len(unlisted),
        },
    }
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
