"""Real-portfolio figures: each hit judged against the row's hand label, counted per rule."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from bench.portfolio_data import Label
from lookthrough.screening.result import Hit

Cluster = Callable[[str], str]
"""The key of the party an entity id belongs to (entries of one party across lists share it)."""
Listed = Callable[[str], bool]
"""Whether the party of an entity id is on a loaded list itself."""


@dataclass(frozen=True)
class JudgedHit:
    """One hit on one row, and whether the label says it names a right party."""

    fund: str
    row: int
    name: str
    entity_id: str
    headline: str
    matched_name: str
    score: float
    rule: str
    verdict: str  # "true", "false", or "unjudged" on an unresolved (u) row


@dataclass(frozen=True)
class Outcome:
    """What screening one labelled row gave."""

    label: Label
    hits: tuple[JudgedHit, ...]
    found_listed: bool  # a true hit names the listed issuer itself
    found_controller: bool  # a true hit names a listed party that controls it
    nearest: tuple[JudgedHit, ...] = ()  # for a miss: the candidates below the threshold

    @property
    def missed(self) -> bool:
        """Labelled (a) with the issuer not hit, or (b) with no listed controller reached."""
        return (self.label.label == "a" and not self.found_listed) or (
            self.label.label == "b" and not self.found_controller
        )


def judge(label: Label, hits: Iterable[Hit], cluster: Cluster, is_listed: Listed) -> Outcome:
    """Judge each hit: true when its party is one the label names and the name did not match a
    different listed party on the way (CETC reached through another CETC company is not a find),
    or when the name matched the listed issuer itself and the look-through went on from it to
    its listed owners; every hit on a (c) row is false."""
    own = {cluster(i) for i in label.entity_ids}
    controllers = {cluster(i) for i in label.controllers}
    judged, listed, controlled = [], False, False
    for hit in hits:
        key = cluster(hit.entity_id)
        start = cluster(hit.path[0].entity_id) if hit.path else key
        wrong_start = start not in own | controllers and is_listed(start)
        right_party = key in own | controllers and not wrong_start
        # The issuer matched and the graph went on to its own listed owners: a right finding.
        via_issuer = hit.rule != "listed" and start in own
        verdict = "unjudged" if label.label == "u" else "true" if right_party or via_issuer else "false"
        listed |= verdict == "true" and key in own
        controlled |= verdict == "true" and key in controllers
        judged.append(
            JudgedHit(label.fund, label.row, label.name, hit.entity_id, hit.name,
                      hit.matched_name or "", hit.score, hit.rule, verdict)
        )  # fmt: skip
    return Outcome(label, tuple(judged), listed, controlled)


@dataclass
class Figures:
    """The counts behind one table row: a fund or all, the fitting or the held-out part."""

    rows: int = 0
    unresolved: int = 0
    listed: int = 0
    listed_found: int = 0
    controlled: int = 0
    controlled_found: int = 0
    rows_flagged: int = 0
    rows_right: int = 0
    rows_wrong_only: int = 0
    rows_false: int = 0
    by_rule: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, outcome: Outcome) -> None:
        self.rows += 1
        label = outcome.label.label
        self.unresolved += label == "u"
        if label == "a":
            self.listed += 1
            self.listed_found += outcome.found_listed
        if label == "b":
            self.controlled += 1
            self.controlled_found += outcome.found_controller
        verdicts = {h.verdict for h in outcome.hits}
        self.rows_flagged += bool(outcome.hits)
        self.rows_right += "true" in verdicts
        self.rows_wrong_only += verdicts == {"false"}
        self.rows_false += "false" in verdicts
        for hit in outcome.hits:
            self.by_rule[(hit.rule, hit.verdict)] += 1

    @property
    def judged_rows(self) -> int:
        return self.rows - self.unresolved

    def count(self, verdict: str, rule: str | None = None) -> int:
        return sum(n for (r, v), n in self.by_rule.items() if v == verdict and rule in (None, r))

    def precision(self, rule: str | None = None) -> float | None:
        right, wrong = self.count("true", rule), self.count("false", rule)
        return right / (right + wrong) if right + wrong else None

    def row_precision(self) -> float | None:
        """Of the judged rows that were hit, the share with at least one true hit."""
        judged = self.rows_right + self.rows_wrong_only
        return self.rows_right / judged if judged else None

    def false_per_1000(self) -> float | None:
        return 1000 * self.count("false") / self.judged_rows if self.judged_rows else None

    def rules(self) -> list[str]:
        return sorted({rule for rule, _ in self.by_rule})


def tally(outcomes: Iterable[Outcome], key: Callable[[Outcome], str]) -> dict[str, Figures]:
    """Figures per group `key` gives, plus 'all'."""
    found: dict[str, Figures] = {}
    for outcome in outcomes:
        for group in (key(outcome), "all"):
            found.setdefault(group, Figures()).add(outcome)
    return found


def misses(outcomes: Iterable[Outcome]) -> list[Outcome]:
    """Rows labelled (a) whose issuer was not found, or (b) whose controller was not."""
    return [o for o in outcomes if o.missed]
