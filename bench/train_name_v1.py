"""Fit name_v1's weights on data kept apart from the evaluation, and write weights.json.

    python -m bench.train_name_v1

What it learns from (never an evaluation query, its entry, or an evaluation negative):
- OFAC SDN entries that no query of the evaluation set targets, plus the UN, UK OFSI,
  consolidated non-SDN and CSL lists (CSL rows copied from the SDN list, and the UN entries
  the original-script protocol queries, left out);
- positives: each name of an entry against the closest other name of the same entry, and
  perturbed names (typos, word order, legal forms, abbreviations, joins and splits, holdings
  suffixes) against the name they came from;
- negatives: the closest names of other entries (weighted down: lists repeat parties under
  near-identical names), and unlisted IEEE registry manufacturers, as they are and perturbed,
  against their closest listed names.
The weights are those of a logistic regression whose signs are fixed (name_v1.SIGNS); the
threshold is chosen afterwards from bench/RESULTS.md and written into weights.json by hand.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from datetime import date
from pathlib import Path

from bench import evalset, negatives, perturbed
from bench.adapter import to_entities
from bench.cases import ListedName
from bench.listed import exclusion_names
from bench.ofac import sdn_names
from bench.paths import data_file
from lookthrough.catalog import Catalog
from lookthrough.matching.matcher import Matcher
from lookthrough.matching.name_v1 import FEATURES, SIGNS, features
from lookthrough.sources.load import load_path
from lookthrough.store import open_store

OTHER_LISTS = ("un", "uk", "csl", "ofac/non_sdn_consolidated_2025-12")
LIST_NEGATIVE_WEIGHT = 0.2
HARD_NEGATIVES = 3
PER_ENTITY = 3
UNLISTED = 12_000
SEED = 11
WEIGHTS = Path(__file__).resolve().parent.parent / "lookthrough" / "matching" / "name_v1" / "weights.json"

Row = tuple[list[float], int, float]


def training_names(test_entities: set[str]) -> list[ListedName]:
    """SDN entries no evaluation query targets, and the other lists' parties."""
    names = [n for n in sdn_names() if n.entity_id not in test_entities]
    store = open_store(":memory:")
    for folder in OTHER_LISTS:
        load_path(store, data_file(folder), force=True)  # the CSL sample ends mid-record
    catalog = Catalog.build(store.current_statements())
    for party in catalog.parties.values():
        if any("Specially Designated Nationals" in listing.list for listing in party.listings):
            continue
        if party.id in test_entities:
            continue  # an entry the evaluation queries (the UN original-script protocol, issue 11)
        schema = "Person" if party.schema == "Person" else "Organization"
        names += [ListedName(party.id, n.value, n.prop, schema) for n in party.names]
    return names


def vector(values: dict[str, float]) -> list[float]:
    return [values[name] for name in FEATURES]


def alias_rows(matcher: Matcher, rng: random.Random) -> list[Row]:
    """Each sampled name against its own entry's closest other name, and other entries' names."""
    rows: list[Row] = []
    index = matcher.index
    for entity_id, name_ids in index.by_entity.items():
        for name_id in rng.sample(name_ids, min(PER_ENTITY, len(name_ids))):
            entry = index.names[name_id]
            same: list[dict[str, float]] = []
            others: list[dict[str, float]] = []
            for query, candidate in matcher.pairs(entry.form.original):
                if candidate.form.key == entry.form.key:
                    continue
                values = features(query, candidate)[0]
                (same if candidate.entity_id == entity_id else others).append(values)
            if same:
                rows.append((vector(max(same, key=lambda v: v["both_covered"])), 1, 1.0))
            rows += hardest(others, LIST_NEGATIVE_WEIGHT)
    return rows


def perturbed_rows(matcher: Matcher, names: list[ListedName], seed: int) -> list[Row]:
    """Perturbed names against the entry they came from, and against other entries."""
    rows: list[Row] = []
    for query_case in perturbed.build_perturbations(names, per_kind=1500, seed=seed):
        same: list[dict[str, float]] = []
        others: list[dict[str, float]] = []
        for query, candidate in matcher.pairs(query_case.text):
            values = features(query, candidate)[0]
            (same if candidate.entity_id == query_case.target else others).append(values)
        if same:
            rows.append((vector(max(same, key=lambda v: v["both_covered"])), 1, 1.0))
        rows += hardest(others, LIST_NEGATIVE_WEIGHT)
    return rows


