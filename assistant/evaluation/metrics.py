"""Pure metric functions: retrieval ranks against gold spans, rates, percentiles, grade."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.readability import reading_grade as grade

MIN_GOLD_OVERLAP = 0.5  # a passage counts when it holds at least half of a gold quote


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of one corpus file: retrieved text or a gold quote."""

    source_id: str
    start: int
    end: int

    def covers(self, gold: Span) -> bool:
        if self.source_id != gold.source_id:
            return False
        overlap = min(self.end, gold.end) - max(self.start, gold.start)
        return overlap >= MIN_GOLD_OVERLAP * (gold.end - gold.start)


def first_hit_rank(ranked: Sequence[Span], golds: Sequence[Span]) -> int | None:
    """1-based rank of the first retrieved span covering any gold span."""
    for rank, span in enumerate(ranked, start=1):
        if any(span.covers(gold) for gold in golds):
            return rank
    return None


def hit_at(rank: int | None, k: int) -> float:
    return 1.0 if rank is not None and rank <= k else 0.0


def reciprocal_rank(rank: int | None) -> float:
    return 0.0 if rank is None else 1.0 / rank


def ndcg_at(ranked: Sequence[Span], golds: Sequence[Span], k: int = 10) -> float:
    """nDCG@k with binary gains: a rank is relevant when it covers a gold not covered above it.

    The ideal list holds one relevant passage per such rank in the whole ranking plus one per
    gold never found, so a passage covering two golds is not counted as two.
    """
    if not golds:
        return 0.0
    found: set[int] = set()
    relevant_ranks = []
    for rank, span in enumerate(ranked, start=1):
        new = {i for i, gold in enumerate(golds) if i not in found and span.covers(gold)}
        if new:
            found |= new
            relevant_ranks.append(rank)
    dcg = sum(1 / math.log2(rank + 1) for rank in relevant_ranks if rank <= k)
    needed = len(relevant_ranks) + len(golds) - len(found)
    ideal = sum(1 / math.log2(rank + 1) for rank in range(1, min(needed, k) + 1))
    return dcg / ideal


def mentions(text: str, item: str) -> bool:
    """True when any of the "|"-separated alternatives appears (case-insensitive, whole word
    start)."""
    return any(
        re.search(rf"\b{re.escape(alt.strip())}", text, re.IGNORECASE)
        for alt in item.split("|")
        if alt.strip()
    )


def rate(values: Sequence[bool | float]) -> float | None:
    """Mean of the values, or None when there are none (reported as n/a)."""
    return sum(float(v) for v in values) / len(values) if values else None


def percentile(values: Sequence[float], share: float) -> float | None:
    """Nearest-rank percentile (share in 0..1)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def reading_grade(text: str) -> float | None:
    """Flesch-Kincaid grade of plain text (markers and markdown removed)."""
    return grade(re.sub(r"\[\d+\]|\*\*[^*]+\*\*", "", text))
