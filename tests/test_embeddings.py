"""The real model: normalised vectors, and the ONNX query graph equals sentence-transformers."""

import json

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


@pytest.mark.parametrize(
    ("change", "supported"),
    [
        pytest.param({}, True, id="bert-mean-pooled"),
        pytest.param({"config.json": {"model_type": "roberta"}}, False, id="not-bert"),
        pytest.param(
            {"1_Pooling/config.json": {"pooling_mode_mean_tokens": False}}, False, id="cls"
        ),
        pytest.param({"model.safetensors": None}, False, id="no-safetensors"),
    ],
)
def test_query_graph_only_for_models_it_reproduces(embedder, tmp_path, change, supported):
    """Other models keep sentence-transformers for queries too (see bert_onnx.supports)."""
    for name in ("config.json", "1_Pooling/config.json", "modules.json", "model.safetensors"):
        copy = tmp_path / name
        copy.parent.mkdir(parents=True, exist_ok=True)
        if name in change and change[name] is None:
            continue
        if name == "model.safetensors":
            copy.symlink_to(embedder.path / name)
            continue
        copy.write_bytes((embedder.path / name).read_bytes())
        if name in change:
            copy.write_text(json.dumps({**json.loads(copy.read_text()), **change[name]}))
    assert bert_onnx.supports(tmp_path) is supported
