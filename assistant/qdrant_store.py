"""Qdrant as the dense vector store, behind LangChain's VectorStore interface.

`QdrantClient(url=...)` talks to a Qdrant server or cluster; `QdrantClient(path=...)` runs
the same client API embedded in this process (one process per folder): tests use it. The
collection holds the live index's passages with the vectors the index build computed, under
ids derived from the passage ids, so both stores rank the same passages.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings
from langchain_qdrant import QdrantVectorStore
from qdrant_client import QdrantClient, models

from assistant.embeddings import Embedder
from assistant.index import CorpusIndex
from assistant.models import Hit

UPLOAD_BATCH = 256


class EmbedderEmbeddings(Embeddings):
    """Our Embedder as LangChain Embeddings (for the store's text queries)."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embedder.embed_batch(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embedder.embed_batch([text])[0].tolist()


def open_client(url: str, path: Path) -> QdrantClient:
    """A client for the server at `url`, or embedded local mode in `path` when url is empty."""
    return QdrantClient(url=url) if url else QdrantClient(path=str(path))


def point_id(passage_id: str) -> str:
    """A stable UUID for a passage id (Qdrant ids are integers or UUIDs)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, passage_id))


def sync_collection(client: QdrantClient, index: CorpusIndex, prefix: str) -> str:
    """The collection `<prefix>-<index version>`, created and filled from the index if
    missing or incomplete; returns its name. Collections of older versions are kept (other
    servers may still use them)."""
    name = f"{prefix}-{index.version}"
    if client.collection_exists(name):
        if client.count(name, exact=True).count == len(index.passages):
            return name
        client.delete_collection(name)
    dimension = int(index.passage_vectors.shape[1])
    client.create_collection(
        name, vectors_config=models.VectorParams(size=dimension, distance=models.Distance.DOT)
    )
    for start in range(0, len(index.passages), UPLOAD_BATCH):
        batch = index.passages[start : start + UPLOAD_BATCH]
        vectors = np.asarray(index.passage_vectors[start : start + len(batch)], dtype=np.float32)
        client.upsert(
            name,
            points=[
                models.PointStruct(
                    id=point_id(passage.passage_id),
                    vector=vector.tolist(),
                    payload={
                        QdrantVectorStore.CONTENT_KEY: passage.text,
                        QdrantVectorStore.METADATA_KEY: {
                            "passage_id": passage.passage_id,
                            "source_id": passage.source_id,
                        },
                    },
                )
                for passage, vector in zip(batch, vectors, strict=True)
            ],
        )
    return name


class QdrantDense:
    """Dense search through a LangChain QdrantVectorStore (inner product, like FAISS)."""

    def __init__(self, store: QdrantVectorStore) -> None:
        self.store = store

    @classmethod
    def open(
        cls, client: QdrantClient, index: CorpusIndex, embedder: Embedder, *, prefix: str
    ) -> QdrantDense:
        collection = sync_collection(client, index, prefix)
        store = QdrantVectorStore(
            client=client,
            collection_name=collection,
            embedding=EmbedderEmbeddings(embedder),
            distance=models.Distance.DOT,
            validate_embeddings=False,
            validate_collection_config=False,
        )
        return cls(store)

    def search_dense(self, query_vector: np.ndarray, k: int) -> list[Hit]:
        """Top-k passages by inner product of unit vectors (cosine similarity)."""
        found = self.store.similarity_search_with_score_by_vector(
            np.asarray(query_vector, dtype=np.float32).tolist(), k=k
        )
        return [Hit(document.metadata["passage_id"], float(score)) for document, score in found]
