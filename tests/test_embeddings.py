"""The real model: normalised vectors, and the ONNX query graph equals sentence-transformers."""

import numpy as np
import pytest

from assistant import bert_onnx
from assistant.embeddings import SMALL_BATCH

pytestmark = pytest.mark.slow

TEXTS = [
    "What is knee-spine syndrome?",
    "can a slipped disc make my kne hurt",
    "Knee osteoarthritis can change how people walk and stand. " * 12,  # long: truncated at 256
]


def test_vectors_are_unit_length_float32(embedder):
    vectors = embedder.embed_batch(TEXTS)
    assert vectors.dtype == np.float32
    assert vectors.shape == (3, embedder.dimension)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_query_graph_matches_sentence_transformers(embedder):
    assert bert_onnx.supports(embedder.path)
    small = embedder.embed_batch(TEXTS)  # query graph (small batch, padded to the longest)
    large = embedder.embed_batch(TEXTS * (SMALL_BATCH // len(TEXTS) + 1))[: len(TEXTS)]
    assert np.abs(small - large).max() < 1e-5
    assert (small * large).sum(axis=1) == pytest.approx([1.0] * 3, abs=1e-6)


def test_similar_texts_score_higher_than_unrelated(embedder):
    query, related, unrelated = embedder.embed_batch(
        [
            "exercise for knee arthritis",
            "Exercise eases knee osteoarthritis pain.",
            "The train to Paris leaves at noon.",
        ]
    )
    assert query @ related > query @ unrelated + 0.3
