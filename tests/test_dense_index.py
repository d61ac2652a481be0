"""dense_index = auto: exact search below AUTO_HNSW_MIN_PASSAGES, HNSW from there up, with
recall@10 against exact search of at least 0.95 on real query vectors."""

import faiss
import numpy as np
import pytest

from assistant.index_build import AUTO_HNSW_MIN_PASSAGES, dense_index_kind, make_dense_index
from bench.synthetic import SentenceSample, mixed_vectors

QUESTIONS = [
    "What is knee-spine syndrome?",
    "Do I need an MRI for my back pain?",
    "Does losing weight help knee pain?",
    "Which exercises help knee osteoarthritis?",
    "Can back problems cause pain in the knee?",
    "Is walking good for a bad back?",
    "When should back pain be scanned?",
    "How does the lumbar spine affect the knee?",
]


@pytest.mark.parametrize(
    ("setting", "passages", "expected"),
    [
        pytest.param("auto", AUTO_HNSW_MIN_PASSAGES - 1, "flat", id="auto-small-is-exact"),
        pytest.param("auto", AUTO_HNSW_MIN_PASSAGES, "hnsw", id="auto-large-is-hnsw"),
        pytest.param("flat", 10 * AUTO_HNSW_MIN_PASSAGES, "flat", id="flat-is-forced"),
        pytest.param("hnsw", 10, "hnsw", id="hnsw-is-forced"),
    ],
)
def test_dense_index_kind_follows_the_setting_and_size(setting, passages, expected):
    assert dense_index_kind(setting, passages) == expected


@pytest.mark.slow
def test_auto_builds_hnsw_at_the_threshold_with_high_recall(fixture_assistant):
    index, embedder = fixture_assistant.index, fixture_assistant.search_engine.embedder
    sample = SentenceSample.from_index(index).vectors
    vectors = mixed_vectors(sample, AUTO_HNSW_MIN_PASSAGES, seed=7)
    approximate = make_dense_index(vectors, "auto")
    exact = make_dense_index(vectors[:-1], "auto")
    assert isinstance(approximate, faiss.IndexHNSWFlat)
    assert isinstance(exact, faiss.IndexFlatIP)
    exact.add(vectors[-1:])
    queries = embedder.embed_batch(QUESTIONS)
    _, truth = exact.search(queries, 10)
    _, found = approximate.search(queries, 10)
    recall = np.mean([len(set(t) & set(f)) / 10 for t, f in zip(truth, found, strict=True)])
    assert recall >= 0.95
