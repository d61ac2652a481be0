"""Qdrant (embedded local mode, the same client API as a server) as the dense store: the
same passages and ids as FAISS, the same rankings on the eval questions, the same replies."""

from pathlib import Path

import numpy as np
import pytest

from assistant.chain import Assistant
from assistant.errors import ConfigError
from assistant.evaluation.dataset import ANSWERABLE, load_cases
from assistant.qdrant_store import QdrantDense, open_client, point_id, sync_collection

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
SCORE_TOLERANCE = 1e-5
EVAL_QUESTIONS = [
    case.message for case in load_cases(REPO / "evals" / "dev") if case.category in ANSWERABLE
]


@pytest.fixture(scope="module")
def qdrant(tmp_path_factory, fixture_assistant):
    client = open_client("", tmp_path_factory.mktemp("qdrant"))
    yield QdrantDense.open(
        client, fixture_assistant.index, fixture_assistant.search_engine.embedder, prefix="test"
    )
    client.close()


def same_ranking(ours, theirs) -> bool:
    """Equal scores rank by rank; ids equal except where neighbouring scores tie."""
    scores = np.array([hit.score for hit in ours])
    if len(ours) != len(theirs) or not np.allclose(
        scores, [hit.score for hit in theirs], atol=SCORE_TOLERANCE
    ):
        return False
    for rank, (a, b) in enumerate(zip(ours, theirs, strict=True)):
        tied = np.abs(scores - scores[rank]) <= SCORE_TOLERANCE
        if a.passage_id != b.passage_id and tied.sum() < 2:
            return False
    return True


def test_collection_holds_the_index_passages_under_their_ids(qdrant, fixture_assistant):
    index = fixture_assistant.index
    client, name = qdrant.store.client, qdrant.store.collection_name
    assert name == f"test-{index.version}"
    assert client.count(name, exact=True).count == len(index.passages)
    first = index.passages[0]
    (point,) = client.retrieve(name, [point_id(first.passage_id)], with_vectors=True)
    assert point.payload["metadata"]["passage_id"] == first.passage_id
    np.testing.assert_allclose(point.vector, index.passage_vector(first.passage_id), atol=1e-6)
    assert sync_collection(client, index, "test") == name  # already complete: kept as is


def test_qdrant_ranks_the_eval_questions_like_faiss(qdrant, fixture_assistant):
    embedder, index = fixture_assistant.search_engine.embedder, fixture_assistant.index
    vectors = embedder.embed_batch(EVAL_QUESTIONS)
    different = [
        question
        for question, vector in zip(EVAL_QUESTIONS, vectors, strict=True)
        if not same_ranking(qdrant.search_dense(vector, 10), index.search_dense(vector, 10))
    ]
    assert len(EVAL_QUESTIONS) > 50
    assert different == []


def test_store_works_as_a_langchain_retriever(qdrant):
    documents = qdrant.store.as_retriever(search_kwargs={"k": 3}).invoke(
        "What is knee-spine syndrome?"
    )
    assert len(documents) == 3
    assert all(document.metadata["passage_id"] for document in documents)


def test_assistant_answers_the_same_with_qdrant(tmp_path, fixture_assistant, fixture_settings):
    settings = fixture_settings.replace(vector_store="qdrant", qdrant_path=tmp_path / "qdrant")
    with_qdrant = Assistant(
        settings, fixture_assistant.index, fixture_assistant.search_engine.embedder
    )
    assert isinstance(with_qdrant.search_engine.dense, QdrantDense)
    for question in ("What is knee-spine syndrome?", "Do I need a scan for back pain?"):
        ours, reference = with_qdrant.reply(question), fixture_assistant.reply(question)
        assert (ours.kind, ours.answer, ours.citations) == (
            reference.kind,
            reference.answer,
            reference.citations,
        )
    with_qdrant.search_engine.dense.store.client.close()


def test_embedded_qdrant_refuses_several_workers(fixture_settings):
    with pytest.raises(ConfigError, match="qdrant_url"):
        fixture_settings.replace(vector_store="qdrant", workers=2)
    assert fixture_settings.replace(vector_store="qdrant", qdrant_url="http://q:6333", workers=2)
