"""Extractive answers: verbatim corpus sentences, each followed by the [n] of its passage.

Sentences are chosen by relevance to the question (sentence + passage similarity, keyword
overlap) and novelty (maximal marginal relevance). A sentence from the unreviewed seed
article is always followed by the most relevant sentence of a reference note that qualifies
that seed section, so an overstated claim never appears without its correction.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from assistant.bm25 import tokenize
from assistant.index import CorpusIndex
from assistant.models import Citation, Hit, Passage, section_label

QUALIFIER_LEAD_IN = "**Reviewed evidence adds:** "
LEAD_INS = (QUALIFIER_LEAD_IN,)
SEED_WEIGHT = 0.9  # unreviewed seed sentences must beat reviewed notes by a margin
SENTENCE_SHARE = 0.7  # relevance = 0.7 sentence similarity + 0.3 passage similarity
KEYWORD_BONUS = 0.1  # added in proportion to the share of query terms a sentence contains
NOVELTY_WEIGHT = 0.3  # MMR trade-off: 0 = relevance only
RELATIVE_FLOOR = 0.75  # later sentences must reach this share of the best one's relevance
MIN_WORDS = 6
READS_ALONE_CACHE = 65_536  # corpus sentences whose standalone check is remembered
# Sentences that lean on the one before them ("It ...", "So ...", "... gives similar advice").
REFERRING_STARTS = (
    "it ", "this ", "these ", "they ", "such ", "that ", "those ", "so ", "also ", "but ",
    "however", "similarly", "likewise", "both ", "instead", "even so", "in contrast",
)  # fmt: skip
REFERRING_PHRASES = re.compile(r"\b(?:similar|the same) (?:advice|findings?|results?|view)\b")
PRONOUN_AFTER_OPENER = re.compile(r"[^,]{1,40}, (?:it|this|they|these|those|such) ")  # "In X, it"


@dataclass(frozen=True, slots=True)
class Candidate:
    """One corpus sentence considered for the answer."""

    passage: Passage
    position: int  # index of the sentence within its passage
    rank: int  # rank of its passage in the retrieval
    relevance: float
    vector: np.ndarray

    @property
    def text(self) -> str:
        start, end = self.passage.sentences[self.position]
        return self.passage.text[start:end]


@dataclass(frozen=True, slots=True)
class Composition:
    """The markdown answer and the citations its markers point to."""

    answer: str
    citations: tuple[Citation, ...]


def compose(
    question: str,
    query_vector: np.ndarray,
    hits: Sequence[Hit],
    index: CorpusIndex,
    *,
    max_sentences: int,
    min_score: float,
) -> Composition | None:
    """A cited extractive answer from the retrieved passages, or None when nothing in them
    is relevant enough (the caller then says the corpus does not cover the question)."""
    candidates = _candidates(question, query_vector, hits, index)
    chosen = _select(candidates, max_sentences=max_sentences, min_score=min_score)
    if not chosen:
        return None
    chosen = _with_antecedents(chosen, candidates, index)
    ordered = _reading_order(chosen)
    lines = _with_qualifications(ordered, query_vector, index)
    return _render(lines, query_vector, index)


def _candidates(
    question: str, query_vector: np.ndarray, hits: Sequence[Hit], index: CorpusIndex
) -> list[Candidate]:
    query_terms = set(tokenize(question))
    found = []
    for rank, hit in enumerate(hits):
        passage = index.passage_by_id[hit.passage_id]
        passage_similarity = float(index.passage_vector(passage.passage_id) @ query_vector)
        weight = SEED_WEIGHT if index.sources[passage.source_id].is_seed else 1.0
        vectors = index.sentence_vectors_of(passage.passage_id)
        terms = index.sentence_terms_of(passage.passage_id)
        similarities = vectors @ query_vector
        for position, text in enumerate(passage.sentence_texts()):
            if not _is_answer_sentence(text):
                continue
            similarity = float(similarities[position])
            overlap = len(query_terms & terms[position]) / max(len(query_terms), 1)
            relevance = (
                SENTENCE_SHARE * similarity
                + (1 - SENTENCE_SHARE) * passage_similarity
                + KEYWORD_BONUS * overlap
            ) * weight
            found.append(Candidate(passage, position, rank, relevance, vectors[position]))
    return found


def _is_answer_sentence(text: str) -> bool:
    """Statements only: no headings-as-questions, list introductions or fragments."""
    return len(text.split()) >= MIN_WORDS and not text.rstrip().endswith(("?", ":"))


def _select(
    candidates: list[Candidate], *, max_sentences: int, min_score: float
) -> list[Candidate]:
    """Maximal marginal relevance above an absolute and a relative floor."""
    pool = [c for c in candidates if c.relevance >= min_score]
    if not pool:
        return []
    floor = max(min_score, max(c.relevance for c in pool) * RELATIVE_FLOOR)
    pool = [c for c in pool if c.relevance >= floor]
    chosen: list[Candidate] = []
    while pool and len(chosen) < max_sentences:
        best = max(pool, key=lambda c: _marginal(c, chosen))
        chosen.append(best)
        pool.remove(best)
    return chosen


def _marginal(candidate: Candidate, chosen: list[Candidate]) -> float:
    redundancy = max((float(candidate.vector @ c.vector) for c in chosen), default=0.0)
    return (1 - NOVELTY_WEIGHT) * candidate.relevance - NOVELTY_WEIGHT * redundancy


def _with_antecedents(
    chosen: list[Candidate], candidates: list[Candidate], index: CorpusIndex
) -> list[Candidate]:
    """Add the sentence before one that leans on it ("It ...", "So ...", "similar advice"),
    and so on back, so every sentence reads in context. The sentence before may open the
    next paragraph's passage, within the same section."""
    by_place = {(c.passage.passage_id, c.position): c for c in candidates}
    result = list(chosen)
    taken = {(c.passage.passage_id, c.position) for c in result}
    for candidate in result:  # grows while we walk it: antecedents can lean back too
        if not _leans_back(candidate.text):
            continue
        previous = _sentence_before(candidate, index)
        if previous is None:
            continue
        passage, position = previous
        place = (passage.passage_id, position)
        if place in taken:
            continue
        taken.add(place)
        antecedent = by_place.get(place)
        if antecedent is None:  # not retrieved: its passage was not among the hits
            vector = index.sentence_vectors_of(passage.passage_id)[position]
            antecedent = Candidate(passage, position, candidate.rank, candidate.relevance, vector)
        result.append(antecedent)
    return result


