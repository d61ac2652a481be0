"""Hybrid search: dense (FAISS) and keyword (BM25) rankings fused by reciprocal rank."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LangChainDocument
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.embeddings import Embedder
from assistant.index import CorpusIndex
from assistant.models import Hit, Passage, section_label

RRF_K = 60  # Cormack, Clarke & Buettcher 2009


def fuse(rankings: Sequence[Sequence[str]], *, top: int, k: int = RRF_K) -> list[Hit]:
    """Reciprocal-rank fusion (k=60, Cormack et al. 2009); ties keep first-seen order."""
    if top < 1:
        raise ValueError(f"top must be >= 1, got {top}")
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, passage_id in enumerate(ranking, start=1):
            scores[passage_id] = scores.get(passage_id, 0.0) + 1.0 / (k + rank)
    ordered = sorted(scores.items(), key=lambda item: item[1], reverse=True)  # stable
    return [Hit(passage_id, score) for passage_id, score in ordered[:top]]


@dataclass(frozen=True, slots=True)
class SearchResult:
    """Ranked passages for one query, plus what later steps reuse (no second embedding)."""

    hits: list[Hit]
    query_vector: np.ndarray
    dense_hits: list[Hit]

    @property
    def best_similarity(self) -> float:
        """Cosine similarity of the closest passage: the dense part of the scope score."""
        return self.dense_hits[0].score if self.dense_hits else 0.0


class DenseSearch(Protocol):
    """Nearest passages to a unit query vector: the FAISS index, or another vector store."""

    def search_dense(self, query_vector: np.ndarray, k: int) -> list[Hit]: ...


class HybridSearch:
    """Searches one loaded index with one embedder; `mode` selects hybrid, dense or bm25.
    Dense search goes to `dense` when given (e.g. Qdrant), else to the index's FAISS."""

    def __init__(
        self,
        index: CorpusIndex,
        embedder: Embedder,
        *,
        mode: str = "hybrid",
        candidate_k: int = 40,
        dense: DenseSearch | None = None,
    ) -> None:
        self.index = index
        self.embedder = embedder
        self.mode = mode
        self.candidate_k = candidate_k
        self.dense: DenseSearch = dense if dense is not None else index

    def search(self, query: str, *, top: int) -> SearchResult:
        query_vector = self.embedder.embed_batch([query])[0]
        dense = self.dense.search_dense(query_vector, max(self.candidate_k, top))
        rankings: list[list[str]] = []
        if self.mode in ("hybrid", "dense"):
            rankings.append([hit.passage_id for hit in dense])
        if self.mode in ("hybrid", "bm25"):
            keyword = self.index.search_bm25(query, max(self.candidate_k, top))
            rankings.append([hit.passage_id for hit in keyword])
        return SearchResult(fuse(rankings, top=top), query_vector, dense)

    def passages(self, hits: Sequence[Hit]) -> list[Passage]:
        return [self.index.passage_by_id[hit.passage_id] for hit in hits]


class PassageRetriever(BaseRetriever):
    """LangChain retriever over the hybrid search; metadata carries citation fields."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    search: HybridSearch
    k: int = 5

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[LangChainDocument]:
        result = self.search.search(query, top=self.k)
        sources = self.search.index.sources
        documents = []
        for hit, passage in zip(result.hits, self.search.passages(result.hits), strict=True):
            source = sources[passage.source_id]
            documents.append(
                LangChainDocument(
                    id=passage.passage_id,
                    page_content=passage.text,
                    metadata={
                        "passage_id": passage.passage_id,
                        "source_id": passage.source_id,
                        "title": source.title,
                        "section": section_label(passage.section),
                        "url": source.url,
                        "source_type": source.source_type,
                        "start": passage.start,
                        "end": passage.end,
                        "score": hit.score,
                    },
                )
            )
        return documents
