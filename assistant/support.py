"""Sentence support: how well a quote backs an answer sentence (0..1).

The score averages a lexical part (share of the sentence's content terms found in the
quote) and a semantic part (cosine similarity to the closest sentence of the quote).
A verbatim sentence scores 1.0; an unrelated one scores low. The threshold that separates
the two is calibrated by `calibrate` and reported by the eval (see evals/README.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from assistant.bm25 import tokenize
from assistant.embeddings import Embedder
from assistant.sentences import split_sentences

LEXICAL_WEIGHT = 0.5


def lexical_support(sentence: str, quote: str) -> float:
    """Share of the sentence's content terms (stemmed) that appear in the quote."""
    terms = set(tokenize(sentence))
    if not terms:
        return 0.0
    return len(terms & set(tokenize(quote))) / len(terms)


class SupportScorer:
    """Scores (sentence, quote) pairs with one embedder; caches quote sentence vectors."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder
        self._quote_vectors: dict[str, np.ndarray] = {}

    def score(self, sentence: str, quote: str) -> float:
        if sentence.strip() and sentence.strip() in quote:
            return 1.0
        lexical = lexical_support(sentence, quote)
        semantic = float(np.max(self._vectors(quote) @ self.embedder.embed_batch([sentence])[0]))
        return LEXICAL_WEIGHT * lexical + (1 - LEXICAL_WEIGHT) * max(semantic, 0.0)

    def _vectors(self, quote: str) -> np.ndarray:
        if quote not in self._quote_vectors:
            parts = [quote[s.start : s.end] for s in split_sentences(quote)] or [quote]
            self._quote_vectors[quote] = self.embedder.embed_batch(parts)
        return self._quote_vectors[quote]


@dataclass(frozen=True, slots=True)
class Calibration:
    """The threshold with the best balanced accuracy on supported vs unsupported pairs."""

    threshold: float
    supported_pass_rate: float  # share of supported pairs at or above the threshold
    unsupported_pass_rate: float  # share of unsupported pairs at or above the threshold
    pairs: int


def calibrate(supported: Sequence[float], unsupported: Sequence[float]) -> Calibration:
    """Pick the score threshold that best separates the two lists of scores."""
    candidates = sorted(set(supported) | set(unsupported))
    best: Calibration | None = None
    for threshold in candidates:
        kept = float(np.mean([s >= threshold for s in supported])) if supported else 0.0
        leaked = float(np.mean([s >= threshold for s in unsupported])) if unsupported else 0.0
        current = Calibration(round(threshold, 4), kept, leaked, len(supported) + len(unsupported))
        if best is None or kept - leaked > best.supported_pass_rate - best.unsupported_pass_rate:
            best = current
    if best is None:
        raise ValueError("calibration needs at least one score")
    return best
