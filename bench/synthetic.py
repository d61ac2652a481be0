"""Synthetic corpora for the scale benchmark, generated deterministically (no downloads).

Documents are recombined sentences of the real corpus. Embedding 100k passages for real
would take hours on a 2-core machine, so `SampledEmbedder` gives each text the normalised
mean of the real vectors of the corpus sentences it is made of, plus seeded noise: vectors
shaped like real ones, at no model cost. Real embedding throughput is measured separately.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from assistant.embeddings import Embedder
from assistant.index import CorpusIndex
from assistant.models import Document, Source
from assistant.sentences import split_sentences

SENTENCES_PER_PASSAGE = 3
SECTIONS_PER_DOCUMENT = 20
NOISE = 0.02  # per-dimension standard deviation added before normalising


@dataclass(frozen=True, slots=True)
class SentenceSample:
    """Real corpus sentences and their real unit vectors, row for row."""

    texts: list[str]
    vectors: np.ndarray

    @classmethod
    def from_index(cls, index: CorpusIndex) -> SentenceSample:
        texts, rows = [], []
        for passage in index.passages:
            texts.extend(passage.sentence_texts())
            rows.append(index.sentence_vectors_of(passage.passage_id))
        return cls(texts, np.vstack(rows).astype(np.float32))


def normalized(vectors: np.ndarray) -> np.ndarray:
    return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)


def mixed_vectors(sample: np.ndarray, count: int, *, seed: int) -> np.ndarray:
    """`count` unit vectors, each the mean of a few random sample rows plus seeded noise."""
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(sample), size=(count, SENTENCES_PER_PASSAGE))
    noise = rng.normal(0.0, NOISE, size=(count, sample.shape[1])).astype(np.float32)
    return normalized(sample[picks].mean(axis=1) + noise)


def synthetic_documents(sentences: Sequence[str], passages: int, *, seed: int) -> list[Document]:
    """About `passages` passages: documents of sections, each a few random corpus sentences."""
    rng = np.random.default_rng(seed)
    documents = []
    for number in range(-(-passages // SECTIONS_PER_DOCUMENT)):
        sections = min(SECTIONS_PER_DOCUMENT, passages - number * SECTIONS_PER_DOCUMENT)
        title = f"Synthetic note {number}"
        parts = [f"# {title}\n"]
        for section in range(sections):
            picks = rng.choice(len(sentences), SENTENCES_PER_PASSAGE, replace=False)
            body = " ".join(sentences[row] for row in picks)
            parts.append(f"\n## Topic {number}.{section}\n\n{body}\n")
        source = Source(
            source_id=f"synthetic-{number:06d}",
            path=f"synthetic/{number:06d}.md",
            title=title,
            source_type="clinic-note",
        )
        documents.append(Document(source, "".join(parts), 0))
    return documents


def document_hashes(documents: Sequence[Document]) -> dict[str, str]:
    """Per-file content hashes, as the index manifest records them."""
    return {d.source.path: hashlib.sha256(d.text.encode()).hexdigest() for d in documents}


class SampledEmbedder:
    """Deterministic stand-in vectors for synthetic text (see the module docstring); token
    counts and vocabulary come from the real model."""

    def __init__(self, real: Embedder, sample: SentenceSample) -> None:
        self.real = real
        self.name = real.name
        self.sample = sample
        self._rows = {text: row for row, text in enumerate(sample.texts)}

    def count_tokens(self, text: str) -> int:
        return self.real.count_tokens(text)

    def dictionary_words(self) -> set[str]:
        return self.real.dictionary_words()

    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        seed = int.from_bytes(hashlib.sha256("\n".join(texts).encode()).digest()[:8], "little")
        rng = np.random.default_rng(seed)
        means = np.vstack([self._mean(text, rng) for text in texts])
        noise = rng.normal(0.0, NOISE, size=means.shape).astype(np.float32)
        return normalized(means + noise)

    def _mean(self, text: str, rng: np.random.Generator) -> np.ndarray:
        """Mean vector of the sample sentences in `text` (after its heading line)."""
        body = text.split("\n", 1)[-1]
        row = self._rows.get(body)
        if row is not None:
            return self.sample.vectors[row]
        rows = [self._rows.get(body[s.start : s.end]) for s in split_sentences(body)]
        found = [r for r in rows if r is not None] or [int(rng.integers(len(self._rows)))]
        return self.sample.vectors[found].mean(axis=0)
