"""Fit name_v2's weights on data kept apart from every evaluation, and write weights.json.

    python -m bench.train_name_v2

It learns from what name_v1's fit learns from (bench/train_name_v1.py: lists and entries no
evaluation query targets, unlisted IEEE manufacturers no evaluation uses), read through the
compiled engine in batches: every comparison the engine makes for a training query, labelled
by whether the candidate is the query's own entry. Per query, the best comparison of its own
entry is a positive and the three closest of other entries are negatives (list neighbours
weighted down: lists repeat parties under near-identical names).

And from the fitting part of the real-portfolio set (bench/portfolios, never its held-out
part): each holding screened with its country column against the portfolio lists, the best
comparison of a hand-labelled listed issuer a positive, every other comparison a negative,
weighted up (these are the names users screen).

The lists' own weak-alias marks cannot be learnt from names: that weight stays as weights.json
sets it (`fixed`).
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from bench import evalset, negatives, perturbed
from bench.cases import ListedName
from bench.listed import exclusion_names
from bench.train_name_v1 import UNLISTED, held_out, training_names
from lookthrough.matching import get_algorithm
from lookthrough.matching.engine.build import build_index
from lookthrough.matching.engine.countries import Where
from lookthrough.matching.engine.engine import NameEngine
from lookthrough.matching.types import AGAINST, FOR

SEED = 13
PER_ENTITY = 3
HARD_NEGATIVES = 3
LIST_NEGATIVE_WEIGHT = 0.2
FIXED = ("weak_alias",)
PORTFOLIO_WEIGHT = 5.0
"""Weight of a real-portfolio row against a row made from the lists."""
"""Weights set by hand (documented in docs/matching.md), not fitted: no name pair carries them."""
WEIGHTS = Path(__file__).resolve().parent.parent / "lookthrough" / "matching" / "name_v2" / "weights.json"
BATCH = 5_000


@dataclass
class Rows:
    """Training rows: feature vectors, labels and weights."""

    x: list[NDArray[np.float64]]
    y: list[int]
    w: list[float]

    def add(self, vector: NDArray[np.float64], label: int, weight: float) -> None:
        self.x.append(vector)
        self.y.append(label)
        self.w.append(weight)


def queries(
    engine: NameEngine, names: list[ListedName], vendors: list[str], rng: random.Random
) -> list[tuple[str, str | None, float]]:
    """(text, its entry or None for an unlisted name, weight of its negatives)."""
    by_entity: dict[str, list[ListedName]] = defaultdict(list)
    for name in names:
        by_entity[name.entity_id].append(name)
    found: list[tuple[str, str | None, float]] = []
    for entity_id, own in by_entity.items():
        if len(own) > 1:
            found += [
                (n.name, entity_id, LIST_NEGATIVE_WEIGHT) for n in rng.sample(own, min(PER_ENTITY, len(own)))
            ]
    found += [
        (q.text, q.target, LIST_NEGATIVE_WEIGHT)
        for q in perturbed.build_perturbations(names, per_kind=1500, seed=SEED)
    ]
    vendor_names = [ListedName(f"vendor-{i}", v, "name", "Organization") for i, v in enumerate(vendors)]
    texts = list(vendors) + [
        c.text for c in perturbed.build_perturbations(vendor_names, per_kind=len(vendors) // 8, seed=SEED)
    ]
    found += [(t, None, 1.0) for t in texts]
    return found


def rows_of(engine: NameEngine, asked: list[tuple[str, str | None, float]]) -> Rows:
    """Label every comparison the engine makes; keep the best own and the hardest others."""
    rows = Rows([], [], [])
    both = [f.name for f in engine.algorithm.FEATURES].index("both_covered")
    for start in range(0, len(asked), BATCH):
        part = asked[start : start + BATCH]
        scored = engine.score([text for text, _, _ in part])
        entity = np.asarray(engine.data.name_entity)[scored.name]
        ids = [engine.data.entities[int(e)] for e in entity]
        groups: dict[int, list[int]] = defaultdict(list)
        for row, query in enumerate(scored.query.tolist()):
            groups[query].append(row)
        for query, members in groups.items():
            text, target, weight = part[query]
            own = [r for r in members if ids[r] == target and engine.data.text(int(scored.name[r])) != text]
            others = sorted((r for r in members if ids[r] != target), key=lambda r: -scored.matrix[r, both])
            if own:
                rows.add(scored.matrix[max(own, key=lambda r: scored.matrix[r, both])], 1, 1.0)
            for r in others[:HARD_NEGATIVES]:
                rows.add(scored.matrix[r], 0, weight)
    return rows


def portfolio_rows(rows: Rows) -> None:
    """The fitting part of the real-portfolio set, screened with each holding's country column."""
    from bench.portfolio import holdings
    from bench.portfolio_data import read_labels
    from bench.portfolio_lists import open_lists

    workspace, _ = open_lists()
    matcher = workspace.load_or_build()
    engine = matcher.names
    assert isinstance(engine, NameEngine)
    chosen = [
        (h, label)
        for h, label in holdings(False, read_labels())
        if label.split == "fit" and label.label != "u"
    ]
    texts = [h.value("name") for h, _ in chosen]
    where = [Where((h.fields["country"],) if h.fields.get("country") else (), ()) for h, _ in chosen]
    scored = engine.score(texts, where)
    entity = np.asarray(engine.data.name_entity)[scored.name]
    members: dict[int, list[int]] = defaultdict(list)
    for row, query in enumerate(scored.query.tolist()):
        members[query].append(row)
    both = [f.name for f in engine.algorithm.FEATURES].index("both_covered")
    for query, found in members.items():
        label = chosen[query][1]
        issuers = (
            {c for e in label.entity_ids for c in matcher.catalog.cluster(e)} if label.label == "a" else set()
        )
        own = [r for r in found if engine.data.entities[int(entity[r])] in issuers]
        if own:
            rows.add(scored.matrix[max(own, key=lambda r: scored.matrix[r, both])], 1, PORTFOLIO_WEIGHT)
        for r in found:
            if r not in own:
                rows.add(scored.matrix[r], 0, PORTFOLIO_WEIGHT)
    workspace.close()


