"""How much of each name's weight found a partner in the other, and how."""

from __future__ import annotations

from dataclasses import dataclass

from lookthrough.matching.compare.tokens import Alignment


@dataclass(slots=True, frozen=True)
class Coverage:
    """Weighted shares of each side explained by the alignment."""

    query: float
    listed: float
    both: float
    fuzzy_share: float
    rarest_unmatched: float
    shared: float
    """Rarity weight both names share (the lesser side of each pair), not a share."""
    query_missing: float
    listed_missing: float


def coverage(alignment: Alignment) -> Coverage:
    """Weighted coverage of query and listed name by the aligned words."""
    q_met = c_met = fuzzy = q_total = c_total = shared = 0.0
    for _, _, similarity, wq, wc in alignment.pairs:
        q_total += wq
        c_total += wc
        q_met += wq * similarity
        c_met += wc * similarity
        shared += min(wq, wc) * similarity
        if similarity < 1.0:
            fuzzy += (wq + wc) * similarity
    rarest = 0.0
    for _, weight in alignment.query_left:
        q_total += weight
        rarest = max(rarest, weight)
    for _, weight in alignment.listed_left:
        c_total += weight
        rarest = max(rarest, weight)
    met = q_met + c_met
    return Coverage(
        query=q_met / q_total if q_total else 0.0,
        listed=c_met / c_total if c_total else 0.0,
        both=met / (q_total + c_total) if q_total + c_total else 0.0,
        fuzzy_share=fuzzy / met if met else 0.0,
        rarest_unmatched=rarest,
        shared=shared,
        query_missing=q_total - q_met,
        listed_missing=c_total - c_met,
    )
