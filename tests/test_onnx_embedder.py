"""The int8 ONNX backend: the same vectors as the torch model (within int8 error), its own
index, and an assistant that answers with it."""

import numpy as np
import pytest

from assistant.chain import Assistant, build_config
from assistant.embeddings import load_embedder
from assistant.errors import ModelUnavailableError
from assistant.models import ReplyKind
from assistant.onnx_embedder import OnnxMiniLMEmbedder

pytestmark = pytest.mark.slow

TEXTS = [
    "Do I need an MRI for my back pain?",
    "what about surgery",
    "Knee osteoarthritis can usually be diagnosed without an X-ray or MRI scan. " * 30,
]


@pytest.fixture(scope="module")
def onnx_embedder() -> OnnxMiniLMEmbedder:
    return OnnxMiniLMEmbedder()


def test_onnx_vectors_match_the_torch_model(onnx_embedder, embedder):
    ours, reference = onnx_embedder.embed_batch(TEXTS), embedder.embed_batch(TEXTS)
    assert ours.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    assert (ours * reference).sum(axis=1).min() > 0.998


def test_batches_sorted_by_length_keep_the_input_order(onnx_embedder):
    together = onnx_embedder.embed_batch(TEXTS)
    one_by_one = np.vstack([onnx_embedder.embed_batch([text]) for text in TEXTS])
    np.testing.assert_allclose(together, one_by_one, atol=1e-4)


def test_queries_use_one_thread_and_builds_every_core_neither_spinning(onnx_embedder):
    texts = [f"{TEXTS[0]} ({number})" for number in range(12)]
    together = onnx_embedder.embed_batch(texts)  # a build-sized batch: the batch session
    np.testing.assert_allclose(together[:1], onnx_embedder.embed_batch(texts[:1]), atol=1e-4)
    query, batch = onnx_embedder._query_session, onnx_embedder._batch_session
    assert query.get_session_options().intra_op_num_threads == 1
    assert batch.get_session_options().intra_op_num_threads == 0
    for session in (query, batch):
        options = session.get_session_options()
        assert options.get_session_config_entry("session.intra_op.allow_spinning") == "0"


def test_backend_is_selected_by_settings_and_recorded_in_the_index(fresh_settings):
    settings = fresh_settings.replace(embedding_backend="onnx-int8")
    assert isinstance(
        load_embedder(settings.embedding_model, backend="onnx-int8"), OnnxMiniLMEmbedder
    )
    assert build_config(settings).signature() != build_config(fresh_settings).signature()
    assistant = Assistant.from_settings(settings)
    assert assistant.index.manifest["config"]["embedding_model"] == "all-MiniLM-L6-v2+onnx-int8"
    reply = assistant.reply("What is knee-spine syndrome?")
    assert reply.kind is ReplyKind.ANSWER
    assert reply.citations


def test_onnx_backend_refuses_another_model(tmp_path):
    with pytest.raises(ModelUnavailableError, match="all-MiniLM-L6-v2 only"):
        OnnxMiniLMEmbedder(str(tmp_path))