def fit(engine: NameEngine, rows: Rows) -> tuple[list[float], float]:
    """A logistic regression whose weights keep each feature's sign; fixed features keep theirs."""
    from scipy.optimize import minimize

    features = engine.algorithm.FEATURES
    current = engine.algorithm.coefficients()
    x, y, w = np.array(rows.x), np.array(rows.y, dtype=float), np.array(rows.w)
    penalty = 1.0 / w.sum()

    def loss(theta: NDArray[np.float64]) -> tuple[float, NDArray[np.float64]]:
        p = 1.0 / (1.0 + np.exp(-(x @ theta[:-1] + theta[-1])))
        value = -np.sum(w * (y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12)))
        value += 0.5 * penalty * np.sum(theta[:-1] ** 2) * w.sum()
        gradient = np.append(x.T @ (w * (p - y)) + penalty * w.sum() * theta[:-1], np.sum(w * (p - y)))
        return float(value), gradient

    bounds = []
    for f in features:
        if f.name in FIXED:
            bounds.append((current[f.name], current[f.name]))
        else:
            bounds.append((0, None) if f.sign == FOR else (None, 0) if f.sign == AGAINST else (None, None))
    start = np.array([current[f.name] if f.name in FIXED else 0.0 for f in features] + [0.0])
    result = minimize(loss, start, jac=True, method="L-BFGS-B", bounds=[*bounds, (None, None)])
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
    entries = [
        (n.entity_id, n.name, n.prop, n.schema == "Person") for n in sorted(names, key=lambda n: n.entity_id)
    ]
    engine = NameEngine(build_index(entries), get_algorithm("name_v2"))
    listed = exclusion_names([n.name for n in names])
    pool = negatives.build_negatives(listed, len(test_unlisted) + UNLISTED, SEED + 1)
    vendors = [v for v in pool if v not in test_unlisted][:UNLISTED]
    rows = rows_of(engine, queries(engine, names, vendors, random.Random(SEED)))
    portfolio_rows(rows)
    weights, bias = fit(engine, rows)
    write(args.output, engine, weights, bias, rows, names, vendors, test_entities)


def write(
    path: Path,
    engine: NameEngine,
    weights: list[float],
    bias: float,
    rows: Rows,
    names: list[ListedName],
    vendors: list[str],
    test: set[str],
) -> None:
    previous = json.loads(path.read_text()) if path.exists() else {}
    result = {
        "weights": {f.name: round(w, 4) for f, w in zip(engine.algorithm.FEATURES, weights, strict=True)},
        "bias": round(bias, 4),
        "threshold": previous.get("threshold", 0.5),
        "fixed": list(FIXED),
        "trained_on": {
            "date": date.today().isoformat(),
            "command": "python -m bench.train_name_v2",
            "entries": len({n.entity_id for n in names}),
            "names": len(names),
            "evaluation_entries_left_out": len(test),
            "unlisted_names": len(vendors),
            "positives": int(sum(rows.y)),
            "negatives": int(len(rows.y) - sum(rows.y)),
        },
    }
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