def _sentence_before(candidate: Candidate, index: CorpusIndex) -> tuple[Passage, int] | None:
    """The answer sentence just before this one in its section, if any."""
    passage = candidate.passage
    position = _last_answer_sentence(passage, before=candidate.position)
    if position is not None:
        return passage, position
    earlier = [
        p
        for p in index.passages_of(passage.source_id)
        if p.end <= passage.start and p.section == passage.section
    ]
    if not earlier:
        return None
    previous = max(earlier, key=lambda p: p.start)
    position = _last_answer_sentence(previous, before=len(previous.sentences))
    return None if position is None else (previous, position)


def _last_answer_sentence(passage: Passage, *, before: int) -> int | None:
    """Position of the last answer sentence of `passage` before position `before`."""
    texts = passage.sentence_texts()
    return next((i for i in range(before - 1, -1, -1) if _is_answer_sentence(texts[i])), None)


def _leans_back(text: str) -> bool:
    lowered = text.lower()
    return (
        lowered.startswith(REFERRING_STARTS)
        or bool(REFERRING_PHRASES.search(lowered))
        or bool(PRONOUN_AFTER_OPENER.match(lowered))
    )


def _reading_order(chosen: list[Candidate]) -> list[Candidate]:
    """Sections in order of their best chosen sentence; within a section, document order."""
    first_seen: dict[tuple[str, tuple[str, ...]], int] = {}
    for order, candidate in enumerate(chosen):
        first_seen.setdefault(_section_of(candidate.passage), order)
    return sorted(
        chosen,
        key=lambda c: (first_seen[_section_of(c.passage)], c.passage.start, c.position),
    )


