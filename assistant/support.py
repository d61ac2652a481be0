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
    """Scores (sentence, quote) pairs with one embedder; caches every vector it computes."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder
        self._vectors: dict[str, np.ndarray] = {}

    def warm(self, sentences: Sequence[str], quotes: Sequence[str] = ()) -> None:
        """Embed, in one batch, the sentences and quote parts that will be scored next."""
        texts = [*sentences, *(part for quote in quotes for part in _parts(quote))]
        missing = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        if missing:
            self._vectors.update(zip(missing, self.embedder.embed_batch(missing), strict=True))

    def score(self, sentence: str, quote: str) -> float:
        if sentence.strip() and sentence.strip() in quote:
            return 1.0
        self.warm([sentence], [quote])
        lexical = lexical_support(sentence, quote)
        quote_vectors = np.stack([self._vectors[part] for part in _parts(quote)])
        semantic = float(np.max(quote_vectors @ self._vectors[sentence]))
        return LEXICAL_WEIGHT * lexical + (1 - LEXICAL_WEIGHT) * max(semantic, 0.0)


def _parts(quote: str) -> list[str]:
    """The sentences of a quote (the quote itself when it has none)."""
    return [quote[s.start : s.end] for s in split_sentences(quote)] or [quote]


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
