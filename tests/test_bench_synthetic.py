"""The scale benchmark's synthetic corpora: deterministic, chunked to about the requested
number of passages, with vectors made from the real vectors of their sentences."""

import numpy as np
import pytest

from assistant.chunking import chunk
from bench.measure import summary
from bench.synthetic import (
    SampledEmbedder,
    SentenceSample,
    mixed_vectors,
    normalized,
    synthetic_documents,
)


@pytest.fixture(scope="module")
def sample(fixture_assistant) -> SentenceSample:
    return SentenceSample.from_index(fixture_assistant.index)


@pytest.mark.slow
def test_same_seed_same_corpus_other_seed_other_corpus(sample):
    first = synthetic_documents(sample.texts, 50, seed=1)
    assert [d.text for d in first] == [
        d.text for d in synthetic_documents(sample.texts, 50, seed=1)
    ]
    assert [d.text for d in first] != [
        d.text for d in synthetic_documents(sample.texts, 50, seed=2)
    ]


@pytest.mark.slow
def test_documents_chunk_to_about_the_requested_passages(sample, embedder):
    documents = synthetic_documents(sample.texts, 120, seed=3)
    passages = [
        p for d in documents for p in chunk(d, max_tokens=200, count_tokens=embedder.count_tokens)
    ]
    assert 120 <= len(passages) <= 132


@pytest.mark.slow
def test_sampled_vectors_are_deterministic_and_close_to_their_sentences(sample, embedder):
    stand_in = SampledEmbedder(embedder, sample)
    text = "Heading\n" + " ".join(sample.texts[:3])
    vectors = stand_in.embed_batch([text, "Heading\n" + sample.texts[5]])
    np.testing.assert_array_equal(
        vectors, stand_in.embed_batch([text, "Heading\n" + sample.texts[5]])
    )
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    expected = normalized(sample.vectors[:3].mean(axis=0, keepdims=True))[0]
    assert float(vectors[0] @ expected) > 0.9
    assert float(vectors[1] @ sample.vectors[5]) > 0.9


def test_mixed_vectors_are_unit_length_and_seeded():
    base = normalized(np.random.default_rng(0).normal(size=(20, 8)))
    vectors = mixed_vectors(base, 100, seed=4)
    assert vectors.shape == (100, 8)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    np.testing.assert_array_equal(vectors, mixed_vectors(base, 100, seed=4))


def test_summary_reports_percentiles():
    assert summary([1.0, 2.0, 3.0, 4.0, 100.0]) == {
        "n": 5,
        "p50_ms": 3.0,
        "p95_ms": 80.8,
        "mean_ms": 22.0,
    }