def unlisted_rows(matcher: Matcher, vendors: list[str], seed: int) -> list[Row]:
    """Unlisted company names, as they are and perturbed, against their closest listed names."""
    rows: list[Row] = []
    rng = random.Random(seed)
    vendor_names = [ListedName(f"vendor-{i}", v, "name", "Organization") for i, v in enumerate(vendors)]
    texts = list(vendors)
    for case in perturbed.build_perturbations(vendor_names, per_kind=len(vendors) // 8, seed=seed):
        texts.append(case.text)
    rng.shuffle(texts)
    for text in texts:
        scored = [features(q, c)[0] for q, c in matcher.pairs(text)]
        rows += hardest(scored, 1.0)
    return rows


def hardest(candidates: list[dict[str, float]], weight: float) -> list[Row]:
    ranked = sorted(candidates, key=lambda v: -v["both_covered"])[:HARD_NEGATIVES]
    return [(vector(v), 0, weight) for v in ranked]


def held_out(sets: evalset.EvalSet) -> tuple[set[str], set[str]]:
    """Entries the evaluation queries target, and its unlisted names."""
    entities = {q.target for q in sets.queries if q.target}
    unlisted = {q.text for q in sets.queries if q.category.startswith("negative")}
    return entities, unlisted


def fit(rows: list[Row]) -> tuple[list[float], float]:
    """Logistic regression whose weights keep the signs name_v1.SIGNS gives them.

    scikit-learn's LogisticRegression has no bounds; a bounded fit keeps every explanation
    readable (evidence against a match can never count for it).
    """
    import numpy as np
    from scipy.optimize import minimize

    x = np.array([r[0] for r in rows])
    y = np.array([r[1] for r in rows], dtype=float)
    w = np.array([r[2] for r in rows])
    penalty = 1.0 / w.sum()

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ theta[:-1] + theta[-1]
        p = 1.0 / (1.0 + np.exp(-z))
        value = -np.sum(w * (y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12)))
        value += 0.5 * penalty * np.sum(theta[:-1] ** 2) * w.sum()
        gradient = np.append(x.T @ (w * (p - y)) + penalty * w.sum() * theta[:-1], np.sum(w * (p - y)))
        return float(value), gradient

    bounds = [(0, None) if SIGNS[f] > 0 else (None, 0) if SIGNS[f] < 0 else (None, None) for f in FEATURES]
    result = minimize(
        loss, np.zeros(len(FEATURES) + 1), jac=True, method="L-BFGS-B", bounds=[*bounds, (None, None)]
    )
    return [float(v) for v in result.x[:-1]], float(result.x[-1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--output", type=Path, default=WEIGHTS)
    args = parser.parse_args()
    sets = evalset.build()
    test_entities, test_unlisted = held_out(sets)
    names = training_names(test_entities)
    catalog = Catalog()
    catalog.add_entities(to_entities(names))
    matcher = Matcher.build(catalog, "name_v1")
    listed = exclusion_names([n.name for n in names])
    pool = negatives.build_negatives(listed, len(test_unlisted) + UNLISTED, SEED + 1)
    vendors = [v for v in pool if v not in test_unlisted][:UNLISTED]
    rng = random.Random(SEED)
    rows = (
        alias_rows(matcher, rng)
        + perturbed_rows(matcher, names, SEED)
        + unlisted_rows(matcher, vendors, SEED)
    )
    weights, bias = fit(rows)
    write(args.output, weights, bias, rows, names, vendors, test_entities)


def write(
    path: Path,
    weights: list[float],
    bias: float,
    rows: list[Row],
    names: list[ListedName],
    vendors: list[str],
    test: set[str],
) -> None:
    previous = json.loads(path.read_text()) if path.exists() else {}
    counts: dict[int, int] = defaultdict(int)
    for _, label, _weight in rows:
        counts[label] += 1
    result = {
        "weights": {n: round(w, 4) for n, w in zip(FEATURES, weights, strict=True)},
        "bias": round(bias, 4),
        "threshold": previous.get("threshold", 0.5),
        "trained_on": {
            "date": date.today().isoformat(),
            "command": "python -m bench.train_name_v1",
            "entries": len({n.entity_id for n in names}),
            "names": len(names),
            "evaluation_entries_left_out": len(test),
            "unlisted_names": len(vendors),
            "positives": int(counts[1]),
            "negatives": int(counts[0]),
        },
    }
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
