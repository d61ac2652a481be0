"""Check a generated answer sentence by sentence and turn what survives into cited text.

A sentence is kept when every number it cites was shown to the model and a cited passage
supports it: one of the passage's sentences scores at least `min_support` on the eval's
support measure. Cited passages that do not support it lose their marker. A sentence
citing the seed article is kept only when a note qualifying that seed section is cited
too. Citations are renumbered by first use, and each quote is the verbatim span of the
passage sentences that support the answer, so the result passes `verify.check`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from assistant.compose import Composition
from assistant.llm_parse import Generated
from assistant.models import Citation, Passage, Source
from assistant.verify import SupportScore, check, unqualified_seed_citations


@dataclass(frozen=True, slots=True)
class Evidence:
    """The passages shown to the model (passage n is `passages[n - 1]`) and their metadata."""

    passages: Sequence[Passage]
    sources: Mapping[str, Source]
    scores: Mapping[str, float]  # passage id -> retrieval similarity, shown on citations

    @property
    def by_id(self) -> dict[str, Passage]:
        return {passage.passage_id: passage for passage in self.passages}


@dataclass(frozen=True, slots=True)
class Supported:
    """A kept sentence and, per passage it cites, the position of its supporting sentence."""

    text: str
    support: tuple[tuple[int, int], ...]  # (index into Evidence.passages, sentence position)


@dataclass(frozen=True, slots=True)
class Verdict:
    """The verified answer, or None with the reason to serve the extractive one instead."""

    composition: Composition | None
    reason: str  # empty when `composition` is served; a stable name otherwise
    written: int  # sentences the model wrote
    kept: int  # sentences that passed


def verify_answer(
    written: Sequence[Generated],
    evidence: Evidence,
    support: SupportScore,
    *,
    min_support: float,
    min_kept_share: float,
) -> Verdict:
    """Keep the supported sentences; fall back when fewer than `min_kept_share` of them pass."""
    kept = [s for s in (supported(g, evidence, support, min_support) for g in written) if s]
    kept = _with_qualified_seed_only(kept, evidence)
    if not kept:
        return Verdict(None, "no_supported_sentence", len(written), 0)
    if len(kept) < min_kept_share * len(written):
        return Verdict(None, "too_few_supported", len(written), len(kept))
    composition = render(kept, evidence)
    problems = check(
        composition.answer,
        composition.citations,
        evidence.by_id,
        support=support,
        min_support=min_support,
    )
    if problems:
        kinds = ",".join(sorted({problem.kind for problem in problems}))
        return Verdict(None, f"failed_check:{kinds}", len(written), len(kept))
    return Verdict(composition, "", len(written), len(kept))


def supported(
    sentence: Generated, evidence: Evidence, support: SupportScore, min_support: float
) -> Supported | None:
    """The sentence with the cited passages that support it, or None when it cites nothing,
    cites a number that was not shown, or no cited passage supports it."""
    count = len(evidence.passages)
    if not sentence.markers or any(not 1 <= n <= count for n in sentence.markers):
        return None
    found = []
    for n in sentence.markers:
        position, score = best_sentence(sentence.text, evidence.passages[n - 1], support)
        if score >= min_support:
            found.append((n - 1, position))
    return Supported(sentence.text, tuple(found)) if found else None


def best_sentence(text: str, passage: Passage, support: SupportScore) -> tuple[int, float]:
    """The position of the passage sentence that best supports `text`, and its score."""
    scores = [support(text, sentence) for sentence in passage.sentence_texts()]
    if not scores:
        return 0, 0.0
    best = max(range(len(scores)), key=scores.__getitem__)
    return best, scores[best]


def _with_qualified_seed_only(kept: list[Supported], evidence: Evidence) -> list[Supported]:
    """Drop sentences citing a seed passage whose qualifying note is not cited (repeated,
    since a dropped sentence may have been the one citing a note)."""
    by_id = evidence.by_id
    while kept:
        citations = render(kept, evidence).citations
        missing = {
            c.passage_id for c in unqualified_seed_citations(citations, by_id, evidence.sources)
        }
        if not missing:
            break
        kept = [
            s
            for s in kept
            if not any(evidence.passages[i].passage_id in missing for i, _ in s.support)
        ]
    return kept


def render(kept: Sequence[Supported], evidence: Evidence) -> Composition:
    """`text [n]` sentences with citations numbered by first use."""
    numbers: dict[int, int] = {}
    positions: dict[int, list[int]] = {}
    parts = []
    for sentence in kept:
        markers = []
        for index, position in sentence.support:
            markers.append(f"[{numbers.setdefault(index, len(numbers) + 1)}]")
            positions.setdefault(index, []).append(position)
        parts.append(f"{sentence.text} {''.join(markers)}")
    citations = tuple(
        _citation(n, evidence, index, positions[index]) for index, n in numbers.items()
    )
    return Composition(" ".join(parts), citations)


def _citation(n: int, evidence: Evidence, index: int, positions: list[int]) -> Citation:
    """Citation `n`: the verbatim span from the first to the last supporting sentence."""
    passage = evidence.passages[index]
    start = passage.sentences[min(positions)][0]
    end = passage.sentences[max(positions)][1]
    return Citation.of(
        n,
        passage,
        evidence.sources[passage.source_id],
        quote=passage.text[start:end],
        score=evidence.scores.get(passage.passage_id, 0.0),
    )