def _section_of(passage: Passage) -> tuple[str, tuple[str, ...]]:
    return passage.source_id, passage.section


Line = tuple[Passage, int, str]  # passage, sentence position, lead-in


def _with_qualifications(
    ordered: list[Candidate], query_vector: np.ndarray, index: CorpusIndex
) -> list[Line]:
    """Answer lines; each seed sentence is followed by a note sentence qualifying it, one the
    answer does not already give."""
    used = {(c.passage.passage_id, c.position) for c in ordered}
    lines: list[Line] = []
    for candidate in ordered:
        lines.append((candidate.passage, candidate.position, ""))
        if not index.sources[candidate.passage.source_id].is_seed:
            continue
        qualifier = _qualifier(candidate, query_vector, index, used)
        if qualifier is not None:
            used.add((qualifier[0].passage_id, qualifier[1]))
            lines.append((*qualifier, QUALIFIER_LEAD_IN))
    return lines


def _qualifier(
    seed: Candidate, query_vector: np.ndarray, index: CorpusIndex, used: set[tuple[str, int]]
) -> tuple[Passage, int] | None:
    """The note sentence closest to both the seed sentence and the question, among notes
    whose `qualifies` names a heading of the seed sentence's section; not one already in
    the answer, and one that reads on its own."""
    headings = set(seed.passage.section)
    best: tuple[float, Passage, int] | None = None
    for source in index.sources.values():
        if not headings.intersection(source.qualifies):
            continue
        for passage in index.passages_of(source.source_id):
            vectors = index.sentence_vectors_of(passage.passage_id)
            scores = vectors @ seed.vector + vectors @ query_vector
            for position, text in enumerate(passage.sentence_texts()):
                if not _reads_alone(text) or (passage.passage_id, position) in used:
                    continue
                score = float(scores[position])
                if best is None or score > best[0]:
                    best = (score, passage, position)
    return None if best is None else (best[1], best[2])


@functools.lru_cache(maxsize=READS_ALONE_CACHE)
def _reads_alone(text: str) -> bool:
    """An answer sentence that does not lean on the one before (corpus text only: cached,
    as the same note sentences are weighed as qualifiers for every question)."""
    return _is_answer_sentence(text) and not _leans_back(text)


def _render(lines: list[Line], query_vector: np.ndarray, index: CorpusIndex) -> Composition:
    """Markdown with `[n]` after each sentence; one citation per passage whose quote is the
    verbatim span from its first to its last cited sentence."""
    numbers: dict[str, int] = {}
    spans: dict[str, list[tuple[int, int]]] = {}
    parts = []
    for passage, position, lead_in in lines:
        n = numbers.setdefault(passage.passage_id, len(numbers) + 1)
        start, end = passage.sentences[position]
        spans.setdefault(passage.passage_id, []).append((start, end))
        parts.append(f"{lead_in}{passage.text[start:end]} [{n}]")
    citations = []
    for passage_id, n in numbers.items():
        passage = index.passage_by_id[passage_id]
        source = index.sources[passage.source_id]
        start = min(a for a, _ in spans[passage_id])
        end = max(b for _, b in spans[passage_id])
        citations.append(
            Citation(
                n=n,
                passage_id=passage_id,
                source_id=source.source_id,
                title=source.title,
                section=section_label(passage.section),
                url=source.url,
                quote=passage.text[start:end],
                score=round(float(index.passage_vector(passage_id) @ query_vector), 4),
                source_type=source.source_type,
                reviewed_on=source.reviewed_on,
                evidence_note=source.evidence_note,
            )
        )
    return Composition(" ".join(parts), tuple(citations))
